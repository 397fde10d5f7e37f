/// <reference types="@salesforce/lightning-types" />

/**
 * `lightning/refresh`, the RefreshView API (LWC Developer Guide › Use RefreshView API,
 * https://developer.salesforce.com/docs/platform/lwc/guide/data-refreshview-api.html), which
 * `@salesforce/lightning-types` does not declare. With Lightning Web Security a component passes itself as the
 * context element.
 */
declare module 'lightning/refresh' {
    /** Asks the nearest registered container to refresh its view. */
    export class RefreshEvent extends CustomEvent<null> {
        constructor();
    }
    /** A handler's answer: true when its part of the view refreshed and the refresh may go on to its children. */
    export type RefreshHandler = () => Promise<boolean>;
    /** A container's callback: it receives the status of the whole refresh. */
    export type RefreshContainerCallback = (status: Promise<unknown>) => void;
    export function registerRefreshHandler(contextElement: object, handler: RefreshHandler): number;
    export function unregisterRefreshHandler(handle: number): void;
    export function registerRefreshContainer(contextElement: object, callback: RefreshContainerCallback): number;
    export function unregisterRefreshContainer(handle: number): void;
}
