import '../../../../../test/jest-utils/adminApex';
import WebexAdminPhoneFields from 'c/webexAdminPhoneFields';
import getPhoneFields from '@salesforce/apex/WebexCallingAdminController.getPhoneFields';
import savePhoneFields from '@salesforce/apex/WebexCallingAdminController.savePhoneFields';
import notAdminRejection from '../../../../../test/jest-utils/data/notAdminRejection.json';
import phoneFieldsDefault from './data/phoneFieldsDefault.json';
import unexpectedRejection from '../../../../../test/jest-utils/data/unexpectedRejection.json';
import {
    type Host,
    mountSection,
    settle,
    $,
    text,
    saveButton,
    resetPage,
    pending,
    mountLoading,
    toasts,
    type ButtonStub,
    type ListboxStub
} from '../../../../../test/jest-utils/adminSection';

// English values where a test reads a filled-in label; other labels read as their name (c.Label_Name).
jest.mock('@salesforce/label/c.WebexCallingAdmin_PhoneFieldsList', () => ({ default: '{0} phone fields' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsRequired',
    () => ({ default: 'Choose at least one phone field for {0}.' }),
    { virtual: true }
);

const mockGet = jest.mocked(getPhoneFields);
const mockSave = jest.mocked(savePhoneFields);

function fresh(): WebexPhoneFieldsObject[] {
    return JSON.parse(JSON.stringify(phoneFieldsDefault)) as WebexPhoneFieldsObject[];
}

async function mount(objects: WebexPhoneFieldsObject[] = fresh()): Promise<Host> {
    mockGet.mockResolvedValue(objects);
    return mountSection('c-webex-admin-phone-fields', WebexAdminPhoneFields);
}

function list(element: Host, objectApiName: string): ListboxStub {
    return $(element, `lightning-dual-listbox[data-object="${objectApiName}"]`) as ListboxStub;
}

async function choose(element: Host, objectApiName: string, value: string[]): Promise<void> {
    list(element, objectApiName).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await settle();
}

describe('c-webex-admin-phone-fields', () => {
    afterEach(resetPage);

    it('shows one dual listbox per object, every phone field selected until the administrator chooses', async () => {
        const element = await mount();
        expect(text(element, '[data-heading]')).toBe('c.WebexCallingAdmin_PhoneFieldsTitle');
        const contact = list(element, 'Contact');
        expect(contact.label).toBe('Contact phone fields');
        expect(contact.sourceLabel).toBe('c.WebexCallingAdmin_ListAvailable');
        expect(contact.selectedLabel).toBe('c.WebexCallingAdmin_ListSelected');
        expect(contact.addButtonLabel).toBe('c.WebexCallingAdmin_ListAdd');
        expect(contact.options).toEqual([
            { label: 'Phone', value: 'Phone' },
            { label: 'Mobile', value: 'MobilePhone' },
            { label: 'Home Phone', value: 'HomePhone' }
        ]);
        expect(contact.value).toEqual(['Phone', 'MobilePhone', 'HomePhone']);
        expect(list(element, 'Lead').value).toEqual(['Phone', 'MobilePhone']);
        // An object without phone fields says so instead of offering an empty list.
        expect(list(element, 'Widget__c')).toBeNull();
        expect(text(element, '[data-none="Widget__c"]')).toBe('c.WebexCallingAdmin_PhoneFieldsNone');
        expect(saveButton(element).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it('says there are unsaved changes, and not after undoing them (order counts)', async () => {
        const element = await mount();
        await choose(element, 'Contact', ['MobilePhone', 'Phone', 'HomePhone']);
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallingAdmin_Unsaved');
        expect(saveButton(element).disabled).toBe(false);
        await choose(element, 'Contact', ['Phone', 'MobilePhone', 'HomePhone']);
        expect($(element, '[data-unsaved]')).toBeNull();
        expect(saveButton(element).disabled).toBe(true);
    });

    it('saves every object with phone fields at once, and shows what the server saved', async () => {
        const element = await mount();
        const seen = toasts(element);
        await choose(element, 'Contact', ['MobilePhone']);
        const saved = fresh();
        saved[0].selected = ['MobilePhone'];
        mockSave.mockResolvedValue(saved);
        saveButton(element).click();
        await settle();
        expect(mockSave).toHaveBeenCalledWith({
            selectedByObject: { Contact: ['MobilePhone'], Lead: ['Phone', 'MobilePhone'] }
        });
        expect(list(element, 'Contact').value).toEqual(['MobilePhone']);
        expect(text(element, '[data-success]')).toBe('Saved: c.WebexCallingAdmin_PhoneFieldsTitle.');
        expect(seen).toHaveLength(1);
        expect(saveButton(element).disabled).toBe(true);
    });

    it('refuses an object left without a phone field before sending anything, keeping every list', async () => {
        const element = await mount();
        await choose(element, 'Lead', []);
        saveButton(element).click();
        await settle();
        expect(mockSave).not.toHaveBeenCalled();
        expect(text(element, '[data-save-error]')).toBe('Choose at least one phone field for Lead.');
        expect(list(element, 'Lead').value).toEqual([]);
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallingAdmin_Unsaved');
        await expect(element).toBeAccessible();
    });

    it('keeps every list as it was left, with the reason, when the save fails', async () => {
        const element = await mount();
        await choose(element, 'Contact', ['HomePhone']);
        const answer = pending();
        mockSave.mockReturnValue(answer.promise);
        saveButton(element).click();
        await settle();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallingAdmin_Saving');
        expect(list(element, 'Contact').disabled).toBe(true);
        answer.reject(unexpectedRejection);
        await settle();
        expect(text(element, '[role="alert"] h3')).toBe('c.WebexCallingAdmin_SaveErrorTitle');
        expect(text(element, '[data-save-error]')).toBe('Something went wrong: UNABLE_TO_LOCK_ROW');
        expect(list(element, 'Contact').value).toEqual(['HomePhone']);
        expect(saveButton(element).disabled).toBe(false);
    });

    it('says why it cannot load, and loads when asked to try again', async () => {
        mockGet.mockRejectedValueOnce(notAdminRejection);
        const element = mountLoading('c-webex-admin-phone-fields', WebexAdminPhoneFields);
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallingAdmin_Loading');
        await settle();
        expect(text(element, '[role="alert"] h3')).toBe('c.WebexCallingAdmin_LoadErrorTitle');
        expect(text(element, '[data-load-error]')).toBe(
            'You need the Webex Admin permission set to view or change Webex settings.'
        );
        expect($(element, 'lightning-dual-listbox')).toBeNull();
        await expect(element).toBeAccessible();
        mockGet.mockResolvedValueOnce(fresh());
        ($(element, 'lightning-button[data-action="retry"]') as ButtonStub).click();
        await settle();
        expect($(element, '[data-load-error]')).toBeNull();
        expect(list(element, 'Contact')).not.toBeNull();
    });
});
