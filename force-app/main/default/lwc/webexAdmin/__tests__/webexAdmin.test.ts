import '../../../../../test/jest-utils/adminApex';
import WebexAdmin, { SECTIONS } from 'c/webexAdmin';
import getIntegrationStatus from '@salesforce/apex/WebexAdminController.getIntegrationStatus';
import statusNoToken from '../../../../../test/jest-utils/data/statusNoToken.json';
import { type Host, mountSection, flushPromises, resetPage } from '../../../../../test/jest-utils/adminSection';

async function mount(): Promise<Host> {
    jest.mocked(getIntegrationStatus).mockResolvedValue(statusNoToken);
    return mountSection('c-webex-admin', WebexAdmin, {}, flushPromises);
}

describe('c-webex-admin', () => {
    const scrollIntoView = jest.fn();

    beforeAll(() => {
        // jsdom does not lay pages out, so it has no scrollIntoView.
        Element.prototype.scrollIntoView = scrollIntoView;
    });

    afterEach(resetPage);

    // axe scans every section of the page (six feature-access editors among them): allow it more than 5 s.
    it('titles the page and describes it', async () => {
        const element = await mount();
        expect(element.shadowRoot.querySelector('h1')?.textContent?.trim()).toBe('c.WebexAdmin_Title');
        expect(element.shadowRoot.querySelector('.slds-page-header__name-meta')?.textContent).toBe(
            'c.WebexAdmin_Subtitle'
        );
        await expect(element).toBeAccessible();
    }, 30000);

    it('lists every section under a labelled navigation, the first one current', async () => {
        const element = await mount();
        const nav = element.shadowRoot.querySelector('nav');
        const title = element.shadowRoot.querySelector('nav h2');
        expect(nav?.getAttribute('aria-labelledby')).toBe(title?.id);
        expect(title?.id).toBeTruthy();
        expect(title?.textContent).toBe('c.WebexAdmin_SectionsNav');
        const links = [...element.shadowRoot.querySelectorAll('nav button')];
        expect(links.map((link) => link.textContent?.trim())).toEqual(SECTIONS.map((section) => section.label));
        expect(links.map((link) => link.getAttribute('aria-current'))).toEqual(
            SECTIONS.map((_, index) => (index === 0 ? 'location' : null))
        );
        expect(links[0].closest('li')?.classList.contains('slds-is-active')).toBe(true);
    });

    it('hosts each section it lists, Webex Integration Settings first', async () => {
        const element = await mount();
        for (const section of SECTIONS) {
            expect(element.shadowRoot.querySelector(`[data-section="${section.name}"]`)).not.toBeNull();
        }
        const first = element.shadowRoot.querySelector(`[data-section="${SECTIONS[0].name}"]`);
        expect(first?.querySelector('c-webex-admin-integration-settings')).not.toBeNull();
        expect(getIntegrationStatus).toHaveBeenCalledTimes(1);
    });

    it('follows Webex Integration Settings with Salesforce Authorization, then Webex Site for Webhooks', async () => {
        const element = await mount();
        const names = SECTIONS.map((section) => section.name);
        expect(names.slice(names.indexOf('integration'), names.indexOf('integration') + 3)).toEqual([
            'integration',
            'salesforceAuthorization',
            'webhookSite'
        ]);
        expect(
            element.shadowRoot.querySelector('[data-section="salesforceAuthorization"] c-webex-admin-salesforce-auth')
        ).not.toBeNull();
        expect(
            element.shadowRoot.querySelector('[data-section="webhookSite"] c-webex-admin-webhook-site')
        ).not.toBeNull();
    });

    it('ends with Webex People Search, Webex Feature Access, then the Health check', async () => {
        const element = await mount();
        expect(SECTIONS.slice(-3).map((section) => section.name)).toEqual([
            'peopleSearch',
            'featureAccess',
            'healthCheck'
        ]);
        expect(
            element.shadowRoot.querySelector('[data-section="healthCheck"] c-webex-admin-health-check')
        ).not.toBeNull();
        expect(
            element.shadowRoot.querySelector('[data-section="peopleSearch"] c-webex-admin-people-search')
        ).not.toBeNull();
        expect(
            element.shadowRoot.querySelector('[data-section="featureAccess"] c-webex-admin-feature-access')
        ).not.toBeNull();
    });

    it('hosts the calling sections after Webex Site for Webhooks, in the admin guide order', async () => {
        const element = await mount();
        const names = SECTIONS.map((section) => section.name);
        const start = names.indexOf('webhookSite') + 1;
        expect(names.slice(start, start + 6)).toEqual([
            'phoneFields',
            'outboundCallLog',
            'inboundCallLog',
            'callLogTabs',
            'callHistory',
            'callingBackend'
        ]);
        const hosted = (name: string, tag: string) =>
            element.shadowRoot.querySelector(`[data-section="${name}"] ${tag}`) as
                (HTMLElement & { direction?: string }) | null;
        expect(hosted('phoneFields', 'c-webex-admin-phone-fields')).not.toBeNull();
        expect(hosted('outboundCallLog', 'c-webex-admin-call-log')?.direction).toBe('Outbound');
        expect(hosted('inboundCallLog', 'c-webex-admin-call-log')?.direction).toBe('Inbound');
        expect(hosted('callLogTabs', 'c-webex-admin-call-log-tabs')).not.toBeNull();
        expect(hosted('callHistory', 'c-webex-admin-call-history')).not.toBeNull();
        expect(hosted('callingBackend', 'c-webex-admin-calling-backend')).not.toBeNull();
    });

    it('hosts Webex Chat right after the calling sections, as the guide scrolls down to it', async () => {
        const element = await mount();
        const names = SECTIONS.map((section) => section.name);
        expect(names[names.indexOf('callingBackend') + 1]).toBe('chat');
        expect(SECTIONS[names.indexOf('chat')].label).toBe('c.WebexChatAdmin_Title');
        expect(element.shadowRoot.querySelector('[data-section="chat"] c-webex-admin-chat')).not.toBeNull();
    });

    it('jumps to a section from the list and moves keyboard focus there', async () => {
        const element = await mount();
        const link = element.shadowRoot.querySelector('nav button') as HTMLButtonElement;
        expect(link.type).toBe('button');
        link.click();
        await flushPromises();
        const target = element.shadowRoot.querySelector('[data-section="integration"]') as HTMLElement;
        expect(scrollIntoView).toHaveBeenCalledWith({ behavior: 'smooth', block: 'start' });
        expect(scrollIntoView.mock.contexts[0]).toBe(target);
        expect(element.shadowRoot.activeElement).toBe(target);
        expect(link.getAttribute('aria-current')).toBe('location');
    });

    it('jumps to the section the Health check asks for', async () => {
        const element = await mount();
        const healthCheck = element.shadowRoot.querySelector('c-webex-admin-health-check') as HTMLElement;
        healthCheck.dispatchEvent(new CustomEvent('sectionjump', { detail: { section: 'webhookSite' } }));
        await flushPromises();
        const target = element.shadowRoot.querySelector('[data-section="webhookSite"]') as HTMLElement;
        expect(scrollIntoView.mock.contexts[0]).toBe(target);
        expect(element.shadowRoot.activeElement).toBe(target);
        const link = element.shadowRoot.querySelector('nav button[data-target="webhookSite"]');
        expect(link?.getAttribute('aria-current')).toBe('location');
    });

    it('ignores a jump to a section that is not on the page', async () => {
        const element = await mount();
        const link = element.shadowRoot.querySelector('nav button') as HTMLButtonElement;
        link.dataset.target = 'missing';
        link.click();
        await flushPromises();
        expect(scrollIntoView).not.toHaveBeenCalled();
    });
});
