/**
 * Meetings as the contract shapes them: a series (`meetingSeries`), its scheduled meeting
 * (`scheduledMeeting`) and a held instance (`meeting`), plus invitees, registrants and participants.
 * List items carry `meetingSeriesId`; single objects do not (the contract's `MeetingSeriesObject`).
 */
import {
    scheduledMeetingId,
    webexTime,
    type Invitee,
    type MeetingInstance,
    type MeetingSeries,
    type MeetingSite,
    type Participant,
    type Registrant
} from './meeting-model.ts';

/** Minutes before the start from which a scheduled meeting is `ready` to join. */
const READY_MINUTES = 15;

export type MeetingShape = 'list' | 'single';

function siteName(site: MeetingSite): string {
    return site.siteUrl.split('.')[0];
}

/** What every view of a series shares (`registerLink` only in single objects, as in the contract). */
function common(series: MeetingSeries, site: MeetingSite, shape: MeetingShape): Record<string, unknown> {
    const webinar = series.scheduledType === 'webinar';
    const base = `https://${site.siteUrl}/${siteName(site)}`;
    return {
        meetingNumber: series.meetingNumber,
        title: series.title,
        ...(series.agenda ? { agenda: series.agenda } : {}),
        password: series.password,
        timezone: series.timezone,
        hostUserId: series.hostUserId,
        hostDisplayName: series.hostDisplayName,
        hostEmail: series.hostEmail,
        hostKey: series.hostKey,
        siteUrl: site.siteUrl,
        webLink: `${base}/j.php?MTID=m${series.id}`,
        ...(webinar && shape === 'single' ? { registerLink: `${base}/j.php?RGID=r${series.id}` } : {}),
        sipAddress: `${series.meetingNumber}@${site.siteUrl}`,
        dialInIpAddress: '192.0.2.10',
        enabledAutoRecordMeeting: series.enabledAutoRecordMeeting,
        allowAnyUserToBeCoHost: false,
        enabledJoinBeforeHost: series.enabledJoinBeforeHost,
        enableConnectAudioBeforeHost: false,
        joinBeforeHostMinutes: series.joinBeforeHostMinutes,
        excludePassword: false,
        publicMeeting: false,
        reminderTime: 15,
        sessionTypeId: series.sessionTypeId,
        scheduledType: series.scheduledType,
        ...(webinar ? { enabledWebcastView: false, panelistPassword: `${series.password}P` } : {}),
        telephony: {
            accessCode: series.meetingNumber,
            callInNumbers: site.callInNumbers,
            links: [
                {
                    rel: 'globalCallinNumbers',
                    href: `/v1/meetings/${series.id}/globalCallinNumbers`,
                    method: 'GET'
                }
            ]
        },
        ...(series.integrationTags.length ? { integrationTags: series.integrationTags } : {}),
        ...(series.registration ? { registration: series.registration } : {}),
        enabledBreakoutSessions: false
    };
}

/** The series' state: `active` while it can still take place, `expired` after. */
export function seriesState(series: MeetingSeries, now = Date.now()): string {
    return Date.parse(series.end) > now ? 'active' : 'expired';
}

export function scheduledState(series: MeetingSeries, now = Date.now()): string {
    const start = Date.parse(series.start);
    if (now < start - READY_MINUTES * 60_000) return 'scheduled';
    if (now < Date.parse(series.end)) return 'ready';
    return series.instances.length ? 'ended' : 'missed';
}

export function seriesView(series: MeetingSeries, site: MeetingSite, shape: MeetingShape): Record<string, unknown> {
    return {
        id: series.id,
        ...(shape === 'list' ? { meetingSeriesId: series.id } : {}),
        ...common(series, site, shape),
        meetingType: 'meetingSeries',
        state: seriesState(series),
        start: webexTime(series.start),
        end: webexTime(series.end)
    };
}

export function scheduledView(series: MeetingSeries, site: MeetingSite, shape: MeetingShape): Record<string, unknown> {
    return {
        id: scheduledMeetingId(series),
        ...(shape === 'list' ? { meetingSeriesId: series.id } : {}),
        ...common(series, site, shape),
        meetingType: 'scheduledMeeting',
        state: scheduledState(series),
        start: webexTime(series.start),
        end: webexTime(series.end)
    };
}

export function instanceView(
    series: MeetingSeries,
    instance: MeetingInstance,
    site: MeetingSite,
    shape: MeetingShape
): Record<string, unknown> {
    const attendeeDidJoin = instance.participants.some((p) => !p.host);
    return {
        id: instance.id,
        ...(shape === 'list' ? { meetingSeriesId: series.id, scheduledMeetingId: scheduledMeetingId(series) } : {}),
        ...common(series, site, shape),
        meetingType: 'meeting',
        state: Date.parse(instance.end) > Date.now() ? 'inProgress' : 'ended',
        hostDidJoin: instance.participants.some((p) => p.host),
        attendeeDidJoin,
        start: webexTime(instance.start),
        end: webexTime(instance.end)
    };
}

export function inviteeView(invitee: Invitee): Record<string, unknown> {
    return {
        id: invitee.id,
        email: invitee.email,
        displayName: invitee.displayName,
        coHost: invitee.coHost,
        meetingId: invitee.meetingId,
        panelist: invitee.panelist
    };
}

/** A registrant; the create answer has no `registrationId` in the contract. */
export function registrantView(registrant: Registrant, withRegistrationId = true): Record<string, unknown> {
    const { registrationId, ...fields } = registrant;
    return withRegistrationId ? { ...fields, registrationId } : fields;
}

export function participantView(
    participant: Participant,
    series: MeetingSeries,
    instance: MeetingInstance,
    site: MeetingSite
): Record<string, unknown> {
    return {
        id: participant.id,
        orgId: series.orgId,
        host: participant.host,
        coHost: participant.coHost,
        spaceModerator: false,
        email: participant.email,
        displayName: participant.displayName,
        invitee: participant.invitee,
        muted: false,
        meetingStartTime: webexTime(instance.start),
        video: participant.devices.some((d) => d.audioType === 'voip') ? 'on' : 'off',
        state: Date.parse(participant.leftTime) > Date.now() ? 'joined' : 'end',
        joinedTime: participant.joinedTime,
        leftTime: participant.leftTime,
        siteUrl: site.siteUrl,
        meetingId: instance.id,
        hostEmail: series.hostEmail,
        devices: participant.devices
    };
}
