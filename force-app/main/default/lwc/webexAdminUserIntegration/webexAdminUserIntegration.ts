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
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import clearUserIntegration from '@salesforce/apex/WebexAdminController.clearUserIntegration';
import getUserIntegration from '@salesforce/apex/WebexAdminController.getUserIntegration';
import saveUserIntegration from '@salesforce/apex/WebexAdminController.saveUserIntegration';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { callWithRetry } from 'c/webexRetry';
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

type BusyAction = 'loading' | 'saving' | 'clearing';
type FieldRef = 'clientIdInput' | 'clientSecretInput';

/** The methods of lightning-input this section uses (not covered by @salesforce/lightning-types). */
interface ValidatedInput extends HTMLElement {
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    focus(): void;
}

const BUSY_MESSAGES: Record<BusyAction, string> = { loading: LOADING, saving: SAVING, clearing: CLEARING };

/** Label values may carry line breaks and indentation; messages arrive as one line (c/webexErrors). */
function oneLine(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

/** Webex's refusals that name one field (WebexUserIntegrationService says them with these labels). */
const FIELD_REFUSALS: ReadonlyArray<[string, FieldRef]> = [
    [oneLine(CLIENT_ID_WRONG), 'clientIdInput'],
    [oneLine(SECRET_WRONG), 'clientSecretInput'],
    [oneLine(STORED_SECRET_WRONG), 'clientSecretInput']
];

export default class WebexAdminUserIntegration extends LightningElement {
    readonly labels = {
        title: TITLE,
        help: HELP,
        clientId: CLIENT_ID,
        clientSecret: CLIENT_SECRET,
        redirectUri: REDIRECT_URI,
        scopes: SCOPES,
        save: SAVE,
        clear: CLEAR,
        errorTitle: ERROR_TITLE
    };

    status: WebexUserIntegrationStatus | null = null;
    /** What the administrator typed; kept after a failure. */
    clientId = '';
    clientSecret = '';
    busy: BusyAction | null = null;
    errorMessage: string | null = null;
    successMessage: string | null = null;

    connectedCallback(): void {
        this.run('loading', () => getUserIntegration());
    }

    get isBusy(): boolean {
        return this.busy !== null;
    }

    get busyMessage(): string | null {
        return this.busy ? BUSY_MESSAGES[this.busy] : null;
    }

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

    get secretPlaceholder(): string {
        return this.status?.clientSecretStored ? SECRET_STORED : '';
    }

    get redirectUris(): string[] {
        return this.status?.redirectUris ?? [];
    }

    get scopeList(): string[] {
        return (this.status?.scopes ?? '').split(' ').filter(Boolean);
    }

    handleClientIdChange(event: CustomEvent<{ value?: string }>): void {
        this.clientId = event.detail?.value ?? '';
        this.clearFieldError('clientIdInput', this.clientId);
    }

    handleClientSecretChange(event: CustomEvent<{ value?: string }>): void {
        this.clientSecret = event.detail?.value ?? '';
        this.clearFieldError('clientSecretInput', this.clientSecret);
    }

    handleKeyDown(event: KeyboardEvent): void {
        if (event.key === 'Enter' && !this.isBusy) {
            event.preventDefault();
            this.handleSave();
        }
    }

    async handleSave(): Promise<void> {
        const clientId = this.clientId.trim();
        const clientSecret = this.clientSecret.trim();
        const idValid = this.validate('clientIdInput', clientId ? '' : CLIENT_ID_REQUIRED);
        const secretValid = this.validate(
            'clientSecretInput',
            clientSecret || this.status?.clientSecretStored ? '' : SECRET_REQUIRED
        );
        if (!idValid || !secretValid) return;
        const saved = await this.run('saving', () => saveUserIntegration({ clientId, clientSecret }));
        if (!saved) return;
        this.clientSecret = '';
        this.announce(SAVED);
    }

    async handleClear(): Promise<void> {
        const cleared = await this.run('clearing', () => clearUserIntegration());
        if (!cleared) return;
        this.clientId = '';
        this.clientSecret = '';
        this.announce(CLEARED);
    }

    private input(ref: FieldRef): ValidatedInput | null {
        return (this.refs?.[ref] as ValidatedInput | undefined) ?? null;
    }

    private validate(ref: FieldRef, message: string): boolean {
        const input = this.input(ref);
        input?.setCustomValidity(message);
        input?.reportValidity();
        return !message;
    }

    private clearFieldError(ref: FieldRef, value: string): void {
        if (value.trim()) this.validate(ref, '');
    }

    /** One Apex call with the section busy; the new status on success, the failure's message otherwise. */
    private async run(
        action: BusyAction,
        call: () => Promise<WebexUserIntegrationStatus>
    ): Promise<WebexUserIntegrationStatus | null> {
        this.busy = action;
        this.errorMessage = null;
        this.successMessage = null;
        try {
            const status = (await callWithRetry(call)) ?? null;
            this.status = status;
            if (status && action !== 'saving') this.clientId = status.clientId ?? '';
            return status;
        } catch (error) {
            this.errorMessage = toWebexError(error).message;
            const field =
                action === 'saving' ? FIELD_REFUSALS.find(([refusal]) => refusal === this.errorMessage)?.[1] : null;
            if (field) {
                this.validate(field, FIELD_REFUSED);
                this.input(field)?.focus();
            }
            return null;
        } finally {
            this.busy = null;
        }
    }

    private announce(message: string): void {
        this.successMessage = message;
        this.dispatchEvent(new ShowToastEvent({ title: TITLE, message, variant: 'success' }));
    }
}
