/**
 * Apex operators on values by kind (Apex Developer Guide › Expression Operators; Primitive Data
 * Types). Numbers form a hierarchy Integer < Long < Double < Decimal ("Rules of Conversion"): a
 * binary operation is carried out in the higher of its operands' types. Integer and Long wrap on
 * overflow; null operands raise NullPointerException.
 */
import { UnsupportedApexError } from '../errors.ts';
import { numericBinary, numericKindOf, numericNegate, widen } from '../values/arithmetic.ts';
import type { ArithmeticOp, NumericValue } from '../values/arithmetic.ts';
import { nullPointerException } from '../values/signal.ts';
import * as I from '../values/integer.ts';
import * as L from '../values/long.ts';
import { compareForOperator } from './values-bridge.ts';
import type { ApexValue } from './model.ts';

export type ArithOp = ArithmeticOp | '%';

/** `a op b` for two numbers, in the higher of their types (the rule itself is `numericBinary`). */
export function arith(op: ArithOp, a: ApexValue, b: ApexValue): ApexValue {
    // Apex has no remainder operator (Expression Operators; Math.mod is the documented way).
    if (op === '%') throw new UnsupportedApexError('operator % (Apex has no % operator: use Math.mod)');
    if (numericKindOf(a) === null || numericKindOf(b) === null) {
        if (a === null || b === null) throw nullPointerException();
        throw new UnsupportedApexError(`operator ${op} on ${describeKind(a)} and ${describeKind(b)}`);
    }
    return numericBinary(op, a as NumericValue, b as NumericValue);
}

/** Unary minus in the operand's own type. */
export function negate(v: ApexValue): ApexValue {
    if (numericKindOf(v) !== null) return numericNegate(v as NumericValue);
    if (v === null) throw nullPointerException();
    throw new UnsupportedApexError(`unary - on ${describeKind(v)}`);
}

export type BitOp = '&' | '|' | '^' | '<<' | '>>' | '>>>';

/** Bitwise and shift operators on Integer/Long; `&`, `|`, `^` on Booleans are the non-short-circuit logical operators. */
export function bitwise(op: BitOp, a: ApexValue, b: ApexValue): ApexValue {
    if (a === null || b === null) throw nullPointerException();
    if (typeof a === 'boolean' && typeof b === 'boolean') {
        if (op === '&') return a && b;
        if (op === '|') return a || b;
        if (op === '^') return a !== b;
    }
    if (op === '<<' || op === '>>' || op === '>>>') {
        const n = typeof b === 'bigint' ? Number(BigInt.asIntN(32, b)) : (b as number);
        if (typeof a === 'number')
            return op === '<<'
                ? I.intShiftLeft(a, n)
                : op === '>>'
                  ? I.intShiftRight(a, n)
                  : I.intUnsignedShiftRight(a, n);
        if (typeof a === 'bigint')
            return op === '<<'
                ? L.longShiftLeft(a, n)
                : op === '>>'
                  ? L.longShiftRight(a, n)
                  : L.longUnsignedShiftRight(a, n);
    }
    if (typeof a === 'number' && typeof b === 'number')
        return op === '&' ? I.intAnd(a, b) : op === '|' ? I.intOr(a, b) : I.intXor(a, b);
    if ((typeof a === 'number' || typeof a === 'bigint') && (typeof b === 'number' || typeof b === 'bigint')) {
        const x = widen(a, 'Long') as bigint;
        const y = widen(b, 'Long') as bigint;
        return op === '&' ? L.longAnd(x, y) : op === '|' ? L.longOr(x, y) : L.longXor(x, y);
    }
    throw new UnsupportedApexError(`operator ${op} on ${describeKind(a)} and ${describeKind(b)}`);
}

/** `~v` on Integer/Long. */
export function bitNot(v: ApexValue): ApexValue {
    if (typeof v === 'number') return I.intNot(v);
    if (typeof v === 'bigint') return L.longNot(v);
    if (v === null) throw nullPointerException();
    throw new UnsupportedApexError(`operator ~ on ${describeKind(v)}`);
}

/**
 * `<`, `<=`, `>`, `>=` (Expression Operators): with a null operand the result is false for numbers,
 * Dates and Datetimes, and a non-null String or Id is greater than null.
 */
export function relational(op: '<' | '<=' | '>' | '>=', a: ApexValue, b: ApexValue): boolean {
    if (typeof a === 'number' && typeof b === 'number')
        return op === '<' ? a < b : op === '<=' ? a <= b : op === '>' ? a > b : a >= b;
    const c = compareForOperator(a, b);
    if (c === null) return false;
    return op === '<' ? c < 0 : op === '<=' ? c <= 0 : op === '>' ? c > 0 : c >= 0;
}

/** A value's kind for messages. */
export function describeKind(v: ApexValue): string {
    if (v === null) return 'null';
    if (typeof v !== 'object') return typeof v;
    return v.constructor.name;
}
