import '../../../../../test/jest-utils/adminApex';
import { createElement } from 'lwc';
import WebexAdminIntegrationSettings from 'c/webexAdminIntegrationSettings';
import getIntegrationStatus from '@salesforce/apex/WebexAdminController.getIntegrationStatus';
import reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import registerWebhooks from '@salesforce/apex/WebexAdminController.registerWebhooks';
import saveAccessToken from '@salesforce/apex/WebexAdminController.saveAccessToken';
import invalidTokenRejection from './data/invalidTokenRejection.json';
import noSiteRejection from './data/noSiteRejection.json';
import rateLimitedRejection from './data/rateLimitedRejection.json';
import salesforceUnreachableRejection from '../../../../../test/jest-utils/data/salesforceUnreachableRejection.json';
import statusNoToken from '../../../../../test/jest-utils/data/statusNoToken.json';
import statusRegistered from './data/statusRegistered.json';
import statusSaved from './data/statusSaved.json';
import statusWebhooksError from './data/statusWebhooksError.json';
import {
    type Host,
    flushPromises,
    $,
    text,
    toasts,
    button,
    resetPage
} from '../../../../../test/jest-utils/adminSection';

// English values where a test reads a filled-in label; other labels read as their name (c.Label_Name).
jest.mock(
    '@salesforce/label/c.WebexIntegration_SaveSuccess',
    () => ({ default: 'Access token saved. It belongs to {0}.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.WebexIntegration_RetryingIn',
    () => ({ default: 'Webex is rate limiting requests. Retrying in {0} s (attempt {1} of {2})…' }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.WebexIntegration_ReactivateAlt', () => ({ default: 'Re-activate webhook {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexError_Generic', () => ({ default: 'Something went wrong: {0}' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.WebexError_SalesforceUnreachable',
    () => ({ default: 'Salesforce could not be reached. Check your network connection, then try again.' }),
    { virtual: true }
);

const mockGetStatus = jest.mocked(getIntegrationStatus);
const mockSave = jest.mocked(saveAccessToken);
const mockRegister = jest.mocked(registerWebhooks);
const mockReactivate = jest.mocked(reactivateWebhook);

const INVALID_TOKEN = 'The access token is invalid or expired. Copy a new one from developer.webex.com.';

type ButtonStub = HTMLElement & { label: string; disabled: boolean; ariaLabel: string | null };
type InputHost = HTMLElement & { shadowRoot: ShadowRoot; label: string; type: string; value: string };

function mount(): Host {
    const element = createElement('c-webex-admin-integration-settings', { is: WebexAdminIntegrationSettings });
    document.body.appendChild(element);
    return element as Host;
}

function tokenField(element: Host): InputHost {
    return $(element, 'lightning-input') as InputHost;
}

/** What the field shows: the value of the <input> inside lightning-input. */
function typedToken(element: Host): string {
    return (tokenField(element).shadowRoot.querySelector('input') as HTMLInputElement).value;
}

function fieldError(element: Host): string {
    return tokenField(element).shadowRoot.querySelector('[data-help-message]')?.textContent ?? '';
}

/** Types into the token field as a person does (one input event). */
function typeToken(element: Host, value: string): void {
    const input = tokenField(element).shadowRoot.querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

async function mountWith(status: WebexIntegrationStatus): Promise<Host> {
    mockGetStatus.mockResolvedValue(status);
    const element = mount();
    await flushPromises();
    return element;
}

describe('c-webex-admin-integration-settings', () => {
    afterEach(() => {
        resetPage();
        jest.useRealTimers();
    });

    describe('on arrival', () => {
        it('says it is loading, then that no token is stored, with Register disabled', async () => {
            let answer: (status: WebexIntegrationStatus) => void = () => undefined;
            mockGetStatus.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            const element = mount();
            await Promise.resolve();
            expect(mockGetStatus).toHaveBeenCalledTimes(1);
            expect(text(element, '[data-busy]')).toBe('c.WebexIntegration_Loading');
            expect(button(element, 'save').disabled).toBe(true);

            answer(statusNoToken);
            await flushPromises();
            expect($(element, '[data-busy]')).toBeNull();
            expect(text(element, '[data-no-token]')).toBe('c.WebexIntegration_NoToken');
            expect($(element, '[data-details]')).toBeNull();
            expect(button(element, 'save').disabled).toBe(false);
            expect(button(element, 'register').disabled).toBe(true);
            await expect(element).toBeAccessible();
        });

        it('offers a masked, labelled token field and the Save and Register buttons', async () => {
            const element = await mountWith(statusNoToken);
            const field = tokenField(element);
            expect(field.type).toBe('password');
            expect(field.label).toBe('c.WebexIntegration_TokenLabel');
            expect(field.shadowRoot.querySelector('label')?.textContent).toBe('c.WebexIntegration_TokenLabel');
            expect(button(element, 'save').label).toBe('c.WebexIntegration_Save');
            expect(button(element, 'register').label).toBe('c.WebexIntegration_Register');
            expect(text(element, '[data-help]')).toBe('c.WebexIntegration_Help');
        });

        it('shows whose token is stored, when it was verified, the site and the webhooks', async () => {
            const element = await mountWith(statusRegistered);
            expect(text(element, '[data-owner]')).toBe('Avery Admin');
            expect(($(element, 'lightning-formatted-email') as unknown as { value: string }).value).toBe(
                'avery.admin@acme-webex.example'
            );
            expect(text(element, '[data-org-id]')).toBe(statusRegistered.owner.orgId);
            expect(($(element, 'lightning-formatted-date-time') as unknown as { value: string }).value).toBe(
                '2026-11-25T12:13:00.000Z'
            );
            expect(($(element, 'lightning-formatted-url') as unknown as { value: string }).value).toBe(
                'https://acme-webhooks.my.salesforce-sites.com'
            );
            expect(button(element, 'register').disabled).toBe(false);

            const rows = [...element.shadowRoot.querySelectorAll('tbody tr')];
            expect(rows.map((row) => row.querySelector('th')?.textContent)).toEqual(
                statusRegistered.webhooks.map((hook) => hook.name)
            );
            const cells = [...rows[0].querySelectorAll('td')].map((cell) => cell.textContent?.trim());
            expect(cells.slice(0, 2)).toEqual(['telephony_calls', 'created']);
            expect(cells[3]).toBe(statusRegistered.webhookTargetUrl);
            const badges = rows.map(
                (row) => (row.querySelector('lightning-badge') as unknown as { label: string }).label
            );
            expect(badges).toEqual([
                'c.WebexIntegration_Active',
                'c.WebexIntegration_Inactive',
                'c.WebexIntegration_Active'
            ]);
            await expect(element).toBeAccessible();
        });

        it('offers Re-activate only on an inactive webhook, named after it', async () => {
            const element = await mountWith(statusRegistered);
            const reactivate = [...element.shadowRoot.querySelectorAll('tbody lightning-button')] as ButtonStub[];
            expect(reactivate).toHaveLength(1);
            expect(reactivate[0].label).toBe('c.WebexIntegration_Reactivate');
            expect(reactivate[0].ariaLabel ?? reactivate[0].getAttribute('aria-label')).toBe(
                'Re-activate webhook Webex for Salesforce [00D5g00000WbXAM] telephony_calls updated'
            );
            expect(reactivate[0].closest('tr')?.getAttribute('data-webhook-row')).toBe('wh-updated');
        });

        it('says when the site or the webhooks do not exist yet', async () => {
            const element = await mountWith(statusSaved);
            expect(text(element, '[data-site]')).toBe('c.WebexIntegration_NoSite');
            expect(text(element, '[data-no-webhooks]')).toBe('c.WebexIntegration_NoWebhooks');
            expect($(element, 'table')).toBeNull();
        });

        it('warns when the webhooks could not be listed, and still shows the token owner', async () => {
            const element = await mountWith(statusWebhooksError);
            expect(text(element, '[data-webhooks-error]')).toBe(INVALID_TOKEN);
            expect(text(element, '[data-owner]')).toBe('Avery Admin');
            expect($(element, 'lightning-formatted-email')).toBeNull();
            expect($(element, 'lightning-formatted-date-time')).toBeNull();
            await expect(element).toBeAccessible();
        });

        it('shows why the status could not be loaded, and Retry loads it again', async () => {
            mockGetStatus.mockRejectedValueOnce(salesforceUnreachableRejection);
            const element = mount();
            await flushPromises();
            const alert = $(element, '[role="alert"]');
            expect(alert?.textContent).toContain('c.WebexIntegration_ErrorTitle');
            expect(text(element, '[data-load-error]')).toBe(
                'Salesforce could not be reached. Check your network connection, then try again.'
            );
            expect(button(element, 'register').disabled).toBe(true);
            await expect(element).toBeAccessible();

            mockGetStatus.mockResolvedValueOnce(statusSaved as WebexIntegrationStatus);
            const retry = $(element, 'lightning-button[data-action="retry"]') as ButtonStub;
            expect(retry.label).toBe('c.WebexAdmin_Retry');
            retry.click();
            await flushPromises();
            expect(mockGetStatus).toHaveBeenCalledTimes(2);
            expect($(element, '[data-load-error]')).toBeNull();
            expect(text(element, '[data-owner]')).toBe('Avery Admin');
            expect(button(element, 'register').disabled).toBe(false);
        });

        it('forgets a failed load once an action brings the status', async () => {
            mockGetStatus.mockRejectedValueOnce(salesforceUnreachableRejection);
            mockSave.mockResolvedValue(statusSaved as WebexIntegrationStatus);
            const element = mount();
            await flushPromises();
            typeToken(element, 'a-new-token');
            button(element, 'save').click();
            await flushPromises();
            expect($(element, '[data-load-error]')).toBeNull();
            expect(text(element, '[data-owner]')).toBe('Avery Admin');
        });
    });

    describe('Save', () => {
        it('asks for a token when the field is empty, without calling Salesforce', async () => {
            const element = await mountWith(statusNoToken);
            typeToken(element, '   ');
            button(element, 'save').click();
            await flushPromises();
            expect(fieldError(element)).toBe('c.WebexIntegration_TokenRequired');
            expect(mockSave).not.toHaveBeenCalled();

            typeToken(element, 'a-token');
            await flushPromises();
            expect(fieldError(element)).toBe('');
        });

        it('checks the token, clears the field, says whose it is and shows the new status', async () => {
            const element = await mountWith(statusNoToken);
            const seen = toasts(element);
            let answer: (status: WebexIntegrationStatus) => void = () => undefined;
            mockSave.mockReturnValue(new Promise((resolve) => (answer = resolve)));

            typeToken(element, '  good-token  ');
            button(element, 'save').click();
            await flushPromises();
            expect(mockSave).toHaveBeenCalledWith({ accessToken: 'good-token' });
            expect(text(element, '[data-busy]')).toBe('c.WebexIntegration_Saving');
            expect(button(element, 'save').disabled).toBe(true);
            expect(button(element, 'register').disabled).toBe(true);
            await expect(element).toBeAccessible();

            answer(statusSaved);
            await flushPromises();
            expect(typedToken(element)).toBe('');
            expect(text(element, '[data-owner]')).toBe('Avery Admin');
            expect(text(element, '[data-success]')).toBe('Access token saved. It belongs to Avery Admin.');
            expect(seen).toEqual([
                {
                    title: 'c.WebexIntegration_Title',
                    message: 'Access token saved. It belongs to Avery Admin.',
                    variant: 'success'
                }
            ]);
            expect(button(element, 'save').disabled).toBe(false);
            expect(button(element, 'register').disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('shows why a token was refused in an alert and keeps what was typed', async () => {
            const element = await mountWith(statusNoToken);
            const seen = toasts(element);
            mockSave.mockRejectedValue(invalidTokenRejection);
            typeToken(element, 'not-a-webex-token');
            button(element, 'save').click();
            await flushPromises();
            expect(text(element, '[role="alert"] [data-error-message]')).toBe(INVALID_TOKEN);
            expect(text(element, '[role="alert"] h3')).toBe('c.WebexIntegration_ErrorTitle');
            expect(typedToken(element)).toBe('not-a-webex-token');
            expect(text(element, '[data-no-token]')).toBe('c.WebexIntegration_NoToken');
            expect(seen).toEqual([]);
            await expect(element).toBeAccessible();

            // The next attempt starts clean.
            mockSave.mockResolvedValue(statusSaved);
            button(element, 'save').click();
            await flushPromises();
            expect($(element, '[role="alert"]')).toBeNull();
            expect(mockSave).toHaveBeenLastCalledWith({ accessToken: 'not-a-webex-token' });
        });

        it('saves on Enter in the token field', async () => {
            const element = await mountWith(statusNoToken);
            mockSave.mockResolvedValue(statusSaved);
            typeToken(element, 'good-token');
            tokenField(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
            tokenField(element).dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
            await flushPromises();
            expect(mockSave).toHaveBeenCalledTimes(1);
            expect(typedToken(element)).toBe('');
        });

        it('counts down while Webex rate-limits, then saves', async () => {
            jest.useFakeTimers();
            mockGetStatus.mockResolvedValue(statusNoToken);
            const element = mount();
            await jest.advanceTimersByTimeAsync(0);
            mockSave.mockRejectedValueOnce(rateLimitedRejection).mockResolvedValueOnce(statusSaved);

            typeToken(element, 'good-token');
            button(element, 'save').click();
            await jest.advanceTimersByTimeAsync(0);
            expect(text(element, '[data-busy]')).toBe(
                'Webex is rate limiting requests. Retrying in 2 s (attempt 1 of 3)…'
            );
            expect(button(element, 'save').disabled).toBe(true);

            await jest.advanceTimersByTimeAsync(1000);
            expect(text(element, '[data-busy]')).toBe(
                'Webex is rate limiting requests. Retrying in 1 s (attempt 1 of 3)…'
            );
            expect(mockSave).toHaveBeenCalledTimes(1);

            await jest.advanceTimersByTimeAsync(1000);
            expect(mockSave).toHaveBeenCalledTimes(2);
            expect($(element, '[data-busy]')).toBeNull();
            expect(text(element, '[data-owner]')).toBe('Avery Admin');
            expect($(element, '[role="alert"]')).toBeNull();
        });

        it('gives up after three retries with the message to wait a minute', async () => {
            jest.useFakeTimers();
            mockGetStatus.mockResolvedValue(statusNoToken);
            const element = mount();
            await jest.advanceTimersByTimeAsync(0);
            mockSave.mockRejectedValue(rateLimitedRejection);

            typeToken(element, 'good-token');
            button(element, 'save').click();
            await jest.advanceTimersByTimeAsync(0);
            await jest.advanceTimersByTimeAsync(4000);
            expect(text(element, '[data-busy]')).toBe(
                'Webex is rate limiting requests. Retrying in 2 s (attempt 3 of 3)…'
            );
            await jest.advanceTimersByTimeAsync(2000);
            expect(mockSave).toHaveBeenCalledTimes(4);
            expect(text(element, '[data-error-message]')).toBe(
                'Webex is still rate limiting requests after several retries. Wait a minute, then try again.'
            );
            expect(typedToken(element)).toBe('good-token');
        });
    });

    describe('Register', () => {
        it('registers the webhooks, says so in the section and in a toast, and lists them', async () => {
            const element = await mountWith(statusSaved);
            const seen = toasts(element);
            mockRegister.mockResolvedValue(statusRegistered);
            button(element, 'register').click();
            await Promise.resolve();
            expect(text(element, '[data-busy]')).toBe('c.WebexIntegration_Registering');
            await flushPromises();
            expect(mockRegister).toHaveBeenCalledTimes(1);
            expect(text(element, '[data-success]')).toBe('c.WebexIntegration_RegisterSuccess');
            expect(seen.map((toast) => toast.message)).toEqual(['c.WebexIntegration_RegisterSuccess']);
            expect(element.shadowRoot.querySelectorAll('tbody tr')).toHaveLength(3);
        });

        it('says to create the site first when there is none', async () => {
            const element = await mountWith(statusSaved);
            mockRegister.mockRejectedValue(noSiteRejection);
            button(element, 'register').click();
            await flushPromises();
            expect(text(element, '[role="alert"] [data-error-message]')).toBe(
                'Create the webhook site first (section "Webex Site for Webhooks"), then click Register.'
            );
            expect($(element, '[data-success]')).toBeNull();
            expect(text(element, '[data-owner]')).toBe('Avery Admin');
        });
    });

    describe('Re-activate', () => {
        it('re-activates the inactive webhook and shows it active', async () => {
            const element = await mountWith(statusRegistered);
            const seen = toasts(element);
            const allActive = {
                ...statusRegistered,
                webhooks: statusRegistered.webhooks.map((hook) => ({ ...hook, status: 'active' }))
            };
            mockReactivate.mockResolvedValue(allActive);
            ($(element, 'tbody lightning-button') as ButtonStub).click();
            await Promise.resolve();
            expect(text(element, '[data-busy]')).toBe('c.WebexIntegration_Reactivating');
            await flushPromises();
            expect(mockReactivate).toHaveBeenCalledWith({ webhookId: 'wh-updated' });
            expect($(element, 'tbody lightning-button')).toBeNull();
            expect(text(element, '[data-success]')).toBe('c.WebexIntegration_ReactivateSuccess');
            expect(seen.map((toast) => toast.variant)).toEqual(['success']);
            await expect(element).toBeAccessible();
        });

        it('shows why a webhook could not be re-activated', async () => {
            const element = await mountWith(statusRegistered);
            mockReactivate.mockRejectedValue(new Error('Webhook wh-updated is locked'));
            ($(element, 'tbody lightning-button') as ButtonStub).click();
            await flushPromises();
            expect(text(element, '[data-error-message]')).toBe('Something went wrong: Webhook wh-updated is locked');
            expect($(element, '[role="alert"]')).not.toBeNull();
            expect(element.shadowRoot.querySelectorAll('tbody lightning-button')).toHaveLength(1);
        });
    });
});
