import { ApexRuntimeSignal } from '../values/signal.ts';

/**
 * Governor limits of one transaction (Apex Developer Guide › Execution Governors and Limits,
 * "Per-Transaction Apex Limits", synchronous column). Heap size and CPU time are NOT enforced:
 * a tree-walking interpreter's heap and time say nothing about an org's, so the runtime reports
 * them as 0 rather than guessing.
 */
export type LimitKind =
    | 'soqlQueries'
    | 'queryRows'
    | 'soslQueries'
    | 'dmlStatements'
    | 'dmlRows'
    | 'callouts'
    | 'queueableJobs'
    | 'futureCalls'
    | 'emailInvocations'
    | 'publishImmediateDml'
    | 'queryLocatorRows'
    | 'aggregateQueries';

interface LimitSpec {
    max: number;
    /** The LimitException text before `: <count>`, as orgs print it. */
    text: string;
}

/** Synchronous per-transaction limits (Execution Governors and Limits). */
export const SYNC_LIMITS: Readonly<Record<LimitKind, LimitSpec>> = {
    soqlQueries: { max: 100, text: 'Too many SOQL queries' },
    queryRows: { max: 50000, text: 'Too many query rows' },
    soslQueries: { max: 20, text: 'Too many SOSL queries' },
    dmlStatements: { max: 150, text: 'Too many DML statements' },
    dmlRows: { max: 10000, text: 'Too many DML rows' },
    callouts: { max: 100, text: 'Too many callouts' },
    queueableJobs: { max: 50, text: 'Too many queueable jobs added to the queue' },
    futureCalls: { max: 50, text: 'Too many future calls' },
    emailInvocations: { max: 10, text: 'Too many Email Invocations' },
    publishImmediateDml: { max: 150, text: 'Too many EventBus.publish calls' },
    queryLocatorRows: { max: 10000, text: 'Too many query locator rows' },
    aggregateQueries: { max: 300, text: 'Too many aggregate queries' }
};

/** Per-transaction counters; `count` throws `System.LimitException` past a limit. */
export class Limits {
    private readonly used = new Map<LimitKind, number>();

    /** Adds `n` to a counter; past the limit throws `System.LimitException: Too many SOQL queries: 101`. */
    count(kind: LimitKind, n = 1): void {
        const total = (this.used.get(kind) ?? 0) + n;
        this.used.set(kind, total);
        const spec = SYNC_LIMITS[kind];
        if (total > spec.max) throw new ApexRuntimeSignal('System.LimitException', `${spec.text}: ${total}`);
    }

    /** What `Limits.getQueries()` and the like return. */
    getUsed(kind: LimitKind): number {
        return this.used.get(kind) ?? 0;
    }

    /** What `Limits.getLimitQueries()` and the like return. */
    getLimit(kind: LimitKind): number {
        return SYNC_LIMITS[kind].max;
    }

    /** A fresh set of counters (`Test.startTest()` gives the code under test its own limits). */
    reset(): void {
        this.used.clear();
    }

    /** A copy of the counters (to restore them at `Test.stopTest()`). */
    snapshot(): Map<LimitKind, number> {
        return new Map(this.used);
    }

    /** Puts back counters taken by `snapshot`. */
    restore(saved: Map<LimitKind, number>): void {
        this.used.clear();
        for (const [k, v] of saved) this.used.set(k, v);
    }
}
