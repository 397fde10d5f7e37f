/**
 * `tsx scripts/org/check-apex-coverage.ts <test-results dir | result.json> [--min 85]`: fails (exit 1)
 * when the org-wide Apex coverage of an `sf apex run test --code-coverage` run is below the minimum.
 * Used by the org CI workflow.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { checkCoverage, findResultFile } from './apex-coverage.ts';

function main(): number {
    let target: string | undefined;
    let minimum: number;
    try {
        const { values, positionals } = parseArgs({
            args: process.argv.slice(2),
            allowPositionals: true,
            options: { min: { type: 'string', default: '85' } }
        });
        target = positionals[0];
        minimum = Number(values.min);
        if (!target || positionals.length > 1 || !Number.isFinite(minimum)) throw new Error('bad arguments');
    } catch {
        console.error('Usage: tsx scripts/org/check-apex-coverage.ts <test-results dir | result.json> [--min 85]');
        return 2;
    }
    try {
        const file = findResultFile(target);
        const verdict = checkCoverage(JSON.parse(readFileSync(file, 'utf8')), minimum);
        for (const line of verdict.lines) (verdict.ok ? console.log : console.error)(line);
        return verdict.ok ? 0 : 1;
    } catch (error) {
        console.error(`Apex coverage check: ${(error as Error).message}`);
        return 1;
    }
}

process.exitCode = main();
