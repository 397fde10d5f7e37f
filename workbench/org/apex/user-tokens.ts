/**
 * The emulated org's WebexUserTokens (classes/shared/) and the per-user rows of WebexUserConnectionStore:
 * each user's own Webex connection (docs/calling.md), in `org.credentials` like every other row
 * (`WebexUser-<userId>`, `WebexUserRefresh-<userId>`, `WebexUserState-<userId>`, `UserOAuthClientId`,
 * `UserOAuthClientSecret`), with the same refresh rule as the Apex: `accessTokenForCurrentUser` refreshes
 * a token due without storing it, `saveRefreshed` stores it (Apex forbids a callout after DML, so the
 * caller makes its callouts first). Each Apex call of the emulated org is a transaction
 * (`beginApexTransaction`): what a caller did not save is gone by the next one, as in an org.
 */
import { AuraHandledError, connectionFailure } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';

/** WebexUserTokens' `problem` codes. */
export const PROBLEM_EXPIRED = 'expired';
export const PROBLEM_NO_SITE = 'no_site';
export const PROBLEM_WEBHOOKS = 'webhooks';
/** WebexUserTokens.REFRESH_MARGIN_MINUTES. */
const REFRESH_MARGIN_MS = 5 * 60 * 1000;

/** WebexUserConnectionStore's row names. */
export const USER_ROWS = {
    clientId: 'UserOAuthClientId',
    clientSecret: 'UserOAuthClientSecret',
    connection: (userId: string): string => `WebexUser-${userId}`,
    refresh: (userId: string): string => `WebexUserRefresh-${userId}`,
    state: (userId: string): string => `WebexUserState-${userId}`
};

/** WebexUserConnectionStore.UserConnection. */
export interface UserConnection {
    userId: string;
    accessToken: string;
    expiresAt: string | null;
    refreshToken: string;
    webexPersonId: string;
    displayName: string | null;
    email: string | null;
    connectedAt: string;
    problem: string | null;
}

/** WebexUserConnectionStore.UserOAuthClient. */
export interface UserOAuthClient {
    clientId: string;
    clientSecret: string;
}

/** WebexUserOAuthClient.Grant. */
export interface Grant {
    success: boolean;
    accessToken: string | null;
    refreshToken: string | null;
    expiresAt: string | null;
    error: string | null;
    errorDescription: string | null;
}

// Per org: what accessTokenForCurrentUser refreshed in the current Apex transaction and did not save.
const unsaved = new WeakMap<EmulatedOrg, UserConnection>();

/** A new Apex transaction: the previous one's unsaved refresh is gone (Apex statics end with it). */
export function beginApexTransaction(org: EmulatedOrg): void {
    unsaved.delete(org);
}

export function readUserOAuthClient(org: EmulatedOrg): UserOAuthClient | null {
    const clientId = org.credentials.get(USER_ROWS.clientId)?.secret;
    const clientSecret = org.credentials.get(USER_ROWS.clientSecret)?.secret;
    return clientId && clientSecret ? { clientId, clientSecret } : null;
}

export function readUserConnection(org: EmulatedOrg, userId: string): UserConnection | null {
    const access = org.credentials.get(USER_ROWS.connection(userId));
    const refresh = org.credentials.get(USER_ROWS.refresh(userId));
    if (!access?.secret || !refresh?.secret) return null;
    return {
        userId,
        accessToken: access.secret,
        expiresAt: access.expiresAt ?? null,
        refreshToken: refresh.secret,
        webexPersonId: access.webexPersonId ?? '',
        displayName: access.ownerDisplayName ?? null,
        email: access.ownerEmail ?? null,
        connectedAt: access.verifiedAt ?? new Date().toISOString(),
        problem: access.problem ?? null
    };
}

/** WebexUserConnectionStore.saveUserConnection: both rows, and the state under way forgotten. */
export function saveUserConnection(org: EmulatedOrg, connection: UserConnection): void {
    org.credentials.set(USER_ROWS.connection(connection.userId), {
        secret: connection.accessToken,
        expiresAt: connection.expiresAt,
        webexPersonId: connection.webexPersonId,
        ownerDisplayName: connection.displayName ?? undefined,
        ownerEmail: connection.email,
        verifiedAt: connection.connectedAt,
        salesforceUserId: connection.userId,
        problem: connection.problem
    });
    org.credentials.set(USER_ROWS.refresh(connection.userId), {
        secret: connection.refreshToken,
        salesforceUserId: connection.userId
    });
    org.credentials.delete(USER_ROWS.state(connection.userId));
}

export function deleteUserConnection(org: EmulatedOrg, userId: string): void {
    for (const row of [USER_ROWS.connection(userId), USER_ROWS.refresh(userId), USER_ROWS.state(userId)])
        org.credentials.delete(row);
}

/** Every user's connection row (WebexProtectedRows.withPrefix). */
export function connectionRows(org: EmulatedOrg): Array<{ userId: string; personId: string; connectedAt: string }> {
    return [...org.credentials.entries()]
        .filter(([name, row]) => name.startsWith('WebexUser-') && row.secret)
        .map(([, row]) => ({
            userId: row.salesforceUserId ?? '',
            personId: row.webexPersonId ?? '',
            connectedAt: row.verifiedAt ?? ''
        }));
}

/** WebexUserOAuthClient: `POST /v1/access_token`, form-encoded; an OAuth refusal is returned, not thrown. */
export async function postGrant(org: EmulatedOrg, form: Record<string, string>): Promise<Grant> {
    let response: Response;
    try {
        response = await fetch(`${org.webexBaseUrl}/v1/access_token`, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams(form).toString()
        });
    } catch (error) {
        throw connectionFailure(org, `${org.webexBaseUrl}/v1/access_token`, error);
    }
    const text = await response.text();
    let body: Record<string, unknown> = {};
    try {
        const parsed: unknown = text ? JSON.parse(text) : {};
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
        body = {};
    }
    const status = response.status;
    if (response.ok) {
        if (typeof body.access_token !== 'string' || !body.access_token)
            throw new AuraHandledError('UNEXPECTED', org.label('WebexError_Unexpected', status));
        return {
            success: true,
            accessToken: body.access_token,
            refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : null,
            expiresAt:
                typeof body.expires_in === 'number'
                    ? new Date(Date.now() + body.expires_in * 1000).toISOString()
                    : null,
            error: null,
            errorDescription: null
        };
    }
    if ((status === 400 || status === 401) && typeof body.error === 'string')
        return {
            success: false,
            accessToken: null,
            refreshToken: null,
            expiresAt: null,
            error: body.error,
            errorDescription: typeof body.error_description === 'string' ? body.error_description : null
        };
    if (status === 429) {
        const seconds = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
        throw new AuraHandledError(
            'RATE_LIMITED',
            org.label('WebexError_RateLimited'),
            Number.isFinite(seconds) && seconds >= 0 ? seconds : 5
        );
    }
    if (status >= 500) throw new AuraHandledError('WEBEX_UNAVAILABLE', org.label('WebexError_Unavailable', status));
    throw new AuraHandledError('UNEXPECTED', org.label('WebexError_Unexpected', status));
}

/** WebexUserTokens.isDue: expired, or expiring within 5 minutes (never when Webex gave no expiry). */
export function isDue(connection: UserConnection): boolean {
    return connection.expiresAt !== null && Date.parse(connection.expiresAt) <= Date.now() + REFRESH_MARGIN_MS;
}

/** WebexUserTokens.renew: refreshes in memory; `expired` when Webex refuses the refresh token. */
export async function renew(org: EmulatedOrg, connection: UserConnection, client: UserOAuthClient): Promise<void> {
    const grant = await postGrant(org, {
        grant_type: 'refresh_token',
        client_id: client.clientId,
        client_secret: client.clientSecret,
        refresh_token: connection.refreshToken
    });
    if (grant.success) {
        connection.accessToken = grant.accessToken ?? connection.accessToken;
        connection.refreshToken = grant.refreshToken || connection.refreshToken;
        connection.expiresAt = grant.expiresAt;
        if (connection.problem === PROBLEM_EXPIRED) connection.problem = null;
        return;
    }
    if (grant.error === 'invalid_grant') {
        connection.problem = PROBLEM_EXPIRED;
        return;
    }
    if (grant.error === 'invalid_client' || grant.error === 'unauthorized_client')
        throw new AuraHandledError('NOT_CONNECTED', org.label('WebexUserConnect_ErrorClientRefused'));
    throw new AuraHandledError('UNEXPECTED', org.label('WebexUserConnect_OutcomeFailed', String(grant.error)));
}

/** What a person reads for a `problem` code (WebexUserTokens.problemMessage). */
export function problemMessage(org: EmulatedOrg, problem: string | null): string | null {
    if (problem === PROBLEM_EXPIRED) return org.label('WebexUserConnect_ProblemExpired');
    if (problem === PROBLEM_NO_SITE) return org.label('WebexUserConnect_ProblemNoSite');
    if (problem === PROBLEM_WEBHOOKS) return org.label('WebexUserConnect_ProblemWebhooks');
    return null;
}

/** WebexUserTokens.toConnection: the DTO, never a token. */
export function toConnection(
    org: EmulatedOrg,
    client: UserOAuthClient | null,
    stored: UserConnection | null
): WebexUserConnection {
    return {
        available: client !== null,
        connected: stored !== null,
        displayName: stored?.displayName ?? null,
        email: stored?.email ?? null,
        connectedAt: stored?.connectedAt ?? null,
        problem: stored ? problemMessage(org, stored.problem) : null
    };
}

function current(org: EmulatedOrg): UserConnection | null {
    const pending = unsaved.get(org);
    return pending && pending.userId === org.user.id ? pending : readUserConnection(org, org.user.id);
}

/**
 * The signed-in user's Webex access token, refreshed when expired (one callout, nothing stored: call
 * `saveRefreshed` after your last callout); NOT_CONNECTED otherwise.
 */
export async function accessTokenForCurrentUser(org: EmulatedOrg): Promise<string> {
    const connection = current(org);
    if (!connection) throw new AuraHandledError('NOT_CONNECTED', org.label('WebexUserConnect_ErrorNotConnected'));
    if (connection.problem !== PROBLEM_EXPIRED && isDue(connection)) {
        const client = readUserOAuthClient(org);
        if (!client) throw new AuraHandledError('NOT_CONNECTED', org.label('WebexUserConnect_NotAvailable'));
        await renew(org, connection, client);
        unsaved.set(org, connection);
    }
    if (connection.problem === PROBLEM_EXPIRED)
        throw new AuraHandledError('NOT_CONNECTED', org.label('WebexUserConnect_ProblemExpired'));
    return connection.accessToken;
}

/** WebexUserTokens.saveRefreshed: stores what this transaction's refresh learned; nothing otherwise. */
export function saveRefreshed(org: EmulatedOrg): void {
    const pending = unsaved.get(org);
    if (!pending) return;
    saveUserConnection(org, pending);
    unsaved.delete(org);
}

/** Salesforce user id by Webex person id, for the people some user connected (the latest connection wins). */
export function salesforceUsersByWebexPerson(org: EmulatedOrg, webexPersonIds: Iterable<string>): Map<string, string> {
    const wanted = new Set(webexPersonIds);
    const found = new Map<string, { userId: string; connectedAt: string }>();
    for (const row of connectionRows(org)) {
        if (!wanted.has(row.personId) || !row.userId) continue;
        const previous = found.get(row.personId);
        if (!previous || row.connectedAt > previous.connectedAt) found.set(row.personId, row);
    }
    return new Map([...found].map(([personId, row]) => [personId, row.userId]));
}

/** The signed-in user's connection as the browser sees it (WebexUserTokens.connectionForCurrentUser): as stored. */
export function connectionForCurrentUser(org: EmulatedOrg): WebexUserConnection {
    return toConnection(org, readUserOAuthClient(org), current(org));
}
