/**
 * Apex Long: a signed 64-bit two's-complement number held in a JS `bigint`; every operation wraps on
 * overflow (Apex Developer Guide › Primitive Data Types › Long).
 */
import { mathException, typeException } from './signal.ts';
import { cachedNumberFormat } from './locale.ts';

export const LONG_MAX = 9223372036854775807n;
export const LONG_MIN = -9223372036854775808n;

/** Wraps any bigint to 64 bits. */
export function toLong(n: bigint): bigint {
    return BigInt.asIntN(64, n);
}

export function longAdd(a: bigint, b: bigint): bigint {
    return BigInt.asIntN(64, a + b);
}

export function longSubtract(a: bigint, b: bigint): bigint {
    return BigInt.asIntN(64, a - b);
}

export function longMultiply(a: bigint, b: bigint): bigint {
    return BigInt.asIntN(64, a * b);
}

/** Truncates toward zero; a zero divisor throws `System.MathException: Divide by 0`. */
export function longDivide(a: bigint, b: bigint): bigint {
    if (b === 0n) throw mathException('Divide by 0');
    return BigInt.asIntN(64, a / b);
}

/** Remainder with the sign of the dividend (`Math.mod(Long, Long)`). */
export function longMod(a: bigint, b: bigint): bigint {
    if (b === 0n) throw mathException('Divide by 0');
    return BigInt.asIntN(64, a % b);
}

export function longNegate(a: bigint): bigint {
    return BigInt.asIntN(64, -a);
}

export function longAnd(a: bigint, b: bigint): bigint {
    return BigInt.asIntN(64, a & b);
}

export function longOr(a: bigint, b: bigint): bigint {
    return BigInt.asIntN(64, a | b);
}

export function longXor(a: bigint, b: bigint): bigint {
    return BigInt.asIntN(64, a ^ b);
}

export function longNot(a: bigint): bigint {
    return BigInt.asIntN(64, ~a);
}

/** `<<` on a Long: only the low six bits of the count are used (Java semantics). */
export function longShiftLeft(a: bigint, n: number): bigint {
    return BigInt.asIntN(64, a << BigInt(n & 63));
}

export function longShiftRight(a: bigint, n: number): bigint {
    return a >> BigInt(n & 63);
}

export function longUnsignedShiftRight(a: bigint, n: number): bigint {
    return BigInt.asIntN(64, BigInt.asUintN(64, a) >> BigInt(n & 63));
}

/** `Long.valueOf(String)`: sign and digits only; otherwise `System.TypeException: Invalid long: …`. */
export function longValueOf(text: string): bigint {
    if (!/^[+-]?\d+$/.test(text)) throw typeException(`Invalid long: ${text}`);
    const n = BigInt(text);
    if (n > LONG_MAX || n < LONG_MIN) throw typeException(`Invalid long: ${text}`);
    return n;
}

/** Long → Integer narrowing (`Long.intValue()`): keeps the low 32 bits. */
export function longIntValue(a: bigint): number {
    return Number(BigInt.asIntN(32, a));
}

/** `Long.format()`: grouping separators of the user's locale. */
export function longFormat(n: bigint, localeSidKey: string): string {
    return cachedNumberFormat(localeSidKey, { maximumFractionDigits: 0 }).format(n);
}
