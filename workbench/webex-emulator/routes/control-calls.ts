/**
 * `/_emulator/calls/*`: the far end of calls. Ring a user (`inbound`), then have the caller give up
 * (`miss`), hang up, or answer an outgoing call; the user's side goes through the REST call control.
 */
import { badRequest } from '../errors.ts';
import { bodyObject, sendJson } from '../http.ts';
import { callView } from '../store/call-model.ts';
import type { Route } from './route.ts';

export const controlCallRoutes: Route[] = [
    {
        method: 'GET',
        pattern: '/_emulator/calls',
        auth: false,
        handle: ({ res }, state) =>
            sendJson(res, 200, { items: state.calls.legs.map((leg) => ({ ...callView(leg), ownerId: leg.ownerId })) })
    },
    {
        method: 'POST',
        pattern: '/_emulator/calls/inbound',
        auth: false,
        handle: (ctx, state) => {
            const body = bodyObject(ctx);
            if (typeof body.to !== 'string' || typeof body.from !== 'string')
                throw badRequest(
                    'An inbound call needs {"to": "<user email>", "from": "<number>", "name"?: "<caller name>"}.'
                );
            if (body.name !== undefined && typeof body.name !== 'string') throw badRequest('name must be a string.');
            const ringTimeoutMs = body.ringTimeoutMs;
            if (
                ringTimeoutMs !== undefined &&
                ringTimeoutMs !== null &&
                (typeof ringTimeoutMs !== 'number' || ringTimeoutMs < 0)
            )
                throw badRequest('ringTimeoutMs must be a number of milliseconds or null.');
            const leg = state.calls.inbound({
                to: body.to,
                from: body.from,
                ...(body.name ? { name: body.name as string } : {}),
                ...(ringTimeoutMs !== undefined ? { ringTimeoutMs: ringTimeoutMs as number | null } : {})
            });
            sendJson(ctx.res, 200, { ...callView(leg), ownerId: leg.ownerId });
        }
    },
    ...(['answer', 'hangup', 'miss'] as const).map((action): Route => ({
        method: 'POST',
        pattern: `/_emulator/calls/:callId/${action}`,
        auth: false,
        handle: (ctx, state) => {
            const { callId } = ctx.params;
            const leg =
                action === 'answer'
                    ? state.calls.remoteAnswer(callId)
                    : action === 'hangup'
                      ? state.calls.remoteHangup(callId)
                      : state.calls.miss(callId);
            sendJson(ctx.res, 200, { ...callView(leg), ownerId: leg.ownerId });
        }
    }))
];
