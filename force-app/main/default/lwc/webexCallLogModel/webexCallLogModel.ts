/**
 * What the call-log panel (c-webex-call-log) computes, apart from showing it: the subject it starts with, the call
 * results it offers, what it says about the duration, the log it saves (`WebexCallLogInput`) and whether the rep
 * has notes that are not saved yet.
 */
import SUBJECT_INBOUND from '@salesforce/label/c.WebexCallLog_SubjectInbound';
import SUBJECT_OUTBOUND from '@salesforce/label/c.WebexCallLog_SubjectOutbound';
import UNKNOWN_NUMBER from '@salesforce/label/c.WebexCallLog_UnknownNumber';
import DISP_BUSY from '@salesforce/label/c.WebexCallLog_DispBusy';
import DISP_CALL_BACK from '@salesforce/label/c.WebexCallLog_DispCallBack';
import DISP_CONNECTED from '@salesforce/label/c.WebexCallLog_DispConnected';
import DISP_NO_ANSWER from '@salesforce/label/c.WebexCallLog_DispNoAnswer';
import DISP_NONE from '@salesforce/label/c.WebexCallLog_DispositionNone';
import DISP_VOICEMAIL from '@salesforce/label/c.WebexCallLog_DispVoicemail';
import DISP_WRONG_NUMBER from '@salesforce/label/c.WebexCallLog_DispWrongNumber';
import DURATION_PENDING from '@salesforce/label/c.WebexCallLog_DurationPending';
import DURATION_UNAVAILABLE from '@salesforce/label/c.WebexCallLog_DurationUnavailable';
import DURATION_UNKNOWN from '@salesforce/label/c.WebexCallLog_DurationUnknown';
import DURATION_VALUE from '@salesforce/label/c.WebexCallLog_DurationValue';
import { formatLabel } from 'c/webexLabelFormat';

export type CallDirection = WebexCallLogInput['direction'];

/** Lead IDs start with 00Q in every org: Salesforce relates a lead's tasks to nothing else. */
const LEAD_KEY_PREFIX = '00Q';

/**
 * The call results offered, stored as these English values in Task.CallDisposition whatever the rep's language,
 * so reports group them the same for everyone; each is shown by its label.
 */
export const DISPOSITIONS: ReadonlyArray<{ value: string; label: string }> = [
    { value: 'Connected', label: DISP_CONNECTED },
    { value: 'Left voicemail', label: DISP_VOICEMAIL },
    { value: 'No answer', label: DISP_NO_ANSWER },
    { value: 'Busy', label: DISP_BUSY },
    { value: 'Wrong number', label: DISP_WRONG_NUMBER },
    { value: 'Call back later', label: DISP_CALL_BACK }
];

/** The combobox's options: none first (the empty value), then each result. */
export function dispositionOptions(): Array<{ value: string; label: string }> {
    return [{ value: '', label: DISP_NONE }, ...DISPOSITIONS];
}

/** "Outbound call to Ada Lovelace", "Inbound call from +33 1 23 45 67 89": the person's name, else the number. */
export function defaultSubject(
    direction: CallDirection | null | undefined,
    whoName: string | null | undefined,
    phoneNumber: string | null | undefined
): string {
    const other = whoName?.trim() || phoneNumber?.trim() || UNKNOWN_NUMBER;
    return formatLabel(direction === 'Inbound' ? SUBJECT_INBOUND : SUBJECT_OUTBOUND, other);
}

/** Whether the call's person is a lead (who cannot go with a Related to record). */
export function isLead(whoId: string | null | undefined): boolean {
    return Boolean(whoId && whoId.startsWith(LEAD_KEY_PREFIX));
}

/** "3 min 05 s". */
export function formatDuration(seconds: number): string {
    const whole = Math.max(0, Math.round(seconds));
    return formatLabel(DURATION_VALUE, Math.floor(whole / 60), String(whole % 60).padStart(2, '0'));
}

/**
 * The duration line: the call's length; with Unified CM or BroadWorks, that the phone system does not give it
 * (B8); during the call, that it comes at the end; after a call whose length never came, that it is not known.
 */
export function durationText(
    backend: WebexCallingBackend | null | undefined,
    durationSeconds: number | null | undefined,
    callEnded: boolean
): string {
    if (backend === 'UnifiedCM' || backend === 'BroadWorks') return DURATION_UNAVAILABLE;
    if (typeof durationSeconds === 'number' && Number.isFinite(durationSeconds)) return formatDuration(durationSeconds);
    return callEnded ? DURATION_UNKNOWN : DURATION_PENDING;
}

/** What the rep can change in the panel. */
export interface CallLogNotes {
    subject: string;
    comments: string;
    whatId: string | null;
    disposition: string;
}

/** The call the panel logs, as the dialer describes it. */
export interface CallFacts {
    callId: string;
    direction: CallDirection;
    phoneNumber: string | null;
    whoId: string | null;
    durationSeconds: number | null;
}

/** The log to save: empty texts as null, no Related to with a lead. */
export function toInput(call: CallFacts, notes: CallLogNotes): WebexCallLogInput {
    const orNull = (text: string | null | undefined): string | null => (text && text.trim() ? text : null);
    return {
        callId: call.callId,
        direction: call.direction,
        phoneNumber: orNull(call.phoneNumber),
        subject: notes.subject.trim(),
        comments: orNull(notes.comments),
        whoId: orNull(call.whoId),
        whatId: isLead(call.whoId) ? null : orNull(notes.whatId),
        disposition: orNull(notes.disposition),
        durationSeconds:
            typeof call.durationSeconds === 'number' && Number.isFinite(call.durationSeconds)
                ? Math.max(0, Math.round(call.durationSeconds))
                : null
    };
}

/** Whether two states of the notes differ in anything the rep would lose (spaces around the subject aside). */
export function notesDiffer(left: CallLogNotes, right: CallLogNotes): boolean {
    return (
        left.subject.trim() !== right.subject.trim() ||
        left.comments !== right.comments ||
        (left.whatId ?? null) !== (right.whatId ?? null) ||
        left.disposition !== right.disposition
    );
}
