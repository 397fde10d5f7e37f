/**
 * Stories of the webhook endpoint Webex delivers to (`/services/apexrest/webex/webhooks` on the site, the package's
 * WebexWebhookResource run as the site's guest user), end to end: Sam connected his Webex account, someone rings
 * him (what `npm run ring` does), the Webex emulator delivers the call's signed `telephony_calls` events to the site,
 * the package verifies each, dispatches it once to its call-event handler, and Sam's dialer shows the call. What
 * Webex sees is the endpoint's answer (status and body); a forged delivery is refused, a replayed one acknowledged
 * and ignored, a body too large or not JSON refused, a GET answered by the platform, and nothing is accepted before
 * the org holds a webhook secret.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { WEBHOOK_REST_PATH } from '../org/apex-requests.ts';
import { ensureWebhookSite } from '../org/setup-apex.ts';
import { ring } from '../webex-emulator/ring.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import {
    CALL_EVENTS_SECRET,
    connectRep,
    listenToCallEvents,
    prepareCallEvents,
    type CallEventListener
} from './call-events.ts';
import { enableForAll } from './package-setup.ts';
import { KNOWN_BASE_COMPONENT_ERROR, dialerListening, trackStreams } from './workbench-api.ts';

const SAM = 'sam.rep@acme-webex.example';
const CALLER = '+13122961607';
/** WebexWebhookResource.MAX_BODY_BYTES: 100 KB. */
const MAX_BODY_BYTES = 100 * 1024;
let h: Harness;

interface Delivery {
    webhookId: string;
    targetUrl: string;
    event: string;
    body: string;
    signature: string | null;
    outcome: string;
    statusCode: number | null;
}

const dialer = (): Locator => h.page.locator('[data-panel="webexDialer"]').locator('c-webex-calling');
const endpoint = (): string => `${h.workbench.url.replace('//localhost:', '//127.0.0.1:')}${WEBHOOK_REST_PATH}`;
const sign = (body: string, secret = CALL_EVENTS_SECRET): string =>
    createHmac('sha1', secret).update(body, 'utf8').digest('hex');

/** A POST to the site as anyone on the internet may send it; what they get back. */
async function post(
    body: string,
    headers: Record<string, string>
): Promise<{ status: number; body: unknown; contentType: string | null }> {
    const response = await fetch(endpoint(), { method: 'POST', headers, body });
    const text = await response.text();
    return {
        status: response.status,
        body: JSON.parse(text) as unknown,
        contentType: response.headers.get('content-type')
    };
}

async function emulatorControl(path: string): Promise<void> {
    const response = await fetch(`${h.workbench.emulator.url}/_emulator${path}`, { method: 'POST' });
    assert.equal(response.status, 200, `${path}: ${await response.text()}`);
}

async function deliveries(): Promise<Delivery[]> {
    await h.workbench.emulator.state.deliveries.settled();
    const response = await fetch(`${h.workbench.emulator.url}/_emulator/deliveries`);
    return ((await response.json()) as { items: Delivery[] }).items;
}

/** What the call-event pushes to Sam said, in order: `<state> <remote number>`. */
function pushed(listener: CallEventListener): string[] {
    return listener.payloads().map((p) => `${String(p.state)} ${String(p.remoteNumber)}`);
}

describe('Webex delivers call webhooks to the org', () => {
    before(async () => {
        h = await openHarness();
        await trackStreams(h.page);
    });
    after(() => closeHarness(h));

    it('accepts each signed delivery of a call once, and Sam’s dialer shows the call', () =>
        story(h, 'webhook-endpoint', async () => {
            await resetStory(h, `&user=${SAM}#/home`);
            await prepareCallEvents(h.workbench);
            await enableForAll(h.workbench, 'InboundCallLog');
            const sam = await connectRep(h.workbench, SAM);
            const listener = await listenToCallEvents(h.workbench, sam.userId);
            try {
                await h.page.reload();
                await dialerListening(h.page);
                const hooks = h.workbench.emulator.state.webhooks.filter((w) => w.createdBy === sam.webexPersonId);
                assert.equal(hooks.length, 3, 'Sam’s three telephony_calls webhooks');
                assert.ok(
                    hooks.every((w) => w.targetUrl === endpoint()),
                    'they point at the site’s endpoint'
                );

                // Someone calls Sam: his dialer opens on the call while it rings.
                const rang = await ring(
                    ['--to', SAM, '--from', CALLER, '--name', 'Olivia Martin'],
                    h.workbench.emulator.url
                );
                assert.equal(rang.exitCode, 0, rang.output);
                const callId = /Call id: (\S+)/.exec(rang.output)?.[1] ?? '';
                const banner = dialer().locator('c-webex-incoming-call');
                await banner.getByText('Incoming call').waitFor();
                await banner.getByText('Olivia Martin').first().waitFor();
                await screenshot(h, 'webhook-endpoint-dialer');
                // He takes it on his Webex device, then the caller hangs up.
                await emulatorControl(`/calls/${encodeURIComponent(callId)}/answer`);
                await emulatorControl(`/calls/${encodeURIComponent(callId)}/hangup`);

                // Webex's side: every delivery signed with the webhook's secret, answered 200.
                const items = await deliveries();
                assert.deepEqual(
                    items.map((d) => d.event),
                    ['created', 'updated', 'deleted']
                );
                for (const delivery of items) {
                    const secret = hooks.find((w) => w.id === delivery.webhookId)?.secret ?? '';
                    assert.equal(secret, CALL_EVENTS_SECRET, 'the org’s webhook secret');
                    assert.equal(delivery.signature, sign(delivery.body), `${delivery.event}: X-Spark-Signature`);
                    assert.equal(delivery.statusCode, 200, `${delivery.event}: the site accepted it`);
                    assert.equal(delivery.outcome, 'delivered');
                }

                // Sam's side: one push per event, in order, naming the caller's number.
                const expected = [`alerting ${CALLER}`, `connected ${CALLER}`, `disconnected ${CALLER}`];
                for (let i = 0; i < 50 && listener.events.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
                assert.deepEqual(pushed(listener), expected);
                assert.ok(listener.payloads().every((p) => p.callId === callId));

                // Someone replays the first delivery: forged, then exactly as captured.
                const [first] = items;
                const headers = (signature: string) => ({
                    'content-type': 'application/json',
                    'x-spark-signature': signature
                });
                const forged = await post(first.body, headers('0'.repeat(40)));
                assert.deepEqual(
                    [forged.status, forged.body, forged.contentType],
                    [401, { status: 'unauthorized' }, 'application/json'],
                    'a forged delivery is refused'
                );
                const replayed = await post(first.body, headers(first.signature ?? ''));
                assert.deepEqual(
                    [replayed.status, replayed.body],
                    [200, { status: 'ignored' }],
                    'a captured delivery sent again is acknowledged, not handled'
                );
                await new Promise((r) => setTimeout(r, 500));
                assert.deepEqual(pushed(listener), expected, 'Sam is not told twice');
                assert.deepEqual(
                    h.pageErrors.filter((error) => error !== KNOWN_BASE_COMPONENT_ERROR),
                    []
                );
            } finally {
                await listener.close();
            }
        }));

    it('answers what is not a Webex delivery with nothing about the org, and handles none of it', () =>
        story(h, 'webhook-endpoint-refusals', async () => {
            await resetStory(h, `&user=${SAM}#/home`);
            await prepareCallEvents(h.workbench);
            const sam = await connectRep(h.workbench, SAM);
            const listener = await listenToCallEvents(h.workbench, sam.userId);
            try {
                // A delivery shaped as Webex sends one (Webex for Developers › Webhooks › telephony_calls).
                const now = new Date().toISOString();
                const event = JSON.stringify({
                    id: 'wb-story-webhook',
                    name: 'story',
                    targetUrl: endpoint(),
                    resource: 'telephony_calls',
                    event: 'created',
                    createdBy: sam.webexPersonId,
                    ownedBy: 'creator',
                    status: 'active',
                    created: now,
                    actorId: sam.webexPersonId,
                    data: {
                        eventType: 'received',
                        eventTimestamp: now,
                        callId: 'story-call',
                        callSessionId: 'story-session',
                        personality: 'terminator',
                        state: 'alerting',
                        remoteParty: { name: 'Olivia Martin', number: CALLER, privacyEnabled: false },
                        created: now
                    }
                });

                // The platform answers a GET itself: the resource has no @HttpGet method.
                const get = await fetch(endpoint());
                assert.equal(get.status, 405);
                assert.deepEqual(await get.json(), [
                    { errorCode: 'METHOD_NOT_ALLOWED', message: "HTTP Method 'GET' not allowed. Allowed are POST" }
                ]);

                // Signed, but not JSON.
                const text = await post(event, { 'content-type': 'text/plain', 'x-spark-signature': sign(event) });
                assert.deepEqual([text.status, text.body], [400, { status: 'malformed' }], 'not JSON');

                // Signed, but over 100 KB: refused before any hashing.
                const padded = JSON.stringify({ ...JSON.parse(event), padding: 'x'.repeat(MAX_BODY_BYTES) });
                const large = await post(padded, {
                    'content-type': 'application/json',
                    'x-spark-signature': sign(padded)
                });
                assert.deepEqual([large.status, large.body], [400, { status: 'malformed' }], 'too large');

                // Signed with another secret, or not signed.
                const other = await post(event, {
                    'content-type': 'application/json',
                    'x-spark-signature': sign(event, 'not-the-org-secret')
                });
                assert.deepEqual([other.status, other.body], [401, { status: 'unauthorized' }], 'another secret');
                const unsigned = await post(event, { 'content-type': 'application/json' });
                assert.deepEqual([unsigned.status, unsigned.body], [401, { status: 'unauthorized' }], 'unsigned');

                // The same event, properly signed, is the one accepted: Sam is told of it once.
                const signed = await post(event, {
                    'content-type': 'application/json',
                    'x-spark-signature': sign(event)
                });
                assert.deepEqual([signed.status, signed.body], [200, { status: 'accepted' }]);
                for (let i = 0; i < 50 && listener.events.length < 1; i++) await new Promise((r) => setTimeout(r, 100));
                await new Promise((r) => setTimeout(r, 300));
                assert.deepEqual(pushed(listener), [`alerting ${CALLER}`], 'only the accepted delivery reaches Sam');
            } finally {
                await listener.close();
            }
        }));

    it('accepts nothing before the org holds a webhook secret', () =>
        story(h, 'webhook-endpoint-no-secret', async () => {
            await resetStory(h, `&user=${SAM}#/home`);
            await ensureWebhookSite(h.workbench.org, h.workbench.apex);
            const event = JSON.stringify({ id: 'w', resource: 'telephony_calls', event: 'created', data: {} });
            const answer = await post(event, { 'content-type': 'application/json', 'x-spark-signature': sign(event) });
            assert.deepEqual([answer.status, answer.body], [401, { status: 'unauthorized' }]);
        }));
});
