/**
 * `Integer`, `Long`, `Decimal`, `Double` and `Boolean` (Apex Reference Guide › Integer Class, Long
 * Class, Decimal Class, Double Class, Boolean Class) and `System.RoundingMode`: their static
 * `valueOf` overloads and the instance methods, over the value library (values/).
 */
import { UnsupportedApexError } from '../../errors.ts';
import { ApexDouble, doubleFormat, doubleIntValue, doubleLongValue, doubleValueOf } from '../../values/double.ts';
import { ROUNDING_MODES } from '../../values/decimal.ts';
import type { RoundingMode } from '../../values/decimal.ts';
import { INT_MAX, INT_MIN, integerFormat, integerValueOf } from '../../values/integer.ts';
import { longFormat, longIntValue, longValueOf } from '../../values/long.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { Decimal } from '../values-bridge.ts';
import { defineNative } from './registry.ts';
import { interned } from './interned.ts';
import type { NativeClass, NativeOverload, NativeRuntime } from './registry.ts';
import { objectMethods } from './object-methods.ts';
import { int, localeOf, nn, selfAs, str } from './platform.ts';

/** A numeric value as a Decimal (Integer, Long, Double widen exactly as Apex converts them). */
function toDecimal(v: ApexValue): Decimal {
    if (v instanceof Decimal) return v;
    if (typeof v === 'number' || typeof v === 'bigint') return Decimal.fromInteger(v);
    if (v instanceof ApexDouble) return Decimal.fromDouble(v.value);
    throw new UnsupportedApexError('a non-number where a Decimal is expected');
}

/**
 * `Integer.valueOf(Object)` / `Long.valueOf(Object)` of a number: the same value when it is a whole
 * number in range. What orgs do with a fraction or an out-of-range value is not documented: refused.
 */
function wholeNumber(v: ApexValue, min: bigint, max: bigint, what: string): bigint {
    const d = toDecimal(v);
    const stripped = d.stripTrailingZeros();
    if (stripped.scale > 0) throw new UnsupportedApexError(`${what} of a number with a fraction (${d.toString()})`);
    const n = d.longValue();
    if (d.compareTo(Decimal.fromInteger(n)) !== 0 || n < min || n > max)
        throw new UnsupportedApexError(`${what} of an out-of-range number (${d.toString()})`);
    return n;
}

/**
 * `Integer.valueOf`, `Long.valueOf`, `Double.valueOf`: null stays null, a String is parsed, a number is
 * converted. valueOf(String) and valueOf(Object) are one overload: the registry cannot tell them apart by kind.
 */
function numberValueOf(parse: (s: string) => ApexValue, convert: (v: ApexValue) => ApexValue): NativeOverload[] {
    return [
        {
            params: ['Object'],
            fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => {
                const v = a[0] ?? null;
                if (v === null) return null;
                if (typeof v === 'string') return parse(v);
                return convert(v);
            }
        }
    ];
}

const roundingModes = new Map<string, NativeObject>();

/** `System.RoundingMode`: its values are native objects holding the mode's name. */
export const RoundingModeNative: NativeClass = defineNative({
    name: 'RoundingMode',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.cls.lname === 'roundingmode',
    staticProps: Object.fromEntries(ROUNDING_MODES.map((m) => [m, () => roundingMode(m)])),
    statics: {
        values: [
            {
                params: [],
                fn: () => {
                    throw new UnsupportedApexError('RoundingMode.values()');
                }
            }
        ]
    },
    methods: {
        name: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => modeOf(self) }],
        toString: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => modeOf(self) }],
        ordinal: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => ROUNDING_MODES.indexOf(modeOf(self)) }]
    }
});

function roundingMode(m: RoundingMode): NativeObject {
    return interned(roundingModes, m, () => new NativeObject(RoundingModeNative, m));
}

function modeOf(v: ApexValue): RoundingMode {
    if (v instanceof NativeObject && v.cls === RoundingModeNative) return v.state as RoundingMode;
    throw new UnsupportedApexError('a non-RoundingMode where a System.RoundingMode is expected');
}

const isRoundingMode = (v: ApexValue): boolean =>
    v === null || (v instanceof NativeObject && v.cls === RoundingModeNative);

export const IntegerNative = defineNative({
    name: 'Integer',
    namespace: 'System',
    isInstance: (v) => typeof v === 'number',
    statics: {
        valueOf: numberValueOf(integerValueOf, (v) =>
            Number(wholeNumber(v, BigInt(INT_MIN), BigInt(INT_MAX), 'Integer.valueOf'))
        )
    },
    methods: {
        ...objectMethods(),
        format: [
            { params: [], fn: (rt: NativeRuntime, self: ApexValue) => integerFormat(self as number, localeOf(rt)) }
        ]
    }
});

export const LongNative = defineNative({
    name: 'Long',
    namespace: 'System',
    isInstance: (v) => typeof v === 'bigint',
    statics: {
        valueOf: numberValueOf(longValueOf, (v) => wholeNumber(v, -(2n ** 63n), 2n ** 63n - 1n, 'Long.valueOf'))
    },
    methods: {
        ...objectMethods(),
        format: [{ params: [], fn: (rt: NativeRuntime, self: ApexValue) => longFormat(self as bigint, localeOf(rt)) }],
        intValue: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => longIntValue(self as bigint) }]
    }
});

const dec = (self: ApexValue): Decimal => selfAs(self, Decimal, 'Decimal');

const decimalDivide: NativeOverload[] = [
    {
        params: ['Decimal', 'Integer'],
        fn: (_rt: NativeRuntime, self: ApexValue, a: ApexValue[]) => dec(self).divide(toDecimal(nn(a, 0)), int(a, 1))
    },
    {
        params: ['Decimal', 'Integer', isRoundingMode],
        fn: (_rt: NativeRuntime, self: ApexValue, a: ApexValue[]) =>
            dec(self).divide(toDecimal(nn(a, 0)), int(a, 1), modeOf(nn(a, 2)))
    }
];

export const DecimalNative = defineNative({
    name: 'Decimal',
    namespace: 'System',
    isInstance: (v) => v instanceof Decimal,
    statics: {
        valueOf: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    a[0] === null ? null : Decimal.parse(str(a, 0).trim())
            },
            { params: ['Long'], fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => toDecimal(nn(a, 0)) },
            { params: ['Double'], fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => toDecimal(nn(a, 0)) }
        ]
    },
    methods: {
        ...objectMethods(),
        abs: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => dec(self).abs() }],
        divide: decimalDivide,
        doubleValue: [
            { params: [], fn: (_rt: NativeRuntime, self: ApexValue) => new ApexDouble(dec(self).doubleValue()) }
        ],
        format: [{ params: [], fn: (rt: NativeRuntime, self: ApexValue) => dec(self).format(localeOf(rt)) }],
        intValue: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => dec(self).intValue() }],
        longValue: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => dec(self).longValue() }],
        pow: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, self: ApexValue, a: ApexValue[]) => dec(self).pow(int(a, 0))
            }
        ],
        precision: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => dec(self).precision() }],
        round: [
            { params: [], fn: (_rt: NativeRuntime, self: ApexValue) => dec(self).round() },
            {
                params: [isRoundingMode],
                fn: (_rt: NativeRuntime, self: ApexValue, a: ApexValue[]) => dec(self).round(modeOf(nn(a, 0)))
            }
        ],
        scale: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => dec(self).scale }],
        setScale: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, self: ApexValue, a: ApexValue[]) => dec(self).setScale(int(a, 0))
            },
            {
                params: ['Integer', isRoundingMode],
                fn: (_rt: NativeRuntime, self: ApexValue, a: ApexValue[]) =>
                    dec(self).setScale(int(a, 0), modeOf(nn(a, 1)))
            }
        ],
        stripTrailingZeros: [
            { params: [], fn: (_rt: NativeRuntime, self: ApexValue) => dec(self).stripTrailingZeros() }
        ],
        toPlainString: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => dec(self).toPlainString() }]
    }
});

const dbl = (self: ApexValue): number => selfAs(self, ApexDouble, 'Double').value;

export const DoubleNative = defineNative({
    name: 'Double',
    namespace: 'System',
    isInstance: (v) => v instanceof ApexDouble,
    statics: {
        valueOf: numberValueOf(doubleValueOf, (v) => new ApexDouble(toDecimal(v).doubleValue()))
    },
    methods: {
        ...objectMethods(),
        format: [{ params: [], fn: (rt: NativeRuntime, self: ApexValue) => doubleFormat(dbl(self), localeOf(rt)) }],
        intValue: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => doubleIntValue(dbl(self)) }],
        longValue: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => doubleLongValue(dbl(self)) }],
        // Double.round(): "Returns the closest Long to this Double value" (Java's Math.round: half up).
        round: [
            { params: [], fn: (_rt: NativeRuntime, self: ApexValue) => doubleLongValue(Math.floor(dbl(self) + 0.5)) }
        ]
    }
});

/**
 * `Boolean.valueOf(String)`: true for `true` in any case, false otherwise (null included), per the
 * guide; `Boolean.valueOf(Object)` converts a Boolean held as an Object.
 */
export const BooleanNative = defineNative({
    name: 'Boolean',
    namespace: 'System',
    isInstance: (v) => typeof v === 'boolean',
    statics: {
        valueOf: [
            {
                params: ['Object'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => {
                    const v = a[0] ?? null;
                    if (typeof v === 'string') return v.toLowerCase() === 'true';
                    if (typeof v === 'boolean') return v;
                    // valueOf((String) null) and valueOf((Object) null) differ, and the static type is not known here.
                    if (v === null) throw new UnsupportedApexError('Boolean.valueOf(null)');
                    // What orgs do with a non-Boolean Object is not documented.
                    throw new UnsupportedApexError(`Boolean.valueOf of a ${typeof v}`);
                }
            }
        ]
    },
    methods: objectMethods()
});
