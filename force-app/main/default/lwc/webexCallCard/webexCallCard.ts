/**
 * The live call in the dialer: who (the matched record's name, else the number), the state in words,
 * the running duration, and the buttons the call allows now (`c/webexCallState` capabilities): hang
 * up, hold or resume, mute or unmute only where Webex says the device can. A button whose action is
 * on its way stays, disabled, so the row does not jump. Buttons fire `hangup`, `hold`, `resume`,
 * `mute`, `unmute` and `dismiss` (close an ended call).
 *
 * On Unified CM and BroadWorks (B8) the Webex app places the call: the card says so and lists what
 * Salesforce cannot do there (no incoming call pop-up, no duration, no hang-up).
 */
import { LightningElement, api } from 'lwc';
import { capabilities, elapsedSeconds, type CallState } from 'c/webexCallState';
import { formatLabel } from 'c/webexLabelFormat';
import ALERTING_OWN from '@salesforce/label/c.WebexDialer_StateAlertingOwn';
import ANSWERED_ELSEWHERE from '@salesforce/label/c.WebexDialer_StateAnsweredElsewhere';
import CALL_ACTIONS from '@salesforce/label/c.WebexDialer_CallActions';
import CONNECTED from '@salesforce/label/c.WebexDialer_StateConnected';
import CONNECTING from '@salesforce/label/c.WebexDialer_StateConnecting';
import DONE from '@salesforce/label/c.WebexDialer_Done';
import DURATION from '@salesforce/label/c.WebexDialer_Duration';
import ENDED from '@salesforce/label/c.WebexDialer_StateEnded';
import FAILED from '@salesforce/label/c.WebexDialer_StateFailed';
import HANG_UP from '@salesforce/label/c.WebexDialer_HangUp';
import HELD from '@salesforce/label/c.WebexDialer_StateHeld';
import HOLD from '@salesforce/label/c.WebexDialer_Hold';
import MISSED from '@salesforce/label/c.WebexDialer_StateMissed';
import MUTE from '@salesforce/label/c.WebexDialer_Mute';
import MUTED from '@salesforce/label/c.WebexDialer_Muted';
import REMOTE_HELD from '@salesforce/label/c.WebexDialer_StateRemoteHeld';
import RESUME from '@salesforce/label/c.WebexDialer_Resume';
import RINGING from '@salesforce/label/c.WebexDialer_StateRinging';
import UNANSWERED from '@salesforce/label/c.WebexDialer_StateUnanswered';
import UNMUTE from '@salesforce/label/c.WebexDialer_Unmute';
import APP_CALL from '@salesforce/label/c.WebexDialer_AppCall';
import APP_LIMITS from '@salesforce/label/c.WebexDialer_AppLimits';
import APP_LIMIT_DURATION from '@salesforce/label/c.WebexDialer_AppLimitDuration';
import APP_LIMIT_HANGUP from '@salesforce/label/c.WebexDialer_AppLimitHangUp';
import APP_LIMIT_INBOUND from '@salesforce/label/c.WebexDialer_AppLimitInbound';
import BACKEND_BROADWORKS from '@salesforce/label/c.WebexDialer_BackendBroadWorks';
import BACKEND_UCM from '@salesforce/label/c.WebexDialer_BackendUnifiedCM';

/** `m:ss`, or `h:mm:ss` from an hour on. */
export function formatDuration(seconds: number | null | undefined): string {
    if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return '';
    const whole = Math.floor(seconds);
    const h = Math.floor(whole / 3600);
    const m = Math.floor((whole % 3600) / 60);
    const s = String(whole % 60).padStart(2, '0');
    return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

const END_LABELS: Record<string, string> = {
    completed: ENDED,
    missed: MISSED,
    unanswered: UNANSWERED,
    answeredElsewhere: ANSWERED_ELSEWHERE,
    failed: FAILED
};

/** The state in words. */
export function statusLabel(state: CallState | null | undefined): string {
    if (!state) return '';
    switch (state.status) {
        case 'dialing':
        case 'connecting':
            return CONNECTING;
        case 'alerting':
            return state.personality === 'clickToDial' ? ALERTING_OWN : RINGING;
        case 'connected':
            return CONNECTED;
        case 'held':
            return HELD;
        case 'remoteHeld':
            return REMOTE_HELD;
        case 'disconnected':
            return END_LABELS[state.endReason ?? 'completed'] ?? ENDED;
        default:
            return '';
    }
}

const TICK_MS = 1000;

export default class WebexCallCard extends LightningElement {
    /** The call (c/webexCallState); ignored on Unified CM / BroadWorks. */
    @api state: CallState | null = null;
    /** Who is called: the record's name when known. */
    @api who: string | null = null;
    /** The number, as shown to a person. */
    @api number: string | null = null;
    @api backend: WebexCallingBackend = 'WebexCalling';
    /** Whether an ended call can be closed here (not while its call log is open). */
    @api dismissible = false;

    readonly labels = {
        hangUp: HANG_UP,
        hold: HOLD,
        resume: RESUME,
        mute: MUTE,
        unmute: UNMUTE,
        muted: MUTED,
        done: DONE,
        actions: CALL_ACTIONS,
        appLimits: APP_LIMITS,
        limits: [APP_LIMIT_INBOUND, APP_LIMIT_DURATION, APP_LIMIT_HANGUP]
    };

    /** Redraws the running duration. */
    now = Date.now();
    private timer: ReturnType<typeof setInterval> | null = null;

    connectedCallback(): void {
        // The duration on screen counts seconds while the call runs; nothing else needs a timer.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setInterval(() => {
            this.now = Date.now();
        }, TICK_MS);
    }

    disconnectedCallback(): void {
        if (this.timer !== null) clearInterval(this.timer);
        this.timer = null;
    }

    get isAppCall(): boolean {
        return this.backend !== 'WebexCalling';
    }

    /** State and duration: Webex Calling only (the Webex app reports nothing back on the others). */
    get showStatus(): boolean {
        return !this.isAppCall;
    }

    get title(): string {
        return this.who || this.number || '';
    }

    /** The number under the name, when a name is shown. */
    get subtitle(): string | null {
        return this.who && this.number ? this.number : null;
    }

    get appCallText(): string {
        const backend = this.backend === 'BroadWorks' ? BACKEND_BROADWORKS : BACKEND_UCM;
        return formatLabel(APP_CALL, backend);
    }

    get status(): string {
        return statusLabel(this.state);
    }

    get isEnded(): boolean {
        return this.state?.status === 'disconnected';
    }

    get duration(): string {
        return this.state ? formatDuration(elapsedSeconds(this.state, this.now)) : '';
    }

    get durationLabel(): string {
        return formatLabel(DURATION, this.duration);
    }

    get isMuted(): boolean {
        return Boolean(this.state?.muted) && !this.isEnded;
    }

    get can() {
        return this.state ? capabilities(this.state) : null;
    }

    /** Call control is Webex Calling's: the Webex app keeps it on the other backends. */
    get showHangUp(): boolean {
        return !this.isAppCall && Boolean(this.state) && this.state?.status !== 'idle' && !this.isEnded;
    }

    get hangUpDisabled(): boolean {
        return !this.can?.canHangUp;
    }

    get showHold(): boolean {
        if (this.isAppCall) return false;
        return this.state?.status === 'connected' || this.state?.status === 'remoteHeld';
    }

    get holdDisabled(): boolean {
        return !this.can?.canHold;
    }

    get showResume(): boolean {
        return this.state?.status === 'held';
    }

    get resumeDisabled(): boolean {
        return !this.can?.canResume;
    }

    get showMute(): boolean {
        const status = this.state?.status;
        return (
            Boolean(this.state?.muteCapable) && (status === 'connected' || status === 'held' || status === 'remoteHeld')
        );
    }

    get muteLabel(): string {
        return this.isMuted ? UNMUTE : MUTE;
    }

    get muteIcon(): string {
        return this.isMuted ? 'utility:unmuted' : 'utility:muted';
    }

    get muteDisabled(): boolean {
        return this.isMuted ? !this.can?.canUnmute : !this.can?.canMute;
    }

    get showDone(): boolean {
        return this.dismissible && (this.isEnded || this.isAppCall);
    }

    handleHangUp(): void {
        this.fire('hangup');
    }

    handleHold(): void {
        this.fire('hold');
    }

    handleResume(): void {
        this.fire('resume');
    }

    handleMute(): void {
        this.fire(this.isMuted ? 'unmute' : 'mute');
    }

    handleDone(): void {
        this.fire('dismiss');
    }

    private fire(name: string): void {
        this.dispatchEvent(new CustomEvent(name));
    }
}
