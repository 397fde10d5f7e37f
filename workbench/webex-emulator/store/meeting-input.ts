/**
 * The rules Webex applies to a meeting's create or update body (contract `POST|PUT|PATCH /meetings`):
 * title length, start not in the past, 10 minutes to 23 h 59 of duration, at most 3 integration tags
 * of 64 characters, at most 1,000 invitees, and a session type for webinars.
 */
import { badRequest } from '../errors.ts';
import { webexTime } from './meeting-model.ts';

const MINUTE = 60_000;

export interface MeetingFields {
    title?: string;
    agenda?: string;
    password?: string;
    start?: string;
    end?: string;
    timezone?: string;
    scheduledType?: 'meeting' | 'webinar';
    sessionTypeId?: number;
    integrationTags?: string[];
    enabledJoinBeforeHost?: boolean;
    joinBeforeHostMinutes?: number;
    enabledAutoRecordMeeting?: boolean;
    registration?: Record<string, unknown>;
    invitees?: Array<{ email: string; displayName?: string; coHost?: boolean; panelist?: boolean }>;
    hostEmail?: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
    Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/**
 * Webex schedules to the minute: seconds are dropped, and a start within the current minute moves to
 * the next one.
 */
function toMinute(value: unknown, field: string): number {
    const time = typeof value === 'string' ? Date.parse(value) : NaN;
    if (Number.isNaN(time)) throw badRequest(`${field} must be an ISO 8601 date and time.`);
    return Math.floor(time / MINUTE) * MINUTE;
}

/** Reads and checks a meeting body; `existing` gives the current start and end for partial updates. */
export function readMeetingFields(
    body: Record<string, unknown>,
    creating: boolean,
    existing?: { start: string; end: string; scheduledType: 'meeting' | 'webinar' }
): MeetingFields {
    const fields: MeetingFields = {};
    if (creating || body.title !== undefined) {
        if (typeof body.title !== 'string' || !body.title.trim()) throw badRequest('title is required.');
        if (body.title.length > 128) throw badRequest('title can be at most 128 characters long.');
        fields.title = body.title;
    }
    for (const key of ['agenda', 'password', 'timezone', 'hostEmail'] as const) {
        if (body[key] === undefined) continue;
        if (typeof body[key] !== 'string') throw badRequest(`${key} must be a string.`);
        fields[key] = body[key] as string;
    }
    if (fields.agenda && fields.agenda.length > 1300) throw badRequest('agenda can be at most 1300 characters long.');
    if (fields.timezone && !isTimeZone(fields.timezone)) throw badRequest(`timezone ${fields.timezone} is unknown.`);

    if (creating || body.start !== undefined || body.end !== undefined) {
        if (creating && (body.start === undefined || body.end === undefined))
            throw badRequest('start and end are required.');
        const now = Date.now();
        let start = body.start !== undefined ? toMinute(body.start, 'start') : Date.parse(existing?.start ?? '');
        const end = body.end !== undefined ? toMinute(body.end, 'end') : Date.parse(existing?.end ?? '');
        if (body.start !== undefined) {
            if (start < Math.floor(now / MINUTE) * MINUTE)
                throw badRequest('start cannot be before the current date and time.');
            if (start < now) start += MINUTE;
        }
        if (end <= start) throw badRequest('end must be after start.');
        const duration = (end - start) / MINUTE;
        if (duration < 10 || duration > 23 * 60 + 59)
            throw badRequest('The duration between start and end must be between 10 minutes and 23 hours 59 minutes.');
        fields.start = webexTime(start);
        fields.end = webexTime(end);
    }

    if (creating && body.scheduledType !== undefined) {
        if (body.scheduledType !== 'meeting' && body.scheduledType !== 'webinar')
            throw badRequest('scheduledType must be meeting or webinar (personal room meetings are not emulated).');
        fields.scheduledType = body.scheduledType;
    }
    if (body.sessionTypeId !== undefined) {
        if (typeof body.sessionTypeId !== 'number') throw badRequest('sessionTypeId must be a number.');
        fields.sessionTypeId = body.sessionTypeId;
    }
    const webinar = (fields.scheduledType ?? existing?.scheduledType) === 'webinar';
    if (creating && webinar && fields.sessionTypeId === undefined)
        throw badRequest('sessionTypeId is required when scheduling a webinar (GET /meetings/sessionTypes).');

    if (body.integrationTags !== undefined) {
        const tags = body.integrationTags;
        if (!Array.isArray(tags) || tags.some((t) => typeof t !== 'string'))
            throw badRequest('integrationTags must be an array of strings.');
        if (tags.length > 3) throw badRequest('integrationTags can hold at most 3 tags.');
        if (tags.some((t: string) => t.length > 64))
            throw badRequest('Each integration tag can be at most 64 characters long.');
        fields.integrationTags = tags as string[];
    }
    for (const key of ['enabledJoinBeforeHost', 'enabledAutoRecordMeeting'] as const) {
        if (body[key] === undefined) continue;
        if (typeof body[key] !== 'boolean') throw badRequest(`${key} must be a boolean.`);
        fields[key] = body[key] as boolean;
    }
    if (body.joinBeforeHostMinutes !== undefined) {
        if (![0, 5, 10, 15].includes(body.joinBeforeHostMinutes as number))
            throw badRequest('joinBeforeHostMinutes must be 0, 5, 10 or 15.');
        fields.joinBeforeHostMinutes = body.joinBeforeHostMinutes as number;
    }
    if (body.registration !== undefined) {
        if (!isObject(body.registration)) throw badRequest('registration must be an object.');
        fields.registration = body.registration;
    }
    if (creating && body.invitees !== undefined) {
        if (!Array.isArray(body.invitees)) throw badRequest('invitees must be an array.');
        if (body.invitees.length > 1000) throw badRequest('A meeting can have at most 1000 invitees.');
        fields.invitees = body.invitees.map((invitee: unknown, index: number) => {
            if (!isObject(invitee) || typeof invitee.email !== 'string' || !invitee.email.includes('@'))
                throw badRequest(`invitees[${index}].email is required.`);
            return {
                email: invitee.email,
                ...(typeof invitee.displayName === 'string' ? { displayName: invitee.displayName } : {}),
                coHost: invitee.coHost === true,
                panelist: invitee.panelist === true
            };
        });
    }
    return fields;
}

function isTimeZone(zone: string): boolean {
    try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
    } catch {
        return false;
    }
}
