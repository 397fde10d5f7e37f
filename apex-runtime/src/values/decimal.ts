/**
 * Apex Decimal: an arbitrary-precision signed decimal, unscaled `bigint` × 10^-scale, with the scale
 * rules of the Apex Reference Guide › Decimal Class (Apex's Decimal is Java's BigDecimal).
 */
import { UnsupportedApexError } from '../errors.ts';
import { mathException, typeException } from './signal.ts';
import { javaDoubleToString } from './double.ts';
import { toBcp47 } from './locale.ts';

/** `System.RoundingMode` values. */
export type RoundingMode = 'CEILING' | 'DOWN' | 'FLOOR' | 'HALF_DOWN' | 'HALF_EVEN' | 'HALF_UP' | 'UNNECESSARY' | 'UP';

export const ROUNDING_MODES: readonly RoundingMode[] = [
    'CEILING',
    'DOWN',
    'FLOOR',
    'HALF_DOWN',
    'HALF_EVEN',
    'HALF_UP',
    'UNNECESSARY',
    'UP'
];

const TEN = 10n;
const pow10Cache: bigint[] = [];
function pow10(n: number): bigint {
    if (n < 64) {
        let v = pow10Cache[n];
        if (v === undefined) {
            v = TEN ** BigInt(n);
            pow10Cache[n] = v;
        }
        return v;
    }
    return TEN ** BigInt(n);
}

function abs(n: bigint): bigint {
    return n < 0n ? -n : n;
}

function digitCount(n: bigint): number {
    return n === 0n ? 1 : abs(n).toString().length;
}

/** Divides n by d (d > 0 or < 0) with the rounding mode, returning the integer quotient. */
function roundedQuotient(n: bigint, d: bigint, mode: RoundingMode): bigint {
    const q = n / d;
    const r = n % d;
    if (r === 0n) return q;
    const negative = n < 0n !== d < 0n;
    const awayFromZero = negative ? q - 1n : q + 1n;
    const twice = abs(r) * 2n;
    const half = twice === abs(d) ? 0 : twice > abs(d) ? 1 : -1;
    switch (mode) {
        case 'UP':
            return awayFromZero;
        case 'DOWN':
            return q;
        case 'CEILING':
            return negative ? q : awayFromZero;
        case 'FLOOR':
            return negative ? awayFromZero : q;
        case 'HALF_UP':
            return half >= 0 ? awayFromZero : q;
        case 'HALF_DOWN':
            return half > 0 ? awayFromZero : q;
        case 'HALF_EVEN':
            return half > 0 || (half === 0 && q % 2n !== 0n) ? awayFromZero : q;
        case 'UNNECESSARY':
            throw mathException('Rounding necessary');
    }
}

export class Decimal {
    /** The digits, without the decimal point. */
    readonly unscaled: bigint;
    /** Digits after the decimal point (negative: trailing zeros before it). */
    readonly scale: number;

    constructor(unscaled: bigint, scale: number) {
        this.unscaled = unscaled;
        this.scale = scale;
    }

    /** A Decimal literal or `Decimal.valueOf(String)`: BigDecimal's grammar; else `TypeException`. */
    static parse(text: string): Decimal {
        const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
        if (!m || ((m[2] ?? '') === '' && (m[3] ?? '') === '')) throw typeException(`Invalid decimal: ${text}`);
        const intDigits = m[2] ?? '';
        const fracDigits = m[3] ?? '';
        const exponent = m[4] === undefined ? 0 : Number(m[4]);
        const unscaled = BigInt(`${m[1]}${intDigits}${fracDigits}` === m[1] ? '0' : `${m[1]}${intDigits}${fracDigits}`);
        return new Decimal(unscaled, fracDigits.length - exponent);
    }

    /** Integer or Long → Decimal, scale 0. */
    static fromInteger(n: number | bigint): Decimal {
        return new Decimal(BigInt(n), 0);
    }

    /**
     * `Decimal.valueOf(Double)`: the Double's text as `String.valueOf(Double)` shows it, so 0.1 gives
     * 0.1, not the binary expansion (as Java's `BigDecimal.valueOf(double)`).
     */
    static fromDouble(d: number): Decimal {
        if (!Number.isFinite(d)) throw typeException(`Invalid decimal: ${javaDoubleToString(d)}`);
        return Decimal.parse(javaDoubleToString(d));
    }

    signum(): number {
        return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
    }

    /** Rescales up (exact) to `scale` >= this.scale. */
    private upscaled(scale: number): bigint {
        return this.unscaled * pow10(scale - this.scale);
    }

    /** add: the result's scale is the larger of the two scales. */
    add(other: Decimal): Decimal {
        const scale = Math.max(this.scale, other.scale);
        return new Decimal(this.upscaled(scale) + other.upscaled(scale), scale);
    }

    subtract(other: Decimal): Decimal {
        const scale = Math.max(this.scale, other.scale);
        return new Decimal(this.upscaled(scale) - other.upscaled(scale), scale);
    }

    /** multiply: the result's scale is the sum of the scales. */
    multiply(other: Decimal): Decimal {
        return new Decimal(this.unscaled * other.unscaled, this.scale + other.scale);
    }

    negate(): Decimal {
        return new Decimal(-this.unscaled, this.scale);
    }

    abs(): Decimal {
        return this.unscaled < 0n ? this.negate() : this;
    }

    /**
     * The `/` operator on Decimals. A terminating quotient is exact, with the scale
     * `this.scale - divisor.scale` raised as far as the digits need (BigDecimal's `divide`, on which
     * Apex's Decimal is built). The guide does not state the precision of a non-terminating quotient
     * (1/3), so that is refused rather than guessed; `divide(divisor, scale, mode)` states it.
     */
    divideOperator(divisor: Decimal): Decimal {
        if (divisor.unscaled === 0n) throw mathException('Divide by 0');
        const preferred = this.scale - divisor.scale;
        if (this.unscaled === 0n) return new Decimal(0n, Math.max(preferred, 0));
        // The quotient terminates iff the reduced divisor has only factors 2 and 5.
        let d = abs(divisor.unscaled);
        const g = gcd(abs(this.unscaled), d);
        d /= g;
        let twos = 0;
        let fives = 0;
        while (d % 2n === 0n) {
            d /= 2n;
            twos++;
        }
        while (d % 5n === 0n) {
            d /= 5n;
            fives++;
        }
        if (d !== 1n) {
            throw new UnsupportedApexError(
                'Decimal division with a non-terminating quotient (use divide(divisor, scale, roundingMode))'
            );
        }
        const extra = Math.max(twos, fives);
        const scale = preferred + extra;
        const shift = scale - preferred;
        const q = (this.unscaled * pow10(shift)) / divisor.unscaled;
        return new Decimal(q, scale).stripTo(preferred);
    }

    /** Removes trailing zeros down to `minScale` (never below). */
    private stripTo(minScale: number): Decimal {
        let u = this.unscaled;
        let s = this.scale;
        while (s > minScale && u % TEN === 0n && u !== 0n) {
            u /= TEN;
            s--;
        }
        return s === this.scale ? this : new Decimal(u, s);
    }

    /**
     * `divide(divisor, scale[, roundingMode])`: the quotient with exactly `scale` decimal places. The
     * guide names no rounding mode for the two-argument form, so it is refused when rounding would be
     * needed rather than guessed.
     */
    divide(divisor: Decimal, scale: number, mode?: RoundingMode): Decimal {
        if (divisor.unscaled === 0n) throw mathException('Divide by 0');
        // this / divisor = (u1 / u2) * 10^(s2 - s1); wanted unscaled = u1 * 10^(scale + s2 - s1) / u2.
        const shift = scale + divisor.scale - this.scale;
        let n = this.unscaled;
        let d = divisor.unscaled;
        if (shift >= 0) n *= pow10(shift);
        else d *= pow10(-shift);
        if (mode === undefined) {
            if (n % d !== 0n) {
                throw new UnsupportedApexError(
                    'Decimal.divide(divisor, scale) needing rounding without a RoundingMode'
                );
            }
            return new Decimal(n / d, scale);
        }
        return new Decimal(roundedQuotient(n, d, mode), scale);
    }

    /**
     * `setScale(scale[, roundingMode])`. Without a mode, half-even: "Returns the Decimal scaled to the
     * specified number of decimal places, using half-even rounding, if necessary" (Apex Reference Guide ›
     * Decimal Class › setScale(scale),
     * https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_decimal.htm).
     */
    setScale(scale: number, mode: RoundingMode = 'HALF_EVEN'): Decimal {
        if (scale >= this.scale) return new Decimal(this.upscaled(scale), scale);
        const q = roundedQuotient(this.unscaled, pow10(this.scale - scale), mode);
        return new Decimal(q, scale);
    }

    /** `round()` (half-even, per the guide) and `round(roundingMode)`: a Long. */
    round(mode: RoundingMode = 'HALF_EVEN'): bigint {
        return BigInt.asIntN(64, this.setScale(0, mode).unscaled);
    }

    /** `stripTrailingZeros()`: zero becomes `0` (scale 0). */
    stripTrailingZeros(): Decimal {
        if (this.unscaled === 0n) return new Decimal(0n, 0);
        return this.stripTo(-Infinity);
    }

    /** `precision()`: the number of significant digits of the unscaled value (0 has precision 1). */
    precision(): number {
        return digitCount(this.unscaled);
    }

    /** `pow(exponent)`: exact, exponent 0..32,767, the scale multiplied by the exponent. */
    pow(exponent: number): Decimal {
        if (exponent < 0 || exponent > 32767) throw mathException('Invalid operation');
        return new Decimal(this.unscaled ** BigInt(exponent), this.scale * exponent);
    }

    /** Numeric comparison, ignoring scale (-1, 0, 1). */
    compareTo(other: Decimal): number {
        const scale = Math.max(this.scale, other.scale);
        const a = this.upscaled(scale);
        const b = other.upscaled(scale);
        return a < b ? -1 : a > b ? 1 : 0;
    }

    /** Numeric equality ignoring scale: `1.0 == 1.00` is true in Apex. */
    numericEquals(other: Decimal): boolean {
        return this.compareTo(other) === 0;
    }

    /**
     * `toString()` / `String.valueOf(Decimal)`: plain notation unless the scale is negative or the
     * adjusted exponent is below -6, then scientific (`1E+3`, `1.2E-7`), as BigDecimal's `toString`.
     */
    toString(): string {
        const digits = abs(this.unscaled).toString();
        const sign = this.unscaled < 0n ? '-' : '';
        const adjusted = digits.length - 1 - this.scale;
        if (this.scale >= 0 && adjusted >= -6) return sign + plain(digits, this.scale);
        const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
        return `${sign}${mantissa}E${adjusted >= 0 ? '+' : ''}${adjusted}`;
    }

    /** `toPlainString()`: never scientific notation. */
    toPlainString(): string {
        const digits = abs(this.unscaled).toString();
        const sign = this.unscaled < 0n ? '-' : '';
        if (this.scale <= 0) return sign + (this.unscaled === 0n ? '0' : digits + '0'.repeat(-this.scale));
        return sign + plain(digits, this.scale);
    }

    /** `intValue()`: the integral part's low 32 bits (BigDecimal narrowing). */
    intValue(): number {
        return Number(BigInt.asIntN(32, this.integralPart()));
    }

    /** `longValue()`: the integral part's low 64 bits. */
    longValue(): bigint {
        return BigInt.asIntN(64, this.integralPart());
    }

    /** `doubleValue()`: the nearest Double. */
    doubleValue(): number {
        return Number(this.toString());
    }

    private integralPart(): bigint {
        if (this.scale <= 0) return this.unscaled * pow10(-this.scale);
        return this.unscaled / pow10(this.scale);
    }

    /**
     * `format()`: the user's locale separators; at most three fractional digits, half-even, trailing
     * zeros dropped (the guide's example: 12345.6789 → `12,345.679` in the U.S. locale).
     */
    format(localeSidKey: string): string {
        return decimalFormatFor(localeSidKey).format(this.toPlainString() as unknown as number);
    }
}

function plain(digits: string, scale: number): string {
    if (scale === 0) return digits;
    const padded = digits.padStart(scale + 1, '0');
    return `${padded.slice(0, padded.length - scale)}.${padded.slice(padded.length - scale)}`;
}

function gcd(a: bigint, b: bigint): bigint {
    while (b !== 0n) [a, b] = [b, a % b];
    return a;
}

const decimalFormats = new Map<string, Intl.NumberFormat>();
function decimalFormatFor(localeSidKey: string): Intl.NumberFormat {
    let f = decimalFormats.get(localeSidKey);
    if (!f) {
        f = new Intl.NumberFormat(toBcp47(localeSidKey), { maximumFractionDigits: 3, roundingMode: 'halfEven' });
        decimalFormats.set(localeSidKey, f);
    }
    return f;
}
