/**
 * What the Calling panel (c-webex-calling) shows, read from its state: which part is on screen (loading is
 * the component's), and the texts and numbers it shows. The component keeps the state and hands itself
 * over (`new CallingView(this)`), so each value is read when the template asks for it and re-read when the
 * state it depends on changes.
 *
 * - The dialer is ready once the settings are loaded and, on Webex Calling, the rep's connection works;
 *   Unified CM and BroadWorks hand numbers to the Webex app (`tel:`), which needs no connection here.
 * - One thing at a time: the incoming banner, else the call card (and the caller choice under it once
 *   answered), else the log, else the dialer.
 * - Numbers are read in the settings' country (else the user's locale) and shown as a person reads them.
 */
import { isPoppedCall, needsCallerChoice, type CallParty, type InboundMatch } from 'c/webexCallerPop';
import type { CallLogs, LogParty } from 'c/webexCallLogHandoff';
import type { AppCall } from 'c/webexCallPlacement';
import { capabilities, type CallState } from 'c/webexCallState';
import { worksForCalling } from 'c/webexConnectionScopes';
import { formatLabel } from 'c/webexLabelFormat';
import { formatForDisplay, parsePhoneNumber, userCountry } from 'c/webexPhoneNumber';
import type { RetryWait } from 'c/webexRetry';
import APP_NOTE from '@salesforce/label/c.WebexDialer_AppNote';
import BACKEND_BROADWORKS from '@salesforce/label/c.WebexDialer_BackendBroadWorks';
import BACKEND_UCM from '@salesforce/label/c.WebexDialer_BackendUnifiedCM';
import DIAL_FAILED from '@salesforce/label/c.WebexDialer_DialFailed';
import EXTENSION from '@salesforce/label/c.WebexDialer_Extension';
import LOAD_FAILED from '@salesforce/label/c.WebexDialer_LoadFailed';
import LOADING from '@salesforce/label/c.WebexDialer_Loading';
import RETRY from '@salesforce/label/c.WebexDialer_Retry';
import RETRYING from '@salesforce/label/c.WebexDialer_Retrying';
import STREAM_PROBLEM from '@salesforce/label/c.WebexDialer_StreamProblem';

/** The panel's own texts (the template's `labels`). */
export const LABELS = {
    loading: LOADING,
    loadFailed: LOAD_FAILED,
    retry: RETRY,
    streamProblem: STREAM_PROBLEM
};

/** The Calling panel's state, as the component keeps it. */
export interface CallingState {
    readonly settings: WebexDialerSettings | null;
    readonly call: CallState;
    /** Who the current call is with, when known (a search result, Make a Call's record, the popped caller). */
    readonly callWho: CallParty | null;
    /** The current call's number (E.164, `;ext=` kept). */
    readonly callNumber: string | null;
    readonly appCall: AppCall | null;
    readonly inbound: InboundMatch | null;
    readonly logs: CallLogs;
    readonly retryWait: RetryWait | null;
    readonly dialError: string | null;
}

export class CallingView {
    private readonly state: CallingState;

    constructor(state: CallingState) {
        this.state = state;
    }

    get backend(): WebexCallingBackend {
        return this.state.settings?.backend ?? 'WebexCalling';
    }

    get isWebexCalling(): boolean {
        return this.backend === 'WebexCalling';
    }

    /**
     * Webex Calling needs the rep's own connection; the Webex app (tel:) does not. A connection that only lacks
     * messaging's scopes still calls (c/webexConnectionScopes): the account line asks for the reconnect instead.
     */
    get needsConnection(): boolean {
        const connection = this.state.settings?.connection;
        return this.isWebexCalling && Boolean(connection) && !worksForCalling(connection);
    }

    get isReady(): boolean {
        return Boolean(this.state.settings) && !this.needsConnection;
    }

    /** Webex Calling, connected: who the rep is connected as, with Disconnect. */
    get showAccount(): boolean {
        return this.isWebexCalling && this.isReady && Boolean(this.state.settings?.connection?.connected);
    }

    get showIncoming(): boolean {
        return this.isInbound && this.state.call.status === 'alerting';
    }

    /** Inbound and answered, the caller still to be chosen or created: the choice stays on screen. */
    get showCallerChoice(): boolean {
        return needsCallerChoice(this.state.inbound, this.state.call, Boolean(this.state.callWho));
    }

    get showCallCard(): boolean {
        return Boolean(this.state.appCall) || (this.state.call.status !== 'idle' && !this.showIncoming);
    }

    /** One call at a time: a call (or its open log) is on screen, so another one waits. */
    get busy(): boolean {
        const { call, appCall, logs } = this.state;
        return call.status !== 'idle' || Boolean(appCall) || Boolean(logs.open);
    }

    get showDialer(): boolean {
        return !this.showCallCard && !this.showIncoming && !this.state.logs.open;
    }

    get showHistory(): boolean {
        return Boolean(this.state.settings?.callHistoryEnabled) && this.isWebexCalling;
    }

    /** Unified CM / BroadWorks: what the dialer can and cannot do there, said before the first call. */
    get appNote(): string | null {
        if (this.isWebexCalling) return null;
        return formatLabel(APP_NOTE, this.backend === 'BroadWorks' ? BACKEND_BROADWORKS : BACKEND_UCM);
    }

    get dialErrorText(): string {
        return `${DIAL_FAILED} ${this.state.dialError ?? ''}`.trim();
    }

    get retryText(): string | null {
        const wait = this.state.retryWait;
        return wait ? formatLabel(RETRYING, wait.secondsLeft, wait.attempt, wait.maxAttempts) : null;
    }

    get cardWho(): string | null {
        return this.state.callWho?.name ?? this.state.call.remoteParty?.name ?? null;
    }

    get cardNumber(): string | null {
        const { appCall, call } = this.state;
        if (appCall) return this.display(appCall.number);
        return this.display(call.remoteParty?.number ?? call.destination ?? this.state.callNumber);
    }

    /** Who and what number a log opened now is about. */
    get logParty(): LogParty {
        const who = this.state.callWho;
        return {
            phoneNumber: this.display(this.state.callNumber),
            whoId: who?.recordId ?? null,
            whoName: who?.name ?? null
        };
    }

    get callerName(): string | null {
        return this.state.call.remoteParty?.name ?? null;
    }

    get callerNumber(): string | null {
        return this.display(this.state.call.remoteParty?.number ?? null);
    }

    get canAnswer(): boolean {
        return capabilities(this.state.call).canAnswer;
    }

    get incomingBusy(): boolean {
        return this.state.call.pending !== null;
    }

    get chosenCallerId(): string | null {
        return this.state.callWho?.recordId ?? null;
    }

    /** An open log keeps the ended call's card: the call closes with its log. */
    get cardDismissible(): boolean {
        return !this.state.logs.open;
    }

    get historyDisabled(): boolean {
        return this.state.call.status !== 'idle';
    }

    /** The inbound call this tab popped is the current call. */
    get isInbound(): boolean {
        return isPoppedCall(this.state.inbound, this.state.call);
    }

    /** The country of numbers typed without one: the settings', else the user's locale. */
    get defaultCountry(): string | null {
        return this.state.settings?.defaultCountry ?? userCountry();
    }

    /** A number as a person reads it (E.164 with `;ext=` kept → national or international form). */
    display(value: string | null | undefined): string | null {
        if (!value) return null;
        const reading = parsePhoneNumber(value, this.defaultCountry);
        if (!reading.valid) return value;
        return formatForDisplay(reading.number.e164, reading.number.extension, undefined, {
            extensionLabel: EXTENSION
        });
    }
}
