/**
 * The pure plan of `npm run org:create`: step order, the callback URL from My Domain, the External
 * Client App metadata checked against the Metadata API's own types, commands, the sample-user
 * mapping and its fit to the org's licences, and the by-hand steps.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadMetadataSchema } from '../lib/metadata-schema.ts';
import { validateXml } from '../lib/xml.ts';
import { testOptions } from './fakes.ts';
import {
    callbackUrl,
    commands,
    externalClientAppFiles,
    externalClientAppMetadata,
    fitUsersToLicences,
    formatCommand,
    lightningUrl,
    manualSteps,
    myDomainUrl,
    peoplePermissionSets,
    permissionSetsFor,
    planSteps,
    sampleUserDefinitions,
    scratchUsername,
    soqlString,
    withAvailableProfiles
} from './plan.ts';

const MY_DOMAIN = 'https://acme.my.salesforce.com';
const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('plan: steps', () => {
    it('lists the steps in the order they run', () => {
        assert.deepEqual(
            planSteps(testOptions()).map((step) => step.id),
            [
                'scratch-org',
                'deploy',
                'external-client-app',
                'site',
                'permission-sets',
                'sample-users',
                'sample-data',
                'manual-steps'
            ]
        );
        assert.ok(planSteps(testOptions()).every((step) => !step.skipped));
    });

    it('keeps the sample steps in the list, marked skipped, with --no-data', () => {
        const skipped = planSteps(testOptions({ noData: true }))
            .filter((step) => step.skipped)
            .map((step) => [step.id, step.skipped]);
        assert.deepEqual(skipped, [
            ['sample-users', '--no-data'],
            ['sample-data', '--no-data']
        ]);
    });

    it('skips only the sample users with --no-users', () => {
        const skipped = planSteps(testOptions({ noUsers: true }))
            .filter((step) => step.skipped)
            .map((step) => [step.id, step.skipped]);
        assert.deepEqual(skipped, [['sample-users', '--no-users']]);
    });

    it('names the existing org with --target-org', () => {
        assert.match(planSteps(testOptions({ targetOrg: 'qa' }))[0].title, /Use the existing org "qa"/);
    });
});

describe('plan: My Domain and the callback URL', () => {
    it('builds the callback URL from My Domain', () => {
        assert.equal(callbackUrl(MY_DOMAIN, ''), `${MY_DOMAIN}/apex/webexsfdcauth`);
        assert.equal(callbackUrl(`${MY_DOMAIN}/`, '  '), `${MY_DOMAIN}/apex/webexsfdcauth`);
    });

    it('names the <ns>__ page when the project has a namespace', () => {
        assert.equal(callbackUrl(MY_DOMAIN, 'webexsf'), `${MY_DOMAIN}/apex/webexsf__webexsfdcauth`);
    });

    it('takes My Domain from the instance URL, refusing anything but an https origin', () => {
        assert.equal(
            myDomainUrl('https://acme-dev.scratch.my.salesforce.com/'),
            'https://acme-dev.scratch.my.salesforce.com'
        );
        assert.throws(() => myDomainUrl('http://acme.my.salesforce.com'), /not an https origin/);
        assert.throws(() => myDomainUrl('https://acme.my.salesforce.com/home'), /not an https origin/);
    });

    it('derives the Lightning origin', () => {
        assert.equal(lightningUrl(MY_DOMAIN), 'https://acme.lightning.force.com');
        assert.equal(
            lightningUrl('https://acme-dev.scratch.my.salesforce.com'),
            'https://acme-dev.scratch.lightning.force.com'
        );
    });
});

describe('plan: the External Client App', () => {
    const metadata = externalClientAppMetadata({
        myDomain: MY_DOMAIN,
        namespace: 'webexsf',
        contactEmail: 'a@b.example'
    });

    it('carries the name, contact, callback URL, the least scopes, PKCE required and a lasting refresh token', () => {
        assert.equal(metadata.header.fullName, 'Webex_Salesforce_Authorization');
        assert.equal(metadata.header.label, 'Webex Salesforce Authorization');
        assert.equal(metadata.header.distributionState, 'Local');
        assert.equal(metadata.header.contactEmail, 'a@b.example');
        assert.equal(metadata.globalOauth.callbackUrl, `${MY_DOMAIN}/apex/webexsf__webexsfdcauth`);
        assert.equal(metadata.oauth.commaSeparatedOauthScopes, 'Api, RefreshToken');
        assert.equal(metadata.globalOauth.isPkceRequired, true);
        assert.equal(metadata.globalOauth.isSecretRequiredForRefreshToken, true);
        assert.equal(metadata.globalOauth.isRefreshTokenRotationEnabled, false);
        assert.equal(metadata.oauthPolicies.refreshTokenPolicyType, 'Infinite');
        assert.equal(metadata.oauthPolicies.permittedUsersPolicyType, 'AllSelfAuthorized');
        for (const part of [metadata.globalOauth, metadata.oauth, metadata.oauthPolicies, metadata.policies])
            assert.equal(part.externalClientApplication, 'Webex_Salesforce_Authorization');
    });

    it('uses only elements and values the Metadata API knows, in the WSDL order', () => {
        const schema = loadMetadataSchema();
        const check = (typeName: string, value: Record<string, unknown>): void => {
            const known = schema.get(typeName);
            assert.ok(known, `no metadata type ${typeName}`);
            const order = [...known.keys()];
            const keys = Object.keys(value).filter((key) => key !== 'fullName');
            assert.deepEqual(
                keys,
                [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
                `${typeName}: elements out of WSDL order`
            );
            for (const [key, child] of Object.entries(value)) {
                if (key === 'fullName') continue;
                const kind = known.get(key);
                assert.ok(kind, `${typeName} has no element ${key}`);
                if (kind.kind === 'complex') check(kind.type, child as Record<string, unknown>);
                if (kind.kind === 'boolean') assert.equal(typeof child, 'boolean', `${typeName}.${key}`);
                if (kind.kind === 'enum')
                    for (const item of [child].flat())
                        assert.ok(kind.values.includes(String(item)), `${typeName}.${key}: ${String(item)}`);
            }
        };
        check('ExternalClientApplication', metadata.header);
        check('ExtlClntAppGlobalOauthSettings', metadata.globalOauth);
        check('ExtlClntAppOauthSettings', metadata.oauth);
        check('ExtlClntAppOauthConfigurablePolicies', metadata.oauthPolicies);
        check('ExtlClntAppConfigurablePolicies', metadata.policies);
    });

    it('writes a Metadata API directory: well-formed XML in the registry folders, and a package.xml naming each', () => {
        const files = externalClientAppFiles(
            externalClientAppMetadata({
                myDomain: 'https://<x>.my.salesforce.com',
                namespace: '',
                contactEmail: 'a&b@c.example'
            }),
            '65.0'
        );
        for (const [file, xml] of Object.entries(files)) assert.deepEqual(validateXml(xml), { ok: true }, file);
        const eca = files['externalClientApps/Webex_Salesforce_Authorization.eca'];
        assert.ok(!eca.includes('<fullName>'), 'the file name carries the full name');
        assert.ok(eca.includes('<contactEmail>a&amp;b@c.example</contactEmail>'));
        assert.ok(
            files['extlClntAppGlobalOauthSets/Webex_Salesforce_Authorization_glbloauth.ecaGlblOauth'].includes(
                '<callbackUrl>https://&lt;x&gt;.my.salesforce.com/apex/webexsfdcauth</callbackUrl>'
            )
        );
        const manifest = files['package.xml'];
        for (const [type, member] of [
            ['ExternalClientApplication', 'Webex_Salesforce_Authorization'],
            ['ExtlClntAppGlobalOauthSettings', 'Webex_Salesforce_Authorization_glbloauth'],
            ['ExtlClntAppOauthSettings', 'Webex_Salesforce_Authorization_oauth'],
            ['ExtlClntAppOauthConfigurablePolicies', 'Webex_Salesforce_Authorization_oauthPlcy'],
            ['ExtlClntAppConfigurablePolicies', 'Webex_Salesforce_Authorization_plcy']
        ])
            assert.ok(manifest.includes(`<members>${member}</members>\n        <name>${type}</name>`), type);
        assert.ok(manifest.includes('<version>65.0</version>'));
    });

    it("names folders and suffixes as the CLI's metadata registry does", () => {
        const registry = JSON.parse(
            readFileSync(
                path.join(
                    ROOT,
                    'node_modules/@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json'
                ),
                'utf8'
            )
        ) as { types: Record<string, { name: string; directoryName: string; suffix: string }> };
        const byName = new Map(Object.values(registry.types).map((type) => [type.name, type]));
        const files = Object.keys(externalClientAppFiles(metadata, '65.0')).filter((file) => file !== 'package.xml');
        const xml = externalClientAppFiles(metadata, '65.0');
        for (const file of files) {
            const type = /^<(\w+) xmlns/m.exec(xml[file])?.[1] ?? '';
            const entry = byName.get(type);
            assert.ok(entry, `${type} is in the registry`);
            const [folder, name] = file.split('/');
            assert.equal(folder, entry.directoryName, file);
            assert.ok(name.endsWith(`.${entry.suffix}`), file);
        }
    });
});

describe('plan: commands', () => {
    it('builds the CLI commands', () => {
        const paths = {
            scratchDefinitionFile: 'config/def.json',
            sourceDir: 'force-app',
            dataPlanFile: 'data/plan.json'
        };
        assert.deepEqual(commands.createScratch(testOptions(), paths).slice(0, 5), [
            'org',
            'create',
            'scratch',
            '--definition-file',
            'config/def.json'
        ]);
        assert.ok(!commands.createScratch(testOptions(), paths).includes('--target-dev-hub'));
        assert.deepEqual(commands.showAccessToken('o'), ['org', 'auth', 'show-access-token', '--target-org', 'o']);
        assert.deepEqual(commands.deployMetadataDir('o', '/tmp/d'), [
            'project',
            'deploy',
            'start',
            '--metadata-dir',
            '/tmp/d',
            '--target-org',
            'o',
            '--wait',
            '10'
        ]);
        assert.deepEqual(commands.assignPermissionSets('o', ['A'], 'u@x'), [
            'org',
            'assign',
            'permset',
            '--name',
            'A',
            '--on-behalf-of',
            'u@x',
            '--target-org',
            'o'
        ]);
        assert.deepEqual(commands.assignPermissionSets('o', ['A', 'B']), [
            'org',
            'assign',
            'permset',
            '--name',
            'A',
            '--name',
            'B',
            '--target-org',
            'o'
        ]);
        assert.deepEqual(commands.importData('o', paths), [
            'data',
            'import',
            'tree',
            '--plan',
            'data/plan.json',
            '--target-org',
            'o'
        ]);
    });

    it('quotes what a shell would split', () => {
        assert.equal(
            formatCommand(['sf', 'org', 'open', '--path', 'lightning/n/X']),
            'sf org open --path lightning/n/X'
        );
        assert.equal(formatCommand(['sf', '--name', "it's here"]), `sf --name 'it'\\''s here'`);
    });

    it('escapes SOQL strings', () => {
        assert.equal(soqlString("o'brien\\x"), "'o\\'brien\\\\x'");
    });
});

describe('plan: sample users', () => {
    const users = [
        {
            attributes: { type: 'User', referenceId: 'UserRef1' },
            FirstName: 'Jean-Luc',
            LastName: "O'Neil Picard",
            Username: 'jl@acme.example.wb',
            Email: 'jl@acme.example',
            ProfileId: '@ProfileRef3'
        }
    ];

    it('makes usernames unique per org and keeps them stable for the same org', () => {
        assert.equal(
            scratchUsername('sam.rep@acme-webex.example.wb', '00DAB000001XyZ9QAA'),
            'sam.rep@acme-webex.example.00dab000001xyz9'
        );
        assert.equal(scratchUsername('x@y.example', '00DAB000001XyZ9'), 'x@y.example.00dab000001xyz9');
    });

    it('resolves the profile reference and builds an alias of at most 8 characters', () => {
        const [definition] = sampleUserDefinitions(
            users,
            { ProfileRef3: 'Custom: Sales Rep' },
            { orgId: '00D000000000001', permissionSets: ['Webex_Admin', 'Cisco_Webex_User'] }
        );
        assert.equal(definition.profileName, 'Custom: Sales Rep');
        assert.equal(definition.Alias, 'joneilpi');
        assert.deepEqual(definition.permsets, ['Cisco_Webex_User']);
        assert.equal(definition.generatePassword, true);
        assert.ok(!('ProfileId' in definition) && !('attributes' in definition));
    });

    it('refuses a profile reference data/Profile.json does not define', () => {
        assert.throws(
            () => sampleUserDefinitions(users, {}, { orgId: '00D000000000001', permissionSets: [] }),
            /data\/User\.json: UserRef1 has ProfileId "@ProfileRef3", which data\/Profile\.json does not define\./
        );
    });

    it("never gives a person the site guest user's permission set", () => {
        assert.deepEqual(peoplePermissionSets(['Webex_Admin', 'Webex_Webhook_Guest']), {
            people: ['Webex_Admin'],
            guest: ['Webex_Webhook_Guest']
        });
        assert.deepEqual(permissionSetsFor('System Administrator', ['Webex_Admin', 'Webex_Webhook_Guest']), [
            'Webex_Admin'
        ]);
    });

    it('gives admins every permission set and others the non-admin ones', () => {
        assert.deepEqual(permissionSetsFor('System Administrator', ['Webex_Admin', 'Cisco_Webex_User']), [
            'Webex_Admin',
            'Cisco_Webex_User'
        ]);
        assert.deepEqual(
            permissionSetsFor('Standard User', ['Webex_Admin', 'Webex_Import_Admin', 'Cisco_Webex_User']),
            ['Cisco_Webex_User']
        );
    });

    it('falls back to Standard User, without admin permission sets, when the org lacks the profile', () => {
        const [definition] = sampleUserDefinitions(
            users,
            { ProfileRef3: 'System Administrator' },
            { orgId: '00D000000000001', permissionSets: ['Webex_Admin'] }
        );
        const { definitions, notes } = withAvailableProfiles([definition], new Set(['Standard User']));
        assert.equal(definitions[0].profileName, 'Standard User');
        assert.deepEqual(definitions[0].permsets, []);
        assert.equal(notes.length, 1);
        assert.deepEqual(withAvailableProfiles([definition], new Set(['System Administrator'])).notes, []);
    });
});

describe('plan: sample users and licences', () => {
    const user = (name: string, profileName: string): Parameters<typeof fitUsersToLicences>[0][number] => ({
        Username: `${name}@x.example`,
        Email: `${name}@x.example`,
        LastName: name,
        Alias: name,
        profileName,
        permsets: [],
        generatePassword: true
    });
    const avery = user('avery', 'System Administrator');
    const sam = user('sam', 'Standard User');
    const camille = user('camille', 'Standard User');
    const chatter = user('chatty', 'Chatter Free User');
    const licences = {
        'System Administrator': 'Salesforce',
        'Standard User': 'Salesforce',
        'Chatter Free User': 'Chatter Free'
    };

    it('creates as many users as each licence has left, reps before admins', () => {
        const plan = fitUsersToLicences([avery, sam, camille, chatter], licences, [
            { name: 'Salesforce', total: 2, used: 1 },
            { name: 'Chatter Free', total: 5000, used: 0 }
        ]);
        assert.deepEqual(
            plan.create.map((d) => d.LastName),
            ['sam', 'chatty']
        );
        assert.deepEqual(
            plan.notCreated.map((n) => [n.definition.LastName, n.reason]),
            [
                ['camille', 'no "Salesforce" licence left for profile "Standard User" (1 of 2 in use before this run)'],
                [
                    'avery',
                    'no "Salesforce" licence left for profile "System Administrator" (1 of 2 in use before this run)'
                ]
            ]
        );
    });

    it('tries a user whose licence the org did not report, and lets the CLI answer', () => {
        const plan = fitUsersToLicences([sam], {}, []);
        assert.deepEqual(plan.create, [sam]);
        assert.deepEqual(plan.notCreated, []);
    });
});

describe('plan: manual steps', () => {
    it('lists what the admin does by hand with the org URLs', () => {
        const text = manualSteps({ alias: 'webex-dev', myDomain: MY_DOMAIN, namespace: '' }).join('\n');
        for (const expected of [
            'External Client App Manager (https://acme.lightning.force.com/lightning/setup/ManageExternalClientApplication/home)',
            'Consumer Key and Secret',
            'Salesforce Authorization: paste the consumer key and secret, Save, then Authorize',
            'Create Site',
            'paste a Webex administrator access token, Save, then Register',
            'utility bar',
            'https://acme.lightning.force.com/lightning/n/Webex_Admin',
            'My Domain:                   https://acme.my.salesforce.com',
            'npx sf org open --target-org webex-dev'
        ])
            assert.ok(text.includes(expected), `missing: ${expected}`);
        assert.doesNotMatch(text, /New External Client App/);
        assert.doesNotMatch(text, /connected app/i);
    });

    it('adds the External Client App by hand, with the namespaced callback, when it could not be deployed', () => {
        const text = manualSteps({
            alias: 'webex-dev',
            myDomain: MY_DOMAIN,
            namespace: 'webexsf',
            externalClientAppMissing: true
        }).join('\n');
        assert.match(text, /^1\. Create the External Client App "Webex Salesforce Authorization" by hand:/);
        assert.ok(text.includes(`Callback URL ${MY_DOMAIN}/apex/webexsf__webexsfdcauth`));
        assert.match(text, /API Name Webex_Salesforce_Authorization/);
        assert.match(
            text,
            /"Manage user data via APIs \(api\)" and "Perform requests at any time \(refresh_token, offline_access\)"/
        );
        assert.match(
            text,
            /"Require Proof Key for Code Exchange \(PKCE\) extension for Supported Authorization Flows" ticked/
        );
        assert.match(text, /Permitted Users "All users may self-authorize"/);
        assert.match(text, /Refresh token is valid until revoked/);
        assert.match(text, /lightning\/n\/webexsf__Webex_Admin/);
    });
});
