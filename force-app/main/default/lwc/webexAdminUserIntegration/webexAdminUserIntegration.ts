/**
 * "Webex integration for users", inside Webex Integration Settings: the Webex integration
 * (developer.webex.com) each rep connects their own Webex account through, so call control and call
 * webhooks act on the rep's own line (docs/calling.md). The administrator reads the redirect URI and
 * scopes to register, pastes the client ID and secret, saves or clears. The secret goes to Apex and
 * never comes back: once stored the field says so, and leaving it empty keeps it. Apex checks the two
 * with Webex before storing them: a refusal says why below the fields and, when it names one of them
 * (the client ID, or the secret), marks that field; what was typed stays.
 *
 * View and intent only: Apex calls go through `callWithRetry`, failures through `toWebexError`.
 */
import clearUserIntegration from '@salesforce/apex/WebexAdminController.clearUserIntegration';
import getUserIntegration from '@salesforce/apex/WebexAdminController.getUserIntegration';
import saveUserIntegration from '@salesforce/apex/WebexAdminController.saveUserIntegration';
import { StatusFlow, StatusSection } from 'c/webexAdminSectionFlow';
import { credentialsOf, type CredentialAction, type CredentialField } from 'c/webexAdminCredentialFields';
import { formatLabel } from 'c/webexLabelFormat';
import ERROR_TITLE from '@salesforce/label/c.WebexIntegration_ErrorTitle';
import FIELD_REFUSED from '@salesforce/label/c.WebexUserConnect_AdminFieldRefused';
import CLEAR from '@salesforce/label/c.WebexUserConnect_AdminClear';
import CLEARED from '@salesforce/label/c.WebexUserConnect_AdminCleared';
import CLEARING from '@salesforce/label/c.WebexUserConnect_AdminClearing';
import CLIENT_ID from '@salesforce/label/c.WebexUserConnect_AdminClientId';
import CLIENT_ID_REQUIRED from '@salesforce/label/c.WebexUserConnect_AdminClientIdRequired';
import CLIENT_ID_WRONG from '@salesforce/label/c.WebexUserConnect_AdminClientIdWrong';
import CLIENT_SECRET from '@salesforce/label/c.WebexUserConnect_AdminClientSecret';
import CONFIGURED from '@salesforce/label/c.WebexUserConnect_AdminConfigured';
import CONNECTED_USERS from '@salesforce/label/c.WebexUserConnect_AdminConnectedUsers';
import HELP from '@salesforce/label/c.WebexUserConnect_AdminHelp';
import LOADING from '@salesforce/label/c.WebexUserConnect_AdminLoading';
import NOT_CONFIGURED from '@salesforce/label/c.WebexUserConnect_AdminNotConfigured';
import REDIRECT_URI from '@salesforce/label/c.WebexUserConnect_AdminRedirectUri';
import SAVE from '@salesforce/label/c.WebexUserConnect_AdminSave';
import SAVED from '@salesforce/label/c.WebexUserConnect_AdminSaved';
import SAVING from '@salesforce/label/c.WebexUserConnect_AdminSaving';
import SCOPES from '@salesforce/label/c.WebexUserConnect_AdminScopes';
import SECRET_REQUIRED from '@salesforce/label/c.WebexUserConnect_AdminSecretRequired';
import SECRET_STORED from '@salesforce/label/c.WebexUserConnect_AdminSecretStored';
import SECRET_WRONG from '@salesforce/label/c.WebexUserConnect_AdminSecretWrong';
import STORED_SECRET_WRONG from '@salesforce/label/c.WebexUserConnect_AdminStoredSecretWrong';
import TITLE from '@salesforce/label/c.WebexUserConnect_AdminTitle';

/** The two fields, by their input's name. */
type FieldName = 'userClientId' | 'userClientSecret';

/** What the section does; each shows its own line beside the spinner. */
const BUSY_MESSAGES = { loading: LOADING, saving: SAVING, clearing: CLEARING };

/** Label values may carry line breaks and indentation; messages arrive as one line (c/webexErrors). */
function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** Webex's refusals that name one field (WebexUserIntegrationService says them with these labels). */
const FIELD_REFUSALS: ReadonlyArray<[string, FieldName]> = [
    [oneLine(CLIENT_ID_WRONG), 'userClientId'],
    [oneLine(SECRET_WRONG), 'userClientSecret'],
    [oneLine(STORED_SECRET_WRONG), 'userClientSecret']
];

export default class WebexAdminUserIntegration extends StatusSection<WebexUserIntegrationStatus> {
    readonly labels = {
        redirectUri: REDIRECT_URI,
        scopes: SCOPES
    };

    /** What the administrator typed; kept after a failure. */
    clientId = '';
    clientSecret = '';
    /**
     * A part of Webex Integration Settings (`nested`). Every action answers with the new status; on a failure its
     * message shows and what was typed stays.
     */
    protected readonly flow = new StatusFlow<WebexUserIntegrationStatus>(this, {
        title: TITLE,
        help: HELP,
        nested: true,
        errorTitle: ERROR_TITLE,
        busyMessages: BUSY_MESSAGES,
        loadStatus: () => getUserIntegration(),
        show: (status, action) => this.show(status, action !== 'saving')
    });

    get configured(): boolean {
        return Boolean(this.status?.configured);
    }

    get clearDisabled(): boolean {
        return this.isBusy || !this.configured;
    }

    get statusText(): string {
        return this.configured ? formatLabel(CONFIGURED, this.status?.clientId ?? '') : NOT_CONFIGURED;
    }

    get connectedUsersText(): string {
        return formatLabel(CONNECTED_USERS, this.status?.connectedUsers ?? 0);
    }

    get statusIcon(): string {
        return this.configured ? 'utility:success' : 'utility:info';
    }

    get statusIconVariant(): string | undefined {
        return this.configured ? 'success' : undefined;
    }

    /** The client ID, and the secret: masked, and once stored it may stay empty (the stored one is kept). */
    get clientFields(): CredentialField[] {
        const stored = Boolean(this.status?.clientSecretStored);
        return [
            { name: 'userClientId', label: CLIENT_ID, value: this.clientId, required: CLIENT_ID_REQUIRED },
            {
                name: 'userClientSecret',
                label: CLIENT_SECRET,
                type: 'password',
                placeholder: stored ? SECRET_STORED : '',
                value: this.clientSecret,
                required: stored ? null : SECRET_REQUIRED
            }
        ];
    }

    get redirectUris(): string[] {
        return this.status?.redirectUris ?? [];
    }

    get scopeList(): string[] {
        return (this.status?.scopes ?? '').split(' ').filter(Boolean);
    }

    /** Save (Enter in a field too), and Clear once something is set up. */
    get credentialActions(): CredentialAction[] {
        return [
            { name: 'save-user-integration', label: SAVE, disabled: this.isBusy },
            { name: 'clear-user-integration', label: CLEAR, disabled: this.clearDisabled }
        ];
    }

    handleCredentialAction(event: CustomEvent<{ name: string }>): void {
        if (event.detail.name === 'clear-user-integration') this.handleClear();
        else this.handleSave();
    }

    handleFieldChange(event: CustomEvent<{ name: FieldName; value: string }>): void {
        const { name, value } = event.detail;
        if (name === 'userClientId') this.clientId = value;
        else this.clientSecret = value;
    }

    async handleSave(): Promise<void> {
        const clientId = this.clientId.trim();
        const clientSecret = this.clientSecret.trim();
        if (!credentialsOf(this)?.check()) return;
        const saved = await this.flow.act('saving', () => saveUserIntegration({ clientId, clientSecret }), {
            success: SAVED
        });
        if (saved) {
            this.clientSecret = '';
            return;
        }
        // Webex refused one field: mark it, and put the focus there.
        const field = FIELD_REFUSALS.find(([refusal]) => refusal === this.state.error)?.[1];
        if (field) credentialsOf(this)?.refuse(field, FIELD_REFUSED);
    }

    async handleClear(): Promise<void> {
        const cleared = await this.flow.act('clearing', () => clearUserIntegration(), { success: CLEARED });
        if (!cleared) return;
        this.clientId = '';
        this.clientSecret = '';
    }

    /** The status Apex answered; the client ID field shows the stored one, except over what was just saved. */
    private show(status: WebexUserIntegrationStatus | null, withClientId: boolean): void {
        this.status = status ?? null;
        if (status && withClientId) this.clientId = status.clientId ?? '';
    }
}
