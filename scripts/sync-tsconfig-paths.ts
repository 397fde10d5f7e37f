/**
 * Keeps `compilerOptions.paths` of tsconfig.json in step with the LWC bundles.
 *
 * TypeScript substitutes only one `*` in a path mapping, so `c/*` cannot map to `lwc/*\/*`: every
 * bundle needs its own `c/<name>` entry. `--check` reports drift instead of writing (used by the gate).
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';

const ROOT = path.resolve(import.meta.dirname, '..');
const LWC_DIR = 'force-app/main/default/lwc';
const TSCONFIG = path.join(ROOT, 'tsconfig.json');

/** The `c/<name>` → source-file mappings the bundles on disk call for. */
export function expectedPaths(root: string = ROOT): Record<string, string[]> {
    const lwcRoot = path.join(root, LWC_DIR);
    const paths: Record<string, string[]> = {};
    if (!existsSync(lwcRoot)) return paths;
    for (const name of readdirSync(lwcRoot).sort()) {
        const entry = path.join(lwcRoot, name, `${name}.ts`);
        if (existsSync(entry)) paths[`c/${name}`] = [`./${LWC_DIR}/${name}/${name}.ts`];
    }
    return paths;
}

async function main(): Promise<void> {
    const check = process.argv.includes('--check');
    const config = JSON.parse(readFileSync(TSCONFIG, 'utf8')) as { compilerOptions: { paths?: unknown } };
    const wanted = expectedPaths();
    const same = JSON.stringify(config.compilerOptions.paths ?? {}) === JSON.stringify(wanted);
    if (same) {
        console.log(`tsconfig paths: ${Object.keys(wanted).length} bundles, in sync`);
        return;
    }
    if (check) {
        console.error('tsconfig.json paths are out of date: run `npm run build` (or `npm run sync:paths`).');
        process.exitCode = 1;
        return;
    }
    config.compilerOptions.paths = wanted;
    // Written in the project's Prettier style so the format check stays green after a sync.
    const options = await prettier.resolveConfig(TSCONFIG);
    writeFileSync(TSCONFIG, await prettier.format(JSON.stringify(config), { ...options, filepath: TSCONFIG }));
    console.log(`tsconfig paths: updated, ${Object.keys(wanted).length} bundles`);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
