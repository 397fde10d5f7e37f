/**
 * "Webex Site for Webhooks", a section of the Webex Admin tab: Create Site creates the public site
 * Webex delivers webhooks to (Apex calls the Metadata API with the Salesforce authorization), then the
 * section checks that the site's webhook endpoint answers. It says up front what creating the site
 * needs (the System Administrator profile, the Webex Admin permission set, Salesforce authorized), and
 * the server refuses with the same words when something is missing. Creating it again changes nothing.
 */
import checkSite from '@salesforce/apex/WebexSiteController.checkSite';
import createSite from '@salesforce/apex/WebexSiteController.createSite';
import getSiteStatus from '@salesforce/apex/WebexSiteController.getSiteStatus';
import { StatusFlow, StatusSection } from 'c/webexAdminSectionFlow';
import AUTHORIZE_FIRST from '@salesforce/label/c.WebexSfAuth_ErrorNotAuthorized';
import ALREADY_EXISTS from '@salesforce/label/c.WebexSite_AlreadyExists';
import CHECK from '@salesforce/label/c.WebexSite_Check';
import CHECKING from '@salesforce/label/c.WebexSite_Checking';
import CREATE from '@salesforce/label/c.WebexSite_Create';
import CREATED from '@salesforce/label/c.WebexSite_Created';
import CREATING from '@salesforce/label/c.WebexSite_Creating';
import ERROR_TITLE from '@salesforce/label/c.WebexSite_ErrorTitle';
import GUEST_ACCESS from '@salesforce/label/c.WebexSite_GuestAccess';
import GUEST_ACCESS_GRANTED from '@salesforce/label/c.WebexSite_GuestAccessGranted';
import GUEST_ACCESS_MISSING from '@salesforce/label/c.WebexSite_GuestAccessMissing';
import HELP from '@salesforce/label/c.WebexSite_Help';
import LOADING from '@salesforce/label/c.WebexSite_Loading';
import MET from '@salesforce/label/c.WebexSite_Met';
import MISSING from '@salesforce/label/c.WebexSite_Missing';
import NEEDS_SYSTEM_ADMIN from '@salesforce/label/c.WebexSite_ErrorNotSystemAdmin';
import NO_SITE from '@salesforce/label/c.WebexSite_NoSite';
import REQUIREMENT_AUTHORIZED from '@salesforce/label/c.WebexSite_RequirementAuthorized';
import REQUIREMENT_SYSTEM_ADMIN from '@salesforce/label/c.WebexSite_RequirementSysAdmin';
import REQUIREMENT_WEBEX_ADMIN from '@salesforce/label/c.WebexSite_RequirementWebexAdmin';
import REQUIREMENTS_TITLE from '@salesforce/label/c.WebexSite_RequirementsTitle';
import SITE_NAME from '@salesforce/label/c.WebexSite_SiteName';
import SITE_URL from '@salesforce/label/c.WebexSite_SiteUrl';
import STATUS_TITLE from '@salesforce/label/c.WebexSite_StatusTitle';
import TITLE from '@salesforce/label/c.WebexSite_Title';
import WEBHOOK_URL from '@salesforce/label/c.WebexSite_WebhookUrl';

/** What the section does; each shows its own line beside the spinner. */
const BUSY_MESSAGES = {
    loading: LOADING,
    creating: CREATING,
    checking: CHECKING
};

export default class WebexAdminWebhookSite extends StatusSection<WebexSiteStatus> {
    readonly labels = {
        requirementsTitle: REQUIREMENTS_TITLE,
        create: CREATE,
        check: CHECK,
        statusTitle: STATUS_TITLE,
        siteName: SITE_NAME,
        siteUrl: SITE_URL,
        webhookUrl: WEBHOOK_URL,
        noSite: NO_SITE,
        guestAccess: GUEST_ACCESS,
        needsSystemAdmin: NEEDS_SYSTEM_ADMIN,
        authorizeFirst: AUTHORIZE_FIRST
    };

    /** Every action answers with the new status; on a failure the status shown before stays. */
    protected readonly flow = new StatusFlow<WebexSiteStatus>(this, {
        title: TITLE,
        iconName: 'standard:global_constant',
        help: HELP,
        successDetail: true,
        errorTitle: ERROR_TITLE,
        busyMessages: BUSY_MESSAGES,
        loadStatus: () => getSiteStatus()
    });

    get checkDisabled(): boolean {
        return this.isBusy || !this.status?.exists;
    }

    /** What creating the site needs, each met or missing (the Webex Admin permission set, or this section would not load). */
    get requirements(): Array<{ key: string; label: string; icon: string; variant: string; state: string }> {
        const status = this.status;
        return [
            { key: 'systemAdministrator', label: REQUIREMENT_SYSTEM_ADMIN, met: Boolean(status?.systemAdministrator) },
            { key: 'webexAdmin', label: REQUIREMENT_WEBEX_ADMIN, met: true },
            { key: 'salesforceAuthorized', label: REQUIREMENT_AUTHORIZED, met: Boolean(status?.salesforceAuthorized) }
        ].map(({ key, label, met }) => ({
            key,
            label,
            icon: met ? 'utility:success' : 'utility:error',
            variant: met ? 'success' : 'error',
            state: met ? MET : MISSING
        }));
    }

    get needsSystemAdmin(): boolean {
        return this.hasStatus && !this.status?.systemAdministrator;
    }

    get needsAuthorization(): boolean {
        return this.hasStatus && !this.status?.salesforceAuthorized && !this.status?.exists;
    }

    get siteExists(): boolean {
        return Boolean(this.status?.exists);
    }

    get siteName(): string {
        return this.status?.siteName ?? '';
    }

    get siteUrl(): string | null {
        return this.status?.siteUrl ?? null;
    }

    get webhookUrl(): string | null {
        return this.status?.webhookUrl ?? null;
    }

    get guestAccessText(): string {
        return this.status?.guestAccess ? GUEST_ACCESS_GRANTED : GUEST_ACCESS_MISSING;
    }

    get guestAccessClass(): string {
        return this.status?.guestAccess ? '' : 'slds-text-color_error';
    }

    get warning(): string | null {
        return this.status?.warning ?? null;
    }

    get check(): { message: string; icon: string; variant: string } | null {
        const check = this.status?.check;
        if (!check) return null;
        return {
            message: check.message,
            icon: check.reachable ? 'utility:success' : 'utility:warning',
            variant: check.reachable ? 'success' : 'warning'
        };
    }

    async handleCreate(): Promise<void> {
        const status = await this.flow.act('creating', () => createSite(), {
            success: (created) => (created ? (created.created ? CREATED : ALREADY_EXISTS) : null)
        });
        if (status?.exists) await this.flow.act('checking', () => checkSite(), { keepSuccess: true });
    }

    async handleCheck(): Promise<void> {
        await this.flow.act('checking', () => checkSite());
    }
}
