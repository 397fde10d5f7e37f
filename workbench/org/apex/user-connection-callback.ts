/**
 * The emulated org's WebexUserConnectionCallback (classes/connection/): Webex sending a rep back to the
 * page `webexuserauth`. Checking changes nothing; completing exchanges the code, reads `/people/me`,
 * registers the rep's webhooks and only then stores the connection; any failure before the tokens are
 * known stores nothing and forgets the connection under way. `connectDirectly` does what the finish does
 * for any seeded user, for the workbench's control endpoint.
 */
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { WebexCallout } from '../webex-callout.ts';
import { isTransient, registerUserWebhooks, saveNewSecret, type WebhookCheck } from './user-connection.ts';
import { rememberWebhookSiteUrl } from './WebexSiteController.ts';
import { USER_SCOPES, userRedirectUri } from './user-integration.ts';
import {
    PROBLEM_WEBHOOKS,
    postGrant,
    problemMessage,
    readUserOAuthClient,
    saveUserConnection,
    USER_ROWS,
    type UserConnection
} from './user-tokens.ts';

/** WebexUserConnectionCallback.STATE_LIFETIME_MINUTES. */
const STATE_LIFETIME_MS = 15 * 60 * 1000;

/** WebexUserConnectionCallback.Outcome. */
export interface Outcome {
    code: string;
    message: string;
    succeeded: boolean;
    warning: string | null;
}

function outcome(code: string, message: string): Outcome {
    return { code, message, succeeded: false, warning: null };
}

interface Person {
    id: string;
    displayName: string;
    emails?: string[];
}

function refusal(org: EmulatedOrg, error: string, description: string | null): Outcome {
    if (error === 'access_denied') return outcome('access_denied', org.label('WebexUserConnect_OutcomeDenied'));
    if (error === 'invalid_client' || error === 'unauthorized_client')
        return outcome('invalid_client', org.label('WebexUserConnect_ErrorClientRefused'));
    if (error === 'invalid_grant') return outcome('invalid_grant', org.label('WebexUserConnect_OutcomeInvalidGrant'));
    return outcome(
        'failed',
        org.label('WebexUserConnect_OutcomeFailed', description ? `${error} (${description})` : error)
    );
}

function failureOf(org: EmulatedOrg, error: AuraHandledError): Outcome {
    const unreachable = isTransient(error);
    return outcome(
        unreachable ? 'unreachable' : 'failed',
        org.label(
            unreachable ? 'WebexUserConnect_OutcomeUnreachable' : 'WebexUserConnect_OutcomeFailed',
            error.payload.message
        )
    );
}

/** WebexUserConnectionCallback.checkReturn: a refusal or a state not this user's (or too old); null when all is in order. */
export function checkReturn(org: EmulatedOrg, params: URLSearchParams): Outcome | null {
    const pending = org.credentials.get(USER_ROWS.state(org.user.id));
    const state = params.get('state');
    const recent = pending?.verifiedAt ? Date.parse(pending.verifiedAt) + STATE_LIFETIME_MS > Date.now() : false;
    if (!pending || !state || !recent || state !== pending.secret)
        return outcome('state', org.label('WebexUserConnect_OutcomeState'));
    const error = params.get('error');
    if (error) return refusal(org, error, params.get('error_description'));
    return params.get('code') ? null : refusal(org, 'invalid_request', 'code');
}

/**
 * The part of the finish that needs no browser: exchange the code, ask Webex who it is, register the
 * user's webhooks, store the connection (for `userId`, not necessarily the signed-in user).
 */
export async function finishConnection(org: EmulatedOrg, userId: string, code: string): Promise<Outcome> {
    const client = readUserOAuthClient(org);
    if (!client) return outcome('not_available', org.label('WebexUserConnect_NotAvailable'));
    let connection: UserConnection;
    try {
        const grant = await postGrant(org, {
            grant_type: 'authorization_code',
            client_id: client.clientId,
            client_secret: client.clientSecret,
            code,
            redirect_uri: userRedirectUri(org)
        });
        if (!grant.success || !grant.accessToken) return refusal(org, grant.error ?? 'failed', grant.errorDescription);
        const me = await new WebexCallout(org, grant.accessToken).send<Person>('GET', '/people/me');
        if (!grant.refreshToken || !me?.id)
            throw new AuraHandledError('UNEXPECTED', org.label('WebexUserConnect_OutcomeFailed', 'refresh_token, id'));
        connection = {
            userId,
            accessToken: grant.accessToken,
            refreshToken: grant.refreshToken,
            expiresAt: grant.expiresAt,
            webexPersonId: me.id,
            displayName: me.displayName ?? null,
            email: me.emails?.[0] ?? null,
            connectedAt: new Date().toISOString(),
            problem: null
        };
    } catch (error) {
        if (error instanceof AuraHandledError) return failureOf(org, error);
        throw error;
    }
    let check: WebhookCheck;
    try {
        check = await registerUserWebhooks(org, connection.accessToken, false);
    } catch (error) {
        if (!(error instanceof AuraHandledError)) throw error;
        check = { problem: PROBLEM_WEBHOOKS, newSecret: null, changed: false };
    }
    connection.problem = check.problem;
    saveNewSecret(org, check);
    saveUserConnection(org, connection);
    return {
        code: 'connected',
        message: org.label('WebexUserConnect_OutcomeConnected', connection.displayName ?? ''),
        succeeded: true,
        warning: problemMessage(org, connection.problem)
    };
}

/** WebexUserConnectionCallback.completeConnection: the connection under way is forgotten whatever happens. */
export async function completeConnection(org: EmulatedOrg, params: URLSearchParams): Promise<Outcome> {
    const refused = checkReturn(org, params);
    const result = refused ?? (await finishConnection(org, org.user.id, params.get('code') ?? ''));
    org.credentials.delete(USER_ROWS.state(org.user.id));
    return result;
}

/**
 * The workbench's `POST /_org/control/webex-connect`: connects a seeded Salesforce user's Webex account
 * as the OAuth finish would (code from the emulator's `/v1/authorize` sign-in page, Continue with `webexEmail`, exchange,
 * `/people/me`, the user's webhooks), setting up on the way what a story would otherwise click through:
 * the integration for users (the emulator's seeded one) and, without a site, the workbench as the site.
 */
export async function connectDirectly(
    org: EmulatedOrg,
    userId: string,
    webexEmail: string
): Promise<{ outcome: Outcome; webexPersonId: string | null }> {
    if (!readUserOAuthClient(org)) {
        const response = await fetch(`${org.webexBaseUrl}/_emulator/integrations`);
        const [integration] = ((await response.json()) as { items: Array<{ clientId: string; clientSecret: string }> })
            .items;
        org.credentials.set(USER_ROWS.clientId, { secret: integration.clientId });
        org.credentials.set(USER_ROWS.clientSecret, { secret: integration.clientSecret });
    }
    // The server listens on 127.0.0.1 only: name it, as useWorkbenchAsWebhookSite does. As Create Site
    // leaves it: the site, and its URL stored for the reps (who cannot see the Site object).
    if (!org.siteUrl) org.siteUrl = org.myDomainUrl.replace('//localhost:', '//127.0.0.1:');
    rememberWebhookSiteUrl(org, org.siteUrl);
    const client = readUserOAuthClient(org);
    const request = {
        client_id: client?.clientId ?? '',
        response_type: 'code',
        redirect_uri: userRedirectUri(org),
        scope: USER_SCOPES,
        state: 'control'
    };
    // As the rep's browser: Webex's sign-in page, then Continue with the user's email.
    const authorize = new URL(`${org.webexBaseUrl}/v1/authorize`);
    for (const [name, value] of Object.entries(request)) authorize.searchParams.set(name, value);
    const signIn = await fetch(authorize, { redirect: 'manual' });
    await signIn.text();
    const answer =
        signIn.status === 200
            ? await fetch(authorize.origin + authorize.pathname, {
                  method: 'POST',
                  redirect: 'manual',
                  headers: { 'content-type': 'application/x-www-form-urlencoded' },
                  body: new URLSearchParams({ ...request, email: webexEmail, action: 'continue' })
              })
            : signIn;
    const back = new URL(answer.headers.get('location') ?? userRedirectUri(org));
    const code = back.searchParams.get('code');
    const result = code
        ? await finishConnection(org, userId, code)
        : refusal(org, back.searchParams.get('error') ?? 'failed', back.searchParams.get('error_description'));
    return {
        outcome: result,
        webexPersonId: result.succeeded
            ? (org.credentials.get(USER_ROWS.connection(userId))?.webexPersonId ?? null)
            : null
    };
}
