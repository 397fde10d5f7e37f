import { createElement } from 'lwc';
import WebexDialerResults from 'c/webexDialerResults';
import { emitLeadRenamed, emitUsualNames } from '../../../../../test/jest-utils/objectInfo';

jest.mock('@salesforce/label/c.WebexDialer_CallNumber', () => ({ default: 'Call {0}, {1}: {2}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_Results', () => ({ default: '{0} and {1}' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexDialer_NoMatch',
    () => ({ default: 'No match in {0} or {1} — you can still call the number.' }),
    { virtual: true }
);

type Update = {
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    status: string;
    term: string;
    results: WebexPersonMatch[];
    error: string | null;
};
type Host = HTMLElement & { shadowRoot: ShadowRoot; update: Update | null };

const OLIVIA: WebexPersonMatch = {
    recordId: '003000000000001AAA',
    objectApiName: 'Contact',
    objectLabel: 'Contact',
    name: 'Olivia Martin',
    accountName: 'Acme Robotics',
    accountId: '001000000000001AAA',
    phones: [
        { field: 'Phone', label: 'Business Phone', number: '(312) 296-1607' },
        { field: 'MobilePhone', label: 'Mobile', number: '(312) 555-0101' }
    ]
};
const LEAD: WebexPersonMatch = {
    recordId: '00Q000000000001AAA',
    objectApiName: 'Lead',
    objectLabel: 'Lead',
    name: 'Oliver Stone',
    accountName: null,
    accountId: null,
    phones: [{ field: 'Phone', label: 'Phone', number: '+44 20 9137 2412' }]
};

async function mount(update: Update | null): Promise<Host> {
    const element = createElement('c-webex-dialer-results', { is: WebexDialerResults }) as Host;
    element.update = update;
    document.body.appendChild(element);
    // getObjectInfo's answer in an org that kept the usual names.
    emitUsualNames();
    await Promise.resolve();
    return element;
}

const text = (element: Host, selector: string) =>
    (element.shadowRoot.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('c-webex-dialer-results', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('lists each person with the account and every number with its field', async () => {
        const element = await mount({ status: 'done', term: 'Oli', results: [OLIVIA, LEAD], error: null });
        const people = [...element.shadowRoot.querySelectorAll('li.person')];
        expect(people.map((li) => li.querySelector('.name')?.textContent)).toEqual(['Olivia Martin', 'Oliver Stone']);
        expect(text(element, 'li.person .slds-text-body_small')).toBe('Contact · Acme Robotics');
        const buttons = [...element.shadowRoot.querySelectorAll('button.phone')];
        expect(buttons.map((b) => b.getAttribute('aria-label'))).toEqual([
            'Call Olivia Martin, Business Phone: (312) 296-1607',
            'Call Olivia Martin, Mobile: (312) 555-0101',
            'Call Oliver Stone, Phone: +44 20 9137 2412'
        ]);
        // What shows: the field's label, then the number.
        expect(buttons.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
            'Business Phone(312) 296-1607',
            'Mobile(312) 555-0101',
            'Phone+44 20 9137 2412'
        ]);
        await expect(element).toBeAccessible();
    });

    it('fires choose with the person and the number chosen', async () => {
        const element = await mount({ status: 'done', term: 'Oli', results: [OLIVIA], error: null });
        const chosen = jest.fn();
        element.addEventListener('choose', (event) => chosen((event as CustomEvent).detail));
        (element.shadowRoot.querySelector('button[data-field="MobilePhone"]') as HTMLButtonElement).click();
        expect(chosen).toHaveBeenCalledWith({
            recordId: OLIVIA.recordId,
            objectApiName: 'Contact',
            name: 'Olivia Martin',
            number: '(312) 555-0101',
            field: 'MobilePhone'
        });
    });

    it('ignores a choice it cannot find', async () => {
        const element = await mount({ status: 'done', term: 'Oli', results: [OLIVIA], error: null });
        const chosen = jest.fn();
        element.addEventListener('choose', chosen);
        const button = element.shadowRoot.querySelector('button.phone') as HTMLButtonElement;
        button.dataset.field = 'Fax';
        button.click();
        expect(chosen).not.toHaveBeenCalled();
    });

    it('keeps the previous results while searching, and says so when there are none yet', async () => {
        const element = await mount({ status: 'searching', term: 'Oli', results: [OLIVIA], error: null });
        expect(element.shadowRoot.querySelector('ul')?.getAttribute('aria-busy')).toBe('true');
        element.update = { status: 'searching', term: 'Oli', results: [], error: null };
        await Promise.resolve();
        expect(text(element, '[data-searching]')).toBe('c.WebexDialer_Searching');
    });

    it('says the number can still be called when nothing matches', async () => {
        const element = await mount({ status: 'done', term: '415', results: [], error: null });
        expect(text(element, '[data-empty]')).toBe('No match in Contacts or Leads — you can still call the number.');
        await expect(element).toBeAccessible();
    });

    it('names the objects searched as the org names them', async () => {
        const element = await mount({ status: 'done', term: 'Oli', results: [OLIVIA], error: null });
        expect(element.shadowRoot.querySelector('ul')?.getAttribute('aria-label')).toBe('Contacts and Leads');
        emitLeadRenamed();
        await Promise.resolve();
        expect(element.shadowRoot.querySelector('ul')?.getAttribute('aria-label')).toBe('Contacts and Prospects');
        element.update = { status: 'done', term: '415', results: [], error: null };
        await Promise.resolve();
        expect(text(element, '[data-empty]')).toBe(
            'No match in Contacts or Prospects — you can still call the number.'
        );
    });

    it('says why the search failed', async () => {
        const element = await mount({
            status: 'error',
            term: 'Oli',
            results: [],
            error: 'Salesforce could not be reached.'
        });
        expect(text(element, '[data-search-error]')).toBe(
            'c.WebexDialer_SearchFailed Salesforce could not be reached.'
        );
    });

    it('shows nothing before a search', async () => {
        const element = await mount(null);
        expect(element.shadowRoot.querySelector('.results')?.children).toHaveLength(0);
    });
});
