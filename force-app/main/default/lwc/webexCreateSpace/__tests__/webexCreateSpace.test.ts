import { createElement } from 'lwc';
import WebexCreateSpace from 'c/webexCreateSpace';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { RefreshEventName } from '../../../../../test/jest-mocks/lightning/refresh';

jest.mock(
    'lightning/actions',
    () => ({
        CloseActionScreenEvent: class extends CustomEvent<null> {
            constructor() {
                super('lightning__actionsclosescreen', { bubbles: true, composed: true });
            }
        }
    }),
    { virtual: true }
);
jest.mock(
    '@salesforce/apex/WebexSpacesController.getRecordPeople',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexSpacesController.searchPeople',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexSpacesController.createSpace',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock(
    '@salesforce/apex/WebexSpacesController.addPeople',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/label/c.WebexSpaces_Created', () => ({ default: 'Space “{0}” created.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_PeopleAdded', () => ({ default: 'Added: {0}.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_NotAdded', () => ({ default: 'Not added: {0}.' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexSpaces_ReasonRefused', () => ({ default: '{0} (refused by Webex)' }), {
    virtual: true
});

type Host = HTMLElement & { recordId?: string };

async function settle(): Promise<void> {
    await Array.from({ length: 5 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

const SPACE: WebexSpaceSummary = {
    linkId: 'a0A1',
    spaceId: 'room-1',
    title: 'Acme renewal',
    createdByName: 'Rep One',
    createdDate: '2026-12-06T10:00:00Z',
    webexUrl: 'webexteams://im?space=1'
};

describe('c-webex-create-space', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    });

    async function mount(): Promise<{ element: Host; closed: jest.Mock; toasts: ShowToastEvent[] }> {
        const element = createElement('c-webex-create-space', { is: WebexCreateSpace }) as Host;
        const closed = jest.fn();
        const toasts: ShowToastEvent[] = [];
        element.addEventListener('lightning__actionsclosescreen', closed);
        element.addEventListener('lightning__showtoast', (event) => toasts.push(event as ShowToastEvent));
        document.body.appendChild(element);
        await settle();
        return { element, closed, toasts };
    }

    it('shows the form once the record id arrives, titled Create Space', async () => {
        const { element } = await mount();
        expect(element.shadowRoot!.querySelector('c-webex-space-form')).toBeNull();
        element.recordId = '006000000000001AAA';
        await settle();
        const form = element.shadowRoot!.querySelector('c-webex-space-form') as HTMLElement & { recordId: string };
        expect(form.recordId).toBe('006000000000001AAA');
        expect(element.shadowRoot!.querySelector('h2')?.textContent).toBe('c.WebexSpaces_CreateSpace');
        await expect(element).toBeAccessible();
    });

    it('says who was added and who was not, asks the page to refresh, and closes', async () => {
        const { element, closed, toasts } = await mount();
        const order: string[] = [];
        element.addEventListener(RefreshEventName, () => order.push('refresh'));
        element.addEventListener('lightning__actionsclosescreen', () => order.push('close'));
        element.recordId = '006A';
        await settle();
        const detail: WebexCreatedSpace = {
            space: SPACE,
            added: ['Olivia Martin'],
            notAdded: [{ name: 'Ava', reason: 'refused' }]
        };
        element.shadowRoot!.querySelector('c-webex-space-form')!.dispatchEvent(new CustomEvent('done', { detail }));
        expect(toasts[0].detail).toEqual({
            title: 'Space “Acme renewal” created.',
            message: 'Added: Olivia Martin. Not added: Ava (refused by Webex).',
            variant: 'warning'
        });
        expect(closed).toHaveBeenCalledTimes(1);
        expect(order).toEqual(['refresh', 'close']);
    });

    it('closes on Cancel', async () => {
        const { element, closed } = await mount();
        element.recordId = '006A';
        await settle();
        const refreshed = jest.fn();
        element.addEventListener(RefreshEventName, refreshed);
        element.shadowRoot!.querySelector('c-webex-space-form')!.dispatchEvent(new CustomEvent('cancel'));
        expect(closed).toHaveBeenCalledTimes(1);
        expect(refreshed).not.toHaveBeenCalled();
    });
});
