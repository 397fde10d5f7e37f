import { CallLogHandoff, NO_LOGS, appCallId, type CallLogs } from 'c/webexCallLogHandoff';
import { INITIAL_CALL_STATE, type CallState } from 'c/webexCallState';

const SETTINGS = {
    outboundLog: { enabled: true, relatedObjects: [{ apiName: 'Account', label: 'Account' }] },
    inboundLog: { enabled: true, relatedObjects: [{ apiName: 'Case', label: 'Case' }] }
} as WebexDialerSettings;
const PARTY = { phoneNumber: '(312) 296-1607', whoId: null, whoName: null };
const SUMMARY = { taskId: '00T1', subject: 'Call', relatedName: null, disposition: null, duration: null };

const call = (fields: Partial<CallState>): CallState => ({ ...INITIAL_CALL_STATE, status: 'connected', ...fields });

function harness() {
    const changes: CallLogs[] = [];
    const book = new CallLogHandoff((logs) => changes.push(logs));
    return { book, changes };
}

describe('c/webexCallLogHandoff', () => {
    it('opens the log of a call in a direction the rep logs, with what the panel needs', () => {
        const { book, changes } = harness();
        expect(book.logs).toBe(NO_LOGS);
        book.open(SETTINGS, { callId: 'call-out', direction: 'Outbound' }, PARTY);
        expect(book.logs.open).toEqual({
            callId: 'call-out',
            direction: 'Outbound',
            ...PARTY,
            relatedObjects: SETTINGS.outboundLog.relatedObjects,
            durationSeconds: null,
            ended: false
        });
        expect(changes).toHaveLength(1);
        // The same call again (the dial answered, then its push): one log.
        book.open(SETTINGS, { callId: 'call-out', direction: 'Outbound' }, PARTY);
        expect(changes).toHaveLength(1);
    });

    it('opens no log where the rep does not log that direction, or before the settings are known', () => {
        const { book } = harness();
        book.open(
            { ...SETTINGS, inboundLog: { enabled: false, relatedObjects: [] } },
            { callId: 'in', direction: 'Inbound' },
            PARTY
        );
        book.open(null, { callId: 'out', direction: 'Outbound' }, PARTY);
        expect(book.logs).toBe(NO_LOGS);
    });

    it("never replaces an open log: the next call's log waits, named and ended like the open one", () => {
        const { book } = harness();
        book.open(SETTINGS, { callId: 'call-1', direction: 'Inbound' }, PARTY);
        book.open(SETTINGS, { callId: 'call-2', direction: 'Inbound' }, { ...PARTY, phoneNumber: '01 43 77 50 92' });
        expect(book.logs.open?.callId).toBe('call-1');
        expect(book.logs.queued).toMatchObject({
            callId: 'call-2',
            relatedObjects: SETTINGS.inboundLog.relatedObjects
        });

        book.named('call-2', { recordId: '003A', name: 'Olivia Martin' });
        book.callEnded('call-2', 90);
        expect(book.logs.queued).toMatchObject({
            whoId: '003A',
            whoName: 'Olivia Martin',
            ended: true,
            durationSeconds: 90
        });
        expect(book.logs.open).toMatchObject({ whoId: null, ended: false, durationSeconds: null });

        // The first log closes (its call long over): the waiting one takes its place.
        expect(book.close(call({ callId: 'call-2', status: 'disconnected' }), undefined)).toBe(false);
        expect(book.logs).toMatchObject({ open: { callId: 'call-2' }, queued: null });
    });

    it("knows when the open log's call is over", () => {
        const { book } = harness();
        expect(book.callOver(call({ callId: 'call-out' }), undefined)).toBe(false);
        book.open(SETTINGS, { callId: 'call-out', direction: 'Outbound' }, PARTY);
        expect(book.callOver(call({ callId: 'call-out' }), undefined)).toBe(false);
        expect(book.callOver(call({ callId: 'call-other' }), undefined)).toBe(true);
        expect(book.callOver(call({ callId: 'call-out' }), 'call-out')).toBe(true);
        book.callEnded('call-out', null);
        expect(book.callOver(call({ callId: 'call-out' }), undefined)).toBe(true);
    });

    it('closes the log saved after its call, saying what it saved until forgotten', () => {
        const { book } = harness();
        book.open(SETTINGS, { callId: 'call-out', direction: 'Outbound' }, PARTY);
        expect(book.close(call({ callId: 'call-out', status: 'disconnected' }), undefined, SUMMARY)).toBe(true);
        expect(book.logs).toEqual({ open: null, queued: null, saved: SUMMARY });
        // Closing (not saving) keeps what the last save said; a save without a summary says nothing.
        book.close(INITIAL_CALL_STATE, null);
        expect(book.logs.saved).toEqual(SUMMARY);
        book.close(INITIAL_CALL_STATE, null, null);
        expect(book.logs.saved).toBeNull();
        book.forgetSaved();
        expect(book.logs.saved).toBeNull();
    });

    it("ends the Webex app's call with its log, and keeps a call going whose log is closed", () => {
        const { book, changes } = harness();
        const appCall = appCallId();
        expect(appCall).toMatch(/^app-[a-z0-9]+-[a-z0-9]+$/);
        expect(appCallId()).not.toBe(appCall);
        book.open(SETTINGS, { callId: appCall, direction: 'Outbound' }, PARTY);
        expect(book.close(INITIAL_CALL_STATE, appCall)).toBe(true);
        book.open(SETTINGS, { callId: 'call-out', direction: 'Outbound' }, PARTY);
        expect(book.close(call({ callId: 'call-out' }), null)).toBe(false);
        book.open(SETTINGS, { callId: 'call-out', direction: 'Outbound' }, PARTY);
        book.close(call({ callId: 'call-out' }), null, SUMMARY);
        const before = changes.length;
        book.forgetSaved();
        book.forgetSaved();
        expect(changes.length).toBe(before + 1);
    });
});
