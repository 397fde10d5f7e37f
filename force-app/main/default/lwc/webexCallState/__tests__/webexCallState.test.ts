import {
    capabilities,
    elapsedSeconds,
    INITIAL_CALL_STATE,
    isEstablished,
    isInProgress,
    next,
    type CallCapabilities,
    type CallEvent,
    type CallState,
    type TelephonyCallData
} from 'c/webexCallState';
import inboundCallWebhooks from './data/inboundCallWebhooks.json';
import missedCallWebhooks from './data/missedCallWebhooks.json';
import outboundCallWebhooks from './data/outboundCallWebhooks.json';

// eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
type Webhook = { event: 'created' | 'updated' | 'deleted'; data: TelephonyCallData };

const outbound = outboundCallWebhooks as Webhook[];
const inbound = inboundCallWebhooks as Webhook[];
const missed = missedCallWebhooks as Webhook[];

const webex = (hook: Webhook): CallEvent => ({ type: 'webex', event: hook.event, data: hook.data });

/** A webhook of `base`'s call with some fields changed. */
function variant(base: Webhook, event: Webhook['event'], data: Partial<TelephonyCallData>): CallEvent {
    return { type: 'webex', event, data: { ...base.data, ...data } };
}

function run(state: CallState, ...events: CallEvent[]): CallState {
    return events.reduce(next, state);
}

const NOTHING: CallCapabilities = {
    canDial: false,
    canAnswer: false,
    canHangUp: false,
    canHold: false,
    canResume: false,
    canMute: false,
    canUnmute: false
};

const offers = (state: CallState, ...names: Array<keyof CallCapabilities>): void => {
    const expected = { ...NOTHING };
    for (const name of names) expected[name] = true;
    expect(capabilities(state)).toEqual(expected);
};

/** An inbound call that is connected (answered by the person). */
function connectedInbound(): CallState {
    return run(INITIAL_CALL_STATE, webex(inbound[0]), { type: 'answer' }, webex(inbound[1]));
}

describe('c/webexCallState', () => {
    it('starts idle, offering only to dial', () => {
        expect(INITIAL_CALL_STATE.status).toBe('idle');
        expect(isInProgress(INITIAL_CALL_STATE)).toBe(false);
        offers(INITIAL_CALL_STATE, 'canDial');
    });

    it('is established from the answer until the call ends, on hold either side included', () => {
        expect(['connected', 'held', 'remoteHeld'].every((status) => isEstablished({ status } as CallState))).toBe(
            true
        );
        expect(
            ['idle', 'dialing', 'alerting', 'disconnected'].some((status) => isEstablished({ status } as CallState))
        ).toBe(false);
        expect(isEstablished(connectedInbound())).toBe(true);
    });

    describe('an outbound click-to-dial call', () => {
        it("alerts the user's device, is placed, connects, and ends with its duration", () => {
            // The person dials: nothing to hang up until Webex names the call.
            const dialing = next(INITIAL_CALL_STATE, { type: 'dial', destination: ' +13122961607 ' });
            expect(dialing).toEqual(
                expect.objectContaining({
                    status: 'dialing',
                    direction: 'outbound',
                    destination: '+13122961607',
                    pending: 'dial'
                })
            );
            offers(dialing);

            const named = next(dialing, { type: 'dialed', callId: outbound[0].data.callId, callSessionId: 'S1' });
            expect(named.callId).toBe(outbound[0].data.callId);
            expect(named.callSessionId).toBe('S1');
            offers(named, 'canHangUp');

            // Webex alerts the person's own device first.
            const deviceAlerting = next(named, webex(outbound[0]));
            expect(deviceAlerting).toEqual(
                expect.objectContaining({ status: 'alerting', personality: 'clickToDial', pending: null })
            );
            // Webex's own account of the call wins.
            expect(deviceAlerting.callSessionId).toBe(outbound[0].data.callSessionId);
            offers(deviceAlerting, 'canAnswer', 'canHangUp');

            const connecting = next(deviceAlerting, webex(outbound[1]));
            expect(connecting).toEqual(expect.objectContaining({ status: 'connecting', personality: 'originator' }));
            offers(connecting, 'canHangUp');

            const connected = next(connecting, webex(outbound[2]));
            expect(connected).toEqual(
                expect.objectContaining({
                    status: 'connected',
                    answeredAt: '2026-03-02T14:00:06.000Z',
                    muteCapable: true,
                    remoteParty: expect.objectContaining({ number: '+13122961607' })
                })
            );
            offers(connected, 'canHangUp', 'canHold', 'canMute');
            expect(elapsedSeconds(connected, Date.parse('2026-03-02T14:01:06.900Z'))).toBe(60);

            const hangingUp = next(connected, { type: 'hangup' });
            expect(hangingUp.pending).toBe('hangup');
            // Nothing else while the hang-up is on its way.
            offers(hangingUp);

            const ended = next(hangingUp, webex(outbound[3]));
            expect(ended).toEqual(
                expect.objectContaining({
                    status: 'disconnected',
                    disconnectedAt: '2026-03-02T14:02:11.400Z',
                    durationSeconds: 125,
                    endReason: 'completed',
                    pending: null,
                    muteCapable: false
                })
            );
            offers(ended, 'canDial');
            expect(elapsedSeconds(ended)).toBe(125);

            const dismissed = next(ended, { type: 'dismiss' });
            expect(dismissed).toEqual({ ...INITIAL_CALL_STATE, lastEventAt: ended.lastEventAt });
        });

        it('follows the call when Webex reports it before answering the dial request', () => {
            const dialing = next(INITIAL_CALL_STATE, { type: 'dial', destination: '+13122961607' });
            const alerting = next(dialing, webex(outbound[0]));
            expect(alerting.callId).toBe(outbound[0].data.callId);
            expect(alerting.status).toBe('alerting');

            // The dial answer comes after: same call, nothing else changes.
            const named = next(alerting, { type: 'dialed', callId: outbound[0].data.callId });
            expect(named).toEqual({ ...alerting, callSessionId: outbound[0].data.callSessionId });
            expect(next(alerting, { type: 'dialed', callId: 'another call' })).toBe(alerting);
        });

        it('ends as unanswered when nobody picks up, with no talk time', () => {
            const state = run(
                INITIAL_CALL_STATE,
                { type: 'dial', destination: '+13122961607' },
                webex(outbound[0]),
                webex(outbound[1]),
                variant(outbound[3], 'deleted', { answered: null, disconnected: '2026-03-02T14:00:40.000Z' })
            );
            expect(state).toEqual(
                expect.objectContaining({ status: 'disconnected', endReason: 'unanswered', durationSeconds: 0 })
            );
        });

        it('ends as failed when Webex refuses the dial', () => {
            const dialing = next(INITIAL_CALL_STATE, { type: 'dial', destination: '+13122961607' });
            const failed = next(dialing, { type: 'dialFailed' });
            expect(failed).toEqual(
                expect.objectContaining({ status: 'disconnected', endReason: 'failed', pending: null })
            );
            offers(failed, 'canDial');
            expect(next(failed, { type: 'dialFailed' })).toBe(failed);
            expect(next(failed, { type: 'dialed', callId: 'late' })).toBe(failed);
        });

        it('needs a destination, and no call in progress', () => {
            expect(next(INITIAL_CALL_STATE, { type: 'dial', destination: '  ' })).toBe(INITIAL_CALL_STATE);
            const ringing = next(INITIAL_CALL_STATE, webex(inbound[0]));
            expect(next(ringing, { type: 'dial', destination: '+13122961607' })).toBe(ringing);
            expect(next(INITIAL_CALL_STATE, { type: 'dialed', callId: 'C1' })).toBe(INITIAL_CALL_STATE);
        });
    });

    describe('an inbound call', () => {
        it('rings, is answered, and ends with its duration', () => {
            const ringing = next(INITIAL_CALL_STATE, webex(inbound[0]));
            expect(ringing).toEqual(
                expect.objectContaining({
                    status: 'alerting',
                    direction: 'inbound',
                    personality: 'terminator',
                    remoteParty: expect.objectContaining({ name: 'Olivia Martin', number: '+13122961607' })
                })
            );
            offers(ringing, 'canAnswer', 'canHangUp');
            expect(elapsedSeconds(ringing)).toBeNull();

            const answering = next(ringing, { type: 'answer' });
            expect(answering.pending).toBe('answer');
            offers(answering, 'canHangUp');

            const connected = next(answering, webex(inbound[1]));
            expect(connected).toEqual(expect.objectContaining({ status: 'connected', pending: null }));

            const ended = next(connected, webex(inbound[2]));
            expect(ended).toEqual(
                expect.objectContaining({ status: 'disconnected', durationSeconds: 342, endReason: 'completed' })
            );
        });

        it('is missed when the caller gives up before anyone answers', () => {
            const ended = run(INITIAL_CALL_STATE, ...missed.map(webex));
            expect(ended).toEqual(
                expect.objectContaining({
                    status: 'disconnected',
                    direction: 'inbound',
                    endReason: 'missed',
                    durationSeconds: 0,
                    answeredAt: null
                })
            );
        });

        it('keeps a hang-up pending while other news of the call arrives', () => {
            const hangingUp = next(connectedInbound(), { type: 'hangup' });
            const remoteHeld = next(
                hangingUp,
                variant(inbound[1], 'updated', { state: 'remoteHeld', eventTimestamp: at(3) })
            );
            expect(remoteHeld).toEqual(expect.objectContaining({ status: 'remoteHeld', pending: 'hangup' }));
        });

        it('is declined by hanging up while it rings', () => {
            const declining = run(INITIAL_CALL_STATE, webex(missed[0]), { type: 'hangup' });
            expect(declining.pending).toBe('hangup');
            const ended = next(declining, webex(missed[1]));
            expect(ended).toEqual(expect.objectContaining({ status: 'disconnected', pending: null }));
        });

        it('says when it was answered on another device', () => {
            const ended = run(
                INITIAL_CALL_STATE,
                webex(missed[0]),
                variant(missed[1], 'deleted', { completedElsewhere: true })
            );
            expect(ended.endReason).toBe('answeredElsewhere');
        });

        it('gives up a pending answer when Webex refuses it', () => {
            const answering = run(INITIAL_CALL_STATE, webex(inbound[0]), { type: 'answer' });
            const refused = next(answering, { type: 'actionFailed', action: 'answer' });
            expect(refused.pending).toBeNull();
            offers(refused, 'canAnswer', 'canHangUp');
            expect(next(refused, { type: 'actionFailed', action: 'answer' })).toBe(refused);
            expect(next(answering, { type: 'actionFailed', action: 'hold' })).toBe(answering);
        });
    });

    describe('hold and resume', () => {
        it('holds and resumes, offering each only when it applies', () => {
            const connected = connectedInbound();
            const holding = next(connected, { type: 'hold' });
            expect(holding.pending).toBe('hold');
            offers(holding, 'canHangUp');
            expect(next(holding, { type: 'hold' })).toBe(holding);

            const held = next(holding, variant(inbound[1], 'updated', { state: 'held', eventTimestamp: at(10) }));
            expect(held).toEqual(expect.objectContaining({ status: 'held', pending: null }));
            offers(held, 'canHangUp', 'canResume', 'canMute');
            expect(elapsedSeconds(held, Date.parse('2026-03-02T15:30:17.500Z'))).toBe(10);

            const resuming = next(held, { type: 'resume' });
            expect(resuming.pending).toBe('resume');
            const resumed = next(
                resuming,
                variant(inbound[1], 'updated', { state: 'connected', eventTimestamp: at(20) })
            );
            expect(resumed).toEqual(expect.objectContaining({ status: 'connected', pending: null }));
            offers(resumed, 'canHangUp', 'canHold', 'canMute');
        });

        it('shows the far end holding, and still lets the person hold', () => {
            const remoteHeld = next(
                connectedInbound(),
                variant(inbound[1], 'updated', { state: 'remoteHeld', eventTimestamp: at(10) })
            );
            expect(remoteHeld.status).toBe('remoteHeld');
            offers(remoteHeld, 'canHangUp', 'canHold', 'canMute');
            expect(next(remoteHeld, { type: 'resume' })).toBe(remoteHeld);

            const back = next(
                remoteHeld,
                variant(inbound[1], 'updated', { state: 'connected', eventTimestamp: at(30) })
            );
            expect(back.status).toBe('connected');
        });

        it('does not hold or resume when no call is talking', () => {
            expect(next(INITIAL_CALL_STATE, { type: 'hold' })).toBe(INITIAL_CALL_STATE);
            expect(next(INITIAL_CALL_STATE, { type: 'resume' })).toBe(INITIAL_CALL_STATE);
            expect(next(INITIAL_CALL_STATE, { type: 'answer' })).toBe(INITIAL_CALL_STATE);
            expect(next(INITIAL_CALL_STATE, { type: 'hangup' })).toBe(INITIAL_CALL_STATE);
            expect(next(INITIAL_CALL_STATE, { type: 'dismiss' })).toBe(INITIAL_CALL_STATE);
        });
    });

    describe('mute', () => {
        it('mutes and unmutes a call Webex says can be muted', () => {
            const muting = next(connectedInbound(), { type: 'mute' });
            expect(muting.pending).toBe('mute');
            const muted = next(muting, variant(inbound[1], 'updated', { muted: true, eventTimestamp: at(5) }));
            expect(muted).toEqual(expect.objectContaining({ muted: true, pending: null }));
            offers(muted, 'canHangUp', 'canHold', 'canUnmute');

            const unmuting = next(muted, { type: 'unmute' });
            const unmuted = next(unmuting, variant(inbound[1], 'updated', { muted: false, eventTimestamp: at(6) }));
            expect(unmuted).toEqual(expect.objectContaining({ muted: false, pending: null }));
        });

        it('offers no mute when the call is not mute-capable', () => {
            const notCapable = next(
                run(INITIAL_CALL_STATE, webex(inbound[0])),
                variant(inbound[1], 'updated', { muteCapable: false })
            );
            expect(notCapable.status).toBe('connected');
            offers(notCapable, 'canHangUp', 'canHold');
            expect(next(notCapable, { type: 'mute' })).toBe(notCapable);
            expect(next(notCapable, { type: 'unmute' })).toBe(notCapable);
        });
    });

    describe('duplicate and out-of-order events', () => {
        it('ignores the same event delivered twice', () => {
            const ringing = next(INITIAL_CALL_STATE, webex(inbound[0]));
            expect(next(ringing, webex(inbound[0]))).toBe(ringing);
            const connected = next(ringing, webex(inbound[1]));
            expect(next(connected, webex(inbound[1]))).toBe(connected);
        });

        it('ignores an event older than the last one applied', () => {
            const held = next(
                connectedInbound(),
                variant(inbound[1], 'updated', { state: 'held', eventTimestamp: at(20) })
            );
            // A "connected" sent before the hold arrives late.
            const late = variant(inbound[1], 'updated', { state: 'connected', eventTimestamp: at(15) });
            expect(next(held, late)).toBe(held);
        });

        it('applies the connected event even when the alerting one arrives after it', () => {
            const connected = next(INITIAL_CALL_STATE, webex(inbound[1]));
            expect(connected.status).toBe('connected');
            expect(next(connected, webex(inbound[0]))).toBe(connected);
        });

        it('never steps back in a call without timestamps', () => {
            const noTime = (hook: Webhook): CallEvent => variant(hook, hook.event, { eventTimestamp: null });
            const connected = run(INITIAL_CALL_STATE, noTime(outbound[0]), noTime(outbound[1]), noTime(outbound[2]));
            expect(connected.status).toBe('connected');
            expect(connected.lastEventAt).toBeNull();
            expect(next(connected, noTime(outbound[1]))).toBe(connected);
            expect(next(connected, noTime(outbound[0]))).toBe(connected);
            const ended = next(connected, noTime(outbound[3]));
            expect(ended.disconnectedAt).toBe('2026-03-02T14:02:11.400Z');
        });

        it('keeps an ended call ended', () => {
            const ended = run(INITIAL_CALL_STATE, ...inbound.map(webex));
            expect(next(ended, variant(inbound[1], 'updated', { eventTimestamp: at(999) }))).toBe(ended);
        });

        it('uses the event time when Webex gives no disconnection time', () => {
            const ended = run(
                INITIAL_CALL_STATE,
                webex(inbound[0]),
                webex(inbound[1]),
                variant(inbound[2], 'deleted', { disconnected: null })
            );
            expect(ended.disconnectedAt).toBe(inbound[2].data.eventTimestamp);
            expect(ended.durationSeconds).toBe(342);
            const unreadable = run(
                INITIAL_CALL_STATE,
                webex(inbound[0]),
                variant(inbound[1], 'updated', { answered: 'not a time' }),
                variant(inbound[2], 'deleted', { answered: 'not a time' })
            );
            expect(unreadable.durationSeconds).toBeNull();
            expect(elapsedSeconds(variantState(unreadable))).toBeNull();
        });
    });

    describe('other calls', () => {
        it('ignores another call while one is in progress', () => {
            const connected = connectedInbound();
            expect(next(connected, webex(missed[0]))).toBe(connected);
            const dialing = next(INITIAL_CALL_STATE, { type: 'dial', destination: '+13122961607' });
            expect(next(dialing, webex(inbound[0]))).toBe(dialing);
        });

        it('starts the next call once the last one ended', () => {
            const ended = run(INITIAL_CALL_STATE, ...inbound.map(webex));
            const ringing = next(ended, variant(missed[0], 'created', { eventTimestamp: '2026-03-02T16:00:00.015Z' }));
            expect(ringing).toEqual(
                expect.objectContaining({
                    status: 'alerting',
                    callId: missed[0].data.callId,
                    answeredAt: null,
                    durationSeconds: null,
                    endReason: null
                })
            );
        });

        it('does not start a call from an event older than the last one seen, or from an ending', () => {
            const ended = run(INITIAL_CALL_STATE, ...missed.map(webex));
            expect(next(ended, webex(inbound[0]))).toBe(ended);
            expect(next(INITIAL_CALL_STATE, webex(missed[1]))).toBe(INITIAL_CALL_STATE);
        });

        it('starts following a call placed from another device', () => {
            const placed = next(INITIAL_CALL_STATE, webex(outbound[1]));
            expect(placed).toEqual(expect.objectContaining({ status: 'connecting', direction: 'outbound' }));
        });
    });

    describe('malformed events', () => {
        it('ignores events without a call id, with an unknown state, or of an unknown type', () => {
            const ringing = next(INITIAL_CALL_STATE, webex(inbound[0]));
            expect(next(ringing, variant(inbound[0], 'updated', { callId: '' }))).toBe(ringing);
            expect(
                next(ringing, variant(inbound[0], 'updated', { state: 'ringing' as TelephonyCallData['state'] }))
            ).toBe(ringing);
            expect(next(ringing, { type: 'webex', data: null as unknown as TelephonyCallData })).toBe(ringing);
            expect(next(ringing, { type: 'teleport' } as unknown as CallEvent)).toBe(ringing);
        });

        it('fills in what an event leaves out from what is known', () => {
            const sparse = next(INITIAL_CALL_STATE, {
                type: 'webex',
                data: { callId: 'C9', state: 'alerting', eventTimestamp: 'not a time' }
            });
            expect(sparse).toEqual(
                expect.objectContaining({
                    status: 'alerting',
                    direction: 'outbound',
                    personality: null,
                    remoteParty: null,
                    lastEventAt: null
                })
            );
            offers(sparse, 'canHangUp');
        });
    });
});

/** `at(s)`: the inbound call's answer time plus `s` seconds, as an event timestamp. */
function at(seconds: number): string {
    return new Date(Date.parse('2026-03-02T15:30:07.510Z') + seconds * 1000).toISOString();
}

/** The same call as if it were still talking (to read the running time from an unreadable answer). */
function variantState(state: CallState): CallState {
    return { ...state, status: 'connected' };
}
