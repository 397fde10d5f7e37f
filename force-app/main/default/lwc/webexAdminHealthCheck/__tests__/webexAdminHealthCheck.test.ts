import { createElement } from 'lwc';
import WebexAdminHealthCheck from 'c/webexAdminHealthCheck';
import reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import runHealthCheck from '@salesforce/apex/WebexHealthCheckController.runHealthCheck';
import checksAllOkJson from './data/checksAllOk.json';
import checksFreshJson from './data/checksFresh.json';
import checksInactiveWebhookJson from './data/checksInactiveWebhook.json';
import notAdminRejection from './data/notAdminRejection.json';

jest.mock('@salesforce/apex/WebexHealthCheckController.runHealthCheck', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WebexAdminController.reactivateWebhook', () => ({ default: jest.fn() }), {
    virtual: true
});

const checksAllOk = checksAllOkJson as WebexHealthCheck[];
const checksFresh = checksFreshJson as WebexHealthCheck[];
const checksInactiveWebhook = checksInactiveWebhookJson as WebexHealthCheck[];

const mockRun = jest.mocked(runHealthCheck);
const mockReactivate = jest.mocked(reactivateWebhook);

type Host = HTMLElement & { shadowRoot: ShadowRoot };
type ButtonStub = HTMLElement & { label: string; disabled: boolean };
type IconStub = HTMLElement & { iconName: string; alternativeText: string; variant: string };

function flushPromises(): Promise<void> {
    // A macrotask: every pending Apex promise and the re-render it causes have settled by then.
    // eslint-disable-next-line @lwc/lwc/no-async-operation
    return new Promise((resolve) => setTimeout(resolve, 0));
}

async function mountWith(checks: WebexHealthCheck[]): Promise<Host> {
    mockRun.mockResolvedValue(checks);
    const element = createElement('c-webex-admin-health-check', { is: WebexAdminHealthCheck }) as Host;
    document.body.appendChild(element);
    await flushPromises();
    return element;
}

function $(element: Host, selector: string): HTMLElement | null {
    return element.shadowRoot.querySelector(selector);
}

function text(element: Host, selector: string): string {
    return ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function row(element: Host, id: string): HTMLElement {
    return $(element, `li[data-check="${id}"]`) as HTMLElement;
}

function rowIcon(element: Host, id: string): IconStub {
    return row(element, id).querySelector('lightning-icon') as IconStub;
}

describe('c-webex-admin-health-check', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('runs the check on arrival, saying so, then shows every problem with what to do', async () => {
        let answer: (checks: WebexHealthCheck[]) => void = () => undefined;
        mockRun.mockReturnValue(new Promise((resolve) => (answer = resolve)));
        const element = createElement('c-webex-admin-health-check', { is: WebexAdminHealthCheck }) as Host;
        document.body.appendChild(element);
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexHealth_Running');
        const run = $(element, 'lightning-button[data-action="run"]') as ButtonStub;
        expect(run.label).toBe('c.WebexHealth_Run');
        expect(run.disabled).toBe(true);

        answer(checksFresh);
        await flushPromises();
        expect($(element, '[data-busy]')).toBeNull();
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_Problems');
        expect(element.shadowRoot.querySelectorAll('li[data-check]')).toHaveLength(7);
        const token = row(element, 'webexToken');
        expect(rowIcon(element, 'webexToken').iconName).toBe('utility:error');
        expect(rowIcon(element, 'webexToken').alternativeText).toBe('c.WebexHealth_StatusError');
        expect(token.querySelector('[data-status]')?.textContent).toBe('c.WebexHealth_StatusError');
        expect(token.querySelector('[data-detail]')?.textContent).toBe('No Webex access token is stored.');
        expect(token.querySelector('[data-action-text]')?.textContent).toContain('Paste');
        expect((token.querySelector('[data-action="go-to"]') as ButtonStub).label).toBe('c.WebexHealth_GoTo');
        expect(rowIcon(element, 'userPermissionSet').iconName).toBe('utility:warning');
        expect(rowIcon(element, 'webhooks').alternativeText).toBe('c.WebexHealth_StatusUnknown');
        const ok = row(element, 'adminPermissionSet');
        expect(rowIcon(element, 'adminPermissionSet').iconName).toBe('utility:success');
        expect(ok.querySelector('[data-action-text]')).toBeNull();
        expect(ok.querySelector('[data-action="go-to"]')).toBeNull();
        expect($(element, '[data-action="reactivate"]')).toBeNull();
        expect(run.disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('says "All checks passed" when every check is ok', async () => {
        const element = await mountWith(checksAllOk);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_AllPassed');
        expect(($(element, '[data-summary] lightning-icon') as IconStub).variant).toBe('success');
        expect(element.shadowRoot.querySelectorAll('[data-action="go-to"]')).toHaveLength(0);
        await expect(element).toBeAccessible();
    });

    it('counts a single problem in the singular', async () => {
        const oneProblem = checksAllOk.map((check) => {
            return check.id === 'userPermissionSet'
                ? { ...check, status: 'warning' as const, action: 'Assign it' }
                : check;
        });
        const element = await mountWith(oneProblem);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_OneProblem');
    });

    it('asks the tab to jump to the section that fixes a problem', async () => {
        const element = await mountWith(checksFresh);
        const jumps: string[] = [];
        element.addEventListener('sectionjump', (event) =>
            jumps.push((event as CustomEvent<{ section: string }>).detail.section)
        );
        (row(element, 'webhookSite').querySelector('[data-action="go-to"]') as HTMLElement).click();
        (row(element, 'salesforceAuthorization').querySelector('[data-action="go-to"]') as HTMLElement).click();
        expect(jumps).toEqual(['webhookSite', 'salesforceAuthorization']);
    });

    it('re-activates the webhooks Webex disabled, then checks again', async () => {
        const element = await mountWith(checksInactiveWebhook);
        expect(rowIcon(element, 'webhooks').iconName).toBe('utility:error');
        expect(rowIcon(element, 'platformEvents').iconName).toBe('utility:warning');
        const reactivate = row(element, 'webhooks').querySelector('[data-action="reactivate"]') as ButtonStub;
        expect(reactivate.label).toBe('c.WebexHealth_Reactivate');
        await expect(element).toBeAccessible();

        let reactivated: (status: WebexIntegrationStatus) => void = () => undefined;
        mockReactivate.mockReturnValue(new Promise((resolve) => (reactivated = resolve)));
        mockRun.mockResolvedValue(checksAllOk);
        reactivate.click();
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexHealth_Reactivating');
        reactivated({} as WebexIntegrationStatus);
        await flushPromises();

        expect(mockReactivate).toHaveBeenCalledWith({ webhookId: 'W2' });
        expect(mockRun).toHaveBeenCalledTimes(2);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_AllPassed');
        expect($(element, '[data-action="reactivate"]')).toBeNull();
    });

    it('shows why Re-activate failed and keeps the checks shown', async () => {
        const element = await mountWith(checksInactiveWebhook);
        mockReactivate.mockRejectedValue(notAdminRejection);
        (row(element, 'webhooks').querySelector('[data-action="reactivate"]') as HTMLElement).click();
        await flushPromises();
        expect(text(element, '[role="alert"] [data-error-message]')).toBe(
            'You need the Webex Admin permission set to change these settings.'
        );
        expect(mockRun).toHaveBeenCalledTimes(1);
        expect(row(element, 'webhooks')).not.toBeNull();
    });

    it('runs again on Run check', async () => {
        const element = await mountWith(checksFresh);
        mockRun.mockResolvedValue(checksAllOk);
        ($(element, 'lightning-button[data-action="run"]') as HTMLElement).click();
        await flushPromises();
        expect(mockRun).toHaveBeenCalledTimes(2);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_AllPassed');
    });

    it('shows why the check could not run, in an alert', async () => {
        mockRun.mockRejectedValue(notAdminRejection);
        const element = createElement('c-webex-admin-health-check', { is: WebexAdminHealthCheck }) as Host;
        document.body.appendChild(element);
        await flushPromises();
        expect(text(element, '[role="alert"] h3')).toBe('c.WebexHealth_ErrorTitle');
        expect(text(element, '[data-error-message]')).toBe(
            'You need the Webex Admin permission set to change these settings.'
        );
        expect($(element, '[data-checks]')).toBeNull();
        await expect(element).toBeAccessible();
    });
});
