/**
 * The state of the dialer's call, as a pure reducer: `next(state, event)` returns the state after a
 * person's action (dial, answer, hang up, hold, resume, mute) or a Webex `telephony_calls` event, and
 * `capabilities(state)` says which buttons the dialer may offer.
 *
 * How Webex Calling reports a call (docs/WEBEX-API-NOTES.md §2.4–2.5, the emulator's README): each
 * transition of the user's leg is a webhook whose `data` carries `callId`, `personality`
 * (`clickToDial | originator | terminator`), `state` (`connecting | alerting | connected | held |
 * remoteHeld | disconnected`), `remoteParty`, `muteCapable`, `muted`, `answered`, `disconnected` and
 * `eventTimestamp`. A click-to-dial first alerts the user's own device (`clickToDial`, `alerting`),
 * which places the call under the same `callId` (`originator`, `connecting`); the far end answers
 * (`connected`). An incoming call alerts (`terminator`, `alerting`) until answered or missed.
 *
 * The rules:
 * - A person's action only marks itself `pending`: the state moves when Webex reports it (so two tabs
 *   and a desk phone agree), and the pending action's button is not offered twice.
 * - Webex events may come twice or out of order: an event older than the last one applied (by
 *   `eventTimestamp`), the same event again, or a step back in the call's progress (connected, then
 *   a late `connecting`) is ignored. A call that ended stays ended.
 * - One call at a time: while a call is in progress, events of another call are ignored.
 * - The duration is `answered` → `disconnected`, in whole seconds (0 for a call nobody answered).
 */

export type CallStatus =
    'idle' | 'dialing' | 'connecting' | 'alerting' | 'connected' | 'held' | 'remoteHeld' | 'disconnected';

/** The states Webex reports for a leg. */
export type WebexCallLegState = 'connecting' | 'alerting' | 'connected' | 'held' | 'remoteHeld' | 'disconnected';
export type CallPersonality = 'originator' | 'terminator' | 'clickToDial';
export type CallDirection = 'outbound' | 'inbound';
export type CallAction = 'dial' | 'answer' | 'hangup' | 'hold' | 'resume' | 'mute' | 'unmute';
/** How a call ended: talked, nobody answered (inbound: missed), answered on another device, or never placed. */
export type CallEndReason = 'completed' | 'missed' | 'unanswered' | 'answeredElsewhere' | 'failed';

export interface CallRemoteParty {
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name?: string | null;
    number?: string | null;
    personId?: string | null;
    privacyEnabled?: boolean;
    callType?: string | null;
}

/** The `data` of a `telephony_calls` webhook (the call, plus `eventType` and `eventTimestamp`). */
export interface TelephonyCallData {
    callId: string;
    callSessionId?: string | null;
    personality?: CallPersonality | null;
    state: WebexCallLegState;
    remoteParty?: CallRemoteParty | null;
    created?: string | null;
    answered?: string | null;
    disconnected?: string | null;
    muteCapable?: boolean | null;
    muted?: boolean | null;
    completedElsewhere?: boolean | null;
    eventType?: string | null;
    eventTimestamp?: string | null;
}

export type CallEvent =
    /** The person asks to call `destination` (`POST /telephony/calls/dial` is being sent). */
    | { type: 'dial'; destination: string }
    /** Webex accepted the dial and named the call. */
    | { type: 'dialed'; callId: string; callSessionId?: string | null }
    /** Webex refused the dial (or could not be reached): the call never started. */
    | { type: 'dialFailed' }
    | { type: 'answer' }
    | { type: 'hangup' }
    | { type: 'hold' }
    | { type: 'resume' }
    | { type: 'mute' }
    | { type: 'unmute' }
    /** Webex refused an action: it is no longer pending, and may be offered again. */
    | { type: 'actionFailed'; action: CallAction }
    /** The person closes the summary of an ended call. */
    | { type: 'dismiss' }
    /** A `telephony_calls` webhook (`event` `created | updated | deleted`; `deleted` ends the call). */
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    | { type: 'webex'; event?: 'created' | 'updated' | 'deleted' | null; data: TelephonyCallData };

export interface CallState {
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    status: CallStatus;
    callId: string | null;
    callSessionId: string | null;
    direction: CallDirection | null;
    personality: CallPersonality | null;
    /** What the person dialled (outbound calls started here). */
    destination: string | null;
    remoteParty: CallRemoteParty | null;
    muteCapable: boolean;
    muted: boolean;
    createdAt: string | null;
    answeredAt: string | null;
    disconnectedAt: string | null;
    /** Seconds from answered to disconnected, once the call ended (0 when nobody answered). */
    durationSeconds: number | null;
    endReason: CallEndReason | null;
    /** The action sent to Webex and not yet reported back. */
    pending: CallAction | null;
    /** `eventTimestamp` (ms) of the last Webex event applied: older ones are stale. */
    lastEventAt: number | null;
    /** What the last Webex event said, to recognise the same event delivered twice. */
    lastEventKey: string | null;
}

/** What the dialer may offer in a state. */
export interface CallCapabilities {
    canDial: boolean;
    canAnswer: boolean;
    canHangUp: boolean;
    canHold: boolean;
    canResume: boolean;
    canMute: boolean;
    canUnmute: boolean;
}

export const INITIAL_CALL_STATE: Readonly<CallState> = Object.freeze({
    status: 'idle',
    callId: null,
    callSessionId: null,
    direction: null,
    personality: null,
    destination: null,
    remoteParty: null,
    muteCapable: false,
    muted: false,
    createdAt: null,
    answeredAt: null,
    disconnectedAt: null,
    durationSeconds: null,
    endReason: null,
    pending: null,
    lastEventAt: null,
    lastEventKey: null
});

const WEBEX_STATES: readonly string[] = ['connecting', 'alerting', 'connected', 'held', 'remoteHeld', 'disconnected'];
const IN_PROGRESS: readonly CallStatus[] = ['dialing', 'connecting', 'alerting', 'connected', 'held', 'remoteHeld'];
const ESTABLISHED: readonly CallStatus[] = ['connected', 'held', 'remoteHeld'];

/** True while a call is being placed, ringing or talking. */
export function isInProgress(state: CallState): boolean {
    return IN_PROGRESS.includes(state.status);
}

/** True once the call was answered and until it ends (talking, or on hold either side). */
export function isEstablished(state: Pick<CallState, 'status'>): boolean {
    return ESTABLISHED.includes(state.status);
}

/**
 * How far a call has progressed: a Webex event may only keep or advance it (talking, holding and
 * resuming move freely among themselves). The user's own device alerting for a click-to-dial comes
 * before the call is placed; the far end or the user ringing comes after.
 */
function progress(status: CallStatus, personality: CallPersonality | null): number {
    switch (status) {
        case 'idle':
        case 'dialing':
            return 0;
        case 'alerting':
            return personality === 'clickToDial' ? 1 : 3;
        case 'connecting':
            return 2;
        case 'disconnected':
            return 5;
        default:
            return 4;
    }
}

function timeOf(value: string | null | undefined): number | null {
    if (!value) return null;
    const ms = Date.parse(value);
    return Number.isNaN(ms) ? null : ms;
}

function durationOf(answeredAt: string | null, disconnectedAt: string | null): number | null {
    if (!answeredAt) return 0;
    const start = timeOf(answeredAt);
    const end = timeOf(disconnectedAt);
    if (start === null || end === null) return null;
    return Math.max(0, Math.round((end - start) / 1000));
}

function endReasonOf(
    direction: CallDirection | null,
    answeredAt: string | null,
    completedElsewhere: boolean
): CallEndReason {
    if (completedElsewhere) return 'answeredElsewhere';
    if (answeredAt) return 'completed';
    return direction === 'inbound' ? 'missed' : 'unanswered';
}

/** True once Webex reports what the pending action asked for. */
function settles(action: CallAction, status: CallStatus, muted: boolean): boolean {
    switch (action) {
        case 'dial':
            return status !== 'dialing';
        case 'answer':
            return status === 'connecting' || ESTABLISHED.includes(status);
        case 'hangup':
            return status === 'disconnected';
        case 'hold':
            return status === 'held';
        case 'resume':
            return status === 'connected' || status === 'remoteHeld';
        case 'mute':
            return muted;
        default:
            return !muted;
    }
}

function eventKey(data: TelephonyCallData, status: WebexCallLegState): string {
    return [data.callId, status, data.personality ?? '', String(data.muted ?? ''), data.answered ?? ''].join('|');
}

/** The state after a Webex event that belongs to the call (checks done by the caller). */
function applyWebex(state: CallState, data: TelephonyCallData, status: WebexCallLegState): CallState {
    const personality = data.personality ?? state.personality;
    const direction = state.direction ?? (personality === 'terminator' ? 'inbound' : 'outbound');
    const answeredAt = data.answered ?? state.answeredAt;
    const muted = data.muted ?? state.muted;
    const ended = status === 'disconnected';
    const disconnectedAt = ended ? (data.disconnected ?? data.eventTimestamp ?? null) : null;
    const at = timeOf(data.eventTimestamp);
    return {
        ...state,
        status,
        callId: data.callId,
        callSessionId: data.callSessionId ?? state.callSessionId,
        personality,
        direction,
        remoteParty: data.remoteParty ?? state.remoteParty,
        createdAt: data.created ?? state.createdAt,
        answeredAt,
        disconnectedAt,
        durationSeconds: ended ? durationOf(answeredAt, disconnectedAt) : null,
        endReason: ended ? endReasonOf(direction, answeredAt, data.completedElsewhere === true) : null,
        muteCapable: ended ? false : (data.muteCapable ?? state.muteCapable),
        muted: ended ? false : muted,
        pending: ended || (state.pending && settles(state.pending, status, muted)) ? null : state.pending,
        lastEventAt: at ?? state.lastEventAt,
        lastEventKey: at === null ? state.lastEventKey : eventKey(data, status)
    };
}

function onWebex(state: CallState, event: Extract<CallEvent, { type: 'webex' }>): CallState {
    const data = event.data;
    if (!data || typeof data.callId !== 'string' || !data.callId) return state;
    const status = event.event === 'deleted' ? 'disconnected' : data.state;
    if (!WEBEX_STATES.includes(status)) return state;
    const at = timeOf(data.eventTimestamp);
    const stale = at !== null && state.lastEventAt !== null && at < state.lastEventAt;

    if (state.callId === data.callId) {
        if (state.status === 'disconnected' || stale) return state;
        if (at !== null && at === state.lastEventAt && eventKey(data, status) === state.lastEventKey) return state;
        const personality = data.personality ?? state.personality;
        if (progress(status, personality) < progress(state.status, state.personality)) return state;
        return applyWebex(state, data, status);
    }
    if (stale) return state;
    // The call this tab just dialled, reported before Webex answered the dial request.
    const outbound = data.personality === 'clickToDial' || data.personality === 'originator';
    if (state.status === 'dialing' && state.callId === null && outbound) return applyWebex(state, data, status);
    // A new call (incoming, or placed from another device) when none is in progress.
    if ((state.status === 'idle' || state.status === 'disconnected') && status !== 'disconnected') {
        return applyWebex({ ...INITIAL_CALL_STATE, lastEventAt: state.lastEventAt }, data, status);
    }
    return state;
}

function pend(state: CallState, action: CallAction, allowed: boolean): CallState {
    return allowed ? { ...state, pending: action } : state;
}

/**
 * The state after `event`. Returns the same object when the event changes nothing (not allowed in
 * this state, stale, duplicate, or about another call), so a caller can tell an ignored event.
 */
export function next(state: CallState, event: CallEvent): CallState {
    const can = capabilities(state);
    switch (event.type) {
        case 'dial': {
            const destination = typeof event.destination === 'string' ? event.destination.trim() : '';
            if (!can.canDial || !destination) return state;
            return {
                ...INITIAL_CALL_STATE,
                status: 'dialing',
                direction: 'outbound',
                destination,
                pending: 'dial',
                lastEventAt: state.lastEventAt
            };
        }
        case 'dialed':
            if (state.status === 'idle' || !event.callId) return state;
            if (state.callId !== null && state.callId !== event.callId) return state;
            if (state.callId === null && state.status !== 'dialing') return state;
            return {
                ...state,
                callId: event.callId,
                callSessionId: state.callSessionId ?? event.callSessionId ?? null
            };
        case 'dialFailed':
            if (state.status !== 'dialing') return state;
            return {
                ...state,
                status: 'disconnected',
                pending: null,
                durationSeconds: null,
                endReason: 'failed'
            };
        case 'answer':
            return pend(state, 'answer', can.canAnswer);
        case 'hangup':
            return pend(state, 'hangup', can.canHangUp);
        case 'hold':
            return pend(state, 'hold', can.canHold);
        case 'resume':
            return pend(state, 'resume', can.canResume);
        case 'mute':
            return pend(state, 'mute', can.canMute);
        case 'unmute':
            return pend(state, 'unmute', can.canUnmute);
        case 'actionFailed':
            return state.pending !== null && state.pending === event.action ? { ...state, pending: null } : state;
        case 'dismiss':
            return state.status === 'disconnected' ? { ...INITIAL_CALL_STATE, lastEventAt: state.lastEventAt } : state;
        case 'webex':
            return onWebex(state, event);
        default:
            return state;
    }
}

/**
 * What the dialer may offer. Answering covers an incoming call and the user's own device alerting for a
 * click-to-dial (Webex rejects it when the device cannot answer through the API); hanging up an
 * incoming call that still rings declines it. Nothing is offered twice while its action is pending,
 * except hanging up, which stays available while another action waits.
 */
export function capabilities(state: CallState): CallCapabilities {
    const idle = state.pending === null;
    const established = ESTABLISHED.includes(state.status);
    const canMuteNow = established && state.muteCapable && idle;
    return {
        canDial: state.status === 'idle' || state.status === 'disconnected',
        canAnswer:
            state.status === 'alerting' &&
            (state.personality === 'terminator' || state.personality === 'clickToDial') &&
            state.callId !== null &&
            idle,
        canHangUp: isInProgress(state) && state.callId !== null && state.pending !== 'hangup',
        canHold: (state.status === 'connected' || state.status === 'remoteHeld') && idle,
        canResume: state.status === 'held' && idle,
        canMute: canMuteNow && !state.muted,
        canUnmute: canMuteNow && state.muted
    };
}

/** Seconds talked so far (a running call) or in all (an ended one); null before anyone answered. */
export function elapsedSeconds(state: CallState, now: number = Date.now()): number | null {
    if (state.status === 'disconnected') return state.durationSeconds;
    const start = ESTABLISHED.includes(state.status) ? timeOf(state.answeredAt) : null;
    return start === null ? null : Math.max(0, Math.floor((now - start) / 1000));
}
