/**
 * The Calling part of the "Webex" utility item (B1, B3, B6, B8): dial a number or a person found as one
 * types, follow the call, answer the calls that come in, log them, call back from Recent, and dial what
 * "Make a Call" asks for (docs/calling.md). This component keeps the state (each service's state is shown
 * as its own fields) and wires the flows, each a service module with its own tests:
 * - `c/webexCallingView`: what the panel shows, read from the state.
 * - `c/webexDialerSetup`: the settings and the rep's connection (connect first, else no dialling).
 * - `c/webexDialerEntry`: the number, kept while `c-webex-dialer-panel` (the dialer) hides during a call.
 * - `c/webexCallPlacement`: a number dialled (Webex Calling) or handed to the Webex app (`tel:`).
 * - `c/webexCallSession`: call control and the pushes (`c/webexCallStream`), one tab per call.
 * - `c/webexCallerPop`, `c/webexCallLogHandoff`: the inbound caller popped; which call's log is open.
 * - `c/webexDialRequest`: Make a Call's requests, claimed by one tab and acknowledged.
 * An incoming call or a Make a Call request fires `attention`: the utility item (c-webex-dialer) opens its
 * panel, which may be closed.
 */
import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { MessageContext, type MessageContextType } from 'lightning/messageService';
import getDialerSettings from '@salesforce/apex/WebexCallController.getDialerSettings';
import matchCaller from '@salesforce/apex/WebexCallController.matchCaller';
import searchPeople from '@salesforce/apex/WebexCallController.searchPeople';
import { CallClaims } from 'c/webexCallClaim';
import { CallerPop, newRecordPage, recordPage, type CallParty, type InboundMatch } from 'c/webexCallerPop';
import type { CallLogSavedDetail } from 'c/webexCallLog';
import type { CallLogSummary } from 'c/webexCallLogSaved';
import { CallLogHandoff, NO_LOGS, type CallLogs, type Direction } from 'c/webexCallLogHandoff';
import { CallPlacement, type AppCall } from 'c/webexCallPlacement';
import { CallingView, LABELS, type CallingState } from 'c/webexCallingView';
import { CallSession } from 'c/webexCallSession';
import { INITIAL_CALL_STATE, isEstablished, type CallState } from 'c/webexCallState';
import { answerDialRequests, requestedPerson, type DialRequest } from 'c/webexDialRequest';
import { DialerEntry, EMPTY_ENTRY, type ChosenPerson, type EntryState } from 'c/webexDialerEntry';
import type { DialerView } from 'c/webexDialerPanel';
import { DialerSetup } from 'c/webexDialerSetup';
import { toWebexError } from 'c/webexErrors';
import type { RetryWait } from 'c/webexRetry';
import BUSY from '@salesforce/label/c.WebexDialer_Busy';

type DialerPanel = Element & { focusNumber(): void };

export default class WebexCalling extends NavigationMixin(LightningElement) implements CallingState {
    readonly labels = LABELS;

    settings: WebexDialerSettings | null = null;
    loading = true;
    loadError: string | null = null;
    entry: EntryState = EMPTY_ENTRY;
    view: DialerView = 'keypad';
    call: CallState = INITIAL_CALL_STATE;
    callWho: CallParty | null = null;
    callNumber: string | null = null;
    retryWait: RetryWait | null = null;
    dialError: string | null = null;
    actionError: string | null = null;
    inbound: InboundMatch | null = null;
    logs: CallLogs = NO_LOGS;
    appCall: AppCall | null = null;
    streamProblem = false;
    justDisconnected = false;

    private readonly claims = new CallClaims();
    private readonly session = new CallSession({ claims: this.claims });
    private readonly setup = new DialerSetup(getDialerSettings, (state) => Object.assign(this, state));
    private readonly placement = new CallPlacement({
        dial: (destination, options) => this.session.dial(destination, options),
        onChange: (state) => Object.assign(this, state)
    });
    private readonly numberEntry = new DialerEntry({
        search: (searchTerm) => searchPeople({ searchTerm }),
        onChange: (entry) => Object.assign(this, { entry })
    });
    private readonly logBook = new CallLogHandoff((logs) => Object.assign(this, { logs }));
    private readonly pop = new CallerPop({
        match: (phoneNumber) => matchCaller({ phoneNumber }),
        onChange: (inbound) => Object.assign(this, { inbound }),
        onFound: (caller) => this.openCaller(caller)
    });
    /** A Make a Call request that came while the dialer was not ready: dialled once it is. */
    private dialWhenReady = false;
    private stopDialRequests: (() => void) | null = null;

    /** The page's message context: Make a Call is listened to once it is there. */
    @wire(MessageContext)
    wiredMessageContext(context: MessageContextType): void {
        if (!context || this.stopDialRequests) return;
        this.stopDialRequests = answerDialRequests(context, {
            claim: (key) => this.claims.claim(key),
            onRequest: (request) => this.takeDialRequest(request)
        });
    }

    connectedCallback(): void {
        // Closing the session (disconnectedCallback) drops these listeners.
        this.session.onChange((state) => this.handleCallState(state));
        this.session.onStreamProblem((streamProblem) => Object.assign(this, { streamProblem }));
        this.load();
    }

    disconnectedCallback(): void {
        this.numberEntry.close();
        this.session.close();
        this.claims.close();
        this.stopDialRequests?.();
        this.stopDialRequests = null;
    }

    /** What the template shows (c/webexCallingView), read from this component's state. */
    get screen(): CallingView {
        return new CallingView(this);
    }

    /** The loading line or the load error (c-webex-load-state) stands in for the dialer. */
    get showLoadState(): boolean {
        return this.loading || Boolean(this.loadError);
    }

    handleRetryLoad(): void {
        this.load();
    }

    /** The connection card (c-webex-user-connect) learned the rep's connection: once it works, dial. */
    handleConnectionChange(event: CustomEvent<WebexUserConnection>): void {
        if (this.setup.connectionChanged(event.detail)) this.load();
    }

    /** Once loaded and ready: the pushes are listened to (Webex Calling), and a waiting request dialled. */
    private async load(): Promise<void> {
        const settings = await this.setup.load();
        const screen = this.screen;
        if (!settings || !screen.isReady) return;
        // Once: the session listens to the first channel it is given.
        if (screen.isWebexCalling && settings.eventChannel) await this.session.connect(settings.eventChannel);
        if (this.dialWhenReady) {
            this.dialWhenReady = false;
            await this.handleCall();
        }
    }

    handleViewChange(event: CustomEvent<{ value: DialerView }>): void {
        this.view = event.detail.value;
    }

    handleNumberChange(event: CustomEvent<{ value: string }>): void {
        this.typeNumber(event.detail.value);
    }

    handleKey(event: CustomEvent<{ key: string }>): void {
        this.typeNumber(`${this.entry.number}${event.detail.key}`);
    }

    /** A result's number is named "Call <person>, <field>, <number>": choosing it places the call. */
    handleChoose(event: CustomEvent<ChosenPerson>): void {
        const { recordId, objectApiName, name, number } = event.detail;
        this.dialError = null;
        this.dialNumber(number, { recordId, objectApiName, name, number });
    }

    handleCallBack(event: CustomEvent<{ number: string; name: string | null }>): void {
        this.dialNumber(event.detail.number, null);
    }

    /** Typed or keyed in: the search follows when People Search looks somewhere. */
    private typeNumber(value: string): void {
        this.dialError = null;
        this.numberEntry.type(value, Boolean(this.settings?.searchObjects?.length));
    }

    /** A number from a result, Recent or Make a Call fills the field and is dialled, now or once ready. */
    private dialNumber(number: string, chosen: ChosenPerson | null): void {
        this.view = 'keypad';
        this.numberEntry.fill(number, chosen);
        if (this.screen.isReady) this.handleCall();
        else this.dialWhenReady = true;
    }

    /** Reads the number, then places the call (c/webexCallPlacement); its log opens. */
    async handleCall(): Promise<void> {
        const screen = this.screen;
        if (!screen.isReady) return;
        // A number that cannot be called: the field says why (entry.problem).
        const destination = this.numberEntry.read(screen.defaultCountry);
        if (!destination) return;
        this.dialError = null;
        this.actionError = null;
        this.logBook.forgetSaved();
        this.callWho = this.entry.chosen ? { ...this.entry.chosen } : null;
        this.callNumber = destination;
        try {
            const callId = await this.placement.place(destination, !screen.isWebexCalling);
            if (callId) this.logCall(callId, 'Outbound');
        } catch (error) {
            this.dialFailed(toWebexError(error));
        }
    }

    private dialFailed(failure: WebexApexErrorPayload): void {
        if (failure.code === 'NOT_CONNECTED' && this.settings) {
            // The connection stopped working: the connect card comes back; the number stays typed.
            this.setup.connectionLost(failure.message);
            return;
        }
        this.dialError = failure.message;
        // The administrator switched to Unified CM or BroadWorks meanwhile: the dialer follows.
        if (failure.code === 'UNSUPPORTED_BACKEND') this.load();
    }

    /** A button of the call card or of the incoming banner, named by the event it fires. */
    async handleCallAction(event: Event): Promise<void> {
        this.actionError = null;
        try {
            await this.session.perform(event.type);
        } catch (error) {
            this.actionError = toWebexError(error).message;
        }
    }

    handleChooseCaller(event: CustomEvent<CallParty>): void {
        this.openCaller(event.detail);
    }

    handleNewRecord(event: CustomEvent<{ objectApiName: string }>): void {
        this[NavigationMixin.Navigate](newRecordPage(event.detail.objectApiName, this.call.remoteParty?.number));
    }

    private handleCallState(state: CallState): void {
        const before = this.call;
        this.call = state;
        if (state.status === 'idle') {
            if (before.status !== 'idle') this.afterCall(before);
            return;
        }
        if (this.pop.isNew(state)) this.popCaller(state);
        if (this.screen.isInbound && state.callId && isEstablished(state) && !isEstablished(before)) {
            this.logCall(state.callId, 'Inbound');
        }
        if (state.status === 'disconnected') this.logBook.callEnded(state.callId, state.durationSeconds);
    }

    /** A new inbound call: its caller is looked up, and the panel opens while it rings. */
    private popCaller(state: CallState): void {
        this.callWho = null;
        this.callNumber = state.remoteParty?.number ?? null;
        this.logBook.forgetSaved();
        this.pop.start(state.callId as string, this.callNumber);
        if (state.status === 'alerting') this.dispatchEvent(new CustomEvent('attention'));
    }

    /** The caller's record opens (the screen pop) and becomes the call's who. */
    private openCaller(caller: CallParty): void {
        const who: CallParty = { recordId: caller.recordId, objectApiName: caller.objectApiName, name: caller.name };
        this.callWho = who;
        this.logBook.named(this.call.callId, who);
        this[NavigationMixin.Navigate](recordPage(who));
    }

    /** Back to the dialer once the call's card and log are closed (the card's Done, the log closed). */
    handleDismiss(): void {
        // Dismissing the ended call comes back through handleCallState (idle), which cleans up.
        if (this.call.status === 'disconnected') this.session.dismiss();
        else this.afterCall(this.call);
    }

    /** Forgets the call that ended; a number dialled here leaves the field (a failed dial keeps it). */
    private afterCall(ended: CallState): void {
        const placedHere = Boolean(this.appCall) || (ended.direction === 'outbound' && ended.endReason !== 'failed');
        this.placement.forgetAppCall();
        this.pop.forget();
        this.callWho = null;
        this.callNumber = null;
        this.actionError = null;
        if (placedHere) this.numberEntry.clear();
    }

    private logCall(callId: string, direction: Direction): void {
        this.logBook.open(this.settings, { callId, direction }, this.screen.logParty);
    }

    /** Saved after the call: the panel closes, saying what it saved; saved during the call, it stays. */
    handleLogSaved(event: CustomEvent<CallLogSavedDetail>): void {
        if (this.logBook.callOver(this.call, this.appCall?.callId)) this.closeOpenLog(event.detail?.summary ?? null);
    }

    handleSavedDismiss(): void {
        this.logBook.forgetSaved();
        // The confirmation had the focus: it goes back where the next call starts.
        Promise.resolve().then(() => this.template?.querySelector<DialerPanel>('c-webex-dialer-panel')?.focusNumber());
    }

    handleLogClose(): void {
        this.closeOpenLog();
    }

    private closeOpenLog(saved?: CallLogSummary | null): void {
        if (this.logBook.close(this.call, this.appCall?.callId, saved)) this.handleDismiss();
    }

    /** A Make a Call request this tab claimed and acknowledged: the number and the record fill in, and it dials. */
    private takeDialRequest(request: DialRequest): void {
        this.dispatchEvent(new CustomEvent('attention'));
        // One call at a time: the request is acknowledged (the dialer is here) and says why it waits.
        if (this.screen.busy) this.dialError = BUSY;
        else this.dialNumber(request.number, requestedPerson(request));
    }
}
