/**
 * The emulated org's WebexWebhookDispatcher and WebexWebhookHandler (classes/webhooks/): verified
 * webhook events go, in bulk, to the handlers that take their `resource` and `event`. Handlers are
 * registered in one place, `REGISTERED_WEBHOOK_HANDLERS`, which feature issues extend alongside
 * `WebexWebhookDispatcher.registeredHandlers()` in Apex: calling's WebexCallEventHandler
 * (call-event-handler.ts) takes `telephony_calls`; other events are verified, recorded and acknowledged.
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

/** What a feature implements (WebexWebhookHandler.cls). */
export interface WebexWebhookHandler {
    /** Shown in the site's log when the handler fails. */
    readonly name: string;
    handles(resource: string, event: string): boolean;
    handle(events: WebexWebhookEvent[]): void | Promise<void>;
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

/**
 * Gives each handler, once, the events it wants, in order. A handler that throws while acting is
 * isolated (recorded in `failures`, the others still run, the delivery is still acknowledged); one that
 * throws while asked what it wants fails the whole request, as in Apex.
 * @returns how many events at least one handler took
 */
export async function dispatchWebhookEvents(
    handlers: readonly WebexWebhookHandler[],
    events: readonly WebexWebhookEvent[],
    failures: WebexWebhookHandlerFailure[]
): Promise<number> {
    const taken = new Set<number>();
    for (const handler of handlers) {
        const wanted = events.filter((event, index) => {
            const wants = handler.handles(event.resource, event.event);
            if (wants) taken.add(index);
            return wants;
        });
        if (!wanted.length) continue;
        try {
            await handler.handle(wanted);
        } catch (error) {
            failures.push({ handler: handler.name, events: wanted.length, message: (error as Error).message });
        }
    }
    return taken.size;
}
