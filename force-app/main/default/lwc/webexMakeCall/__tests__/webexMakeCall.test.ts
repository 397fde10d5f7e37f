import { createElement } from 'lwc';
import WebexMakeCall from 'c/webexMakeCall';
import { inLoadState } from '../../../../../test/jest-utils/loadState';
import getRecordPhones from '@salesforce/apex/WebexCallController.getRecordPhones';
import { MessageContext, publish, subscribe } from 'lightning/messageService';

jest.mock('@salesforce/apex/WebexCallController.getRecordPhones', () => ({ default: jest.fn() }), { virtual: true });
// CloseActionScreenEvent as the platform names it; the tests listen for it on the element.
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
// English values where a test reads a filled-in label; other labels read as their name (c.Label_Name).
jest.mock('@salesforce/label/c.WebexMakeCall_NumberOption', () => ({ default: '{0}: {1}' }), { virtual: true });

const mockGet = jest.mocked(getRecordPhones);
const mockPublish = jest.mocked(publish);
const mockSubscribe = jest.mocked(subscribe);
const messageContext = MessageContext as unknown as { emit: (value: unknown) => void };

type Host = HTMLElement & { shadowRoot: ShadowRoot; recordId?: string; objectApiName?: string };
type ButtonStub = HTMLElement & { label: string; disabled: boolean };
type RadioStub = HTMLElement & { options: Array<{ label: string; value: string }>; value: string; label: string };

const OLIVIA: WebexRecordPhones = {
    recordId: '003000000000001AAA',
    objectApiName: 'Contact',
    recordName: 'Olivia Martin',
    phones: [
        { field: 'Phone', label: 'Business Phone', number: '(312) 296-1607' },
        { field: 'MobilePhone', label: 'Mobile', number: '+1 312 555 0199' }
    ]
};

async function settle(): Promise<void> {
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

/** Mounts the action as Lightning does: connected first, `recordId` set afterwards. */
async function mount(answer: Promise<WebexRecordPhones>): Promise<{ element: Host; closed: jest.Mock }> {
    mockGet.mockReturnValue(answer);
    const element = createElement('c-webex-make-call', { is: WebexMakeCall }) as Host;
    const closed = jest.fn();
    element.addEventListener('lightning__actionsclosescreen', closed);
    document.body.appendChild(element);
    messageContext.emit({});
    element.recordId = OLIVIA.recordId;
    element.objectApiName = 'Contact';
    await settle();
    return { element, closed };
}

function $(element: Host, selector: string): HTMLElement | null {
    return element.shadowRoot.querySelector(selector);
}

function callButton(element: Host): ButtonStub {
    return $(element, 'lightning-button[data-action="call"]') as ButtonStub;
}

/** The dialer's side: answers the dial request that was published. */
function dialerAccepts(): void {
    const [, , message] = mockPublish.mock.calls.at(-1) as [unknown, unknown, { requestId: string }];
    const listener = mockSubscribe.mock.calls.at(-1)?.[2] as (m: unknown) => void;
    listener({ type: 'dialAccepted', requestId: message.requestId });
}

describe('c-webex-make-call', () => {
    beforeEach(() => {
        mockSubscribe.mockReturnValue({});
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.useRealTimers();
        jest.resetAllMocks();
    });

    it('loads when the record id arrives and lists the numbers with their field labels, the first chosen', async () => {
        const { element } = await mount(Promise.resolve(OLIVIA));
        expect(mockGet).toHaveBeenCalledWith({ recordId: OLIVIA.recordId });
        const radios = $(element, 'lightning-radio-group') as RadioStub;
        expect(radios.options).toEqual([
            { label: 'Business Phone: (312) 296-1607', value: 'Phone' },
            { label: 'Mobile: +1 312 555 0199', value: 'MobilePhone' }
        ]);
        expect(radios.value).toBe('Phone');
        expect(radios.label).toBe('c.WebexMakeCall_NumbersLabel');
        expect(callButton(element).disabled).toBe(false);
        await expect(element).toBeAccessible();
    });

    it('shows a spinner while loading', async () => {
        const { element } = await mount(new Promise(() => undefined));
        expect(inLoadState(element, '[data-loading] lightning-spinner')).not.toBeNull();
        expect(inLoadState(element, '[data-loading][role="status"] .slds-assistive-text')?.textContent).toBe(
            'c.WebexMakeCall_Loading'
        );
        expect(callButton(element)).toBeNull();
    });

    it('hands the chosen number to the dialer and closes when it accepts', async () => {
        const { element, closed } = await mount(Promise.resolve(OLIVIA));
        const radios = $(element, 'lightning-radio-group') as RadioStub;
        radios.dispatchEvent(new CustomEvent('change', { detail: { value: 'MobilePhone' } }));
        await settle();
        callButton(element).click();
        await settle();
        expect(mockPublish).toHaveBeenCalledWith(
            expect.anything(),
            expect.anything(),
            expect.objectContaining({
                type: 'dial',
                number: '+1 312 555 0199',
                recordId: OLIVIA.recordId,
                objectApiName: 'Contact',
                recordName: 'Olivia Martin'
            })
        );
        expect($(element, '[data-handing-over]')).not.toBeNull();
        expect(callButton(element).disabled).toBe(true);
        dialerAccepts();
        await settle();
        expect(closed).toHaveBeenCalledTimes(1);
    });

    it("hands a number abroad over as the E.164 number of the record's country, shown as stored", async () => {
        const emma: WebexRecordPhones = {
            recordId: OLIVIA.recordId,
            objectApiName: 'Contact',
            recordName: 'Emma Jones',
            phones: [
                {
                    field: 'MobilePhone',
                    label: 'Mobile',
                    number: '09.23.88.27.45',
                    e164: '+33923882745',
                    extension: null
                },
                {
                    field: 'Phone',
                    label: 'Phone',
                    number: '+1-312-672-3585 ext. 675',
                    e164: '+13126723585',
                    extension: '675'
                }
            ]
        };
        const { element } = await mount(Promise.resolve(emma));
        const radios = $(element, 'lightning-radio-group') as RadioStub;
        expect(radios.options.map((option) => option.label)).toEqual([
            'Mobile: 09.23.88.27.45',
            'Phone: +1-312-672-3585 ext. 675'
        ]);
        callButton(element).click();
        await settle();
        expect(mockPublish).toHaveBeenLastCalledWith(
            expect.anything(),
            expect.anything(),
            expect.objectContaining({ type: 'dial', number: '+33923882745', recordName: 'Emma Jones' })
        );
        dialerAccepts();
        await settle();
        radios.dispatchEvent(new CustomEvent('change', { detail: { value: 'Phone' } }));
        await settle();
        callButton(element).click();
        await settle();
        expect(mockPublish).toHaveBeenLastCalledWith(
            expect.anything(),
            expect.anything(),
            expect.objectContaining({ type: 'dial', number: '+13126723585;ext=675' })
        );
    });

    it('says how to get the dialer when none answers in 2 s, and keeps the choice', async () => {
        const { element, closed } = await mount(Promise.resolve(OLIVIA));
        jest.useFakeTimers();
        const radios = $(element, 'lightning-radio-group') as RadioStub;
        radios.dispatchEvent(new CustomEvent('change', { detail: { value: 'MobilePhone' } }));
        await settle();
        callButton(element).click();
        await settle();
        jest.advanceTimersByTime(2000);
        await settle();
        expect(closed).not.toHaveBeenCalled();
        expect($(element, '[data-no-dialer]')?.textContent).toContain('c.WebexMakeCall_NoDialer');
        expect(($(element, 'lightning-radio-group') as RadioStub).value).toBe('MobilePhone');
        expect(callButton(element).disabled).toBe(false);
        jest.useRealTimers();
        await expect(element).toBeAccessible();
        radios.dispatchEvent(new CustomEvent('change', { detail: { value: 'Phone' } }));
        await settle();
        expect($(element, '[data-no-dialer]')).toBeNull();
    });

    it('says what to do when the record has no number', async () => {
        const { element } = await mount(Promise.resolve({ ...OLIVIA, phones: [] }));
        expect($(element, '[data-no-phone]')?.textContent).toContain('c.WebexMakeCall_NoPhone');
        expect(callButton(element)).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('shows why the numbers could not load, and loads again on Try again', async () => {
        const failure = {
            body: { message: JSON.stringify({ code: 'NOT_FOUND', message: 'Gone.', retryAfterSeconds: null }) }
        };
        const { element } = await mount(Promise.reject(failure));
        expect(inLoadState(element, '[role="alert"] h3')?.textContent).toBe('c.WebexMakeCall_LoadErrorTitle');
        expect(inLoadState(element, '[data-load-error]')?.textContent).toContain('Gone.');
        mockGet.mockResolvedValue(OLIVIA);
        (inLoadState(element, 'lightning-button[data-action="retry"]') as ButtonStub).click();
        await settle();
        expect(inLoadState(element, '[data-load-error]')).toBeNull();
        expect($(element, 'lightning-radio-group')).not.toBeNull();
    });

    it('closes on Cancel', async () => {
        const { element, closed } = await mount(Promise.resolve(OLIVIA));
        ($(element, 'lightning-button[data-action="cancel"]') as ButtonStub).click();
        expect(closed).toHaveBeenCalledTimes(1);
    });
});
