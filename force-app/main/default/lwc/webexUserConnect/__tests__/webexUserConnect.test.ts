import { createElement } from 'lwc';
import WebexUserConnect from 'c/webexUserConnect';
import disconnect from '@salesforce/apex/WebexUserConnectionController.disconnect';
import getConnection from '@salesforce/apex/WebexUserConnectionController.getConnection';
import startConnection from '@salesforce/apex/WebexUserConnectionController.startConnection';
import connected from './data/connected.json';
import expired from './data/expired.json';
import notAvailable from './data/notAvailable.json';
import notAvailableRejection from './data/notAvailableRejection.json';
import notConnected from './data/notConnected.json';
import oldScopes from './data/oldScopes.json';
import unavailableRejection from './data/unavailableRejection.json';
import { readDraft, saveDraft } from 'c/webexSpaceMessages';

jest.mock('@salesforce/apex/WebexUserConnectionController.getConnection', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WebexUserConnectionController.startConnection', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WebexUserConnectionController.disconnect', () => ({ default: jest.fn() }), {
    virtual: true
});
// English values where a test reads a filled-in label; other labels read as their name (c.Label_Name).
jest.mock('@salesforce/label/c.WebexUserConnect_ConnectedAs', () => ({ default: 'Connected as {0}' }), {
    virtual: true
});

const mockGet = jest.mocked(getConnection);
const mockStart = jest.mocked(startConnection);
const mockDisconnect = jest.mocked(disconnect);
const AUTHORIZE_URL = 'https://webexapis.com/v1/authorize?client_id=C1&state=abc';

type Host = HTMLElement & {
    shadowRoot: ShadowRoot;
    refresh(): Promise<void>;
    variant: string;
    known: WebexUserConnection | null;
    disconnected: boolean;
};
type ButtonStub = HTMLElement & { label: string; disabled: boolean };

function flushPromises(): Promise<void> {
    // A macrotask: every pending Apex promise and the re-render it causes have settled by then.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function mount(
    connection: WebexUserConnection,
    events: WebexUserConnection[] = [],
    props: Partial<Pick<Host, 'variant' | 'known' | 'disconnected'>> = {}
): Promise<Host> {
    mockGet.mockResolvedValue(connection);
    const element = createElement('c-webex-user-connect', { is: WebexUserConnect }) as Host;
    Object.assign(element, props);
    element.addEventListener('connectionchange', (event) => events.push((event as CustomEvent).detail));
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

/** The account line of the ready dialer, from the connection the dialer has. */
function mountLine(known: WebexUserConnection, events: WebexUserConnection[] = []): Promise<Host> {
    return mount(known, events, { variant: 'line', known });
}

function $(element: Host, selector: string): HTMLElement | null {
    return element.shadowRoot.querySelector(selector);
}

function text(element: Host, selector: string): string {
    return ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function button(element: Host, action: string): ButtonStub {
    return $(element, `lightning-button[data-action="${action}"]`) as ButtonStub;
}

/** The rep comes back to this page (the browser gives it the focus back). */
function comeBack(): void {
    window.dispatchEvent(new CustomEvent('focus'));
}

/** Connect Webex, with Apex answering Webex's URL: the card waits for the rep. */
async function connect(element: Host, action = 'connect'): Promise<void> {
    mockStart.mockResolvedValue({ authorizeUrl: AUTHORIZE_URL });
    button(element, action).click();
    await flushPromises();
}

describe('c-webex-user-connect', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
        jest.restoreAllMocks();
        jest.useRealTimers();
    });

    it('says it is checking, then asks to connect, and tells the dialer', async () => {
        let answer: (connection: WebexUserConnection) => void = () => undefined;
        mockGet.mockReturnValue(new Promise((resolve) => (answer = resolve)));
        const events: WebexUserConnection[] = [];
        const element = createElement('c-webex-user-connect', { is: WebexUserConnect }) as Host;
        element.addEventListener('connectionchange', (event) => events.push((event as CustomEvent).detail));
        document.body.appendChild(element);
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexUserConnect_Loading');

        answer(notConnected);
        await flushPromises();
        expect($(element, '[data-busy]')).toBeNull();
        expect(text(element, 'h2')).toBe('c.WebexUserConnect_Title');
        expect(text(element, '[data-intro]')).toBe('c.WebexUserConnect_Intro');
        expect(button(element, 'connect').label).toBe('c.WebexUserConnect_Connect');
        expect(events).toEqual([notConnected]);
        await expect(element).toBeAccessible();
    });

    it('says to ask the administrator when the integration is not set up', async () => {
        const element = await mount(notAvailable);
        expect(text(element, '[data-unavailable]')).toBe('c.WebexUserConnect_NotAvailable');
        expect(button(element, 'connect')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows who is connected, and disconnects, forgetting the rep’s drafts', async () => {
        saveDraft('sam-person', 'room-1', 'Half a thought');
        const events: WebexUserConnection[] = [];
        const element = await mount(connected, events);
        expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
        expect(text(element, '[data-email]')).toBe('sam.rep@acme-webex.example');
        await expect(element).toBeAccessible();

        mockDisconnect.mockResolvedValue(notConnected);
        button(element, 'disconnect').click();
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexUserConnect_Disconnecting');
        await flushPromises();
        expect(mockDisconnect).toHaveBeenCalledTimes(1);
        expect(text(element, '[data-success]')).toBe('c.WebexUserConnect_Disconnected');
        expect(button(element, 'connect')).not.toBeNull();
        expect(events).toEqual([connected, notConnected]);
        expect(readDraft('sam-person', 'room-1')).toBe('');
    });

    it('keeps the connection shown with the reason, and the drafts, when Disconnect fails', async () => {
        saveDraft('sam-person', 'room-1', 'Half a thought');
        const element = await mount(connected);
        mockDisconnect.mockRejectedValue(unavailableRejection);
        button(element, 'disconnect').click();
        await flushPromises();
        expect(text(element, '[data-error]')).toBe(
            'Webex is not available right now (HTTP 503). Try again in a few minutes.'
        );
        expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
        expect(readDraft('sam-person', 'room-1')).toBe('Half a thought');
        window.localStorage.clear();
    });

    it('shows a problem with Reconnect', async () => {
        const element = await mount(expired);
        expect(text(element, '[data-problem]')).toBe('Your Webex connection expired. Reconnect.');
        expect(button(element, 'reconnect').label).toBe('c.WebexUserConnect_Reconnect');
        expect($(element, '[data-connected-as]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('opens Webex’s page once Apex answers, links to it too, and shows the rep connected on return', async () => {
        const open = jest.spyOn(window, 'open').mockReturnValue(null);
        const events: WebexUserConnection[] = [];
        const element = await mount(notConnected, events);
        let answer: (value: { authorizeUrl: string }) => void = () => undefined;
        mockStart.mockReturnValue(new Promise((resolve) => (answer = resolve)));
        button(element, 'connect').click();
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexUserConnect_Opening');
        expect(button(element, 'connect').disabled).toBe(true);
        expect(open).not.toHaveBeenCalled();

        answer({ authorizeUrl: AUTHORIZE_URL });
        await flushPromises();
        expect(open).toHaveBeenCalledTimes(1);
        expect(open.mock.calls[0][0]).toBe(AUTHORIZE_URL);
        expect(text(element, '[data-waiting]')).toBe('c.WebexUserConnect_Waiting');
        expect(text(element, '[data-open-webex-hint]')).toBe('c.WebexUserConnect_PopupBlocked');
        const link = $(element, '[data-open-webex]') as HTMLAnchorElement;
        expect(link.textContent).toBe('c.WebexUserConnect_OpenWebex');
        expect(link.href).toBe(AUTHORIZE_URL);
        expect(link.target).toBe('_blank');
        expect(link.rel).toBe('noopener noreferrer');
        expect(button(element, 'check-again').label).toBe('c.WebexUserConnect_CheckAgain');
        expect(button(element, 'connect')).toBeNull();
        await expect(element).toBeAccessible();

        mockGet.mockResolvedValue(connected);
        comeBack();
        await flushPromises();
        expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
        expect($(element, '[data-waiting]')).toBeNull();
        expect($(element, '[data-open-webex]')).toBeNull();
        expect(events).toEqual([notConnected, connected]);

        // Connected: coming back to the page again asks Apex nothing more.
        comeBack();
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        await flushPromises();
        expect(mockGet).toHaveBeenCalledTimes(2);
    });

    it('shows Connect Webex again when the rep comes back without connecting, and on Check again', async () => {
        jest.spyOn(window, 'open').mockReturnValue(null);
        const element = await mount(notConnected);
        await connect(element);
        comeBack();
        await flushPromises();
        expect(mockGet).toHaveBeenCalledTimes(2);
        expect(text(element, '[data-intro]')).toBe('c.WebexUserConnect_Intro');
        expect(button(element, 'connect')).not.toBeNull();
        expect($(element, '[data-waiting]')).toBeNull();

        await connect(element);
        expect(text(element, '[data-waiting]')).toBe('c.WebexUserConnect_Waiting');
        mockGet.mockResolvedValue(connected);
        button(element, 'check-again').click();
        await flushPromises();
        expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
    });

    it('keeps waiting, with the reason, when the check on return fails', async () => {
        jest.spyOn(window, 'open').mockReturnValue(null);
        const element = await mount(notConnected);
        await connect(element);
        mockGet.mockRejectedValue(unavailableRejection);
        button(element, 'check-again').click();
        await flushPromises();
        expect(text(element, '[data-error]')).toContain('Webex is not available right now');
        expect(text(element, '[data-waiting]')).toBe('c.WebexUserConnect_Waiting');
        expect($(element, '[data-open-webex]')).not.toBeNull();
    });

    it('keeps waiting after a new Connect even if a check from before it answers later', async () => {
        jest.spyOn(window, 'open').mockReturnValue(null);
        const element = await mount(notConnected);
        await connect(element);
        comeBack();
        await flushPromises();
        expect(button(element, 'connect')).not.toBeNull();

        // The rep comes back again, and clicks Connect Webex before that check has answered.
        let answer: (connection: WebexUserConnection) => void = () => undefined;
        mockGet.mockReturnValue(new Promise((resolve) => (answer = resolve)));
        comeBack();
        await connect(element);
        answer(notConnected);
        await flushPromises();
        expect(text(element, '[data-waiting]')).toBe('c.WebexUserConnect_Waiting');
        expect($(element, '[data-open-webex]')).not.toBeNull();
    });

    it('reconnects from a problem the same way', async () => {
        const open = jest.spyOn(window, 'open').mockReturnValue(null);
        const element = await mount(expired);
        await connect(element, 'reconnect');
        expect(open.mock.calls[0][0]).toBe(AUTHORIZE_URL);
        expect(text(element, '[data-waiting]')).toBe('c.WebexUserConnect_Waiting');
        expect($(element, '[data-problem]')).toBeNull();
    });

    it('opens no window and says why when Apex refuses to start', async () => {
        const open = jest.spyOn(window, 'open').mockReturnValue(null);
        const element = await mount(notConnected);
        mockStart.mockRejectedValue(notAvailableRejection);
        button(element, 'connect').click();
        await flushPromises();
        expect(open).not.toHaveBeenCalled();
        expect(text(element, '[data-error]')).toBe(
            'Calling from Salesforce is not set up yet. Ask your administrator to set up the Webex integration.'
        );
        expect(button(element, 'connect').disabled).toBe(false);
        expect($(element, '[data-waiting]')).toBeNull();
    });

    it('says why the connection could not be checked, and tries again', async () => {
        mockGet.mockRejectedValue(unavailableRejection);
        const element = createElement('c-webex-user-connect', { is: WebexUserConnect }) as Host;
        document.body.appendChild(element);
        await flushPromises();
        expect(text(element, '[data-error]')).toContain('Webex is not available right now');
        await expect(element).toBeAccessible();

        mockGet.mockResolvedValue(connected);
        button(element, 'retry').click();
        await flushPromises();
        expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
        expect($(element, '[data-error]')).toBeNull();
    });

    it('says the rep just disconnected when the dialer shows the card after its account line', async () => {
        const element = await mount(notConnected, [], { disconnected: true });
        expect(text(element, '[data-success]')).toBe('c.WebexUserConnect_Disconnected');
        expect(button(element, 'connect')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    describe('the account line of the ready dialer', () => {
        it('shows who the rep is connected as in Webex, from what the dialer has, without asking Webex', async () => {
            const element = await mountLine(connected);
            expect(mockGet).not.toHaveBeenCalled();
            expect(text(element, '[data-account-line] [data-connected-as]')).toBe('Connected as Sam Rep');
            expect(text(element, '[data-account-line] [data-email]')).toBe('sam.rep@acme-webex.example');
            expect($(element, '[data-account-line]')?.getAttribute('aria-label')).toBe('c.WebexUserConnect_Title');
            expect(button(element, 'disconnect').label).toBe('c.WebexUserConnect_Disconnect');
            expect($(element, '[data-user-connect]')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('disconnects and tells the dialer', async () => {
            const events: WebexUserConnection[] = [];
            const element = await mountLine(connected, events);
            mockDisconnect.mockResolvedValue(notConnected);
            button(element, 'disconnect').click();
            await Promise.resolve();
            expect(button(element, 'disconnect').label).toBe('c.WebexUserConnect_Disconnecting');
            expect(button(element, 'disconnect').disabled).toBe(true);
            await flushPromises();
            expect(mockDisconnect).toHaveBeenCalledTimes(1);
            expect(events).toEqual([notConnected]);
        });

        it('stays with the reason when Disconnect fails', async () => {
            const element = await mountLine(connected);
            mockDisconnect.mockRejectedValue(unavailableRejection);
            button(element, 'disconnect').click();
            await flushPromises();
            expect(text(element, '[data-account-line] [data-error]')).toBe(
                'Webex is not available right now (HTTP 503). Try again in a few minutes.'
            );
            expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
            expect(button(element, 'disconnect').disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('checks with Webex like the card when the dialer has no connection to give', async () => {
            mockGet.mockResolvedValue(connected);
            const element = createElement('c-webex-user-connect', { is: WebexUserConnect }) as Host;
            element.variant = 'line';
            document.body.appendChild(element);
            await flushPromises();
            expect(mockGet).toHaveBeenCalledTimes(1);
            expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
        });
    });

    describe('a connection made before chat and spaces asked for their scopes', () => {
        afterEach(() => window.localStorage.clear());

        it('shows the card connected, with the reason and Reconnect, and no Not now', async () => {
            const element = await mount(oldScopes);
            expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
            expect(text(element, '[data-scopes-notice]')).toBe('c.WebexUserConnect_ProblemScopes');
            expect(button(element, 'reconnect-scopes').label).toBe('c.WebexUserConnect_Reconnect');
            expect(button(element, 'not-now')).toBeNull();
            expect($(element, '[data-problem]')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('asks once on the account line: Not now is remembered for that Webex account', async () => {
            const element = await mountLine(oldScopes);
            expect(text(element, '[data-account-line] [data-connected-as]')).toBe('Connected as Sam Rep');
            expect(text(element, '[data-account-line] [data-scopes-notice] p')).toBe(
                'c.WebexUserConnect_ProblemScopes'
            );
            expect(button(element, 'not-now').label).toBe('c.WebexUserConnect_NotNow');
            await expect(element).toBeAccessible();
            button(element, 'not-now').click();
            await flushPromises();
            expect($(element, '[data-scopes-notice]')).toBeNull();
            expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
            expect(button(element, 'disconnect').label).toBe('c.WebexUserConnect_Disconnect');

            // The next time the dialer loads, the line says nothing more.
            document.body.removeChild(element);
            const again = await mountLine(oldScopes);
            expect($(again, '[data-scopes-notice]')).toBeNull();
            expect(text(again, '[data-connected-as]')).toBe('Connected as Sam Rep');
        });

        it('reconnects from the account line, waits for Webex, and the notice goes once the scopes are granted', async () => {
            const open = jest.spyOn(window, 'open').mockReturnValue(null);
            const events: WebexUserConnection[] = [];
            const element = await mountLine(oldScopes, events);
            await connect(element, 'reconnect-scopes');
            expect(open).toHaveBeenCalledWith(AUTHORIZE_URL, expect.anything(), expect.anything());
            expect(text(element, '[data-waiting]')).toBe('c.WebexUserConnect_Waiting');
            expect(($(element, '[data-open-webex]') as HTMLAnchorElement).href).toBe(AUTHORIZE_URL);
            expect($(element, '[data-scopes-notice]')).toBeNull();
            // Calling goes on meanwhile: the line still says who, with Disconnect.
            expect(text(element, '[data-connected-as]')).toBe('Connected as Sam Rep');
            await expect(element).toBeAccessible();

            mockGet.mockResolvedValue(connected);
            comeBack();
            await flushPromises();
            expect($(element, '[data-waiting]')).toBeNull();
            expect($(element, '[data-scopes-notice]')).toBeNull();
            expect(events).toEqual([connected]);
        });

        it('asks again when the rep comes back from Webex without granting them', async () => {
            jest.spyOn(window, 'open').mockReturnValue(null);
            const element = await mountLine(oldScopes);
            await connect(element, 'reconnect-scopes');
            mockGet.mockResolvedValue(oldScopes);
            button(element, 'check-again').click();
            await flushPromises();
            expect($(element, '[data-waiting]')).toBeNull();
            expect(text(element, '[data-scopes-notice] p')).toBe('c.WebexUserConnect_ProblemScopes');
        });
    });

    it('checks again when the dialer asks, once at a time', async () => {
        const element = await mount(connected);
        mockGet.mockResolvedValue(expired);
        const first = element.refresh();
        const second = element.refresh();
        expect(second).toBe(first);
        await first;
        await flushPromises();
        expect(mockGet).toHaveBeenCalledTimes(2);
        expect(text(element, '[data-problem]')).toBe('Your Webex connection expired. Reconnect.');
    });
});
