/**
 * The dialer's call, kept by one object: what the person does (dial, answer, decline, hang up, hold,
 * resume, mute) through `WebexCallController`, and what Webex reports through the pushes on the
 * user's Generic Streaming channel (`WebexDialerSettings.eventChannel`, docs/calling.md), both fed to
 * the reducer `c/webexCallState`.
 *
 * - Pushes: `lightning/empApi` delivers `data.payload`, the JSON text of a `WebexCallEventPayload`
 *   (the workbench hands the object itself: both are read). The server pushes only the transitions
 *   the UI cannot know by itself (inbound alerting, connected, disconnected; outbound connected,
 *   disconnected) to spare the event budget.
 * - Own actions: the answer of the call-control request is Webex's word that the action happened, so
 *   the session moves the state then (hold shows "On hold" without waiting for a push that never
 *   comes). Dialling is retried on 429 (`c/webexRetry`).
 * - Tabs: every tab of the rep receives the pushes; a call is shown by the tab that claims it first
 *   (`c/webexCallClaim`). The other tabs ignore it. A tab busy with a call claims no other one, so an
 *   idle tab can show it.
 * - The subscription, retried until it works, is `c/webexCallStream`'s; `hasStreamProblem` says it does
 *   not work yet (or any more), so the panel can say the tab is not receiving calls.
 */
import answerCall from '@salesforce/apex/WebexCallController.answer';
import dialCall from '@salesforce/apex/WebexCallController.dial';
import hangupCall from '@salesforce/apex/WebexCallController.hangup';
import holdCall from '@salesforce/apex/WebexCallController.hold';
import muteCall from '@salesforce/apex/WebexCallController.mute';
import rejectCall from '@salesforce/apex/WebexCallController.reject';
import resumeCall from '@salesforce/apex/WebexCallController.resume';
import unmuteCall from '@salesforce/apex/WebexCallController.unmute';
import {
    INITIAL_CALL_STATE,
    capabilities,
    isInProgress,
    next,
    type CallAction,
    type CallCapabilities,
    type CallEvent,
    type CallState,
    type TelephonyCallData
} from 'c/webexCallState';
import { CallClaims } from 'c/webexCallClaim';
import { CallStream } from 'c/webexCallStream';
import { callWithRetry, type RetryWait } from 'c/webexRetry';

const STATES: readonly string[] = ['alerting', 'connected', 'disconnected'];
const PERSONALITIES: readonly string[] = ['originator', 'terminator', 'clickToDial'];

export interface CallSessionOptions {
    claims?: CallClaims;
    now?: () => number;
    /** The retry's clock (tests pass their own). */
    sleep?: (ms: number) => Promise<void>;
}

export interface DialOptions {
    /** Each second of a wait before a retry after 429, then `null` when the retry starts. */
    onWait?: (wait: RetryWait | null) => void;
}

type Listener = (state: CallState) => void;

function text(value: unknown): string | null {
    return typeof value === 'string' && value.trim() ? value : null;
}

/**
 * A push's payload as the reducer's Webex event data, or null when it is not a call transition this
 * package sends (malformed pushes are ignored, never shown).
 */
export function parseCallEvent(payload: unknown): TelephonyCallData | null {
    let value: unknown = payload;
    if (typeof payload === 'string') {
        try {
            value = JSON.parse(payload);
        } catch {
            return null;
        }
    }
    if (typeof value !== 'object' || value === null) return null;
    const event = value as Partial<Record<keyof WebexCallEventPayload, unknown>>;
    const callId = text(event.callId);
    const state = text(event.state);
    if (!callId || !state || !STATES.includes(state)) return null;
    const personality = text(event.personality);
    const number = text(event.remoteNumber);
    const name = text(event.remoteName);
    return {
        callId,
        callSessionId: text(event.callSessionId),
        personality:
            personality && PERSONALITIES.includes(personality)
                ? (personality as WebexCallEventPayload['personality'])
                : null,
        state: state as WebexCallEventPayload['state'],
        remoteParty: number || name ? { number, name } : null,
        created: text(event.created),
        answered: text(event.answered),
        disconnected: text(event.disconnected),
        eventTimestamp: text(event.eventTimestamp),
        muteCapable: typeof event.muteCapable === 'boolean' ? event.muteCapable : null
    };
}

/** One dialer's call. `connect()` it to the push channel, `close()` it when the dialer goes. */
export class CallSession {
    private current: CallState = INITIAL_CALL_STATE;
    private readonly listeners = new Set<Listener>();
    private readonly claims: CallClaims;
    private readonly ownClaims: boolean;
    private readonly now: () => number;
    private readonly sleep?: (ms: number) => Promise<void>;
    private readonly stream = new CallStream((payload) => this.receive(payload));
    /** When this tab started dialling (its claim on the call it dials dates from then). */
    private dialStartedAt: number | null = null;

    constructor(options: CallSessionOptions = {}) {
        this.claims = options.claims ?? new CallClaims();
        this.ownClaims = !options.claims;
        this.now = options.now ?? (() => Date.now());
        this.sleep = options.sleep;
    }

    get state(): CallState {
        return this.current;
    }

    get capabilities(): CallCapabilities {
        return capabilities(this.current);
    }

    /** True while the push channel does not work: calls made elsewhere cannot reach this tab (it retries). */
    get hasStreamProblem(): boolean {
        return this.stream.hasProblem;
    }

    /** Calls `listener` with each new state; returns the function that stops it. */
    onChange(listener: Listener): () => void {
        this.listeners.add(listener);
        return () => this.listeners.delete(listener);
    }

    /** Calls `listener` when the push channel fails or works again. */
    onStreamProblem(listener: (problem: boolean) => void): () => void {
        return this.stream.onProblem(listener);
    }

    /**
     * Subscribes to the user's push channel (`/u/WebexCallEvents`); resolves after the first try, and
     * keeps trying with back-off until it works.
     */
    connect(channel: string): Promise<void> {
        return this.stream.connect(channel);
    }

    /** Stops listening (the dialer left the page). */
    async close(): Promise<void> {
        this.listeners.clear();
        if (this.ownClaims) this.claims.close();
        await this.stream.close();
    }

    /**
     * One push. Only the tab that claims the call shows it; a push about a call this tab lost, or any
     * other call while this tab is busy with one, changes nothing.
     */
    async receive(payload: unknown): Promise<void> {
        const data = parseCallEvent(payload);
        if (!data || this.claims.isClaimedElsewhere(data.callId)) return;
        if (this.current.callId !== data.callId) {
            const outbound = data.personality !== 'terminator';
            const dialledHere = this.current.status === 'dialing' && this.current.callId === null && outbound;
            if (!dialledHere && (isInProgress(this.current) || data.state === 'disconnected')) return;
            const at = dialledHere && this.dialStartedAt !== null ? this.dialStartedAt : this.now();
            if (!(await this.claims.claim(data.callId, at))) return;
        }
        this.apply({ type: 'webex', data });
    }

    /**
     * Dials `destination` (E.164, `;ext=` kept). Resolves once Webex accepted the call; rejects with
     * the failure (after the retries a 429 allows), the state back to idle so the person can try again.
     */
    async dial(destination: string, options: DialOptions = {}): Promise<WebexDialResult | null> {
        if (!this.apply({ type: 'dial', destination })) return null;
        this.dialStartedAt = this.now();
        let result: WebexDialResult;
        try {
            result = await callWithRetry(() => dialCall({ destination }), {
                onWait: options.onWait,
                sleep: this.sleep
            });
        } catch (error) {
            this.apply({ type: 'dialFailed' });
            this.apply({ type: 'dismiss' });
            throw error;
        }
        await this.claims.claim(result.callId, this.dialStartedAt);
        this.apply({ type: 'dialed', callId: result.callId, callSessionId: result.callSessionId });
        // Webex placed the call: it rings the far end. The server pushes only "connected" next.
        if (this.current.status === 'dialing' && this.current.callId === result.callId) {
            this.confirm({ state: 'connecting', personality: 'originator' });
        }
        return result;
    }

    answer(): Promise<boolean> {
        return this.act('answer', answerCall, () => ({ state: 'connected', answered: this.nowIso() }));
    }

    /** Declines a ringing call (sends it to voicemail or the caller's busy tone, as Webex decides). */
    async decline(): Promise<boolean> {
        const declined = await this.act('hangup', rejectCall, () => ({
            state: 'disconnected',
            disconnected: this.nowIso()
        }));
        if (declined) this.apply({ type: 'dismiss' });
        return declined;
    }

    hangUp(): Promise<boolean> {
        return this.act('hangup', hangupCall, () => ({ state: 'disconnected', disconnected: this.nowIso() }));
    }

    hold(): Promise<boolean> {
        return this.act('hold', holdCall, () => ({ state: 'held' }));
    }

    resume(): Promise<boolean> {
        return this.act('resume', resumeCall, () => ({ state: 'connected' }));
    }

    mute(): Promise<boolean> {
        return this.act('mute', muteCall, () => ({ state: this.legState(), muted: true }));
    }

    unmute(): Promise<boolean> {
        return this.act('unmute', unmuteCall, () => ({ state: this.legState(), muted: false }));
    }

    /**
     * The control a button names by the event it fires (the call card's `hangup`, `hold`, `resume`, `mute`,
     * `unmute`; the banner's `answer`, `decline`); false for a name that is none of them.
     */
    perform(control: string): Promise<boolean> {
        const controls: Record<string, () => Promise<boolean>> = {
            answer: () => this.answer(),
            decline: () => this.decline(),
            hangup: () => this.hangUp(),
            hold: () => this.hold(),
            resume: () => this.resume(),
            mute: () => this.mute(),
            unmute: () => this.unmute()
        };
        return controls[control]?.() ?? Promise.resolve(false);
    }

    /** Closes the summary of an ended call. */
    dismiss(): void {
        this.apply({ type: 'dismiss' });
    }

    /**
     * Sends an action; the state shows it pending, then done once Webex accepted it. Resolves false
     * when the action is not possible now; rejects with Webex's refusal (the action offered again).
     */
    private async act(
        action: CallAction,
        request: (params: { callId: string }) => Promise<void>,
        outcome: () => Partial<TelephonyCallData>
    ): Promise<boolean> {
        const callId = this.current.callId;
        if (!callId || !this.apply({ type: action } as CallEvent)) return false;
        try {
            await request({ callId });
        } catch (error) {
            this.apply({ type: 'actionFailed', action });
            throw error;
        }
        if (this.current.callId === callId) this.confirm(outcome());
        return true;
    }

    /**
     * What Webex just accepted, as a Webex event without a timestamp: the reducer applies it in order
     * and a later push (with Webex's own times) still wins.
     */
    private confirm(data: Partial<TelephonyCallData>): void {
        const callId = this.current.callId;
        if (!callId) return;
        this.apply({ type: 'webex', data: { callId, state: this.legState(), ...data } as TelephonyCallData });
    }

    private legState(): TelephonyCallData['state'] {
        const status = this.current.status;
        return status === 'idle' || status === 'dialing' ? 'connecting' : status;
    }

    private nowIso(): string {
        return new Date(this.now()).toISOString();
    }

    /** Applies an event; returns whether the state changed. */
    private apply(event: CallEvent): boolean {
        const after = next(this.current, event);
        if (after === this.current) return false;
        this.current = after;
        for (const listener of [...this.listeners]) listener(after);
        return true;
    }
}
