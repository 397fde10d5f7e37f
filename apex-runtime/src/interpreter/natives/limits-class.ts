/**
 * `Limits` (Apex Reference Guide › Limits Class): getX() reads the transaction's counter,
 * getLimitX() the synchronous limit. Heap size and CPU time are not measured (always 0).
 */
import { defineNative } from './registry.ts';
import type { NativeOverload } from './registry.ts';
import type { LimitKind } from '../limits.ts';

const PAIRS: [string, LimitKind][] = [
    ['Queries', 'soqlQueries'],
    ['QueryRows', 'queryRows'],
    ['SoslQueries', 'soslQueries'],
    ['DmlStatements', 'dmlStatements'],
    ['DmlRows', 'dmlRows'],
    ['Callouts', 'callouts'],
    ['QueueableJobs', 'queueableJobs'],
    ['FutureCalls', 'futureCalls'],
    ['EmailInvocations', 'emailInvocations'],
    ['PublishImmediateDML', 'publishImmediateDml'],
    ['QueryLocatorRows', 'queryLocatorRows'],
    ['AggregateQueries', 'aggregateQueries']
];

const statics: Record<string, NativeOverload[]> = {};
for (const [name, kind] of PAIRS) {
    statics[`get${name}`] = [{ params: [], fn: (rt) => rt.limits.getUsed(kind) }];
    statics[`getLimit${name}`] = [{ params: [], fn: (rt) => rt.limits.getLimit(kind) }];
}
// Not enforced, so not measured: reported as 0 used against the documented synchronous limits.
statics.getHeapSize = [{ params: [], fn: () => 0 }];
statics.getLimitHeapSize = [{ params: [], fn: () => 6000000 }];
statics.getCpuTime = [{ params: [], fn: () => 0 }];
statics.getLimitCpuTime = [{ params: [], fn: () => 10000 }];

export const LimitsNative = defineNative({ name: 'Limits', namespace: 'System', statics });
