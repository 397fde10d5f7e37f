import { createElement } from 'lwc';
import WebexChat from 'c/webexChat';
import { inLoadState } from '../../../../../test/jest-utils/loadState';
import { getMessagingSession } from 'c/webexMessagingSession';

jest.mock('c/webexMessagingSession', () => ({
    getMessagingSession: jest.fn(),
    resetMessagingSession: jest.fn(),
    toMessagingFailure: (error: unknown) => error,
    MAX_FILE_BYTES: 100 * 1024 * 1024,
    MessagingFailure: class extends Error {}
}));
jest.mock('@salesforce/apex/WebexSpacesController.getRecordFiles', () => ({ default: jest.fn() }), { virtual: true });

type Fn = (payload: unknown) => void;
const ROOM = btoa('ciscospark://us/ROOM/3f1e9c40-1d2b-11ef-8d3a-0b5e2a1c9f11');

function fakeSession(live = true) {
    const messages = new Set<Fn>();
    const session = {
        live,
        me: { personId: 'me', displayName: 'Rep' },
        chatEnabled: true,
        listSpaces: jest.fn().mockResolvedValue([
            { id: ROOM, title: 'Acme deal', type: 'group', lastActivity: '2026-12-07T09:00:00.000Z' },
            { id: 'olivia-room', title: 'Olivia Chen', type: 'direct', lastActivity: '2026-12-07T08:00:00.000Z' }
        ]),
        listMessages: jest.fn().mockResolvedValue({ messages: [], hasMore: false }),
        listMembers: jest.fn().mockResolvedValue([]),
        postMessage: jest.fn(),
        searchPeople: jest.fn().mockResolvedValue([]),
        openDirect: jest.fn(),
        watch: jest.fn(() => () => undefined),
        onMessage: (listener: Fn) => {
            messages.add(listener);
            return () => messages.delete(listener);
        },
        onRoom: () => () => undefined,
        onMembership: () => () => undefined,
        onLiveChange: () => () => undefined
    };
    const message = (spaceId: string, id: string) =>
        messages.forEach((l) =>
            l({
                type: 'created',
                spaceId,
                message: { id, personId: 'olivia', created: new Date(Date.now() + 60_000).toISOString() }
            })
        );
    return { session, message };
}

// Lets the mocked promises settle (a macrotask: several promise turns).
// eslint-disable-next-line @lwc/lwc/no-async-operation
const macrotask = () => new Promise((resolve) => setTimeout(resolve, 0));
const flush = async () => {
    await macrotask();
    await macrotask();
    await macrotask();
};

async function mount(): Promise<HTMLElement> {
    const element = createElement('c-webex-chat', { is: WebexChat });
    document.body.appendChild(element);
    await flush();
    return element;
}

const $ = (element: HTMLElement, selector: string) =>
    element.shadowRoot?.querySelector(selector) as HTMLElement & Record<string, unknown>;
const $$ = (element: HTMLElement, selector: string) =>
    [...(element.shadowRoot?.querySelectorAll(selector) ?? [])] as HTMLElement[];

function type(element: HTMLElement, selector: string, value: string): void {
    const input = $(element, selector);
    input.value = value;
    input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-webex-chat', () => {
    let fake: ReturnType<typeof fakeSession>;
    beforeEach(() => {
        localStorage.clear();
        fake = fakeSession();
        jest.mocked(getMessagingSession).mockResolvedValue(fake.session as never);
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.useRealTimers();
    });

    it('lists the conversations by last activity, and counts a new message on its row', async () => {
        const element = await mount();
        const titles = $$(element, '[data-conversation-row] [data-title]').map((node) => node.textContent);
        expect(titles).toEqual(['Acme deal', 'Olivia Chen']);
        expect(
            $$(element, '[data-conversation-row] lightning-icon').map(
                (icon) => (icon as unknown as { alternativeText: string }).alternativeText
            )
        ).toEqual(['c.WebexChat_Group', 'c.WebexChat_Direct']);
        fake.message('olivia-room', 'm1');
        await flush();
        expect($$(element, '[data-title]')[0].textContent).toBe('Olivia Chen');
        expect($(element, '[data-unread]').textContent?.trim()).toBe('c.WebexChat_Unread');
        await expect(element).toBeAccessible();
    });

    it('opens a conversation in place with Back, reading it', async () => {
        const element = await mount();
        fake.message('olivia-room', 'm1');
        await flush();
        ($$(element, '[data-conversation-row]')[1] as unknown as HTMLButtonElement).click();
        await flush();
        const view = $(element, 'c-webex-space-view');
        expect(view.spaceId).toBe(ROOM);
        expect(view.title).toBe('Acme deal');
        expect(view.webexUrl).toBe('webexteams://im?space=3f1e9c40-1d2b-11ef-8d3a-0b5e2a1c9f11');
        ($(element, '[data-action="back"]') as unknown as HTMLButtonElement).click();
        await flush();
        ($$(element, '[data-conversation-row]')[0] as unknown as HTMLButtonElement).click();
        await flush();
        ($(element, '[data-action="back"]') as unknown as HTMLButtonElement).click();
        await flush();
        expect($(element, '[data-unread]')).toBeNull();
    });

    it('finds spaces by title and people in Webex, and opens the 1:1 the list has', async () => {
        jest.useFakeTimers();
        fake.session.searchPeople.mockResolvedValue([
            { id: 'p1', displayName: 'Olivia Chen', emails: ['olivia@acme.example'] }
        ]);
        const element = createElement('c-webex-chat', { is: WebexChat });
        document.body.appendChild(element);
        await jest.advanceTimersByTimeAsync(0);
        type(element, '[data-search]', 'ac');
        await jest.advanceTimersByTimeAsync(0);
        expect($(element, '[data-searching]')).not.toBeNull();
        expect($$(element, '[data-open-space]').map((node) => node.textContent?.trim())).toEqual(['Acme deal']);
        type(element, '[data-search]', 'zz');
        await jest.advanceTimersByTimeAsync(300);
        expect($(element, '[data-no-match]')).toBeNull();
        type(element, '[data-search]', 'olivia');
        await jest.advanceTimersByTimeAsync(300);
        const person = $(element, '[data-person]') as unknown as HTMLButtonElement;
        expect(person.textContent).toContain('olivia@acme.example');
        person.click();
        await jest.advanceTimersByTimeAsync(0);
        expect($(element, 'c-webex-space-view').spaceId).toBe('olivia-room');
    });

    it('says when nothing is found, and why people could not be searched', async () => {
        jest.useFakeTimers();
        const element = createElement('c-webex-chat', { is: WebexChat });
        document.body.appendChild(element);
        await jest.advanceTimersByTimeAsync(0);
        type(element, '[data-search]', 'nobody');
        await jest.advanceTimersByTimeAsync(300);
        expect($(element, '[data-no-match]')).not.toBeNull();
        fake.session.searchPeople.mockRejectedValue({ code: 'WEBEX_UNAVAILABLE', message: 'Webex is not answering.' });
        type(element, '[data-search]', 'nobody2');
        await jest.advanceTimersByTimeAsync(300);
        expect($(element, '[data-search-error]').textContent?.trim()).toBe('Webex is not answering.');
    });

    it('starts a 1:1 with a person found: the draft survives a reload, a failure keeps it, then it opens', async () => {
        jest.useFakeTimers();
        fake.session.searchPeople.mockResolvedValue([
            { id: 'p2', displayName: 'Sam Lee', emails: ['sam@partner.example'] }
        ]);
        let element = createElement('c-webex-chat', { is: WebexChat });
        document.body.appendChild(element);
        await jest.advanceTimersByTimeAsync(0);
        type(element, '[data-search]', 'sam');
        await jest.advanceTimersByTimeAsync(300);
        ($(element, '[data-person]') as unknown as HTMLButtonElement).click();
        await jest.advanceTimersByTimeAsync(0);
        expect($(element, 'h3').textContent?.trim()).toBe('c.WebexChat_NewWith');
        type(element, '[data-draft]', 'Hello Sam');
        expect(localStorage.getItem('webexDraft:me:direct:sam@partner.example')).toBe('Hello Sam');

        // The panel reloads: the draft is back when the same person is chosen.
        document.body.removeChild(element);
        element = createElement('c-webex-chat', { is: WebexChat });
        document.body.appendChild(element);
        await jest.advanceTimersByTimeAsync(0);
        type(element, '[data-search]', 'sam');
        await jest.advanceTimersByTimeAsync(300);
        ($(element, '[data-person]') as unknown as HTMLButtonElement).click();
        await jest.advanceTimersByTimeAsync(0);
        expect($(element, '[data-draft]').value).toBe('Hello Sam');

        fake.session.openDirect.mockRejectedValueOnce({
            code: 'RATE_LIMITED',
            message: 'Try again in 5 s.',
            retryAfterSeconds: 5
        });
        ($(element, '[data-action="send"]') as unknown as HTMLButtonElement).click();
        await jest.advanceTimersByTimeAsync(0);
        expect($(element, '[data-send-error]').textContent?.trim()).toBe('Try again in 5 s.');
        expect($(element, '[data-draft]').value).toBe('Hello Sam');

        fake.session.openDirect.mockResolvedValueOnce({ id: 'first', created: '2026-12-07T10:00:00.000Z' });
        fake.session.listSpaces.mockResolvedValue([
            { id: 'sam-room', title: 'Sam Lee', type: 'direct', lastActivity: '2026-12-07T10:00:00.000Z' }
        ]);
        $(element, '[data-draft]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
        await jest.advanceTimersByTimeAsync(0);
        expect(fake.session.openDirect).toHaveBeenLastCalledWith('sam@partner.example', 'Hello Sam');
        expect(localStorage.getItem('webexDraft:me:direct:sam@partner.example')).toBeNull();
        expect($(element, 'c-webex-space-view').spaceId).toBe('sam-room');
    });

    it('opens the conversation Webex names in its answer to a first message', async () => {
        jest.useFakeTimers();
        fake.session.searchPeople.mockResolvedValue([]);
        const element = createElement('c-webex-chat', { is: WebexChat });
        document.body.appendChild(element);
        await jest.advanceTimersByTimeAsync(0);
        type(element, '[data-search]', 'new@partner.example');
        await jest.advanceTimersByTimeAsync(300);
        ($(element, '[data-person]') as unknown as HTMLButtonElement).click();
        await jest.advanceTimersByTimeAsync(0);
        const draft = $(element, '[data-draft]');
        draft.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true }));
        type(element, '[data-draft]', 'Hi');
        fake.session.openDirect.mockResolvedValueOnce({
            id: 'first',
            spaceId: 'new-room',
            created: '2026-12-07T10:00:00.000Z'
        });
        ($(element, '[data-action="send"]') as unknown as HTMLButtonElement).click();
        await jest.advanceTimersByTimeAsync(0);
        expect($(element, 'c-webex-space-view').spaceId).toBe('new-room');
        ($(element, '[data-action="back"]') as unknown as HTMLButtonElement).click();
        await jest.advanceTimersByTimeAsync(0);
        expect($$(element, '[data-title]')[0].textContent).toBe('new@partner.example');
    });

    it('says why chat could not load, and tries again', async () => {
        jest.mocked(getMessagingSession).mockRejectedValueOnce({
            code: 'NOT_CONNECTED',
            message: 'Connect Webex to chat.'
        });
        const element = await mount();
        expect(inLoadState(element, '[data-load-error]')?.textContent).toContain('Connect Webex to chat.');
        (inLoadState(element, '[data-action="retry"]') as HTMLButtonElement).click();
        await flush();
        expect(inLoadState(element, '[data-load-error]')).toBeNull();
        expect($$(element, '[data-conversation-row]')).toHaveLength(2);
    });

    it('says live updates are off, an empty list, and a list that failed', async () => {
        fake = fakeSession(false);
        fake.session.listSpaces.mockResolvedValueOnce([]);
        jest.mocked(getMessagingSession).mockResolvedValue(fake.session as never);
        const element = await mount();
        expect($(element, '[data-live-off]')).not.toBeNull();
        expect($(element, '[data-empty]')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('offers Try again when the list could not be listed', async () => {
        fake = fakeSession();
        fake.session.listSpaces.mockRejectedValueOnce({
            code: 'WEBEX_UNAVAILABLE',
            message: 'Webex is not answering.'
        });
        jest.mocked(getMessagingSession).mockResolvedValue(fake.session as never);
        const element = await mount();
        expect(inLoadState(element, '[data-load-error]')?.textContent).toContain('Webex is not answering.');
        (inLoadState(element, '[data-action="retry"]') as HTMLButtonElement).click();
        await flush();
        expect($$(element, '[data-conversation-row]')).toHaveLength(2);
    });
});
