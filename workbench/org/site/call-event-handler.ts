/**
 * The emulated org's WebexCallEventHandler (classes/calling/WebexCallEventHandler.cls): the
 * `telephony_calls` events of each rep's own webhooks become the few transitions the rep's dialer needs
 * (incoming: `alerting`, `connected`, `disconnected`; placed: `connected`, `disconnected`), addressed to
 * the rep alone: the webhook's `createdBy` is the rep's Webex person, mapped to a Salesforce user in one
 * lookup per batch; each rep's leg and state pushed once (the site's receipts are read first, as Apex
 * queries WebexWebhookReceipt__c); one synchronous push per request (call-event-publisher.ts), in the
 * webhook request itself, before anything is written; the pushed transitions recorded, and what the push
 * learned (access token, channel Id) stored, in the writes left to the site. Same rules, same debug
 * lines; nothing is thrown to the site.
 */
import { createHash } from 'node:crypto';
import { debug } from '../async-apex.ts';
import { saveResolvedChannel } from '../apex/call-event-channel.ts';
import { callEventPayload } from '../apex/call-event-payload.ts';
import { publishCallEvents, type CallEventPush } from '../apex/call-event-publisher.ts';
import { readAuthorization } from '../apex/salesforce-auth.ts';
import { SalesforceSession } from '../apex/salesforce-session.ts';
import { salesforceUsersByWebexPerson } from '../apex/user-tokens.ts';
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import type { WebexWebhookEvent, WebexWebhookHandler, WebhookWrites } from './webhook-handlers.ts';

const EVENTS = new Set(['created', 'updated', 'deleted']);

/** WebexCallEventHandler.UserDirectory: Salesforce user id by Webex person id, in one read. */
export type UserDirectory = (org: EmulatedOrg, webexPersonIds: Set<string>) => Map<string, string>;

interface Transition {
    webexPersonId: string;
    payload: WebexCallEventPayload;
}

/** The state the dialer needs from an event, or null (WebexCallEventHandler.stateForUi). */
function stateForUi(event: WebexWebhookEvent): WebexCallEventPayload['state'] | null {
    const { state, personality } = event.data;
    if (event.event === 'deleted' || state === 'disconnected') return 'disconnected';
    if (personality === 'clickToDial') return null;
    if (state === 'alerting') return personality === 'terminator' ? 'alerting' : null;
    return state === 'connected' ? 'connected' : null;
}

/** The rep's leg in this state: what is pushed once (Transition.digest). */
function digestOf(transition: Transition): string {
    const key = `${transition.webexPersonId}|${transition.payload.callId}|${transition.payload.state}`;
    return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** WebexCallEventHandler.transitionOf. */
export function transitionOf(event: WebexWebhookEvent): Transition | null {
    if (!event.createdBy?.trim() || (event.ownedBy !== null && event.ownedBy !== 'creator')) return null;
    const state = stateForUi(event);
    const payload = state ? callEventPayload(event, state) : null;
    return payload ? { webexPersonId: event.createdBy, payload } : null;
}

/** The handler registered for the org; a test may give another directory of connected people. */
export function createCallEventHandler(
    org: EmulatedOrg,
    usersByWebexPerson: UserDirectory = salesforceUsersByWebexPerson
): WebexWebhookHandler {
    return {
        name: 'WebexCallEventHandler',
        handles: (resource, event) => resource === 'telephony_calls' && EVENTS.has(event),
        async handle(events): Promise<WebhookWrites | void> {
            const transitions = new Map<string, Transition>();
            for (const event of events) {
                const transition = transitionOf(event);
                const digest = transition && digestOf(transition);
                if (transition && digest && !transitions.has(digest)) transitions.set(digest, transition);
            }
            if (!transitions.size) return;
            const people = new Set([...transitions.values()].map((t) => t.webexPersonId));
            const users = usersByWebexPerson(org, people);
            const pushes = new Map<string, CallEventPush>();
            for (const [digest, transition] of transitions) {
                const userId = users.get(transition.webexPersonId);
                if (userId) pushes.set(digest, { userId, payload: JSON.stringify(transition.payload) });
            }
            if (pushes.size < transitions.size)
                debug(
                    org,
                    'INFO',
                    `Webex call events: ${transitions.size - pushes.size} transition(s) for people no Salesforce user connected, dropped.`
                );
            if (!pushes.size) return;
            if (!readAuthorization(org)) {
                debug(
                    org,
                    'ERROR',
                    `Webex call events: ${pushes.size} transition(s) dropped, the package has no Salesforce authorization to push them with.`
                );
                return;
            }
            // WebexWebhookReceiptStore.recordedAmong: a transition recorded before is a repeat.
            const receipts = org.webhookSite.receipts;
            const fresh = [...pushes].filter(([digest]) => !receipts.has(digest));
            if (!fresh.length) return;
            const session = new SalesforceSession(org);
            let resolvedChannelId: string | null = null;
            let pushed: string[] = [];
            try {
                const outcome = await publishCallEvents(
                    org,
                    session,
                    fresh.map(([, push]) => push)
                );
                resolvedChannelId = outcome.resolvedChannelId;
                pushed = fresh.map(([digest]) => digest);
                debug(
                    org,
                    'INFO',
                    `Webex call events: ${fresh.length} pushed, ${outcome.delivered} delivered to open dialers.`
                );
            } catch (error) {
                if (!(error instanceof AuraHandledError)) throw error;
                debug(
                    org,
                    'ERROR',
                    `Webex call events: ${fresh.length} transition(s) not pushed: ${error.payload.code}: ${error.payload.message}`
                );
            }
            // commitWork: the pushed transitions recorded, what the push learned stored.
            return {
                commitWork() {
                    for (const digest of pushed) if (!receipts.has(digest)) receipts.set(digest, Date.now());
                    session.saveRefreshedToken();
                    saveResolvedChannel(org, resolvedChannelId);
                }
            };
        }
    };
}
