import { createElement, type LightningElement } from 'lwc';
import WebexCallLogMoreInfo from 'c/webexCallLogMoreInfo';
import getMoreInfo from '@salesforce/apex/WebexCallLogController.getMoreInfo';
import moreInfoTabs from './data/moreInfoTabs.json';
import needsAccountRejection from './data/needsAccountRejection.json';
import noAccessRejection from './data/noAccessRejection.json';
import { emitObjectInfo } from '../../../../../test/jest-utils/objectInfo';

jest.mock('@salesforce/apex/WebexCallLogController.getMoreInfo', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.WebexCallLog_OpenRecord', () => ({ default: 'Open {0}' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexCallLog_MoreInfoNeedsAccount',
    () => ({
        default: "More info needs a caller who is one of your {0} and belongs to one of your {1}: this caller isn't."
    }),
    { virtual: true }
);
jest.mock(
    '@salesforce/label/c.WebexCallLog_MoreInfoNoRecords',
    () => ({ default: "No records for the caller's {0}." }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.WebexObjectNames_Account', () => ({ default: 'Account' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexObjectNames_Accounts', () => ({ default: 'Accounts' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexPeople_Contacts', () => ({ default: 'Contacts' }), { virtual: true });

const mockGet = jest.mocked(getMoreInfo);
const CONTACT = '003000000000001AAA';

type Host = HTMLElement & { shadowRoot: ShadowRoot; recordId: string | null };

async function settle(): Promise<void> {
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(recordId: string | null): Promise<Host> {
    const element = createElement('c-webex-call-log-more-info', {
        // NavigationMixin's typing drops LightningElement's static members: the class is one all the same.
        is: WebexCallLogMoreInfo as unknown as typeof LightningElement
    }) as Host;
    element.recordId = recordId;
    document.body.appendChild(element);
    await settle();
    return element;
}

function text(element: Host, selector: string): string {
    return (element.shadowRoot.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

describe('c-webex-call-log-more-info', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('lists each configuration’s records with their fields, and opens a record', async () => {
        mockGet.mockResolvedValue(moreInfoTabs as WebexMoreInfoTab[]);
        const element = await mount(CONTACT);
        expect(mockGet).toHaveBeenCalledWith({ recordId: CONTACT });
        expect(text(element, '[data-section="Opportunity"] h3')).toBe('Opportunities');
        const first = element.shadowRoot.querySelector('[data-record="006000000000002AAA"]') as HTMLElement;
        expect(first.querySelector('button')?.getAttribute('aria-label')).toBe('Open Engine upgrade');
        expect([...first.querySelectorAll('dt')].map((dt) => dt.textContent?.trim())).toEqual(['Stage', 'Amount']);
        expect([...first.querySelectorAll('dd')].map((dd) => dd.textContent?.trim())).toEqual([
            'Prospecting',
            'USD 45,000.00'
        ]);
        // A record without a name is named by its ID; empty values stay empty.
        const second = element.shadowRoot.querySelector('[data-record="006000000000001AAA"]') as HTMLElement;
        expect(second.querySelector('button')?.textContent?.trim()).toBe('006000000000001AAA');
        expect(text(element, '[data-section="Case"] p')).toBe("No records for the caller's Account.");
        // In an org that renamed Account, the caller's account is named as the org names it.
        emitObjectInfo('Account', 'Customer', 'Customers');
        await settle();
        expect(text(element, '[data-section="Case"] p')).toBe("No records for the caller's Customer.");
        first.querySelector('button')?.click();
        await expect(element).toBeAccessible();
    });

    it('explains a lead or an unknown caller without asking the server', async () => {
        const element = await mount('00Q000000000001AAA');
        expect(text(element, '[data-notice]')).toBe(
            "More info needs a caller who is one of your Contacts and belongs to one of your Accounts: this caller isn't."
        );
        element.recordId = null;
        emitObjectInfo('Contact', 'Person', 'People');
        emitObjectInfo('Account', 'Customer', 'Customers');
        await settle();
        expect(text(element, '[data-notice]')).toBe(
            "More info needs a caller who is one of your People and belongs to one of your Customers: this caller isn't."
        );
        expect(mockGet).not.toHaveBeenCalled();
        await expect(element).toBeAccessible();
    });

    it('shows the server’s explanation for a contact without an account, and loads again for a new caller', async () => {
        mockGet.mockRejectedValueOnce(needsAccountRejection);
        const element = await mount(CONTACT);
        expect(text(element, '[data-notice]')).toBe(
            "More info needs a caller who is one of your Contacts and belongs to one of your Accounts: this caller isn't."
        );
        mockGet.mockResolvedValueOnce([]);
        element.recordId = '003000000000002AAA';
        await settle();
        expect(text(element, '[data-empty]')).toBe('c.WebexCallLog_MoreInfoEmpty');
        element.recordId = '003000000000002AAA';
        await settle();
        expect(mockGet).toHaveBeenCalledTimes(2);
        // Taken off the page, then back: loads for the caller it has.
        mockGet.mockResolvedValueOnce([]);
        document.body.removeChild(element);
        element.recordId = '003000000000003AAA';
        document.body.appendChild(element);
        await settle();
        expect(mockGet).toHaveBeenLastCalledWith({ recordId: '003000000000003AAA' });
        expect(mockGet).toHaveBeenCalledTimes(3);
    });

    it('shows a failure with what to do, and tries again', async () => {
        mockGet.mockRejectedValueOnce(noAccessRejection);
        const element = await mount(CONTACT);
        expect(text(element, '[data-error]')).toContain('Cisco Webex User permission set');
        await expect(element).toBeAccessible();
        let answer: (tabs: WebexMoreInfoTab[]) => void = () => undefined;
        mockGet.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
        (element.shadowRoot.querySelector('[data-action="retry"]') as HTMLElement).click();
        await settle();
        expect(text(element, '[data-busy]')).toBe('c.WebexCallLog_MoreInfoLoading');
        answer(moreInfoTabs as WebexMoreInfoTab[]);
        await settle();
        expect(element.shadowRoot.querySelectorAll('[data-record]')).toHaveLength(2);
    });
});
