/**
 * A disk cache of converted syntax trees, so a run over a package's files skips apex-parser (seconds) when the
 * files have not changed. Entries are JSON files named by a hash of (apex-parser version, converter version,
 * source text); the tree's `file` is set from the caller on every read, so equal texts share an entry.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CompilationUnit } from './ast.ts';
import { CONVERTER_VERSION, parseApexFile } from './parse.ts';

/** Where the cache lives when the caller does not say: relative to the working directory. */
export const DEFAULT_CACHE_DIR = path.join('node_modules', '.cache', 'apex-runtime');

let parserVersion: string | undefined;

/** apex-parser's version, read from its package.json next to its resolved entry point. */
function apexParserVersion(): string {
    if (parserVersion) return parserVersion;
    const require = createRequire(import.meta.url);
    let dir = path.dirname(require.resolve('@apexdevtools/apex-parser'));
    for (;;) {
        try {
            const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as {
                name?: string;
                version?: string;
            };
            if (pkg.name === '@apexdevtools/apex-parser' && pkg.version) return (parserVersion = pkg.version);
        } catch {
            // no package.json at this level: keep walking up
        }
        const parent = path.dirname(dir);
        if (parent === dir) throw new Error('apex-parser package.json not found');
        dir = parent;
    }
}

export interface ParseCacheOptions {
    /** Cache directory; default `node_modules/.cache/apex-runtime/` under the working directory. */
    dir?: string;
}

/** Parses through the cache: memory first, then disk, then apex-parser (writing the entry back). */
export class ParseCache {
    readonly dir: string;
    private readonly memory = new Map<string, CompilationUnit>();
    private readonly salt: string;

    constructor(options: ParseCacheOptions = {}) {
        this.dir = path.join(options.dir ?? DEFAULT_CACHE_DIR, 'syntax');
        this.salt = `apex-parser ${apexParserVersion()}\nconverter ${CONVERTER_VERSION}\n`;
    }

    /** Same contract as `parseApexFile`; errors are not cached (the next call parses again and throws again). */
    parse(file: string, text: string): CompilationUnit {
        const key = createHash('sha256').update(this.salt).update(text).digest('hex');
        const inMemory = this.memory.get(key);
        if (inMemory) return inMemory.file === file ? inMemory : { ...inMemory, file };
        const entry = path.join(this.dir, `${key}.json`);
        let unit: CompilationUnit | undefined;
        try {
            unit = { ...(JSON.parse(readFileSync(entry, 'utf8')) as CompilationUnit), file };
        } catch {
            unit = undefined;
        }
        if (!unit) {
            unit = parseApexFile(file, text);
            this.write(entry, unit);
        }
        this.memory.set(key, unit);
        return unit;
    }

    private write(entry: string, unit: CompilationUnit): void {
        try {
            mkdirSync(this.dir, { recursive: true });
            // Write then rename, so a concurrent reader never sees half an entry.
            const temp = `${entry}.${process.pid}.tmp`;
            writeFileSync(temp, JSON.stringify(unit));
            renameSync(temp, entry);
        } catch {
            // A cache that cannot be written only costs time.
        }
    }
}

let shared: ParseCache | undefined;

/** `parseApexFile` through a process-wide cache in `DEFAULT_CACHE_DIR` (or the directory of the first call). */
export function parseApexFileCached(file: string, text: string, options?: ParseCacheOptions): CompilationUnit {
    shared ??= new ParseCache(options);
    return shared.parse(file, text);
}
