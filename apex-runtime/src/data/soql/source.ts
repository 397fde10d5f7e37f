/**
 * What SOQL and SOSL need from the rest of the runtime, as narrow interfaces: the records of the
 * store, describe, the running user's access, the limits sink, the clock and the temporal values.
 * The interpreter builds one {@link QueryContext} per query call.
 */
import type { SObject } from '../sobject.ts';
import type { SObjectDescribe } from '../schema.ts';

/**
 * The record store as queries read it (R3's `store.ts` provides it). Records are the store's own
 * SObjects: queries read them and never change them; results are fresh SObjects.
 */
export interface QuerySource {
    /** Describe of an object by case-insensitive name, or `undefined`. */
    describe(object: string): SObjectDescribe | undefined;
    /** Describe of the object whose Ids start with `prefix` (polymorphic parents: `What`, `Owner`). */
    describeByKeyPrefix(prefix: string): SObjectDescribe | undefined;
    /** The records of an object in insertion order; with `allRows`, deleted ones (in the recycle bin) too. */
    records(object: string, allRows: boolean): Iterable<SObject>;
    /** A live record by 18-character Id, or `undefined`. */
    recordById(id: string): SObject | undefined;
}

/** The running user's object and field access (R3's `access.ts`), consulted in user mode. */
export interface QueryAccess {
    canReadObject(object: string): boolean;
    canReadField(object: string, field: string): boolean;
    /** Whether the running user holds a system permission (`QueryAllFiles`); absent: none. */
    hasUserPermission?(name: string): boolean;
}

/** `Date` and `Datetime` values (R2's `values/temporal.ts`), seen through the few operations queries need. */
export interface TemporalValues {
    /** A Date value from its parts (month 1–12). */
    date(year: number, month: number, day: number): unknown;
    /** A Datetime value from milliseconds since the epoch (UTC). */
    datetime(epochMs: number): unknown;
    /** The parts of a Date value, or `undefined` when `v` is not a Date. */
    dateParts(v: unknown): { year: number; month: number; day: number } | undefined;
    /** Milliseconds since the epoch of a Datetime value, or `undefined` when `v` is not a Datetime. */
    epochMs(v: unknown): number | undefined;
}

/** The per-transaction limits (`interpreter/limits.ts`). */
export interface LimitsSink {
    count(kind: 'soqlQueries' | 'queryRows' | 'soslQueries' | 'queryLocatorRows', n: number): void;
}

/** The running user as queries need it (date literals are computed in the user's time zone). */
export interface QueryUser {
    id: string;
    /** IANA time zone, the user's `TimeZoneSidKey`, e.g. `America/Los_Angeles`. */
    timeZone: string;
}

/** Everything one SOQL or SOSL execution needs. */
export interface QueryContext {
    source: QuerySource;
    /** Evaluates a bind's Apex expression (`:ids` → `ids`) in the caller's scope. */
    resolveBind(text: string): unknown;
    /**
     * The elements of a bound List or Set (`IN :ids`), or `undefined` when `value` is not a collection.
     * The data layer does not know the interpreter's collection classes.
     */
    elementsOf(value: unknown): readonly unknown[] | undefined;
    /**
     * The access mode when the query text has no `WITH USER_MODE`/`WITH SYSTEM_MODE`: `system` for
     * inline queries and `Database.query(text)`, the `AccessLevel` argument otherwise.
     */
    mode: 'user' | 'system';
    /** The running user's permissions; required for user-mode queries. */
    access?: QueryAccess;
    user: QueryUser;
    limits: LimitsSink;
    /** Milliseconds since the epoch (the runtime's injectable clock). */
    now(): number;
    temporal: TemporalValues;
    /** SOSL in a test context: fixed results from `Test.setFixedSearchResults`, or empty (see sosl/execute.ts). */
    search?: SearchContext;
}

/** How SOSL runs: in a test (fixed results or none) or against the store's records. */
export interface SearchContext {
    /**
     * `true` inside an Apex test: SOSL returns no rows unless `Test.setFixedSearchResults` gave Ids
     * (Apex Developer Guide › Adding SOSL Queries to Unit Tests).
     */
    isTest: boolean;
    /** The Ids given to `Test.setFixedSearchResults`, or `undefined` when never called / called without Ids. */
    fixedResults?: readonly string[];
}
