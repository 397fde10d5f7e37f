/**
 * `/_emulator/*`: the control API tests and demos use. Not part of Webex: it seeds, inspects and
 * breaks the emulated world.
 */
import { sendError, sendJson, sendNoContent } from '../http.ts';
import type { Fault } from '../state.ts';
import type { Route } from './route.ts';

export const controlRoutes: Route[] = [
    {
        method: 'GET',
        pattern: '/_emulator/users',
        auth: false,
        handle: ({ res }, state) =>
            sendJson(res, 200, {
                items: state.users.map((u) => ({
                    id: u.id,
                    email: u.emails[0],
                    displayName: u.displayName,
                    accessToken: u.accessToken
                }))
            })
    },
    {
        method: 'GET',
        pattern: '/_emulator/webhooks',
        auth: false,
        handle: ({ res }, state) => sendJson(res, 200, { items: state.webhooks })
    },
    {
        method: 'POST',
        pattern: '/_emulator/webhooks/:webhookId/status',
        auth: false,
        handle: ({ res, params, body }, state) => {
            const webhook = state.webhooks.find((w) => w.id === params.webhookId);
            if (!webhook) return sendError(res, 404, 'No such webhook.');
            webhook.status = (body as { status?: string })?.status === 'active' ? 'active' : 'inactive';
            return sendJson(res, 200, webhook);
        }
    },
    {
        method: 'POST',
        pattern: '/_emulator/faults',
        auth: false,
        handle: ({ res, body }, state) => {
            const fault = body as Fault;
            if (!fault || typeof fault.path !== 'string')
                return sendError(
                    res,
                    400,
                    'A fault needs a path, e.g. {"path":"/v1/people/me","status":429,"retryAfter":1,"times":1}.'
                );
            state.faults.push({ ...fault });
            return sendJson(res, 200, { items: state.faults });
        }
    },
    {
        method: 'DELETE',
        pattern: '/_emulator/faults',
        auth: false,
        handle: ({ res }, state) => {
            state.faults = [];
            return sendNoContent(res);
        }
    },
    {
        method: 'GET',
        pattern: '/_emulator/requests',
        auth: false,
        handle: ({ res }, state) => sendJson(res, 200, { items: state.requests })
    },
    {
        method: 'POST',
        pattern: '/_emulator/reset',
        auth: false,
        handle: ({ res }, state) => {
            state.reset();
            return sendNoContent(res);
        }
    }
];
