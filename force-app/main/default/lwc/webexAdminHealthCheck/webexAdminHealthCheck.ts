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
 *
 * The summary above the rows tells problems (`error`: something does not work) from warnings (something
 * to look at) and from checks that could not run (`unknown`), "2 problems, 1 warning", "No problems,
 * 1 warning", and takes the icon and colour of the worst of them.
 */
import { LightningElement, wire } from 'lwc';
import { NavigationMixin } from 'lightning/navigation';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import CONTACT_OBJECT from '@salesforce/schema/Contact';
import LEAD_OBJECT from '@salesforce/schema/Lead';
import reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import createCallEventChannel from '@salesforce/apex/WebexHealthCheckController.createCallEventChannel';
import fillPhoneKeys from '@salesforce/apex/WebexHealthCheckController.fillPhoneKeys';
import runHealthCheck from '@salesforce/apex/WebexHealthCheckController.runHealthCheck';
import ERROR_LOG_OBJECT from '@salesforce/schema/WebexErrorLog__c';
import { IDLE, SectionFlow, statusFrame, type SectionState } from 'c/webexAdminSectionFlow';
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
import NO_PROBLEMS from '@salesforce/label/c.WebexHealth_NoProblems';
import NOT_CHECKED from '@salesforce/label/c.WebexHealth_NotChecked';
import ONE_NOT_CHECKED from '@salesforce/label/c.WebexHealth_OneNotChecked';
import ONE_PROBLEM from '@salesforce/label/c.WebexHealth_OneProblem';
import ONE_WARNING from '@salesforce/label/c.WebexHealth_OneWarning';
import PROBLEMS from '@salesforce/label/c.WebexHealth_Problems';
import WARNINGS from '@salesforce/label/c.WebexHealth_Warnings';
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

/** What the section does; each shows its own line beside the spinner. */
const BUSY_MESSAGES = {
    // Running the checks is the section's load: a failure offers Retry.
    loading: RUNNING,
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

/**
 * What the summary counts, worst first (its icon is the first one present): a problem (`error`) is
 * something that does not work, a warning something to look at while it still works, a check not run
 * (`unknown`) neither. Each with its singular and plural label.
 */
const SUMMARY_COUNTS: Array<{ status: Exclude<WebexHealthStatus, 'ok'>; one: string; many: string }> = [
    { status: 'error', one: ONE_PROBLEM, many: PROBLEMS },
    { status: 'warning', one: ONE_WARNING, many: WARNINGS },
    { status: 'unknown', one: ONE_NOT_CHECKED, many: NOT_CHECKED }
];

/** Between the summary's counts: the same in English and French. */
const SUMMARY_SEPARATOR = ', ';

/** The buttons a row offers, each told apart by `data-action` (one handler, handleFix, serves them all). */
export type HealthFixAction = 'reactivate' | 'create-channel' | 'fill-phone-keys' | 'open-error-log' | 'go-to';

/** A section's own fix of a check (`WebexHealthCheck.fix`): its button. */
const APEX_FIXES: Record<WebexHealthFix, { action: HealthFixAction; label: string }> = {
    createCallEventChannel: { action: 'create-channel', label: CREATE_CHANNEL },
    fillPhoneKeys: { action: 'fill-phone-keys', label: FILL_PHONE_KEYS }
};

/** A button under a check that is not ok. */
export interface HealthFix {
    action: HealthFixAction;
    label: string;
    /** `neutral` for a fix made here (Apex), `base` (a link's look) for what opens elsewhere. */
    variant: 'neutral' | 'base';
    /** A fix made here waits for the action under way; opening elsewhere never does. */
    disabled: boolean;
    /** The section Go to brings into view; null for the other buttons. */
    section: WebexAdminSectionName | null;
}

export interface HealthRow {
    id: string;
    title: string;
    detail: string;
    icon: string;
    variant: string;
    statusText: string;
    rowClass: string;
    action: string | null;
    fixes: HealthFix[];
    hasFixes: boolean;
}

export default class WebexAdminHealthCheck extends NavigationMixin(LightningElement) {
    readonly labels = {
        run: RUN,
        checks: CHECKS_LABEL
    };

    /** The last answer; null until the first one. */
    checks: WebexHealthCheck[] | null = null;
    state: SectionState = IDLE;
    readonly frame = statusFrame({
        heading: TITLE,
        iconName: 'standard:dashboard',
        help: HELP,
        errorTitle: ERROR_TITLE
    });
    // Each call retries Webex's rate limits itself (c/webexRetry): reactivating retries each webhook on its own.
    private readonly flow = new SectionFlow(this, { title: TITLE, busyMessages: BUSY_MESSAGES });
    /** What a fix started in the background, once started (until the next action). */
    notice: string | null = null;

    /**
     * Contact's and Lead's plural labels as the org names them for this user (renamed, translated), from the
     * schema, as the checks' own text names them (WebexHealthCheckService.phoneKeyObjectNames); the API names
     * until they arrive.
     */
    private objectNames = { Contact: 'Contact', Lead: 'Lead' };

    @wire(getObjectInfo, { objectApiName: CONTACT_OBJECT })
    wiredContactInfo(result: WireResult<UiObjectInfo>): void {
        if (result.data) this.objectNames = { ...this.objectNames, Contact: result.data.labelPlural };
    }

    @wire(getObjectInfo, { objectApiName: LEAD_OBJECT })
    wiredLeadInfo(result: WireResult<UiObjectInfo>): void {
        if (result.data) this.objectNames = { ...this.objectNames, Lead: result.data.labelPlural };
    }

    connectedCallback(): void {
        this.runChecks();
    }

    get isBusy(): boolean {
        return this.flow.isBusy;
    }

    get hasChecks(): boolean {
        return this.checks !== null;
    }

    /** How many checks have each status; a status the section does not know counts as not checked. */
    get statusCounts(): Record<WebexHealthStatus, number> {
        const counts: Record<WebexHealthStatus, number> = { ok: 0, warning: 0, error: 0, unknown: 0 };
        for (const check of this.checks ?? []) counts[check.status in counts ? check.status : 'unknown']++;
        return counts;
    }

    /** "All checks passed", else "2 problems, 1 warning", "No problems, 1 warning, 2 not checked"... */
    get summary(): string {
        const counts = this.statusCounts;
        const parts = SUMMARY_COUNTS.filter(({ status }) => counts[status] > 0).map(({ status, one, many }) => {
            return counts[status] === 1 ? one : formatLabel(many, counts[status]);
        });
        if (parts.length === 0) return ALL_PASSED;
        if (counts.error === 0) parts.unshift(NO_PROBLEMS);
        return parts.join(SUMMARY_SEPARATOR);
    }

    /** The worst status among the checks: the summary's icon and colour. */
    get worstStatus(): WebexHealthStatus {
        const counts = this.statusCounts;
        return SUMMARY_COUNTS.find(({ status }) => counts[status] > 0)?.status ?? 'ok';
    }

    get summaryIcon(): string {
        return STATUS_DISPLAY[this.worstStatus].icon;
    }

    get summaryVariant(): string {
        return STATUS_DISPLAY[this.worstStatus].variant;
    }

    get rows(): HealthRow[] {
        return (this.checks ?? []).map((check) => {
            const display = STATUS_DISPLAY[check.status] ?? STATUS_DISPLAY.unknown;
            const ok = check.status === 'ok';
            const fixes = ok ? [] : this.fixesOf(check);
            return {
                id: check.id,
                title: check.title,
                detail: check.detail,
                icon: display.icon,
                variant: display.variant,
                statusText: display.text,
                rowClass: `slds-item health-row health-row_${check.status}`,
                action: ok ? null : check.action,
                fixes,
                hasFixes: fixes.length > 0
            };
        });
    }

    /** The buttons of a check that is not ok: the fixes made here first, then where to read or fix it. */
    private fixesOf(check: WebexHealthCheck): HealthFix[] {
        const here = (action: HealthFixAction, label: string): HealthFix => ({
            action,
            label,
            variant: 'neutral',
            disabled: this.isBusy,
            section: null
        });
        const fixes: HealthFix[] = [];
        if ((check.inactiveWebhookIds ?? []).length > 0) fixes.push(here('reactivate', REACTIVATE));
        const apexFix = check.fix ? APEX_FIXES[check.fix] : undefined;
        if (apexFix) fixes.push(here(apexFix.action, apexFix.label));
        if (check.link === 'errorLog')
            fixes.push({
                action: 'open-error-log',
                label: OPEN_ERROR_LOG,
                variant: 'base',
                disabled: false,
                section: null
            });
        const sectionTitle = check.section ? SECTION_TITLES[check.section] : undefined;
        if (sectionTitle)
            fixes.push({
                action: 'go-to',
                label: formatLabel(GO_TO, sectionTitle),
                variant: 'base',
                disabled: false,
                section: check.section
            });
        return fixes;
    }

    /** What each button of the rows does, given its `data-*` (`check`, `section`). */
    private readonly fixHandlers: Record<HealthFixAction, (data: DOMStringMap) => Promise<void> | void> = {
        reactivate: (data) => this.reactivateWebhooks(data.check),
        'create-channel': () => this.createChannel(),
        'fill-phone-keys': () => this.startFillingPhoneKeys(),
        'open-error-log': () => this.openErrorLog(),
        'go-to': (data) => this.goTo(data.section)
    };

    /** Every button of the rows: `data-action` says which. */
    async handleFix(event: Event): Promise<void> {
        const data = (event.currentTarget as HTMLElement).dataset;
        await this.fixHandlers[data.action as HealthFixAction]?.(data);
    }

    /** Run the health check, and the Retry of checks that could not run. */
    async handleRun(): Promise<void> {
        this.notice = null;
        await this.runChecks();
    }

    /** Opens the Webex Error Log tab, where each error is read by the reference its user was shown. */
    private openErrorLog(): void {
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
    private async startFillingPhoneKeys(): Promise<void> {
        this.notice = null;
        await this.flow.run('fillingPhoneKeys', () => callWithRetry(() => fillPhoneKeys()), {
            apply: () => {
                this.notice = formatLabel(PHONE_KEYS_STARTED, this.objectNames.Contact, this.objectNames.Lead);
            }
        });
    }

    /** Asks the Webex Admin tab to bring the section that fixes this check into view. */
    private goTo(section: string | undefined): void {
        if (!section) return;
        this.dispatchEvent(new CustomEvent(SECTION_JUMP_EVENT, { detail: { section } }));
    }

    /** Reactivates every webhook Webex disabled (Integration Settings' own call), then checks again. */
    private async reactivateWebhooks(id: string | undefined): Promise<void> {
        const check = (this.checks ?? []).find((candidate) => candidate.id === id);
        if (!check) return;
        await this.fixThenCheck('reactivating', () =>
            Promise.all(
                check.inactiveWebhookIds.map((webhookId) => callWithRetry(() => reactivateWebhook({ webhookId })))
            )
        );
    }

    /** Creates the call-event channel (the check's own fix), then checks again. */
    private async createChannel(): Promise<void> {
        await this.fixThenCheck('creatingChannel', () => callWithRetry(() => createCallEventChannel()));
    }

    /** A fix made here, then the checks again (in a request of their own); a failed fix keeps the rows. */
    private async fixThenCheck(busy: keyof typeof BUSY_MESSAGES, fix: () => Promise<unknown>): Promise<void> {
        let fixed = false;
        await this.flow.run(busy, fix, {
            apply: () => {
                fixed = true;
            }
        });
        if (fixed) await this.runChecks();
    }

    /** The checks, the section's load: a failure says why with Retry, and the rows shown before stay. */
    private async runChecks(): Promise<void> {
        await this.flow.load(
            () => callWithRetry(() => runHealthCheck()),
            (checks) => {
                this.checks = checks ?? [];
            }
        );
    }
}
