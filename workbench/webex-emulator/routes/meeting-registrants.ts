/**
 * `/v1/meetings/{meetingId}/registrants`: a webinar's registrants (for lead and campaign imports),
 * on the meeting series id only, as the contract says; register, read and cancel one.
 */
import { randomUUID } from 'node:crypto';
import { badRequest, notFound, WebexError } from '../errors.ts';
import { digits } from '../ids.ts';
import { bodyObject, sendJson, sendNoContent, sendPage } from '../http.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';
import { webexTime, type MeetingSeries, type Registrant } from '../store/meeting-model.ts';
import { registrantView } from '../store/meeting-views.ts';
import { webexRoute, type Route } from './route.ts';

const TEXT_FIELDS = [
    'jobTitle',
    'companyName',
    'address1',
    'address2',
    'city',
    'state',
    'countryRegion',
    'workPhone',
    'fax'
] as const;

/** The series whose registrants the host (or an admin) manages; other ids are refused as Webex does. */
function registrationOf(
    state: EmulatorState,
    user: EmulatedUser,
    meetingId: string,
    hostEmail?: string | null
): MeetingSeries {
    const actor = state.meetings.actingUser(user, hostEmail);
    const ref = state.meetings.hosted(actor, meetingId);
    if (ref.kind !== 'series') throw badRequest('meetingId must be the id of a meeting series.');
    if (!ref.series.registration) throw badRequest('Registration is not enabled for this meeting.');
    return ref.series;
}

function parseTime(name: string, value: string | null): number | undefined {
    if (value === null) return undefined;
    const time = Date.parse(value);
    if (Number.isNaN(time)) throw badRequest(`${name} must be an ISO 8601 date and time.`);
    return time;
}

export const registrantRoutes: Route[] = [
    webexRoute('GET', '/v1/meetings/:meetingId/registrants', 'meeting:schedules_read', (ctx, state, user) => {
        const params = ctx.url.searchParams;
        const series = registrationOf(state, user, ctx.params.meetingId, params.get('hostEmail'));
        const email = params.get('email')?.toLowerCase();
        const from = parseTime('registrationTimeFrom', params.get('registrationTimeFrom'));
        const to = parseTime('registrationTimeTo', params.get('registrationTimeTo'));
        const registrants = series.registrants.filter((r) => {
            const at = Date.parse(r.registrationTime);
            return (
                (!email || r.email.toLowerCase() === email) &&
                (from === undefined || at >= from) &&
                (to === undefined || at < to)
            );
        });
        sendPage(
            ctx,
            registrants.map((r) => registrantView(r)),
            10,
            100
        );
    }),
    webexRoute('POST', '/v1/meetings/:meetingId/registrants', 'meeting:schedules_write', (ctx, state, user) => {
        const series = registrationOf(state, user, ctx.params.meetingId);
        const body = bodyObject(ctx);
        for (const key of ['firstName', 'lastName', 'email'])
            if (typeof body[key] !== 'string' || !(body[key] as string).trim()) throw badRequest(`${key} is required.`);
        const email = String(body.email);
        if (series.registrants.some((r) => r.email.toLowerCase() === email.toLowerCase()))
            throw new WebexError(409, `${email} is already registered.`);
        if (body.zipCode !== undefined && typeof body.zipCode !== 'number')
            throw badRequest('zipCode must be a number.');
        const registrant: Registrant = {
            id: randomUUID(),
            status: series.registration?.autoAcceptRequest === false ? 'pending' : 'approved',
            firstName: String(body.firstName),
            lastName: String(body.lastName),
            email,
            ...Object.fromEntries(TEXT_FIELDS.filter((k) => typeof body[k] === 'string').map((k) => [k, body[k]])),
            ...(typeof body.zipCode === 'number' ? { zipCode: body.zipCode } : {}),
            registrationTime: webexTime(Date.now()),
            registrationId: digits(7)
        };
        series.registrants.push(registrant);
        sendJson(ctx.res, 200, registrantView(registrant, false));
    }),
    webexRoute(
        'GET',
        '/v1/meetings/:meetingId/registrants/:registrantId',
        'meeting:schedules_read',
        (ctx, state, user) => {
            const series = registrationOf(state, user, ctx.params.meetingId);
            const registrant = series.registrants.find((r) => r.id === ctx.params.registrantId);
            if (!registrant) throw notFound();
            sendJson(ctx.res, 200, registrantView(registrant));
        }
    ),
    webexRoute(
        'DELETE',
        '/v1/meetings/:meetingId/registrants/:registrantId',
        'meeting:schedules_write',
        (ctx, state, user) => {
            const series = registrationOf(state, user, ctx.params.meetingId);
            if (!series.registrants.some((r) => r.id === ctx.params.registrantId)) throw notFound();
            series.registrants = series.registrants.filter((r) => r.id !== ctx.params.registrantId);
            sendNoContent(ctx.res);
        }
    )
];
