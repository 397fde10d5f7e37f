/**
 * `Database` (Apex Reference Guide › Database Class): dynamic SOQL (`query`, `queryWithBinds`,
 * `countQuery`, `countQueryWithBinds`, `getQueryLocator`), DML methods with `allOrNone` and
 * `AccessLevel` returning result objects, savepoints, and `executeBatch`; `Search.query` for dynamic
 * SOSL. Everything runs through the data layer wired into the runtime (`dataLayerOf`).
 *
 * Binds of a dynamic query are resolved in the calling method's frame, as Apex resolves them
 * ("bind variables … in the current scope", Apex Developer Guide › Dynamic SOQL).
 */
import { UnsupportedApexError } from '../../errors.ts';
import { nullPointerException } from '../../values/signal.ts';
import type { SObject } from '../../data/sobject.ts';
import { rollback, setSavepoint } from '../../data/dml.ts';
import type { Savepoint } from '../../data/store.ts';
import {
    databaseCountQuery,
    databaseGetQueryLocator,
    databaseQuery,
    databaseQueryWithBinds,
    parseSoql
} from '../../data/soql/index.ts';
import type { QueryContext } from '../../data/soql/index.ts';
import { searchQuery } from '../../data/sosl/index.ts';
import { parseSosl } from '../../data/sosl/index.ts';
import { queryException } from '../../data/soql/values.ts';
import type { Interpreter } from '../interpreter.ts';
import type { ApexType, ApexValue } from '../model.ts';
import { ApexObject, NativeObject } from '../model.ts';
import { ApexList, ApexMap } from '../collections.ts';
import { dataLayerOf, recordsOf, rowList, rowTypeOf, searchResult } from '../data/layer.ts';
import type { DataLayer } from '../data/layer.ts';
import { enqueueAsync } from './test.ts';
import { LEAD_CONVERT_NATIVES, convertLeadOverloads } from './lead-convert.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeOverload, NativeRuntime } from './registry.ts';
import {
    RESULT_CLASSES,
    RESULT_NATIVES,
    SavepointNative,
    accessLevelOf,
    isAccessLevel,
    resultsValue
} from './database-results.ts';

type Level = 'user' | 'system';
type DmlOp = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';

/** Resolves binds of a dynamic query in the frame that called the native. */
function callerBinds(rt: NativeRuntime): (text: string) => ApexValue {
    const it = rt as Interpreter;
    const f = it.stack[it.stack.length - 1];
    if (!f) throw new UnsupportedApexError('dynamic SOQL outside any Apex frame');
    return it.bindResolver(f);
}

function text(v: ApexValue, what: string): string {
    if (v === null) throw nullPointerException();
    if (typeof v !== 'string') throw new UnsupportedApexError(`${what} with a non-String query`);
    return v;
}

function ctxOf(rt: NativeRuntime, layer: DataLayer): QueryContext {
    return layer.queryContext(callerBinds(rt), 'system');
}

function query(rt: NativeRuntime, q: ApexValue, level: Level | undefined): ApexValue {
    const layer = dataLayerOf(rt);
    const t = text(q, 'Database.query');
    const rows = databaseQuery(t, ctxOf(rt, layer), level);
    // Database.query may be assigned to a single sObject too (Using SOQL Queries That Return One Record).
    const list = rowList(rows, rowTypeOf(parseSoql(t), layer.source));
    list.fromQuery = true;
    return list;
}

/** The binds of `queryWithBinds`: a `Map<String, Object>`. */
function bindMap(v: ApexValue): Map<string, unknown> {
    if (v === null) throw nullPointerException();
    if (!(v instanceof ApexMap)) throw new UnsupportedApexError('queryWithBinds with a bind map that is not a Map');
    const m = new Map<string, unknown>();
    for (const [k, x] of v.entries()) {
        if (typeof k !== 'string') throw new UnsupportedApexError('queryWithBinds with a non-String bind name');
        m.set(k, x);
    }
    return m;
}

function queryWithBinds(rt: NativeRuntime, q: ApexValue, binds: ApexValue, level: ApexValue): ApexValue {
    const layer = dataLayerOf(rt);
    const t = text(q, 'Database.queryWithBinds');
    const rows = databaseQueryWithBinds(t, bindMap(binds), ctxOf(rt, layer), accessLevelOf(level));
    return rowList(rows, rowTypeOf(parseSoql(t), layer.source));
}

/** `countQueryWithBinds`: binds from the map, names case-insensitive (as queryWithBinds). */
function countQueryWithBinds(rt: NativeRuntime, q: ApexValue, binds: ApexValue, level: ApexValue): ApexValue {
    const layer = dataLayerOf(rt);
    const lower = new Map<string, unknown>();
    for (const [k, v] of bindMap(binds)) lower.set(k.toLowerCase(), v);
    const ctx: QueryContext = {
        ...layer.queryContext(() => null, 'system'),
        resolveBind: (name) => {
            const key = name.toLowerCase();
            // The same text queryWithBinds raises for a missing key (observed in orgs).
            if (!lower.has(key)) throw queryException(`Key '${name}' does not exist in the bindMap`);
            return lower.get(key);
        }
    };
    return databaseCountQuery(text(q, 'Database.countQueryWithBinds'), ctx, accessLevelOf(level));
}

/** A query locator: the rows it iterates and their type. */
interface LocatorState {
    rows: SObject[];
    type: ApexType;
    query: string | null;
}

/** `Database.QueryLocator` (getQuery; iteration happens through `Database.executeBatch`). */
export const QueryLocatorNative: NativeClass = defineNative({
    name: 'QueryLocator',
    namespace: 'Database',
    methods: {
        getQuery: [{ params: [], fn: (_rt, s) => ((s as NativeObject).state as LocatorState).query }],
        iterator: [
            {
                params: [],
                fn: () => {
                    throw new UnsupportedApexError('QueryLocator.iterator()');
                }
            }
        ]
    }
});

function queryLocator(rt: NativeRuntime, q: ApexValue, level: Level | undefined): ApexValue {
    const layer = dataLayerOf(rt);
    if (q instanceof ApexList) {
        // getQueryLocator([SELECT …]): the inline query already ran.
        return new NativeObject(QueryLocatorNative, { rows: q.items as SObject[], type: q.elemType, query: null });
    }
    const t = text(q, 'Database.getQueryLocator');
    const rows = databaseGetQueryLocator(t, ctxOf(rt, layer), level);
    return new NativeObject(QueryLocatorNative, { rows, type: rowTypeOf(parseSoql(t), layer.source), query: t });
}

/** Runs a DML method and wraps its results (one result for one record, a List for a List). */
function dml(
    rt: NativeRuntime,
    op: DmlOp,
    target: ApexValue,
    allOrNone: boolean,
    level: Level,
    field?: string
): ApexValue {
    const layer = dataLayerOf(rt);
    const single = !(target instanceof ApexList);
    const results = layer.run(op, recordsOf(target, `Database.${op}`), field, allOrNone, level);
    return resultsValue(RESULT_CLASSES[op], results, single);
}

const bool = (v: ApexValue, what: string): boolean => {
    if (typeof v !== 'boolean') throw new UnsupportedApexError(`${what} with a null allOrNone`);
    return v;
};

/** The overloads every DML method has: (r), (r, allOrNone), (r, AccessLevel), (r, allOrNone, AccessLevel). */
function dmlOverloads(op: DmlOp): NativeOverload[] {
    const what = `Database.${op}`;
    return [
        { params: ['Object'], fn: (rt, _s, a) => dml(rt, op, a[0] ?? null, true, 'system') },
        {
            params: ['Object', 'Boolean'],
            fn: (rt, _s, a) => dml(rt, op, a[0] ?? null, bool(a[1] ?? null, what), 'system')
        },
        {
            params: ['Object', isAccessLevel],
            fn: (rt, _s, a) => dml(rt, op, a[0] ?? null, true, accessLevelOf(a[1] ?? null))
        },
        {
            params: ['Object', 'Boolean', isAccessLevel],
            fn: (rt, _s, a) => dml(rt, op, a[0] ?? null, bool(a[1] ?? null, what), accessLevelOf(a[2] ?? null))
        },
        {
            params: ['Object', (v) => v instanceof NativeObject && v.cls.lname === 'dmloptions'],
            fn: () => {
                throw new UnsupportedApexError(`${what} with Database.DMLOptions`);
            }
        }
    ];
}

/** The field of `upsert(records, externalIdField, …)`: an `SObjectField` token (its API name). */
function externalIdName(v: ApexValue): string {
    if (v === null) throw nullPointerException();
    const state = v instanceof NativeObject ? (v.state as { name?: unknown; field?: { name?: unknown } } | null) : null;
    const name = state?.field?.name ?? state?.name;
    if (typeof name !== 'string')
        throw new UnsupportedApexError('Database.upsert with an external id that is not an SObjectField token');
    return name;
}

const isFieldToken = (v: ApexValue): boolean => v instanceof NativeObject && v.cls.lname === 'sobjectfield';

function savepointOf(v: ApexValue): Savepoint {
    if (v === null) throw nullPointerException();
    if (!(v instanceof NativeObject) || v.cls !== SavepointNative)
        throw new UnsupportedApexError('Database.rollback of a non-Savepoint');
    return v.state as Savepoint;
}

/** The default and maximum batch sizes (Apex Reference Guide › Database.executeBatch: "default 200 … maximum 2,000"). */
const BATCH_DEFAULT = 200;
const BATCH_MAX = 2000;

/** `Database.BatchableContext` handed to start/execute/finish. */
export const BatchableContextNative: NativeClass = defineNative({
    name: 'BatchableContext',
    namespace: 'Database',
    methods: {
        getJobId: [{ params: [], fn: (_rt, s) => ((s as NativeObject).state as { jobId: string }).jobId }],
        getChildJobId: [
            {
                params: [],
                fn: () => {
                    throw new UnsupportedApexError('BatchableContext.getChildJobId');
                }
            }
        ]
    }
});

/**
 * `Database.executeBatch(job[, scope])` (Apex Developer Guide › Using Batch Apex): queued to run at
 * `Test.stopTest()`; then `start` gives the records (a QueryLocator or a List), `execute` runs per
 * chunk of `scope` records, each chunk with fresh limits, and `finish` last. Instance state carries
 * over between chunks (as with `Database.Stateful`); static variables are not reset between chunks.
 */
function executeBatch(rt: NativeRuntime, job: ApexValue, scope: ApexValue): ApexValue {
    if (job === null) throw nullPointerException();
    if (!(job instanceof ApexObject)) throw new UnsupportedApexError('Database.executeBatch of a non-class object');
    const size = scope === null ? BATCH_DEFAULT : scope;
    if (typeof size !== 'number' || size < 1 || size > BATCH_MAX)
        throw new UnsupportedApexError(`Database.executeBatch scope ${String(size)} (1 to 2,000)`);
    const layer = dataLayerOf(rt);
    const jobId = layer.store.ids.next('707');
    const ctx = new NativeObject(BatchableContextNative, { jobId });
    enqueueAsync(rt, {
        what: `Batch ${job.cls.name}`,
        run: () => {
            const start = rt.callMethod(job, 'start', [ctx]);
            let rows: ApexValue[];
            let type: ApexType;
            if (start instanceof NativeObject && start.cls === QueryLocatorNative) {
                const st = start.state as LocatorState;
                rows = st.rows;
                type = st.type;
            } else if (start instanceof ApexList) {
                rows = start.items;
                type = start.elemType;
            } else throw new UnsupportedApexError('Batchable.start returning a custom Iterable');
            for (let i = 0; i < rows.length; i += size) {
                rt.limits.reset();
                rt.callMethod(job, 'execute', [ctx, new ApexList(type, rows.slice(i, i + size))]);
            }
            rt.limits.reset();
            rt.callMethod(job, 'finish', [ctx]);
        }
    });
    return jobId;
}

const lvl = (v: ApexValue | undefined): Level => accessLevelOf(v ?? null);

/** A method of one argument and an optional `AccessLevel` (`Database.query(q[, level])`): both overloads. */
function withOptionalLevel(
    kind: string,
    fn: (rt: NativeRuntime, v: ApexValue, level: Level | undefined) => ApexValue
): NativeOverload[] {
    return [
        { params: [kind], fn: (rt, _s, a) => fn(rt, a[0] ?? null, undefined) },
        { params: [kind, isAccessLevel], fn: (rt, _s, a) => fn(rt, a[0] ?? null, lvl(a[1])) }
    ];
}

/** `Database.upsert(records, externalIdField, …)`: the field token is the second argument. */
const upsertOn = (rt: NativeRuntime, a: ApexValue[], allOrNone: boolean, level: Level): ApexValue =>
    dml(rt, 'upsert', a[0] ?? null, allOrNone, level, externalIdName(a[1] ?? null));

/** `System.Database`. */
export const DatabaseNative: NativeClass = defineNative({
    name: 'Database',
    namespace: 'System',
    statics: {
        query: withOptionalLevel('String', query),
        queryWithBinds: [
            {
                params: ['String', 'Map', isAccessLevel],
                fn: (rt, _s, a) => queryWithBinds(rt, a[0] ?? null, a[1] ?? null, a[2] ?? null)
            }
        ],
        countQuery: withOptionalLevel('String', (rt, q, level) =>
            databaseCountQuery(text(q, 'Database.countQuery'), ctxOf(rt, dataLayerOf(rt)), level)
        ),
        countQueryWithBinds: [
            {
                params: ['String', 'Map', isAccessLevel],
                fn: (rt, _s, a) => countQueryWithBinds(rt, a[0] ?? null, a[1] ?? null, a[2] ?? null)
            }
        ],
        getQueryLocator: withOptionalLevel('Object', queryLocator),
        insert: dmlOverloads('insert'),
        update: dmlOverloads('update'),
        delete: dmlOverloads('delete'),
        undelete: dmlOverloads('undelete'),
        upsert: [
            ...dmlOverloads('upsert'),
            { params: ['Object', isFieldToken], fn: (rt, _s, a) => upsertOn(rt, a, true, 'system') },
            {
                params: ['Object', isFieldToken, 'Boolean'],
                fn: (rt, _s, a) => upsertOn(rt, a, bool(a[2] ?? null, 'Database.upsert'), 'system')
            },
            {
                params: ['Object', isFieldToken, 'Boolean', isAccessLevel],
                fn: (rt, _s, a) => upsertOn(rt, a, bool(a[2] ?? null, 'Database.upsert'), lvl(a[3]))
            }
        ],
        setSavepoint: [
            { params: [], fn: (rt) => new NativeObject(SavepointNative, setSavepoint(dataLayerOf(rt).dmlContext())) }
        ],
        rollback: [
            {
                params: ['Object'],
                fn: (rt, _s, a) => {
                    rollback(dataLayerOf(rt).dmlContext(), savepointOf(a[0] ?? null));
                    return null;
                }
            }
        ],
        releaseSavepoint: [
            {
                // "Releases the specified savepoint … not counted against DML limits" (Database.releaseSavepoint).
                params: ['Object'],
                fn: (_rt, _s, a) => {
                    savepointOf(a[0] ?? null);
                    return null;
                }
            }
        ],
        executeBatch: [
            { params: ['Object'], fn: (rt, _s, a) => executeBatch(rt, a[0] ?? null, null) },
            { params: ['Object', 'Integer'], fn: (rt, _s, a) => executeBatch(rt, a[0] ?? null, a[1] ?? null) }
        ],
        convertLead: convertLeadOverloads(),
        merge: refusedAll('Database.merge')
    }
});

function refusedAll(what: string): NativeOverload[] {
    const fn = (): ApexValue => {
        throw new UnsupportedApexError(what);
    };
    return [1, 2, 3, 4].map((n) => ({ params: Array.from({ length: n }, () => 'Object'), fn }));
}

/** `Search.query(sosl[, accessLevel])`: dynamic SOSL (Apex Reference Guide › Search Class). */
export const SearchNative: NativeClass = defineNative({
    name: 'Search',
    namespace: 'System',
    statics: {
        query: withOptionalLevel('String', search)
    }
});

function search(rt: NativeRuntime, q: ApexValue, level: Level | undefined): ApexValue {
    const layer = dataLayerOf(rt);
    const t = text(q, 'Search.query');
    const lists = searchQuery(t, ctxOf(rt, layer), level);
    return searchResult(lists, parseSosl(t).returning ?? [], layer.source);
}

/** Database, Search and their result classes, for registration. */
export const DATABASE_NATIVES: readonly NativeClass[] = [
    DatabaseNative,
    SearchNative,
    QueryLocatorNative,
    BatchableContextNative,
    ...RESULT_NATIVES,
    ...LEAD_CONVERT_NATIVES
];
