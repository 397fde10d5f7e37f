import '../../../../../test/jest-utils/adminApex';
import { emitLeadRenamed } from '../../../../../test/jest-utils/objectInfo';
import { type LightningElement } from 'lwc';
import WebexAdminHealthCheck from 'c/webexAdminHealthCheck';
import reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import createCallEventChannel from '@salesforce/apex/WebexHealthCheckController.createCallEventChannel';
import fillPhoneKeys from '@salesforce/apex/WebexHealthCheckController.fillPhoneKeys';
import runHealthCheck from '@salesforce/apex/WebexHealthCheckController.runHealthCheck';
import checksAllOkJson from './data/checksAllOk.json';
import checksFreshJson from './data/checksFresh.json';
import checksInactiveWebhookJson from './data/checksInactiveWebhook.json';
import notAdminRejection from './data/notAdminRejection.json';
import {
    type Host,
    mountSection,
    flushPromises,
    $,
    text,
    resetPage,
    mountLoading,
    type ButtonStub
} from '../../../../../test/jest-utils/adminSection';

jest.mock(
    '@salesforce/label/c.WebexHealth_PhoneKeysStarted',
    () => ({ default: 'Filling phone keys in the background: {0}, then {1}.' }),
    { virtual: true }
);
const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](ref: unknown) {
                mockNavigate(ref);
            }
        };
    return { NavigationMixin: Object.assign(NavigationMixin, { Navigate, GenerateUrl }) };
});

// NavigationMixin's typing drops LightningElement's static members: the class is one all the same.
const HEALTH_CHECK = WebexAdminHealthCheck as unknown as typeof LightningElement;

const checksAllOk = checksAllOkJson as WebexHealthCheck[];
const checksFresh = checksFreshJson as WebexHealthCheck[];
const checksInactiveWebhook = checksInactiveWebhookJson as WebexHealthCheck[];

const mockRun = jest.mocked(runHealthCheck);
const mockReactivate = jest.mocked(reactivateWebhook);
const mockCreateChannel = jest.mocked(createCallEventChannel);
const mockFillPhoneKeys = jest.mocked(fillPhoneKeys);

/** Every check ok but two: errors were logged today, and records lack their phone keys. */
const checksErrorsAndPhoneKeys: WebexHealthCheck[] = checksAllOk.map((check) => {
    if (check.id === 'recentErrors')
        return {
            ...check,
            status: 'warning',
            detail: '3 in the last 24 hours.',
            action: 'Open the Webex Error Log to read each error by its reference.',
            link: 'errorLog'
        };
    if (check.id === 'phoneKeys')
        return {
            ...check,
            status: 'warning',
            detail: 'Records saved before the package was installed have no phone keys (Contacts: 12, Leads: 0).',
            action: 'Click Fill phone keys.',
            fix: 'fillPhoneKeys'
        };
    return check;
});

/** Every check ok but the call-event channel, missing, with its own fix. */
const checksMissingChannel: WebexHealthCheck[] = checksAllOk.map((check) => {
    if (check.id !== 'callEventChannel') return check;
    return {
        ...check,
        status: 'error',
        detail: 'The Streaming Channel /u/WebexCallEvents does not exist.',
        action: 'Click Create channel.',
        section: null,
        fix: 'createCallEventChannel'
    };
});

type IconStub = HTMLElement & { iconName: string; alternativeText: string; variant: string };

async function mountWith(checks: WebexHealthCheck[]): Promise<Host> {
    mockRun.mockResolvedValue(checks);
    return mountSection('c-webex-admin-health-check', HEALTH_CHECK, {}, flushPromises);
}

function row(element: Host, id: string): HTMLElement {
    return $(element, `li[data-check="${id}"]`) as HTMLElement;
}

function rowIcon(element: Host, id: string): IconStub {
    return row(element, id).querySelector('lightning-icon') as IconStub;
}

describe('c-webex-admin-health-check', () => {
    afterEach(resetPage);

    it('runs the check on arrival, saying so, then shows every problem with what to do', async () => {
        let answer: (checks: WebexHealthCheck[]) => void = () => undefined;
        mockRun.mockReturnValue(new Promise((resolve) => (answer = resolve)));
        const element = mountLoading('c-webex-admin-health-check', HEALTH_CHECK);
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexHealth_Running');
        const run = $(element, 'lightning-button[data-action="run"]') as ButtonStub;
        expect(run.label).toBe('c.WebexHealth_Run');
        expect(run.disabled).toBe(true);

        answer(checksFresh);
        await flushPromises();
        expect($(element, '[data-busy]')).toBeNull();
        // 3 errors, 1 warning (Cisco Webex User assigned to nobody), 2 checks that could not run
        expect(text(element, '[data-summary]')).toBe(
            'c.WebexHealth_Problems, c.WebexHealth_OneWarning, c.WebexHealth_NotChecked'
        );
        expect(($(element, '[data-summary] lightning-icon') as IconStub).iconName).toBe('utility:error');
        expect(element.shadowRoot.querySelectorAll('li[data-check]')).toHaveLength(8);
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
        expect($(element, '[data-action="create-channel"]')).toBeNull();
        expect((row(element, 'callEventChannel').querySelector('[data-action="go-to"]') as ButtonStub).label).toBe(
            'c.WebexHealth_GoTo'
        );
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
        const element = await mountWith(checksMissingChannel);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_OneProblem');
        expect(($(element, '[data-summary] lightning-icon') as IconStub).variant).toBe('error');
    });

    it('does not count a warning as a problem', async () => {
        const oneWarning = checksAllOk.map((check) => {
            return check.id === 'userPermissionSet'
                ? { ...check, status: 'warning' as const, action: 'Assign it' }
                : check;
        });
        const element = await mountWith(oneWarning);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_NoProblems, c.WebexHealth_OneWarning');
        const icon = $(element, '[data-summary] lightning-icon') as IconStub;
        expect(icon.iconName).toBe('utility:warning');
        expect(icon.variant).toBe('warning');
    });

    it('counts warnings in the plural, and a problem beside them takes the summary to red', async () => {
        const element = await mountWith(checksErrorsAndPhoneKeys);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_NoProblems, c.WebexHealth_Warnings');
        expect(($(element, '[data-summary] lightning-icon') as IconStub).variant).toBe('warning');

        const withProblem = checksErrorsAndPhoneKeys.map((check) => {
            return check.id === 'webhookSite' ? { ...check, status: 'error' as const, action: 'Create it' } : check;
        });
        mockRun.mockResolvedValue(withProblem);
        ($(element, 'lightning-button[data-action="run"]') as HTMLElement).click();
        await flushPromises();
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_OneProblem, c.WebexHealth_Warnings');
        const icon = $(element, '[data-summary] lightning-icon') as IconStub;
        expect(icon.iconName).toBe('utility:error');
        expect(icon.variant).toBe('error');
    });

    it('says which checks could not run, without calling them problems', async () => {
        const webexDown = checksAllOk.map((check) => {
            return check.id === 'webexToken' ? { ...check, status: 'unknown' as const, action: 'Try again' } : check;
        });
        const element = await mountWith(webexDown);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_NoProblems, c.WebexHealth_OneNotChecked');
        expect(($(element, '[data-summary] lightning-icon') as IconStub).iconName).toBe('utility:help');
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

    it('creates the missing call-event channel with its own button, then checks again', async () => {
        const element = await mountWith(checksMissingChannel);
        const channel = row(element, 'callEventChannel');
        expect(rowIcon(element, 'callEventChannel').iconName).toBe('utility:error');
        expect(channel.querySelector('[data-action="go-to"]')).toBeNull();
        const create = channel.querySelector('[data-action="create-channel"]') as ButtonStub;
        expect(create.label).toBe('c.WebexHealth_CreateChannel');
        await expect(element).toBeAccessible();

        let created: () => void = () => undefined;
        mockCreateChannel.mockReturnValue(new Promise((resolve) => (created = () => resolve())));
        mockRun.mockResolvedValue(checksAllOk);
        create.click();
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexHealth_CreatingChannel');
        expect(create.disabled).toBe(true);
        created();
        await flushPromises();

        expect(mockCreateChannel).toHaveBeenCalledTimes(1);
        expect(mockRun).toHaveBeenCalledTimes(2);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_AllPassed');
        expect($(element, '[data-action="create-channel"]')).toBeNull();
    });

    it('shows why Create channel failed and keeps the checks shown', async () => {
        const element = await mountWith(checksMissingChannel);
        mockCreateChannel.mockRejectedValue(notAdminRejection);
        (row(element, 'callEventChannel').querySelector('[data-action="create-channel"]') as HTMLElement).click();
        await flushPromises();
        expect(text(element, '[role="alert"] [data-error-message]')).toBe(
            'You need the Webex Admin permission set to change these settings.'
        );
        expect(mockRun).toHaveBeenCalledTimes(1);
        expect(row(element, 'callEventChannel').querySelector('[data-action="create-channel"]')).not.toBeNull();
    });

    it('counts recent errors and opens the Webex Error Log on its All view', async () => {
        const element = await mountWith(checksErrorsAndPhoneKeys);
        const errors = row(element, 'recentErrors');
        expect(rowIcon(element, 'recentErrors').iconName).toBe('utility:warning');
        expect(errors.querySelector('[data-detail]')?.textContent).toBe('3 in the last 24 hours.');
        const open = errors.querySelector('[data-action="open-error-log"]') as ButtonStub;
        expect(open.label).toBe('c.WebexHealth_OpenErrorLog');
        expect(row(element, 'phoneKeys').querySelector('[data-action="open-error-log"]')).toBeNull();
        await expect(element).toBeAccessible();

        open.click();
        expect(mockNavigate).toHaveBeenCalledWith({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'WebexErrorLog__c', actionName: 'list' },
            state: { filterName: 'All' }
        });
    });

    it('has no error-log link when no error was logged', async () => {
        const element = await mountWith(checksAllOk);
        expect(rowIcon(element, 'recentErrors').iconName).toBe('utility:success');
        expect($(element, '[data-action="open-error-log"]')).toBeNull();
        expect($(element, '[data-action="fill-phone-keys"]')).toBeNull();
    });

    it('starts filling the phone keys in the background and says so, without checking again at once', async () => {
        const element = await mountWith(checksErrorsAndPhoneKeys);
        // What getObjectInfo gives in an org that renamed Lead to « Prospect »: the notice names it so.
        emitLeadRenamed();
        const fill = row(element, 'phoneKeys').querySelector('[data-action="fill-phone-keys"]') as ButtonStub;
        expect(fill.label).toBe('c.WebexHealth_FillPhoneKeys');
        expect(row(element, 'phoneKeys').querySelector('[data-action-text]')?.textContent).toContain('Fill phone keys');

        let started: (jobId: string) => void = () => undefined;
        mockFillPhoneKeys.mockReturnValue(new Promise((resolve) => (started = resolve)));
        fill.click();
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexHealth_FillingPhoneKeys');
        expect(fill.disabled).toBe(true);
        started('707000000000001AAA');
        await flushPromises();

        expect(mockFillPhoneKeys).toHaveBeenCalledTimes(1);
        expect(text(element, '[role="status"][data-notice]')).toBe(
            'Filling phone keys in the background: Contacts, then Prospects.'
        );
        expect(mockRun).toHaveBeenCalledTimes(1);
        expect(fill.disabled).toBe(false);
        await expect(element).toBeAccessible();

        // Run check later: the notice gives way to the new answer
        mockRun.mockResolvedValue(checksAllOk);
        ($(element, 'lightning-button[data-action="run"]') as HTMLElement).click();
        await flushPromises();
        expect($(element, '[data-notice]')).toBeNull();
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_AllPassed');
    });

    it('shows why Fill phone keys failed, with the reference of an unexpected failure', async () => {
        const element = await mountWith(checksErrorsAndPhoneKeys);
        mockFillPhoneKeys.mockRejectedValue({
            body: {
                message: JSON.stringify({
                    code: 'UNEXPECTED',
                    message: 'Something went wrong. Reference: WX-1A2B3C4D.',
                    retryAfterSeconds: null
                })
            }
        });
        (row(element, 'phoneKeys').querySelector('[data-action="fill-phone-keys"]') as HTMLElement).click();
        await flushPromises();
        expect(text(element, '[role="alert"] [data-error-message]')).toBe(
            'Something went wrong. Reference: WX-1A2B3C4D.'
        );
        expect($(element, '[data-notice]')).toBeNull();
    });

    it('runs again on Run check', async () => {
        const element = await mountWith(checksFresh);
        mockRun.mockResolvedValue(checksAllOk);
        ($(element, 'lightning-button[data-action="run"]') as HTMLElement).click();
        await flushPromises();
        expect(mockRun).toHaveBeenCalledTimes(2);
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_AllPassed');
    });

    it('shows why the check could not run, in an alert, and Retry runs it again', async () => {
        mockRun.mockRejectedValueOnce(notAdminRejection);
        const element = await mountSection('c-webex-admin-health-check', HEALTH_CHECK, {}, flushPromises);
        expect(text(element, '[role="alert"] h3')).toBe('c.WebexHealth_ErrorTitle');
        expect(text(element, '[data-load-error]')).toBe(
            'You need the Webex Admin permission set to change these settings.'
        );
        expect($(element, '[data-checks]')).toBeNull();
        await expect(element).toBeAccessible();

        mockRun.mockResolvedValueOnce(checksAllOk);
        ($(element, 'lightning-button[data-action="retry"]') as ButtonStub).click();
        await flushPromises();
        expect(mockRun).toHaveBeenCalledTimes(2);
        expect($(element, '[role="alert"]')).toBeNull();
        expect(text(element, '[data-summary]')).toBe('c.WebexHealth_AllPassed');
    });

    it('keeps the checks shown when running them again fails, with Retry', async () => {
        const element = await mountWith(checksMissingChannel);
        mockRun.mockRejectedValueOnce(notAdminRejection);
        ($(element, 'lightning-button[data-action="run"]') as ButtonStub).click();
        await flushPromises();
        expect(text(element, '[data-load-error]')).toBe(
            'You need the Webex Admin permission set to change these settings.'
        );
        expect(row(element, 'callEventChannel')).not.toBeNull();
        expect($(element, 'lightning-button[data-action="retry"]')).not.toBeNull();
    });
});
