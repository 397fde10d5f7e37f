/**
 * The save row every admin section ends with: the brand Save button, a polite live region saying what is
 * happening (busy, saved, or unsaved changes), and the save error as an alert under it.
 *
 * Presentational only: the section owns the state and the labels, and listens for `save`. Extra buttons
 * (Cancel) go in the `actions` slot, between Save and the status.
 */
import { LightningElement, api } from 'lwc';

export default class WebexAdminSaveStatus extends LightningElement {
    /** The Save button's label. */
    @api saveLabel?: string;
    /** True while Save must not be pressed (nothing changed, invalid input, or busy). */
    @api saveDisabled = false;
    /** What is under way; wins over the other status lines. */
    @api busyMessage?: string | null;
    /** What was just saved, shown with the success icon. */
    @api successMessage?: string | null;
    /** True when there are changes not saved yet: then `unsavedMessage` is shown. */
    @api isDirty = false;
    /** The "unsaved changes" text. */
    @api unsavedMessage?: string;
    /** The save error alert's title. */
    @api errorTitle?: string;
    /** Why the save failed; no alert without it. */
    @api errorMessage?: string | null;
    /** The error icon's size: `x-small` where the alert sits inside a smaller part of the section. */
    @api errorIconSize = 'small';
    /** True when the section already uses h3 for its parts: the error title is then an h4. */
    @api subHeading = false;

    /** True inside a smaller block (the feature-access picker): less space above the row, a gap when it wraps. */
    @api compact = false;

    get rowClass(): string {
        const spacing = this.compact ? 'slds-m-top_small save-row save-row_compact' : 'slds-m-top_medium save-row';
        return `slds-grid slds-grid_vertical-align-center slds-wrap ${spacing}`;
    }

    handleSave(): void {
        this.dispatchEvent(new CustomEvent('save'));
    }
}
