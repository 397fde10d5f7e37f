import { createElement } from 'lwc';
import WebexSpaceView from 'c/webexSpaceView';
import { inLoadState } from '../../../../../test/jest-utils/loadState';
import { getMessagingSession, MessagingFailure, type MessageEvent } from 'c/webexMessagingSession';

jest.mock('c/webexMessagingSession', () => {
    const actual = jest.requireActual('c/webexMessagingSession');
    return { ...actual, getMessagingSession: jest.fn(), resetMessagingSession: jest.fn() };
});
// The composer (a child) lists the record's files only when asked.
jest.mock('@salesforce/apex/WebexSpacesController.getRecordFiles', () => ({ default: jest.fn() }), { virtual: true });
// The connection card is the dialer's; here it only has to be there.
jest.mock(
    '@salesforce/apex/WebexUserConnectionController.getConnection',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/apex/WebexUserConnectionController.startConnection', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WebexUserConnectionController.disconnect', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexSpaces_ReplyingTo', () => ({ default: 'Replying to {0}' }), { virtual: true });

const mockGetSession = jest.mocked(getMessagingSession);

type Host = HTMLElement & { spaceId: string | null; title: string; webexUrl: string | null; recordId: string | null };

function message(id: string, created: string, extra: Partial<WebexSpaceMessage> = {}): WebexSpaceMessage {
    return {
        id,
        parentId: null,
        personId: 'p-olivia',
        personEmail: 'olivia@example.com',
        text: `text ${id}`,
        markdown: null,
        html: null,
        created,
        files: [],
        ...extra
    };
}

/** A session whose answers each test sets. */
function fakeSession(live = true) {
    const listeners: Array<(event: MessageEvent) => void> = [];
    const liveListeners: Array<(live: boolean) => void> = [];
    const session = {
        live,
        me: { personId: 'p-me', displayName: 'Rep' },
        chatEnabled: true,
        onMessage: jest.fn((listener: (event: MessageEvent) => void) => {
            listeners.push(listener);
            return () => listeners.splice(listeners.indexOf(listener), 1);
        }),
        onMembership: jest.fn(() => () => undefined),
        onRoom: jest.fn(() => () => undefined),
        onLiveChange: jest.fn((listener: (live: boolean) => void) => {
            liveListeners.push(listener);
            return () => undefined;
        }),
        watch: jest.fn(() => jest.fn()),
        listMessages: jest.fn(),
        postMessage: jest.fn(),
        listSpaces: jest.fn(),
        getSpace: jest.fn(),
        listMembers: jest.fn().mockResolvedValue([
            {
                id: 'm1',
                personId: 'p-olivia',
                personEmail: 'olivia@example.com',
                personDisplayName: 'Olivia Martin',
                isModerator: false
            },
            { id: 'm2', personId: 'p-me', personEmail: 'rep@example.com', personDisplayName: 'Rep', isModerator: true }
        ]),
        searchPeople: jest.fn(),
        openDirect: jest.fn(),
        fileInfo: jest.fn().mockResolvedValue(null),
        downloadFile: jest.fn(),
        close: jest.fn()
    };
    const emit = (event: MessageEvent) => listeners.forEach((listener) => listener(event));
    const setLive = (value: boolean) => liveListeners.forEach((listener) => listener(value));
    return { session, emit, setLive };
}

async function settle(): Promise<void> {
    await Array.from({ length: 12 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(
    session: ReturnType<typeof fakeSession>['session'],
    recordId: string | null = null,
    beforeConnect: (element: Host) => void = () => undefined
): Promise<Host> {
    mockGetSession.mockResolvedValue(session);
    const element = createElement('c-webex-space-view', { is: WebexSpaceView }) as Host;
    element.spaceId = 'room-1';
    element.title = 'Acme deal';
    element.webexUrl = 'webexteams://im?space=abc';
    element.recordId = recordId;
    beforeConnect(element);
    document.body.appendChild(element);
    await settle();
    return element;
}

function $(element: Host, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector);
}

function $$(element: Host, selector: string): HTMLElement[] {
    return [...element.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

/** The composer (c-webex-space-composer) keeps its markup in its own shadow root. */
function composer(element: Host): HTMLElement {
    return $(element, 'c-webex-space-composer') as HTMLElement;
}

function inComposer(element: Host, selector: string): HTMLElement | null {
    return composer(element).shadowRoot!.querySelector(selector);
}

describe('c-webex-space-view', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        window.localStorage.clear();
        jest.clearAllMocks();
    });

    it('shows the messages newest at the bottom with their authors, replies under them, and Open in Webex', async () => {
        const { session } = fakeSession();
        session.listMessages.mockResolvedValue({
            messages: [
                message('reply', '2026-12-07T10:03:00Z', {
                    parentId: 'first',
                    personId: 'p-me',
                    personEmail: 'rep@example.com'
                }),
                message('second', '2026-12-07T10:02:00Z', { files: ['https://x/contents/1'], fileNames: ['deck.pdf'] }),
                message('first', '2026-12-07T10:01:00Z')
            ],
            hasMore: false
        });
        const element = await mount(session);
        expect(session.listMessages).toHaveBeenCalledWith('room-1');
        expect(session.watch).toHaveBeenCalledWith('room-1');
        const tops = $$(element, 'ol > li.message:not(.reply)').map((item) => item.dataset.message);
        expect(tops).toEqual(['first', 'second']);
        expect($(element, '[data-message="first"] .replies [data-message="reply"]')).not.toBeNull();
        expect($(element, '[data-message="first"] [data-author]')?.textContent).toBe('Olivia Martin');
        expect($(element, '[data-message="reply"] [data-author]')?.textContent).toBe('Rep');
        expect($(element, '[data-message="second"] [data-file]')?.textContent).toContain('deck.pdf');
        expect(($(element, '[data-open-in-webex]') as HTMLAnchorElement).href).toBe('webexteams://im?space=abc');
        expect($(element, '[data-live-off]')).toBeNull();
        expect(inComposer(element, '[data-file-limit]')?.textContent).toContain('c.WebexSpaces_FileLimit');
        await expect(element).toBeAccessible();
    });

    it('pages back to earlier messages', async () => {
        const { session } = fakeSession();
        session.listMessages
            .mockResolvedValueOnce({ messages: [message('m51', '2026-12-07T10:51:00Z')], hasMore: true })
            .mockResolvedValueOnce({ messages: [message('m50', '2026-12-07T10:50:00Z')], hasMore: false });
        const element = await mount(session);
        ($(element, '[data-action="load-earlier"]') as HTMLElement).click();
        await settle();
        expect(session.listMessages).toHaveBeenLastCalledWith('room-1', 'm51');
        expect($$(element, 'li.message').map((item) => item.dataset.message)).toEqual(['m50', 'm51']);
        expect($(element, '[data-action="load-earlier"]')).toBeNull();
    });

    it('says the space is gone when Webex says so', async () => {
        const { session } = fakeSession();
        session.listMessages.mockRejectedValue(MessagingFailure.of('SPACE_NOT_FOUND'));
        const gone = jest.fn();
        const element = await mount(session, null, (host) => host.addEventListener('spacegone', gone));
        expect(inLoadState(element, '[data-load-error]')?.textContent).toContain('c.WebexSpaces_ErrorSpaceNotFound');
        // Trying again cannot bring a deleted space back: no Retry, and the record's list is told.
        expect(inLoadState(element, 'lightning-button')).toBeNull();
        expect(gone).toHaveBeenCalledTimes(1);
        expect($(element, '[data-open-in-webex]')).toBeNull();
    });

    it('offers Retry when Webex could not answer while the space loaded', async () => {
        const { session } = fakeSession();
        session.listMessages.mockRejectedValue(MessagingFailure.of('WEBEX_UNAVAILABLE'));
        const element = await mount(session);
        expect(inLoadState(element, '[data-load-error]')?.textContent).toContain('c.WebexSpaces_ErrorUnavailable');
        const retry = inLoadState(element, '[data-action="retry"]') as HTMLElement & { label: string };
        expect(retry.label).toBe('c.WebexSpaces_Retry');
    });

    it('shows the connection card when the rep has not connected Webex', async () => {
        mockGetSession.mockRejectedValue(new MessagingFailure('NOT_CONNECTED', 'Connect Webex.'));
        const element = createElement('c-webex-space-view', { is: WebexSpaceView }) as Host;
        element.spaceId = 'room-1';
        document.body.appendChild(element);
        await settle();
        expect($(element, 'c-webex-user-connect')).not.toBeNull();
        expect($(element, 'c-webex-space-composer')).toBeNull();
    });

    it('says live updates are off, and adds what arrives for this space only', async () => {
        const { session, emit, setLive } = fakeSession(false);
        session.listMessages.mockResolvedValue({ messages: [], hasMore: false });
        const element = await mount(session);
        expect($(element, '[data-live-off]')?.textContent).toContain('c.WebexSpaces_LiveOff');
        expect($(element, '[data-no-messages]')).not.toBeNull();
        emit({ type: 'created', spaceId: 'room-1', message: message('new', '2026-12-07T11:00:00Z') });
        emit({ type: 'created', spaceId: 'other-room', message: message('elsewhere', '2026-12-07T11:00:00Z') });
        setLive(true);
        await settle();
        expect($$(element, 'li.message').map((item) => item.dataset.message)).toEqual(['new']);
        expect($(element, '[data-live-off]')).toBeNull();
        emit({ type: 'deleted', spaceId: 'room-1', message: message('new', '') });
        await settle();
        expect($$(element, 'li.message')).toHaveLength(0);
    });

    it('gives the composer the space, the record and the members, and shows at the bottom what it posted', async () => {
        const { session } = fakeSession();
        session.listMessages.mockResolvedValue({
            messages: [message('first', '2026-12-07T10:01:00Z')],
            hasMore: false
        });
        const element = await mount(session, '006000000000001AAA');
        const child = composer(element) as HTMLElement & {
            spaceId: string;
            recordId: string;
            members: Array<{ personDisplayName: string }>;
        };
        expect(child.spaceId).toBe('room-1');
        expect(child.recordId).toBe('006000000000001AAA');
        expect(child.members.map((member) => member.personDisplayName)).toEqual(['Olivia Martin', 'Rep']);
        const list = $(element, '[data-messages]') as HTMLElement;
        Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 480 });
        child.dispatchEvent(
            new CustomEvent('posted', {
                detail: message('sent', '2026-12-07T11:00:00Z', { personId: 'p-me', personEmail: 'rep@example.com' })
            })
        );
        await settle();
        expect($$(element, 'li.message').map((item) => item.dataset.message)).toEqual(['first', 'sent']);
        expect($(element, '[data-message="sent"] [data-author]')?.textContent).toBe('Rep');
        expect(list.scrollTop).toBe(480);
    });

    it('tells the composer whom Reply answers, and what it sends goes in that thread', async () => {
        const { session } = fakeSession();
        session.listMessages.mockResolvedValue({
            messages: [message('first', '2026-12-07T10:01:00Z')],
            hasMore: false
        });
        session.postMessage.mockResolvedValue(message('r', '2026-12-07T11:00:00Z', { parentId: 'first' }));
        const element = await mount(session);
        ($(element, '[data-message="first"] [data-action="reply"]') as HTMLElement).click();
        await settle();
        expect(inComposer(element, '[data-replying-to]')?.textContent).toContain('Replying to Olivia Martin');
        const area = inComposer(element, 'textarea') as HTMLTextAreaElement;
        expect(composer(element).shadowRoot!.activeElement).toBe(area);
        area.value = 'Confirmed';
        area.dispatchEvent(new CustomEvent('input'));
        area.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
        await settle();
        expect(session.postMessage).toHaveBeenCalledWith({
            spaceId: 'room-1',
            markdown: 'Confirmed',
            parentId: 'first',
            file: null
        });
        expect($(element, '[data-message="first"] .replies [data-message="r"]')).not.toBeNull();
        expect(inComposer(element, '[data-replying-to]')).toBeNull();
    });

    it('names each attached file for every member (Webex\'s HEAD), and keeps "Attached file" when Webex does not say', async () => {
        const { session, emit } = fakeSession();
        const named = 'https://webexapis.com/v1/contents/c1';
        const unnamed = 'https://webexapis.com/v1/contents/c2';
        session.listMessages.mockResolvedValue({
            messages: [
                message('reply', '2026-12-07T10:05:00Z', { parentId: 'first', files: [unnamed] }),
                message('first', '2026-12-07T10:00:00Z', { files: [named] })
            ],
            hasMore: false
        });
        session.fileInfo.mockImplementation(async (url: string) => {
            return url === named ? { name: 'Proposal.pdf', size: 2048, type: 'application/pdf' } : null;
        });
        const element = await mount(session);
        const links = $$(element, '[data-file-link]');
        expect(links.map((link) => link.textContent)).toEqual(['Proposal.pdf', 'c.WebexSpaces_File']);
        expect(links.map((link) => link.getAttribute('href'))).toEqual([named, unnamed]);
        expect(session.fileInfo.mock.calls.map(([url]) => url).sort()).toEqual([named, unnamed]);

        // A message that arrives live is named too.
        const live = 'https://webexapis.com/v1/contents/c3';
        session.fileInfo.mockResolvedValueOnce({ name: 'pricing.csv', size: 27, type: 'text/csv' });
        emit({
            type: 'created',
            spaceId: 'room-1',
            message: message('new', '2026-12-07T11:00:00Z', { files: [live] })
        });
        await settle();
        expect($$(element, '[data-file-link]').map((link) => link.textContent)).toContain('pricing.csv');
    });

    it('downloads a file from Webex when its name is chosen, saved under that name, and says why when it cannot', async () => {
        const { session } = fakeSession();
        const url = 'https://webexapis.com/v1/contents/c1';
        session.listMessages.mockResolvedValue({
            messages: [message('first', '2026-12-07T10:00:00Z', { files: [url] })],
            hasMore: false
        });
        session.fileInfo.mockResolvedValue({ name: 'Proposal.pdf', size: 4, type: 'application/pdf' });
        session.downloadFile.mockResolvedValueOnce(new Blob(['%PDF'], { type: 'application/pdf' }));
        const created: Blob[] = [];
        Object.assign(URL, {
            createObjectURL: jest.fn((blob: Blob) => {
                created.push(blob);
                return 'blob:saved-1';
            }),
            revokeObjectURL: jest.fn()
        });
        const element = await mount(session);
        const save = $(element, 'a[data-save]') as HTMLAnchorElement;
        const clicked = jest.fn();
        save.addEventListener('click', (event) => {
            event.preventDefault();
            clicked(save.getAttribute('href'), save.download);
        });
        ($(element, '[data-file-link]') as HTMLElement).click();
        await settle();
        expect(session.downloadFile).toHaveBeenCalledWith(url);
        // Handed over as bytes: Lightning Web Security refuses some MIME types in createObjectURL.
        expect(created[0].type).toBe('application/octet-stream');
        expect(clicked).toHaveBeenCalledWith('blob:saved-1', 'Proposal.pdf');
        expect($(element, '[data-file-error]')).toBeNull();

        session.downloadFile.mockRejectedValueOnce(MessagingFailure.of('WEBEX_UNAVAILABLE'));
        ($(element, '[data-file-link]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-file-error]')?.textContent).toBe(MessagingFailure.of('WEBEX_UNAVAILABLE').message);
    });
});
