/**
 * One Webex space, read and written in place (D.1–D.3), on a record ("Webex Spaces") and in Chat: messages newest at
 * the bottom with "Load earlier messages" going back, replies under their message, mentions of members, a composer
 * (Enter sends, Shift+Enter adds a line) that attaches one file per message — a Salesforce File of the record or an
 * upload, up to Webex's 100 MB — and "Open in Webex".
 *
 * The rep's session (`c/webexMessagingSession`) brings new messages live, or every 10 s through Apex when live
 * updates are off (said above the messages). What the rep types is kept in the browser until sent
 * (`c/webexSpaceMessages`), and a post that fails keeps it, with the reason and Retry.
 */
import { LightningElement, api } from 'lwc';
import getRecordFiles from '@salesforce/apex/WebexSpacesController.getRecordFiles';
import {
    getMessagingSession,
    resetMessagingSession,
    toMessagingFailure,
    MAX_FILE_BYTES,
    MessagingFailure,
    type MessageEvent,
    type MessagingMember,
    type MessagingPerson,
    type MessagingSession
} from 'c/webexMessagingSession';
import {
    AuthorNames,
    clearDraft,
    fileSizeText,
    mentionMarkdown,
    mergeMessages,
    oldestId,
    readDraft,
    removeMessage,
    saveDraft,
    toThreads,
    type ShownMessage
} from 'c/webexSpaceMessages';
import { formatLabel } from 'c/webexLabelFormat';
import ATTACH_RECORD_FILE from '@salesforce/label/c.WebexSpaces_AttachRecordFile';
import ATTACHMENT from '@salesforce/label/c.WebexSpaces_Attachment';
import CANCEL_REPLY from '@salesforce/label/c.WebexSpaces_CancelReply';
import COMPOSER_HINT from '@salesforce/label/c.WebexSpaces_ComposerHint';
import FILE_LIMIT from '@salesforce/label/c.WebexSpaces_FileLimit';
import LIVE_OFF from '@salesforce/label/c.WebexSpaces_LiveOff';
import LOAD_EARLIER from '@salesforce/label/c.WebexSpaces_LoadEarlier';
import LOADING from '@salesforce/label/c.WebexSpaces_Loading';
import MENTION from '@salesforce/label/c.WebexSpaces_Mention';
import MESSAGE from '@salesforce/label/c.WebexSpaces_Message';
import MESSAGES from '@salesforce/label/c.WebexSpaces_Messages';
import NO_MESSAGES from '@salesforce/label/c.WebexSpaces_NoMessages';
import NO_RECORD_FILES from '@salesforce/label/c.WebexSpaces_NoRecordFiles';
import OPEN_IN_WEBEX from '@salesforce/label/c.WebexSpaces_OpenInWebex';
import REMOVE_ATTACHMENT from '@salesforce/label/c.WebexSpaces_RemoveAttachment';
import REPLIES from '@salesforce/label/c.WebexSpaces_Replies';
import REPLY from '@salesforce/label/c.WebexSpaces_Reply';
import REPLYING_TO from '@salesforce/label/c.WebexSpaces_ReplyingTo';
import RETRY from '@salesforce/label/c.WebexSpaces_Retry';
import SEND from '@salesforce/label/c.WebexSpaces_Send';
import SENDING from '@salesforce/label/c.WebexSpaces_Sending';
import UPLOAD from '@salesforce/label/c.WebexSpaces_Upload';

/** The file a message will carry: an upload, or a Salesforce File fetched when sent. */
interface Attachment {
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
    size: number;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    file: (Blob & { name: string }) | null;
    contentVersionId: string | null;
}

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

/** Where the browser downloads a version of a Salesforce File (the org's own file servlet). */
const FILE_DOWNLOAD_PATH = '/sfc/servlet.shepherd/version/download/';

/** The codes that call for the connection card rather than a message. */
const CONNECT_CODES = new Set(['NOT_CONNECTED', 'RECONNECT']);

export default class WebexSpaceView extends LightningElement {
    @api title = '';
    @api webexUrl: string | null = null;
    /** The record the space belongs to: its Salesforce Files can be attached. */
    @api recordId: string | null = null;

    readonly labels = {
        attachRecordFile: ATTACH_RECORD_FILE,
        attachment: ATTACHMENT,
        cancelReply: CANCEL_REPLY,
        composerHint: COMPOSER_HINT,
        fileLimit: FILE_LIMIT,
        liveOff: LIVE_OFF,
        loadEarlier: LOAD_EARLIER,
        loading: LOADING,
        mention: MENTION,
        message: MESSAGE,
        messages: MESSAGES,
        noMessages: NO_MESSAGES,
        noRecordFiles: NO_RECORD_FILES,
        openInWebex: OPEN_IN_WEBEX,
        removeAttachment: REMOVE_ATTACHMENT,
        replies: REPLIES,
        reply: REPLY,
        retry: RETRY,
        send: SEND,
        upload: UPLOAD
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
    text = '';
    replyTo: { id: string; author: string } | null = null;
    attachment: Attachment | null = null;
    attachError: string | null = null;
    recordFiles: WebexRecordFile[] | null = null;
    showRecordFiles = false;
    sending = false;
    sendError: string | null = null;
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
        // The composer is written to from code (a draft brought back, a mention, a message sent): a textarea's text
        // is its `value` property, which the template does not bind.
        const area = this.template?.querySelector<HTMLTextAreaElement>('textarea');
        if (area && area.value !== this.text) area.value = this.text;
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

    get hasMembers(): boolean {
        return this.members.some((member) => member.personEmail && member.personId !== this.session?.me.personId);
    }

    get mentionOptions(): Array<{ value: string; label: string }> {
        return this.members
            .filter((member) => member.personEmail && member.personId !== this.session?.me.personId)
            .map((member) => ({ value: member.personEmail, label: member.personDisplayName }));
    }

    get replyingTo(): string {
        return this.replyTo ? formatLabel(REPLYING_TO, this.replyTo.author) : '';
    }

    get sendLabel(): string {
        return this.sending ? SENDING : SEND;
    }

    get sendDisabled(): boolean {
        return this.sending || (!this.text.trim() && !this.attachment);
    }

    get attachmentLabel(): string {
        const attachment = this.attachment;
        return attachment ? formatLabel(ATTACHMENT, attachment.name, fileSizeText(attachment.size)) : '';
    }

    get canAttachRecordFile(): boolean {
        return Boolean(this.recordId);
    }

    get recordFileOptions(): Array<{ id: string; label: string }> {
        return (this.recordFiles ?? [])
            .filter((file) => file.contentVersionId)
            .map((file) => ({
                id: file.contentVersionId ?? '',
                label: formatLabel(ATTACHMENT, fileName(file), fileSizeText(file.size ?? 0))
            }));
    }

    get hasNoRecordFiles(): boolean {
        return Boolean(this.recordFiles) && this.recordFiles?.length === 0;
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

    /** Retry's label on the load error: none where trying again cannot help (a deleted space). */
    get retryLoadLabel(): string | undefined {
        return this.loadRetryable ? this.labels.retry : undefined;
    }

    handleRetryLoad(): void {
        this.open();
    }

    handleInput(event: Event): void {
        this.text = (event.target as HTMLTextAreaElement).value;
        if (this.currentSpaceId) saveDraft(this.session?.me.personId ?? '', this.currentSpaceId, this.text);
    }

    /** Enter sends; Shift+Enter is a new line (and so is Enter while an input method composes). */
    handleKeyDown(event: KeyboardEvent): void {
        if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
        event.preventDefault();
        this.send();
    }

    handleSend(): void {
        this.send();
    }

    handleRetrySend(): void {
        this.send();
    }

    handleReply(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id ?? '';
        const thread = this.threads.find((item) => item.id === id);
        if (!thread) return;
        this.replyTo = { id, author: thread.author };
        this.focusComposer();
    }

    handleCancelReply(): void {
        this.replyTo = null;
        this.focusComposer();
    }

    handleMention(event: CustomEvent<{ value: string }>): void {
        const email = event.detail.value;
        const member = this.members.find((item) => item.personEmail === email);
        if (!member) return;
        const mention = mentionMarkdown(member.personEmail, member.personDisplayName);
        this.text = this.text && !/\s$/.test(this.text) ? `${this.text} ${mention} ` : `${this.text}${mention} `;
        if (this.currentSpaceId) saveDraft(this.session?.me.personId ?? '', this.currentSpaceId, this.text);
        this.focusComposer();
    }

    handleFileChosen(event: Event): void {
        const input = event.target as HTMLInputElement;
        const file = input.files?.[0];
        input.value = '';
        if (!file) return;
        this.setAttachment({ name: file.name, size: file.size, file, contentVersionId: null });
    }

    async handleShowRecordFiles(): Promise<void> {
        this.showRecordFiles = !this.showRecordFiles;
        if (!this.showRecordFiles || this.recordFiles || !this.recordId) return;
        try {
            this.recordFiles = await getRecordFiles({ recordId: this.recordId });
        } catch (error) {
            this.attachError = toMessagingFailure(error).message;
            this.showRecordFiles = false;
        }
    }

    handleRecordFile(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        const file = this.recordFiles?.find((item) => item.contentVersionId === id);
        if (!file) return;
        this.showRecordFiles = false;
        this.setAttachment({ name: fileName(file), size: file.size ?? 0, file: null, contentVersionId: id ?? null });
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

    handleRemoveAttachment(): void {
        this.attachment = null;
        this.attachError = null;
    }

    /** The size is checked when the file is chosen, before anything is uploaded. */
    private setAttachment(attachment: Attachment): void {
        this.sendError = null;
        if (attachment.size > MAX_FILE_BYTES) {
            this.attachment = null;
            this.attachError = MessagingFailure.of('FILE_TOO_LARGE').message;
            return;
        }
        this.attachError = null;
        this.attachment = attachment;
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
        // The draft is the rep's own (`webexDraft:<personId>:<spaceId>`): read once the session says who the rep is.
        this.text = '';
        this.replyTo = null;
        this.attachment = null;
        this.sendError = null;
        try {
            const session = await getMessagingSession(this);
            if (spaceId !== this.currentSpaceId) return;
            this.session = session;
            this.text = readDraft(session.me.personId, spaceId);
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

    private async send(): Promise<void> {
        const session = this.session;
        const spaceId = this.currentSpaceId;
        const markdown = this.text.trim();
        const attachment = this.attachment;
        if (!session || !spaceId || this.sending || (!markdown && !attachment)) return;
        this.sending = true;
        this.sendError = null;
        try {
            const file = attachment ? await this.fileOf(attachment) : null;
            const message = await session.postMessage({
                spaceId,
                markdown,
                parentId: this.replyTo?.id ?? null,
                file
            });
            if (spaceId !== this.currentSpaceId) return;
            this.messages = mergeMessages(this.messages, [message]);
            this.text = '';
            this.replyTo = null;
            this.attachment = null;
            clearDraft(session.me.personId, spaceId);
            this.scrollToEnd = true;
        } catch (error) {
            // What was typed stays in the composer (and in the draft): Retry sends it again.
            this.sendError = toMessagingFailure(error).message;
        } finally {
            this.sending = false;
        }
    }

    /** The attachment as a file: a Salesforce File is downloaded from the org when the message is sent. */
    private async fileOf(attachment: Attachment): Promise<Blob & { name: string }> {
        if (attachment.file) return attachment.file;
        let response: Response;
        try {
            // LWS's fetch distortion refuses only the framework's "/aura" and "/webruntime" endpoints
            // (@locker/eslint-plugin-locker docs/rules/distorted-window-fetch.md): a file download is allowed.
            // eslint-disable-next-line @locker/locker/distorted-window-fetch
            response = await fetch(`${FILE_DOWNLOAD_PATH}${attachment.contentVersionId}`, {
                credentials: 'same-origin'
            });
        } catch {
            throw MessagingFailure.of('FILE_DOWNLOAD');
        }
        if (!response.ok) throw MessagingFailure.of('FILE_DOWNLOAD');
        const blob = await response.blob();
        return new File([blob], attachment.name, { type: blob.type });
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

    private focusComposer(): void {
        this.template?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    }

    private stopListening(): void {
        for (const stop of this.stops) stop();
        this.stops = [];
    }
}

function fileName(file: WebexRecordFile): string {
    const title = file.title ?? '';
    return file.fileExtension ? `${title}.${file.fileExtension}` : title;
}
