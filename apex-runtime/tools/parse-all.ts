/**
 * Converts every `.cls` and `.trigger` under a directory to the runtime's syntax tree and prints counts, timings
 * and each failure. Run by hand: `node --import tsx apex-runtime/tools/parse-all.ts <dir> [--cache <dir>]`.
 * With `--cache`, runs twice through the parse cache (cold, then warm) to show what the cache saves.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseApexFile } from '../src/syntax/parse.ts';
import { ParseCache } from '../src/syntax/parse-cache.ts';

function apexFiles(dir: string): string[] {
    const out: string[] = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...apexFiles(full));
        else if (/\.(cls|trigger)$/i.test(entry.name)) out.push(full);
    }
    return out.sort();
}

function run(label: string, files: string[], parse: (file: string, text: string) => unknown): number {
    const texts = files.map((f) => readFileSync(f, 'utf8'));
    const failures: string[] = [];
    const started = performance.now();
    files.forEach((file, i) => {
        try {
            parse(path.basename(file), texts[i]);
        } catch (error) {
            failures.push(`  ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
    });
    const ms = performance.now() - started;
    const lines = texts.reduce((n, t) => n + t.split('\n').length, 0);
    console.log(
        `${label}: ${files.length - failures.length}/${files.length} files converted (${lines} lines) in ${ms.toFixed(0)} ms`
    );
    for (const failure of failures) console.log(failure);
    return failures.length;
}

const args = process.argv.slice(2);
const dir = args[0];
if (!dir) {
    console.error('usage: parse-all.ts <dir> [--cache <dir>]');
    process.exit(2);
}
const cacheIndex = args.indexOf('--cache');
const files = apexFiles(dir);
let failed = 0;
if (cacheIndex >= 0) {
    const cacheDir = args[cacheIndex + 1];
    const cold = new ParseCache({ dir: cacheDir });
    failed += run('through the cache, first process pass', files, (f, t) => cold.parse(f, t));
    const warm = new ParseCache({ dir: cacheDir });
    failed += run('through the cache, read back from disk', files, (f, t) => warm.parse(f, t));
} else {
    failed += run('parse (no cache)', files, parseApexFile);
}
process.exit(failed ? 1 : 0);
