/**
 * The row of credential fields an admin section asks for (an access token; a consumer key and secret; a client ID
 * and secret), then the section's buttons (`actions`, the first one brand). What a field lacks is said under it, as lightning-input
 * says its own errors, and goes as soon as something is typed; Enter in a field is the section's main button.
 *
 * The section owns the values: each keystroke is a `fieldchange` event (`{ name, value }`); a button, or Enter for the
 * first one, is an `action` event (`{ name }`).
 * Before sending, the section calls `check()`; when Webex refuses one field, `refuse(name, message)`.
 */
import { LightningElement, api } from 'lwc';

/** One field of the row. */
export interface CredentialField {
    /** The input's name, and the name its `fieldchange` events carry. */
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
    label: string;
    /** What the section holds for it (what was typed, or what the server stored). */
    value: string;
    /** `password` for a secret: masked on screen. */
    type?: 'text' | 'password';
    placeholder?: string;
    /** Said under the field when Save finds it empty; none when it may stay empty. */
    required?: string | null;
}

/** One button after the fields: the first is the section's main one (brand), which Enter presses too. */
export interface CredentialAction {
    /** Its `data-action`, and the name its `action` event carries. */
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
    label: string;
    disabled?: boolean;
}

/** The methods of lightning-input used for a field's own error (not covered by @salesforce/lightning-types). */
interface ValidatedInput extends HTMLElement {
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
}

export default class WebexAdminCredentialFields extends LightningElement {
    /** True while the section is busy: Enter then does nothing. */
    @api busy = false;
    /** The buttons after the fields, in order. */
    @api actions: CredentialAction[] = [];

    private shown: CredentialField[] = [];
    /** What was typed since the section last passed its values (a click may come before it re-renders). */
    private typed: Record<string, string> = {};

    /** The fields, in the order they show. */
    @api
    get fields(): CredentialField[] {
        return this.shown;
    }
    set fields(fields: CredentialField[] | null | undefined) {
        this.shown = fields ?? [];
        this.typed = {};
    }

    get rows(): Array<CredentialField & { type: string; fieldClass: string }> {
        const fieldClass = this.shown.length === 1 ? 'slds-col field field_wide' : 'slds-col field';
        return this.shown.map((field) => ({ ...field, type: field.type ?? 'text', fieldClass }));
    }

    get buttons(): Array<CredentialAction & { variant: string; buttonClass: string }> {
        return (this.actions ?? []).map((action, index) => ({
            ...action,
            variant: index === 0 ? 'brand' : 'neutral',
            buttonClass: index === 0 ? '' : 'slds-m-left_x-small'
        }));
    }

    /**
     * Says under each required field left empty what it lacks (white space is empty) and takes the error away from
     * the others. Returns whether every field may be sent.
     */
    @api
    check(): boolean {
        return this.shown
            .map((field) => {
                const empty = !(this.typed[field.name] ?? field.value ?? '').trim();
                return this.mark(field.name, empty && field.required ? field.required : '');
            })
            .every(Boolean);
    }

    /** Says `message` under the field `name` (Webex refused it) and puts the focus there. */
    @api
    refuse(name: string, message: string): void {
        this.mark(name, message);
        this.input(name)?.focus();
    }

    handleChange(event: CustomEvent<{ value?: string }>): void {
        const name = (event.currentTarget as HTMLElement).dataset.name ?? '';
        const value = event.detail?.value ?? '';
        this.typed = { ...this.typed, [name]: value };
        if (value.trim()) this.mark(name, '');
        this.dispatchEvent(new CustomEvent('fieldchange', { detail: { name, value } }));
    }

    handleKeyDown(event: KeyboardEvent): void {
        const main = this.actions?.[0];
        if (event.key !== 'Enter' || this.busy || !main) return;
        event.preventDefault();
        this.act(main.name);
    }

    handleClick(event: Event): void {
        this.act((event.currentTarget as HTMLElement).dataset.action ?? '');
    }

    private act(name: string): void {
        this.dispatchEvent(new CustomEvent('action', { detail: { name } }));
    }

    private input(name: string): ValidatedInput | null {
        return this.template?.querySelector<ValidatedInput>(`lightning-input[data-name="${name}"]`) ?? null;
    }

    /** Returns whether the field is valid. */
    private mark(name: string, message: string): boolean {
        const input = this.input(name);
        input?.setCustomValidity(message);
        input?.reportValidity();
        return !message;
    }
}

/** The row as its section sees it (`lwc:ref="credentials"`). */
export type CredentialFieldsElement = HTMLElement & Pick<WebexAdminCredentialFields, 'check' | 'refuse'>;

/** The credential fields of `host` (its `lwc:ref="credentials"`). */
export function credentialsOf(host: { refs?: Record<string, unknown> }): CredentialFieldsElement | null {
    return (host.refs?.credentials as CredentialFieldsElement | undefined) ?? null;
}
