/**
 * Apex Integer: a signed 32-bit two's-complement number held in a JS `number`. Every operation wraps
 * on overflow as Apex does (Apex Developer Guide › Primitive Data Types › Integer).
 */
import { mathException, typeException } from './signal.ts';
import { toBcp47 } from './locale.ts';

export const INT_MAX = 2147483647;
export const INT_MIN = -2147483648;

/** Wraps any integral JS number to 32 bits. */
export function toInt(n: number): number {
    return n | 0;
}

export function intAdd(a: number, b: number): number {
    return (a + b) | 0;
}

export function intSubtract(a: number, b: number): number {
    return (a - b) | 0;
}

export function intMultiply(a: number, b: number): number {
    return Math.imul(a, b);
}

/** Integer division truncates toward zero; a zero divisor throws `System.MathException: Divide by 0`. */
export function intDivide(a: number, b: number): number {
    if (b === 0) throw mathException('Divide by 0');
    return Math.trunc(a / b) | 0;
}

/** Remainder with the sign of the dividend (`Math.mod`); a zero divisor throws `MathException`. */
export function intMod(a: number, b: number): number {
    if (b === 0) throw mathException('Divide by 0');
    return (a % b) | 0;
}

export function intNegate(a: number): number {
    return -a | 0;
}

export function intAnd(a: number, b: number): number {
    return a & b;
}

export function intOr(a: number, b: number): number {
    return a | b;
}

export function intXor(a: number, b: number): number {
    return a ^ b;
}

export function intNot(a: number): number {
    return ~a;
}

/** `<<`: only the low five bits of the shift count are used (Java semantics, which Apex follows). */
export function intShiftLeft(a: number, n: number): number {
    return a << (n & 31);
}

/** `>>`: signed shift right. */
export function intShiftRight(a: number, n: number): number {
    return a >> (n & 31);
}

/** `>>>`: unsigned shift right, the result read back as a signed 32-bit Integer. */
export function intUnsignedShiftRight(a: number, n: number): number {
    return (a >>> (n & 31)) | 0;
}

/**
 * `Integer.valueOf(String)`: an optional sign then decimal digits, nothing else (no spaces, no
 * decimal point); out-of-range or malformed text throws `System.TypeException: Invalid integer: …`.
 */
export function integerValueOf(text: string): number {
    if (!/^[+-]?\d+$/.test(text)) throw typeException(`Invalid integer: ${text}`);
    const n = Number(text);
    if (n > INT_MAX || n < INT_MIN) throw typeException(`Invalid integer: ${text}`);
    return n | 0;
}

const integerFormats = new Map<string, Intl.NumberFormat>();

/** `Integer.format()`: the integer with the grouping separators of the user's locale. */
export function integerFormat(n: number, localeSidKey: string): string {
    let format = integerFormats.get(localeSidKey);
    if (!format) {
        format = new Intl.NumberFormat(toBcp47(localeSidKey), { maximumFractionDigits: 0 });
        integerFormats.set(localeSidKey, format);
    }
    return format.format(n);
}
