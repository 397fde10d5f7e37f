import { subscribe, unsubscribe, onError } from 'lightning/empApi';
import answerCall from '@salesforce/apex/WebexCallController.answer';
import dialCall from '@salesforce/apex/WebexCallController.dial';
import hangupCall from '@salesforce/apex/WebexCallController.hangup';
import holdCall from '@salesforce/apex/WebexCallController.hold';
import muteCall from '@salesforce/apex/WebexCallController.mute';
import rejectCall from '@salesforce/apex/WebexCallController.reject';
import resumeCall from '@salesforce/apex/WebexCallController.resume';
import unmuteCall from '@salesforce/apex/WebexCallController.unmute';
import { CallSession, parseCallEvent } from 'c/webexCallSession';
import { CallClaims, type ClaimChannel } from 'c/webexCallClaim';
import type { CallState } from 'c/webexCallState';

jest.mock('@salesforce/apex/WebexCallController.answer', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.dial', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.hangup', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.hold', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.mute', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.reject', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.resume', () => ({ default: jest.fn() }), { virtual: true });
jest.mock('@salesforce/apex/WebexCallController.unmute', () => ({ default: jest.fn() }), { virtual: true });

const mockSubscribe = jest.mocked(subscribe);
const mockUnsubscribe = jest.mocked(unsubscribe);
const mockOnError = jest.mocked(onError);
const mockDial = jest.mocked(dialCall);

const CHANNEL = '/u/WebexCallEvents';
const NOW = Date.parse('2025-03-04T10:00:00.000Z');
const rateLimited = {
    status: 500,
    body: { message: JSON.stringify({ code: 'RATE_LIMITED', message: 'Webex asks to wait.', retryAfterSeconds: 2 }) }
};
const refused = {
    status: 500,
    body: { message: JSON.stringify({ code: 'WEBEX_UNAVAILABLE', message: 'Webex is down.' }) }
};

function push(fields: Partial<WebexCallEventPayload>): string {
    return JSON.stringify({
        callId: 'call-1',
        callSessionId: 'session-1',
        state: 'alerting',
        personality: 'terminator',
        remoteNumber: '+13122961607',
        remoteName: 'Olivia Martin',
        created: '2025-03-04T10:00:00.000Z',
        answered: null,
        disconnected: null,
        eventTimestamp: '2025-03-04T10:00:00.000Z',
        ...fields
    });
}

async function flush(): Promise<void> {
    // Microtask turns one after the other: enough for an answer, the awaits after it and the re-render.
    await Array.from({ length: 12 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

/** A session subscribed to the channel; `deliver` is what empApi calls with each push. */
async function connected(options: { claims?: CallClaims } = {}) {
    let deliver: (payload: unknown) => void = () => undefined;
    mockSubscribe.mockImplementation(async (channel, replayId, onMessage) => {
        deliver = (payload) =>
            onMessage({ channel, data: { event: { replayId: 1, createdDate: '' }, payload } } as never);
        return { id: 'sub-1', channel, replayId };
    });
    const session = new CallSession({
        claims: options.claims ?? new CallClaims({ channel: null }),
        now: () => NOW,
        sleep: () => Promise.resolve()
    });
    const states: CallState[] = [];
    session.onChange((state) => states.push(state));
    await session.connect(CHANNEL);
    return {
        session,
        states,
        deliver: async (payload: unknown) => {
            deliver(payload);
            await flush();
        }
    };
}

describe('c/webexCallSession', () => {
    beforeEach(() => {
        mockUnsubscribe.mockResolvedValue({});
    });
    afterEach(() => {
        jest.resetAllMocks();
    });

    describe('parseCallEvent', () => {
        it('reads the pushed JSON text, or the object itself', () => {
            const expected = {
                callId: 'call-1',
                callSessionId: 'session-1',
                personality: 'terminator',
                state: 'alerting',
                remoteParty: { number: '+13122961607', name: 'Olivia Martin' },
                created: '2025-03-04T10:00:00.000Z',
                answered: null,
                disconnected: null,
                eventTimestamp: '2025-03-04T10:00:00.000Z',
                muteCapable: null
            };
            expect(parseCallEvent(push({}))).toEqual(expected);
            expect(parseCallEvent(push({ muteCapable: true }))?.muteCapable).toBe(true);
            expect(parseCallEvent(JSON.parse(push({})))).toEqual(expected);
        });

        it('keeps no remote party when Webex gives neither name nor number, and drops an unknown personality', () => {
            const data = parseCallEvent(push({ remoteNumber: null, remoteName: '', personality: 'robot' as never }));
            expect(data?.remoteParty).toBeNull();
            expect(data?.personality).toBeNull();
        });

        it.each([
            ['not JSON', '{nope'],
            ['not an object', '42'],
            ['nothing', null],
            ['no call id', push({ callId: '' })],
            ['a state the package never pushes', push({ state: 'held' as never })]
        ])('ignores %s', (_what, payload) => {
            expect(parseCallEvent(payload)).toBeNull();
        });
    });

    it('subscribes to the newest events of the user channel, and unsubscribes when closed', async () => {
        const { session } = await connected();
        expect(mockSubscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
        expect(session.hasStreamProblem).toBe(false);
        await session.close();
        expect(mockUnsubscribe).toHaveBeenCalledWith({ id: 'sub-1', channel: CHANNEL, replayId: -1 });
        await session.close();
        expect(mockUnsubscribe).toHaveBeenCalledTimes(1);
    });

    it('shows an incoming call, then its answer and its end, with the talk time', async () => {
        const { session, deliver } = await connected();
        await deliver(push({}));
        expect(session.state).toMatchObject({ status: 'alerting', direction: 'inbound', callId: 'call-1' });
        expect(session.state.remoteParty).toEqual({ number: '+13122961607', name: 'Olivia Martin' });
        expect(session.capabilities.canAnswer).toBe(true);

        jest.mocked(answerCall).mockResolvedValue();
        await expect(session.answer()).resolves.toBe(true);
        expect(answerCall).toHaveBeenCalledWith({ callId: 'call-1' });
        expect(session.state.status).toBe('connected');

        // Webex's own times win over the dialer's.
        await deliver(
            push({
                state: 'connected',
                answered: '2025-03-04T10:00:05.000Z',
                eventTimestamp: '2025-03-04T10:00:05.000Z'
            })
        );
        await deliver(
            push({
                state: 'disconnected',
                answered: '2025-03-04T10:00:05.000Z',
                disconnected: '2025-03-04T10:02:10.000Z',
                eventTimestamp: '2025-03-04T10:02:10.000Z'
            })
        );
        expect(session.state).toMatchObject({ status: 'disconnected', durationSeconds: 125, endReason: 'completed' });
        session.dismiss();
        expect(session.state.status).toBe('idle');
    });

    it('declines a ringing call and forgets it', async () => {
        const { session, deliver, states } = await connected();
        await deliver(push({}));
        jest.mocked(rejectCall).mockResolvedValue();
        await expect(session.decline()).resolves.toBe(true);
        expect(rejectCall).toHaveBeenCalledWith({ callId: 'call-1' });
        expect(states.map((s) => s.status)).toEqual(['alerting', 'alerting', 'disconnected', 'idle']);
    });

    it('stays quiet about a call another tab claimed first', async () => {
        const channel: ClaimChannel = { postMessage: jest.fn(), onmessage: null, close: jest.fn() };
        const claims = new CallClaims({ channel, tabId: 'b', now: () => NOW, wait: () => Promise.resolve() });
        const { session, deliver } = await connected({ claims });
        channel.onmessage?.({ data: { type: 'claim', key: 'call-1', tabId: 'a', at: NOW - 10 } } as MessageEvent);
        await deliver(push({}));
        expect(session.state.status).toBe('idle');

        // Another tab's claim arriving within the window wins too.
        (channel.postMessage as jest.Mock).mockImplementation(() =>
            channel.onmessage?.({ data: { type: 'claim', key: 'call-2', tabId: 'a', at: NOW - 1 } } as MessageEvent)
        );
        await deliver(push({ callId: 'call-2' }));
        expect(session.state.status).toBe('idle');
    });

    it('claims no other call while busy with one, and ignores the end of a call it never showed', async () => {
        const { session, deliver } = await connected();
        await deliver(push({ callId: 'call-9', state: 'disconnected' }));
        expect(session.state.status).toBe('idle');
        await deliver(push({}));
        await deliver(push({ callId: 'call-2', remoteNumber: '+33143775092' }));
        expect(session.state.callId).toBe('call-1');
        await deliver('garbage');
        expect(session.state.callId).toBe('call-1');
    });

    it('dials, shows the call placed, connected when the far end answers, and hangs up with the duration', async () => {
        const { session, deliver, states } = await connected();
        mockDial.mockResolvedValue({ callId: 'call-7', callSessionId: 'session-7' });
        const dialled = session.dial('+13122961607');
        expect(session.state.status).toBe('dialing');
        await expect(dialled).resolves.toEqual({ callId: 'call-7', callSessionId: 'session-7' });
        expect(mockDial).toHaveBeenCalledWith({ destination: '+13122961607' });
        expect(session.state).toMatchObject({ status: 'connecting', callId: 'call-7', direction: 'outbound' });
        expect(session.capabilities.canHangUp).toBe(true);

        await deliver(
            push({
                callId: 'call-7',
                personality: 'originator',
                state: 'connected',
                answered: '2025-03-04T09:59:00.000Z',
                eventTimestamp: '2025-03-04T09:59:00.000Z'
            })
        );
        expect(session.state.status).toBe('connected');
        jest.mocked(hangupCall).mockResolvedValue();
        await expect(session.hangUp()).resolves.toBe(true);
        expect(hangupCall).toHaveBeenCalledWith({ callId: 'call-7' });
        expect(session.state).toMatchObject({ status: 'disconnected', durationSeconds: 60 });
        expect(states[0].status).toBe('dialing');
    });

    it("shows its own call when Webex's push comes before the answer to the dial", async () => {
        const { session, deliver } = await connected();
        let answerDial: (result: WebexDialResult) => void = () => undefined;
        mockDial.mockReturnValue(new Promise((resolve) => (answerDial = resolve)));
        const dialled = session.dial('+13122961607');
        await flush();
        await deliver(
            push({ callId: 'call-7', personality: 'originator', state: 'connected', answered: '2025-03-04T10:00:01Z' })
        );
        expect(session.state).toMatchObject({ status: 'connected', callId: 'call-7' });
        answerDial({ callId: 'call-7', callSessionId: null });
        await dialled;
        expect(session.state.status).toBe('connected');
    });

    it('retries a rate-limited dial, counting down, then dials', async () => {
        const { session } = await connected();
        mockDial.mockRejectedValueOnce(rateLimited).mockResolvedValue({ callId: 'call-7', callSessionId: null });
        const waits: unknown[] = [];
        await session.dial('+13122961607', { onWait: (wait) => waits.push(wait) });
        expect(mockDial).toHaveBeenCalledTimes(2);
        expect(waits).toEqual([
            { secondsLeft: 2, attempt: 1, maxAttempts: 3 },
            { secondsLeft: 1, attempt: 1, maxAttempts: 3 },
            null
        ]);
        expect(session.state.callId).toBe('call-7');
    });

    it('goes back to idle when Webex refuses the dial, and passes the refusal on', async () => {
        const { session } = await connected();
        mockDial.mockRejectedValue(refused);
        await expect(session.dial('+13122961607')).rejects.toBe(refused);
        expect(session.state.status).toBe('idle');
        expect(session.capabilities.canDial).toBe(true);
    });

    it('dials nothing while a call is in progress, or an empty number', async () => {
        const { session, deliver } = await connected();
        await expect(session.dial('  ')).resolves.toBeNull();
        await deliver(push({}));
        await expect(session.dial('+13122961607')).resolves.toBeNull();
        expect(mockDial).not.toHaveBeenCalled();
    });

    it('holds, resumes, mutes and unmutes once Webex accepted each', async () => {
        const { session, deliver } = await connected();
        await deliver(push({ state: 'connected', answered: '2025-03-04T10:00:00.000Z' }));
        for (const fn of [holdCall, resumeCall, muteCall, unmuteCall]) jest.mocked(fn).mockResolvedValue();
        // The pushes do not say whether the device can mute: once held, the session knows what Webex accepted.
        await expect(session.mute()).resolves.toBe(false);
        await session.hold();
        expect(holdCall).toHaveBeenCalledWith({ callId: 'call-1' });
        expect(session.state.status).toBe('held');
        await session.resume();
        expect(session.state.status).toBe('connected');
    });

    it('mutes and unmutes a call whose device can mute, as the push says', async () => {
        const { session, deliver } = await connected();
        mockDial.mockResolvedValue({ callId: 'call-7', callSessionId: null });
        await session.dial('+13122961607');
        await deliver(
            push({
                callId: 'call-7',
                personality: 'originator',
                state: 'connected',
                answered: '2025-03-04T10:00:00.000Z',
                muteCapable: true
            })
        );
        jest.mocked(muteCall).mockResolvedValue();
        jest.mocked(unmuteCall).mockResolvedValue();
        await session.mute();
        expect(muteCall).toHaveBeenCalledWith({ callId: 'call-7' });
        expect(session.state.muted).toBe(true);
        expect(session.capabilities.canUnmute).toBe(true);
        await session.unmute();
        expect(session.state.muted).toBe(false);
    });

    it('runs the control a button names, and nothing for another name', async () => {
        const { session, deliver } = await connected();
        await deliver(push({ state: 'connected', answered: '2025-03-04T10:00:00.000Z' }));
        jest.mocked(holdCall).mockResolvedValue();
        jest.mocked(hangupCall).mockResolvedValue();
        await expect(session.perform('hold')).resolves.toBe(true);
        expect(session.state.status).toBe('held');
        await expect(session.perform('transfer')).resolves.toBe(false);
        await expect(session.perform('hangup')).resolves.toBe(true);
        expect(hangupCall).toHaveBeenCalledWith({ callId: 'call-1' });
        expect(session.state.status).toBe('disconnected');
    });

    it('offers an action again when Webex refuses it, and passes the refusal on', async () => {
        const { session, deliver } = await connected();
        await deliver(push({ state: 'connected', answered: '2025-03-04T10:00:00.000Z' }));
        jest.mocked(holdCall).mockRejectedValue(refused);
        await expect(session.hold()).rejects.toBe(refused);
        expect(session.state).toMatchObject({ status: 'connected', pending: null });
        expect(session.capabilities.canHold).toBe(true);
    });

    it('does nothing for an action without a call', async () => {
        const session = new CallSession({ claims: new CallClaims({ channel: null }) });
        await expect(session.hangUp()).resolves.toBe(false);
        await expect(session.decline()).resolves.toBe(false);
        expect(hangupCall).not.toHaveBeenCalled();
        session.dismiss();
        expect(session.state.status).toBe('idle');
        await session.close();
    });

    it('says when the push channel cannot be reached, and when it fails later', async () => {
        const problems: boolean[] = [];
        mockSubscribe.mockRejectedValueOnce(new Error('no streaming'));
        const session = new CallSession({ claims: new CallClaims({ channel: null }) });
        session.onStreamProblem((problem) => problems.push(problem));
        jest.useFakeTimers();
        await session.connect(CHANNEL);
        expect(session.hasStreamProblem).toBe(true);
        mockSubscribe.mockResolvedValue({ id: 'sub-2', channel: CHANNEL, replayId: -1 });
        await jest.advanceTimersByTimeAsync(1000);
        jest.useRealTimers();
        expect(session.hasStreamProblem).toBe(false);
        const handler = mockOnError.mock.calls[0][0];
        handler({ channel: '/event/Other__e' });
        expect(session.hasStreamProblem).toBe(false);
        handler({ channel: CHANNEL });
        expect(problems).toEqual([true, false, true]);
        await session.close();
        handler(null);
        expect(problems).toEqual([true, false, true]);
    });

    it('stops telling a listener that stopped listening', async () => {
        const { session, deliver } = await connected();
        const listener = jest.fn();
        const stop = session.onChange(listener);
        const stopProblem = session.onStreamProblem(listener);
        stop();
        stopProblem();
        await deliver(push({}));
        expect(listener).not.toHaveBeenCalled();
    });
});
