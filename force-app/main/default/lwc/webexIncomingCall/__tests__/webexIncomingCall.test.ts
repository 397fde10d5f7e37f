import { createElement } from 'lwc';
import WebexIncomingCall from 'c/webexIncomingCall';
import { emitLeadRenamed, emitUsualNames } from '../../../../../test/jest-utils/objectInfo';

jest.mock('@salesforce/label/c.WebexDialer_Opened', () => ({ default: 'Opened: {0}' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexDialer_NoCallerMatch',
    () => ({ default: 'No one in {0} or {1} has this number.' }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.WebexDialer_NewContact', () => ({ default: 'New {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_NewLead', () => ({ default: 'New {0}' }), { virtual: true });

type ButtonStub = HTMLElement & { label: string; disabled: boolean };
type Host = HTMLElement & {
    shadowRoot: ShadowRoot;
    callerName: string | null;
    callerNumber: string | null;
    records: WebexPersonMatch[] | null;
    matching: boolean;
    matchError: string | null;
    chosenId: string | null;
    canAnswer: boolean;
    busy: boolean;
    answered: boolean;
};

const OLIVIA: WebexPersonMatch = {
    recordId: '003000000000001AAA',
    objectApiName: 'Contact',
    objectLabel: 'Contact',
    name: 'Olivia Martin',
    accountName: 'Acme Robotics',
    accountId: '001000000000001AAA',
    phones: []
};
const OLIVIA_LEAD: WebexPersonMatch = {
    ...OLIVIA,
    recordId: '00Q000000000001AAA',
    objectApiName: 'Lead',
    objectLabel: 'Lead',
    accountName: 'Martin Consulting'
};

async function mount(props: Partial<Host>): Promise<Host> {
    const element = createElement('c-webex-incoming-call', { is: WebexIncomingCall }) as Host;
    Object.assign(element, { callerNumber: '(312) 296-1607', canAnswer: true, ...props });
    document.body.appendChild(element);
    // getObjectInfo's answer in an org that kept the usual names.
    emitUsualNames();
    await Promise.resolve();
    return element;
}

const $ = (element: Host, selector: string) => element.shadowRoot.querySelector(selector);
const text = (element: Host, selector: string) => ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (element: Host, selector: string) => $(element, `lightning-button${selector}`) as ButtonStub | null;

describe('c-webex-incoming-call', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    it('shows who calls while their record is looked up, with Answer and Decline', async () => {
        const element = await mount({ callerName: 'Olivia Martin', matching: true });
        expect(text(element, 'h3')).toBe('Olivia Martin');
        expect(text(element, '[data-number]')).toBe('(312) 296-1607');
        expect(text(element, '[data-matching]')).toBe('c.WebexDialer_Matching');
        expect(button(element, '[data-action="answer"]')?.disabled).toBe(false);
        expect(button(element, '[data-action="decline"]')?.disabled).toBe(false);
        expect($(element, 'section')?.getAttribute('aria-label')).toBe('c.WebexDialer_Incoming');
        await expect(element).toBeAccessible();
    });

    it('names the record it opened when one record has the number', async () => {
        const element = await mount({ records: [OLIVIA], chosenId: OLIVIA.recordId });
        expect(text(element, 'h3')).toBe('(312) 296-1607');
        expect($(element, '[data-number]')).toBeNull();
        expect(text(element, '[data-opened]')).toBe('Opened: Olivia Martin · Acme Robotics');
    });

    it('lets the rep choose among several records, from the keyboard', async () => {
        const element = await mount({ records: [OLIVIA, OLIVIA_LEAD] });
        expect(text(element, '#choose-caller, p.slds-m-bottom_xx-small')).toBe('c.WebexDialer_ChooseCaller');
        const choices = [...element.shadowRoot.querySelectorAll<HTMLButtonElement>('button.choice')];
        expect(choices.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
            'Olivia Martin · Contact · Acme Robotics',
            'Olivia Martin · Lead · Martin Consulting'
        ]);
        expect(choices.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'false']);
        const chosen = jest.fn();
        element.addEventListener('choose', (event) => chosen((event as CustomEvent).detail));
        choices[1].click();
        expect(chosen).toHaveBeenCalledWith({
            recordId: OLIVIA_LEAD.recordId,
            objectApiName: 'Lead',
            name: 'Olivia Martin'
        });
        element.chosenId = OLIVIA_LEAD.recordId;
        await Promise.resolve();
        const after = [...element.shadowRoot.querySelectorAll<HTMLButtonElement>('button.choice')];
        expect(after.map((b) => b.getAttribute('aria-pressed'))).toEqual(['false', 'true']);
        expect(after[1].className).toContain('slds-is-selected');
        after[0].dataset.recordId = 'gone';
        after[0].click();
        expect(chosen).toHaveBeenCalledTimes(1);
        await expect(element).toBeAccessible();
    });

    it('offers New Contact and New Lead when no record has the number', async () => {
        const element = await mount({ records: [] });
        expect(text(element, '[data-no-match]')).toBe('No one in Contacts or Leads has this number.');
        expect(button(element, '[data-object="Contact"]')?.label).toBe('New Contact');
        expect(button(element, '[data-object="Lead"]')?.label).toBe('New Lead');
        const created: string[] = [];
        element.addEventListener('newrecord', (event) =>
            created.push((event as CustomEvent<{ objectApiName: string }>).detail.objectApiName)
        );
        button(element, '[data-object="Contact"]')?.dispatchEvent(new CustomEvent('click'));
        button(element, '[data-object="Lead"]')?.dispatchEvent(new CustomEvent('click'));
        expect(created).toEqual(['Contact', 'Lead']);
        await expect(element).toBeAccessible();
    });

    it('names the objects to create as the org names them', async () => {
        const element = await mount({ records: [] });
        emitLeadRenamed();
        await Promise.resolve();
        expect(text(element, '[data-no-match]')).toBe('No one in Contacts or Prospects has this number.');
        expect(button(element, '[data-object="Contact"]')?.label).toBe('New Contact');
        expect(button(element, '[data-object="Lead"]')?.label).toBe('New Prospect');
    });

    it('offers nothing to create for a withheld number', async () => {
        const element = await mount({ records: [], callerNumber: null, callerName: null });
        expect(text(element, 'h3')).toBe('c.WebexDialer_UnknownCaller');
        expect(button(element, '[data-object="Contact"]')).toBeNull();
    });

    it('says why the record could not be looked up', async () => {
        const element = await mount({ matchError: 'Salesforce could not be reached.' });
        expect(text(element, '[data-match-error]')).toBe('c.WebexDialer_MatchFailed Salesforce could not be reached.');
    });

    it('fires answer and decline, and holds both while one is on its way', async () => {
        const element = await mount({ records: [OLIVIA] });
        const fired: string[] = [];
        element.addEventListener('answer', () => fired.push('answer'));
        element.addEventListener('decline', () => fired.push('decline'));
        button(element, '[data-action="answer"]')?.dispatchEvent(new CustomEvent('click'));
        button(element, '[data-action="decline"]')?.dispatchEvent(new CustomEvent('click'));
        expect(fired).toEqual(['answer', 'decline']);
        element.busy = true;
        await Promise.resolve();
        expect(button(element, '[data-action="answer"]')?.disabled).toBe(true);
        expect(button(element, '[data-action="decline"]')?.disabled).toBe(true);
        element.busy = false;
        element.canAnswer = false;
        await Promise.resolve();
        expect(button(element, '[data-action="answer"]')?.disabled).toBe(true);
    });

    it('once answered, keeps only the choice of record', async () => {
        const element = await mount({ records: [OLIVIA, OLIVIA_LEAD], answered: true });
        expect($(element, 'h3')).toBeNull();
        expect(button(element, '[data-action="answer"]')).toBeNull();
        expect(element.shadowRoot.querySelectorAll('button.choice')).toHaveLength(2);
        expect($(element, 'section')?.getAttribute('aria-label')).toBe('c.WebexDialer_Caller');
        await expect(element).toBeAccessible();
    });
});
