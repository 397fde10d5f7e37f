/**
 * The line an admin section shows while it loads: a small spinner and what is under way, read out as a status.
 */
import { LightningElement, api } from 'lwc';

export default class WebexAdminBusyLine extends LightningElement {
    /** What is under way (also the spinner's alternative text). */
    @api message?: string | null;
    /** True inside a smaller block (the feature-access picker): a little space above, no minimum height. */
    @api compact = false;

    get lineClass(): string {
        return this.compact
            ? 'slds-grid slds-grid_vertical-align-center slds-m-top_small'
            : 'slds-grid slds-grid_vertical-align-center busy-line';
    }
}
