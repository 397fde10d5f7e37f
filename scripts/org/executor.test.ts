/**
 * `npm run org:create` against a fake Salesforce CLI and a fake org connection: the order of the
 * steps, what reaches the Metadata API and `sf org create user`, the --no-data / --dry-run /
 * --target-org paths, and what a person reads when a step fails.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { runOrgCreate } from './executor.ts';
import { FAKE_ORG, commandOf, harness, testOptions, testProject } from './fakes.ts';
import { loadProject } from './project-files.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MY_DOMAIN = 'https://acme-dev.scratch.my.salesforce.com';

/** The journal without the queries: the commands and API calls that change something, in order. */
const actions = (journal: string[]): string[] => journal.filter((entry) => !entry.startsWith('query'));

describe('org:create — a full run', () => {
    it('runs the steps in order and prints each one', async () => {
        const h = harness();
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);

        assert.equal(outcome.exitCode, 0, h.text());
        assert.deepEqual(outcome.warnings, []);
        assert.deepEqual(actions(h.journal), [
            'sf org create scratch',
            'sf org display',
            'connect',
            'npm run build',
            'sf project deploy start',
            'metadata.upsert ConnectedApp',
            'metadata.read ConnectedApp',
            'sf org assign permset',
            'sf org create user',
            'sf org create user',
            'sf data import tree'
        ]);
        const headings = h.output.filter((line) => /^\[\d\/8\]/.test(line)).map((line) => line.slice(0, 5));
        assert.deepEqual(headings, ['[1/8]', '[2/8]', '[3/8]', '[4/8]', '[5/8]', '[6/8]', '[7/8]', '[8/8]']);
        assert.match(h.text(), /Done: org "webex-dev" is ready\.$/);
    });

    it('creates the scratch org with the exact command, the Dev Hub when given', async () => {
        const h = harness();
        await runOrgCreate(testOptions({ alias: 'ci-42', durationDays: 1, devHub: 'hub' }), testProject(), h.deps);
        assert.deepEqual(h.cli.calls[0], [
            'org',
            'create',
            'scratch',
            '--definition-file',
            'config/project-scratch-def.json',
            '--alias',
            'ci-42',
            '--duration-days',
            '1',
            '--set-default',
            '--target-dev-hub',
            'hub',
            '--wait',
            '15'
        ]);
        assert.ok(h.text().includes('$ sf org create scratch --definition-file config/project-scratch-def.json'));
        assert.deepEqual(h.cli.calls[2], [
            'project',
            'deploy',
            'start',
            '--source-dir',
            'force-app',
            '--target-org',
            'ci-42',
            '--wait',
            '30'
        ]);
    });

    it('connects jsforce with the session the CLI reports, My Domain without its trailing slash', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.deepEqual(h.connectedWith, [
            {
                alias: 'webex-dev',
                username: FAKE_ORG.username,
                orgId: FAKE_ORG.orgId,
                instanceUrl: MY_DOMAIN,
                accessToken: FAKE_ORG.accessToken,
                apiVersion: '65.0'
            }
        ]);
        assert.ok(!h.text().includes(FAKE_ORG.accessToken), 'the access token is never printed');
    });

    it('upserts the connected app with the callback URL from My Domain, the scopes, PKCE off and the admin e-mail', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(h.connection.upserts.length, 1);
        const { type, metadata } = h.connection.upserts[0];
        assert.equal(type, 'ConnectedApp');
        assert.equal(metadata.fullName, 'Webex_Salesforce_Authorization');
        assert.equal(metadata.label, 'Webex Salesforce Authorization');
        assert.equal(metadata.contactEmail, FAKE_ORG.adminEmail);
        const oauth = metadata.oauthConfig as Record<string, unknown>;
        assert.equal(oauth.callbackUrl, `${MY_DOMAIN}/apex/webexsfdcauth`);
        assert.deepEqual(oauth.scopes, ['Full', 'RefreshToken', 'OfflineAccess']);
        assert.equal(oauth.isPkceRequired, false);
    });

    it('adds the namespaced callback URL when the project has a namespace', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject({ namespace: 'cisco_webex' }), h.deps);
        const oauth = h.connection.upserts[0].metadata.oauthConfig as Record<string, unknown>;
        assert.equal(
            oauth.callbackUrl,
            `${MY_DOMAIN}/apex/webexsfdcauth\n${MY_DOMAIN}/apex/cisco_webex__webexsfdcauth`
        );
    });

    it('prints the consumer key it reads back, and where the secret is', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.match(h.text(), /✓ consumer key: 3MVG9FAKECONSUMERKEY/);
        assert.match(h.text(), /Consumer key: 3MVG9FAKECONSUMERKEY/);
        assert.match(h.text(), /Consumer secret: Setup → App Manager .*Manage Consumer Details/);
    });

    it('says where to copy the consumer key when the API does not return it', async () => {
        const h = harness({ org: { consumerKey: '' } });
        await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.match(h.text(), /did not return the consumer key/);
        assert.match(h.text(), /Copy the consumer key and secret/);
    });

    it('assigns every permission set of force-app to the admin user', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject(), h.deps);
        const assign = h.cli.calls.find((args) => commandOf(args) === 'org assign permset');
        assert.deepEqual(assign, [
            'org',
            'assign',
            'permset',
            '--name',
            'Cisco_Webex_User',
            '--name',
            'Webex_Admin',
            '--target-org',
            'webex-dev'
        ]);
        assert.ok(h.connection.queries.some((q) => q.includes(`AssigneeId = '${FAKE_ORG.adminId}'`)));
        assert.match(h.text(), /Not assigned to people: Webex_Webhook_Guest/);
    });

    it('assigns only the permission sets the admin does not have yet', async () => {
        const h = harness({ org: { assignedPermissionSets: ['Webex_Admin'] } });
        await runOrgCreate(testOptions(), testProject(), h.deps);
        const assign = h.cli.calls.find((args) => commandOf(args) === 'org assign permset');
        assert.deepEqual(
            assign?.filter((_, i, all) => all[i - 1] === '--name'),
            ['Cisco_Webex_User']
        );

        const all = harness({ org: { assignedPermissionSets: ['Webex_Admin', 'Cisco_Webex_User'] } });
        await runOrgCreate(testOptions(), testProject(), all.deps);
        assert.ok(!all.cli.calls.some((args) => commandOf(args) === 'org assign permset'));
        assert.match(all.text(), /already assigned: Cisco_Webex_User, Webex_Admin/);
    });

    it('imports the sample data with the plan', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.deepEqual(h.cli.calls.at(-1), [
            'data',
            'import',
            'tree',
            '--plan',
            'data/data-plan.json',
            '--target-org',
            'webex-dev'
        ]);
        assert.match(h.text(), /✓ 2 records imported/);
    });
});

describe('org:create — sample users', () => {
    it('maps data/User.json to user definitions: profile names for the @ProfileRef ids, org-unique usernames', async () => {
        const project = loadProject(ROOT);
        const h = harness({
            org: { profiles: ['System Administrator', 'Standard User', 'Custom: Sales Rep', 'Custom: Support Agent'] }
        });
        const outcome = await runOrgCreate(testOptions(), { ...project, permissionSets: ['Webex_Admin'] }, h.deps);
        assert.equal(outcome.exitCode, 0, h.text());

        const definitions = [...h.userFiles.values()];
        assert.equal(definitions.length, project.users.length);
        const suffix = FAKE_ORG.orgId.slice(0, 15).toLowerCase();
        const avery = definitions.find((d) => String(d.Username).startsWith('avery.admin@'));
        assert.deepEqual(avery, {
            Username: `avery.admin@acme-webex.example.${suffix}`,
            Email: 'avery.admin@acme-webex.example',
            FirstName: 'Avery',
            LastName: 'Admin',
            Alias: 'aadmin',
            LanguageLocaleKey: 'en_US',
            LocaleSidKey: 'en_US',
            profileName: 'System Administrator',
            permsets: ['Webex_Admin'],
            generatePassword: true
        });
        const camille = definitions.find((d) => String(d.Username).startsWith('camille.vente@'));
        assert.equal(camille?.profileName, 'Custom: Sales Rep');
        assert.equal(camille?.LanguageLocaleKey, 'fr');
        assert.deepEqual(camille?.permsets, [], 'reps do not get the admin permission set');

        const createUserCalls = h.cli.calls.filter((args) => commandOf(args) === 'org create user');
        assert.deepEqual(
            createUserCalls.map((args) => args[args.indexOf('--definition-file') + 1]),
            [...h.userFiles.keys()]
        );
    });

    it('gives Standard User to a sample user whose profile the org lacks, and says so', async () => {
        const project = loadProject(ROOT);
        const h = harness();
        await runOrgCreate(testOptions(), project, h.deps);
        const sam = [...h.userFiles.values()].find((d) => String(d.Username).startsWith('sam.rep@'));
        assert.equal(sam?.profileName, 'Standard User');
        assert.match(h.text(), /the org has no profile "Custom: Sales Rep", so the user gets "Standard User"/);
    });

    it('skips the users that already exist', async () => {
        const suffix = FAKE_ORG.orgId.slice(0, 15).toLowerCase();
        const existing = `avery.admin@acme-webex.example.${suffix}`;
        const h = harness({ org: { users: [FAKE_ORG.username, existing] } });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        const created = [...h.userFiles.values()].map((d) => d.Username);
        assert.deepEqual(created, [`sam.rep@acme-webex.example.${suffix}`]);
        assert.equal(h.cli.calls.filter((args) => commandOf(args) === 'org create user').length, 1);
        assert.match(h.text(), new RegExp(`skipped \\(exists\\): ${existing.replaceAll('.', '\\.')}`));
    });

    it('reports a user the CLI could not create and goes on', async () => {
        const h = harness({
            cli: {
                'org create user': (args) =>
                    args.some((arg) => arg.includes('sam.rep'))
                        ? {
                              status: 1,
                              name: 'LicenseLimitError',
                              message: 'LICENSE_LIMIT_EXCEEDED: License Limit Exceeded'
                          }
                        : { status: 0, result: {} }
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.equal(outcome.warnings.length, 1);
        assert.match(outcome.warnings[0], /sam\.rep@.* not created: LICENSE_LIMIT_EXCEEDED: License Limit Exceeded/);
        assert.ok(h.journal.includes('sf data import tree'), 'the sample data still loads');
    });
});

describe('org:create — options', () => {
    it('--no-data skips the sample users and the sample records', async () => {
        const h = harness();
        const outcome = await runOrgCreate(testOptions({ noData: true }), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.ok(!h.journal.some((entry) => entry === 'sf org create user' || entry === 'sf data import tree'));
        assert.equal(h.userFiles.size, 0);
        assert.match(h.text(), /\[6\/8\] Sample users from data\/User\.json — skipped \(--no-data\)/);
        assert.match(h.text(), /\[7\/8\] Sample records from data\/data-plan\.json — skipped \(--no-data\)/);
        assert.match(h.text(), /\[8\/8\] What the admin still does by hand/);
    });

    it('--target-org sets up an existing org without creating a scratch org', async () => {
        const h = harness();
        await runOrgCreate(testOptions({ alias: 'my-org', targetOrg: 'my-org' }), testProject(), h.deps);
        assert.equal(h.journal[0], 'sf org display');
        assert.ok(!h.journal.includes('sf org create scratch'));
        assert.deepEqual(h.cli.calls[0], ['org', 'display', '--target-org', 'my-org']);
    });

    it('--dry-run prints every step, command and the metadata, and touches neither the CLI, the org nor npm', async () => {
        const h = harness();
        const outcome = await runOrgCreate(testOptions({ dryRun: true }), loadProject(ROOT), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.deepEqual(h.journal, []);
        const text = h.text();
        for (const expected of [
            '$ sf org create scratch --definition-file config/project-scratch-def.json --alias webex-dev --duration-days 7 --set-default --wait 15 --json',
            '$ npm run build',
            '$ sf project deploy start --source-dir force-app --target-org webex-dev --wait 30 --json',
            'https://<your-domain>.my.salesforce.com/apex/webexsfdcauth',
            '"isPkceRequired": false',
            '<ConnectedApp xmlns="http://soap.sforce.com/2006/04/metadata">',
            '<scopes>OfflineAccess</scopes>',
            // Every permission set of the project but the site guest's, in one command.
            '$ sf org assign permset --name Cisco_Webex_User --name Webex_Admin --name Webex_Import_Admin --target-org webex-dev --json',
            '$ sf org create user --definition-file <tmp>/user-avery.admin.json --target-org webex-dev --json',
            '"Username": "avery.admin@acme-webex.example.<org-id>"',
            '$ sf data import tree --plan data/data-plan.json --target-org webex-dev --json',
            'https://<your-domain>.lightning.force.com/lightning/n/Webex_Admin',
            'Dry run complete: nothing was created.'
        ])
            assert.ok(text.includes(expected), `dry run output lacks: ${expected}`);
    });
});

describe('org:create — failures', () => {
    it('stops at a failing step with the CLI message, its error name and what to do (no Dev Hub)', async () => {
        const h = harness({
            cli: {
                'org create scratch': () => ({
                    status: 1,
                    name: 'NoDefaultDevHubError',
                    message: 'No default dev hub found. Use -v or --target-dev-hub to specify an environment.'
                })
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        assert.deepEqual(h.journal, ['sf org create scratch'], 'nothing runs after the failure');
        const text = h.text();
        assert.match(text, /✗ Step 1\/8 failed: Create the scratch org "webex-dev" \(7 days\)/);
        assert.match(text, /No default dev hub found\. .* \(NoDefaultDevHubError\)/);
        assert.match(text, /What to do: No usable Dev Hub\. .*--set-default-dev-hub.*--dev-hub <alias>/);
        assert.doesNotMatch(text, /resume/, 'no org exists to resume');
    });

    it('says how to authorize a Dev Hub the machine does not know', async () => {
        const h = harness({
            cli: {
                'org create scratch': () => ({
                    status: 1,
                    name: 'NamedOrgNotFoundError',
                    message: 'Parsing --target-dev-hub \n\tNo authorization information found for nohub.'
                })
            }
        });
        const outcome = await runOrgCreate(testOptions({ devHub: 'nohub' }), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        assert.match(h.text(), /No authorization information found for nohub\./);
        assert.match(h.text(), /What to do: This machine has no authorization for that org: `npx sf org list`/);
    });

    it('points at the Dev Hub limits when the signup hits one', async () => {
        const h = harness({
            cli: {
                'org create scratch': () => ({
                    status: 1,
                    name: 'SignupFailedError',
                    message:
                        'The signup request failed because this organization has reached its active scratch org limit'
                })
            }
        });
        const outcome = await runOrgCreate(testOptions({ devHub: 'hub' }), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        assert.match(
            h.text(),
            /What to do: A Dev Hub limit is reached\. See `npx sf org list limits --target-org hub`/
        );
    });

    it('lists the components a deploy rejected and says how to resume', async () => {
        const h = harness({
            cli: {
                'project deploy start': () => ({
                    status: 1,
                    name: 'FailedDeployError',
                    message: 'Deploy failed.',
                    result: {
                        status: 'Failed',
                        files: [
                            { state: 'Changed', type: 'ApexClass', fullName: 'WebexApiClient' },
                            {
                                state: 'Failed',
                                type: 'ApexClass',
                                fullName: 'WebexAdminController',
                                error: 'Variable does not exist: foo (12:9)'
                            }
                        ]
                    }
                })
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        const text = h.text();
        assert.match(text, /✗ Step 2\/8 failed: Build the components and deploy force-app/);
        assert.match(text, /Deploy failed\. \(FailedDeployError\)/);
        assert.match(text, /- ApexClass WebexAdminController: Variable does not exist: foo \(12:9\)/);
        assert.doesNotMatch(text, /WebexApiClient/);
        assert.match(text, /resume with `npm run org:create -- --target-org webex-dev`/);
        assert.ok(!h.journal.includes('metadata.upsert ConnectedApp'));
    });

    it('stops when the components do not build', async () => {
        const h = harness({ npmFails: "error TS2304: Cannot find name 'foo'." });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        assert.match(h.text(), /npm run build failed .*\n.*error TS2304: Cannot find name 'foo'\./);
        assert.ok(!h.journal.includes('sf project deploy start'));
    });

    it('says the CLI is missing when it cannot run', async () => {
        const h = harness({
            cli: {
                'org create scratch': () => {
                    throw new Error('The Salesforce CLI is missing (node_modules/.bin/sf): run `npm ci` first.');
                }
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        assert.match(
            h.text(),
            /✗ Step 1\/8 failed.*\n {2}The Salesforce CLI is missing \(node_modules\/\.bin\/sf\): run `npm ci` first\./
        );
    });

    it('reports a failed permission-set assignment with the per-user message', async () => {
        const h = harness({
            cli: {
                'org assign permset': () => ({
                    status: 1,
                    result: {
                        successes: [],
                        failures: [{ name: FAKE_ORG.username, message: 'Permission set Webex_Admin not found' }]
                    }
                })
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        assert.match(h.text(), /✗ Step 5\/8 failed/);
        assert.match(h.text(), new RegExp(`- ${FAKE_ORG.username}: Permission set Webex_Admin not found`));
    });

    it('goes on without the connected app when the org refuses it, and says how to create it by hand', async () => {
        const h = harness({
            org: {
                upsert: () => ({
                    success: false,
                    fullName: 'Webex_Salesforce_Authorization',
                    errors: {
                        message: 'You cannot create a new connected app.',
                        statusCode: 'FIELD_INTEGRITY_EXCEPTION'
                    }
                })
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0, h.text());
        assert.equal(outcome.warnings.length, 1);
        assert.match(outcome.warnings[0], /You cannot create a new connected app\. \(FIELD_INTEGRITY_EXCEPTION\)/);
        assert.ok(!h.journal.includes('metadata.read ConnectedApp'));
        assert.ok(h.journal.includes('sf org assign permset'), 'the next steps still run');
        assert.match(h.text(), /Create the connected app "Webex Salesforce Authorization" by hand/);
        assert.ok(h.text().includes(`       ${MY_DOMAIN}/apex/webexsfdcauth`));
        assert.match(h.text(), /with 1 warning\(s\)/);
    });

    it('treats an exception from the Metadata API like a refusal', async () => {
        const h = harness({
            org: {
                upsert: () => {
                    throw new Error('INSUFFICIENT_ACCESS: insufficient access rights on object id');
                }
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.match(outcome.warnings[0], /INSUFFICIENT_ACCESS/);
    });
});
