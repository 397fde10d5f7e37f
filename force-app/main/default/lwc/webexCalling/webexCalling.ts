/**
 * The Calling part of the "Webex" utility item (B1, B3, B6, B8): dial a number or a person found as
 * one types (a click on a found number calls it), follow the call, answer the calls that come in, log
 * them (a log saved after the call says what was saved, with its Task), call back from Recent, and dial
 * what "Make a Call" asks for.
 *
 * The logic lives in service modules: `c/webexCallSession` (call control and pushed call events, one
 * tab per call), `c/webexDialerSearch` (search as one types), `c/webexPhoneNumber` (E.164). This
 * component wires them to the screen:
 * - Loading: `getDialerSettings` once; a rep who has not connected Webex (or whose connection
 *   stopped working) is asked to connect first. Once connected, the ready dialer shows above the
 *   number who the rep is connected as in Webex, with Disconnect (`c-webex-user-connect`, line).
 * - Outbound: the number is read as E.164 (default country: the settings', else the user's locale;
 *   an extension is kept as `;ext=`); an unreadable number says why and stays in the field.
 *   Webex Calling dials through Apex (429 retried with a countdown); Unified CM and BroadWorks hand
 *   the number to the Webex app through `tel:`.
 * - Inbound: only the tab that claims the call shows the banner; the caller's number is matched as
 *   the rep (`matchCaller`): one record opens, several let the rep choose, none offer New Contact /
 *   New Lead with the number filled in.
 * - Call log: opens when a call starts (dial accepted, or inbound answered) if the rep logs that
 *   direction, and stays after hang-up until saved or closed, so notes are never lost.
 * - "Make a Call" publishes `{ type: 'dial' }` on `WebexCalling__c`; the dialer acknowledges with
 *   `dialAccepted` (one tab: the same claim as calls), fills the number and the record, and dials.
 * - An incoming call or a Make a Call request fires `attention`: the utility item (c-webex-dialer)
 *   opens its panel, which may be closed.
 */
import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe,
    unsubscribe,
    type MessageContextType,
    type MessageSubscription
} from 'lightning/messageService';
import WEBEX_CALLING from '@salesforce/messageChannel/WebexCalling__c';
import getDialerSettings from '@salesforce/apex/WebexCallController.getDialerSettings';
import matchCaller from '@salesforce/apex/WebexCallController.matchCaller';
import searchPeople from '@salesforce/apex/WebexCallController.searchPeople';
import { CallClaims } from 'c/webexCallClaim';
import type { CallLogSavedDetail } from 'c/webexCallLog';
import type { CallLogSummary } from 'c/webexCallLogSaved';
import { CallSession } from 'c/webexCallSession';
import { INITIAL_CALL_STATE, type CallState } from 'c/webexCallState';
import { DialerSearch, type SearchUpdate } from 'c/webexDialerSearch';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { formatForDisplay, parsePhoneNumber, userCountry, type PhoneNumberProblem } from 'c/webexPhoneNumber';
import type { RetryWait } from 'c/webexRetry';
import APP_NOTE from '@salesforce/label/c.WebexDialer_AppNote';
import BACKEND_BROADWORKS from '@salesforce/label/c.WebexDialer_BackendBroadWorks';
import BACKEND_UCM from '@salesforce/label/c.WebexDialer_BackendUnifiedCM';
import BUSY from '@salesforce/label/c.WebexDialer_Busy';
import CALL from '@salesforce/label/c.WebexDialer_Call';
import CALLING_WHO from '@salesforce/label/c.WebexDialer_CallingWho';
import DIAL_FAILED from '@salesforce/label/c.WebexDialer_DialFailed';
import EXTENSION from '@salesforce/label/c.WebexDialer_Extension';
import KEYPAD_VIEW from '@salesforce/label/c.WebexDialer_ViewKeypad';
import LOAD_FAILED from '@salesforce/label/c.WebexDialer_LoadFailed';
import LOADING from '@salesforce/label/c.WebexDialer_Loading';
import NUMBER from '@salesforce/label/c.WebexDialer_Number';
import NUMBER_IS_NAME from '@salesforce/label/c.WebexDialer_NumberIsName';
import NUMBER_PLACEHOLDER from '@salesforce/label/c.WebexDialer_NumberPlaceholder';
import PROBLEM_EMPTY from '@salesforce/label/c.WebexDialer_ProblemEmpty';
import PROBLEM_INVALID from '@salesforce/label/c.WebexDialer_ProblemInvalid';
import PROBLEM_CHARACTERS from '@salesforce/label/c.WebexDialer_ProblemCharacters';
import PROBLEM_COUNTRY_CODE from '@salesforce/label/c.WebexDialer_ProblemCountryCode';
import PROBLEM_COUNTRY_CODE_AFTER_PREFIX from '@salesforce/label/c.WebexDialer_ProblemCountryCodeAfterPrefix';
import PROBLEM_NO_COUNTRY from '@salesforce/label/c.WebexDialer_ProblemNoCountry';
import PROBLEM_TOO_LONG from '@salesforce/label/c.WebexDialer_ProblemTooLong';
import PROBLEM_TOO_SHORT from '@salesforce/label/c.WebexDialer_ProblemTooShort';
import RECENT_VIEW from '@salesforce/label/c.WebexDialer_ViewRecent';
import RETRY from '@salesforce/label/c.WebexDialer_Retry';
import RETRYING from '@salesforce/label/c.WebexDialer_Retrying';
import STREAM_PROBLEM from '@salesforce/label/c.WebexDialer_StreamProblem';
import VIEW from '@salesforce/label/c.WebexDialer_View';

type Direction = 'Outbound' | 'Inbound';

/** The person a call is with, when known (a search result, Make a Call's record, the matched caller). */
interface Who {
    recordId: string;
    objectApiName: string | null;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
}

/** What the call-log panel is given (c-webex-call-log's contract). */
interface CallLogView {
    callId: string;
    direction: Direction;
    phoneNumber: string | null;
    whoId: string | null;
    whoName: string | null;
    relatedObjects: WebexObjectOption[];
    durationSeconds: number | null;
    ended: boolean;
}

/** The caller matching of the inbound call this tab shows. */
interface InboundMatch {
    callId: string;
    matches: WebexPersonMatch[] | null;
    matching: boolean;
    error: string | null;
}

/** A call the Webex app places (Unified CM, BroadWorks): Salesforce only knows it started. */
interface AppCall {
    callId: string;
    number: string;
}

const PROBLEMS: Record<PhoneNumberProblem, string> = {
    EMPTY: PROBLEM_EMPTY,
    NO_NUMBER: PROBLEM_INVALID,
    INVALID_CHARACTERS: PROBLEM_CHARACTERS,
    INVALID_COUNTRY_CODE: PROBLEM_COUNTRY_CODE,
    TOO_SHORT: PROBLEM_TOO_SHORT,
    TOO_LONG: PROBLEM_TOO_LONG,
    INVALID_NUMBER: PROBLEM_INVALID,
    NO_DEFAULT_COUNTRY: PROBLEM_NO_COUNTRY
};

/**
 * Why `typed` cannot be called, in the terms of what was typed. Without a `+`, a calling code is only read after
 * an international prefix (`00`, or `011` in North America), so `0000` is `00` then the code `00`: saying "the
 * digits after +" would speak of a + nobody typed.
 */
function problemText(problem: PhoneNumberProblem, typed: string): string {
    if (problem !== 'INVALID_COUNTRY_CODE') return PROBLEMS[problem];
    const text = typed.trim();
    if (text.startsWith('+')) return PROBLEMS[problem];
    const digits = text.replace(/\D/g, '');
    const prefix = ['00', '011'].find((candidate) => digits.startsWith(candidate));
    return prefix ? formatLabel(PROBLEM_COUNTRY_CODE_AFTER_PREFIX, prefix) : PROBLEM_INVALID;
}

const IDLE_SEARCH: SearchUpdate = { status: 'idle', term: '', results: [], error: null };
const ESTABLISHED: readonly string[] = ['connected', 'held', 'remoteHeld'];
const LETTERS = /\p{L}/u;

/** An id for a call Webex does not name (the Webex app places it): the call log's key. */
function appCallId(): string {
    return `app-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export default class WebexCalling extends NavigationMixin(LightningElement) {
    private messageContext: MessageContextType | null = null;

    /** The page's message context: Make a Call is listened to once it is there. */
    @wire(MessageContext)
    wiredMessageContext(context: MessageContextType): void {
        this.messageContext = context ?? null;
        this.subscribeToMakeACall();
    }

    readonly labels = {
        loading: LOADING,
        loadFailed: LOAD_FAILED,
        retry: RETRY,
        number: NUMBER,
        numberPlaceholder: NUMBER_PLACEHOLDER,
        call: CALL,
        view: VIEW,
        streamProblem: STREAM_PROBLEM
    };
    readonly views = [
        { label: KEYPAD_VIEW, value: 'keypad' },
        { label: RECENT_VIEW, value: 'recent' }
    ];

    settings: WebexDialerSettings | null = null;
    loading = true;
    loadError: string | null = null;
    /** What is in the number field, as typed. */
    number = '';
    numberError: string | null = null;
    /** The person whose number was chosen (search result, Make a Call). */
    chosen: (Who & { number: string }) | null = null;
    search: SearchUpdate = IDLE_SEARCH;
    view: 'keypad' | 'recent' = 'keypad';
    call: CallState = INITIAL_CALL_STATE;
    /** Who the current call is with, and its number (E.164, `;ext=` kept). */
    callWho: Who | null = null;
    callNumber: string | null = null;
    retryWait: RetryWait | null = null;
    dialError: string | null = null;
    actionError: string | null = null;
    inbound: InboundMatch | null = null;
    log: CallLogView | null = null;
    /**
     * The log of a call answered while another call's log was still open: it opens once that one is
     * saved or closed (an open log is never replaced: its notes would be lost).
     */
    private queuedLog: CallLogView | null = null;
    /** The log saved after its call, said until dismissed or the next call starts (c-webex-call-log-saved). */
    savedLog: CallLogSummary | null = null;
    appCall: AppCall | null = null;
    streamProblem = false;
    /** The rep disconnected from the account line: the connect card that follows says so. */
    justDisconnected = false;

    private readonly claims = new CallClaims();
    private readonly session = new CallSession({ claims: this.claims });
    private readonly searcher = new DialerSearch(
        (searchTerm) => searchPeople({ searchTerm }),
        (update) => {
            this.search = update;
        }
    );
    private messageSubscription: MessageSubscription | null = null;
    /** A Make a Call request that came while the dialer was not ready: dialled once it is. */
    private dialWhenReady = false;
    /** Whether the session listens to the rep's pushes (once, when Webex Calling is connected). */
    private listening = false;
    private stopListening: Array<() => void> = [];

    connectedCallback(): void {
        this.stopListening = [
            this.session.onChange((state) => this.handleCallState(state)),
            this.session.onStreamProblem((problem) => {
                this.streamProblem = problem;
            })
        ];
        this.load();
    }

    disconnectedCallback(): void {
        this.stopListening.forEach((stop) => stop());
        this.stopListening = [];
        this.searcher.cancel();
        this.session.close();
        this.claims.close();
        if (this.messageSubscription) unsubscribe(this.messageSubscription);
        this.messageSubscription = null;
    }

    // ----- what the template shows ------------------------------------------------------------

    get backend(): WebexCallingBackend {
        return this.settings?.backend ?? 'WebexCalling';
    }

    get isWebexCalling(): boolean {
        return this.backend === 'WebexCalling';
    }

    /** Webex Calling needs the rep's own connection; the Webex app (tel:) does not. */
    get needsConnection(): boolean {
        const connection = this.settings?.connection;
        return this.isWebexCalling && Boolean(connection) && (!connection?.connected || Boolean(connection?.problem));
    }

    /** Webex Calling, connected: who the rep is connected as, with Disconnect. */
    get showAccount(): boolean {
        return this.isWebexCalling && this.isReady && Boolean(this.settings?.connection?.connected);
    }

    get isReady(): boolean {
        return Boolean(this.settings) && !this.needsConnection;
    }

    get showIncoming(): boolean {
        return this.isInbound && this.call.status === 'alerting';
    }

    /** Inbound and answered, the caller still to be chosen or created: the choice stays on screen. */
    get showCallerChoice(): boolean {
        const match = this.inbound;
        if (!this.isInbound || !match || !ESTABLISHED.includes(this.call.status) || this.callWho) return false;
        return Boolean(match.matches && match.matches.length !== 1);
    }

    get showCallCard(): boolean {
        return Boolean(this.appCall) || (this.call.status !== 'idle' && !this.showIncoming);
    }

    get showDialer(): boolean {
        return !this.showCallCard && !this.showIncoming && !this.log;
    }

    get showHistory(): boolean {
        return Boolean(this.settings?.callHistoryEnabled) && this.isWebexCalling;
    }

    get isRecentView(): boolean {
        return this.showHistory && this.view === 'recent';
    }

    get showKeypad(): boolean {
        return !LETTERS.test(this.number);
    }

    get showResults(): boolean {
        return this.search.status !== 'idle';
    }

    get callDisabled(): boolean {
        return !this.number.trim();
    }

    /** Unified CM / BroadWorks: what the dialer can and cannot do there, said before the first call. */
    get appNote(): string | null {
        if (this.isWebexCalling) return null;
        return formatLabel(APP_NOTE, this.backend === 'BroadWorks' ? BACKEND_BROADWORKS : BACKEND_UCM);
    }

    get dialErrorText(): string {
        return `${DIAL_FAILED} ${this.dialError ?? ''}`.trim();
    }

    get chosenText(): string | null {
        return this.chosen ? formatLabel(CALLING_WHO, this.chosen.name) : null;
    }

    get retryText(): string | null {
        const wait = this.retryWait;
        return wait ? formatLabel(RETRYING, wait.secondsLeft, wait.attempt, wait.maxAttempts) : null;
    }

    get cardWho(): string | null {
        return this.callWho?.name ?? this.call.remoteParty?.name ?? null;
    }

    get cardNumber(): string | null {
        if (this.appCall) return this.display(this.appCall.number);
        return this.display(this.call.remoteParty?.number ?? this.call.destination ?? this.callNumber);
    }

    get callerName(): string | null {
        return this.call.remoteParty?.name ?? null;
    }

    get callerNumber(): string | null {
        return this.display(this.call.remoteParty?.number ?? null);
    }

    get canAnswer(): boolean {
        return this.session.capabilities.canAnswer;
    }

    get incomingBusy(): boolean {
        return this.call.pending !== null;
    }

    get chosenCallerId(): string | null {
        return this.callWho?.recordId ?? null;
    }

    get cardDismissible(): boolean {
        return !this.log;
    }

    get historyDisabled(): boolean {
        return this.call.status !== 'idle';
    }

    private get isInbound(): boolean {
        return this.call.direction === 'inbound' && Boolean(this.inbound) && this.inbound?.callId === this.call.callId;
    }

    private get defaultCountry(): string | null {
        return this.settings?.defaultCountry ?? userCountry();
    }

    /** A number as a person reads it (E.164 with `;ext=` kept → national or international form). */
    private display(value: string | null | undefined): string | null {
        if (!value) return null;
        const reading = parsePhoneNumber(value, this.defaultCountry);
        if (!reading.valid) return value;
        return formatForDisplay(reading.number.e164, reading.number.extension, undefined, {
            extensionLabel: EXTENSION
        });
    }

    // ----- loading ----------------------------------------------------------------------------

    handleRetryLoad(): void {
        this.load();
    }

    /** The connection card (c-webex-user-connect) learned the rep's connection: once it works, dial. */
    handleConnectionChange(event: CustomEvent<WebexUserConnection>): void {
        const connection = event.detail;
        if (!this.settings || !connection) return;
        this.justDisconnected = Boolean(this.settings.connection?.connected) && !connection.connected;
        this.settings = { ...this.settings, connection };
        if (connection.connected && !connection.problem) this.load();
    }

    private async load(): Promise<void> {
        this.loading = true;
        this.loadError = null;
        try {
            this.settings = await getDialerSettings();
        } catch (error) {
            this.loadError = toWebexError(error).message;
            return;
        } finally {
            this.loading = false;
        }
        if (this.isWebexCalling && this.isReady && this.settings.eventChannel && !this.listening) {
            this.listening = true;
            await this.session.connect(this.settings.eventChannel);
        }
        if (this.dialWhenReady && this.isReady) {
            this.dialWhenReady = false;
            await this.handleCall();
        }
    }

    // ----- the number field, search and keypad -------------------------------------------------

    handleViewChange(event: CustomEvent<{ value: 'keypad' | 'recent' }>): void {
        this.view = event.detail.value;
    }

    handleNumberChange(event: CustomEvent<{ value: string }>): void {
        this.setNumber(event.detail.value ?? '');
    }

    handleKey(event: CustomEvent<{ key: string }>): void {
        this.setNumber(`${this.number}${event.detail.key}`);
    }

    handleNumberKeydown(event: KeyboardEvent): void {
        if (event.key === 'Enter' && !this.callDisabled) {
            event.preventDefault();
            this.handleCall();
        }
    }

    /** A result's number is named "Call <person>, <field>, <number>": choosing it places the call. */
    handleChoose(event: CustomEvent<{ recordId: string; objectApiName: string; name: string; number: string }>): void {
        const { recordId, objectApiName, name, number } = event.detail;
        this.searcher.cancel();
        this.search = IDLE_SEARCH;
        this.number = number;
        this.chosen = { recordId, objectApiName, name, number };
        this.clearNumberError();
        this.dialError = null;
        this.handleCall();
    }

    handleCallBack(event: CustomEvent<{ number: string; name: string | null }>): void {
        this.view = 'keypad';
        this.chosen = null;
        this.number = event.detail.number;
        this.clearNumberError();
        this.handleCall();
    }

    private setNumber(value: string): void {
        this.number = value;
        this.clearNumberError();
        this.dialError = null;
        if (this.chosen && this.chosen.number !== value) this.chosen = null;
        if (this.settings?.searchObjects?.length) this.searcher.input(value);
    }

    private clearNumberError(): void {
        if (!this.numberError) return;
        this.numberError = null;
        this.numberField()?.setCustomValidity('');
        this.numberField()?.reportValidity();
    }

    private numberField(): { setCustomValidity(m: string): void; reportValidity(): boolean } | null {
        return this.template?.querySelector('lightning-input[data-id="number"]') as unknown as {
            setCustomValidity(m: string): void;
            reportValidity(): boolean;
        } | null;
    }

    // ----- calling ----------------------------------------------------------------------------

    /** Reads the number, then dials it (Webex Calling) or hands it to the Webex app. */
    async handleCall(): Promise<void> {
        if (!this.isReady) return;
        const reading = parsePhoneNumber(this.number, this.defaultCountry);
        if (!reading.valid) {
            this.numberError = LETTERS.test(this.number) ? NUMBER_IS_NAME : problemText(reading.problem, this.number);
            const field = this.numberField();
            field?.setCustomValidity(this.numberError);
            field?.reportValidity();
            return;
        }
        const { e164, extension } = reading.number;
        const destination = extension ? `${e164};ext=${extension}` : e164;
        this.searcher.cancel();
        this.search = IDLE_SEARCH;
        this.dialError = null;
        this.actionError = null;
        this.savedLog = null;
        this.callWho = this.chosen ? { ...this.chosen } : null;
        this.callNumber = destination;
        if (this.isWebexCalling) await this.dial(destination);
        else this.callThroughApp(destination);
    }

    private async dial(destination: string): Promise<void> {
        try {
            const result = await this.session.dial(destination, {
                onWait: (wait) => {
                    this.retryWait = wait;
                }
            });
            if (result) this.openLog(result.callId, 'Outbound');
        } catch (error) {
            const failure = toWebexError(error);
            if (failure.code === 'NOT_CONNECTED' && this.settings) {
                // The connection stopped working: the connect card comes back; the number stays typed.
                this.settings = {
                    ...this.settings,
                    connection: { ...this.settings.connection, connected: false, problem: failure.message }
                };
            } else {
                this.dialError = failure.message;
                // The administrator switched to Unified CM or BroadWorks meanwhile: the dialer follows.
                if (failure.code === 'UNSUPPORTED_BACKEND') this.load();
            }
        } finally {
            this.retryWait = null;
        }
    }

    /**
     * Unified CM / BroadWorks: Salesforce cannot place the call. The Webex app is the computer's
     * handler for `tel:` links, so opening one hands it the number and the app places the call; the
     * call log opens here, without duration or hang-up (the app reports nothing back).
     */
    private callThroughApp(destination: string): void {
        window.open(`tel:${destination}`, '_self');
        const callId = appCallId();
        this.appCall = { callId, number: destination };
        this.openLog(callId, 'Outbound');
    }

    // ----- the call ---------------------------------------------------------------------------

    handleHangUp(): void {
        this.run(() => this.session.hangUp());
    }

    handleHold(): void {
        this.run(() => this.session.hold());
    }

    handleResume(): void {
        this.run(() => this.session.resume());
    }

    handleMute(): void {
        this.run(() => this.session.mute());
    }

    handleUnmute(): void {
        this.run(() => this.session.unmute());
    }

    handleAnswer(): void {
        this.run(() => this.session.answer());
    }

    handleDecline(): void {
        this.run(() => this.session.decline());
    }

    handleDismiss(): void {
        this.endCall();
    }

    private async run(action: () => Promise<boolean>): Promise<void> {
        this.actionError = null;
        try {
            await action();
        } catch (error) {
            this.actionError = toWebexError(error).message;
        }
    }

    private handleCallState(state: CallState): void {
        const before = this.call;
        this.call = state;
        if (state.status === 'idle') {
            if (before.status !== 'idle') this.afterCall(before);
            return;
        }
        if (state.direction === 'inbound' && state.callId && state.callId !== this.inbound?.callId) {
            this.matchInbound(state);
        }
        if (
            this.isInbound &&
            state.callId &&
            ESTABLISHED.includes(state.status) &&
            !ESTABLISHED.includes(before.status)
        ) {
            this.openLog(state.callId, 'Inbound');
        }
        if (state.status === 'disconnected') {
            this.log = this.withEnd(this.log, state);
            this.queuedLog = this.withEnd(this.queuedLog, state);
        }
    }

    /** Back to the dialer once the call's card and log are closed. */
    private endCall(): void {
        // Dismissing the ended call comes back through handleCallState (idle), which cleans up.
        if (this.call.status === 'disconnected') this.session.dismiss();
        else this.afterCall(this.call);
    }

    /** Forgets the call that ended; a number dialled here leaves the field (a failed dial keeps it). */
    private afterCall(ended: CallState): void {
        const placedHere = Boolean(this.appCall) || (ended.direction === 'outbound' && ended.endReason !== 'failed');
        this.appCall = null;
        this.inbound = null;
        this.callWho = null;
        this.callNumber = null;
        this.actionError = null;
        if (placedHere) {
            this.number = '';
            this.chosen = null;
        }
    }

    // ----- inbound ----------------------------------------------------------------------------

    private async matchInbound(state: CallState): Promise<void> {
        const callId = state.callId as string;
        const phoneNumber = state.remoteParty?.number ?? null;
        this.callWho = null;
        this.callNumber = phoneNumber;
        this.savedLog = null;
        this.inbound = { callId, matches: phoneNumber ? null : [], matching: Boolean(phoneNumber), error: null };
        if (state.status === 'alerting') this.askForAttention();
        if (!phoneNumber) return;
        try {
            const matches = (await matchCaller({ phoneNumber })) ?? [];
            if (this.inbound?.callId !== callId) return;
            this.inbound = { ...this.inbound, matches, matching: false };
            if (matches.length === 1) this.openCaller(matches[0]);
        } catch (error) {
            if (this.inbound?.callId !== callId) return;
            this.inbound = { ...this.inbound, matching: false, error: toWebexError(error).message };
        }
    }

    handleChooseCaller(event: CustomEvent<{ recordId: string; objectApiName: string; name: string }>): void {
        this.openCaller(event.detail);
    }

    handleNewRecord(event: CustomEvent<{ objectApiName: string }>): void {
        const phone = this.call.remoteParty?.number;
        this[NavigationMixin.Navigate]({
            type: 'standard__objectPage',
            attributes: { objectApiName: event.detail.objectApiName, actionName: 'new' },
            state: { defaultFieldValues: phone ? encodeDefaultFieldValues({ Phone: phone }) : undefined }
        });
    }

    /** The caller's record opens (the screen pop) and becomes the call's who. */
    private openCaller(who: { recordId: string; objectApiName: string | null; name: string }): void {
        this.setWho({ recordId: who.recordId, objectApiName: who.objectApiName, name: who.name });
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: who.recordId, objectApiName: who.objectApiName ?? undefined, actionName: 'view' }
        });
    }

    private setWho(who: Who): void {
        this.callWho = who;
        const named = (log: CallLogView | null): CallLogView | null => {
            if (!log || log.callId !== this.call.callId) return log;
            return { ...log, whoId: who.recordId, whoName: who.name };
        };
        this.log = named(this.log);
        this.queuedLog = named(this.queuedLog);
    }

    /** The panel may be closed: the utility item opens it. */
    private askForAttention(): void {
        this.dispatchEvent(new CustomEvent('attention'));
    }

    // ----- call log ---------------------------------------------------------------------------

    private openLog(callId: string, direction: Direction): void {
        const settings = direction === 'Outbound' ? this.settings?.outboundLog : this.settings?.inboundLog;
        if (!settings?.enabled || this.log?.callId === callId) return;
        const view: CallLogView = {
            callId,
            direction,
            phoneNumber: this.display(this.callNumber),
            whoId: this.callWho?.recordId ?? null,
            whoName: this.callWho?.name ?? null,
            relatedObjects: settings.relatedObjects ?? [],
            durationSeconds: null,
            ended: false
        };
        if (this.log) this.queuedLog = view;
        else this.log = view;
    }

    /** A log whose call just ended gets the duration (null on Unified CM / BroadWorks). */
    private withEnd(log: CallLogView | null, state: CallState): CallLogView | null {
        return log && log.callId === state.callId
            ? { ...log, ended: true, durationSeconds: state.durationSeconds }
            : log;
    }

    /**
     * Saved: once the call is over the panel has done its job and closes, saying what it saved (with the Task);
     * during the call it stays for more notes.
     */
    handleLogSaved(event: CustomEvent<CallLogSavedDetail>): void {
        if (!this.logCallEnded) return;
        this.savedLog = event.detail?.summary ?? null;
        this.closeLog();
    }

    handleSavedDismiss(): void {
        this.savedLog = null;
        // The confirmation had the focus: it goes back where the next call starts.
        Promise.resolve().then(() =>
            (this.template?.querySelector('[data-id="number"]') as HTMLElement | null)?.focus()
        );
    }

    handleLogClose(): void {
        this.closeLog();
    }

    private get logCallEnded(): boolean {
        if (!this.log) return false;
        return this.log.ended || this.appCall?.callId === this.log.callId || this.call.callId !== this.log.callId;
    }

    private closeLog(): void {
        const callId = this.log?.callId;
        this.log = this.queuedLog;
        this.queuedLog = null;
        if (this.appCall?.callId === callId || (this.call.callId === callId && this.call.status === 'disconnected'))
            this.endCall();
    }

    // ----- Make a Call ------------------------------------------------------------------------

    private subscribeToMakeACall(): void {
        if (this.messageSubscription || !this.messageContext) return;
        this.messageSubscription = subscribe<WebexCallingMessage>(
            this.messageContext,
            WEBEX_CALLING,
            (message) => {
                this.handleMakeACall(message);
            },
            { scope: APPLICATION_SCOPE }
        );
    }

    private async handleMakeACall(message: WebexCallingMessage | null | undefined): Promise<void> {
        if (message?.type !== 'dial' || !message.requestId || !message.number) return;
        if (!(await this.claims.claim(`dial-request:${message.requestId}`))) return;
        if (this.messageContext) {
            publish(this.messageContext, WEBEX_CALLING, { type: 'dialAccepted', requestId: message.requestId });
        }
        this.askForAttention();
        if (this.call.status !== 'idle' || this.appCall || this.log) {
            // One call at a time: the request is acknowledged (the dialer is here) and says why it waits.
            this.dialError = BUSY;
            return;
        }
        this.view = 'keypad';
        this.searcher.cancel();
        this.search = IDLE_SEARCH;
        this.number = message.number;
        this.chosen = message.recordId
            ? {
                  recordId: message.recordId,
                  objectApiName: message.objectApiName,
                  name: message.recordName ?? message.number,
                  number: message.number
              }
            : null;
        this.clearNumberError();
        if (this.isReady) await this.handleCall();
        else this.dialWhenReady = true;
    }
}
