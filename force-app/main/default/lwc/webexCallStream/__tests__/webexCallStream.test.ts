import { subscribe, unsubscribe, onError } from 'lightning/empApi';
import {
    CallStream,
    FIRST_RETRY_DELAY_MS,
    MAX_RETRY_DELAY_MS,
    SUBSCRIBE_TIMEOUT_MS,
    concernsChannel,
    retryDelay
} from 'c/webexCallStream';

const mockSubscribe = jest.mocked(subscribe);
const mockUnsubscribe = jest.mocked(unsubscribe);
const mockOnError = jest.mocked(onError);

const CHANNEL = '/u/WebexCallEvents';
const onPayload = jest.fn();

async function flush(): Promise<void> {
    await Array.from({ length: 12 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

describe('c/webexCallStream', () => {
    beforeEach(() => {
        mockUnsubscribe.mockResolvedValue({});
    });
    afterEach(() => {
        jest.resetAllMocks();
        jest.useRealTimers();
    });

    it('subscribes to the newest events of the channel, hands each payload on, and unsubscribes when closed', async () => {
        let deliver: (payload: unknown) => void = () => undefined;
        mockSubscribe.mockImplementation(async (channel, replayId, onMessage) => {
            deliver = (payload) =>
                onMessage({ channel, data: { event: { replayId: 1, createdDate: '' }, payload } } as never);
            return { id: 'sub-1', channel, replayId };
        });
        const stream = new CallStream(onPayload);
        await stream.connect(CHANNEL);
        expect(mockSubscribe).toHaveBeenCalledWith(CHANNEL, -1, expect.any(Function));
        expect(stream.hasProblem).toBe(false);
        deliver('{"callId":"call-1"}');
        expect(onPayload).toHaveBeenCalledWith('{"callId":"call-1"}');
        // Once: a second connect, to this channel or another, changes nothing.
        await stream.connect('/u/Other');
        expect(mockSubscribe).toHaveBeenCalledTimes(1);
        await stream.close();
        expect(mockUnsubscribe).toHaveBeenCalledWith({ id: 'sub-1', channel: CHANNEL, replayId: -1 });
        await stream.close();
        expect(mockUnsubscribe).toHaveBeenCalledTimes(1);
    });

    it('says when the channel cannot be reached, and when it fails later', async () => {
        jest.useFakeTimers();
        const problems: boolean[] = [];
        mockSubscribe.mockRejectedValueOnce(new Error('no streaming'));
        const stream = new CallStream(onPayload);
        const stop = stream.onProblem((problem) => problems.push(problem));
        await stream.connect(CHANNEL);
        expect(stream.hasProblem).toBe(true);
        mockSubscribe.mockResolvedValue({ id: 'sub-2', channel: CHANNEL, replayId: -1 });
        await jest.advanceTimersByTimeAsync(FIRST_RETRY_DELAY_MS);
        expect(stream.hasProblem).toBe(false);
        const handler = mockOnError.mock.calls[0][0];
        handler({ channel: '/event/Other__e' });
        expect(stream.hasProblem).toBe(false);
        handler({ channel: CHANNEL });
        expect(problems).toEqual([true, false, true]);
        stop();
        await jest.advanceTimersByTimeAsync(FIRST_RETRY_DELAY_MS);
        expect(stream.hasProblem).toBe(false);
        expect(problems).toEqual([true, false, true]);
        await stream.close();
        handler(null);
        expect(stream.hasProblem).toBe(false);
    });

    describe('retrying the subscription', () => {
        const SUBSCRIPTION = { id: 'sub-r', channel: CHANNEL, replayId: -1 };

        beforeEach(() => {
            jest.useFakeTimers();
        });
        afterEach(() => {
            jest.useRealTimers();
        });

        /** Lets the fake clock run `ms`, with the promise turns each timer starts. */
        async function elapse(ms: number): Promise<void> {
            await jest.advanceTimersByTimeAsync(ms);
            await flush();
        }

        it('waits 1 s, 2 s, 4 s… between tries, never more than a minute', () => {
            expect([0, 1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([
                1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000
            ]);
            expect(retryDelay(0)).toBe(FIRST_RETRY_DELAY_MS);
            expect(retryDelay(100)).toBe(MAX_RETRY_DELAY_MS);
        });

        it('tries again with back-off until the channel accepts, then clears the problem', async () => {
            const problems: boolean[] = [];
            mockSubscribe
                .mockRejectedValueOnce(new Error('400::The channel you requested to subscribe to does not exist'))
                .mockRejectedValueOnce(new Error('still missing'))
                .mockResolvedValue(SUBSCRIPTION);
            const stream = new CallStream(onPayload);
            stream.onProblem((problem) => problems.push(problem));

            await stream.connect(CHANNEL);
            expect(mockSubscribe).toHaveBeenCalledTimes(1);
            expect(stream.hasProblem).toBe(true);

            await elapse(FIRST_RETRY_DELAY_MS - 1);
            expect(mockSubscribe).toHaveBeenCalledTimes(1);
            await elapse(1);
            expect(mockSubscribe).toHaveBeenCalledTimes(2);
            expect(stream.hasProblem).toBe(true);

            await elapse(2 * FIRST_RETRY_DELAY_MS);
            expect(mockSubscribe).toHaveBeenCalledTimes(3);
            expect(stream.hasProblem).toBe(false);
            expect(problems).toEqual([true, false]);

            await elapse(10 * MAX_RETRY_DELAY_MS);
            expect(mockSubscribe).toHaveBeenCalledTimes(3);
            await stream.close();
            expect(mockUnsubscribe).toHaveBeenCalledWith(SUBSCRIPTION);
        });

        it('keeps trying at most once a minute for as long as it fails', async () => {
            mockSubscribe.mockRejectedValue(new Error('streaming is off'));
            const stream = new CallStream(onPayload);
            await stream.connect(CHANNEL);
            // 1 + 2 + 4 + 8 + 16 + 32 s, then once a minute.
            await elapse(63_000);
            expect(mockSubscribe).toHaveBeenCalledTimes(7);
            await elapse(MAX_RETRY_DELAY_MS - 1);
            expect(mockSubscribe).toHaveBeenCalledTimes(7);
            await elapse(1);
            expect(mockSubscribe).toHaveBeenCalledTimes(8);
            expect(stream.hasProblem).toBe(true);
            await stream.close();
            await elapse(10 * MAX_RETRY_DELAY_MS);
            expect(mockSubscribe).toHaveBeenCalledTimes(8);
        });

        it('treats a subscription that never answers as failed, and drops it if it answers late', async () => {
            let answer: (subscription: typeof SUBSCRIPTION) => void = () => undefined;
            mockSubscribe
                .mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
                .mockResolvedValue({ ...SUBSCRIPTION, id: 'sub-2' });
            const stream = new CallStream(onPayload);
            const connecting = stream.connect(CHANNEL);
            await elapse(SUBSCRIBE_TIMEOUT_MS);
            await connecting;
            expect(stream.hasProblem).toBe(true);

            answer(SUBSCRIPTION);
            await flush();
            expect(mockUnsubscribe).toHaveBeenCalledWith(SUBSCRIPTION);

            await elapse(FIRST_RETRY_DELAY_MS);
            expect(mockSubscribe).toHaveBeenCalledTimes(2);
            expect(stream.hasProblem).toBe(false);
            await stream.close();
        });

        it('subscribes again when empApi reports the stream lost', async () => {
            mockSubscribe.mockResolvedValue(SUBSCRIPTION);
            const stream = new CallStream(onPayload);
            await stream.connect(CHANNEL);
            expect(stream.hasProblem).toBe(false);

            const reportError = mockOnError.mock.calls[0][0];
            reportError({ channel: '/meta/connect', error: '403::Unknown client' });
            expect(stream.hasProblem).toBe(true);
            expect(mockUnsubscribe).toHaveBeenCalledWith(SUBSCRIPTION);

            await elapse(FIRST_RETRY_DELAY_MS);
            expect(mockSubscribe).toHaveBeenCalledTimes(2);
            expect(stream.hasProblem).toBe(false);
            // One error listener, however many tries.
            expect(mockOnError).toHaveBeenCalledTimes(1);
            await stream.close();
        });
    });

    it('tells which empApi errors are about the channel', () => {
        expect(concernsChannel({ channel: CHANNEL }, CHANNEL)).toBe(true);
        expect(concernsChannel({ channel: '/meta/subscribe', subscription: CHANNEL }, CHANNEL)).toBe(true);
        expect(concernsChannel({ channel: '/meta/connect' }, CHANNEL)).toBe(true);
        expect(concernsChannel({ error: 'handshake denied' }, CHANNEL)).toBe(true);
        expect(concernsChannel('lost', CHANNEL)).toBe(true);
        expect(concernsChannel({ channel: '/event/Other__e' }, CHANNEL)).toBe(false);
        expect(concernsChannel({ channel: '/meta/subscribe', subscription: '/u/Other' }, CHANNEL)).toBe(false);
    });

    it('unsubscribes at once when closed before the subscription came back', async () => {
        let subscribed: (value: { id: string; channel: string; replayId: number }) => void = () => undefined;
        mockSubscribe.mockReturnValue(new Promise((resolve) => (subscribed = resolve)));
        const stream = new CallStream(onPayload);
        const connecting = stream.connect(CHANNEL);
        await stream.close();
        subscribed({ id: 'sub-3', channel: CHANNEL, replayId: -1 });
        await connecting;
        expect(mockUnsubscribe).toHaveBeenCalledWith({ id: 'sub-3', channel: CHANNEL, replayId: -1 });
    });
});
