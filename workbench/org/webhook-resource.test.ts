/**
 * The emulated org's webhook site over HTTP, on the real workbench server: the same hostile suite as
 * classes/webhooks/WebexWebhookResource_Test.cls (only a body signed with the stored secret gets in, and
 * reaches the handlers exactly once; everything else is 401 or 400 with a bare body, nothing recorded,
 * nothing dispatched), then the Webex emulator's own signed deliveries of a call reaching it.
 */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startWorkbench, type Workbench } from '../server.ts';
import type { WebexWebhookEvent, WebexWebhookHandler } from './site/webhook-handlers.ts';
import {
    MAX_BODY_BYTES,
    RETENTION_HOURS,
    WEBHOOK_REST_PATH,
    useWorkbenchAsWebhookSite
} from './site/webhook-resource.ts';

const SECRET = '6f1d0c3b9a8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a392817061f2e';
const JSON_TYPE = 'application/json; charset=utf-8';
const AVERY = 'avery.admin@acme-webex.example';

let wb: Workbench;

interface Answer {
    status: number;
    body: string;
    contentType: string | null;
}

interface Recorder extends WebexWebhookHandler {
    received: WebexWebhookEvent[];
    calls: number;
}

function sign(body: string | Uint8Array<ArrayBuffer>, secret = SECRET): string {
    return createHmac('sha1', secret).update(body).digest('hex');
}

function envelope(event = 'created', occurredAt = new Date(), state = 'alerting'): Record<string, unknown> {
    return {
        id: 'Y2lzY29zcGFyazovL3VzL1dFQkhPT0svMQ',
        name: `Webex for Salesforce telephony_calls ${event}`,
        resource: 'telephony_calls',
        event,
        orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi8x',
        createdBy: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x',
        actorId: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x',
        created: '2026-05-04T10:30:00.000Z',
        data: {
            callId: 'Y2lzY29zcGFyazovL3VzL0NBTEwvMQ',
            personality: 'terminator',
            state,
            remoteParty: { number: '+13122961607', callType: 'external' },
            eventType: 'received',
            eventTimestamp: occurredAt.toISOString()
        }
    };
}

const validBody = (): string => JSON.stringify(envelope());

function signed(body: string | Uint8Array<ArrayBuffer>, secret = SECRET): Headers {
    return new Headers({ 'content-type': JSON_TYPE, 'x-spark-signature': sign(body, secret) });
}

/** POSTs bytes as they are: a Uint8Array body gets no content type unless the headers give one. */
async function post(body: string | Uint8Array<ArrayBuffer>, headers: Headers): Promise<Answer> {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    const response = await fetch(`${wb.url}${WEBHOOK_REST_PATH}`, { method: 'POST', headers, body: bytes });
    return { status: response.status, body: await response.text(), contentType: response.headers.get('content-type') };
}

function recorder(resource = 'telephony_calls'): Recorder {
    const handler: Recorder = {
        name: 'recorder',
        received: [],
        calls: 0,
        handles: (r) => r === resource,
        handle(events) {
            handler.calls += 1;
            handler.received.push(...events);
        }
    };
    return handler;
}

let handler: Recorder;

function assertRefused(answer: Answer, status: 400 | 401, why: string): void {
    assert.equal(answer.status, status, `${why}: status`);
    assert.equal(answer.body, JSON.stringify({ status: status === 401 ? 'unauthorized' : 'malformed' }), why);
    assert.equal(answer.contentType, 'application/json', `${why}: JSON`);
    assert.equal(handler.calls, 0, `${why}: nothing dispatched`);
    assert.equal(wb.org.webhookSite.receipts.size, 0, `${why}: nothing recorded`);
}

describe('Emulated org: the webhook site under hostile input', () => {
    before(async () => {
        wb = await startWorkbench({ port: 0, emulatorPort: 0, build: false });
    });
    after(() => wb.close());
    beforeEach(() => {
        wb.org.reset();
        wb.emulator.state.reset();
        wb.org.credentials.set('WebhookSecret', { secret: SECRET });
        handler = recorder();
        wb.org.webhookSite.handlers.push(handler);
    });

    describe('accepted', () => {
        it('hands a signed event to the handler exactly once, typed', async () => {
            const body = validBody();
            const answer = await post(body, signed(body));
            assert.equal(answer.status, 200);
            assert.equal(answer.body, '{"status":"accepted"}');
            assert.equal(handler.calls, 1);
            const [event] = handler.received;
            assert.equal(event.event, 'created');
            assert.equal(event.data.state, 'alerting');
            assert.match(event.deliveryDigest, /^[0-9a-f]{64}$/);
            assert.equal(wb.org.webhookSite.dispatched.length, 1);
        });

        it('writes nothing while the handlers call out: the receipt and their writes come after', async () => {
            const seen: Array<{ receipted: boolean; committed: boolean }> = [];
            let committed = false;
            wb.org.webhookSite.handlers.push({
                name: 'pusher',
                handles: () => true,
                handle: async ([event]) => {
                    // Where the call pop's push happens: a callout, so nothing may be written yet.
                    await new Promise((resolve) => setTimeout(resolve, 5));
                    seen.push({ receipted: wb.org.webhookSite.receipts.has(event.deliveryDigest), committed });
                    return {
                        commitWork: () => {
                            committed = true;
                        }
                    };
                }
            });
            const body = validBody();
            const answer = await post(body, signed(body));
            assert.equal(answer.body, '{"status":"accepted"}');
            assert.deepEqual(
                seen,
                [{ receipted: false, committed: false }],
                'no receipt, no write, during the callout'
            );
            assert.equal(committed, true, "the handler's writes were made after");
            assert.equal(wb.org.webhookSite.receipts.size, 1, 'and the delivery recorded');
        });

        it('acknowledges a replay (the same signed bytes) without dispatching it again', async () => {
            const body = validBody();
            await post(body, signed(body));
            const replay = await post(body, signed(body));
            assert.equal(replay.status, 200);
            assert.equal(replay.body, '{"status":"ignored"}');
            assert.equal(handler.received.length, 1);
            assert.equal(wb.org.webhookSite.receipts.size, 1);
        });

        it('dispatches successive events of one webhook: the envelope id is the webhook’s, not the event’s', async () => {
            const connected = JSON.stringify(envelope('updated', new Date(), 'connected'));
            const held = JSON.stringify(envelope('updated', new Date(), 'held'));
            assert.equal((await post(connected, signed(connected))).body, '{"status":"accepted"}');
            assert.equal((await post(held, signed(held))).body, '{"status":"accepted"}');
            assert.deepEqual(
                handler.received.map((e) => e.data.state),
                ['connected', 'held']
            );
        });

        it('accepts an uppercase hex signature and a JSON content type in any case', async () => {
            const body = validBody();
            const headers = new Headers({
                'Content-Type': 'Application/JSON',
                'X-SPARK-SIGNATURE': sign(body).toUpperCase()
            });
            assert.equal((await post(body, headers)).status, 200);
            assert.equal(handler.calls, 1);
        });

        it('accepts a body of exactly the 100 KB cap', async () => {
            const padded = envelope();
            const base = JSON.stringify(padded).length + '"padding":"",'.length;
            (padded.data as Record<string, unknown>).padding = 'p'.repeat(MAX_BODY_BYTES - base);
            const body = JSON.stringify(padded);
            assert.equal(Buffer.byteLength(body), MAX_BODY_BYTES);
            assert.equal((await post(body, signed(body))).status, 200);
            assert.equal(handler.calls, 1);
        });

        it('acknowledges an event no handler takes', async () => {
            const body = '{"id":"w","resource":"rooms","event":"updated","data":{"id":"r"}}';
            const answer = await post(body, signed(body));
            assert.equal(answer.body, '{"status":"accepted"}');
            assert.equal(handler.calls, 0, 'the telephony handler is not given a rooms event');
            assert.equal(wb.org.webhookSite.dispatched.length, 1, 'the dispatcher saw it');
        });

        it('ignores a signed event older than the replay window (its receipt may be purged)', async () => {
            const body = JSON.stringify(envelope('created', new Date(Date.now() - (RETENTION_HOURS + 1) * 3600_000)));
            const answer = await post(body, signed(body));
            assert.equal(answer.status, 200);
            assert.equal(answer.body, '{"status":"ignored"}');
            assert.equal(handler.calls, 0);
            assert.equal(wb.org.webhookSite.receipts.size, 0);
        });
    });

    describe('401', () => {
        it('refuses forged signatures, other secrets, other bodies and broken headers', async () => {
            const body = validBody();
            const genuine = sign(body);
            const other = JSON.stringify(envelope('deleted'));
            const doubled = new Headers({ 'content-type': JSON_TYPE });
            doubled.append('x-spark-signature', genuine);
            doubled.append('x-spark-signature', '0'.repeat(40));
            const cases: Record<string, Headers> = {
                'forged signature': new Headers({
                    'content-type': JSON_TYPE,
                    'x-spark-signature': '0123456789abcdef'.repeat(2) + '01234567'
                }),
                'signature with the wrong secret': signed(body, `${SECRET}x`),
                'signature of a different body': signed(other),
                'missing header': new Headers({ 'content-type': JSON_TYPE }),
                'empty header': new Headers({ 'content-type': JSON_TYPE, 'x-spark-signature': '' }),
                'non-hex header': new Headers({ 'content-type': JSON_TYPE, 'x-spark-signature': 'g'.repeat(40) }),
                'truncated signature': new Headers({
                    'content-type': JSON_TYPE,
                    'x-spark-signature': genuine.slice(0, 39)
                }),
                'SHA-256-length signature': new Headers({
                    'content-type': JSON_TYPE,
                    'x-spark-signature': genuine + genuine.slice(0, 24)
                }),
                'two signature headers': doubled
            };
            for (const [why, headers] of Object.entries(cases)) assertRefused(await post(body, headers), 401, why);
        });

        it('refuses a body cut short under the whole body’s signature', async () => {
            const body = validBody();
            const truncated = body.slice(0, body.length / 2);
            assertRefused(await post(truncated, signed(body)), 401, 'truncated body');
            assertRefused(await post(truncated, signed(truncated)), 400, 'truncated body, signed');
        });

        it('refuses everything before a secret is stored (webhooks never registered)', async () => {
            wb.org.credentials.delete('WebhookSecret');
            assertRefused(await post(validBody(), signed(validBody())), 401, 'no stored secret');
        });
    });

    describe('400', () => {
        it('refuses a body over the cap, signed or not, before hashing it', async () => {
            const huge = 'x'.repeat(MAX_BODY_BYTES + 1);
            assertRefused(await post(huge, signed(huge)), 400, 'huge body');
            const enormous = `{"pad":"${'y'.repeat(1024 * 1024)}"}`;
            assertRefused(await post(enormous, new Headers({ 'content-type': JSON_TYPE })), 400, 'enormous body');
        });

        it('refuses a content type other than JSON', async () => {
            const body = validBody();
            const signature = sign(body);
            const cases: Record<string, Headers> = {
                'text/plain': new Headers({ 'content-type': 'text/plain', 'x-spark-signature': signature }),
                form: new Headers({
                    'content-type': 'application/x-www-form-urlencoded',
                    'x-spark-signature': signature
                }),
                'json lookalike': new Headers({ 'content-type': 'application/jsonp', 'x-spark-signature': signature }),
                'no content type': new Headers({ 'x-spark-signature': signature })
            };
            for (const [why, headers] of Object.entries(cases)) assertRefused(await post(body, headers), 400, why);
        });

        it('refuses signed bodies that are not an envelope', async () => {
            const bodies = [
                '',
                'resource=telephony_calls&event=created',
                `[${validBody()}]`,
                '"telephony_calls"',
                'null'
            ];
            for (const field of ['id', 'resource', 'event', 'data']) {
                const missing = envelope();
                delete missing[field];
                bodies.push(JSON.stringify(missing));
            }
            const listData = envelope();
            listData.data = [1];
            bodies.push(JSON.stringify(listData), JSON.stringify({ ...envelope(), created: 'yesterday' }));
            for (const body of bodies)
                assertRefused(await post(body, signed(body)), 400, `malformed: ${body.slice(0, 50)}`);
        });

        it('refuses signed bytes that are not UTF-8', async () => {
            const bytes = Uint8Array.from([0xc3, 0x28, 0xff, 0x00, 0xfe]);
            assertRefused(await post(bytes, signed(bytes)), 400, 'not UTF-8');
        });
    });

    describe('never a 500', () => {
        it('answers a bare 503 when a handler fails to say what it wants, and keeps no receipt', async () => {
            wb.org.webhookSite.handlers.unshift({
                name: 'broken',
                handles: () => {
                    throw new Error('secret internal detail');
                },
                handle: () => undefined
            });
            const body = validBody();
            const answer = await post(body, signed(body));
            assert.equal(answer.status, 503);
            assert.equal(answer.body, '{"status":"unavailable"}');
            assert.equal(wb.org.webhookSite.receipts.size, 0, 'a retry must not be taken for a replay');
            wb.org.webhookSite.handlers.shift();
            assert.equal((await post(body, signed(body))).body, '{"status":"accepted"}', 'the retry goes through');
        });

        it('isolates a handler that fails while acting: the others still run, Webex still gets 200', async () => {
            wb.org.webhookSite.handlers.unshift({
                name: 'failing',
                handles: () => true,
                handle: () => {
                    throw new Error('boom');
                }
            });
            const body = validBody();
            const answer = await post(body, signed(body));
            assert.equal(answer.status, 200);
            assert.equal(handler.calls, 1, 'the next handler still received the event');
            assert.deepEqual(wb.org.webhookSite.failures, [{ handler: 'failing', events: 1, message: 'boom' }]);
        });

        it('isolates a handler that fails while writing: the others still write, the delivery is recorded', async () => {
            let written = false;
            wb.org.webhookSite.handlers.unshift(
                {
                    name: 'failing writer',
                    handles: () => true,
                    handle: () => ({
                        commitWork: () => {
                            throw new Error('write refused');
                        }
                    })
                },
                {
                    name: 'writer',
                    handles: () => true,
                    handle: () => ({
                        commitWork: () => {
                            written = true;
                        }
                    })
                }
            );
            const body = validBody();
            const answer = await post(body, signed(body));
            assert.equal(answer.status, 200);
            assert.equal(written, true, 'the other handler wrote');
            assert.deepEqual(wb.org.webhookSite.failures, [
                { handler: 'failing writer', events: 0, message: 'write refused' }
            ]);
            assert.equal(wb.org.webhookSite.receipts.size, 1, 'the delivery is recorded');
        });

        it('answers other methods 405 as Apex REST does', async () => {
            const response = await fetch(`${wb.url}${WEBHOOK_REST_PATH}`);
            assert.equal(response.status, 405);
            assert.equal(((await response.json()) as Array<{ errorCode: string }>)[0].errorCode, 'METHOD_NOT_ALLOWED');
        });
    });

    describe('the Webex emulator delivering', () => {
        it('delivers a call’s signed telephony_calls events, each verified and dispatched once', async () => {
            wb.org.credentials.delete('WebhookSecret');
            useWorkbenchAsWebhookSite(wb);
            const apex = async (method: string, params: Record<string, unknown> = {}): Promise<void> => {
                const response = await fetch(`${wb.url}/_org/apex/WebexAdminController/${method}`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify(params)
                });
                assert.equal(response.status, 200, `${method}: ${await response.text()}`);
            };
            const averyToken = wb.emulator.state.userByEmail(AVERY)?.accessToken;
            await apex('saveAccessToken', { accessToken: averyToken });
            await apex('registerWebhooks');

            const control = async (path: string, body?: unknown): Promise<{ id: string }> => {
                const response = await fetch(`${wb.emulator.url}/_emulator${path}`, {
                    method: 'POST',
                    headers: { 'content-type': 'application/json' },
                    body: JSON.stringify(body ?? {})
                });
                assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
                return (await response.json()) as { id: string };
            };
            const call = await control('/calls/inbound', {
                to: AVERY,
                from: '+13122961607',
                name: 'Olivia Martin',
                ringTimeoutMs: null
            });
            await control(`/calls/${encodeURIComponent(call.id)}/answer`);
            await control(`/calls/${encodeURIComponent(call.id)}/hangup`);
            await wb.emulator.state.deliveries.settled();

            const log = (await (await fetch(`${wb.emulator.url}/_emulator/deliveries`)).json()) as {
                items: Array<{ event: string; statusCode: number; signature: string; body: string; webhookId: string }>;
            };
            const secret = wb.org.credentials.get('WebhookSecret')?.secret ?? '';
            assert.deepEqual(
                log.items.map((d) => d.event),
                ['created', 'updated', 'deleted']
            );
            for (const delivery of log.items) {
                assert.equal(delivery.statusCode, 200, `${delivery.event} was accepted`);
                assert.equal(
                    delivery.signature,
                    sign(delivery.body, secret),
                    `${delivery.event} was signed with the org's secret`
                );
            }
            assert.deepEqual(
                handler.received.map((e) => `${e.event}:${String(e.data.state)}`),
                ['created:alerting', 'updated:connected', 'deleted:disconnected']
            );
            assert.equal(new Set(handler.received.map((e) => e.deliveryDigest)).size, 3, 'each once');
        });
    });
});
