import { createElement } from 'lwc';
import WebexCallHistoryList from 'c/webexCallHistoryList';
import getCallHistory from '@salesforce/apex/WebexCallController.getCallHistory';

jest.mock('@salesforce/apex/WebexCallController.getCallHistory', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_CallBackNamed', () => ({ default: 'Call back {0}' }), { virtual: true });

const mockHistory = jest.mocked(getCallHistory);

type Host = HTMLElement & { shadowRoot: ShadowRoot; disabled: boolean };
type RadioStub = HTMLElement & { value: string; options: Array<{ value: string }> };

const ENTRIES: WebexCallHistoryEntry[] = [
    {
        type: 'placed',
        name: 'Olivia Martin',
        number: '+13122961607',
        privacyEnabled: false,
        time: '2025-03-03T09:00:00Z'
    },
    { type: 'missed', name: null, number: '+33143775092', privacyEnabled: false, time: '2025-03-04T08:00:00Z' },
    { type: 'received', name: null, number: null, privacyEnabled: true, time: '2025-03-02T08:00:00Z' },
    { type: 'received', name: 'Noah Kim', number: '+14155550100', privacyEnabled: false, time: '2025-03-03T09:00:00Z' }
];

async function settle(): Promise<void> {
    // Microtask turns one after the other: enough for an answer, the awaits after it and the re-render.
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(): Promise<Host> {
    const element = createElement('c-webex-call-history-list', { is: WebexCallHistoryList }) as Host;
    document.body.appendChild(element);
    await settle();
    return element;
}

const $ = (element: Host, selector: string) => element.shadowRoot.querySelector(selector);
const text = (element: Host, selector: string) => ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('c-webex-call-history-list', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('lists the latest calls first, with their kind, and Call back where there is a number', async () => {
        mockHistory.mockResolvedValue(ENTRIES);
        const element = await mount();
        expect(mockHistory).toHaveBeenCalledWith({ historyType: null });
        const rows = [...element.shadowRoot.querySelectorAll('li.entry')];
        expect(rows.map((li) => li.querySelector('.who')?.textContent)).toEqual([
            '+33 1 43 77 50 92',
            'Olivia Martin',
            'Noah Kim',
            'c.WebexDialer_PrivateNumber'
        ]);
        expect(
            rows.map(
                (li) =>
                    (li.querySelector('lightning-icon') as HTMLElement & { alternativeText: string }).alternativeText
            )
        ).toEqual([
            'c.WebexDialer_HistoryMissed',
            'c.WebexDialer_HistoryPlaced',
            'c.WebexDialer_HistoryReceived',
            'c.WebexDialer_HistoryReceived'
        ]);
        // Numbers as a person reads them; the call back dials Webex's own.
        expect(rows[1].textContent).toContain('(312) 296-1607 ·');
        const callBacks = [...element.shadowRoot.querySelectorAll('button.call-back')];
        expect(callBacks.map((b) => b.getAttribute('aria-label'))).toEqual([
            'Call back +33 1 43 77 50 92',
            'Call back Olivia Martin',
            'Call back Noah Kim'
        ]);
        await expect(element).toBeAccessible();
    });

    it('fires callback with the number', async () => {
        mockHistory.mockResolvedValue(ENTRIES);
        const element = await mount();
        const called = jest.fn();
        element.addEventListener('callback', (event) => called((event as CustomEvent).detail));
        (element.shadowRoot.querySelectorAll('button.call-back')[1] as HTMLButtonElement).click();
        expect(called).toHaveBeenCalledWith({ number: '+13122961607', name: 'Olivia Martin' });
        const button = element.shadowRoot.querySelector('button.call-back') as HTMLButtonElement;
        button.dataset.index = '99';
        button.click();
        expect(called).toHaveBeenCalledTimes(1);
    });

    it('shows a number it cannot read as Webex gave it', async () => {
        mockHistory.mockResolvedValue([{ ...ENTRIES[1], number: '*73' }]);
        const element = await mount();
        expect(text(element, 'li.entry .who')).toBe('*73');
    });

    it('offers no call back while another call is in progress', async () => {
        mockHistory.mockResolvedValue(ENTRIES);
        const element = await mount();
        element.disabled = true;
        await settle();
        expect(element.shadowRoot.querySelectorAll('button.call-back')).toHaveLength(0);
    });

    it('filters by kind, and drops an answer for a filter no longer chosen', async () => {
        mockHistory.mockResolvedValueOnce(ENTRIES);
        const element = await mount();
        const filter = $(element, 'lightning-radio-group') as RadioStub;
        expect(filter.options.map((o) => o.value)).toEqual(['all', 'placed', 'received', 'missed']);
        let answerPlaced: (entries: WebexCallHistoryEntry[]) => void = () => undefined;
        mockHistory.mockReturnValueOnce(new Promise((resolve) => (answerPlaced = resolve)));
        mockHistory.mockResolvedValueOnce([ENTRIES[1]]);
        filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'placed' } }));
        filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'missed' } }));
        await settle();
        answerPlaced([ENTRIES[0]]);
        await settle();
        expect(mockHistory).toHaveBeenLastCalledWith({ historyType: 'missed' });
        expect([...element.shadowRoot.querySelectorAll('li.entry .who')].map((e) => e.textContent)).toEqual([
            '+33 1 43 77 50 92'
        ]);
        expect(filter.value).toBe('missed');
    });

    it('says when there is nothing to show, and while loading', async () => {
        let answer: (entries: WebexCallHistoryEntry[]) => void = () => undefined;
        mockHistory.mockReturnValue(new Promise((resolve) => (answer = resolve)));
        const element = await mount();
        expect(text(element, '[data-loading]')).toBe('c.WebexDialer_HistoryLoading');
        answer(undefined as never);
        await settle();
        expect(text(element, '[data-empty]')).toBe('c.WebexDialer_HistoryEmpty');
        await expect(element).toBeAccessible();
    });

    it('says why the list could not load, and tries again', async () => {
        mockHistory.mockRejectedValueOnce({
            status: 500,
            body: { message: JSON.stringify({ code: 'NOT_CONNECTED', message: 'Connect your Webex account.' }) }
        });
        const element = await mount();
        expect(text(element, '[data-history-error]')).toBe('Connect your Webex account.');
        await expect(element).toBeAccessible();
        mockHistory.mockResolvedValue(ENTRIES);
        $(element, 'lightning-button[data-action="retry"]')?.dispatchEvent(new CustomEvent('click'));
        await settle();
        expect($(element, '[data-history-error]')).toBeNull();
        expect(element.shadowRoot.querySelectorAll('li.entry')).toHaveLength(4);
    });

    it('drops a failure for a filter no longer chosen', async () => {
        mockHistory.mockResolvedValueOnce(ENTRIES);
        const element = await mount();
        let fail: (error: unknown) => void = () => undefined;
        mockHistory.mockReturnValueOnce(new Promise((_resolve, reject) => (fail = reject)));
        mockHistory.mockResolvedValueOnce([]);
        const filter = $(element, 'lightning-radio-group') as RadioStub;
        filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'placed' } }));
        filter.dispatchEvent(new CustomEvent('change', { detail: { value: 'received' } }));
        await settle();
        fail(new Error('late'));
        await settle();
        expect($(element, '[data-history-error]')).toBeNull();
        expect(text(element, '[data-empty]')).toBe('c.WebexDialer_HistoryEmpty');
    });
});
