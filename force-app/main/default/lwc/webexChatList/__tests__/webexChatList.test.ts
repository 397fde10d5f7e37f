import {
    ChatList,
    chatListFor,
    webexAppUrl,
    type ChatMessageEvent,
    type ChatSession,
    type ChatSpace
} from 'c/webexChatList';
import { ChatReads } from 'c/webexChatReads';

type Fn<T> = (value: T) => void;

/** A messaging session the test drives: `emit*` as the SDK's websocket would. */
function fakeSession(spaces: ChatSpace[], live = true) {
    const listeners = {
        message: new Set<Fn<ChatMessageEvent>>(),
        room: new Set<Fn<unknown>>(),
        membership: new Set<Fn<unknown>>(),
        live: new Set<Fn<boolean>>()
    };
    const on =
        <T>(set: Set<Fn<T>>) =>
        (listener: Fn<T>) => {
            set.add(listener);
            return () => set.delete(listener);
        };
    const session = {
        live,
        me: { personId: 'me', displayName: 'Rep' },
        listSpaces: jest.fn(async () => spaces.map((space) => ({ ...space }))),
        listMessages: jest.fn(async (_id: string) => ({
            messages: [] as Array<{ id: string; personId: string; created: string }>
        })),
        onMessage: on(listeners.message),
        onRoom: on(listeners.room),
        onMembership: on(listeners.membership),
        onLiveChange: on(listeners.live)
    };
    return {
        session: session as typeof session & ChatSession,
        message: (event: ChatMessageEvent) => listeners.message.forEach((l) => l(event)),
        room: () => listeners.room.forEach((l) => l({ type: 'created' })),
        membership: () => listeners.membership.forEach((l) => l({ type: 'deleted' })),
        setLive: (value: boolean) => listeners.live.forEach((l) => l(value))
    };
}

const T0 = '2026-12-07T10:00:00.000Z';
const at = (minutes: number) => new Date(Date.parse(T0) + minutes * 60_000).toISOString();
const SPACES: ChatSpace[] = [
    { id: 'deal', title: 'Acme deal', type: 'group', lastActivity: at(-5) },
    { id: 'olivia', title: 'Olivia Chen', type: 'direct', lastActivity: at(-1) }
];
// Lets the mocked promises settle (a macrotask: several promise turns).
// eslint-disable-next-line @lwc/lwc/no-async-operation
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('c/webexChatList', () => {
    let now: Date;
    beforeEach(() => {
        localStorage.clear();
        now = new Date(T0);
    });
    afterEach(() => jest.useRealTimers());

    function newList(fake: ReturnType<typeof fakeSession>, options = {}) {
        return new ChatList(fake.session, { now: () => now, relistMs: 0, ...options });
    }

    it('lists the conversations by last activity, and moves one up when a message comes, counting it', async () => {
        const fake = fakeSession(SPACES);
        const list = newList(fake);
        const seen: number[] = [];
        list.subscribe((state) => seen.push(state.unreadTotal));
        await list.load();
        expect(fake.session.listSpaces).toHaveBeenCalledWith({ max: 100, sortBy: 'lastactivity' });
        expect(list.state.status).toBe('ready');
        expect(list.state.conversations.map((c) => c.id)).toEqual(['deal', 'olivia']);
        expect(list.state.conversations[1].direct).toBe(true);

        fake.message({ type: 'created', spaceId: 'deal', message: { id: 'm1', personId: 'olivia-p', created: at(1) } });
        expect(list.state.conversations.map((c) => c.id)).toEqual(['deal', 'olivia']);
        expect(list.state.conversations[0]).toMatchObject({ unread: 1, lastActivity: at(1) });
        fake.message({ type: 'created', spaceId: 'olivia', message: { id: 'm2', personId: 'me', created: at(2) } });
        expect(list.state.conversations.map((c) => c.id)).toEqual(['olivia', 'deal']);
        expect(list.state.unreadTotal).toBe(1); // the rep's own message does not count
        fake.message({ type: 'deleted', spaceId: 'deal', message: { id: 'm1', personId: 'olivia-p', created: at(1) } });
        fake.message({ type: 'deleted', spaceId: 'deal', message: { id: 'm1', personId: 'olivia-p', created: at(1) } });
        expect(list.state.unreadTotal).toBe(0);
        expect(seen).toContain(1);
        list.dispose();
    });

    it('counts nothing in the open conversation, and clears its count when opened', async () => {
        const fake = fakeSession(SPACES);
        const list = newList(fake);
        await list.load();
        fake.message({ type: 'created', spaceId: 'deal', message: { id: 'm1', personId: 'x', created: at(1) } });
        now = new Date(at(2));
        list.open('deal');
        expect(list.state.unreadTotal).toBe(0);
        fake.message({ type: 'created', spaceId: 'deal', message: { id: 'm2', personId: 'x', created: at(3) } });
        expect(list.state.unreadTotal).toBe(0);
        now = new Date(at(4));
        list.close();
        fake.message({ type: 'created', spaceId: 'deal', message: { id: 'm3', personId: 'x', created: at(5) } });
        expect(list.state.unreadTotal).toBe(1);
        list.close();
        list.dispose();
    });

    it('lists again for a conversation it does not have, and for space and membership changes', async () => {
        jest.useFakeTimers();
        const spaces = [...SPACES];
        const fake = fakeSession(spaces);
        const list = newList(fake);
        await list.load();
        spaces.push({ id: 'new', title: 'Sam', type: 'direct', lastActivity: at(1) });
        fake.message({ type: 'created', spaceId: 'new', message: { id: 'n1', personId: 'sam', created: at(1) } });
        fake.message({ type: 'created', spaceId: '', message: { id: 'x', personId: 'sam', created: at(1) } });
        await jest.runOnlyPendingTimersAsync();
        expect(list.state.conversations.find((c) => c.id === 'new')?.unread).toBe(1);
        fake.room();
        fake.membership();
        await jest.runOnlyPendingTimersAsync();
        expect(fake.session.listSpaces).toHaveBeenCalledTimes(3);
        list.dispose();
    });

    it('catches up on conversations that moved since the rep last looked, on load', async () => {
        localStorage.setItem('webexChatReads:me', JSON.stringify({ deal: { readAt: at(-10), unread: [] } }));
        const fake = fakeSession(SPACES);
        fake.session.listMessages.mockImplementation(async (id: string) => ({
            messages:
                id === 'deal'
                    ? [
                          { id: 'a', personId: 'x', created: at(-5) },
                          { id: 'b', personId: 'me', created: at(-6) },
                          { id: 'c', personId: 'x', created: at(-20) }
                      ]
                    : []
        }));
        const list = newList(fake);
        await list.load();
        await flush();
        expect(fake.session.listMessages).toHaveBeenCalledTimes(1);
        expect(fake.session.listMessages).toHaveBeenCalledWith('deal', undefined, 50);
        expect(list.state.conversations.find((c) => c.id === 'deal')?.unread).toBe(1);
        list.dispose();
    });

    it('refreshes every 10 s while live updates are off, not while hidden, and counts what moved', async () => {
        jest.useFakeTimers();
        const spaces = [...SPACES];
        const fake = fakeSession(spaces, false);
        const list = newList(fake);
        await list.load();
        expect(list.state.live).toBe(false);
        spaces[0] = { ...spaces[0], lastActivity: at(3) };
        spaces.push({ id: 'sam', title: 'Sam', type: 'direct', lastActivity: at(2) });
        fake.session.listMessages.mockResolvedValue({ messages: [{ id: 'p1', personId: 'x', created: at(2) }] });
        now = new Date(at(4));
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        await jest.advanceTimersByTimeAsync(10_000);
        expect(fake.session.listSpaces).toHaveBeenCalledTimes(1);
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
        await jest.advanceTimersByTimeAsync(10_000);
        expect(fake.session.listSpaces).toHaveBeenCalledTimes(2);
        expect(fake.session.listMessages.mock.calls.map((call) => call[0]).sort()).toEqual(['deal', 'sam']);
        expect(list.state.unreadTotal).toBe(2);
        fake.setLive(true);
        await jest.advanceTimersByTimeAsync(20_000);
        expect(fake.session.listSpaces).toHaveBeenCalledTimes(2);
        list.dispose();
    });

    it('says why the list could not load, and loads again on Try again', async () => {
        const fake = fakeSession(SPACES);
        fake.session.listSpaces.mockRejectedValueOnce({
            code: 'WEBEX_UNAVAILABLE',
            message: 'Webex is not answering.'
        });
        const list = newList(fake);
        await list.load();
        expect(list.state).toMatchObject({ status: 'failed', error: 'Webex is not answering.' });
        await list.load(true);
        expect(list.state.status).toBe('ready');
        const again = list.load();
        expect(list.load()).toBe(again);
        await again;
        list.dispose();
    });

    it('follows another tab of the rep opening a conversation (its channel, not the storage event LWS refuses)', async () => {
        const channel = {
            postMessage: jest.fn(),
            onmessage: null as ((m: MessageEvent) => void) | null,
            close: jest.fn()
        };
        const addListener = jest.spyOn(window, 'addEventListener');
        const fake = fakeSession(SPACES);
        const list = new ChatList(fake.session, { reads: new ChatReads('me', localStorage, channel), now: () => now });
        await list.load();
        fake.message({ type: 'created', spaceId: 'deal', message: { id: 'm1', personId: 'x', created: at(1) } });
        expect(list.state.unreadTotal).toBe(1);
        expect(channel.postMessage).toHaveBeenCalledWith({ key: 'webexChatReads:me' });
        localStorage.setItem('webexChatReads:me', JSON.stringify({ deal: { readAt: at(2), unread: [] } }));
        channel.onmessage?.({ data: { key: 'webexChatReads:me' } } as MessageEvent);
        expect(list.state.unreadTotal).toBe(0);
        expect(addListener.mock.calls.map(([type]) => type)).not.toContain('storage');
        addListener.mockRestore();
        list.dispose();
    });

    it('puts a conversation started here at the top, and shares one list per session', async () => {
        const fake = fakeSession(SPACES);
        const list = newList(fake);
        await list.load();
        list.add({ id: 'sam', title: 'Sam', type: 'direct', lastActivity: null });
        expect(list.state.conversations[0].id).toBe('sam');
        expect(chatListFor(fake.session)).toBe(chatListFor(fake.session));
        chatListFor(fake.session).dispose();
        list.dispose();
    });

    it("gives the Webex app's link to a space", () => {
        const id = btoa('ciscospark://us/ROOM/3f1e9c40-1d2b-11ef-8d3a-0b5e2a1c9f11').replace(/=+$/, '');
        expect(webexAppUrl(id)).toBe('webexteams://im?space=3f1e9c40-1d2b-11ef-8d3a-0b5e2a1c9f11');
        expect(webexAppUrl('not base64!')).toBeNull();
        expect(webexAppUrl(btoa('something else'))).toBeNull();
    });
});
