/**
 * `/_emulator/*`: the control API tests and demos use. Not part of Webex: it seeds, inspects, tunes
 * and breaks the emulated world. No token needed.
 */
import { badRequest } from '../errors.ts';
import { bodyObject, sendError, sendJson, sendNoContent } from '../http.ts';
import { applySettings } from '../settings.ts';
import type { Fault } from '../state.ts';
import type { Route } from './route.ts';

/** `POST /_emulator/<pattern>` (or another method) without a token. */
function control(method: Route['method'], pattern: string, handle: Route['handle']): Route {
    return { method, pattern, auth: false, handle };
}

export const controlRoutes: Route[] = [
    control('GET', '/_emulator/users', ({ res }, state) =>
        sendJson(res, 200, {
            items: state.users.map((u) => ({
                id: u.id,
                email: u.emails[0],
                displayName: u.displayName,
                type: u.type ?? 'person',
                ...(u.extension ? { extension: u.extension } : {}),
                ...(u.phoneNumbers[0] ? { phoneNumber: u.phoneNumbers[0].value } : {}),
                ...(u.invitePending ? { invitePending: true } : { accessToken: u.accessToken })
            }))
        })
    ),
    control('GET', '/_emulator/webhooks', ({ res }, state) => sendJson(res, 200, { items: state.webhooks })),
    control('POST', '/_emulator/webhooks/:webhookId/status', ({ res, params, body }, state) => {
        const webhook = state.webhooks.find((w) => w.id === params.webhookId);
        if (!webhook) return sendError(res, 404, 'No such webhook.');
        webhook.status = (body as { status?: string })?.status === 'active' ? 'active' : 'inactive';
        if (webhook.status === 'active') state.deliveries.failures.delete(webhook.id);
        return sendJson(res, 200, webhook);
    }),
    // What was POSTed to webhook targets, with status codes, signatures and failure counts.
    control('GET', '/_emulator/deliveries', ({ res, url }, state) => {
        const webhookId = url.searchParams.get('webhookId');
        sendJson(res, 200, {
            items: state.deliveries.records.filter((d) => !webhookId || d.webhookId === webhookId),
            consecutiveFailures: Object.fromEntries(state.deliveries.failures)
        });
    }),
    control('POST', '/_emulator/faults', ({ res, body }, state) => {
        const fault = body as Fault;
        if (!fault || typeof fault.path !== 'string')
            return sendError(
                res,
                400,
                'A fault needs a path, e.g. {"path":"/v1/people/me","status":429,"retryAfter":1,"times":1}.'
            );
        state.faults.push({ ...fault });
        return sendJson(res, 200, { items: state.faults });
    }),
    control('DELETE', '/_emulator/faults', ({ res }, state) => {
        state.faults = [];
        return sendNoContent(res);
    }),
    control('GET', '/_emulator/requests', ({ res }, state) => sendJson(res, 200, { items: state.requests })),
    control('GET', '/_emulator/settings', ({ res }, state) => sendJson(res, 200, state.settings)),
    control('PATCH', '/_emulator/settings', (ctx, state) => {
        const problem = applySettings(state.settings, ctx.body);
        if (problem) throw badRequest(problem);
        sendJson(ctx.res, 200, state.settings);
    }),
    // Ends an issued access or refresh token now, to exercise expiry handling.
    control('POST', '/_emulator/oauth/expire', (ctx, state) => {
        const token = bodyObject(ctx).token;
        if (typeof token !== 'string' || !state.oauth.expire(token))
            throw badRequest('token must be a token issued by /v1/access_token.');
        sendNoContent(ctx.res);
    }),
    control('GET', '/_emulator/integrations', ({ res }, state) =>
        sendJson(res, 200, { items: state.oauth.integrations })
    ),
    control('POST', '/_emulator/integrations', (ctx, state) => {
        const body = bodyObject(ctx);
        const strings = (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string');
        if (typeof body.clientId !== 'string' || typeof body.clientSecret !== 'string')
            throw badRequest('clientId and clientSecret are required.');
        if (!strings(body.redirectUris) || !strings(body.scopes))
            throw badRequest('redirectUris and scopes must be string arrays.');
        const integration = {
            name: typeof body.name === 'string' ? body.name : body.clientId,
            clientId: body.clientId,
            clientSecret: body.clientSecret,
            redirectUris: body.redirectUris as string[],
            scopes: body.scopes as string[]
        };
        state.oauth.integrations = [
            ...state.oauth.integrations.filter((i) => i.clientId !== integration.clientId),
            integration
        ];
        // The redirect URIs added since the seed (the workbench's own page) stay registered.
        state.oauth.addRedirectUris(integration.clientId, []);
        sendJson(ctx.res, 200, integration);
    }),
    control('POST', '/_emulator/reset', ({ res }, state) => {
        state.reset();
        return sendNoContent(res);
    })
];
