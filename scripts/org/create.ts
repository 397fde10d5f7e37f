/**
 * `npm run org:create -- [--alias <name>] [--dev-hub <name>] [--duration-days <n>] [--no-data]
 * [--target-org <name>] [--dry-run]`: a scratch org ready for Webex for Salesforce (PRODUCT.md A8).
 * See `npm run org:create -- --help` and the README's "Scratch org" section.
 */
import path from 'node:path';
import { runOrgCreate } from './executor.ts';
import { USAGE, parseOptions } from './options.ts';
import { loadProject } from './project-files.ts';
import { realDeps } from './real-deps.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function main(): Promise<number> {
    const parsed = parseOptions(process.argv.slice(2));
    if (!parsed.ok) {
        if (parsed.help) {
            console.log(parsed.message);
            return 0;
        }
        console.error(`${parsed.message}\n\n${USAGE}`);
        return 2;
    }
    let project;
    try {
        project = loadProject(ROOT);
    } catch (error) {
        console.error(`org:create: ${(error as Error).message}`);
        return 1;
    }
    const deps = realDeps(ROOT);
    try {
        return (await runOrgCreate(parsed.options, project, deps)).exitCode;
    } finally {
        await deps.cleanup();
    }
}

process.exitCode = await main();
