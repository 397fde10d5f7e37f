import '../../../../../test/jest-utils/adminApex';
import { getObjectInfo } from 'lightning/uiObjectInfoApi';
import WebexAdminCallLogTabs from 'c/webexAdminCallLogTabs';
import deleteCallLogTab from '@salesforce/apex/WebexCallingAdminController.deleteCallLogTab';
import getCallLogTabObjects from '@salesforce/apex/WebexCallingAdminController.getCallLogTabObjects';
import getCallLogTabOptions from '@salesforce/apex/WebexCallingAdminController.getCallLogTabOptions';
import getCallLogTabs from '@salesforce/apex/WebexCallingAdminController.getCallLogTabs';
import saveCallLogTab from '@salesforce/apex/WebexCallingAdminController.saveCallLogTab';
import notAdminRejection from '../../../../../test/jest-utils/data/notAdminRejection.json';
import optionsCase from './data/optionsCase.json';
import optionsOpportunity from './data/optionsOpportunity.json';
import tabObjects from './data/tabObjects.json';
import tabsOpportunity from './data/tabsOpportunity.json';
import unexpectedRejection from '../../../../../test/jest-utils/data/unexpectedRejection.json';
import {
    type Host,
    mountSection,
    settle,
    $,
    text,
    button,
    resetPage,
    mountLoading,
    toasts,
    type ListboxStub
} from '../../../../../test/jest-utils/adminSection';

jest.mock(
    '@salesforce/label/c.WebexCallingAdmin_TabsNoAccountField',
    () => ({ default: '{0} has no field that looks up {1}: choose another object.' }),
    { virtual: true }
);
// English values where a test reads a filled-in label; other labels read as their name (c.Label_Name).
jest.mock('@salesforce/label/c.WebexCallingAdmin_TabsEditAlt', () => ({ default: 'Edit the {0} tab' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallingAdmin_TabsDeleteAlt', () => ({ default: 'Delete the {0} tab' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallingAdmin_TabsDeleteConfirm', () => ({ default: 'Delete the {0} tab?' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallingAdmin_TabsDeleted', () => ({ default: 'The {0} tab was deleted.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallingAdmin_TabsSaved', () => ({ default: 'The {0} tab was saved.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallingAdmin_TabsEditHeading', () => ({ default: 'Edit the {0} tab' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.WebexCallingAdmin_TabAccountFieldRequired',
    () => ({ default: 'Choose the field that relates {0} to {1}.' }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.WebexCallingAdmin_TabsAccountField', () => ({ default: '{0} relationship field' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.WebexCallingAdmin_TabsAccountFieldHelp',
    () => ({ default: "The field that relates the object's records to {0}." }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.WebexObjectNames_Account', () => ({ default: 'Account' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexCallingAdmin_TabsOptionsError',
    () => ({ default: 'The fields could not be loaded: {0}' }),
    { virtual: true }
);

const mockTabs = jest.mocked(getCallLogTabs);
const mockObjects = jest.mocked(getCallLogTabObjects);
const mockOptions = jest.mocked(getCallLogTabOptions);
const mockSave = jest.mocked(saveCallLogTab);
const mockDelete = jest.mocked(deleteCallLogTab);

const OPPORTUNITY_TAB = 'a0WWb0000000001AAA';

function copy<T>(value: T): T {
    return JSON.parse(JSON.stringify(value)) as T;
}

async function mount(tabs: WebexCallLogTabConfig[] = []): Promise<Host> {
    mockTabs.mockResolvedValue(tabs);
    mockObjects.mockResolvedValue(copy(tabObjects));
    mockOptions.mockImplementation(({ objectApiName }) =>
        Promise.resolve(copy(objectApiName === 'Case' ? optionsCase : optionsOpportunity))
    );
    return mountSection('c-webex-admin-call-log-tabs', WebexAdminCallLogTabs);
}

/** A select of the form, with its options' values (the placeholder left out) and its label. */
function field(element: Host, name: 'object' | 'accountField') {
    const select = $(element, `select[data-field="${name}"]`) as HTMLSelectElement | null;
    if (!select) return null;
    return {
        select,
        value: select.value,
        disabled: select.disabled,
        options: [...select.options].filter((option) => option.value).map((option) => option.value),
        label: text(element, `label[for="${select.id}"]`)
    };
}

async function pick(element: Host, name: 'object' | 'accountField', value: string): Promise<void> {
    const select = field(element, name)?.select as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new CustomEvent('change'));
    await settle();
}

function fields(element: Host): ListboxStub {
    return $(element, 'lightning-dual-listbox[data-field="fields"]') as ListboxStub;
}

async function change(target: HTMLElement, value: unknown): Promise<void> {
    target.dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await settle();
}

async function click(target: HTMLElement): Promise<void> {
    target.click();
    await settle();
}

describe('c-webex-admin-call-log-tabs', () => {
    afterEach(resetPage);

    it('says there is no tab yet, and offers a form that starts with the object', async () => {
        const element = await mount();
        expect(text(element, '[data-empty]')).toBe('c.WebexCallingAdmin_TabsEmpty');
        expect($(element, 'table')).toBeNull();
        expect(text(element, '[data-form-heading]')).toBe('c.WebexCallingAdmin_TabsAddHeading');
        expect(field(element, 'object')?.options).toEqual(['Case', 'Contact', 'Opportunity']);
        expect(field(element, 'object')?.disabled).toBe(false);
        // The rest of the form comes with the object's fields.
        expect(field(element, 'accountField')).toBeNull();
        expect(fields(element)).toBeNull();
        expect(button(element, 'save').disabled).toBe(true);
        expect(button(element, 'cancel')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('lists each configuration with Edit and Delete, and offers only objects without a tab', async () => {
        const element = await mount(copy(tabsOpportunity));
        const cells = [...element.shadowRoot.querySelectorAll('tbody tr > *')].map((cell) =>
            (cell.textContent ?? '').replace(/\s+/g, ' ').trim()
        );
        expect(cells.slice(0, 3)).toEqual(['Opportunity', 'Account Name', 'Opportunity Name, Stage']);
        expect(button(element, 'edit').title).toBe('Edit the Opportunity tab');
        expect(button(element, 'delete').title).toBe('Delete the Opportunity tab');
        expect(field(element, 'object')?.options).toEqual(['Case', 'Contact']);
        expect($(element, '[data-empty]')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('fills the account field from the object, chooses it when there is only one, and saves a new tab', async () => {
        const element = await mount();
        const seen = toasts(element);
        await pick(element, 'object', 'Case');
        expect(mockOptions).toHaveBeenCalledWith({ objectApiName: 'Case' });
        expect(field(element, 'accountField')?.options).toEqual(['AccountId']);
        expect(field(element, 'accountField')?.value).toBe('AccountId');
        expect(fields(element).options).toHaveLength(4);
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallingAdmin_Unsaved');
        await change(fields(element), ['Subject', 'Status']);
        const saved: WebexCallLogTabConfig[] = [
            {
                id: 'a0WWb0000000002AAA',
                objectApiName: 'Case',
                objectLabel: 'Case',
                accountField: 'AccountId',
                accountFieldLabel: 'Account Name',
                fields: [
                    { apiName: 'Subject', label: 'Subject' },
                    { apiName: 'Status', label: 'Status' }
                ]
            }
        ];
        mockSave.mockResolvedValue(saved);
        await click(button(element, 'save'));
        expect(mockSave).toHaveBeenCalledWith({
            config: { id: null, objectApiName: 'Case', accountField: 'AccountId', fields: ['Subject', 'Status'] }
        });
        expect(text(element, 'tbody tr')).toContain('Subject, Status');
        expect(text(element, '[data-success]')).toBe('The Case tab was saved.');
        expect(seen).toHaveLength(1);
        // The form is ready for another tab.
        expect(field(element, 'object')?.value).toBe('');
        expect(fields(element)).toBeNull();
    });

    it('says under the control what is missing, without sending anything, and keeps the choice', async () => {
        const element = await mount();
        await pick(element, 'object', 'Opportunity');
        // Two account fields: the administrator chooses.
        expect(field(element, 'accountField')?.value).toBe('');
        await change(fields(element), ['Amount']);
        await click(button(element, 'save'));
        expect(mockSave).not.toHaveBeenCalled();
        expect(text(element, '[data-problem="accountField"]')).toBe(
            'Choose the field that relates Opportunity to Account.'
        );
        expect(fields(element).value).toEqual(['Amount']);
        await expect(element).toBeAccessible();
        await pick(element, 'accountField', 'Partner__c');
        expect(text(element, '[data-problem="accountField"]')).toBe('');
        await change(fields(element), []);
        await click(button(element, 'save'));
        expect(text(element, '[data-problem="fields"]')).toBe('c.WebexCallingAdmin_TabFieldsRequired');
        expect(mockSave).not.toHaveBeenCalled();
    });

    it('forgets the fields when the object is cleared, and Cancel empties a new form', async () => {
        const element = await mount();
        await pick(element, 'object', 'Case');
        await pick(element, 'object', '');
        expect(mockOptions).toHaveBeenCalledTimes(1);
        expect(button(element, 'save').disabled).toBe(true);
        // A new form with a choice can be cleared with Cancel.
        await pick(element, 'object', 'Case');
        await click(button(element, 'cancel'));
        expect(field(element, 'object')?.value).toBe('');
        expect(button(element, 'cancel')).toBeNull();
    });

    it('edits a configuration: the form holds it, the object stays, and Save sends its id', async () => {
        const element = await mount(copy(tabsOpportunity));
        await click(button(element, 'edit'));
        expect(text(element, '[data-form-heading]')).toBe('Edit the Opportunity tab');
        expect(field(element, 'object')?.value).toBe('Opportunity');
        expect(field(element, 'object')?.disabled).toBe(true);
        expect(field(element, 'object')?.options).toContain('Opportunity');
        expect(field(element, 'accountField')?.value).toBe('AccountId');
        expect(fields(element).value).toEqual(['Name', 'StageName']);
        expect(button(element, 'save').disabled).toBe(true);
        expect($(element, 'tr.row-editing')).not.toBeNull();
        await change(fields(element), ['Name', 'Amount']);
        const saved = copy(tabsOpportunity);
        saved[0].fields = [
            { apiName: 'Name', label: 'Opportunity Name' },
            { apiName: 'Amount', label: 'Amount' }
        ];
        mockSave.mockResolvedValue(saved);
        await click(button(element, 'save'));
        expect(mockSave).toHaveBeenCalledWith({
            config: {
                id: OPPORTUNITY_TAB,
                objectApiName: 'Opportunity',
                accountField: 'AccountId',
                fields: ['Name', 'Amount']
            }
        });
        expect(text(element, 'tbody tr')).toContain('Opportunity Name, Amount');
        expect(text(element, '[data-form-heading]')).toBe('c.WebexCallingAdmin_TabsAddHeading');
    });

    it('keeps the form as it was left, with the reason, when the server refuses it', async () => {
        const element = await mount(copy(tabsOpportunity));
        await click(button(element, 'edit'));
        await pick(element, 'accountField', 'Partner__c');
        mockSave.mockRejectedValue(unexpectedRejection);
        await click(button(element, 'save'));
        expect(text(element, '[data-save-error]')).toBe('Something went wrong: UNABLE_TO_LOCK_ROW');
        expect(text(element, '[role="alert"] h4')).toBe('c.WebexCallingAdmin_SaveErrorTitle');
        expect(field(element, 'accountField')?.value).toBe('Partner__c');
        expect(text(element, '[data-form-heading]')).toBe('Edit the Opportunity tab');
        await click(button(element, 'cancel'));
        expect($(element, '[data-save-error]')).toBeNull();
        expect(text(element, '[data-form-heading]')).toBe('c.WebexCallingAdmin_TabsAddHeading');
    });

    it('asks before deleting, and deletes only once confirmed', async () => {
        const element = await mount(copy(tabsOpportunity));
        await click(button(element, 'delete'));
        expect(text(element, '[data-confirm]')).toBe('Delete the Opportunity tab?');
        await expect(element).toBeAccessible();
        await click(button(element, 'delete-cancel'));
        expect($(element, '[data-confirm]')).toBeNull();
        expect(mockDelete).not.toHaveBeenCalled();

        await click(button(element, 'edit'));
        await click(button(element, 'delete'));
        mockDelete.mockResolvedValue([]);
        await click(button(element, 'delete-confirm'));
        expect(mockDelete).toHaveBeenCalledWith({ configId: OPPORTUNITY_TAB });
        expect(text(element, '[data-empty]')).toBe('c.WebexCallingAdmin_TabsEmpty');
        expect(text(element, '[data-success]')).toBe('The Opportunity tab was deleted.');
        // The tab being edited is gone: the form is new again.
        expect(text(element, '[data-form-heading]')).toBe('c.WebexCallingAdmin_TabsAddHeading');
    });

    it('says why a deletion failed, keeping the list', async () => {
        const element = await mount(copy(tabsOpportunity));
        await click(button(element, 'delete'));
        mockDelete.mockRejectedValue(unexpectedRejection);
        await click(button(element, 'delete-confirm'));
        expect(text(element, '[data-save-error]')).toBe('Something went wrong: UNABLE_TO_LOCK_ROW');
        expect(element.shadowRoot.querySelectorAll('tbody tr')).toHaveLength(1);
        expect($(element, '[data-confirm]')).toBeNull();
    });

    it("says why the object's fields did not load, and loads them when asked again; a late answer is ignored", async () => {
        const element = await mount();
        mockOptions.mockRejectedValueOnce(unexpectedRejection);
        await pick(element, 'object', 'Case');
        expect(text(element, '[role="alert"] [data-part-error]')).toBe(
            'The fields could not be loaded: Something went wrong: UNABLE_TO_LOCK_ROW'
        );
        expect(field(element, 'accountField')).toBeNull();
        await click(button(element, 'retry-part'));
        expect($(element, '[data-options-error]')).toBeNull();
        expect(field(element, 'accountField')?.value).toBe('AccountId');

        // Case is chosen, then Opportunity before Case's answer comes: only Opportunity's answer counts.
        let answerCase: (options: WebexCallLogTabOptions) => void = () => undefined;
        mockOptions.mockImplementationOnce(
            () =>
                new Promise((resolve) => {
                    answerCase = resolve;
                })
        );
        await pick(element, 'object', 'Case');
        expect(text($(element, '[data-options-busy]') as Host, '[data-busy]')).toBe(
            'c.WebexCallingAdmin_TabsOptionsLoading'
        );
        await pick(element, 'object', 'Opportunity');
        answerCase(copy(optionsCase));
        await settle();
        expect(field(element, 'accountField')?.options).toEqual(['AccountId', 'Partner__c']);
    });

    it('says when an object has no field that looks up Account, named as the org names it', async () => {
        const element = await mount();
        // What getObjectInfo gives in an org that renamed Account to « Customer ».
        const adapter = getObjectInfo as unknown as { emit(data: Partial<UiObjectInfo>): void };
        adapter.emit({ apiName: 'Account', label: 'Customer', labelPlural: 'Customers' });
        mockOptions.mockResolvedValueOnce({ objectApiName: 'Contact', accountFields: [], fields: [] });
        await pick(element, 'object', 'Contact');
        expect(text(element, '[data-no-account-field]')).toBe(
            'Contact has no field that looks up Customer: choose another object.'
        );
        expect(field(element, 'accountField')?.disabled).toBe(true);
        const said = [...element.shadowRoot.querySelectorAll('label, .slds-form-element__help')].map((node) =>
            (node.textContent ?? '').trim()
        );
        expect(said).toEqual(
            expect.arrayContaining([
                'Customer relationship field',
                "The field that relates the object's records to Customer."
            ])
        );
    });

    it('says why it cannot load, and loads when asked to try again', async () => {
        mockTabs.mockRejectedValueOnce(notAdminRejection);
        mockObjects.mockResolvedValue(copy(tabObjects));
        const element = mountLoading('c-webex-admin-call-log-tabs', WebexAdminCallLogTabs);
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallingAdmin_Loading');
        await settle();
        expect(text(element, '[data-load-error]')).toBe(
            'You need the Webex Admin permission set to view or change Webex settings.'
        );
        expect($(element, '[data-form]')).toBeNull();
        mockTabs.mockResolvedValueOnce([]);
        await click(button(element, 'retry'));
        expect($(element, '[data-load-error]')).toBeNull();
        expect($(element, '[data-empty]')).not.toBeNull();
    });
});
