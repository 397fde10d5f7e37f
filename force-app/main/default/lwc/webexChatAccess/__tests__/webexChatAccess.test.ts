import { ChatAccess, type ChatAccessState } from 'c/webexChatAccess';
import type { ChatList, ChatListState, ChatSession } from 'c/webexChatList';

function fakeList() {
    let listener: (state: ChatListState) => void = () => undefined;
    const stop = jest.fn();
    const list = {
        subscribe: jest.fn((l: (state: ChatListState) => void) => {
            listener = l;
            return stop;
        }),
        load: jest.fn().mockResolvedValue(undefined)
    };
    return {
        list: list as unknown as ChatList,
        stop,
        emit: (unreadTotal: number) => listener({ unreadTotal } as ChatListState),
        raw: list
    };
}

const session = {} as ChatSession;

describe('c/webexChatAccess', () => {
    it('shows no tab, and opens no session, for a rep without chat', async () => {
        const states: ChatAccessState[] = [];
        const openSession = jest.fn();
        const access = new ChatAccess({
            check: jest.fn().mockResolvedValue({ chatEnabled: false }),
            openSession,
            listFor: jest.fn(),
            onChange: (state) => states.push(state)
        });
        await access.start();
        expect(states).toEqual([]);
        expect(openSession).not.toHaveBeenCalled();
        access.close();
    });

    it('shows the tab, then follows the unread total of the page list', async () => {
        const fake = fakeList();
        const states: ChatAccessState[] = [];
        const access = new ChatAccess({
            check: jest.fn().mockResolvedValue({ chatEnabled: true }),
            openSession: jest.fn().mockResolvedValue(session),
            listFor: () => fake.list,
            onChange: (state) => states.push(state)
        });
        await access.start();
        await access.start(); // already enabled: nothing more
        expect(states[0]).toEqual({ chatEnabled: true, chatUnread: 0 });
        expect(fake.raw.load).toHaveBeenCalledTimes(1);
        fake.emit(3);
        expect(states[states.length - 1]).toEqual({ chatEnabled: true, chatUnread: 3 });
        access.close();
        expect(fake.stop).toHaveBeenCalled();
    });

    it('asks again when the rep comes back after a failed check (connecting Webex), not while hidden', async () => {
        const check = jest
            .fn()
            .mockRejectedValueOnce({ code: 'NOT_CONNECTED', message: 'Connect Webex.' })
            .mockResolvedValueOnce({ chatEnabled: true });
        const states: ChatAccessState[] = [];
        const access = new ChatAccess({
            check,
            openSession: jest.fn().mockRejectedValue(new Error('no SDK')),
            listFor: jest.fn(),
            onChange: (state) => states.push(state)
        });
        await access.start();
        expect(states).toEqual([]);
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
        document.dispatchEvent(new CustomEvent('visibilitychange'));
        expect(check).toHaveBeenCalledTimes(1);
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => false });
        window.dispatchEvent(new CustomEvent('focus'));
        await Promise.resolve();
        await Promise.resolve();
        await Promise.resolve();
        expect(check).toHaveBeenCalledTimes(2);
        expect(states).toEqual([{ chatEnabled: true, chatUnread: 0 }]);
        window.dispatchEvent(new CustomEvent('focus'));
        expect(check).toHaveBeenCalledTimes(2);
        access.close();
    });

    it('does nothing once closed', async () => {
        let answer: (value: { chatEnabled: boolean }) => void = () => undefined;
        const openSession = jest.fn();
        const access = new ChatAccess({
            check: () => new Promise((resolve) => (answer = resolve)),
            openSession,
            listFor: jest.fn(),
            onChange: jest.fn()
        });
        const started = access.start();
        access.close();
        answer({ chatEnabled: true });
        await started;
        await access.start();
        expect(openSession).not.toHaveBeenCalled();
    });
});
