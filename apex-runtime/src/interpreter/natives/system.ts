/**
 * `System` (Apex Reference Guide › System Class): debug, the assert methods, now/today/
 * currentTimeMillis through the injectable clock.
 */
import { ApexDate, ApexDatetime } from '../values-bridge.ts';
import type { ApexValue } from '../model.ts';
import { ApexRuntimeSignal } from '../../values/signal.ts';
import { defineNative } from './registry.ts';
import { loggingLevelName } from './logging-level.ts';
import { UnsupportedApexError } from '../../errors.ts';
import type { NativeRuntime } from './registry.ts';

/** `System.AssertException`, the exception every failed assertion raises (System Class › assert methods). */
export function assertionFailed(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.AssertException', message);
}

/** `Assertion Failed` or `Assertion Failed: <msg>`: the prefix orgs print for failed assertions. */
export function failedText(rt: NativeRuntime, msg: ApexValue | undefined, detail?: string): string {
    const parts = ['Assertion Failed'];
    if (msg !== undefined && msg !== null) parts.push(rt.stringOf(msg));
    if (detail) parts.push(detail);
    return parts.join(': ');
}

function assertTrue(rt: NativeRuntime, cond: ApexValue, msg?: ApexValue): ApexValue {
    if (cond !== true) throw assertionFailed(failedText(rt, msg));
    return null;
}

function assertEquals(rt: NativeRuntime, expected: ApexValue, actual: ApexValue, msg?: ApexValue): ApexValue {
    if (!rt.equals(expected, actual))
        throw assertionFailed(
            failedText(rt, msg, `Expected: ${rt.stringOf(expected)}, Actual: ${rt.stringOf(actual)}`)
        );
    return null;
}

function assertNotEquals(rt: NativeRuntime, expected: ApexValue, actual: ApexValue, msg?: ApexValue): ApexValue {
    if (rt.equals(expected, actual)) throw assertionFailed(failedText(rt, msg, `Same value: ${rt.stringOf(actual)}`));
    return null;
}

/** LoggingLevel name of a `System.debug(level, msg)` first argument (System Class › debug(logLevel, msg)). */
function levelName(v: ApexValue): string {
    const name = loggingLevelName(v);
    if (name === null) throw new UnsupportedApexError('System.debug with a first argument that is no LoggingLevel');
    return name;
}

export const SystemNative = defineNative({
    name: 'System',
    namespace: 'System',
    statics: {
        debug: [
            { params: ['Object'], fn: (rt, _s, a) => (rt.debug('DEBUG', rt.stringOf(a[0] ?? null)), null) },
            {
                params: ['Object', 'Object'],
                fn: (rt, _s, a) => (rt.debug(levelName(a[0] ?? null), rt.stringOf(a[1] ?? null)), null)
            }
        ],
        assert: [
            { params: ['Boolean'], fn: (rt, _s, a) => assertTrue(rt, a[0] ?? null) },
            { params: ['Boolean', 'Object'], fn: (rt, _s, a) => assertTrue(rt, a[0] ?? null, a[1] ?? null) }
        ],
        assertEquals: [
            { params: ['Object', 'Object'], fn: (rt, _s, a) => assertEquals(rt, a[0] ?? null, a[1] ?? null) },
            {
                params: ['Object', 'Object', 'Object'],
                fn: (rt, _s, a) => assertEquals(rt, a[0] ?? null, a[1] ?? null, a[2] ?? null)
            }
        ],
        assertNotEquals: [
            { params: ['Object', 'Object'], fn: (rt, _s, a) => assertNotEquals(rt, a[0] ?? null, a[1] ?? null) },
            {
                params: ['Object', 'Object', 'Object'],
                fn: (rt, _s, a) => assertNotEquals(rt, a[0] ?? null, a[1] ?? null, a[2] ?? null)
            }
        ],
        now: [{ params: [], fn: (rt) => ApexDatetime.now(rt.now()) }],
        today: [{ params: [], fn: (rt) => ApexDate.today(rt.now(), rt.userTimeZone()) }],
        currentTimeMillis: [{ params: [], fn: (rt) => BigInt(rt.now()) }]
    }
});
