/**
 * The Webex JS SDK in the browser (docs/webex-sdk.md), in Chromium: the package's loader (c/webexSdk) loads the
 * WebexSdk static resource once per page, the SDK registers a device and opens its websocket with Sam's own
 * OAuth token, and a message Camille posts through Webex's REST in a space they share appears on Sam's screen.
 * A test-only utility item (fixtures/lwc/wbWebexSdk) drives it before a messaging component does.
 *
 * Under Lightning Web Security (the default) the static resource is evaluated in the sandbox of the package's
 * namespace, so `window.Webex` exists on that sandbox's window and not on the page's; with `WORKBENCH_LWS=off` the
 * same story runs the script on the page. The browser reaches Webex's discovery hosts through the workbench's
 * stand-in for DNS (lib/static-resources.ts): the resource is served pointing at the emulator.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { lwsEnabled } from '../lib/lws-build.ts';
import { closeHarness, openHarness, screenshot, story, type Harness } from './browser.ts';

const SAM = 'sam.rep@acme-webex.example';
const CAMILLE = 'camille.vente@acme-webex.example';
const SHARED_SPACE = 'Acme Robotics – Renewal 2027';
let h: Harness;

/** A token for `email` as Webex's OAuth issues it (the shape the SDK reads its org from), with `spark:all`. */
function oauthToken(email: string): string {
    const { oauth, users } = h.workbench.emulator.state;
    const integration = oauth.integrations[0];
    const person = users.find((u) => u.emails[0] === email);
    assert.ok(person, email);
    const code = oauth.issueCode(integration.clientId, integration.redirectUris[0], person, ['spark:all', 'spark:kms']);
    const issued = oauth.exchangeCode({
        grant_type: 'authorization_code',
        client_id: integration.clientId,
        client_secret: integration.clientSecret,
        code,
        redirect_uri: integration.redirectUris[0]
    });
    assert.ok('access_token' in issued, JSON.stringify(issued));
    return issued.access_token;
}

/** Webex's REST as another person (their seeded personal token). */
async function webexRest(
    email: string,
    method: string,
    path: string,
    body?: unknown
): Promise<Record<string, unknown>> {
    const person = h.workbench.emulator.state.userByEmail(email);
    assert.ok(person, email);
    const response = await fetch(`${h.workbench.emulator.url}/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${person.accessToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
}

const panel = () => h.page.locator('c-wb-webex-sdk');

describe(`The Webex JS SDK in the browser (${lwsEnabled() ? 'Lightning Web Security' : 'WORKBENCH_LWS=off'})`, () => {
    before(async () => {
        h = await openHarness();
    });
    after(async () => {
        await closeHarness(h);
    });

    it('loads the static resource once, connects with the rep’s token and shows a message posted in a shared space', async () => {
        await story(h, 'webex-sdk-live-message', async () => {
            h.workbench.org.reset();
            h.workbench.emulator.state.reset();
            const resourceRequests: string[] = [];
            h.page.on('request', (request) => {
                if (new URL(request.url()).pathname.startsWith('/resource/')) resourceRequests.push(request.url());
            });
            await h.page.goto('about:blank');
            await h.page.goto(`${h.workbench.url}/?lang=en&user=${SAM}&utilityItems=wbWebexSdk#/home`);
            await h.page.getByRole('button', { name: 'Webex SDK (test)' }).click();

            const started = Date.now();
            await panel().getByRole('button', { name: 'Load SDK' }).click();
            await panel().getByText('SDK: loaded').waitFor();
            const loadMs = Date.now() - started;
            assert.equal(resourceRequests.length, 1, 'the resource is fetched once');
            assert.match(resourceRequests[0], /\/resource\/\d+\/WebexSdk$/);

            // Where the SDK's global lives: the namespace's sandbox under LWS, the page's window without it.
            const onPage = await h.page.evaluate(() => typeof (window as unknown as { Webex?: unknown }).Webex);
            assert.equal(onPage, lwsEnabled() ? 'undefined' : 'function');

            await panel().getByLabel('Access token').fill(oauthToken(SAM));
            await panel().getByRole('button', { name: 'Listen' }).click();
            await panel().getByText('SDK: listening').waitFor({ timeout: 15_000 });
            const sockets = (await (await fetch(`${h.workbench.emulator.url}/_emulator/mercury`)).json()) as unknown;
            assert.match(JSON.stringify(sockets), new RegExp(SAM.replace(/\./g, '\\.')), 'Sam’s device has a socket');

            const rooms = await webexRest(CAMILLE, 'GET', '/rooms?max=100');
            const space = (rooms.items as Array<{ id: string; title: string }>).find((r) => r.title === SHARED_SPACE);
            assert.ok(space, SHARED_SPACE);
            const text = `Quote sent to Olivia ${Date.now()}`;
            const posted = Date.now();
            await webexRest(CAMILLE, 'POST', '/messages', { roomId: space.id, text });
            await panel().getByRole('list', { name: 'Live messages' }).getByText(`${CAMILLE}: ${text}`).waitFor();
            const liveMs = Date.now() - posted;

            // A second load on the page (any component) reuses the first: no new request for the resource.
            await panel().getByRole('button', { name: 'Load SDK' }).click();
            await panel().getByText('Loads: 3').waitFor();
            assert.equal(resourceRequests.length, 1, 'a second load does not fetch the resource again');

            assert.deepEqual(h.pageErrors, []);
            const shot = await screenshot(h, `webex-sdk-${lwsEnabled() ? 'lws' : 'no-lws'}`);
            console.log(`SDK loaded in ${loadMs} ms; message on screen ${liveMs} ms after the POST; ${shot}`);
        });
    });
});
