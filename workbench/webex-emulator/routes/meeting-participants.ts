/**
 * `/v1/meetingParticipants?meetingId=`: who actually joined a held meeting (the host, or an admin,
 * may ask). A series or scheduled meeting id lists the participants of its held instance.
 */
import { badRequest } from '../errors.ts';
import { sendPage } from '../http.ts';
import { participantView } from '../store/meeting-views.ts';
import { webexRoute, type Route } from './route.ts';

function parseTime(name: string, value: string | null): number | undefined {
    if (value === null) return undefined;
    const time = Date.parse(value);
    if (Number.isNaN(time)) throw badRequest(`${name} must be an ISO 8601 date and time.`);
    return time;
}

export const meetingParticipantRoutes: Route[] = [
    webexRoute('GET', '/v1/meetingParticipants', 'meeting:participants_read', (ctx, state, user) => {
        const params = ctx.url.searchParams;
        const meetingId = params.get('meetingId');
        if (!meetingId) throw badRequest('meetingId is required.');
        const actor = state.meetings.actingUser(user, params.get('hostEmail'));
        const ref = state.meetings.hosted(actor, meetingId);
        const from = parseTime('joinTimeFrom', params.get('joinTimeFrom'));
        const to = parseTime('joinTimeTo', params.get('joinTimeTo'));
        const instances = ref.kind === 'instance' ? [ref.instance] : ref.series.instances;
        const items = instances.flatMap((instance) =>
            instance.participants
                .filter((p) => {
                    const joined = Date.parse(p.joinedTime);
                    return (from === undefined || joined >= from) && (to === undefined || joined < to);
                })
                .map((p) => participantView(p, ref.series, instance, state.meetings.site))
        );
        sendPage(ctx, items, 10, 100);
    })
];
