/**
 * The emulated rep's Webex connection (WebexUserConnectionController, WebexUserTokens, the page's
 * callback, "Webex integration for users") against a running Webex emulator: the same rules as the Apex
 * in classes/connection/ and their tests: the OAuth round trip with a state bound to the user, the rep's
 * own webhooks, refreshing (stored only when the caller saves), "reconnect" once a refresh is refused,
 * disconnecting, and the control endpoint other stories connect a user with.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startWorkbench, type Workbench } from '../../server.ts';
import { AuraHandledError } from '../apex-error.ts';
import { checkReturn, completeConnection } from './user-connection-callback.ts';
import { SETUP_ROWS } from './salesforce-session.ts';
import { createWebexSiteController } from './WebexSiteController.ts';
import { createWebexUserConnectionController } from './WebexUserConnectionController.ts';
import { checkAndSaveIntegration, clearIntegration, integrationStatus, saveIntegration } from './user-integration.ts';
import {
    accessTokenForCurrentUser,
    beginApexTransaction,
    connectionForCurrentUser,
    readUserConnection,
    salesforceUsersByWebexPerson,
    saveRefreshed,
    USER_ROWS
} from './user-tokens.ts';

const SAM = 'sam.rep@acme-webex.example';
const CAMILLE = 'camille.vente@acme-webex.example';
const SITE = 'https://acme.my.salesforce-sites.com';
const AVERY = 'avery.admin@acme-webex.example';

/** The site as an administrator's Create Site leaves it: the Site, and its URL stored for the reps. */
function siteCreated(): void {
    wb.org.siteUrl = SITE;
    wb.org.credentials.set(SETUP_ROWS.siteUrl, { secret: SITE });
}

let wb: Workbench;
let integration: { clientId: string; clientSecret: string };

const controller = () => createWebexUserConnectionController(wb.org);

async function refusal(call: Promise<unknown>): Promise<WebexApexErrorPayload> {
    try {
        await call;
    } catch (error) {
        assert.ok(error instanceof AuraHandledError, `an AuraHandledException, not ${String(error)}`);
        return error.payload;
    }
    return assert.fail('the call was refused');
}

async function emulatorControl(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${wb.emulator.url}/_emulator${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
    });
    assert.ok(response.ok, `${path}: ${response.status}`);
}

/**
 * Connect Webex, Webex's sign-in page, and back: the page's parameters. The rep signs in as `approver`
 * (Continue), or clicks Cancel when `approver` is 'cancel' (`access_denied`).
 */
async function returnFromWebex(approver: string): Promise<URLSearchParams> {
    const { authorizeUrl } = await controller().startConnection();
    const page = await fetch(authorizeUrl, { redirect: 'manual' });
    assert.equal(page.status, 200, 'Webex shows its sign-in page');
    await page.text();
    const url = new URL(authorizeUrl);
    const answer = await fetch(`${url.origin}${url.pathname}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
            ...Object.fromEntries(url.searchParams),
            ...(approver === 'cancel' ? { action: 'cancel' } : { action: 'continue', account: approver })
        })
    });
    const back = new URL(answer.headers.get('location') ?? '');
    assert.equal(`${back.origin}${back.pathname}`, `${wb.org.myDomainUrl}/apex/webexuserauth`, 'back to the page');
    return back.searchParams;
}

async function connectSam(): Promise<void> {
    wb.org.signIn(SAM);
    const result = await completeConnection(wb.org, await returnFromWebex(SAM));
    assert.equal(result.code, 'connected', result.message);
}

function webexRequests(): string[] {
    return wb.emulator.state.requests.filter((r) => r.path.startsWith('/v1/')).map((r) => `${r.method} ${r.path}`);
}

describe('Emulated Webex connection of a rep', () => {
    before(async () => {
        wb = await startWorkbench({ port: 0, emulatorPort: 0, build: false });
    });
    after(() => wb.close());
    beforeEach(() => {
        wb.org.reset();
        wb.emulator.state.reset();
        [integration] = wb.emulator.state.oauth.integrations;
        siteCreated();
    });

    it('is not available until the administrator saves the integration, which never comes back', async () => {
        wb.org.signIn(SAM);
        assert.deepEqual(await controller().getConnection(), {
            available: false,
            connected: false,
            displayName: null,
            email: null,
            connectedAt: null,
            problem: null
        });
        const refused = await refusal(controller().startConnection());
        assert.equal(refused.code, 'NOT_CONNECTED');
        assert.equal(refused.message, wb.org.label('WebexUserConnect_NotAvailable'));

        assert.equal(
            (await refusal(checkAndSaveIntegration(wb.org, integration.clientId, ' '))).code,
            'INVALID_INPUT',
            'a secret is needed the first time'
        );
        assert.deepEqual(webexRequests(), [], 'refused before asking Webex');
        const madeUp = await refusal(checkAndSaveIntegration(wb.org, 'my-client-id', 'my-secret'));
        assert.deepEqual(
            [madeUp.code, madeUp.message],
            ['INVALID_INPUT', wb.org.label('WebexUserConnect_AdminClientIdWrong')],
            'Webex does not know a made-up client ID'
        );
        const wrongSecret = await refusal(checkAndSaveIntegration(wb.org, integration.clientId, 'my-secret'));
        assert.equal(wrongSecret.message, wb.org.label('WebexUserConnect_AdminSecretWrong'), 'nor a made-up secret');
        assert.equal(integrationStatus(wb.org).configured, false, 'nothing stored while Webex refuses');
        const saved = await checkAndSaveIntegration(wb.org, ` ${integration.clientId} `, integration.clientSecret);
        assert.equal(saved.clientId, integration.clientId);
        assert.equal(saved.clientSecretStored, true);
        assert.ok(!JSON.stringify(saved).includes(integration.clientSecret), 'never the secret');
        assert.deepEqual(saved.redirectUris, [`${wb.org.myDomainUrl}/apex/webexuserauth`]);
        assert.equal(saved.scopes, 'spark:calls_read spark:calls_write spark:people_read');
        const otherId = await refusal(checkAndSaveIntegration(wb.org, `C${'0'.repeat(64)}`, ''));
        assert.equal(
            otherId.message,
            wb.org.label('WebexUserConnect_AdminStoredSecretWrong'),
            'another client ID with the stored secret'
        );
        assert.equal(integrationStatus(wb.org).clientId, integration.clientId, 'the stored one stays');
        assert.equal(saveIntegration(wb.org, 'C-other', '').clientId, 'C-other', 'a blank secret keeps the stored one');
        assert.equal(wb.org.credentials.get(USER_ROWS.clientSecret)?.secret, integration.clientSecret);
        assert.equal(clearIntegration(wb.org).configured, false);
        assert.equal(integrationStatus(wb.org).clientId, null);
    });

    it('connects through Webex with a state bound to the rep, and registers the rep’s own webhooks', async () => {
        saveIntegration(wb.org, integration.clientId, integration.clientSecret);
        wb.org.signIn(SAM);
        const params = await returnFromWebex(SAM);
        assert.equal(checkReturn(wb.org, params), null, 'loading the page finds all in order');
        assert.equal(readUserConnection(wb.org, wb.org.user.id), null, 'and stores nothing');

        // Another user opening the same link: the state is Sam's.
        wb.org.signIn(CAMILLE);
        assert.equal(checkReturn(wb.org, params)?.code, 'state');
        wb.org.signIn(SAM);

        const result = await completeConnection(wb.org, params);
        assert.equal(result.message, 'Connected to Webex as Sam Rep.');
        assert.equal(result.warning, null);
        const stored = readUserConnection(wb.org, wb.org.user.id);
        assert.ok(stored);
        assert.equal(stored.displayName, 'Sam Rep');
        assert.equal(wb.org.credentials.has(USER_ROWS.state(wb.org.user.id)), false, 'the state is used up');
        const sam = wb.emulator.state.userByEmail(SAM);
        const hooks = wb.emulator.state.webhooks.filter((w) => w.createdBy === sam?.id);
        assert.deepEqual(hooks.map((w) => `${w.resource} ${w.event}`).sort(), [
            'telephony_calls created',
            'telephony_calls deleted',
            'telephony_calls updated'
        ]);
        assert.ok(hooks.every((w) => w.targetUrl === `${SITE}/services/apexrest/webex/webhooks`));
        assert.ok(hooks.every((w) => w.secret === wb.org.credentials.get('WebhookSecret')?.secret));
        assert.deepEqual(
            salesforceUsersByWebexPerson(wb.org, [sam?.id ?? '', 'stranger']),
            new Map([[sam?.id, wb.org.user.id]])
        );

        wb.emulator.state.requests = [];
        const connection = await controller().getConnection();
        assert.equal(connection.connected, true);
        assert.equal(connection.email, SAM);
        assert.deepEqual(webexRequests(), ['GET /v1/webhooks'], 'a connection in order costs one list call');
        assert.ok(!JSON.stringify(connection).includes(stored.accessToken), 'never a token');
    });

    it('stores nothing when the rep denies, the state is forged, or Webex is down', async () => {
        saveIntegration(wb.org, integration.clientId, integration.clientSecret);
        wb.org.signIn(SAM);
        const denied = await returnFromWebex('cancel');
        assert.equal(denied.get('error'), 'access_denied');
        assert.equal(checkReturn(wb.org, denied)?.message, wb.org.label('WebexUserConnect_OutcomeDenied'));
        assert.equal((await completeConnection(wb.org, denied)).code, 'access_denied');

        const forged = new URLSearchParams({ state: 'forged', code: 'x' });
        assert.equal((await completeConnection(wb.org, forged)).code, 'state');

        const params = await returnFromWebex(SAM);
        wb.emulator.state.faults.push({ path: '/v1/access_token', status: 503, times: 1 });
        const down = await completeConnection(wb.org, params);
        assert.equal(down.code, 'unreachable');
        assert.equal(readUserConnection(wb.org, wb.org.user.id), null);
        assert.deepEqual(
            [...wb.org.credentials.keys()].filter((k) => k.startsWith('WebexUser')),
            [],
            'no row of Sam’s'
        );
        assert.equal(wb.emulator.state.webhooks.length, 0);
    });

    it('refreshes a token due without storing it until the caller saves, within one transaction', async () => {
        saveIntegration(wb.org, integration.clientId, integration.clientSecret);
        await connectSam();
        const row = wb.org.credentials.get(USER_ROWS.connection(wb.org.user.id));
        assert.ok(row);
        const old = row.secret;
        row.expiresAt = new Date(Date.now() + 60_000).toISOString();

        beginApexTransaction(wb.org);
        const fresh = await accessTokenForCurrentUser(wb.org);
        assert.notEqual(fresh, old);
        assert.equal(await accessTokenForCurrentUser(wb.org), fresh, 'one refresh per transaction');
        assert.equal(wb.org.credentials.get(USER_ROWS.connection(wb.org.user.id))?.secret, old, 'not stored yet');

        beginApexTransaction(wb.org);
        const again = await accessTokenForCurrentUser(wb.org);
        assert.notEqual(again, fresh, 'an unsaved refresh is gone with its transaction');
        saveRefreshed(wb.org);
        assert.equal(wb.org.credentials.get(USER_ROWS.connection(wb.org.user.id))?.secret, again, 'saved');
        beginApexTransaction(wb.org);
        assert.equal(await accessTokenForCurrentUser(wb.org), again, 'no refresh once saved');
    });

    it('refreshes, once, a token Webex refuses before its expiry', async () => {
        saveIntegration(wb.org, integration.clientId, integration.clientSecret);
        await connectSam();
        const old = readUserConnection(wb.org, wb.org.user.id)?.accessToken ?? '';
        await emulatorControl('/oauth/expire', { token: old });
        const connection = await controller().getConnection();
        assert.equal(connection.problem, null);
        const renewed = readUserConnection(wb.org, wb.org.user.id)?.accessToken;
        assert.ok(renewed && renewed !== old, 'the new token is stored');
    });

    it('asks to reconnect once Webex refuses the refresh token, keeping the rows', async () => {
        saveIntegration(wb.org, integration.clientId, integration.clientSecret);
        await connectSam();
        const stored = readUserConnection(wb.org, wb.org.user.id);
        assert.ok(stored);
        await emulatorControl('/oauth/expire', { token: stored.refreshToken });
        await emulatorControl('/oauth/expire', { token: stored.accessToken });

        const connection = await controller().getConnection();
        assert.equal(connection.connected, true);
        assert.equal(connection.problem, 'Your Webex connection expired. Reconnect.');
        const refused = await refusal(accessTokenForCurrentUser(wb.org));
        assert.equal(refused.code, 'NOT_CONNECTED');
        assert.equal(refused.message, 'Your Webex connection expired. Reconnect.');
        assert.equal(connectionForCurrentUser(wb.org).problem, 'Your Webex connection expired. Reconnect.');

        // Reconnecting clears it.
        const result = await completeConnection(wb.org, await returnFromWebex(SAM));
        assert.equal(result.succeeded, true);
        assert.equal((await controller().getConnection()).problem, null);
    });

    it('says when incoming calls cannot arrive for want of a site, and repairs once it exists', async () => {
        saveIntegration(wb.org, integration.clientId, integration.clientSecret);
        wb.org.siteUrl = null;
        wb.org.credentials.delete(SETUP_ROWS.siteUrl);
        wb.org.signIn(SAM);
        const result = await completeConnection(wb.org, await returnFromWebex(SAM));
        assert.equal(result.succeeded, true);
        assert.equal(result.warning, wb.org.label('WebexUserConnect_ProblemNoSite'));
        assert.equal(wb.emulator.state.webhooks.length, 0);

        siteCreated();
        assert.equal((await controller().getConnection()).problem, null);
        assert.equal(wb.emulator.state.webhooks.length, 3, 'registered by the check');
    });

    it('registers a rep who cannot see the Site object at the URL the administrator’s setup stored', async () => {
        // A site created before the package stored its URL: the Site exists, but a Standard User cannot
        // see it (View Setup and Configuration), so the rep's webhooks cannot be registered yet.
        saveIntegration(wb.org, integration.clientId, integration.clientSecret);
        wb.org.credentials.delete(SETUP_ROWS.siteUrl);
        wb.org.signIn(SAM);
        const result = await completeConnection(wb.org, await returnFromWebex(SAM));
        assert.equal(result.warning, wb.org.label('WebexUserConnect_ProblemNoSite'), 'the rep sees no site');
        assert.equal(wb.emulator.state.webhooks.length, 0);

        // An administrator opens Webex Site for Webhooks: the URL they see is stored for the reps.
        wb.org.signIn(AVERY);
        await createWebexSiteController(wb.org).getSiteStatus();
        assert.equal(wb.org.credentials.get(SETUP_ROWS.siteUrl)?.secret, SITE);

        wb.org.signIn(SAM);
        assert.equal((await controller().getConnection()).problem, null);
        const hooks = wb.emulator.state.webhooks;
        assert.equal(hooks.length, 3, 'the rep’s webhooks, registered by the check');
        assert.ok(hooks.every((w) => w.targetUrl === `${SITE}/services/apexrest/webex/webhooks`));
    });

    it('disconnects: the rep’s webhooks in Webex, then the rows', async () => {
        saveIntegration(wb.org, integration.clientId, integration.clientSecret);
        await connectSam();
        const disconnected = await controller().disconnect();
        assert.equal(disconnected.connected, false);
        assert.equal(disconnected.available, true);
        assert.equal(wb.emulator.state.webhooks.length, 0);
        assert.deepEqual(
            [...wb.org.credentials.keys()].filter((k) => k.startsWith('WebexUser')),
            [],
            'Sam’s rows are gone'
        );
    });

    it('connects a seeded user from the control endpoint, as the OAuth finish would', async () => {
        wb.org.siteUrl = null;
        const response = await fetch(`${wb.url}/_org/control/webex-connect`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: SAM })
        });
        assert.equal(response.status, 200);
        const body = (await response.json()) as { userId: string; webexPersonId: string };
        const sam = wb.emulator.state.userByEmail(SAM);
        assert.equal(body.webexPersonId, sam?.id);
        assert.equal(readUserConnection(wb.org, body.userId)?.displayName, 'Sam Rep');
        assert.equal(integrationStatus(wb.org).clientId, integration.clientId, 'the seeded integration');
        assert.ok(wb.org.siteUrl, 'the workbench became the site');
        const hooks = wb.emulator.state.webhooks.filter((w) => w.createdBy === sam?.id);
        assert.equal(hooks.length, 3);
        assert.ok(hooks.every((w) => w.targetUrl === `${wb.org.siteUrl}/services/apexrest/webex/webhooks`));

        const unknown = await fetch(`${wb.url}/_org/control/webex-connect`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user: 'nobody@example.com' })
        });
        assert.equal(unknown.status, 400);
    });
});
