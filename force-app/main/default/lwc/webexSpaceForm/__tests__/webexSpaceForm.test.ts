import { createElement } from 'lwc';
import WebexSpaceForm from 'c/webexSpaceForm';
import { inLoadState } from '../../../../../test/jest-utils/loadState';
import getRecordPeople from '@salesforce/apex/WebexSpacesController.getRecordPeople';
import searchPeople from '@salesforce/apex/WebexSpacesController.searchPeople';
import createSpace from '@salesforce/apex/WebexSpacesController.createSpace';
import addPeople from '@salesforce/apex/WebexSpacesController.addPeople';

jest.mock('@salesforce/apex/WebexSpacesController.getRecordPeople', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexSpacesController.searchPeople', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexSpacesController.createSpace', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexSpacesController.addPeople', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_Remove', () => ({ default: 'Remove {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_Add', () => ({ default: 'Add {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_Chosen', () => ({ default: 'People to add: {0}' }), { virtual: true });

const mockPeople = jest.mocked(getRecordPeople);
const mockSearch = jest.mocked(searchPeople);
const mockCreate = jest.mocked(createSpace);
const mockAdd = jest.mocked(addPeople);

type Host = HTMLElement & { recordId: string | null; spaceId: string | null };
type InputStub = HTMLElement & { value: string; label: string };

const OLIVIA: WebexSpaceCandidate = {
    id: '003A',
    name: 'Olivia Martin',
    email: 'olivia@example.com',
    kind: 'Contact',
    detail: 'VP Sales',
    noEmail: false
};
const NOAH: WebexSpaceCandidate = {
    id: '003B',
    name: 'Noah Kim',
    email: null,
    kind: 'Contact',
    detail: null,
    noEmail: true
};
const SAM: WebexSpaceCandidate = {
    id: '005A',
    name: 'Sam Lee',
    email: 'sam@example.com',
    kind: 'User',
    detail: 'Account Executive',
    noEmail: false
};
const CREATED: WebexCreatedSpace = {
    space: {
        linkId: 'a0A',
        spaceId: 'room-1',
        title: 'Acme deal',
        createdByName: 'Rep',
        createdDate: '2026-12-07T10:00:00Z',
        webexUrl: 'webexteams://im?space=1'
    },
    added: ['Olivia Martin', 'Sam Lee'],
    notAdded: []
};

async function settle(): Promise<void> {
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(spaceId: string | null = null): Promise<Host> {
    const element = createElement('c-webex-space-form', { is: WebexSpaceForm }) as Host;
    element.recordId = '006A';
    element.spaceId = spaceId;
    document.body.appendChild(element);
    await settle();
    return element;
}

function $(element: Host, selector: string): HTMLElement | null {
    return element.shadowRoot!.querySelector(selector);
}

function change(element: HTMLElement, value: string): void {
    element.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-webex-space-form', () => {
    beforeEach(() => {
        mockPeople.mockResolvedValue([OLIVIA, NOAH]);
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.useRealTimers();
        jest.resetAllMocks();
    });

    it("ticks the record's people who have an email; one without is shown with No email and cannot be ticked", async () => {
        const element = await mount();
        expect(mockPeople).toHaveBeenCalledWith({ recordId: '006A' });
        const olivia = $(element, 'input[data-id="003A"]') as HTMLInputElement;
        const noah = $(element, 'input[data-id="003B"]') as HTMLInputElement;
        expect(olivia.checked).toBe(true);
        expect(noah.checked).toBe(false);
        expect(noah.disabled).toBe(true);
        expect($(element, '[data-person="003B"] [data-no-email]')?.textContent).toBe('c.WebexSpaces_NoEmail');
        expect($(element, '[data-person="003A"]')?.textContent).toContain('VP Sales');
        expect($(element, '[data-chosen] h3')?.textContent).toBe('People to add: 1');
        expect($(element, '[data-chosen-person="003A"]')).not.toBeNull();
        await expect(element).toBeAccessible();
    });

    it('searches people and colleagues from 2 characters and adds one to the chosen list', async () => {
        jest.useFakeTimers();
        mockSearch.mockResolvedValue([SAM]);
        const element = await mount();
        const search = $(element, '[data-search]') as InputStub;
        change(search, 's');
        jest.advanceTimersByTime(500);
        await settle();
        expect(mockSearch).not.toHaveBeenCalled();
        change(search, 'sa');
        change(search, 'sam');
        jest.advanceTimersByTime(300);
        await settle();
        expect(mockSearch).toHaveBeenCalledTimes(1);
        expect(mockSearch).toHaveBeenCalledWith({ recordId: '006A', term: 'sam' });
        expect($(element, '[data-result="005A"]')?.textContent).toContain(
            'c.WebexSpaces_Colleague · Account Executive'
        );
        ($(element, '[data-result="005A"] [data-action="add-result"]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-chosen-person="005A"]')).not.toBeNull();
        expect($(element, '[data-chosen] h3')?.textContent).toBe('People to add: 2');
    });

    it('says when nobody is found', async () => {
        jest.useFakeTimers();
        mockSearch.mockResolvedValue([]);
        const element = await mount();
        change($(element, '[data-search]') as HTMLElement, 'zz');
        jest.advanceTimersByTime(300);
        await settle();
        expect($(element, '[data-no-results]')).not.toBeNull();
    });

    it('removes a person from the chosen list and unticks them', async () => {
        const element = await mount();
        ($(element, '[data-chosen-person="003A"] [data-action="remove"]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-chosen-person="003A"]')).toBeNull();
        expect(($(element, 'input[data-id="003A"]') as HTMLInputElement).checked).toBe(false);
        expect($(element, '[data-nobody]')).not.toBeNull();
        const olivia = $(element, 'input[data-id="003A"]') as HTMLInputElement;
        olivia.checked = true;
        olivia.dispatchEvent(new CustomEvent('change'));
        await settle();
        expect($(element, '[data-chosen-person="003A"]')).not.toBeNull();
    });

    it('creates the space with its title and the chosen people, and hands over what Apex did', async () => {
        mockCreate.mockResolvedValue(CREATED);
        const element = await mount();
        const done = jest.fn();
        element.addEventListener('done', done);
        change($(element, '[data-title]') as HTMLElement, '  Acme deal ');
        await settle();
        ($(element, '[data-action="submit"]') as HTMLElement).click();
        await settle();
        expect(mockCreate).toHaveBeenCalledWith({ recordId: '006A', title: 'Acme deal', memberIds: ['003A'] });
        expect(done.mock.calls[0][0].detail).toEqual(CREATED);
    });

    it('refuses a title over 255 characters', async () => {
        const element = await mount();
        change($(element, '[data-title]') as HTMLElement, 'x'.repeat(256));
        await settle();
        ($(element, '[data-action="submit"]') as HTMLElement).click();
        await settle();
        expect(mockCreate).not.toHaveBeenCalled();
        expect($(element, '[data-title]')?.shadowRoot?.textContent).toContain('c.WebexSpaces_SpaceTitleTooLong');
    });

    it('says why the space could not be created and keeps the choices', async () => {
        mockCreate.mockRejectedValue({
            status: 500,
            body: { message: JSON.stringify({ code: 'WEBEX_UNAVAILABLE', message: 'Webex is down.' }) }
        });
        const element = await mount();
        ($(element, '[data-action="submit"]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-save-error]')?.textContent).toContain('Webex is down.');
        expect($(element, '[data-chosen-person="003A"]')).not.toBeNull();
    });

    it('adds people to a space without a title', async () => {
        mockAdd.mockResolvedValue(CREATED);
        const element = await mount('room-1');
        expect($(element, '[data-title]')).toBeNull();
        const cancel = jest.fn();
        element.addEventListener('cancel', cancel);
        ($(element, '[data-action="submit"]') as HTMLElement).click();
        await settle();
        expect(mockAdd).toHaveBeenCalledWith({ recordId: '006A', spaceId: 'room-1', memberIds: ['003A'] });
        ($(element, '[data-action="cancel"]') as HTMLElement).click();
        expect(cancel).toHaveBeenCalled();
    });

    it('says why the record’s people could not be loaded, and tries again', async () => {
        mockPeople.mockRejectedValueOnce(new Error('Salesforce is away'));
        const element = await mount();
        expect(inLoadState(element, '[data-load-error]')?.textContent).toBe('c.WebexError_Generic');
        mockPeople.mockResolvedValueOnce([OLIVIA]);
        (inLoadState(element, '[data-action="retry"]') as HTMLElement).click();
        await settle();
        expect(inLoadState(element, '[data-load-error]')).toBeNull();
        expect($(element, '[data-chosen-person="003A"]')).not.toBeNull();
    });
});
