/**
 * The rep's Chat conversations (1:1 and group spaces), most recent activity first, with unread counts: the state the
 * Chat tab (c-webex-chat) shows and whose total the "Webex" utility item's tab label shows (c/webexChatAccess).
 * One list per page (`chatListFor`), as there is one messaging session per page (c/webexMessagingSession).
 *
 * - Loading lists the spaces once (`listSpaces`, sorted by last activity, as `GET /rooms?sortBy=lastactivity`).
 * - Live (the session's websocket is up): a message moves its conversation to the top; one from someone else counts
 *   as unread unless the conversation is open (c/webexChatReads says how counts are kept). A deleted message stops
 *   counting. A message in a conversation not in the list, and any space or membership change, lists again.
 * - Live off (the session falls back to Apex): the list is fetched every 10 s, paused while the page is hidden, and
 *   the conversations whose activity moved are caught up (their newest messages read to count those from others).
 *   The first load catches up the same way on conversations that moved since the rep last looked.
 */
import { toWebexError } from 'c/webexErrors';
import { ChatReads } from 'c/webexChatReads';

/** A space as the session lists it (Webex's room). */
export interface ChatSpace {
    id: string;
    title: string;
    type: 'direct' | 'group';
    lastActivity: string | null;
    created?: string | null;
}

/** What the list needs of a message (the Apex fallback's DTO allows nulls). */
export interface ChatMessage {
    id: string | null;
    personId: string | null;
    created: string | null;
}

/** A message created in (or deleted from) one of the rep's spaces. */
export interface ChatMessageEvent {
    type: 'created' | 'deleted';
    spaceId: string;
    message: ChatMessage;
}

/** The part of the messaging session (c/webexMessagingSession) the list uses. */
export interface ChatSession {
    live: boolean;
    me: { personId: string; displayName: string };
    listSpaces(options: { max: number; sortBy: 'lastactivity' }): Promise<ChatSpace[]>;
    listMessages(spaceId: string, beforeMessageId?: string | null, max?: number): Promise<{ messages: ChatMessage[] }>;
    onMessage(listener: (event: ChatMessageEvent) => void): () => void;
    onRoom(listener: (event: unknown) => void): () => void;
    onMembership(listener: (event: unknown) => void): () => void;
    onLiveChange(listener: (live: boolean) => void): () => void;
}

/** One conversation of the list. */
export interface ChatConversation {
    id: string;
    title: string;
    direct: boolean;
    lastActivity: string;
    unread: number;
}

export interface ChatListState {
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    status: 'loading' | 'ready' | 'failed';
    conversations: ChatConversation[];
    /** Why the list could not be loaded (a sentence for the rep), when `failed`. */
    error: string | null;
    live: boolean;
    unreadTotal: number;
}

export interface ChatListOptions {
    /** The rep's read marks (tests pass their own). */
    reads?: ChatReads;
    now?: () => Date;
    /** Fallback refresh period in ms: 10 s as the open space's (contract "Browser"). */
    pollMs?: number;
    /** Space and membership changes come in bursts: one listing after them. */
    relistMs?: number;
}

/** Webex returns at most this many rooms per page; a rep's Chat shows the most recent ones. */
export const MAX_SPACES = 100;
/** Conversations caught up at most per load or refresh (one Webex request each). */
export const MAX_CATCH_UP = 10;
/** Messages read per caught-up conversation: beyond them, the count is at least this. */
const CATCH_UP_MESSAGES = 50;

function time(iso: string | null | undefined): number {
    if (!iso) return 0;
    const parsed = Date.parse(iso);
    return Number.isNaN(parsed) ? 0 : parsed;
}

function byActivity(a: ChatConversation, b: ChatConversation): number {
    return time(b.lastActivity) - time(a.lastActivity);
}

/** The rep's conversations and their unread counts. */
export class ChatList {
    private readonly session: ChatSession;
    private readonly reads: ChatReads;
    /** The list made its marks (their channel to the other tabs is closed with it). */
    private readonly ownReads: boolean;
    private readonly now: () => Date;
    private readonly pollMs: number;
    private readonly relistMs: number;
    private readonly listeners = new Set<(state: ChatListState) => void>();
    private readonly stops: Array<() => void> = [];
    private current: ChatListState;
    private openId: string | null = null;
    private loading: Promise<void> | null = null;
    private pollTimer: ReturnType<typeof setInterval> | null = null;
    private relistTimer: ReturnType<typeof setTimeout> | null = null;
    /** When the last listing was asked for: a conversation new since then counts what came after it. */
    private listedAt: string | null = null;

    constructor(session: ChatSession, options: ChatListOptions = {}) {
        this.session = session;
        this.ownReads = !options.reads;
        this.reads = options.reads ?? new ChatReads(session.me.personId);
        this.now = options.now ?? (() => new Date());
        this.pollMs = options.pollMs ?? 10_000;
        this.relistMs = options.relistMs ?? 500;
        this.current = { status: 'loading', conversations: [], error: null, live: session.live, unreadTotal: 0 };
        this.stops.push(
            session.onMessage((event) => this.messageEvent(event)),
            session.onRoom(() => this.relistSoon()),
            session.onMembership(() => this.relistSoon()),
            session.onLiveChange((live) => this.liveChanged(live))
        );
        // Another tab of the rep opened a conversation: its count goes here too.
        this.stops.push(this.reads.follow(() => this.recount()));
        this.liveChanged(session.live);
    }

    get state(): ChatListState {
        return this.current;
    }

    /** Calls `listener` with the state now and at each change; returns the unsubscribe. */
    subscribe(listener: (state: ChatListState) => void): () => void {
        this.listeners.add(listener);
        listener(this.current);
        return () => this.listeners.delete(listener);
    }

    /** Lists the conversations (once; `again` for Try again or a refresh). */
    load(again = false): Promise<void> {
        if (this.loading && !again) return this.loading;
        if (again && this.current.status === 'failed') this.update({ status: 'loading', error: null });
        this.loading = this.fetch();
        return this.loading;
    }

    /** The rep opened a conversation: it is read, and stays read while open. */
    open(spaceId: string): void {
        this.openId = spaceId;
        this.reads.opened(spaceId, this.now().toISOString());
        this.recount();
    }

    /** Back to the list. */
    close(): void {
        if (this.openId) this.reads.opened(this.openId, this.now().toISOString());
        this.openId = null;
        this.recount();
    }

    /** A conversation started here (a new 1:1): it shows at the top until the next listing has it. */
    add(space: ChatSpace): void {
        this.reads.seen(space.id, space.lastActivity ?? this.now().toISOString());
        const others = this.current.conversations.filter((conversation) => conversation.id !== space.id);
        this.publish([this.toConversation(space), ...others]);
    }

    /** Stops listening and refreshing (the page goes away). */
    dispose(): void {
        this.stops.splice(0).forEach((stop) => stop());
        if (this.ownReads) this.reads.close();
        this.stopPolling();
        if (this.relistTimer) clearTimeout(this.relistTimer);
        this.listeners.clear();
    }

    private async fetch(): Promise<void> {
        try {
            const asked = this.now().toISOString();
            const previous = this.listedAt;
            const before = new Map(this.current.conversations.map((c) => [c.id, c.lastActivity]));
            const spaces = await this.session.listSpaces({ max: MAX_SPACES, sortBy: 'lastactivity' });
            this.listedAt = asked;
            // First listing of the page: unseen conversations start counting now. Later ones: from the previous
            // listing, so a conversation someone started meanwhile counts its messages.
            const moved = spaces.filter((space) => {
                if (space.id === this.openId) return false;
                const readAt = this.reads.readAt(space.id);
                if (readAt === null) {
                    this.reads.seen(space.id, previous ?? asked);
                    return previous !== null;
                }
                const changed =
                    previous === null || before.get(space.id) !== (space.lastActivity ?? space.created ?? '');
                return changed && time(space.lastActivity) > time(readAt);
            });
            this.publish(
                spaces.map((space) => this.toConversation(space)),
                { status: 'ready', error: null }
            );
            await this.catchUp(moved.slice(0, MAX_CATCH_UP));
        } catch (error) {
            if (this.current.status !== 'ready')
                this.update({ status: 'failed', error: toWebexError(error).message, conversations: [] });
        } finally {
            this.loading = null;
        }
    }

    /** Reads the newest messages of conversations that moved while nothing listened, and counts them. */
    private async catchUp(spaces: ChatSpace[]): Promise<void> {
        const found = await Promise.all(
            spaces.map((space) =>
                this.session
                    .listMessages(space.id, undefined, CATCH_UP_MESSAGES)
                    .then((page) => ({ space, messages: page.messages }))
                    .catch(() => ({ space, messages: [] as ChatMessage[] }))
            )
        );
        let changed = false;
        for (const { space, messages } of found) {
            for (const { id, personId, created } of messages) {
                if (id && created && personId !== this.session.me.personId && space.id !== this.openId)
                    changed = this.reads.count(space.id, id, created) || changed;
            }
        }
        if (changed) this.recount();
    }

    private messageEvent({ type, spaceId, message }: ChatMessageEvent): void {
        const id = message.id;
        if (!spaceId || !id) return;
        if (type === 'deleted') {
            if (this.reads.uncount(spaceId, id)) this.recount();
            return;
        }
        const created = message.created ?? this.now().toISOString();
        const conversation = this.current.conversations.find((c) => c.id === spaceId);
        if (!conversation) {
            // A conversation someone just started with the rep: the listing brings it (and this message counts).
            this.reads.seen(spaceId, new Date(time(created) - 1).toISOString());
            this.countMessage(spaceId, id, message.personId, created);
            this.relistSoon();
            return;
        }
        this.countMessage(spaceId, id, message.personId, created);
        const moved = { ...conversation, lastActivity: created };
        const others = this.current.conversations.filter((c) => c.id !== spaceId);
        this.publish([moved, ...others].sort(byActivity));
    }

    private countMessage(spaceId: string, id: string, personId: string | null, created: string): void {
        if (spaceId === this.openId) this.reads.opened(spaceId, created);
        else if (personId !== this.session.me.personId) this.reads.count(spaceId, id, created);
    }

    private relistSoon(): void {
        if (this.relistTimer) clearTimeout(this.relistTimer);
        // Waits for the burst of changes to end (one listing after them).
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.relistTimer = setTimeout(() => {
            this.relistTimer = null;
            this.load(true);
        }, this.relistMs);
    }

    private liveChanged(live: boolean): void {
        this.update({ live });
        if (live) this.stopPolling();
        else if (!this.pollTimer) {
            // The list has no websocket to follow: it refreshes, but not for a hidden page.
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- the 10 s refresh while live updates are off
            this.pollTimer = setInterval(() => {
                if (typeof document !== 'undefined' && document.hidden) return;
                if (this.current.status === 'ready') this.load(true);
            }, this.pollMs);
        }
    }

    private stopPolling(): void {
        if (this.pollTimer) clearInterval(this.pollTimer);
        this.pollTimer = null;
    }

    private toConversation(space: ChatSpace): ChatConversation {
        return {
            id: space.id,
            title: space.title,
            direct: space.type === 'direct',
            lastActivity: space.lastActivity ?? space.created ?? '',
            unread: this.reads.unread(space.id)
        };
    }

    private recount(): void {
        this.publish(this.current.conversations.map((c) => ({ ...c, unread: this.reads.unread(c.id) })));
    }

    private publish(conversations: ChatConversation[], change: Partial<ChatListState> = {}): void {
        const counted = conversations.map((c) => ({ ...c, unread: this.reads.unread(c.id) }));
        const unreadTotal = counted.reduce((sum, c) => sum + c.unread, 0);
        this.update({ ...change, conversations: counted, unreadTotal });
    }

    private update(change: Partial<ChatListState>): void {
        this.current = { ...this.current, ...change };
        this.listeners.forEach((listener) => listener(this.current));
    }
}

/**
 * The Webex app's link to a space, as "Webex Spaces" gives it (`webexteams://im?space=<uuid>`): the uuid is the last
 * part of the decoded REST id (`ciscospark://us/ROOM/<uuid>`, base64url). Null for an id that is not one.
 */
export function webexAppUrl(spaceId: string): string | null {
    try {
        const decoded = atob(spaceId.replace(/-/g, '+').replace(/_/g, '/'));
        const match = /^ciscospark:\/\/[^/]+\/ROOM\/([0-9a-f-]{36})$/i.exec(decoded);
        return match ? `webexteams://im?space=${match[1]}` : null;
    } catch {
        return null;
    }
}

const lists = new WeakMap<ChatSession, ChatList>();

/** The page's one list for the session (the utility item's badge and the Chat tab share it). */
export function chatListFor(session: ChatSession): ChatList {
    let list = lists.get(session);
    if (!list) {
        list = new ChatList(session);
        lists.set(session, list);
    }
    return list;
}
