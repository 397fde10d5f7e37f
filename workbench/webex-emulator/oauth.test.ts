/**
 * OAuth for integrations: authorize → code → tokens → refresh, the errors clients must handle
 * (`invalid_grant`, `invalid_client`, bad scopes and redirect URIs), expiry, and scopes enforced on
 * the REST API for integration tokens.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { WebexEmulator } from './server.ts';
import type { Integration, TokenResponse } from './store/oauth-store.ts';
import { CAMILLE, startForTests, type TestClient } from './test-support.ts';

let emulator: WebexEmulator;
let client: TestClient;
let integration: Integration;

const REDIRECT = 'https://acme.my.salesforce.com/services/authcallback/webexsfdcauth';

function authorizeUrl(params: Record<string, string> = {}): string {
    const query = new URLSearchParams({
        client_id: integration.clientId,
        response_type: 'code',
        redirect_uri: REDIRECT,
        scope: 'spark:people_read spark:calls_read',
        state: 'csrf-7f3a',
        ...params
    });
    return `/v1/authorize?${query.toString()}`;
}

/** Follows the authorize step and answers where the browser is sent back to. */
async function authorize(params: Record<string, string> = {}): Promise<URL> {
    const answer = await client.get(authorizeUrl(params), { token: null });
    assert.equal(answer.status, 302, `authorize answered ${answer.status}`);
    return new URL(answer.headers.get('location') as string);
}

async function token(form: Record<string, string>) {
    return client.post<TokenResponse & { error?: string; error_description?: string; trackingId?: string }>(
        '/v1/access_token',
        { client_id: integration.clientId, client_secret: integration.clientSecret, ...form },
        { form: true, token: null }
    );
}

describe('Webex emulator: OAuth', () => {
    before(async () => {
        const started = await startForTests();
        emulator = started.emulator;
        client = started.client;
    });
    beforeEach(() => {
        emulator.state.reset();
        [integration] = emulator.state.oauth.integrations;
    });
    after(() => emulator.close());

    it('turns a code into tokens, the access token acts as the user, the refresh token renews it', async () => {
        await client.post('/_emulator/oauth/signin', { email: CAMILLE });
        const back = await authorize();
        assert.equal(`${back.origin}${back.pathname}`, REDIRECT);
        assert.equal(back.searchParams.get('state'), 'csrf-7f3a');
        const code = back.searchParams.get('code') as string;
        assert.ok(code);

        const issued = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
        assert.equal(issued.status, 200);
        assert.equal(issued.body.token_type, 'Bearer');
        assert.equal(issued.body.expires_in, 1_209_600);
        assert.equal(issued.body.refresh_token_expires_in, 7_776_000);
        assert.equal(issued.body.scope, 'spark:people_read spark:calls_read');
        assert.match(issued.body.access_token, /^[A-Za-z0-9]+_PF84_[^_]+$/, 'token_cluster_org shape');
        const me = await client.get('/v1/people/me', { token: issued.body.access_token });
        assert.equal(me.body.emails?.toString(), CAMILLE);

        const again = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
        assert.equal(again.status, 400);
        assert.equal(again.body.error, 'invalid_grant', 'a code is good once');

        const refreshed = await token({ grant_type: 'refresh_token', refresh_token: issued.body.refresh_token });
        assert.equal(refreshed.status, 200);
        assert.notEqual(refreshed.body.access_token, issued.body.access_token);
        assert.equal(refreshed.body.refresh_token, issued.body.refresh_token, 'Webex keeps the refresh token');
        assert.equal((await client.get('/v1/people/me', { token: refreshed.body.access_token })).status, 200);
    });

    it('answers invalid_client for a wrong secret and invalid_grant for a wrong redirect or a dead refresh token', async () => {
        const code = (await authorize()).searchParams.get('code') as string;
        const wrongSecret = await token({
            grant_type: 'authorization_code',
            code,
            redirect_uri: REDIRECT,
            client_secret: 'nope'
        });
        assert.equal(wrongSecret.status, 401);
        assert.equal(wrongSecret.body.error, 'invalid_client');
        assert.match(String(wrongSecret.body.trackingId), /^EMU_/);
        const wrongRedirect = await token({
            grant_type: 'authorization_code',
            code,
            redirect_uri: 'https://evil.example/cb'
        });
        assert.equal(wrongRedirect.body.error, 'invalid_grant');
        const issued = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
        assert.equal(issued.status, 200, 'failed attempts do not use up the code');
        assert.equal((await client.post('/_emulator/oauth/expire', { token: issued.body.refresh_token })).status, 204);
        const dead = await token({ grant_type: 'refresh_token', refresh_token: issued.body.refresh_token });
        assert.equal(dead.status, 400);
        assert.equal(dead.body.error, 'invalid_grant');
        assert.equal((await token({ grant_type: 'password' })).body.error, 'unsupported_grant_type');
    });

    it('tells an unknown client or a wrong secret from a known client, with a code it never issued', async () => {
        const check = (clientId: string, clientSecret: string) =>
            token({
                grant_type: 'authorization_code',
                client_id: clientId,
                client_secret: clientSecret,
                code: 'webexsf-client-check',
                redirect_uri: REDIRECT
            });
        const unknown = await check('my-client-id', integration.clientSecret);
        assert.deepEqual([unknown.status, unknown.body.error], [401, 'invalid_client'], 'an unknown client ID');
        const wrongSecret = await check(integration.clientId, 'my-secret');
        assert.deepEqual([wrongSecret.status, wrongSecret.body.error], [401, 'invalid_client'], 'a wrong secret');
        const known = await check(integration.clientId, integration.clientSecret);
        assert.deepEqual([known.status, known.body.error], [400, 'invalid_grant'], 'a client it knows');
        assert.equal(known.body.access_token, undefined, 'and nothing issued');
    });

    it('answers 401 once an access token expires', async () => {
        const code = (await authorize()).searchParams.get('code') as string;
        const issued = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
        await client.post('/_emulator/oauth/expire', { token: issued.body.access_token });
        assert.equal((await client.get('/v1/people/me', { token: issued.body.access_token })).status, 401);
    });

    it('refuses unknown clients and redirect URIs on the spot, and sends scope errors back to the client', async () => {
        assert.equal((await client.get(authorizeUrl({ client_id: 'Cunknown' }), { token: null })).status, 400);
        assert.equal(
            (await client.get(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }), { token: null })).status,
            400
        );
        const badScope = await authorize({ scope: 'spark:people_read spark-admin:everything' });
        assert.equal(badScope.searchParams.get('error'), 'invalid_scope');
        assert.equal(badScope.searchParams.get('state'), 'csrf-7f3a');
        const local = await authorize({ redirect_uri: 'http://localhost:3333/oauth/callback' });
        assert.ok(local.searchParams.get('code'), 'local harness URIs need no registration');
    });

    it("enforces an integration token's scopes on the REST API", async () => {
        const code = (await authorize({ scope: 'spark:people_read' })).searchParams.get('code') as string;
        const issued = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
        const access = issued.body.access_token;
        assert.equal((await client.get('/v1/people/me', { token: access })).status, 200);
        const refused = await client.get('/v1/rooms', { token: access });
        assert.equal(refused.status, 403);
        assert.match(String(refused.body.message), /spark:rooms_read/);
        const all = (await authorize({ scope: 'spark:all' })).searchParams.get('code') as string;
        const broad = await token({ grant_type: 'authorization_code', code: all, redirect_uri: REDIRECT });
        assert.equal(
            (await client.get('/v1/rooms', { token: broad.body.access_token })).status,
            200,
            'spark:all covers spark:*'
        );
        assert.equal(
            (await client.get('/v1/meetings', { token: broad.body.access_token })).status,
            403,
            'but not meeting:*'
        );
    });
});
