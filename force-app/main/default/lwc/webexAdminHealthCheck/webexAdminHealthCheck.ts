/**
 * "Health check", the last section of the Webex Admin tab: runs every check of
 * WebexHealthCheckService (on arrival and on Run check) and shows one row per check with its status,
 * what it found and, when not ok, what to do with a link to the section that does it (the tab scrolls
 * there on the `sectionjump` event) and, for webhooks Webex disabled, a Re-activate button that calls
 * the Integration Settings' `reactivateWebhook`, then checks again.
 */
import { LightningElement } from 'lwc';
import reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import runHealthCheck from '@salesforce/apex/WebexHealthCheckController.runHealthCheck';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { callWithRetry } from 'c/webexRetry';
import ALL_PASSED from '@salesforce/label/c.WebexHealth_AllPassed';
import CHECKS_LABEL from '@salesforce/label/c.WebexHealth_ChecksLabel';
import ERROR_TITLE from '@salesforce/label/c.WebexHealth_ErrorTitle';
import GO_TO from '@salesforce/label/c.WebexHealth_GoTo';
import HELP from '@salesforce/label/c.WebexHealth_Help';
import ONE_PROBLEM from '@salesforce/label/c.WebexHealth_OneProblem';
import PROBLEMS from '@salesforce/label/c.WebexHealth_Problems';
import REACTIVATE from '@salesforce/label/c.WebexHealth_Reactivate';
import REACTIVATING from '@salesforce/label/c.WebexHealth_Reactivating';
import RUN from '@salesforce/label/c.WebexHealth_Run';
import RUNNING from '@salesforce/label/c.WebexHealth_Running';
import STATUS_ERROR from '@salesforce/label/c.WebexHealth_StatusError';
import STATUS_OK from '@salesforce/label/c.WebexHealth_StatusOk';
import STATUS_UNKNOWN from '@salesforce/label/c.WebexHealth_StatusUnknown';
import STATUS_WARNING from '@salesforce/label/c.WebexHealth_StatusWarning';
import TITLE from '@salesforce/label/c.WebexHealth_Title';
import INTEGRATION_TITLE from '@salesforce/label/c.WebexIntegration_Title';
import SALESFORCE_AUTH_TITLE from '@salesforce/label/c.WebexSfAuth_Title';
import WEBHOOK_SITE_TITLE from '@salesforce/label/c.WebexSite_Title';
import PEOPLE_SEARCH_TITLE from '@salesforce/label/c.WebexPeople_Title';
import FEATURE_ACCESS_TITLE from '@salesforce/label/c.WebexAccess_Title';

/** The event the Webex Admin tab handles to bring a section into view: `detail.section` is its name. */
export const SECTION_JUMP_EVENT = 'sectionjump';

type BusyAction = 'running' | 'reactivating';

const BUSY_MESSAGES: Record<BusyAction, string> = { running: RUNNING, reactivating: REACTIVATING };

const SECTION_TITLES: Record<WebexAdminSectionName, string> = {
    integration: INTEGRATION_TITLE,
    salesforceAuthorization: SALESFORCE_AUTH_TITLE,
    webhookSite: WEBHOOK_SITE_TITLE,
    peopleSearch: PEOPLE_SEARCH_TITLE,
    featureAccess: FEATURE_ACCESS_TITLE
};

const STATUS_DISPLAY: Record<WebexHealthStatus, { icon: string; variant: string; text: string }> = {
    ok: { icon: 'utility:success', variant: 'success', text: STATUS_OK },
    warning: { icon: 'utility:warning', variant: 'warning', text: STATUS_WARNING },
    error: { icon: 'utility:error', variant: 'error', text: STATUS_ERROR },
    unknown: { icon: 'utility:help', variant: '', text: STATUS_UNKNOWN }
};

export interface HealthRow {
    id: string;
    title: string;
    detail: string;
    icon: string;
    variant: string;
    statusText: string;
    rowClass: string;
    action: string | null;
    section: WebexAdminSectionName | null;
    goToLabel: string | null;
    canReactivate: boolean;
}

export default class WebexAdminHealthCheck extends LightningElement {
    readonly labels = {
        title: TITLE,
        help: HELP,
        run: RUN,
        errorTitle: ERROR_TITLE,
        reactivate: REACTIVATE,
        checks: CHECKS_LABEL
    };

    /** The last answer; null until the first one. */
    checks: WebexHealthCheck[] | null = null;
    busy: BusyAction | null = null;
    errorMessage: string | null = null;

    connectedCallback(): void {
        this.runChecks();
    }

    get isBusy(): boolean {
        return this.busy !== null;
    }

    get busyMessage(): string | null {
        return this.busy ? BUSY_MESSAGES[this.busy] : null;
    }

    get hasChecks(): boolean {
        return this.checks !== null;
    }

    get problemCount(): number {
        return (this.checks ?? []).filter((check) => check.status !== 'ok').length;
    }

    get allPassed(): boolean {
        return this.hasChecks && this.problemCount === 0;
    }

    get summary(): string {
        const count = this.problemCount;
        if (count === 0) return ALL_PASSED;
        return count === 1 ? ONE_PROBLEM : formatLabel(PROBLEMS, count);
    }

    get summaryIcon(): string {
        return this.allPassed ? 'utility:success' : 'utility:warning';
    }

    get summaryVariant(): string {
        return this.allPassed ? 'success' : 'warning';
    }

    get rows(): HealthRow[] {
        return (this.checks ?? []).map((check) => {
            const display = STATUS_DISPLAY[check.status] ?? STATUS_DISPLAY.unknown;
            const ok = check.status === 'ok';
            const section = ok ? null : check.section;
            return {
                id: check.id,
                title: check.title,
                detail: check.detail,
                icon: display.icon,
                variant: display.variant,
                statusText: display.text,
                rowClass: `slds-item health-row health-row_${check.status}`,
                action: ok ? null : check.action,
                section,
                goToLabel: section && SECTION_TITLES[section] ? formatLabel(GO_TO, SECTION_TITLES[section]) : null,
                canReactivate: !ok && (check.inactiveWebhookIds ?? []).length > 0
            };
        });
    }

    async handleRun(): Promise<void> {
        await this.runChecks();
    }

    /** Asks the Webex Admin tab to bring the section that fixes this check into view. */
    handleGoTo(event: Event): void {
        const section = (event.currentTarget as HTMLElement).dataset.section;
        if (!section) return;
        this.dispatchEvent(new CustomEvent(SECTION_JUMP_EVENT, { detail: { section } }));
    }

    /** Reactivates every webhook Webex disabled (Integration Settings' own call), then checks again. */
    async handleReactivate(event: Event): Promise<void> {
        const id = (event.currentTarget as HTMLElement).dataset.check;
        const check = (this.checks ?? []).find((candidate) => candidate.id === id);
        if (!check) return;
        this.busy = 'reactivating';
        this.errorMessage = null;
        try {
            await Promise.all(
                check.inactiveWebhookIds.map((webhookId) => callWithRetry(() => reactivateWebhook({ webhookId })))
            );
        } catch (error) {
            this.errorMessage = toWebexError(error).message;
            this.busy = null;
            return;
        }
        await this.runChecks();
    }

    private async runChecks(): Promise<void> {
        this.busy = 'running';
        this.errorMessage = null;
        try {
            this.checks = (await callWithRetry(() => runHealthCheck())) ?? [];
        } catch (error) {
            this.errorMessage = toWebexError(error).message;
        } finally {
            this.busy = null;
        }
    }
}
