/**
 * Meetings and webinars: who sees which, how `GET /meetings` filters and defaults its time window
 * (as the contract's description spells out), and scheduling, updating and deleting, each told to
 * the host's `meetings` webhooks.
 */
import { badRequest, notFound, WebexError } from '../errors.ts';
import { digits, hexId } from '../ids.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';
import { readMeetingFields } from './meeting-input.ts';
import {
    scheduledMeetingId,
    type Invitee,
    type MeetingRef,
    type MeetingSeries,
    type MeetingSite,
    type SessionType
} from './meeting-model.ts';
import { seedMeetings } from './meeting-seed.ts';
import {
    instanceView,
    scheduledState,
    scheduledView,
    seriesState,
    seriesView,
    type MeetingShape
} from './meeting-views.ts';

const DAY = 24 * 60 * 60_000;
const MEETING_TYPES = ['meetingSeries', 'scheduledMeeting', 'meeting'];
const STATES = ['active', 'scheduled', 'ready', 'lobby', 'inProgress', 'ended', 'missed', 'expired'];
const SCHEDULED_TYPES = ['meeting', 'webinar', 'personalRoomMeeting'];

/** The query parameters of `GET /meetings` the emulator understands. */
export type MeetingQuery = Partial<
    Record<
        | 'meetingNumber'
        | 'webLink'
        | 'roomId'
        | 'meetingSeriesId'
        | 'from'
        | 'to'
        | 'meetingType'
        | 'state'
        | 'scheduledType'
        | 'integrationTag'
        | 'current'
        | 'hostEmail',
        string
    >
>;

export class MeetingStore {
    series: MeetingSeries[] = [];
    site: MeetingSite = { siteUrl: '', callInNumbers: [] };
    sessionTypes: SessionType[] = [];
    private readonly world: EmulatorState;

    constructor(world: EmulatorState) {
        this.world = world;
    }

    reset(now = Date.now()): void {
        const seed = seedMeetings(now, (email) => this.world.userByEmail(email));
        this.series = seed.series;
        this.site = seed.site;
        this.sessionTypes = seed.sessionTypes;
    }

    // ----- who and which -------------------------------------------------------------------

    /** The series, scheduled meeting or held instance an id names. */
    resolve(meetingId: string): MeetingRef | undefined {
        const seriesId = meetingId.split('_')[0];
        const series = this.series.find((s) => s.id === seriesId);
        if (!series) return undefined;
        if (meetingId === series.id) return { kind: 'series', series };
        if (meetingId === scheduledMeetingId(series)) return { kind: 'scheduled', series };
        const instance = series.instances.find((i) => i.id === meetingId);
        return instance ? { kind: 'instance', series, instance } : undefined;
    }

    isHost(user: EmulatedUser, series: MeetingSeries): boolean {
        return series.hostUserId === user.id;
    }

    /** The meetings a user's lists show: those they host or are invited to. */
    involves(user: EmulatedUser, series: MeetingSeries): boolean {
        const emails = user.emails.map((e) => e.toLowerCase());
        return this.isHost(user, series) || series.invitees.some((i) => emails.includes(i.email.toLowerCase()));
    }

    /** Hosts and invitees see a meeting; so do admins of the host's org (who list only with `hostEmail`). */
    canSee(user: EmulatedUser, series: MeetingSeries): boolean {
        return this.involves(user, series) || (isAdmin(user) && user.orgId === series.orgId);
    }

    /** The user a request acts as: an admin may name a host with `hostEmail`. */
    actingUser(user: EmulatedUser, hostEmail: string | undefined | null): EmulatedUser {
        if (!hostEmail) return user;
        if (!isAdmin(user)) throw new WebexError(403, 'hostEmail can only be used with admin-level scopes.');
        const host = this.world.userByEmail(hostEmail);
        if (!host || host.orgId !== user.orgId)
            throw badRequest(`No user of your organization has the email ${hostEmail}.`);
        return host;
    }

    /** A meeting the user may see, or 404. */
    visible(user: EmulatedUser, meetingId: string): MeetingRef {
        const ref = this.resolve(meetingId);
        if (!ref || !this.canSee(user, ref.series)) throw notFound();
        return ref;
    }

    /** A meeting the user hosts (or administers); an invitee gets 403, a stranger 404. */
    hosted(user: EmulatedUser, meetingId: string): MeetingRef {
        const ref = this.visible(user, meetingId);
        if (!this.isHost(user, ref.series) && !isAdmin(user))
            throw new WebexError(403, 'Only the host of the meeting can do this.');
        return ref;
    }

    view(ref: MeetingRef, shape: MeetingShape): Record<string, unknown> {
        if (ref.kind === 'series') return seriesView(ref.series, this.site, shape);
        if (ref.kind === 'scheduled') return scheduledView(ref.series, this.site, shape);
        return instanceView(ref.series, ref.instance, this.site, shape);
    }

    // ----- listing -------------------------------------------------------------------------

    /** `GET /meetings`: what the user hosts or is invited to, filtered as the contract describes. */
    list(user: EmulatedUser, query: MeetingQuery): Record<string, unknown>[] {
        const actor = this.actingUser(user, query.hostEmail);
        const mine = this.series.filter((s) => this.involves(actor, s));
        const exclusive = ['meetingNumber', 'webLink', 'roomId'].filter((k) => query[k as keyof MeetingQuery]);
        if (exclusive.length > 1) throw badRequest('meetingNumber, webLink and roomId are mutually exclusive.');
        checkEnum('meetingType', query.meetingType, MEETING_TYPES);
        checkEnum('state', query.state, STATES);
        checkEnum('scheduledType', query.scheduledType, SCHEDULED_TYPES);

        if (query.meetingSeriesId) {
            const series = mine.find((s) => s.id === query.meetingSeriesId);
            if (!series) return [];
            const refs: MeetingRef[] = [];
            if (query.meetingType !== 'meeting') refs.push({ kind: 'scheduled', series });
            if (query.meetingType !== 'scheduledMeeting')
                refs.push(...series.instances.map((instance) => ({ kind: 'instance' as const, series, instance })));
            return refs.map((ref) => this.view(ref, 'list'));
        }
        if (query.meetingNumber || query.webLink) {
            const current = query.current !== 'false';
            return mine
                .filter((s) =>
                    query.meetingNumber
                        ? s.meetingNumber === query.meetingNumber.replace(/\s/g, '')
                        : (seriesView(s, this.site, 'list').webLink as string) === query.webLink
                )
                .map((series) =>
                    this.view(
                        { kind: current && seriesState(series) === 'active' ? 'scheduled' : 'series', series },
                        'list'
                    )
                );
        }
        if (query.roomId) return [];

        const type = query.meetingType ?? 'meetingSeries';
        const { from, to } = window(type, query.from, query.to);
        const refs: MeetingRef[] = [];
        for (const series of mine) {
            if (query.integrationTag && !series.integrationTags.includes(query.integrationTag)) continue;
            if (query.scheduledType && series.scheduledType !== query.scheduledType) continue;
            const start = Date.parse(series.start);
            if (type === 'meetingSeries') {
                if (start < to && Date.parse(series.end) > from) refs.push({ kind: 'series', series });
            } else if (type === 'scheduledMeeting') {
                if (start >= from && start < to) refs.push({ kind: 'scheduled', series });
            } else {
                for (const instance of series.instances) {
                    const at = Date.parse(instance.start);
                    if (at >= from && at < to) refs.push({ kind: 'instance', series, instance });
                }
            }
        }
        return refs
            .filter((ref) => !query.state || stateOf(ref) === query.state)
            .sort((a, b) => Date.parse(startOf(a)) - Date.parse(startOf(b)))
            .map((ref) => this.view(ref, 'list'));
    }

    // ----- changes -------------------------------------------------------------------------

    create(user: EmulatedUser, body: Record<string, unknown>): MeetingSeries {
        const fields = readMeetingFields(body, true);
        const host = this.actingUser(user, fields.hostEmail);
        if (fields.sessionTypeId !== undefined) {
            const type = this.sessionTypes.find((t) => Number(t.id) === fields.sessionTypeId);
            const wanted = fields.scheduledType ?? 'meeting';
            if (!type || type.type !== wanted)
                throw badRequest(`sessionTypeId ${fields.sessionTypeId} is not a ${wanted} session type of this site.`);
        }
        const id = hexId();
        const series: MeetingSeries = {
            id,
            meetingNumber: `2${digits(9)}`,
            title: fields.title as string,
            ...(fields.agenda ? { agenda: fields.agenda } : {}),
            password: fields.password ?? `Wx${digits(4)}acme`,
            scheduledType: fields.scheduledType ?? 'meeting',
            sessionTypeId: fields.sessionTypeId ?? 3,
            start: fields.start as string,
            end: fields.end as string,
            timezone: fields.timezone ?? 'UTC',
            hostUserId: host.id,
            hostEmail: host.emails[0],
            hostDisplayName: host.displayName,
            hostKey: digits(6),
            orgId: host.orgId,
            integrationTags: fields.integrationTags ?? [],
            enabledJoinBeforeHost: fields.enabledJoinBeforeHost ?? false,
            joinBeforeHostMinutes: fields.joinBeforeHostMinutes ?? 0,
            enabledAutoRecordMeeting: fields.enabledAutoRecordMeeting ?? false,
            ...(fields.registration ? { registration: fields.registration } : {}),
            invitees: [],
            registrants: [],
            instances: [],
            created: new Date().toISOString()
        };
        for (const invitee of fields.invitees ?? []) this.addInvitee(series, invitee);
        this.series.push(series);
        this.tell(user, series, 'created');
        return series;
    }

    /** PUT and PATCH: a series or its scheduled meeting (the same thing here); never a held instance. */
    update(user: EmulatedUser, meetingId: string, body: Record<string, unknown>): MeetingRef {
        const ref = this.hosted(user, meetingId);
        if (ref.kind === 'instance') throw badRequest('An ended or in-progress meeting instance cannot be updated.');
        const fields = readMeetingFields(body, false, ref.series);
        const { series } = ref;
        for (const key of [
            'title',
            'agenda',
            'password',
            'start',
            'end',
            'timezone',
            'integrationTags',
            'enabledJoinBeforeHost',
            'joinBeforeHostMinutes',
            'enabledAutoRecordMeeting',
            'registration'
        ] as const) {
            if (fields[key] !== undefined) (series as unknown as Record<string, unknown>)[key] = fields[key];
        }
        this.tell(user, series, 'updated');
        // A new start makes a new scheduled meeting id.
        return ref.kind === 'scheduled' ? { kind: 'scheduled', series } : ref;
    }

    delete(user: EmulatedUser, meetingId: string): void {
        const ref = this.hosted(user, meetingId);
        if (ref.kind === 'instance') throw badRequest('An ended or in-progress meeting instance cannot be deleted.');
        this.series = this.series.filter((s) => s !== ref.series);
        this.tell(user, ref.series, 'deleted');
    }

    addInvitee(
        series: MeetingSeries,
        input: { email: string; displayName?: string; coHost?: boolean; panelist?: boolean }
    ): Invitee {
        if (series.invitees.some((i) => i.email.toLowerCase() === input.email.toLowerCase()))
            throw new WebexError(409, `${input.email} is already invited to the meeting.`);
        const known = this.world.userByEmail(input.email);
        const invitee: Invitee = {
            id: `${series.id}_${digits(7)}`,
            meetingId: series.id,
            email: input.email,
            displayName: input.displayName ?? known?.displayName ?? input.email,
            coHost: input.coHost ?? false,
            panelist: input.panelist ?? false
        };
        series.invitees.push(invitee);
        return invitee;
    }

    /** Tells the host's webhooks (and the org's) about a change to their meeting. */
    tell(user: EmulatedUser, series: MeetingSeries, event: 'created' | 'updated' | 'deleted'): void {
        this.world.emit({
            resource: 'meetings',
            event,
            actorId: user.id,
            orgId: series.orgId,
            audience: [series.hostUserId],
            data: seriesView(series, this.site, 'single')
        });
    }
}

function isAdmin(user: EmulatedUser): boolean {
    return user.roles.includes('full_admin');
}

function checkEnum(name: string, value: string | undefined, allowed: string[]): void {
    if (value !== undefined && !allowed.includes(value))
        throw badRequest(`${name} must be one of ${allowed.join(', ')}.`);
}

function parseTime(name: string, value: string): number {
    const time = Date.parse(value);
    if (Number.isNaN(time)) throw badRequest(`${name} must be an ISO 8601 date and time.`);
    return time;
}

/**
 * The `from`/`to` window with the contract's defaults: series and scheduled meetings look ahead
 * 7 days from now, held meetings look back 7 days; either bound alone gives the other ±7 days.
 */
function window(type: string, fromParam?: string, toParam?: string): { from: number; to: number } {
    const now = Date.now();
    let from = fromParam ? parseTime('from', fromParam) : undefined;
    let to = toParam ? parseTime('to', toParam) : undefined;
    if (from === undefined && to === undefined) {
        if (type === 'meeting') [from, to] = [now - 7 * DAY, now];
        else [from, to] = [now, now + 7 * DAY];
    }
    from ??= (to as number) - 7 * DAY;
    to ??= from + 7 * DAY;
    if (from > to) throw badRequest('from cannot be after to.');
    return { from, to };
}

function stateOf(ref: MeetingRef): string {
    if (ref.kind === 'series') return seriesState(ref.series);
    if (ref.kind === 'scheduled') return scheduledState(ref.series);
    return Date.parse(ref.instance.end) > Date.now() ? 'inProgress' : 'ended';
}

function startOf(ref: MeetingRef): string {
    return ref.kind === 'instance' ? ref.instance.start : ref.series.start;
}
