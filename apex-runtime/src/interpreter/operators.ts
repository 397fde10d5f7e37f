/**
 * Apex operators on values by kind (Apex Developer Guide › Expression Operators; Primitive Data
 * Types). Numbers form a hierarchy Integer < Long < Double < Decimal ("Rules of Conversion"): a
 * binary operation is carried out in the higher of its operands' types. Integer and Long wrap on
 * overflow; null operands raise NullPointerException.
 */
import { UnsupportedApexError } from '../errors.ts';
import { ApexDouble } from '../values/double.ts';
import { nullPointerException } from '../values/signal.ts';
import * as I from '../values/integer.ts';
import * as L from '../values/long.ts';
import { Decimal, compareForOperator } from './values-bridge.ts';
import type { ApexValue } from './model.ts';

/** Rank in the numeric hierarchy, or -1 when not a number. */
export function numRank(v: ApexValue): number {
    if (typeof v === 'number') return 0;
    if (typeof v === 'bigint') return 1;
    if (v instanceof ApexDouble) return 2;
    if (v instanceof Decimal) return 3;
    return -1;
}

function toLong(v: ApexValue): bigint {
    return typeof v === 'bigint' ? v : BigInt(v as number);
}
function toDouble(v: ApexValue): number {
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    return (v as ApexDouble).value;
}
function toDecimal(v: ApexValue): Decimal {
    if (v instanceof Decimal) return v;
    if (typeof v === 'number' || typeof v === 'bigint') return Decimal.fromInteger(v);
    return Decimal.fromDouble((v as ApexDouble).value);
}

export type ArithOp = '+' | '-' | '*' | '/' | '%';

/** `a op b` for two numbers, in the higher of their types. */
export function arith(op: ArithOp, a: ApexValue, b: ApexValue): ApexValue {
    // Apex has no remainder operator (Expression Operators; Math.mod is the documented way).
    if (op === '%') throw new UnsupportedApexError('operator % (Apex has no % operator: use Math.mod)');
    const ra = numRank(a);
    const rb = numRank(b);
    if (ra < 0 || rb < 0) {
        if (a === null || b === null) throw nullPointerException();
        throw new UnsupportedApexError(`operator ${op} on ${describeKind(a)} and ${describeKind(b)}`);
    }
    const r = ra > rb ? ra : rb;
    switch (r) {
        case 0: {
            const x = a as number;
            const y = b as number;
            switch (op) {
                case '+':
                    return I.intAdd(x, y);
                case '-':
                    return I.intSubtract(x, y);
                case '*':
                    return I.intMultiply(x, y);
                case '/':
                    return I.intDivide(x, y);
            }
            break;
        }
        case 1: {
            const x = toLong(a);
            const y = toLong(b);
            switch (op) {
                case '+':
                    return L.longAdd(x, y);
                case '-':
                    return L.longSubtract(x, y);
                case '*':
                    return L.longMultiply(x, y);
                case '/':
                    return L.longDivide(x, y);
            }
            break;
        }
        case 2: {
            const x = toDouble(a);
            const y = toDouble(b);
            switch (op) {
                case '+':
                    return new ApexDouble(x + y);
                case '-':
                    return new ApexDouble(x - y);
                case '*':
                    return new ApexDouble(x * y);
                case '/':
                    return new ApexDouble(x / y);
            }
            break;
        }
        default: {
            const x = toDecimal(a);
            const y = toDecimal(b);
            switch (op) {
                case '+':
                    return x.add(y);
                case '-':
                    return x.subtract(y);
                case '*':
                    return x.multiply(y);
                case '/':
                    return x.divideOperator(y);
            }
        }
    }
    throw new UnsupportedApexError(`operator ${op}`);
}

/** Unary minus in the operand's own type. */
export function negate(v: ApexValue): ApexValue {
    if (typeof v === 'number') return I.intNegate(v);
    if (typeof v === 'bigint') return L.longNegate(v);
    if (v instanceof ApexDouble) return new ApexDouble(-v.value);
    if (v instanceof Decimal) return v.negate();
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
        const x = toLong(a);
        const y = toLong(b);
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
