import { createElement } from 'lwc';
import WebexDialer from 'c/webexDialer';
import { EnclosingUtilityId, open } from 'lightning/platformUtilityBarApi';
import getDialerSettings from '@salesforce/apex/WebexCallController.getDialerSettings';
import getMessagingSessionApex from '@salesforce/apex/WebexSpacesController.getMessagingSession';
import { getMessagingSession } from 'c/webexMessagingSession';

jest.mock('@salesforce/apex/WebexCallController.getDialerSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexSpacesController.getMessagingSession', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexDialer_TabChatUnread', () => ({ default: 'Chat ({0})' }), { virtual: true });
jest.mock('c/webexMessagingSession', () => ({ getMessagingSession: jest.fn() }));
jest.mock(
    'lightning/platformUtilityBarApi',
    () => {
        const { createTestWireAdapter } = require('@salesforce/wire-service-jest-util');
        return { EnclosingUtilityId: createTestWireAdapter(jest.fn()), open: jest.fn() };
    },
    { virtual: true }
);

type TabStub = HTMLElement & { label: string; title: string; value: string };
type TabsetStub = HTMLElement & { activeTabValue: string };
const utilityId = EnclosingUtilityId as unknown as { emit: (value: string | undefined) => void };

/** The page's messaging session as the SDK would drive it: `message()` is a message arriving live. */
function fakeSession() {
    const listeners = new Set<(payload: unknown) => void>();
    const session = {
        live: true,
        me: { personId: 'me', displayName: 'Rep' },
        listSpaces: jest
            .fn()
            .mockResolvedValue([
                { id: 'deal', title: 'Acme deal', type: 'group', lastActivity: '2026-12-07T09:00:00.000Z' }
            ]),
        listMessages: jest.fn().mockResolvedValue({ messages: [] }),
        searchPeople: jest.fn().mockResolvedValue([]),
        onMessage: (listener: (payload: unknown) => void) => {
            listeners.add(listener);
            return () => listeners.delete(listener);
        },
        onRoom: () => () => undefined,
        onMembership: () => () => undefined,
        onLiveChange: () => () => undefined
    };
    const message = (id: string) =>
        listeners.forEach((l) =>
            l({
                type: 'created',
                spaceId: 'deal',
                message: { id, personId: 'olivia', created: new Date(Date.now() + 60_000).toISOString() }
            })
        );
    return { session, message };
}

// Lets the mocked promises settle (a macrotask: several promise turns).
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

async function mount(chatEnabled: boolean | Error): Promise<HTMLElement> {
    jest.mocked(getDialerSettings).mockReturnValue(new Promise(() => undefined));
    if (chatEnabled instanceof Error) jest.mocked(getMessagingSessionApex).mockRejectedValue(chatEnabled);
    else jest.mocked(getMessagingSessionApex).mockResolvedValue({ chatEnabled } as WebexMessagingSession);
    const element = createElement('c-webex-dialer', { is: WebexDialer });
    document.body.appendChild(element);
    await flush();
    await flush();
    return element;
}

const tabs = (element: HTMLElement) => [...(element.shadowRoot?.querySelectorAll('lightning-tab') ?? [])] as TabStub[];
const calling = (element: HTMLElement) => tabs(element)[0].querySelector('c-webex-calling') as HTMLElement;

describe('c-webex-dialer', () => {
    let fake: ReturnType<typeof fakeSession>;
    beforeEach(() => {
        localStorage.clear();
        fake = fakeSession();
        jest.mocked(getMessagingSession).mockResolvedValue(fake.session as never);
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('holds only Calling for a rep without chat, and loads no SDK for it', async () => {
        const element = await mount(false);
        expect(tabs(element).map((tab) => tab.label)).toEqual(['c.WebexDialer_TabCalling']);
        expect(calling(element)).not.toBeNull();
        expect(getMessagingSession).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('holds only Calling while the rep is not connected to Webex', async () => {
        const element = await mount(new Error('NOT_CONNECTED'));
        expect(tabs(element)).toHaveLength(1);
    });

    it('adds Chat for a rep with chat, its label counting the messages that arrive', async () => {
        const element = await mount(true);
        await flush();
        const chat = tabs(element)[1];
        expect(chat.label).toBe('c.WebexDialer_TabChat');
        expect(chat.value).toBe('chat');
        expect(chat.querySelector('c-webex-chat')).not.toBeNull();
        fake.message('m1');
        fake.message('m2');
        await flush();
        expect(tabs(element)[1].label).toBe('Chat (2)');
        expect(tabs(element)[1].title).toBe('c.WebexDialer_TabChatUnreadTitle');
        await expect(element).toBeAccessible();
    });

    it('shows Calling and opens its utility panel when Calling asks for attention', async () => {
        jest.mocked(open).mockResolvedValue(true);
        const element = await mount(true);
        const tabset = element.shadowRoot?.querySelector('lightning-tabset') as TabsetStub;
        tabs(element)[1].dispatchEvent(new CustomEvent('active'));
        await flush();
        expect(tabset.activeTabValue).toBe('chat');
        utilityId.emit('utility-7');
        calling(element).dispatchEvent(new CustomEvent('attention'));
        await flush();
        expect(tabset.activeTabValue).toBe('calling');
        expect(open).toHaveBeenCalledWith('utility-7', { autoFocus: false });
    });

    it('opens nothing outside a utility bar, and ignores a refusal', async () => {
        const element = await mount(false);
        calling(element).dispatchEvent(new CustomEvent('attention'));
        expect(open).not.toHaveBeenCalled();
        jest.mocked(open).mockRejectedValue(new Error('no utility bar'));
        utilityId.emit('utility-7');
        calling(element).dispatchEvent(new CustomEvent('attention'));
        await Promise.resolve();
        expect(open).toHaveBeenCalledTimes(1);
    });

    it('shows 99+ beyond 99 unread messages', async () => {
        const element = await mount(true);
        await flush();
        for (let i = 0; i < 120; i++) fake.message(`m${i}`);
        await flush();
        expect(tabs(element)[1].label).toBe('Chat (99+)');
    });
});
