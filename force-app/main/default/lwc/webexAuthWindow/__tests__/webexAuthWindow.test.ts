import {
    closeAuthWindow,
    openAuthWindow,
    POLL_INTERVAL_MS,
    showInAuthWindow,
    watchAuthWindow
} from 'c/webexAuthWindow';

/** A window as `window.open` returns it: open until `markClosed`, with an opener and a location. */
function fakeWindow(): Window {
    const opened = { opener: {}, location: { href: 'about:blank' }, close: jest.fn() };
    return Object.defineProperty(opened, 'closed', { value: false, configurable: true }) as unknown as Window;
}

/** The person closed the window. */
function markClosed(opened: Window): void {
    Object.defineProperty(opened, 'closed', { value: true });
}

describe('c/webexAuthWindow', () => {
    afterEach(() => {
        jest.restoreAllMocks();
        jest.useRealTimers();
    });

    it('opens a blank window cut from this page, then sends it to the sign-in page', () => {
        const opened = fakeWindow();
        const open = jest.spyOn(window, 'open').mockReturnValue(opened);
        expect(openAuthWindow()).toBe(opened);
        expect(open).toHaveBeenCalledWith('', 'webexAuthorize', expect.stringContaining('popup'));
        expect(opened.opener).toBeNull();
        showInAuthWindow(opened, 'https://webexapis.com/v1/authorize?state=1');
        expect(opened.location.href).toBe('https://webexapis.com/v1/authorize?state=1');
    });

    it('reports a blocked pop-up as null, and keeps a window whose opener cannot be cut', () => {
        jest.spyOn(window, 'open').mockReturnValue(null);
        expect(openAuthWindow()).toBeNull();
        const stubborn = fakeWindow();
        Object.defineProperty(stubborn, 'opener', {
            set() {
                throw new Error('read-only');
            }
        });
        jest.spyOn(window, 'open').mockReturnValue(stubborn);
        expect(openAuthWindow()).toBe(stubborn);
    });

    it('closes only a window still open', () => {
        const opened = fakeWindow();
        closeAuthWindow(opened);
        expect(opened.close).toHaveBeenCalledTimes(1);
        markClosed(opened);
        closeAuthWindow(opened);
        closeAuthWindow(null);
        expect(opened.close).toHaveBeenCalledTimes(1);
    });

    it('calls back once the window closes, then stops watching', () => {
        jest.useFakeTimers();
        const opened = fakeWindow();
        const onReturn = jest.fn();
        watchAuthWindow(opened, onReturn);
        jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
        expect(onReturn).not.toHaveBeenCalled();
        markClosed(opened);
        jest.advanceTimersByTime(POLL_INTERVAL_MS);
        expect(onReturn).toHaveBeenCalledWith('closed');
        jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
        window.dispatchEvent(new CustomEvent('focus'));
        expect(onReturn).toHaveBeenCalledTimes(1);
    });

    it('calls back when this page gets the focus back or becomes visible, until stopped', () => {
        const onReturn = jest.fn();
        const stop = watchAuthWindow(null, onReturn);
        window.dispatchEvent(new CustomEvent('focus'));
        const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        visibility.mockReturnValue('visible');
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        expect(onReturn.mock.calls).toEqual([['focus'], ['focus']]);
        stop();
        window.dispatchEvent(new CustomEvent('focus'));
        expect(onReturn).toHaveBeenCalledTimes(2);
    });
});
