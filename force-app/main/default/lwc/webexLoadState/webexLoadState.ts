/**
 * What a rep component shows while its data loads, and when it could not load: the loading line (a spinner and the
 * host's loading words, read out as a status), or the error alert (c-webex-error-alert, `kind="load"`: the host's
 * title, the reason and Retry). Loading wins over the error, and neither shows nothing.
 *
 * Presentational only: the host says what to show and loads again on `retry`; the space around it is the host's.
 */
import { LightningElement, api } from 'lwc';

export default class WebexLoadState extends LightningElement {
    /** True while the host loads: the loading line shows, whatever the error. */
    @api loading = false;
    /** The loading words: the spinner's alternative text and the status read out (shown under it unless `compact`). */
    @api loadingLabel?: string;
    /** True in a small space (a card, a panel, a modal): the spinner alone, its words for screen readers only. */
    @api compact = false;
    /** Why the load failed; none while it has not. */
    @api error?: string | null;
    /** The error alert's title; none where the reason says it all. */
    @api heading?: string;
    /** The Retry button's label; without one (trying again cannot help), no Retry. */
    @api retryLabel?: string;

    handleRetry(): void {
        this.dispatchEvent(new CustomEvent('retry'));
    }
}
