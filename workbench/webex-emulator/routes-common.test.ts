/**
 * What holds on every route: a bearer token (401 with a Webex error body and a tracking id
 * otherwise), injected faults (status and Retry-After, 500, latency, per method), the request log,
 * reset, and people search with Link pages.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { ROUTES, type WebexEmulator } from './server.ts';
import { assertWebexError, AVERY, startForTests, type TestClient } from './test-support.ts';

let emulator: WebexEmulator;
let sam: TestClient;

type Item = Record<string, unknown> & { id: string };

/** A concrete path for a route pattern (`:roomId` → `unknown-roomId`). */
const concrete = (pattern: string) => pattern.replace(/:(\w+)/g, 'unknown-$1');

async function raw(method: string, path: string, headers: Record<string, string> = {}): Promise<Response> {
    return fetch(`${emulator.url}${path}`, {
        method,
        redirect: 'manual',
        headers: {
            ...headers,
            ...(BODYLESS.has(method) ? {} : { 'content-type': 'application/json' })
        },
        body: BODYLESS.has(method) ? undefined : '{}'
    });
}

const BODYLESS = new Set(['GET', 'HEAD', 'DELETE']);

/** Webex's error body; a HEAD answer has none (RFC 9110 §9.3.2), only its headers. */
async function assertErrorAnswer(method: string, response: Response): Promise<void> {
    if (method === 'HEAD') assert.match(response.headers.get('trackingid') ?? '', /^EMU_/);
    else assertWebexError(await response.json(), response.headers);
}

describe('Webex emulator: every route', () => {
    before(async () => {
        const started = await startForTests();
        emulator = started.emulator;
        sam = started.client;
    });
    beforeEach(() => emulator.state.reset());
    after(() => emulator.close());

    it('refuses every Webex route without a valid bearer token, with a Webex error body', async () => {
        const guarded = ROUTES.filter((r) => r.auth);
        assert.ok(guarded.length > 40, `${guarded.length} guarded routes`);
        for (const route of guarded) {
            for (const headers of [{}, { authorization: 'Bearer not-a-token' }] as Array<Record<string, string>>) {
                const response = await raw(route.method, concrete(route.pattern), headers);
                assert.equal(response.status, 401, `${route.method} ${route.pattern}`);
                await assertErrorAnswer(route.method, response);
            }
        }
    });

    it('applies an injected fault to every route, with its Retry-After', async () => {
        for (const route of ROUTES.filter((r) => r.pattern.startsWith('/v1/'))) {
            emulator.state.faults.push({ path: '/v1/', status: 503, retryAfter: 7, times: 1 });
            const response = await raw(route.method, concrete(route.pattern), { authorization: `Bearer ${sam.token}` });
            assert.equal(response.status, 503, `${route.method} ${route.pattern}`);
            assert.equal(response.headers.get('retry-after'), '7');
            await assertErrorAnswer(route.method, response);
        }
        assert.deepEqual(emulator.state.faults, [], 'each fault was used once');
    });

    it('fails only the method a fault names, for as many times as it says, then recovers', async () => {
        await sam.post('/_emulator/faults', { method: 'POST', path: '/v1/messages', status: 500, times: 2 });
        const room = (await sam.get<{ items: Item[] }>('/v1/rooms?type=group')).body.items[0];
        assert.equal((await sam.get(`/v1/messages?roomId=${room.id}`)).status, 200, 'GET is not concerned');
        const body = { roomId: room.id, text: 'retry me' };
        assert.equal((await sam.post('/v1/messages', body)).status, 500);
        assert.equal((await sam.post('/v1/messages', body)).status, 500);
        assert.equal((await sam.post('/v1/messages', body)).status, 200);
    });

    it('delays answers by an injected latency', async () => {
        await sam.post('/_emulator/faults', { path: '/v1/rooms', latencyMs: 150, times: 1 });
        const started = performance.now();
        assert.equal((await sam.get('/v1/rooms')).status, 200);
        assert.ok(performance.now() - started >= 140, 'at least the latency');
    });

    it('logs requests without OAuth secrets, and reset forgets what clients did', async () => {
        await sam.post('/v1/rooms', { title: 'Temporary' });
        await sam.post(
            '/v1/access_token',
            { grant_type: 'refresh_token', client_secret: 's3cret', refresh_token: 'r' },
            { form: true, token: null }
        );
        const log = (
            await sam.get<{ items: Array<{ method: string; path: string; body: Record<string, string> }> }>(
                '/_emulator/requests'
            )
        ).body.items;
        assert.deepEqual(
            log.map((r) => `${r.method} ${r.path}`),
            ['POST /v1/rooms', 'POST /v1/access_token']
        );
        assert.equal(log[1].body.client_secret, '[redacted]');
        assert.equal(log[1].body.refresh_token, '[redacted]');
        assert.equal((await sam.post('/_emulator/reset')).status, 204);
        const titles = (await sam.get<{ items: Item[] }>('/v1/rooms')).body.items.map((r) => r.title);
        assert.ok(!titles.includes('Temporary'));
    });

    it('finds people by display name prefix in Link pages, by ids, and tells a bot from a person', async () => {
        const { items, pages } = await sam.all<Item>('/v1/people?displayName=a&max=1');
        assert.deepEqual(
            items.map((p) => p.displayName),
            ['Avery Admin', 'Acme Notifier']
        );
        assert.equal(pages, 2);
        assert.deepEqual(
            items.map((p) => p.type),
            ['person', 'bot']
        );
        const ids = items.map((p) => p.id).join(',');
        assert.equal((await sam.get<{ items: Item[] }>(`/v1/people?id=${ids}`)).body.items.length, 2);
        assert.equal((await sam.get(`/v1/people?id=${Array(86).fill('x').join(',')}`)).status, 400, 'at most 85 ids');
        const avery = await sam.get<Item>(`/v1/people/${items[0].id}`);
        assert.deepEqual(avery.body.emails, [AVERY]);
        assert.equal((await sam.get('/v1/people/unknown')).status, 404);
    });

    it('tunes settings through the control API and refuses nonsense', async () => {
        const tuned = await sam.call<{ calls: { ringTimeoutMs: number } }>('PATCH', '/_emulator/settings', {
            calls: { ringTimeoutMs: 5000 }
        });
        assert.equal(tuned.body.calls.ringTimeoutMs, 5000);
        assert.equal((await sam.call('PATCH', '/_emulator/settings', { calls: { ringTimeoutMs: -1 } })).status, 400);
        assert.equal((await sam.call('PATCH', '/_emulator/settings', { webhooks: { retries: 3 } })).status, 400);
    });
});
