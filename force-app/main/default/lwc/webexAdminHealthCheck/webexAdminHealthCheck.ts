/**
 * "Health check", the last section of the Webex Admin tab: runs every check of
 * WebexHealthCheckService (on arrival and on Run check) and shows one row per check with its status,
 * what it found and, when not ok, what to do with a link to the section that does it (the tab scrolls
 * there on the `sectionjump` event) and, for webhooks Webex disabled, a Re-activate button that calls
 * the Integration Settings' `reactivateWebhook`, then checks again. A problem the section fixes itself
 * (`fix`) gets its button: Create channel creates the Streaming Channel the dialers subscribe to
 * (`createCallEventChannel`), then checks again; Fill phone keys starts the background fill of the phone
 * keys of Contacts and Leads saved before the package (`fillPhoneKeys`) and says so (the check is run
 * again by the administrator, later). A finding read elsewhere (`link`) gets its link: recent unexpected
 * errors open the Webex Error Log tab (the object's list, its All view).
 */
import { LightningElement } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import createCallEventChannel from '@salesforce/apex/WebexHealthCheckController.createCallEventChannel';
import fillPhoneKeys from '@salesforce/apex/WebexHealthCheckController.fillPhoneKeys';
import runHealthCheck from '@salesforce/apex/WebexHealthCheckController.runHealthCheck';
import ERROR_LOG_OBJECT from '@salesforce/schema/WebexErrorLog__c';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { callWithRetry } from 'c/webexRetry';
import ALL_PASSED from '@salesforce/label/c.WebexHealth_AllPassed';
import CHECKS_LABEL from '@salesforce/label/c.WebexHealth_ChecksLabel';
import CREATE_CHANNEL from '@salesforce/label/c.WebexHealth_CreateChannel';
import CREATING_CHANNEL from '@salesforce/label/c.WebexHealth_CreatingChannel';
import ERROR_TITLE from '@salesforce/label/c.WebexHealth_ErrorTitle';
import FILL_PHONE_KEYS from '@salesforce/label/c.WebexHealth_FillPhoneKeys';
import FILLING_PHONE_KEYS from '@salesforce/label/c.WebexHealth_FillingPhoneKeys';
import OPEN_ERROR_LOG from '@salesforce/label/c.WebexHealth_OpenErrorLog';
import PHONE_KEYS_STARTED from '@salesforce/label/c.WebexHealth_PhoneKeysStarted';
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

type BusyAction = 'running' | 'reactivating' | 'creatingChannel' | 'fillingPhoneKeys';

const BUSY_MESSAGES: Record<BusyAction, string> = {
    running: RUNNING,
    reactivating: REACTIVATING,
    creatingChannel: CREATING_CHANNEL,
    fillingPhoneKeys: FILLING_PHONE_KEYS
};

/** The list view the Webex Error Log link opens: every row (the tab's default would be Recently Viewed). */
const ERROR_LOG_LIST_VIEW = 'All';

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
    canCreateChannel: boolean;
    canFillPhoneKeys: boolean;
    canOpenErrorLog: boolean;
    hasActions: boolean;
}

export default class WebexAdminHealthCheck extends NavigationMixin(LightningElement) {
    readonly labels = {
        title: TITLE,
        help: HELP,
        run: RUN,
        errorTitle: ERROR_TITLE,
        reactivate: REACTIVATE,
        createChannel: CREATE_CHANNEL,
        fillPhoneKeys: FILL_PHONE_KEYS,
        openErrorLog: OPEN_ERROR_LOG,
        checks: CHECKS_LABEL
    };

    /** The last answer; null until the first one. */
    checks: WebexHealthCheck[] | null = null;
    busy: BusyAction | null = null;
    errorMessage: string | null = null;
    /** What a fix started in the background, once started (until the next action). */
    notice: string | null = null;

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
            const goToLabel = section && SECTION_TITLES[section] ? formatLabel(GO_TO, SECTION_TITLES[section]) : null;
            const canReactivate = !ok && (check.inactiveWebhookIds ?? []).length > 0;
            const canCreateChannel = !ok && check.fix === 'createCallEventChannel';
            const canFillPhoneKeys = !ok && check.fix === 'fillPhoneKeys';
            const canOpenErrorLog = !ok && check.link === 'errorLog';
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
                goToLabel,
                canReactivate,
                canCreateChannel,
                canFillPhoneKeys,
                canOpenErrorLog,
                hasActions:
                    Boolean(goToLabel) || canReactivate || canCreateChannel || canFillPhoneKeys || canOpenErrorLog
            };
        });
    }

    async handleRun(): Promise<void> {
        this.notice = null;
        await this.runChecks();
    }

    /** Opens the Webex Error Log tab, where each error is read by the reference its user was shown. */
    handleOpenErrorLog(): void {
        this[NavigationMixin.Navigate]({
            type: 'standard__objectPage',
            attributes: { objectApiName: ERROR_LOG_OBJECT.objectApiName, actionName: 'list' },
            state: { filterName: ERROR_LOG_LIST_VIEW }
        });
    }

    /**
     * Starts the phone keys' fill (the check's own fix) and says it runs in the background: the check is
     * not run again at once, the job has barely started.
     */
    async handleFillPhoneKeys(): Promise<void> {
        this.busy = 'fillingPhoneKeys';
        this.errorMessage = null;
        this.notice = null;
        try {
            await callWithRetry(() => fillPhoneKeys());
            this.notice = PHONE_KEYS_STARTED;
        } catch (error) {
            this.errorMessage = toWebexError(error).message;
        } finally {
            this.busy = null;
        }
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

    /** Creates the call-event channel (the check's own fix), then checks again. */
    async handleCreateChannel(): Promise<void> {
        this.busy = 'creatingChannel';
        this.errorMessage = null;
        try {
            await callWithRetry(() => createCallEventChannel());
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
