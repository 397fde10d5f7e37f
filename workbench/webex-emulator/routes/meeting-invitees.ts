/** `/v1/meetingInvitees`: who is invited to a meeting (panelists of a webinar have `panelist: true`). */
import { badRequest, notFound } from '../errors.ts';
import { bodyObject, sendJson, sendNoContent, sendPage } from '../http.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';
import type { Invitee, MeetingSeries } from '../store/meeting-model.ts';
import { inviteeView } from '../store/meeting-views.ts';
import { webexRoute, type Route } from './route.ts';

/** An invitee of a meeting the user sees (and hosts, when `hosting`). */
function findInvitee(
    state: EmulatorState,
    user: EmulatedUser,
    inviteeId: string,
    hosting: boolean
): { series: MeetingSeries; invitee: Invitee } {
    const series = state.meetings.series.find((s) => s.invitees.some((i) => i.id === inviteeId));
    if (!series) throw notFound();
    if (hosting) state.meetings.hosted(user, series.id);
    else state.meetings.visible(user, series.id);
    return { series, invitee: series.invitees.find((i) => i.id === inviteeId) as Invitee };
}

const optionalBoolean = (body: Record<string, unknown>, key: string): boolean | undefined => {
    if (body[key] === undefined) return undefined;
    if (typeof body[key] !== 'boolean') throw badRequest(`${key} must be true or false.`);
    return body[key] as boolean;
};

export const meetingInviteeRoutes: Route[] = [
    webexRoute('GET', '/v1/meetingInvitees', 'meeting:schedules_read', (ctx, state, user) => {
        const meetingId = ctx.url.searchParams.get('meetingId');
        if (!meetingId) throw badRequest('meetingId is required.');
        const actor = state.meetings.actingUser(user, ctx.url.searchParams.get('hostEmail'));
        const { series } = state.meetings.visible(actor, meetingId);
        const panelist = ctx.url.searchParams.get('panelist');
        if (panelist !== null && panelist !== 'true' && panelist !== 'false')
            throw badRequest('panelist must be true or false.');
        const invitees = series.invitees.filter((i) => panelist === null || String(i.panelist) === panelist);
        sendPage(ctx, invitees.map(inviteeView), 10, 100);
    }),
    webexRoute('POST', '/v1/meetingInvitees', 'meeting:schedules_write', (ctx, state, user) => {
        const body = bodyObject(ctx);
        if (typeof body.meetingId !== 'string') throw badRequest('meetingId is required.');
        if (typeof body.email !== 'string' || !body.email.includes('@')) throw badRequest('email is required.');
        const actor = state.meetings.actingUser(user, typeof body.hostEmail === 'string' ? body.hostEmail : null);
        const ref = state.meetings.hosted(actor, body.meetingId);
        if (ref.kind === 'instance') throw badRequest('People cannot be invited to a meeting that has happened.');
        const invitee = state.meetings.addInvitee(ref.series, {
            email: body.email,
            ...(typeof body.displayName === 'string' ? { displayName: body.displayName } : {}),
            coHost: optionalBoolean(body, 'coHost'),
            panelist: optionalBoolean(body, 'panelist')
        });
        state.meetings.tell(user, ref.series, 'updated');
        sendJson(ctx.res, 200, inviteeView(invitee));
    }),
    webexRoute('GET', '/v1/meetingInvitees/:meetingInviteeId', 'meeting:schedules_read', (ctx, state, user) => {
        sendJson(ctx.res, 200, inviteeView(findInvitee(state, user, ctx.params.meetingInviteeId, false).invitee));
    }),
    webexRoute('PUT', '/v1/meetingInvitees/:meetingInviteeId', 'meeting:schedules_write', (ctx, state, user) => {
        const { invitee } = findInvitee(state, user, ctx.params.meetingInviteeId, true);
        const body = bodyObject(ctx);
        if (typeof body.email !== 'string' || !body.email.includes('@')) throw badRequest('email is required.');
        invitee.email = body.email;
        if (typeof body.displayName === 'string') invitee.displayName = body.displayName;
        invitee.coHost = optionalBoolean(body, 'coHost') ?? invitee.coHost;
        invitee.panelist = optionalBoolean(body, 'panelist') ?? invitee.panelist;
        sendJson(ctx.res, 200, inviteeView(invitee));
    }),
    webexRoute('DELETE', '/v1/meetingInvitees/:meetingInviteeId', 'meeting:schedules_write', (ctx, state, user) => {
        const { series, invitee } = findInvitee(state, user, ctx.params.meetingInviteeId, true);
        series.invitees = series.invitees.filter((i) => i !== invitee);
        sendNoContent(ctx.res);
    })
];
