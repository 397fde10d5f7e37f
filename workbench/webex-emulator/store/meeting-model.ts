/** The emulated meetings' data: one-occurrence series, their invitees, registrants and held instances. */

export interface Invitee {
    id: string;
    /** The series the invitee belongs to. */
    meetingId: string;
    email: string;
    displayName: string;
    coHost: boolean;
    panelist: boolean;
}

/** A webinar registrant, with the fields of the contract's `Registrant`. */
export interface Registrant {
    id: string;
    status: 'approved' | 'pending' | 'rejected';
    firstName: string;
    lastName: string;
    email: string;
    jobTitle?: string;
    companyName?: string;
    address1?: string;
    address2?: string;
    city?: string;
    state?: string;
    /** A number in the contract. */
    zipCode?: number;
    countryRegion?: string;
    workPhone?: string;
    fax?: string;
    registrationTime: string;
    registrationId: string;
}

export interface ParticipantDevice {
    correlationId: string;
    deviceType: string;
    audioType: 'pstn' | 'voip' | 'inactive';
    joinedTime: string;
    leftTime: string;
    durationSecond: number;
    callType?: 'callIn' | 'callBack';
    phoneNumber?: string;
}

/** Someone who joined a held meeting, as `GET /meetingParticipants` lists them. */
export interface Participant {
    id: string;
    email: string;
    displayName: string;
    host: boolean;
    coHost: boolean;
    invitee: boolean;
    joinedTime: string;
    leftTime: string;
    devices: ParticipantDevice[];
}

/** A meeting that happened (or is happening): `meetingType: meeting`. */
export interface MeetingInstance {
    id: string;
    start: string;
    end: string;
    participants: Participant[];
}

/**
 * A meeting series. The emulator schedules no recurrences, so a series has one scheduled meeting
 * (`<seriesId>_<yyyymmddThhmmssZ>`) and at most one held instance (`<seriesId>_I_<digits>`).
 */
export interface MeetingSeries {
    id: string;
    meetingNumber: string;
    title: string;
    agenda?: string;
    password: string;
    scheduledType: 'meeting' | 'webinar';
    sessionTypeId: number;
    start: string;
    end: string;
    timezone: string;
    hostUserId: string;
    hostEmail: string;
    hostDisplayName: string;
    hostKey: string;
    orgId: string;
    integrationTags: string[];
    enabledJoinBeforeHost: boolean;
    joinBeforeHostMinutes: number;
    enabledAutoRecordMeeting: boolean;
    registration?: Record<string, unknown>;
    invitees: Invitee[];
    registrants: Registrant[];
    instances: MeetingInstance[];
    created: string;
}

/** Which view of a series an id names. */
export type MeetingRef =
    | { kind: 'series'; series: MeetingSeries }
    | { kind: 'scheduled'; series: MeetingSeries }
    | { kind: 'instance'; series: MeetingSeries; instance: MeetingInstance };

/** The site every emulated meeting lives on. */
export interface MeetingSite {
    siteUrl: string;
    callInNumbers: Array<{ label: string; callInNumber: string; tollType: 'toll' | 'tollFree' }>;
}

export interface SessionType {
    id: string;
    name: string;
    type: 'meeting' | 'webinar' | 'privateMeeting';
    attendeesCapacity: number;
}

/** `2027-03-01T16:00:00Z`: Webex's timestamps, to the second. */
export function webexTime(date: Date | number | string): string {
    return new Date(date).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The scheduled meeting's id: the series id and its start, `_20270301T160000Z`. */
export function scheduledMeetingId(series: MeetingSeries): string {
    return `${series.id}_${webexTime(series.start).replace(/[-:]/g, '')}`;
}
