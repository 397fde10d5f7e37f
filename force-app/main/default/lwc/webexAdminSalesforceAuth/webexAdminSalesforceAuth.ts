/**
 * "Salesforce Authorization", a section of the Webex Admin tab: the administrator sets up an External
 * Client App (new connected apps are blocked since Spring '26; one set up for an earlier version keeps
 * working once it offers the `api` scope), enters its consumer key and secret and clicks Authorize; the
 * browser goes to Salesforce's consent page and comes back, through the Visualforce page `webexsfdcauth`,
 * to this tab with the outcome in the `<namespace>__webexSfAuth` page parameter (`c__` unpackaged). The section shows who authorized
 * the package and when, offers Revoke, the exact callback URLs, scopes, policies and Remote Site Setting
 * to configure, and the migration note for orgs that used the named credential ApexMDTAPI (up to 1.18).
 *
 * The consumer key and secret go to Apex once and never come back: the status holds no secret.
 */
import { wire } from 'lwc';
import { CurrentPageReference, type PageReference } from 'lightning/navigation';
import getAuthorizationStatus from '@salesforce/apex/WebexSalesforceAuthController.getAuthorizationStatus';
import revokeAuthorization from '@salesforce/apex/WebexSalesforceAuthController.revokeAuthorization';
import startAuthorization from '@salesforce/apex/WebexSalesforceAuthController.startAuthorization';
import { StatusFlow, StatusSection, type RunOptions, type SectionState } from 'c/webexAdminSectionFlow';
import { credentialsOf, type CredentialAction, type CredentialField } from 'c/webexAdminCredentialFields';
import { formatLabel } from 'c/webexLabelFormat';
import NOT_ADMIN from '@salesforce/label/c.WebexError_NotAdmin';
import AUTHORIZE from '@salesforce/label/c.WebexSfAuth_Authorize';
import AUTHORIZED_AS from '@salesforce/label/c.WebexSfAuth_AuthorizedAs';
import AUTHORIZED_AT from '@salesforce/label/c.WebexSfAuth_AuthorizedAt';
import AUTHORIZING from '@salesforce/label/c.WebexSfAuth_Authorizing';
import CONSUMER_KEY from '@salesforce/label/c.WebexSfAuth_ConsumerKey';
import CONSUMER_KEY_REQUIRED from '@salesforce/label/c.WebexSfAuth_ConsumerKeyRequired';
import CONSUMER_SECRET from '@salesforce/label/c.WebexSfAuth_ConsumerSecret';
import CONSUMER_SECRET_REQUIRED from '@salesforce/label/c.WebexSfAuth_ConsumerSecretRequired';
import COPIED from '@salesforce/label/c.WebexSfAuth_Copied';
import COPY_ALT from '@salesforce/label/c.WebexSfAuth_CopyAlt';
import COPY_FAILED from '@salesforce/label/c.WebexSfAuth_CopyFailed';
import ERROR_TITLE from '@salesforce/label/c.WebexSfAuth_ErrorTitle';
import ERROR_UNREACHABLE from '@salesforce/label/c.WebexSfAuth_ErrorUnreachable';
import HELP from '@salesforce/label/c.WebexSfAuth_Help';
import LOADING from '@salesforce/label/c.WebexSfAuth_Loading';
import MIGRATION_INTRO from '@salesforce/label/c.WebexSfAuth_MigrationIntro';
import MIGRATION_STEP_1 from '@salesforce/label/c.WebexSfAuth_MigrationStep1';
import MIGRATION_STEP_2 from '@salesforce/label/c.WebexSfAuth_MigrationStep2';
import MIGRATION_STEP_3 from '@salesforce/label/c.WebexSfAuth_MigrationStep3';
import MIGRATION_TITLE from '@salesforce/label/c.WebexSfAuth_MigrationTitle';
import NOT_AUTHORIZED from '@salesforce/label/c.WebexSfAuth_NotAuthorized';
import OUTCOME_AUTHORIZED from '@salesforce/label/c.WebexSfAuth_OutcomeAuthorized';
import OUTCOME_DENIED from '@salesforce/label/c.WebexSfAuth_OutcomeDenied';
import OUTCOME_FAILED from '@salesforce/label/c.WebexSfAuth_OutcomeFailedReturn';
import OUTCOME_INVALID_CLIENT from '@salesforce/label/c.WebexSfAuth_OutcomeInvalidClient';
import OUTCOME_INVALID_GRANT from '@salesforce/label/c.WebexSfAuth_OutcomeInvalidGrant';
import OUTCOME_INVALID_SCOPE from '@salesforce/label/c.WebexSfAuth_OutcomeInvalidScope';
import OUTCOME_NO_REFRESH_TOKEN from '@salesforce/label/c.WebexSfAuth_OutcomeNoRefreshToken';
import OUTCOME_STATE from '@salesforce/label/c.WebexSfAuth_OutcomeState';
import REVOKE from '@salesforce/label/c.WebexSfAuth_Revoke';
import REVOKE_SUCCESS from '@salesforce/label/c.WebexSfAuth_RevokeSuccess';
import REVOKING from '@salesforce/label/c.WebexSfAuth_Revoking';
import SETUP_APP from '@salesforce/label/c.WebexSfAuth_SetupApp';
import SETUP_CALLBACKS from '@salesforce/label/c.WebexSfAuth_SetupCallbacks';
import SETUP_EXISTING_APP from '@salesforce/label/c.WebexSfAuth_SetupExistingApp';
import SETUP_POLICIES from '@salesforce/label/c.WebexSfAuth_SetupPolicies';
import SETUP_REMOTE_SITE from '@salesforce/label/c.WebexSfAuth_SetupRemoteSite';
import SETUP_SCOPES from '@salesforce/label/c.WebexSfAuth_SetupScopes';
import SETUP_TITLE from '@salesforce/label/c.WebexSfAuth_SetupTitle';
import SETUP_WAIT from '@salesforce/label/c.WebexSfAuth_SetupWait';
import STATUS_TITLE from '@salesforce/label/c.WebexSfAuth_StatusTitle';
import TITLE from '@salesforce/label/c.WebexSfAuth_Title';
import USERNAME from '@salesforce/label/c.WebexSfAuth_Username';

/**
 * The page parameter the Visualforce page puts the outcome in (WebexSalesforceAuthCallback.OUTCOME_PARAMETER),
 * without its namespace: page state keys take the package's namespace once packaged (`webexsf__webexSfAuth`)
 * and `c__` otherwise (LWC Developer Guide, "Add Query Parameters"), so any namespace is read.
 */
export const OUTCOME_PARAMETER = 'webexSfAuth';

/** What the section does; each shows its own line beside the spinner. */
const BUSY_MESSAGES = {
    loading: LOADING,
    authorizing: AUTHORIZING,
    revoking: REVOKING
};

/** What each failed outcome of the return from Salesforce means (the Visualforce page said it too). */
const OUTCOME_ERRORS: Record<string, string> = {
    access_denied: OUTCOME_DENIED,
    invalid_client: OUTCOME_INVALID_CLIENT,
    invalid_grant: OUTCOME_INVALID_GRANT,
    invalid_scope: OUTCOME_INVALID_SCOPE,
    state: OUTCOME_STATE,
    no_refresh_token: OUTCOME_NO_REFRESH_TOKEN,
    not_admin: NOT_ADMIN
};

export default class WebexAdminSalesforceAuth extends StatusSection<WebexSalesforceAuthStatus> {
    readonly labels = {
        statusTitle: STATUS_TITLE,
        notAuthorized: NOT_AUTHORIZED,
        username: USERNAME,
        authorizedAt: AUTHORIZED_AT,
        revoke: REVOKE,
        setupTitle: SETUP_TITLE,
        setupApp: SETUP_APP,
        setupCallbacks: SETUP_CALLBACKS,
        setupScopes: SETUP_SCOPES,
        setupPolicies: SETUP_POLICIES,
        setupRemoteSite: SETUP_REMOTE_SITE,
        setupWait: SETUP_WAIT,
        setupExistingApp: SETUP_EXISTING_APP,
        migrationTitle: MIGRATION_TITLE,
        migrationIntro: MIGRATION_INTRO,
        migrationSteps: [MIGRATION_STEP_1, MIGRATION_STEP_2, MIGRATION_STEP_3].map((text, index) => ({
            key: `step-${index + 1}`,
            text
        }))
    };

    /** What the administrator typed; kept after a failure. */
    consumerKey = '';
    consumerSecret = '';
    protected readonly flow = new StatusFlow<WebexSalesforceAuthStatus>(this, {
        title: TITLE,
        iconName: 'standard:connected_apps',
        help: HELP,
        errorTitle: ERROR_TITLE,
        busyMessages: BUSY_MESSAGES,
        loadStatus: () => getAuthorizationStatus()
    });
    /** The polite announcement of a copy to the clipboard. */
    copyMessage: string | null = null;
    /** How the last authorization ended, from the link the Visualforce page returned with. */
    outcome: string | null = null;

    /** The Retry of a failed load; a copy said before no longer applies. */
    handleRetry(): void {
        this.copyMessage = null;
        super.handleRetry();
    }

    @wire(CurrentPageReference)
    handlePageReference(reference: PageReference | undefined): void {
        const state = reference?.state ?? {};
        const key = Object.keys(state).find((name) => name.endsWith(`__${OUTCOME_PARAMETER}`));
        this.outcome = key ? (state[key] ?? null) : null;
    }

    /** What the frame shows: this visit's state, with the outcome the page came back with. */
    get shown(): SectionState {
        return { ...this.state, success: this.successText, error: this.errorText };
    }

    get authorized(): boolean {
        return Boolean(this.status?.authorized);
    }

    get authorizedAs(): string {
        return formatLabel(AUTHORIZED_AS, this.status?.authorizedBy ?? '');
    }

    get authorizedUsername(): string {
        return this.status?.authorizedUsername ?? '';
    }

    get authorizedAt(): string | null {
        return this.status?.authorizedAt ?? null;
    }

    get myDomainUrl(): string {
        return this.status?.myDomainUrl ?? '';
    }

    get myDomainCopyLabel(): string {
        return formatLabel(COPY_ALT, this.myDomainUrl);
    }

    get callbackUrls(): Array<{ url: string; copyLabel: string }> {
        return (this.status?.callbackUrls ?? []).map((url) => ({ url, copyLabel: formatLabel(COPY_ALT, url) }));
    }

    /** A success of this visit, else the success the Visualforce page returned with. */
    get successText(): string | null {
        if (this.state.success) return this.state.success;
        return this.outcome === 'authorized' ? formatLabel(OUTCOME_AUTHORIZED, this.status?.authorizedBy ?? '') : null;
    }

    /** A failure of this visit, else the failure the Visualforce page returned with. */
    get errorText(): string | null {
        if (this.state.error) return this.state.error;
        if (!this.outcome || this.outcome === 'authorized') return null;
        if (this.outcome === 'unreachable') return formatLabel(ERROR_UNREACHABLE, this.myDomainUrl);
        return OUTCOME_ERRORS[this.outcome] ?? OUTCOME_FAILED;
    }

    /** The External Client App's consumer key and its (masked) secret, both required. */
    get keyFields(): CredentialField[] {
        return [
            { name: 'consumerKey', label: CONSUMER_KEY, value: this.consumerKey, required: CONSUMER_KEY_REQUIRED },
            {
                name: 'consumerSecret',
                label: CONSUMER_SECRET,
                type: 'password',
                value: this.consumerSecret,
                required: CONSUMER_SECRET_REQUIRED
            }
        ];
    }

    /** Authorize (Enter in a field too). */
    get credentialActions(): CredentialAction[] {
        return [{ name: 'authorize', label: AUTHORIZE, disabled: this.isBusy }];
    }

    handleCredentialAction(): void {
        this.handleAuthorize();
    }

    handleFieldChange(event: CustomEvent<{ name: string; value: string }>): void {
        const { name, value } = event.detail;
        if (name === 'consumerKey') this.consumerKey = value;
        else this.consumerSecret = value;
    }

    async handleAuthorize(): Promise<void> {
        const consumerKey = this.consumerKey.trim();
        const consumerSecret = this.consumerSecret.trim();
        if (!credentialsOf(this)?.check()) return;
        const started = await this.run('authorizing', () => startAuthorization({ consumerKey, consumerSecret }));
        if (!started) return;
        // Salesforce's consent page replaces this one; it returns through webexsfdcauth to this tab.
        this.flow.stayBusy('authorizing');
        window.open(started.consentUrl, '_self');
    }

    async handleRevoke(): Promise<void> {
        // The status after revoking is the whole section again: a load that failed before no longer holds.
        const status = await this.run('revoking', () => revokeAuthorization(), { replacesLoad: true });
        if (!status) return;
        this.status = status;
        this.flow.succeed(REVOKE_SUCCESS);
    }

    async handleCopy(event: Event): Promise<void> {
        const url = (event.currentTarget as HTMLElement).dataset.url ?? '';
        try {
            await navigator.clipboard.writeText(url);
            this.copyMessage = formatLabel(COPIED, url);
        } catch {
            this.copyMessage = COPY_FAILED;
        }
    }

    /**
     * One action of the section. Any earlier message (and the outcome the page came back with) gives way to this
     * action's; a failure shows in the alert and what was typed stays.
     */
    private run<T>(
        action: 'authorizing' | 'revoking',
        call: () => Promise<T>,
        options: RunOptions<T> = {}
    ): Promise<T | null> {
        this.copyMessage = null;
        this.outcome = null;
        return this.flow.run(action, call, options);
    }
}
