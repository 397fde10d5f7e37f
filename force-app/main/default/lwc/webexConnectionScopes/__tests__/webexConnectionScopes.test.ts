import {
    DISMISSED_KEY_PREFIX,
    SCOPES_PROBLEM,
    dismissScopesNotice,
    lacksMessagingScopes,
    scopesNoticeDismissed,
    worksForCalling
} from 'c/webexConnectionScopes';

const SAM = {
    connected: true,
    problem: 'Reconnect Webex to use chat and spaces.',
    problemCode: SCOPES_PROBLEM,
    email: 'Sam.Rep@acme-webex.example'
};

describe('c/webexConnectionScopes', () => {
    afterEach(() => {
        window.localStorage.clear();
        jest.restoreAllMocks();
    });

    it('tells a connection without messaging scopes from one that works and one that is broken', () => {
        expect(lacksMessagingScopes(SAM)).toBe(true);
        expect(lacksMessagingScopes({ ...SAM, problem: null, problemCode: null })).toBe(false);
        expect(lacksMessagingScopes({ ...SAM, connected: false })).toBe(false);
        expect(lacksMessagingScopes(null)).toBe(false);
    });

    it('keeps calling for a connection that only lacks messaging scopes, not for a broken one', () => {
        expect(worksForCalling(SAM)).toBe(true);
        expect(worksForCalling({ ...SAM, problem: null, problemCode: null })).toBe(true);
        expect(
            worksForCalling({ ...SAM, problem: 'Your Webex connection expired. Reconnect.', problemCode: 'expired' })
        ).toBe(false);
        expect(worksForCalling({ ...SAM, connected: false, problem: null, problemCode: null })).toBe(false);
        expect(worksForCalling(undefined)).toBe(false);
    });

    it('remembers "Not now" per Webex account, whatever the case of the email', () => {
        expect(scopesNoticeDismissed(SAM)).toBe(false);
        dismissScopesNotice(SAM);
        expect(scopesNoticeDismissed({ ...SAM, email: 'sam.rep@acme-webex.example' })).toBe(true);
        expect(window.localStorage.getItem(`${DISMISSED_KEY_PREFIX}sam.rep@acme-webex.example`)).not.toBeNull();
        expect(scopesNoticeDismissed({ ...SAM, email: 'camille.vente@acme-webex.example' })).toBe(false);
    });

    it('shows the notice again, rather than failing, when the browser refuses storage', () => {
        jest.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
            throw new DOMException('refused', 'SecurityError');
        });
        jest.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
            throw new DOMException('refused', 'SecurityError');
        });
        expect(() => dismissScopesNotice(SAM)).not.toThrow();
        expect(scopesNoticeDismissed(SAM)).toBe(false);
    });
});
