/**
 * The runtime kind of an Apex value as the data layer needs it (type checks of `SObject.put`, DML
 * validation), from the value representation of DESIGN.md, and numeric widening on the way into a
 * field (Apex Developer Guide › Primitive Data Types: numbers convert implicitly from lower to higher
 * types: Integer → Long → Double → Decimal).
 */
import { isNumericKind, numericKindOf, widen, widensTo } from '../values/arithmetic.ts';
import type { NumericValue } from '../values/arithmetic.ts';
import { Blob } from '../values/blob.ts';
import { Decimal } from '../values/decimal.ts';
import { ApexDouble } from '../values/double.ts';
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal.ts';
import type { ApexFieldType } from './schema.ts';

export type ValueKind =
    | 'null'
    | 'String'
    | 'Boolean'
    | 'Integer'
    | 'Long'
    | 'Double'
    | 'Decimal'
    | 'Date'
    | 'Datetime'
    | 'Time'
    | 'Blob'
    | 'SObject'
    | 'Object';

/** The kind of a runtime value. */
export function kindOf(value: unknown): ValueKind {
    if (value === null || value === undefined) return 'null';
    switch (typeof value) {
        case 'string':
            return 'String';
        case 'boolean':
            return 'Boolean';
        case 'number':
            return 'Integer';
        case 'bigint':
            return 'Long';
        default:
            break;
    }
    if (value instanceof Decimal) return 'Decimal';
    if (value instanceof ApexDouble) return 'Double';
    if (value instanceof ApexDatetime) return 'Datetime';
    if (value instanceof ApexDate) return 'Date';
    if (value instanceof ApexTime) return 'Time';
    if (value instanceof Blob) return 'Blob';
    // SObject is recognised structurally to avoid a cycle with sobject.ts.
    if (
        typeof value === 'object' &&
        (value as { describe?: unknown }).describe !== undefined &&
        typeof (value as { put?: unknown }).put === 'function'
    )
        return 'SObject';
    return 'Object';
}

/**
 * `value` as a value of a field of `type`, or `undefined` when the kinds are incompatible (the caller
 * raises the documented error). Strings are accepted for Id fields (the caller validates them).
 */
export function coerceToFieldType(value: unknown, type: ApexFieldType): { value: unknown } | undefined {
    const kind = kindOf(value);
    if (kind === 'null' || type === 'Object') return { value };
    if (type === 'Id') return kind === 'String' ? { value } : undefined;
    if (isNumericKind(type)) {
        const from = numericKindOf(value);
        return from !== null && widensTo(from, type) ? { value: widen(value as NumericValue, type) } : undefined;
    }
    return kind === type ? { value } : undefined;
}

/** Apex's name of a value's type in error messages ("Illegal assignment from String to Integer"). */
export function apexTypeName(value: unknown): string {
    const kind = kindOf(value);
    if (kind === 'SObject') return (value as { type: string }).type;
    return kind;
}
