/**
 * Equality, hashing and ordering of primitive values (Apex Developer Guide › Expression Operators;
 * Apex Reference Guide › List Class › sort, Set and Map key rules). Non-primitive values take part
 * through the `ApexEquatable` hook, which the interpreter implements for SObjects, collections and
 * user classes with `equals`/`hashCode`.
 */
import { numericKindOf, widen } from './arithmetic.ts';
import type { NumericValue } from './arithmetic.ts';
import { ApexDouble } from './double.ts';
import { Decimal } from './decimal.ts';
import { ApexDate, ApexDatetime, ApexTime } from './temporal.ts';
import { Blob } from './blob.ts';
import {
    compareTo as stringCompareTo,
    compareToIgnoreCase,
    equalsIgnoreCase,
    hashCode as stringHash
} from './string-methods.ts';
import { UnsupportedApexError } from '../errors.ts';

/** Values that define their own Apex equality and hash (SObjects, collections, user classes). */
export interface ApexEquatable {
    /** `==` / `equals` semantics for this object against any value. */
    apexEquals(other: unknown): boolean;
    /** Consistent with `apexEquals`. */
    apexHash(): number;
}

export function isEquatable(v: unknown): v is ApexEquatable {
    return typeof v === 'object' && v !== null && typeof (v as Partial<ApexEquatable>).apexEquals === 'function';
}

function toNumber(v: unknown): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof ApexDouble) return v.value;
    if (v instanceof Decimal) return v.doubleValue();
    return NaN;
}

/** Numeric comparison across Integer, Long, Double and Decimal (widening as Apex does). */
function compareNumbers(a: unknown, b: unknown): number {
    const ka = numericKindOf(a);
    const kb = numericKindOf(b);
    if (ka === 'Double' || kb === 'Double') {
        const x = toNumber(a);
        const y = toNumber(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (ka === 'Decimal' || kb === 'Decimal')
        return (widen(a as NumericValue, 'Decimal') as Decimal).compareTo(
            widen(b as NumericValue, 'Decimal') as Decimal
        );
    const x = widen(a as NumericValue, 'Long') as bigint;
    const y = widen(b as NumericValue, 'Long') as bigint;
    return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * The `==` operator. Strings compare case-insensitively; numbers of any kind compare by value
 * (`1 == 1.0`, `1.0 == 1.00`); Date, Datetime and Time by value; Blobs by bytes; objects through
 * `apexEquals`, else by reference. null equals only null.
 */
export function apexEquals(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a === null || b === null || a === undefined || b === undefined) return false;
    if (typeof a === 'string') return typeof b === 'string' && equalsIgnoreCase(a, b);
    if (numericKindOf(a) && numericKindOf(b)) return compareNumbers(a, b) === 0;
    return sameValue(a, b);
}

/** What `==` and key equality agree on: Date, Datetime and Time by value, Blobs by bytes, objects through `apexEquals`. */
function sameValue(a: unknown, b: unknown): boolean {
    if (a instanceof ApexDate) return b instanceof ApexDate && a.isSameDay(b);
    if (a instanceof ApexDatetime) return b instanceof ApexDatetime && a.epochMs === b.epochMs;
    if (a instanceof ApexTime) return b instanceof ApexTime && a.millisOfDay === b.millisOfDay;
    if (a instanceof Blob) return b instanceof Blob && a.equals(b);
    if (isEquatable(a)) return a.apexEquals(b);
    return false;
}

/**
 * Set element / Map key equality: Strings are case-sensitive; numbers equal only within one kind
 * (Decimal keys also by scale: 1.1 and 1.10 are distinct keys, per the Decimal Class note on
 * hash codes); Date/Datetime/Time/Blob by value; objects through `apexEquals`.
 */
export function keyEquals(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a === null || b === null || a === undefined || b === undefined) return false;
    if (a instanceof ApexDouble)
        return b instanceof ApexDouble && (a.value === b.value || (Number.isNaN(a.value) && Number.isNaN(b.value)));
    if (a instanceof Decimal) return b instanceof Decimal && a.scale === b.scale && a.unscaled === b.unscaled;
    return sameValue(a, b);
}

function mix(h: number, v: number): number {
    return (Math.imul(h, 31) + v) | 0;
}

/** A hash consistent with `keyEquals` (Java's hash codes for Strings, Integers and Longs). */
export function keyHash(v: unknown): number {
    if (v === null || v === undefined) return 0;
    if (typeof v === 'string') return stringHash(v);
    if (typeof v === 'number') return v | 0;
    if (typeof v === 'boolean') return v ? 1231 : 1237;
    if (typeof v === 'bigint') return Number(BigInt.asIntN(32, v ^ (BigInt.asUintN(64, v) >> 32n)));
    if (v instanceof ApexDouble) return stringHash(String(v.value));
    if (v instanceof Decimal) return mix(Number(BigInt.asIntN(32, v.unscaled)), v.scale);
    if (v instanceof ApexDate) return mix(mix(v.year, v.month), v.day);
    if (v instanceof ApexDatetime) return stringHash(String(v.epochMs));
    if (v instanceof ApexTime) return v.millisOfDay | 0;
    if (v instanceof Blob) {
        let h = 1;
        for (const b of v.bytes) h = mix(h, b);
        return h;
    }
    if (isEquatable(v)) return v.apexHash();
    return 0;
}

/**
 * `<`, `<=`, `>`, `>=` on primitives: numbers across kinds, Strings case-insensitively, Date,
 * Datetime and Time chronologically. Returns null when the operator's result is false whatever the
 * order: a null Integer/Double/Date/Datetime operand ("If x or y equal null and are Integers,
 * Doubles, Dates, or Datetimes, the expression is false"). A non-null String is greater than null.
 */
export function compareForOperator(a: unknown, b: unknown): number | null {
    if (typeof a === 'string' || typeof b === 'string') {
        if (a === null) return -1;
        if (b === null) return 1;
        if (typeof a === 'string' && typeof b === 'string') return Math.sign(compareToIgnoreCase(a, b));
    }
    if (a === null || b === null || a === undefined || b === undefined) return null;
    return comparePrimitives(a, b);
}

function comparePrimitives(a: unknown, b: unknown): number {
    if (numericKindOf(a) && numericKindOf(b)) return compareNumbers(a, b);
    if (a instanceof ApexDate && b instanceof ApexDate) return a.compareTo(b);
    if (a instanceof ApexDatetime && b instanceof ApexDatetime) return a.compareTo(b);
    if (a instanceof ApexTime && b instanceof ApexTime) return a.compareTo(b);
    if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
    throw new UnsupportedApexError(`comparison of ${describe(a)} with ${describe(b)}`);
}

/**
 * `List.sort()` order for primitives: ascending, nulls first; Strings by `String.compareTo`
 * (case-sensitive UTF-16 order, Apex Reference Guide › String Class › compareTo); numbers, dates and
 * times by value. Objects use the interpreter's `Comparable` support, not this function.
 */
export function compareForSort(a: unknown, b: unknown): number {
    if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
    if (b === null || b === undefined) return 1;
    if (typeof a === 'string' && typeof b === 'string') return Math.sign(stringCompareTo(a, b));
    return comparePrimitives(a, b);
}

function describe(v: unknown): string {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'object') return (v as object).constructor.name;
    return typeof v;
}
