/**
 * Call control: state transitions of outgoing, internal and incoming calls, each a signed
 * `telephony_calls` webhook verified here with node:crypto against the exact body a local target
 * received; call history; and the documented fields of every answer (docs/WEBEX-API-NOTES.md §2.5).
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { WebexEmulator } from './server.ts';
import {
    CAMILLE,
    SAM,
    startForTests,
    startWebhookSink,
    telephonyContract,
    waitFor,
    type ReceivedWebhook,
    type TestClient
} from './test-support.ts';

let emulator: WebexEmulator;
let sam: TestClient;
let camille: TestClient;
let sink: Awaited<ReturnType<typeof startWebhookSink>>;

const SECRET = 'c0ffee'.repeat(10);
type Call = Record<string, unknown> & { id: string; state: string; personality: string };

/** The user's webhooks for every call event, all pointing at the local target. */
async function listen(client: TestClient, secret: string | null = SECRET): Promise<void> {
    for (const event of ['created', 'updated', 'deleted'])
        await client.post('/v1/webhooks', {
            name: `calls ${event}`,
            targetUrl: sink.url,
            resource: 'telephony_calls',
            event,
            ...(secret ? { secret } : {})
        });
}

/** What the target received about one user's calls, after every delivery finished. */
async function eventsOf(email: string): Promise<ReceivedWebhook[]> {
    await emulator.state.deliveries.settled();
    const id = emulator.state.userByEmail(email)?.id;
    return sink.received.filter((r) => r.body.createdBy === id);
}

async function calls(client: TestClient): Promise<Call[]> {
    const answer = await client.get<{ items: Call[] }>('/v1/telephony/calls');
    assert.deepEqual(telephonyContract.validate('callList', answer.body), []);
    return answer.body.items;
}

async function history(client: TestClient, type = ''): Promise<Array<Record<string, unknown>>> {
    const answer = await client.get<{ items: Array<Record<string, unknown>> }>(
        `/v1/telephony/calls/history${type ? `?type=${type}` : ''}`
    );
    assert.deepEqual(telephonyContract.validate('history', answer.body), []);
    return answer.body.items;
}

function assertSigned(received: ReceivedWebhook[]): void {
    for (const delivery of received) {
        const expected = createHmac('sha1', SECRET).update(delivery.raw).digest('hex');
        assert.equal(
            delivery.headers['x-spark-signature'],
            expected,
            'X-Spark-Signature is the HMAC-SHA1 of the raw body'
        );
        assert.deepEqual(
            telephonyContract.validate('eventData', delivery.body.data),
            [],
            'data has the documented fields'
        );
        for (const field of [
            'id',
            'name',
            'targetUrl',
            'resource',
            'event',
            'orgId',
            'createdBy',
            'appId',
            'ownedBy',
            'status',
            'created',
            'actorId',
            'data'
        ])
            assert.ok(field in delivery.body, `the envelope has ${field}`);
        assert.ok(!('secret' in delivery.body), 'the secret never travels');
    }
}

const steps = (received: ReceivedWebhook[]) =>
    received.map((r) => `${r.body.event}:${r.body.data.personality}:${r.body.data.state}`);

describe('Webex emulator: call control and telephony_calls webhooks', () => {
    before(async () => {
        const started = await startForTests();
        emulator = started.emulator;
        sam = started.client;
        camille = sam.as(started.tokens[CAMILLE]);
        sink = await startWebhookSink();
    });
    beforeEach(async () => {
        emulator.state.reset();
        sink.received.length = 0;
        // Transitions on command only, so each step can be asserted.
        const tuned = await sam.call('PATCH', '/_emulator/settings', {
            calls: { deviceAnswerAfterMs: 0, remoteAnswerAfterMs: null, ringTimeoutMs: null }
        });
        assert.equal(tuned.status, 200);
    });
    after(async () => {
        await emulator.close();
        await sink.close();
    });

    it('dials out: the device alerts, places the call, the far end answers; hold, resume, mute, hang up', async () => {
        await listen(sam);
        const dial = await sam.post('/v1/telephony/calls/dial', { destination: 'tel:+1 (512) 967-4820' });
        assert.equal(dial.status, 201);
        assert.deepEqual(telephonyContract.validate('dial', dial.body), []);
        const callId = String(dial.body.callId);
        await waitFor(() => emulator.state.calls.legs.some((l) => l.state === 'connecting'), 'the call is placed');
        const [placed] = await calls(sam);
        assert.equal(placed.personality, 'originator');
        assert.deepEqual(placed.remoteParty, { number: '+15129674820', privacyEnabled: false, callType: 'external' });

        assert.equal((await sam.post(`/_emulator/calls/${callId}/answer`)).status, 200);
        const details = await sam.get<Call>(`/v1/telephony/calls/${callId}`);
        assert.deepEqual(telephonyContract.validate('call', details.body), []);
        assert.equal(details.body.state, 'connected');
        assert.equal(details.body.muteCapable, true);
        for (const action of ['hold', 'resume', 'mute'])
            assert.equal((await sam.post(`/v1/telephony/calls/${action}`, { callId })).status, 204, action);
        assert.equal((await sam.get<Call>(`/v1/telephony/calls/${callId}`)).body.muted, true);
        assert.equal((await sam.post('/v1/telephony/calls/hangup', { callId })).status, 204);
        assert.deepEqual(await calls(sam), []);
        assert.equal((await sam.get(`/v1/telephony/calls/${callId}`)).status, 404);

        const received = await eventsOf(SAM);
        assert.deepEqual(steps(received), [
            'created:clickToDial:alerting',
            'updated:originator:connecting',
            'updated:originator:connected',
            'updated:originator:held',
            'updated:originator:connected',
            'updated:originator:connected',
            'deleted:originator:disconnected'
        ]);
        assertSigned(received);
        assert.ok(received.every((r) => r.body.data.callId === callId));
        assert.equal((received.at(-1) as ReceivedWebhook).body.data.eventType, 'disconnected');
        assert.ok((received.at(-1) as ReceivedWebhook).body.data.disconnected);
        const [latest] = await history(sam, 'placed');
        assert.equal(latest.number, '+15129674820');
    });

    it('calls a colleague by extension: their leg alerts, they answer, hold shows as remoteHeld, either hangs up', async () => {
        await listen(sam);
        await listen(camille);
        const dial = await sam.post('/v1/telephony/calls/dial', { destination: '1003' });
        await waitFor(() => emulator.state.calls.legs.length === 2, "Camille's phone rings");
        const [incoming] = await calls(camille);
        assert.equal(incoming.personality, 'terminator');
        assert.equal(incoming.state, 'alerting');
        assert.equal((incoming.remoteParty as { name: string }).name, 'Sam Rep');
        assert.equal(incoming.callSessionId, dial.body.callSessionId, 'one call session, two legs');

        assert.equal((await camille.post('/v1/telephony/calls/answer', { callId: incoming.id })).status, 204);
        assert.equal((await calls(sam))[0].state, 'connected');
        await sam.post('/v1/telephony/calls/hold', { callId: dial.body.callId });
        assert.equal((await calls(camille))[0].state, 'remoteHeld');
        await sam.post('/v1/telephony/calls/resume', { callId: dial.body.callId });
        assert.equal((await calls(camille))[0].state, 'connected');
        await camille.post('/v1/telephony/calls/hangup', { callId: incoming.id });
        assert.deepEqual(await calls(sam), [], "Sam's leg ends too");

        const theirs = await eventsOf(CAMILLE);
        assert.deepEqual(steps(theirs), [
            'created:terminator:alerting',
            'updated:terminator:connected',
            'updated:terminator:remoteHeld',
            'updated:terminator:connected',
            'deleted:terminator:disconnected'
        ]);
        assertSigned(theirs);
        assert.equal((await history(camille, 'received'))[0].name, 'Sam Rep');
    });

    it('rings a user from the control API, who answers through REST; the far end hangs up', async () => {
        await listen(sam);
        const ring = await sam.post<Call>('/_emulator/calls/inbound', {
            to: SAM,
            from: '+13122961607',
            name: 'Olivia Martin'
        });
        assert.equal(ring.status, 200);
        assert.equal(ring.body.state, 'alerting');
        const created = (await eventsOf(SAM))[0];
        assert.equal(created.body.event, 'created');
        assert.equal(created.body.data.eventType, 'received');
        assert.deepEqual(created.body.data.remoteParty, {
            name: 'Olivia Martin',
            number: '+13122961607',
            privacyEnabled: false,
            callType: 'external'
        });
        assert.equal((await sam.post('/v1/telephony/calls/answer', { callId: ring.body.id })).status, 204);
        assert.equal((await calls(sam))[0].state, 'connected');
        assert.equal((await sam.post(`/_emulator/calls/${ring.body.id}/hangup`)).status, 200);
        assert.deepEqual(steps(await eventsOf(SAM)), [
            'created:terminator:alerting',
            'updated:terminator:connected',
            'deleted:terminator:disconnected'
        ]);
        const [received] = await history(sam, 'received');
        assert.deepEqual([received.name, received.number], ['Olivia Martin', '+13122961607']);
    });

    it('records an unanswered incoming call as missed, told or timed out', async () => {
        await listen(sam);
        const ring = await sam.post<Call>('/_emulator/calls/inbound', {
            to: SAM,
            from: '+15126809042',
            name: 'Liam Durand'
        });
        assert.equal((await sam.post(`/_emulator/calls/${ring.body.id}/miss`)).status, 200);
        const last = (await eventsOf(SAM)).at(-1) as ReceivedWebhook;
        assert.equal(last.body.event, 'deleted');
        assert.equal(last.body.data.state, 'disconnected');
        assert.equal(last.body.data.answered, undefined);
        assert.deepEqual((await history(sam, 'missed'))[0].name, 'Liam Durand');

        await sam.post('/_emulator/calls/inbound', { to: SAM, from: '+4420 1625 2981', ringTimeoutMs: 20 });
        await waitFor(() => emulator.state.calls.legs.length === 0, 'the caller gives up');
        const missed = await history(sam, 'missed');
        assert.equal(missed[0].number, '+442016252981');
        assert.ok((await history(sam)).length > missed.length, 'without type: every kind');
    });

    it("refuses commands that do not fit the call, and other people's calls", async () => {
        const ring = await sam.post<Call>('/_emulator/calls/inbound', { to: SAM, from: '+13122961607' });
        const refused = async (client: TestClient, action: string, body: Record<string, unknown>) =>
            (await client.post(`/v1/telephony/calls/${action}`, body)).status;
        assert.equal(await refused(sam, 'hold', { callId: ring.body.id }), 400, 'not connected yet');
        assert.equal(await refused(sam, 'mute', { callId: ring.body.id }), 400, 'not mute-capable while alerting');
        assert.equal(await refused(sam, 'answer', {}), 400, 'callId is required');
        assert.equal(await refused(camille, 'answer', { callId: ring.body.id }), 404, "another person's call");
        assert.equal(await refused(sam, 'reject', { callId: ring.body.id, action: 'later' }), 400);
        assert.equal(await refused(sam, 'dial', { destination: 'call me maybe' }), 400);
        assert.equal(await refused(sam, 'reject', { callId: ring.body.id, action: 'busy' }), 204);
        assert.equal((await history(sam, 'missed'))[0].number, '+13122961607', 'a rejected call is missed');
        assert.equal((await sam.get('/v1/telephony/calls/history?type=all')).status, 400);
        assert.equal(
            (await sam.post('/_emulator/calls/inbound', { to: 'nobody@acme-webex.example', from: '1' })).status,
            404
        );
    });

    it('answers 401 without a token and signs nothing when the webhook has no secret', async () => {
        assert.equal((await sam.get('/v1/telephony/calls', { token: null })).status, 401);
        await listen(sam, null);
        await sam.post('/_emulator/calls/inbound', { to: SAM, from: '+13122961607' });
        const [created] = await eventsOf(SAM);
        assert.equal(created.headers['x-spark-signature'], undefined);
    });
});
