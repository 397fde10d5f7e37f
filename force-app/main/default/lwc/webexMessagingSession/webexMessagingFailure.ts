/**
 * Failures of messaging, from the SDK or from Apex, as one shape a rep's sentence comes with: `code`, `message`,
 * `retryAfterSeconds` (and `retryAfter`, the same), which `c/webexErrors` reads as it reads the controllers' errors.
 *
 * The SDK rejects with its HTTP error (`statusCode`, `headers`, Webex's JSON `body`), or a plain error when the
 * request never got an answer. Webex's statuses (developer.webex.com › API Behaviors › HTTP Response Codes,
 * https://developer.webex.com/docs/basics): 404 for a space that is gone or that the rep is no longer in, 429 with
 * `Retry-After` seconds, 413 for a file over the limit, 5xx when Webex is unwell.
 */
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import FILE_DOWNLOAD from '@salesforce/label/c.WebexSpaces_ErrorFileDownload';
import FILE_TOO_LARGE from '@salesforce/label/c.WebexSpaces_ErrorFileTooLarge';
import FILES_NEED_LIVE from '@salesforce/label/c.WebexSpaces_ErrorFilesNeedLive';
import RATE_LIMITED from '@salesforce/label/c.WebexSpaces_ErrorRateLimited';
import SIGN_IN from '@salesforce/label/c.WebexSpaces_ErrorSignIn';
import SPACE_NOT_FOUND from '@salesforce/label/c.WebexSpaces_ErrorSpaceNotFound';
import UNAVAILABLE from '@salesforce/label/c.WebexSpaces_ErrorUnavailable';

/** Webex's limit per file (developer.webex.com › Messages › Create a Message: "100MB per file"). */
export const MAX_FILE_BYTES = 100 * 1024 * 1024;

/** The codes messaging adds to the package's (`WebexErrorCode`). */
export type MessagingErrorCode =
    WebexErrorCode | 'SPACE_NOT_FOUND' | 'FILE_TOO_LARGE' | 'FILES_NEED_LIVE' | 'FILE_DOWNLOAD' | 'RECONNECT';

const MESSAGES: Partial<Record<MessagingErrorCode, string>> = {
    SPACE_NOT_FOUND,
    FILE_TOO_LARGE,
    FILES_NEED_LIVE,
    FILE_DOWNLOAD,
    INVALID_TOKEN: SIGN_IN,
    WEBEX_UNAVAILABLE: UNAVAILABLE
};

/** Used when Webex asks to slow down without saying for how long. */
const DEFAULT_RETRY_AFTER_SECONDS = 5;

export class MessagingFailure extends Error {
    readonly code: MessagingErrorCode;
    readonly retryAfterSeconds: number | null;
    /** The same as `retryAfterSeconds` (the contract's name). */
    readonly retryAfter: number | null;

    constructor(code: MessagingErrorCode, message: string, retryAfterSeconds: number | null = null) {
        super(message);
        this.name = 'MessagingFailure';
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
        this.retryAfter = retryAfterSeconds;
    }

    /** The failure with the package's sentence for `code`. */
    static of(code: MessagingErrorCode, retryAfterSeconds: number | null = null): MessagingFailure {
        if (code === 'RATE_LIMITED') {
            const seconds = retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS;
            return new MessagingFailure(code, formatLabel(RATE_LIMITED, seconds), seconds);
        }
        return new MessagingFailure(code, MESSAGES[code] ?? UNAVAILABLE, retryAfterSeconds);
    }
}

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
    return typeof value === 'object' && value !== null;
}

/** `Retry-After` in seconds, from the SDK error's headers (any case). */
function retryAfterOf(headers: unknown): number | null {
    if (!isObject(headers)) return null;
    const entry = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after');
    const seconds = Number(entry?.[1]);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : null;
}

/** The code an Apex controller put in its error (`{ code, message }` as JSON), even one `c/webexErrors` lacks. */
function apexCode(error: unknown): string | null {
    const text = isObject(error) && isObject(error.body) ? error.body.message : null;
    if (typeof text !== 'string' || !text.trim().startsWith('{')) return null;
    try {
        const payload = JSON.parse(text) as Loose;
        return typeof payload.code === 'string' ? payload.code : null;
    } catch {
        return null;
    }
}

/** Any failure of messaging as a `MessagingFailure`. */
export function toMessagingFailure(error: unknown): MessagingFailure {
    if (error instanceof MessagingFailure) return error;
    if (isObject(error) && typeof error.statusCode === 'number') {
        const status = error.statusCode;
        if (status === 429) return MessagingFailure.of('RATE_LIMITED', retryAfterOf(error.headers));
        if (status === 404 || status === 403) return MessagingFailure.of('SPACE_NOT_FOUND');
        if (status === 413) return MessagingFailure.of('FILE_TOO_LARGE');
        if (status === 401) return MessagingFailure.of('INVALID_TOKEN');
        return MessagingFailure.of('WEBEX_UNAVAILABLE');
    }
    if (isObject(error) && ('body' in error || 'status' in error)) {
        // An Apex controller's error: its sentence as it wrote it, its code even if c/webexErrors does not know it.
        const payload = toWebexError(error);
        const code = (apexCode(error) ?? payload.code) as MessagingErrorCode;
        return new MessagingFailure(code, payload.message, payload.retryAfterSeconds);
    }
    // The request never got an answer (offline, the socket or a CORS refusal): the SDK's own errors carry no status.
    return MessagingFailure.of('WEBEX_UNAVAILABLE');
}

/** The answer of a request to Webex or to Apex, or its failure as a `MessagingFailure` a rep can act on. */
export async function asMessagingFailure<T>(request: () => Promise<T>): Promise<T> {
    try {
        return await request();
    } catch (error) {
        throw toMessagingFailure(error);
    }
}
