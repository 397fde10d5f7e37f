/**
 * Webhook delivery: who receives what (resource, event, simple filters, org-owned webhooks), the
 * signature over the exact body, the delivery log, and webhooks turning inactive when their target
 * keeps failing (connection refused or 5xx), as Webex does.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { WebexEmulator } from './server.ts';
import { AVERY, CAMILLE, SAM, startForTests, startWebhookSink, type TestClient } from './test-support.ts';

let emulator: WebexEmulator;
let sam: TestClient;
let avery: TestClient;
let camille: TestClient;
let sink: Awaited<ReturnType<typeof startWebhookSink>>;

type Item = Record<string, unknown> & { id: string };

/** A local URL nothing listens on: deliveries to it are refused. */
async function refusedUrl(): Promise<string> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    await new Promise<void>((resolve) => server.close(() => resolve()));
    return `http://127.0.0.1:${port}/webhooks`;
}

async function renewalRoom(): Promise<Item> {
    return (await sam.get<{ items: Item[] }>('/v1/rooms?type=group')).body.items[0];
}

describe('Webex emulator: webhook delivery', () => {
    before(async () => {
        const started = await startForTests();
        emulator = started.emulator;
        sam = started.client;
        avery = sam.as(started.tokens[AVERY]);
        camille = sam.as(started.tokens[CAMILLE]);
        sink = await startWebhookSink();
    });
    beforeEach(() => {
        emulator.state.reset();
        sink.received.length = 0;
        sink.status = 200;
    });
    after(async () => {
        await emulator.close();
        await sink.close();
    });

    it("delivers a room's new messages to its members' webhooks, filtered by roomId, signed, without the text", async () => {
        const room = await renewalRoom();
        const secret = 'room-secret-42';
        const hook = await avery.post<Item>('/v1/webhooks', {
            name: 'renewal messages',
            targetUrl: sink.url,
            resource: 'messages',
            event: 'created',
            filter: `roomId=${room.id}`,
            secret
        });
        await sam.post('/v1/messages', { roomId: room.id, text: 'Olivia signed!' });
        await sam.post('/v1/messages', { toPersonEmail: AVERY, text: 'elsewhere' });
        await emulator.state.deliveries.settled();
        assert.equal(sink.received.length, 1, 'the direct message does not pass the filter');
        const [delivery] = sink.received;
        assert.equal(
            delivery.headers['x-spark-signature'],
            createHmac('sha1', secret).update(delivery.raw).digest('hex')
        );
        assert.equal(delivery.body.id, hook.body.id);
        assert.equal(delivery.body.filter, `roomId=${room.id}`);
        assert.equal(delivery.body.actorId, emulator.state.userByEmail(SAM)?.id);
        assert.equal(delivery.body.data.roomId, room.id);
        assert.equal(delivery.body.data.personEmail, SAM);
        assert.ok(!('text' in delivery.body.data), 'the receiver fetches the message with its own token');

        const log = await sam.get<{ items: Array<Record<string, unknown>> }>('/_emulator/deliveries');
        assert.deepEqual(
            log.body.items.map((d) => [d.targetUrl, d.statusCode, d.outcome, d.signature]),
            [[sink.url, 200, 'delivered', delivery.headers['x-spark-signature']]]
        );
    });

    it("reaches an org-owned webhook with every member's events; only admins may create one, for the resources the contract names", async () => {
        await avery.post('/v1/webhooks', {
            name: 'org meetings',
            targetUrl: sink.url,
            resource: 'meetings',
            event: 'created',
            ownedBy: 'org'
        });
        const start = Date.now() + 24 * 60 * 60_000;
        await camille.post('/v1/meetings', {
            title: 'Dupont – follow-up',
            start: new Date(start).toISOString(),
            end: new Date(start + 30 * 60_000).toISOString()
        });
        await emulator.state.deliveries.settled();
        assert.equal(sink.received.length, 1);
        assert.equal(sink.received[0].body.ownedBy, 'org');
        assert.equal(sink.received[0].body.actorId, emulator.state.userByEmail(CAMILLE)?.id);
        const orgHook = { name: 'mine', targetUrl: sink.url, resource: 'meetings', event: 'created', ownedBy: 'org' };
        assert.equal((await camille.post('/v1/webhooks', orgHook)).status, 403, 'not an admin');
        const calls = { ...orgHook, resource: 'telephony_calls' };
        assert.equal((await avery.post('/v1/webhooks', calls)).status, 400, 'telephony_calls are per user');
    });

    it("does not tell a user's webhook about calls of other users", async () => {
        await sam.post('/v1/webhooks', {
            name: 'my calls',
            targetUrl: sink.url,
            resource: 'telephony_calls',
            event: 'created'
        });
        await sam.post('/_emulator/calls/inbound', { to: CAMILLE, from: '+33978262868' });
        await emulator.state.deliveries.settled();
        assert.equal(sink.received.length, 0);
    });

    it('turns a webhook inactive after N consecutive refused deliveries, and a reactivation starts again', async () => {
        await sam.call('PATCH', '/_emulator/settings', { webhooks: { failuresBeforeInactive: 3 } });
        const room = await renewalRoom();
        const hook = await sam.post<Item>('/v1/webhooks', {
            name: 'down',
            targetUrl: await refusedUrl(),
            resource: 'messages',
            event: 'created'
        });
        for (let i = 1; i <= 4; i += 1) {
            await sam.post('/v1/messages', { roomId: room.id, text: `try ${i}` });
            await emulator.state.deliveries.settled();
        }
        const log = (
            await sam.get<{ items: Array<Record<string, unknown>>; consecutiveFailures: Record<string, number> }>(
                '/_emulator/deliveries'
            )
        ).body;
        assert.equal(log.items.length, 3, 'nothing is sent once inactive');
        assert.ok(
            log.items.every(
                (d) => d.outcome === 'failed' && d.statusCode === null && String(d.error).includes('ECONNREFUSED')
            )
        );
        assert.equal(log.consecutiveFailures[hook.body.id], 3);
        assert.equal((await sam.get<Item>(`/v1/webhooks/${hook.body.id}`)).body.status, 'inactive');

        const reactivated = await sam.call<Item>('PUT', `/v1/webhooks/${hook.body.id}`, {
            name: 'down',
            targetUrl: sink.url,
            status: 'active'
        });
        assert.equal(reactivated.body.status, 'active');
        await sam.post('/v1/messages', { roomId: room.id, text: 'back' });
        await emulator.state.deliveries.settled();
        assert.equal(sink.received.length, 1);
    });

    it('counts 5xx answers as failures, a success resets the count', async () => {
        await sam.call('PATCH', '/_emulator/settings', { webhooks: { failuresBeforeInactive: 2 } });
        const room = await renewalRoom();
        const hook = await sam.post<Item>('/v1/webhooks', {
            name: 'flaky',
            targetUrl: sink.url,
            resource: 'messages',
            event: 'created'
        });
        const post = async (status: number) => {
            sink.status = status;
            await sam.post('/v1/messages', { roomId: room.id, text: `answered ${status}` });
            await emulator.state.deliveries.settled();
        };
        await post(503);
        await post(200);
        await post(500);
        assert.equal(
            (await sam.get<Item>(`/v1/webhooks/${hook.body.id}`)).body.status,
            'active',
            'never two failures in a row'
        );
        await post(502);
        assert.equal((await sam.get<Item>(`/v1/webhooks/${hook.body.id}`)).body.status, 'inactive');
        const statuses = emulator.state.deliveries.records.map((d) => d.statusCode);
        assert.deepEqual(statuses, [503, 200, 500, 502]);
    });

    it('tells members about spaces and memberships, and nobody once a webhook is inactive', async () => {
        await camille.post('/v1/webhooks', {
            name: 'joined',
            targetUrl: sink.url,
            resource: 'memberships',
            event: 'created'
        });
        const room = await sam.post<Item>('/v1/rooms', { title: 'Deal desk' });
        await sam.post('/v1/memberships', { roomId: room.body.id, personEmail: CAMILLE });
        await emulator.state.deliveries.settled();
        assert.deepEqual(
            sink.received.map((r) => r.body.data.personEmail),
            [CAMILLE],
            'Camille hears of her own membership, not of the room she was not in yet'
        );
        const [hook] = emulator.state.webhooks;
        // The contract's PUT can only reactivate: the control API plays Webex disabling it.
        await sam.post(`/_emulator/webhooks/${hook.id}/status`, { status: 'inactive' });
        await sam.post('/v1/memberships', { roomId: room.body.id, personEmail: AVERY });
        await emulator.state.deliveries.settled();
        assert.equal(sink.received.length, 1);
    });
});
