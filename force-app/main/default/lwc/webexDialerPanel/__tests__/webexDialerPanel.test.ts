import { createElement } from 'lwc';
import WebexDialerPanel, { VIEWS } from 'c/webexDialerPanel';
import { EMPTY_ENTRY, IDLE_SEARCH, type EntryState } from 'c/webexDialerEntry';
import getCallHistory from '@salesforce/apex/WebexCallController.getCallHistory';
import { emitLeadRenamed, emitUsualNames } from '../../../../../test/jest-utils/objectInfo';

jest.mock('@salesforce/apex/WebexCallController.getCallHistory', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_CallingWho', () => ({ default: 'Calling {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_Key', () => ({ default: 'Dial {0}' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexDialer_NumberPlaceholder',
    () => ({ default: 'Type a number, or a name ({0}, {1})' }),
    {
        virtual: true
    }
);

type Host = HTMLElement & {
    shadowRoot: ShadowRoot;
    entry: EntryState;
    view: 'keypad' | 'recent';
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    history: boolean;
    historyDisabled: boolean;
    appNote: string | null;
    focusNumber(): void;
};
type InputStub = HTMLElement & { value: string; placeholder: string; shadowRoot: ShadowRoot };

const OLIVIA = {
    recordId: '003000000000001AAA',
    objectApiName: 'Contact',
    name: 'Olivia Martin',
    number: '(312) 296-1607'
};

async function settle(): Promise<void> {
    await Array.from({ length: 5 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(props: Partial<Host> = {}): Promise<{ element: Host; events: CustomEvent[] }> {
    const element = createElement('c-webex-dialer-panel', { is: WebexDialerPanel }) as Host;
    Object.assign(element, props);
    const events: CustomEvent[] = [];
    for (const name of ['numberchange', 'key', 'call', 'choose', 'callback', 'viewchange']) {
        element.addEventListener(name, (event) => events.push(event as CustomEvent));
    }
    document.body.appendChild(element);
    // getObjectInfo's answer in an org that kept the usual names.
    emitUsualNames();
    await settle();
    return { element, events };
}

const $ = (element: Host, selector: string) => element.shadowRoot.querySelector(selector) as HTMLElement | null;
const field = (element: Host) => $(element, 'lightning-input[data-id="number"]') as InputStub;
const fieldError = (element: Host) =>
    (field(element).shadowRoot.querySelector('[data-help-message]')?.textContent ?? '').trim();
const entryOf = (change: Partial<EntryState>): EntryState => ({ ...EMPTY_ENTRY, ...change });

describe('c-webex-dialer-panel', () => {
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('shows an empty number with Call off and the keypad, without Recent where history is off', async () => {
        const { element } = await mount();
        expect(field(element).value).toBe('');
        expect(
            ($(element, 'lightning-button[data-action="call"]') as HTMLElement & { disabled: boolean }).disabled
        ).toBe(true);
        expect($(element, 'c-webex-dial-pad')).not.toBeNull();
        expect($(element, 'lightning-radio-group.views')).toBeNull();
        expect($(element, '[data-chosen]')).toBeNull();
        expect($(element, 'c-webex-dialer-results')).toBeNull();
        await expect(element).toBeAccessible();
    });

    it('says in the field what it finds, naming the objects as the org names them', async () => {
        const { element } = await mount();
        expect(field(element).placeholder).toBe('Type a number, or a name (Contacts, Leads)');
        emitLeadRenamed();
        await settle();
        expect(field(element).placeholder).toBe('Type a number, or a name (Contacts, Prospects)');
    });

    it('says what is typed or keyed in, and Call on the button or Enter', async () => {
        const { element, events } = await mount({ entry: entryOf({ number: '41' }) });
        const input = field(element).shadowRoot.querySelector('input') as HTMLInputElement;
        input.value = '415';
        input.dispatchEvent(new CustomEvent('input'));
        const pad = $(element, 'c-webex-dial-pad') as Host;
        (pad.shadowRoot.querySelector('button[data-key="5"]') as HTMLButtonElement).click();
        $(element, 'lightning-button[data-action="call"]')?.dispatchEvent(new CustomEvent('click'));
        const enter = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true });
        input.dispatchEvent(enter);
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
        expect(events.map((event) => [event.type, event.detail])).toEqual([
            ['numberchange', { value: '415' }],
            ['key', { key: '5' }],
            ['call', null],
            ['call', null]
        ]);
        expect(enter.defaultPrevented).toBe(true);
    });

    it('does not call on Enter while the field is empty', async () => {
        const { element, events } = await mount({ entry: entryOf({ number: '  ' }) });
        const input = field(element).shadowRoot.querySelector('input') as HTMLInputElement;
        input.dispatchEvent(
            new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true })
        );
        expect(events).toEqual([]);
    });

    it('hides the keypad while a name is typed, shows the results and passes on the number chosen', async () => {
        const search = { status: 'searching' as const, term: 'Olivia', results: [], error: null };
        const { element, events } = await mount({ entry: entryOf({ number: 'Olivia', search }) });
        expect($(element, 'c-webex-dial-pad')).toBeNull();
        const results = $(element, 'c-webex-dialer-results') as HTMLElement;
        expect(results).not.toBeNull();
        results.dispatchEvent(new CustomEvent('choose', { detail: OLIVIA }));
        expect(events.map((event) => [event.type, event.detail])).toEqual([['choose', OLIVIA]]);
    });

    it('says who is being called', async () => {
        const { element } = await mount({ entry: entryOf({ number: OLIVIA.number, chosen: OLIVIA }) });
        expect($(element, '[data-chosen]')?.textContent?.trim()).toBe('Calling Olivia Martin');
    });

    it('says why the number cannot be called on the field, and takes it off once it goes', async () => {
        const { element } = await mount({ entry: entryOf({ number: '12' }) });
        element.entry = entryOf({ number: '12', problem: 'Too short.' });
        await settle();
        expect(fieldError(element)).toBe('Too short.');
        // Read again and still wrong: said again.
        element.entry = entryOf({ number: '12', problem: 'Too short.' });
        await settle();
        expect(fieldError(element)).toBe('Too short.');
        element.entry = entryOf({ number: '123' });
        await settle();
        expect(fieldError(element)).toBe('');
    });

    it('starts without an error, as a field drawn anew does', async () => {
        const { element } = await mount({ entry: entryOf({ number: '12', problem: 'Too short.' }) });
        expect(fieldError(element)).toBe('');
    });

    it('puts the focus in the number field', async () => {
        const { element } = await mount();
        element.focusNumber();
        expect(field(element).shadowRoot.activeElement ?? document.activeElement).toBeTruthy();
        expect(field(element).shadowRoot.querySelector('input')).toBe(field(element).shadowRoot.activeElement);
    });

    it('switches between Keypad and Recent, and passes on Call back', async () => {
        jest.mocked(getCallHistory).mockResolvedValue([]);
        const { element, events } = await mount({ history: true, appNote: null });
        const views = $(element, 'lightning-radio-group.views') as HTMLElement & { options: unknown; value: string };
        expect(views.options).toEqual(VIEWS);
        expect(views.value).toBe('keypad');
        views.dispatchEvent(new CustomEvent('change', { detail: { value: 'recent' } }));
        expect(events.map((event) => [event.type, event.detail])).toEqual([['viewchange', { value: 'recent' }]]);

        element.view = 'recent';
        element.historyDisabled = true;
        await settle();
        expect(field(element)).toBeNull();
        const history = $(element, 'c-webex-call-history-list') as HTMLElement & { disabled: boolean };
        expect(history.disabled).toBe(true);
        history.dispatchEvent(new CustomEvent('callback', { detail: { number: '+13122961607', name: null } }));
        expect(events[1].type).toBe('callback');
        expect(events[1].detail).toEqual({ number: '+13122961607', name: null });
    });

    it('stays on the keypad where history is off, whatever the view says', async () => {
        const { element } = await mount({ view: 'recent', history: false, appNote: 'Calls go through the Webex app.' });
        expect(field(element)).not.toBeNull();
        expect($(element, 'c-webex-call-history-list')).toBeNull();
        expect($(element, '[data-app-note]')?.textContent?.trim()).toBe('Calls go through the Webex app.');
    });

    it('reads a missing entry as an empty one', async () => {
        const { element } = await mount({ entry: null as unknown as EntryState });
        expect(field(element).value).toBe('');
        expect(IDLE_SEARCH.status).toBe('idle');
    });
});
