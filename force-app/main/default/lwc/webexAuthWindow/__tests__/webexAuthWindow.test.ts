import { openAuthWindow, watchAuthWindow } from 'c/webexAuthWindow';

const AUTHORIZE_URL = 'https://webexapis.com/v1/authorize?client_id=C1&state=abc';

describe('c/webexAuthWindow', () => {
    afterEach(() => {
        jest.restoreAllMocks();
    });

    it('opens Webex’s page itself in its own window, cut from this page (noopener: no handle comes back)', () => {
        const open = jest.spyOn(window, 'open').mockReturnValue(null);
        expect(openAuthWindow(AUTHORIZE_URL)).toBeUndefined();
        expect(open).toHaveBeenCalledTimes(1);
        const [url, name, features] = open.mock.calls[0];
        expect(url).toBe(AUTHORIZE_URL);
        expect(name).toBe('webexAuthorize');
        expect(String(features).split(',')).toEqual(expect.arrayContaining(['popup=yes', 'noopener']));
    });

    it('does not fail when the sandbox refuses to open the window (the card’s link is there)', () => {
        jest.spyOn(window, 'open').mockImplementation(() => {
            throw new Error('Cannot open same-origin URL in a new browsing context.');
        });
        expect(() => openAuthWindow('/apex/webexuserauth')).not.toThrow();
    });

    it('calls back when this page gets the focus back or becomes visible, until stopped', () => {
        const onReturn = jest.fn();
        const stop = watchAuthWindow(onReturn);
        window.dispatchEvent(new CustomEvent('focus'));
        const visibility = jest.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        expect(onReturn).toHaveBeenCalledTimes(1);
        visibility.mockReturnValue('visible');
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        expect(onReturn).toHaveBeenCalledTimes(2);
        stop();
        window.dispatchEvent(new CustomEvent('focus'));
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        expect(onReturn).toHaveBeenCalledTimes(2);
    });
});
