/**
 * The inbound screen pop (B3): who is calling, among the rep's records. The pushes and the claim of the
 * call by one tab are `c/webexCallSession`'s and `c/webexCallClaim`'s; this module starts once the tab
 * shows an inbound call.
 *
 * - The caller's number is matched as the rep (`matchCaller`, sharing applies). One record is opened
 *   (`onFound`); several are offered to choose from; none offer New Contact / New Lead with the number
 *   filled in (`newRecordPage`). A withheld number is not looked up.
 * - An answer that comes after the call changed is dropped: it would open a record for the wrong call.
 */
import type { PageReference } from 'lightning/navigation';
import { encodeDefaultFieldValues } from 'lightning/pageReferenceUtils';
import { isEstablished, type CallState } from 'c/webexCallState';
import { toWebexError } from 'c/webexErrors';

/** The caller matching of the inbound call this tab shows. */
export interface InboundMatch {
    callId: string;
    /** The records with the caller's number; null until known. */
    matches: WebexPersonMatch[] | null;
    matching: boolean;
    /** Why the records could not be looked up. */
    error: string | null;
}

/** A record a call is with. */
export interface CallParty {
    recordId: string;
    objectApiName: string | null;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
}

export interface CallerPopOptions {
    /** The records with this number (`WebexCallController.matchCaller`). */
    match: (phoneNumber: string) => Promise<WebexPersonMatch[] | null | undefined>;
    onChange: (match: InboundMatch | null) => void;
    /** Exactly one record has the number: the dialer opens it. */
    onFound: (caller: CallParty) => void;
}

/** Whether `call` is the inbound call `match` looks the caller up for. */
export function isPoppedCall(match: InboundMatch | null, call: CallState): boolean {
    return call.direction === 'inbound' && match !== null && match.callId === call.callId;
}

/** Answered with the caller still to choose (several records) or to create (none): the choice stays on screen. */
export function needsCallerChoice(match: InboundMatch | null, call: CallState, callerKnown: boolean): boolean {
    if (!isPoppedCall(match, call) || !isEstablished(call) || callerKnown) return false;
    return Boolean(match?.matches && match.matches.length !== 1);
}

/** One dialer's pop of the inbound call it shows. */
export class CallerPop {
    private current: InboundMatch | null = null;
    private readonly options: CallerPopOptions;

    constructor(options: CallerPopOptions) {
        this.options = options;
    }

    get match(): InboundMatch | null {
        return this.current;
    }

    /** Whether `call` is a new inbound call to look the caller up for. */
    isNew(call: CallState): boolean {
        return call.direction === 'inbound' && Boolean(call.callId) && call.callId !== this.current?.callId;
    }

    /** Looks up who calls from `phoneNumber` (null: withheld) on the call `callId`. */
    async start(callId: string, phoneNumber: string | null): Promise<void> {
        this.set({ callId, matches: phoneNumber ? null : [], matching: Boolean(phoneNumber), error: null });
        if (!phoneNumber) return;
        try {
            const matches = (await this.options.match(phoneNumber)) ?? [];
            if (this.current?.callId !== callId) return;
            this.set({ ...this.current, matches, matching: false });
            if (matches.length === 1) this.options.onFound(matches[0]);
        } catch (error) {
            if (this.current?.callId !== callId) return;
            this.set({ ...this.current, matching: false, error: toWebexError(error).message });
        }
    }

    /** The call is over: a late answer is dropped. */
    forget(): void {
        this.set(null);
    }

    private set(match: InboundMatch | null): void {
        this.current = match;
        this.options.onChange(match);
    }
}

/** The caller's record page: the screen pop. */
export function recordPage(caller: CallParty): PageReference {
    return {
        type: 'standard__recordPage',
        attributes: { recordId: caller.recordId, objectApiName: caller.objectApiName ?? undefined, actionName: 'view' }
    };
}

/** The standard new-record page of `objectApiName`, the caller's number (when known) in Phone. */
export function newRecordPage(objectApiName: string, phone: string | null | undefined): PageReference {
    return {
        type: 'standard__objectPage',
        attributes: { objectApiName, actionName: 'new' },
        state: { defaultFieldValues: phone ? encodeDefaultFieldValues({ Phone: phone }) : undefined }
    };
}
