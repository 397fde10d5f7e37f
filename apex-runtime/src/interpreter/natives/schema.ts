/**
 * The `Schema` class (Apex Reference Guide › Schema Class): `getGlobalDescribe()` and
 * `describeSObjects(types[, options])`, and `Schema.<Object>` as a name for the object's type
 * (`Schema.Contact.Phone`). `SCHEMA_NATIVES` lists every describe native to register.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { invalidParameter } from '../../values/signal.ts';
import type { SchemaRegistry } from '../../data/schema.ts';
import { ApexList } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { TypeValue } from '../model.ts';
import { prim } from '../types.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { CaseInsensitiveMap } from './schema-maps.ts';
import { sobjectTypeToken, SObjectFieldNative, SObjectTypeNative } from './schema-tokens.ts';
import {
    ChildRelationshipNative,
    describeResult,
    DescribeFieldResultNative,
    DescribeSObjectResultNative,
    nativeType,
    PicklistEntryNative,
    SObjectTypeFieldsNative
} from './schema-describe.ts';
import { AccessTypeEnum, DescribeOptionsEnum, DisplayTypeEnum, SoapTypeEnum } from './schema-enums.ts';
import { nn } from './platform.ts';
import { schemaOf } from './org-context.ts';

/** Object names by lower-case name, per schema (thousands of names: listed once). */
const globalNames = new WeakMap<SchemaRegistry, Map<string, string>>();

/**
 * `getGlobalDescribe()`'s map: every object name (lower case) to its token, described only when a
 * value is asked for (a full describe of thousands of standard objects is slow, and code reads a few).
 */
class GlobalDescribeMap extends CaseInsensitiveMap {
    private readonly schema: SchemaRegistry;
    private readonly names: Map<string, string>;
    private filled = false;
    constructor(schema: SchemaRegistry) {
        super(prim('String'), nativeType(SObjectTypeNative));
        this.schema = schema;
        let names = globalNames.get(schema);
        if (!names) {
            names = new Map(schema.names().map((n) => [n.toLowerCase(), n]));
            globalNames.set(schema, names);
        }
        this.names = names;
    }
    private fill(): void {
        if (this.filled) return;
        this.filled = true;
        for (const [l, n] of this.names) if (!super.has(l)) super.put(l, sobjectTypeToken(this.schema.require(n)));
    }
    override get(k: ApexValue): ApexValue {
        if (!this.filled && typeof k === 'string' && !super.has(k)) {
            const n = this.names.get(k.toLowerCase());
            if (n) super.put(k, sobjectTypeToken(this.schema.require(n)));
        }
        return super.get(k);
    }
    override has(k: ApexValue): boolean {
        if (!this.filled && typeof k === 'string') return this.names.has(k.toLowerCase()) || super.has(k);
        return super.has(k);
    }
    override put(k: ApexValue, v: ApexValue): ApexValue {
        this.fill();
        return super.put(k, v);
    }
    override delete(k: ApexValue): ApexValue {
        this.fill();
        return super.delete(k);
    }
    override get size(): number {
        this.fill();
        return super.size;
    }
    override keys(): IterableIterator<ApexValue> {
        this.fill();
        return super.keys();
    }
    override values(): IterableIterator<ApexValue> {
        this.fill();
        return super.values();
    }
    override entries(): IterableIterator<[ApexValue, ApexValue]> {
        this.fill();
        return super.entries();
    }
}

/**
 * `describeSObjects(types)`: one describe result per name, in the order given. A name the org does not
 * have raises `System.InvalidParameterValueException` with the text orgs print; the reference does not
 * document it: observed in orgs, per SalesforceFoundation/NPSP#5904 and apex-enterprise-patterns/at4dx#9.
 */
function describeSObjects(rt: NativeRuntime, types: ApexValue): ApexList {
    if (types === null)
        throw new UnsupportedApexError('Schema.describeSObjects(null) (the exception is not documented)');
    if (!(types instanceof ApexList)) throw new UnsupportedApexError('Schema.describeSObjects of a non-List');
    const schema = schemaOf(rt, 'Schema.describeSObjects');
    const out = new ApexList(nativeType(DescribeSObjectResultNative));
    for (const t of types.items) {
        if (typeof t !== 'string') throw new UnsupportedApexError('Schema.describeSObjects of a non-String name');
        const d = schema.describe(t);
        if (!d)
            throw invalidParameter(
                `Invalid sobject provided. The Schema.describeSObject() methods does not support the ${t} sobject as a parameter. The sobject provided does not exist.`
            );
        out.items.push(describeResult(d));
    }
    return out;
}

export const SchemaNative: NativeClass = defineNative({
    name: 'Schema',
    namespace: 'Schema',
    // `Schema.Contact`: the object's type, so that `Schema.Contact.Phone` is a field token.
    staticMember: (rt: NativeRuntime, name: string) => {
        const d = (rt as { schema?: SchemaRegistry }).schema?.describe(name);
        return d ? new TypeValue({ k: 'sobject', name: d.name }) : undefined;
    },
    statics: {
        getGlobalDescribe: [
            {
                params: [],
                fn: (rt: NativeRuntime) => new GlobalDescribeMap(schemaOf(rt, 'Schema.getGlobalDescribe'))
            }
        ],
        describeSObjects: [
            {
                params: ['List'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => describeSObjects(rt, a[0] ?? null)
            },
            {
                params: ['List', 'Object'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => {
                    DescribeOptionsEnum.nameOf(nn(a, 1));
                    return describeSObjects(rt, a[0] ?? null);
                }
            }
        ]
    }
});

/** Every native of the describe API, to register in a runtime's registry. */
export const SCHEMA_NATIVES: readonly NativeClass[] = [
    SchemaNative,
    SObjectTypeNative,
    SObjectFieldNative,
    DescribeSObjectResultNative,
    DescribeFieldResultNative,
    SObjectTypeFieldsNative,
    ChildRelationshipNative,
    PicklistEntryNative,
    DisplayTypeEnum.cls,
    SoapTypeEnum.cls,
    DescribeOptionsEnum.cls,
    AccessTypeEnum.cls
];
