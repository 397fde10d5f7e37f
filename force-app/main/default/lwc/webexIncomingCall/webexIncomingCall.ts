/**
 * The incoming call banner (B3): who calls (the name Webex gives, else the number), the records that
 * have the caller's number, and Answer / Decline.
 *
 * - One record: the dialer opened it; the banner names it.
 * - Several: the rep chooses the caller from a list of buttons (keyboard: Tab, Enter), which fires
 *   `choose` (`detail`: `{ recordId, objectApiName, name }`).
 * - None: "New Contact" / "New Lead" fire `newrecord` (`detail.objectApiName`); the dialer opens the
 *   standard new-record page with the number filled in.
 * - `answer` and `decline` fire from their buttons; while one is on its way both are disabled.
 */
import { api } from 'lwc';
import { formatLabel } from 'c/webexLabelFormat';
import { ObjectNamesElement } from 'c/webexObjectNames';
import ANSWER from '@salesforce/label/c.WebexDialer_Answer';
import CALLER from '@salesforce/label/c.WebexDialer_Caller';
import CHOOSE_CALLER from '@salesforce/label/c.WebexDialer_ChooseCaller';
import DECLINE from '@salesforce/label/c.WebexDialer_Decline';
import INCOMING from '@salesforce/label/c.WebexDialer_Incoming';
import MATCH_FAILED from '@salesforce/label/c.WebexDialer_MatchFailed';
import MATCHING from '@salesforce/label/c.WebexDialer_Matching';
import NEW_CONTACT from '@salesforce/label/c.WebexDialer_NewContact';
import NEW_LEAD from '@salesforce/label/c.WebexDialer_NewLead';
import NO_CALLER_MATCH from '@salesforce/label/c.WebexDialer_NoCallerMatch';
import OPENED from '@salesforce/label/c.WebexDialer_Opened';
import UNKNOWN_CALLER from '@salesforce/label/c.WebexDialer_UnknownCaller';

export default class WebexIncomingCall extends ObjectNamesElement {
    /** The caller's name as Webex gives it, or null. */
    @api callerName: string | null = null;
    /** The caller's number, as shown to a person, or null (withheld). */
    @api callerNumber: string | null = null;
    /** The records with the caller's number; null until known. */
    @api records: WebexPersonMatch[] | null = null;
    @api matching = false;
    /** Why the records could not be looked up. */
    @api matchError: string | null = null;
    /** The record the rep is looking at (opened by the dialer or chosen). */
    @api chosenId: string | null = null;
    /** Whether the call can be answered from here. */
    @api canAnswer = false;
    /** An answer or decline on its way. */
    @api busy = false;
    /**
     * The call was answered before the caller was resolved: only the choice of record (several) or
     * New Contact / New Lead (none) stays, under the call card.
     */
    @api answered = false;

    readonly labels = {
        incoming: INCOMING,
        answer: ANSWER,
        decline: DECLINE,
        chooseCaller: CHOOSE_CALLER,
        matching: MATCHING,
        matchFailed: MATCH_FAILED
    };

    get noCallerMatchText(): string {
        return formatLabel(NO_CALLER_MATCH, this.objectNames.Contact.labelPlural, this.objectNames.Lead.labelPlural);
    }

    /** "New Contact" / "New Lead", each object as the org names it. */
    get newContactLabel(): string {
        return formatLabel(NEW_CONTACT, this.objectNames.Contact.label);
    }

    get newLeadLabel(): string {
        return formatLabel(NEW_LEAD, this.objectNames.Lead.label);
    }

    get ringing(): boolean {
        return !this.answered;
    }

    get bannerClass(): string {
        return this.answered
            ? 'slds-box slds-box_x-small caller-choice'
            : 'slds-box slds-box_x-small slds-theme_shade banner';
    }

    get sectionLabel(): string {
        return this.answered ? CALLER : INCOMING;
    }

    get caller(): string {
        return this.callerName || this.callerNumber || UNKNOWN_CALLER;
    }

    get numberLine(): string | null {
        return this.callerName && this.callerNumber ? this.callerNumber : null;
    }

    get list(): WebexPersonMatch[] {
        return this.records ?? [];
    }

    get single(): WebexPersonMatch | null {
        return this.list.length === 1 ? this.list[0] : null;
    }

    get openedText(): string | null {
        const one = this.single;
        if (!one) return null;
        return formatLabel(OPENED, [one.name, one.accountName].filter(Boolean).join(' · '));
    }

    get several() {
        if (this.list.length < 2) return null;
        return this.list.map((match) => ({
            ...match,
            subtitle: [match.objectLabel, match.accountName].filter(Boolean).join(' · '),
            current: match.recordId === this.chosenId ? 'true' : 'false',
            buttonClass: `slds-button slds-button_neutral slds-button_stretch choice${
                match.recordId === this.chosenId ? ' slds-is-selected' : ''
            }`
        }));
    }

    /** No record has the number (and the number is known: there is something to fill in). */
    get none(): boolean {
        return !this.matching && !this.matchError && this.records !== null && this.records.length === 0;
    }

    get canCreate(): boolean {
        return this.none && Boolean(this.callerNumber);
    }

    get actionsDisabled(): boolean {
        return this.busy;
    }

    get answerDisabled(): boolean {
        return this.busy || !this.canAnswer;
    }

    handleAnswer(): void {
        this.dispatchEvent(new CustomEvent('answer'));
    }

    handleDecline(): void {
        this.dispatchEvent(new CustomEvent('decline'));
    }

    handleChoose(event: Event): void {
        const recordId = (event.currentTarget as HTMLElement).dataset.recordId;
        const match = this.list.find((m) => m.recordId === recordId);
        if (!match) return;
        this.dispatchEvent(
            new CustomEvent('choose', {
                detail: { recordId: match.recordId, objectApiName: match.objectApiName, name: match.name }
            })
        );
    }

    handleNew(event: Event): void {
        const objectApiName = (event.currentTarget as HTMLElement).dataset.object;
        this.dispatchEvent(new CustomEvent('newrecord', { detail: { objectApiName } }));
    }
}
