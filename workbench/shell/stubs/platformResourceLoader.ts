/**
 * lightning/platformResourceLoader for the workbench: `loadScript` adds a `<script>` for a URL once per page and
 * resolves when it has run; `loadStyle` a stylesheet `<link>` likewise (Component Reference ›
 * lightning/platformResourceLoader, https://developer.salesforce.com/docs/component-library/bundle/lightning-platform-resource-loader/documentation).
 *
 * Under Lightning Web Security the package never calls this module directly: the page hands it to the sandbox
 * through `wrapDependency` (shell/lws.ts), which, as in an org, replaces it with the sandbox's own loader
 * (@locker/sandbox `wrapPlatformResourceLoader`): the script is evaluated in the namespace's sandbox, its globals on
 * that sandbox's window. With `WORKBENCH_LWS=off` this plain loader runs, the script's globals on the page's window.
 */
const loaded = new Map<string, Promise<void>>();

function once(url: string, create: (absolute: string) => HTMLScriptElement | HTMLLinkElement): Promise<void> {
    const absolute = new URL(url, document.baseURI).href;
    let loading = loaded.get(absolute);
    if (!loading) {
        loading = new Promise<void>((resolve, reject) => {
            const element = create(absolute);
            element.addEventListener('load', () => resolve(), { once: true });
            element.addEventListener('error', () => reject(new Error(`Could not load ${url}`)), { once: true });
            document.head.appendChild(element);
        });
        loaded.set(absolute, loading);
    }
    return loading;
}

/** Runs the script at `url` on the page, once per URL; resolves when it has run. */
export function loadScript(_component: unknown, url: string): Promise<void> {
    return once(url, (absolute) => {
        const script = document.createElement('script');
        script.src = absolute;
        return script;
    });
}

/** Adds the stylesheet at `url` to the page, once per URL; resolves when it has loaded. */
export function loadStyle(_component: unknown, url: string): Promise<void> {
    return once(url, (absolute) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = absolute;
        return link;
    });
}
