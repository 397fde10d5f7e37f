/**
 * `/v1/meetings`: list (with the contract's `meetingType`, `from`/`to`, `state`, `scheduledType`,
 * `integrationTag`... filters), schedule meetings and webinars, read, update and cancel them; and
 * `/v1/meetings/sessionTypes`, where a webinar's `sessionTypeId` comes from.
 */
import { bodyObject, sendJson, sendNoContent, sendPage } from '../http.ts';
import type { MeetingQuery } from '../store/meeting-store.ts';
import { webexRoute, type Route } from './route.ts';

const LIST_PARAMETERS = [
    'meetingNumber',
    'webLink',
    'roomId',
    'meetingSeriesId',
    'from',
    'to',
    'meetingType',
    'state',
    'scheduledType',
    'integrationTag',
    'current',
    'hostEmail'
] as const;

export const meetingRoutes: Route[] = [
    webexRoute('GET', '/v1/meetings/sessionTypes', 'meeting:schedules_read', (ctx, state, user) => {
        state.meetings.actingUser(user, ctx.url.searchParams.get('hostEmail'));
        sendPage(ctx, state.meetings.sessionTypes, 100, 100);
    }),
    webexRoute('GET', '/v1/meetings', 'meeting:schedules_read', (ctx, state, user) => {
        const query: MeetingQuery = {};
        for (const name of LIST_PARAMETERS) {
            const value = ctx.url.searchParams.get(name);
            if (value !== null) query[name] = value;
        }
        sendPage(ctx, state.meetings.list(user, query), 10, 100);
    }),
    webexRoute('POST', '/v1/meetings', 'meeting:schedules_write', (ctx, state, user) => {
        const series = state.meetings.create(user, bodyObject(ctx));
        sendJson(ctx.res, 200, state.meetings.view({ kind: 'series', series }, 'single'));
    }),
    webexRoute('GET', '/v1/meetings/:meetingId', 'meeting:schedules_read', (ctx, state, user) => {
        const actor = state.meetings.actingUser(user, ctx.url.searchParams.get('hostEmail'));
        const ref = state.meetings.visible(actor, ctx.params.meetingId);
        // `current=true` on a series answers its scheduled meeting.
        const current = ctx.url.searchParams.get('current') === 'true' && ref.kind === 'series';
        sendJson(
            ctx.res,
            200,
            state.meetings.view(current ? { kind: 'scheduled', series: ref.series } : ref, 'single')
        );
    }),
    ...(['PUT', 'PATCH'] as const).map((method) =>
        webexRoute(method, '/v1/meetings/:meetingId', 'meeting:schedules_write', (ctx, state, user) => {
            const ref = state.meetings.update(user, ctx.params.meetingId, bodyObject(ctx));
            // The contract answers an update with the list item shape (`MeetingObjectForListMeeting`).
            sendJson(ctx.res, 200, state.meetings.view(ref, 'list'));
        })
    ),
    webexRoute('DELETE', '/v1/meetings/:meetingId', 'meeting:schedules_write', (ctx, state, user) => {
        state.meetings.delete(user, ctx.params.meetingId);
        sendNoContent(ctx.res);
    })
];
