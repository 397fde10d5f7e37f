import { createElement } from 'lwc';
import WebexCallCard, { formatDuration, statusLabel } from 'c/webexCallCard';
import { INITIAL_CALL_STATE, type CallState } from 'c/webexCallState';

jest.mock('@salesforce/label/c.WebexDialer_Duration', () => ({ default: 'Duration {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_AppCall', () => ({ default: 'The Webex app is placing the call ({0}).' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexDialer_BackendUnifiedCM', () => ({ default: 'Unified CM' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_BackendBroadWorks', () => ({ default: 'BroadWorks' }), { virtual: true });

type ButtonStub = HTMLElement & { label: string; disabled: boolean };
type Host = HTMLElement & {
    shadowRoot: ShadowRoot;
    state: CallState | null;
    who: string | null;
    number: string | null;
    backend: WebexCallingBackend;
    dismissible: boolean;
};

const NOW = Date.parse('2025-03-04T10:05:00.000Z');

function call(fields: Partial<CallState>): CallState {
    return {
        ...INITIAL_CALL_STATE,
        status: 'connected',
        callId: 'call-1',
        direction: 'outbound',
        personality: 'originator',
        answeredAt: '2025-03-04T10:03:55.000Z',
        ...fields
    };
}

async function mount(props: Partial<Host>): Promise<Host> {
    const element = createElement('c-webex-call-card', { is: WebexCallCard }) as Host;
    Object.assign(element, props);
    document.body.appendChild(element);
    await Promise.resolve();
    return element;
}

const $ = (element: Host, selector: string) => element.shadowRoot.querySelector(selector);
const text = (element: Host, selector: string) => ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
const button = (element: Host, action: string) =>
    $(element, `lightning-button[data-action="${action}"]`) as ButtonStub | null;

describe('c-webex-call-card', () => {
    beforeEach(() => {
        jest.useFakeTimers();
        jest.setSystemTime(NOW);
    });
    afterEach(() => {
        while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
        jest.useRealTimers();
    });

    it('formats a duration as m:ss, or h:mm:ss from an hour on', () => {
        expect(formatDuration(0)).toBe('0:00');
        expect(formatDuration(65)).toBe('1:05');
        expect(formatDuration(3725.4)).toBe('1:02:05');
        expect(formatDuration(null)).toBe('');
        expect(formatDuration(undefined)).toBe('');
        expect(formatDuration(-1)).toBe('');
        expect(formatDuration(Number.NaN)).toBe('');
    });

    it('names each state', () => {
        expect(statusLabel(null)).toBe('');
        expect(statusLabel(call({ status: 'idle' }))).toBe('');
        expect(statusLabel(call({ status: 'dialing' }))).toBe('c.WebexDialer_StateConnecting');
        expect(statusLabel(call({ status: 'alerting' }))).toBe('c.WebexDialer_StateRinging');
        expect(statusLabel(call({ status: 'alerting', personality: 'clickToDial' }))).toBe(
            'c.WebexDialer_StateAlertingOwn'
        );
        expect(statusLabel(call({ status: 'remoteHeld' }))).toBe('c.WebexDialer_StateRemoteHeld');
        for (const [reason, label] of [
            ['completed', 'StateEnded'],
            ['missed', 'StateMissed'],
            ['unanswered', 'StateUnanswered'],
            ['answeredElsewhere', 'StateAnsweredElsewhere'],
            ['failed', 'StateFailed'],
            [null, 'StateEnded']
        ] as const) {
            expect(statusLabel(call({ status: 'disconnected', endReason: reason }))).toBe(`c.WebexDialer_${label}`);
        }
        expect(statusLabel(call({ status: 'disconnected', endReason: 'other' as never }))).toBe(
            'c.WebexDialer_StateEnded'
        );
    });

    it('shows who is called, the state, and Hang up while the call is placed', async () => {
        const element = await mount({
            state: call({ status: 'connecting', answeredAt: null }),
            who: 'Olivia Martin',
            number: '(312) 296-1607'
        });
        expect(text(element, 'h3')).toBe('Olivia Martin');
        expect(text(element, '[data-number]')).toBe('(312) 296-1607');
        expect(text(element, '[data-status]')).toBe('c.WebexDialer_StateConnecting');
        expect($(element, '[data-duration]')).toBeNull();
        expect(button(element, 'hangup')?.disabled).toBe(false);
        expect(button(element, 'hold')).toBeNull();
        expect(button(element, 'mute')).toBeNull();
        // sa11y needs the real clock.
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('shows the number alone when nobody is matched, and no Hang up before Webex names the call', async () => {
        const element = await mount({ state: call({ status: 'dialing', callId: null }), number: '(312) 296-1607' });
        expect(text(element, 'h3')).toBe('(312) 296-1607');
        expect($(element, '[data-number]')).toBeNull();
        expect(button(element, 'hangup')?.disabled).toBe(true);
    });

    it('counts the talk time every second while connected, and offers Hold', async () => {
        const element = await mount({ state: call({}), who: 'Olivia Martin' });
        expect(text(element, '[data-duration]')).toBe('1:05');
        expect($(element, '[data-duration]')?.getAttribute('aria-label')).toBe('Duration 1:05');
        // A timer takes a name: on a plain <p> the browser would ignore the aria-label.
        expect($(element, '[data-duration]')?.getAttribute('role')).toBe('timer');
        jest.advanceTimersByTime(2000);
        await Promise.resolve();
        expect(text(element, '[data-duration]')).toBe('1:07');
        expect(text(element, '[data-status]')).toBe('c.WebexDialer_StateConnected');
        expect(button(element, 'hold')?.disabled).toBe(false);
        expect(button(element, 'resume')).toBeNull();
    });

    it('keeps a pending action disabled in place, and offers Resume once held', async () => {
        const element = await mount({ state: call({ pending: 'hold' }) });
        expect(button(element, 'hold')?.disabled).toBe(true);
        element.state = call({ status: 'held' });
        await Promise.resolve();
        expect(button(element, 'hold')).toBeNull();
        expect(button(element, 'resume')?.disabled).toBe(false);
        expect(text(element, '[data-status]')).toBe('c.WebexDialer_StateHeld');
    });

    it('offers Mute only when the device can mute, then Unmute', async () => {
        const element = await mount({ state: call({ muteCapable: true }) });
        expect(button(element, 'mute')?.label).toBe('c.WebexDialer_Mute');
        const fired: string[] = [];
        for (const name of ['mute', 'unmute', 'hold', 'resume', 'hangup', 'dismiss'])
            element.addEventListener(name, () => fired.push(name));
        button(element, 'mute')?.dispatchEvent(new CustomEvent('click'));
        element.state = call({ muteCapable: true, muted: true });
        await Promise.resolve();
        expect(button(element, 'mute')?.label).toBe('c.WebexDialer_Unmute');
        expect(text(element, '[data-muted]')).toBe('c.WebexDialer_Muted');
        button(element, 'mute')?.dispatchEvent(new CustomEvent('click'));
        button(element, 'hold')?.dispatchEvent(new CustomEvent('click'));
        button(element, 'hangup')?.dispatchEvent(new CustomEvent('click'));
        element.state = call({ status: 'held' });
        await Promise.resolve();
        button(element, 'resume')?.dispatchEvent(new CustomEvent('click'));
        expect(fired).toEqual(['mute', 'unmute', 'hold', 'hangup', 'resume']);
        element.state = call({ status: 'held', muteCapable: true, muted: true, pending: 'unmute' });
        await Promise.resolve();
        expect(button(element, 'mute')?.disabled).toBe(true);
    });

    it('shows how an ended call went and its duration; Done closes it when no call log is open', async () => {
        const ended = call({
            status: 'disconnected',
            endReason: 'completed',
            durationSeconds: 125,
            disconnectedAt: '2025-03-04T10:06:00.000Z'
        });
        const element = await mount({ state: ended, who: 'Olivia Martin', dismissible: false });
        expect(text(element, '[data-status]')).toBe('c.WebexDialer_StateEnded');
        expect(text(element, '[data-duration]')).toBe('2:05');
        expect(button(element, 'hangup')).toBeNull();
        expect(button(element, 'done')).toBeNull();
        element.dismissible = true;
        await Promise.resolve();
        const dismissed = jest.fn();
        element.addEventListener('dismiss', dismissed);
        button(element, 'done')?.dispatchEvent(new CustomEvent('click'));
        expect(dismissed).toHaveBeenCalled();
        // sa11y needs the real clock.
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('on Unified CM, says the Webex app places the call and what Salesforce cannot do', async () => {
        const element = await mount({
            state: { ...INITIAL_CALL_STATE },
            backend: 'UnifiedCM',
            number: '(312) 296-1607',
            dismissible: true
        });
        expect(text(element, '[data-app-call]')).toBe('The Webex app is placing the call (Unified CM).');
        expect([...element.shadowRoot.querySelectorAll('[data-app-limits] li')].map((li) => li.textContent)).toEqual([
            'c.WebexDialer_AppLimitInbound',
            'c.WebexDialer_AppLimitDuration',
            'c.WebexDialer_AppLimitHangUp'
        ]);
        expect($(element, '[data-status]')).toBeNull();
        expect(button(element, 'hangup')).toBeNull();
        expect(button(element, 'done')).not.toBeNull();
        element.backend = 'BroadWorks';
        await Promise.resolve();
        expect(text(element, '[data-app-call]')).toBe('The Webex app is placing the call (BroadWorks).');
        // sa11y needs the real clock.
        jest.useRealTimers();
        await expect(element).toBeAccessible();
    });

    it('stops its clock when it leaves the page', async () => {
        const element = await mount({ state: call({}) });
        document.body.removeChild(element);
        expect(jest.getTimerCount()).toBe(0);
    });
});
