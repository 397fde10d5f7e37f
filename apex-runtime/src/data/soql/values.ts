/**
 * Comparing field values in WHERE, ORDER BY and aggregates, by the field's type (SOQL and SOSL
 * Reference › Comparison Operators: "Comparisons on strings are case-sensitive for unique
 * case-sensitive fields. For all other fields, comparisons are case-insensitive"; ORDER BY: "Sorting
 * is case insensitive", by the upper-case UTF-8 values in English locales).
 */
import { Decimal } from '../../values/decimal.ts';
import { ApexDouble } from '../../values/double.ts';
import { ApexRuntimeSignal } from '../../values/signal.ts';
import { UnsupportedApexError } from '../../errors.ts';
import type { FieldDescribe } from '../schema.ts';
import type { TemporalValues } from './source.ts';

/** How values of a field compare. */
export type CompareKind = 'string' | 'id' | 'boolean' | 'number' | 'date' | 'datetime';

/** The comparison kind of a field, from its Apex type; `undefined` for types SOQL cannot filter here. */
export function compareKindOf(f: FieldDescribe): CompareKind | undefined {
    switch (f.apexType) {
        case 'String':
            return 'string';
        case 'Id':
            return 'id';
        case 'Boolean':
            return 'boolean';
        case 'Integer':
        case 'Long':
        case 'Double':
        case 'Decimal':
            return 'number';
        case 'Date':
            return 'date';
        case 'Datetime':
            return 'datetime';
        default:
            return undefined;
    }
}

/**
 * A value reduced to what comparisons need: strings stay strings (case folded by the comparator),
 * ids are 18-character, numbers are Decimals, dates are day numbers, datetimes epoch milliseconds.
 */
export type Key = string | boolean | Decimal | number | null;

export function queryException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.QueryException', message);
}

/** Day number (days since 1970-01-01) of a date's parts. */
export function dayNumber(p: { year: number; month: number; day: number }): number {
    return Math.floor(Date.UTC(p.year, p.month - 1, p.day) / 86400000);
}

/** A stored field value or an Apex bind value as a key of `kind`; `undefined` when the kinds do not match. */
export function keyOf(value: unknown, kind: CompareKind, temporal: TemporalValues): Key | undefined {
    if (value === null || value === undefined) return null;
    switch (kind) {
        case 'string':
            return typeof value === 'string' ? value : undefined;
        case 'id':
            // Stored Ids are already 18 characters (DESIGN.md); binds and literals are normalized by the caller.
            return typeof value === 'string' ? value : undefined;
        case 'boolean':
            return typeof value === 'boolean' ? value : undefined;
        case 'number':
            return toDecimal(value);
        case 'date': {
            const p = temporal.dateParts(value);
            return p ? dayNumber(p) : undefined;
        }
        case 'datetime':
            return temporal.epochMs(value);
    }
}

function toDecimal(value: unknown): Decimal | undefined {
    if (value instanceof Decimal) return value;
    if (typeof value === 'number' || typeof value === 'bigint') return Decimal.fromInteger(value);
    if (value instanceof ApexDouble) return Decimal.fromDouble(value.value);
    return undefined;
}

/**
 * Equality of two non-null keys of one kind. Strings compare case-insensitively unless the field is
 * case-sensitive (Comparison Operators note).
 */
export function keysEqual(a: Key, b: Key, caseSensitive: boolean): boolean {
    if (a === null || b === null) return a === b;
    if (a instanceof Decimal) return b instanceof Decimal && a.compareTo(b) === 0;
    if (typeof a === 'string' && typeof b === 'string' && !caseSensitive) return a.toUpperCase() === b.toUpperCase();
    return a === b;
}

/** Order of two non-null keys of one kind (strings by their upper-case UTF-16 values: ORDER BY note). */
export function compareKeys(a: Key, b: Key, caseSensitive = false): number {
    if (a instanceof Decimal && b instanceof Decimal) return a.compareTo(b);
    if (typeof a === 'string' && typeof b === 'string') {
        const x = caseSensitive ? a : a.toUpperCase();
        const y = caseSensitive ? b : b.toUpperCase();
        return x < y ? -1 : x > y ? 1 : 0;
    }
    if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    throw new UnsupportedApexError('SOQL comparison of values of different kinds');
}
