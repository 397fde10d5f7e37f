import '../../../../../test/jest-utils/adminApex';
import WebexAdminWebhookSite from 'c/webexAdminWebhookSite';
import checkSite from '@salesforce/apex/WebexSiteController.checkSite';
import createSite from '@salesforce/apex/WebexSiteController.createSite';
import getSiteStatus from '@salesforce/apex/WebexSiteController.getSiteStatus';
import metadataFaultRejection from './data/metadataFaultRejection.json';
import notAuthorizedRejection from './data/notAuthorizedRejection.json';
import notSystemAdminRejection from './data/notSystemAdminRejection.json';
import statusCreated from './data/statusCreated.json';
import statusExisting from './data/statusExisting.json';
import statusGuestWarning from './data/statusGuestWarning.json';
import statusNoSite from './data/statusNoSite.json';
import statusNotSystemAdmin from './data/statusNotSystemAdmin.json';
import statusReachable from './data/statusReachable.json';
import statusUnreachable from './data/statusUnreachable.json';
import {
    type Host,
    mountSection,
    flushPromises,
    $,
    text,
    toasts,
    button,
    resetPage,
    mountLoading,
    type ButtonStub
} from '../../../../../test/jest-utils/adminSection';

const mockStatus = jest.mocked(getSiteStatus);
const mockCreate = jest.mocked(createSite);
const mockCheck = jest.mocked(checkSite);

type IconStub = HTMLElement & { iconName: string; alternativeText: string };

async function mountWith(status: WebexSiteStatus): Promise<Host> {
    mockStatus.mockResolvedValue(status);
    return mountSection('c-webex-admin-webhook-site', WebexAdminWebhookSite, {}, flushPromises);
}

function requirementStates(element: Host): Record<string, string> {
    return Object.fromEntries(
        [...element.shadowRoot.querySelectorAll('[data-requirement]')].map((item) => [
            (item as HTMLElement).dataset.requirement,
            (item.querySelector('lightning-icon') as IconStub).alternativeText
        ])
    );
}

describe('c-webex-admin-webhook-site', () => {
    afterEach(resetPage);

    describe('on arrival', () => {
        it('says it is loading, then that there is no site yet and what creating it needs', async () => {
            let answer: (status: WebexSiteStatus) => void = () => undefined;
            mockStatus.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            const element = mountLoading('c-webex-admin-webhook-site', WebexAdminWebhookSite);
            await Promise.resolve();
            expect(text(element, '[data-busy]')).toBe('c.WebexSite_Loading');
            expect(button(element, 'create').disabled).toBe(true);

            answer(statusNoSite);
            await flushPromises();
            expect(text(element, '[data-no-site]')).toBe('c.WebexSite_NoSite');
            expect(requirementStates(element)).toEqual({
                systemAdministrator: 'c.WebexSite_Met',
                webexAdmin: 'c.WebexSite_Met',
                salesforceAuthorized: 'c.WebexSite_Met'
            });
            expect(button(element, 'create').label).toBe('c.WebexSite_Create');
            expect(button(element, 'create').disabled).toBe(false);
            expect(button(element, 'check').disabled).toBe(true);
            await expect(element).toBeAccessible();
        });

        it('tells a user without the System Administrator profile, and without authorization, what is missing', async () => {
            const element = await mountWith(statusNotSystemAdmin);
            expect(requirementStates(element)).toEqual({
                systemAdministrator: 'c.WebexSite_Missing',
                webexAdmin: 'c.WebexSite_Met',
                salesforceAuthorized: 'c.WebexSite_Missing'
            });
            expect(text(element, '[data-needs-system-admin]')).toBe('c.WebexSite_ErrorNotSystemAdmin');
            expect(text(element, '[data-needs-authorization]')).toBe('c.WebexSfAuth_ErrorNotAuthorized');
            await expect(element).toBeAccessible();
        });

        it('shows an existing site, its endpoint and its guest access', async () => {
            const element = await mountWith(statusExisting);
            expect(text(element, '[data-site-name]')).toBe('Webex_Webhooks');
            expect(($(element, 'lightning-formatted-url') as unknown as { value: string }).value).toBe(
                statusExisting.siteUrl
            );
            expect(text(element, '[data-webhook-url]')).toBe(statusExisting.webhookUrl);
            expect(text(element, '[data-guest-access]')).toBe('c.WebexSite_GuestAccessGranted');
            expect($(element, '[data-needs-authorization]')).toBeNull();
            expect(button(element, 'check').disabled).toBe(false);
            await expect(element).toBeAccessible();
        });

        it('shows why the status could not be loaded, and Retry loads it again', async () => {
            mockStatus.mockRejectedValueOnce(notSystemAdminRejection);
            const element = await mountSection('c-webex-admin-webhook-site', WebexAdminWebhookSite, {}, flushPromises);
            expect(text(element, '[role="alert"] h3')).toBe('c.WebexSite_ErrorTitle');
            expect(text(element, '[data-load-error]')).toMatch(/^Creating the site needs the System Administrator/);
            expect($(element, '[data-requirements]')).toBeNull();

            mockStatus.mockResolvedValueOnce(statusExisting as WebexSiteStatus);
            ($(element, 'lightning-button[data-action="retry"]') as ButtonStub).click();
            await flushPromises();
            expect(mockStatus).toHaveBeenCalledTimes(2);
            expect($(element, '[role="alert"]')).toBeNull();
            expect(text(element, '[data-site-name]')).toBe((statusExisting as WebexSiteStatus).siteName);
        });
    });

    describe('Create Site', () => {
        it('creates the site, says "Site created successfully" with its URL, then checks it answers', async () => {
            const element = await mountWith(statusNoSite);
            const seen = toasts(element);
            let answer: (status: WebexSiteStatus) => void = () => undefined;
            let checked: (status: WebexSiteStatus) => void = () => undefined;
            mockCreate.mockReturnValue(new Promise((resolve) => (answer = resolve)));
            mockCheck.mockReturnValue(new Promise((resolve) => (checked = resolve)));

            button(element, 'create').click();
            await Promise.resolve();
            expect(text(element, '[data-busy]')).toBe('c.WebexSite_Creating');
            expect(button(element, 'create').disabled).toBe(true);

            answer(statusCreated);
            await flushPromises();
            expect(text(element, '[data-success] .slds-text-heading_small')).toBe('c.WebexSite_Created');
            expect(text(element, '[data-success-url]')).toBe(statusCreated.siteUrl);
            expect(text(element, '[data-busy]')).toBe('c.WebexSite_Checking');
            expect(mockCheck).toHaveBeenCalledTimes(1);

            checked(statusReachable);
            await flushPromises();
            expect(text(element, '[data-success] .slds-text-heading_small')).toBe('c.WebexSite_Created');
            expect(text(element, '[data-check]')).toBe(statusReachable.check.message);
            expect(seen).toEqual([{ title: 'c.WebexSite_Title', message: 'c.WebexSite_Created', variant: 'success' }]);
            await expect(element).toBeAccessible();
        });

        it('shows the same site when it already exists', async () => {
            const element = await mountWith(statusExisting);
            mockCreate.mockResolvedValue(statusExisting);
            mockCheck.mockResolvedValue(statusReachable);
            button(element, 'create').click();
            await flushPromises();
            expect(text(element, '[data-success] .slds-text-heading_small')).toBe('c.WebexSite_AlreadyExists');
            expect(text(element, '[data-site-name]')).toBe('Webex_Webhooks');
        });

        it.each([
            ['not authorized', notAuthorizedRejection, 'Authorize Salesforce first'],
            ['not a System Administrator', notSystemAdminRejection, 'System Administrator profile'],
            ['refused by the Metadata API', metadataFaultRejection, 'INSUFFICIENT_ACCESS: use of the Metadata API']
        ])('shows why it could not be created when %s, and changes nothing', async (_, rejection, message) => {
            const element = await mountWith(statusNoSite);
            mockCreate.mockRejectedValue(rejection);
            button(element, 'create').click();
            await flushPromises();
            expect(text(element, '[role="alert"] [data-error-message]')).toContain(message);
            expect($(element, '[data-success]')).toBeNull();
            expect(text(element, '[data-no-site]')).toBe('c.WebexSite_NoSite');
            expect(mockCheck).not.toHaveBeenCalled();
            expect(button(element, 'create').disabled).toBe(false);
        });

        it('says what to do by hand when the guest user could not be given access', async () => {
            const element = await mountWith(statusNoSite);
            mockCreate.mockResolvedValue(statusGuestWarning);
            mockCheck.mockResolvedValue({ ...statusGuestWarning, created: false, check: statusReachable.check });
            button(element, 'create').click();
            await flushPromises();
            expect(text(element, '[data-warning]')).toContain('Webex Webhook Guest');
            expect(text(element, '[data-guest-access]')).toBe('c.WebexSite_GuestAccessMissing');
            await expect(element).toBeAccessible();
        });
    });

    describe('Check Site', () => {
        it('reports an endpoint that cannot be reached', async () => {
            const element = await mountWith(statusExisting);
            mockCheck.mockResolvedValue(statusUnreachable);
            button(element, 'check').click();
            await Promise.resolve();
            expect(text(element, '[data-busy]')).toBe('c.WebexSite_Checking');
            await flushPromises();
            expect(text(element, '[data-check]')).toBe(statusUnreachable.check.message);
            expect(($(element, '[data-check] lightning-icon') as IconStub).iconName).toBe('utility:warning');
            expect($(element, '[data-success]')).toBeNull();
        });
    });
});
