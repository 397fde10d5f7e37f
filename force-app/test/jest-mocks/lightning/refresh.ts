/**
 * Jest stand-in for `lightning/refresh` (LWC Developer Guide › Use RefreshView API,
 * https://developer.salesforce.com/docs/platform/lwc/guide/data-refreshview-api.html): `RefreshEvent` is a plain
 * bubbling, composed event tests can listen for, and the handlers components register can be run with
 * `refreshRegistered()` as a container receiving the event would run them.
 */
export const RefreshEventName = 'lightning__refresh';

export class RefreshEvent extends CustomEvent<null> {
    constructor() {
        super(RefreshEventName, { bubbles: true, composed: true, cancelable: true, detail: null });
    }
}

type Handler = () => Promise<boolean>;

const handlers = new Map<number, Handler>();
let lastHandle = 0;

export const registerRefreshHandler = jest.fn((element: unknown, handler: Handler): number => {
    handlers.set(++lastHandle, handler.bind(element));
    return lastHandle;
});

export const unregisterRefreshHandler = jest.fn((handle: number): void => {
    handlers.delete(handle);
});

export const registerRefreshContainer = jest.fn((): number => ++lastHandle);

export const unregisterRefreshContainer = jest.fn();

/** Runs every registered handler (the refresh a container starts); resolves with their answers. */
export function refreshRegistered(): Promise<boolean[]> {
    return Promise.all([...handlers.values()].map((handler) => handler()));
}

/** How many handlers are registered now. */
export function registeredCount(): number {
    return handlers.size;
}
