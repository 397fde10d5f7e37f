/**
 * `/v1/telephony/calls`: Webex Calling call control for the token's user, with the endpoints and
 * field names of docs/WEBEX-API-NOTES.md §2.5 (dial, answer, reject, hang up, hold, resume, mute,
 * unmute, list, details, history). Every transition is also a `telephony_calls` webhook.
 */
import { badRequest } from '../errors.ts';
import { bodyObject, sendJson, sendNoContent, sendPage, type RequestContext } from '../http.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';
import { callView } from '../store/call-model.ts';
import { webexRoute, type Route } from './route.ts';

/** Secondary lines are not emulated: a `lineOwnerId` may only name the user. */
function checkLineOwner(ctx: RequestContext, user: EmulatedUser): void {
    const lineOwnerId = ctx.url.searchParams.get('lineOwnerId') ?? bodyObject(ctx).lineOwnerId;
    if (lineOwnerId !== undefined && lineOwnerId !== null && lineOwnerId !== user.id)
        throw badRequest('lineOwnerId: the emulator has no secondary lines.');
}

/** A `POST /telephony/calls/<action>` that takes a `callId` and answers 204. */
function command(
    action: string,
    run: (state: EmulatorState, user: EmulatedUser, body: Record<string, unknown>) => void
): Route {
    return webexRoute('POST', `/v1/telephony/calls/${action}`, 'spark:calls_write', (ctx, state, user) => {
        checkLineOwner(ctx, user);
        run(state, user, bodyObject(ctx));
        sendNoContent(ctx.res);
    });
}

export const telephonyRoutes: Route[] = [
    webexRoute('GET', '/v1/telephony/calls', 'spark:calls_read', (ctx, state, user) => {
        checkLineOwner(ctx, user);
        sendPage(ctx, state.calls.activeCalls(user).map(callView), 100, 100);
    }),
    webexRoute('GET', '/v1/telephony/calls/history', 'spark:calls_read', (ctx, state, user) => {
        sendPage(ctx, state.calls.historyOf(user, ctx.url.searchParams.get('type')), 100, 100);
    }),
    webexRoute('GET', '/v1/telephony/calls/:callId', 'spark:calls_read', (ctx, state, user) => {
        checkLineOwner(ctx, user);
        sendJson(ctx.res, 200, callView(state.calls.owned(user, ctx.params.callId)));
    }),
    webexRoute('POST', '/v1/telephony/calls/dial', 'spark:calls_write', (ctx, state, user) => {
        checkLineOwner(ctx, user);
        const leg = state.calls.dial(user, bodyObject(ctx).destination);
        sendJson(ctx.res, 201, { callId: leg.id, callSessionId: leg.callSessionId });
    }),
    command('answer', (state, user, body) => state.calls.answer(user, body.callId)),
    command('reject', (state, user, body) => state.calls.reject(user, body.callId, body.action)),
    command('hangup', (state, user, body) => state.calls.hangup(user, body.callId)),
    command('hold', (state, user, body) => state.calls.hold(user, body.callId)),
    command('resume', (state, user, body) => state.calls.resume(user, body.callId)),
    command('mute', (state, user, body) => state.calls.setMuted(user, body.callId, true)),
    command('unmute', (state, user, body) => state.calls.setMuted(user, body.callId, false))
];
