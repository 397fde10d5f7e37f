import '../../../../../test/jest-utils/adminApex';
import WebexAdminCallLog from 'c/webexAdminCallLog';
import getCallLogObjects from '@salesforce/apex/WebexCallingAdminController.getCallLogObjects';
import saveCallLogObjects from '@salesforce/apex/WebexCallingAdminController.saveCallLogObjects';
import getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import notAdminRejection from '../../../../../test/jest-utils/data/notAdminRejection.json';
import objectsOutbound from './data/objectsOutbound.json';
import unexpectedRejection from '../../../../../test/jest-utils/data/unexpectedRejection.json';
import {
    settle,
    $,
    text,
    saveButton,
    resetPage,
    pending,
    mountSection,
    mountLoading,
    toasts,
    type ButtonStub,
    type ListboxStub
} from '../../../../../test/jest-utils/adminSection';

jest.mock(
    '@salesforce/label/c.WebexCallingAdmin_RelatedObjectsNone',
    () => ({ default: 'No object chosen: never to {0}, {1} or {2} records.' }),
    { virtual: true }
);

const mockGet = jest.mocked(getCallLogObjects);
const mockSave = jest.mocked(saveCallLogObjects);
const mockAccess = jest.mocked(getFeatureAccess);

type Host = HTMLElement & { shadowRoot: ShadowRoot; direction: string };
type EnablementHost = HTMLElement & { feature: string; label: string; description: string };

function settings(direction: 'Outbound' | 'Inbound', selected: string[]): WebexCallLogObjectsSettings {
    return { ...(objectsOutbound as WebexCallLogObjectsSettings), direction, selected };
}

async function mount(direction?: 'Outbound' | 'Inbound', selected = ['Account']): Promise<Host> {
    mockGet.mockResolvedValue(settings(direction ?? 'Outbound', selected));
    mockAccess.mockImplementation(({ feature }) => Promise.resolve({ feature, enabledForAll: false, grantees: [] }));
    return mountSection<Host>('c-webex-admin-call-log', WebexAdminCallLog, direction ? { direction } : {});
}

function listbox(element: Host): ListboxStub {
    return $(element, 'lightning-dual-listbox[data-objects]') as ListboxStub;
}

async function choose(element: Host, value: string[]): Promise<void> {
    listbox(element).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await settle();
}

describe('c-webex-admin-call-log', () => {
    afterEach(resetPage);

    it('is the outbound section unless told otherwise: who logs, then the related objects', async () => {
        const element = await mount();
        expect(text(element, '[data-heading]')).toBe('c.WebexCallingAdmin_OutboundTitle');
        const picker = $(element, 'c-webex-admin-enablement') as EnablementHost;
        expect(picker.feature).toBe('OutboundCallLog');
        expect(picker.label).toBe('c.WebexCallingAdmin_OutboundWho');
        expect(picker.description).toBe('c.WebexCallingAdmin_OutboundWhoHelp');
        expect(mockAccess).toHaveBeenCalledWith({ feature: 'OutboundCallLog' });
        expect(mockGet).toHaveBeenCalledWith({ direction: 'Outbound' });
        expect(listbox(element).options.map((option) => option.value)).toEqual(['Account', 'Case', 'Opportunity']);
        expect(listbox(element).value).toEqual(['Account']);
        expect($(element, '[data-none-warning]')).toBeNull();
        expect(saveButton(element).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('edits the inbound call log when placed for it', async () => {
        const element = await mount('Inbound', []);
        expect(text(element, '[data-heading]')).toBe('c.WebexCallingAdmin_InboundTitle');
        expect(($(element, 'c-webex-admin-enablement') as EnablementHost).feature).toBe('InboundCallLog');
        expect(mockGet).toHaveBeenCalledWith({ direction: 'Inbound' });
        // No object: the section says what that means, naming the objects as the schema labels them.
        expect(text(element, '[data-none-warning]')).toBe(
            'No object chosen: never to Account, Case or Opportunity records.'
        );
    });

    it('names the objects in its warning as the org labels them', async () => {
        const renamed = settings('Outbound', []);
        // What the server gives in an org that renamed Account to « Customer » (Schema describe).
        renamed.available = renamed.available.map((option) => ({
            ...option,
            label: option.apiName === 'Account' ? 'Customer' : option.label
        }));
        mockGet.mockResolvedValue(renamed);
        mockAccess.mockImplementation(({ feature }) =>
            Promise.resolve({ feature, enabledForAll: false, grantees: [] })
        );
        const element = await mountSection<Host>('c-webex-admin-call-log', WebexAdminCallLog);
        expect(text(element, '[data-none-warning]')).toBe(
            'No object chosen: never to Customer, Case or Opportunity records.'
        );
    });

    it('saves the objects in the chosen order, for its direction, and shows what the server saved', async () => {
        const element = await mount('Inbound');
        const seen = toasts(element);
        await choose(element, ['Opportunity', 'Account']);
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallingAdmin_Unsaved');
        mockSave.mockResolvedValue(settings('Inbound', ['Opportunity', 'Account']));
        saveButton(element).click();
        await settle();
        expect(mockSave).toHaveBeenCalledWith({ direction: 'Inbound', objectApiNames: ['Opportunity', 'Account'] });
        expect(listbox(element).value).toEqual(['Opportunity', 'Account']);
        expect(text(element, '[data-success]')).toBe('Saved: c.WebexCallingAdmin_InboundTitle.');
        expect(seen).toEqual([
            {
                title: 'c.WebexCallingAdmin_InboundTitle',
                message: 'Saved: c.WebexCallingAdmin_InboundTitle.',
                variant: 'success'
            }
        ]);
        expect(saveButton(element).disabled).toBe(true);
    });

    it('keeps the list as it was left, with the reason, when the save fails', async () => {
        const element = await mount();
        await choose(element, []);
        const answer = pending();
        mockSave.mockReturnValue(answer.promise);
        saveButton(element).click();
        await settle();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallingAdmin_Saving');
        expect(listbox(element).disabled).toBe(true);
        answer.reject(unexpectedRejection);
        await settle();
        expect(text(element, '[data-save-error]')).toBe('Something went wrong: UNABLE_TO_LOCK_ROW');
        expect(text(element, '[role="alert"] h4')).toBe('c.WebexCallingAdmin_SaveErrorTitle');
        expect(listbox(element).value).toEqual([]);
        expect(saveButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('says why it cannot load the objects, and loads them when asked to try again', async () => {
        mockGet.mockRejectedValueOnce(notAdminRejection);
        mockAccess.mockImplementation(({ feature }) => Promise.resolve({ feature, enabledForAll: true, grantees: [] }));
        const element = mountLoading<Host>('c-webex-admin-call-log', WebexAdminCallLog);
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallingAdmin_Loading');
        await settle();
        expect(text(element, '[data-load-error]')).toBe(
            'You need the Webex Admin permission set to view or change Webex settings.'
        );
        expect(listbox(element)).toBeNull();
        mockGet.mockResolvedValueOnce(settings('Outbound', ['Case']));
        ($(element, 'lightning-button[data-action="retry"]') as ButtonStub).click();
        await settle();
        expect($(element, '[data-load-error]')).toBeNull();
        expect(listbox(element).value).toEqual(['Case']);
    });
});
