/**
 * The one error alert of the app: why the load, the save or an action failed, read out at once (`role="alert"`),
 * under a title of the host's own words (none where the message says it all). A load error offers Retry (`retry`
 * event) where the host gives it a label, and so does a part of a section that loads on its own (the fields of the
 * object chosen in a form): its Retry is told apart as `retry-part`.
 *
 * Presentational only: the admin sections' frame (c-webex-admin-section) and save row (c-webex-admin-save-status),
 * and the rep components' load state (c-webex-load-state), say what to show; the space above it is the host's class.
 */
import { LightningElement, api } from 'lwc';

/** Which failure the alert says: each keeps its own marker for tests and stories to find it by. */
export type AlertKind = 'load' | 'save' | 'action' | 'part';

export default class WebexErrorAlert extends LightningElement {
    /** The alert's title; none where the message says it all. */
    @api heading?: string;
    /** Why it failed. */
    @api message?: string | null;
    /** Which failure it says (`load`, `save`, `action` or `part`): its marker, and Retry's `data-action`. */
    @api kind: AlertKind = 'action';
    /** True inside a section that already uses h3 for its parts: the title is then an h4. */
    @api subHeading = false;
    /** `x-small` where the alert sits inside a smaller part of the section. */
    @api iconSize = 'small';
    /** The Retry button's label: without one, no Retry. */
    @api retryLabel?: string;
    /** True while the host is busy: Retry waits. */
    @api retryDisabled = false;

    get isLoad(): boolean {
        return this.kind === 'load';
    }

    get isSave(): boolean {
        return this.kind === 'save';
    }

    get isPart(): boolean {
        return this.kind === 'part';
    }

    /** The Retry button's `data-action`: a part's Retry is not the section's. */
    get retryAction(): string {
        return this.isPart ? 'retry-part' : 'retry';
    }

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
