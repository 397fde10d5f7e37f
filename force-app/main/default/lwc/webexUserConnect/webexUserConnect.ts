/**
 * The card the dialer shows for the rep's own Webex connection (docs/calling.md): each rep connects
 * their Webex account once, so call control and incoming-call webhooks act on their own line.
 *
 * - Not available (the administrator has not set up the integration): says to ask the administrator.
 * - Not connected: Connect Webex asks Apex for Webex's authorize URL and opens it in its own window
 *   (`c/webexAuthWindow`, which says why the page gets no handle on that window); the card always offers
 *   a link to the same page too, in case the browser did not open it. The rep allows, finishes on the
 *   Visualforce page `webexuserauth` and closes the window; when this page gets the focus back (or the rep
 *   clicks Check again) the card checks the connection: connected, or Connect Webex again.
 * - Connected: who, and Disconnect. A `problem` (expired, no webhook site...): the message and Reconnect.
 * - Connected without the scopes chat and spaces need (`problem` `scopes`, c/webexConnectionScopes): calling works,
 *   so the card shows who, and under it the reason with Reconnect. The account line says it once: "Not now" is
 *   remembered, and a reconnect clears it; while the rep is in Webex's window the line waits as the card does.
 *
 * Each connection the card learns is announced with a `connectionchange` event (`detail`: the
 * `WebexUserConnection`), so the dialer can follow; `refresh()` checks again on demand. `disconnected`
 * says, when the card appears, that the rep just disconnected elsewhere (the dialer's account line).
 *
 * `variant="line"`: the account line the ready dialer shows above its number field, from the connection
 * the dialer already has (`known`, no check with Webex): who the rep is connected as in Webex (name and
 * email), and Disconnect. Disconnecting announces the new connection; the dialer then shows the card.
 */
import { LightningElement, api } from 'lwc';
import disconnect from '@salesforce/apex/WebexUserConnectionController.disconnect';
import getConnection from '@salesforce/apex/WebexUserConnectionController.getConnection';
import startConnection from '@salesforce/apex/WebexUserConnectionController.startConnection';
import { openAuthWindow, watchAuthWindow } from 'c/webexAuthWindow';
import {
    dismissScopesNotice,
    lacksMessagingScopes,
    scopesNoticeDismissed,
    worksForCalling
} from 'c/webexConnectionScopes';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { callWithRetry } from 'c/webexRetry';
import { forgetDrafts } from 'c/webexSpaceMessages';
import CHECK_AGAIN from '@salesforce/label/c.WebexUserConnect_CheckAgain';
import CONNECT from '@salesforce/label/c.WebexUserConnect_Connect';
import CONNECTED_AS from '@salesforce/label/c.WebexUserConnect_ConnectedAs';
import DISCONNECT from '@salesforce/label/c.WebexUserConnect_Disconnect';
import DISCONNECTED from '@salesforce/label/c.WebexUserConnect_Disconnected';
import DISCONNECTING from '@salesforce/label/c.WebexUserConnect_Disconnecting';
import INTRO from '@salesforce/label/c.WebexUserConnect_Intro';
import LOADING from '@salesforce/label/c.WebexUserConnect_Loading';
import NOT_AVAILABLE from '@salesforce/label/c.WebexUserConnect_NotAvailable';
import NOT_NOW from '@salesforce/label/c.WebexUserConnect_NotNow';
import OPEN_WEBEX from '@salesforce/label/c.WebexUserConnect_OpenWebex';
import OPENING from '@salesforce/label/c.WebexUserConnect_Opening';
import OPEN_WEBEX_HINT from '@salesforce/label/c.WebexUserConnect_PopupBlocked';
import PROBLEM_SCOPES from '@salesforce/label/c.WebexUserConnect_ProblemScopes';
import RECONNECT from '@salesforce/label/c.WebexUserConnect_Reconnect';
import RETRY from '@salesforce/label/c.WebexUserConnect_Retry';
import TITLE from '@salesforce/label/c.WebexUserConnect_Title';
import WAITING from '@salesforce/label/c.WebexUserConnect_Waiting';

type Busy = 'loading' | 'opening' | 'disconnecting';
type Variant = 'card' | 'line';

const BUSY_MESSAGES: Record<Busy, string> = { loading: LOADING, opening: OPENING, disconnecting: DISCONNECTING };

export default class WebexUserConnect extends LightningElement {
    readonly labels = {
        title: TITLE,
        intro: INTRO,
        notAvailable: NOT_AVAILABLE,
        connect: CONNECT,
        reconnect: RECONNECT,
        disconnect: DISCONNECT,
        waiting: WAITING,
        checkAgain: CHECK_AGAIN,
        openWebexHint: OPEN_WEBEX_HINT,
        openWebex: OPEN_WEBEX,
        retry: RETRY,
        scopesNotice: PROBLEM_SCOPES,
        notNow: NOT_NOW
    };

    /** `card` (connect, check, disconnect) or `line` (who, and Disconnect, in the ready dialer). */
    @api variant: Variant = 'card';
    /** For the line: the connection the dialer loaded. */
    @api known: WebexUserConnection | null = null;
    /** The rep just disconnected from the dialer's account line: the card says so when it appears. */
    @api disconnected = false;

    /** The last connection Apex returned; null until the first answer. */
    connection: WebexUserConnection | null = null;
    busy: Busy | null = 'loading';
    errorMessage: string | null = null;
    successMessage: string | null = null;
    /** The rep is in Webex's window (or was offered the link): the card waits for them to come back. */
    waiting = false;
    /** Webex's authorize URL while the card waits: also offered as a link, the window may not have opened. */
    authorizeUrl: string | null = null;
    /** The rep said "Not now" to the reconnect for chat and spaces, on this page (it is also remembered). */
    scopesDismissed = false;

    private stopWatching: (() => void) | null = null;
    /** Counts Connect clicks, so that a check started before the last one cannot end its wait. */
    private attempt = 0;
    private checking: Promise<void> | null = null;

    connectedCallback(): void {
        if (this.isLine && this.known) {
            this.connection = this.known;
            this.busy = null;
            return;
        }
        if (this.disconnected) this.successMessage = DISCONNECTED;
        this.refresh();
    }

    get isLine(): boolean {
        return this.variant === 'line';
    }

    get disconnectLabel(): string {
        return this.busy === 'disconnecting' ? DISCONNECTING : DISCONNECT;
    }

    disconnectedCallback(): void {
        this.stopWatch();
    }

    /** Checks the connection again (with Webex: the token is refreshed, the rep's webhooks repaired). */
    @api
    refresh(): Promise<void> {
        if (!this.checking) {
            this.checking = this.check().finally(() => {
                this.checking = null;
            });
        }
        return this.checking;
    }

    get busyMessage(): string | null {
        return this.busy ? BUSY_MESSAGES[this.busy] : null;
    }

    get isBusy(): boolean {
        return this.busy !== null;
    }

    get showLoading(): boolean {
        return this.busy === 'loading' && !this.connection;
    }

    get showError(): boolean {
        return !this.showLoading && Boolean(this.errorMessage) && !this.connection;
    }

    get showUnavailable(): boolean {
        return Boolean(this.connection) && !this.connection?.available;
    }

    get showConnect(): boolean {
        const connection = this.connection;
        return Boolean(connection?.available) && !connection?.connected && !this.waiting;
    }

    get showWaiting(): boolean {
        return Boolean(this.connection?.available) && this.waiting;
    }

    get showConnected(): boolean {
        return Boolean(this.connection?.available) && worksForCalling(this.connection) && !this.waiting;
    }

    get showProblem(): boolean {
        const connection = this.connection;
        return Boolean(connection?.available && connection.connected) && !worksForCalling(connection) && !this.waiting;
    }

    /** The account line: who, while the rep may call (a reconnect for messaging under way keeps it). */
    get showAccountLine(): boolean {
        return worksForCalling(this.connection);
    }

    /**
     * Chat and spaces need a reconnect. The card says it whenever it shows (a messaging component shows it to ask for
     * exactly that); the dialer's account line says it until the rep answers "Not now".
     */
    get showScopesNotice(): boolean {
        if (!lacksMessagingScopes(this.connection) || this.waiting) return false;
        return !this.isLine || !(this.scopesDismissed || scopesNoticeDismissed(this.connection));
    }

    /** An error while the card already shows a state (a failed Disconnect, Connect or check). */
    get inlineError(): string | null {
        return this.connection ? this.errorMessage : null;
    }

    get connectedAs(): string {
        return formatLabel(CONNECTED_AS, this.connection?.displayName ?? '');
    }

    get email(): string | null {
        return this.connection?.email ?? null;
    }

    get problem(): string | null {
        return this.connection?.problem ?? null;
    }

    /**
     * Connect Webex (and Reconnect): Apex gives Webex's authorize URL, which opens in its own window while
     * the click still counts (`c/webexAuthWindow`), and the card waits for the rep to come back.
     */
    async handleConnect(): Promise<void> {
        this.attempt++;
        this.stopWatch();
        this.busy = 'opening';
        this.errorMessage = null;
        this.successMessage = null;
        this.authorizeUrl = null;
        let authorizeUrl: string;
        try {
            ({ authorizeUrl } = await callWithRetry(() => startConnection()));
        } catch (error) {
            this.errorMessage = toWebexError(error).message;
            return;
        } finally {
            this.busy = null;
        }
        openAuthWindow(authorizeUrl);
        this.authorizeUrl = authorizeUrl;
        this.waiting = true;
        this.stopWatching = watchAuthWindow(() => this.checkAfterWebex());
    }

    /** "Not now": the line stops asking to reconnect for chat and spaces; calling goes on as it is. */
    handleNotNow(): void {
        dismissScopesNotice(this.connection);
        this.scopesDismissed = true;
    }

    handleCheckAgain(): void {
        this.checkAfterWebex();
    }

    handleRetry(): void {
        this.busy = 'loading';
        this.refresh();
    }

    async handleDisconnect(): Promise<void> {
        this.busy = 'disconnecting';
        this.errorMessage = null;
        this.successMessage = null;
        try {
            this.update(await callWithRetry(() => disconnect()));
            // What the rep typed in chat and spaces under this connection leaves with it: the browser may be shared.
            forgetDrafts();
            this.successMessage = DISCONNECTED;
        } catch (error) {
            this.errorMessage = toWebexError(error).message;
        } finally {
            this.busy = null;
        }
    }

    private async check(): Promise<void> {
        if (!this.connection) this.busy = 'loading';
        try {
            const connection = await callWithRetry(() => getConnection());
            this.errorMessage = null;
            this.update(connection);
        } catch (error) {
            this.errorMessage = toWebexError(error).message;
        } finally {
            if (this.busy === 'loading') this.busy = null;
        }
    }

    /**
     * Back from Webex (this page has the focus again, or Check again): the card shows what Apex says now. Not
     * connected means the rep left Webex's window without finishing or cancelled there (the card cannot see
     * that window): Connect Webex again, rather than a wait that never ends. A failed check keeps the wait.
     */
    private async checkAfterWebex(): Promise<void> {
        const attempt = this.attempt;
        await this.refresh();
        if (attempt === this.attempt && !this.errorMessage) this.waiting = false;
    }

    /** A new connection: shown, announced, and the wait for Webex ends once it works. */
    private update(connection: WebexUserConnection | null | undefined): void {
        if (!connection) return;
        this.connection = connection;
        if (connection.connected && !connection.problem) {
            this.waiting = false;
            this.authorizeUrl = null;
            this.stopWatch();
        }
        this.dispatchEvent(new CustomEvent('connectionchange', { detail: connection }));
    }

    private stopWatch(): void {
        this.stopWatching?.();
        this.stopWatching = null;
    }
}
