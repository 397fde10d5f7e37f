/**
 * Webex Calling call control, as docs/WEBEX-API-NOTES.md §2.4–2.5 names it (no OpenAPI file is
 * available for it): a call is one person's leg of a call session, and the REST answers and the
 * `telephony_calls` webhook data are two views of it.
 */

export type CallState = 'connecting' | 'alerting' | 'connected' | 'held' | 'remoteHeld' | 'disconnected';
export type CallPersonality = 'originator' | 'terminator' | 'clickToDial';
export type PartyCallType = 'location' | 'organization' | 'external' | 'emergency' | 'repair' | 'other';

/** The other side of a call, as the user's leg describes it. */
export interface RemoteParty {
    name?: string;
    number?: string;
    personId?: string;
    privacyEnabled: boolean;
    callType: PartyCallType;
}

export interface CallLeg {
    id: string;
    callSessionId: string;
    /** The line owner: the person whose call this is, and whose webhooks hear of it. */
    ownerId: string;
    orgId: string;
    personality: CallPersonality;
    state: CallState;
    remoteParty: RemoteParty;
    appearance: number;
    created: string;
    answered?: string;
    disconnected?: string;
    muteCapable: boolean;
    muted: boolean;
    /** The other person's leg when both ends are emulated users. */
    peerId?: string;
}

export interface CallHistoryRecord {
    type: 'placed' | 'missed' | 'received';
    name?: string;
    number?: string;
    privacyEnabled: boolean;
    time: string;
}

/**
 * `data.eventType` of each transition. Webex documents the event (`created`/`updated`/`deleted`)
 * and the call's `state`, not this vocabulary: the values follow a captured payload (`received`,
 * `answered`, `updated`) and third-party notes; clients should key on `state` and `personality`.
 */
export const EVENT_TYPES = {
    dialled: 'originated',
    deviceAnswered: 'updated',
    received: 'received',
    remoteAnswered: 'connected',
    answered: 'answered',
    held: 'held',
    remoteHeld: 'remoteHeld',
    resumed: 'resumed',
    muteChanged: 'updated',
    disconnected: 'disconnected'
} as const;

/** `GET /telephony/calls` and `/telephony/calls/{callId}`: the REST call object (its id is `id`). */
export function callView(leg: CallLeg): Record<string, unknown> {
    return {
        id: leg.id,
        callSessionId: leg.callSessionId,
        personality: leg.personality,
        state: leg.state,
        remoteParty: leg.remoteParty,
        appearance: leg.appearance,
        created: leg.created,
        ...(leg.answered ? { answered: leg.answered } : {}),
        muteCapable: leg.muteCapable,
        muted: leg.muted
    };
}

/** A `telephony_calls` webhook's `data`: the call (its id is `callId`) plus `eventType` and `eventTimestamp`. */
export function callEventData(leg: CallLeg, eventType: string): Record<string, unknown> {
    return {
        callId: leg.id,
        callSessionId: leg.callSessionId,
        personality: leg.personality,
        state: leg.state,
        remoteParty: leg.remoteParty,
        appearance: leg.appearance,
        created: leg.created,
        ...(leg.answered ? { answered: leg.answered } : {}),
        ...(leg.disconnected ? { disconnected: leg.disconnected } : {}),
        muteCapable: leg.muteCapable,
        muted: leg.muted,
        completedElsewhere: false,
        eventType,
        eventTimestamp: new Date().toISOString()
    };
}
