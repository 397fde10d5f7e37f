/**
 * What the Webex JS SDK needs of the emulator: the U2C catalog, WDM device registration, the Mercury
 * websocket (authorization, buffer state, ping/pong, acknowledgements, plaintext activities), the REST
 * it calls with ids rebuilt from activities (held to the OpenAPI contract), and CORS for its headers.
 * The websocket client is `ws`, the one the SDK itself uses under Node (plugin-mercury `socket.js`).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import WebSocket from 'ws';
import type { WebexEmulator } from './server.ts';
import { AVERY, CAMILLE, contract, SAM, startForTests, waitFor, type TestClient } from './test-support.ts';

let emulator: WebexEmulator;
let sam: TestClient;
let camille: TestClient;
let avery: TestClient;
let tokens: Record<string, string>;

type Json = Record<string, unknown>;
type Activity = Json & {
    id: string;
    verb: string;
    actor: Json;
    object: Json & { participants?: { items: Json[] } };
    target: Json & { id: string; tags: string[] };
};

/** The SDK's registration body (`@webex/internal-plugin-device` `config.js` defaults). */
const REGISTRATION = {
    name: 'browser',
    deviceType: 'WEB',
    model: 'web-js-sdk',
    localizedModel: 'webex-js-sdk',
    systemName: 'WEBEX_JS_SDK',
    systemVersion: '1.0.0'
};

/** base64url without padding, as the SDK encodes ids (`@webex/common` `base64.js`). */
const hydraId = (type: string, uuid: string) => Buffer.from(`ciscospark://us/${type}/${uuid}`).toString('base64url');
const uuidOf = (id: string) => Buffer.from(id, 'base64').toString('utf8').split('/').pop() ?? '';

/** A Mercury client: the frames it received, and whether the socket closed (with which code). */
interface Listener {
    ws: WebSocket;
    frames: Json[];
    closed?: { code: number; reason: string };
    send: (message: Json) => void;
    /** The next frame (after those already taken) that `match` accepts. */
    next: (match: (frame: Json) => boolean, what: string) => Promise<Json>;
}

async function register(client: TestClient): Promise<Json> {
    const answer = await client.post<Json>('/wdm/api/v1/devices?includeUpstreamServices=all', REGISTRATION);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body;
}

/** Opens the device's socket with the query the SDK adds (`mercury.js` `_prepareUrl`). */
async function open(device: Json): Promise<Listener> {
    const url = new URL(String(device.webSocketUrl));
    for (const [key, value] of Object.entries({
        outboundWireFormat: 'text',
        bufferStates: 'true',
        aliasHttpStatus: 'true',
        clientTimestamp: String(Date.now())
    }))
        url.searchParams.set(key, value);
    const ws = new WebSocket(url);
    let taken = 0;
    const listener: Listener = {
        ws,
        frames: [],
        send: (message) => ws.send(JSON.stringify(message)),
        next: async (match, what) => {
            let found: Json | undefined;
            await waitFor(() => {
                const index = listener.frames.findIndex((frame, i) => i >= taken && match(frame));
                if (index < 0) return false;
                found = listener.frames[index];
                taken = index + 1;
                return true;
            }, what);
            return found as Json;
        }
    };
    ws.on('message', (data) => listener.frames.push(JSON.parse(String(data)) as Json));
    ws.on('close', (code, reason) => (listener.closed = { code, reason: String(reason) }));
    await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
    });
    return listener;
}

/** Registers a device, opens its socket and authorizes it as the SDK does; answers once buffer state came. */
async function listen(client: TestClient): Promise<Listener> {
    const listener = await open(await register(client));
    listener.send({ id: crypto.randomUUID(), type: 'authorization', data: { token: `Bearer ${client.token}` } });
    await listener.next((f) => (f.data as Json | undefined)?.eventType === 'mercury.buffer_state', 'buffer state');
    return listener;
}

const activityOf = (frame: Json) => (frame.data as { activity: Activity }).activity;
const isActivity = (verb: string) => (frame: Json) =>
    (frame.data as Json | undefined)?.eventType === 'conversation.activity' && activityOf(frame).verb === verb;

describe('Webex emulator: what the Webex JS SDK needs', () => {
    const listeners: Listener[] = [];
    const track = (listener: Listener) => (listeners.push(listener), listener);

    before(async () => {
        const started = await startForTests();
        emulator = started.emulator;
        tokens = started.tokens;
        sam = started.client;
        camille = sam.as(tokens[CAMILLE]);
        avery = sam.as(tokens[AVERY]);
    });
    beforeEach(() => {
        for (const listener of listeners.splice(0)) listener.ws.terminate();
        emulator.state.reset();
    });
    after(async () => {
        for (const listener of listeners) listener.ws.terminate();
        await emulator.close();
    });

    it('answers the limited catalog without a token and the full one with it, in the hostmap format', async () => {
        const limited = await sam.get<Json>('/u2c/api/v1/limited/catalog?orgId=acme-org-0001&format=hostmap', {
            token: null
        });
        assert.equal(limited.status, 200);
        const links = limited.body.serviceLinks as Record<string, string>;
        assert.equal(links.hydra, `${emulator.url}/v1`);
        assert.equal(links.wdm, `${emulator.url}/wdm/api/v1`);
        const host = new URL(emulator.url).host;
        const hosts = (limited.body.hostCatalog as Record<string, Array<{ host: string; id: string }>>)[host];
        assert.ok(hosts?.length, 'the catalog names the host of its links');
        assert.ok(
            hosts.every((h) => h.host === '127.0.0.1' && h.id.startsWith('urn:TEAM:us-east-2_a:')),
            'hosts are bare host names in the US cluster, which the SDK turns into the `us` of ids'
        );
        assert.equal((await sam.get('/u2c/api/v1/catalog?format=hostmap', { token: null })).status, 401);
        assert.equal((await sam.get('/u2c/api/v1/catalog?format=hostmap')).status, 200);
        assert.equal((await sam.get('/u2c/api/v1/catalog')).status, 400, 'format=hostmap is required');
        assert.equal((await sam.get('/u2c/api/v1/limited/catalog?format=hostmap', { token: null })).status, 400);
    });

    it('registers, lists, refreshes and deletes a device whose webSocketUrl leads to Mercury', async () => {
        const device = await register(sam);
        assert.match(String(device.url), new RegExp(`^${emulator.url}/wdm/api/v1/devices/[0-9a-f-]{36}$`));
        assert.match(
            String(device.webSocketUrl),
            /^ws:\/\/127\.0\.0\.1:\d+\/mercury\/api\/v1\/apps\/wx2\/registrations\//
        );
        assert.equal(device.userId, '00000002-0000-4000-8000-000000000002', "the owner's uuid, not the person id");
        assert.equal(device.deviceType, 'WEB');
        assert.deepEqual(device.features, { developer: [], entitlement: [], user: [] });
        const path = new URL(String(device.url)).pathname;
        const listed = await sam.get<{ devices: Json[] }>('/wdm/api/v1/devices');
        assert.deepEqual(
            listed.body.devices.map((d) => d.url),
            [device.url]
        );
        const refreshed = await sam.call<Json>('PUT', `${path}?includeUpstreamServices=all`, {
            ...REGISTRATION,
            name: 'renamed'
        });
        assert.equal(refreshed.status, 200);
        assert.equal(refreshed.body.name, 'renamed');
        assert.equal(refreshed.body.webSocketUrl, device.webSocketUrl);
        assert.equal((await camille.get(path)).status, 404, "another person's device is unknown to them");
        assert.equal((await sam.call('DELETE', path)).status, 204);
        assert.equal(
            (await sam.call('PUT', path, REGISTRATION)).status,
            404,
            'a deleted device refreshes to 404 (the SDK then registers anew)'
        );
    });

    it('refuses device registration to a token without spark:all', async () => {
        const code = emulator.state.oauth.issueCode(
            emulator.state.oauth.integrations[0].clientId,
            emulator.state.oauth.integrations[0].redirectUris[0],
            emulator.state.users.find((u) => u.emails[0] === SAM)!,
            ['spark:messages_read']
        );
        const integration = emulator.state.oauth.integrations[0];
        const issued = emulator.state.oauth.exchangeCode({
            grant_type: 'authorization_code',
            client_id: integration.clientId,
            client_secret: integration.clientSecret,
            code,
            redirect_uri: integration.redirectUris[0]
        });
        assert.ok('access_token' in issued);
        const narrow = sam.as(issued.access_token);
        assert.equal((await narrow.post('/wdm/api/v1/devices', REGISTRATION)).status, 403);
    });

    it('opens Mercury: authorization first, then buffer state, pongs with the ping id, every frame numbered', async () => {
        const listener = track(await listen(sam));
        const [bufferState] = listener.frames;
        assert.equal((bufferState.data as Json).eventType, 'mercury.buffer_state');
        assert.equal(bufferState.type, undefined, 'buffer state is an event, not a typed reply');
        assert.equal(bufferState.sequenceNumber, 1);
        listener.send({ id: 'ping-1', type: 'ping' });
        const pong = await listener.next((f) => f.type === 'pong', 'pong');
        assert.equal(pong.id, 'ping-1');
        assert.equal(pong.sequenceNumber, 2);
        const [connection] = ((await sam.get<Json>('/_emulator/mercury')).body.connections as Json[]) ?? [];
        assert.equal(connection.personEmail, SAM);
        assert.equal(connection.pings, 1);
        assert.equal((connection.query as Json).outboundWireFormat, 'text');
    });

    it('closes a socket whose authorization fails with 4401, and another person’s with 4403', async () => {
        const device = await register(sam);
        const forged = track(await open(device));
        forged.send({ id: '1', type: 'authorization', data: { token: 'Bearer not-a-token' } });
        await waitFor(() => Boolean(forged.closed), 'close after a bad token');
        assert.equal(forged.closed?.code, 4401);
        const stranger = track(await open(device));
        stranger.send({ id: '2', type: 'authorization', data: { token: `Bearer ${tokens[CAMILLE]}` } });
        await waitFor(() => Boolean(stranger.closed), 'close for a token that does not own the device');
        assert.equal(stranger.closed?.code, 4403);
        assert.equal(forged.frames.length + stranger.frames.length, 0, 'no buffer state before authorization');
    });

    it('pushes a plaintext post activity to the room members’ sockets when POST /messages creates a message', async () => {
        const samSocket = track(await listen(sam));
        const camilleSocket = track(await listen(camille));
        const averySocket = track(await listen(avery));
        const sent = await sam.post<Json>('/v1/messages', { toPersonEmail: CAMILLE, text: 'Quote sent, see v3.' });
        assert.equal(sent.status, 200);
        const frame = await camilleSocket.next(isActivity('post'), 'post activity for Camille');
        const activity = activityOf(frame);
        assert.equal(hydraId('MESSAGE', activity.id), sent.body.id, 'the SDK rebuilds the message id from it');
        assert.equal(hydraId('ROOM', activity.target.id), sent.body.roomId);
        assert.deepEqual(activity.target.tags, ['ONE_ON_ONE']);
        assert.equal(activity.actor.entryUUID, uuidOf(String(sent.body.personId)));
        assert.equal(activity.actor.emailAddress, SAM);
        assert.equal(activity.object.displayName, 'Quote sent, see v3.', 'plaintext: no encryption');
        assert.equal(activity.encryptionKeyUrl, undefined);
        assert.equal(activity.object.encryptionKeyUrl, undefined);
        await samSocket.next(isActivity('post'), 'the author hears of it too');
        await new Promise((resolve) => setTimeout(resolve, 50));
        assert.ok(!averySocket.frames.some(isActivity('post')), 'a non-member hears nothing');
        // The SDK then fetches the message by the id it built: the REST answer keeps to the contract.
        const fetched = await camille.get<Json>(`/v1/messages/${hydraId('MESSAGE', activity.id)}`);
        assert.equal(fetched.body.text, 'Quote sent, see v3.');
    });

    it('keeps every pushed frame unacknowledged until the client acks it', async () => {
        const camilleSocket = track(await listen(camille));
        const bufferStateId = String(camilleSocket.frames[0].id);
        camilleSocket.send({ messageId: bufferStateId, type: 'ack' });
        await sam.post('/v1/messages', { toPersonEmail: CAMILLE, text: 'Ack me' });
        const frame = await camilleSocket.next(isActivity('post'), 'post activity');
        const pending = async () =>
            (((await sam.get<Json>('/_emulator/mercury')).body.connections as Json[]).find(
                (c) => c.personEmail === CAMILLE
            ) ?? {}) as {
                unacknowledged: string[];
                acknowledged: number;
            };
        const settled = async (acknowledged: number) => {
            for (let i = 0; i < 100 && (await pending()).acknowledged < acknowledged; i += 1)
                await new Promise((resolve) => setTimeout(resolve, 10));
            return pending();
        };
        let state = await settled(1);
        assert.deepEqual(state.unacknowledged, [frame.id], 'the activity waits for its ack');
        assert.equal(state.acknowledged, 1, 'the buffer state was acknowledged');
        camilleSocket.send({ messageId: frame.id, type: 'ack' });
        state = await settled(2);
        assert.deepEqual(state.unacknowledged, []);
        assert.equal(state.acknowledged, 2);
    });

    it('tells a new space once (create, with its participants), then added members as add activities', async () => {
        const samSocket = track(await listen(sam));
        const camilleSocket = track(await listen(camille));
        const room = await sam.post<Json>('/v1/rooms', { title: 'Blue Harbor – onboarding', isLocked: true });
        const create = activityOf(await samSocket.next(isActivity('create'), 'create activity'));
        assert.equal(hydraId('ROOM', String(create.object.id)), room.body.id);
        assert.deepEqual(create.object.tags, ['LOCKED']);
        assert.deepEqual(
            create.object.participants?.items.map((p) => [p.emailAddress, (p.roomProperties as Json).isModerator]),
            [[SAM, true]]
        );
        const added = await sam.post<Json>('/v1/memberships', { roomId: room.body.id, personEmail: CAMILLE });
        const add = activityOf(await camilleSocket.next(isActivity('add'), 'add activity for the new member'));
        // The SDK builds a membership id from the person and room uuids: REST gives the same id.
        assert.equal(hydraId('MEMBERSHIP', `${add.object.entryUUID}:${add.target.id}`), added.body.id);
        assert.equal(
            samSocket.frames.filter(isActivity('add')).length,
            1,
            "the creator's own membership is in the create activity, not told again"
        );
        const renamed = await sam.call<Json>('PUT', `/v1/rooms/${String(room.body.id)}`, { title: 'Blue Harbor' });
        assert.equal(renamed.status, 200);
        const update = activityOf(await camilleSocket.next(isActivity('update'), 'update activity'));
        assert.equal(update.object.displayName, 'Blue Harbor');
        assert.equal((await camille.get(`/v1/memberships/${String(added.body.id)}`)).status, 200);
    });

    it('answers the SDK’s batched GET /people/?id= with items and notFoundIds, as the contract says', async () => {
        const me = (await sam.get<Json>('/v1/people/me')).body;
        const unknown = hydraId('PEOPLE', '00000000-0000-0000-0000-00000000dead');
        const batched = await sam.get<{ items: Json[]; notFoundIds: string[] }>(
            `/v1/people/?id=${String(me.id)},${unknown}&showAllTypes=false`
        );
        assert.equal(batched.status, 200);
        assert.deepEqual(
            batched.body.items.map((p) => p.id),
            [me.id]
        );
        assert.deepEqual(batched.body.notFoundIds, [unknown]);
        // The contract names the path without its trailing slash.
        assert.deepEqual(contract.validateResponse('GET', '/v1/people', 200, batched.body), []);
        assert.deepEqual(contract.undeclaredFields('GET', '/v1/people', 200, batched.body), []);
        const checked = await sam.get<Json>(`/v1/people?id=${unknown}`);
        assert.deepEqual(checked.body, { items: [], notFoundIds: [unknown] });
    });

    it('answers the SDK’s CORS preflight naming its headers, Authorization included', async () => {
        const requested =
            'authorization,content-type,trackingid,spark-user-agent,cisco-no-http-redirect,cisco-device-url';
        const response = await fetch(`${emulator.url}/wdm/api/v1/devices`, {
            method: 'OPTIONS',
            headers: {
                origin: 'http://localhost:3000',
                'access-control-request-method': 'POST',
                'access-control-request-headers': requested
            }
        });
        assert.equal(response.status, 204);
        assert.equal(response.headers.get('access-control-allow-origin'), '*');
        const allowed = (response.headers.get('access-control-allow-headers') ?? '').split(',').map((h) => h.trim());
        for (const header of requested.split(',')) assert.ok(allowed.includes(header), `${header} is allowed`);
        assert.match(response.headers.get('access-control-allow-methods') ?? '', /POST/);
    });

    it('refuses the websocket while a fault names its path, as a network that blocks websockets does', async () => {
        const device = await register(sam);
        const fault = await fetch(`${emulator.url}/_emulator/faults`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ path: '/mercury/', status: 503, times: 1 })
        });
        assert.equal(fault.status, 200);
        const refused = new WebSocket(String(device.webSocketUrl));
        // Closing a socket that never opened reports an error of its own; nothing to check there.
        refused.on('error', () => {});
        const status = await new Promise<number>((resolve) =>
            refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        );
        assert.equal(status, 503, 'the upgrade is refused with the fault’s status');
        refused.terminate();
        // The fault was for one attempt: the next one connects and authorizes.
        const listener = track(await open(device));
        listener.send({ id: crypto.randomUUID(), type: 'authorization', data: { token: `Bearer ${sam.token}` } });
        await listener.next((f) => (f.data as Json | undefined)?.eventType === 'mercury.buffer_state', 'buffer state');
    });

    it('refuses a websocket on an unknown registration, and closes a device’s socket when it is deleted', async () => {
        const refused = new WebSocket(
            `${emulator.url.replace('http', 'ws')}/mercury/api/v1/apps/wx2/registrations/nope/messages`
        );
        const status = await new Promise<number>((resolve) =>
            refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
        );
        assert.equal(status, 404);
        // Closing a socket that never opened reports an error of its own; nothing to check there.
        refused.on('error', () => {});
        refused.terminate();
        const listener = track(await listen(sam));
        const device = ((await sam.get<{ devices: Json[] }>('/wdm/api/v1/devices')).body.devices[0] ?? {}) as Json;
        await sam.call('DELETE', new URL(String(device.url)).pathname);
        await waitFor(() => Boolean(listener.closed), 'close after the device is deleted');
        assert.equal(listener.closed?.code, 4000);
    });
});
