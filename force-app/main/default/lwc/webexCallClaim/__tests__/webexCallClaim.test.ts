import { CallClaims, CLAIM_CHANNEL_NAME, MAX_REMEMBERED_CLAIMS, type ClaimChannel } from 'c/webexCallClaim';

class FakeChannel implements ClaimChannel {
    onmessage: ((message: MessageEvent) => void) | null = null;
    closed = false;
    readonly posted: unknown[] = [];

    private readonly hub: { channels: FakeChannel[]; delivered: number };

    constructor(hub: { channels: FakeChannel[]; delivered: number }) {
        this.hub = hub;
    }

    postMessage(data: unknown): void {
        this.posted.push(data);
        for (const other of this.hub.channels) {
            if (other === this || other.closed) continue;
            Promise.resolve().then(() => {
                this.hub.delivered += 1;
                other.onmessage?.({ data } as MessageEvent);
            });
        }
    }

    close(): void {
        this.closed = true;
    }
}

/** Tabs of one browser: what one posts reaches the others (not itself), a moment later, as BroadcastChannel does. */
class Hub {
    readonly channels: FakeChannel[] = [];
    delivered = 0;

    open(): FakeChannel {
        const channel = new FakeChannel(this);
        this.channels.push(channel);
        return channel;
    }
}

/** A claim window that ends when the test says so. */
function manualWindows() {
    const waiting: Array<() => void> = [];
    return {
        wait: () => new Promise<void>((resolve) => waiting.push(resolve)),
        async end(): Promise<void> {
            await flush();
            waiting.splice(0).forEach((resolve) => resolve());
            await flush();
        }
    };
}

async function flush(): Promise<void> {
    // Microtask turns one after the other: enough for an answer, the awaits after it and the re-render.
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

describe('c/webexCallClaim', () => {
    it('lets the first of two tabs claiming the same call show it, whatever order they hear each other in', async () => {
        const hub = new Hub();
        const windows = manualWindows();
        const first = new CallClaims({ channel: hub.open(), tabId: 'b', now: () => 1000, wait: windows.wait });
        const second = new CallClaims({ channel: hub.open(), tabId: 'a', now: () => 1005, wait: windows.wait });
        const claims = [first.claim('call-1'), second.claim('call-1')];
        await windows.end();
        expect(await Promise.all(claims)).toEqual([true, false]);
        expect(second.isClaimedElsewhere('call-1')).toBe(true);
        expect(first.isClaimedElsewhere('call-1')).toBe(false);
    });

    it('breaks a tie by tab id, so both tabs reach the same answer', async () => {
        const hub = new Hub();
        const windows = manualWindows();
        const b = new CallClaims({ channel: hub.open(), tabId: 'b', now: () => 1000, wait: windows.wait });
        const a = new CallClaims({ channel: hub.open(), tabId: 'a', now: () => 1000, wait: windows.wait });
        const claims = [b.claim('call-1'), a.claim('call-1')];
        await windows.end();
        expect(await Promise.all(claims)).toEqual([false, true]);
    });

    it('tells a tab that claims late that another one already shows the call', async () => {
        const hub = new Hub();
        const windows = manualWindows();
        let clock = 1000;
        const early = new CallClaims({ channel: hub.open(), tabId: 'z', now: () => clock, wait: windows.wait });
        const late = new CallClaims({ channel: hub.open(), tabId: 'a', now: () => clock, wait: windows.wait });
        const won = early.claim('call-1');
        // The late tab misses the first claim (it was not listening yet).
        hub.channels[1].closed = true;
        await windows.end();
        expect(await won).toBe(true);
        hub.channels[1].closed = false;
        clock = 5000;
        const lost = late.claim('call-1');
        await windows.end();
        expect(await lost).toBe(false);
        expect(late.isClaimedElsewhere('call-1')).toBe(true);
    });

    it('knows at once that a call claimed earlier by another tab is not its own', async () => {
        const hub = new Hub();
        const windows = manualWindows();
        const one = new CallClaims({ channel: hub.open(), tabId: 'a', now: () => 1000, wait: windows.wait });
        const two = new CallClaims({ channel: hub.open(), tabId: 'b', now: () => 2000, wait: windows.wait });
        const claimed = one.claim('call-1');
        await windows.end();
        await claimed;
        await expect(two.claim('call-1')).resolves.toBe(false);
        // Asking again about a call it holds answers at once, without a new window.
        await expect(one.claim('call-1')).resolves.toBe(true);
    });

    it('lets a tab that dialled a call win it with the time it started dialling', async () => {
        const hub = new Hub();
        const windows = manualWindows();
        const other = new CallClaims({ channel: hub.open(), tabId: 'a', now: () => 5000, wait: windows.wait });
        const dialler = new CallClaims({ channel: hub.open(), tabId: 'b', now: () => 5100, wait: windows.wait });
        const claims = [other.claim('call-1'), dialler.claim('call-1', 4000)];
        await windows.end();
        expect(await Promise.all(claims)).toEqual([false, true]);
    });

    it('gives the same answer to a second claim made within the window', async () => {
        const hub = new Hub();
        const windows = manualWindows();
        const tab = new CallClaims({ channel: hub.open(), tabId: 'a', now: () => 1000, wait: windows.wait });
        const first = tab.claim('call-1');
        const again = tab.claim('call-1');
        expect(again).toBe(first);
        await windows.end();
        await expect(again).resolves.toBe(true);
    });

    it('wins every claim at once without BroadcastChannel (one tab is all there is)', async () => {
        const tab = new CallClaims({ channel: null });
        await expect(tab.claim('call-1')).resolves.toBe(true);
        expect(tab.isClaimedElsewhere('call-1')).toBe(false);
        expect(typeof tab.tabId).toBe('string');
        tab.close();
    });

    it('opens the webex-calling BroadcastChannel when the browser has one, and closes it', async () => {
        const opened: string[] = [];
        const closed: string[] = [];
        class Broadcast {
            onmessage: unknown = null;
            readonly name: string;
            constructor(name: string) {
                this.name = name;
                opened.push(name);
            }
            postMessage(): void {}
            close(): void {
                closed.push(this.name);
            }
        }
        (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel = Broadcast;
        jest.useFakeTimers();
        try {
            const tab = new CallClaims();
            const claim = tab.claim('call-1');
            jest.advanceTimersByTime(200);
            await expect(claim).resolves.toBe(true);
            tab.close();
            expect(opened).toEqual([CLAIM_CHANNEL_NAME]);
            expect(closed).toEqual([CLAIM_CHANNEL_NAME]);
        } finally {
            jest.useRealTimers();
            delete (globalThis as { BroadcastChannel?: unknown }).BroadcastChannel;
        }
    });

    it('ignores messages that are not claims, and its own', async () => {
        const hub = new Hub();
        const windows = manualWindows();
        const tab = new CallClaims({ channel: hub.open(), tabId: 'a', now: () => 1000, wait: windows.wait });
        const channel = hub.channels[0];
        for (const data of [null, 'claim', { type: 'other' }, { type: 'claim', key: 'call-1', tabId: 'b', at: 'soon' }])
            channel.onmessage?.({ data } as MessageEvent);
        channel.onmessage?.({ data: { type: 'claim', key: 'call-2', tabId: 'a', at: 1 } } as MessageEvent);
        expect(tab.isClaimedElsewhere('call-1')).toBe(false);
        expect(tab.isClaimedElsewhere('call-2')).toBe(false);
    });

    it('forgets the oldest claims beyond the ones it keeps', async () => {
        const tab = new CallClaims({ channel: null, tabId: 'a' });
        const hub = new Hub();
        const listener = new CallClaims({ channel: hub.open(), tabId: 'b' });
        const sender = hub.open();
        for (let i = 0; i <= MAX_REMEMBERED_CLAIMS; i += 1)
            sender.postMessage({ type: 'claim', key: `call-${i}`, tabId: 'c', at: i });
        await flush();
        expect(listener.isClaimedElsewhere('call-0')).toBe(false);
        expect(listener.isClaimedElsewhere(`call-${MAX_REMEMBERED_CLAIMS}`)).toBe(true);
        await expect(tab.claim('x')).resolves.toBe(true);
    });
});
