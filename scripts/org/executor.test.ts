/**
 * `npm run org:create` against a fake Salesforce CLI (answers recorded from, or built from the source
 * of, the CLI the lock file pins: cli-outputs.ts) and a fake org connection: the order of the steps,
 * the session, what the External Client App deploy carries, the sample users fitted to the licences
 * and each way the CLI refuses them, the --no-data / --no-users / --dry-run / --target-org paths, and
 * what a person reads when a step fails.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import {
    CREATE_USER_JWT_HYPERFORCE,
    ORG_DISPLAY_NOT_SCRATCH,
    REDACTED_ACCESS_TOKEN,
    assignPermsetAnswer,
    createUserAnswer,
    createUserLicenceLimit,
    deployFailed,
    namedOrgNotFound
} from './cli-outputs.ts';
import { runOrgCreate } from './executor.ts';
import { FAKE_ORG, commandOf, flag, harness, testOptions, testProject } from './fakes.ts';
import { loadProject } from './project-files.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const MY_DOMAIN = 'https://acme-dev.scratch.my.salesforce.com';
const SUFFIX = FAKE_ORG.orgId.slice(0, 15).toLowerCase();

/** The journal without the queries: the commands and API calls that change something, in order. */
const actions = (journal: string[]): string[] => journal.filter((entry) => !entry.startsWith('query'));
const callsOf = (calls: string[][], command: string): string[][] => calls.filter((args) => commandOf(args) === command);

describe('org:create — a full run', () => {
    it('runs the steps in order and prints each one', async () => {
        const h = harness();
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);

        assert.equal(outcome.exitCode, 0, h.text());
        assert.deepEqual(outcome.warnings, []);
        assert.deepEqual(actions(h.journal), [
            'sf org create scratch',
            'sf org display',
            'sf org auth show-access-token',
            'connect',
            'npm run build',
            'sf project deploy start',
            'sf project deploy start',
            'metadata.read ExtlClntAppGlobalOauthSettings',
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
        assert.deepEqual(h.cli.calls[3], [
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
});

describe('org:create — the session', () => {
    it('takes the access token from `sf org auth show-access-token`, never the one `sf org display` redacts', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.deepEqual(h.cli.calls[2], ['org', 'auth', 'show-access-token', '--target-org', 'webex-dev']);
        assert.deepEqual(h.connectedWith, [
            {
                alias: 'webex-dev',
                username: FAKE_ORG.username,
                orgId: FAKE_ORG.orgId,
                instanceUrl: MY_DOMAIN,
                accessToken: FAKE_ORG.accessToken,
                apiVersion: '65.0',
                isScratch: true
            }
        ]);
        assert.ok(!h.text().includes(FAKE_ORG.accessToken), 'the access token is never printed');
    });

    it('stops before connecting when no usable token comes back', async () => {
        const h = harness({
            cli: {
                'org auth show-access-token': () => ({ status: 0, result: { accessToken: REDACTED_ACCESS_TOKEN } })
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        assert.deepEqual(h.connectedWith, [], 'never a connection with the redacted placeholder');
        assert.match(h.text(), /`sf org auth show-access-token` did not give the access token\./);
        assert.match(h.text(), /resume with `npm run org:create -- --target-org webex-dev`/);
    });

    it('knows a scratch org from `sf org display` naming its Dev Hub', async () => {
        const h = harness({ cli: { 'org display': () => ORG_DISPLAY_NOT_SCRATCH } });
        await runOrgCreate(testOptions({ alias: 'devhub', targetOrg: 'devhub' }), testProject(), h.deps);
        assert.equal(h.connectedWith[0]?.isScratch, false);
        assert.match(h.text(), /\(not a scratch org\)/);
    });
});

describe('org:create — the External Client App', () => {
    it('deploys the app, its OAuth settings and policies as a Metadata API directory', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject(), h.deps);
        const deploy = callsOf(h.cli.calls, 'project deploy start')[1];
        const directory = flag(deploy, '--metadata-dir') ?? '';
        assert.deepEqual(deploy, [
            'project',
            'deploy',
            'start',
            '--metadata-dir',
            directory,
            '--target-org',
            'webex-dev',
            '--wait',
            '10'
        ]);
        const files = h.metadataDirs.get(directory) ?? {};
        assert.deepEqual(Object.keys(files).sort(), [
            'externalClientApps/Webex_Salesforce_Authorization.eca',
            'extlClntAppGlobalOauthSets/Webex_Salesforce_Authorization_glbloauth.ecaGlblOauth',
            'extlClntAppOauthPolicies/Webex_Salesforce_Authorization_oauthPlcy.ecaOauthPlcy',
            'extlClntAppOauthSettings/Webex_Salesforce_Authorization_oauth.ecaOauth',
            'extlClntAppPolicies/Webex_Salesforce_Authorization_plcy.ecaPlcy',
            'package.xml'
        ]);
        const global = files['extlClntAppGlobalOauthSets/Webex_Salesforce_Authorization_glbloauth.ecaGlblOauth'];
        assert.ok(global.includes(`<callbackUrl>${MY_DOMAIN}/apex/webexsfdcauth</callbackUrl>`));
        assert.ok(global.includes('<isPkceRequired>true</isPkceRequired>'));
        assert.ok(
            files['extlClntAppOauthSettings/Webex_Salesforce_Authorization_oauth.ecaOauth'].includes(
                '<commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>'
            )
        );
        assert.ok(
            files['externalClientApps/Webex_Salesforce_Authorization.eca'].includes(
                `<contactEmail>${FAKE_ORG.adminEmail}</contactEmail>`
            )
        );
        assert.ok(files['package.xml'].includes('<version>65.0</version>'));
        assert.match(h.text(), /✓ External Client App Webex_Salesforce_Authorization deployed/);
    });

    it('points the callback at the namespaced page in a namespaced org', async () => {
        const h = harness({ org: { namespace: 'webexsf' } });
        await runOrgCreate(testOptions(), testProject({ namespace: 'webexsf' }), h.deps);
        const files = [...h.metadataDirs.values()][0];
        assert.ok(
            files['extlClntAppGlobalOauthSets/Webex_Salesforce_Authorization_glbloauth.ecaGlblOauth'].includes(
                `<callbackUrl>${MY_DOMAIN}/apex/webexsf__webexsfdcauth</callbackUrl>`
            )
        );
        assert.match(h.text(), /lightning\/n\/webexsf__Webex_Admin/);
    });

    it('follows the org, not sfdx-project.json: a scratch org made --no-namespace has unprefixed pages', async () => {
        const h = harness({ org: { namespace: null } });
        await runOrgCreate(testOptions({ noNamespace: true }), testProject({ namespace: 'webexsf' }), h.deps);
        assert.ok(h.cli.calls[0].includes('--no-namespace'));
        const files = [...h.metadataDirs.values()][0];
        assert.ok(
            files['extlClntAppGlobalOauthSets/Webex_Salesforce_Authorization_glbloauth.ecaGlblOauth'].includes(
                `<callbackUrl>${MY_DOMAIN}/apex/webexsfdcauth</callbackUrl>`
            )
        );
        assert.match(h.text(), /The org's namespace is none \(sfdx-project\.json: "webexsf"\)/);
    });

    it('prints the consumer key it reads back, and where the secret is', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.match(h.text(), /✓ consumer key: 3MVG9FAKECONSUMERKEY/);
        assert.match(h.text(), /Consumer key: 3MVG9FAKECONSUMERKEY/);
        assert.match(
            h.text(),
            /Consumer secret: Setup → External Client App Manager .*Settings → OAuth Settings → Consumer Key and Secret/
        );
    });

    it('says where to copy the consumer key when the Metadata API does not give it', async () => {
        const h = harness({
            org: {
                read: () => {
                    throw new Error('INVALID_TYPE: Cannot read ExtlClntAppGlobalOauthSettings');
                }
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.match(h.text(), /Could not read the consumer key back \(INVALID_TYPE/);
        assert.match(h.text(), /Copy the consumer key and secret of the External Client App/);
    });

    it('goes on without the app when the org refuses the deploy, and says how to create it by hand', async () => {
        const h = harness({
            cli: {
                'project deploy start': (args) =>
                    flag(args, '--metadata-dir')
                        ? deployFailed([
                              {
                                  componentType: 'ExtlClntAppGlobalOauthSettings',
                                  fullName: 'Webex_Salesforce_Authorization_glbloauth',
                                  problem: 'You do not have access to this OAuth consumer.'
                              }
                          ])
                        : { status: 0, result: { status: 'Succeeded', files: [] } }
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0, h.text());
        assert.equal(outcome.warnings.length, 1);
        assert.match(
            outcome.warnings[0],
            /not deployed: sf ended with status 1 \(Failed\) {3}- ExtlClntAppGlobalOauthSettings Webex_Salesforce_Authorization_glbloauth: You do not have access/
        );
        assert.ok(!h.journal.includes('metadata.read ExtlClntAppGlobalOauthSettings'));
        assert.ok(h.journal.includes('sf org assign permset'), 'the next steps still run');
        const text = h.text();
        assert.match(text, /1\. Create the External Client App "Webex Salesforce Authorization" by hand:/);
        assert.match(text, /lightning\/setup\/ManageExternalClientApplication\/home\) → New External Client App/);
        assert.ok(text.includes(`Callback URL ${MY_DOMAIN}/apex/webexsfdcauth`));
        assert.match(text, /"Manage user data via APIs \(api\)" and "Perform requests at any time/);
        assert.match(text, /with 1 warning\(s\)/);
    });
});

describe('org:create — permission sets', () => {
    it('assigns every permission set of force-app to the admin user', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.deepEqual(callsOf(h.cli.calls, 'org assign permset')[0], [
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
        assert.deepEqual(
            callsOf(h.cli.calls, 'org assign permset')[0]?.filter((_, i, all) => all[i - 1] === '--name'),
            ['Cisco_Webex_User']
        );

        const all = harness({ org: { assignedPermissionSets: ['Webex_Admin', 'Cisco_Webex_User'] } });
        await runOrgCreate(testOptions(), testProject(), all.deps);
        assert.equal(callsOf(all.cli.calls, 'org assign permset').length, 0);
        assert.match(all.text(), /already assigned: Cisco_Webex_User, Webex_Admin/);
    });

    it('reads exit code 68 as the partial success it is, with the failed assignment', async () => {
        const h = harness({
            cli: {
                'org assign permset': () =>
                    assignPermsetAnswer(
                        [{ name: FAKE_ORG.username, value: 'Cisco_Webex_User' }],
                        [{ name: FAKE_ORG.username, message: 'Permission set Webex_Admin not found' }]
                    )
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        assert.match(h.text(), /✗ Step 5\/8 failed/);
        assert.match(h.text(), /partial success \(exit code 68\)/);
        assert.match(h.text(), new RegExp(`- ${FAKE_ORG.username}: Permission set Webex_Admin not found`));
    });
});

describe('org:create — sample users', () => {
    it('maps data/User.json to user definitions: profile names for the @ProfileRef ids, org-unique usernames', async () => {
        const project = loadProject(ROOT);
        const h = harness({
            org: {
                profiles: {
                    'System Administrator': 'Salesforce',
                    'Standard User': 'Salesforce',
                    'Custom: Sales Rep': 'Salesforce',
                    'Custom: Support Agent': 'Salesforce'
                }
            }
        });
        const outcome = await runOrgCreate(testOptions(), { ...project, permissionSets: ['Webex_Admin'] }, h.deps);
        assert.equal(outcome.exitCode, 0, h.text());

        const definitions = [...h.userFiles.values()];
        assert.equal(definitions.length, project.users.length);
        const avery = definitions.find((d) => String(d.Username).startsWith('avery.admin@'));
        assert.deepEqual(avery, {
            Username: `avery.admin@acme-webex.example.${SUFFIX}`,
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

        assert.deepEqual(
            callsOf(h.cli.calls, 'org create user').map((args) => flag(args, '--definition-file')),
            [...h.userFiles.keys()]
        );
    });

    it('gives Standard User to a sample user whose profile the org lacks, and says so', async () => {
        const h = harness();
        await runOrgCreate(testOptions(), loadProject(ROOT), h.deps);
        const sam = [...h.userFiles.values()].find((d) => String(d.Username).startsWith('sam.rep@'));
        assert.equal(sam?.profileName, 'Standard User');
        assert.match(h.text(), /the org has no profile "Custom: Sales Rep", so the user gets "Standard User"/);
    });

    it('creates only as many users as the org has licences left, reps first, and names the others', async () => {
        // A scratch org's two Salesforce licences, one held by its admin.
        const h = harness({ org: { licences: { Salesforce: [2, 1] } } });
        const outcome = await runOrgCreate(testOptions(), loadProject(ROOT), h.deps);
        assert.equal(outcome.exitCode, 0, h.text());
        const created = callsOf(h.cli.calls, 'org create user').map(
            (args) => h.userFiles.get(flag(args, '--definition-file') ?? '')?.Username
        );
        assert.deepEqual(created, [`sam.rep@acme-webex.example.${SUFFIX}`]);
        assert.match(h.text(), /licence "Salesforce": 1 of 2 in use/);
        for (const name of ['camille.vente', 'jordan.support', 'avery.admin'])
            assert.ok(
                outcome.warnings.some((w) =>
                    new RegExp(
                        `sample user ${name}@.* not created: no "Salesforce" licence left for profile .* \\(1 of 2 in use before this run\\)`
                    ).test(w)
                ),
                `${name}: ${outcome.warnings.join('\n')}`
            );
        assert.ok(h.journal.includes('sf data import tree'), 'the sample data still loads');
    });

    it('skips the users that already exist', async () => {
        const existing = `avery.admin@acme-webex.example.${SUFFIX}`;
        const h = harness({ org: { users: [FAKE_ORG.username, existing] } });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.deepEqual(
            [...h.userFiles.values()].map((d) => d.Username),
            [`sam.rep@acme-webex.example.${SUFFIX}`]
        );
        assert.equal(callsOf(h.cli.calls, 'org create user').length, 1);
        assert.match(h.text(), new RegExp(`skipped \\(exists\\): ${existing.replaceAll('.', '\\.')}`));
    });

    it('reads exit code 68 as a created user whose permission set failed, and says how to finish', async () => {
        const h = harness({
            cli: {
                'org create user': (args, files) => {
                    const definition = files.userFiles.get(flag(args, '--definition-file') ?? '') as {
                        Username: string;
                        Email: string;
                        profileName: string;
                        permsets: string[];
                    };
                    return createUserAnswer(definition, { status: 68, userId: '005AB00000PaRtIaL' });
                }
            },
            org: { userPermissionSets: { '005AB00000PaRtIaL': [] } }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        const sam = outcome.warnings.find((w) => w.includes('sam.rep@'));
        assert.match(
            sam ?? '',
            /created \(Standard User\), but the CLI reported a partial success \(exit code 68\): permission sets not assigned: Cisco_Webex_User → `npx sf org assign permset --name Cisco_Webex_User --on-behalf-of sam\.rep@.* --target-org webex-dev`/
        );
        assert.ok(!h.text().includes(`✓ sam.rep@`), 'never reported as a plain success');
    });

    it('reads exit code 68 with every permission set in place as the password that failed', async () => {
        const h = harness({
            cli: {
                'org create user': () =>
                    createUserAnswer(
                        { Username: 'x', Email: 'x', profileName: 'Standard User', permsets: [] },
                        { status: 68, userId: '005AB00000PaRtIaL' }
                    )
            },
            org: { userPermissionSets: { '005AB00000PaRtIaL': ['Cisco_Webex_User', 'Webex_Admin'] } }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.ok(
            outcome.warnings.some((w) =>
                /every permission set is assigned, so the generated password was not set → `npx sf org generate password --on-behalf-of/.test(
                    w
                )
            ),
            outcome.warnings.join('\n')
        );
    });

    it('says once why no user can be created after a JWT login on Hyperforce, and stops asking', async () => {
        const h = harness({ cli: { 'org create user': () => CREATE_USER_JWT_HYPERFORCE } });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.equal(callsOf(h.cli.calls, 'org create user').length, 1);
        assert.equal(outcome.warnings.length, 1);
        assert.match(
            outcome.warnings[0],
            /sample users not created \(sam\.rep@.*, avery\.admin@.*\): This command doesn't work when authorizing an org using the JWT flow .*\(JwtHyperforceError\) .*org login web.*CI runs with --no-users/
        );
        assert.ok(h.journal.includes('sf data import tree'));
    });

    it('stops asking for a licence the org says is used up', async () => {
        const h = harness({ cli: { 'org create user': () => createUserLicenceLimit('Standard User') } });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(callsOf(h.cli.calls, 'org create user').length, 1, 'the admin needs the same licence');
        assert.match(
            outcome.warnings[0],
            /sam\.rep@.* not created: There are no available user licenses for the user profile "Standard User"\. \(licenseLimitExceeded\)/
        );
        assert.match(outcome.warnings[1], /avery\.admin@.* not created: no "Salesforce" licence left/);
    });

    it('creates no user in an org that is not a scratch org (--target-org), and says why', async () => {
        const h = harness({ cli: { 'org display': () => ORG_DISPLAY_NOT_SCRATCH } });
        const outcome = await runOrgCreate(
            testOptions({ alias: 'devhub', targetOrg: 'devhub' }),
            testProject(),
            h.deps
        );
        assert.equal(outcome.exitCode, 0);
        assert.equal(callsOf(h.cli.calls, 'org create user').length, 0);
        assert.match(
            outcome.warnings[0],
            /sample users not created: "devhub" is not a scratch org, and `sf org create user` works only with scratch orgs/
        );
        assert.ok(h.journal.includes('sf data import tree'));
    });

    it('reports any other refusal per user and goes on', async () => {
        const h = harness({
            cli: {
                'org create user': (args, files) =>
                    String(files.userFiles.get(flag(args, '--definition-file') ?? '')?.Username).startsWith('sam.rep')
                        ? { status: 1, name: 'DuplicateUsernameError', message: 'DUPLICATE_USERNAME' }
                        : { status: 0, result: {} }
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.equal(outcome.warnings.length, 1);
        assert.match(outcome.warnings[0], /sam\.rep@.* not created: DUPLICATE_USERNAME \(DuplicateUsernameError\)/);
        assert.match(h.text(), /✓ avery\.admin@/);
    });
});

describe('org:create — options', () => {
    it('--no-data skips the sample users and the sample records', async () => {
        const h = harness();
        const outcome = await runOrgCreate(testOptions({ noData: true }), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.ok(!h.journal.some((entry) => entry === 'sf org create user' || entry === 'sf data import tree'));
        assert.equal(h.userFiles.size, 0);
        assert.match(h.text(), /\[6\/8\] Sample users from data\/User\.json.* — skipped \(--no-data\)/);
        assert.match(h.text(), /\[7\/8\] Sample records from data\/data-plan\.json — skipped \(--no-data\)/);
        assert.match(h.text(), /\[8\/8\] What the admin still does by hand/);
    });

    it('--no-users skips the sample users only', async () => {
        const h = harness();
        const outcome = await runOrgCreate(testOptions({ noUsers: true }), testProject(), h.deps);
        assert.equal(outcome.exitCode, 0);
        assert.equal(callsOf(h.cli.calls, 'org create user').length, 0);
        assert.ok(h.journal.includes('sf data import tree'));
        assert.match(h.text(), /\[6\/8\] Sample users .* — skipped \(--no-users\)/);
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
            '$ sf org display --target-org webex-dev --json',
            '$ sf org auth show-access-token --target-org webex-dev --json',
            '$ npm run build',
            '$ sf project deploy start --source-dir force-app --target-org webex-dev --wait 30 --json',
            '/apex/',
            'webexsfdcauth',
            'externalClientApps/Webex_Salesforce_Authorization.eca:',
            '<commaSeparatedOauthScopes>Api, RefreshToken</commaSeparatedOauthScopes>',
            '<isPkceRequired>true</isPkceRequired>',
            '$ sf project deploy start --metadata-dir <tmp> --target-org webex-dev --wait 10 --json',
            // Every permission set of the project but the site guest's, in one command.
            '$ sf org assign permset --name Cisco_Webex_User --name Webex_Admin --name Webex_Import_Admin --target-org webex-dev --json',
            'FROM UserLicense',
            '$ sf org create user --definition-file <tmp>/user-avery.admin.json --target-org webex-dev --json',
            '"Username": "avery.admin@acme-webex.example.<org-id>"',
            '$ sf data import tree --plan data/data-plan.json --target-org webex-dev --json',
            'https://<your-domain>.lightning.force.com/lightning/n/',
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

    it('says how to authorize an org the machine does not know (the CLI answer, recorded)', async () => {
        const h = harness({ cli: { 'org display': () => namedOrgNotFound('nohub', 'OrgDisplayCommand') } });
        const outcome = await runOrgCreate(testOptions({ alias: 'nohub', targetOrg: 'nohub' }), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        assert.match(h.text(), /No authorization information found for nohub\./);
        assert.match(h.text(), /\(NamedOrgNotFoundError\)/);
        assert.match(h.text(), /What to do: This machine has no authorization for that org: `npx sf org list`/);
    });

    it('says to link the namespace, or to use --no-namespace, when the Dev Hub does not have it', async () => {
        const h = harness({
            cli: {
                'org create scratch': () => ({
                    status: 1,
                    name: 'SignupFailedActionError',
                    message: 'The request to create a scratch org failed with error code: S-1017.'
                })
            }
        });
        await runOrgCreate(testOptions(), testProject({ namespace: 'webexsf' }), h.deps);
        assert.match(
            h.text(),
            /What to do: The Dev Hub is not linked to the namespace "webexsf" .*`npm run org:create -- --no-namespace`/
        );
    });

    it('names the documented signup settings when the Dev Hub session comes from an External Client App', async () => {
        const h = harness({
            cli: {
                'org create scratch': () => ({
                    status: 1,
                    name: 'SignupFailedActionError',
                    message: 'The request to create a scratch org failed with error code: C-1016.',
                    actions: [
                        "If your Dev Hub is authenticated via an External Client App (ECA), the signup service cannot replicate it into the new scratch org. As a workaround, set these environment variables to use Salesforce's built-in Connected App for signup instead:"
                    ]
                })
            }
        });
        await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.match(
            h.text(),
            /What to do: .*SF_SCRATCH_SIGNUP_CONNECTED_APP=PlatformCLI and SF_SCRATCH_SIGNUP_CALLBACK_URL=http:\/\/localhost:1717\/OauthRedirect/
        );
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
                'project deploy start': () =>
                    deployFailed([
                        {
                            componentType: 'ApexClass',
                            fullName: 'WebexAdminController',
                            problem: 'Variable does not exist: foo (12:9)'
                        }
                    ])
            }
        });
        const outcome = await runOrgCreate(testOptions(), testProject(), h.deps);
        assert.equal(outcome.exitCode, 1);
        const text = h.text();
        assert.match(text, /✗ Step 2\/8 failed: Build the components and deploy force-app/);
        assert.match(text, /sf ended with status 1 \(Failed\)/);
        assert.match(text, /- ApexClass WebexAdminController: Variable does not exist: foo \(12:9\)/);
        assert.match(text, /resume with `npm run org:create -- --target-org webex-dev`/);
        assert.equal(callsOf(h.cli.calls, 'project deploy start').length, 1);
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
});
