/**
 * The emulated org's WebexSalesforceAuthService and WebexSalesforceAuthCallback
 * (classes/admin/WebexSalesforceAuth*.cls): the OAuth web-server flow against the org's My Domain, with
 * the same rows in the protected setting (`org.credentials`), the same checks of the state and the same
 * outcomes, so the stories describe what the package does in an org.
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { AuraHandledError } from '../apex-error.ts';
import { qualify, stateKey } from '../namespace.ts';
import type { EmulatedOrg, StoredCredential } from '../org-state.ts';
import { saveResolvedChannel, tryEnsureCallEventChannelWith } from './call-event-channel.ts';
import { SalesforceCallout } from './salesforce-client.ts';

/** WebexSalesforceAuthStore's rows: the Salesforce authorization, the one under way, the cached access token. */
export const SALESFORCE_ROWS = {
    consumerKey: 'SalesforceConsumerKey',
    consumerSecret: 'SalesforceConsumerSecret',
    refreshToken: 'SalesforceRefreshToken',
    pendingState: 'SalesforcePendingState',
    pendingConsumerKey: 'SalesforcePendingConsumerKey',
    pendingConsumerSecret: 'SalesforcePendingConsumerSecret',
    accessToken: 'SalesforceAccessToken'
} as const;

/** WebexSalesforceAuthService.PAGE_NAME, SCOPES and GRANT_PATH; WebexSalesforceAuthCallback.OUTCOME_PARAMETER. */
export const PAGE_NAME = 'webexsfdcauth';
export const SCOPES = 'api refresh_token';
/** WebexSalesforceAuthCallback.OUTCOME_PARAMETER: a page state key, `c__` unpackaged, `<ns>__` installed. */
export function outcomeParameter(org: EmulatedOrg): string {
    return stateKey(org, 'webexSfAuth');
}
const GRANT_PATH = '/services/oauth2/token';
const STATE_LIFETIME_MINUTES = 15;
const MAX_SECRET_LENGTH = 510;

/** WebexSalesforceAuthCallback.Outcome. */
export interface Outcome {
    code: string;
    message: string;
    succeeded: boolean;
}

interface Authorization {
    consumerKey: string;
    consumerSecret: string;
    refreshToken: string;
    stored: StoredCredential;
}

function outcome(code: string, message: string, succeeded = false): Outcome {
    return { code, message, succeeded };
}

/** WebexSalesforcePkce.verifier: HMAC-SHA256 of the state keyed with the consumer secret, base64url. */
export function pkceVerifier(state: string, consumerSecret: string): string {
    return createHmac('sha256', consumerSecret).update(state).digest('base64url');
}

/** WebexSalesforcePkce.challenge: base64url of the verifier's SHA-256 (S256). */
export function pkceChallenge(verifier: string): string {
    return createHash('sha256').update(verifier).digest('base64url');
}

/** WebexSalesforceAuthService.redirectUri: the page in the namespace the package runs with. */
export function redirectUri(org: EmulatedOrg): string {
    return `${org.myDomainUrl}/apex/${qualify(org, PAGE_NAME)}`;
}

/** The stored authorization, or null unless key, secret and refresh token are all there. */
export function readAuthorization(org: EmulatedOrg): Authorization | null {
    const key = org.credentials.get(SALESFORCE_ROWS.consumerKey);
    const secret = org.credentials.get(SALESFORCE_ROWS.consumerSecret);
    const token = org.credentials.get(SALESFORCE_ROWS.refreshToken);
    if (!key || !secret || !token) return null;
    return { consumerKey: key.secret, consumerSecret: secret.secret, refreshToken: token.secret, stored: token };
}

function deleteRows(org: EmulatedOrg, rows: string[]): void {
    for (const row of rows) org.credentials.delete(row);
}

const PENDING_ROWS = [
    SALESFORCE_ROWS.pendingState,
    SALESFORCE_ROWS.pendingConsumerKey,
    SALESFORCE_ROWS.pendingConsumerSecret
];

/** WebexSalesforceAuthService.getStatus. */
export function authorizationStatus(org: EmulatedOrg): WebexSalesforceAuthStatus {
    const authorization = readAuthorization(org);
    return {
        authorized: Boolean(authorization),
        authorizedBy: authorization?.stored.ownerDisplayName ?? null,
        authorizedUsername: authorization?.stored.ownerEmail ?? null,
        authorizedAt: authorization?.stored.verifiedAt ?? null,
        myDomainUrl: org.myDomainUrl,
        // WebexSalesforceAuthService.callbackUrls: the page, and its namespaced twin once packaged.
        callbackUrls: [
            `${org.myDomainUrl}/apex/${PAGE_NAME}`,
            ...(org.namespace ? [`${org.myDomainUrl}/apex/${qualify(org, PAGE_NAME)}`] : [])
        ]
    };
}

function requireValue(org: EmulatedOrg, value: string | undefined, name: string): string {
    const trimmed = (value ?? '').trim();
    if (!trimmed || trimmed.length > MAX_SECRET_LENGTH)
        throw new AuraHandledError('INVALID_INPUT', org.label('WebexError_InvalidInput', name));
    return trimmed;
}

/** WebexSalesforceAuthService.startAuthorization. */
export function startAuthorization(
    org: EmulatedOrg,
    consumerKey: string,
    consumerSecret: string
): WebexSalesforceAuthStart {
    const key = requireValue(org, consumerKey, 'consumerKey');
    const secret = requireValue(org, consumerSecret, 'consumerSecret');
    const state = randomBytes(32).toString('hex');
    const now = new Date().toISOString();
    org.credentials.set(SALESFORCE_ROWS.pendingState, {
        secret: state,
        salesforceUserId: org.user.id,
        verifiedAt: now
    });
    org.credentials.set(SALESFORCE_ROWS.pendingConsumerKey, { secret: key });
    org.credentials.set(SALESFORCE_ROWS.pendingConsumerSecret, { secret: secret });
    const consent = new URL(`${org.myDomainUrl}/services/oauth2/authorize`);
    for (const [name, value] of Object.entries({
        response_type: 'code',
        client_id: key,
        redirect_uri: redirectUri(org),
        scope: SCOPES,
        state,
        prompt: 'consent',
        code_challenge: pkceChallenge(pkceVerifier(state, secret)),
        code_challenge_method: 'S256'
    }))
        consent.searchParams.set(name, value);
    return { consentUrl: consent.toString() };
}

function refusal(org: EmulatedOrg, error: string | null, description: string | null): Outcome {
    switch (error) {
        case 'access_denied':
            return outcome('access_denied', org.label('WebexSfAuth_OutcomeDenied'));
        case 'invalid_client':
        case 'invalid_client_id':
        case 'unauthorized_client':
            return outcome('invalid_client', org.label('WebexSfAuth_OutcomeInvalidClient'));
        case 'invalid_grant':
            return outcome('invalid_grant', org.label('WebexSfAuth_OutcomeInvalidGrant'));
        case 'invalid_scope':
            return outcome('invalid_scope', org.label('WebexSfAuth_OutcomeInvalidScope'));
        default: {
            const detail = description ? `${error} (${description})` : String(error);
            return outcome('failed', org.label('WebexSfAuth_OutcomeFailed', detail));
        }
    }
}

/** WebexSalesforceAuthCallback.checkReturn: reads only. */
export function checkReturn(org: EmulatedOrg, parameters: URLSearchParams): Outcome | null {
    const state = org.credentials.get(SALESFORCE_ROWS.pendingState);
    const returned = parameters.get('state');
    const startedAt = state?.verifiedAt ? Date.parse(state.verifiedAt) : NaN;
    const recent = startedAt + STATE_LIFETIME_MINUTES * 60 * 1000 > Date.now();
    const pendingComplete =
        org.credentials.has(SALESFORCE_ROWS.pendingConsumerKey) &&
        org.credentials.has(SALESFORCE_ROWS.pendingConsumerSecret);
    if (
        !state ||
        !pendingComplete ||
        !returned ||
        returned !== state.secret ||
        state.salesforceUserId !== org.user.id ||
        !recent
    )
        return outcome('state', org.label('WebexSfAuth_OutcomeState'));
    const error = parameters.get('error');
    if (error) return refusal(org, error, parameters.get('error_description'));
    return parameters.get('code') ? null : refusal(org, 'invalid_request', 'code');
}

/** WebexSalesforceAuthCallback.discardPendingAuthorization. */
export function discardPendingAuthorization(org: EmulatedOrg): void {
    deleteRows(org, PENDING_ROWS);
}

/** WebexSalesforceAuthCallback.completeAuthorization: the code is exchanged before anything is written. */
export async function completeAuthorization(org: EmulatedOrg, parameters: URLSearchParams): Promise<Outcome> {
    const forget = (result: Outcome): Outcome => {
        discardPendingAuthorization(org);
        return result;
    };
    const refused = checkReturn(org, parameters);
    if (refused) return forget(refused);
    const consumerKey = org.credentials.get(SALESFORCE_ROWS.pendingConsumerKey)?.secret ?? '';
    const consumerSecret = org.credentials.get(SALESFORCE_ROWS.pendingConsumerSecret)?.secret ?? '';
    const state = org.credentials.get(SALESFORCE_ROWS.pendingState)?.secret ?? '';
    let answer;
    try {
        answer = await new SalesforceCallout(org).postOAuthForm(GRANT_PATH, {
            grant_type: 'authorization_code',
            code: parameters.get('code') ?? '',
            client_id: consumerKey,
            client_secret: consumerSecret,
            redirect_uri: redirectUri(org),
            code_verifier: pkceVerifier(state, consumerSecret)
        });
    } catch (error) {
        if (!(error instanceof AuraHandledError)) throw error;
        return forget(outcome(error.payload.code === 'NETWORK' ? 'unreachable' : 'failed', error.payload.message));
    }
    if (!answer.success) return forget(refusal(org, answer.error, answer.errorDescription));
    const refreshToken = typeof answer.body.refresh_token === 'string' ? answer.body.refresh_token : '';
    if (!refreshToken) return forget(outcome('no_refresh_token', org.label('WebexSfAuth_OutcomeNoRefreshToken')));
    // As the Apex: the reps' call-event channel is created with the token just issued, before any write.
    const issued = typeof answer.body.access_token === 'string' ? answer.body.access_token : '';
    const channelId = issued ? await tryEnsureCallEventChannelWith(org, issued) : null;
    const identity = typeof answer.body.id === 'string' ? (answer.body.id.split('/').pop() ?? '') : '';
    const grantor =
        org.records.get(/^005\w{12}(\w{3})?$/.test(identity) ? identity : org.user.id) ?? org.records.get(org.user.id);
    const name = String(grantor?.Name ?? org.user.name);
    const now = new Date().toISOString();
    org.credentials.set(SALESFORCE_ROWS.consumerKey, { secret: consumerKey });
    org.credentials.set(SALESFORCE_ROWS.consumerSecret, { secret: consumerSecret });
    org.credentials.set(SALESFORCE_ROWS.refreshToken, {
        secret: refreshToken,
        ownerDisplayName: name,
        ownerEmail: String(grantor?.Username ?? ''),
        salesforceUserId: String(grantor?.Id ?? org.user.id),
        verifiedAt: now
    });
    if (channelId) saveResolvedChannel(org, channelId);
    discardPendingAuthorization(org);
    return outcome('authorized', org.label('WebexSfAuth_OutcomeAuthorized', name), true);
}

/**
 * WebexSalesforceAuthService.accessToken is WebexSalesforceSession's (salesforce-session.ts): the cached
 * access token while valid, else one traded for the refresh token.
 */

/** WebexSalesforceAuthService.revokeAuthorization: revoked with Salesforce first, forgotten after. */
export async function revokeAuthorization(org: EmulatedOrg): Promise<WebexSalesforceAuthStatus> {
    const authorization = readAuthorization(org);
    if (authorization) {
        const answer = await new SalesforceCallout(org).postOAuthForm('/services/oauth2/revoke', {
            token: authorization.refreshToken
        });
        if (!answer.success && answer.error !== 'invalid_token')
            throw new AuraHandledError('UNEXPECTED', org.label('WebexSfAuth_ErrorRevoke', String(answer.error)));
    }
    // With the cached access token (WebexSalesforceSession.forget).
    deleteRows(org, Object.values(SALESFORCE_ROWS));
    return authorizationStatus(org);
}

/** WebexSalesforceAuthCallback.returnUrl, as the workbench routes the Webex Admin tab. */
export function returnUrl(org: EmulatedOrg, code: string): string {
    const session = new URLSearchParams({ lang: org.user.language, user: org.user.id });
    return `/?${session}#/n/${qualify(org, 'Webex_Admin')}?${outcomeParameter(org)}=${encodeURIComponent(code)}`;
}
