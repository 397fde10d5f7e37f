/**
 * The call log hand-off (B4): which call's log the dialer shows (`c-webex-call-log`), and what it is
 * given; the component shows `logs`.
 *
 * - A log opens when a call starts (dial accepted, inbound answered) if the rep logs that direction.
 * - An open log is never replaced, its notes would be lost: the log of a call answered meanwhile waits
 *   (`queued`) and opens once the first is saved or closed.
 * - When its call ends the log gets the duration and stays until saved or closed; saved after the call,
 *   it closes (and the dialer says what it saved); saved during the call, it stays for more notes.
 */
import type { CallLogSummary } from 'c/webexCallLogSaved';
import type { CallState } from 'c/webexCallState';

export type Direction = 'Outbound' | 'Inbound';

/** What the call-log panel is given (c-webex-call-log's contract). */
export interface CallLogView {
    callId: string;
    direction: Direction;
    phoneNumber: string | null;
    whoId: string | null;
    whoName: string | null;
    relatedObjects: WebexObjectOption[];
    durationSeconds: number | null;
    ended: boolean;
}

/** The log on screen, the one waiting for it to close, and what the last log saved after its call. */
export interface CallLogs {
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    open: CallLogView | null;
    queued: CallLogView | null;
    /** Said until dismissed or the next call starts (c-webex-call-log-saved). */
    saved: CallLogSummary | null;
}

/** Who and what number a log is about, as shown to the rep. */
export interface LogParty {
    phoneNumber: string | null;
    whoId: string | null;
    whoName: string | null;
}

export const NO_LOGS: CallLogs = Object.freeze({ open: null, queued: null, saved: null });

/** An id for a call Webex does not name (the Webex app places it on Unified CM / BroadWorks): the log's key. */
export function appCallId(): string {
    return `app-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** One dialer's call logs. */
export class CallLogHandoff {
    private current: CallLogs = NO_LOGS;
    private readonly onChange: (logs: CallLogs) => void;

    constructor(onChange: (logs: CallLogs) => void) {
        this.onChange = onChange;
    }

    get logs(): CallLogs {
        return this.current;
    }

    /** Call `callId` started: its log opens, or waits behind the open one; none when the rep does not log it. */
    open(settings: WebexDialerSettings | null, call: { callId: string; direction: Direction }, party: LogParty): void {
        const logging = call.direction === 'Outbound' ? settings?.outboundLog : settings?.inboundLog;
        if (!logging?.enabled || this.current.open?.callId === call.callId) return;
        const view: CallLogView = {
            ...call,
            ...party,
            relatedObjects: logging.relatedObjects ?? [],
            durationSeconds: null,
            ended: false
        };
        this.set(this.current.open ? { queued: view } : { open: view });
    }

    /** Call `callId` ended: its log gets the duration (null on Unified CM / BroadWorks) and stays. */
    callEnded(callId: string | null, durationSeconds: number | null): void {
        this.each(callId, (log) => ({ ...log, ended: true, durationSeconds }));
    }

    /** The rep learned who call `callId` is with (the pop, a choice): its log says so. */
    named(callId: string | null, who: { recordId: string; name: string }): void {
        this.each(callId, (log) => ({ ...log, whoId: who.recordId, whoName: who.name }));
    }

    /** Whether the open log's call is over: ended, placed by the Webex app, or no longer the current call. */
    callOver(call: CallState, appCall: string | null | undefined): boolean {
        const log = this.current.open;
        if (!log) return false;
        return log.ended || appCall === log.callId || call.callId !== log.callId;
    }

    /**
     * The open log closes (with `saved`, what it saved, when it closes because it was saved); the queued one
     * takes its place. True when that also ends what the dialer shows of its call: the call ended, or the
     * Webex app placed it.
     */
    close(call: CallState, appCall: string | null | undefined, saved?: CallLogSummary | null): boolean {
        const callId = this.current.open?.callId;
        this.set({ open: this.current.queued, queued: null, saved: saved === undefined ? this.current.saved : saved });
        return appCall === callId || (call.callId === callId && call.status === 'disconnected');
    }

    /** The confirmation of the last save goes: dismissed, or the next call starts. */
    forgetSaved(): void {
        if (this.current.saved) this.set({ saved: null });
    }

    private each(callId: string | null, change: (log: CallLogView) => CallLogView): void {
        const changed = (log: CallLogView | null): CallLogView | null => {
            return log && log.callId === callId ? change(log) : log;
        };
        this.set({ open: changed(this.current.open), queued: changed(this.current.queued) });
    }

    private set(change: Partial<CallLogs>): void {
        this.current = { ...this.current, ...change };
        this.onChange(this.current);
    }
}
