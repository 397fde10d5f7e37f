/**
 * "Webex Integration Settings", the first section of the Webex Admin tab: the administrator pastes
 * a Webex access token and saves it (Apex checks it with Webex and keeps it server-side), registers
 * the package's webhooks, and sees whose token is stored and which webhooks exist.
 *
 * View and intent only: every Apex call goes through `callWithRetry` (Webex rate limits) and every
 * failure through `toWebexError` (a message a person can act on).
 */
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getIntegrationStatus from '@salesforce/apex/WebexAdminController.getIntegrationStatus';
import reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import registerWebhooks from '@salesforce/apex/WebexAdminController.registerWebhooks';
import saveAccessToken from '@salesforce/apex/WebexAdminController.saveAccessToken';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { callWithRetry, type RetryWait } from 'c/webexRetry';
import ACTIVE from '@salesforce/label/c.WebexIntegration_Active';
import COL_ACTION from '@salesforce/label/c.WebexIntegration_ColAction';
import COL_EVENT from '@salesforce/label/c.WebexIntegration_ColEvent';
import COL_NAME from '@salesforce/label/c.WebexIntegration_ColName';
import COL_RESOURCE from '@salesforce/label/c.WebexIntegration_ColResource';
import COL_STATUS from '@salesforce/label/c.WebexIntegration_ColStatus';
import COL_TARGET_URL from '@salesforce/label/c.WebexIntegration_ColTargetUrl';
import EMAIL from '@salesforce/label/c.WebexIntegration_Email';
import ERROR_TITLE from '@salesforce/label/c.WebexIntegration_ErrorTitle';
import HELP from '@salesforce/label/c.WebexIntegration_Help';
import INACTIVE from '@salesforce/label/c.WebexIntegration_Inactive';
import LOADING from '@salesforce/label/c.WebexIntegration_Loading';
import NO_SITE from '@salesforce/label/c.WebexIntegration_NoSite';
import NO_TOKEN from '@salesforce/label/c.WebexIntegration_NoToken';
import NO_WEBHOOKS from '@salesforce/label/c.WebexIntegration_NoWebhooks';
import ORG_ID from '@salesforce/label/c.WebexIntegration_OrgId';
import REACTIVATE from '@salesforce/label/c.WebexIntegration_Reactivate';
import REACTIVATE_ALT from '@salesforce/label/c.WebexIntegration_ReactivateAlt';
import REACTIVATE_SUCCESS from '@salesforce/label/c.WebexIntegration_ReactivateSuccess';
import REACTIVATING from '@salesforce/label/c.WebexIntegration_Reactivating';
import REGISTER from '@salesforce/label/c.WebexIntegration_Register';
import REGISTER_SUCCESS from '@salesforce/label/c.WebexIntegration_RegisterSuccess';
import REGISTERING from '@salesforce/label/c.WebexIntegration_Registering';
import RETRYING_IN from '@salesforce/label/c.WebexIntegration_RetryingIn';
import SAVE from '@salesforce/label/c.WebexIntegration_Save';
import SAVE_SUCCESS from '@salesforce/label/c.WebexIntegration_SaveSuccess';
import SAVING from '@salesforce/label/c.WebexIntegration_Saving';
import SITE_URL from '@salesforce/label/c.WebexIntegration_SiteUrl';
import STATUS_TITLE from '@salesforce/label/c.WebexIntegration_StatusTitle';
import TITLE from '@salesforce/label/c.WebexIntegration_Title';
import TOKEN_LABEL from '@salesforce/label/c.WebexIntegration_TokenLabel';
import TOKEN_OWNER from '@salesforce/label/c.WebexIntegration_TokenOwner';
import TOKEN_PLACEHOLDER from '@salesforce/label/c.WebexIntegration_TokenPlaceholder';
import TOKEN_REQUIRED from '@salesforce/label/c.WebexIntegration_TokenRequired';
import VERIFIED_AT from '@salesforce/label/c.WebexIntegration_VerifiedAt';
import WEBHOOKS from '@salesforce/label/c.WebexIntegration_Webhooks';

/** What the section is doing; each shows its own line beside the spinner. */
type BusyAction = 'loading' | 'saving' | 'registering' | 'reactivating';

/** The methods of lightning-input this section uses (not covered by @salesforce/lightning-types). */
interface TokenInput extends HTMLElement {
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
}

const BUSY_MESSAGES: Record<BusyAction, string> = {
    loading: LOADING,
    saving: SAVING,
    registering: REGISTERING,
    reactivating: REACTIVATING
};

export default class WebexAdminIntegrationSettings extends LightningElement {
    readonly labels = {
        title: TITLE,
        help: HELP,
        tokenLabel: TOKEN_LABEL,
        tokenPlaceholder: TOKEN_PLACEHOLDER,
        save: SAVE,
        register: REGISTER,
        errorTitle: ERROR_TITLE,
        statusTitle: STATUS_TITLE,
        noToken: NO_TOKEN,
        tokenOwner: TOKEN_OWNER,
        email: EMAIL,
        orgId: ORG_ID,
        verifiedAt: VERIFIED_AT,
        siteUrl: SITE_URL,
        noSite: NO_SITE,
        webhooks: WEBHOOKS,
        noWebhooks: NO_WEBHOOKS,
        colName: COL_NAME,
        colResource: COL_RESOURCE,
        colEvent: COL_EVENT,
        colStatus: COL_STATUS,
        colTargetUrl: COL_TARGET_URL,
        colAction: COL_ACTION,
        reactivate: REACTIVATE
    };

    /** The last status Apex returned; null until the first answer. */
    status: WebexIntegrationStatus | null = null;
    /** What the administrator typed; kept after a failure, cleared once the token is stored. */
    token = '';
    busy: BusyAction | null = null;
    retryWait: RetryWait | null = null;
    errorMessage: string | null = null;
    successMessage: string | null = null;

    connectedCallback(): void {
        this.run('loading', () => getIntegrationStatus());
    }

    get isBusy(): boolean {
        return this.busy !== null;
    }

    get registerDisabled(): boolean {
        return this.isBusy || !this.status?.tokenStored;
    }

    /** The line beside the spinner: the rate-limit countdown while waiting, else what is going on. */
    get busyMessage(): string | null {
        if (!this.busy) return null;
        if (this.retryWait) {
            const { secondsLeft, attempt, maxAttempts } = this.retryWait;
            return formatLabel(RETRYING_IN, secondsLeft, attempt, maxAttempts);
        }
        return BUSY_MESSAGES[this.busy];
    }

    get hasStatus(): boolean {
        return this.status !== null;
    }

    get tokenStored(): boolean {
        return Boolean(this.status?.tokenStored);
    }

    get ownerName(): string {
        return this.status?.owner?.displayName ?? '';
    }

    get ownerEmail(): string | null {
        return this.status?.owner?.email ?? null;
    }

    get ownerOrgId(): string {
        return this.status?.owner?.orgId ?? '';
    }

    get verifiedAt(): string | null {
        return this.status?.verifiedAt ?? null;
    }

    get siteUrl(): string | null {
        return this.status?.siteUrl ?? null;
    }

    get webhooksError(): string | null {
        return this.status?.webhooksError ?? null;
    }

    /** One row per webhook: its columns, its status badge and, when inactive, its Re-activate button. */
    get webhookRows() {
        return (this.status?.webhooks ?? []).map((hook) => {
            const isActive = (hook.status ?? '').toLowerCase() === 'active';
            return {
                id: hook.id,
                name: hook.name,
                resource: hook.resource,
                event: hook.event,
                isInactive: !isActive,
                statusLabel: isActive ? ACTIVE : INACTIVE,
                badgeClass: isActive ? 'slds-theme_success' : 'slds-theme_warning',
                reactivateLabel: formatLabel(REACTIVATE_ALT, hook.name),
                targetUrl: hook.targetUrl
            };
        });
    }

    get hasWebhooks(): boolean {
        return this.webhookRows.length > 0;
    }

    handleTokenChange(event: CustomEvent<{ value?: string }>): void {
        this.token = event.detail?.value ?? '';
        const input = this.tokenInput;
        if (input && this.token.trim()) {
            // The field-level error goes away as soon as there is something to save.
            input.setCustomValidity('');
            input.reportValidity();
        }
    }

    handleTokenKeyDown(event: KeyboardEvent): void {
        if (event.key === 'Enter' && !this.isBusy) {
            event.preventDefault();
            this.handleSave();
        }
    }

    async handleSave(): Promise<void> {
        const accessToken = this.token.trim();
        const input = this.tokenInput;
        if (!accessToken) {
            input?.setCustomValidity(TOKEN_REQUIRED);
            input?.reportValidity();
            return;
        }
        input?.setCustomValidity('');
        input?.reportValidity();
        const saved = await this.run('saving', () => saveAccessToken({ accessToken }));
        if (!saved) return;
        this.token = '';
        this.announce(formatLabel(SAVE_SUCCESS, saved.owner?.displayName ?? ''));
    }

    async handleRegister(): Promise<void> {
        const registered = await this.run('registering', () => registerWebhooks());
        if (registered) this.announce(REGISTER_SUCCESS);
    }

    async handleReactivate(event: Event): Promise<void> {
        const webhookId = (event.currentTarget as HTMLElement).dataset.webhookId;
        if (!webhookId) return;
        const reactivated = await this.run('reactivating', () => reactivateWebhook({ webhookId }));
        if (reactivated) this.announce(REACTIVATE_SUCCESS);
    }

    private get tokenInput(): TokenInput | null {
        return (this.refs?.tokenInput as TokenInput | undefined) ?? null;
    }

    /**
     * Runs one Apex call with the section busy: the countdown while Webex rate-limits, the new
     * status on success, the message of the failure in the alert otherwise (the typed token stays).
     */
    private async run(
        action: BusyAction,
        call: () => Promise<WebexIntegrationStatus>
    ): Promise<WebexIntegrationStatus | null> {
        this.busy = action;
        this.retryWait = null;
        this.errorMessage = null;
        this.successMessage = null;
        try {
            const status = await callWithRetry(call, {
                onWait: (wait) => {
                    this.retryWait = wait;
                }
            });
            this.status = status;
            return status;
        } catch (error) {
            this.errorMessage = toWebexError(error).message;
            return null;
        } finally {
            this.busy = null;
            this.retryWait = null;
        }
    }

    /** A success stays visible in the section and is also shown as a toast. */
    private announce(message: string): void {
        this.successMessage = message;
        this.dispatchEvent(new ShowToastEvent({ title: TITLE, message, variant: 'success' }));
    }
}
