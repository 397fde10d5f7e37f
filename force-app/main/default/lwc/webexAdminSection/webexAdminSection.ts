/**
 * The frame of every section of the Webex Admin tab, so a section is only its own fields and its controller calls:
 *
 * - the title (a card with its icon, or, `nested`, an h3 inside another section) and the help under it;
 * - while the first load runs, the busy line; when it failed, the reason and Retry (`retry` event);
 * - a form section (`labels.save` given): its fields (the default slot) once loaded, then the save row (`save`
 *   event), which says busy, saved, unsaved changes or the save error;
 * - an action section (`notices`): its own buttons (slot `top`), then a polite region with the busy line, the
 *   success (slot `success` adds to it) and the section's own status (slot `status`), then the failure alert,
 *   then the rest (default slot).
 *
 * Presentational only: the state comes from the section's `SectionFlow` (c/webexAdminSectionFlow) and the labels
 * from the section (each feature has its own label family).
 */
import { LightningElement, api } from 'lwc';
import { IDLE, type SectionState } from 'c/webexAdminSectionFlow';
import RETRY from '@salesforce/label/c.WebexAdmin_Retry';

/** The words the frame shows, the section's own. */
export interface SectionLabels {
    /** Above the load error; `errorTitle` when the section has no title of its own for it. */
    loadErrorTitle?: string;
    /** The load error's button; "Try again" (WebexAdmin_Retry) when the section has no word of its own. */
    retry?: string;
    /** Above a save or action failure. */
    errorTitle?: string;
    /** The Save button: a form section has one. */
    save?: string;
    /** Said beside Save while there are changes not saved yet. */
    unsaved?: string;
}

/** What a section tells its frame once: title, icon, help, layout and labels. */
export interface SectionFrame {
    heading: string;
    /** The card's icon (`standard:…`); none for a nested section. */
    iconName?: string;
    help?: string | null;
    /** A section inside another one: an h3 title, h4 alert titles, smaller icons. */
    nested?: boolean;
    /** Inside a smaller block: less space around the save row and busy line. */
    compact?: boolean;
    /** An action section: its buttons say what happens in a polite region (no save row). */
    notices?: boolean;
    /** An action section that adds a detail under its success (slot `success`): the success is then its heading. */
    successDetail?: boolean;
    /** True when the form holds changes not saved yet (form sections). */
    dirty?: boolean;
    labels: SectionLabels;
}

export default class WebexAdminSection extends LightningElement {
    /** What the section says about itself (see `SectionFrame`). */
    @api frame?: SectionFrame;
    /** What the section is doing (its `SectionFlow`'s state); without it the fields always show. */
    @api state?: SectionState | null;

    get current(): SectionState {
        return this.state ?? IDLE;
    }

    get labels(): SectionLabels {
        const labels = this.frame?.labels ?? {};
        return { ...labels, loadErrorTitle: labels.loadErrorTitle ?? labels.errorTitle, retry: labels.retry ?? RETRY };
    }

    get heading(): string {
        return this.frame?.heading ?? '';
    }

    get nested(): boolean {
        return Boolean(this.frame?.nested);
    }

    get notices(): boolean {
        return Boolean(this.frame?.notices);
    }

    get rootClass(): string {
        return this.nested ? 'frame frame_nested' : 'slds-card frame';
    }

    get bodyClass(): string {
        return this.nested ? 'frame-body' : 'slds-card__body slds-p-horizontal_medium frame-body';
    }

    get helpClass(): string {
        return this.nested
            ? 'slds-text-color_weak slds-m-top_xx-small slds-m-bottom_small'
            : 'slds-text-color_weak slds-m-bottom_medium';
    }

    /** Space above the notices and the failure alert. */
    get noticeClass(): string {
        return this.nested ? 'slds-m-top_small' : 'slds-m-top_medium';
    }

    get successClass(): string {
        return `slds-scoped-notification slds-media slds-media_center slds-theme_success ${this.noticeClass}`;
    }

    get successTextClass(): string | undefined {
        return this.frame?.successDetail ? 'slds-text-heading_small' : undefined;
    }

    get iconSize(): string {
        return this.nested ? 'x-small' : 'small';
    }

    /** The form's fields: once loaded (an action section, or one without a state, shows them always). */
    get showFields(): boolean {
        return this.notices || !this.state || this.current.loaded;
    }

    get hasSaveRow(): boolean {
        return !this.notices && Boolean(this.labels.save) && this.showFields;
    }

    /** The busy line of a first load (a form section's later work is said in its save row). */
    get loadingMessage(): string | null {
        return this.showFields ? null : this.current.busyMessage;
    }

    get isBusy(): boolean {
        return this.current.busy !== null;
    }

    get saveDisabled(): boolean {
        return this.isBusy || !this.frame?.dirty;
    }

    get dirty(): boolean {
        return Boolean(this.frame?.dirty);
    }

    get compact(): boolean {
        return Boolean(this.frame?.compact);
    }

    get actionError(): string | null {
        return this.notices ? this.current.error : null;
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }

    handleSave(): void {
        this.dispatchEvent(new CustomEvent('save'));
    }
}
