import { createElement, type LightningElement } from 'lwc';
import WebexCallLog from 'c/webexCallLog';
import saveCallLog from '@salesforce/apex/WebexCallLogController.saveCallLog';
import getMoreInfo from '@salesforce/apex/WebexCallLogController.getMoreInfo';
import validationRejection from './data/validationRejection.json';
import { emitLeadRenamed } from '../../../../../test/jest-utils/objectInfo';

jest.mock('@salesforce/apex/WebexCallLogController.saveCallLog', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallLogController.getMoreInfo', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallLogController.searchRelatedRecords', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallLog_SubjectOutbound', () => ({ default: 'Outbound call to {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallLog_SubjectInbound', () => ({ default: 'Inbound call from {0}' }), {
    virtual: true
});
jest.mock(
    '@salesforce/label/c.WebexCallLog_LeadNoRelated',
    () => ({ default: "Calls with {0} can't be related to another record." }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.WebexPeople_Leads', () => ({ default: 'Leads' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexCallLog_DurationValue', () => ({ default: '{0} min {1} s' }), { virtual: true });

const mockSave = jest.mocked(saveCallLog);
const mockMoreInfo = jest.mocked(getMoreInfo);

const CONTACT = '003000000000001AAA';
const ACCOUNT = '001000000000001AAA';
const TASK = '00T000000000001AAA';

interface Props {
    callId?: string;
    direction?: 'Outbound' | 'Inbound';
    phoneNumber?: string | null;
    whoId?: string | null;
    whoName?: string | null;
    relatedObjects?: WebexObjectOption[];
    durationSeconds?: number | null;
    callEnded?: boolean;
    backend?: WebexCallingBackend;
}
type Host = HTMLElement & { shadowRoot: ShadowRoot } & Props;
type Stub = HTMLElement & { label: string; value: string; disabled: boolean };

async function settle(): Promise<void> {
    await Array.from({ length: 12 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

async function mount(props: Props = {}): Promise<Host> {
    const element = createElement('c-webex-call-log', {
        // NavigationMixin's typing drops LightningElement's static members: the class is one all the same.
        is: WebexCallLog as unknown as typeof LightningElement
    }) as Host;
    Object.assign(element, {
        callId: 'call-1',
        direction: 'Outbound',
        phoneNumber: '+14155550100',
        whoId: CONTACT,
        whoName: 'Ada Lovelace',
        relatedObjects: [{ apiName: 'Account', label: 'Accounts' }],
        durationSeconds: null,
        callEnded: false,
        backend: 'WebexCalling',
        ...props
    });
    document.body.appendChild(element);
    await settle();
    return element;
}

function $(element: Host, selector: string): Stub {
    return element.shadowRoot.querySelector(selector) as Stub;
}

function text(element: Host, selector: string): string {
    return (element.shadowRoot.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

function subjectBox(element: Host): HTMLInputElement {
    return $(element, '[data-subject]').shadowRoot?.querySelector('input') as HTMLInputElement;
}

async function typeSubject(element: Host, value: string): Promise<void> {
    const input = subjectBox(element);
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
    await settle();
}

/** The base components the stubs stand for fire `change` with `detail.value`. */
async function change(element: Host, selector: string, value: string): Promise<void> {
    $(element, selector).dispatchEvent(new CustomEvent('change', { detail: { value } }));
    await settle();
}

/** Picks a call result in the native select, as a person would. */
async function choose(element: Host, value: string): Promise<void> {
    const select = $(element, '[data-disposition]') as unknown as HTMLSelectElement;
    select.value = value;
    select.dispatchEvent(new CustomEvent('change'));
    await settle();
}

async function relate(element: Host, recordId: string | null): Promise<void> {
    $(element, 'c-webex-call-log-related').dispatchEvent(
        new CustomEvent('change', {
            detail: { recordId, objectApiName: recordId ? 'Account' : null, name: recordId ? 'Acme Robotics' : null }
        })
    );
    await settle();
}

async function save(element: Host): Promise<void> {
    ($(element, '[data-action="save"]') as HTMLElement).click();
    await settle();
}

describe('c-webex-call-log', () => {
    beforeEach(() => {
        mockMoreInfo.mockResolvedValue([]);
    });

    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
    });

    it('opens with the subject naming the person, the caller, the call results and the duration to come', async () => {
        const element = await mount();
        expect(text(element, 'h2')).toBe('c.WebexCallLog_Title');
        expect(text(element, '[data-caller]')).toBe('Ada Lovelace · +14155550100');
        expect($(element, '[data-subject]').value).toBe('Outbound call to Ada Lovelace');
        expect(
            [...($(element, '[data-disposition]') as unknown as HTMLSelectElement).options].map((o) => o.value)
        ).toEqual(['', 'Connected', 'Left voicemail', 'No answer', 'Busy', 'Wrong number', 'Call back later']);
        expect(text(element, '[data-duration]')).toBe('c.WebexCallLog_DurationPending');
        expect($(element, '[data-unsaved]')).toBeNull();
        await expect(element).toBeAccessible();

        // The dialer learns more about the call: the subject follows until the rep changes it.
        element.direction = 'Inbound';
        element.whoName = null;
        await settle();
        expect($(element, '[data-subject]').value).toBe('Inbound call from +14155550100');
        element.durationSeconds = 125;
        element.callEnded = true;
        await settle();
        expect(text(element, '[data-duration]')).toBe('2 min 05 s');
        expect($(element, '[data-unsaved]')).toBeNull();
        await typeSubject(element, 'Support call');
        element.whoName = 'Ada Lovelace';
        element.phoneNumber = '+33123456789';
        await settle();
        expect($(element, '[data-subject]').value).toBe('Support call');
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallLog_Unsaved');
    });

    it('saves the log, says so with the task link, and saves again into the same task', async () => {
        const element = await mount({ durationSeconds: 95, callEnded: true });
        const saved: unknown[] = [];
        element.addEventListener('saved', (event) => saved.push((event as CustomEvent).detail));
        await change(element, '[data-comments]', 'Asked for a quote');
        await relate(element, ACCOUNT);
        await choose(element, 'Connected');
        expect(($(element, '[data-disposition]') as unknown as HTMLSelectElement).value).toBe('Connected');
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallLog_Unsaved');

        mockSave.mockResolvedValueOnce({ taskId: TASK, created: true });
        await save(element);
        expect(mockSave).toHaveBeenCalledWith({
            log: {
                callId: 'call-1',
                direction: 'Outbound',
                phoneNumber: '+14155550100',
                subject: 'Outbound call to Ada Lovelace',
                comments: 'Asked for a quote',
                whoId: CONTACT,
                whatId: ACCOUNT,
                disposition: 'Connected',
                durationSeconds: 95
            }
        });
        // What was saved, as the rep reads it: the dialer says it once the log closes after the call.
        const summary = {
            taskId: TASK,
            subject: 'Outbound call to Ada Lovelace',
            relatedName: 'Acme Robotics',
            disposition: 'c.WebexCallLog_DispConnected',
            duration: '1 min 35 s'
        };
        expect(saved).toEqual([{ taskId: TASK, created: true, summary }]);
        expect(text(element, '[data-saved]')).toBe('c.WebexCallLog_Saved');
        const link = element.shadowRoot.querySelector('[data-task-link]') as HTMLAnchorElement;
        expect(link.getAttribute('href')).toBe('https://www.example.com');
        link.click();
        await expect(element).toBeAccessible();

        // More notes: unsaved again, then saved into the same Task.
        await change(element, '[data-comments]', 'Asked for a quote; sending it Monday');
        await relate(element, null);
        expect($(element, '[data-saved]')).toBeNull();
        mockSave.mockResolvedValueOnce({ taskId: TASK, created: false });
        await save(element);
        expect(mockSave.mock.calls[1][0].log).toMatchObject({
            comments: 'Asked for a quote; sending it Monday',
            whatId: null
        });
        expect(saved[1]).toEqual({ taskId: TASK, created: false, summary: { ...summary, relatedName: null } });
        expect($(element, '[data-unsaved]')).toBeNull();
    });

    it('keeps every note when the save fails, says why, and saves on the next try', async () => {
        const element = await mount();
        await change(element, '[data-comments]', 'Will call back');
        mockSave.mockRejectedValueOnce(validationRejection);
        await save(element);
        expect(text(element, '[data-save-error]')).toBe(
            "Salesforce didn't save the call log: Comments must mention the next step. Correct it, then save again."
        );
        expect($(element, '[data-comments]').value).toBe('Will call back');
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallLog_Unsaved');
        await expect(element).toBeAccessible();

        let answer: (saved: WebexCallLogSaved) => void = () => undefined;
        mockSave.mockImplementationOnce(() => new Promise((resolve) => (answer = resolve)));
        await change(element, '[data-comments]', 'Will call back. Next step: quote');
        await save(element);
        expect(text(element, '[data-busy]')).toBe('c.WebexCallLog_Saving');
        expect($(element, '[data-action="save"]').disabled).toBe(true);
        await save(element);
        expect(mockSave).toHaveBeenCalledTimes(2);
        // Typed while saving: stays unsaved after the answer.
        await change(element, '[data-comments]', 'Will call back. Next step: quote by Monday');
        answer({ taskId: TASK, created: true });
        await settle();
        expect($(element, '[data-save-error]')).toBeNull();
        expect(text(element, '[data-unsaved]')).toBe('c.WebexCallLog_Unsaved');
    });

    it('asks for a subject before saving', async () => {
        const element = await mount();
        await typeSubject(element, '   ');
        await save(element);
        expect(mockSave).not.toHaveBeenCalled();
        expect(text(element, '[data-save-error]')).toBe('c.WebexCallLog_SubjectRequired');
        await typeSubject(element, 'Quote');
        expect($(element, '[data-save-error]')).toBeNull();
    });

    it('closes at once without notes, and asks first with unsaved notes', async () => {
        const element = await mount();
        let closed = 0;
        element.addEventListener('close', () => (closed += 1));
        ($(element, '[data-action="close"]') as HTMLElement).click();
        await settle();
        expect(closed).toBe(1);

        await change(element, '[data-comments]', 'Important');
        const focus = jest.spyOn(HTMLElement.prototype, 'focus');
        ($(element, '[data-action="close"]') as HTMLElement).click();
        await settle();
        expect(closed).toBe(1);
        expect(text(element, '[data-confirm] p')).toBe('c.WebexCallLog_CloseConfirm');
        // The choice gets the focus, as a dialog's would.
        expect(focus.mock.contexts).toContain($(element, '[data-action="keep-editing"]'));
        focus.mockRestore();
        await expect(element).toBeAccessible();

        ($(element, '[data-action="keep-editing"]') as HTMLElement).click();
        await settle();
        expect($(element, '[data-confirm]')).toBeNull();
        expect($(element, '[data-comments]').value).toBe('Important');

        ($(element, '[data-action="close"]') as HTMLElement).click();
        await settle();
        $(element, '[data-confirm]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
        await settle();
        expect($(element, '[data-confirm]')).toBeNull();

        ($(element, '[data-action="close"]') as HTMLElement).click();
        await settle();
        $(element, '[data-confirm]').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
        ($(element, '[data-action="discard"]') as HTMLElement).click();
        await settle();
        expect(closed).toBe(2);
    });

    it('relates a lead’s call to nothing, says why, and says what Unified CM does not give', async () => {
        const element = await mount({ whoId: '00Q000000000001AAA', whoName: 'Charles Babbage', backend: 'UnifiedCM' });
        expect(text(element, '[data-lead-note]')).toBe("Calls with Leads can't be related to another record.");
        // In an org that renamed Lead, the note names it as the org does.
        emitLeadRenamed();
        await settle();
        expect(text(element, '[data-lead-note]')).toBe("Calls with Prospects can't be related to another record.");
        expect($(element, 'c-webex-call-log-related')).toBeNull();
        expect(text(element, '[data-duration]')).toBe('c.WebexCallLog_DurationUnavailable');
        mockSave.mockResolvedValueOnce({ taskId: TASK, created: true });
        await save(element);
        expect(mockSave.mock.calls[0][0].log).toMatchObject({
            whoId: '00Q000000000001AAA',
            whatId: null,
            durationSeconds: null
        });

        const unknown = await mount({ whoId: null, whoName: null, phoneNumber: null, relatedObjects: [] });
        expect(text(unknown, '[data-no-related]')).toBe('c.WebexCallLog_NoRelatedObjects');
        expect(text(unknown, '[data-caller]')).toBe('');
        await expect(unknown).toBeAccessible();
    });
});
