/**
 * Queries that see through the admin sections' shared pieces: the save row (c-webex-admin-save-status) and the
 * busy line (c-webex-admin-busy-line) keep their markup in their own shadow root. Only these two are entered, so
 * a query never lands in another child section (c-webex-admin-enablement has a save row of its own).
 */
const SHARED_PIECES = 'c-webex-admin-save-status, c-webex-admin-busy-line';

/** The first element matching `selector` in `root`, or else inside the save row or busy line within it. */
export function deepQuery(root: ParentNode, selector: string): HTMLElement | null {
    const found = root.querySelector<HTMLElement>(selector);
    if (found) return found;
    for (const piece of root.querySelectorAll<HTMLElement>(SHARED_PIECES)) {
        const inner = piece.shadowRoot?.querySelector<HTMLElement>(selector);
        if (inner) return inner;
    }
    return null;
}
