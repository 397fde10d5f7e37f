/**
 * The emulated WebexCallLogController: one Task per call and owner across saves and concurrent saves, the related
 * objects the administrator chose and never with a lead, the direction's log required, a record gone refused with
 * nothing written; More info from the WebexCallLogTab__c records, skipping what no longer exists; Related to search.
 */
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { AuraHandledError } from '../apex-error.ts';
import { EmulatedOrg } from '../org-state.ts';
import { forgetRenamedObjects, renameObject } from '../records.ts';
import { createWebexCallLogController, type WebexCallLogControllerApi } from './WebexCallLogController.ts';

const SAM = 'sam.rep@acme-webex.example';
const CAMILLE = 'camille.vente@acme-webex.example';

let org: EmulatedOrg;
let controller: WebexCallLogControllerApi;

async function refusal(call: Promise<unknown>): Promise<WebexApexErrorPayload> {
    try {
        await call;
    } catch (error) {
        assert.ok(error instanceof AuraHandledError, `an AuraHandledException, not ${String(error)}`);
        return error.payload;
    }
    return assert.fail('the call was refused');
}

function named(objectApiName: string, name: string): { Id: string } & Record<string, unknown> {
    const record = org.records.list(objectApiName).find((r) => r.Name === name);
    assert.ok(record, name);
    return record;
}

function log(overrides: Partial<WebexCallLogInput> = {}): WebexCallLogInput {
    return {
        callId: 'call-1',
        direction: 'Outbound',
        phoneNumber: '+33142681234',
        subject: 'Outbound call to Olivia Martin',
        comments: 'Asked for a quote',
        whoId: named('Contact', 'Olivia Martin').Id,
        whatId: null,
        disposition: 'Connected',
        durationSeconds: 95,
        ...overrides
    };
}

function tasksOf(callId: string): Array<Record<string, unknown>> {
    return org.records.list('Task').filter((task) => task.CallObject === callId);
}

describe('Emulated WebexCallLogController', () => {
    beforeEach(() => {
        org = new EmulatedOrg('http://127.0.0.1:1');
        org.signIn(SAM);
        org.featureAccess.setEnabledForAll('OutboundCallLog', true);
        org.featureAccess.setEnabledForAll('InboundCallLog', true);
        org.calling.callLogObjects.set('Outbound', ['Account', 'Case']);
        org.calling.callLogObjects.set('Inbound', ['Account']);
        controller = createWebexCallLogController(org);
    });

    it('writes one Task per call: the second save updates it and keeps the known duration', async () => {
        const account = named('Account', 'Acme Robotics');
        const first = await controller.saveCallLog({ log: log({ whatId: account.Id }) });
        const second = await controller.saveCallLog({
            log: log({
                whatId: account.Id,
                comments: 'Quote on Monday',
                disposition: 'Call back later',
                durationSeconds: null
            })
        });
        assert.equal(first.created, true);
        assert.deepEqual(second, { taskId: first.taskId, created: false });
        const tasks = tasksOf('call-1');
        assert.equal(tasks.length, 1);
        const [task] = tasks;
        assert.equal(task.OwnerId, org.user.id);
        assert.equal(task.TaskSubtype, 'Call');
        assert.equal(task.Type, 'Call');
        assert.equal(task.CallType, 'Outbound');
        assert.equal(task.Status, 'Completed');
        assert.equal(task.ActivityDate, new Date().toISOString().slice(0, 10));
        assert.equal(task.WhatId, account.Id);
        assert.equal(task.Description, 'Quote on Monday');
        assert.equal(task.CallDisposition, 'Call back later');
        assert.equal(task.CallDurationInSeconds, 95);

        // Another rep's log of the same call is theirs.
        org.signIn(CAMILLE);
        const theirs = await controller.saveCallLog({ log: log() });
        assert.equal(theirs.created, true);
        assert.equal(tasksOf('call-1').length, 2);
    });

    it('keeps one Task when two tabs save the same call at the same moment', async () => {
        const [left, right] = await Promise.all([
            controller.saveCallLog({ log: log({ comments: 'from the first tab' }) }),
            controller.saveCallLog({ log: log({ comments: 'from the second tab' }) })
        ]);
        assert.equal(tasksOf('call-1').length, 1);
        assert.equal(left.taskId, right.taskId);
        assert.deepEqual([left.created, right.created].sort(), [false, true]);
        assert.equal(tasksOf('call-1')[0].Description, 'from the second tab');
    });

    it('relates only to the chosen objects, never with a lead, and says so in the rep’s language', async () => {
        const deal = org.records.list('Opportunity')[0];
        const notChosen = await refusal(controller.saveCallLog({ log: log({ whatId: deal.Id }) }));
        assert.equal(notChosen.code, 'INVALID_INPUT');
        assert.equal(
            notChosen.message,
            "Call logs can't be related to Opportunities. Choose a record of one of the objects Related to offers."
        );
        const lead = org.records.list('Lead')[0];
        const withLead = await refusal(
            controller.saveCallLog({ log: log({ whoId: lead.Id, whatId: named('Account', 'Acme Robotics').Id }) })
        );
        assert.equal(
            withLead.message,
            "Calls with Leads can't be related to another record. Remove the Related to record, then save again."
        );
        assert.equal((await controller.saveCallLog({ log: log({ whoId: lead.Id }) })).created, true);

        org.signIn(CAMILLE);
        const inbound = await refusal(
            controller.saveCallLog({
                log: log({ callId: 'call-2', direction: 'Inbound', whatId: org.records.list('Case')[0].Id })
            })
        );
        assert.equal(
            inbound.message,
            "Les journaux d'appels ne peuvent pas être associés à Requêtes. Choisissez un enregistrement de l'un des objets proposés dans Associé à."
        );
    });

    it('refuses a rep without the direction’s log, and a record gone, writing nothing', async () => {
        org.featureAccess.setEnabledForAll('InboundCallLog', false);
        const off = await refusal(controller.saveCallLog({ log: log({ direction: 'Inbound' }) }));
        assert.deepEqual(off, {
            code: 'FORBIDDEN',
            message:
                "Inbound call logs aren't turned on for you. Ask your Salesforce administrator to enable Webex Inbound Call Log for you.",
            retryAfterSeconds: null
        });
        const account = named('Account', 'Acme Robotics');
        org.records.delete(account.Id);
        const gone = await refusal(controller.saveCallLog({ log: log({ whatId: account.Id }) }));
        assert.equal(gone.code, 'NOT_FOUND');
        assert.match(gone.message, /deleted or isn't shared with you/);
        assert.equal(tasksOf('call-1').length, 0);
    });

    describe('in an org that renamed Lead and Account', () => {
        beforeEach(() => {
            renameObject('Lead', { label: 'Prospect', labelPlural: 'Prospects' }, 'en');
            renameObject('Account', { label: 'Customer', labelPlural: 'Customers' }, 'en');
        });
        afterEach(() => forgetRenamedObjects());

        it('names them as the org does in what it refuses, as Schema describe gives them', async () => {
            const lead = org.records.list('Lead')[0];
            const account = named('Account', 'Acme Robotics');
            const withLead = await refusal(
                controller.saveCallLog({ log: log({ whoId: lead.Id, whatId: account.Id }) })
            );
            assert.equal(
                withLead.message,
                "Calls with Prospects can't be related to another record. Remove the Related to record, then save again."
            );
            const needsAccount = await refusal(controller.getMoreInfo({ recordId: lead.Id }));
            assert.equal(
                needsAccount.message,
                "More info needs a caller who is one of your Contacts and belongs to one of your Customers: this caller isn't."
            );
            org.records.delete(account.Id);
            const gone = await refusal(controller.saveCallLog({ log: log({ whatId: account.Id }) }));
            assert.equal(
                gone.message,
                "The Contact, Prospect or related record was deleted or isn't shared with you. Choose another record, then save again."
            );
        });
    });

    it('refuses incomplete logs as the Apex does', async () => {
        const codes = await Promise.all(
            [
                { callId: ' ' },
                { direction: 'Sideways' as 'Outbound' },
                { subject: '  ' },
                { subject: 'x'.repeat(256) },
                { comments: 'x'.repeat(32001) },
                { whoId: 'not an id' },
                { whoId: named('Account', 'Acme Robotics').Id },
                { durationSeconds: -1 },
                { disposition: 'x'.repeat(256) }
            ].map(async (overrides) => (await refusal(controller.saveCallLog({ log: log(overrides) }))).message)
        );
        assert.deepEqual(codes.slice(2, 5), [
            'Enter a subject for the call log.',
            'The subject can have at most 255 characters.',
            'The comments can have at most 32,000 characters.'
        ]);
        assert.equal(tasksOf('call-1').length, 0);
        assert.equal(
            (await refusal(controller.saveCallLog({ log: null as unknown as WebexCallLogInput }))).code,
            'INVALID_INPUT'
        );
    });

    it('lists the caller’s account records per More info configuration, skipping what is gone', async () => {
        org.calling.saveCallLogTab({
            id: null,
            objectApiName: 'opportunity',
            accountField: 'accountid',
            fields: ['Name', 'StageName', 'Deleted__c', 'Amount', 'CloseDate', 'AccountId', 'Name']
        });
        org.calling.saveCallLogTab({ id: null, objectApiName: 'Gone__c', accountField: 'AccountId', fields: ['Name'] });
        org.calling.saveCallLogTab({ id: null, objectApiName: 'Case', accountField: 'Subject', fields: ['Subject'] });
        org.calling.saveCallLogTab({ id: null, objectApiName: 'Case', accountField: 'AccountId', fields: ['Gone__c'] });
        const contact = named('Contact', 'Olivia Martin');
        const tabs = await controller.getMoreInfo({ recordId: contact.Id });
        assert.equal(tabs.length, 1);
        const [tab] = tabs;
        assert.equal(tab.objectApiName, 'Opportunity');
        assert.equal(tab.objectLabel, 'Opportunities');
        assert.deepEqual(
            tab.fields.map((field) => field.apiName),
            ['Name', 'StageName', 'Amount', 'CloseDate', 'AccountId']
        );
        // The account's own, most recent first, each value as a record page shows it.
        const theirs = org.records
            .find(['Opportunity'], (record) => record.AccountId === contact.AccountId)
            .map((found) => found.record)
            .reverse();
        assert.ok(theirs.length >= 1);
        assert.deepEqual(
            tab.records.map((record) => record.id),
            theirs.slice(0, 5).map((record) => record.Id)
        );
        const [first] = tab.records;
        assert.equal(first.values[0], theirs[0].Name);
        assert.equal(first.values[1], theirs[0].StageName);
        assert.equal(
            first.values[2],
            `USD ${Number(theirs[0].Amount).toLocaleString('en-US', { minimumFractionDigits: 2 })}`
        );
        assert.equal(first.values[4], 'Acme Robotics');

        org.signIn(CAMILLE);
        const french = await controller.getMoreInfo({ recordId: contact.Id });
        assert.equal(french[0].objectLabel, 'Opportunités');
        assert.match(String(french[0].records[0].values[2]), /^USD \d[\d\s\u202f]*,00$/);

        const lead = await refusal(controller.getMoreInfo({ recordId: org.records.list('Lead')[0].Id }));
        assert.equal(lead.code, 'NOT_FOUND');
        assert.equal(
            lead.message,
            "Plus d'infos nécessite un appelant qui figure parmi vos Contacts et qui est rattaché à un enregistrement de vos Comptes : ce n'est pas le cas de cet appelant."
        );
        assert.equal((await refusal(controller.getMoreInfo({ recordId: 'nonsense' }))).code, 'INVALID_INPUT');
    });

    it('finds records of the direction’s objects by name', async () => {
        const found = await controller.searchRelatedRecords({
            direction: 'Outbound',
            objectApiName: 'account',
            searchTerm: ' acme '
        });
        assert.deepEqual(found, [{ id: named('Account', 'Acme Robotics').Id, name: 'Acme Robotics' }]);
        assert.deepEqual(
            await controller.searchRelatedRecords({ direction: 'Outbound', objectApiName: 'Account', searchTerm: 'a' }),
            []
        );
        const refused = await refusal(
            controller.searchRelatedRecords({ direction: 'Inbound', objectApiName: 'Case', searchTerm: '0001' })
        );
        assert.equal(refused.code, 'INVALID_INPUT');
        assert.equal(
            (
                await refusal(
                    controller.searchRelatedRecords({
                        direction: 'Up' as 'Inbound',
                        objectApiName: 'Case',
                        searchTerm: 'x'
                    })
                )
            ).code,
            'INVALID_INPUT'
        );
    });
});
