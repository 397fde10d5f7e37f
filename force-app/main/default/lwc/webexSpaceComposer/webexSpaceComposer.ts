/**
 * What the rep writes in a Webex space (`c-webex-space-view`): the text (Enter sends, Shift+Enter adds a line),
 * kept in the browser until sent (`c/webexSpaceMessages` drafts, the rep's own for the space), a reply to a thread
 * (`replyTo`), mentions of the space's members, and one file per message — an upload or a Salesforce File of the
 * record, up to Webex's 100 MB, checked when chosen.
 *
 * It posts through the rep's session (`c/webexMessagingSession`, one per page) and fires `posted` with the message
 * Webex made; a post that fails keeps the text, with the reason and Retry.
 */
import { LightningElement, api } from 'lwc';
import getRecordFiles from '@salesforce/apex/WebexSpacesController.getRecordFiles';
import {
    getMessagingSession,
    toMessagingFailure,
    MAX_FILE_BYTES,
    MessagingFailure,
    type MessagingMember,
    type MessagingSession
} from 'c/webexMessagingSession';
import { clearDraft, fileSizeText, mentionMarkdown, readDraft, saveDraft } from 'c/webexSpaceMessages';
import { formatLabel } from 'c/webexLabelFormat';
import { fileOf, recordFileName, type Attachment } from './webexSpaceComposerFiles';
import ATTACH_RECORD_FILE from '@salesforce/label/c.WebexSpaces_AttachRecordFile';
import ATTACHMENT from '@salesforce/label/c.WebexSpaces_Attachment';
import CANCEL_REPLY from '@salesforce/label/c.WebexSpaces_CancelReply';
import COMPOSER_HINT from '@salesforce/label/c.WebexSpaces_ComposerHint';
import FILE_LIMIT from '@salesforce/label/c.WebexSpaces_FileLimit';
import MENTION from '@salesforce/label/c.WebexSpaces_Mention';
import MESSAGE from '@salesforce/label/c.WebexSpaces_Message';
import NO_RECORD_FILES from '@salesforce/label/c.WebexSpaces_NoRecordFiles';
import REMOVE_ATTACHMENT from '@salesforce/label/c.WebexSpaces_RemoveAttachment';
import REPLYING_TO from '@salesforce/label/c.WebexSpaces_ReplyingTo';
import RETRY from '@salesforce/label/c.WebexSpaces_Retry';
import SEND from '@salesforce/label/c.WebexSpaces_Send';
import SENDING from '@salesforce/label/c.WebexSpaces_Sending';
import UPLOAD from '@salesforce/label/c.WebexSpaces_Upload';

export default class WebexSpaceComposer extends LightningElement {
    /** The record the space belongs to: its Salesforce Files can be attached (none offered without one). */
    @api recordId: string | null = null;
    /** The space's members (`c-webex-space-view` lists them): each one but the rep can be mentioned. */
    @api members: MessagingMember[] = [];

    readonly labels = {
        attachRecordFile: ATTACH_RECORD_FILE,
        cancelReply: CANCEL_REPLY,
        composerHint: COMPOSER_HINT,
        fileLimit: FILE_LIMIT,
        mention: MENTION,
        message: MESSAGE,
        noRecordFiles: NO_RECORD_FILES,
        removeAttachment: REMOVE_ATTACHMENT,
        retry: RETRY,
        upload: UPLOAD
    };

    text = '';
    reply: { id: string; author: string } | null = null;
    attachment: Attachment | null = null;
    attachError: string | null = null;
    recordFiles: WebexRecordFile[] | null = null;
    showRecordFiles = false;
    sending = false;
    sendError: string | null = null;

    private currentSpaceId: string | null = null;
    private session: MessagingSession | null = null;

    /** The space the message goes to; the text is that space's draft. */
    @api
    get spaceId(): string | null {
        return this.currentSpaceId;
    }
    set spaceId(value: string | null) {
        if (value === this.currentSpaceId) return;
        this.currentSpaceId = value;
        this.text = '';
        this.reply = null;
        this.attachment = null;
        this.sendError = null;
        if (this.isConnected) this.start();
    }

    /**
     * Writes as a reply to a thread, named in a banner with Cancel, and puts the focus in the text.
     * @param id - the thread's first message
     * @param author - whom the rep replies to, as the space names them
     */
    @api
    replyTo(id: string, author: string): void {
        this.reply = { id, author };
        this.focusText();
    }

    connectedCallback(): void {
        this.start();
    }

    renderedCallback(): void {
        // The text is written to from code (a draft brought back, a mention, a message sent): a textarea's text is
        // its `value` property, which the template does not bind.
        const area = this.template?.querySelector<HTMLTextAreaElement>('textarea');
        if (area && area.value !== this.text) area.value = this.text;
    }

    get hasMembers(): boolean {
        return this.mentionOptions.length > 0;
    }

    get mentionOptions(): Array<{ value: string; label: string }> {
        return (this.members ?? [])
            .filter((member) => member.personEmail && member.personId !== this.session?.me.personId)
            .map((member) => ({ value: member.personEmail, label: member.personDisplayName }));
    }

    get replyingTo(): string {
        return this.reply ? formatLabel(REPLYING_TO, this.reply.author) : '';
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
                label: formatLabel(ATTACHMENT, recordFileName(file), fileSizeText(file.size ?? 0))
            }));
    }

    get hasNoRecordFiles(): boolean {
        return Boolean(this.recordFiles) && this.recordFiles?.length === 0;
    }

    handleInput(event: Event): void {
        this.text = (event.target as HTMLTextAreaElement).value;
        this.saveText();
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

    handleCancelReply(): void {
        this.reply = null;
        this.focusText();
    }

    handleMention(event: CustomEvent<{ value: string }>): void {
        const email = event.detail.value;
        const member = (this.members ?? []).find((item) => item.personEmail === email);
        if (!member) return;
        const mention = mentionMarkdown(member.personEmail, member.personDisplayName);
        this.text = this.text && !/\s$/.test(this.text) ? `${this.text} ${mention} ` : `${this.text}${mention} `;
        this.saveText();
        this.focusText();
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
        this.setAttachment({
            name: recordFileName(file),
            size: file.size ?? 0,
            file: null,
            contentVersionId: id ?? null
        });
    }

    handleRemoveAttachment(): void {
        this.attachment = null;
        this.attachError = null;
    }

    /** The rep's session, then the rep's draft for the space (`webexDraft:<personId>:<spaceId>`). */
    private async start(): Promise<void> {
        const spaceId = this.currentSpaceId;
        if (!spaceId) return;
        try {
            const session = await getMessagingSession(this);
            if (spaceId !== this.currentSpaceId) return;
            this.session = session;
            // Unless the rep already typed in the moment the session took.
            if (!this.text) this.text = readDraft(session.me.personId, spaceId);
        } catch {
            // The space view says why there is no session; without one nothing is sent.
            this.session = null;
        }
    }

    private saveText(): void {
        if (this.currentSpaceId) saveDraft(this.session?.me.personId ?? '', this.currentSpaceId, this.text);
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

    private async send(): Promise<void> {
        const session = this.session;
        const spaceId = this.currentSpaceId;
        const markdown = this.text.trim();
        const attachment = this.attachment;
        if (!session || !spaceId || this.sending || (!markdown && !attachment)) return;
        this.sending = true;
        this.sendError = null;
        try {
            const file = attachment ? await fileOf(attachment) : null;
            const message = await session.postMessage({
                spaceId,
                markdown,
                parentId: this.reply?.id ?? null,
                file
            });
            // Sent: the space's draft is done with, even if the rep has left the space meanwhile.
            clearDraft(session.me.personId, spaceId);
            if (spaceId !== this.currentSpaceId || !this.isConnected) return;
            this.text = '';
            this.reply = null;
            this.attachment = null;
            this.dispatchEvent(new CustomEvent<WebexSpaceMessage>('posted', { detail: message }));
        } catch (error) {
            // What was typed stays in the composer (and in the draft): Retry sends it again.
            this.sendError = toMessagingFailure(error).message;
        } finally {
            this.sending = false;
        }
    }

    private focusText(): void {
        this.template?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
    }
}
