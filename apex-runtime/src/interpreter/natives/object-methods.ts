/**
 * The `Object` methods every primitive value answers (`equals`, `hashCode`, `toString`), shared by
 * the primitive natives (Apex Developer Guide › Primitive Data Types: primitives are objects with
 * these methods; the hash is Java's for the same value, as `values/equality.ts` keyHash gives it).
 */
import { keyHash } from '../../values/equality.ts';
import type { ApexValue } from '../model.ts';
import type { NativeOverload, NativeRuntime } from './registry.ts';

/** `equals(Object)`, `hashCode()`, `toString()` on a primitive `self`. */
export function objectMethods(): Record<string, NativeOverload[]> {
    return {
        equals: [
            {
                params: ['Object'],
                fn: (rt: NativeRuntime, self: ApexValue, a: ApexValue[]) => rt.equals(self, a[0] ?? null)
            }
        ],
        hashCode: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => keyHash(self) }],
        toString: [{ params: [], fn: (rt: NativeRuntime, self: ApexValue) => rt.stringOf(self) }]
    };
}
