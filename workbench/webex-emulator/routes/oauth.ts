/**
 * OAuth for integrations: `GET /v1/authorize` (the signed-in user approves at once and the browser is
 * sent back to `redirect_uri` with `code` and `state`) and `POST /v1/access_token` (form-encoded,
 * `authorization_code` and `refresh_token` grants).
 */
import { randomUUID } from 'node:crypto';
import { bodyObject, sendError, sendJson, sendRedirect } from '../http.ts';
import type { OAuthFailure } from '../store/oauth-store.ts';
import type { Route } from './route.ts';

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

export const oauthRoutes: Route[] = [
    {
        method: 'GET',
        pattern: '/v1/authorize',
        auth: false,
        handle: ({ res, url }, state) => {
            const params = url.searchParams;
            const integration = state.oauth.integration(params.get('client_id') ?? undefined);
            // Without a known client and a registered redirect URI there is nobody safe to send the browser to.
            if (!integration) return sendError(res, 400, 'client_id is not the id of a registered integration.');
            const redirectUri = params.get('redirect_uri') ?? '';
            if (!state.oauth.redirectAllowed(integration, redirectUri))
                return sendError(res, 400, 'redirect_uri is not registered for this integration.');
            const clientState = params.get('state');
            if (params.get('response_type') !== 'code')
                return redirectError(
                    res,
                    redirectUri,
                    'unsupported_response_type',
                    'response_type must be code.',
                    clientState
                );
            const scopes = (params.get('scope') ?? '').split(/[\s+]+/).filter(Boolean);
            const unknown = scopes.filter((s) => !integration.scopes.includes(s));
            if (!scopes.length || unknown.length)
                return redirectError(
                    res,
                    redirectUri,
                    'invalid_scope',
                    scopes.length
                        ? `Scopes not registered for this integration: ${unknown.join(' ')}`
                        : 'scope is required.',
                    clientState
                );
            const user = state.oauth.approvingUser(params.get('login_hint'));
            if (!user) return redirectError(res, redirectUri, 'access_denied', 'No such Webex user.', clientState);
            const back = new URL(redirectUri);
            back.searchParams.set('code', state.oauth.issueCode(integration.clientId, redirectUri, user, scopes));
            if (clientState !== null) back.searchParams.set('state', clientState);
            sendRedirect(res, back.toString());
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
