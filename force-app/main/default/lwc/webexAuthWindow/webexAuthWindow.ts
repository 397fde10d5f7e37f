/**
 * Webex's authorize page in its own window (for "Connect Webex"), and knowing when the person is back.
 *
 * Why the window opens only once Apex has given Webex's URL, and why no handle on it comes back: Lightning
 * Web Security (LWS, on by default in an org) distorts `window.open` (Distortion Viewer,
 * https://developer.salesforce.com/docs/platform/lwc/guide/security-lwsec-tools-distortion-viewer.html; lint
 * rule `@locker/locker/distorted-xml-http-request-window-open`). Its distortion (`initDistortionWindowOpen`
 * in @locker/distortion 0.28.4, behind the release gate `changesSince.264`) throws "Cannot open same-origin
 * URL in a new browsing context" for a same-origin URL in a new window (an empty URL counts, so a blank window
 * opened in the click and sent to Webex later is refused) and adds `noopener` for any other URL, for which
 * the HTML standard's window open steps return null. Webex's URL is cross-origin, so LWS lets it open; this
 * module asks for `noopener` itself, so that every org (LWS, Lightning Locker, neither) behaves the same and
 * Webex's pages can never reach Salesforce's window.
 *
 * Opening after the `await` on Apex still counts as the click's doing: transient activation lasts a few
 * seconds (HTML standard, "transient activation duration"; 5 s in Chromium, `kActivationLifespan` in
 * third_party/blink/public/common/frame/user_activation_state.h; 5000 ms in Firefox,
 * `dom.user_activation.transient.timeout`). When Apex is slower (a retry after a rate limit) or a pop-up
 * blocker steps in, this page learns nothing: `null` is all it would get either way. Hence the card always
 * shows a link to the same page, and learns that the person is back from this page's focus or visibility
 * (`watchAuthWindow`), never from the window closing.
 */

const WINDOW_NAME = 'webexAuthorize';
const WINDOW_FEATURES = 'popup=yes,width=520,height=720,noopener';

/**
 * Opens `url` (Webex's authorize page, cross-origin) in its own window, cut from this page. Call it while the
 * click that asked for it is recent. Nothing comes back: whether the window opened cannot be known (see the
 * module's comment), so the caller offers a link to the same URL as well. A refusal by the sandbox is
 * swallowed for the same reason: the link still works.
 */
export function openAuthWindow(url: string, host: Window = window): void {
    try {
        host.open(url, WINDOW_NAME, WINDOW_FEATURES);
    } catch {
        // Lightning Web Security refuses a same-origin URL here; the card's link opens it instead.
    }
}

/**
 * Calls `onReturn` whenever the person is likely back from Webex's window: this page got the focus back or
 * became visible again. Returns the function that stops watching.
 */
export function watchAuthWindow(onReturn: () => void, host: Window = window): () => void {
    const onFocus = (): void => onReturn();
    const onVisibility = (): void => {
        if (host.document.visibilityState === 'visible') onReturn();
    };
    host.addEventListener('focus', onFocus);
    host.document.addEventListener('visibilitychange', onVisibility);
    return () => {
        host.removeEventListener('focus', onFocus);
        host.document.removeEventListener('visibilitychange', onVisibility);
    };
}
