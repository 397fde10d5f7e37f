import '../../../../../test/jest-utils/adminApex';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createElement } from 'lwc';
import { CurrentPageReference, type PageReference } from 'lightning/navigation';
import WebexAdminSalesforceAuth from 'c/webexAdminSalesforceAuth';
import getAuthorizationStatus from '@salesforce/apex/WebexSalesforceAuthController.getAuthorizationStatus';
import revokeAuthorization from '@salesforce/apex/WebexSalesforceAuthController.revokeAuthorization';
import startAuthorization from '@salesforce/apex/WebexSalesforceAuthController.startAuthorization';
import { ShowToastEventName } from '../../../../../test/jest-mocks/lightning/platformShowToastEvent';
import authorizationStart from './data/authorizationStart.json';
import invalidInputRejection from './data/invalidInputRejection.json';
import notAdminRejection from '../../../../../test/jest-utils/data/notAdminRejection.json';
import revokeFailedRejection from './data/revokeFailedRejection.json';
import statusAuthorized from './data/statusAuthorized.json';
import statusNotAuthorized from './data/statusNotAuthorized.json';
import {
    type Host,
    flushPromises,
    $,
    text,
    button,
    resetPage,
    mountLoading,
    mountSection,
    type ButtonStub
} from '../../../../../test/jest-utils/adminSection';

// English values where a test reads a filled-in label; other labels read as their name (c.Label_Name).
jest.mock('@salesforce/label/c.WebexSfAuth_AuthorizedAs', () => ({ default: 'Authorized as {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexSfAuth_CopyAlt', () => ({ default: 'Copy {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSfAuth_Copied', () => ({ default: 'Copied: {0}' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexSfAuth_OutcomeAuthorized',
    () => ({ default: 'Salesforce authorization completed: the package now acts as {0}.' }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.WebexSfAuth_ErrorUnreachable',
    () => ({ default: 'Salesforce could not be reached at {0}.' }),
    { virtual: true }
);

const mockStatus = jest.mocked(getAuthorizationStatus);
const mockStart = jest.mocked(startAuthorization);
const mockRevoke = jest.mocked(revokeAuthorization);
const pageReference = CurrentPageReference as unknown as { emit(value: PageReference): void };

type InputHost = HTMLElement & { shadowRoot: ShadowRoot; label: string; type: string };
type IconButtonStub = HTMLElement & { alternativeText: string };

async function mountWith(
    status: WebexSalesforceAuthStatus,
    outcome?: string,
    stateKey = 'c__webexSfAuth'
): Promise<Host> {
    mockStatus.mockResolvedValue(status);
    const element = createElement('c-webex-admin-salesforce-auth', { is: WebexAdminSalesforceAuth }) as Host;
    document.body.appendChild(element);
    if (outcome) pageReference.emit({ type: 'standard__navItemPage', state: { [stateKey]: outcome } });
    await flushPromises();
    return element;
}

/** The field named `name` (the input's own name). */
function field(element: Host, name: 'consumerKey' | 'consumerSecret'): InputHost {
    return $(element, `lightning-input[data-name="${name}"]`) as InputHost;
}

function typeInto(element: Host, name: 'consumerKey' | 'consumerSecret', value: string): void {
    const input = field(element, name).shadowRoot.querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
}

function typed(element: Host, name: 'consumerKey' | 'consumerSecret'): string {
    return (field(element, name).shadowRoot.querySelector('input') as HTMLInputElement).value;
}

function fieldError(element: Host, name: 'consumerKey' | 'consumerSecret'): string {
    return field(element, name).shadowRoot.querySelector('[data-help-message]')?.textContent ?? '';
}

describe('c-webex-admin-salesforce-auth', () => {
    let open: jest.SpyInstance;

    beforeEach(() => {
        open = jest.spyOn(window, 'open').mockImplementation(() => null);
    });

    afterEach(() => {
        resetPage();
        open.mockRestore();
    });

    describe('on arrival', () => {
        it('says it is loading, then that nothing is authorized, with the URLs to configure', async () => {
            let answer: (status: WebexSalesforceAuthStatus) => void = () => undefined;
            mockStatus.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            const element = mountLoading('c-webex-admin-salesforce-auth', WebexAdminSalesforceAuth);
            await Promise.resolve();
            expect(text(element, '[data-busy]')).toBe('c.WebexSfAuth_Loading');
            expect(button(element, 'authorize').disabled).toBe(true);

            answer(statusNotAuthorized);
            await flushPromises();
            expect($(element, '[data-busy]')).toBeNull();
            expect(text(element, '[data-not-authorized]')).toBe('c.WebexSfAuth_NotAuthorized');
            expect($(element, '[data-authorized-as]')).toBeNull();
            expect($(element, 'lightning-button[data-action="revoke"]')).toBeNull();
            expect(
                [...element.shadowRoot.querySelectorAll('[data-callback-urls] code')].map((c) => c.textContent)
            ).toEqual(statusNotAuthorized.callbackUrls);
            expect(text(element, '[data-remote-site]')).toBe('https://acme-webex.my.salesforce.com');
            expect(button(element, 'authorize').disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('offers a labelled key field, a masked secret field and Authorize', async () => {
            const element = await mountWith(statusNotAuthorized);
            expect(field(element, 'consumerKey').label).toBe('c.WebexSfAuth_ConsumerKey');
            expect(field(element, 'consumerKey').type).toBe('text');
            expect(field(element, 'consumerSecret').label).toBe('c.WebexSfAuth_ConsumerSecret');
            expect(field(element, 'consumerSecret').type).toBe('password');
            expect(button(element, 'authorize').label).toBe('c.WebexSfAuth_Authorize');
        });

        it('shows who authorized the package, when, and both callback URLs once packaged', async () => {
            const element = await mountWith(statusAuthorized);
            expect(text(element, '[data-authorized-as]')).toBe('Authorized as Avery Admin');
            expect(text(element, '[data-username]')).toBe('avery.admin@acme-webex.example.wb');
            expect(($(element, 'lightning-formatted-date-time') as unknown as { value: string }).value).toBe(
                '2026-11-25T12:13:00.000Z'
            );
            expect(button(element, 'revoke').label).toBe('c.WebexSfAuth_Revoke');
            const copies = [...element.shadowRoot.querySelectorAll('[data-callback-urls] lightning-button-icon')];
            expect(copies.map((copy) => (copy as IconButtonStub).alternativeText)).toEqual(
                statusAuthorized.callbackUrls.map((url) => `Copy ${url}`)
            );
            await expect(element).toBeAccessible();
        });

        it('lists the External Client App steps in order, and how an existing connected app keeps working', async () => {
            const element = await mountWith(statusNotAuthorized);
            expect(text(element, 'h3[id^="sfauth-setup-heading"]')).toBe('c.WebexSfAuth_SetupTitle');
            const steps = [...element.shadowRoot.querySelectorAll('ol.setup-steps > li')].map((li) =>
                (li.firstChild?.textContent ?? '').trim()
            );
            expect(steps).toEqual([
                'c.WebexSfAuth_SetupApp',
                'c.WebexSfAuth_SetupCallbacks',
                'c.WebexSfAuth_SetupScopes',
                'c.WebexSfAuth_SetupPolicies',
                'c.WebexSfAuth_SetupRemoteSite'
            ]);
            expect(text(element, '[data-existing-app]')).toBe('c.WebexSfAuth_SetupExistingApp');
        });

        it('explains the migration from the ApexMDTAPI named credential, in the order of the guide', async () => {
            const element = await mountWith(statusNotAuthorized);
            expect(text(element, '[data-migration] summary')).toBe('c.WebexSfAuth_MigrationTitle');
            const steps = [...element.shadowRoot.querySelectorAll('[data-migration] li')].map((li) => li.textContent);
            expect(steps).toEqual([
                'c.WebexSfAuth_MigrationStep1',
                'c.WebexSfAuth_MigrationStep2',
                'c.WebexSfAuth_MigrationStep3'
            ]);
        });

        it('shows why the status could not be loaded, and Retry loads it again', async () => {
            mockStatus.mockRejectedValueOnce(notAdminRejection);
            const element = await mountSection(
                'c-webex-admin-salesforce-auth',
                WebexAdminSalesforceAuth,
                {},
                flushPromises
            );
            expect(text(element, '[role="alert"] h3')).toBe('c.WebexSfAuth_ErrorTitle');
            expect(text(element, '[data-load-error]')).toBe(
                'You need the Webex Admin permission set to view or change Webex settings.'
            );
            expect($(element, '[data-not-authorized]')).toBeNull();
            await expect(element).toBeAccessible();

            mockStatus.mockResolvedValueOnce(statusAuthorized as WebexSalesforceAuthStatus);
            ($(element, 'lightning-button[data-action="retry"]') as ButtonStub).click();
            await flushPromises();
            expect(mockStatus).toHaveBeenCalledTimes(2);
            expect($(element, '[role="alert"]')).toBeNull();
            expect(text(element, '[data-authorized-as]')).toBe('Authorized as Avery Admin');
        });
    });

    describe('returning from Salesforce', () => {
        it('says the authorization completed', async () => {
            const element = await mountWith(statusAuthorized, 'authorized');
            expect(text(element, '[data-success]')).toBe(
                'Salesforce authorization completed: the package now acts as Avery Admin.'
            );
            expect($(element, '[role="alert"]')).toBeNull();
        });

        it('reads the outcome under the package namespace once installed (webexsf__webexSfAuth)', async () => {
            const element = await mountWith(statusAuthorized, 'authorized', 'webexsf__webexSfAuth');
            expect(text(element, '[data-success]')).toBe(
                'Salesforce authorization completed: the package now acts as Avery Admin.'
            );
        });

        it.each([
            ['access_denied', 'c.WebexSfAuth_OutcomeDenied'],
            ['invalid_client', 'c.WebexSfAuth_OutcomeInvalidClient'],
            ['invalid_grant', 'c.WebexSfAuth_OutcomeInvalidGrant'],
            ['invalid_scope', 'c.WebexSfAuth_OutcomeInvalidScope'],
            ['state', 'c.WebexSfAuth_OutcomeState'],
            ['no_refresh_token', 'c.WebexSfAuth_OutcomeNoRefreshToken'],
            ['not_admin', 'c.WebexError_NotAdmin'],
            ['failed', 'c.WebexSfAuth_OutcomeFailedReturn'],
            ['something-new', 'c.WebexSfAuth_OutcomeFailedReturn'],
            ['unreachable', 'Salesforce could not be reached at https://acme-webex.my.salesforce.com.']
        ])('explains the outcome %s in an alert', async (outcome, message) => {
            const element = await mountWith(statusNotAuthorized, outcome);
            expect(text(element, '[role="alert"] [data-error-message]')).toBe(message);
            expect($(element, '[data-success]')).toBeNull();
            expect(text(element, '[data-not-authorized]')).toBe('c.WebexSfAuth_NotAuthorized');
        });

        it('keeps the refusal accessible', async () => {
            const element = await mountWith(statusNotAuthorized, 'access_denied');
            await expect(element).toBeAccessible();
        });
    });

    describe('Authorize', () => {
        it('asks for the key and the secret, without calling Salesforce', async () => {
            const element = await mountWith(statusNotAuthorized);
            button(element, 'authorize').click();
            await flushPromises();
            expect(fieldError(element, 'consumerKey')).toBe('c.WebexSfAuth_ConsumerKeyRequired');
            expect(fieldError(element, 'consumerSecret')).toBe('c.WebexSfAuth_ConsumerSecretRequired');
            expect(mockStart).not.toHaveBeenCalled();

            typeInto(element, 'consumerKey', 'key');
            typeInto(element, 'consumerSecret', 'secret');
            await flushPromises();
            expect(fieldError(element, 'consumerKey')).toBe('');
            expect(fieldError(element, 'consumerSecret')).toBe('');
        });

        it('sends the key and secret once, then opens the consent page in this tab', async () => {
            const element = await mountWith(statusNotAuthorized, 'access_denied');
            let answer: (start: WebexSalesforceAuthStart) => void = () => undefined;
            mockStart.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            typeInto(element, 'consumerKey', ' 3MVG9_key ');
            typeInto(element, 'consumerSecret', 'the-secret');
            button(element, 'authorize').click();
            await flushPromises();
            expect(mockStart).toHaveBeenCalledWith({ consumerKey: '3MVG9_key', consumerSecret: 'the-secret' });
            expect(text(element, '[data-busy]')).toBe('c.WebexSfAuth_Authorizing');
            expect($(element, '[role="alert"]')).toBeNull();

            answer(authorizationStart);
            await flushPromises();
            expect(open).toHaveBeenCalledWith(authorizationStart.consentUrl, '_self');
            expect(text(element, '[data-busy]')).toBe('c.WebexSfAuth_Authorizing');
            expect(button(element, 'authorize').disabled).toBe(true);
        });

        it('authorizes on Enter in a field', async () => {
            const element = await mountWith(statusNotAuthorized);
            mockStart.mockResolvedValue(authorizationStart);
            typeInto(element, 'consumerKey', 'key');
            typeInto(element, 'consumerSecret', 'secret');
            field(element, 'consumerSecret').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
            field(element, 'consumerSecret').dispatchEvent(new KeyboardEvent('keydown', { key: 'x' }));
            await flushPromises();
            expect(mockStart).toHaveBeenCalledTimes(1);
        });

        it('shows a refusal and keeps what was typed', async () => {
            const element = await mountWith(statusNotAuthorized);
            mockStart.mockRejectedValue(invalidInputRejection);
            typeInto(element, 'consumerKey', 'key');
            typeInto(element, 'consumerSecret', 'secret');
            button(element, 'authorize').click();
            await flushPromises();
            expect(text(element, '[data-error-message]')).toBe('The request is missing information: consumerKey');
            expect(typed(element, 'consumerKey')).toBe('key');
            expect(typed(element, 'consumerSecret')).toBe('secret');
            expect(open).not.toHaveBeenCalled();
            expect(button(element, 'authorize').disabled).toBe(false);
            await expect(element).toBeAccessible();
        });
    });

    describe('Revoke', () => {
        it('revokes, says so in the section and in a toast, and shows nothing authorized', async () => {
            const element = await mountWith(statusAuthorized, 'authorized');
            const toasts: Array<{ message: string; variant?: string }> = [];
            element.addEventListener(ShowToastEventName, (event) => toasts.push((event as CustomEvent).detail));
            mockRevoke.mockResolvedValue(statusNotAuthorized);
            button(element, 'revoke').click();
            await Promise.resolve();
            expect(text(element, '[data-busy]')).toBe('c.WebexSfAuth_Revoking');
            await flushPromises();
            expect(mockRevoke).toHaveBeenCalledTimes(1);
            expect(text(element, '[data-success]')).toBe('c.WebexSfAuth_RevokeSuccess');
            expect(toasts).toEqual([
                { title: 'c.WebexSfAuth_Title', message: 'c.WebexSfAuth_RevokeSuccess', variant: 'success' }
            ]);
            expect(text(element, '[data-not-authorized]')).toBe('c.WebexSfAuth_NotAuthorized');
            await expect(element).toBeAccessible();
        });

        it('shows why Salesforce could not revoke, and still shows the authorization', async () => {
            const element = await mountWith(statusAuthorized);
            mockRevoke.mockRejectedValue(revokeFailedRejection);
            button(element, 'revoke').click();
            await flushPromises();
            expect(text(element, '[data-error-message]')).toContain('Salesforce could not be reached at');
            expect(text(element, '[data-authorized-as]')).toBe('Authorized as Avery Admin');
        });
    });

    describe('copying a URL', () => {
        it('copies to the clipboard and says so to screen readers', async () => {
            const writeText = jest.fn().mockResolvedValue(undefined);
            Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
            const element = await mountWith(statusAuthorized);
            ($(element, '[data-callback-urls] lightning-button-icon') as HTMLElement).click();
            await flushPromises();
            expect(writeText).toHaveBeenCalledWith(statusAuthorized.callbackUrls[0]);
            expect(text(element, '[data-copy-status]')).toBe(`Copied: ${statusAuthorized.callbackUrls[0]}`);
        });

        it('asks to copy by hand when the browser refuses', async () => {
            Object.defineProperty(navigator, 'clipboard', {
                value: { writeText: jest.fn().mockRejectedValue(new Error('denied')) },
                configurable: true
            });
            const element = await mountWith(statusNotAuthorized);
            ($(element, '[data-remote-site] + lightning-button-icon') as HTMLElement).click();
            await flushPromises();
            expect(text(element, '[data-copy-status]')).toBe('c.WebexSfAuth_CopyFailed');
        });
    });
});

/**
 * What the administrator reads in the section, in English (CustomLabels) and French (translation): the
 * External Client App, the least scopes (api, refresh_token; never full), and the existing connected app.
 */
describe('c-webex-admin-salesforce-auth help text', () => {
    const root = path.resolve(__dirname, '../../..');
    const decode = (value: string): string =>
        value
            .replace(/&gt;/g, '>')
            .replace(/&lt;/g, '<')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&');
    const english = new Map(
        [
            ...readFileSync(path.join(root, 'labels/CustomLabels.labels-meta.xml'), 'utf8').matchAll(
                /<fullName>(\w+)<\/fullName>[\s\S]*?<value>([\s\S]*?)<\/value>/g
            )
        ].map(([, name, value]) => [name, decode(value)])
    );
    const french = new Map(
        [
            ...readFileSync(path.join(root, 'translations/fr.translation-meta.xml'), 'utf8').matchAll(
                /<label>([^<]*)<\/label>\s*<name>(\w+)<\/name>/g
            )
        ].map(([, value, name]) => [name, decode(value)])
    );
    const en = (name: string): string => english.get(`WebexSfAuth_${name}`) ?? '';
    const fr = (name: string): string => french.get(`WebexSfAuth_${name}`) ?? '';

    it('tells to create the External Client App, with its API name, in both languages', () => {
        expect(en('SetupTitle')).toBe('Set up the External Client App');
        expect(en('SetupApp')).toContain('New External Client App');
        expect(en('SetupApp')).toContain('Webex_Salesforce_Authorization');
        expect(en('SetupApp')).toContain('Distribution State: Local');
        expect(fr('SetupTitle')).toBe("Configurer l'application client externe");
        expect(fr('SetupApp')).toContain('Webex_Salesforce_Authorization');
        expect(en('Help')).toContain('Create the External Client App');
        expect(fr('Help')).toContain("Créez l'application client externe");
        for (const name of ['SetupTitle', 'SetupApp', 'ConsumerKeyRequired', 'ConsumerSecretRequired']) {
            expect(en(name)).not.toMatch(/connected app/i);
            expect(fr(name)).not.toMatch(/nouvelle application connectée/i);
        }
    });

    it('names exactly the scopes the package asks for, and never full', () => {
        for (const scopes of [en('SetupScopes'), fr('SetupScopes')]) {
            expect(scopes).toContain('(api)');
            expect(scopes).toContain('(refresh_token, offline_access)');
            expect(scopes).not.toContain('(full)');
            expect(scopes).toContain('PKCE');
        }
        expect(en('SetupScopes')).toMatch(
            /leave "Enable Refresh Token Rotation" and "Issue JSON Web Token[^.]*cleared/i
        );
        expect(en('OutcomeInvalidScope')).toContain('(api)');
        expect(fr('OutcomeInvalidScope')).toContain('(api)');
    });

    it('keeps an existing connected app working once it offers api', () => {
        expect(en('SetupExistingApp')).toContain('connected app "Webex Salesforce Authorization"');
        expect(en('SetupExistingApp')).toContain('add "Manage user data via APIs (api)"');
        expect(fr('SetupExistingApp')).toContain('(api)');
        expect(en('SetupPolicies')).toContain('Consumer Key and Secret');
        expect(fr('SetupPolicies')).toContain('Clé et secret du consommateur');
    });
});
