/**
 * Builds the `WebexSdk` static resource (force-app/main/default/staticresources/WebexSdk.resource, git-ignored)
 * from the MIT-licensed `@webex/*` plugins with esbuild: one minified IIFE for the browser that defines
 * `window.Webex` (scripts/webex-sdk/entry.cjs). Skips the build when its inputs are unchanged; prints the size and
 * fails over the 5 MB a static resource may hold. `npm run build` runs it. docs/webex-sdk.md says what is in it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, version as esbuildVersion, type Metafile, type Plugin } from 'esbuild';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '..', '..');
/** The static resource's file; its `.resource-meta.xml` beside it is committed. */
export const RESOURCE_FILE = path.join(ROOT, 'force-app', 'main', 'default', 'staticresources', 'WebexSdk.resource');
/**
 * A static resource holds at most 5 MB: "The maximum file size is 5 MB" (Lightning Web Components Developer Guide ›
 * Access Static Resources, https://developer.salesforce.com/docs/platform/lwc/guide/create-resources).
 */
export const MAX_BYTES = 5 * 1024 * 1024;
/** What the last build read: its inputs' hash and the packages it bundled (so a version change rebuilds). */
const STAMP_FILE = path.join(ROOT, 'node_modules', '.cache', 'webex-sdk', 'stamp.json');

const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
const shim = (name: string): string => path.join(HERE, 'shims', name);

/**
 * Node built-ins the SDK's code requires, and what the browser bundle gets instead: the npm browser ports of
 * `util`, `url`, `querystring` (as the SDK's own browser build does), and the package's shims for what is only
 * reached on Node paths (shims/*.cjs say why). `jsonwebtoken` is replaced because the core only decodes.
 */
const SUBSTITUTES: Record<string, string> = {
    util: requireFromRoot.resolve('util/'),
    url: requireFromRoot.resolve('url/'),
    querystring: requireFromRoot.resolve('querystring-es3/'),
    buffer: requireFromRoot.resolve('buffer/'),
    events: requireFromRoot.resolve('events/'),
    jsonwebtoken: shim('jsonwebtoken.cjs'),
    os: shim('os.cjs'),
    fs: shim('empty.cjs')
};

const substitutes: Plugin = {
    name: 'webex-sdk-substitutes',
    setup(pluginBuild) {
        const filter = new RegExp(`^(node:)?(${Object.keys(SUBSTITUTES).join('|')})$`);
        pluginBuild.onResolve({ filter }, (args) => ({ path: SUBSTITUTES[args.path.replace(/^node:/, '')] }));
    }
};

/**
 * Edits of the SDK's own code where Lightning Web Security refuses what it does, each the smallest that keeps its
 * behaviour: the build fails when a `find` is no longer in the file (a new SDK version: look again).
 * - `@webex/http-core` reads `xhr.responseXML` of every answer without a text body (its client metrics are answered
 *   204), which LWS's distortion of that getter refuses ("Illegal invocation", uncaught in the XHR load handler; seen
 *   in the chat story). The `xhr` package it copies guards the read with try/catch; so does this.
 */
const LWS_PATCHES: Array<{ file: string; find: string; replace: string }> = [
    {
        file: '@webex/http-core/dist/lib/xhr.js',
        find: 'body = xhr.responseText || getXml(xhr);',
        replace:
            'body = xhr.responseText || (function () { try { return getXml(xhr); } catch (e) { return null; } })();'
    }
];

const lwsPatches: Plugin = {
    name: 'webex-sdk-lws-patches',
    setup(pluginBuild) {
        for (const patch of LWS_PATCHES) {
            const file = requireFromRoot.resolve(patch.file);
            pluginBuild.onLoad({ filter: new RegExp(`${path.basename(file).replace('.', '\\.')}$`) }, (args) => {
                if (args.path !== file) return undefined;
                const source = readFileSync(file, 'utf8');
                if (!source.includes(patch.find))
                    throw new Error(`WebexSdk: ${patch.file} no longer holds "${patch.find}": review LWS_PATCHES`);
                return { contents: source.replace(patch.find, patch.replace), loader: 'js' };
            });
        }
    }
};

interface Stamp {
    hash: string;
    /** node_modules/<name> of every package the bundle holds. */
    packages: string[];
}

/** The files of scripts/webex-sdk, whose content makes the bundle. */
function ownSources(dir = HERE): string[] {
    return readdirSync(dir, { withFileTypes: true })
        .flatMap((entry) =>
            entry.isDirectory() ? ownSources(path.join(dir, entry.name)) : [path.join(dir, entry.name)]
        )
        .filter((file) => !file.endsWith('.test.ts'))
        .sort();
}

/** A hash of everything the bundle is made of: this folder, the locked versions of `packages`, esbuild's. */
function inputsHash(packages: string[]): string {
    const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { version?: string; integrity?: string }>;
    };
    const hash = createHash('sha256').update(esbuildVersion);
    for (const file of ownSources()) hash.update(path.relative(HERE, file)).update(readFileSync(file));
    for (const name of packages) hash.update(name).update(JSON.stringify(lock.packages[name] ?? null));
    return hash.digest('hex');
}

function readStamp(): Stamp | undefined {
    try {
        return JSON.parse(readFileSync(STAMP_FILE, 'utf8')) as Stamp;
    } catch {
        return undefined;
    }
}

/**
 * Packages that declare no licence in package.json, with the licence their own files state (read by hand at the
 * version locked; a new version is checked again because the build fails on any package without a licence).
 */
const UNDECLARED_LICENCES: Record<string, string> = {
    precond: 'MIT (README.md › License)',
    'urlsafe-base64': 'MIT (readme.md › License)',
    'valid-url': 'MIT (LICENSE)'
};

interface BundledPackage {
    /** node_modules/<name> (nested ones keep their full path). */
    dir: string;
    name: string;
    version: string;
    license: string;
    notice?: string;
    /** The package's own LICENSE file, whose notice MIT, BSD and ISC ask copies to carry. */
    licenceText?: string;
}

/** The first file in `dir` named like a licence, read. */
function readFirst(dir: string, pattern: RegExp): string | undefined {
    const name = readdirSync(dir)
        .filter((file) => pattern.test(file))
        .sort()[0];
    return name ? readFileSync(path.join(dir, name), 'utf8').trim() : undefined;
}

/** The npm packages whose files are in the bundle, from esbuild's metafile, with their declared licence. */
function bundledPackages(metafile: Metafile): BundledPackage[] {
    const dirs = new Set<string>();
    for (const input of Object.keys(metafile.inputs)) {
        // A file a package's `browser` field maps to `false` is listed as `(disabled):…` and adds no code.
        if (input.startsWith('(disabled):')) continue;
        const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
        if (match) dirs.add(match[1]);
    }
    return [...dirs].sort().map((dir) => {
        const manifest = JSON.parse(readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as {
            name: string;
            version: string;
            license?: string | { type: string };
            licenses?: Array<{ type: string }>;
        };
        const license =
            (typeof manifest.license === 'object' ? manifest.license.type : manifest.license) ??
            manifest.licenses?.map((l) => l.type).join(' OR ') ??
            UNDECLARED_LICENCES[manifest.name] ??
            '';
        return {
            dir,
            name: manifest.name,
            version: manifest.version,
            license,
            notice: readFirst(path.join(ROOT, dir), /^NOTICE(\.(txt|md))?$/i),
            licenceText: readFirst(path.join(ROOT, dir), /^(LICEN[CS]E|COPYING)(\b|[.-])/i)
        };
    });
}

/** Each distinct LICENSE text once, headed by the packages it comes with. */
function licenceTexts(packages: BundledPackage[]): string[] {
    const byText = new Map<string, string[]>();
    for (const p of packages) {
        const text = p.licenceText ?? `(no licence file in the package: ${p.license})`;
        byText.set(text, [...(byText.get(text) ?? []), `${p.name}@${p.version}`]);
    }
    return [...byText].flatMap(([text, names]) => [
        '',
        `Licence of ${names.join(', ')}:`,
        ...text.split('\n').map((line) => `  ${line}`)
    ]);
}

/**
 * A legal comment (`/*!`, kept by every minifier) opening the bundle: each bundled package with its licence, and
 * the NOTICE an Apache-2.0 package asks to be carried with it. The packages' own legal comments follow inline.
 */
function licenceBanner(packages: BundledPackage[]): string {
    const lines = [
        'WebexSdk: the Webex JS SDK plugins for Webex for Salesforce, bundled with esbuild from these npm packages',
        '(name@version licence). The `webex` meta-package (Cisco General Terms) is not included.',
        ...packages.map((p) => `  ${p.name}@${p.version} ${p.license || 'UNKNOWN'}`),
        ...packages
            .filter((p) => p.notice)
            .flatMap((p) => ['', `NOTICE of ${p.name}:`, ...(p.notice ?? '').split('\n').map((line) => `  ${line}`)]),
        ...licenceTexts(packages)
    ];
    return `/*!\n${lines.map((line) => ` * ${line.replace(/\*\//g, '* /')}`.trimEnd()).join('\n')}\n */\n`;
}

export interface SdkBuildResult {
    built: boolean;
    bytes: number;
    milliseconds: number;
    packages: number;
}

/** Builds the resource unless its inputs are unchanged (`force` builds anyway); throws over the size limit. */
export async function buildWebexSdk(options: { force?: boolean } = {}): Promise<SdkBuildResult> {
    const started = Date.now();
    const stamp = readStamp();
    if (!options.force && stamp && existsSync(RESOURCE_FILE) && inputsHash(stamp.packages) === stamp.hash) {
        const bytes = statSync(RESOURCE_FILE).size;
        return { built: false, bytes, milliseconds: Date.now() - started, packages: stamp.packages.length };
    }
    const result = await build({
        entryPoints: [path.join(HERE, 'entry.cjs')],
        bundle: true,
        platform: 'browser',
        format: 'iife',
        target: 'es2020',
        minify: true,
        legalComments: 'inline',
        write: false,
        metafile: true,
        logLevel: 'warning',
        // Not the project's tsconfig.json: its `strict` would make esbuild open the bundle with "use strict" (entry.cjs
        // says why the bundle must not).
        tsconfigRaw: {},
        plugins: [substitutes, lwsPatches],
        inject: [shim('globals.js')],
        define: {
            'process.env.NODE_ENV': '"production"',
            global: 'globalThis'
        }
    });
    const packages = bundledPackages(result.metafile);
    const unlicensed = packages.filter((p) => !p.license);
    if (unlicensed.length)
        throw new Error(`WebexSdk: no licence declared by ${unlicensed.map((p) => p.name).join(', ')}`);
    const code = licenceBanner(packages) + result.outputFiles[0].text;
    const bytes = Buffer.byteLength(code);
    if (bytes > MAX_BYTES)
        throw new Error(`WebexSdk: ${(bytes / 1e6).toFixed(2)} MB is over the 5 MB a static resource may hold`);
    mkdirSync(path.dirname(RESOURCE_FILE), { recursive: true });
    writeFileSync(RESOURCE_FILE, code);
    const dirs = packages.map((p) => p.dir);
    mkdirSync(path.dirname(STAMP_FILE), { recursive: true });
    writeFileSync(STAMP_FILE, `${JSON.stringify({ hash: inputsHash(dirs), packages: dirs } satisfies Stamp)}\n`);
    return { built: true, bytes, milliseconds: Date.now() - started, packages: packages.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const result = await buildWebexSdk({ force: process.argv.includes('--force') });
    console.log(
        `WebexSdk.resource: ${(result.bytes / 1e6).toFixed(2)} MB (limit 5 MB), ${result.packages} packages, ` +
            (result.built ? `built in ${(result.milliseconds / 1000).toFixed(1)}s` : 'unchanged, not rebuilt')
    );
}
