import { ChatReads, MAX_COUNTED } from 'c/webexChatReads';

const T0 = '2026-12-07T10:00:00.000Z';
const T1 = '2026-12-07T10:01:00.000Z';
const T2 = '2026-12-07T10:02:00.000Z';

describe('c/webexChatReads', () => {
    beforeEach(() => localStorage.clear());

    it('counts messages from others after the last open, once each, per rep', () => {
        const reads = new ChatReads('rep-1');
        expect(reads.count('s1', 'm1', T1)).toBe(false); // never seen: nothing to count from
        reads.seen('s1', T0);
        reads.seen('s1', T2); // first sight only
        expect(reads.readAt('s1')).toBe(T0);
        expect(reads.count('s1', 'm1', T1)).toBe(true);
        expect(reads.count('s1', 'm1', T1)).toBe(false);
        expect(reads.count('s1', 'old', T0)).toBe(false);
        expect(reads.unread('s1')).toBe(1);
        expect(new ChatReads('rep-1').unread('s1')).toBe(1);
        expect(new ChatReads('rep-2').unread('s1')).toBe(0);
        expect(JSON.parse(localStorage.getItem('webexChatReads:rep-1') as string)).toEqual({
            s1: { readAt: T0, unread: ['m1'] }
        });
    });

    it('forgets the count when opened, and a deleted message stops counting', () => {
        const reads = new ChatReads('rep-1');
        reads.seen('s1', T0);
        reads.count('s1', 'm1', T1);
        reads.count('s1', 'm2', T1);
        expect(reads.uncount('s1', 'm2')).toBe(true);
        expect(reads.uncount('s1', 'm2')).toBe(false);
        reads.opened('s1', T2);
        expect(reads.unread('s1')).toBe(0);
        reads.opened('s1', T1); // an older open changes nothing
        expect(reads.readAt('s1')).toBe(T2);
        expect(reads.count('s1', 'm3', T1)).toBe(false);
        reads.forget('s1');
        reads.forget('s1');
        expect(reads.readAt('s1')).toBeNull();
    });

    it('stops counting at 99', () => {
        const reads = new ChatReads('rep-1');
        reads.seen('s1', T0);
        for (let i = 0; i < MAX_COUNTED + 5; i++) reads.count('s1', `m${i}`, T1);
        expect(reads.unread('s1')).toBe(MAX_COUNTED);
    });

    it("follows another tab's writes to this rep's key only", () => {
        const reads = new ChatReads('rep-1');
        localStorage.setItem(
            'webexChatReads:rep-1',
            JSON.stringify({ s1: { readAt: T0, unread: ['a', 'b'] }, bad: 1 })
        );
        expect(reads.reload('webexChatReads:rep-2')).toBe(false);
        expect(reads.reload('webexChatReads:rep-1')).toBe(true);
        expect(reads.unread('s1')).toBe(2);
        expect(reads.readAt('bad')).toBeNull();
        localStorage.setItem('webexChatReads:rep-1', 'not json');
        reads.reload();
        expect(reads.unread('s1')).toBe(0);
        localStorage.setItem('webexChatReads:rep-1', 'null');
        expect(reads.reload()).toBe(true);
    });

    it("announces its writes to the rep's other tabs and follows theirs", () => {
        const channel = {
            postMessage: jest.fn(),
            onmessage: null as ((m: MessageEvent) => void) | null,
            close: jest.fn()
        };
        const reads = new ChatReads('rep-1', localStorage, channel);
        const follower = jest.fn();
        const stop = reads.follow(follower);
        reads.seen('s1', T0);
        expect(channel.postMessage).toHaveBeenCalledWith({ key: 'webexChatReads:rep-1' });
        localStorage.setItem('webexChatReads:rep-1', JSON.stringify({ s1: { readAt: T0, unread: ['a'] } }));
        channel.onmessage?.({ data: { key: 'webexChatReads:rep-2' } } as MessageEvent);
        channel.onmessage?.({ data: null } as MessageEvent);
        expect(follower).not.toHaveBeenCalled();
        channel.onmessage?.({ data: { key: 'webexChatReads:rep-1' } } as MessageEvent);
        expect(follower).toHaveBeenCalledTimes(1);
        expect(reads.unread('s1')).toBe(1);
        stop();
        channel.onmessage?.({ data: { key: 'webexChatReads:rep-1' } } as MessageEvent);
        expect(follower).toHaveBeenCalledTimes(1);
        reads.close();
        expect(channel.close).toHaveBeenCalled();
        expect(channel.onmessage).toBeNull();
    });

    it('keeps counting in memory when storage refuses, and forgets the oldest conversations beyond 300', () => {
        const refusing = {
            getItem: () => {
                throw new Error('denied');
            },
            setItem: () => {
                throw new Error('full');
            }
        } as unknown as Storage;
        const reads = new ChatReads('rep-1', refusing);
        reads.seen('s1', T0);
        expect(reads.count('s1', 'm1', T1)).toBe(true);
        expect(reads.unread('s1')).toBe(1);

        const many = new ChatReads('rep-3');
        for (let i = 0; i < 301; i++) many.seen(`s${i}`, new Date(Date.parse(T0) + i * 1000).toISOString());
        expect(many.readAt('s0')).toBeNull();
        expect(many.readAt('s300')).not.toBeNull();
        expect(new ChatReads('rep-4', null).unread('x')).toBe(0);
    });
});
