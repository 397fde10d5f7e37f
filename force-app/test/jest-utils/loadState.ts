/**
 * What a rep component (Calling, Chat, Make Call, Spaces) shows while it loads or when it could not load sits in its
 * load state (c-webex-load-state), the load error in the error alert (c-webex-error-alert) inside it: each keeps its
 * markup in its own shadow root. A test reads it the way a user sees it, through both.
 */
import { deepQuery } from './shadowQuery';

/**
 * The first element matching `selector` in the load state of `host` (the loading line, or the load error's alert:
 * `[data-loading]`, `[data-load-error]`, `[role="alert"]`, `[data-action="retry"]`), or null when it shows nothing.
 */
export function inLoadState(host: HTMLElement, selector: string): HTMLElement | null {
    const state = host.shadowRoot?.querySelector('c-webex-load-state');
    return state?.shadowRoot ? deepQuery(state.shadowRoot, selector) : null;
}
