/**
 * The pure plan of `npm run org:create`: step order, callback URLs from My Domain, the connected-app
 * metadata checked against the Metadata API's own types, commands, and sample-user mapping.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadMetadataSchema } from '../lib/metadata-schema.ts';
import { validateXml } from '../lib/xml.ts';
import { testOptions } from './fakes.ts';
import {
    callbackUrls,
    commands,
    connectedAppMetadata,
    formatCommand,
    lightningUrl,
    manualSteps,
    metadataXml,
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

describe('plan: steps', () => {
    it('lists the steps in the order they run', () => {
        assert.deepEqual(
            planSteps(testOptions()).map((step) => step.id),
            [
                'scratch-org',
                'deploy',
                'connected-app',
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

    it('names the existing org with --target-org', () => {
        assert.match(planSteps(testOptions({ targetOrg: 'qa' }))[0].title, /Use the existing org "qa"/);
    });
});

describe('plan: My Domain and callback URLs', () => {
    it('builds the callback URL from My Domain', () => {
        assert.deepEqual(callbackUrls(MY_DOMAIN, ''), [`${MY_DOMAIN}/apex/webexsfdcauth`]);
        assert.deepEqual(callbackUrls(`${MY_DOMAIN}/`, '  '), [`${MY_DOMAIN}/apex/webexsfdcauth`]);
    });

    it('adds the <ns>__ page when the project has a namespace', () => {
        assert.deepEqual(callbackUrls(MY_DOMAIN, 'cisco_webex'), [
            `${MY_DOMAIN}/apex/webexsfdcauth`,
            `${MY_DOMAIN}/apex/cisco_webex__webexsfdcauth`
        ]);
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

describe('plan: connected app metadata', () => {
    const metadata = connectedAppMetadata({
        myDomain: MY_DOMAIN,
        namespace: 'cisco_webex',
        contactEmail: 'a@b.example'
    });

    it('carries the name, contact, callback URLs (one per line), scopes and PKCE off', () => {
        assert.equal(metadata.fullName, 'Webex_Salesforce_Authorization');
        assert.equal(metadata.label, 'Webex Salesforce Authorization');
        assert.equal(metadata.contactEmail, 'a@b.example');
        assert.equal(
            metadata.oauthConfig.callbackUrl,
            `${MY_DOMAIN}/apex/webexsfdcauth\n${MY_DOMAIN}/apex/cisco_webex__webexsfdcauth`
        );
        assert.deepEqual(metadata.oauthConfig.scopes, ['Full', 'RefreshToken', 'OfflineAccess']);
        assert.equal(metadata.oauthConfig.isPkceRequired, false);
        assert.equal(metadata.oauthConfig.isSecretRequiredForRefreshToken, true);
        assert.equal(metadata.oauthPolicy.refreshTokenPolicy, 'infinite');
    });

    it('uses only elements and values the Metadata API knows, in the WSDL order', () => {
        const schema = loadMetadataSchema();
        const check = (typeName: string, value: Record<string, unknown>): void => {
            const known = schema.get(typeName);
            assert.ok(known, `no metadata type ${typeName}`);
            const order = [...known.keys()];
            const keys = Object.keys(value);
            assert.deepEqual(
                keys,
                [...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
                `${typeName}: elements out of WSDL order`
            );
            for (const [key, child] of Object.entries(value)) {
                const kind = known.get(key);
                assert.ok(kind, `${typeName} has no element ${key}`);
                if (kind.kind === 'complex') check(kind.type, child as Record<string, unknown>);
                if (kind.kind === 'boolean') assert.equal(typeof child, 'boolean', `${typeName}.${key}`);
                if (kind.kind === 'enum')
                    for (const item of [child].flat())
                        assert.ok(kind.values.includes(String(item)), `${typeName}.${key}: ${String(item)}`);
            }
        };
        check('ConnectedApp', metadata);
    });

    it('renders well-formed source XML, escaping what XML must', () => {
        const xml = metadataXml(
            'ConnectedApp',
            connectedAppMetadata({
                myDomain: 'https://<x>.my.salesforce.com',
                namespace: '',
                contactEmail: 'a&b@c.example'
            })
        );
        assert.deepEqual(validateXml(xml), { ok: true });
        assert.ok(!xml.includes('<fullName>'), 'the file name carries the full name');
        assert.ok(xml.includes('<callbackUrl>https://&lt;x&gt;.my.salesforce.com/apex/webexsfdcauth</callbackUrl>'));
        assert.ok(xml.includes('<contactEmail>a&amp;b@c.example</contactEmail>'));
        assert.equal(xml.match(/<scopes>/g)?.length, 3);
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

describe('plan: manual steps', () => {
    it('lists what the admin does by hand with the org URLs', () => {
        const text = manualSteps({ alias: 'webex-dev', myDomain: MY_DOMAIN }).join('\n');
        for (const expected of [
            'Manage Consumer Details',
            'Salesforce Authorization: paste the consumer key and secret, Save, then Authorize',
            'Create Site',
            'paste a Webex administrator access token, Save, then Register',
            'utility bar',
            'https://acme.lightning.force.com/lightning/n/Webex_Admin',
            'My Domain:   https://acme.my.salesforce.com',
            'npx sf org open --target-org webex-dev'
        ])
            assert.ok(text.includes(expected), `missing: ${expected}`);
        assert.doesNotMatch(text, /by hand: Setup → App Manager → New Connected App/);
    });

    it('adds the by-hand connected app when it could not be created', () => {
        const text = manualSteps({
            alias: 'webex-dev',
            myDomain: MY_DOMAIN,
            connectedAppMissing: { callbackUrls: callbackUrls(MY_DOMAIN, '') }
        }).join('\n');
        assert.match(text, /^1\. Create the connected app "Webex Salesforce Authorization" by hand/);
        assert.ok(text.includes(`${MY_DOMAIN}/apex/webexsfdcauth`));
        assert.match(text, /PKCE/);
    });
});
