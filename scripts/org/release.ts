/**
 * The managed 2GP release, as `.github/workflows/release.yml` runs it (README "Release"):
 *
 *   tsx scripts/org/release.ts create  --dev-hub <alias>    a package version, with code coverage
 *   tsx scripts/org/release.ts promote --dev-hub <alias> --version <04t…>
 *
 * `create` checks the ancestor first (Second-Generation Managed Packaging Developer Guide, "Project
 * Configuration File…": once a version is promoted, every new one must name an ancestor —
 * `"ancestorVersion": "HIGHEST"` in sfdx-project.json; before that, none), builds the components,
 * runs `sf package version create --code-coverage` with the installation key from
 * PACKAGE_INSTALLATION_KEY or, without it, `--installation-key-bypass`, and prints the install URLs.
 * `promote` refuses a version under 75 % Apex coverage or that did not pass the coverage check
 * (a managed version must, to be promoted), then `sf package version promote`.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatCommand } from './plan.ts';
import { realDeps, sfCliRunner } from './real-deps.ts';
import type { CliJson, CliRunner } from './types.ts';

export const MIN_COVERAGE = 75;
/** @salesforce/packaging 5.0.21 lib/utils/packageUtils.js INSTALL_URL_BASE; test.salesforce.com for sandboxes. */
export const INSTALL_URL = 'https://login.salesforce.com/packaging/installPackage.apexp?p0=';
export const SANDBOX_INSTALL_URL = 'https://test.salesforce.com/packaging/installPackage.apexp?p0=';

interface PackageDirectory {
    path: string;
    package?: string;
    default?: boolean;
    ancestorVersion?: string;
    ancestorId?: string;
}

export interface ProjectFile {
    namespace?: string;
    packageDirectories?: PackageDirectory[];
    packageAliases?: Record<string, string>;
}

export function installUrls(subscriberPackageVersionId: string): { production: string; sandbox: string } {
    return {
        production: `${INSTALL_URL}${subscriberPackageVersionId}`,
        sandbox: `${SANDBOX_INSTALL_URL}${subscriberPackageVersionId}`
    };
}

/** The packaged directory of sfdx-project.json and the package it belongs to, or why there is none. */
export function packagedDirectory(project: ProjectFile): { directory: PackageDirectory; name: string } | string {
    const directory = project.packageDirectories?.find((d) => d.default) ?? project.packageDirectories?.[0];
    if (!directory?.package) return 'sfdx-project.json: the default package directory names no "package".';
    if (!project.namespace?.trim())
        return 'sfdx-project.json has no namespace: a managed package needs one (README, "Release").';
    if (!project.packageAliases?.[directory.package])
        return (
            `sfdx-project.json: packageAliases has no "${directory.package}" (the 0Ho id). Create the package once: ` +
            `\`npx sf package create --name "${directory.package}" --package-type Managed --path ${directory.path} --target-dev-hub <dev-hub>\` ` +
            'and commit the alias it adds.'
        );
    return { directory, name: directory.package };
}

/** Whether the ancestor in sfdx-project.json fits the promoted versions the Dev Hub has; null when it does. */
export function ancestorProblem(directory: PackageDirectory, releasedVersions: string[]): string | null {
    const ancestor = directory.ancestorVersion ?? directory.ancestorId;
    const hasAncestor = ancestor !== undefined && ancestor.toUpperCase() !== 'NONE';
    if (releasedVersions.length && !hasAncestor)
        return (
            `${releasedVersions.length} version(s) are promoted (highest ${releasedVersions.at(-1) ?? '?'}): ` +
            'a new version must name its ancestor, or installed orgs cannot upgrade to it. ' +
            'Add "ancestorVersion": "HIGHEST" to the package directory in sfdx-project.json.'
        );
    if (!releasedVersions.length && hasAncestor)
        return (
            `No version is promoted yet, so there is no ancestor "${ancestor}" to name: remove ancestorVersion/ancestorId ` +
            'from sfdx-project.json for the first version, and add "ancestorVersion": "HIGHEST" after promoting it.'
        );
    return null;
}

/** The coverage verdict of `sf package version report --json`'s result; null when it may be promoted. */
export function coverageProblem(report: Record<string, unknown>, min = MIN_COVERAGE): string | null {
    const coverage = report.CodeCoverage;
    const percent =
        typeof coverage === 'number'
            ? coverage
            : coverage !== null && typeof coverage === 'object'
              ? (coverage as { apexCodeCoveragePercentage?: unknown }).apexCodeCoveragePercentage
              : undefined;
    if (typeof percent !== 'number')
        return (
            `no code coverage for this version (${JSON.stringify(coverage ?? null)}): it was created without ` +
            '--code-coverage (or with --skip-validation) and cannot be promoted; create it again with the release workflow.'
        );
    if (percent < min) return `Apex code coverage ${percent.toFixed(2)} % is under ${min} %.`;
    if (report.HasPassedCodeCoverageCheck !== true)
        return `the version did not pass the code coverage check (HasPassedCodeCoverageCheck: ${String(report.HasPassedCodeCoverageCheck)}).`;
    return null;
}

function resultOf(json: CliJson, what: string): unknown {
    if (json.status !== 0)
        throw new Error(
            `${what} failed: ${json.message ?? `status ${json.status}`}${json.name ? ` (${json.name})` : ''}`
        );
    return json.result;
}

export interface ReleaseIo {
    cli: CliRunner;
    project: ProjectFile;
    npm(args: string[]): Promise<void>;
    log(line: string): void;
    /** The installation key, or undefined to bypass it. */
    installationKey?: string;
}

async function sf(io: ReleaseIo, args: string[], what: string, shown = args): Promise<unknown> {
    io.log(`$ ${formatCommand(['sf', ...shown, '--json'])}`);
    return resultOf(await io.cli.run(args), what);
}

/** Creates a package version with code coverage; answers its 04t id. */
export async function createVersion(io: ReleaseIo, devHub: string): Promise<string> {
    const found = packagedDirectory(io.project);
    if (typeof found === 'string') throw new Error(found);
    const released = (await sf(
        io,
        ['package', 'version', 'list', '--packages', found.name, '--released', '--target-dev-hub', devHub],
        'Listing the promoted versions'
    )) as Array<{ Version?: string }> | undefined;
    const problem = ancestorProblem(
        found.directory,
        (released ?? []).map((v) => String(v.Version ?? '?'))
    );
    if (problem) throw new Error(problem);

    io.log('$ npm run build (the .ts components compile to the .js the package carries)');
    await io.npm(['run', 'build']);
    const key = io.installationKey ? ['--installation-key', io.installationKey] : ['--installation-key-bypass'];
    const shownKey = io.installationKey ? ['--installation-key', '***'] : key;
    const common = ['--package', found.name, '--code-coverage'];
    const tail = ['--wait', '120', '--target-dev-hub', devHub];
    const created = (await sf(
        io,
        ['package', 'version', 'create', ...common, ...key, ...tail],
        'Creating the package version',
        ['package', 'version', 'create', ...common, ...shownKey, ...tail]
    )) as { SubscriberPackageVersionId?: string | null; VersionNumber?: string | null } | undefined;
    const id = created?.SubscriberPackageVersionId;
    if (!id) throw new Error('The package version was created, but the CLI gave no SubscriberPackageVersionId (04t).');
    const urls = installUrls(id);
    io.log(`✓ package version ${created.VersionNumber ?? ''} ${id}`);
    io.log(`  Install (production, Developer Edition): ${urls.production}`);
    io.log(`  Install (sandbox): ${urls.sandbox}`);
    const report = (await sf(
        io,
        ['package', 'version', 'report', '--package', id, '--target-dev-hub', devHub],
        'Reading the version'
    )) as Record<string, unknown>;
    const coverage = coverageProblem(report);
    io.log(
        coverage
            ? `⚠ not promotable yet: ${coverage}`
            : '✓ coverage check passed: promotable (release workflow, "promote")'
    );
    return id;
}

/** Promotes a version after checking its coverage. */
export async function promoteVersion(io: ReleaseIo, devHub: string, version: string): Promise<void> {
    if (!/^04t\w{12}(\w{3})?$/.test(version)) throw new Error(`"${version}" is not a package version id (04t…).`);
    const report = (await sf(
        io,
        ['package', 'version', 'report', '--package', version, '--target-dev-hub', devHub],
        'Reading the version'
    )) as Record<string, unknown>;
    const coverage = coverageProblem(report);
    if (coverage) throw new Error(`Not promoted: ${coverage}`);
    await sf(
        io,
        ['package', 'version', 'promote', '--package', version, '--no-prompt', '--target-dev-hub', devHub],
        'Promoting the version'
    );
    io.log(`✓ promoted ${String(report.Version ?? version)}: ${installUrls(version).production}`);
    io.log('  Next versions need "ancestorVersion": "HIGHEST" in sfdx-project.json (if it is not there yet).');
}

async function main(): Promise<number> {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const { values, positionals } = parseArgs({
        args: process.argv.slice(2),
        allowPositionals: true,
        options: { 'dev-hub': { type: 'string' }, version: { type: 'string' } }
    });
    const [operation] = positionals;
    const devHub = values['dev-hub'];
    if (
        !devHub ||
        (operation !== 'create' && operation !== 'promote') ||
        (operation === 'promote' && !values.version)
    ) {
        console.error('Usage: release.ts create --dev-hub <alias> | promote --dev-hub <alias> --version <04t…>');
        return 2;
    }
    const deps = realDeps(root);
    const lines: string[] = [];
    const io: ReleaseIo = {
        cli: sfCliRunner(root),
        project: JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as ProjectFile,
        npm: (args) => deps.npm(args),
        log: (line) => {
            lines.push(line);
            console.log(line);
        },
        ...(process.env.PACKAGE_INSTALLATION_KEY ? { installationKey: process.env.PACKAGE_INSTALLATION_KEY } : {})
    };
    try {
        if (operation === 'create') {
            const id = await createVersion(io, devHub);
            if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `version=${id}\n`);
        } else await promoteVersion(io, devHub, values.version ?? '');
        return 0;
    } catch (error) {
        io.log(`✗ ${(error as Error).message}`);
        return 1;
    } finally {
        if (process.env.GITHUB_STEP_SUMMARY)
            appendFileSync(process.env.GITHUB_STEP_SUMMARY, `\`\`\`\n${lines.join('\n')}\n\`\`\`\n`);
        await deps.cleanup();
    }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename))
    process.exitCode = await main();
