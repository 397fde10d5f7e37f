import { createElement } from 'lwc';
import WebexSpaceComposer from 'c/webexSpaceComposer';
import { getMessagingSession, MessagingFailure, type MessagingMember } from 'c/webexMessagingSession';
import getRecordFiles from '@salesforce/apex/WebexSpacesController.getRecordFiles';

jest.mock('c/webexMessagingSession', () => {
    const actual = jest.requireActual('c/webexMessagingSession');
    return { ...actual, getMessagingSession: jest.fn() };
});
jest.mock('@salesforce/apex/WebexSpacesController.getRecordFiles', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_ReplyingTo', () => ({ default: 'Replying to {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_Attachment', () => ({ default: '{0} ({1})' }), { virtual: true });

const mockGetSession = jest.mocked(getMessagingSession);
const mockRecordFiles = jest.mocked(getRecordFiles);

type Host = HTMLElement & {
    spaceId: string | null;
    recordId: string | null;
    members: MessagingMember[];
    replyTo(id: string, author: string): void;
};
type ButtonStub = HTMLElement & { label: string; disabled: boolean };

const MEMBERS: MessagingMember[] = [
    {
        id: 'm1',
        personId: 'p-olivia',
        personEmail: 'olivia@example.com',
        personDisplayName: 'Olivia Martin',
        isModerator: false
    },
    { id: 'm2', personId: 'p-me', personEmail: 'rep@example.com', personDisplayName: 'Rep', isModerator: true }
];

function message(id: string, extra: Partial<WebexSpaceMessage> = {}): WebexSpaceMessage {
    return {
        id,
        parentId: null,
        personId: 'p-me',
        personEmail: 'rep@example.com',
        text: `text ${id}`,
        markdown: null,
        html: null,
        created: '2026-12-07T11:00:00Z',
        files: [],
        ...extra
    };
}

/** The session as the composer uses it: who the rep is, and posting. */
function fakeSession() {
    return { me: { personId: 'p-me', displayName: 'Rep' }, postMessage: jest.fn() };
}

async function settle(): Promise<void> {
    await Array.from({ length: 12 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(
    session: ReturnType<typeof fakeSession>,
    options: { recordId?: string | null; members?: MessagingMember[] } = {}
): Promise<{ element: Host; posted: jest.Mock }> {
    mockGetSession.mockResolvedValue(session as never);
    const element = createElement('c-webex-space-composer', { is: WebexSpaceComposer }) as Host;
    element.spaceId = 'room-1';
    element.recordId = options.recordId ?? null;
    element.members = options.members ?? MEMBERS;
    const posted = jest.fn();
    element.addEventListener('posted', (event) => posted((event as CustomEvent<WebexSpaceMessage>).detail));
    document.body.appendChild(element);
    await settle();
    return { element, posted };
}

function $(element: Host, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector);
}

function $$(element: Host, selector: string): HTMLElement[] {
    return [...element.shadowRoot!.querySelectorAll<HTMLElement>(selector)];
}

function textarea(element: Host): HTMLTextAreaElement {
    return $(element, 'textarea') as HTMLTextAreaElement;
}

async function type(element: Host, text: string): Promise<void> {
    const area = textarea(element);
    area.value = text;
    area.dispatchEvent(new CustomEvent('input'));
    await settle();
}

function press(element: Host, init: KeyboardEventInit): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key: 'Enter', cancelable: true, ...init });
    textarea(element).dispatchEvent(event);
    return event;
}

async function click(element: Host, selector: string): Promise<void> {
    ($(element, selector) as HTMLElement).click();
    await settle();
}

describe('c-webex-space-composer', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        window.localStorage.clear();
        jest.clearAllMocks();
    });

    it('labels the message, says the file limit before a file is chosen, and offers no Send while empty', async () => {
        const { element } = await mount(fakeSession());
        expect($(element, 'label[for]')?.textContent).toBe('c.WebexSpaces_Message');
        expect($(element, '[data-file-limit]')?.textContent).toContain('c.WebexSpaces_FileLimit');
        expect(($(element, '[data-action="send"]') as ButtonStub).label).toBe('c.WebexSpaces_Send');
        expect(($(element, '[data-action="send"]') as ButtonStub).disabled).toBe(true);
        // Without a record there is no Salesforce File to attach.
        expect($(element, '[data-action="record-files"]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('sends on Enter, not on Shift+Enter, says Sending…, and forgets the draft once sent', async () => {
        const session = fakeSession();
        let answer: (value: WebexSpaceMessage) => void = () => undefined;
        session.postMessage.mockReturnValue(new Promise((resolve) => (answer = resolve)));
        const { element, posted } = await mount(session);
        await type(element, 'Hello');
        expect(window.localStorage.getItem('webexDraft:p-me:room-1')).toBe('Hello');
        const shift = press(element, { shiftKey: true });
        expect(shift.defaultPrevented).toBe(false);
        const composing = press(element, { isComposing: true });
        expect(composing.defaultPrevented).toBe(false);
        expect(session.postMessage).not.toHaveBeenCalled();
        const enter = press(element, {});
        expect(enter.defaultPrevented).toBe(true);
        await settle();
        expect(session.postMessage).toHaveBeenCalledWith({
            spaceId: 'room-1',
            markdown: 'Hello',
            parentId: null,
            file: null
        });
        const send = $(element, '[data-action="send"]') as ButtonStub;
        expect(send.label).toBe('c.WebexSpaces_Sending');
        expect(send.disabled).toBe(true);
        // A second Enter while it is sent sends nothing more.
        press(element, {});
        await settle();
        expect(session.postMessage).toHaveBeenCalledTimes(1);

        const sent = message('sent', { text: 'Hello' });
        answer(sent);
        await settle();
        expect(textarea(element).value).toBe('');
        expect(window.localStorage.getItem('webexDraft:p-me:room-1')).toBeNull();
        expect(posted).toHaveBeenCalledWith(sent);
        expect(($(element, '[data-action="send"]') as ButtonStub).label).toBe('c.WebexSpaces_Send');
    });

    it('keeps the typed message with the reason and Retry when Webex refuses, then sends it', async () => {
        const session = fakeSession();
        session.postMessage
            .mockRejectedValueOnce(new MessagingFailure('RATE_LIMITED', 'Try again in 7 s.', 7))
            .mockResolvedValueOnce(message('sent'));
        const { element, posted } = await mount(session);
        await type(element, 'Price agreed');
        await click(element, '[data-action="send"]');
        expect($(element, '[data-send-error]')?.textContent).toContain('Try again in 7 s.');
        expect($(element, '[data-send-error]')?.getAttribute('role')).toBe('alert');
        expect(textarea(element).value).toBe('Price agreed');
        expect(window.localStorage.getItem('webexDraft:p-me:room-1')).toBe('Price agreed');
        expect(posted).not.toHaveBeenCalled();
        expect(($(element, '[data-action="retry-send"]') as ButtonStub).label).toBe('c.WebexSpaces_Retry');
        await click(element, '[data-action="retry-send"]');
        expect(session.postMessage).toHaveBeenCalledTimes(2);
        expect($(element, '[data-send-error]')).toBeNull();
        expect(textarea(element).value).toBe('');
        expect(posted).toHaveBeenCalledTimes(1);
    });

    it('brings back the draft after a reload of the panel', async () => {
        window.localStorage.setItem('webexDraft:p-me:room-1', 'Not sent yet');
        const { element } = await mount(fakeSession());
        expect(textarea(element).value).toBe('Not sent yet');
        expect(($(element, '[data-action="send"]') as ButtonStub).disabled).toBe(false);
    });

    it("starts another space's message afresh, with that space's draft", async () => {
        window.localStorage.setItem('webexDraft:p-me:room-2', 'For the other space');
        const { element } = await mount(fakeSession());
        await type(element, 'For this space');
        element.replyTo('first', 'Olivia Martin');
        element.spaceId = 'room-2';
        await settle();
        expect(textarea(element).value).toBe('For the other space');
        expect($(element, '[data-replying-to]')).toBeNull();
        expect(window.localStorage.getItem('webexDraft:p-me:room-1')).toBe('For this space');
    });

    it('sends nothing without a session (the space view says why)', async () => {
        mockGetSession.mockRejectedValue(new MessagingFailure('NOT_CONNECTED', 'Connect Webex.'));
        const element = createElement('c-webex-space-composer', { is: WebexSpaceComposer }) as Host;
        element.spaceId = 'room-1';
        document.body.appendChild(element);
        await settle();
        await type(element, 'Hello');
        press(element, {});
        await settle();
        expect($(element, '[data-send-error]')).toBeNull();
        expect(textarea(element).value).toBe('Hello');
    });

    it('replies in a thread and mentions a member, with the focus back in the text', async () => {
        const session = fakeSession();
        session.postMessage.mockResolvedValue(message('r', { parentId: 'first' }));
        const { element } = await mount(session);
        element.replyTo('first', 'Olivia Martin');
        await settle();
        expect($(element, '[data-replying-to]')?.textContent).toContain('Replying to Olivia Martin');
        expect(element.shadowRoot!.activeElement).toBe(textarea(element));
        const menu = $(element, '[data-mention]') as HTMLElement;
        // The rep is not offered to themselves.
        expect(
            $$(element, 'lightning-menu-item').map((item) => (item as HTMLElement & { label: string }).label)
        ).toEqual(['Olivia Martin']);
        textarea(element).blur();
        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'olivia@example.com' } }));
        await settle();
        expect(element.shadowRoot!.activeElement).toBe(textarea(element));
        expect(window.localStorage.getItem('webexDraft:p-me:room-1')).toBe(
            '<@personEmail:olivia@example.com|Olivia Martin> '
        );
        await type(element, `${textarea(element).value}can you confirm?`);
        press(element, {});
        await settle();
        expect(session.postMessage).toHaveBeenCalledWith({
            spaceId: 'room-1',
            markdown: '<@personEmail:olivia@example.com|Olivia Martin> can you confirm?',
            parentId: 'first',
            file: null
        });
        expect($(element, '[data-replying-to]')).toBeNull();
    });

    it('puts a space before a mention after a word, cancels a reply, and ignores someone not in the space', async () => {
        const { element } = await mount(fakeSession());
        await type(element, 'Hi');
        const menu = $(element, '[data-mention]') as HTMLElement;
        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'olivia@example.com' } }));
        await settle();
        expect(textarea(element).value).toBe('Hi <@personEmail:olivia@example.com|Olivia Martin> ');
        menu.dispatchEvent(new CustomEvent('select', { detail: { value: 'gone@example.com' } }));
        await settle();
        expect(textarea(element).value).toBe('Hi <@personEmail:olivia@example.com|Olivia Martin> ');

        element.replyTo('first', 'Olivia Martin');
        await settle();
        textarea(element).blur();
        await click(element, '[data-action="cancel-reply"]');
        expect($(element, '[data-replying-to]')).toBeNull();
        expect(element.shadowRoot!.activeElement).toBe(textarea(element));
    });

    it('offers no mention when the rep is alone in the space', async () => {
        const { element } = await mount(fakeSession(), { members: [MEMBERS[1]] });
        expect($(element, '[data-mention]')).toBeNull();
    });

    it('refuses a file over 100 MB when it is chosen, and sends an upload with the message', async () => {
        const session = fakeSession();
        session.postMessage.mockResolvedValue(message('f'));
        const { element } = await mount(session);
        const input = $(element, '[data-upload]') as HTMLInputElement;
        const big = { name: 'huge.mov', size: 101 * 1024 * 1024 };
        Object.defineProperty(input, 'files', { configurable: true, value: [big] });
        input.dispatchEvent(new CustomEvent('change'));
        await settle();
        expect($(element, '[data-attach-error]')?.textContent).toContain('c.WebexSpaces_ErrorFileTooLarge');
        expect($(element, '[data-attachment]')).toBeNull();

        const small = Object.assign(new Blob(['abc']), { name: 'notes.txt' });
        Object.defineProperty(input, 'files', { configurable: true, value: [small] });
        input.dispatchEvent(new CustomEvent('change'));
        await settle();
        expect($(element, '[data-attach-error]')).toBeNull();
        expect($(element, '[data-attachment]')?.textContent).toContain('notes.txt');
        // A file alone can be sent.
        expect(($(element, '[data-action="send"]') as ButtonStub).disabled).toBe(false);
        await click(element, '[data-action="send"]');
        expect(session.postMessage).toHaveBeenCalledWith({
            spaceId: 'room-1',
            markdown: '',
            parentId: null,
            file: small
        });
        expect($(element, '[data-attachment]')).toBeNull();
    });

    it('lets the rep remove the attached file, and ignores a choice of no file', async () => {
        const { element } = await mount(fakeSession());
        const input = $(element, '[data-upload]') as HTMLInputElement;
        Object.defineProperty(input, 'files', { configurable: true, value: [] });
        input.dispatchEvent(new CustomEvent('change'));
        await settle();
        expect($(element, '[data-attachment]')).toBeNull();
        const small = Object.assign(new Blob(['abc']), { name: 'notes.txt' });
        Object.defineProperty(input, 'files', { configurable: true, value: [small] });
        input.dispatchEvent(new CustomEvent('change'));
        await settle();
        const remove = $(element, '[data-action="remove-attachment"]') as HTMLElement & { alternativeText: string };
        expect(remove.alternativeText).toBe('c.WebexSpaces_RemoveAttachment');
        await click(element, '[data-action="remove-attachment"]');
        expect($(element, '[data-attachment]')).toBeNull();
        expect(($(element, '[data-action="send"]') as ButtonStub).disabled).toBe(true);
    });

    it("attaches one of the record's Salesforce Files, downloaded from the org when sent", async () => {
        const session = fakeSession();
        session.postMessage.mockResolvedValue(message('f'));
        mockRecordFiles.mockResolvedValue([
            { contentVersionId: '068000000000001AAA', title: 'Quote', fileExtension: 'pdf', size: 2048 }
        ]);
        const blob = new Blob(['%PDF'], { type: 'application/pdf' });
        const fetchMock = jest.fn().mockResolvedValue({ ok: true, blob: () => Promise.resolve(blob) });
        (globalThis as { fetch?: unknown }).fetch = fetchMock;
        const { element } = await mount(session, { recordId: '006000000000001AAA' });
        await click(element, '[data-action="record-files"]');
        expect(mockRecordFiles).toHaveBeenCalledWith({ recordId: '006000000000001AAA' });
        await click(element, '[data-action="record-file"]');
        expect($(element, '[data-record-files]')).toBeNull();
        expect($(element, '[data-attachment]')?.textContent).toContain('Quote.pdf');
        await click(element, '[data-action="send"]');
        expect(fetchMock).toHaveBeenCalledWith('/sfc/servlet.shepherd/version/download/068000000000001AAA', {
            credentials: 'same-origin'
        });
        const sent = session.postMessage.mock.calls[0][0] as { file: File };
        expect(sent.file.name).toBe('Quote.pdf');
    });

    it('says when a Salesforce File cannot be downloaded, and keeps it attached', async () => {
        const session = fakeSession();
        mockRecordFiles.mockResolvedValue([
            { contentVersionId: '068A', title: 'Quote', fileExtension: null, size: 10 }
        ]);
        (globalThis as { fetch?: unknown }).fetch = jest.fn().mockResolvedValue({ ok: false });
        const { element } = await mount(session, { recordId: '006A' });
        await click(element, '[data-action="record-files"]');
        await click(element, '[data-action="record-file"]');
        await click(element, '[data-action="send"]');
        expect($(element, '[data-send-error]')?.textContent).toContain('c.WebexSpaces_ErrorFileDownload');
        expect($(element, '[data-attachment]')).not.toBeNull();
        expect(session.postMessage).not.toHaveBeenCalled();

        // The org not answering at all says the same.
        (globalThis as { fetch?: unknown }).fetch = jest.fn().mockRejectedValue(new TypeError('Failed to fetch'));
        await click(element, '[data-action="retry-send"]');
        expect($(element, '[data-send-error]')?.textContent).toContain('c.WebexSpaces_ErrorFileDownload');
        expect(session.postMessage).not.toHaveBeenCalled();
    });

    it('says when the record has no files, asks Salesforce once, and says why it could not list them', async () => {
        mockRecordFiles.mockResolvedValueOnce([]);
        const { element } = await mount(fakeSession(), { recordId: '006A' });
        const attach = $(element, '[data-action="record-files"]') as ButtonStub;
        expect(attach.label).toBe('c.WebexSpaces_AttachRecordFile');
        await click(element, '[data-action="record-files"]');
        expect($(element, '[data-no-record-files]')?.textContent).toBe('c.WebexSpaces_NoRecordFiles');
        await click(element, '[data-action="record-files"]');
        expect($(element, '[data-record-files]')).toBeNull();
        await click(element, '[data-action="record-files"]');
        expect(mockRecordFiles).toHaveBeenCalledTimes(1);

        mockRecordFiles.mockRejectedValueOnce(MessagingFailure.of('WEBEX_UNAVAILABLE'));
        const other = await mount(fakeSession(), { recordId: '006B' });
        await click(other.element, '[data-action="record-files"]');
        expect($(other.element, '[data-attach-error]')?.textContent).toBe(
            MessagingFailure.of('WEBEX_UNAVAILABLE').message
        );
        expect($(other.element, '[data-record-files]')).toBeNull();
    });
});
