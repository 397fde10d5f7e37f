/**
 * `Assert` (Apex Reference Guide › Assert Class): areEqual, areNotEqual, isTrue, isFalse, isNull,
 * isNotNull, isInstanceOfType, isNotInstanceOfType, fail — each with an optional message; a failure
 * raises System.AssertException. The guide gives no failure texts: equality failures use the
 * `Expected: x, Actual: y` / `Same value: x` details orgs print for System.assertEquals/NotEquals;
 * the others print `Assertion Failed` and the caller's message only.
 */
import type { ApexType, ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { isInstanceOf } from '../types.ts';
import { UnsupportedApexError } from '../../errors.ts';
import { defineNative } from './registry.ts';
import type { NativeOverload, NativeRuntime, ParamKind } from './registry.ts';
import { assertionFailed, failedText } from './system.ts';

function fail(rt: NativeRuntime, msg: ApexValue | undefined, detail?: string): never {
    throw assertionFailed(failedText(rt, msg, detail));
}

function typeArg(v: ApexValue): ApexType {
    if (v instanceof NativeObject && v.cls.lname === 'type') return v.state as ApexType;
    throw new UnsupportedApexError('Assert.isInstanceOfType with a non-Type argument');
}

/** The one- and two-more-argument overloads: `(args...)` and `(args..., message)`. */
function withMessage(
    params: ParamKind[],
    check: (rt: NativeRuntime, a: ApexValue[], msg: ApexValue | undefined) => void
): NativeOverload[] {
    return [
        { params, fn: (rt, _s, a) => (check(rt, a, undefined), null) },
        { params: [...params, 'Object'], fn: (rt, _s, a) => (check(rt, a, a[params.length] ?? null), null) }
    ];
}

export const AssertNative = defineNative({
    name: 'Assert',
    namespace: 'System',
    statics: {
        areEqual: withMessage(['Object', 'Object'], (rt, a, m) => {
            const [e = null, x = null] = a;
            if (!rt.equals(e, x)) fail(rt, m, `Expected: ${rt.stringOf(e)}, Actual: ${rt.stringOf(x)}`);
        }),
        areNotEqual: withMessage(['Object', 'Object'], (rt, a, m) => {
            const [e = null, x = null] = a;
            if (rt.equals(e, x)) fail(rt, m, `Same value: ${rt.stringOf(x)}`);
        }),
        isTrue: withMessage(['Boolean'], (rt, a, m) => {
            if (a[0] !== true) fail(rt, m);
        }),
        isFalse: withMessage(['Boolean'], (rt, a, m) => {
            if (a[0] !== false) fail(rt, m);
        }),
        isNull: withMessage(['Object'], (rt, a, m) => {
            if (a[0] !== null) fail(rt, m);
        }),
        isNotNull: withMessage(['Object'], (rt, a, m) => {
            if (a[0] === null) fail(rt, m);
        }),
        isInstanceOfType: withMessage(['Object', 'Type'], (rt, a, m) => {
            const t = typeArg(a[1] ?? null);
            if (!isInstanceOf(a[0] ?? null, t)) fail(rt, m);
        }),
        isNotInstanceOfType: withMessage(['Object', 'Type'], (rt, a, m) => {
            const t = typeArg(a[1] ?? null);
            if (isInstanceOf(a[0] ?? null, t)) fail(rt, m);
        }),
        fail: [
            { params: [], fn: (rt) => fail(rt, undefined) },
            { params: ['Object'], fn: (rt, _s, a) => fail(rt, a[0] ?? null) }
        ]
    }
});
