/**
 * The text of a primitive value: `String.valueOf(x)` and string concatenation (`'' + x`), per the
 * Apex Reference Guide › String Class › valueOf overloads.
 */
import { ApexDouble, javaDoubleToString } from './double.ts';
import { Decimal } from './decimal.ts';
import { ApexDate, ApexDatetime, ApexTime } from './temporal.ts';
import { Blob } from './blob.ts';

/** A primitive Apex value (see DESIGN.md's value table). */
export type PrimitiveValue =
    null | boolean | number | bigint | string | ApexDouble | Decimal | ApexDate | ApexDatetime | ApexTime | Blob;

/** Whether a JS value is one of the primitive representations. */
export function isPrimitive(v: unknown): v is PrimitiveValue {
    return (
        v === null ||
        typeof v === 'boolean' ||
        typeof v === 'number' ||
        typeof v === 'bigint' ||
        typeof v === 'string' ||
        v instanceof ApexDouble ||
        v instanceof Decimal ||
        v instanceof ApexDate ||
        v instanceof ApexDatetime ||
        v instanceof ApexTime ||
        v instanceof Blob
    );
}

/**
 * `String.valueOf(x)` for a primitive: Datetime in the user's time zone (`yyyy-MM-dd HH:mm:ss`),
 * Date as `yyyy-MM-dd`, Double as Java prints it, Decimal as `toString()`, Blob as `Blob[n]`, null
 * as `null`.
 */
export function primitiveToString(v: PrimitiveValue, tz: string): string {
    if (v instanceof ApexDatetime) return v.toStringIn(tz);
    return concatText(v);
}

/**
 * The text a primitive contributes to `+` concatenation and `System.debug`: as `String.valueOf`
 * except Datetime, which concatenation writes in GMT (`yyyy-MM-dd HH:mm:ss`).
 */
export function concatText(v: PrimitiveValue): string {
    if (v === null) return 'null';
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
    if (v instanceof ApexDouble) return javaDoubleToString(v.value);
    if (v instanceof Blob) return `Blob[${v.size()}]`;
    return v.toString();
}
