/**
 * A disk cache of converted syntax trees, so a run over a package's files skips apex-parser (seconds) when the
 * files have not changed. Entries are JSON files named by a hash of (apex-parser version, converter version and
 * sources, source text); the tree's `file` is set from the caller on every read, so equal texts share an entry.
 * `cachedTree` does the same for the SOQL and SOSL readers' trees and for SOQL binds' expressions.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CompilationUnit, Expr } from './ast.ts';
import { CONVERTER_VERSION, parseApexExpression, parseApexFile } from './parse.ts';

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

const fingerprints = new Map<string, string>();

/**
 * A hash of the sources in the folders of `moduleUrls` (a reader and the tree it builds), so an entry
 * written by an edited reader is never read back even where nobody bumped a version number.
 */
function sourcesFingerprint(moduleUrls: string[]): string {
    const key = moduleUrls.join('\n');
    const known = fingerprints.get(key);
    if (known) return known;
    const hash = createHash('sha256');
    for (const url of moduleUrls) {
        const dir = path.dirname(fileURLToPath(url));
        const files = readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile());
        for (const name of files.map((e) => e.name).sort())
            hash.update(name).update(readFileSync(path.join(dir, name)));
    }
    const digest = hash.digest('hex');
    fingerprints.set(key, digest);
    return digest;
}

/** Writes one entry; a cache that cannot be written only costs time. */
function writeEntry(dir: string, entry: string, tree: unknown): void {
    try {
        mkdirSync(dir, { recursive: true });
        // Write then rename, so a concurrent reader never sees half an entry.
        const temp = `${entry}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify(tree));
        renameSync(temp, entry);
    } catch {
        // not written: the next run parses again
    }
}

/**
 * The tree another reader builds from `text` with apex-parser (SOQL, SOSL), through a disk cache in
 * `<dir or DEFAULT_CACHE_DIR>/<kind>/` keyed by apex-parser's version, the sources of the folders of
 * `moduleUrls` and the text. The tree must be plain JSON data; a `build` that throws is not cached.
 */
export function cachedTree<T>(
    kind: string,
    moduleUrls: string[],
    text: string,
    build: () => T,
    options: ParseCacheOptions = {}
): T {
    const dir = path.join(options.dir ?? DEFAULT_CACHE_DIR, kind);
    const salt = `apex-parser ${apexParserVersion()}\n${sourcesFingerprint(moduleUrls)}\n`;
    const entry = path.join(dir, `${createHash('sha256').update(salt).update(text).digest('hex')}.json`);
    try {
        return JSON.parse(readFileSync(entry, 'utf8')) as T;
    } catch {
        // not cached yet (or a damaged entry): build it
    }
    const tree = build();
    writeEntry(dir, entry, tree);
    return tree;
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
        this.salt = `apex-parser ${apexParserVersion()}\nconverter ${CONVERTER_VERSION} ${sourcesFingerprint([import.meta.url])}\n`;
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
            writeEntry(this.dir, entry, unit);
        }
        this.memory.set(key, unit);
        return unit;
    }
}

let shared: ParseCache | undefined;

/** `parseApexFile` through a process-wide cache in `DEFAULT_CACHE_DIR` (or the directory of the first call). */
export function parseApexFileCached(file: string, text: string, options?: ParseCacheOptions): CompilationUnit {
    shared ??= new ParseCache(options);
    return shared.parse(file, text);
}

const expressions = new Map<string, Expr>();

/** `parseApexExpression(text)` (no origin: SOQL binds) through memory and `cachedTree`; callers must not mutate the tree. */
export function parseApexExpressionCached(text: string): Expr {
    let expr = expressions.get(text);
    if (!expr) {
        expr = cachedTree('expression', [import.meta.url], text, () => parseApexExpression(text));
        expressions.set(text, expr);
    }
    return expr;
}
