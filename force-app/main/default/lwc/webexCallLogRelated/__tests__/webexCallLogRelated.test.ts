import { createElement } from 'lwc';
import WebexCallLogRelated, { SEARCH_DELAY_MS } from 'c/webexCallLogRelated';
import searchRelatedRecords from '@salesforce/apex/WebexCallLogController.searchRelatedRecords';
import searchRejection from './data/searchRejection.json';

jest.mock('@salesforce/apex/WebexCallLogController.searchRelatedRecords', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallLog_SearchRecords', () => ({ default: 'Search {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexCallLog_NoMatch', () => ({ default: 'No record matches “{0}”.' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallLog_Results', () => ({ default: '{0} records found.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexCallLog_ResultsOne', () => ({ default: '{0} record found.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexCallLog_RemoveRelated', () => ({ default: 'Remove {0}' }), { virtual: true });

const mockSearch = jest.mocked(searchRelatedRecords);

type Host = HTMLElement & { shadowRoot: ShadowRoot; relatedObjects: WebexObjectOption[]; direction: string };

const OBJECTS: WebexObjectOption[] = [
    { apiName: 'Account', label: 'Accounts' },
    { apiName: 'Opportunity', label: 'Opportunities' }
];
const FOUND: WebexRecordOption[] = [
    { id: '001000000000001AAA', name: 'Analytical Engines' },
    { id: '001000000000002AAA', name: 'Difference Engines' }
];

async function settle(): Promise<void> {
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(objects: WebexObjectOption[] = OBJECTS): Promise<Host> {
    const element = createElement('c-webex-call-log-related', { is: WebexCallLogRelated }) as Host;
    element.relatedObjects = objects;
    element.direction = 'Inbound';
    document.body.appendChild(element);
    await settle();
    return element;
}

function $(element: Host, selector: string): HTMLElement | null {
    return element.shadowRoot.querySelector(selector);
}

function searchBox(element: Host): HTMLInputElement {
    return $(element, '[data-search]')?.shadowRoot?.querySelector('input') as HTMLInputElement;
}

async function type(element: Host, typed: string): Promise<void> {
    const input = searchBox(element);
    input.value = typed;
    input.dispatchEvent(new CustomEvent('input'));
    await settle();
    jest.advanceTimersByTime(SEARCH_DELAY_MS);
    await settle();
}

function results(element: Host): HTMLButtonElement[] {
    return [...element.shadowRoot.querySelectorAll<HTMLButtonElement>('[data-result]')];
}

function text(element: Host, selector: string): string {
    return ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('c-webex-call-log-related', () => {
    beforeEach(() => {
        jest.useFakeTimers();
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
        jest.useRealTimers();
    });

    it('offers the direction’s objects, the first chosen, and searches it by name after a pause', async () => {
        const element = await mount();
        const select = $(element, '[data-object]') as HTMLSelectElement;
        expect([...select.options].map((o) => [o.value, o.textContent?.trim()])).toEqual([
            ['Account', 'Accounts'],
            ['Opportunity', 'Opportunities']
        ]);
        expect(select.value).toBe('Account');
        expect(($(element, '[data-search]') as HTMLElement & { label: string }).label).toBe('Search Accounts');

        mockSearch.mockResolvedValue(FOUND);
        await type(element, 'e');
        expect(mockSearch).not.toHaveBeenCalled();
        await type(element, ' engine ');
        expect(mockSearch).toHaveBeenCalledTimes(1);
        expect(mockSearch).toHaveBeenCalledWith({
            direction: 'Inbound',
            objectApiName: 'Account',
            searchTerm: 'engine'
        });
        expect(results(element).map((b) => b.textContent?.trim())).toEqual([
            'Analytical Engines',
            'Difference Engines'
        ]);
        expect(text(element, '[data-status]')).toBe('2 records found.');
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('picks a record from the keyboard and can remove it', async () => {
        const element = await mount();
        const changes: unknown[] = [];
        element.addEventListener('change', (event) => changes.push((event as CustomEvent).detail));
        mockSearch.mockResolvedValue(FOUND);
        await type(element, 'engine');

        searchBox(element).dispatchEvent(
            new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true })
        );
        expect(element.shadowRoot.activeElement).toBe(results(element)[0]);
        results(element)[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
        expect(element.shadowRoot.activeElement).toBe(results(element)[1]);
        results(element)[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown' }));
        expect(element.shadowRoot.activeElement).toBe(results(element)[1]);
        results(element)[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp' }));
        expect(element.shadowRoot.activeElement).toBe(results(element)[0]);
        results(element)[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        results(element)[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp' }));
        results(element)[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab' }));
        results(element)[1].click();
        await settle();

        expect(changes).toEqual([
            { recordId: '001000000000002AAA', objectApiName: 'Account', name: 'Difference Engines' }
        ]);
        expect(text(element, '[data-selected] .slds-pill__label')).toBe('Difference Engines');
        const remove = $(element, '[data-action="remove"]') as HTMLButtonElement;
        expect(remove.textContent?.trim()).toBe('Remove Difference Engines');
        expect($(element, '[data-selected] .slds-pill__label')?.getAttribute('title')).toBe(
            'Accounts: Difference Engines'
        );
        jest.useRealTimers();
        await expect(element).toBeAccessible();
        jest.useFakeTimers();

        remove.click();
        await settle();
        expect(changes[1]).toEqual({ recordId: null, objectApiName: null, name: null });
        expect($(element, '[data-search]')).not.toBeNull();
    });

    it('says when nothing matches, searches again in another object, and shows a refusal', async () => {
        const element = await mount();
        mockSearch.mockResolvedValue([]);
        await type(element, 'zz');
        expect(text(element, '[data-status]')).toBe('No record matches “zz”.');

        mockSearch.mockResolvedValue([FOUND[0]]);
        const select = $(element, '[data-object]') as HTMLSelectElement;
        select.value = 'Opportunity';
        select.dispatchEvent(new CustomEvent('change'));
        await settle();
        jest.advanceTimersByTime(SEARCH_DELAY_MS);
        await settle();
        expect(mockSearch).toHaveBeenLastCalledWith({
            direction: 'Inbound',
            objectApiName: 'Opportunity',
            searchTerm: 'zz'
        });
        // One found: said in the singular.
        expect(text(element, '[data-status]')).toBe('1 record found.');

        mockSearch.mockRejectedValue(searchRejection);
        await type(element, 'zzz');
        expect(text(element, '[data-search-error]')).toContain("Call logs can't be related to Opportunities.");
        expect(results(element)).toHaveLength(0);
    });

    it('keeps only the answer to the latest text', async () => {
        const element = await mount([OBJECTS[0]]);
        expect($(element, '[data-object]')).toBeNull();
        let answerFirst: (value: WebexRecordOption[]) => void = () => undefined;
        mockSearch.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve)));
        await type(element, 'ana');
        expect(text(element, '[data-status]')).toBe('c.WebexCallLog_Searching');
        mockSearch.mockResolvedValueOnce([FOUND[1]]);
        await type(element, 'diff');
        answerFirst([FOUND[0]]);
        await settle();
        expect(results(element).map((b) => b.textContent?.trim())).toEqual(['Difference Engines']);
        // Clearing the box clears the results.
        await type(element, '');
        expect(results(element)).toHaveLength(0);
        element.relatedObjects = [];
        await settle();
        await type(element, 'ana');
        expect(mockSearch).toHaveBeenCalledTimes(2);
    });
});
