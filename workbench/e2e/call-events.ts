/**
 * Setting up a running workbench (org + Webex emulator) so that reps' calls reach their dialers, for the
 * node tests, stories and the benchmark, as an administrator leaves the org: the webhook secret, the package's
 * Salesforce authorization (anonymous Apex through the package's own stores), the webhook site; reps connected
 * through the package's own connect flow (`POST /_org/control/webex-connect`: Connect Webex, Webex's sign-in, the
 * return page's Finish, all in the package's Apex); and `lightning/empApi`-like listeners on `/u/WebexCallEvents`
 * (the `/_org/events` stream the browser stand-in uses).
 */
import assert from 'node:assert/strict';
import type { OrgEvent } from '../org/org-state.ts';
import { WORKBENCH_CONNECTED_APP } from '../org/salesforce-platform.ts';
import { apexString, ensureWebhookSite } from '../org/setup-apex.ts';
import type { Workbench } from '../server.ts';
import { runApex } from './package-setup.ts';

/** The Streaming Channel the package pushes call events on (WebexCallEventChannel.NAME). */
export const CALL_EVENT_CHANNEL = '/u/WebexCallEvents';

/** What WebexCallEventPayload carries to a rep's dialer. */
export interface WebexCallEventPayload {
    callId: string;
    eventTimestamp: string;
    [field: string]: unknown;
}

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

/** The org as an administrator leaves it: webhook secret, the package's Salesforce authorization, the site. */
export async function prepareCallEvents(wb: Workbench): Promise<void> {
    const admin = userIdOf(wb, 'avery.admin@acme-webex.example');
    const refreshToken = `5Aep861!workbench-${Date.now()}`;
    // The org's OAuth server issued it to the administrator (what their Authorize Salesforce left).
    wb.org.salesforce.refreshTokens.set(refreshToken, { clientId: WORKBENCH_CONNECTED_APP.consumerKey, userId: admin });
    await runApex(
        wb,
        `new WebexIntegrationStore().saveWebhookSecret(${apexString(CALL_EVENTS_SECRET)});
        WebexSalesforceAuthStore.SalesforceAuthorization authorization = new WebexSalesforceAuthStore.SalesforceAuthorization();
        authorization.consumerKey = ${apexString(WORKBENCH_CONNECTED_APP.consumerKey)};
        authorization.consumerSecret = ${apexString(WORKBENCH_CONNECTED_APP.consumerSecret)};
        authorization.refreshToken = ${apexString(refreshToken)};
        authorization.userId = UserInfo.getUserId();
        authorization.displayName = UserInfo.getName();
        authorization.username = UserInfo.getUserName();
        authorization.authorizedAt = Datetime.now();
        new WebexSalesforceAuthStore().saveSalesforceAuthorization(authorization);`
    );
    await ensureWebhookSite(wb.org, wb.apex);
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
    assert.ok(answer.webexPersonId, `${email} connected`);
    const [token] = await runApex(
        wb,
        `System.debug(new WebexUserConnectionStore().readUserConnection(${apexString(answer.userId)}).accessToken);`
    );
    return { email, webexPersonId: answer.webexPersonId, userId: answer.userId, token };
}

/**
 * A Webex person whose webhooks still deliver to the site while no Salesforce user holds their
 * connection: connected, then the connection rows removed on the Salesforce side only (as when an
 * administrator clears a departed user's rows and Webex keeps the webhooks). Their calls reach the site.
 */
export async function leaveWebhooksWithoutConnection(wb: Workbench, email: string): Promise<ConnectedRep> {
    const rep = await connectRep(wb, email);
    await runApex(wb, `new WebexUserConnectionStore().deleteUserConnection(${apexString(rep.userId)});`);
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
