/**
 * The on / off switch of the admin sections (the SLDS checkbox toggle, a `role="switch"` input named by its label),
 * with the line that says what its position means, which the switch is described by. Changing it fires `change`
 * with `detail.checked`; the section keeps the value.
 */
import { LightningElement, api } from 'lwc';

export default class WebexAdminSwitch extends LightningElement {
    /** What the switch turns on. */
    @api label?: string;
    /** Read before the label by a screen reader only: the part of the page the switch belongs to ("Call log: "). */
    @api assistivePrefix?: string;
    /** The input's name. */
    @api name?: string;
    @api checked = false;
    @api disabled = false;
    /** What the switch's position means, shown under it; none, no line. */
    @api help?: string | null;

    /** The help line, when there is one. */
    get describedBy(): string | null {
        return this.help ? 'switch-help' : null;
    }

    handleChange(event: Event): void {
        const checked = (event.target as HTMLInputElement).checked;
        this.dispatchEvent(new CustomEvent('change', { detail: { checked } }));
    }
}
