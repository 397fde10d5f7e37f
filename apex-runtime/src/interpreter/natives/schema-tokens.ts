/**
 * Type tokens (Apex Developer Guide › Understanding Apex Describe Information, "sObject and field
 * tokens"): `Schema.SObjectType` (`Contact.SObjectType`, `record.getSObjectType()`) and
 * `Schema.SObjectField` (`Contact.Phone`, `Schema.Contact.Phone`). A token is one shared native
 * object per object or field of a schema, so `==` and Map keys compare by identity; tokens of the
 * same name from two schemas are equal too (compared by name, case-insensitively).
 */
import { UnsupportedApexError } from '../../errors.ts';
import { normalizeId } from '../../data/ids.ts';
import { fieldOf } from '../../data/schema.ts';
import type { FieldDescribe, SObjectDescribe } from '../../data/schema.ts';
import { SObject } from '../../data/sobject.ts';
import { javaStringHash } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { describeResult, fieldDescribeResult } from './schema-describe.ts';
import { DescribeOptionsEnum } from './schema-enums.ts';
import { nn } from './platform.ts';

/** What a field token holds. */
export interface FieldRef {
    object: SObjectDescribe;
    field: FieldDescribe;
}

const typeTokens = new WeakMap<SObjectDescribe, NativeObject>();
const fieldTokens = new WeakMap<FieldDescribe, NativeObject>();

/** The `Schema.SObjectType` token of an object. */
export function sobjectTypeToken(d: SObjectDescribe): NativeObject {
    let t = typeTokens.get(d);
    if (!t) {
        t = new NativeObject(SObjectTypeNative, d);
        typeTokens.set(d, t);
    }
    return t;
}

/** The `Schema.SObjectField` token of a field. */
export function fieldToken(object: SObjectDescribe, field: FieldDescribe): NativeObject {
    let t = fieldTokens.get(field);
    if (!t) {
        t = new NativeObject(SObjectFieldNative, { object, field } satisfies FieldRef);
        fieldTokens.set(field, t);
    }
    return t;
}

/** The object a `Schema.SObjectType` token stands for. */
export function describeOfToken(v: ApexValue): SObjectDescribe {
    if (v instanceof NativeObject && v.cls === SObjectTypeNative) return v.state as SObjectDescribe;
    throw new UnsupportedApexError('Schema.SObjectType method on a non-SObjectType');
}

/** The field a `Schema.SObjectField` token stands for. */
export function fieldOfToken(v: ApexValue): FieldRef {
    if (v instanceof NativeObject && v.cls === SObjectFieldNative) return v.state as FieldRef;
    throw new UnsupportedApexError('Schema.SObjectField method on a non-SObjectField');
}

/** `getDescribe(options)` accepts only SObjectDescribeOptions values (null is refused: not documented). */
function checkOptions(a: ApexValue[]): void {
    const v = nn(a, 0);
    DescribeOptionsEnum.nameOf(v);
}

/**
 * `SObjectType.newSObject(...)` (Apex Reference Guide › SObjectType Class): a new record of the type;
 * with an Id, the record carries it; `newSObject(recordTypeId, loadDefaults)` with loadDefaults
 * would need the fields' default values evaluated, and record types are not modelled: refused
 * unless it asks for neither.
 */
function newRecord(d: SObjectDescribe, id: ApexValue, recordTypeId: ApexValue, loadDefaults: boolean): SObject {
    if (recordTypeId !== null) throw new UnsupportedApexError(`${d.name}.SObjectType.newSObject with a record type`);
    if (loadDefaults) throw new UnsupportedApexError(`${d.name}.SObjectType.newSObject(…, loadDefaults = true)`);
    const rec = new SObject(d);
    if (id !== null) {
        if (typeof id !== 'string') throw new UnsupportedApexError('newSObject with a non-Id argument');
        rec.setRaw('Id', normalizeId(id));
    }
    return rec;
}

export const SObjectTypeNative: NativeClass = defineNative({
    name: 'SObjectType',
    namespace: 'Schema',
    isInstance: (v) => v instanceof NativeObject && v.cls === SObjectTypeNative,
    valueEquals: (a, b) => (a as SObjectDescribe).name.toLowerCase() === (b as SObjectDescribe).name.toLowerCase(),
    valueHash: (a) => javaStringHash((a as SObjectDescribe).name.toLowerCase()),
    // `Schema.SObjectType.Contact` is the object's describe result (DescribeSObjectResult Class › fields example).
    staticMember: (rt: NativeRuntime, name: string) => {
        const d = schemaOfRt(rt)?.describe(name);
        return d ? describeResult(d) : undefined;
    },
    methods: {
        getDescribe: [
            { params: [], fn: (_rt: NativeRuntime, s: ApexValue) => describeResult(describeOfToken(s)) },
            {
                params: ['Object'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => {
                    checkOptions(a);
                    return describeResult(describeOfToken(s));
                }
            }
        ],
        newSObject: [
            { params: [], fn: (_rt: NativeRuntime, s: ApexValue) => newRecord(describeOfToken(s), null, null, false) },
            {
                params: ['Object'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    newRecord(describeOfToken(s), a[0] ?? null, null, false)
            },
            {
                params: ['Object', 'Boolean'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    newRecord(describeOfToken(s), null, a[0] ?? null, nn(a, 1) === true)
            }
        ],
        toString: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => describeOfToken(s).name }],
        hashCode: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => javaStringHash(describeOfToken(s).name) }],
        equals: [
            {
                params: ['Object'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => rt.equals(s, a[0] ?? null)
            }
        ]
    }
});

export const SObjectFieldNative: NativeClass = defineNative({
    name: 'SObjectField',
    namespace: 'Schema',
    isInstance: (v) => v instanceof NativeObject && v.cls === SObjectFieldNative,
    valueEquals: (a, b) =>
        (a as FieldRef).object.name.toLowerCase() === (b as FieldRef).object.name.toLowerCase() &&
        (a as FieldRef).field.name.toLowerCase() === (b as FieldRef).field.name.toLowerCase(),
    valueHash: (a) => javaStringHash(`${(a as FieldRef).object.name}.${(a as FieldRef).field.name}`.toLowerCase()),
    methods: {
        getDescribe: [
            {
                params: [],
                fn: (_rt: NativeRuntime, s: ApexValue) => {
                    const r = fieldOfToken(s);
                    return fieldDescribeResult(r.object, r.field);
                }
            }
        ],
        toString: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => fieldOfToken(s).field.name }],
        hashCode: [
            { params: [], fn: (_rt: NativeRuntime, s: ApexValue) => javaStringHash(fieldOfToken(s).field.name) }
        ],
        equals: [
            {
                params: ['Object'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => rt.equals(s, a[0] ?? null)
            }
        ]
    }
});

function schemaOfRt(rt: NativeRuntime): { describe(name: string): SObjectDescribe | undefined } | undefined {
    return (rt as { schema?: { describe(name: string): SObjectDescribe | undefined } }).schema;
}

/**
 * A static member of an SObject type as a token: `Contact.SObjectType` and `Contact.Phone` (a
 * field token); undefined when the name is neither (the caller refuses it).
 */
export function sobjectStaticMember(d: SObjectDescribe, name: string): ApexValue | undefined {
    if (name.toLowerCase() === 'sobjecttype') return sobjectTypeToken(d);
    const f = fieldOf(d, name);
    return f ? fieldToken(d, f) : undefined;
}
