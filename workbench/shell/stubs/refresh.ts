/**
 * `lightning/refresh` for the workbench, the RefreshView API (LWC Developer Guide › Use RefreshView API,
 * https://developer.salesforce.com/docs/platform/lwc/guide/data-refreshview-api.html): a component fires
 * `RefreshEvent`; the nearest registered container that it bubbles to starts the refresh and runs the handlers
 * components registered, parents before children ("invoked in a breadth-first order … higher (parent) handlers
 * resolve before lower (child) handlers are invoked"). The page itself is the outermost container, as Lightning
 * Experience's page host is: a quick action's modal is not inside the record component, and its RefreshEvent still
 * refreshes the record page.
 *
 * Kept small: handlers run one after another in the order they registered (a parent's `connectedCallback` runs
 * before its children's), and a handler answering false does not skip the others (the workbench does not keep the
 * refresh tree).
 */
import type * as Platform from 'lightning/refresh';

/** The event's type, as Salesforce's own Jest stub of the module names it (@salesforce/sfdx-lwc-jest). */
export const REFRESH_EVENT = 'lightning__refresh';

/** The statuses a container's callback receives. */
export const RefreshComplete = 'RefreshComplete';
export const RefreshCompleteWithError = 'RefreshCompleteWithError';
export const RefreshError = 'RefreshError';

class Refresh extends CustomEvent<null> {
    constructor() {
        super(REFRESH_EVENT, { bubbles: true, composed: true, cancelable: true, detail: null });
    }
}

export const RefreshEvent: typeof Platform.RefreshEvent = Refresh;

const handlers = new Map<number, Platform.RefreshHandler>();
const containers = new Map<number, { context: EventTarget; listener: EventListener }>();
let lastHandle = 0;

/** Runs every registered handler, each after the one before; the status of the whole refresh. */
async function refreshAll(): Promise<string> {
    let failed = 0;
    for (const handler of [...handlers.values()]) {
        try {
            await handler();
        } catch {
            failed++;
        }
    }
    if (failed === 0) return RefreshComplete;
    return failed < handlers.size ? RefreshCompleteWithError : RefreshError;
}

function start(event: Event, callback?: Platform.RefreshContainerCallback): void {
    // The nearest container begins the refresh; the ones above it do not refresh again.
    event.stopPropagation();
    const status = refreshAll();
    callback?.(status);
}

export const registerRefreshHandler: typeof Platform.registerRefreshHandler = (_context, handler) => {
    handlers.set(++lastHandle, handler);
    return lastHandle;
};

export const unregisterRefreshHandler: typeof Platform.unregisterRefreshHandler = (handle) => {
    handlers.delete(handle);
};

export const registerRefreshContainer: typeof Platform.registerRefreshContainer = (context, callback) => {
    const target = context as EventTarget;
    const listener: EventListener = (event) => start(event, callback);
    target.addEventListener(REFRESH_EVENT, listener);
    containers.set(++lastHandle, { context: target, listener });
    return lastHandle;
};

export const unregisterRefreshContainer: typeof Platform.unregisterRefreshContainer = (handle) => {
    const container = containers.get(handle);
    container?.context.removeEventListener(REFRESH_EVENT, container.listener);
    containers.delete(handle);
};

// The page host: a RefreshEvent no component container took refreshes the page's registered handlers.
window.addEventListener(REFRESH_EVENT, (event) => start(event));
