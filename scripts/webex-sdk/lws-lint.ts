/**
 * The gate's check of the WebexSdk static resource: under 5 MB, and Salesforce's Lightning Web Security rules
 * (`@locker/eslint-plugin-locker`, the rules eslint.config.cjs applies to the package's components) run over the
 * built bundle. Every finding must be listed, with why it is harmless or never reached, in lws-accepted.json; a new
 * one (a rule and message not listed, or more of them than listed) fails. The result is cached by the bundle's
 * hash, so an unchanged bundle is not linted again.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import { MAX_BYTES, RESOURCE_FILE } from './build.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const ACCEPTED_FILE = path.join(import.meta.dirname, 'lws-accepted.json');
const CACHE_FILE = path.join(ROOT, 'node_modules', '.cache', 'webex-sdk', 'lws-lint.json');
const LOCKER_PLUGIN = '@locker/locker';

/** One kind of finding: a rule and its message (minified names taken out), and how many times it occurs. */
export interface FindingKind {
    rule: string;
    message: string;
    count: number;
}

export interface AcceptedFinding extends FindingKind {
    /** Where in the bundle (package and file), read from an unminified build. */
    where: string;
    /** Why it is harmless under Lightning Web Security, or never reached. */
    why: string;
}

/** The LWS rules of the project's ESLint config (the block that loads the @locker plugin), as the components get them. */
function lockerConfig(): Linter.Config {
    const requireFromRoot = createRequire(path.join(ROOT, 'package.json'));
    const configs = requireFromRoot(path.join(ROOT, 'eslint.config.cjs')) as Linter.Config[];
    const locker = configs.find((config) => config.plugins?.[LOCKER_PLUGIN]);
    if (!locker?.rules) throw new Error(`eslint.config.cjs has no block with the ${LOCKER_PLUGIN} rules`);
    return {
        files: ['**/*'],
        plugins: { [LOCKER_PLUGIN]: locker.plugins![LOCKER_PLUGIN] },
        rules: locker.rules,
        languageOptions: { ecmaVersion: 'latest', sourceType: 'script' },
        // The bundled packages' own `eslint-disable` comments are theirs, not ours: neither obeyed nor reported.
        linterOptions: { noInlineConfig: true, reportUnusedDisableDirectives: 'off' }
    };
}

/** A message without the minifier's names (`The t.src setter` → `The <object>.src setter`), so it stays stable. */
export function normalise(message: string): string {
    return message.replace(/^The [\w$]+\./, 'The <object>.');
}

/** Counts the findings by rule and message. */
export function kinds(messages: Linter.LintMessage[]): FindingKind[] {
    const counts = new Map<string, FindingKind>();
    for (const m of messages) {
        const rule = m.ruleId ?? '(parse)';
        const message = normalise(m.message);
        const key = `${rule}\n${message}`;
        const kind = counts.get(key) ?? { rule, message, count: 0 };
        kind.count += 1;
        counts.set(key, kind);
    }
    return [...counts.values()].sort((a, b) => `${a.rule}${a.message}`.localeCompare(`${b.rule}${b.message}`));
}

/** What the accepted list does not cover (new kinds, or more than accepted), and what it over-states. */
export function compare(
    found: FindingKind[],
    accepted: AcceptedFinding[]
): { unaccepted: FindingKind[]; fewer: FindingKind[] } {
    const acceptedBy = new Map(accepted.map((a) => [`${a.rule}\n${a.message}`, a]));
    const unaccepted = found.filter((f) => f.count > (acceptedBy.get(`${f.rule}\n${f.message}`)?.count ?? 0));
    const foundBy = new Map(found.map((f) => [`${f.rule}\n${f.message}`, f]));
    const fewer = accepted
        .filter((a) => (foundBy.get(`${a.rule}\n${a.message}`)?.count ?? 0) < a.count)
        .map((a) => ({ ...a, count: foundBy.get(`${a.rule}\n${a.message}`)?.count ?? 0 }));
    return { unaccepted, fewer };
}

async function lint(source: string): Promise<FindingKind[]> {
    const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: [lockerConfig()] });
    const [result] = await eslint.lintText(source, { filePath: path.join(ROOT, 'WebexSdk.js') });
    return kinds(result.messages);
}

async function main(): Promise<number> {
    if (!existsSync(RESOURCE_FILE)) {
        console.error(`${path.relative(ROOT, RESOURCE_FILE)} is missing: npm run build makes it`);
        return 1;
    }
    const bytes = statSync(RESOURCE_FILE).size;
    if (bytes > MAX_BYTES) {
        console.error(`WebexSdk.resource: ${(bytes / 1e6).toFixed(2)} MB, over the 5 MB a static resource may hold`);
        return 1;
    }
    const started = Date.now();
    const source = readFileSync(RESOURCE_FILE, 'utf8');
    const config = JSON.stringify(lockerConfig().rules);
    const hash = createHash('sha256').update(source).update(config).digest('hex');
    let found: FindingKind[];
    let cached = false;
    try {
        const cache = JSON.parse(readFileSync(CACHE_FILE, 'utf8')) as { hash: string; found: FindingKind[] };
        if (cache.hash !== hash) throw new Error('changed');
        found = cache.found;
        cached = true;
    } catch {
        found = await lint(source);
        mkdirSync(path.dirname(CACHE_FILE), { recursive: true });
        writeFileSync(CACHE_FILE, `${JSON.stringify({ hash, found })}\n`);
    }
    const accepted = (JSON.parse(readFileSync(ACCEPTED_FILE, 'utf8')) as { findings: AcceptedFinding[] }).findings;
    const { unaccepted, fewer } = compare(found, accepted);
    const total = found.reduce((sum, f) => sum + f.count, 0);
    console.log(
        `WebexSdk.resource: ${(bytes / 1e6).toFixed(2)} MB (limit 5 MB); LWS lint: ${total} findings in ${found.length} kinds, ` +
            `${unaccepted.length ? 'not all' : 'all'} explained in ${path.relative(ROOT, ACCEPTED_FILE)} ` +
            (cached ? '(bundle unchanged: cached result)' : `(${((Date.now() - started) / 1000).toFixed(1)}s)`)
    );
    for (const f of fewer)
        console.log(`  fewer than accepted now (${f.count}): ${f.rule} "${f.message}": the list can be tightened`);
    for (const f of unaccepted)
        console.error(`  NEW: ${f.count} × ${f.rule} "${f.message}": explain it in lws-accepted.json or remove it`);
    return unaccepted.length ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    process.exitCode = await main();
}
