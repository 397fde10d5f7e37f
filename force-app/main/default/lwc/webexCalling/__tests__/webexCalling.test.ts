import { createElement, LightningElement } from 'lwc';
import WebexCalling from 'c/webexCalling';
import { inLoadState } from '../../../../../test/jest-utils/loadState';
import { subscribe as empSubscribe, unsubscribe as empUnsubscribe } from 'lightning/empApi';
import {
    APPLICATION_SCOPE,
    MessageContext,
    publish,
    subscribe as lmsSubscribe,
    unsubscribe as lmsUnsubscribe
} from 'lightning/messageService';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import getDialerSettings from '@salesforce/apex/WebexCallController.getDialerSettings';
import searchPeople from '@salesforce/apex/WebexCallController.searchPeople';
import matchCaller from '@salesforce/apex/WebexCallController.matchCaller';
import getCallHistory from '@salesforce/apex/WebexCallController.getCallHistory';
import answerCall from '@salesforce/apex/WebexCallController.answer';
import dialCall from '@salesforce/apex/WebexCallController.dial';
import hangupCall from '@salesforce/apex/WebexCallController.hangup';
import holdCall from '@salesforce/apex/WebexCallController.hold';
import muteCall from '@salesforce/apex/WebexCallController.mute';
import unmuteCall from '@salesforce/apex/WebexCallController.unmute';
import rejectCall from '@salesforce/apex/WebexCallController.reject';
import resumeCall from '@salesforce/apex/WebexCallController.resume';
import disconnectConnection from '@salesforce/apex/WebexUserConnectionController.disconnect';

const mockNavigate = jest.fn();
jest.mock('lightning/navigation', () => {
    const Navigate = Symbol('Navigate');
    const GenerateUrl = Symbol('GenerateUrl');
    const NavigationMixin = (Base: new () => object) =>
        class extends Base {
            [Navigate](ref: unknown) {
                mockNavigate(ref);
            }
        };
    return { NavigationMixin: Object.assign(NavigationMixin, { Navigate, GenerateUrl }) };
});
jest.mock('@salesforce/apex/WebexCallController.getDialerSettings', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.searchPeople', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.matchCaller', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.getCallHistory', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.answer', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.dial', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.hangup', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.hold', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.mute', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.reject', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.resume', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.unmute', () => ({ default: jest.fn() }), { virtual: true });
// The connection card (c-webex-user-connect) renders for real; its own server calls are not this test's.
jest.mock(
    '@salesforce/apex/WebexUserConnectionController.getConnection',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/apex/WebexUserConnectionController.startConnection', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/apex/WebexUserConnectionController.disconnect', () => ({ default: jest.fn() }), {
    virtual: true
});
// The call log panel (c-webex-call-log) renders for real; its own server calls are not this test's.
jest.mock('@salesforce/apex/WebexCallLogController.saveCallLog', () => ({ default: jest.fn() }), { virtual: true });
jest.mock(
    '@salesforce/apex/WebexCallLogController.getMoreInfo',
    () => ({ default: jest.fn(() => new Promise(() => undefined)) }),
    {
        virtual: true
    }
);
jest.mock('@salesforce/apex/WebexCallLogController.searchRelatedRecords', () => ({ default: jest.fn() }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexDialer_Retrying', () => ({ default: 'Calling again in {0} s ({1} of {2})' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexDialer_CallingWho', () => ({ default: 'Calling {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_AppNote', () => ({ default: 'Calls go through the Webex app ({0}).' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexDialer_BackendUnifiedCM', () => ({ default: 'Unified CM' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_BackendBroadWorks', () => ({ default: 'BroadWorks' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_Extension', () => ({ default: 'ext.' }), { virtual: true });
jest.mock(
    '@salesforce/label/c.WebexDialer_ProblemCountryCodeAfterPrefix',
    () => ({ default: 'No country uses the calling code after {0}.' }),
    { virtual: true }
);
jest.mock('@salesforce/label/c.WebexUserConnect_ConnectedAs', () => ({ default: 'Connected as {0}' }), {
    virtual: true
});

const mockSettings = jest.mocked(getDialerSettings);
const mockSearch = jest.mocked(searchPeople);
const mockMatch = jest.mocked(matchCaller);
const mockDial = jest.mocked(dialCall);
const mockEmpSubscribe = jest.mocked(empSubscribe);
const mockLmsSubscribe = jest.mocked(lmsSubscribe);

type Host = HTMLElement & { shadowRoot: ShadowRoot };
type InputStub = HTMLElement & { value: string; shadowRoot: ShadowRoot };
type ButtonStub = HTMLElement & { label: string; disabled: boolean };

const CHANNEL = '/u/WebexCallEvents';
const SETTINGS: WebexDialerSettings = {
    connection: {
        available: true,
        connected: true,
        displayName: 'Sam Rep',
        email: 'sam.rep@acme-webex.example',
        connectedAt: '2025-03-01T10:00:00Z',
        problem: null,
        problemCode: null
    },
    backend: 'WebexCalling',
    outboundLog: { enabled: true, relatedObjects: [{ apiName: 'Account', label: 'Account' }] },
    inboundLog: { enabled: true, relatedObjects: [{ apiName: 'Case', label: 'Case' }] },
    callHistoryEnabled: true,
    searchObjects: ['Contact', 'Lead'],
    eventChannel: CHANNEL,
    userId: '005000000000002AAA',
    defaultCountry: 'US'
};
const OLIVIA: WebexPersonMatch = {
    recordId: '003000000000001AAA',
    objectApiName: 'Contact',
    objectLabel: 'Contact',
    name: 'Olivia Martin',
    accountName: 'Acme Robotics',
    accountId: '001000000000001AAA',
    phones: [{ field: 'Phone', label: 'Business Phone', number: '(312) 296-1607' }]
};
const OLIVIA_LEAD: WebexPersonMatch = {
    ...OLIVIA,
    recordId: '00Q000000000001AAA',
    objectApiName: 'Lead',
    objectLabel: 'Lead'
};

function failure(code: string, message: string, retryAfterSeconds: number | null = null) {
    return { status: 500, body: { message: JSON.stringify({ code, message, retryAfterSeconds }) } };
}

async function settle(): Promise<void> {
    // Microtask turns one after the other: enough for an answer, the awaits after it and the re-render.
    await Array.from({ length: 25 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

const CONTEXT = { id: 'message-context' };
let deliver: (payload: unknown) => Promise<void> = async () => undefined;
let lmsListener: (message: unknown) => void = () => undefined;

/** Puts the component on the page, as Lightning does: the message context arrives through the wire. */
async function attach(): Promise<Host> {
    const element = createElement('c-webex-calling', {
        // NavigationMixin's typing drops LightningElement's static members: the class is one all the same.
        is: WebexCalling as unknown as typeof LightningElement
    }) as Host;
    document.body.appendChild(element);
    (MessageContext as unknown as { emit: (value: unknown) => void }).emit(CONTEXT);
    await settle();
    return element;
}

async function mount(settings: WebexDialerSettings | Promise<WebexDialerSettings> = SETTINGS): Promise<Host> {
    mockSettings.mockReturnValue(Promise.resolve(settings));
    return attach();
}

function push(fields: Partial<WebexCallEventPayload>): string {
    return JSON.stringify({
        callId: 'call-in',
        callSessionId: null,
        state: 'alerting',
        personality: 'terminator',
        remoteNumber: '+13122961607',
        remoteName: null,
        created: '2025-03-04T10:00:00.000Z',
        answered: null,
        disconnected: null,
        eventTimestamp: '2025-03-04T10:00:00.000Z',
        ...fields
    });
}

const $ = (root: Host | ShadowRoot, selector: string): HTMLElement | null =>
    ('shadowRoot' in root ? root.shadowRoot : root).querySelector(selector);
const text = (root: Host, selector: string) => ($(root, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const child = (element: Host, tag: string) => $(element, tag) as Host | null;
/** The dialer between calls (c-webex-dialer-panel); null while a call or its log is on screen. */
const dialer = (element: Host) => child(element, 'c-webex-dialer-panel');
const inDialer = (element: Host, selector: string) => {
    const panel = dialer(element);
    return panel ? $(panel, selector) : null;
};
const dialerText = (element: Host, selector: string) => text(dialer(element) as Host, selector);
const numberInput = (element: Host) => inDialer(element, 'lightning-input[data-id="number"]') as InputStub;
const callButton = (element: Host) => inDialer(element, 'lightning-button[data-action="call"]') as ButtonStub;

async function type(element: Host, value: string): Promise<void> {
    const input = numberInput(element).shadowRoot.querySelector('input') as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new CustomEvent('input'));
    await settle();
}

async function click(target: HTMLElement | null): Promise<void> {
    target?.dispatchEvent(new CustomEvent('click'));
    await settle();
}

describe('c-webex-calling', () => {
    beforeEach(() => {
        mockEmpSubscribe.mockImplementation(async (channel, replayId, onMessage) => {
            deliver = async (payload) => {
                onMessage({ channel, data: { event: { replayId: 1, createdDate: '' }, payload } } as never);
                await settle();
            };
            return { id: 'sub-1', channel, replayId };
        });
        jest.mocked(empUnsubscribe).mockResolvedValue({});
        mockLmsSubscribe.mockImplementation((_context, _channel, listener) => {
            lmsListener = listener as (message: unknown) => void;
            return { id: 'lms-1' } as never;
        });
        jest.mocked(getCallHistory).mockResolvedValue([]);
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.resetAllMocks();
        jest.useRealTimers();
    });

    describe('loading', () => {
        it('says it is loading', async () => {
            const element = await mount(new Promise(() => undefined) as never);
            expect(inLoadState(element, '[data-loading] [role="status"]')?.textContent?.trim()).toBe(
                'c.WebexDialer_Loading'
            );
            await expect(element).toBeAccessible();
        });

        it('says why it could not load, and tries again', async () => {
            mockSettings.mockRejectedValueOnce(failure('UNEXPECTED', 'Salesforce is busy.'));
            const element = await attach();
            expect(inLoadState(element, '[role="alert"] h3')?.textContent).toBe('c.WebexDialer_LoadFailed');
            expect(inLoadState(element, '[data-load-error]')?.textContent).toBe('Salesforce is busy.');
            await expect(element).toBeAccessible();
            mockSettings.mockResolvedValue(SETTINGS);
            await click(inLoadState(element, 'lightning-button[data-action="retry"]'));
            expect(inLoadState(element, '[data-load-error]')).toBeNull();
            expect(numberInput(element)).not.toBeNull();
        });

        it('asks a rep who has not connected Webex to connect first, and dials once connected', async () => {
            const element = await mount({
                ...SETTINGS,
                connection: { ...SETTINGS.connection, connected: false, problem: 'Your Webex sign-in expired.' }
            });
            const connect = $(element, 'c-webex-user-connect') as HTMLElement;
            expect(connect).not.toBeNull();
            expect(numberInput(element)).toBeNull();
            expect(mockEmpSubscribe).not.toHaveBeenCalled();
            // Still not connected: nothing changes.
            connect.dispatchEvent(
                new CustomEvent('connectionchange', { detail: { ...SETTINGS.connection, connected: false } })
            );
            await settle();
            expect(mockSettings).toHaveBeenCalledTimes(1);
            expect($(element, 'c-webex-user-connect')).not.toBeNull();
            mockSettings.mockResolvedValue(SETTINGS);
            connect.dispatchEvent(new CustomEvent('connectionchange', { detail: SETTINGS.connection }));
            await settle();
            expect(numberInput(element)).not.toBeNull();
            expect(mockEmpSubscribe).toHaveBeenCalledTimes(1);
        });

        it('listens for calls on the rep channel and for Make a Call', async () => {
            const element = await mount();
            expect(mockEmpSubscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
            expect(mockLmsSubscribe).toHaveBeenCalledWith(CONTEXT, expect.anything(), expect.any(Function), {
                scope: APPLICATION_SCOPE
            });
            document.body.removeChild(element);
            await settle();
            expect(lmsUnsubscribe).toHaveBeenCalled();
            expect(empUnsubscribe).toHaveBeenCalled();
        });

        it('warns when calls cannot reach the tab', async () => {
            mockEmpSubscribe.mockRejectedValue(new Error('streaming off'));
            const element = await mount();
            expect(text(element, '[data-stream-problem]')).toBe('c.WebexDialer_StreamProblem');
            expect($(element, '[data-stream-problem]')?.getAttribute('role')).toBe('alert');
            await expect(element).toBeAccessible();
        });

        it('keeps trying to listen for calls and clears the warning once it does', async () => {
            jest.useFakeTimers();
            mockEmpSubscribe
                .mockRejectedValueOnce(new Error('400::The channel you requested to subscribe to does not exist'))
                .mockRejectedValueOnce(new Error('still missing'));
            const element = await mount();
            expect(text(element, '[data-stream-problem]')).toBe('c.WebexDialer_StreamProblem');

            await jest.advanceTimersByTimeAsync(1000);
            await settle();
            expect(mockEmpSubscribe).toHaveBeenCalledTimes(2);
            expect($(element, '[data-stream-problem]')).not.toBeNull();

            await jest.advanceTimersByTimeAsync(2000);
            await settle();
            expect(mockEmpSubscribe).toHaveBeenCalledTimes(3);
            expect($(element, '[data-stream-problem]')).toBeNull();
        });
    });

    describe("the rep's Webex account", () => {
        const accountLine = (element: Host) => child(element, 'c-webex-user-connect');

        it('shows who the rep is connected as above the number, and the card once they disconnect', async () => {
            const element = await mount();
            const line = accountLine(element) as Host;
            expect(text(line, '[data-account-line] [data-connected-as]')).toBe('Connected as Sam Rep');
            expect(text(line, '[data-account-line] [data-email]')).toBe('sam.rep@acme-webex.example');
            await expect(element).toBeAccessible();

            const disconnected = { ...SETTINGS.connection, connected: false, displayName: null, email: null };
            jest.mocked(disconnectConnection).mockResolvedValue(disconnected);
            await click($(line, 'lightning-button[data-action="disconnect"]'));
            await settle();
            expect(numberInput(element)).toBeNull();
            const card = accountLine(element) as Host;
            expect($(card, '[data-account-line]')).toBeNull();
            expect(text(card, '[data-success]')).toBe('c.WebexUserConnect_Disconnected');
            expect(mockSettings).toHaveBeenCalledTimes(1);
        });

        it('shows no account where calls go through the Webex app', async () => {
            const element = await mount({ ...SETTINGS, backend: 'UnifiedCM' });
            expect(numberInput(element)).not.toBeNull();
            expect(accountLine(element)).toBeNull();
        });
    });

    describe('dialling', () => {
        it('shows the number field, the keypad, Call and the Keypad/Recent switch', async () => {
            const element = await mount();
            expect(numberInput(element).value).toBe('');
            expect(callButton(element).disabled).toBe(true);
            expect(inDialer(element, 'c-webex-dial-pad')).not.toBeNull();
            expect(inDialer(element, 'lightning-radio-group.views')).not.toBeNull();
            await expect(element).toBeAccessible();
        });

        it('types from the keypad', async () => {
            const element = await mount();
            const pad = inDialer(element, 'c-webex-dial-pad') as Host;
            for (const key of ['4', '1', '5']) {
                (pad.shadowRoot.querySelector(`button[data-key="${key}"]`) as HTMLButtonElement).click();
            }
            await settle();
            expect(numberInput(element).value).toBe('415');
            expect(callButton(element).disabled).toBe(false);
        });

        it('searches as the rep types, and calls the number chosen', async () => {
            jest.useFakeTimers();
            mockSearch.mockResolvedValue([OLIVIA]);
            mockDial.mockRejectedValue(failure('DIAL_FAILED', 'Webex refused the call.'));
            const element = await mount();
            await type(element, 'Olivia');
            expect(inDialer(element, 'c-webex-dial-pad')).toBeNull();
            jest.advanceTimersByTime(200);
            await settle();
            expect(mockSearch).toHaveBeenCalledWith({ searchTerm: 'Olivia' });
            const results = inDialer(element, 'c-webex-dialer-results') as Host;
            (results.shadowRoot.querySelector('button.phone') as HTMLButtonElement).click();
            await settle();
            // One click calls: the result is named "Call Olivia Martin, …".
            expect(mockDial).toHaveBeenCalledWith({ destination: '+13122961607' });
            expect(inDialer(element, 'c-webex-dialer-results')).toBeNull();
            // The call did not start: the number and the person stay, to try again.
            expect(numberInput(element).value).toBe('(312) 296-1607');
            expect(dialerText(element, '[data-chosen]')).toBe('Calling Olivia Martin');
            // Changing the number forgets the person.
            await type(element, '(312) 296-1608');
            expect(inDialer(element, '[data-chosen]')).toBeNull();
        });

        it('does not search when People Search looks in nothing', async () => {
            jest.useFakeTimers();
            const element = await mount({ ...SETTINGS, searchObjects: [] });
            await type(element, 'Olivia');
            jest.advanceTimersByTime(500);
            expect(mockSearch).not.toHaveBeenCalled();
        });

        it('says why a number cannot be called, and keeps it', async () => {
            const element = await mount();
            await type(element, '12');
            await click(callButton(element));
            expect(text(numberInput(element), '[data-help-message]')).toBe('c.WebexDialer_ProblemTooShort');
            expect(numberInput(element).value).toBe('12');
            expect(mockDial).not.toHaveBeenCalled();
            await type(element, 'Olivia');
            expect($(numberInput(element), '[data-help-message]')).toBeNull();
            await click(callButton(element));
            expect(text(numberInput(element), '[data-help-message]')).toBe('c.WebexDialer_NumberIsName');
        });

        it('speaks of the + only when one was typed', async () => {
            const element = await mount();
            // 00 is the international prefix: 0000 is 00, then a calling code no country has.
            await type(element, '0000');
            await click(callButton(element));
            expect(text(numberInput(element), '[data-help-message]')).toBe(
                'No country uses the calling code after 00.'
            );
            await type(element, ' +0000');
            await click(callButton(element));
            expect(text(numberInput(element), '[data-help-message]')).toBe('c.WebexDialer_ProblemCountryCode');
            expect(mockDial).not.toHaveBeenCalled();
        });

        it('dials the number as E.164 with its extension, follows the call and keeps the log after hang-up', async () => {
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount();
            await type(element, '(312) 296-1607 ext. 415');
            await click(callButton(element));
            expect(mockDial).toHaveBeenCalledWith({ destination: '+13122961607;ext=415' });
            const card = child(element, 'c-webex-call-card') as Host;
            expect(text(card, 'h3')).toBe('(312) 296-1607 ext. 415');
            expect(text(card, '[data-status]')).toBe('c.WebexDialer_StateConnecting');
            expect($(element, '[data-call-log="call-out"]')).not.toBeNull();
            expect(numberInput(element)).toBeNull();

            await deliver(
                push({
                    callId: 'call-out',
                    personality: 'originator',
                    state: 'connected',
                    answered: new Date().toISOString()
                })
            );
            expect(text(card, '[data-status]')).toBe('c.WebexDialer_StateConnected');

            jest.mocked(hangupCall).mockResolvedValue();
            await click($(card, 'lightning-button[data-action="hangup"]'));
            expect(hangupCall).toHaveBeenCalledWith({ callId: 'call-out' });
            expect(text(card, '[data-status]')).toBe('c.WebexDialer_StateEnded');
            // The log stays until saved or closed; the card cannot be closed under it.
            expect($(card, 'lightning-button[data-action="done"]')).toBeNull();
            expect($(element, '[data-call-log="call-out"]')).not.toBeNull();
            expect(($(element, 'c-webex-call-log') as HTMLElement & { callEnded: boolean }).callEnded).toBe(true);
        });

        it('names the person chosen on the call card', async () => {
            jest.useFakeTimers();
            mockSearch.mockResolvedValue([OLIVIA]);
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount({ ...SETTINGS, outboundLog: { enabled: false, relatedObjects: [] } });
            await type(element, 'Oli');
            jest.advanceTimersByTime(200);
            await settle();
            const results = inDialer(element, 'c-webex-dialer-results') as Host;
            (results.shadowRoot.querySelector('button.phone') as HTMLButtonElement).click();
            await settle();
            const card = child(element, 'c-webex-call-card') as Host;
            expect(text(card, 'h3')).toBe('Olivia Martin');
            expect(text(card, '[data-number]')).toBe('(312) 296-1607');
            expect($(element, '[data-call-log]')).toBeNull();
            // Without a log, Done closes the ended call and empties the field.
            await deliver(push({ callId: 'call-out', personality: 'originator', state: 'disconnected' }));
            await click($(card, 'lightning-button[data-action="done"]'));
            expect(numberInput(element).value).toBe('');
            expect(inDialer(element, '[data-chosen]')).toBeNull();
        });

        it('dials on Enter', async () => {
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount();
            await type(element, '+1 312 296 1607');
            const row = inDialer(element, '.number-row') as HTMLElement;
            row.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
            row.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
            await settle();
            expect(mockDial).toHaveBeenCalledWith({ destination: '+13122961607' });
        });

        it('counts down while Webex rate-limits the dial, keeping the number, then dials', async () => {
            jest.useFakeTimers();
            mockDial
                .mockRejectedValueOnce(failure('RATE_LIMITED', 'Slow down.', 2))
                .mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount();
            await type(element, '3122961607');
            await click(callButton(element));
            expect(text(element, '[data-retrying]')).toBe('Calling again in 2 s (1 of 3)');
            jest.advanceTimersByTime(1000);
            await settle();
            expect(text(element, '[data-retrying]')).toBe('Calling again in 1 s (1 of 3)');
            jest.advanceTimersByTime(1000);
            await settle();
            expect($(element, '[data-retrying]')).toBeNull();
            expect(mockDial).toHaveBeenCalledTimes(2);
            expect(child(element, 'c-webex-call-card')).not.toBeNull();
        });

        it('says why the call did not start, and keeps the number', async () => {
            mockDial.mockRejectedValue(failure('WEBEX_UNAVAILABLE', 'Webex is unavailable.'));
            const element = await mount();
            await type(element, '3122961607');
            await click(callButton(element));
            expect(text(element, '[data-dial-error]')).toBe('c.WebexDialer_DialFailed Webex is unavailable.');
            expect(numberInput(element).value).toBe('3122961607');
            expect(child(element, 'c-webex-call-card')).toBeNull();
            await expect(element).toBeAccessible();
            await type(element, '31229616070');
            expect($(element, '[data-dial-error]')).toBeNull();
        });

        it('asks to reconnect when the Webex connection stopped working, and keeps the number', async () => {
            mockDial.mockRejectedValue(failure('NOT_CONNECTED', 'Reconnect your Webex account.'));
            const element = await mount();
            await type(element, '3122961607');
            await click(callButton(element));
            const connect = $(element, 'c-webex-user-connect') as HTMLElement;
            expect(connect).not.toBeNull();
            mockSettings.mockResolvedValue(SETTINGS);
            connect.dispatchEvent(new CustomEvent('connectionchange', { detail: SETTINGS.connection }));
            await settle();
            expect(numberInput(element).value).toBe('3122961607');
            // The pushes were already listened to: not twice.
            expect(mockEmpSubscribe).toHaveBeenCalledTimes(1);
        });

        it('follows an administrator who switched to Unified CM, keeping the number', async () => {
            mockDial.mockRejectedValue(failure('UNSUPPORTED_BACKEND', 'Calls go through the Webex app now.'));
            const element = await mount();
            await type(element, '3122961607');
            mockSettings.mockResolvedValue({ ...SETTINGS, backend: 'UnifiedCM' });
            await click(callButton(element));
            expect(text(element, '[data-dial-error]')).toBe(
                'c.WebexDialer_DialFailed Calls go through the Webex app now.'
            );
            expect(dialerText(element, '[data-app-note]')).toBe('Calls go through the Webex app (Unified CM).');
            expect(numberInput(element).value).toBe('3122961607');
        });

        it('holds and resumes, and says why an action failed', async () => {
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount();
            await type(element, '3122961607');
            await click(callButton(element));
            await deliver(
                push({
                    callId: 'call-out',
                    personality: 'originator',
                    state: 'connected',
                    answered: new Date().toISOString()
                })
            );
            const card = child(element, 'c-webex-call-card') as Host;
            jest.mocked(holdCall).mockResolvedValue();
            await click($(card, 'lightning-button[data-action="hold"]'));
            expect(text(card, '[data-status]')).toBe('c.WebexDialer_StateHeld');
            jest.mocked(resumeCall).mockRejectedValue(failure('WEBEX_UNAVAILABLE', 'Webex did not resume the call.'));
            await click($(card, 'lightning-button[data-action="resume"]'));
            expect(text(element, '[data-action-error]')).toBe('Webex did not resume the call.');
            expect(text(card, '[data-status]')).toBe('c.WebexDialer_StateHeld');
        });

        it('mutes and unmutes when the device can', async () => {
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            jest.mocked(muteCall).mockResolvedValue();
            jest.mocked(unmuteCall).mockResolvedValue();
            const element = await mount();
            await type(element, '3122961607');
            await click(callButton(element));
            await deliver(
                push({
                    callId: 'call-out',
                    personality: 'originator',
                    state: 'connected',
                    answered: new Date().toISOString(),
                    muteCapable: true
                })
            );
            const card = child(element, 'c-webex-call-card') as Host;
            await click($(card, 'lightning-button[data-action="mute"]'));
            expect(muteCall).toHaveBeenCalledWith({ callId: 'call-out' });
            expect(text(card, '[data-muted]')).toBe('c.WebexDialer_Muted');
            await click($(card, 'lightning-button[data-action="mute"]'));
            expect(unmuteCall).toHaveBeenCalledWith({ callId: 'call-out' });
            expect($(card, '[data-muted]')).toBeNull();
        });

        it('hands the call log what it needs, and goes back to the dialer once it is closed after the call', async () => {
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount();
            await type(element, '3122961607');
            await click(callButton(element));
            const log = $(element, 'c-webex-call-log') as HTMLElement & Record<string, unknown>;
            expect(log).toMatchObject({
                callId: 'call-out',
                direction: 'Outbound',
                phoneNumber: '(312) 296-1607',
                whoId: null,
                whoName: null,
                relatedObjects: SETTINGS.outboundLog.relatedObjects,
                durationSeconds: null,
                callEnded: false,
                backend: 'WebexCalling'
            });
            // Saved during the call: the panel stays for more notes.
            log.dispatchEvent(new CustomEvent('saved', { detail: { taskId: '00T1', created: true } }));
            await settle();
            expect($(element, 'c-webex-call-log')).not.toBeNull();
            await deliver(
                push({
                    callId: 'call-out',
                    personality: 'originator',
                    state: 'disconnected',
                    answered: '2025-03-04T10:00:00.000Z',
                    disconnected: '2025-03-04T10:01:30.000Z',
                    eventTimestamp: '2025-03-04T10:01:30.000Z'
                })
            );
            expect(log).toMatchObject({ durationSeconds: 90, callEnded: true });
            const summary = {
                taskId: '00T1',
                subject: 'Outbound call to (312) 296-1607',
                relatedName: 'Acme Robotics',
                disposition: 'Connected',
                duration: '1 min 30 s'
            };
            log.dispatchEvent(new CustomEvent('saved', { detail: { taskId: '00T1', created: false, summary } }));
            await settle();
            expect($(element, 'c-webex-call-log')).toBeNull();
            expect(child(element, 'c-webex-call-card')).toBeNull();
            expect(numberInput(element).value).toBe('');
            // What was saved is said, until dismissed.
            const saved = $(element, 'c-webex-call-log-saved') as HTMLElement & { summary: unknown };
            expect(saved.summary).toEqual(summary);
            saved.dispatchEvent(new CustomEvent('dismiss'));
            await settle();
            expect($(element, 'c-webex-call-log-saved')).toBeNull();
        });

        it('forgets what the last log saved once the next call starts', async () => {
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount({ ...SETTINGS, outboundLog: { enabled: true, relatedObjects: [] } });
            await type(element, '3122961607');
            await click(callButton(element));
            await deliver(push({ callId: 'call-out', personality: 'originator', state: 'disconnected' }));
            const summary = { taskId: '00T1', subject: 'Call', relatedName: null, disposition: null, duration: null };
            ($(element, 'c-webex-call-log') as HTMLElement).dispatchEvent(
                new CustomEvent('saved', { detail: { taskId: '00T1', created: true, summary } })
            );
            await settle();
            expect($(element, 'c-webex-call-log-saved')).not.toBeNull();
            await deliver(push({ callId: 'call-in-2' }));
            expect($(element, 'c-webex-call-log-saved')).toBeNull();
        });

        it('closes the log during a call without ending the call', async () => {
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount();
            await type(element, '3122961607');
            await click(callButton(element));
            ($(element, 'c-webex-call-log') as HTMLElement).dispatchEvent(new CustomEvent('close'));
            await settle();
            expect($(element, 'c-webex-call-log')).toBeNull();
            const card = child(element, 'c-webex-call-card') as Host;
            expect($(card, 'lightning-button[data-action="hangup"]')).not.toBeNull();
            await deliver(push({ callId: 'call-out', personality: 'originator', state: 'disconnected' }));
            expect($(card, 'lightning-button[data-action="done"]')).not.toBeNull();
        });
    });

    describe('Unified CM and BroadWorks', () => {
        it('hands the number to the Webex app, opens the log and says what Salesforce cannot do', async () => {
            const open = jest.spyOn(window, 'open').mockReturnValue(null);
            const element = await mount({
                ...SETTINGS,
                backend: 'UnifiedCM',
                connection: { ...SETTINGS.connection, connected: false }
            });
            expect(mockEmpSubscribe).not.toHaveBeenCalled();
            expect(inDialer(element, 'lightning-radio-group.views')).toBeNull();
            expect(dialerText(element, '[data-app-note]')).toBe('Calls go through the Webex app (Unified CM).');
            await type(element, '3122961607');
            await click(callButton(element));
            expect(open).toHaveBeenCalledWith('tel:+13122961607', '_self');
            expect(mockDial).not.toHaveBeenCalled();
            const card = child(element, 'c-webex-call-card') as Host;
            expect($(card, '[data-app-call]')).not.toBeNull();
            const log = $(element, 'c-webex-call-log') as HTMLElement & Record<string, unknown>;
            expect(log.callId).toMatch(/^app-/);
            expect(log.backend).toBe('UnifiedCM');
            // Closing the log ends what Salesforce knows of the call: the dialer comes back, emptied.
            log.dispatchEvent(new CustomEvent('close'));
            await settle();
            expect(child(element, 'c-webex-call-card')).toBeNull();
            expect(numberInput(element).value).toBe('');
            open.mockRestore();
        });

        it('names BroadWorks', async () => {
            const element = await mount({ ...SETTINGS, backend: 'BroadWorks' });
            expect(dialerText(element, '[data-app-note]')).toBe('Calls go through the Webex app (BroadWorks).');
        });
    });

    describe('incoming calls', () => {
        it('pops the one record with the caller number, and opens the log on answer', async () => {
            mockMatch.mockResolvedValue([OLIVIA]);
            const element = await mount();
            const attention = jest.fn();
            element.addEventListener('attention', attention);
            await deliver(push({ remoteName: 'O. Martin' }));
            expect(mockMatch).toHaveBeenCalledWith({ phoneNumber: '+13122961607' });
            expect(mockNavigate).toHaveBeenCalledWith({
                type: 'standard__recordPage',
                attributes: { recordId: OLIVIA.recordId, objectApiName: 'Contact', actionName: 'view' }
            });
            const banner = child(element, 'c-webex-incoming-call') as Host;
            expect(text(banner, 'h3')).toBe('O. Martin');
            expect(attention).toHaveBeenCalledTimes(1);
            expect(text(banner, '[data-opened]')).toBe('c.WebexDialer_Opened');
            expect(numberInput(element)).toBeNull();
            await expect(element).toBeAccessible();

            jest.mocked(answerCall).mockResolvedValue();
            await click($(banner, 'lightning-button[data-action="answer"]'));
            expect(answerCall).toHaveBeenCalledWith({ callId: 'call-in' });
            expect(child(element, 'c-webex-incoming-call')).toBeNull();
            const card = child(element, 'c-webex-call-card') as Host;
            expect(text(card, 'h3')).toBe('Olivia Martin');
            expect($(element, 'c-webex-call-log')).toMatchObject({
                callId: 'call-in',
                direction: 'Inbound',
                whoId: OLIVIA.recordId,
                whoName: 'Olivia Martin',
                relatedObjects: SETTINGS.inboundLog.relatedObjects
            });
        });

        it("keeps the open log of the last call when the next one is answered, and opens the next one's after", async () => {
            mockMatch.mockResolvedValue([OLIVIA]);
            jest.mocked(answerCall).mockResolvedValue();
            const element = await mount();
            await deliver(push({}));
            await click($(child(element, 'c-webex-incoming-call') as Host, 'lightning-button[data-action="answer"]'));
            await deliver(push({ state: 'disconnected', eventTimestamp: '2025-03-04T10:05:00.000Z' }));
            // Sam is still writing the first call's notes when the next call comes in.
            await deliver(
                push({ callId: 'call-2', remoteNumber: '+33143775092', eventTimestamp: '2025-03-04T10:06:00.000Z' })
            );
            await click($(child(element, 'c-webex-incoming-call') as Host, 'lightning-button[data-action="answer"]'));
            const log = () => $(element, 'c-webex-call-log') as HTMLElement & { callId: string; callEnded: boolean };
            expect(log().callId).toBe('call-in');
            await deliver(
                push({ callId: 'call-2', state: 'disconnected', eventTimestamp: '2025-03-04T10:07:00.000Z' })
            );
            log().dispatchEvent(new CustomEvent('saved', { detail: { taskId: '00T1', created: true } }));
            await settle();
            expect(log()).toMatchObject({ callId: 'call-2', callEnded: true });
            log().dispatchEvent(new CustomEvent('close'));
            await settle();
            expect($(element, 'c-webex-call-log')).toBeNull();
            expect(numberInput(element)).not.toBeNull();
        });

        it('lets the rep choose among several records, even after answering', async () => {
            mockMatch.mockResolvedValue([OLIVIA, OLIVIA_LEAD]);
            const element = await mount();
            await deliver(push({}));
            expect(mockNavigate).not.toHaveBeenCalled();
            jest.mocked(answerCall).mockResolvedValue();
            await click($(child(element, 'c-webex-incoming-call') as Host, 'lightning-button[data-action="answer"]'));
            const choice = child(element, 'c-webex-incoming-call') as Host;
            expect(choice).not.toBeNull();
            (choice.shadowRoot.querySelectorAll('button.choice')[1] as HTMLButtonElement).click();
            await settle();
            expect(mockNavigate).toHaveBeenCalledWith(
                expect.objectContaining({ attributes: expect.objectContaining({ recordId: OLIVIA_LEAD.recordId }) })
            );
            expect(child(element, 'c-webex-incoming-call')).toBeNull();
            expect(($(element, 'c-webex-call-log') as HTMLElement & { whoId: string }).whoId).toBe(
                OLIVIA_LEAD.recordId
            );
        });

        it('offers New Contact and New Lead with the number filled in when nobody matches', async () => {
            mockMatch.mockResolvedValue([]);
            jest.mocked(encodeDefaultFieldValues).mockReturnValue('Phone=%2B13122961607');
            const element = await mount();
            await deliver(push({}));
            const banner = child(element, 'c-webex-incoming-call') as Host;
            await click($(banner, 'lightning-button[data-object="Lead"]'));
            expect(encodeDefaultFieldValues).toHaveBeenCalledWith({ Phone: '+13122961607' });
            expect(mockNavigate).toHaveBeenCalledWith({
                type: 'standard__objectPage',
                attributes: { objectApiName: 'Lead', actionName: 'new' },
                state: { defaultFieldValues: 'Phone=%2B13122961607' }
            });
        });

        it('shows a caller with a withheld number without looking anyone up', async () => {
            const element = await mount();
            await deliver(push({ remoteNumber: null }));
            expect(mockMatch).not.toHaveBeenCalled();
            const banner = child(element, 'c-webex-incoming-call') as Host;
            expect(text(banner, 'h3')).toBe('c.WebexDialer_UnknownCaller');
        });

        it('says why the caller could not be looked up', async () => {
            mockMatch.mockRejectedValue(failure('UNEXPECTED', 'Search failed.'));
            const element = await mount();
            await deliver(push({}));
            expect(text(child(element, 'c-webex-incoming-call') as Host, '[data-match-error]')).toBe(
                'c.WebexDialer_MatchFailed Search failed.'
            );
        });

        it('declines, and the dialer comes back', async () => {
            mockMatch.mockResolvedValue([]);
            jest.mocked(rejectCall).mockResolvedValue();
            const element = await mount();
            await deliver(push({}));
            await click($(child(element, 'c-webex-incoming-call') as Host, 'lightning-button[data-action="decline"]'));
            expect(rejectCall).toHaveBeenCalledWith({ callId: 'call-in' });
            expect(child(element, 'c-webex-incoming-call')).toBeNull();
            expect(numberInput(element)).not.toBeNull();
        });

        it('says a call was missed, until dismissed', async () => {
            mockMatch.mockResolvedValue([]);
            const element = await mount();
            await deliver(push({}));
            await deliver(push({ state: 'disconnected', eventTimestamp: '2025-03-04T10:00:30.000Z' }));
            const card = child(element, 'c-webex-call-card') as Host;
            expect(text(card, '[data-status]')).toBe('c.WebexDialer_StateMissed');
            await click($(card, 'lightning-button[data-action="done"]'));
            expect(child(element, 'c-webex-call-card')).toBeNull();
            expect(numberInput(element)).not.toBeNull();
        });

        it('ignores a match that comes after the call changed', async () => {
            let answerMatch: (matches: WebexPersonMatch[]) => void = () => undefined;
            mockMatch.mockReturnValue(new Promise((resolve) => (answerMatch = resolve)));
            jest.mocked(rejectCall).mockResolvedValue();
            const element = await mount();
            await deliver(push({}));
            await click($(child(element, 'c-webex-incoming-call') as Host, 'lightning-button[data-action="decline"]'));
            answerMatch([OLIVIA]);
            await settle();
            expect(mockNavigate).not.toHaveBeenCalled();
        });
    });

    describe('Recent', () => {
        it('lists recent calls and calls back', async () => {
            jest.mocked(getCallHistory).mockResolvedValue([
                {
                    type: 'missed',
                    name: 'Olivia Martin',
                    number: '+13122961607',
                    privacyEnabled: false,
                    time: '2025-03-04T08:00:00Z'
                }
            ]);
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount();
            (inDialer(element, 'lightning-radio-group.views') as HTMLElement).dispatchEvent(
                new CustomEvent('change', { detail: { value: 'recent' } })
            );
            await settle();
            const history = inDialer(element, 'c-webex-call-history-list') as Host;
            expect(numberInput(element)).toBeNull();
            await expect(element).toBeAccessible();
            (history.shadowRoot.querySelector('button.call-back') as HTMLButtonElement).click();
            await settle();
            expect(mockDial).toHaveBeenCalledWith({ destination: '+13122961607' });
        });
    });

    describe('Make a Call', () => {
        const request = {
            type: 'dial',
            requestId: 'req-1',
            number: '(312) 296-1607',
            recordId: OLIVIA.recordId,
            objectApiName: 'Contact',
            recordName: 'Olivia Martin'
        };

        it('acknowledges the request, fills the number and the record, and dials', async () => {
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            const element = await mount();
            const attention = jest.fn();
            element.addEventListener('attention', attention);
            lmsListener(request);
            await settle();
            expect(attention).toHaveBeenCalled();
            expect(publish).toHaveBeenCalledWith(CONTEXT, expect.anything(), {
                type: 'dialAccepted',
                requestId: 'req-1'
            });
            expect(mockDial).toHaveBeenCalledWith({ destination: '+13122961607' });
            expect(text(child(element, 'c-webex-call-card') as Host, 'h3')).toBe('Olivia Martin');
        });

        it('ignores other messages', async () => {
            await mount();
            lmsListener({ type: 'dialAccepted', requestId: 'req-1' });
            lmsListener(null);
            await settle();
            expect(publish).not.toHaveBeenCalled();
        });

        it('dials once the dialer is ready', async () => {
            let ready: (settings: WebexDialerSettings) => void = () => undefined;
            mockDial.mockResolvedValue({ callId: 'call-out', callSessionId: null });
            mockSettings.mockReturnValue(new Promise((resolve) => (ready = resolve)));
            await attach();
            lmsListener({ ...request, recordId: null, recordName: null });
            await settle();
            expect(publish).toHaveBeenCalled();
            expect(mockDial).not.toHaveBeenCalled();
            ready(SETTINGS);
            await settle();
            expect(mockDial).toHaveBeenCalledWith({ destination: '+13122961607' });
        });

        it('says the current call comes first', async () => {
            mockMatch.mockResolvedValue([]);
            const element = await mount();
            await deliver(push({}));
            lmsListener(request);
            await settle();
            expect(text(element, '[data-dial-error]')).toBe('c.WebexDialer_DialFailed c.WebexDialer_Busy');
            expect(mockDial).not.toHaveBeenCalled();
        });
    });
});
