/**
 * Inbound pop latency (issue 5, deliverable 9: goal p95 < 500 ms from the Webex webhook sent to the
 * incoming-call banner visible), over 20 calls to a connected rep, measured on the workbench (org +
 * Webex emulator in one process). Run it with `npx tsx workbench/bench/inbound-pop.ts` (`BENCH_CALLS`
 * changes the number of calls). A measurement, not a test: it never fails on time.
 *
 * Each call is timed in stages, each from the same clock (`Date.now()`, in this process):
 * 1. **sent → published**: the emulator queues the signed `telephony_calls created` delivery → the
 *    org's site verifies it, WebexCallEventHandler keeps the `alerting` transition and, in the same
 *    request, pushes it with the cached token to the stored channel (the first call also trades the
 *    refresh token and finds the channel): the event is published on `/u/WebexCallEvents`;
 * 2. **published → delivered**: the event reaches the rep's `lightning/empApi` subscription (the
 *    `/_org/events` stream the browser stand-in reads);
 * 3. **delivered → banner visible**: measured in the browser by `measureBanner` (`npm run bench`,
 *    workbench/bench/calling.ts, gives it Sam's dialer in Chromium); without it, not measured.
 */
import { pathToFileURL } from 'node:url';
import type { OrgEvent } from '../org/org-state.ts';
import {
    CALL_EVENT_CHANNEL,
    connectRep,
    emulatorControl,
    listenToCallEvents,
    prepareCallEvents,
    type ConnectedRep,
    type WebexCallEventPayload
} from '../e2e/call-events.ts';
import { startWorkbench, type Workbench } from '../server.ts';

const GOAL_P95_MS = 500;
const WARM_UP_CALLS = 2;
const TIMEOUT_MS = 5000;

/** One call's stages, in milliseconds. */
export interface InboundPopSample {
    sentToPublished: number;
    publishedToDelivered: number;
    /** Delivered → the dialer's banner visible; undefined until the dialer exists. */
    deliveredToBanner?: number;
}

/** What a browser run adds: the time from the event's delivery until the banner shows the call. */
export type BannerProbe = (callId: string, deliveredAt: number) => Promise<number>;

/** The value at percentile `p` of values sorted in ascending order (nearest rank). */
export function percentile(sorted: number[], p: number): number {
    return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Resolves with what `find` returns once it returns something, or fails after TIMEOUT_MS. */
async function waitFor<T>(find: () => T | undefined, what: string): Promise<T> {
    const until = Date.now() + TIMEOUT_MS;
    for (;;) {
        const found = find();
        if (found !== undefined) return found;
        if (Date.now() > until) throw new Error(`Timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
    }
}

/** Rings the rep once and times the stages of the `alerting` push; the call is then given up. */
async function measureCall(
    wb: Workbench,
    rep: ConnectedRep,
    deliveredAt: Map<string, number>,
    measureBanner?: BannerProbe
): Promise<InboundPopSample> {
    const published = new Map<string, number>();
    const onEvent = (event: OrgEvent): void => {
        if (event.channel === CALL_EVENT_CHANNEL && typeof event.payload === 'string')
            published.set((JSON.parse(event.payload) as WebexCallEventPayload).callId, Date.now());
    };
    wb.org.eventBus.on('event', onEvent);
    try {
        const call = await emulatorControl<{ id: string }>(wb, 'POST', '/_emulator/calls/inbound', {
            to: rep.email,
            from: '+13122961607',
            name: 'Olivia Martin',
            ringTimeoutMs: null
        });
        const delivery = wb.emulator.state.deliveries.records.find(
            (record) => record.event === 'created' && record.body.includes(call.id)
        );
        if (!delivery) throw new Error('The emulator queued no webhook delivery for the call');
        const sentAt = Date.parse(delivery.at);
        const publishedAt = await waitFor(() => published.get(call.id), 'the push');
        const delivered = await waitFor(() => deliveredAt.get(call.id), 'the delivery to the dialer');
        const sample: InboundPopSample = {
            sentToPublished: publishedAt - sentAt,
            publishedToDelivered: delivered - publishedAt
        };
        if (measureBanner) sample.deliveredToBanner = await measureBanner(call.id, delivered);
        await emulatorControl(wb, 'POST', `/_emulator/calls/${encodeURIComponent(call.id)}/miss`);
        await wb.emulator.state.deliveries.settled();
        await wb.apex.whenJobsSettled();
        return sample;
    } finally {
        wb.org.eventBus.off('event', onEvent);
    }
}

/** What a run may be given: the workbench and its connected rep, and the browser's part. */
export interface InboundPopOptions {
    calls?: number;
    measureBanner?: BannerProbe;
    /** After each call is given up: e.g. until the rep's dialer is back to idle. */
    afterCall?: () => Promise<void>;
    workbench?: Workbench;
    /** A rep already connected on `workbench` (the org then stays as it is); default: reset, Sam connected. */
    rep?: ConnectedRep;
}

/** Runs the benchmark (by default on a fresh workbench, Sam connected); prints and returns the samples. */
export async function runInboundPopBench(options: InboundPopOptions = {}): Promise<InboundPopSample[]> {
    const calls = options.calls ?? Number(process.env.BENCH_CALLS ?? 20);
    const wb = options.workbench ?? (await startWorkbench({ port: 0, emulatorPort: 0, build: false }));
    try {
        let sam = options.rep;
        if (!sam) {
            wb.org.reset();
            wb.emulator.state.reset();
            await prepareCallEvents(wb);
            sam = await connectRep(wb, 'sam.rep@acme-webex.example');
        }
        const dialer = await listenToCallEvents(wb, sam.userId);
        // Each call's first delivery to the dialer, timed as it arrives.
        const deliveredAt = new Map<string, number>();
        const timer = setInterval(() => {
            for (const payload of dialer.payloads())
                if (!deliveredAt.has(payload.callId)) deliveredAt.set(payload.callId, Date.now());
        }, 1);
        try {
            const samples: InboundPopSample[] = [];
            for (let i = 0; i < WARM_UP_CALLS + calls; i += 1) {
                const sample = await measureCall(wb, sam, deliveredAt, options.measureBanner);
                await options.afterCall?.();
                if (i >= WARM_UP_CALLS) samples.push(sample);
            }
            report(samples);
            return samples;
        } finally {
            clearInterval(timer);
            await dialer.close();
        }
    } finally {
        if (!options.workbench) await wb.close();
    }
}

function report(samples: InboundPopSample[]): void {
    const line = (label: string, values: number[]): string => {
        const sorted = [...values].sort((a, b) => a - b);
        return `  ${label.padEnd(36)} p50 ${percentile(sorted, 50)} ms, p95 ${percentile(sorted, 95)} ms`;
    };
    const totals = samples.map((s) => s.sentToPublished + s.publishedToDelivered + (s.deliveredToBanner ?? 0));
    const sortedTotals = [...totals].sort((a, b) => a - b);
    const measuredBanner = samples.every((s) => s.deliveredToBanner !== undefined);
    console.log(`Inbound pop, ${samples.length} calls to one connected rep (workbench):`);
    console.log(
        line(
            'webhook sent → published in the org',
            samples.map((s) => s.sentToPublished)
        )
    );
    console.log(
        line(
            'published → delivered to the dialer',
            samples.map((s) => s.publishedToDelivered)
        )
    );
    if (measuredBanner)
        console.log(
            line(
                'delivered → banner visible',
                samples.map((s) => s.deliveredToBanner ?? 0)
            )
        );
    const p95 = percentile(sortedTotals, 95);
    console.log(
        `  ${(measuredBanner ? 'total: sent → banner visible' : 'total so far: sent → delivered').padEnd(36)} ` +
            `p50 ${percentile(sortedTotals, 50)} ms, p95 ${p95} ms ` +
            `(goal p95 < ${GOAL_P95_MS} ms for sent → banner visible: ${p95 < GOAL_P95_MS ? 'within' : 'OVER'}` +
            `${measuredBanner ? '' : '; the banner: npm run bench'})`
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    await runInboundPopBench();
}
