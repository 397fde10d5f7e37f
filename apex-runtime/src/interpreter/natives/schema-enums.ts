/**
 * The system enums of the describe API as native enums: `Schema.DisplayType` (Apex Reference Guide ›
 * DisplayType Enum), `Schema.SOAPType` (SOAPType Enum), `System.SObjectDescribeOptions`
 * (SObjectDescribeOptions Enum) and `System.AccessType` (AccessType Enum). Each value is one shared
 * native object, so `==`, `switch on`, Set elements and Map keys compare by identity.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { javaStringHash } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';

/** A native enum: its class and its values by name. */
export interface NativeEnum {
    readonly cls: NativeClass;
    /** The value named `name` (exact upper-case constant name). */
    value(name: string): NativeObject;
    /** The constant name of a value of this enum. */
    nameOf(v: ApexValue): string;
}

interface EnumState {
    name: string;
    ordinal: number;
}

/** Builds a native enum whose constants are `names` in declaration order (`values()`, `name()`, `ordinal()`). */
export function nativeEnum(name: string, namespace: string, names: readonly string[]): NativeEnum {
    const values = new Map<string, NativeObject>();
    const lname = name.toLowerCase();
    const stateOf = (v: ApexValue): EnumState => {
        if (v instanceof NativeObject && v.cls.lname === lname) return v.state as EnumState;
        throw new UnsupportedApexError(`${name} method on a non-${name}`);
    };
    const cls: NativeClass = defineNative({
        name,
        namespace,
        isInstance: (v) => v instanceof NativeObject && v.cls === cls,
        valueEquals: (a, b) => (a as EnumState).name === (b as EnumState).name,
        valueHash: (a) => javaStringHash((a as EnumState).name),
        staticProps: Object.fromEntries(names.map((n) => [n, () => values.get(n)!])),
        statics: {
            values: [
                {
                    params: [],
                    fn: () => {
                        throw new UnsupportedApexError(`${namespace}.${name}.values()`);
                    }
                }
            ]
        },
        methods: {
            name: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => stateOf(s).name }],
            toString: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => stateOf(s).name }],
            ordinal: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => stateOf(s).ordinal }],
            hashCode: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => javaStringHash(stateOf(s).name) }],
            equals: [{ params: ['Object'], fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => s === a[0] }]
        }
    });
    names.forEach((n, ordinal) => values.set(n, new NativeObject(cls, { name: n, ordinal })));
    return {
        cls,
        value: (n) => {
            const v = values.get(n);
            if (!v) throw new UnsupportedApexError(`${namespace}.${name}.${n}`);
            return v;
        },
        nameOf: (v) => stateOf(v).name
    };
}

/** `Schema.DisplayType`, constants in the order of the DisplayType Enum page. */
export const DisplayTypeEnum = nativeEnum('DisplayType', 'Schema', [
    'ADDRESS',
    'ANYTYPE',
    'BASE64',
    'BOOLEAN',
    'COMBOBOX',
    'CURRENCY',
    'DATACATEGORYGROUPREFERENCE',
    'DATE',
    'DATETIME',
    'DOUBLE',
    'EMAIL',
    'ENCRYPTEDSTRING',
    'ID',
    'INTEGER',
    'LONG',
    'MULTIPICKLIST',
    'PERCENT',
    'PHONE',
    'PICKLIST',
    'REFERENCE',
    'STRING',
    'TEXTAREA',
    'TIME',
    'URL',
    'LOCATION'
]);

/** `Schema.SOAPType` (SOAPType Enum). */
export const SoapTypeEnum = nativeEnum('SOAPType', 'Schema', [
    'ANYTYPE',
    'BASE64BINARY',
    'BOOLEAN',
    'DATE',
    'DATETIME',
    'DOUBLE',
    'ID',
    'INTEGER',
    'LONG',
    'STRING',
    'TIME',
    'ADDRESS',
    'LOCATION'
]);

/** `System.SObjectDescribeOptions` (SObjectDescribeOptions Enum: DEFAULT, DEFERRED, FULL). */
export const DescribeOptionsEnum = nativeEnum('SObjectDescribeOptions', 'System', ['DEFAULT', 'DEFERRED', 'FULL']);

/** `System.AccessType` (AccessType Enum). */
export const AccessTypeEnum = nativeEnum('AccessType', 'System', ['CREATABLE', 'READABLE', 'UPDATABLE', 'UPSERTABLE']);
