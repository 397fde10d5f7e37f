/**
 * Transaction Finalizers (Apex Developer Guide › Transaction Finalizers; Apex Reference Guide › Finalizer
 * Interface, FinalizerContext Interface, ParentJobResult Enum, System Class › attachFinalizer): a Queueable
 * attaches one `System.Finalizer`, whose `execute(FinalizerContext)` runs after the job, in a transaction of
 * its own. Only a job that completes is modelled (`ParentJobResult.SUCCESS`): a job with a finalizer that ends
 * in an exception is refused, since the rollback of the job's own transaction is not modelled.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeRegistry, NativeRuntime } from './registry.ts';
import { nativeEnum } from './schema-enums.ts';

/** `System.ParentJobResult` (ParentJobResult Enum). */
export const ParentJobResultEnum = nativeEnum('ParentJobResult', 'System', ['SUCCESS', 'UNHANDLED_EXCEPTION']);

interface FinalizerState {
    jobId: string;
    result: 'SUCCESS' | 'UNHANDLED_EXCEPTION';
}

export const FinalizerContextNative = defineNative({
    name: 'FinalizerContext',
    namespace: 'System',
    methods: {
        getAsyncApexJobId: [{ params: [], fn: (_rt, s) => ((s as NativeObject).state as FinalizerState).jobId }],
        getResult: [
            {
                params: [],
                fn: (_rt, s) => ParentJobResultEnum.value(((s as NativeObject).state as FinalizerState).result)
            }
        ],
        // "Returns the exception with which the Queueable job failed when getResult is UNHANDLED_EXCEPTION, null otherwise."
        getException: [{ params: [], fn: () => null }]
    }
});

/** The Queueable jobs running, innermost last, each with the finalizer it attached. */
const runningJobs = new WeakMap<object, { finalizer: ApexValue }[]>();

function jobsOf(rt: NativeRuntime): { finalizer: ApexValue }[] {
    let jobs = runningJobs.get(rt);
    if (!jobs) runningJobs.set(rt, (jobs = []));
    return jobs;
}

/** `System.attachFinalizer(finalizer)`: once, from a running Queueable (System Class › attachFinalizer). */
function attachFinalizer(rt: NativeRuntime, finalizer: ApexValue): ApexValue {
    const job = jobsOf(rt).at(-1);
    // The exceptions for a call outside a Queueable or a second call are not documented with their text.
    if (!job) throw new UnsupportedApexError('System.attachFinalizer outside a Queueable job');
    if (job.finalizer !== null)
        throw new UnsupportedApexError('System.attachFinalizer called twice in one Queueable job');
    if (finalizer === null) throw new UnsupportedApexError('System.attachFinalizer(null)');
    job.finalizer = finalizer;
    return null;
}

/**
 * Runs a Queueable job (`execute`), then the finalizer it attached, if any, with fresh limits: "The finalizer
 * … runs in its own separate Apex and database transaction" (Transaction Finalizers).
 */
export function runQueueable(rt: NativeRuntime, jobId: string, execute: () => void): void {
    const job = { finalizer: null as ApexValue };
    const jobs = jobsOf(rt);
    jobs.push(job);
    try {
        execute();
    } catch (e) {
        if (job.finalizer !== null)
            throw new UnsupportedApexError(
                `a Queueable job with a Finalizer that ends in an exception (${e instanceof Error ? e.message : 'an Apex exception'})`
            );
        throw e;
    } finally {
        jobs.pop();
    }
    if (job.finalizer === null) return;
    const context = new NativeObject(FinalizerContextNative, { jobId, result: 'SUCCESS' } satisfies FinalizerState);
    const saved = rt.limits.snapshot();
    rt.limits.reset();
    try {
        rt.callMethod(job.finalizer, 'execute', [context]);
    } finally {
        rt.limits.restore(saved);
    }
}

/** Adds `System.attachFinalizer`, `FinalizerContext` and `ParentJobResult` to the registry. */
export function installFinalizers(registry: NativeRegistry): void {
    const system = registry.find(['system']);
    if (!system) throw new UnsupportedApexError('System natives missing');
    if (!system.statics.has('attachfinalizer'))
        system.statics.set('attachfinalizer', [
            { params: ['Object'], fn: (rt, _s, a) => attachFinalizer(rt, a[0] ?? null) }
        ]);
    for (const n of [FinalizerContextNative, ParentJobResultEnum.cls])
        if (!registry.find([n.namespace.toLowerCase(), n.lname])) registry.register(n);
}
