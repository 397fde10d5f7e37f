/**
 * The Chat tab of the "Webex" utility item (issue 14 item 2, D.6): the rep's conversations (1:1 and group spaces),
 * most recent activity first with their unread counts (c/webexChatList, c/webexChatReads), a search for a person or a
 * space (c/webexChatSearch), one conversation opened in place (c-webex-space-view, the same view "Webex Spaces" shows)
 * with Back, and a new 1:1 started with a person found. The messaging session is the page's one
 * (c/webexMessagingSession); its failures are said as c/webexErrors words them, with Try again.
 */
import { LightningElement } from 'lwc';
import { toWebexError } from 'c/webexErrors';
import { chatListFor, webexAppUrl, type ChatConversation, type ChatList, type ChatListState } from 'c/webexChatList';
import { ChatSearch, IDLE_SEARCH, type ChatPerson, type ChatSearchState } from 'c/webexChatSearch';
import { formatLabel } from 'c/webexLabelFormat';
import { readDraft, saveDraft } from 'c/webexSpaceMessages';
import { getMessagingSession, type MessagingSession } from 'c/webexMessagingSession';
import BACK from '@salesforce/label/c.WebexChat_Back';
import CONVERSATIONS from '@salesforce/label/c.WebexChat_Conversations';
import DIRECT from '@salesforce/label/c.WebexChat_Direct';
import EMPTY from '@salesforce/label/c.WebexChat_Empty';
import GROUP from '@salesforce/label/c.WebexChat_Group';
import LIVE_OFF from '@salesforce/label/c.WebexChat_LiveOff';
import LOAD_FAILED from '@salesforce/label/c.WebexChat_LoadFailed';
import LOADING from '@salesforce/label/c.WebexChat_Loading';
import MESSAGE from '@salesforce/label/c.WebexChat_Message';
import NEW_WITH from '@salesforce/label/c.WebexChat_NewWith';
import NO_MATCH from '@salesforce/label/c.WebexChat_NoMatch';
import PEOPLE from '@salesforce/label/c.WebexChat_People';
import RETRY from '@salesforce/label/c.WebexChat_Retry';
import SEARCH from '@salesforce/label/c.WebexChat_Search';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.WebexChat_SearchPlaceholder';
import SEARCHING from '@salesforce/label/c.WebexChat_Searching';
import SEND from '@salesforce/label/c.WebexChat_Send';
import SENDING from '@salesforce/label/c.WebexChat_Sending';
import SPACES from '@salesforce/label/c.WebexChat_Spaces';
import UNREAD from '@salesforce/label/c.WebexChat_Unread';

/**
 * A first message's draft is kept as the space view keeps its drafts (c/webexSpaceMessages,
 * `webexDraft:<personId>:<key>`), under `direct:<email>` until the conversation exists, so a reload of the panel loses
 * nothing.
 */
const draftKey = (email: string): string => `direct:${email.toLowerCase()}`;

/** Webex's answer to a first message names its space (`roomId`); the session may pass it as `spaceId`. */
interface DirectAnswer {
    spaceId?: string;
    roomId?: string;
}

/** Counts beyond this read "99+" (c/webexChatReads counts no further). */
const MAX_SHOWN = 99;

/** A conversation as a row of the list. */
interface ConversationRow extends ChatConversation {
    iconName: string;
    kindText: string;
    unreadText: string | null;
    rowClass: string;
}

export default class WebexChat extends LightningElement {
    readonly labels = {
        back: BACK,
        conversations: CONVERSATIONS,
        empty: EMPTY,
        liveOff: LIVE_OFF,
        loadFailed: LOAD_FAILED,
        loading: LOADING,
        message: MESSAGE,
        noMatch: NO_MATCH,
        people: PEOPLE,
        retry: RETRY,
        search: SEARCH,
        searchPlaceholder: SEARCH_PLACEHOLDER,
        searching: SEARCHING,
        send: SEND,
        spaces: SPACES
    };

    sessionLoading = true;
    sessionError: string | null = null;
    list: ChatListState | null = null;
    search: ChatSearchState = IDLE_SEARCH;
    searchText = '';
    /** The conversation open in place, or null for the list. */
    openSpace: { id: string; title: string; webexUrl: string | null } | null = null;
    /** A person to start a 1:1 with: the first message is written here. */
    newChat: ChatPerson | null = null;
    draft = '';
    sending = false;
    sendError: string | null = null;

    private session: MessagingSession | null = null;
    private chatList: ChatList | null = null;
    private searcher: ChatSearch | null = null;
    private stopList: (() => void) | null = null;

    connectedCallback(): void {
        this.start();
    }

    disconnectedCallback(): void {
        this.stopList?.();
        this.stopList = null;
        this.searcher?.close();
        if (this.openSpace) this.chatList?.close();
    }

    /** Opens the page's session (or learns why not) and shows its list. */
    private async start(): Promise<void> {
        this.sessionLoading = true;
        this.sessionError = null;
        try {
            const session = await getMessagingSession(this);
            this.session = session;
            this.chatList = chatListFor(session);
            this.stopList?.();
            this.stopList = this.chatList.subscribe((state) => {
                this.list = state;
            });
            this.searcher ??= new ChatSearch({
                searchPeople: (text) => session.searchPeople(text),
                conversations: () => this.list?.conversations ?? [],
                myPersonId: session.me.personId,
                onChange: (state) => {
                    this.search = state;
                }
            });
            this.sessionLoading = false;
            await this.chatList.load();
        } catch (error) {
            this.sessionLoading = false;
            this.sessionError = toWebexError(error).message;
        }
    }

    get loading(): boolean {
        return this.sessionLoading || this.list?.status === 'loading';
    }

    get errorMessage(): string | null {
        return this.sessionError ?? (this.list?.status === 'failed' ? this.list.error : null);
    }

    /** The loading line or the load error (c-webex-load-state) stands in for the list. */
    get showLoadState(): boolean {
        return this.loading || Boolean(this.errorMessage);
    }

    get liveOff(): boolean {
        return this.list?.live === false;
    }

    get searching(): boolean {
        return this.search.status !== 'idle';
    }

    get searchBusy(): boolean {
        return this.search.status === 'searching';
    }

    get rows(): ConversationRow[] {
        return (this.list?.conversations ?? []).map((conversation) => this.toRow(conversation));
    }

    get spaceRows(): ConversationRow[] {
        return this.search.spaces.map((conversation) => this.toRow(conversation));
    }

    get personRows(): Array<ChatPerson & { key: string; detail: string | null }> {
        return this.search.people.map((person) => ({
            ...person,
            key: person.id ?? person.email,
            detail: person.name === person.email ? null : person.email
        }));
    }

    get hasRows(): boolean {
        return this.rows.length > 0;
    }

    get noMatch(): boolean {
        return this.search.status === 'done' && !this.search.spaces.length && !this.search.people.length;
    }

    get hasSpaceResults(): boolean {
        return this.search.spaces.length > 0;
    }

    get hasPeopleResults(): boolean {
        return this.search.people.length > 0;
    }

    get newChatTitle(): string {
        return formatLabel(NEW_WITH, this.newChat?.name ?? '');
    }

    get sendLabel(): string {
        return this.sending ? SENDING : SEND;
    }

    get sendDisabled(): boolean {
        return this.sending || !this.draft.trim();
    }

    private toRow(conversation: ChatConversation): ConversationRow {
        const count = conversation.unread;
        const shown = count >= MAX_SHOWN ? `${MAX_SHOWN}+` : String(count);
        return {
            ...conversation,
            iconName: conversation.direct ? 'utility:user' : 'utility:groups',
            kindText: conversation.direct ? DIRECT : GROUP,
            unreadText: count ? formatLabel(UNREAD, shown) : null,
            rowClass: `row slds-grid slds-grid_vertical-align-center${count ? ' unread' : ''}`
        };
    }

    handleRetry(): void {
        if (this.sessionError || !this.chatList) this.start();
        else this.chatList.load(true);
    }

    handleSearch(event: CustomEvent<{ value: string }>): void {
        this.searchText = event.detail.value ?? '';
        this.searcher?.type(this.searchText);
    }

    handleOpen(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id as string;
        const conversation = [...(this.list?.conversations ?? []), ...this.search.spaces].find((c) => c.id === id);
        if (conversation) this.openConversation(conversation.id, conversation.title);
    }

    /** A person found: their 1:1 if the list has it, else a first message to write. */
    handlePerson(event: Event): void {
        const key = (event.currentTarget as HTMLElement).dataset.key;
        const person = this.search.people.find((p) => (p.id ?? p.email) === key);
        if (!person) return;
        const existing = this.directWith(person);
        if (existing) {
            this.openConversation(existing.id, existing.title);
            return;
        }
        this.newChat = person;
        this.draft = readDraft(this.session?.me.personId ?? '', draftKey(person.email));
        this.sendError = null;
        this.clearSearch();
    }

    handleBack(): void {
        if (this.openSpace) this.chatList?.close();
        this.openSpace = null;
        this.newChat = null;
        this.sendError = null;
    }

    handleDraft(event: CustomEvent<{ value: string }>): void {
        this.draft = event.detail.value ?? '';
        if (this.newChat) saveDraft(this.session?.me.personId ?? '', draftKey(this.newChat.email), this.draft);
    }

    /** Enter sends, Shift+Enter is a new line (as in the space view). */
    handleDraftKey(event: KeyboardEvent): void {
        if (event.key !== 'Enter' || event.shiftKey) return;
        event.preventDefault();
        this.handleSend();
    }

    /** The first message of a 1:1: Webex creates the conversation (or posts into the existing one). */
    async handleSend(): Promise<void> {
        const person = this.newChat;
        const session = this.session;
        if (!person || !session || this.sendDisabled) return;
        this.sending = true;
        this.sendError = null;
        try {
            const message = await session.openDirect(person.email, this.draft.trim());
            saveDraft(session.me.personId, draftKey(person.email), '');
            this.draft = '';
            const answer = message as WebexSpaceMessage & DirectAnswer;
            const spaceId = answer.spaceId ?? answer.roomId;
            if (spaceId)
                this.chatList?.add({
                    id: spaceId,
                    title: person.name,
                    type: 'direct',
                    lastActivity: message.created ?? null
                });
            else await this.chatList?.load(true);
            const conversation = spaceId ? { id: spaceId, title: person.name } : this.directWith(person);
            this.newChat = null;
            if (conversation) this.openConversation(conversation.id, conversation.title);
        } catch (error) {
            // The typed text stays, with the reason; Send tries again.
            this.sendError = toWebexError(error).message;
        } finally {
            this.sending = false;
        }
    }

    /** The rep's 1:1 with `person` in the list: Webex names a direct space after the other person. */
    private directWith(person: ChatPerson): ChatConversation | undefined {
        const name = person.name.toLocaleLowerCase();
        return this.list?.conversations.find(
            (c) =>
                c.direct &&
                (c.title.toLocaleLowerCase() === name || c.title.toLocaleLowerCase() === person.email.toLowerCase())
        );
    }

    private openConversation(id: string, title: string): void {
        this.newChat = null;
        this.openSpace = { id, title, webexUrl: webexAppUrl(id) };
        this.chatList?.open(id);
        this.clearSearch();
    }

    private clearSearch(): void {
        this.searchText = '';
        this.searcher?.clear();
    }
}
