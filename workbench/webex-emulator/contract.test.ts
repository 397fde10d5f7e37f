/**
 * Contract test: every answer of the Webex emulator matches the public OpenAPI contract's response
 * schema for its path, method and status, and the emulator behaves as Webex documents (bearer
 * tokens, `max` and `Link` pagination, 429 with Retry-After from injected faults).
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { WebexContract } from '../lib/openapi-contract.ts';
import { startWebexEmulator, type WebexEmulator } from './server.ts';

const contract = new WebexContract();
let emulator: WebexEmulator;
let token: string;

async function call(
    method: string,
    path: string,
    body?: unknown,
    auth: string | null = token
): Promise<{ status: number; body: unknown; headers: Headers }> {
    const response = await fetch(`${emulator.url}${path}`, {
        method,
        headers: {
            ...(auth ? { authorization: `Bearer ${auth}` } : {}),
            ...(body ? { 'content-type': 'application/json' } : {})
        },
        body: body ? JSON.stringify(body) : undefined
    });
    const text = await response.text();
    const parsed: unknown = text ? JSON.parse(text) : undefined;
    if (!path.startsWith('/_emulator')) {
        const errors = contract.validateResponse(method, new URL(path, emulator.url).pathname, response.status, parsed);
        assert.deepEqual(errors, [], `${method} ${path} → ${response.status} breaks the contract`);
    }
    return { status: response.status, body: parsed, headers: response.headers };
}

const webhook = (name: string) => ({
    name,
    targetUrl: 'https://acme.my.salesforce-sites.com/services/apexrest/webex/webhooks',
    resource: 'telephony_calls',
    event: 'created',
    secret: 'a'.repeat(64)
});

describe('Webex emulator follows the OpenAPI contract', () => {
    before(async () => {
        emulator = await startWebexEmulator(0);
        const users = (await call('GET', '/_emulator/users')).body as {
            items: Array<{ accessToken: string; email: string }>;
        };
        token = users.items[0].accessToken;
    });
    beforeEach(() => emulator.state.reset());
    after(() => emulator.close());

    it('answers GET /people/me with the token owner as a Person, never their token', async () => {
        const me = await call('GET', '/v1/people/me');
        assert.equal(me.status, 200);
        assert.equal((me.body as { displayName: string }).displayName, 'Avery Admin');
        assert.ok(!JSON.stringify(me.body).includes(token), 'the token is not part of a Person');
    });

    it('refuses a missing or unknown bearer token with 401', async () => {
        assert.equal((await call('GET', '/v1/people/me', undefined, null)).status, 401);
        assert.equal((await call('GET', '/v1/webhooks', undefined, 'not-a-token')).status, 401);
    });

    it('finds people by email and by display name', async () => {
        const byEmail = await call('GET', '/v1/people?email=sam.rep@acme-webex.example');
        assert.deepEqual(
            (byEmail.body as { items: Array<{ displayName: string }> }).items.map((p) => p.displayName),
            ['Sam Rep']
        );
        const byName = await call('GET', '/v1/people?displayName=cam');
        assert.equal((byName.body as { items: unknown[] }).items.length, 1);
        assert.equal((await call('GET', '/v1/people')).status, 400);
    });

    it('creates, reads, updates and deletes webhooks', async () => {
        const created = await call('POST', '/v1/webhooks', webhook('one'));
        assert.equal(created.status, 200);
        const id = (created.body as { id: string }).id;
        assert.equal((await call('GET', `/v1/webhooks/${id}`)).status, 200);
        const updated = await call('PUT', `/v1/webhooks/${id}`, {
            name: 'one',
            targetUrl: 'https://example.com/h',
            status: 'inactive'
        });
        assert.equal((updated.body as { status: string }).status, 'inactive');
        assert.equal((await call('DELETE', `/v1/webhooks/${id}`)).status, 204);
        assert.equal((await call('GET', `/v1/webhooks/${id}`)).status, 404);
    });

    it('refuses a webhook event outside the contract enumeration', async () => {
        const refused = await call('POST', '/v1/webhooks', { ...webhook('all'), event: 'all' });
        assert.equal(refused.status, 400);
    });

    it('pages webhook lists with max and a Link header', async () => {
        for (let i = 0; i < 5; i += 1) await call('POST', '/v1/webhooks', webhook(`w${i}`));
        const first = await call('GET', '/v1/webhooks?max=2');
        assert.equal((first.body as { items: unknown[] }).items.length, 2);
        const next = /<([^>]+)>;\s*rel="next"/.exec(first.headers.get('link') ?? '')?.[1];
        assert.ok(next, 'a Link header points at the next page');
        const names: string[] = [];
        for (let url: string | undefined = '/v1/webhooks?max=2'; url;) {
            const page = await call('GET', url.replace(emulator.url, ''));
            names.push(...(page.body as { items: Array<{ name: string }> }).items.map((w) => w.name));
            url = /<([^>]+)>;\s*rel="next"/.exec(page.headers.get('link') ?? '')?.[1];
        }
        assert.deepEqual(names, ['w0', 'w1', 'w2', 'w3', 'w4']);
    });

    it('answers an injected 429 with Retry-After, then recovers', async () => {
        await call('POST', '/_emulator/faults', { path: '/v1/people/me', status: 429, retryAfter: 2, times: 1 });
        const limited = await call('GET', '/v1/people/me');
        assert.equal(limited.status, 429);
        assert.equal(limited.headers.get('retry-after'), '2');
        assert.equal((await call('GET', '/v1/people/me')).status, 200);
    });

    it('records the requests it received', async () => {
        await call('GET', '/v1/people/me');
        const log = (await call('GET', '/_emulator/requests')).body as {
            items: Array<{ method: string; path: string }>;
        };
        assert.deepEqual(
            log.items.map((r) => `${r.method} ${r.path}`),
            ['GET /v1/people/me']
        );
    });
});
