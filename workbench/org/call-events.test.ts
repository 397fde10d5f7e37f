/**
 * Inbound calling end to end on the real workbench server and Webex emulator (B3, B9): a rep's own
 * signed telephony_calls webhooks reach the org's site, WebexCallEventHandler keeps the transitions the
 * dialer needs, and WebexCallEventPublisher pushes them, within the webhook request (no job), through the
 * org's REST API on the Generic Streaming channel /u/WebexCallEvents to that rep only: 3 events for an
 * answered incoming call (whatever holds and resumes happen), 2 for a call the rep placed, none for a
 * person no Salesforce user holds a connection for, or without the Salesforce authorization, and nothing
 * from a forged delivery. The administrator's refresh token is exchanged once, not once per push (the
 * access token is cached), and a cached token whose session ended is replaced once.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { startWorkbench, type Workbench } from '../server.ts';
import { waitFor } from '../webex-emulator/test-support.ts';
import { SALESFORCE_ROWS } from './apex/salesforce-auth.ts';
import { CALL_EVENT_CHANNEL } from './apex/call-event-publisher.ts';
import { SETUP_ROWS } from './apex/salesforce-session.ts';
import { salesforceUsersByWebexPerson } from './apex/user-tokens.ts';
import { asyncJobs, asyncJobsSettled, debugLog } from './async-apex.ts';
import {
    asRep,
    connectRep,
    emulatorControl,
    leaveWebhooksWithoutConnection,
    listenToCallEvents,
    prepareCallEvents,
    userIdOf,
    type CallEventListener
} from './site/call-event-fixtures.ts';
import { WEBHOOK_REST_PATH } from './site/webhook-resource.ts';

const SAM = 'sam.rep@acme-webex.example';
const AVERY = 'avery.admin@acme-webex.example';
const CAMILLE = 'camille.vente@acme-webex.example';

let wb: Workbench;
let listeners: CallEventListener[] = [];
let jobsBefore = 0;
/** The jobs enqueued by this test (the org's job list survives reset, as in an org). */
const newJobs = () => asyncJobs(wb.org).slice(jobsBefore);

async function listen(email: string): Promise<CallEventListener> {
    const listener = await listenToCallEvents(wb, userIdOf(wb, email));
    listeners.push(listener);
    return listener;
}

/** Every delivery made, every job run, and what the org delivered reached the listeners. */
async function settle(...expected: Array<[CallEventListener, number]>): Promise<void> {
    await wb.emulator.state.deliveries.settled();
    await asyncJobsSettled(wb.org);
    for (const [listener, count] of expected)
        await waitFor(() => listener.events.length >= count, `${count} event(s) received`);
    // Anything more would have arrived by now: the org wrote it synchronously with the others.
    await new Promise((resolve) => setTimeout(resolve, 50));
}

const callEventsPublished = () => wb.org.events.filter((event) => event.channel === CALL_EVENT_CHANNEL);

describe('Inbound call events: webhook → Generic Streaming push to the one rep', () => {
    before(async () => {
        wb = await startWorkbench({ port: 0, emulatorPort: 0, build: false });
    });
    after(() => wb.close());
    beforeEach(async () => {
        wb.org.reset();
        wb.emulator.state.reset();
        prepareCallEvents(wb);
        jobsBefore = asyncJobs(wb.org).length;
        // Calls progress only when told: no timer decides for the test.
        await emulatorControl(wb, 'PATCH', '/_emulator/settings', {
            calls: { deviceAnswerAfterMs: 0, remoteAnswerAfterMs: null, ringTimeoutMs: null }
        });
    });
    afterEach(async () => {
        await Promise.all(listeners.map((listener) => listener.close()));
        listeners = [];
    });

    it('pushes an answered incoming call to its rep in exactly 3 events, and to nobody else', async () => {
        const sam = await connectRep(wb, SAM);
        // The package's own handler hears the site, and maps Sam's person with WebexUserTokens.
        assert.deepEqual(
            wb.org.webhookSite.handlers.map((handler) => handler.name),
            ['WebexCallEventHandler']
        );
        assert.equal(salesforceUsersByWebexPerson(wb.org, [sam.webexPersonId]).get(sam.webexPersonId), sam.userId);
        const [samsDialer, averysDialer] = [await listen(SAM), await listen(AVERY)];

        const call = await emulatorControl<{ id: string }>(wb, 'POST', '/_emulator/calls/inbound', {
            to: SAM,
            from: '+13122961607',
            name: 'Olivia Martin'
        });
        await settle([samsDialer, 1]);
        await emulatorControl(wb, 'POST', `/_emulator/calls/${encodeURIComponent(call.id)}/answer`);
        await settle([samsDialer, 2]);
        // Hold, resume, mute: the dialer's own doing, which it learns from call control, not from a push
        await asRep(wb, sam, '/telephony/calls/hold', { callId: call.id });
        await asRep(wb, sam, '/telephony/calls/resume', { callId: call.id });
        await asRep(wb, sam, '/telephony/calls/mute', { callId: call.id });
        await emulatorControl(wb, 'POST', `/_emulator/calls/${encodeURIComponent(call.id)}/hangup`);
        await settle([samsDialer, 3]);

        const delivered = wb.emulator.state.deliveries.records.filter((d) => d.webhookName.includes('telephony_calls'));
        assert.ok(delivered.length >= 6, 'Webex delivered every transition (ring, answer, hold, resume, mute, end)');
        assert.ok(
            delivered.every((d) => d.statusCode === 200),
            'each one verified and accepted by the site'
        );
        assert.deepEqual(
            samsDialer.payloads().map((p) => p.state),
            ['alerting', 'connected', 'disconnected']
        );
        assert.equal(averysDialer.events.length, 0, "Sam's calls never reach Avery's dialer");
        assert.equal(wb.org.streaming.deliveriesTo(userIdOf(wb, AVERY)).length, 0);
        assert.equal(wb.org.streaming.deliveriesTo(sam.userId, CALL_EVENT_CHANNEL).length, 3, 'at most 3 per call');

        // What empApi subscribers get: `data.payload` is the WebexCallEventPayload's JSON string
        const [ringing] = samsDialer.events;
        assert.equal(typeof ringing.payload, 'string');
        assert.deepEqual(ringing.userIds, [sam.userId]);
        const payload = samsDialer.payloads()[0];
        assert.deepEqual(Object.keys(payload).sort(), [
            'answered',
            'callId',
            'callSessionId',
            'created',
            'disconnected',
            'eventTimestamp',
            'muteCapable',
            'personality',
            'remoteName',
            'remoteNumber',
            'state'
        ]);
        assert.equal(payload.callId, call.id);
        assert.equal(payload.personality, 'terminator');
        assert.equal(payload.remoteNumber, '+13122961607');
        assert.equal(payload.remoteName, 'Olivia Martin');
        assert.equal(payload.muteCapable, false, 'a ringing device cannot be muted');
        assert.ok(samsDialer.payloads()[1].answered, 'the answer carries its time');
        assert.equal(samsDialer.payloads()[1].muteCapable, true, 'the answered device can: the dialer offers Mute');
        assert.ok(samsDialer.payloads()[2].disconnected, 'the end carries its time');

        // Pushed in the webhook requests themselves: no job. The first push traded the refresh token and
        // found (created) the channel; the next ones used the cached token and the stored channel Id.
        assert.equal(newJobs().length, 0, 'no Queueable: the pop does not wait for one');
        const restCalls = wb.org.salesforce.requests.filter((r) => r.path.startsWith('/services/data/'));
        assert.equal(restCalls.filter((r) => r.path.endsWith('/push')).length, 3);
        assert.equal(restCalls.length, 3 + 2, 'one push per transition, plus one query and one creation');
        const exchanges = wb.org.salesforce.requests.filter((r) => r.path === '/services/oauth2/token');
        assert.equal(exchanges.length, 1, "the administrator's refresh token is exchanged once, not per push");
        assert.equal(wb.org.streaming.channelByName(CALL_EVENT_CHANNEL)?.Name, CALL_EVENT_CHANNEL);
        assert.equal(
            wb.org.credentials.get(SETUP_ROWS.channel)?.secret,
            wb.org.streaming.channelByName(CALL_EVENT_CHANNEL)?.Id,
            "the channel's Id is stored"
        );
        assert.ok(wb.org.credentials.get(SALESFORCE_ROWS.accessToken)?.secret, 'the access token is cached');
    });

    it('replaces a cached access token whose session ended, once, and still pops the call', async () => {
        const sam = await connectRep(wb, SAM);
        const samsDialer = await listen(SAM);
        const first = await emulatorControl<{ id: string }>(wb, 'POST', '/_emulator/calls/inbound', {
            to: SAM,
            from: '+13122961607'
        });
        await settle([samsDialer, 1]);
        const cached = wb.org.credentials.get(SALESFORCE_ROWS.accessToken)?.secret ?? '';
        assert.ok(cached, 'the first push cached its token');
        // The administrator logged out everywhere: Salesforce no longer accepts the cached token.
        wb.org.salesforce.accessTokens.delete(cached);
        const before = wb.org.salesforce.requests.length;

        await emulatorControl(wb, 'POST', `/_emulator/calls/${encodeURIComponent(first.id)}/hangup`);
        await settle([samsDialer, 2]);

        assert.deepEqual(
            samsDialer.payloads().map((p) => p.state),
            ['alerting', 'disconnected']
        );
        assert.deepEqual(
            wb.org.salesforce.requests.slice(before).map((r) => `${r.method} ${r.path.replace(/v\d+\.\d+/, 'vNN')}`),
            [
                `POST /services/data/vNN/sobjects/StreamingChannel/${wb.org.credentials.get(SETUP_ROWS.channel)?.secret}/push`,
                'POST /services/oauth2/token',
                `POST /services/data/vNN/sobjects/StreamingChannel/${wb.org.credentials.get(SETUP_ROWS.channel)?.secret}/push`
            ],
            'refused push, one refresh, the push again'
        );
        assert.notEqual(wb.org.credentials.get(SALESFORCE_ROWS.accessToken)?.secret, cached, 'the new token is cached');
        assert.equal(sam.userId, samsDialer.events[1].userIds?.[0]);
    });

    it('pushes a call the rep placed when answered and when ended: 2 events', async () => {
        const sam = await connectRep(wb, SAM);
        const samsDialer = await listen(SAM);

        const dialled = await asRep<{ callId: string }>(wb, sam, '/telephony/calls/dial', {
            destination: '+13125550100'
        });
        await waitFor(
            () => wb.emulator.state.calls.legs.some((l) => l.id === dialled.callId && l.state === 'connecting'),
            'the device placed the call'
        );
        await emulatorControl(wb, 'POST', `/_emulator/calls/${encodeURIComponent(dialled.callId)}/answer`);
        await settle([samsDialer, 1]);
        await asRep(wb, sam, '/telephony/calls/hangup', { callId: dialled.callId });
        await settle([samsDialer, 2]);

        const payloads = samsDialer.payloads();
        assert.deepEqual(
            payloads.map((p) => `${p.personality}:${p.state}`),
            ['originator:connected', 'originator:disconnected']
        );
        assert.equal(payloads[0].callId, dialled.callId);
        assert.equal(payloads[0].remoteNumber, '+13125550100');
    });

    it('pushes nothing for a Webex person no Salesforce user connected', async () => {
        // Camille's own webhooks deliver her call, but no Salesforce user holds her Webex connection
        await leaveWebhooksWithoutConnection(wb, CAMILLE);
        const camillesDialer = await listen(CAMILLE);
        const call = await emulatorControl<{ id: string }>(wb, 'POST', '/_emulator/calls/inbound', {
            to: CAMILLE,
            from: '+13122961607'
        });
        await emulatorControl(wb, 'POST', `/_emulator/calls/${encodeURIComponent(call.id)}/hangup`);
        await settle();

        assert.ok(
            wb.org.webhookSite.requests.some((r) => r.outcome === 'accepted'),
            'the deliveries were accepted'
        );
        assert.equal(callEventsPublished().length, 0, 'nothing pushed');
        assert.equal(camillesDialer.events.length, 0);
        assert.equal(newJobs().length, 0, 'no job');
        assert.ok(debugLog(wb.org).some((line) => /no Salesforce user connected, dropped/.test(line.message)));
    });

    it('pushes nothing, and still answers 200, without the Salesforce authorization', async () => {
        await connectRep(wb, SAM);
        const samsDialer = await listen(SAM);
        for (const row of [SALESFORCE_ROWS.consumerKey, SALESFORCE_ROWS.consumerSecret, SALESFORCE_ROWS.refreshToken])
            wb.org.credentials.delete(row);

        await emulatorControl(wb, 'POST', '/_emulator/calls/inbound', { to: SAM, from: '+13122961607' });
        await settle();

        assert.deepEqual(
            wb.org.webhookSite.requests.map((r) => r.status),
            [200]
        );
        assert.equal(samsDialer.events.length, 0);
        assert.deepEqual(wb.org.webhookSite.failures, [], 'no exception reached the site');
        assert.ok(
            debugLog(wb.org).some((line) => line.level === 'ERROR' && /no Salesforce authorization/.test(line.message))
        );
    });

    it('still verifies the signature: a forged ringing for Sam is refused and pushes nothing', async () => {
        const sam = await connectRep(wb, SAM);
        const samsDialer = await listen(SAM);
        const body = JSON.stringify({
            id: 'Y2lzY29zcGFyazovL3VzL1dFQkhPT0svZm9yZ2Vk',
            resource: 'telephony_calls',
            event: 'created',
            createdBy: sam.webexPersonId,
            ownedBy: 'creator',
            data: {
                callId: 'Y2lzY29zcGFyazovL3VzL0NBTEwvZm9yZ2Vk',
                personality: 'terminator',
                state: 'alerting',
                remoteParty: { number: '+19005550000', name: 'Not the bank' },
                eventTimestamp: new Date().toISOString()
            }
        });
        const response = await fetch(`${wb.url}${WEBHOOK_REST_PATH}`, {
            method: 'POST',
            headers: {
                'content-type': 'application/json',
                'x-spark-signature': createHmac('sha1', 'not-the-secret').update(body).digest('hex')
            },
            body
        });
        await settle();

        assert.equal(response.status, 401);
        assert.equal(samsDialer.events.length, 0);
        assert.equal(callEventsPublished().length, 0);
    });
});
