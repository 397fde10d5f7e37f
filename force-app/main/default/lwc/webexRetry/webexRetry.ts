/**
 * Runs a call (an imperative Apex method) and, when Webex rate-limits it (`RATE_LIMITED`, with the
 * seconds to wait from `Retry-After`), waits and tries again: at most `maxRetries` times (3). Each
 * second of each wait is reported, so the page can say "Retrying in 4 s (attempt 1 of 3)…". After the
 * last retry the rate-limit error is rethrown as it came: its message already tells the person to
 * wait a minute. Any other failure is rethrown at once.
 *
 * The clock is injectable (`sleep`) so tests run without real waits.
 */
import { toWebexError } from 'c/webexErrors';

/** Retries after the first attempt, as the package promises (README, "Webex Integration Settings"). */
export const MAX_RETRIES = 3;
/** Used when a rate-limit error carries no wait (the Apex callout client's own default). */
export const DEFAULT_RETRY_AFTER_SECONDS = 5;
/**
 * A wait longer than this is not worth keeping a person in front of a spinner: the rate-limit
 * error is shown instead, and its message says to wait and try again.
 */
export const MAX_WAIT_SECONDS = 60;

/** One second of a wait before a retry: what the page shows. */
export interface RetryWait {
    /** Seconds before the retry starts (counts down to 1). */
    secondsLeft: number;
    /** Which retry this wait is for: 1 for the first retry. */
    attempt: number;
    /** How many retries there can be at most. */
    maxAttempts: number;
}

export interface RetryOptions {
    /** Retries after the first attempt (default 3). */
    maxRetries?: number;
    /** Called each second of a wait, then with `null` when the retry starts. */
    onWait?: (wait: RetryWait | null) => void;
    /** Waits `ms` milliseconds (default: a timer); tests pass their own. */
    sleep?: (ms: number) => Promise<void>;
}

function defaultSleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
        // A deliberate wait: Webex asked the package to come back after Retry-After seconds.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        setTimeout(resolve, ms);
    });
}

/** Whole seconds to wait before a retry, or null when the wait is too long to keep the person waiting. */
function secondsToWait(retryAfterSeconds: number | null): number | null {
    const seconds = Math.ceil(retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS);
    return seconds > MAX_WAIT_SECONDS ? null : Math.max(0, seconds);
}

export async function callWithRetry<T>(call: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
    const maxRetries = Math.max(0, options.maxRetries ?? MAX_RETRIES);
    const sleep = options.sleep ?? defaultSleep;
    const report = options.onWait ?? (() => undefined);

    const countDown = async (secondsLeft: number, attempt: number): Promise<void> => {
        if (secondsLeft <= 0) return;
        report({ secondsLeft, attempt, maxAttempts: maxRetries });
        await sleep(1000);
        await countDown(secondsLeft - 1, attempt);
    };

    const attempt = async (retry: number): Promise<T> => {
        try {
            return await call();
        } catch (error) {
            const failure = toWebexError(error);
            if (failure.code !== 'RATE_LIMITED' || retry >= maxRetries) throw error;
            const seconds = secondsToWait(failure.retryAfterSeconds);
            if (seconds === null) throw error;
            await countDown(seconds, retry + 1);
            report(null);
            return attempt(retry + 1);
        }
    };

    return attempt(0);
}
