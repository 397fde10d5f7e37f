/**
 * Builds the seeded meetings (seed/meetings.json) relative to today: upcoming and past meetings and
 * webinars, a held instance with its participants where the seed says so, and webinar registrants,
 * listed by hand (people of the sample Salesforce data, for import matching) plus a generated crowd
 * (seed/registrant-pool.json) for imports of a realistic size.
 */
import { digits, hexId, stableUuid } from '../ids.ts';
import { readSeed } from '../seed.ts';
import type { EmulatedUser } from '../state.ts';
import {
    webexTime,
    type Invitee,
    type MeetingInstance,
    type MeetingSeries,
    type MeetingSite,
    type Participant,
    type Registrant,
    type SessionType
} from './meeting-model.ts';

interface SeedParticipant {
    email: string;
    displayName: string;
    joinedAfterMinutes: number;
    leftAfterMinutes: number;
    audio?: 'pstn' | 'voip';
    phoneNumber?: string;
}

type SeedRegistrant = Omit<Registrant, 'id' | 'status' | 'registrationTime' | 'registrationId'>;

interface SeedMeeting {
    key: string;
    title: string;
    scheduledType: 'meeting' | 'webinar';
    sessionTypeId?: number;
    host: string;
    /** Days from today (UTC); negative in the past. */
    day: number;
    utcTime: string;
    durationMinutes: number;
    timezone: string;
    agenda?: string;
    integrationTags?: string[];
    invitees?: Array<{ email: string; displayName: string; coHost?: boolean; panelist?: boolean }>;
    registration?: Record<string, unknown>;
    registrants?: { listed: SeedRegistrant[]; generated: number };
    held?: { participants: SeedParticipant[]; registrantsAttending?: number };
}

interface RegistrantPool {
    firstNames: string[];
    lastNames: string[];
    jobTitles: string[];
    companies: Array<{
        name: string;
        domain: string;
        city: string;
        state?: string;
        zipCode?: number;
        countryRegion: string;
        phonePrefix: string;
    }>;
}

export interface MeetingSeed {
    site: MeetingSite;
    sessionTypes: SessionType[];
    series: MeetingSeries[];
}

const MINUTE = 60_000;

/** The meetings of seed/meetings.json, dated relative to `now`. */
export function seedMeetings(now: number, userByEmail: (email: string) => EmulatedUser | undefined): MeetingSeed {
    const seed = readSeed<{ site: MeetingSite; sessionTypes: SessionType[]; meetings: SeedMeeting[] }>('meetings.json');
    const pool = readSeed<RegistrantPool>('registrant-pool.json');
    const today = new Date(now);
    today.setUTCHours(0, 0, 0, 0);
    const series = seed.meetings.map((meeting) => {
        const host = userByEmail(meeting.host);
        if (!host) throw new Error(`seed/meetings.json names an unknown host: ${meeting.host}`);
        const [hours, minutes] = meeting.utcTime.split(':').map(Number);
        const start = today.getTime() + meeting.day * 24 * 60 * MINUTE + (hours * 60 + minutes) * MINUTE;
        const end = start + meeting.durationMinutes * MINUTE;
        const id = hexId(`meeting:${meeting.key}`);
        const built: MeetingSeries = {
            id,
            meetingNumber: `2${digits(9, `number:${meeting.key}`)}`,
            title: meeting.title,
            ...(meeting.agenda ? { agenda: meeting.agenda } : {}),
            password: `Wx${digits(4, `password:${meeting.key}`)}acme`,
            scheduledType: meeting.scheduledType,
            sessionTypeId: meeting.sessionTypeId ?? 3,
            start: webexTime(start),
            end: webexTime(end),
            timezone: meeting.timezone,
            hostUserId: host.id,
            hostEmail: host.emails[0],
            hostDisplayName: host.displayName,
            hostKey: digits(6, `hostKey:${meeting.key}`),
            orgId: host.orgId,
            integrationTags: meeting.integrationTags ?? [],
            enabledJoinBeforeHost: false,
            joinBeforeHostMinutes: 0,
            enabledAutoRecordMeeting: false,
            ...(meeting.registration ? { registration: meeting.registration } : {}),
            invitees: (meeting.invitees ?? []).map((invitee, index): Invitee => ({
                id: `${id}_${digits(7, `invitee:${meeting.key}:${index}`)}`,
                meetingId: id,
                email: invitee.email,
                displayName: invitee.displayName,
                coHost: invitee.coHost ?? false,
                panelist: invitee.panelist ?? false
            })),
            registrants: [],
            instances: [],
            created: webexTime(Math.min(now, start) - 30 * 24 * 60 * MINUTE)
        };
        if (meeting.registrants) built.registrants = registrants(meeting, built, pool, now);
        if (meeting.held) built.instances = [heldInstance(meeting, built, host)];
        return built;
    });
    return { site: seed.site, sessionTypes: seed.sessionTypes, series };
}

function registrants(meeting: SeedMeeting, series: MeetingSeries, pool: RegistrantPool, now: number): Registrant[] {
    const latest = Math.min(now, Date.parse(series.start)) - 30 * MINUTE;
    const people: SeedRegistrant[] = [...(meeting.registrants?.listed ?? [])];
    const seen = new Set(people.map((p) => p.email));
    // Different webinars draw different (partly overlapping) crowds.
    const offset = Number(digits(3, `crowd:${meeting.key}`));
    for (
        let i = 0;
        people.length < (meeting.registrants?.listed.length ?? 0) + (meeting.registrants?.generated ?? 0);
        i += 1
    ) {
        const n = offset + i;
        const firstName = pool.firstNames[n % pool.firstNames.length];
        const lastName = pool.lastNames[Math.floor(n / pool.firstNames.length) % pool.lastNames.length];
        const company = pool.companies[(n * 7 + 3) % pool.companies.length];
        const email = `${ascii(firstName)}.${ascii(lastName)}@${company.domain}`;
        if (seen.has(email)) continue;
        seen.add(email);
        people.push({
            firstName,
            lastName,
            email,
            jobTitle: pool.jobTitles[(n * 5) % pool.jobTitles.length],
            companyName: company.name,
            city: company.city,
            ...(company.state ? { state: company.state } : {}),
            ...(company.zipCode ? { zipCode: company.zipCode } : {}),
            countryRegion: company.countryRegion,
            workPhone: `${company.phonePrefix}${String(n % 100).padStart(2, '0')}`
        });
    }
    return people.map((person, index) => ({
        id: stableUuid(`registrant:${meeting.key}:${person.email}`),
        // A few wait for approval or were turned down, as on a real webinar.
        status: index % 41 === 40 ? 'rejected' : index % 23 === 22 ? 'pending' : 'approved',
        ...person,
        registrationTime: webexTime(latest - ((index * 37) % (20 * 24 * 60)) * MINUTE),
        registrationId: digits(7, `registration:${meeting.key}:${index}`)
    }));
}

function heldInstance(meeting: SeedMeeting, series: MeetingSeries, host: EmulatedUser): MeetingInstance {
    const start = Date.parse(series.start);
    const duration = meeting.durationMinutes;
    const invited = new Set(series.invitees.map((i) => i.email));
    const participant = (
        who: { email: string; displayName: string },
        joinedAfter: number,
        leftAfter: number,
        role: { host?: boolean; audio?: 'pstn' | 'voip'; phoneNumber?: string } = {}
    ): Participant => {
        const joinedTime = webexTime(start + joinedAfter * MINUTE);
        const leftTime = webexTime(start + leftAfter * MINUTE);
        const audio = role.audio ?? 'voip';
        return {
            id: `${series.id}_${stableUuid(`participant:${meeting.key}:${who.email}`)}`,
            email: who.email,
            displayName: who.displayName,
            host: role.host ?? false,
            coHost: false,
            invitee: invited.has(who.email),
            joinedTime,
            leftTime,
            devices: [
                {
                    correlationId: stableUuid(`device:${meeting.key}:${who.email}`),
                    deviceType: audio === 'pstn' ? 'tp_pstn' : 'webex_meeting_center_mac',
                    audioType: audio,
                    joinedTime,
                    leftTime,
                    durationSecond: (leftAfter - joinedAfter) * 60,
                    ...(audio === 'pstn' ? { callType: 'callIn' as const, phoneNumber: role.phoneNumber } : {})
                }
            ]
        };
    };
    const participants = [
        participant({ email: host.emails[0], displayName: host.displayName }, 0, duration, { host: true }),
        ...(meeting.held?.participants ?? []).map((p) =>
            participant(p, p.joinedAfterMinutes, p.leftAfterMinutes, { audio: p.audio, phoneNumber: p.phoneNumber })
        ),
        ...series.registrants
            .filter((r) => r.status === 'approved')
            .slice(0, meeting.held?.registrantsAttending ?? 0)
            .map((r, i) =>
                participant(
                    { email: r.email, displayName: `${r.firstName} ${r.lastName}` },
                    (i * 3) % 15,
                    duration - ((i * 5) % 20)
                )
            )
    ];
    return {
        id: `${series.id}_I_${digits(18, `instance:${meeting.key}`)}`,
        start: series.start,
        end: series.end,
        participants
    };
}

/** `Zoé` → `zoe`, `O'Brien` → `obrien`: what an email address would use. */
function ascii(name: string): string {
    return name
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .replace(/[^A-Za-z]/g, '')
        .toLowerCase();
}
