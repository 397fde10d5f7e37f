/**
 * `lightning/platformUtilityBarApi` for the workbench: a utility item's id is its component's name (the
 * shell's utility bar lists items by component, workbench/shell/utility-bar.json), read from the tag of the
 * component that asks (`c-webex-dialer` → `webexDialer`); `open` asks the shell's utility bar to open that
 * item's panel (a `wb:utility-open` window event).
 */
import type * as Platform from 'lightning/platformUtilityBarApi';

/** The `wb:utility-open` event the shell's utility bar listens to. */
export const UTILITY_OPEN_EVENT = 'wb:utility-open';

/** `c-webex-dialer` → `webexDialer`. */
function componentName(tagName: string | undefined): string | undefined {
    if (!tagName?.startsWith('c-')) return undefined;
    return tagName.slice(2).replace(/-([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

class EnclosingUtilityIdAdapter {
    private readonly dataCallback: (value: string | undefined) => void;
    private readonly utilityId: string | undefined;

    constructor(dataCallback: (value: string | undefined) => void, sourceContext?: { tagName?: string }) {
        this.dataCallback = dataCallback;
        this.utilityId = componentName(sourceContext?.tagName?.toLowerCase());
    }

    update(): void {
        this.dataCallback(this.utilityId);
    }

    connect(): void {
        this.dataCallback(this.utilityId);
    }

    disconnect(): void {
        // Nothing to release.
    }
}

export const EnclosingUtilityId = EnclosingUtilityIdAdapter as unknown as typeof Platform.EnclosingUtilityId;

export const open: typeof Platform.open = async (utilityId) => {
    if (!utilityId) return false;
    window.dispatchEvent(new CustomEvent(UTILITY_OPEN_EVENT, { detail: { utilityId } }));
    return true;
};
