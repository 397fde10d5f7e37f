/**
 * `node --import tsx apex-runtime/src/testing/cli.ts <sfdx-project-dir> [--class X]... [--method X.m]...
 * [--json out.json] [--no-coverage] [--org-domain https://x.my.salesforce.com] [--feature F]... [--namespace ns]`: runs the
 * Apex tests of any SFDX project (its `sfdx-project.json` package directories, or the directory itself when it has none)
 * in the org its scratch-org definition describes (plus each `--feature`: MultiCurrency, PersonAccounts, Divisions;
 * with `--namespace`, installed with that namespace as a namespaced scratch org runs it), prints one
 * line per method, the coverage table and a summary; exits with 1 when a test fails or a file
 * cannot be loaded.
 */
import { writeFileSync } from 'node:fs';
import type { TestFilter } from './runner.ts';
import { projectOrgFeatures } from '../data/scratch-definition.ts';
import { DEFAULT_ORG_DOMAIN, runProjectTests } from './run-project.ts';
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
    /** Runs the project as installed with a namespace (`--namespace acme`), as a namespaced scratch org does. */
    namespace: string;
}

function parseArgs(argv: string[]): CliArgs {
    const args: CliArgs = {
        dir: '',
        filter: { classes: [], methods: [] },
        coverage: true,
        orgDomain: DEFAULT_ORG_DOMAIN,
        features: [],
        namespace: ''
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
        else if (a === '--namespace') args.namespace = value();
        else if (a.startsWith('--')) throw new Error(`unknown option ${a}`);
        else args.dir = a;
    }
    if (!args.dir)
        throw new Error(
            'usage: cli.ts <sfdx-project-dir> [--class X] [--method X.m] [--json out.json] [--no-coverage] [--org-domain https://x.my.salesforce.com] [--feature PersonAccounts] [--namespace acme]'
        );
    return args;
}

function main(argv: string[]): number {
    const args = parseArgs(argv);
    // The org the project's scratch-org definition describes, plus the features named on the command line.
    const features = [...projectOrgFeatures(args.dir).names(), ...args.features];
    const { result, loadErrors } = runProjectTests({
        dir: args.dir,
        filter: args.filter,
        coverage: args.coverage,
        orgDomain: args.orgDomain,
        features,
        namespace: args.namespace,
        onResult: (r) => console.log(formatMethod(r))
    });
    for (const e of loadErrors) console.log(`LOAD ERROR ${e.file}: ${e.message}`);
    if (result.coverage) console.log(`\n${formatCoverage(result.coverage)}`);
    const groups = failureGroups(result);
    if (groups.length) {
        console.log('\nFailures by message:');
        for (const g of groups.slice(0, 20))
            console.log(`  ${String(g.count).padStart(4)}  ${g.message}  (e.g. ${g.examples.join(', ')})`);
    }
    if (args.json) writeFileSync(args.json, JSON.stringify(result, null, 2));
    console.log(`\n${formatSummary(result)}`);
    return result.failed > 0 || loadErrors.length > 0 ? 1 : 0;
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
