/**
 * What the rep has read in Chat, kept per rep in the browser's `localStorage` (key `webexChatReads:<personId>`).
 *
 * Webex's public API has no read state and no unread count (Messaging › Rooms and Messages, developer.webex.com:
 * a room has `lastActivity`, nothing per reader), so Chat counts for itself: a conversation's unread count is the
 * number of messages from others created after the rep last opened it. A conversation Chat has never shown starts
 * counting when it first sees it (what came before is history, not news). Counting by message id makes a message
 * count once even when several tabs of the rep's browser receive it, and each write is announced to the rep's other
 * tabs over a `BroadcastChannel` (`webex-chat-reads`), so every tab follows what another one opened. Messages that
 * arrived while no page of the rep was open are counted on the next load only when the list catches up on them
 * (c/webexChatList).
 *
 * Lightning Web Security partitions `localStorage` per namespace by prefixing its keys (Lightning Web Security › Local
 * Storage Limitations, https://developer.salesforce.com/docs/platform/lightning-components-security/guide/lws-local-storage.html),
 * so these marks are the package's own. It refuses a component the window's `storage` event ("Cannot add 'storage'
 * event listener to Window object", the Window storage distortion of Lightning Web Security's Distortion Viewer,
 * https://developer.salesforce.com/docs/platform/lightning-components-security/guide/lws-distortions.html), which is
 * why the tabs tell each other over a channel instead (its name, too, is prefixed per namespace). Storage that
 * refuses (full, disabled) leaves the counts in memory for the page.
 */

/** When a conversation was last opened, and the ids of the messages from others since. */
interface ReadMark {
    readAt: string;
    unread: string[];
}

const KEY_PREFIX = 'webexChatReads:';
/** The channel every tab of the rep's browser announces its writes on. */
export const READS_CHANNEL_NAME = 'webex-chat-reads';
/** The counts stop here ("99+"): nobody reads the exact number beyond it, and the storage stays small. */
export const MAX_COUNTED = 99;
/** Conversations remembered at most; the ones read longest ago are forgotten first. */
const MAX_CONVERSATIONS = 300;

function browserStorage(): Storage | null {
    try {
        // Reads the global, constructs nothing: the rule flags the `Storage` type the distortion wraps.
        // eslint-disable-next-line @locker/locker/distorted-storage-constructor
        return typeof localStorage === 'undefined' ? null : localStorage;
    } catch {
        return null;
    }
}

/** The part of `BroadcastChannel` the marks use (tests pass their own). */
export interface ReadsChannel {
    postMessage(message: unknown): void;
    onmessage: ((message: MessageEvent) => void) | null;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    close(): void;
}

function browserChannel(): ReadsChannel | null {
    try {
        return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(READS_CHANNEL_NAME);
    } catch {
        return null;
    }
}

function isMark(value: unknown): value is ReadMark {
    const mark = value as ReadMark;
    return (
        typeof mark === 'object' &&
        mark !== null &&
        typeof mark.readAt === 'string' &&
        Array.isArray(mark.unread) &&
        mark.unread.every((id) => typeof id === 'string')
    );
}

function time(iso: string): number {
    const parsed = Date.parse(iso);
    return Number.isNaN(parsed) ? 0 : parsed;
}

/** One rep's read marks. */
export class ChatReads {
    readonly storageKey: string;
    private readonly storage: Storage | null;
    private readonly channel: ReadsChannel | null;
    private readonly followers = new Set<() => void>();
    private marks: Record<string, ReadMark> = {};

    /** `channel`: to the rep's other tabs (default a `BroadcastChannel`; none where the browser has none). */
    constructor(
        personId: string,
        storage: Storage | null = browserStorage(),
        channel: ReadsChannel | null = browserChannel()
    ) {
        this.storageKey = `${KEY_PREFIX}${personId}`;
        this.storage = storage;
        this.channel = channel;
        if (channel) {
            channel.onmessage = (message: MessageEvent): void => {
                const announced: unknown = (message?.data as Record<string, unknown> | null)?.key;
                if (typeof announced === 'string' && this.reload(announced)) {
                    this.followers.forEach((follower) => follower());
                }
            };
        }
        this.reload();
    }

    /** Calls `follower` after another tab of the rep changed the marks (they are read again first); returns the stop. */
    follow(follower: () => void): () => void {
        this.followers.add(follower);
        return () => this.followers.delete(follower);
    }

    /** No more following (the page goes away). */
    close(): void {
        this.followers.clear();
        if (this.channel) {
            this.channel.onmessage = null;
            this.channel.close();
        }
    }

    /** Reads the marks again (another tab wrote them, or cleared the storage: `key` null); true when it was this rep's. */
    reload(key: string | null = this.storageKey): boolean {
        if (key !== null && !key.endsWith(this.storageKey)) return false;
        this.marks = {};
        try {
            const parsed: unknown = JSON.parse(this.storage?.getItem(this.storageKey) ?? '{}');
            if (typeof parsed !== 'object' || parsed === null) return true;
            for (const [spaceId, mark] of Object.entries(parsed)) if (isMark(mark)) this.marks[spaceId] = mark;
        } catch {
            // Unreadable marks are dropped: counting starts again from now.
        }
        return true;
    }

    /** A conversation shown for the first time starts counting from `at`. */
    seen(spaceId: string, at: string): void {
        if (this.marks[spaceId]) return;
        this.marks[spaceId] = { readAt: at, unread: [] };
        this.save();
    }

    /** When the rep last opened the conversation (or Chat first saw it), or null. */
    readAt(spaceId: string): string | null {
        return this.marks[spaceId]?.readAt ?? null;
    }

    /** The rep opened the conversation (or reads it as messages come): nothing in it is unread. */
    opened(spaceId: string, at: string): void {
        const mark = this.marks[spaceId];
        if (mark && mark.unread.length === 0 && time(mark.readAt) >= time(at)) return;
        this.marks[spaceId] = { readAt: at, unread: [] };
        this.save();
    }

    /** A message from someone else: counted once, if it came after the last open; true when the count changed. */
    count(spaceId: string, messageId: string, created: string): boolean {
        const mark = this.marks[spaceId];
        if (!mark || time(created) <= time(mark.readAt)) return false;
        if (mark.unread.includes(messageId) || mark.unread.length >= MAX_COUNTED) return false;
        this.marks[spaceId] = { ...mark, unread: [...mark.unread, messageId] };
        this.save();
        return true;
    }

    /** A counted message was deleted: it no longer counts. */
    uncount(spaceId: string, messageId: string): boolean {
        const mark = this.marks[spaceId];
        if (!mark?.unread.includes(messageId)) return false;
        this.marks[spaceId] = { ...mark, unread: mark.unread.filter((id) => id !== messageId) };
        this.save();
        return true;
    }

    unread(spaceId: string): number {
        return this.marks[spaceId]?.unread.length ?? 0;
    }

    /** The rep left the conversation (or it was deleted): its mark goes. */
    forget(spaceId: string): void {
        if (!this.marks[spaceId]) return;
        delete this.marks[spaceId];
        this.save();
    }

    private save(): void {
        const entries = Object.entries(this.marks);
        if (entries.length > MAX_CONVERSATIONS) {
            entries.sort(([, a], [, b]) => time(b.readAt) - time(a.readAt));
            this.marks = Object.fromEntries(entries.slice(0, MAX_CONVERSATIONS));
        }
        try {
            this.storage?.setItem(this.storageKey, JSON.stringify(this.marks));
        } catch {
            // Full or refused: the counts stay in memory for this page.
            return;
        }
        try {
            this.channel?.postMessage({ key: this.storageKey });
        } catch {
            // A closed channel: the other tabs catch up on their next load.
        }
    }
}
