/**
 * The 2GP release script against a fake CLI (the `result` shapes of @salesforce/plugin-packaging
 * 3.0.6 `package version list|create|report|promote --json`): the ancestor rule, the coverage gate
 * before promoting, the installation key, the install URLs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
    ancestorProblem,
    coverageProblem,
    createVersion,
    installUrls,
    packagedDirectory,
    promoteVersion,
    type ProjectFile,
    type ReleaseIo
} from './release.ts';
import type { CliJson } from './types.ts';

const VERSION_ID = '04tAB000000WeBeXAA';

const project = (directory: Record<string, unknown> = {}): ProjectFile => ({
    namespace: 'webexsf',
    packageDirectories: [{ path: 'force-app', default: true, package: 'Webex for Salesforce', ...directory }],
    packageAliases: { 'Webex for Salesforce': '0HoAB0000000WeBAAA' }
});

/** `package version report --json` (lib/commands/package/version/report.js massageResultsForDisplay). */
const report = (coverage: unknown, passed: unknown): CliJson => ({
    status: 0,
    result: {
        SubscriberPackageVersionId: VERSION_ID,
        Version: '0.1.0.1',
        CodeCoverage: coverage,
        HasPassedCodeCoverageCheck: passed,
        IsReleased: false
    },
    warnings: []
});

function io(answers: Record<string, (args: string[]) => CliJson>, overrides: Partial<ReleaseIo> = {}) {
    const calls: string[][] = [];
    const output: string[] = [];
    const npm: string[][] = [];
    const value: ReleaseIo = {
        cli: {
            run: (args) => {
                calls.push(args);
                const answer = answers[args.slice(0, 3).join(' ')];
                return Promise.resolve(answer ? answer(args) : { status: 1, message: `no fake for ${args.join(' ')}` });
            }
        },
        project: project(),
        npm: (args) => {
            npm.push(args);
            return Promise.resolve();
        },
        log: (line) => output.push(line),
        ...overrides
    };
    return { io: value, calls, output, npm, text: () => output.join('\n') };
}

const released = (...versions: string[]): CliJson => ({
    status: 0,
    result: versions.map((Version) => ({ Version, IsReleased: true, SubscriberPackageVersionId: '04tAB000000OlDAAA' })),
    warnings: []
});
const created: CliJson = {
    status: 0,
    result: {
        Id: '08cAB0000000CrEAAA',
        Status: 'Success',
        SubscriberPackageVersionId: VERSION_ID,
        VersionNumber: '0.1.0.1'
    },
    warnings: []
};

describe('release: the rules', () => {
    it('gives the install URL pattern for production and sandboxes', () => {
        assert.deepEqual(installUrls(VERSION_ID), {
            production: `https://login.salesforce.com/packaging/installPackage.apexp?p0=${VERSION_ID}`,
            sandbox: `https://test.salesforce.com/packaging/installPackage.apexp?p0=${VERSION_ID}`
        });
    });

    it('needs a namespace and the package alias `sf package create` adds', () => {
        assert.match(String(packagedDirectory({ ...project(), namespace: '' })), /no namespace/);
        assert.match(
            String(packagedDirectory({ ...project(), packageAliases: {} })),
            /sf package create --name "Webex for Salesforce" --package-type Managed --path force-app/
        );
        assert.equal(typeof packagedDirectory(project()), 'object');
    });

    it('asks for "ancestorVersion": "HIGHEST" once a version is promoted, and for none before', () => {
        assert.match(ancestorProblem({ path: 'force-app' }, ['0.1.0.1']) ?? '', /Add "ancestorVersion": "HIGHEST"/);
        assert.equal(ancestorProblem({ path: 'force-app', ancestorVersion: 'HIGHEST' }, ['0.1.0.1']), null);
        assert.equal(ancestorProblem({ path: 'force-app' }, []), null);
        assert.match(
            ancestorProblem({ path: 'force-app', ancestorVersion: 'HIGHEST' }, []) ?? '',
            /No version is promoted yet/
        );
        assert.equal(ancestorProblem({ path: 'force-app', ancestorId: 'NONE' }, []), null);
    });

    it('promotes only at 75 % coverage or more with the coverage check passed', () => {
        assert.equal(
            coverageProblem({ CodeCoverage: { apexCodeCoveragePercentage: 75 }, HasPassedCodeCoverageCheck: true }),
            null
        );
        assert.match(
            coverageProblem({ CodeCoverage: { apexCodeCoveragePercentage: 74.9 }, HasPassedCodeCoverageCheck: true }) ??
                '',
            /74\.90 % is under 75 %/
        );
        assert.match(
            coverageProblem({ CodeCoverage: { apexCodeCoveragePercentage: 90 }, HasPassedCodeCoverageCheck: false }) ??
                '',
            /did not pass the code coverage check/
        );
        assert.match(
            coverageProblem({ CodeCoverage: 'N/A', HasPassedCodeCoverageCheck: 'N/A' }) ?? '',
            /no code coverage/
        );
    });
});

describe('release: create', () => {
    it('checks the ancestor, builds, creates with code coverage and the key bypass, and prints the install URL', async () => {
        const h = io({
            'package version list': () => released(),
            'package version create': () => created,
            'package version report': () => report({ apexCodeCoveragePercentage: 88.5 }, true)
        });
        assert.equal(await createVersion(h.io, 'devhub'), VERSION_ID);
        assert.deepEqual(h.npm, [['run', 'build']]);
        assert.deepEqual(h.calls[1], [
            'package',
            'version',
            'create',
            '--package',
            'Webex for Salesforce',
            '--code-coverage',
            '--installation-key-bypass',
            '--wait',
            '120',
            '--target-dev-hub',
            'devhub'
        ]);
        assert.match(
            h.text(),
            /Install \(production, Developer Edition\): https:\/\/login\.salesforce\.com\/packaging\/installPackage\.apexp\?p0=04tAB000000WeBeXAA/
        );
        assert.match(h.text(), /✓ coverage check passed: promotable/);
    });

    it('uses the installation key when there is one, and never prints it', async () => {
        const h = io(
            {
                'package version list': () => released(),
                'package version create': () => created,
                'package version report': () => report({ apexCodeCoveragePercentage: 88.5 }, true)
            },
            { installationKey: 's3cret-key' }
        );
        await createVersion(h.io, 'devhub');
        assert.deepEqual(h.calls[1].slice(6, 8), ['--installation-key', 's3cret-key']);
        assert.ok(!h.text().includes('s3cret-key'));
        assert.match(h.text(), /--installation-key '\*\*\*'/);
    });

    it('stops before building when a promoted version exists and sfdx-project.json names no ancestor', async () => {
        const h = io({ 'package version list': () => released('0.1.0.1') });
        await assert.rejects(createVersion(h.io, 'devhub'), /Add "ancestorVersion": "HIGHEST"/);
        assert.deepEqual(h.npm, []);
        assert.equal(h.calls.length, 1);
    });

    it('says when the new version is not promotable', async () => {
        const h = io({
            'package version list': () => released(),
            'package version create': () => created,
            'package version report': () => report({ apexCodeCoveragePercentage: 61.2 }, false)
        });
        await createVersion(h.io, 'devhub');
        assert.match(h.text(), /⚠ not promotable yet: Apex code coverage 61\.20 % is under 75 %/);
    });

    it('reports the CLI failure of the version build', async () => {
        const h = io({
            'package version list': () => released(),
            'package version create': () => ({
                status: 1,
                name: 'MultipleErrorsError',
                message: 'Multiple errors occurred: (1) ApexClass WebexApiClient: Variable does not exist: x'
            })
        });
        await assert.rejects(
            createVersion(h.io, 'devhub'),
            /Creating the package version failed: Multiple errors occurred/
        );
    });
});

describe('release: promote', () => {
    it('promotes a version that passed the coverage check', async () => {
        const h = io({
            'package version report': () => report({ apexCodeCoveragePercentage: 80 }, true),
            'package version promote': () => ({ status: 0, result: { id: VERSION_ID, success: true }, warnings: [] })
        });
        await promoteVersion(h.io, 'devhub', VERSION_ID);
        assert.deepEqual(h.calls[1], [
            'package',
            'version',
            'promote',
            '--package',
            VERSION_ID,
            '--no-prompt',
            '--target-dev-hub',
            'devhub'
        ]);
        assert.match(h.text(), /✓ promoted 0\.1\.0\.1/);
    });

    it('refuses a version under 75 % and never calls promote', async () => {
        const h = io({ 'package version report': () => report({ apexCodeCoveragePercentage: 70 }, false) });
        await assert.rejects(
            promoteVersion(h.io, 'devhub', VERSION_ID),
            /Not promoted: Apex code coverage 70\.00 % is under 75 %/
        );
        assert.equal(h.calls.length, 1);
    });

    it('refuses what is not a version id', async () => {
        const h = io({});
        await assert.rejects(promoteVersion(h.io, 'devhub', '0HoAB0000000WeBAAA'), /not a package version id/);
        assert.equal(h.calls.length, 0);
    });
});
