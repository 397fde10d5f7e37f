/**
 * The package's Apex tests, run offline by `apex-runtime/` (no org): one line per test method with its
 * SOQL/DML/callout counts, line coverage per class and org-wide, and the methods the runtime cannot run
 * (an `Unsupported: …` construct or a runtime bug), grouped by why. Fails on any failed method, any Apex
 * file the runtime cannot load, or org-wide coverage under 85 % (`.github/workflows/org-ci.yml`'s
 * MIN_COVERAGE, above the 75 % the Apex Developer Guide sets for deployment).
 *
 * A method the runtime cannot run because no source settles a fact it needs is listed, with that refusal and
 * why, in `config/apex-tests-cannot-run.json`: it counts as skipped while it fails with exactly that refusal;
 * passing, failing otherwise, or being gone fails the step (the entry must go).
 *
 * Writes TAP (`# pass N`, `# fail N`, `# skipped N`) so the gate counts the methods; `--json FILE` also writes the
 * runtime's full result. `--class X` / `--method X.m` narrow the run (the gate's self-test runs only the
 * classes a planted bug concerns); a narrowed run reports coverage but does not hold it to the threshold.
 *
 *   tsx scripts/checks/apex-tests.ts [--class X]… [--method X.m]… [--tap FILE] [--json FILE] [--no-coverage]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runProjectTests } from '../../apex-runtime/src/testing/run-project.ts';
import type { TestMethodResult, TestRunResult } from '../../apex-runtime/src/testing/runner.ts';
import { formatCoverage, formatMethod } from '../../apex-runtime/src/testing/report.ts';
import { DEFAULT_DIR, ROOT, rel } from '../lib/project.ts';

/** Org-wide line coverage the package must reach (the org CI job's MIN_COVERAGE). */
const MIN_COVERAGE = 85;

/** A test method the runtime cannot run, the refusal it gives, and why no source settles the fact. */
interface CannotRun {
    method: string;
    refusal: string;
    reason: string;
}

const CANNOT_RUN_FILE = path.join(ROOT, 'config', 'apex-tests-cannot-run.json');

function listedCannotRun(): Map<string, CannotRun> {
    const entries = JSON.parse(readFileSync(CANNOT_RUN_FILE, 'utf8')) as CannotRun[];
    return new Map(entries.map((e) => [e.method, e]));
}

interface Args {
    classes: string[];
    methods: string[];
    tap: string;
    json?: string;
    coverage: boolean;
}

function parseArgs(argv: string[]): Args {
    const args: Args = {
        classes: [],
        methods: [],
        tap: path.join(ROOT, 'reports', 'apex-tests.tap'),
        coverage: true
    };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = (): string => {
            const v = argv[++i];
            if (v === undefined) throw new Error(`${a} needs a value`);
            return v;
        };
        if (a === '--class') args.classes.push(value());
        else if (a === '--method') args.methods.push(value());
        else if (a === '--tap') args.tap = path.resolve(value());
        else if (a === '--json') args.json = path.resolve(value());
        else if (a === '--no-coverage') args.coverage = false;
        else throw new Error(`unknown argument ${a}`);
    }
    return args;
}

/** Whether a failure is the runtime's (a construct it refuses, or its own bug) rather than the test's verdict. */
function cannotRun(m: TestMethodResult): boolean {
    const message = m.message ?? '';
    return message.startsWith('Unsupported: ') || message.startsWith('Internal error (runtime bug)');
}

/** The construct a refusal names, without the source line, so one missing feature is one group. */
function reason(m: TestMethodResult): string {
    const first = (m.message ?? '').split('\n')[0] ?? '';
    return first.replace(/ \([\w/.-]+\.(cls|trigger):\d+\)$/, '');
}

function groupsOf(methods: TestMethodResult[]): Array<{ reason: string; methods: string[] }> {
    const groups = new Map<string, string[]>();
    for (const m of methods) {
        const key = reason(m);
        groups.set(key, [...(groups.get(key) ?? []), `${m.className}.${m.methodName}`]);
    }
    return [...groups]
        .map(([key, names]) => ({ reason: key, methods: names }))
        .sort((a, b) => b.methods.length - a.methods.length || a.reason.localeCompare(b.reason));
}

/** TAP 13 with node's summary comments, the lines `scripts/gate.ts` reads (`tapCounts`). */
function tap(result: TestRunResult, skipped: Set<TestMethodResult>, coverage: string | undefined): string {
    const lines = ['TAP version 13'];
    result.methods.forEach((m, i) => {
        const name = `${m.className}.${m.methodName}`;
        if (skipped.has(m)) {
            lines.push(`ok ${i + 1} - ${name} # SKIP cannot run: ${reason(m)}`);
            return;
        }
        const counts = `${m.soql} SOQL, ${m.dml} DML, ${m.callouts} callouts`;
        lines.push(`${m.outcome === 'Pass' ? 'ok' : 'not ok'} ${i + 1} - ${name} # ${counts}`);
        if (m.outcome === 'Fail') {
            lines.push('  ---', `  message: ${JSON.stringify(m.message ?? '')}`);
            if (m.stackTrace) lines.push(`  stack: ${JSON.stringify(m.stackTrace)}`);
            lines.push('  ...');
        }
    });
    lines.push(`1..${result.methods.length}`, `# tests ${result.methods.length}`);
    lines.push(`# pass ${result.passed}`, `# fail ${result.failed - skipped.size}`, `# skipped ${skipped.size}`);
    if (coverage) lines.push(`# coverage ${coverage}`);
    return `${lines.join('\n')}\n`;
}

function main(): number {
    const started = performance.now();
    const args = parseArgs(process.argv.slice(2));
    const narrowed = args.classes.length > 0 || args.methods.length > 0;
    const { result, loadErrors } = runProjectTests({
        dir: DEFAULT_DIR,
        ...(narrowed ? { filter: { classes: args.classes, methods: args.methods } } : {}),
        coverage: args.coverage,
        onResult: (r) => console.log(formatMethod(r))
    });
    for (const e of loadErrors) console.log(`LOAD ERROR ${rel(path.join(DEFAULT_DIR, e.file))}: ${e.message}`);
    const problems: string[] = [];
    if (narrowed && result.methods.length === 0) problems.push('no test method matches the --class/--method given');
    if (result.coverage) {
        console.log(`\n${formatCoverage(result.coverage)}`);
        if (!narrowed && result.coverage.percent < MIN_COVERAGE)
            problems.push(`org-wide coverage ${result.coverage.percent.toFixed(1)}% is under ${MIN_COVERAGE}%`);
    }
    const listed = listedCannotRun();
    const skipped = new Set<TestMethodResult>();
    const seen = new Set<string>();
    for (const m of result.methods) {
        const name = `${m.className}.${m.methodName}`;
        const entry = listed.get(name);
        if (!entry) continue;
        seen.add(name);
        if (m.outcome === 'Fail' && reason(m) === entry.refusal) skipped.add(m);
        else
            problems.push(
                `${name} is in ${rel(CANNOT_RUN_FILE)} but ${m.outcome === 'Pass' ? 'passes' : `fails with: ${reason(m)}`}: remove or correct its entry`
            );
    }
    if (!narrowed)
        for (const name of listed.keys())
            if (!seen.has(name)) problems.push(`${name} is in ${rel(CANNOT_RUN_FILE)} but no longer exists`);
    if (skipped.size) {
        console.log(`\nMethods the runtime cannot run, listed in ${rel(CANNOT_RUN_FILE)} with why (${skipped.size}):`);
        for (const m of skipped)
            console.log(
                `  SKIP ${m.className}.${m.methodName}: ${listed.get(`${m.className}.${m.methodName}`)?.reason}`
            );
    }
    const unrunnable = result.methods.filter((m) => cannotRun(m) && !skipped.has(m));
    if (unrunnable.length) {
        console.log(`\nMethods the runtime cannot run (${unrunnable.length}), by reason:`);
        for (const g of groupsOf(unrunnable))
            console.log(
                `  ${String(g.methods.length).padStart(4)}  ${g.reason}\n        ${g.methods.slice(0, 3).join(', ')}${g.methods.length > 3 ? ', …' : ''}`
            );
    }
    const failed = result.failed - skipped.size;
    if (failed) problems.push(`${failed} test method(s) failed, ${unrunnable.length} of them not run`);
    if (loadErrors.length) problems.push(`${loadErrors.length} Apex file(s) could not be loaded`);

    mkdirSync(path.dirname(args.tap), { recursive: true });
    writeFileSync(args.tap, tap(result, skipped, result.coverage?.percent.toFixed(1)));
    if (args.json) {
        mkdirSync(path.dirname(args.json), { recursive: true });
        writeFileSync(args.json, JSON.stringify({ ...result, loadErrors }, null, 2));
    }
    const coverage = result.coverage ? `, org-wide coverage ${result.coverage.percent.toFixed(1)}%` : '';
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
        `\nApex tests: ${result.methods.length} methods, ${result.passed} passed, ${failed} failed, ${skipped.size} cannot run${coverage} (${seconds} s)`
    );
    for (const p of problems) console.error(`apex-tests: ${p}`);
    return problems.length ? 1 : 0;
}

process.exitCode = main();
