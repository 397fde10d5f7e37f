/**
 * `Math` basics (Apex Reference Guide › Math Class): abs, max, min, mod, ceil, floor, round,
 * roundToLong, pow, sqrt, random, signum. Overloads follow the argument kinds (Integer, Long,
 * Decimal, Double), as the class lists them.
 */
import { ApexDouble } from '../../values/double.ts';
import { ApexRuntimeSignal, nullPointerException } from '../../values/signal.ts';
import { UnsupportedApexError } from '../../errors.ts';
import * as I from '../../values/integer.ts';
import * as L from '../../values/long.ts';
import type { ApexValue } from '../model.ts';
import { Decimal } from '../values-bridge.ts';
import { arith } from '../operators.ts';
import { compareForOperator } from '../values-bridge.ts';
import { defineNative } from './registry.ts';
import type { NativeOverload } from './registry.ts';

function num(v: ApexValue): number {
    if (v === null) throw nullPointerException();
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    if (v instanceof ApexDouble) return v.value;
    if (v instanceof Decimal) return v.doubleValue();
    throw new UnsupportedApexError('Math of a non-number');
}

function nn(v: ApexValue): ApexValue {
    if (v === null) throw nullPointerException();
    return v;
}

const byKind = (fn: (a: ApexValue[]) => ApexValue, arity: number): NativeOverload[] =>
    ['Integer', 'Long', 'Decimal', 'Double'].map((k) => ({
        params: Array<string>(arity).fill(k),
        fn: (_rt, _s, a) => fn(a)
    }));

/** Java's Math.round: floor(x + 0.5). */
function javaRound(x: number): number {
    return Math.floor(x + 0.5);
}

export const MathNative = defineNative({
    name: 'Math',
    namespace: 'System',
    statics: {
        abs: byKind((a) => {
            const v = nn(a[0] ?? null);
            return compareForOperator(v, 0) === -1 ? arith('-', 0, v) : v;
        }, 1),
        max: byKind(
            (a) => (compareForOperator(nn(a[0] ?? null), nn(a[1] ?? null)) === -1 ? (a[1] ?? null) : (a[0] ?? null)),
            2
        ),
        min: byKind(
            (a) => (compareForOperator(nn(a[0] ?? null), nn(a[1] ?? null)) === 1 ? (a[1] ?? null) : (a[0] ?? null)),
            2
        ),
        mod: [
            {
                params: ['Integer', 'Integer'],
                fn: (_rt, _s, a) => I.intMod(nn(a[0] ?? null) as number, nn(a[1] ?? null) as number)
            },
            {
                params: ['Long', 'Long'],
                fn: (_rt, _s, a) =>
                    L.longMod(BigInt(nn(a[0] ?? null) as number | bigint), BigInt(nn(a[1] ?? null) as number | bigint))
            }
        ],
        ceil: [{ params: ['Double'], fn: (_rt, _s, a) => new ApexDouble(Math.ceil(num(a[0] ?? null))) }],
        floor: [{ params: ['Double'], fn: (_rt, _s, a) => new ApexDouble(Math.floor(num(a[0] ?? null))) }],
        round: [
            {
                params: ['Double'],
                fn: (_rt, _s, a) => {
                    const r = javaRound(num(a[0] ?? null));
                    if (r > I.INT_MAX || r < I.INT_MIN)
                        throw new ApexRuntimeSignal('System.MathException', 'Integer overflow in Math.round');
                    return r;
                }
            }
        ],
        roundToLong: [{ params: ['Double'], fn: (_rt, _s, a) => BigInt(javaRound(num(a[0] ?? null))) }],
        pow: [
            {
                params: ['Double', 'Double'],
                fn: (_rt, _s, a) => new ApexDouble(Math.pow(num(a[0] ?? null), num(a[1] ?? null)))
            }
        ],
        sqrt: [{ params: ['Double'], fn: (_rt, _s, a) => new ApexDouble(Math.sqrt(num(a[0] ?? null))) }],
        signum: [{ params: ['Double'], fn: (_rt, _s, a) => new ApexDouble(Math.sign(num(a[0] ?? null))) }],
        random: [{ params: [], fn: () => new ApexDouble(Math.random()) }]
    }
});
