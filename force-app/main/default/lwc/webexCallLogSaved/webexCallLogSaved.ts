/**
 * What the dialer shows once a call's log is saved after the call: the log has done its job and closes,
 * and this says what the Task holds (subject, related record, call result, duration, each when there is one)
 * with a link to the Task, until the rep dismisses it (`dismiss`) or the next call starts.
 *
 * It takes the focus when it appears: the Save button the rep pressed has just gone with the log, and a
 * screen reader hears what was saved.
 */
import { LightningElement, api } from 'lwc';
import { NavigationMixin, type PageReference } from 'lightning/navigation';
import DISMISS from '@salesforce/label/c.WebexCallLog_Dismiss';
import DISPOSITION from '@salesforce/label/c.WebexCallLog_Disposition';
import DURATION from '@salesforce/label/c.WebexCallLog_Duration';
import RELATED_TO from '@salesforce/label/c.WebexCallLog_RelatedTo';
import SUBJECT from '@salesforce/label/c.WebexCallLog_Subject';
import TITLE from '@salesforce/label/c.WebexCallLog_SavedTitle';
import VIEW_TASK from '@salesforce/label/c.WebexCallLog_ViewTask';

/** A saved call log as the rep reads it (c-webex-call-log's `saved` detail, `summary`). */
export interface CallLogSummary {
    taskId: string;
    subject: string;
    /** The Related to record's name, or null. */
    relatedName: string | null;
    /** The call result's label, or null when none was chosen. */
    disposition: string | null;
    /** The duration as the log showed it, or null when it is not known. */
    duration: string | null;
}

interface Fact {
    key: string;
    label: string;
    value: string;
}

export default class WebexCallLogSaved extends NavigationMixin(LightningElement) {
    readonly labels = { title: TITLE, dismiss: DISMISS, viewTask: VIEW_TASK };

    private saved: CallLogSummary | null = null;
    taskUrl: string | null = null;
    private focusPending = false;

    /** What was saved. */
    @api
    get summary(): CallLogSummary | null {
        return this.saved;
    }
    set summary(value: CallLogSummary | null) {
        const before = this.saved?.taskId;
        this.saved = value ?? null;
        if (this.saved?.taskId && this.saved.taskId !== before) {
            this.focusPending = true;
            this.generateUrl(this.saved.taskId);
        }
    }

    get facts(): Fact[] {
        const saved = this.saved;
        if (!saved) return [];
        const facts: Array<[string, string, string | null]> = [
            ['subject', SUBJECT, saved.subject],
            ['related', RELATED_TO, saved.relatedName],
            ['disposition', DISPOSITION, saved.disposition],
            ['duration', DURATION, saved.duration]
        ];
        return facts
            .filter((fact): fact is [string, string, string] => Boolean(fact[2]))
            .map(([key, label, value]) => ({ key, label, value }));
    }

    renderedCallback(): void {
        if (!this.focusPending) return;
        this.focusPending = false;
        (this.template?.querySelector('[data-title]') as HTMLElement | null)?.focus();
    }

    handleViewTask(event: Event): void {
        event.preventDefault();
        if (!this.saved) return;
        this[NavigationMixin.Navigate](this.taskPage(this.saved.taskId));
    }

    handleDismiss(): void {
        this.dispatchEvent(new CustomEvent('dismiss'));
    }

    private async generateUrl(taskId: string): Promise<void> {
        try {
            const url = await this[NavigationMixin.GenerateUrl](this.taskPage(taskId));
            if (this.saved?.taskId === taskId) this.taskUrl = url;
        } catch {
            // The link still navigates on click; only its address (for a new tab) is missing.
            this.taskUrl = null;
        }
    }

    private taskPage(taskId: string): PageReference {
        return {
            type: 'standard__recordPage',
            attributes: { recordId: taskId, objectApiName: 'Task', actionName: 'view' }
        };
    }
}
