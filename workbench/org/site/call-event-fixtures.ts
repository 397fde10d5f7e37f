/**
 * Setting up a running workbench (org + Webex emulator) so that reps' calls reach their dialers, for the
 * node tests and the benchmark: the webhook secret and site, the package's Salesforce authorization,
 * reps connected through the org's own path (`POST /_org/control/webex-connect`: OAuth code, `/people/me`,
 * the rep's `telephony_calls` webhooks registered with the rep's token, the connection stored where
 * WebexUserTokens reads it), and `lightning/empApi`-like listeners on `/u/WebexCallEvents` (the
 * `/_org/events` stream the browser stand-in uses). The site keeps its registered handlers
 * (REGISTERED_WEBHOOK_HANDLERS): the events reach the package's WebexCallEventHandler, which maps
 * people to users with WebexUserTokens as in an org.
 */
import assert from 'node:assert/strict';
import type { OrgEvent } from '../org-state.ts';
import { SALESFORCE_ROWS } from '../apex/salesforce-auth.ts';
import { CALL_EVENT_CHANNEL } from '../apex/call-event-publisher.ts';
import { deleteUserConnection, readUserConnection } from '../apex/user-tokens.ts';
import { WORKBENCH_CONNECTED_APP } from '../salesforce-platform.ts';
import type { Workbench } from '../../server.ts';
import { useWorkbenchAsWebhookSite } from './webhook-resource.ts';

/** The secret the org's webhooks are signed with in these set-ups. */
export const CALL_EVENTS_SECRET = 'b2c4e6f8a0b2c4d6e8f0a2b4c6d8e0f2a4b6c8d0e2f4a6b8c0d2e4f6a8b0c2d4';

/** A rep who connected Webex: Webex person, Salesforce user, and the token their connection holds. */
export interface ConnectedRep {
    email: string;
    webexPersonId: string;
    userId: string;
    /** The connection's access token (what WebexCallController acts with for this rep). */
    token: string;
}

/** The org as an administrator leaves it: webhook secret, site, and the package's Salesforce authorization. */
export function prepareCallEvents(wb: Workbench): void {
    wb.org.credentials.set('WebhookSecret', { secret: CALL_EVENTS_SECRET });
    useWorkbenchAsWebhookSite(wb);
    const admin = userIdOf(wb, 'avery.admin@acme-webex.example');
    const refreshToken = `5Aep861!workbench-${Date.now()}`;
    wb.org.salesforce.refreshTokens.set(refreshToken, { clientId: WORKBENCH_CONNECTED_APP.consumerKey, userId: admin });
    const now = new Date().toISOString();
    wb.org.credentials.set(SALESFORCE_ROWS.consumerKey, {
        secret: WORKBENCH_CONNECTED_APP.consumerKey,
        verifiedAt: now
    });
    wb.org.credentials.set(SALESFORCE_ROWS.consumerSecret, {
        secret: WORKBENCH_CONNECTED_APP.consumerSecret,
        verifiedAt: now
    });
    wb.org.credentials.set(SALESFORCE_ROWS.refreshToken, {
        secret: refreshToken,
        ownerDisplayName: 'Avery Admin',
        ownerEmail: 'avery.admin@acme-webex.example',
        salesforceUserId: admin,
        verifiedAt: now
    });
}

/** The seeded Salesforce user with this email. */
export function userIdOf(wb: Workbench, email: string): string {
    const user = wb.org.records.list('User').find((u) => u.Email === email);
    assert.ok(user, `no seeded user ${email}`);
    return user.Id;
}

/**
 * Connects the seeded user's own Webex account (same email) as the rep's OAuth finish on `webexuserauth`
 * would, through the workbench's `POST /_org/control/webex-connect`: their three `telephony_calls`
 * webhooks point at the org's site, signed with its secret, and WebexUserTokens maps them to the user.
 */
export async function connectRep(wb: Workbench, email: string): Promise<ConnectedRep> {
    const response = await fetch(`${wb.url}/_org/control/webex-connect`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ user: email })
    });
    const answer = (await response.json()) as { userId: string; webexPersonId: string | null };
    assert.equal(response.status, 200, `connecting ${email}: ${JSON.stringify(answer)}`);
    const connection = readUserConnection(wb.org, answer.userId);
    assert.ok(connection && answer.webexPersonId, `${email} connected`);
    return { email, webexPersonId: answer.webexPersonId, userId: answer.userId, token: connection.accessToken };
}

/**
 * A Webex person whose webhooks still deliver to the site while no Salesforce user holds their
 * connection: connected, then the connection rows removed on the Salesforce side only (as when an
 * administrator clears a departed user's rows and Webex keeps the webhooks). Their calls reach the site.
 */
export async function leaveWebhooksWithoutConnection(wb: Workbench, email: string): Promise<ConnectedRep> {
    const rep = await connectRep(wb, email);
    deleteUserConnection(wb.org, rep.userId);
    return rep;
}

/** One user's subscription to `/u/WebexCallEvents`, as lightning/empApi holds it in the browser. */
export interface CallEventListener {
    /** What arrived, in order; `payload` is the JSON string of a WebexCallEventPayload. */
    readonly events: OrgEvent[];
    /** The payloads, parsed, ordered by their `eventTimestamp`. */
    payloads(): WebexCallEventPayload[];
    close(): Promise<void>;
}

/** Subscribes as this user and resolves once the subscription is open. */
export async function listenToCallEvents(wb: Workbench, userId: string): Promise<CallEventListener> {
    const aborter = new AbortController();
    const events: OrgEvent[] = [];
    const response = await fetch(
        `${wb.url}/_org/events?channel=${encodeURIComponent(CALL_EVENT_CHANNEL)}&user=${encodeURIComponent(userId)}`,
        { signal: aborter.signal }
    );
    const reader = response.body?.getReader();
    assert.ok(reader, 'an event stream');
    const decoder = new TextDecoder();
    let buffered = '';
    let opened: () => void = () => undefined;
    const open = new Promise<void>((resolve) => (opened = resolve));
    const reading = (async () => {
        for (;;) {
            const chunk = await reader.read().catch(() => undefined);
            if (!chunk || chunk.done) return;
            buffered += decoder.decode(chunk.value, { stream: true });
            const messages = buffered.split('\n\n');
            buffered = messages.pop() ?? '';
            for (const message of messages) {
                if (message.startsWith(': subscribed')) opened();
                if (message.startsWith('data: ')) events.push(JSON.parse(message.slice(6)) as OrgEvent);
            }
        }
    })();
    await open;
    return {
        events,
        payloads: () =>
            events
                .map((event) => JSON.parse(event.payload as string) as WebexCallEventPayload)
                .sort((a, b) => a.eventTimestamp.localeCompare(b.eventTimestamp)),
        close: async () => {
            aborter.abort();
            await reading;
        }
    };
}

/** POSTs to the emulator's control API (`/_emulator/...`) and returns its JSON. */
export async function emulatorControl<T = Record<string, unknown>>(
    wb: Workbench,
    method: string,
    path: string,
    body?: unknown
): Promise<T> {
    const response = await fetch(`${wb.emulator.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
}

/** A Webex REST call as a rep (call control). */
export async function asRep<T = Record<string, unknown>>(
    wb: Workbench,
    rep: ConnectedRep,
    path: string,
    body: unknown
): Promise<T> {
    const response = await fetch(`${wb.emulator.url}/v1${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${rep.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body)
    });
    const text = await response.text();
    assert.ok(response.ok, `POST ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : {}) as T;
}
