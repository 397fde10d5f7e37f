/**
 * The emulated org keeps A7 and B7 as the Apex does: who has a feature (for all, a profile, a user, never
 * switched off by a lower level), what each people search looks in, and the same refusals with the same
 * messages, so the browser stories describe the package.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { AuraHandledError } from './apex-error.ts';
import { createWebexEnablementController } from './apex/WebexEnablementController.ts';
import { createWebexPeopleSearchController } from './apex/WebexPeopleSearchController.ts';
import { EmulatedOrg } from './org-state.ts';

let org: EmulatedOrg;

function seeded(object: 'User' | 'Profile', name: string): string {
    const record = org.records.list(object).find((r) => r.Name === name);
    assert.ok(record, `${object} ${name} is seeded`);
    return record.Id;
}

async function refusal(call: Promise<unknown>): Promise<WebexApexErrorPayload> {
    try {
        await call;
    } catch (error) {
        assert.ok(error instanceof AuraHandledError, `an AuraHandledException, not ${String(error)}`);
        return error.payload;
    }
    throw new Error('the call was expected to fail');
}

describe('Emulated feature access and people search', () => {
    beforeEach(() => {
        org = new EmulatedOrg('http://127.0.0.1:9');
    });

    it('turns a feature on for all, a profile or a user, and a user row never hides the profile row', () => {
        const access = org.featureAccess;
        const sam = seeded('User', 'Sam Rep');
        const salesRep = seeded('Profile', 'Custom: Sales Rep');
        assert.equal(access.isEnabled('OutboundCallLog', sam, salesRep), false, 'off until switched on');
        access.grant('OutboundCallLog', [salesRep]);
        access.grant('InstantChat', [sam]);
        assert.equal(access.isEnabled('OutboundCallLog', sam, salesRep), true, 'through the profile');
        assert.equal(
            access.isEnabled('InstantChat', sam.slice(0, 15), salesRep),
            true,
            'through the user, any ID form'
        );
        assert.equal(access.isEnabled('InboundCallLog', sam, salesRep), false, 'another feature stays off');
        access.setEnabledForAll('InboundCallLog', true);
        assert.equal(access.isEnabled('InboundCallLog', sam, null), true, 'on for all');
        access.revoke('InstantChat', [sam]);
        assert.equal(access.rowCount, 1, 'a row with no feature left is deleted');
    });

    it('lists who has a feature with names, saves exactly the choice, and keeps the list while on for all', async () => {
        const controller = createWebexEnablementController(org);
        const sam = seeded('User', 'Sam Rep');
        const salesRep = seeded('Profile', 'Custom: Sales Rep');
        const first = await controller.saveFeatureAccess({
            feature: 'CallHistory',
            enabledForAll: false,
            granteeIds: [sam, salesRep, sam.slice(0, 15)]
        });
        assert.deepEqual(
            first.grantees.map((g) => [g.name, g.type, g.detail]),
            [
                ['Custom: Sales Rep', 'Profile', null],
                ['Sam Rep', 'User', 'sam.rep@acme-webex.example.wb']
            ]
        );
        const second = await controller.saveFeatureAccess({
            feature: 'CallHistory',
            enabledForAll: true,
            granteeIds: [salesRep]
        });
        assert.equal(second.enabledForAll, true);
        assert.deepEqual(
            second.grantees.map((g) => g.name),
            ['Custom: Sales Rep']
        );
        assert.deepEqual(await controller.getFeatureAccess({ feature: 'CallHistory' }), second);
    });

    it('refuses what the Apex refuses, with its messages, and changes nothing', async () => {
        const controller = createWebexEnablementController(org);
        const account = org.records.list('Account')[0].Id;
        const notEligible = await refusal(
            controller.saveFeatureAccess({ feature: 'MeetingLogs', enabledForAll: true, granteeIds: [account] })
        );
        assert.equal(notEligible.code, 'INVALID_INPUT');
        assert.equal(notEligible.message, org.label('WebexAccess_NotEligible', account));
        const malformed = await refusal(
            controller.saveFeatureAccess({ feature: 'MeetingLogs', enabledForAll: true, granteeIds: ['nope'] })
        );
        assert.equal(malformed.message, org.label('WebexError_InvalidInput', 'granteeIds (profile or user IDs)'));
        const feature = await refusal(controller.getFeatureAccess({ feature: 'Teleport' as WebexFeature }));
        assert.match(feature.message, /OutboundCallLog, InboundCallLog/);
        const tooShort = await refusal(controller.searchProfilesAndUsers({ searchTerm: ' s ' }));
        assert.equal(tooShort.message, org.label('WebexAccess_SearchTooShort'));
        assert.equal(org.featureAccess.isEnabledForAll('MeetingLogs'), false, 'nothing changed');
    });

    it('searches profiles and active users by name or username, by name', async () => {
        const controller = createWebexEnablementController(org);
        const found = await controller.searchProfilesAndUsers({ searchTerm: 'sa' });
        assert.deepEqual(
            found.map((g) => `${g.type}:${g.name}`),
            ['Profile:Custom: Sales Rep', 'User:Sam Rep']
        );
        const byUsername = await controller.searchProfilesAndUsers({ searchTerm: 'jordan.support@' });
        assert.deepEqual(
            byUsername.map((g) => g.name),
            ['Jordan Support']
        );
    });

    it('starts every people search on Contacts and Leads and saves a complete choice only', async () => {
        const controller = createWebexPeopleSearchController(org);
        const initial = await controller.getPeopleSearchSettings();
        assert.deepEqual(
            initial.purposes.map((p) => `${p.purpose}:${p.objects.join('+')}`),
            ['Dialer:Contact+Lead', 'Inbound:Contact+Lead', 'Meetings:Contact+Lead', 'Spaces:Contact+Lead']
        );
        const saved = await controller.savePeopleSearchSettings({
            objectsByPurpose: { Dialer: ['Lead', 'Contact'], Inbound: [], Meetings: ['Lead'], Spaces: ['Contact'] }
        });
        assert.deepEqual(saved.purposes[0].objects, ['Contact', 'Lead'], 'in column order');
        assert.deepEqual(org.peopleSearch.objectsFor('Inbound'), []);
        const missing = await refusal(
            controller.savePeopleSearchSettings({
                objectsByPurpose: { Dialer: [], Inbound: [], Meetings: [] } as unknown as Record<
                    WebexPeopleSearchPurposeName,
                    WebexPeopleSearchObject[]
                >
            })
        );
        assert.equal(missing.message, org.label('WebexError_InvalidInput', 'objectsByPurpose.Spaces'));
        assert.deepEqual(org.peopleSearch.objectsFor('Meetings'), ['Lead'], 'nothing changed');
    });

    it('refuses a user without the Webex Admin permission set everywhere', async () => {
        org.signIn('sam.rep@acme-webex.example');
        const enablement = createWebexEnablementController(org);
        const people = createWebexPeopleSearchController(org);
        const calls = [
            enablement.getFeatureAccess({ feature: 'OutboundCallLog' }),
            enablement.saveFeatureAccess({ feature: 'OutboundCallLog', enabledForAll: true, granteeIds: [] }),
            enablement.searchProfilesAndUsers({ searchTerm: 'Sam' }),
            people.getPeopleSearchSettings(),
            people.savePeopleSearchSettings({
                objectsByPurpose: { Dialer: [], Inbound: [], Meetings: [], Spaces: [] }
            })
        ];
        for (const call of calls) assert.equal((await refusal(call)).code, 'NOT_ADMIN');
        assert.equal(org.featureAccess.isEnabledForAll('OutboundCallLog'), false);
        assert.deepEqual(org.peopleSearch.objectsFor('Dialer'), ['Contact', 'Lead']);
    });
});
