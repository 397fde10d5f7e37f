/**
 * The emulated org's public site endpoint, `POST /services/apexrest/webex/webhooks`, with the rules of
 * classes/webhooks/WebexWebhookResource.cls, so the Webex emulator's real deliveries land where they
 * would in an org:
 * - a body over 100 KB: 400 (checked first);
 * - no stored webhook secret, or `X-Spark-Signature` missing, not 40 hex characters, or not the
 *   HMAC-SHA1 of the exact bytes with the secret the org stored on Register: 401;
 * - a content type other than JSON, or a body that is not a JSON object with `id`, `resource`, `event`
 *   and `data`: 400;
 * - a verified event older than the replay window, or a replay of a delivery already accepted (same
 *   bytes: the envelope's `id` is the webhook's, not the event's): 200 `ignored`, not dispatched;
 * - a verified new event: handed to the registered handlers (webhook-handlers.ts), which call out (the
 *   call pop's push happens here), then recorded with the handlers' writes, 200: the replay check is a
 *   read, and nothing is written before the last callout, as in Apex;
 * - anything unexpected: 503 with no detail, and nothing of the request kept.
 * Every answer is a small `{"status": "…"}`.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedOrg } from '../org-state.ts';
import {
    REGISTERED_WEBHOOK_HANDLERS,
    commitWebhookWrites,
    dispatchWebhookEvents,
    type WebexWebhookEvent,
    type WebexWebhookHandler,
    type WebexWebhookHandlerFailure
} from './webhook-handlers.ts';

/** Where the site answers (WebexIntegrationService.webhookRestPath(), without a namespace). */
export const WEBHOOK_REST_PATH = '/services/apexrest/webex/webhooks';
/** WebexWebhookResource.MAX_BODY_BYTES. */
export const MAX_BODY_BYTES = 100 * 1024;
/** WebexWebhookReceiptStore.RETENTION_HOURS. */
export const RETENTION_HOURS = 24;
const RETENTION_MS = RETENTION_HOURS * 60 * 60 * 1000;
/** WebexWebhookReceiptStore: expired receipts deleted per accepted delivery. */
const PURGE_BATCH = 200;
/** The WebexCredential__c row the admin controller stores the secret in (WebexIntegrationStore). */
const WEBHOOK_SECRET_ROW = 'WebhookSecret';
/** WebexSetupStore's row of the site URL the administrator's setup stored for the reps. */
const WEBHOOK_SITE_URL_ROW = 'WebhookSiteUrl';

export type WebhookOutcome = 'accepted' | 'ignored' | 'malformed' | 'unauthorized' | 'unavailable';

const STATUS: Record<WebhookOutcome, number> = {
    accepted: 200,
    ignored: 200,
    malformed: 400,
    unauthorized: 401,
    unavailable: 503
};

/** One request the site answered, for tests and for a person looking at the workbench. */
export interface WebhookRequestLog {
    at: string;
    status: number;
    outcome: WebhookOutcome;
    resource?: string;
    event?: string;
}

class Malformed extends Error {}

/**
 * Makes the emulated org's webhook site the workbench server itself, so the emulator can reach it, as an
 * administrator's Create Site leaves it: the site, and its URL stored for the reps (WebexSetupStore's
 * `WebhookSiteUrl`: a rep cannot see the Site object).
 */
export function useWorkbenchAsWebhookSite(workbench: { url: string; org: EmulatedOrg }): string {
    // The server listens on 127.0.0.1 only: name it, rather than `localhost` (which may resolve to ::1).
    const siteUrl = workbench.url.replace('//localhost:', '//127.0.0.1:');
    workbench.org.siteUrl = siteUrl;
    workbench.org.credentials.set(WEBHOOK_SITE_URL_ROW, { secret: siteUrl, verifiedAt: new Date().toISOString() });
    return siteUrl;
}

/**
 * The site's state in one org: its handlers (the registered ones; a test may add its own), the replay
 * receipts (WebexWebhookReceipt__c), every event dispatched, handler failures and the request log.
 */
export class WebhookSite {
    private readonly org: EmulatedOrg;
    handlers: WebexWebhookHandler[] = [];
    /** Delivery digest → when it was accepted (ms), oldest first. */
    readonly receipts = new Map<string, number>();
    /** Every event handed to the dispatcher, in order. */
    readonly dispatched: WebexWebhookEvent[] = [];
    readonly failures: WebexWebhookHandlerFailure[] = [];
    readonly requests: WebhookRequestLog[] = [];

    constructor(org: EmulatedOrg) {
        this.org = org;
        this.reset();
    }

    /** Back to the package as installed: the registered handlers, nothing received. */
    reset(): void {
        this.handlers = REGISTERED_WEBHOOK_HANDLERS.map((create) => create(this.org));
        this.receipts.clear();
        this.dispatched.length = 0;
        this.failures.length = 0;
        this.requests.length = 0;
    }

    /** Answers one HTTP request to WEBHOOK_REST_PATH. */
    async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
        if (req.method !== 'POST') {
            req.resume();
            res.writeHead(405, { 'content-type': 'application/json;charset=UTF-8', allow: 'POST' });
            res.end(
                JSON.stringify([
                    {
                        errorCode: 'METHOD_NOT_ALLOWED',
                        message: `HTTP Method '${req.method}' not allowed. Allowed are POST`
                    }
                ])
            );
            return;
        }
        let outcome: WebhookOutcome;
        let event: WebexWebhookEvent | undefined;
        try {
            const body = await readCapped(req, MAX_BODY_BYTES);
            ({ outcome, event } = await this.process(req, body));
        } catch {
            // Nothing about the failure goes back to the sender (process() has undone the receipt).
            outcome = 'unavailable';
        }
        this.requests.push({
            at: new Date().toISOString(),
            status: STATUS[outcome],
            outcome,
            ...(event ? { resource: event.resource, event: event.event } : {})
        });
        res.writeHead(STATUS[outcome], { 'content-type': 'application/json' });
        res.end(JSON.stringify({ status: outcome }));
    }

    private async process(
        req: IncomingMessage,
        body: Buffer | null
    ): Promise<{ outcome: WebhookOutcome; event?: WebexWebhookEvent }> {
        if (!body) return { outcome: 'malformed' };
        const secret = this.org.credentials.get(WEBHOOK_SECRET_ROW)?.secret;
        if (!secret || !verifySignature(body, singleHeader(req, 'x-spark-signature'), secret))
            return { outcome: 'unauthorized' };
        if (!isJson(singleHeader(req, 'content-type'))) return { outcome: 'malformed' };
        let event: WebexWebhookEvent;
        try {
            event = parseEvent(body);
        } catch (error) {
            if (error instanceof Malformed) return { outcome: 'malformed' };
            throw error;
        }
        const occurredAt = occurredAtOf(event);
        if (occurredAt !== null && occurredAt < Date.now() - RETENTION_MS) return { outcome: 'ignored', event };
        // A read: nothing is written before the handlers' callouts (WebexWebhookReceiptStore.recordedAmong).
        if (this.receipts.has(event.deliveryDigest)) return { outcome: 'ignored', event };
        this.dispatched.push(event);
        // Nothing written yet: a failure here leaves nothing behind, so a retry is not taken for a replay.
        const dispatched = await dispatchWebhookEvents(this.handlers, [event], this.failures);
        // After every callout: the receipt, the handlers' writes, the purge (under the Apex savepoint).
        if (!this.receipts.has(event.deliveryDigest)) this.receipts.set(event.deliveryDigest, Date.now());
        commitWebhookWrites(dispatched, this.failures);
        this.purgeExpired();
        return { outcome: 'accepted', event };
    }

    private purgeExpired(): void {
        const cutoff = Date.now() - RETENTION_MS;
        let deleted = 0;
        for (const [digest, at] of this.receipts) {
            if (at >= cutoff || deleted >= PURGE_BATCH) break;
            this.receipts.delete(digest);
            deleted += 1;
        }
    }
}

/** The body, or null when it is over `cap` bytes (the rest is drained, not kept). */
async function readCapped(req: IncomingMessage, cap: number): Promise<Buffer | null> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size <= cap) chunks.push(chunk as Buffer);
    }
    return size > cap ? null : Buffer.concat(chunks);
}

/** A header sent once; Node joins a repeated one with ", ", which is then no valid value. */
function singleHeader(req: IncomingMessage, name: string): string | undefined {
    const value = req.headers[name];
    return Array.isArray(value) ? undefined : value;
}

/** Hex HMAC-SHA1 of the exact bytes, either case, compared in constant time (WebexWebhookSignature). */
export function verifySignature(body: Buffer, signature: string | undefined, secret: string): boolean {
    if (!secret.trim() || !signature || !/^[0-9a-fA-F]{40}$/.test(signature)) return false;
    const expected = createHmac('sha1', secret).update(body).digest();
    return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}

function isJson(contentType: string | undefined): boolean {
    return (contentType ?? '').split(';')[0].trim().toLowerCase() === 'application/json';
}

const ISO_8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function toTime(value: unknown): number | null {
    return typeof value === 'string' && ISO_8601.test(value) && !Number.isNaN(Date.parse(value))
        ? Date.parse(value)
        : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads the envelope as WebexWebhookEvent.fromBody does; throws Malformed for anything else. */
export function parseEvent(body: Buffer): WebexWebhookEvent {
    if (!body.length) throw new Malformed('The body is empty.');
    let envelope: unknown;
    try {
        envelope = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    } catch {
        throw new Malformed('The body is not UTF-8 JSON.');
    }
    if (!isObject(envelope)) throw new Malformed('The body is not a JSON object.');
    const optional = (key: string): string | null => {
        const value = envelope[key];
        if (value !== undefined && value !== null && typeof value !== 'string')
            throw new Malformed(`${key} must be a string.`);
        return (value as string | null | undefined) ?? null;
    };
    const required = (key: string): string => {
        const value = optional(key);
        if (!value?.trim()) throw new Malformed(`${key} is required.`);
        return value;
    };
    const id = required('id');
    const resource = required('resource');
    const eventName = required('event');
    const data = envelope.data;
    if (!isObject(data)) throw new Malformed('data must be an object.');
    const event: WebexWebhookEvent = {
        id,
        resource,
        event: eventName,
        data,
        name: optional('name'),
        filter: optional('filter'),
        orgId: optional('orgId'),
        createdBy: optional('createdBy'),
        appId: optional('appId'),
        ownedBy: optional('ownedBy'),
        status: optional('status'),
        actorId: optional('actorId'),
        created: optional('created'),
        deliveryDigest: createHash('sha256').update(body).digest('hex')
    };
    if (event.created !== null && toTime(event.created) === null)
        throw new Malformed('created must be an ISO 8601 date and time.');
    return event;
}

/** `data.eventTimestamp` as a time, or null (WebexWebhookEvent.occurredAt()). */
function occurredAtOf(event: WebexWebhookEvent): number | null {
    return toTime(event.data.eventTimestamp);
}
