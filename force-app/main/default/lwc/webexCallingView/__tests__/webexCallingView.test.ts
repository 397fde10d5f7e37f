import { NO_LOGS } from 'c/webexCallLogHandoff';
import { INITIAL_CALL_STATE, type CallState } from 'c/webexCallState';
import { CallingView, LABELS, type CallingState } from 'c/webexCallingView';

jest.mock('@salesforce/label/c.WebexDialer_AppNote', () => ({ default: 'Calls go through the Webex app ({0}).' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexDialer_BackendUnifiedCM', () => ({ default: 'Unified CM' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_BackendBroadWorks', () => ({ default: 'BroadWorks' }), { virtual: true });
jest.mock('@salesforce/label/c.WebexDialer_Retrying', () => ({ default: 'Calling again in {0} s ({1} of {2})' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexDialer_Extension', () => ({ default: 'ext.' }), { virtual: true });

const CONNECTION = { available: true, connected: true, problem: null } as WebexUserConnection;
const SETTINGS: WebexDialerSettings = {
    connection: CONNECTION,
    backend: 'WebexCalling',
    outboundLog: { enabled: true, relatedObjects: [] },
    inboundLog: { enabled: true, relatedObjects: [] },
    callHistoryEnabled: true,
    searchObjects: ['Contact'],
    eventChannel: '/u/WebexCallEvents',
    userId: '005000000000002AAA',
    defaultCountry: 'US'
};
const OLIVIA = { recordId: '003000000000001AAA', objectApiName: 'Contact', name: 'Olivia Martin' };
const LOG = {
    callId: 'call-in',
    direction: 'Inbound' as const,
    phoneNumber: null,
    whoId: null,
    whoName: null,
    relatedObjects: [],
    durationSeconds: null,
    ended: false
};

const IDLE: CallingState = {
    settings: SETTINGS,
    call: INITIAL_CALL_STATE,
    callWho: null,
    callNumber: null,
    appCall: null,
    inbound: null,
    logs: NO_LOGS,
    retryWait: null,
    dialError: null
};
const view = (state: Partial<CallingState> = {}) => new CallingView({ ...IDLE, ...state });
const ringing = (fields: Partial<CallState> = {}): Partial<CallingState> => ({
    call: {
        ...INITIAL_CALL_STATE,
        status: 'alerting',
        callId: 'call-in',
        direction: 'inbound',
        personality: 'terminator',
        remoteParty: { name: 'O. Martin', number: '+13122961607' },
        ...fields
    },
    inbound: { callId: 'call-in', matches: [], matching: false, error: null }
});

describe('c/webexCallingView', () => {
    it("has the panel's texts", () => {
        expect(LABELS.retry).toBe('c.WebexDialer_Retry');
    });

    it('shows the dialer once the settings are loaded and the Webex Calling connection works', () => {
        expect(view({ settings: null })).toMatchObject({
            isReady: false,
            needsConnection: false,
            backend: 'WebexCalling'
        });
        expect(view()).toMatchObject({ isReady: true, showAccount: true, showDialer: true, showHistory: true });
        const lost = { ...SETTINGS, connection: { ...CONNECTION, problem: 'Your Webex sign-in expired.' } };
        expect(view({ settings: lost })).toMatchObject({ needsConnection: true, isReady: false, showAccount: false });
        const never = { ...SETTINGS, connection: { ...CONNECTION, connected: false } };
        expect(view({ settings: never }).needsConnection).toBe(true);
    });

    it('keeps dialling with a connection that only lacks messaging scopes: the account line asks to reconnect', () => {
        const oldScopes = {
            ...SETTINGS,
            connection: { ...CONNECTION, problem: 'Reconnect Webex to use chat and spaces.', problemCode: 'scopes' }
        };
        expect(view({ settings: oldScopes })).toMatchObject({
            needsConnection: false,
            isReady: true,
            showAccount: true,
            showDialer: true
        });
    });

    it('needs no connection where calls go through the Webex app, and says so', () => {
        const ucm = { ...SETTINGS, backend: 'UnifiedCM' as const, connection: { ...CONNECTION, connected: false } };
        expect(view({ settings: ucm })).toMatchObject({
            isReady: true,
            isWebexCalling: false,
            showAccount: false,
            showHistory: false,
            appNote: 'Calls go through the Webex app (Unified CM).'
        });
        expect(view({ settings: { ...SETTINGS, backend: 'BroadWorks' } }).appNote).toBe(
            'Calls go through the Webex app (BroadWorks).'
        );
        expect(view().appNote).toBeNull();
    });

    it('offers Recent only where the call history is on, with Call back off during a call', () => {
        expect(view()).toMatchObject({ showHistory: true, historyDisabled: false });
        expect(view({ settings: { ...SETTINGS, callHistoryEnabled: false } }).showHistory).toBe(false);
        expect(view(ringing()).historyDisabled).toBe(true);
    });

    it('says why a dial failed and counts down a retry', () => {
        expect(view({ dialError: 'Webex is unavailable.' }).dialErrorText).toBe(
            'c.WebexDialer_DialFailed Webex is unavailable.'
        );
        expect(view().dialErrorText).toBe('c.WebexDialer_DialFailed');
        expect(view().retryText).toBeNull();
        expect(view({ retryWait: { secondsLeft: 2, attempt: 1, maxAttempts: 3 } }).retryText).toBe(
            'Calling again in 2 s (1 of 3)'
        );
    });

    it('shows the banner of the inbound call this tab popped while it rings, and nothing else', () => {
        const ring = view(ringing());
        expect(ring).toMatchObject({
            isInbound: true,
            showIncoming: true,
            showCallCard: false,
            showDialer: false,
            busy: true,
            canAnswer: true,
            incomingBusy: false,
            callerName: 'O. Martin',
            callerNumber: '(312) 296-1607',
            historyDisabled: true
        });
        // Another tab's call, or a call this tab did not pop: no banner.
        expect(view({ ...ringing(), inbound: null }).showIncoming).toBe(false);
        expect(view(ringing({ pending: 'answer' })).incomingBusy).toBe(true);
    });

    it('shows the call card, and the choice of caller under it once answered', () => {
        const several = {
            callId: 'call-in',
            matches: [OLIVIA as WebexPersonMatch, OLIVIA as WebexPersonMatch],
            matching: false,
            error: null
        };
        const answered = view({ ...ringing({ status: 'connected' }), inbound: several });
        expect(answered).toMatchObject({ showIncoming: false, showCallCard: true, showCallerChoice: true });
        expect(answered.cardWho).toBe('O. Martin');
        const chosen = view({ ...ringing({ status: 'connected' }), inbound: several, callWho: OLIVIA });
        expect(chosen).toMatchObject({
            showCallerChoice: false,
            cardWho: 'Olivia Martin',
            chosenCallerId: OLIVIA.recordId
        });
    });

    it('keeps the card of an ended call while its log is open', () => {
        const ended = { ...ringing({ status: 'disconnected' }), logs: { open: LOG, queued: null, saved: null } };
        expect(view(ended)).toMatchObject({ showCallCard: true, cardDismissible: false, showDialer: false });
        expect(view({ logs: { open: LOG, queued: null, saved: null } })).toMatchObject({
            busy: true,
            showDialer: false
        });
    });

    it('numbers the card from the Webex app call, the far end, what was dialled, or the number called', () => {
        const appCall = { callId: 'app-1', number: '+13122961607;ext=415' };
        expect(view({ appCall })).toMatchObject({
            showCallCard: true,
            busy: true,
            cardNumber: '(312) 296-1607 ext. 415'
        });
        const dialing = { ...INITIAL_CALL_STATE, status: 'dialing' as const, destination: '+33143775092' };
        expect(view({ call: dialing }).cardNumber).toBe('+33 1 43 77 50 92');
        expect(view({ call: { ...dialing, destination: null }, callNumber: '+13122961607' }).cardNumber).toBe(
            '(312) 296-1607'
        );
        expect(view().cardNumber).toBeNull();
        expect(view().cardWho).toBeNull();
    });

    it('gives a log the number called, as a person reads it, and who the call is with', () => {
        expect(view({ callNumber: '+13122961607', callWho: OLIVIA }).logParty).toEqual({
            phoneNumber: '(312) 296-1607',
            whoId: OLIVIA.recordId,
            whoName: 'Olivia Martin'
        });
        expect(view().logParty).toEqual({ phoneNumber: null, whoId: null, whoName: null });
    });

    it("shows numbers as a person reads them, read in the settings' country, else the user's", () => {
        const screen = view({ settings: { ...SETTINGS, defaultCountry: 'FR' } });
        expect(screen.display('01 43 77 50 92')).toBe('+33 1 43 77 50 92');
        expect(view().display('+33143775092')).toBe('+33 1 43 77 50 92');
        expect(screen.display('anonymous')).toBe('anonymous');
        expect(screen.display(null)).toBeNull();
        expect(view({ settings: { ...SETTINGS, defaultCountry: null } }).defaultCountry).toBe(
            view({ settings: null }).defaultCountry
        );
    });
});
