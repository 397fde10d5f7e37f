import {
    DISPOSITIONS,
    defaultSubject,
    dispositionOptions,
    durationText,
    formatDuration,
    isLead,
    notesDiffer,
    toInput,
    type CallFacts,
    type CallLogNotes
} from 'c/webexCallLogModel';

jest.mock('@salesforce/label/c.WebexCallLog_SubjectOutbound', () => ({ default: 'Outbound call to {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallLog_SubjectInbound', () => ({ default: 'Inbound call from {0}' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallLog_UnknownNumber', () => ({ default: 'an unknown number' }), {
    virtual: true
});
jest.mock('@salesforce/label/c.WebexCallLog_DurationValue', () => ({ default: '{0} min {1} s' }), { virtual: true });

const CALL: CallFacts = {
    callId: 'call-1',
    direction: 'Outbound',
    phoneNumber: '+14155550100',
    whoId: '003000000000001AAA',
    durationSeconds: 95.4
};
const NOTES: CallLogNotes = {
    subject: ' Outbound call to Ada ',
    comments: 'Quote',
    whatId: '001000000000001AAA',
    disposition: 'Connected'
};

describe('c/webexCallLogModel', () => {
    it('names the person, else the number, else says the number is unknown', () => {
        expect(defaultSubject('Outbound', 'Ada Lovelace', '+14155550100')).toBe('Outbound call to Ada Lovelace');
        expect(defaultSubject('Inbound', '  ', '+33 1 23 45 67 89')).toBe('Inbound call from +33 1 23 45 67 89');
        expect(defaultSubject(null, null, null)).toBe('Outbound call to an unknown number');
    });

    it('offers the call results with none first, stored in English whatever the language', () => {
        expect(DISPOSITIONS.map((d) => d.value)).toEqual([
            'Connected',
            'Left voicemail',
            'No answer',
            'Busy',
            'Wrong number',
            'Call back later'
        ]);
        const options = dispositionOptions();
        expect(options[0]).toEqual({ value: '', label: 'c.WebexCallLog_DispositionNone' });
        expect(options[1].label).toBe('c.WebexCallLog_DispConnected');
    });

    it('tells a lead from a contact by the ID', () => {
        expect(isLead('00Q000000000001AAA')).toBe(true);
        expect(isLead('003000000000001AAA')).toBe(false);
        expect(isLead(null)).toBe(false);
    });

    it('says the duration, or why there is none', () => {
        expect(formatDuration(65)).toBe('1 min 05 s');
        expect(formatDuration(-3)).toBe('0 min 00 s');
        expect(durationText('WebexCalling', 3725, true)).toBe('62 min 05 s');
        expect(durationText('UnifiedCM', 30, true)).toBe('c.WebexCallLog_DurationUnavailable');
        expect(durationText('BroadWorks', null, false)).toBe('c.WebexCallLog_DurationUnavailable');
        expect(durationText('WebexCalling', null, false)).toBe('c.WebexCallLog_DurationPending');
        expect(durationText('WebexCalling', null, true)).toBe('c.WebexCallLog_DurationUnknown');
        expect(durationText(undefined, Number.NaN, true)).toBe('c.WebexCallLog_DurationUnknown');
    });

    it('builds the log: trimmed subject, empty texts as null, whole seconds', () => {
        expect(toInput(CALL, NOTES)).toEqual({
            callId: 'call-1',
            direction: 'Outbound',
            phoneNumber: '+14155550100',
            subject: 'Outbound call to Ada',
            comments: 'Quote',
            whoId: '003000000000001AAA',
            whatId: '001000000000001AAA',
            disposition: 'Connected',
            durationSeconds: 95
        });
        expect(
            toInput(
                { ...CALL, phoneNumber: ' ', whoId: null, durationSeconds: null },
                { ...NOTES, comments: '  ', whatId: null, disposition: '' }
            )
        ).toMatchObject({
            phoneNumber: null,
            whoId: null,
            comments: null,
            whatId: null,
            disposition: null,
            durationSeconds: null
        });
    });

    it('never relates a lead’s log to another record', () => {
        expect(toInput({ ...CALL, whoId: '00Q000000000001AAA' }, NOTES).whatId).toBeNull();
    });

    it('sees unsaved notes in any field, not in spaces around the subject', () => {
        expect(notesDiffer(NOTES, { ...NOTES, subject: 'Outbound call to Ada' })).toBe(false);
        expect(notesDiffer(NOTES, { ...NOTES, comments: 'Quote!' })).toBe(true);
        expect(notesDiffer(NOTES, { ...NOTES, whatId: null })).toBe(true);
        expect(notesDiffer(NOTES, { ...NOTES, disposition: 'Busy' })).toBe(true);
        expect(notesDiffer(NOTES, { ...NOTES, subject: 'Other' })).toBe(true);
    });
});
