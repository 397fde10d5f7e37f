/**
 * OAuth for integrations: `GET /v1/authorize` shows Webex's sign-in page (choose one of the emulator's
 * people or type an email; `login_hint` pre-selects one), whose Continue (`POST /v1/authorize`) sends
 * the browser back to `redirect_uri` with a code for THAT person and the client's `state`, and whose
 * Cancel sends back `access_denied`; `POST /v1/access_token` (form-encoded, `authorization_code` and
 * `refresh_token` grants). An unknown `client_id` or a `redirect_uri` the integration did not register
 * gets an error page and no redirect (RFC 6749 §4.1.2.1: the client cannot be trusted with the error).
 */
import { randomUUID } from 'node:crypto';
import { bodyObject, sendJson, sendRedirect, type RequestContext } from '../http.ts';
import type { EmulatorState } from '../state.ts';
import type { OAuthFailure } from '../store/oauth-store.ts';
import type { Route } from './route.ts';
import { sendAuthorizeErrorPage, sendSignInPage, type AuthorizationRequest } from './sign-in-page.ts';

/** Sends the browser back to the client with an OAuth error, as RFC 6749 §4.1.2.1 says. */
function redirectError(
    res: Parameters<typeof sendRedirect>[0],
    redirectUri: string,
    error: string,
    description: string,
    state: string | null
): void {
    const url = new URL(redirectUri);
    url.searchParams.set('error', error);
    url.searchParams.set('error_description', description);
    if (state !== null) url.searchParams.set('state', state);
    sendRedirect(res, url.toString());
}

/**
 * The token endpoint's error: the OAuth `error`/`error_description` pair clients branch on, with
 * Webex's own `message`, `errors` and `trackingId` beside it.
 */
function sendOAuthFailure(res: Parameters<typeof sendJson>[0], failure: OAuthFailure): void {
    sendJson(res, failure.status, {
        error: failure.error,
        error_description: failure.description,
        message: failure.description,
        errors: [{ description: failure.description }],
        trackingId: `EMU_${randomUUID()}`
    });
}

/**
 * Checks an authorization request as Webex does, in its order: the client and its redirect URI first
 * (refused on a page), then what may be told to the client (`response_type`, `scope`), with its `state`.
 * Answers the request to go on with, or undefined once the answer is sent.
 */
function checkRequest(
    res: RequestContext['res'],
    params: URLSearchParams,
    state: EmulatorState
): AuthorizationRequest | undefined {
    const clientId = params.get('client_id') ?? '';
    const integration = state.oauth.integration(clientId);
    if (!integration) {
        sendAuthorizeErrorPage(
            res,
            clientId
                ? `The client_id ${clientId} is not the id of an integration registered with Webex.`
                : 'The request has no client_id.'
        );
        return undefined;
    }
    const redirectUri = params.get('redirect_uri') ?? '';
    if (!state.oauth.redirectAllowed(integration, redirectUri)) {
        sendAuthorizeErrorPage(
            res,
            redirectUri
                ? `The redirect_uri ${redirectUri} is not registered for the integration "${integration.name}".`
                : 'The request has no redirect_uri.'
        );
        return undefined;
    }
    const clientState = params.get('state');
    if (params.get('response_type') !== 'code') {
        redirectError(res, redirectUri, 'unsupported_response_type', 'response_type must be code.', clientState);
        return undefined;
    }
    const scopes = (params.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
    const unknown = scopes.filter((s) => !integration.scopes.includes(s));
    if (!scopes.length || unknown.length) {
        redirectError(
            res,
            redirectUri,
            'invalid_scope',
            scopes.length ? `Scopes not registered for this integration: ${unknown.join(' ')}` : 'scope is required.',
            clientState
        );
        return undefined;
    }
    return { clientId, integrationName: integration.name, redirectUri, scopes, state: clientState };
}

export const oauthRoutes: Route[] = [
    {
        method: 'GET',
        pattern: '/v1/authorize',
        auth: false,
        handle: ({ res, url }, state) => {
            const request = checkRequest(res, url.searchParams, state);
            if (!request) return;
            sendSignInPage(res, {
                request,
                people: state.oauth.signInCandidates(),
                email: url.searchParams.get('login_hint') ?? '',
                problem: null
            });
        }
    },
    {
        // The sign-in page's form: Continue signs in the person chosen (a typed email wins), Cancel declines.
        method: 'POST',
        pattern: '/v1/authorize',
        auth: false,
        handle: (ctx, state) => {
            const form = new URLSearchParams(
                Object.entries(bodyObject(ctx)).map(([name, value]) => [name, String(value)])
            );
            const request = checkRequest(ctx.res, form, state);
            if (!request) return;
            if (form.get('action') === 'cancel')
                return redirectError(
                    ctx.res,
                    request.redirectUri,
                    'access_denied',
                    'The user declined to sign in.',
                    request.state
                );
            const typed = (form.get('email') ?? '').trim();
            const email = typed || (form.get('account') ?? '');
            const user = state.oauth.signingInUser(email);
            if (!user)
                return sendSignInPage(ctx.res, {
                    request,
                    people: state.oauth.signInCandidates(),
                    email,
                    problem: email
                        ? `There is no Webex account for ${email}. Check the address, or choose your account.`
                        : 'Choose your Webex account, or enter your email address.'
                });
            const back = new URL(request.redirectUri);
            back.searchParams.set(
                'code',
                state.oauth.issueCode(request.clientId, request.redirectUri, user, request.scopes)
            );
            if (request.state !== null) back.searchParams.set('state', request.state);
            sendRedirect(ctx.res, back.toString());
        }
    },
    {
        method: 'POST',
        pattern: '/v1/access_token',
        auth: false,
        handle: (ctx, state) => {
            if (!ctx.req.headers['content-type']?.includes('application/x-www-form-urlencoded'))
                return sendOAuthFailure(ctx.res, {
                    status: 400,
                    error: 'invalid_request',
                    description: 'The token request must be application/x-www-form-urlencoded.'
                });
            const form = Object.fromEntries(Object.entries(bodyObject(ctx)).map(([k, v]) => [k, String(v)]));
            const result =
                form.grant_type === 'authorization_code'
                    ? state.oauth.exchangeCode(form)
                    : form.grant_type === 'refresh_token'
                      ? state.oauth.refresh(form)
                      : ({
                            status: 400,
                            error: 'unsupported_grant_type',
                            description: 'grant_type must be authorization_code or refresh_token.'
                        } satisfies OAuthFailure);
            if ('error' in result) return sendOAuthFailure(ctx.res, result);
            sendJson(ctx.res, 200, result);
        }
    }
];
