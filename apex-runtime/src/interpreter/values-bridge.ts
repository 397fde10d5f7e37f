/**
 * The value library (values/) as the interpreter uses it: one import point, so the interpreter
 * does not depend on how R2's modules are split.
 */
import { ApexDate, ApexDatetime, ApexTime } from '../values/temporal.ts';
import { Blob } from '../values/blob.ts';

export { Decimal } from '../values/decimal.ts';
export { apexEquals, keyEquals, keyHash, compareForOperator, compareForSort } from '../values/equality.ts';
export type { ApexEquatable } from '../values/equality.ts';
export { ApexDate, ApexDatetime, ApexTime, Blob };

/** The primitive kind of a Date/Datetime/Time/Blob value, or undefined. */
export function temporalKind(v: object): 'Date' | 'Datetime' | 'Time' | 'Blob' | undefined {
    if (v instanceof ApexDate) return 'Date';
    if (v instanceof ApexDatetime) return 'Datetime';
    if (v instanceof ApexTime) return 'Time';
    if (v instanceof Blob) return 'Blob';
    return undefined;
}
