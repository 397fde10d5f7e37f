/**
 * What the gate's Apex rules share: one parse of the project's Apex (about 10 s on this code base, the
 * most expensive part), the call graphs, allow-lists read from `config/`, and the way a rule runs on its
 * own (`tsx scripts/checks/apex-<rule>.ts`, as the gate self-test does) or with every other rule in one
 * process (`tsx scripts/checks/apex-rules.ts`, the gate's step).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ApexGraph } from './apex-graph.ts';
import { loadProject, type ApexProject } from './apex-model.ts';
import { ROOT, findFiles, rel, report, type Finding } from './project.ts';

export interface ApexRuleContext {
    project: ApexProject;
    /** The graph of production code (test classes are not followed: mocks and stubs would add paths). */
    graph: ApexGraph;
    /** The graph of test code only: test helpers, for what a test does itself. */
    testGraph: ApexGraph;
}

export interface ApexRule {
    /** The name the gate prints (`apex-test-limits`). */
    name: string;
    /** Whether the rule reads test classes; when no rule run does, they are not parsed (half the time). */
    readsTests?: boolean;
    run(context: ApexRuleContext): { findings: Finding[]; summary: string };
}

let cached: ApexRuleContext | undefined;

/** A test class file: `@IsTest` at the start of a line, on the top-level class (members' are indented). */
const isTestFile = (file: string): boolean => /^@IsTest\b/m.test(readFileSync(file, 'utf8'));

/** Parses the project's Apex once per process (without the test classes, when no rule reads them). */
export function apexContext(withTests = true): ApexRuleContext {
    if (cached) return cached;
    const files = findFiles(path.join(ROOT, 'force-app'), /\.(cls|trigger)$/).filter(
        (f) => withTests || !isTestFile(f)
    );
    const project = loadProject(files);
    cached = {
        project,
        graph: new ApexGraph(project, (m) => !m.cls.isTest),
        testGraph: new ApexGraph(project, (m) => m.cls.isTest)
    };
    return cached;
}

/** Runs rules on one parse; each prints its findings or its summary. Returns whether all passed. */
export function runRules(rules: ApexRule[]): boolean {
    const started = Date.now();
    const context = apexContext(rules.some((r) => r.readsTests));
    const syntax = context.project.units.flatMap((u) => u.errors);
    console.log(`apex: ${context.project.units.length} files parsed in ${((Date.now() - started) / 1000).toFixed(1)}s`);
    let ok = true;
    if (syntax.length) {
        ok = report(
            'apex-parse',
            syntax.map((error) => ({ file: error.split(':')[0], message: `syntax: ${error}` })),
            ''
        );
    }
    for (const rule of rules) {
        const t0 = Date.now();
        const { findings, summary } = rule.run(context);
        ok = report(rule.name, findings, `${summary} (${((Date.now() - t0) / 1000).toFixed(1)}s)`) && ok;
    }
    return ok;
}

/** Whether a module is the script node was started with. */
export function isMain(meta: ImportMeta): boolean {
    return Boolean(process.argv[1]) && pathToFileURL(path.resolve(process.argv[1])).href === meta.url;
}

/** An allow-list from `config/`: entries that must each say why. */
export function readAllowList<T extends { reason?: string }>(
    name: string
): { file: string; entries: T[]; problems: Finding[] } {
    const file = path.join(ROOT, 'config', name);
    if (!existsSync(file)) return { file, entries: [], problems: [] };
    const entries = JSON.parse(readFileSync(file, 'utf8')) as T[];
    const problems: Finding[] = entries
        .filter((entry) => !entry.reason || entry.reason.trim().length < 20)
        .map((entry) => ({ file, message: `allow-list entry without a reason: ${JSON.stringify(entry)}` }));
    return { file, entries, problems };
}

export { rel };
export type { Finding };
