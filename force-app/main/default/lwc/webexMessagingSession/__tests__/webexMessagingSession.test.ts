import {
    getMessagingSession,
    resetMessagingSession,
    toMessagingFailure,
    MessagingFailure,
    MAX_FILE_BYTES,
    POLL_INTERVAL_MS,
    LISTEN_TIMEOUT_MS,
    type MessageEvent
} from 'c/webexMessagingSession';
import getSessionApex from '@salesforce/apex/WebexSpacesController.getMessagingSession';
import listMessagesApex from '@salesforce/apex/WebexSpacesController.listMessages';
import listSpacesApex from '@salesforce/apex/WebexChatController.listSpaces';
import postMessageApex from '@salesforce/apex/WebexSpacesController.postMessage';
import searchPeopleApex from '@salesforce/apex/WebexChatController.searchPeople';
import sendDirectApex from '@salesforce/apex/WebexChatController.sendDirect';
import { loadWebexSdk } from 'c/webexSdk';
import type { LightningElement } from 'lwc';
import { fileNameOf } from '../webexMessagingFiles';

jest.mock('@salesforce/apex/WebexSpacesController.getMessagingSession', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WebexSpacesController.listMessages', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexChatController.listSpaces', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexSpacesController.postMessage', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexChatController.searchPeople', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexChatController.sendDirect', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('c/webexSdk', () => ({ loadWebexSdk: jest.fn() }));
jest.mock('@salesforce/label/c.WebexSpaces_ErrorRateLimited', () => ({ default: 'Try again in {0} s.' }), {
    virtual: true
});

const mockSession = jest.mocked(getSessionApex);
const mockList = jest.mocked(listMessagesApex);
const mockSpaces = jest.mocked(listSpacesApex);
const mockPost = jest.mocked(postMessageApex);
const mockSearchPeople = jest.mocked(searchPeopleApex);
const mockSendDirect = jest.mocked(sendDirectApex);
const mockLoad = jest.mocked(loadWebexSdk);
const component = {} as LightningElement;

const TOKEN: WebexMessagingSession = {
    accessToken: 'access-1',
    expiresAt: new Date(Date.now() + 60 * 60_000).toISOString(),
    personId: 'me',
    displayName: 'Rep One',
    chatEnabled: true
};

function message(id: string, created: string, extra: Partial<WebexSpaceMessage> = {}): WebexSpaceMessage {
    return {
        id,
        parentId: null,
        personId: 'p1',
        personEmail: 'olivia@example.com',
        text: id,
        markdown: id,
        html: null,
        created,
        files: [],
        ...extra
    };
}

type Handler = (received: { data: unknown }) => void;

/** A stand-in for the SDK instance: records handlers and calls. */
function fakeSdk(options: { listen?: Promise<unknown> } = {}) {
    const handlers: Record<string, Handler[]> = {};
    const resource = (name: string) => ({
        listen: jest.fn(() => options.listen ?? Promise.resolve()),
        stopListening: jest.fn(),
        on: jest.fn((eventName: string, handler: Handler) => {
            (handlers[`${name}:${eventName}`] ??= []).push(handler);
        })
    });
    const webex = {
        messages: {
            ...resource('messages'),
            list: jest.fn(),
            create: jest.fn()
        },
        rooms: { ...resource('rooms'), list: jest.fn(), get: jest.fn() },
        memberships: { ...resource('memberships'), list: jest.fn() },
        people: { list: jest.fn() },
        request: jest.fn(),
        credentials: { set: jest.fn() },
        internal: { mercury: { on: jest.fn() } }
    };
    const init = jest.fn(() => webex);
    const fire = (key: string, data: unknown) => (handlers[key] ?? []).forEach((handler) => handler({ data }));
    return { webex, init, fire };
}

async function flush(): Promise<void> {
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

describe('c/webexMessagingSession', () => {
    afterEach(() => {
        resetMessagingSession();
        jest.useRealTimers();
        jest.resetAllMocks();
        Object.defineProperty(document, 'hidden', { configurable: true, value: false });
    });

    describe('with the SDK connected', () => {
        it('is live, one per page, and hands the token to Webex.init', async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            const [first, second] = await Promise.all([getMessagingSession(component), getMessagingSession(component)]);
            expect(first).toBe(second);
            expect(mockSession).toHaveBeenCalledTimes(1);
            expect(sdk.init).toHaveBeenCalledWith({ credentials: { access_token: 'access-1' } });
            expect(first.live).toBe(true);
            expect(first.me).toEqual({ personId: 'me', displayName: 'Rep One' });
            expect(first.chatEnabled).toBe(true);
            expect(sdk.webex.messages.listen).toHaveBeenCalled();
            expect(sdk.webex.memberships.listen).toHaveBeenCalled();
            expect(sdk.webex.rooms.listen).toHaveBeenCalled();
        });

        it('announces messages created and deleted live, with their space', async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            const session = await getMessagingSession(component);
            const events: MessageEvent[] = [];
            const stop = session.onMessage((event) => events.push(event));
            sdk.fire('messages:created', { id: 'm1', roomId: 'r1', personId: 'p1', text: 'Hi', created: '2026-12-07' });
            sdk.fire('messages:deleted', { id: 'm1', roomId: 'r1' });
            stop();
            sdk.fire('messages:created', { id: 'm2', roomId: 'r1' });
            expect(events.map((event) => [event.type, event.spaceId, event.message.id])).toEqual([
                ['created', 'r1', 'm1'],
                ['deleted', 'r1', 'm1']
            ]);
            expect(events[0].message.text).toBe('Hi');
            const rooms: string[] = [];
            session.onRoom((event) => rooms.push(event.type));
            const members: string[] = [];
            session.onMembership((event) => members.push(event.type));
            sdk.fire('rooms:updated', { id: 'r1' });
            sdk.fire('memberships:created', { id: 'x', personId: 'p' });
            expect(rooms).toEqual(['updated']);
            expect(members).toEqual(['created']);
        });

        it('lists and posts through the SDK, a file included', async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            sdk.webex.messages.list.mockResolvedValue({ items: [{ id: 'm2', created: '2' }], hasNext: () => true });
            sdk.webex.messages.create.mockResolvedValue({ id: 'm3', roomId: 'r1', files: ['https://x/contents/1'] });
            const session = await getMessagingSession(component);
            const page = await session.listMessages('r1', 'm9', 20);
            expect(sdk.webex.messages.list).toHaveBeenCalledWith({ roomId: 'r1', max: 20, beforeMessage: 'm9' });
            expect(page).toEqual({ messages: [expect.objectContaining({ id: 'm2' })], hasMore: true });
            const file = Object.assign(new Blob(['x']), { name: 'deck.pdf' });
            const posted = await session.postMessage({ spaceId: 'r1', markdown: 'See', parentId: 'm2', file });
            expect(sdk.webex.messages.create).toHaveBeenCalledWith({
                roomId: 'r1',
                markdown: 'See',
                parentId: 'm2',
                files: [file]
            });
            expect(posted.fileNames).toEqual(['deck.pdf']);
            expect(mockList).not.toHaveBeenCalled();
            expect(mockPost).not.toHaveBeenCalled();
        });

        it("names a message's file through HEAD with the SDK's request, once per URL for the page", async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            sdk.webex.request.mockImplementation(async ({ uri }: { uri: string }) => {
                // The SDK rejects with its HTTP error, which carries the status.
                if (uri.endsWith('/gone'))
                    throw Object.assign(new Error('Not Found'), { statusCode: 404, headers: {} });
                return {
                    statusCode: 200,
                    headers: {
                        'content-disposition': 'attachment; filename="Proposal Q4.pdf"',
                        'content-type': 'application/pdf',
                        'content-length': '2048'
                    }
                };
            });
            const session = await getMessagingSession(component);
            const url = 'https://webexapis.com/v1/contents/c1';
            const [first, again] = await Promise.all([session.fileInfo(url), session.fileInfo(url)]);
            expect(first).toEqual({ name: 'Proposal Q4.pdf', size: 2048, type: 'application/pdf' });
            expect(again).toEqual(first);
            expect(await session.fileInfo(url)).toEqual(first);
            expect(sdk.webex.request).toHaveBeenCalledTimes(1);
            expect(sdk.webex.request).toHaveBeenCalledWith({ method: 'HEAD', uri: url });
            // Webex refused (or said no name): the file stays "Attached file".
            expect(await session.fileInfo('https://webexapis.com/v1/contents/gone')).toBeNull();
        });

        it("downloads a message's file through the SDK, and says why when Webex refuses", async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            const bytes = new Blob(['%PDF']);
            sdk.webex.request.mockResolvedValueOnce({ statusCode: 200, headers: {}, body: bytes });
            const session = await getMessagingSession(component);
            expect(await session.downloadFile('https://webexapis.com/v1/contents/c1')).toBe(bytes);
            expect(sdk.webex.request).toHaveBeenCalledWith({
                method: 'GET',
                uri: 'https://webexapis.com/v1/contents/c1',
                responseType: 'blob'
            });
            sdk.webex.request.mockRejectedValueOnce({ statusCode: 429, headers: { 'retry-after': '30' } });
            await expect(session.downloadFile('https://webexapis.com/v1/contents/c1')).rejects.toMatchObject({
                code: 'RATE_LIMITED'
            });
        });

        it('lists spaces, members and people and opens a 1:1 through the SDK', async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            sdk.webex.rooms.list.mockResolvedValue({ items: [{ id: 'r1', title: 'Deal', type: 'group' }] });
            sdk.webex.rooms.get.mockResolvedValue({ id: 'r2', type: 'direct' });
            sdk.webex.memberships.list.mockResolvedValue({
                items: [{ id: 'ms', personId: 'p1', personEmail: 'o@x.com', personDisplayName: 'Olivia' }]
            });
            sdk.webex.people.list.mockResolvedValue({ items: [{ id: 'p1', displayName: 'Olivia' }] });
            sdk.webex.messages.create.mockResolvedValue({ id: 'd1' });
            const session = await getMessagingSession(component);
            expect(await session.listSpaces({ max: 10 })).toEqual([
                { id: 'r1', title: 'Deal', type: 'group', lastActivity: null, created: null }
            ]);
            expect(sdk.webex.rooms.list).toHaveBeenCalledWith({ max: 10, sortBy: 'lastactivity' });
            expect((await session.getSpace('r2')).type).toBe('direct');
            expect(await session.listMembers('r1')).toEqual([
                { id: 'ms', personId: 'p1', personEmail: 'o@x.com', personDisplayName: 'Olivia', isModerator: false }
            ]);
            await session.searchPeople('oli');
            expect(sdk.webex.people.list).toHaveBeenLastCalledWith({ displayName: 'oli', max: 20 });
            await session.searchPeople('o@x.com');
            expect(sdk.webex.people.list).toHaveBeenLastCalledWith({ email: 'o@x.com', max: 20 });
            await session.openDirect('o@x.com', 'Hello');
            expect(sdk.webex.messages.create).toHaveBeenLastCalledWith({ toPersonEmail: 'o@x.com', markdown: 'Hello' });
            await session.openDirect('p1', 'Hello');
            expect(sdk.webex.messages.create).toHaveBeenLastCalledWith({ toPersonId: 'p1', markdown: 'Hello' });
            expect(mockSearchPeople).not.toHaveBeenCalled();
            expect(mockSendDirect).not.toHaveBeenCalled();
        });

        it('answers a first message to a person with the 1:1 space Webex put it in', async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            sdk.webex.messages.create.mockResolvedValue({ id: 'd1', roomId: 'direct-1', markdown: 'Hello' });
            const session = await getMessagingSession(component);
            const sent = await session.openDirect('o@x.com', 'Hello');
            expect(sent.spaceId).toBe('direct-1');
            expect(sent.id).toBe('d1');
        });

        it('says what Webex refused: 429 with its wait, 404 as a space gone, 5xx as Webex unavailable', async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            const session = await getMessagingSession(component);
            sdk.webex.messages.create.mockRejectedValueOnce({ statusCode: 429, headers: { 'Retry-After': '7' } });
            await expect(session.postMessage({ spaceId: 'r1', markdown: 'x' })).rejects.toMatchObject({
                code: 'RATE_LIMITED',
                retryAfterSeconds: 7,
                retryAfter: 7,
                message: 'Try again in 7 s.'
            });
            sdk.webex.messages.list.mockRejectedValueOnce({ statusCode: 404 });
            await expect(session.listMessages('gone')).rejects.toMatchObject({
                code: 'SPACE_NOT_FOUND',
                message: 'c.WebexSpaces_ErrorSpaceNotFound'
            });
            sdk.webex.memberships.list.mockRejectedValueOnce({ statusCode: 503 });
            await expect(session.listMembers('r1')).rejects.toMatchObject({ code: 'WEBEX_UNAVAILABLE' });
            sdk.webex.rooms.get.mockRejectedValueOnce(new TypeError('Failed to fetch'));
            await expect(session.getSpace('r1')).rejects.toMatchObject({ code: 'WEBEX_UNAVAILABLE' });
        });

        it('refuses a file over 100 MB before uploading it', async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            const session = await getMessagingSession(component);
            const big = new File(['x'], 'huge.mov');
            Object.defineProperty(big, 'size', { value: MAX_FILE_BYTES + 1 });
            await expect(session.postMessage({ spaceId: 'r1', markdown: '', file: big })).rejects.toMatchObject({
                code: 'FILE_TOO_LARGE'
            });
            expect(sdk.webex.messages.create).not.toHaveBeenCalled();
        });

        it('renews the token five minutes before it expires and hands it to the SDK', async () => {
            jest.useFakeTimers();
            const sdk = fakeSdk();
            const expiresAt = new Date(Date.now() + 10 * 60_000).toISOString();
            mockSession.mockResolvedValueOnce({ ...TOKEN, expiresAt });
            mockSession.mockResolvedValueOnce({ ...TOKEN, accessToken: 'access-2' });
            mockLoad.mockResolvedValue({ init: sdk.init });
            await getMessagingSession(component);
            jest.advanceTimersByTime(5 * 60_000 - 1000);
            expect(mockSession).toHaveBeenCalledTimes(1);
            jest.advanceTimersByTime(1000);
            await flush();
            expect(mockSession).toHaveBeenCalledTimes(2);
            expect(sdk.webex.credentials.set).toHaveBeenCalledWith({
                supertoken: { access_token: 'access-2', token_type: 'Bearer' }
            });
        });

        it('goes off live when the socket drops, and back', async () => {
            const sdk = fakeSdk();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            const session = await getMessagingSession(component);
            const changes: boolean[] = [];
            session.onLiveChange((live) => changes.push(live));
            const on = (wanted: string) =>
                sdk.webex.internal.mercury.on.mock.calls.find(([eventName]) => eventName === wanted)?.[1] as () => void;
            on('offline')();
            expect(session.live).toBe(false);
            on('online')();
            expect(changes).toEqual([false, true]);
        });
    });

    describe('when the SDK cannot connect', () => {
        it('is not live when the SDK does not load, and reads and posts through Apex', async () => {
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockRejectedValue(new Error('blocked'));
            mockList.mockResolvedValue({ messages: [message('m1', '1')], hasMore: false });
            mockPost.mockResolvedValue(message('m2', '2'));
            const session = await getMessagingSession(component);
            expect(session.live).toBe(false);
            expect(await session.listMessages('r1')).toEqual({ messages: [message('m1', '1')], hasMore: false });
            expect(mockList).toHaveBeenCalledWith({ spaceId: 'r1', beforeMessageId: null, max: 50 });
            await session.postMessage({ spaceId: 'r1', markdown: 'Hi' });
            expect(mockPost).toHaveBeenCalledWith({ spaceId: 'r1', markdown: 'Hi', parentId: null });
            const file = Object.assign(new Blob(['x']), { name: 'a.txt' });
            await expect(session.postMessage({ spaceId: 'r1', markdown: '', file })).rejects.toMatchObject({
                code: 'FILES_NEED_LIVE'
            });
            // Without the SDK nothing can ask Webex for a file: its name stays unknown, its download says why.
            expect(await session.fileInfo('https://webexapis.com/v1/contents/c1')).toBeNull();
            await expect(session.downloadFile('https://webexapis.com/v1/contents/c1')).rejects.toMatchObject({
                code: 'WEBEX_UNAVAILABLE'
            });
            // Chat's list comes through Apex, most recently active first.
            mockSpaces.mockResolvedValue([
                { id: 'r1', title: 'Deal', type: 'group', lastActivity: '2026-12-07T10:00:00.000Z', created: null },
                { id: 'r2', title: 'Camille Vente', type: 'direct', lastActivity: null, created: null }
            ]);
            expect(await session.listSpaces({ max: 20 })).toEqual([
                { id: 'r1', title: 'Deal', type: 'group', lastActivity: '2026-12-07T10:00:00.000Z', created: null },
                { id: 'r2', title: 'Camille Vente', type: 'direct', lastActivity: null, created: null }
            ]);
            expect(mockSpaces).toHaveBeenCalledWith({ max: 20 });
            mockSpaces.mockRejectedValue({
                body: { message: JSON.stringify({ code: 'RATE_LIMITED', message: 'Wait.', retryAfterSeconds: 3 }) }
            });
            await expect(session.listSpaces()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
        });

        it('finds people and sends the first message of a 1:1 through Apex when the SDK does not load', async () => {
            jest.useFakeTimers();
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockRejectedValue(new Error('blocked'));
            mockSearchPeople.mockResolvedValue([
                { id: 'p2', displayName: 'Camille Vente', emails: ['camille@x.com'] },
                { id: null, displayName: null, emails: [] }
            ]);
            mockSendDirect.mockResolvedValue({ ...message('d1', '2'), spaceId: 'direct-1' });
            // The new 1:1 as Apex lists it 10 s later: Sam's first message and Camille's answer.
            mockList.mockResolvedValue({ messages: [message('d2', '3'), message('d1', '2')], hasMore: false });
            const session = await getMessagingSession(component);
            const heard: MessageEvent[] = [];
            session.onMessage((event) => heard.push(event));

            expect(await session.searchPeople('  Ca ')).toEqual([
                { id: 'p2', displayName: 'Camille Vente', emails: ['camille@x.com'] },
                { id: '', displayName: '', emails: [] }
            ]);
            expect(mockSearchPeople).toHaveBeenCalledWith({ text: 'Ca' });

            const sent = await session.openDirect('camille@x.com', 'Hello');
            expect(mockSendDirect).toHaveBeenCalledWith({ person: 'camille@x.com', markdown: 'Hello' });
            expect(sent.spaceId).toBe('direct-1');
            expect(sent.id).toBe('d1');
            // Refreshed through Apex, the new 1:1 announces the answer, not the message sent (already seen).
            session.watch('direct-1');
            jest.advanceTimersByTime(POLL_INTERVAL_MS);
            await flush();
            expect(mockList).toHaveBeenCalledWith(expect.objectContaining({ spaceId: 'direct-1' }));
            expect(heard.map((event) => [event.spaceId, event.message.id])).toEqual([['direct-1', 'd2']]);

            // Apex's refusals keep their code and wait.
            mockSearchPeople.mockRejectedValue({
                body: { message: JSON.stringify({ code: 'RATE_LIMITED', message: 'Wait.', retryAfterSeconds: 4 }) }
            });
            await expect(session.searchPeople('Ca')).rejects.toMatchObject({
                code: 'RATE_LIMITED',
                retryAfterSeconds: 4
            });
            mockSendDirect.mockRejectedValue({
                body: { message: JSON.stringify({ code: 'INVALID_INPUT', message: 'Not a person.' }) }
            });
            await expect(session.openDirect('nobody', 'Hello')).rejects.toBeInstanceOf(MessagingFailure);
            await expect(session.openDirect('nobody', 'Hello')).rejects.toMatchObject({ code: 'INVALID_INPUT' });
        });

        it('is not live when the socket refuses, after the wait', async () => {
            jest.useFakeTimers();
            const sdk = fakeSdk({ listen: new Promise(() => undefined) });
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            const opening = getMessagingSession(component);
            await flush();
            jest.advanceTimersByTime(LISTEN_TIMEOUT_MS);
            const session = await opening;
            expect(session.live).toBe(false);
        });

        it('refreshes a watched space through Apex every 10 s, announces only new messages, and pauses while hidden', async () => {
            jest.useFakeTimers();
            const sdk = fakeSdk({ listen: Promise.reject(new Error('socket refused')) });
            mockSession.mockResolvedValue(TOKEN);
            mockLoad.mockResolvedValue({ init: sdk.init });
            const session = await getMessagingSession(component);
            expect(session.live).toBe(false);
            mockList.mockResolvedValue({ messages: [message('m1', '1')], hasMore: false });
            await session.listMessages('r1');
            const events: MessageEvent[] = [];
            session.onMessage((event) => events.push(event));
            const stop = session.watch('r1');

            mockList.mockResolvedValue({
                messages: [message('m3', '3'), message('m2', '2'), message('m1', '1')],
                hasMore: false
            });
            jest.advanceTimersByTime(POLL_INTERVAL_MS);
            await flush();
            expect(events.map((event) => event.message.id)).toEqual(['m2', 'm3']);
            expect(events[0].spaceId).toBe('r1');

            Object.defineProperty(document, 'hidden', { configurable: true, value: true });
            mockList.mockClear();
            jest.advanceTimersByTime(POLL_INTERVAL_MS * 3);
            await flush();
            expect(mockList).not.toHaveBeenCalled();

            Object.defineProperty(document, 'hidden', { configurable: true, value: false });
            document.dispatchEvent(new CustomEvent('visibilitychange'));
            await flush();
            expect(mockList).toHaveBeenCalledTimes(1);

            stop();
            mockList.mockClear();
            jest.advanceTimersByTime(POLL_INTERVAL_MS * 2);
            await flush();
            expect(mockList).not.toHaveBeenCalled();
        });
    });

    it('rejects with the reason when the rep has not connected Webex, and asks Apex again next time', async () => {
        mockSession.mockRejectedValueOnce({
            status: 400,
            body: { message: JSON.stringify({ code: 'NOT_CONNECTED', message: 'Connect Webex first.' }) }
        });
        await expect(getMessagingSession(component)).rejects.toMatchObject({
            code: 'NOT_CONNECTED',
            message: 'Connect Webex first.'
        });
        mockSession.mockResolvedValueOnce(TOKEN);
        mockLoad.mockRejectedValue(new Error('blocked'));
        await flush();
        await expect(getMessagingSession(component)).resolves.toBeTruthy();
        expect(mockSession).toHaveBeenCalledTimes(2);
    });

    it('reads the file name of a Content-Disposition header (RFC 6266), the encoded form first', () => {
        expect(fileNameOf('attachment; filename="Proposal Q4.pdf"')).toBe('Proposal Q4.pdf');
        expect(fileNameOf('attachment; filename=pricing.csv')).toBe('pricing.csv');
        expect(fileNameOf(`attachment; filename="Devis.pdf"; filename*=UTF-8''Devis%20%C3%A9t%C3%A9.pdf`)).toBe(
            'Devis été.pdf'
        );
        expect(fileNameOf('attachment; filename="say \\"hi\\".txt"')).toBe('say "hi".txt');
        expect(fileNameOf('attachment')).toBeNull();
        expect(fileNameOf(null)).toBeNull();
    });

    it('keeps a messaging code from Apex that c/webexErrors does not list', () => {
        const failure = toMessagingFailure({
            status: 400,
            body: { message: JSON.stringify({ code: 'RECONNECT', message: 'Reconnect Webex.' }) }
        });
        expect(failure).toBeInstanceOf(MessagingFailure);
        expect(failure.code).toBe('RECONNECT');
        expect(failure.message).toBe('Reconnect Webex.');
        expect(toMessagingFailure(failure)).toBe(failure);
        expect(toMessagingFailure({ statusCode: 413 }).code).toBe('FILE_TOO_LARGE');
        expect(toMessagingFailure({ statusCode: 401 }).code).toBe('INVALID_TOKEN');
        expect(toMessagingFailure({ statusCode: 429 }).retryAfterSeconds).toBe(5);
    });
});
