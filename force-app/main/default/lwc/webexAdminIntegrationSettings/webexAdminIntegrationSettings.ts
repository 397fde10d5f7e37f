/**
 * "Webex Integration Settings", the first section of the Webex Admin tab: the administrator pastes
 * a Webex access token and saves it (Apex checks it with Webex and keeps it server-side), registers
 * the package's webhooks, and sees whose token is stored and which webhooks exist.
 *
 * View and intent only: every Apex call goes through `callWithRetry` (Webex rate limits) and every
 * failure through `toWebexError` (a message a person can act on).
 */
import getIntegrationStatus from '@salesforce/apex/WebexAdminController.getIntegrationStatus';
import reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import registerWebhooks from '@salesforce/apex/WebexAdminController.registerWebhooks';
import saveAccessToken from '@salesforce/apex/WebexAdminController.saveAccessToken';
import { StatusFlow, StatusSection } from 'c/webexAdminSectionFlow';
import { credentialsOf, type CredentialAction, type CredentialField } from 'c/webexAdminCredentialFields';
import { formatLabel } from 'c/webexLabelFormat';
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

/** What the section does; each shows its own line beside the spinner. */
const BUSY_MESSAGES = {
    loading: LOADING,
    saving: SAVING,
    registering: REGISTERING,
    reactivating: REACTIVATING
};

export default class WebexAdminIntegrationSettings extends StatusSection<WebexIntegrationStatus> {
    readonly labels = {
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

    /** What the administrator typed; kept after a failure, cleared once the token is stored. */
    token = '';
    /** Every action answers with the new status; on a failure its message shows and the typed token stays. */
    protected readonly flow = new StatusFlow<WebexIntegrationStatus>(this, {
        title: TITLE,
        iconName: 'standard:connected_apps',
        help: HELP,
        errorTitle: ERROR_TITLE,
        busyMessages: BUSY_MESSAGES,
        retryingMessage: RETRYING_IN,
        loadStatus: () => getIntegrationStatus()
    });

    get registerDisabled(): boolean {
        return this.isBusy || !this.status?.tokenStored;
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

    /** The token field: masked, required. */
    get tokenFields(): CredentialField[] {
        return [
            {
                name: 'accessToken',
                label: TOKEN_LABEL,
                type: 'password',
                placeholder: TOKEN_PLACEHOLDER,
                value: this.token,
                required: TOKEN_REQUIRED
            }
        ];
    }

    /** Save (Enter in the field too), then Register once a token is stored. */
    get credentialActions(): CredentialAction[] {
        return [
            { name: 'save', label: SAVE, disabled: this.isBusy },
            { name: 'register', label: REGISTER, disabled: this.registerDisabled }
        ];
    }

    handleCredentialAction(event: CustomEvent<{ name: string }>): void {
        if (event.detail.name === 'register') this.handleRegister();
        else this.handleSave();
    }

    handleTokenChange(event: CustomEvent<{ value: string }>): void {
        this.token = event.detail.value;
    }

    async handleSave(): Promise<void> {
        const accessToken = this.token.trim();
        if (!credentialsOf(this)?.check()) return;
        const saved = await this.flow.act('saving', () => saveAccessToken({ accessToken }), {
            success: (status) => formatLabel(SAVE_SUCCESS, status?.owner?.displayName ?? '')
        });
        if (saved) this.token = '';
    }

    async handleRegister(): Promise<void> {
        await this.flow.act('registering', () => registerWebhooks(), { success: REGISTER_SUCCESS });
    }

    async handleReactivate(event: Event): Promise<void> {
        const webhookId = (event.currentTarget as HTMLElement).dataset.webhookId;
        if (!webhookId) return;
        await this.flow.act('reactivating', () => reactivateWebhook({ webhookId }), { success: REACTIVATE_SUCCESS });
    }
}
