/**
 * One Webex space, read and written in place (D.1–D.3), on a record ("Webex Spaces") and in Chat: messages newest at
 * the bottom with "Load earlier messages" going back, replies under their message, their files downloaded from
 * Webex, and "Open in Webex". What the rep writes — text, a reply, mentions, a file — is the composer's
 * (`c-webex-space-composer`): Reply on a thread tells it whom to answer, and the message it posts shows here.
 *
 * The rep's session (`c/webexMessagingSession`) brings new messages live, or every 10 s through Apex when live
 * updates are off (said above the messages).
 */
import { LightningElement, api } from 'lwc';
import {
    getMessagingSession,
    resetMessagingSession,
    toMessagingFailure,
    type MessageEvent,
    type MessagingMember,
    type MessagingPerson,
    type MessagingSession
} from 'c/webexMessagingSession';
import {
    AuthorNames,
    mergeMessages,
    oldestId,
    removeMessage,
    toThreads,
    type ShownMessage
} from 'c/webexSpaceMessages';
import { formatLabel } from 'c/webexLabelFormat';
import LIVE_OFF from '@salesforce/label/c.WebexSpaces_LiveOff';
import LOAD_EARLIER from '@salesforce/label/c.WebexSpaces_LoadEarlier';
import LOADING from '@salesforce/label/c.WebexSpaces_Loading';
import MESSAGES from '@salesforce/label/c.WebexSpaces_Messages';
import NO_MESSAGES from '@salesforce/label/c.WebexSpaces_NoMessages';
import OPEN_IN_WEBEX from '@salesforce/label/c.WebexSpaces_OpenInWebex';
import REPLIES from '@salesforce/label/c.WebexSpaces_Replies';
import REPLY from '@salesforce/label/c.WebexSpaces_Reply';
import RETRY from '@salesforce/label/c.WebexSpaces_Retry';

/** A file as the space shows it: its name (or "Attached file"), a link to download it from Webex. */
interface ViewFile {
    key: string;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
    url: string;
    /** The name it is saved under; empty when Webex did not name it (the browser picks one). */
    downloadName: string;
}

type ViewMessage = Omit<ShownMessage, 'files' | 'replies'> & { files: ViewFile[]; replies: ViewMessage[] };

/**
 * Lightning Web Security lets `URL.createObjectURL` take only some MIME types and scans a few (its
 * `distorted-url-create-object-url` rule, @locker/eslint-plugin-locker): a download is always handed over as bytes.
 */
const DOWNLOAD_TYPE = 'application/octet-stream';
/** How long a downloaded file's object URL lives: long enough for the browser to start saving it. */
const OBJECT_URL_LIFETIME_MS = 60_000;

/** The codes that call for the connection card rather than a message. */
const CONNECT_CODES = new Set(['NOT_CONNECTED', 'RECONNECT']);

/** The composer, as the view tells it whom the rep replies to. */
type Composer = Element & { replyTo(id: string, author: string): void };

export default class WebexSpaceView extends LightningElement {
    /** The space's title, its heading and accessible name. */
    @api title = '';
    /** The space in the Webex app ("Open in Webex"); none shown when null. */
    @api webexUrl: string | null = null;
    /** The record the space belongs to: its Salesforce Files can be attached. */
    @api recordId: string | null = null;

    readonly labels = {
        liveOff: LIVE_OFF,
        loadEarlier: LOAD_EARLIER,
        loading: LOADING,
        messages: MESSAGES,
        noMessages: NO_MESSAGES,
        openInWebex: OPEN_IN_WEBEX,
        replies: REPLIES,
        reply: REPLY,
        retry: RETRY
    };

    loading = true;
    loadError: string | null = null;
    /** False when trying again cannot help (the space is gone, or the rep is no longer in it). */
    loadRetryable = true;
    needsConnection = false;
    live = true;
    hasMore = false;
    loadingEarlier = false;
    earlierError: string | null = null;
    messages: WebexSpaceMessage[] = [];
    members: MessagingMember[] = [];
    fileError: string | null = null;

    private currentSpaceId: string | null = null;
    private session: MessagingSession | null = null;
    /** Authors' names for the page; names arriving later show by drawing the messages again. */
    private readonly authors = new AuthorNames(
        (emails) => this.lookUpPeople(emails),
        () => {
            this.messages = [...this.messages];
        }
    );
    private stops: Array<() => void> = [];
    private scrollToEnd = false;

    /** The Webex space shown (its id); another id opens that space. */
    @api
    get spaceId(): string | null {
        return this.currentSpaceId;
    }
    set spaceId(value: string | null) {
        if (value === this.currentSpaceId) return;
        this.currentSpaceId = value;
        if (this.isConnected) this.open();
    }

    connectedCallback(): void {
        this.open();
    }

    disconnectedCallback(): void {
        this.stopListening();
    }

    renderedCallback(): void {
        if (!this.scrollToEnd) return;
        const list = this.template?.querySelector<HTMLElement>('[data-messages]');
        if (list) {
            list.scrollTop = list.scrollHeight;
            this.scrollToEnd = false;
        }
    }

    get threads(): Array<ViewMessage & { repliesLabel: string }> {
        const meId = this.session?.me.personId ?? '';
        const byId = new Map(this.messages.map((message) => [message.id ?? '', message]));
        const withLinks = (shown: ShownMessage): ViewMessage => {
            const urls = byId.get(shown.id)?.files ?? [];
            const names = byId.get(shown.id)?.fileNames ?? [];
            return {
                ...shown,
                files: shown.files.map((file, index) => ({
                    ...file,
                    url: urls[index] ?? '',
                    downloadName: names[index] ?? ''
                })),
                replies: shown.replies.map(withLinks)
            };
        };
        return toThreads(this.messages, meId, (message) => this.nameOf(message)).map((thread) => ({
            ...withLinks(thread),
            repliesLabel: formatLabel(REPLIES, thread.author)
        }));
    }

    get isEmpty(): boolean {
        return !this.loading && !this.loadError && !this.needsConnection && this.messages.length === 0;
    }

    get showMessages(): boolean {
        return !this.loading && !this.loadError && !this.needsConnection;
    }

    get showLiveOff(): boolean {
        return this.showMessages && !this.live;
    }

    handleLoadEarlier(): void {
        this.loadEarlier();
    }

    /** Back from the connection card: a new session (with the new token) opens the space. */
    handleConnectionChange(event: CustomEvent<WebexUserConnection>): void {
        const connection = event.detail;
        if (connection?.connected && !connection.problem) {
            resetMessagingSession();
            this.open();
        }
    }

    /** "Open in Webex", except for a space that is gone (Webex would open nothing). */
    get showOpenInWebex(): boolean {
        return Boolean(this.webexUrl) && this.loadRetryable;
    }

    /** Retry's label on the load error: none where trying again cannot help (a deleted space). */
    get retryLoadLabel(): string | undefined {
        return this.loadRetryable ? this.labels.retry : undefined;
    }

    handleRetryLoad(): void {
        this.open();
    }

    handleReply(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        const thread = this.threads.find((item) => item.id === id);
        if (!thread) return;
        this.template?.querySelector<Composer>('c-webex-space-composer')?.replyTo(id, thread.author);
    }

    /** The composer posted a message: it shows at once, at the bottom (Webex's own event may follow; merged). */
    handlePosted(event: CustomEvent<WebexSpaceMessage>): void {
        this.messages = mergeMessages(this.messages, [event.detail]);
        this.scrollToEnd = true;
    }

    /** A file's name opens it: downloaded from Webex with the rep's token, then saved by the browser. */
    async handleOpenFile(event: Event): Promise<void> {
        event.preventDefault();
        const link = event.currentTarget as HTMLElement;
        const url = link.dataset.url ?? '';
        const session = this.session;
        if (!url || !session) return;
        this.fileError = null;
        try {
            const blob = await session.downloadFile(url);
            // application/octet-stream is one of the types LWS lets through unscanned (see DOWNLOAD_TYPE).
            // eslint-disable-next-line @locker/locker/distorted-url-create-object-url
            const href = URL.createObjectURL(new Blob([blob], { type: DOWNLOAD_TYPE }));
            const save = this.template?.querySelector<HTMLAnchorElement>('a[data-save]');
            if (!save) return;
            save.href = href;
            save.download = link.dataset.name ?? '';
            save.click();
            // The URL is let go once the browser had time to start saving: revoking it at once can cancel the save.
            // eslint-disable-next-line @lwc/lwc/no-async-operation
            setTimeout(() => URL.revokeObjectURL(href), OBJECT_URL_LIFETIME_MS);
        } catch (error) {
            this.fileError = toMessagingFailure(error).message;
        }
    }

    private async open(): Promise<void> {
        this.stopListening();
        const spaceId = this.currentSpaceId;
        if (!spaceId) return;
        this.loading = true;
        this.loadError = null;
        this.loadRetryable = true;
        this.needsConnection = false;
        this.messages = [];
        this.members = [];
        try {
            const session = await getMessagingSession(this);
            if (spaceId !== this.currentSpaceId) return;
            this.session = session;
            this.live = session.live;
            this.listen(session, spaceId);
            const page = await session.listMessages(spaceId);
            if (spaceId !== this.currentSpaceId) return;
            this.messages = mergeMessages([], page.messages);
            this.hasMore = page.hasMore;
            this.scrollToEnd = true;
            this.loadMembers(session, spaceId);
            this.nameFiles(session, spaceId);
        } catch (error) {
            if (spaceId !== this.currentSpaceId) return;
            const failure = toMessagingFailure(error);
            if (CONNECT_CODES.has(failure.code)) this.needsConnection = true;
            else {
                this.loadError = failure.message;
                this.loadRetryable = failure.code !== 'SPACE_NOT_FOUND';
                // The record's list offers nothing more for a space that is gone (no "Add people").
                if (!this.loadRetryable) this.dispatchEvent(new CustomEvent('spacegone'));
            }
        } finally {
            if (spaceId === this.currentSpaceId) this.loading = false;
        }
    }

    private listen(session: MessagingSession, spaceId: string): void {
        this.stops.push(
            session.onMessage((event) => this.receive(event, spaceId)),
            session.onLiveChange((live) => {
                this.live = live;
            }),
            session.watch(spaceId)
        );
    }

    private receive(event: MessageEvent, spaceId: string): void {
        if (event.spaceId !== spaceId || spaceId !== this.currentSpaceId) return;
        if (event.type === 'deleted') {
            this.messages = removeMessage(this.messages, event.message.id ?? '');
            return;
        }
        this.messages = mergeMessages(this.messages, [event.message]);
        this.scrollToEnd = true;
        if (this.session) this.nameFiles(this.session, spaceId);
    }

    /** Members name the authors and can be mentioned; without the SDK the space still reads (emails as authors). */
    private async loadMembers(session: MessagingSession, spaceId: string): Promise<void> {
        try {
            const members = await session.listMembers(spaceId);
            if (spaceId === this.currentSpaceId) this.members = members;
        } catch {
            this.members = [];
        }
    }

    private async loadEarlier(): Promise<void> {
        const session = this.session;
        const spaceId = this.currentSpaceId;
        if (!session || !spaceId || this.loadingEarlier) return;
        this.loadingEarlier = true;
        this.earlierError = null;
        try {
            const page = await session.listMessages(spaceId, oldestId(this.messages));
            if (spaceId !== this.currentSpaceId) return;
            this.messages = mergeMessages(this.messages, page.messages);
            this.hasMore = page.hasMore;
            this.nameFiles(session, spaceId);
        } catch (error) {
            this.earlierError = toMessagingFailure(error).message;
        } finally {
            this.loadingEarlier = false;
        }
    }

    /**
     * Names the files nobody named yet: Webex gives every member a message's files as content URLs, and their names
     * through `HEAD` (the session asks once per URL for the page). A file Webex does not name stays "Attached file".
     */
    private nameFiles(session: MessagingSession, spaceId: string): void {
        for (const message of this.messages) {
            const urls = message.files ?? [];
            if (!message.id || urls.length === 0 || urls.every((_, index) => message.fileNames?.[index])) continue;
            const id = message.id;
            Promise.all(urls.map((url) => session.fileInfo(url).catch(() => null))).then((infos) => {
                if (spaceId !== this.currentSpaceId || infos.every((info) => !info)) return;
                this.messages = this.messages.map((known) => {
                    if (known.id !== id) return known;
                    const names = urls.map((_, index) => known.fileNames?.[index] || infos[index]?.name || '');
                    return { ...known, fileNames: names };
                });
            });
        }
    }

    /** A former member is not among the members: the session's people search names them by email, once per page. */
    private nameOf(message: WebexSpaceMessage): string {
        return this.authors.nameOf(message, this.members);
    }

    private async lookUpPeople(emails: string[]): Promise<Array<{ email: string; displayName: string }>> {
        const session = this.session;
        if (!session) return [];
        const found = await Promise.all(
            emails.map((email) => session.searchPeople(email).catch(() => [] as MessagingPerson[]))
        );
        return emails.map((email, i) => ({
            email,
            displayName:
                found[i].find((person) => person.emails.some((e) => e.toLowerCase() === email))?.displayName ?? ''
        }));
    }

    private stopListening(): void {
        for (const stop of this.stops) stop();
        this.stops = [];
    }
}
