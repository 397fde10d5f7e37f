import '../../../../../test/jest-utils/adminApex';
import WebexAdminUserIntegration from 'c/webexAdminUserIntegration';
import clearUserIntegration from '@salesforce/apex/WebexAdminController.clearUserIntegration';
import getUserIntegration from '@salesforce/apex/WebexAdminController.getUserIntegration';
import saveUserIntegration from '@salesforce/apex/WebexAdminController.saveUserIntegration';
import { ShowToastEventName } from '../../../../../test/jest-mocks/lightning/platformShowToastEvent';
import configured from './data/configured.json';
import invalidInputRejection from './data/invalidInputRejection.json';
import notConfigured from './data/notConfigured.json';
import {
    type Host,
    mountSection,
    flushPromises,
    $,
    text,
    button,
    resetPage,
    type ButtonStub
} from '../../../../../test/jest-utils/adminSection';

// English values where a test reads a filled-in label; other labels read as their name (c.Label_Name).
jest.mock(
    '@salesforce/label/c.WebexUserConnect_AdminConfigured',
    () => ({ default: 'Set up: reps connect their Webex account through the integration {0}.' }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.WebexUserConnect_AdminConnectedUsers', () => ({ default: 'Users connected: {0}' }), {
    virtual: true
});

const mockGet = jest.mocked(getUserIntegration);
const mockSave = jest.mocked(saveUserIntegration);
const mockClear = jest.mocked(clearUserIntegration);

type InputHost = HTMLElement & { shadowRoot: ShadowRoot; label: string; type: string; placeholder: string };

async function mount(status: WebexUserIntegrationStatus | undefined): Promise<Host> {
    mockGet.mockResolvedValue(status as WebexUserIntegrationStatus);
    return mountSection('c-webex-admin-user-integration', WebexAdminUserIntegration, {}, flushPromises);
}

/** The field named `name` (the input's own name). */
function field(element: Host, name: 'userClientId' | 'userClientSecret'): InputHost {
    return $(element, `lightning-input[data-name="${name}"]`) as InputHost;
}

function typeInto(element: Host, name: 'userClientId' | 'userClientSecret', value: string): void {
    const input = field(element, name).shadowRoot.querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

function fieldError(element: Host, name: 'userClientId' | 'userClientSecret'): string {
    return field(element, name).shadowRoot.querySelector('[data-help-message]')?.textContent ?? '';
}

/** What the Lightning runtime hands the component when Apex throws the package's INVALID_INPUT. */
function refusal(message: string): { status: number; body: { message: string } } {
    return {
        status: 500,
        body: { message: JSON.stringify({ code: 'INVALID_INPUT', message, retryAfterSeconds: null }) }
    };
}

describe('c-webex-admin-user-integration', () => {
    afterEach(resetPage);

    it('shows what to register in Webex, and that nothing is set up yet', async () => {
        const element = await mount(notConfigured);
        expect(text(element, 'h3')).toBe('c.WebexUserConnect_AdminTitle');
        expect(text(element, '[data-redirect-uris]')).toBe('https://acme-webex.my.salesforce.com/apex/webexuserauth');
        expect([...element.shadowRoot.querySelectorAll('[data-scopes] code')].map((c) => c.textContent)).toEqual([
            'spark:all',
            'spark:kms'
        ]);
        expect(text(element, '[data-user-integration-status] p')).toBe('c.WebexUserConnect_AdminNotConfigured');
        expect(text(element, '[data-connected-users]')).toBe('Users connected: 0');
        expect(field(element, 'userClientSecret').type).toBe('password');
        expect(field(element, 'userClientSecret').placeholder).toBe('');
        expect(button(element, 'clear-user-integration').disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('shows the stored client ID and says the secret is stored, never showing it', async () => {
        const element = await mount(configured);
        expect(text(element, '[data-user-integration-status] p')).toBe(
            'Set up: reps connect their Webex account through the integration C7f3a9e21b4d85c06e1f2a3b4c5d6e7f8.'
        );
        expect(text(element, '[data-connected-users]')).toBe('Users connected: 3');
        expect((field(element, 'userClientId') as unknown as { value: string }).value).toBe(configured.clientId);
        expect(field(element, 'userClientSecret').placeholder).toBe('c.WebexUserConnect_AdminSecretStored');
        expect(element.shadowRoot.querySelectorAll('[data-redirect-uris] code')).toHaveLength(2);
        await expect(element).toBeAccessible();
    });

    it('asks for what is missing before calling Apex', async () => {
        const element = await mount(notConfigured);
        button(element, 'save-user-integration').click();
        await flushPromises();
        expect(fieldError(element, 'userClientId')).toBe('c.WebexUserConnect_AdminClientIdRequired');
        expect(fieldError(element, 'userClientSecret')).toBe('c.WebexUserConnect_AdminSecretRequired');
        expect(mockSave).not.toHaveBeenCalled();

        typeInto(element, 'userClientId', 'C123');
        typeInto(element, 'userClientSecret', 'shh');
        await flushPromises();
        expect(fieldError(element, 'userClientId')).toBe('');
        expect(fieldError(element, 'userClientSecret')).toBe('');
    });

    it('saves the client ID and secret, then forgets the typed secret', async () => {
        const element = await mount(notConfigured);
        const toasts: Array<{ message: string }> = [];
        element.addEventListener(ShowToastEventName, (event) => toasts.push((event as CustomEvent).detail));
        mockSave.mockResolvedValue(configured);
        typeInto(element, 'userClientId', ' C123 ');
        typeInto(element, 'userClientSecret', 'shh');
        await flushPromises();
        const secretInput = field(element, 'userClientSecret').shadowRoot.querySelector('input') as HTMLInputElement;
        secretInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        await flushPromises();
        expect(mockSave).toHaveBeenCalledWith({ clientId: 'C123', clientSecret: 'shh' });
        expect(text(element, '[data-success]')).toBe('c.WebexUserConnect_AdminSaved');
        expect(toasts.map((toast) => toast.message)).toEqual(['c.WebexUserConnect_AdminSaved']);
        expect((field(element, 'userClientSecret') as unknown as { value: string }).value).toBe('');
    });

    it('saves a new client ID with the stored secret when the secret field stays empty', async () => {
        const element = await mount(configured);
        mockSave.mockResolvedValue(configured);
        typeInto(element, 'userClientId', 'C456');
        button(element, 'save-user-integration').click();
        await flushPromises();
        expect(mockSave).toHaveBeenCalledWith({ clientId: 'C456', clientSecret: '' });
    });

    it('keeps what was typed and says why when Apex refuses', async () => {
        const element = await mount(notConfigured);
        mockSave.mockRejectedValue(invalidInputRejection);
        typeInto(element, 'userClientId', 'C 1');
        typeInto(element, 'userClientSecret', 'shh');
        button(element, 'save-user-integration').click();
        await flushPromises();
        expect(text(element, '[data-error-message]')).toBe('Check what you entered: clientId.');
        expect((field(element, 'userClientId') as unknown as { value: string }).value).toBe('C 1');
        expect((field(element, 'userClientSecret') as unknown as { value: string }).value).toBe('shh');
        await expect(element).toBeAccessible();
    });

    it('says while Webex checks the client ID and secret, then why it refused, marking the field', async () => {
        const element = await mount(notConfigured);
        let refuse: (reason: unknown) => void = () => undefined;
        mockSave.mockReturnValue(
            new Promise<WebexUserIntegrationStatus>((_resolve, reject) => {
                refuse = reject;
            })
        );
        typeInto(element, 'userClientId', 'my-client-id');
        typeInto(element, 'userClientSecret', 'my-secret');
        button(element, 'save-user-integration').click();
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexUserConnect_AdminSaving');
        expect(button(element, 'save-user-integration').disabled).toBe(true);

        refuse(refusal('c.WebexUserConnect_AdminClientIdWrong'));
        await flushPromises();
        expect(text(element, '[data-error-message]')).toBe('c.WebexUserConnect_AdminClientIdWrong');
        expect(fieldError(element, 'userClientId')).toBe('c.WebexUserConnect_AdminFieldRefused');
        expect(fieldError(element, 'userClientSecret')).toBe('');
        expect($(element, '[data-success]')).toBeNull();
        expect((field(element, 'userClientId') as unknown as { value: string }).value).toBe('my-client-id');
        expect((field(element, 'userClientSecret') as unknown as { value: string }).value).toBe('my-secret');
        await expect(element).toBeAccessible();

        // Typing a new client ID clears what was said about the old one.
        typeInto(element, 'userClientId', 'C7f3a');
        await flushPromises();
        expect(fieldError(element, 'userClientId')).toBe('');
    });

    it.each(['c.WebexUserConnect_AdminSecretWrong', 'c.WebexUserConnect_AdminStoredSecretWrong'])(
        'names the secret field when Webex refuses the secret, typed or stored (%s)',
        async (label) => {
            const element = await mount(configured);
            mockSave.mockRejectedValue(refusal(label));
            typeInto(element, 'userClientId', 'C456');
            button(element, 'save-user-integration').click();
            await flushPromises();
            expect(text(element, '[data-error-message]')).toBe(label);
            expect(fieldError(element, 'userClientSecret')).toBe('c.WebexUserConnect_AdminFieldRefused');
            expect(fieldError(element, 'userClientId')).toBe('');
            expect((field(element, 'userClientId') as unknown as { value: string }).value).toBe('C456');
        }
    );

    it('marks no field when Webex does not say which one it refused', async () => {
        const element = await mount(notConfigured);
        mockSave.mockRejectedValue(refusal('c.WebexUserConnect_AdminClientRejected'));
        typeInto(element, 'userClientId', 'C1');
        typeInto(element, 'userClientSecret', 'shh');
        button(element, 'save-user-integration').click();
        await flushPromises();
        expect(text(element, '[data-error-message]')).toBe('c.WebexUserConnect_AdminClientRejected');
        expect(fieldError(element, 'userClientId')).toBe('');
        expect(fieldError(element, 'userClientSecret')).toBe('');
    });

    it('clears the integration', async () => {
        const element = await mount(configured);
        mockClear.mockResolvedValue(notConfigured);
        button(element, 'clear-user-integration').click();
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexUserConnect_AdminClearing');
        await flushPromises();
        expect(text(element, '[data-success]')).toBe('c.WebexUserConnect_AdminCleared');
        expect((field(element, 'userClientId') as unknown as { value: string }).value).toBe('');
        expect(button(element, 'clear-user-integration').disabled).toBe(true);
    });

    it('shows why the integration could not be loaded, and Retry loads it again', async () => {
        mockGet.mockRejectedValueOnce(invalidInputRejection);
        const element = await mountSection(
            'c-webex-admin-user-integration',
            WebexAdminUserIntegration,
            {},
            flushPromises
        );
        expect(text(element, '[role="alert"] h4')).toBe('c.WebexIntegration_ErrorTitle');
        expect(text(element, '[data-load-error]')).toBe('Check what you entered: clientId.');
        expect($(element, '[data-user-integration-status]')).toBeNull();

        mockGet.mockResolvedValueOnce(configured as WebexUserIntegrationStatus);
        ($(element, 'lightning-button[data-action="retry"]') as ButtonStub).click();
        await flushPromises();
        expect(mockGet).toHaveBeenCalledTimes(2);
        expect($(element, '[role="alert"]')).toBeNull();
        expect(text(element, '[data-connected-users]')).toBe('Users connected: 3');
        expect((field(element, 'userClientId') as unknown as { value: string }).value).toBe(configured.clientId);
    });

    it('shows nothing of a status it did not get', async () => {
        const element = await mount(undefined);
        expect($(element, '[data-user-integration-status]')).toBeNull();
        expect(button(element, 'clear-user-integration').disabled).toBe(true);
    });
});
