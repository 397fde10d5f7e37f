import '../../../../../test/jest-utils/adminApex';
import { emitLeadRenamed } from '../../../../../test/jest-utils/objectInfo';
import WebexAdminPeopleSearch, { PURPOSES } from 'c/webexAdminPeopleSearch';
import getPeopleSearchSettings from '@salesforce/apex/WebexPeopleSearchController.getPeopleSearchSettings';
import savePeopleSearchSettings from '@salesforce/apex/WebexPeopleSearchController.savePeopleSearchSettings';
import notAdminRejection from '../../../../../test/jest-utils/data/notAdminRejection.json';
import settingsDefault from './data/settingsDefault.json';
import settingsInboundOff from './data/settingsInboundOff.json';
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
    setChecked,
    mountLoading,
    toasts,
    type ButtonStub
} from '../../../../../test/jest-utils/adminSection';

// English values where a test reads a filled-in label; other labels read as their name (c.Label_Name).
jest.mock('@salesforce/label/c.WebexPeople_CheckboxLabel', () => ({ default: '{0}: {1}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexPeople_Dialer', () => ({ default: 'Dialer search' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexPeople_Contacts', () => ({ default: 'Contacts' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexPeople_Leads', () => ({ default: 'Leads' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexPeople_Help',
    () => ({ default: 'Until you save, every search looks in {0} and {1}.' }),
    {
        virtual: true
    }
);

const mockGet = jest.mocked(getPeopleSearchSettings);
const mockSave = jest.mocked(savePeopleSearchSettings);

const NOT_ADMIN = 'You need the Webex Admin permission set to view or change Webex settings.';

async function mountWith(settings: unknown): Promise<Host> {
    mockGet.mockResolvedValue(settings as WebexPeopleSearchSettings);
    return mountSection('c-webex-admin-people-search', WebexAdminPeopleSearch);
}

function box(element: Host, purpose: string, object: string): HTMLInputElement {
    return $(element, `input[data-purpose="${purpose}"][data-object="${object}"]`) as HTMLInputElement;
}

/** Every box, as `Purpose:Object` for those ticked. */
function ticked(element: Host): string[] {
    return [...element.shadowRoot.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')]
        .filter((input) => input.checked)
        .map((input) => `${input.dataset.purpose}:${input.dataset.object}`);
}

async function click(element: Host, purpose: string, object: string): Promise<void> {
    const input = box(element, purpose, object);
    await setChecked(input, !input.checked);
}

describe('c-webex-admin-people-search', () => {
    afterEach(resetPage);

    it('shows a row per search and a column per object, every box ticked by default', async () => {
        const element = await mountWith(settingsDefault);
        expect(text(element, '[data-heading]')).toBe('c.WebexPeople_Title');
        expect([...element.shadowRoot.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual([
            'c.WebexPeople_ColSearch',
            'Contacts',
            'Leads'
        ]);
        expect(
            [...element.shadowRoot.querySelectorAll('tbody tr')].map((tr) => (tr as HTMLElement).dataset.purpose)
        ).toEqual(PURPOSES.map((purpose) => purpose.name));
        expect(ticked(element)).toHaveLength(8);
        expect(text(element, 'tr[data-purpose="Dialer"] th .purpose-name')).toBe('Dialer search');
        expect(text(element, 'tr[data-purpose="Dialer"] th .slds-text-body_small')).toBe('c.WebexPeople_DialerHelp');
        // Each box is named after its row and column.
        expect(box(element, 'Dialer', 'Contact').closest('label')?.textContent?.trim()).toBe('Dialer search: Contacts');
        expect($(element, '[data-warning]')).toBeNull();
        expect(saveButton(element).disabled).toBe(true);
        await expect(element).toBeAccessible();
    });

    it("names the columns with the objects' labels from the schema, as the org renamed or translated them", async () => {
        const element = await mountWith(settingsDefault);
        // What getObjectInfo gives a French user whose org renamed Lead to « Prospect ».
        emitLeadRenamed();
        await settle();
        expect([...element.shadowRoot.querySelectorAll('thead th')].map((th) => th.textContent?.trim())).toEqual([
            'c.WebexPeople_ColSearch',
            'Contacts',
            'Prospects'
        ]);
        expect(box(element, 'Dialer', 'Lead').closest('label')?.textContent?.trim()).toBe('Dialer search: Prospects');
        expect(text(element, '[data-help]')).toBe('Until you save, every search looks in Contacts and Prospects.');
    });

    it('shows what was saved, and warns what a search that looks in nothing turns off', async () => {
        const element = await mountWith(settingsInboundOff);
        expect(ticked(element)).toEqual(['Dialer:Contact', 'Meetings:Lead', 'Spaces:Contact', 'Spaces:Lead']);
        expect(text(element, '[data-warning="Inbound"]')).toBe('c.WebexPeople_InboundNone');
        expect(element.shadowRoot.querySelectorAll('[data-warning]')).toHaveLength(1);
        await expect(element).toBeAccessible();
    });

    it('says there are unsaved changes, and not after undoing them', async () => {
        const element = await mountWith(settingsDefault);
        await click(element, 'Dialer', 'Contact');
        await click(element, 'Dialer', 'Lead');
        expect(text(element, '[data-warning="Dialer"]')).toBe('c.WebexPeople_DialerNone');
        expect(text(element, '[data-unsaved]')).toBe('c.WebexPeople_Unsaved');
        expect(saveButton(element).disabled).toBe(false);
        await click(element, 'Dialer', 'Lead');
        await click(element, 'Dialer', 'Contact');
        expect($(element, '[data-unsaved]')).toBeNull();
        expect(saveButton(element).disabled).toBe(true);
    });

    it('saves every search at once, objects in column order, and says so', async () => {
        const element = await mountWith(settingsDefault);
        const seen = toasts(element);
        await click(element, 'Inbound', 'Contact');
        await click(element, 'Inbound', 'Lead');
        await click(element, 'Meetings', 'Contact');
        await click(element, 'Dialer', 'Contact');
        await click(element, 'Dialer', 'Contact');
        mockSave.mockResolvedValue(settingsInboundOff as WebexPeopleSearchSettings);
        saveButton(element).click();
        await settle();
        expect(mockSave).toHaveBeenCalledWith({
            objectsByPurpose: {
                Dialer: ['Contact', 'Lead'],
                Inbound: [],
                Meetings: ['Lead'],
                Spaces: ['Contact', 'Lead']
            }
        });
        // What the server saved is what shows.
        expect(ticked(element)).toEqual(['Dialer:Contact', 'Meetings:Lead', 'Spaces:Contact', 'Spaces:Lead']);
        expect(text(element, '[data-success]')).toBe('c.WebexPeople_Saved');
        expect(seen).toEqual([{ title: 'c.WebexPeople_Title', message: 'c.WebexPeople_Saved', variant: 'success' }]);
        expect(saveButton(element).disabled).toBe(true);
    });

    it('keeps every box as it was left, with the reason, when the save fails', async () => {
        const element = await mountWith(settingsDefault);
        await click(element, 'Spaces', 'Lead');
        const answer = pending();
        mockSave.mockReturnValue(answer.promise);
        saveButton(element).click();
        await settle();
        expect(text(element, '[data-busy]')).toBe('c.WebexPeople_Saving');
        expect(box(element, 'Spaces', 'Contact').disabled).toBe(true);
        answer.reject(unexpectedRejection);
        await settle();
        expect($(element, '[role="alert"] h3')?.textContent).toBe('c.WebexPeople_SaveErrorTitle');
        expect(text(element, '[data-save-error]')).toBe('Something went wrong: UNABLE_TO_LOCK_ROW');
        expect(box(element, 'Spaces', 'Lead').checked).toBe(false);
        expect(ticked(element)).toHaveLength(7);
        expect(text(element, '[data-unsaved]')).toBe('c.WebexPeople_Unsaved');
        expect(saveButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('says why it cannot load, and loads when asked to try again', async () => {
        mockGet.mockRejectedValueOnce(notAdminRejection);
        const element = mountLoading('c-webex-admin-people-search', WebexAdminPeopleSearch);
        await Promise.resolve();
        expect(text(element, '[data-busy]')).toBe('c.WebexPeople_Loading');
        await settle();
        expect($(element, '[role="alert"] h3')?.textContent).toBe('c.WebexPeople_LoadErrorTitle');
        expect(text(element, '[data-load-error]')).toBe(NOT_ADMIN);
        expect($(element, 'table')).toBeNull();
        mockGet.mockResolvedValueOnce(settingsDefault as WebexPeopleSearchSettings);
        ($(element, 'lightning-button[data-action="retry"]') as ButtonStub).click();
        await settle();
        expect($(element, '[data-load-error]')).toBeNull();
        expect(ticked(element)).toHaveLength(8);
    });

    it('falls back to Contacts and Leads as columns when the server names no object', async () => {
        const element = await mountWith({ purposes: [], availableObjects: [] });
        expect(element.shadowRoot.querySelectorAll('thead th')).toHaveLength(3);
        expect(ticked(element)).toHaveLength(0);
        expect(element.shadowRoot.querySelectorAll('[data-warning]')).toHaveLength(4);
    });
});
