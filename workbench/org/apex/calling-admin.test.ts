/**
 * The emulated org keeps the calling settings as the Apex does (WebexCallingSettings, WebexCallingAdminController):
 * Make a Call offers every phone field until an administrator chooses, call logs relate to nothing until objects are
 * chosen, More info tabs are checked against the schema, and every refusal carries the same message, so the browser
 * stories describe the package.
 */
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { AuraHandledError } from '../apex-error.ts';
import { EmulatedOrg } from '../org-state.ts';
import { createWebexCallingAdminController } from './WebexCallingAdminController.ts';
import { callingBackend, callLogTabs, phoneFields, relatedObjects } from './calling-settings.ts';

let org: EmulatedOrg;
let controller: ReturnType<typeof createWebexCallingAdminController>;

async function refusal(call: Promise<unknown>): Promise<WebexApexErrorPayload> {
    try {
        await call;
    } catch (error) {
        assert.ok(error instanceof AuraHandledError, `an AuraHandledException, not ${String(error)}`);
        return error.payload;
    }
    throw new Error('the call was expected to fail');
}

function asRep(): void {
    org.signIn('sam.rep@acme-webex.example');
}

describe('Emulated calling settings', () => {
    beforeEach(() => {
        org = new EmulatedOrg('http://127.0.0.1:9');
        controller = createWebexCallingAdminController(org);
    });

    it('reads Webex Calling, no related object and every phone field until an administrator chooses', () => {
        assert.equal(callingBackend(org), 'WebexCalling');
        assert.deepEqual(relatedObjects(org, 'Outbound'), []);
        assert.deepEqual(relatedObjects(org, 'Inbound'), []);
        assert.deepEqual(phoneFields(org, 'Contact'), ['Phone', 'MobilePhone'], 'describe order');
        assert.deepEqual(phoneFields(org, 'Lead'), ['Phone', 'MobilePhone']);
        assert.deepEqual(phoneFields(org, 'Account'), ['Phone'], 'any object with phone fields');
        assert.deepEqual(phoneFields(org, 'Widget__c'), [], 'an unknown object has none');
        assert.deepEqual(callLogTabs(org), []);
    });

    it('lists Contact and Lead phone fields, all selected, and saves the order the administrator chose', async () => {
        const initial = await controller.getPhoneFields();
        assert.deepEqual(
            initial.map((entry) => [entry.objectApiName, entry.objectLabel, entry.selected]),
            [
                ['Contact', 'Contact', ['Phone', 'MobilePhone']],
                ['Lead', 'Lead', ['Phone', 'MobilePhone']]
            ]
        );
        assert.deepEqual(initial[0].available, [
            { apiName: 'Phone', label: 'Phone' },
            { apiName: 'MobilePhone', label: 'Mobile' }
        ]);

        const saved = await controller.savePhoneFields({
            selectedByObject: { contact: ['mobilephone', 'Phone', 'MobilePhone'], Account: ['Phone'] }
        });
        assert.deepEqual(phoneFields(org, 'Contact'), ['MobilePhone', 'Phone'], 'spelled as the schema, once each');
        assert.deepEqual(phoneFields(org, 'Lead'), ['Phone', 'MobilePhone'], 'an object not sent keeps its fields');
        assert.deepEqual(
            saved.map((entry) => entry.objectApiName),
            ['Contact', 'Lead', 'Account'],
            'an object chosen for is listed after Contact and Lead'
        );
        assert.deepEqual(saved[2].selected, ['Phone']);
    });

    it('refuses an unknown object, a field that is not a phone field, and an object left with none', async () => {
        const cases: Array<[Record<string, string[]>, string]> = [
            [{ Widget__c: ['Phone'] }, 'The object Widget__c does not exist, or you cannot see it.'],
            [{ Contact: ['Email'] }, 'Email is not a phone field of Contact that you can see.'],
            [
                { Contact: ['Phone'], Lead: [] },
                'Choose at least one phone field for Lead: Make a Call needs a number to dial.'
            ],
            [{}, 'The request is missing information: selectedByObject']
        ];
        for (const [selectedByObject, message] of cases) {
            const payload = await refusal(controller.savePhoneFields({ selectedByObject }));
            assert.equal(payload.code, 'INVALID_INPUT');
            assert.equal(payload.message, message);
        }
        assert.deepEqual(phoneFields(org, 'Contact'), ['Phone', 'MobilePhone'], 'nothing was stored');
        assert.equal(org.calling.phoneFields.size, 0);
    });

    it('offers the objects a Task can relate to and saves each direction on its own', async () => {
        const outbound = await controller.getCallLogObjects({ direction: 'Outbound' });
        assert.deepEqual(
            outbound.available.map((option) => option.apiName),
            ['Account', 'Campaign', 'Case', 'Opportunity'],
            'by label'
        );
        assert.deepEqual(outbound.selected, []);
        const saved = await controller.saveCallLogObjects({
            direction: 'Outbound',
            objectApiNames: ['opportunity', 'Account', 'Opportunity']
        });
        assert.deepEqual(saved.selected, ['Opportunity', 'Account'], 'in the chosen order, once each');
        assert.deepEqual(relatedObjects(org, 'Outbound'), ['Opportunity', 'Account']);
        assert.deepEqual(relatedObjects(org, 'Inbound'), [], 'the other direction is untouched');

        const refused = await refusal(
            controller.saveCallLogObjects({ direction: 'Inbound', objectApiNames: ['Case', 'Contact'] })
        );
        assert.equal(
            refused.message,
            'A call log cannot be related to Contact: choose objects a task can be related to.'
        );
        assert.deepEqual(relatedObjects(org, 'Inbound'), [], 'nothing stored');
        const direction = await refusal(controller.getCallLogObjects({ direction: 'Sideways' as 'Inbound' }));
        assert.equal(direction.message, 'The request is missing information: direction (Outbound, Inbound)');
    });

    it('offers the objects that look up Account, with their account fields and showable fields, in French too', async () => {
        const objects = await controller.getCallLogTabObjects();
        assert.deepEqual(
            objects.map((option) => option.apiName),
            ['Case', 'Contact', 'Opportunity']
        );
        const options = await controller.getCallLogTabOptions({ objectApiName: 'opportunity' });
        assert.equal(options.objectApiName, 'Opportunity');
        assert.deepEqual(options.accountFields, [{ apiName: 'AccountId', label: 'Account Name' }]);
        assert.deepEqual(
            options.fields.map((field) => field.label),
            ['Account Name', 'Amount', 'Close Date', 'Opportunity Name', 'Opportunity Owner', 'Stage']
        );
        org.signIn('camille.vente@acme-webex.example');
        org.user.customPermissions = ['Webex_Admin'];
        assert.equal(org.user.language, 'fr');
        const french = await controller.getCallLogTabObjects();
        assert.deepEqual(
            french.map((option) => option.label),
            ['Contact', 'Opportunité', 'Requête']
        );
    });

    it('saves, edits and deletes More info tabs, one per object', async () => {
        const created = await controller.saveCallLogTab({
            config: { id: null, objectApiName: 'Opportunity', accountField: 'accountid', fields: ['Name', 'Amount'] }
        });
        assert.equal(created.length, 1);
        const [tab] = created;
        assert.ok(tab.id?.startsWith('a0W'));
        assert.deepEqual(
            { ...tab, id: null },
            {
                id: null,
                objectApiName: 'Opportunity',
                objectLabel: 'Opportunity',
                accountField: 'AccountId',
                accountFieldLabel: 'Account Name',
                fields: [
                    { apiName: 'Name', label: 'Opportunity Name' },
                    { apiName: 'Amount', label: 'Amount' }
                ]
            }
        );
        assert.equal(org.calling.callLogTabs[0].Fields__c, 'Name,Amount', 'stored separated by commas');

        const duplicate = await refusal(
            controller.saveCallLogTab({
                config: { id: null, objectApiName: 'Opportunity', accountField: 'AccountId', fields: ['Name'] }
            })
        );
        assert.equal(duplicate.message, 'Opportunity already has a tab: edit it instead.');

        const edited = await controller.saveCallLogTab({
            config: { id: tab.id, objectApiName: 'Opportunity', accountField: 'AccountId', fields: ['StageName'] }
        });
        assert.deepEqual(
            edited.map((config) => [config.id, config.fields.map((field) => field.apiName)]),
            [[tab.id, ['StageName']]]
        );
        assert.deepEqual(callLogTabs(org), [
            { id: tab.id, objectApiName: 'Opportunity', accountField: 'AccountId', fields: ['StageName'] }
        ]);

        assert.deepEqual(await controller.deleteCallLogTab({ configId: String(tab.id) }), []);
        const gone = await refusal(controller.deleteCallLogTab({ configId: String(tab.id) }));
        assert.equal(gone.code, 'NOT_FOUND');
        const editGone = await refusal(
            controller.saveCallLogTab({
                config: { id: tab.id, objectApiName: 'Opportunity', accountField: 'AccountId', fields: ['Name'] }
            })
        );
        assert.equal(editGone.code, 'NOT_FOUND');
        const notATab = await refusal(controller.deleteCallLogTab({ configId: '003000000000001AAA' }));
        assert.equal(notATab.message, 'The request is missing information: configId (Webex Call Log Tab ID)');
    });

    it('refuses a tab without object, account field or fields, or naming what the schema does not have', async () => {
        const cases: Array<[Parameters<typeof controller.saveCallLogTab>[0]['config'], string]> = [
            [{ id: null, objectApiName: '', accountField: '', fields: [] }, 'Choose an object.'],
            [
                { id: null, objectApiName: 'Widget__c', accountField: 'AccountId', fields: ['Name'] },
                'The object Widget__c does not exist, or you cannot see it.'
            ],
            [
                { id: null, objectApiName: 'Case', accountField: '', fields: ['Subject'] },
                'Choose the field that relates Case to Account.'
            ],
            [
                { id: null, objectApiName: 'Case', accountField: 'ContactId', fields: ['Subject'] },
                'ContactId is not a field of Case that looks up Account.'
            ],
            [
                { id: null, objectApiName: 'Case', accountField: 'AccountId', fields: [] },
                'Choose at least one field to show.'
            ],
            [
                { id: null, objectApiName: 'Case', accountField: 'AccountId', fields: ['Subject', 'Secret__c'] },
                'Secret__c is not a field of Case that a tab can show.'
            ]
        ];
        for (const [config, message] of cases) {
            const payload = await refusal(controller.saveCallLogTab({ config }));
            assert.deepEqual([payload.code, payload.message], ['INVALID_INPUT', message]);
        }
        assert.deepEqual(callLogTabs(org), [], 'nothing stored');
    });

    it('saves the backend and refuses another value', async () => {
        assert.equal(await controller.getCallingBackend(), 'WebexCalling');
        assert.equal(await controller.saveCallingBackend({ backend: 'UnifiedCM' }), 'UnifiedCM');
        assert.equal(callingBackend(org), 'UnifiedCM');
        const refused = await refusal(controller.saveCallingBackend({ backend: 'Skype' as WebexCallingBackend }));
        assert.equal(refused.message, 'Choose Webex Calling, Unified CM or BroadWorks.');
        assert.equal(callingBackend(org), 'UnifiedCM', 'unchanged');
    });

    it('refuses every method to a user without the Webex Admin permission set', async () => {
        asRep();
        const calls: Array<Promise<unknown>> = [
            controller.getPhoneFields(),
            controller.savePhoneFields({ selectedByObject: { Contact: ['Phone'] } }),
            controller.getCallLogObjects({ direction: 'Outbound' }),
            controller.saveCallLogObjects({ direction: 'Outbound', objectApiNames: [] }),
            controller.getCallLogTabs(),
            controller.getCallLogTabObjects(),
            controller.getCallLogTabOptions({ objectApiName: 'Case' }),
            controller.saveCallLogTab({
                config: { id: null, objectApiName: 'Case', accountField: 'AccountId', fields: ['Subject'] }
            }),
            controller.deleteCallLogTab({ configId: 'a0WWb0000000001AAA' }),
            controller.getCallingBackend(),
            controller.saveCallingBackend({ backend: 'BroadWorks' })
        ];
        for (const call of calls) assert.equal((await refusal(call)).code, 'NOT_ADMIN');
        assert.equal(callingBackend(org), 'WebexCalling');
        assert.deepEqual(callLogTabs(org), []);
    });
});
