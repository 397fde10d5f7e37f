/**
 * The emulated org's asynchronous Apex and debug log, for the code that needs them (the debug log:
 * calling's WebexCallEventHandler; calling pushes its pops in the webhook request, without a job):
 * - `enqueueJob` is `System.enqueueJob`: the job runs after the request that enqueued it has answered,
 *   in its own transaction (so it may call out, which the webhook request itself may not), and what it
 *   throws is recorded on the job as the platform records it on the AsyncApexJob;
 * - `debug` is `System.debug`: lines a test (or a person looking at the workbench) can read.
 * Both are kept per org and survive `org.reset()`, as jobs already enqueued still run in an org.
 */
import type { EmulatedOrg } from './org-state.ts';

/** An AsyncApexJob, as a test needs to see it. */
export interface AsyncJob {
    /** The Apex class (`WebexCallEventPublisher`). */
    name: string;
    status: 'Queued' | 'Completed' | 'Failed';
    /** The exception's message for a failed job. */
    error?: string;
    enqueuedAt: number;
    completedAt?: number;
}

/** One `System.debug` line. */
export interface DebugLine {
    level: 'ERROR' | 'WARN' | 'INFO' | 'DEBUG';
    message: string;
    at: string;
}

interface OrgAsync {
    jobs: AsyncJob[];
    running: Set<Promise<void>>;
    log: DebugLine[];
}

const byOrg = new WeakMap<EmulatedOrg, OrgAsync>();

function of(org: EmulatedOrg): OrgAsync {
    let state = byOrg.get(org);
    if (!state) {
        state = { jobs: [], running: new Set(), log: [] };
        byOrg.set(org, state);
    }
    return state;
}

/** System.enqueueJob: runs `execute` once the current request has answered. */
export function enqueueJob(org: EmulatedOrg, name: string, execute: () => Promise<void>): AsyncJob {
    const state = of(org);
    const job: AsyncJob = { name, status: 'Queued', enqueuedAt: Date.now() };
    state.jobs.push(job);
    const run = new Promise<void>((resolve) => setImmediate(resolve))
        .then(execute)
        .then(
            () => {
                job.status = 'Completed';
            },
            (error: unknown) => {
                job.status = 'Failed';
                job.error = error instanceof Error ? error.message : String(error);
            }
        )
        .finally(() => {
            job.completedAt = Date.now();
            state.running.delete(run);
        });
    state.running.add(run);
    return job;
}

/** Resolves once every job enqueued so far, and any job they enqueued, has run. */
export async function asyncJobsSettled(org: EmulatedOrg): Promise<void> {
    const state = of(org);
    while (state.running.size) await Promise.all([...state.running]);
}

/** Every job enqueued in this org, in order. */
export function asyncJobs(org: EmulatedOrg): readonly AsyncJob[] {
    return of(org).jobs;
}

/** System.debug. */
export function debug(org: EmulatedOrg, level: DebugLine['level'], message: string): void {
    of(org).log.push({ level, message, at: new Date().toISOString() });
}

/** The debug log's lines, in order. */
export function debugLog(org: EmulatedOrg): readonly DebugLine[] {
    return of(org).log;
}
