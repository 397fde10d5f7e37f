/**
 * What an Apex controller of the package throws: an AuraHandledException whose message is the JSON
 * payload the components parse (types/webex-apex-dto.d.ts `WebexApexErrorPayload`).
 */
import { randomBytes } from 'node:crypto';
import type { EmulatedOrg } from './org-state.ts';

export class AuraHandledError extends Error {
    readonly payload: WebexApexErrorPayload;

    constructor(code: WebexErrorCode, message: string, retryAfterSeconds: number | null = null) {
        super(message);
        this.payload = { code, message, retryAfterSeconds };
    }

    /** The body the Lightning runtime hands a component for a failed imperative Apex call. */
    toResponseBody(): { message: string; exceptionType: string; isUserDefinedException: boolean } {
        return {
            message: JSON.stringify(this.payload),
            exceptionType: 'System.AuraHandledException',
            isUserDefinedException: false
        };
    }
}

/** One row of the Webex Error Log (WebexErrorLog__c): what the user was not shown. */
export interface LoggedFailure {
    reference: string;
    exceptionType: string;
    message: string;
    /** As Origin__c: the operation the caller named, else null (a stack's first frame has no TypeScript peer). */
    origin: string | null;
    userId: string;
    at: string;
}

/** As WebexErrorLog.MAX_TEXT: the most characters of a message the log keeps. */
export const MAX_LOGGED_TEXT = 8000;

/** As String.abbreviate: at most `max` characters, the last three `...` when cut. */
function abbreviate(text: string, max: number): string {
    return text.length <= max ? text : `${text.slice(0, max - 3)}...`;
}

// Per record store, which a reset replaces: a fresh org's Webex Error Log is empty.
const logs = new WeakMap<object, LoggedFailure[]>();

/** The emulated org's Webex Error Log, oldest first. */
export function loggedFailures(org: EmulatedOrg): LoggedFailure[] {
    let log = logs.get(org.records);
    if (!log) {
        log = [];
        logs.set(org.records, log);
    }
    return log;
}

/**
 * As WebexException.toAuraHandled for a failure the package did not expect (WebexException.unexpected):
 * the details go to the Webex Error Log under a reference (`WX-` and 8 hexadecimal characters), and
 * the component receives `UNEXPECTED` with the generic label and that reference, never the message.
 */
export function unexpectedFailure(org: EmulatedOrg, error: unknown, origin: string | null = null): AuraHandledError {
    return logged(org, error, origin, true);
}

/**
 * As WebexException.messageForUser(failure, origin, false), in a Visualforce controller's constructor,
 * where nothing may be written: the same reference and message, the details in the debug log only
 * (here the workbench's console), not in the Webex Error Log.
 */
export function unexpectedFailureInDebugLog(org: EmulatedOrg, error: unknown, origin: string): AuraHandledError {
    return logged(org, error, origin, false);
}

function logged(org: EmulatedOrg, error: unknown, origin: string | null, publish: boolean): AuraHandledError {
    if (error instanceof AuraHandledError) return error;
    const reference = `WX-${randomBytes(4).toString('hex').toUpperCase()}`;
    const failure: LoggedFailure = {
        reference,
        exceptionType: error instanceof Error ? error.name : typeof error,
        message: abbreviate(error instanceof Error ? error.message : String(error), MAX_LOGGED_TEXT),
        origin,
        userId: org.user.id,
        at: new Date().toISOString()
    };
    if (publish) loggedFailures(org).push(failure);
    // The workbench's own console plays the Webex Error Log tab (and the debug log) for whoever runs it.
    console.warn(
        `Webex Error Log ${reference}${origin ? ` (${origin})` : ''}: ${failure.exceptionType}: ${failure.message}`
    );
    return new AuraHandledError('UNEXPECTED', org.label('WebexError_Reference', reference));
}

/** `scheme://host[:port]` of a URL, as WebexHttp names the host a callout could not reach. */
function hostOf(url: string): string {
    try {
        const parsed = new URL(url);
        return `${parsed.protocol}//${parsed.host}`;
    } catch {
        return url;
    }
}

/**
 * As WebexHttp.send for a callout that failed before any answer for another reason than Remote Site
 * Settings (the host refused the connection, DNS, TLS): `NETWORK` naming the host and the network
 * condition met. A host missing from Remote Site Settings keeps the client's own message.
 */
export function connectionFailure(org: EmulatedOrg, url: string, error: unknown): AuraHandledError {
    const cause = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
    const condition = typeof cause === 'string' ? cause : error instanceof Error ? error.message : String(error);
    return new AuraHandledError('NETWORK', org.label('WebexError_ConnectionFailed', hostOf(url), condition));
}
