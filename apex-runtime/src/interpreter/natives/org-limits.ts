/**
 * `System.OrgLimits` and `System.OrgLimit` (Apex Reference Guide › OrgLimits Class, OrgLimit Class): the
 * org's API and platform allocations — `getAll()`, `getMap()` keyed by the limit's name, and each
 * limit's `getName()`, `getValue()` (usage), `getLimit()` (maximum) and `toString()`.
 *
 * An org's limits are not knowable offline, so the org carries them as data: by default the documented
 * allocations of a free org (Developer Edition, trial orgs) listed in {@link FREE_ORG_ALLOCATIONS}, each
 * with its source, with usage 0. A host replaces or extends the allocations and sets usage
 * (`TestOrgOptions.orgLimits`). A limit the table does not hold is absent from the map, so
 * `getMap().get(name)` returns null as any Map does.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { ApexList, ApexMap } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { prim } from '../types.ts';
import type { OrgContext } from './org-context.ts';
import { orgContextOf } from './org-context.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { nativeType } from './schema-describe.ts';

/** One org limit: its name as the REST API `limits` resource and `OrgLimits.getMap()` key it, and its maximum. */
export interface OrgLimitAllocation {
    name: string;
    max: number;
    /** Where the maximum comes from (a documentation page or a recorded output). */
    source: string;
}

const GENERIC_STREAMING =
    'Streaming API Developer Guide › Generic Streaming Allocations, column "Free Orgs" (https://developer.salesforce.com/docs/platform/api-streaming/guide/limits-generic.html)';
const PUSH_TOPIC_STREAMING =
    'Streaming API Developer Guide › PushTopic Streaming Allocations: "For free orgs, the maximum number of events within a 24-hour period is 10,000" (https://developer.salesforce.com/docs/atlas.en-us.api_streaming.meta/api_streaming/limits.htm)';

/**
 * The documented allocations of a free org. "Free orgs include Developer Edition orgs and trial orgs (all
 * editions)" (both Streaming API allocation pages). The names are those the REST `limits` resource lists
 * (Streaming API Developer Guide › Monitor PushTopic and Generic Event Usage with the REST API; Platform
 * Events Developer Guide › Monitor Hourly Event Delivery Usage with REST API), which `OrgLimits` keys by.
 */
export const FREE_ORG_ALLOCATIONS: readonly OrgLimitAllocation[] = [
    {
        name: 'DailyDeliveredPlatformEvents',
        max: 10000,
        source: 'Platform Events Developer Guide › Platform Event Allocations: "Maximum number of delivered event notifications within a 24-hour period, shared by all CometD clients", 10,000 in editions other than Performance, Unlimited and Enterprise (https://developer.salesforce.com/docs/atlas.en-us.214.0.platform_events.meta/platform_events/platform_event_limits.htm); the name: Monitor Hourly Event Delivery Usage with REST API (https://developer.salesforce.com/docs/platform/platform-events/guide/platform-events-limits-hourly.html)'
    },
    { name: 'DailyDurableGenericStreamingApiEvents', max: 10000, source: GENERIC_STREAMING },
    { name: 'DailyGenericStreamingApiEvents', max: 10000, source: GENERIC_STREAMING },
    { name: 'DurableStreamingApiConcurrentClients', max: 20, source: GENERIC_STREAMING },
    { name: 'DailyDurableStreamingApiEvents', max: 10000, source: PUSH_TOPIC_STREAMING },
    { name: 'DailyStreamingApiEvents', max: 10000, source: PUSH_TOPIC_STREAMING },
    { name: 'StreamingApiConcurrentClients', max: 20, source: PUSH_TOPIC_STREAMING }
];

/** What a host says of the org's limits. */
export interface OrgLimitsOptions {
    /** The org's limits and maximums (default {@link FREE_ORG_ALLOCATIONS}); `extra` adds to or overrides them by name. */
    allocations?: readonly { name: string; max: number }[];
    /** More limits, or other maximums of the same names, over `allocations`. */
    extra?: readonly { name: string; max: number }[];
    /** Usage by limit name (default 0 for each). */
    usage?: Readonly<Record<string, number>>;
}

/** A reading of one limit, as `OrgLimit` holds it. */
export interface OrgLimitReading {
    name: string;
    value: number;
    limit: number;
}

const INT_MAX = 2147483647;

function checkCount(what: string, n: number): number {
    // getValue() and getLimit() return Integer (OrgLimit Class): a count that no Integer holds is refused.
    if (!Number.isInteger(n) || n < 0 || n > INT_MAX)
        throw new UnsupportedApexError(`org limit ${what} = ${n} (not a non-negative Integer)`);
    return n;
}

/** The org's limits: maximums and current usage, in the order given. */
export class OrgLimitsTable {
    private readonly limits = new Map<string, { name: string; max: number; used: number }>();

    constructor(o: OrgLimitsOptions = {}) {
        for (const a of [...(o.allocations ?? FREE_ORG_ALLOCATIONS), ...(o.extra ?? [])])
            this.limits.set(a.name, { name: a.name, max: checkCount(`${a.name} maximum`, a.max), used: 0 });
        for (const [name, used] of Object.entries(o.usage ?? {})) this.setUsage(name, used);
    }

    /** Sets a limit's usage; a name the table does not hold is an error (a typo must not go unseen). */
    setUsage(name: string, used: number): void {
        const l = this.limits.get(name);
        if (!l) throw new Error(`org limits: no limit named ${name}`);
        l.used = checkCount(`${name} usage`, used);
    }

    /** Every limit as read now. */
    readings(): OrgLimitReading[] {
        return [...this.limits.values()].map((l) => ({ name: l.name, value: l.used, limit: l.max }));
    }
}

const tables = new WeakMap<OrgContext, OrgLimitsTable>();

/** Gives an org context its limits; a context without any reads {@link FREE_ORG_ALLOCATIONS} with usage 0. */
export function attachOrgLimits(ctx: OrgContext, table: OrgLimitsTable): void {
    tables.set(ctx, table);
}

function tableOf(rt: NativeRuntime, what: string): OrgLimitsTable {
    const ctx = orgContextOf(rt, what);
    let t = tables.get(ctx);
    if (!t) {
        t = new OrgLimitsTable();
        tables.set(ctx, t);
    }
    return t;
}

function readingOf(self: ApexValue): OrgLimitReading {
    if (self instanceof NativeObject && self.cls === OrgLimitNative) return self.state as OrgLimitReading;
    throw new UnsupportedApexError('OrgLimit method on a non-OrgLimit');
}

function objects(rt: NativeRuntime, what: string): NativeObject[] {
    // Each call reads anew: "Limit values are updated asynchronously, in near-real-time" (OrgLimits Class).
    return tableOf(rt, what)
        .readings()
        .map((r) => new NativeObject(OrgLimitNative, r));
}

const m = (fn: (self: OrgLimitReading) => ApexValue) => [
    { params: [], fn: (_rt: NativeRuntime, self: ApexValue) => fn(readingOf(self)) }
];

export const OrgLimitNative: NativeClass = defineNative({
    name: 'OrgLimit',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.cls === OrgLimitNative,
    methods: {
        getName: m((r) => r.name),
        getValue: m((r) => r.value),
        getLimit: m((r) => r.limit),
        // OrgLimit Class › toString(): "OrgLimit[DailyBulkApiBatches: consumed 25 of 15000]".
        toString: m((r) => `OrgLimit[${r.name}: consumed ${r.value} of ${r.limit}]`)
    }
});

export const OrgLimitsNative: NativeClass = defineNative({
    name: 'OrgLimits',
    namespace: 'System',
    statics: {
        getAll: [
            {
                params: [],
                fn: (rt: NativeRuntime) => new ApexList(nativeType(OrgLimitNative), objects(rt, 'OrgLimits.getAll'))
            }
        ],
        getMap: [
            {
                params: [],
                fn: (rt: NativeRuntime) => {
                    const out = new ApexMap(prim('String'), nativeType(OrgLimitNative));
                    for (const o of objects(rt, 'OrgLimits.getMap')) out.put((o.state as OrgLimitReading).name, o);
                    return out;
                }
            }
        ]
    }
});
