/**
 * The dialer itself, as the Calling panel (c-webex-calling) shows it between calls: the number field with
 * Call, who is being called, the search results, the keypad (hidden while a name is typed), the Unified CM /
 * BroadWorks note, and the Keypad / Recent switch with the call history.
 *
 * It keeps nothing: the number (`entry`, c/webexDialerEntry) and the view are the panel's, which hides this
 * component during a call and shows it again with the same number. It says what the rep does:
 * `numberchange` (typed, `detail.value`), `key` (a keypad key, `detail.key`: the panel appends it to the number
 * it keeps, which a second key pressed before this component shows the first must see), `call` (Call, or Enter),
 * `choose` (a result's number, `detail` the person), `callback` (a Recent entry) and `viewchange`.
 * Why a number cannot be called (`entry.problem`) is said on the field, and taken off when it goes.
 */
import { api } from 'lwc';
import { EMPTY_ENTRY, looksLikeName, type EntryState } from 'c/webexDialerEntry';
import { formatLabel } from 'c/webexLabelFormat';
import { ObjectNamesElement } from 'c/webexObjectNames';
import CALL from '@salesforce/label/c.WebexDialer_Call';
import CALLING_WHO from '@salesforce/label/c.WebexDialer_CallingWho';
import KEYPAD_VIEW from '@salesforce/label/c.WebexDialer_ViewKeypad';
import NUMBER from '@salesforce/label/c.WebexDialer_Number';
import NUMBER_PLACEHOLDER from '@salesforce/label/c.WebexDialer_NumberPlaceholder';
import RECENT_VIEW from '@salesforce/label/c.WebexDialer_ViewRecent';
import VIEW from '@salesforce/label/c.WebexDialer_View';

/** What the dialer shows under the number: the keypad, or Recent (the call history). */
export type DialerView = 'keypad' | 'recent';

/** The Keypad / Recent switch. */
export const VIEWS: ReadonlyArray<{ label: string; value: DialerView }> = [
    { label: KEYPAD_VIEW, value: 'keypad' },
    { label: RECENT_VIEW, value: 'recent' }
];

type NumberField = HTMLElement & { setCustomValidity(message: string): void; reportValidity(): boolean };

export default class WebexDialerPanel extends ObjectNamesElement {
    /** Keypad or Recent (Recent only with `history`). */
    @api view: DialerView = 'keypad';
    /** The call history is on: the Keypad / Recent switch shows. */
    @api history = false;
    /** Recent's Call back is off (a call is in progress). */
    @api historyDisabled = false;
    /** Where the Webex app places the calls: what the dialer can do there. */
    @api appNote: string | null = null;

    readonly labels = { number: NUMBER, call: CALL, view: VIEW };

    /** What the field finds: a number, or a person by name in the objects as the org names them. */
    get numberPlaceholder(): string {
        return formatLabel(NUMBER_PLACEHOLDER, this.objectNames.Contact.labelPlural, this.objectNames.Lead.labelPlural);
    }
    readonly views = VIEWS;

    private current: EntryState = EMPTY_ENTRY;
    private rendered = false;
    /** The field must say the entry's problem (found again) or lose it (gone). */
    private problemToShow = false;

    @api
    get entry(): EntryState {
        return this.current;
    }
    set entry(value: EntryState) {
        const before = this.current;
        this.current = value ?? EMPTY_ENTRY;
        // A field drawn anew starts without an error, as it did before this component held it.
        if (this.rendered && (this.current.problem || before.problem)) this.problemToShow = true;
    }

    /** Puts the focus in the number field (Keypad view), where the next call starts. */
    @api
    focusNumber(): void {
        this.numberField()?.focus();
    }

    get isRecentView(): boolean {
        return this.history && this.view === 'recent';
    }

    get callDisabled(): boolean {
        return !this.current.number.trim();
    }

    get chosenText(): string | null {
        const chosen = this.current.chosen;
        return chosen ? formatLabel(CALLING_WHO, chosen.name) : null;
    }

    get showResults(): boolean {
        return this.current.search.status !== 'idle';
    }

    get showKeypad(): boolean {
        return !looksLikeName(this.current.number);
    }

    renderedCallback(): void {
        this.rendered = true;
        if (!this.problemToShow) return;
        this.problemToShow = false;
        const field = this.numberField();
        field?.setCustomValidity(this.current.problem ?? '');
        field?.reportValidity();
    }

    handleNumberChange(event: CustomEvent<{ value: string }>): void {
        this.dispatchEvent(new CustomEvent('numberchange', { detail: { value: event.detail.value ?? '' } }));
    }

    handleKey(event: CustomEvent<{ key: string }>): void {
        this.dispatchEvent(new CustomEvent('key', { detail: { key: event.detail.key } }));
    }

    handleNumberKeydown(event: KeyboardEvent): void {
        if (event.key !== 'Enter' || this.callDisabled) return;
        event.preventDefault();
        this.handleCall();
    }

    handleCall(): void {
        this.dispatchEvent(new CustomEvent('call'));
    }

    handleChoose(event: CustomEvent): void {
        this.dispatchEvent(new CustomEvent('choose', { detail: event.detail }));
    }

    handleCallBack(event: CustomEvent): void {
        this.dispatchEvent(new CustomEvent('callback', { detail: event.detail }));
    }

    handleViewChange(event: CustomEvent<{ value: DialerView }>): void {
        this.dispatchEvent(new CustomEvent('viewchange', { detail: { value: event.detail.value } }));
    }

    private numberField(): NumberField | null {
        return this.template?.querySelector('lightning-input[data-id="number"]') as NumberField | null;
    }
}
