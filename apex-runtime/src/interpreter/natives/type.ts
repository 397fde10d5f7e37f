/**
 * `System.Type` (Apex Reference Guide › Type Class): what `Foo.class` evaluates to; getName,
 * toString, equals, hashCode, newInstance (no-argument constructor), isAssignableFrom, and
 * Type.forName(name).
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { ApexType, ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { isAssignable, typeName } from '../types.ts';
import { javaStringHash } from '../collections.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';

/** What Type needs beyond NativeRuntime: creating instances and resolving names. */
export interface TypeRuntime extends NativeRuntime {
    newInstanceOf(t: ApexType): ApexValue;
    typeForName(name: string): ApexType | undefined;
    /** The name `getName()` gives: `ns.Foo` for a class of a namespaced package. */
    qualifiedTypeName(t: ApexType): string;
}

function typeOf(v: ApexValue): ApexType {
    if (v instanceof NativeObject && v.cls.lname === 'type') return v.state as ApexType;
    throw new UnsupportedApexError('Type method on a non-Type');
}

export const TypeNative: NativeClass = defineNative({
    name: 'Type',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.cls.lname === 'type',
    valueEquals: (a, b) => typeName(a as ApexType).toLowerCase() === typeName(b as ApexType).toLowerCase(),
    valueHash: (a) => javaStringHash(typeName(a as ApexType).toLowerCase()),
    methods: {
        getName: [{ params: [], fn: (rt, s) => (rt as TypeRuntime).qualifiedTypeName(typeOf(s)) }],
        toString: [
            { params: [], fn: (rt: NativeRuntime, s: ApexValue) => (rt as TypeRuntime).qualifiedTypeName(typeOf(s)) }
        ],
        hashCode: [{ params: [], fn: (_rt, s) => javaStringHash(typeName(typeOf(s)).toLowerCase()) }],
        equals: [
            {
                params: ['Object'],
                fn: (_rt, s, a) =>
                    a[0] instanceof NativeObject &&
                    a[0].cls.lname === 'type' &&
                    typeName(typeOf(s)).toLowerCase() === typeName(typeOf(a[0])).toLowerCase()
            }
        ],
        newInstance: [{ params: [], fn: (rt, s) => (rt as TypeRuntime).newInstanceOf(typeOf(s)) }],
        isAssignableFrom: [{ params: ['Type'], fn: (_rt, s, a) => isAssignable(typeOf(a[0] ?? null), typeOf(s)) }]
    },
    statics: {
        forName: [
            {
                params: ['String'],
                fn: (rt, _s, a) => {
                    const t = (rt as TypeRuntime).typeForName(String(a[0]));
                    return t ? new NativeObject(TypeNative, t) : null;
                }
            }
        ]
    }
});
