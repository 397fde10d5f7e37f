/**
 * Reads the org-wide Apex coverage from the Salesforce CLI's JSON answer of
 * `sf apex run test --code-coverage` (the `--json` envelope, or the `test-result-<id>.json` the CLI
 * writes with `--output-dir`, which holds the same `result`) and says whether it reaches the minimum.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export interface CoverageVerdict {
    ok: boolean;
    /** Org-wide coverage in percent, or null when the answer holds none. */
    coverage: number | null;
    lines: string[];
}

interface ApexTestJson {
    summary?: { orgWideCoverage?: string; outcome?: string; testsRan?: number; failing?: number };
    coverage?: { coverage?: Array<{ name?: string; coveredPercent?: number; totalLines?: number }> };
}

function resultOf(json: unknown): ApexTestJson {
    const record = (json ?? {}) as { result?: unknown; summary?: unknown };
    return (record.summary ? record : (record.result ?? {})) as ApexTestJson;
}

/** The percentage in "87%" / "87.5%" / 87; null when absent or unreadable. */
export function parsePercent(value: unknown): number | null {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (typeof value !== 'string') return null;
    const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
    return match ? Number(match[1]) : null;
}

const LEAST_COVERED = 10;

export function checkCoverage(json: unknown, minimum: number): CoverageVerdict {
    const result = resultOf(json);
    const coverage = parsePercent(result.summary?.orgWideCoverage);
    if (coverage === null)
        return {
            ok: false,
            coverage,
            lines: [
                'No org-wide coverage in the test result: run `sf apex run test` with --code-coverage ' +
                    '(and --output-dir or --json) and pass its JSON here.'
            ]
        };
    const ok = coverage >= minimum;
    const lines = [`Org-wide Apex coverage: ${coverage}% (minimum ${minimum}%) — ${ok ? 'OK' : 'TOO LOW'}`];
    if (!ok) {
        const classes = (result.coverage?.coverage ?? [])
            .filter((c) => typeof c.coveredPercent === 'number' && (c.totalLines ?? 1) > 0)
            .sort((a, b) => (a.coveredPercent ?? 0) - (b.coveredPercent ?? 0))
            .slice(0, LEAST_COVERED);
        if (classes.length) {
            lines.push('Least-covered classes and triggers:');
            for (const c of classes) lines.push(`  ${String(c.coveredPercent).padStart(3)}%  ${c.name ?? '?'}`);
        }
    }
    return { ok, coverage, lines };
}

/** The test-result JSON in a `--output-dir` folder (the run named in test-run-id.txt), or the file itself. */
export function findResultFile(target: string): string {
    if (!existsSync(target)) throw new Error(`${target} does not exist.`);
    if (!statSync(target).isDirectory()) return target;
    const runIdFile = path.join(target, 'test-run-id.txt');
    if (existsSync(runIdFile)) {
        const named = path.join(target, `test-result-${readFileSync(runIdFile, 'utf8').trim()}.json`);
        if (existsSync(named)) return named;
    }
    const candidates = readdirSync(target).filter(
        (file) => /^test-result.*\.json$/.test(file) && !file.includes('codecoverage')
    );
    if (candidates.length !== 1)
        throw new Error(
            `${target}: expected one test-result JSON, found ${candidates.length ? candidates.join(', ') : 'none'}.`
        );
    return path.join(target, candidates[0]);
}
