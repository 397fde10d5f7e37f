import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import {
    CallerPop,
    isPoppedCall,
    needsCallerChoice,
    newRecordPage,
    recordPage,
    type InboundMatch
} from 'c/webexCallerPop';
import { INITIAL_CALL_STATE, type CallState } from 'c/webexCallState';

// What the pop reads of a match: the record, its object and its name.
const OLIVIA = { recordId: '003000000000001AAA', objectApiName: 'Contact', name: 'Olivia Martin' } as WebexPersonMatch;
const OLIVIA_LEAD: WebexPersonMatch = { ...OLIVIA, recordId: '00Q000000000001AAA', objectApiName: 'Lead' };

const inbound = (fields: Partial<CallState> = {}): CallState => ({
    ...INITIAL_CALL_STATE,
    status: 'alerting',
    callId: 'call-in',
    direction: 'inbound',
    ...fields
});

async function flush(): Promise<void> {
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

function harness(match: jest.Mock = jest.fn()) {
    const changes: Array<InboundMatch | null> = [];
    const onFound = jest.fn();
    const pop = new CallerPop({ match, onChange: (change) => changes.push(change), onFound });
    return { pop, match, changes, onFound };
}

describe('c/webexCallerPop', () => {
    afterEach(() => jest.resetAllMocks());

    it('looks the caller up while it rings, and opens the one record that has the number', async () => {
        const { pop, match, changes, onFound } = harness(jest.fn().mockResolvedValue([OLIVIA]));
        const started = pop.start('call-in', '+13122961607');
        expect(pop.match).toEqual({ callId: 'call-in', matches: null, matching: true, error: null });
        await started;
        expect(match).toHaveBeenCalledWith('+13122961607');
        expect(changes.at(-1)).toEqual({ callId: 'call-in', matches: [OLIVIA], matching: false, error: null });
        expect(onFound).toHaveBeenCalledWith(OLIVIA);
    });

    it('opens nothing when several records have the number, or none', async () => {
        const { pop, onFound, match } = harness(jest.fn().mockResolvedValueOnce([OLIVIA, OLIVIA_LEAD]));
        await pop.start('call-in', '+13122961607');
        expect(pop.match?.matches).toHaveLength(2);
        match.mockResolvedValueOnce(null);
        await pop.start('call-2', '+13122961607');
        expect(pop.match?.matches).toEqual([]);
        expect(onFound).not.toHaveBeenCalled();
    });

    it('looks nobody up for a withheld number', async () => {
        const { pop, match } = harness();
        await pop.start('call-in', null);
        expect(match).not.toHaveBeenCalled();
        expect(pop.match).toEqual({ callId: 'call-in', matches: [], matching: false, error: null });
    });

    it('says why the caller could not be looked up', async () => {
        const failure = { body: { message: JSON.stringify({ code: 'UNEXPECTED', message: 'Search failed.' }) } };
        const { pop } = harness(jest.fn().mockRejectedValue(failure));
        await pop.start('call-in', '+13122961607');
        expect(pop.match).toEqual({ callId: 'call-in', matches: null, matching: false, error: 'Search failed.' });
    });

    it('drops an answer, or a failure, that comes after the call changed', async () => {
        let answer: (matches: WebexPersonMatch[]) => void = () => undefined;
        let fail: (error: unknown) => void = () => undefined;
        const match = jest
            .fn()
            .mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
            .mockReturnValueOnce(new Promise((_resolve, reject) => (fail = reject)));
        const { pop, onFound } = harness(match);
        const first = pop.start('call-in', '+13122961607');
        pop.forget();
        answer([OLIVIA]);
        await first;
        expect(pop.match).toBeNull();
        const second = pop.start('call-2', '+13122961607');
        pop.start('call-3', null);
        fail(new Error('late'));
        await second;
        await flush();
        expect(pop.match).toEqual({ callId: 'call-3', matches: [], matching: false, error: null });
        expect(onFound).not.toHaveBeenCalled();
    });

    it('knows a new inbound call from the one it pops', async () => {
        const { pop } = harness(jest.fn().mockResolvedValue([]));
        expect(pop.isNew(inbound())).toBe(true);
        expect(pop.isNew(inbound({ direction: 'outbound' }))).toBe(false);
        expect(pop.isNew(inbound({ callId: null }))).toBe(false);
        await pop.start('call-in', '+13122961607');
        expect(pop.isNew(inbound())).toBe(false);
        expect(isPoppedCall(pop.match, inbound())).toBe(true);
        expect(isPoppedCall(pop.match, inbound({ callId: 'call-2' }))).toBe(false);
        expect(isPoppedCall(null, inbound())).toBe(false);
    });

    it('keeps the choice of caller on screen once answered, until the caller is known', () => {
        const several: InboundMatch = {
            callId: 'call-in',
            matches: [OLIVIA, OLIVIA_LEAD],
            matching: false,
            error: null
        };
        const answered = inbound({ status: 'connected' });
        expect(needsCallerChoice(several, answered, false)).toBe(true);
        expect(needsCallerChoice({ ...several, matches: [] }, inbound({ status: 'held' }), false)).toBe(true);
        expect(needsCallerChoice(several, answered, true)).toBe(false);
        expect(needsCallerChoice(several, inbound(), false)).toBe(false);
        expect(needsCallerChoice({ ...several, matches: [OLIVIA] }, answered, false)).toBe(false);
        expect(needsCallerChoice({ ...several, matches: null }, answered, false)).toBe(false);
    });

    it("opens the caller's record, or a new one with the number in Phone", () => {
        expect(recordPage({ recordId: OLIVIA.recordId, objectApiName: 'Contact', name: 'Olivia Martin' })).toEqual({
            type: 'standard__recordPage',
            attributes: { recordId: OLIVIA.recordId, objectApiName: 'Contact', actionName: 'view' }
        });
        expect(
            recordPage({ recordId: OLIVIA.recordId, objectApiName: null, name: 'Olivia Martin' }).attributes
        ).toEqual({
            recordId: OLIVIA.recordId,
            objectApiName: undefined,
            actionName: 'view'
        });
        jest.mocked(encodeDefaultFieldValues).mockReturnValue('Phone=%2B13122961607');
        expect(newRecordPage('Lead', '+13122961607')).toEqual({
            type: 'standard__objectPage',
            attributes: { objectApiName: 'Lead', actionName: 'new' },
            state: { defaultFieldValues: 'Phone=%2B13122961607' }
        });
        expect(encodeDefaultFieldValues).toHaveBeenCalledWith({ Phone: '+13122961607' });
        expect(newRecordPage('Contact', null).state).toEqual({ defaultFieldValues: undefined });
    });
});
