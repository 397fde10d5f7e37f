/**
 * Whether the "Webex" utility item shows its Chat tab, and the unread count on it (issue 14, D.6, D.11).
 *
 * - Apex's token hand-off (`WebexSpacesController.getMessagingSession`) says whether instant chat is enabled for the
 *   rep (Feature Access "InstantChat"). Not enabled: no Chat tab, and no SDK loaded for it.
 * - Enabled: the tab shows at once; the page's messaging session (c/webexMessagingSession, which loads the SDK) and its
 *   conversation list (c/webexChatList) start, so the count follows new messages while the Chat tab is not open.
 * - Not connected, a connection without the messaging scopes (RECONNECT), or Salesforce out of reach: nothing tells
 *   whether chat is enabled, so no tab. The Calling tab's connect card says what to do; when the rep comes back to the
 *   page (the connect flow runs in Webex's window) the check runs again.
 */
import type { ChatList, ChatSession } from 'c/webexChatList';

export interface ChatAccessState {
    /** The Chat tab shows. */
    chatEnabled: boolean;
    /** Messages from others not read yet, over all conversations. */
    chatUnread: number;
}

export interface ChatAccessOptions {
    /** Apex's hand-off: only `chatEnabled` is read here. */
    check: () => Promise<{ chatEnabled: boolean }>;
    /** The page's messaging session. */
    openSession: () => Promise<ChatSession>;
    /** The page's list for a session. */
    listFor: (session: ChatSession) => ChatList;
    onChange: (state: ChatAccessState) => void;
}

export const NO_CHAT: ChatAccessState = Object.freeze({ chatEnabled: false, chatUnread: 0 });

/** The Chat tab's presence and count for one utility item. */
export class ChatAccess {
    private readonly options: ChatAccessOptions;
    private state: ChatAccessState = NO_CHAT;
    private stopList: (() => void) | null = null;
    private closed = false;
    private checking: Promise<void> | null = null;
    private readonly onReturn = (): void => {
        if (typeof document !== 'undefined' && document.hidden) return;
        this.start();
    };

    constructor(options: ChatAccessOptions) {
        this.options = options;
    }

    /** Asks whether chat is enabled (again, after a failure); starts the list when it is. */
    start(): Promise<void> {
        if (this.closed || this.state.chatEnabled) return Promise.resolve();
        this.checking ??= this.check().finally(() => {
            this.checking = null;
        });
        return this.checking;
    }

    /** The utility item goes away. */
    close(): void {
        this.closed = true;
        this.stopList?.();
        this.stopList = null;
        this.watchReturn(false);
    }

    private async check(): Promise<void> {
        let enabled: boolean;
        try {
            enabled = (await this.options.check()).chatEnabled === true;
        } catch {
            // Not connected, reconnect needed, or no answer: asked again when the rep comes back.
            this.watchReturn(true);
            return;
        }
        this.watchReturn(false);
        if (!enabled || this.closed) return;
        this.update({ chatEnabled: true });
        try {
            const session = await this.options.openSession();
            if (this.closed) return;
            const list = this.options.listFor(session);
            this.stopList = list.subscribe((listState) => this.update({ chatUnread: listState.unreadTotal }));
            await list.load();
        } catch {
            // The Chat tab shows why (it opens the same session and says the error).
        }
    }

    private watchReturn(on: boolean): void {
        if (typeof window === 'undefined') return;
        window.removeEventListener('focus', this.onReturn);
        document.removeEventListener('visibilitychange', this.onReturn);
        if (!on || this.closed) return;
        window.addEventListener('focus', this.onReturn);
        document.addEventListener('visibilitychange', this.onReturn);
    }

    private update(change: Partial<ChatAccessState>): void {
        this.state = { ...this.state, ...change };
        this.options.onChange(this.state);
    }
}
