/**
 * A sign-in page in its own window (Webex's authorize page for "Connect Webex"), and knowing when the
 * person is back from it.
 *
 * - `openAuthWindow()` must run inside the click handler, before any `await`: a window opened later
 *   than the click may be blocked as a pop-up. It opens a blank window, cut from this page
 *   (`opener = null`, so the pages it shows cannot reach Salesforce's window), that `showInAuthWindow`
 *   later sends to the URL Apex returned. `null` means the browser blocked it: offer a link instead.
 * - `watchAuthWindow()` calls back once when the window closes (checked every second) and whenever
 *   this page gets the focus back or becomes visible again (the person may leave the window open).
 */

/** How often a closed window is looked for. */
export const POLL_INTERVAL_MS = 1000;

const WINDOW_NAME = 'webexAuthorize';
const WINDOW_FEATURES = 'popup=yes,width=520,height=720';

/** Opens a blank window for the sign-in page; null when the browser blocked it. */
export function openAuthWindow(host: Window = window): Window | null {
    const opened = host.open('', WINDOW_NAME, WINDOW_FEATURES);
    if (!opened) return null;
    try {
        opened.opener = null;
    } catch {
        // Some browsers refuse the assignment; the window then keeps its opener, which is the default.
    }
    return opened;
}

/** Sends the window opened for it to the sign-in page. */
export function showInAuthWindow(opened: Window, url: string): void {
    opened.location.href = url;
}

/** Closes the window (Apex refused to start: nothing to show in it). */
export function closeAuthWindow(opened: Window | null): void {
    if (opened && !opened.closed) opened.close();
}

/**
 * Calls `onReturn` when the person is likely back: the window closed (reported once; then the watch
 * stops), or this page regained the focus or became visible. Returns the function that stops watching.
 */
export function watchAuthWindow(
    opened: Window | null,
    onReturn: (reason: 'closed' | 'focus') => void,
    host: Window = window
): () => void {
    let timer: ReturnType<typeof setInterval> | null = null;
    const onFocus = (): void => onReturn('focus');
    const onVisibility = (): void => {
        if (host.document.visibilityState === 'visible') onReturn('focus');
    };
    const stop = (): void => {
        if (timer !== null) clearInterval(timer);
        timer = null;
        host.removeEventListener('focus', onFocus);
        host.document.removeEventListener('visibilitychange', onVisibility);
    };
    host.addEventListener('focus', onFocus);
    host.document.addEventListener('visibilitychange', onVisibility);
    if (opened) {
        // Polling is the only way to learn a window closed: it fires no event this page can hear.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        timer = setInterval(() => {
            if (opened.closed) {
                stop();
                onReturn('closed');
            }
        }, POLL_INTERVAL_MS);
    }
    return stop;
}
