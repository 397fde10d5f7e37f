/**
 * Arithmetic across numeric kinds. Numbers form a hierarchy, Integer → Long → Double → Decimal; an
 * operation's result has the higher operand's type, and a lower value is converted to it (Apex
 * Developer Guide › Rules of Conversion, Expression Operators).
 */
import { UnsupportedApexError } from '../errors.ts';
import { Decimal } from './decimal.ts';
import { ApexDouble } from './double.ts';
import { intAdd, intDivide, intMultiply, intNegate, intSubtract } from './integer.ts';
import { longAdd, longDivide, longMultiply, longNegate, longSubtract } from './long.ts';

/** The numeric kinds, lowest first. */
export type NumericKind = 'Integer' | 'Long' | 'Double' | 'Decimal';
export type NumericValue = number | bigint | ApexDouble | Decimal;
export type ArithmeticOp = '+' | '-' | '*' | '/';

const RANK: Record<NumericKind, number> = { Integer: 0, Long: 1, Double: 2, Decimal: 3 };

/** Whether a type name is one of the numeric kinds. */
export function isNumericKind(name: string): name is NumericKind {
    return Object.hasOwn(RANK, name);
}

/** Whether a value of kind `from` converts implicitly to `to` (the same or a higher kind). */
export function widensTo(from: NumericKind, to: NumericKind): boolean {
    return RANK[from] <= RANK[to];
}

/** The kind of a numeric value, or null for anything else. */
export function numericKindOf(v: unknown): NumericKind | null {
    if (typeof v === 'number') return 'Integer';
    if (typeof v === 'bigint') return 'Long';
    if (v instanceof ApexDouble) return 'Double';
    if (v instanceof Decimal) return 'Decimal';
    return null;
}

/**
 * Converts a number to a kind at least as high (implicit widening on assignment, parameters and
 * arithmetic). Narrowing is refused here: Apex requires an explicit method (`intValue()`…).
 */
export function widen(v: NumericValue, to: NumericKind): NumericValue {
    const from = numericKindOf(v);
    if (from === null) throw new UnsupportedApexError('widening a non-numeric value');
    if (from === to) return v;
    if (!widensTo(from, to)) throw new UnsupportedApexError(`implicit narrowing from ${from} to ${to}`);
    switch (to) {
        case 'Long':
            return BigInt(v as number);
        case 'Double':
            return new ApexDouble(Number(v as number | bigint));
        case 'Decimal':
            return v instanceof ApexDouble ? Decimal.fromDouble(v.value) : Decimal.fromInteger(v as number | bigint);
        default:
            return v;
    }
}

type Operations<T> = Record<ArithmeticOp, (p: T, q: T) => T>;

/** The four operators of each kind (Integer and Long wrap and divide as Java does: integer.ts, long.ts). */
const INTEGER_OPS: Operations<number> = { '+': intAdd, '-': intSubtract, '*': intMultiply, '/': intDivide };
const LONG_OPS: Operations<bigint> = { '+': longAdd, '-': longSubtract, '*': longMultiply, '/': longDivide };
const DOUBLE_OPS: Operations<number> = {
    '+': (p, q) => p + q,
    '-': (p, q) => p - q,
    '*': (p, q) => p * q,
    '/': (p, q) => p / q
};
const DECIMAL_OPS: Operations<Decimal> = {
    '+': (p, q) => p.add(q),
    '-': (p, q) => p.subtract(q),
    '*': (p, q) => p.multiply(q),
    '/': (p, q) => p.divideOperator(q)
};

/** `a op b` for two numbers: computed in the higher operand's kind. */
export function numericBinary(op: ArithmeticOp, a: NumericValue, b: NumericValue): NumericValue {
    const ka = numericKindOf(a);
    const kb = numericKindOf(b);
    if (ka === null || kb === null) throw new UnsupportedApexError(`arithmetic ${op} on non-numbers`);
    const kind = RANK[ka] >= RANK[kb] ? ka : kb;
    const x = ka === kind ? a : widen(a, kind);
    const y = kb === kind ? b : widen(b, kind);
    switch (kind) {
        case 'Integer':
            return INTEGER_OPS[op](x as number, y as number);
        case 'Long':
            return LONG_OPS[op](x as bigint, y as bigint);
        case 'Double': {
            const [p, q] = [(x as ApexDouble).value, (y as ApexDouble).value];
            if (op === '/' && q === 0) {
                // The guide does not say whether Double division by zero yields Infinity or throws.
                throw new UnsupportedApexError('Double division by zero');
            }
            return new ApexDouble(DOUBLE_OPS[op](p, q));
        }
        case 'Decimal':
            return DECIMAL_OPS[op](x as Decimal, y as Decimal);
    }
}

/** Unary minus in the operand's kind (Integer and Long wrap). */
export function numericNegate(v: NumericValue): NumericValue {
    if (typeof v === 'number') return intNegate(v);
    if (typeof v === 'bigint') return longNegate(v);
    if (v instanceof ApexDouble) return new ApexDouble(-v.value);
    return v.negate();
}
