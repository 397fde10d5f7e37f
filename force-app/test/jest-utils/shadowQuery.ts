/**
 * Queries that see through the admin sections' shared pieces: the section frame (c-webex-admin-section), the save
 * row (c-webex-admin-save-status), the busy line (c-webex-admin-busy-line), the error alert (c-webex-error-alert),
 * the credential fields (c-webex-admin-credential-fields), the date and time (c-webex-admin-date-time) and the switch
 * (c-webex-admin-switch) keep their markup in their own shadow root. Only these are entered, so a query never lands
 * in another child section (c-webex-admin-enablement has a frame and a save row of its own).
 */
const SHARED_PIECES = [
    'c-webex-admin-section',
    'c-webex-admin-save-status',
    'c-webex-admin-busy-line',
    'c-webex-error-alert',
    'c-webex-admin-credential-fields',
    'c-webex-admin-date-time',
    'c-webex-admin-switch'
].join(', ');

/** The first element matching `selector` in `root`, or else inside the shared pieces within it, at any depth. */
export function deepQuery(root: ParentNode, selector: string): HTMLElement | null {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
    for (const piece of root.querySelectorAll<HTMLElement>(SHARED_PIECES)) {
        const inner = piece.shadowRoot ? deepQuery(piece.shadowRoot, selector) : null;
        if (inner) return inner;
    }
    return null;
}

/** Every element matching `selector` in `root` and inside the shared pieces within it, in document order by piece. */
export function deepQueryAll(root: ParentNode, selector: string): HTMLElement[] {
    const found = [...root.querySelectorAll<HTMLElement>(selector)];
    for (const piece of root.querySelectorAll<HTMLElement>(SHARED_PIECES)) {
        if (piece.shadowRoot) found.push(...deepQueryAll(piece.shadowRoot, selector));
    }
    return found;
}
