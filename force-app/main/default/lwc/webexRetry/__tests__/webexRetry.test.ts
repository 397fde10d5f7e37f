import { callWithRetry, DEFAULT_RETRY_AFTER_SECONDS, MAX_RETRIES, type RetryWait } from 'c/webexRetry';
import invalidTokenRejection from './data/invalidTokenRejection.json';
import rateLimitedRejection from './data/rateLimitedRejection.json';

/** A rate-limit rejection as the runtime delivers it, waiting `seconds` (or no wait at all). */
function rateLimited(seconds: number | null): unknown {
    const payload = { code: 'RATE_LIMITED', message: 'Slow down.', retryAfterSeconds: seconds };
    return { status: 500, body: { message: JSON.stringify(payload) } };
}

function recorder(): { waits: Array<RetryWait | null>; onWait: (wait: RetryWait | null) => void } {
    const waits: Array<RetryWait | null> = [];
    return { waits, onWait: (wait) => waits.push(wait) };
}

describe('c/webexRetry', () => {
    afterEach(() => {
        jest.useRealTimers();
    });

    it('returns the first answer without waiting', async () => {
        const call = jest.fn().mockResolvedValue('status');
        const sleep = jest.fn().mockResolvedValue(undefined);
        await expect(callWithRetry(call, { sleep })).resolves.toBe('status');
        expect(call).toHaveBeenCalledTimes(1);
        expect(sleep).not.toHaveBeenCalled();
    });

    it('waits the seconds Webex asks for, counting down each second, then retries', async () => {
        const call = jest.fn().mockRejectedValueOnce(rateLimitedRejection).mockResolvedValueOnce('status');
        const sleep = jest.fn().mockResolvedValue(undefined);
        const { waits, onWait } = recorder();
        await expect(callWithRetry(call, { sleep, onWait })).resolves.toBe('status');
        expect(call).toHaveBeenCalledTimes(2);
        expect(sleep.mock.calls).toEqual([[1000], [1000]]);
        expect(waits).toEqual([
            { secondsLeft: 2, attempt: 1, maxAttempts: 3 },
            { secondsLeft: 1, attempt: 1, maxAttempts: 3 },
            null
        ]);
    });

    it('numbers each retry, and gives up after the third with the rate-limit error as it came', async () => {
        const call = jest.fn().mockRejectedValue(rateLimited(1));
        const sleep = jest.fn().mockResolvedValue(undefined);
        const { waits, onWait } = recorder();
        await expect(callWithRetry(call, { sleep, onWait })).rejects.toEqual(rateLimited(1));
        expect(call).toHaveBeenCalledTimes(1 + MAX_RETRIES);
        expect(waits.filter((wait) => wait !== null).map((wait) => wait?.attempt)).toEqual([1, 2, 3]);
    });

    it('rethrows any other failure at once', async () => {
        const call = jest.fn().mockRejectedValue(invalidTokenRejection);
        const sleep = jest.fn().mockResolvedValue(undefined);
        await expect(callWithRetry(call, { sleep })).rejects.toBe(invalidTokenRejection);
        expect(call).toHaveBeenCalledTimes(1);
        expect(sleep).not.toHaveBeenCalled();
    });

    it('waits the default when the rate limit carries no wait, and rounds a fraction up', async () => {
        const sleep = jest.fn().mockResolvedValue(undefined);
        const noWait = jest.fn().mockRejectedValueOnce(rateLimited(null)).mockResolvedValueOnce('ok');
        await callWithRetry(noWait, { sleep });
        expect(sleep).toHaveBeenCalledTimes(DEFAULT_RETRY_AFTER_SECONDS);

        sleep.mockClear();
        const fraction = jest.fn().mockRejectedValueOnce(rateLimited(1.2)).mockResolvedValueOnce('ok');
        await callWithRetry(fraction, { sleep });
        expect(sleep).toHaveBeenCalledTimes(2);
    });

    it('retries at once when told to wait zero seconds', async () => {
        const call = jest.fn().mockRejectedValueOnce(rateLimited(0)).mockResolvedValueOnce('ok');
        const sleep = jest.fn().mockResolvedValue(undefined);
        const { waits, onWait } = recorder();
        await expect(callWithRetry(call, { sleep, onWait })).resolves.toBe('ok');
        expect(sleep).not.toHaveBeenCalled();
        expect(waits).toEqual([null]);
    });

    it('does not keep a person waiting more than a minute: the error is shown instead', async () => {
        const call = jest.fn().mockRejectedValue(rateLimited(3600));
        const sleep = jest.fn().mockResolvedValue(undefined);
        await expect(callWithRetry(call, { sleep })).rejects.toEqual(rateLimited(3600));
        expect(call).toHaveBeenCalledTimes(1);
        expect(sleep).not.toHaveBeenCalled();
    });

    it('honours a smaller number of retries, and none', async () => {
        const sleep = jest.fn().mockResolvedValue(undefined);
        const once = jest.fn().mockRejectedValue(rateLimited(1));
        await expect(callWithRetry(once, { sleep, maxRetries: 1 })).rejects.toBeDefined();
        expect(once).toHaveBeenCalledTimes(2);

        const never = jest.fn().mockRejectedValue(rateLimited(1));
        await expect(callWithRetry(never, { sleep, maxRetries: 0 })).rejects.toBeDefined();
        expect(never).toHaveBeenCalledTimes(1);
    });

    it('waits on a real clock by default', async () => {
        jest.useFakeTimers();
        const call = jest.fn().mockRejectedValueOnce(rateLimited(2)).mockResolvedValueOnce('after the wait');
        const result = callWithRetry(call);
        await jest.advanceTimersByTimeAsync(1999);
        expect(call).toHaveBeenCalledTimes(1);
        await jest.advanceTimersByTimeAsync(1);
        await expect(result).resolves.toBe('after the wait');
        expect(call).toHaveBeenCalledTimes(2);
    });
});
