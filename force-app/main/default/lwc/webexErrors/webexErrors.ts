/**
 * Turns whatever a failed call rejects with into a `WebexApexErrorPayload` whose message a person can
 * act on.
 *
 * The package's controllers throw an AuraHandledException whose message is the payload as JSON
 * (types/webex-apex-dto.d.ts). The Lightning runtime hands the component
 * `{ status, body: { message } }`; other failures come in other shapes: an unhandled Apex exception
 * (plain text message), a UI API / DML failure (`body` is an array, or carries `pageErrors` and
 * `fieldErrors`), a JavaScript `Error`, a string, several of these in an array, or nothing at all
 * (the browser lost Salesforce).
 */
import GENERIC from '@salesforce/label/c.WebexError_Generic';
import NOT_ADMIN from '@salesforce/label/c.WebexError_NotAdmin';
import NOT_WEBEX_USER from '@salesforce/label/c.WebexError_NotWebexUser';
import SALESFORCE_UNREACHABLE from '@salesforce/label/c.WebexError_SalesforceUnreachable';
import UNKNOWN from '@salesforce/label/c.WebexError_Unknown';
import { formatLabel } from 'c/webexLabelFormat';

const CODES: readonly WebexErrorCode[] = [
    'INVALID_INPUT',
    'INVALID_TOKEN',
    'FORBIDDEN',
    'NOT_FOUND',
    'RATE_LIMITED',
    'WEBEX_UNAVAILABLE',
    'NETWORK',
    'NO_TOKEN',
    'NO_SITE',
    'NOT_ADMIN',
    'NOT_AUTHORIZED',
    'NOT_SYSTEM_ADMIN',
    'METADATA_API_ERROR',
    'NOT_CONNECTED',
    'UNSUPPORTED_BACKEND',
    'RECONNECT',
    'SPACE_NOT_FOUND',
    'UNEXPECTED'
];

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
    return typeof value === 'object' && value !== null;
}

/** Label values and server messages may carry line breaks and indentation: show them as one line. */
function tidy(text: string): string {
    return text.replace(/\s+/g, ' ').trim();
}

function unknownError(): WebexApexErrorPayload {
    return { code: 'UNEXPECTED', message: tidy(UNKNOWN), retryAfterSeconds: null };
}

function isCode(value: unknown): value is WebexErrorCode {
    return typeof value === 'string' && (CODES as readonly string[]).includes(value);
}

/** A payload already shaped by the package (`{ code, message, retryAfterSeconds }`), or null. */
function asPayload(value: unknown): WebexApexErrorPayload | null {
    if (!isObject(value) || typeof value.code !== 'string' || typeof value.message !== 'string') return null;
    const message = tidy(value.message);
    if (!message) return { ...unknownError(), code: isCode(value.code) ? value.code : 'UNEXPECTED' };
    const seconds = value.retryAfterSeconds;
    return {
        code: isCode(value.code) ? value.code : 'UNEXPECTED',
        message,
        retryAfterSeconds: typeof seconds === 'number' && Number.isFinite(seconds) && seconds >= 0 ? seconds : null
    };
}

/** The package's payload, when `text` is one serialized as JSON. */
function parsePayload(text: string): WebexApexErrorPayload | null {
    const trimmed = text.trim();
    if (!trimmed.startsWith('{')) return null;
    try {
        return asPayload(JSON.parse(trimmed));
    } catch {
        return null;
    }
}

/**
 * The controllers the Webex Admin permission set gives access to (the others, the Cisco Webex User one): what a
 * user lacking it is told to ask for. The Jest test keeps this list equal to the permission set's classAccesses.
 */
export const ADMIN_CONTROLLERS: readonly string[] = [
    'WebexAdminController',
    'WebexCallingAdminController',
    'WebexEnablementController',
    'WebexHealthCheckController',
    'WebexPeopleSearchController',
    'WebexSalesforceAuthController',
    'WebexSalesforceAuthPageController',
    'WebexSiteController'
];

/**
 * The platform's refusal of a user without access to the Apex class (Apex Developer Guide › Class Security): "You
 * do not have access to the Apex class named 'X'." for a component's call, "…named: X" for Apex REST. Said as the
 * permission set the user lacks, in their language: the package's own check never ran.
 */
function classAccessRefusal(text: string): WebexApexErrorPayload | null {
    // An installed package's class is named with its namespace: `webexsf.WebexAdminController`.
    const match = /You do not have access to the Apex class named:?\s*'?((?:\w+\.)?\w+)/.exec(text);
    if (!match) return null;
    const className = (match[1].split('.').pop() ?? '').replace(/^\w+?__/, '');
    const admin = ADMIN_CONTROLLERS.includes(className);
    return {
        code: admin ? 'NOT_ADMIN' : 'FORBIDDEN',
        message: tidy(admin ? NOT_ADMIN : NOT_WEBEX_USER),
        retryAfterSeconds: null
    };
}

/** Messages from the server: the package's payload if one is, else the texts as they came. */
function fromMessages(messages: string[]): WebexApexErrorPayload | null {
    const texts = [...new Set(messages.map(tidy).filter(Boolean))];
    if (!texts.length) return null;
    for (const text of texts) {
        const payload = parsePayload(text) ?? classAccessRefusal(text);
        if (payload) return payload;
    }
    return { code: 'UNEXPECTED', message: tidy(formatLabel(GENERIC, texts.join(' '))), retryAfterSeconds: null };
}

/** Several failures at once (an array of rejections): the first one's code, every message once. */
function combine(parts: WebexApexErrorPayload[]): WebexApexErrorPayload | null {
    if (parts.length <= 1) return parts[0] ?? null;
    const messages = [...new Set(parts.map((part) => part.message))];
    return { ...parts[0], message: messages.join(' ') };
}

/** The text of one entry of an error list: a string, or an object's `message`. */
function textOf(entry: unknown): string | null {
    if (typeof entry === 'string') return entry;
    return isObject(entry) && typeof entry.message === 'string' && !('body' in entry) ? entry.message : null;
}

/** `{ message }` entries of `pageErrors` and `errors`, and the lists of `fieldErrors`. */
function messagesOf(body: Loose): string[] {
    const found: string[] = [];
    const collect = (list: unknown): void => {
        if (!Array.isArray(list)) return;
        for (const entry of list) {
            const text = textOf(entry);
            if (text !== null) found.push(text);
        }
    };
    const fromContainer = (container: unknown): void => {
        if (!isObject(container)) return;
        collect(container.pageErrors);
        collect(container.errors);
        if (isObject(container.fieldErrors)) Object.values(container.fieldErrors).forEach(collect);
    };
    fromContainer(body);
    fromContainer(body.output);
    return found;
}

function fromBody(body: unknown): WebexApexErrorPayload | null {
    if (typeof body === 'string') return fromMessages([body]);
    if (Array.isArray(body)) {
        const texts = body.map(textOf);
        // A list of messages (DML errors): one sentence. A list of rejections: each one read on its own.
        if (texts.every((text) => text !== null)) return fromMessages(texts as string[]);
        return combine(body.map((entry) => fromAnything(entry)).filter((part) => part !== null));
    }
    if (!isObject(body)) return null;
    const payload = asPayload(body);
    if (payload) return payload;
    if (typeof body.message === 'string' && body.message.trim()) return fromMessages([body.message]);
    return fromMessages(messagesOf(body));
}

function fromAnything(error: unknown): WebexApexErrorPayload | null {
    if (error === null || error === undefined) return null;
    if (typeof error === 'string') return fromMessages([error]);
    if (Array.isArray(error)) return fromBody(error);
    if (!isObject(error)) return fromMessages([String(error)]);
    const payload = asPayload(error);
    if (payload) return payload;
    if ('body' in error || 'status' in error) {
        // Status 0, or a response with neither status nor body: the request never reached Salesforce.
        const unreachable = {
            code: 'NETWORK' as const,
            message: tidy(SALESFORCE_UNREACHABLE),
            retryAfterSeconds: null
        };
        if (error.status === 0) return unreachable;
        const fromResponse = fromBody(error.body);
        if (fromResponse) return fromResponse;
        if (typeof error.status !== 'number' && !(typeof error.message === 'string' && error.message.trim()))
            return unreachable;
    }
    if (typeof error.message === 'string' && error.message.trim()) return fromMessages([error.message]);
    return fromBody(error);
}

/**
 * The failure as the package describes it: `code` tells a rate limit (with `retryAfterSeconds`)
 * from a wrong token; `message` is always a non-empty sentence meant for the person using the page.
 */
export function toWebexError(error: unknown): WebexApexErrorPayload {
    return fromAnything(error) ?? unknownError();
}

/** Whether a failure is Webex asking to slow down (the call can be retried after a wait). */
export function isRateLimited(error: unknown): boolean {
    return toWebexError(error).code === 'RATE_LIMITED';
}
