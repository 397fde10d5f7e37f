/**
 * The dialer's subscription to the rep's call pushes: the user's Generic Streaming channel
 * (`WebexDialerSettings.eventChannel`, docs/calling.md) through `lightning/empApi`, each push's
 * `data.payload` handed on as it came (`c/webexCallSession` reads it).
 *
 * The subscription is retried until it works: a refused subscription (the channel not created yet,
 * streaming unavailable), one that never answers (`SUBSCRIBE_TIMEOUT_MS`), and a stream `empApi` reports as
 * failed are tried again after 1 s, 2 s, 4 s… up to `MAX_RETRY_DELAY_MS` between tries, for as long as the
 * dialer is open. Meanwhile `hasProblem` is true, so the panel can say the tab is not receiving calls; it
 * clears once subscribed.
 */
import { subscribe, unsubscribe, onError, type EmpMessage, type EmpSubscription } from 'lightning/empApi';

/** The newest events only: a dialer that subscribes late must not replay yesterday's calls. */
const NEWEST_EVENTS = -1;
/** The wait before the first new try after a failed subscription; it doubles at each failure. */
export const FIRST_RETRY_DELAY_MS = 1000;
/** The longest wait between two tries. */
export const MAX_RETRY_DELAY_MS = 60_000;
/** A subscription that has not answered by then is treated as failed (and dropped if it answers later). */
export const SUBSCRIBE_TIMEOUT_MS = 10_000;

/** The wait before try number `failures + 1`: 1 s, 2 s, 4 s… capped at `MAX_RETRY_DELAY_MS`. */
export function retryDelay(failures: number): number {
    return Math.min(FIRST_RETRY_DELAY_MS * 2 ** Math.max(0, failures), MAX_RETRY_DELAY_MS);
}

/**
 * Whether an `empApi` error is about this channel: one naming it (as `channel` or `subscription`), or
 * one of the connection itself (a `/meta/` channel such as `/meta/connect`, or none), which every
 * subscription shares. An error about another channel is not.
 */
export function concernsChannel(error: unknown, channel: string): boolean {
    if (typeof error !== 'object' || error === null) return true;
    const report = error as Record<string, unknown>;
    const failed = report.channel;
    const named = report.subscription;
    if (named === channel || failed === channel) return true;
    if (typeof named === 'string' && named) return false;
    return typeof failed !== 'string' || !failed || failed.startsWith('/meta/');
}

/** One dialer's push subscription. `connect()` it to the channel, `close()` it when the dialer goes. */
export class CallStream {
    private readonly onPayload: (payload: unknown) => void;
    private subscription: EmpSubscription | null = null;
    private closed = false;
    private channel: string | null = null;
    private subscribing = false;
    private listeningForErrors = false;
    /** Failed tries since the last subscription that worked. */
    private failures = 0;
    private retryTimer: ReturnType<typeof setTimeout> | null = null;
    private problem = false;
    private readonly problemListeners = new Set<(problem: boolean) => void>();

    /** `onPayload` gets each push's payload (JSON text from Salesforce, the object itself in the workbench). */
    constructor(onPayload: (payload: unknown) => void) {
        this.onPayload = onPayload;
    }

    /** True while the channel does not work: calls made elsewhere cannot reach this tab (it retries). */
    get hasProblem(): boolean {
        return this.problem;
    }

    /** Calls `listener` when the channel fails or works again; returns the function that stops it. */
    onProblem(listener: (problem: boolean) => void): () => void {
        this.problemListeners.add(listener);
        return () => this.problemListeners.delete(listener);
    }

    /**
     * Subscribes to `channel`; resolves after the first try, and keeps trying with back-off until it works.
     * Once: the stream stays on its first channel, and a second call changes nothing.
     */
    async connect(channel: string): Promise<void> {
        if (this.channel) return;
        this.channel = channel;
        if (!this.listeningForErrors) {
            this.listeningForErrors = true;
            onError((error: unknown) => this.streamFailed(error));
        }
        await this.trySubscribe();
    }

    /** Stops listening for good (the dialer left the page). */
    async close(): Promise<void> {
        this.closed = true;
        this.problemListeners.clear();
        this.cancelRetry();
        const subscription = this.subscription;
        this.subscription = null;
        if (subscription) await unsubscribe(subscription).catch(() => undefined);
    }

    private async trySubscribe(): Promise<void> {
        const channel = this.channel;
        if (this.closed || !channel || this.subscription || this.subscribing) return;
        this.subscribing = true;
        let subscription: EmpSubscription | null = null;
        try {
            subscription = await this.subscribeWithin(channel, SUBSCRIBE_TIMEOUT_MS);
        } catch {
            subscription = null;
        } finally {
            this.subscribing = false;
        }
        if (this.closed) {
            if (subscription) await unsubscribe(subscription).catch(() => undefined);
            return;
        }
        if (!subscription) {
            this.setProblem(true);
            this.scheduleRetry();
            return;
        }
        this.subscription = subscription;
        this.failures = 0;
        this.setProblem(false);
    }

    /** `subscribe`, rejected after `timeoutMs`; a subscription that comes later is dropped at once. */
    private subscribeWithin(channel: string, timeoutMs: number): Promise<EmpSubscription> {
        return new Promise((resolve, reject) => {
            let settled = false;
            // eslint-disable-next-line @lwc/lwc/no-async-operation -- empApi may never answer a refused subscription
            const timer = setTimeout(() => {
                settled = true;
                reject(new Error(`No answer from ${channel}`));
            }, timeoutMs);
            subscribe<unknown>(channel, NEWEST_EVENTS, (message: EmpMessage<unknown>) => {
                this.onPayload(message?.data?.payload);
            }).then(
                (subscription) => {
                    clearTimeout(timer);
                    if (settled) {
                        unsubscribe(subscription).catch(() => undefined);
                        return;
                    }
                    settled = true;
                    resolve(subscription);
                },
                (error: unknown) => {
                    clearTimeout(timer);
                    if (!settled) {
                        settled = true;
                        reject(error);
                    }
                }
            );
        });
    }

    /** An error `empApi` reports: for this channel or the connection itself, the stream is lost. */
    private streamFailed(error: unknown): void {
        if (this.closed || !this.channel || !concernsChannel(error, this.channel)) return;
        this.setProblem(true);
        const lost = this.subscription;
        this.subscription = null;
        if (lost) unsubscribe(lost).catch(() => undefined);
        this.scheduleRetry();
    }

    private scheduleRetry(): void {
        if (this.closed || this.retryTimer !== null) return;
        const delay = retryDelay(this.failures);
        this.failures += 1;
        // eslint-disable-next-line @lwc/lwc/no-async-operation -- the back-off between two subscription tries
        this.retryTimer = setTimeout(() => {
            this.retryTimer = null;
            this.trySubscribe();
        }, delay);
    }

    private cancelRetry(): void {
        if (this.retryTimer !== null) clearTimeout(this.retryTimer);
        this.retryTimer = null;
    }

    private setProblem(problem: boolean): void {
        if (this.problem === problem) return;
        this.problem = problem;
        for (const listener of [...this.problemListeners]) listener(problem);
    }
}
