/**
 * Story of the inbound-call webhook endpoint, end to end: the administrator saves a Webex token and
 * registers the webhooks in the browser, with the webhook site being the workbench itself; someone
 * rings Avery Admin (what `npm run ring` does); the Webex emulator delivers the call's signed
 * `telephony_calls` events to the emulated org's site, which verifies each and dispatches it exactly
 * once; a forged delivery is refused and a replayed one ignored.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { WebexWebhookEvent, WebexWebhookHandler } from '../org/site/webhook-handlers.ts';
import { useWorkbenchAsWebhookSite, WEBHOOK_REST_PATH } from '../org/site/webhook-resource.ts';
import { ring } from '../webex-emulator/ring.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';

const ADMIN_TAB = '#/n/Webex_Admin';
const AVERY = 'avery.admin@acme-webex.example';
const CALLER = '+13122961607';
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

/** The Integration Settings section: the admin page holds other sections with their own Save buttons. */
const section = () => h.page.locator('c-webex-admin-integration-settings');
const button = (name: RegExp) => section().getByRole('button', { name });

/** Stands in for the calling feature's handler: records what the dispatcher gives it. */
function callRecorder(): WebexWebhookHandler & { received: WebexWebhookEvent[] } {
    const received: WebexWebhookEvent[] = [];
    return {
        name: 'story recorder',
        received,
        handles: (resource) => resource === 'telephony_calls',
        handle: (events) => {
            received.push(...events);
        }
    };
}

async function emulatorControl(path: string): Promise<void> {
    const response = await fetch(`${h.workbench.emulator.url}/_emulator${path}`, { method: 'POST' });
    assert.equal(response.status, 200, `${path}: ${await response.text()}`);
}

describe('Inbound call webhooks reach the org', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('verifies and dispatches each signed telephony_calls delivery once, refuses a forged one', () =>
        story(h, 'webhook-endpoint', async () => {
            await resetStory(h, ADMIN_TAB);
            const siteUrl = useWorkbenchAsWebhookSite(h.workbench);
            const recorder = callRecorder();
            h.workbench.org.webhookSite.handlers.push(recorder);
            const averyToken = h.workbench.emulator.state.userByEmail(AVERY)?.accessToken ?? '';

            // The administrator saves the token and registers the webhooks, in the page.
            await section()
                .getByLabel(/^(Access Token|Jeton d'accès)/)
                .first()
                .fill(averyToken);
            await button(/^(Save|Enregistrer)$/).click();
            await section().getByText('Avery Admin').first().waitFor();
            await button(/^(Register|S'inscrire)$/).click();
            await h.page
                .getByText(/Registration successful/)
                .first()
                .waitFor();
            const hooks = h.workbench.emulator.state.webhooks;
            assert.equal(hooks.length, 3);
            assert.ok(
                hooks.every((w) => w.targetUrl === `${siteUrl}${WEBHOOK_REST_PATH}`),
                'they point at the site'
            );

            // Someone calls Avery: the caller is put through, then hangs up.
            const rang = await ring(
                ['--to', AVERY, '--from', CALLER, '--name', 'Olivia Martin'],
                h.workbench.emulator.url
            );
            assert.equal(rang.exitCode, 0, rang.output);
            const callId = /Call id: (\S+)/.exec(rang.output)?.[1] ?? '';
            await emulatorControl(`/calls/${encodeURIComponent(callId)}/answer`);
            await emulatorControl(`/calls/${encodeURIComponent(callId)}/hangup`);
            await h.workbench.emulator.state.deliveries.settled();

            // Webex's side: every delivery signed with the webhook's secret and answered 200.
            const { items } = (await (await fetch(`${h.workbench.emulator.url}/_emulator/deliveries`)).json()) as {
                items: Delivery[];
            };
            assert.deepEqual(
                items.map((d) => d.event),
                ['created', 'updated', 'deleted']
            );
            for (const delivery of items) {
                const secret = hooks.find((w) => w.id === delivery.webhookId)?.secret ?? '';
                assert.equal(
                    delivery.signature,
                    createHmac('sha1', secret).update(delivery.body).digest('hex'),
                    `${delivery.event}: X-Spark-Signature is the HMAC-SHA1 of the body`
                );
                assert.equal(delivery.statusCode, 200, `${delivery.event}: the site accepted it`);
                assert.equal(delivery.outcome, 'delivered');
            }

            // The org's side: each event verified and dispatched exactly once, in order.
            const site = h.workbench.org.webhookSite;
            assert.deepEqual(
                site.dispatched.map((e) => `${e.resource} ${e.event} ${String(e.data.state)}`),
                [
                    'telephony_calls created alerting',
                    'telephony_calls updated connected',
                    'telephony_calls deleted disconnected'
                ]
            );
            assert.deepEqual(
                recorder.received.map((e) => e.deliveryDigest),
                site.dispatched.map((e) => e.deliveryDigest),
                'the handler received each dispatched event once'
            );
            assert.equal(new Set(recorder.received.map((e) => e.deliveryDigest)).size, 3, 'three distinct events');
            assert.equal(recorder.received[0].data.callId, callId);
            assert.deepEqual(
                (recorder.received[0].data.remoteParty as { number: string }).number,
                CALLER,
                'the caller’s number reaches the handler'
            );

            // Someone else replays the first delivery, once forged and once as captured.
            const [first] = items;
            const send = (signature: string) =>
                fetch(first.targetUrl, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json', 'x-spark-signature': signature },
                    body: first.body
                });
            const forged = await send('0'.repeat(40));
            assert.equal(forged.status, 401, 'a forged delivery is refused');
            assert.deepEqual(await forged.json(), { status: 'unauthorized' });
            const replayed = await send(first.signature ?? '');
            assert.equal(replayed.status, 200, 'a captured delivery sent again is acknowledged');
            assert.deepEqual(await replayed.json(), { status: 'ignored' });
            assert.equal(recorder.received.length, 3, 'and nothing is dispatched twice');
            assert.deepEqual(
                site.requests.map((r) => r.status),
                [200, 200, 200, 401, 200]
            );

            await screenshot(h, 'webhook-endpoint-registered');
            assert.deepEqual(h.pageErrors, []);
        }));
});
