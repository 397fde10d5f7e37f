/**
 * `node --import tsx apex-runtime/src/testing/cli.ts <sfdx-project-dir> [--class X]... [--method X.m]...
 * [--json out.json] [--no-coverage] [--org-domain https://x.my.salesforce.com] [--feature F]...`: runs the Apex tests of any
 * SFDX project (its `sfdx-project.json` package directories, or the directory itself when it has none) in the org its
 * scratch-org definition describes (plus each `--feature`: MultiCurrency, PersonAccounts, Divisions), prints one
 * line per method, the coverage table and a summary; exits with 1 when a test fails or a file
 * cannot be loaded.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ParseCache } from '../syntax/parse-cache.ts';
import type { CompilationUnit } from '../syntax/ast.ts';
import { wireDataLayer, dataNatives } from '../interpreter/data/wire.ts';
import { installOrgContext } from '../interpreter/natives/org-context.ts';
import { buildTestInterpreter, runTests } from './runner.ts';
import { createTestOrg } from './org.ts';
import { loadProjectOrg } from './project-org.ts';
import { projectOrgFeatures } from '../data/scratch-definition.ts';
import type { TestFilter } from './runner.ts';
import { failureGroups, formatCoverage, formatMethod, formatSummary } from './report.ts';
import { relaunchWithApexStack } from './apex-stack.ts';

interface CliArgs {
    dir: string;
    filter: TestFilter;
    json?: string;
    coverage: boolean;
    /** The org's My Domain URL (`URL.getOrgDomainUrl()`). */
    orgDomain: string;
    /** Add-on features beyond the project's scratch-org definition (`--feature PersonAccounts`). */
    features: string[];
}

/** A My Domain URL of the documented form `https://MyDomainName.my.salesforce.com` (Salesforce Help › My Domain URL Formats). */
const DEFAULT_ORG_DOMAIN = 'https://example.my.salesforce.com';

function parseArgs(argv: string[]): CliArgs {
    const args: CliArgs = {
        dir: '',
        filter: { classes: [], methods: [] },
        coverage: true,
        orgDomain: DEFAULT_ORG_DOMAIN,
        features: []
    };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i] ?? '';
        const value = (): string => {
            const v = argv[++i];
            if (v === undefined) throw new Error(`${a} needs a value`);
            return v;
        };
        if (a === '--class') args.filter.classes?.push(value());
        else if (a === '--method') args.filter.methods?.push(value());
        else if (a === '--json') args.json = value();
        else if (a === '--no-coverage') args.coverage = false;
        else if (a === '--org-domain') args.orgDomain = value();
        else if (a === '--feature') args.features.push(value());
        else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
        else args.dir = a;
    }
    if (!args.dir)
        throw new Error(
            'usage: cli.ts <sfdx-project-dir> [--class X] [--method X.m] [--json out.json] [--no-coverage] [--org-domain https://x.my.salesforce.com] [--feature PersonAccounts]'
        );
    return args;
}

/** The package directories of a project (`sfdx-project.json`), or the directory itself. */
function packageDirs(dir: string): string[] {
    const project = path.join(dir, 'sfdx-project.json');
    if (!existsSync(project)) return [dir];
    const json = JSON.parse(readFileSync(project, 'utf8')) as { packageDirectories?: { path: string }[] };
    return (json.packageDirectories ?? []).map((p) => path.join(dir, p.path));
}

/** Every file under `dir` (skipping node_modules and dot folders), and the folders named `name`. */
function walk(dir: string, files: string[], folders: Map<string, string[]>): void {
    for (const entry of readdirSync(dir)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        const p = path.join(dir, entry);
        if (statSync(p).isDirectory()) {
            const list = folders.get(entry);
            if (list) list.push(p);
            walk(p, files, folders);
        } else files.push(p);
    }
}

function main(argv: string[]): number {
    const args = parseArgs(argv);
    const files: string[] = [];
    const folders = new Map<string, string[]>([
        ['objects', []],
        ['objectTranslations', []]
    ]);
    for (const d of packageDirs(args.dir)) walk(d, files, folders);
    // The org the project's scratch-org definition describes, plus the features named on the command line.
    const features = [...projectOrgFeatures(args.dir).names(), ...args.features];
    const project = loadProjectOrg(folders.get('objects') ?? [], folders.get('objectTranslations') ?? [], {
        features
    });
    const schema = project.schema;
    const cache = new ParseCache();
    const units: CompilationUnit[] = [];
    let loadErrors = 0;
    for (const f of files.filter((x) => x.endsWith('.cls') || x.endsWith('.trigger')).sort()) {
        try {
            units.push(cache.parse(path.relative(args.dir, f), readFileSync(f, 'utf8')));
        } catch (e) {
            loadErrors++;
            console.log(`LOAD ERROR ${path.relative(args.dir, f)}: ${e instanceof Error ? e.message : String(e)}`);
        }
    }
    const clock = Date.now;
    const org = createTestOrg({ schema, meta: project.meta, clock, publishBehavior: project.publishBehavior });
    const timeZone = org.store.get(org.userId)?.get('TimeZoneSidKey');
    const interpreter = buildTestInterpreter({
        units,
        schema,
        data: org.layer,
        natives: dataNatives(),
        clock,
        ...(typeof timeZone === 'string' ? { timeZone } : {})
    });
    wireDataLayer(interpreter, org.layer);
    installOrgContext(interpreter, org.orgContext);
    interpreter.orgDomain = args.orgDomain;
    const result = runTests({
        units,
        interpreter,
        store: org.store,
        identity: org.identity,
        filter: args.filter,
        schema,
        coverage: args.coverage,
        onResult: (r) => console.log(formatMethod(r))
    });
    if (result.coverage) console.log(`\n${formatCoverage(result.coverage)}`);
    const groups = failureGroups(result);
    if (groups.length) {
        console.log('\nFailures by message:');
        for (const g of groups.slice(0, 20))
            console.log(`  ${String(g.count).padStart(4)}  ${g.message}  (e.g. ${g.examples.join(', ')})`);
    }
    if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2));
    console.log(`\n${formatSummary(result)}`);
    return result.failed > 0 || loadErrors > 0 ? 1 : 0;
}

// The tests run in a worker whose stack holds Apex's 1,000 frames (apex-stack.ts).
if (!relaunchWithApexStack(import.meta.url)) {
    try {
        process.exitCode = main(process.argv.slice(2));
    } catch (e) {
        console.error(e instanceof Error ? e.message : String(e));
        process.exitCode = 1;
    }
}
