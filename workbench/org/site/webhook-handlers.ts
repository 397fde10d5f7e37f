/**
 * The emulated org's WebexWebhookDispatcher and WebexWebhookHandler (classes/webhooks/): verified
 * webhook events go, in bulk, to the handlers that take their `resource` and `event`. Handlers are
 * registered in one place, `REGISTERED_WEBHOOK_HANDLERS`, which feature issues extend alongside
 * `WebexWebhookDispatcher.registeredHandlers()` in Apex: calling's WebexCallEventHandler
 * (call-event-handler.ts) takes `telephony_calls`; other events are verified, recorded and acknowledged.
 * Two phases, as in Apex (no callout after DML): handlers read and call out, then their writes are made.
 */
import type { EmulatedOrg } from '../org-state.ts';
import { createCallEventHandler } from './call-event-handler.ts';

/** One delivery, typed as WebexWebhookEvent.cls types it. */
export interface WebexWebhookEvent {
    /** The Webex ID of the webhook that delivered: the same for every event of that webhook. */
    id: string;
    name: string | null;
    resource: string;
    event: string;
    filter: string | null;
    orgId: string | null;
    createdBy: string | null;
    appId: string | null;
    ownedBy: string | null;
    status: string | null;
    actorId: string | null;
    /** The webhook's creation (ISO 8601), or null. */
    created: string | null;
    data: Record<string, unknown>;
    /** SHA-256 (lowercase hex) of the exact body: what makes the delivery unique (replay key). */
    deliveryDigest: string;
}

/**
 * What a handler leaves to write once every handler of the request has made its callouts
 * (WebexWebhookHandler.commitWork; Apex keeps it on the handler instance, which lives one transaction).
 */
export interface WebhookWrites {
    commitWork(): void;
}

/**
 * What a feature implements (WebexWebhookHandler.cls): `handle` reads and calls out and writes nothing;
 * what it returns is written after every handler's callouts.
 */
export interface WebexWebhookHandler {
    /** Shown in the site's log when the handler fails. */
    readonly name: string;
    handles(resource: string, event: string): boolean;
    handle(events: WebexWebhookEvent[]): WebhookWrites | void | Promise<WebhookWrites | void>;
}

/** A handler is made for the org it acts in (as Apex code runs in one org). */
export type WebexWebhookHandlerFactory = (org: EmulatedOrg) => WebexWebhookHandler;

/** The package's handlers: the one place feature issues add theirs. */
export const REGISTERED_WEBHOOK_HANDLERS: WebexWebhookHandlerFactory[] = [(org) => createCallEventHandler(org)];

/** A handler's failure, kept by the site (Apex writes it to the debug log). */
export interface WebexWebhookHandlerFailure {
    handler: string;
    events: number;
    message: string;
}

/** What dispatchWebhookEvents did: how many events were taken, and the writes left to make. */
export interface Dispatched {
    taken: number;
    writes: Array<{ handler: string; writes: WebhookWrites }>;
}

/**
 * WebexWebhookDispatcher.dispatch: gives each handler, once, the events it wants, in order. A handler
 * that throws while acting is isolated (recorded in `failures`, not committed, the others still run, the
 * delivery still acknowledged); one that throws while asked what it wants fails the whole request, as in
 * Apex.
 */
export async function dispatchWebhookEvents(
    handlers: readonly WebexWebhookHandler[],
    events: readonly WebexWebhookEvent[],
    failures: WebexWebhookHandlerFailure[]
): Promise<Dispatched> {
    const taken = new Set<number>();
    const writes: Dispatched['writes'] = [];
    for (const handler of handlers) {
        const wanted = events.filter((event, index) => {
            const wants = handler.handles(event.resource, event.event);
            if (wants) taken.add(index);
            return wants;
        });
        if (!wanted.length) continue;
        try {
            const left = await handler.handle(wanted);
            if (left) writes.push({ handler: handler.name, writes: left });
        } catch (error) {
            failures.push({ handler: handler.name, events: wanted.length, message: (error as Error).message });
        }
    }
    return { taken: taken.size, writes };
}

/**
 * WebexWebhookDispatcher.commitWork: after every callout of the request, each handler's writes, each
 * isolated (a failure is recorded, the others still write).
 */
export function commitWebhookWrites(dispatched: Dispatched, failures: WebexWebhookHandlerFailure[]): void {
    for (const { handler, writes } of dispatched.writes) {
        try {
            writes.commitWork();
        } catch (error) {
            failures.push({ handler, events: 0, message: (error as Error).message });
        }
    }
}
