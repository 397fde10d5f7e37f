/**
 * Apex Double: a 64-bit IEEE 754 number, boxed so the interpreter can tell it from an Integer
 * (Apex Developer Guide › Primitive Data Types › Double).
 */
import { typeException } from './signal.ts';
import { cachedNumberFormat } from './locale.ts';

export class ApexDouble {
    readonly value: number;
    constructor(value: number) {
        this.value = value;
    }
    /** `String.valueOf(Double)`, the text `System.debug` and string concatenation show. */
    toString(): string {
        return javaDoubleToString(this.value);
    }
}

/**
 * Java's `Double.toString`, which Apex uses for a Double's text: plain notation with at least one
 * fractional digit when 10^-3 <= |d| < 10^7 (`1.0`, `0.001`, `1234567.0`), otherwise computerized
 * scientific notation (`1.0E7`, `1.0E-4`, `-1.5E10`); the shortest digits that identify the value.
 */
export function javaDoubleToString(d: number): string {
    if (Number.isNaN(d)) return 'NaN';
    if (d === Infinity) return 'Infinity';
    if (d === -Infinity) return '-Infinity';
    if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
    const sign = d < 0 ? '-' : '';
    const [mantissa = '', exp = '0'] = Math.abs(d).toExponential().split('e');
    const digits = mantissa.replace('.', '');
    const e = Number(exp);
    const abs = Math.abs(d);
    if (abs >= 1e-3 && abs < 1e7) {
        if (e >= 0) {
            const intPart = digits.slice(0, e + 1).padEnd(e + 1, '0');
            const frac = digits.slice(e + 1);
            return `${sign}${intPart}.${frac === '' ? '0' : frac}`;
        }
        return `${sign}0.${'0'.repeat(-e - 1)}${digits}`;
    }
    const frac = digits.slice(1);
    return `${sign}${digits[0]}.${frac === '' ? '0' : frac}E${e}`;
}

/**
 * `Double.valueOf(String)`: Java's `Double.parseDouble` grammar (surrounding whitespace allowed, an
 * optional sign, decimal digits with optional fraction and exponent, `NaN`, `Infinity`, an optional
 * `d`/`f` suffix); anything else throws `System.TypeException: Invalid double: …`.
 */
export function doubleValueOf(text: string): ApexDouble {
    const t = text.trim();
    const m = /^([+-]?)(NaN|Infinity|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[dDfF]?$/.exec(t);
    if (!m || (/[dDfF]$/.test(t) && /NaN|Infinity/.test(t))) throw typeException(`Invalid double: ${text}`);
    return new ApexDouble(Number(`${m[1]}${m[2]}`));
}

/** `Double.format()`: the user's locale separators, at most three fractional digits (ICU default). */
export function doubleFormat(d: number, localeSidKey: string): string {
    return cachedNumberFormat(localeSidKey, { maximumFractionDigits: 3 }).format(d);
}

/** `Double.intValue()`: truncation toward zero, Java's saturating narrowing (NaN → 0). */
export function doubleIntValue(d: number): number {
    if (Number.isNaN(d)) return 0;
    if (d >= 2147483647) return 2147483647;
    if (d <= -2147483648) return -2147483648;
    return Math.trunc(d);
}

/** `Double.longValue()`: truncation toward zero, saturating at the Long range (NaN → 0). */
export function doubleLongValue(d: number): bigint {
    if (Number.isNaN(d)) return 0n;
    if (d >= 9223372036854775807) return 9223372036854775807n;
    if (d <= -9223372036854775808) return -9223372036854775808n;
    return BigInt(Math.trunc(d));
}
