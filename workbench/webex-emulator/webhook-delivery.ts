/**
 * Webhook delivery as Webex does it: every active webhook whose resource, event and (simple) filter
 * match an event receives a POST of the envelope, signed with `X-Spark-Signature` (hex HMAC-SHA1 of
 * the exact body with the webhook's secret). Deliveries are asynchronous, recorded for
 * `GET /_emulator/deliveries`, and a target that keeps failing turns its webhook `inactive`.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { WebexEvent } from './events.ts';
import type { EmulatedWebhook } from './state.ts';
import type { WebhookSettings } from './settings.ts';

export interface DeliveryRecord {
    id: string;
    webhookId: string;
    webhookName: string;
    targetUrl: string;
    resource: string;
    event: string;
    /** The exact body sent, so a test can recompute the signature. */
    body: string;
    /** `X-Spark-Signature`, or null when the webhook has no secret. */
    signature: string | null;
    outcome: 'pending' | 'delivered' | 'failed';
    /** The target's HTTP status; null when it could not be reached. */
    statusCode: number | null;
    error?: string;
    at: string;
    durationMs?: number;
}

/** Where deliveries look up webhooks and settings (the emulator state). */
export interface DeliverySource {
    webhooks: EmulatedWebhook[];
    settings: { webhooks: WebhookSettings };
}

/** Signs a body the way Webex does: hex HMAC-SHA1 keyed with the webhook secret. */
export function sparkSignature(secret: string, body: string): string {
    return createHmac('sha1', secret).update(body, 'utf8').digest('hex');
}

/**
 * Whether a webhook's `filter` lets an event through. Filters are `key=value` pairs joined by `&`
 * (`roomId=…&personEmail=…`); each key must name a field of the event's data with that value. `me`
 * stands for the webhook's owner. A key the data lacks does not match: better no delivery than a
 * wrong one.
 */
export function filterMatches(filter: string | undefined, data: Record<string, unknown>, ownerId: string): boolean {
    if (!filter?.trim()) return true;
    for (const [key, raw] of new URLSearchParams(filter)) {
        const want = raw === 'me' ? ownerId : raw;
        const have = data[key];
        if (Array.isArray(have) ? !have.map(String).includes(want) : String(have) !== want) return false;
    }
    return true;
}

export class WebhookDeliveries {
    records: DeliveryRecord[] = [];
    /** Consecutive failures per webhook id. */
    readonly failures = new Map<string, number>();
    private readonly source: DeliverySource;
    /** One chain per webhook, so a target receives its events in the order they happened. */
    private chains = new Map<string, Promise<void>>();
    private aborter = new AbortController();

    constructor(source: DeliverySource) {
        this.source = source;
    }

    /** Queues the event for every matching webhook and returns the (pending) delivery records. */
    dispatch(event: WebexEvent): DeliveryRecord[] {
        const queued: DeliveryRecord[] = [];
        const signal = this.aborter.signal;
        for (const webhook of this.source.webhooks) {
            if (!this.matches(webhook, event)) continue;
            const body = JSON.stringify(this.envelope(webhook, event));
            const record: DeliveryRecord = {
                id: randomUUID(),
                webhookId: webhook.id,
                webhookName: webhook.name,
                targetUrl: webhook.targetUrl,
                resource: event.resource,
                event: event.event,
                body,
                signature: webhook.secret ? sparkSignature(webhook.secret, body) : null,
                outcome: 'pending',
                statusCode: null,
                at: new Date().toISOString()
            };
            this.records.push(record);
            queued.push(record);
            const previous = this.chains.get(webhook.id) ?? Promise.resolve();
            const next = previous.then(() => this.send(webhook, record, signal));
            this.chains.set(webhook.id, next);
        }
        return queued;
    }

    /** Resolves once every queued delivery has an outcome (tests wait on it). */
    async settled(): Promise<void> {
        let pending = [...this.chains.values()];
        while (pending.length) {
            await Promise.all(pending);
            const now = [...this.chains.values()];
            pending = now.filter((chain) => !pending.includes(chain));
        }
    }

    /** Forgets every record and abandons deliveries in flight (their outcome is no longer recorded). */
    reset(): void {
        this.aborter.abort();
        this.aborter = new AbortController();
        this.records = [];
        this.failures.clear();
        this.chains = new Map();
    }

    /** Webex delivers to the webhook's owner when they are concerned, and to org-owned webhooks of the org. */
    private matches(webhook: EmulatedWebhook, event: WebexEvent): boolean {
        if (webhook.status !== 'active') return false;
        if (webhook.resource !== event.resource || webhook.event !== event.event) return false;
        const concerned =
            event.audience.includes(webhook.createdBy) || (webhook.ownedBy === 'org' && webhook.orgId === event.orgId);
        return concerned && filterMatches(webhook.filter, event.data, webhook.createdBy);
    }

    private envelope(webhook: EmulatedWebhook, event: WebexEvent): Record<string, unknown> {
        return {
            id: webhook.id,
            name: webhook.name,
            targetUrl: webhook.targetUrl,
            resource: webhook.resource,
            event: webhook.event,
            ...(webhook.filter ? { filter: webhook.filter } : {}),
            orgId: webhook.orgId,
            createdBy: webhook.createdBy,
            appId: webhook.appId,
            ownedBy: webhook.ownedBy ?? 'creator',
            status: webhook.status,
            created: webhook.created,
            actorId: event.actorId,
            data: event.data
        };
    }

    /** `signal` is the one of the generation that queued the delivery: a reset abandons it. */
    private async send(webhook: EmulatedWebhook, record: DeliveryRecord, signal: AbortSignal): Promise<void> {
        if (signal.aborted) return;
        const started = performance.now();
        try {
            const response = await fetch(record.targetUrl, {
                method: 'POST',
                headers: {
                    'content-type': 'application/json; charset=utf-8',
                    'user-agent': 'Webex-Emulator-Webhooks/1.0',
                    ...(record.signature ? { 'x-spark-signature': record.signature } : {})
                },
                body: record.body,
                signal: AbortSignal.any([signal, AbortSignal.timeout(this.source.settings.webhooks.timeoutMs)])
            });
            await response.arrayBuffer(); // frees the connection
            record.statusCode = response.status;
            record.outcome = response.ok ? 'delivered' : 'failed';
            if (!response.ok) record.error = `The target answered ${response.status}.`;
        } catch (error) {
            if (signal.aborted) return;
            record.outcome = 'failed';
            record.error = describeFailure(error);
        }
        record.durationMs = Math.round(performance.now() - started);
        this.count(webhook, record.outcome === 'delivered');
    }

    private count(webhook: EmulatedWebhook, delivered: boolean): void {
        if (delivered) {
            this.failures.delete(webhook.id);
            return;
        }
        const failures = (this.failures.get(webhook.id) ?? 0) + 1;
        this.failures.set(webhook.id, failures);
        if (failures >= this.source.settings.webhooks.failuresBeforeInactive) webhook.status = 'inactive';
    }
}

function describeFailure(error: unknown): string {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (cause?.code) return `${cause.code}: the target could not be reached.`;
    if ((error as Error).name === 'TimeoutError') return 'The target did not answer in time.';
    return (error as Error).message || 'The delivery failed.';
}
