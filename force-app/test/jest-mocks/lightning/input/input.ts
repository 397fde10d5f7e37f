/**
 * Jest stand-in for lightning-input that behaves enough like the real one for a test to act as a
 * person would: a labelled <input> (so @sa11y/jest sees what a screen reader sees), `change` with
 * `detail.value` on typing, and the field-level error of `setCustomValidity` + `reportValidity`
 * shown under the field. The stub sfdx-lwc-jest ships renders nothing and forgets the custom error.
 */
import { LightningElement, api } from 'lwc';

export default class Input extends LightningElement {
    @api label?: string;
    @api type?: string;
    @api placeholder?: string;
    @api autocomplete?: string;
    @api disabled?: boolean;
    @api name?: string;
    @api variant?: string;
    @api fieldLevelHelp?: string;
    @api required?: boolean;

    private currentValue = '';
    private customValidity = '';
    shownMessage = '';

    @api
    get value(): string {
        return this.currentValue;
    }
    set value(value: string | null | undefined) {
        this.currentValue = value ?? '';
    }

    @api
    setCustomValidity(message: string): void {
        this.customValidity = message ?? '';
    }

    @api
    checkValidity(): boolean {
        return !this.customValidity;
    }

    @api
    reportValidity(): boolean {
        this.shownMessage = this.customValidity;
        return this.checkValidity();
    }

    @api
    showHelpMessageIfInvalid(): void {
        this.reportValidity();
    }

    @api
    focus(): void {
        this.template?.querySelector('input')?.focus();
    }

    get hasMessage(): boolean {
        return Boolean(this.shownMessage);
    }

    handleInput(event: Event): void {
        event.stopPropagation();
        this.currentValue = (event.target as HTMLInputElement).value;
        this.dispatchEvent(new CustomEvent('change', { detail: { value: this.currentValue } }));
    }
}
