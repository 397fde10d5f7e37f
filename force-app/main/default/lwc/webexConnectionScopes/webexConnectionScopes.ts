/**
 * A rep's Webex connection made before chat and spaces asked for their scopes (`spark:all spark:kms`): Apex reads it
 * as the `problemCode` `scopes` (WebexUserTokens.PROBLEM_SCOPES), `problem` being the sentence to show. Unlike the other problems it does not stop
 * calling, which keeps working with the old token; it asks the rep, once, to reconnect for messaging.
 *
 * "Once": the rep's "Not now" is remembered in this browser's `localStorage`, per Webex account, and a reconnect
 * clears the problem itself. Lightning Web Security partitions `localStorage` by namespace (Lightning Web Security
 * Developer Guide › "Local Storage Limitations",
 * https://developer.salesforce.com/docs/platform/lightning-components-security/guide/lws-local-storage.html), so the
 * key cannot meet another package's. A browser that refuses storage (private mode, a blocked site) shows the
 * notice again on the next load: nothing worse.
 */

/** The `problemCode` of a connection without messaging's scopes. */
export const SCOPES_PROBLEM = 'scopes';

/** Where "Not now" is remembered, per Webex account. */
export const DISMISSED_KEY_PREFIX = 'webexScopesNoticeDismissed:';

type Connection = Pick<WebexUserConnection, 'connected' | 'problem' | 'problemCode' | 'email'> | null | undefined;

/** The connection works, but without messaging's scopes: chat and spaces need a reconnect. */
export function lacksMessagingScopes(connection: Connection): boolean {
    return Boolean(connection?.connected) && connection?.problemCode === SCOPES_PROBLEM;
}

/** The connection can place and control calls: connected, with no problem other than messaging's scopes. */
export function worksForCalling(connection: Connection): boolean {
    return Boolean(connection?.connected) && (!connection?.problem || connection.problemCode === SCOPES_PROBLEM);
}

function keyOf(connection: Connection): string {
    return `${DISMISSED_KEY_PREFIX}${(connection?.email ?? '').toLowerCase()}`;
}

/** The rep said "Not now" to the reconnect notice of this Webex account. */
export function scopesNoticeDismissed(connection: Connection): boolean {
    try {
        // LWS's storage distortion (keys namespaced) is wanted here: see the note at the top.
        // eslint-disable-next-line @locker/locker/distorted-storage-constructor
        return window.localStorage.getItem(keyOf(connection)) !== null;
    } catch {
        return false;
    }
}

/** Remembers the rep's "Not now": the notice stays away for this Webex account in this browser. */
export function dismissScopesNotice(connection: Connection): void {
    try {
        // eslint-disable-next-line @locker/locker/distorted-storage-constructor
        window.localStorage.setItem(keyOf(connection), new Date().toISOString());
    } catch {
        // Storage refused: the notice comes back on the next load, which is all that is lost.
    }
}
