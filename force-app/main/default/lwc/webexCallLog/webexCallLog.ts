/**
 * The call-log panel (B4, B5) the dialer opens for a call:
 * `<c-webex-call-log call-id direction phone-number who-id who-name related-objects duration-seconds call-ended
 * backend onsaved onclose>`.
 *
 * "Details" holds what becomes the call's Task: a subject (prefilled from the direction and the person or number,
 * until the rep changes it), comments, a Related to record among the direction's objects (none with a lead), a call
 * result and the duration the dialer knows (or why it is not known). Save writes the Task; saving again updates the
 * same Task, from this tab or another. A failed save keeps every note and says what to do; Save can be retried.
 * "More info" lists records of the caller's account (c-webex-call-log-more-info).
 *
 * Fires `saved` (detail `CallLogSavedDetail`: the Task, and a `summary` of what it holds as the rep reads it) after
 * each save and `close` when the rep closes it; closing with unsaved notes asks first.
 */
import { api } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import saveCallLog from '@salesforce/apex/WebexCallLogController.saveCallLog';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { ObjectNamesElement } from 'c/webexObjectNames';
import {
    defaultSubject,
    dispositionOptions,
    durationText,
    isLead,
    notesDiffer,
    toInput,
    type CallDirection,
    type CallLogNotes
} from 'c/webexCallLogModel';
import type { RelatedChange } from 'c/webexCallLogRelated';
import type { CallLogSummary } from 'c/webexCallLogSaved';
import CLOSE from '@salesforce/label/c.WebexCallLog_Close';
import CLOSE_CONFIRM from '@salesforce/label/c.WebexCallLog_CloseConfirm';
import CLOSE_DISCARD from '@salesforce/label/c.WebexCallLog_CloseDiscard';
import COMMENTS from '@salesforce/label/c.WebexCallLog_Comments';
import DISPOSITION from '@salesforce/label/c.WebexCallLog_Disposition';
import DURATION from '@salesforce/label/c.WebexCallLog_Duration';
import KEEP_EDITING from '@salesforce/label/c.WebexCallLog_KeepEditing';
import LEAD_NO_RELATED from '@salesforce/label/c.WebexCallLog_LeadNoRelated';
import NO_RELATED_OBJECTS from '@salesforce/label/c.WebexCallLog_NoRelatedObjects';
import RELATED_TO from '@salesforce/label/c.WebexCallLog_RelatedTo';
import SAVE from '@salesforce/label/c.WebexCallLog_Save';
import SAVE_ERROR_TITLE from '@salesforce/label/c.WebexCallLog_SaveErrorTitle';
import SAVED from '@salesforce/label/c.WebexCallLog_Saved';
import SAVING from '@salesforce/label/c.WebexCallLog_Saving';
import SUBJECT from '@salesforce/label/c.WebexCallLog_Subject';
import SUBJECT_REQUIRED from '@salesforce/label/c.WebexCallLog_SubjectRequired';
import TAB_DETAILS from '@salesforce/label/c.WebexCallLog_TabDetails';
import TAB_MORE_INFO from '@salesforce/label/c.WebexCallLog_TabMoreInfo';
import TITLE from '@salesforce/label/c.WebexCallLog_Title';
import UNSAVED from '@salesforce/label/c.WebexCallLog_Unsaved';
import VIEW_TASK from '@salesforce/label/c.WebexCallLog_ViewTask';

/** What `saved` carries. */
export interface CallLogSavedDetail extends WebexCallLogSaved {
    summary: CallLogSummary;
}

/** Task.Subject's length (the server refuses longer). */
export const SUBJECT_MAX_LENGTH = 255;
/** Task.Description's length. */
export const COMMENTS_MAX_LENGTH = 32000;

export default class WebexCallLog extends NavigationMixin(ObjectNamesElement) {
    /** Webex's call ID: the Task's CallObject, one Task per call. */
    @api callId = '';
    /** The Contact or Lead the call is with, if known. */
    @api whoId: string | null = null;
    /** The objects Related to offers for the call's direction. */
    @api relatedObjects: WebexObjectOption[] = [];
    /** Seconds the call lasted, once known. */
    @api durationSeconds: number | null = null;
    /** Whether the call has ended. */
    @api callEnded = false;
    /** The phone system (Unified CM and BroadWorks give no duration). */
    @api backend: WebexCallingBackend = 'WebexCalling';

    private callDirection: CallDirection = 'Outbound';
    private callerName: string | null = null;
    private callerNumber: string | null = null;

    /** `Outbound` or `Inbound`. */
    @api
    get direction(): CallDirection {
        return this.callDirection;
    }
    set direction(value: CallDirection) {
        this.callDirection = value === 'Inbound' ? 'Inbound' : 'Outbound';
        this.refreshDefaultSubject();
    }

    /** The other party's number. */
    @api
    get phoneNumber(): string | null {
        return this.callerNumber;
    }
    set phoneNumber(value: string | null) {
        this.callerNumber = value ?? null;
        this.refreshDefaultSubject();
    }

    /** The person's name, if known (the subject names them rather than the number). */
    @api
    get whoName(): string | null {
        return this.callerName;
    }
    set whoName(value: string | null) {
        this.callerName = value ?? null;
        this.refreshDefaultSubject();
    }

    readonly labels = {
        title: TITLE,
        close: CLOSE,
        closeConfirm: CLOSE_CONFIRM,
        closeDiscard: CLOSE_DISCARD,
        keepEditing: KEEP_EDITING,
        tabDetails: TAB_DETAILS,
        tabMoreInfo: TAB_MORE_INFO,
        subject: SUBJECT,
        comments: COMMENTS,
        relatedTo: RELATED_TO,
        noRelatedObjects: NO_RELATED_OBJECTS,
        disposition: DISPOSITION,
        duration: DURATION,
        save: SAVE,
        saveErrorTitle: SAVE_ERROR_TITLE,
        viewTask: VIEW_TASK
    };
    readonly subjectMaxLength = SUBJECT_MAX_LENGTH;
    readonly commentsMaxLength = COMMENTS_MAX_LENGTH;
    private readonly dispositions = dispositionOptions();

    notes: CallLogNotes = {
        subject: defaultSubject('Outbound', null, null),
        comments: '',
        whatId: null,
        disposition: ''
    };
    /** The notes as last saved (or as the panel opened): what "unsaved" compares against. */
    private savedNotes: CallLogNotes = { ...this.notes };
    private subjectEdited = false;
    /** The Related to record's name, for the summary of what was saved. */
    private relatedName: string | null = null;

    saving = false;
    saveError: string | null = null;
    /** The call's Task once saved, and its link. */
    taskId: string | null = null;
    taskUrl: string | null = null;
    justSaved = false;
    confirmingClose = false;

    get subject(): string {
        return this.notes.subject;
    }

    get comments(): string {
        return this.notes.comments;
    }

    /** The call results, the chosen one selected (a native select: see c-webex-call-log-related). */
    get dispositionChoices(): Array<{ value: string; label: string; selected: boolean }> {
        return this.dispositions.map((option) => ({ ...option, selected: option.value === this.notes.disposition }));
    }

    get callerLine(): string {
        return [this.callerName, this.callerNumber].filter((part) => part && part.trim()).join(' · ');
    }

    get whoIsLead(): boolean {
        return isLead(this.whoId);
    }

    /** Why Related to is not offered with a lead, Lead named as the org names it (c/webexObjectNames). */
    get leadNoRelatedText(): string {
        return formatLabel(LEAD_NO_RELATED, this.objectNames.Lead.labelPlural);
    }

    get hasRelatedObjects(): boolean {
        return Array.isArray(this.relatedObjects) && this.relatedObjects.length > 0;
    }

    get durationLine(): string {
        return durationText(this.backend, this.durationSeconds, Boolean(this.callEnded));
    }

    get isDirty(): boolean {
        return notesDiffer(this.currentNotes, this.savedNotes);
    }

    get showSaved(): boolean {
        return Boolean(this.justSaved && !this.isDirty && !this.saving && this.taskId);
    }

    get showUnsaved(): boolean {
        return !this.saving && this.isDirty;
    }

    get savingText(): string {
        return SAVING;
    }

    get savedText(): string {
        return SAVED;
    }

    get unsavedText(): string {
        return UNSAVED;
    }

    /** The notes to save: no Related to with a lead. */
    private get currentNotes(): CallLogNotes {
        return this.whoIsLead ? { ...this.notes, whatId: null } : this.notes;
    }

    handleSubjectChange(event: CustomEvent<{ value: string }>): void {
        this.subjectEdited = true;
        this.update({ subject: event.detail.value ?? '' });
    }

    handleCommentsChange(event: CustomEvent<{ value: string }>): void {
        this.update({ comments: event.detail.value ?? '' });
    }

    handleRelatedChange(event: CustomEvent<RelatedChange>): void {
        this.relatedName = event.detail.name ?? null;
        this.update({ whatId: event.detail.recordId });
    }

    handleDispositionChange(event: Event): void {
        this.update({ disposition: (event.target as HTMLSelectElement).value ?? '' });
    }

    async handleSave(): Promise<void> {
        if (this.saving) return;
        const subjectInput = this.template?.querySelector<HTMLElement & { reportValidity(): boolean }>(
            '[data-subject]'
        );
        if (!this.notes.subject.trim()) {
            this.saveError = SUBJECT_REQUIRED;
            subjectInput?.reportValidity();
            subjectInput?.focus();
            return;
        }
        const sent = { ...this.currentNotes };
        const relatedName = sent.whatId ? this.relatedName : null;
        const log = toInput(
            {
                callId: this.callId,
                direction: this.callDirection,
                phoneNumber: this.callerNumber,
                whoId: this.whoId,
                durationSeconds: this.durationSeconds
            },
            sent
        );
        this.saving = true;
        this.saveError = null;
        this.justSaved = false;
        try {
            const saved = await saveCallLog({ log });
            // What the rep typed while it saved stays unsaved: only what was sent is.
            this.savedNotes = sent;
            this.taskId = saved.taskId;
            this.justSaved = true;
            const detail: CallLogSavedDetail = { ...saved, summary: this.summaryOf(sent, relatedName, saved.taskId) };
            this.dispatchEvent(new CustomEvent('saved', { detail }));
            this.taskUrl = await this[NavigationMixin.GenerateUrl]({
                type: 'standard__recordPage',
                attributes: { recordId: saved.taskId, objectApiName: 'Task', actionName: 'view' }
            });
        } catch (error) {
            // Nothing is lost: the notes stay as they are, and Save can be pressed again.
            this.saveError = toWebexError(error).message;
        } finally {
            this.saving = false;
        }
    }

    handleViewTask(event: Event): void {
        event.preventDefault();
        if (!this.taskId) return;
        this[NavigationMixin.Navigate]({
            type: 'standard__recordPage',
            attributes: { recordId: this.taskId, objectApiName: 'Task', actionName: 'view' }
        });
    }

    handleClose(): void {
        if (this.isDirty) {
            this.confirmingClose = true;
            // Once rendered: the choice gets the focus, as a dialog would.
            Promise.resolve().then(() => this.focus('[data-action="keep-editing"]'));
            return;
        }
        this.close();
    }

    handleKeepEditing(): void {
        this.confirmingClose = false;
        Promise.resolve().then(() => this.focus('[data-action="close"]'));
    }

    handleDiscard(): void {
        this.confirmingClose = false;
        this.close();
    }

    handleConfirmKeydown(event: KeyboardEvent): void {
        if (event.key === 'Escape') {
            event.preventDefault();
            this.handleKeepEditing();
        }
    }

    private close(): void {
        this.dispatchEvent(new CustomEvent('close'));
    }

    private update(change: Partial<CallLogNotes>): void {
        this.notes = { ...this.notes, ...change };
        // The "enter a subject" error goes once there is one; a server's refusal stays until the next save.
        if (this.saveError === SUBJECT_REQUIRED && this.notes.subject.trim()) this.saveError = null;
    }

    /** Until the rep changes the subject, it follows the direction and the person the dialer names. */
    private refreshDefaultSubject(): void {
        if (this.subjectEdited) return;
        const subject = defaultSubject(this.callDirection, this.callerName, this.callerNumber);
        const wasSaved = this.savedNotes?.subject === this.notes?.subject;
        this.notes = { ...this.notes, subject };
        if (wasSaved) this.savedNotes = { ...this.savedNotes, subject };
    }

    /** What the Task holds, as the panel showed it: labels rather than picklist values. */
    private summaryOf(sent: CallLogNotes, relatedName: string | null, taskId: string): CallLogSummary {
        const disposition = sent.disposition
            ? (this.dispositions.find((option) => option.value === sent.disposition)?.label ?? sent.disposition)
            : null;
        const durationKnown = typeof this.durationSeconds === 'number' && Number.isFinite(this.durationSeconds);
        return {
            taskId,
            subject: sent.subject.trim(),
            relatedName,
            disposition,
            duration: durationKnown ? this.durationLine : null
        };
    }

    private focus(selector: string): void {
        (this.template?.querySelector(selector) as HTMLElement | null)?.focus();
    }
}
