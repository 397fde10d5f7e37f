/**
 * Loads the Webex JS SDK, the package's `WebexSdk` static resource (built from the MIT `@webex/*` plugins:
 * docs/webex-sdk.md), once per page, and hands over its constructor, `window.Webex`.
 *
 * `loadScript` from `lightning/platformResourceLoader` adds the script to the page once per URL; under Lightning
 * Web Security it is evaluated in the sandbox of the package's namespace, so `window.Webex` is defined on that
 * sandbox's window, which is the `window` this module reads ("LWS confines them to a sandbox where they access a
 * virtual copy of the global window object": Lightning Web Security › Third-Party Library Considerations,
 * https://developer.salesforce.com/docs/platform/lightning-components-security/guide/lws-js.html; the loader: Component
 * Reference › lightning/platformResourceLoader,
 * https://developer.salesforce.com/docs/component-library/bundle/lightning-platform-resource-loader/documentation).
 */
import type { LightningElement } from 'lwc';
import { loadScript } from 'lightning/platformResourceLoader';
import WEBEX_SDK from '@salesforce/resourceUrl/WebexSdk';

/** Why the SDK is not there: the script could not be fetched (`network`), or it ran and defined nothing (`blocked`). */
export type WebexSdkUnavailableReason = 'blocked' | 'network';

/** The SDK's constructor as the static resource defines it: `Webex.init({ credentials: { access_token }, config })`. */
export interface WebexSdkConstructor {
    init(options: { credentials: { access_token: string }; config?: Record<string, unknown> }): unknown;
}

/** The SDK could not be loaded on this page: the messaging components fall back to Apex. */
export class WebexSdkUnavailable extends Error {
    readonly reason: WebexSdkUnavailableReason;

    constructor(reason: WebexSdkUnavailableReason, detail: string) {
        super(`Webex SDK unavailable (${reason}): ${detail}`);
        this.name = 'WebexSdkUnavailable';
        this.reason = reason;
    }
}

/** The page's one load: every component that asks gets the same promise, settled or not. */
let loading: Promise<WebexSdkConstructor> | null = null;

/** What a rejected `loadScript` says about itself, for the error's detail. */
function describe(error: unknown): string {
    if (error instanceof Error) return `${error.name}: ${error.message}`;
    if (typeof Event !== 'undefined' && error instanceof Event) return `${error.type} event while loading the script`;
    return String(error);
}

/** A refusal by the page's security (Lightning Web Security's own errors, CSP's) rather than the network. */
function isSecurityRefusal(error: unknown): boolean {
    return (
        error instanceof Error &&
        /security|locker|content security policy|refused/i.test(`${error.name} ${error.message}`)
    );
}

async function load(component: LightningElement): Promise<WebexSdkConstructor> {
    try {
        await loadScript(component, WEBEX_SDK);
    } catch (error) {
        throw new WebexSdkUnavailable(isSecurityRefusal(error) ? 'blocked' : 'network', describe(error));
    }
    const sdk = (window as unknown as { Webex?: WebexSdkConstructor }).Webex;
    if (typeof sdk?.init !== 'function')
        throw new WebexSdkUnavailable('blocked', 'the script loaded but did not define window.Webex');
    return sdk;
}

/**
 * The SDK's constructor, loading the static resource on the first call of the page; later calls (from any
 * component) get the same promise. Rejects with `WebexSdkUnavailable` (`reason` 'network' or 'blocked'); a failed
 * load is not retried on the same page, where the messaging components have fallen back to Apex already.
 */
export function loadWebexSdk(component: LightningElement): Promise<WebexSdkConstructor> {
    loading ??= load(component);
    return loading;
}
