/**
 * Describe results (Apex Reference Guide › DescribeSObjectResult Class, DescribeFieldResult Class,
 * ChildRelationship Class, PicklistEntry Class; Apex Developer Guide › Understanding Apex Describe
 * Information) over the schema's describes (`data/schema.ts`). Labels follow the running user's
 * language; access (`isAccessible`, `isCreateable`…) the running user's permissions. A fact the
 * schema does not hold (`undefined` there) is refused, never answered with a guess.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { fieldOf, labelFor } from '../../data/schema.ts';
import type { FieldDescribe, Labels, SObjectDescribe, SoapType } from '../../data/schema.ts';
import type { ObjectOp } from '../../data/access.ts';
import { ApexList } from '../collections.ts';
import type { ApexType, ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { prim } from '../types.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeOverload, NativeRuntime } from './registry.ts';
import { DisplayTypeEnum, SoapTypeEnum } from './schema-enums.ts';
import { fieldToken, sobjectTypeToken, SObjectFieldNative, SObjectTypeNative } from './schema-tokens.ts';
import { CaseInsensitiveMap } from './schema-maps.ts';
import { orgContextOf, userLanguage } from './org-context.ts';
import type { FieldRef } from './schema-tokens.ts';

const describes = new WeakMap<SObjectDescribe, NativeObject>();
const fieldDescribes = new WeakMap<FieldDescribe, NativeObject>();

/** The `Schema.DescribeSObjectResult` of an object. */
export function describeResult(d: SObjectDescribe): NativeObject {
    let r = describes.get(d);
    if (!r) {
        r = new NativeObject(DescribeSObjectResultNative, d);
        describes.set(d, r);
    }
    return r;
}

/** The `Schema.DescribeFieldResult` of a field. */
export function fieldDescribeResult(object: SObjectDescribe, field: FieldDescribe): NativeObject {
    let r = fieldDescribes.get(field);
    if (!r) {
        r = new NativeObject(DescribeFieldResultNative, { object, field } satisfies FieldRef);
        fieldDescribes.set(field, r);
    }
    return r;
}

/** The native type of a Schema class, for typed collections. */
export function nativeType(cls: NativeClass): ApexType {
    return { k: 'native', cls, args: [] };
}

function objectOf(self: ApexValue): SObjectDescribe {
    if (self instanceof NativeObject && self.cls === DescribeSObjectResultNative) return self.state as SObjectDescribe;
    throw new UnsupportedApexError('DescribeSObjectResult method on another value');
}

function fieldRefOf(self: ApexValue): FieldRef {
    if (self instanceof NativeObject && self.cls === DescribeFieldResultNative) return self.state as FieldRef;
    throw new UnsupportedApexError('DescribeFieldResult method on another value');
}

/** A label in the running user's language (Translation Workbench: untranslated labels show the default). */
function label(rt: NativeRuntime, labels: Labels, what: string): string {
    const v = labelFor(labels, userLanguage(rt));
    if (v === undefined) throw new UnsupportedApexError(`${what} (no source gives this label)`);
    return v;
}

/** A fact of the schema, refused when unknown. */
function known<T>(v: T | undefined, what: string): T {
    if (v === undefined)
        throw new UnsupportedApexError(`${what} (not known from the object's metadata or the cited facts)`);
    return v;
}

function noArgs(fn: (rt: NativeRuntime, self: ApexValue) => ApexValue): NativeOverload[] {
    return [{ params: [], fn: (rt: NativeRuntime, self: ApexValue) => fn(rt, self) }];
}

function objectAccess(rt: NativeRuntime, d: SObjectDescribe, op: ObjectOp, method: string): boolean {
    return orgContextOf(rt, `DescribeSObjectResult.${method}`).userAccess().checkObject(d.name, op);
}

/**
 * Objects SOSL searches (SOQL and SOSL Reference › FIND: the standard objects the examples search,
 * Account, Contact, Lead, Opportunity, Case). Whether another object is searchable is not in the schema:
 * refused.
 */
const SEARCHABLE_STANDARD = new Set(['account', 'contact', 'lead', 'opportunity', 'case']);

/** `Schema.SObjectTypeFields`: what `describe.fields` returns; a field name or `getMap()` follows it. */
export const SObjectTypeFieldsNative: NativeClass = defineNative({
    name: 'SObjectTypeFields',
    namespace: 'Schema',
    instanceMember: (_rt: NativeRuntime, self: ApexValue, name: string) => {
        const d = (self as NativeObject).state as SObjectDescribe;
        const f = fieldOf(d, name);
        if (!f) throw new UnsupportedApexError(`field ${d.name}.${name} (not in the schema)`);
        return fieldDescribeResult(d, f);
    },
    methods: {
        getMap: noArgs((_rt, self) => fieldMap((self as NativeObject).state as SObjectDescribe))
    }
});

/**
 * `fields.getMap()` (Understanding Apex Describe Information › Accessing All Field Describe Results
 * for an sObject: field names to field tokens, "The field names are case insensitive"); keys in
 * lower case, as orgs return them.
 */
function fieldMap(d: SObjectDescribe): CaseInsensitiveMap {
    const m = new CaseInsensitiveMap(prim('String'), nativeType(SObjectFieldNative));
    for (const f of d.fields.values()) m.put(f.name.toLowerCase(), fieldToken(d, f));
    return m;
}

const fieldsObjects = new WeakMap<SObjectDescribe, NativeObject>();

export const DescribeSObjectResultNative: NativeClass = defineNative({
    name: 'DescribeSObjectResult',
    namespace: 'Schema',
    isInstance: (v) => v instanceof NativeObject && v.cls === DescribeSObjectResultNative,
    instanceMember: (_rt: NativeRuntime, self: ApexValue, name: string) => {
        if (name.toLowerCase() !== 'fields') return undefined;
        const d = objectOf(self);
        let f = fieldsObjects.get(d);
        if (!f) {
            f = new NativeObject(SObjectTypeFieldsNative, d);
            fieldsObjects.set(d, f);
        }
        return f;
    },
    methods: {
        getName: noArgs((_rt, s) => objectOf(s).name),
        getLocalName: noArgs((_rt, s) => localName(objectOf(s).name)),
        getLabel: noArgs((rt, s) => label(rt, objectOf(s).label, `${objectOf(s).name} label`)),
        getLabelPlural: noArgs((rt, s) => label(rt, objectOf(s).labelPlural, `${objectOf(s).name} plural label`)),
        getKeyPrefix: noArgs((_rt, s) => objectOf(s).keyPrefix),
        getSObjectType: noArgs((_rt, s) => sobjectTypeToken(objectOf(s))),
        isCustom: noArgs((_rt, s) => objectOf(s).custom),
        isCustomSetting: noArgs((_rt, s) => objectOf(s).customSettingsType !== undefined),
        // "Reserved for future use" (DescribeSObjectResult Class › isDeprecatedAndHidden(),
        // https://developer.salesforce.com/docs/atlas.en-us.apexref.meta/apexref/apex_methods_system_sobject_describe.htm):
        // no object an org describes is flagged, so every describe answers false.
        isDeprecatedAndHidden: noArgs(() => false),
        isAccessible: noArgs((rt, s) => objectAccess(rt, objectOf(s), 'read', 'isAccessible')),
        isCreateable: noArgs((rt, s) => objectAccess(rt, objectOf(s), 'create', 'isCreateable')),
        isUpdateable: noArgs((rt, s) => objectAccess(rt, objectOf(s), 'edit', 'isUpdateable')),
        isDeletable: noArgs((rt, s) => objectAccess(rt, objectOf(s), 'delete', 'isDeletable')),
        // "Returns true if the object can be queried by the current user": read access is that permission.
        isQueryable: noArgs((rt, s) => objectAccess(rt, objectOf(s), 'read', 'isQueryable')),
        isSearchable: noArgs((rt, s) => {
            const d = objectOf(s);
            if (!SEARCHABLE_STANDARD.has(d.name.toLowerCase()))
                throw new UnsupportedApexError(`DescribeSObjectResult.isSearchable of ${d.name} (not in the schema)`);
            return objectAccess(rt, d, 'read', 'isSearchable');
        }),
        getChildRelationships: noArgs((_rt, s) => {
            const d = objectOf(s);
            return new ApexList(
                nativeType(ChildRelationshipNative),
                d.childRelationships.map((c) => new NativeObject(ChildRelationshipNative, { parent: d, rel: c }))
            );
        }),
        getRecordTypeInfos: noArgs((_rt, s) => {
            throw new UnsupportedApexError(`${objectOf(s).name} getRecordTypeInfos (record types are not modelled)`);
        }),
        getRecordTypeInfosByDeveloperName: noArgs((_rt, s) => {
            throw new UnsupportedApexError(
                `${objectOf(s).name} getRecordTypeInfosByDeveloperName (record types are not modelled)`
            );
        }),
        getRecordTypeInfosById: noArgs((_rt, s) => {
            throw new UnsupportedApexError(
                `${objectOf(s).name} getRecordTypeInfosById (record types are not modelled)`
            );
        })
    }
});

/** A name without its namespace prefix (`ns__Foo__c` → `Foo__c`): DescribeSObjectResult/DescribeFieldResult getLocalName. */
function localName(name: string): string {
    const m = /^[A-Za-z][A-Za-z0-9]*__(.+__[a-z]+)$/.exec(name);
    return m ? (m[1] as string) : name;
}

/** SOAP types by the field value's Apex type (SOAPType Enum; SOAP API › Field Types: currency, percent and number are xsd:double). */
const SOAP_TYPES: Record<string, SoapType> = {
    String: 'STRING',
    Id: 'ID',
    Boolean: 'BOOLEAN',
    Integer: 'INTEGER',
    Long: 'LONG',
    Double: 'DOUBLE',
    Decimal: 'DOUBLE',
    Date: 'DATE',
    Datetime: 'DATETIME',
    Time: 'TIME',
    Blob: 'BASE64BINARY',
    Address: 'ADDRESS',
    Location: 'LOCATION',
    Object: 'ANYTYPE'
};

function fieldEdit(rt: NativeRuntime, r: FieldRef, kind: 'createable' | 'updateable', method: string): boolean {
    const fact = known(r.field[kind], `${r.object.name}.${r.field.name} ${method}`);
    if (!fact) return false;
    return orgContextOf(rt, `DescribeFieldResult.${method}`)
        .userAccess()
        .checkField(r.object.name, r.field.name, 'edit', kind === 'createable' ? 'create' : 'edit');
}

export const DescribeFieldResultNative: NativeClass = defineNative({
    name: 'DescribeFieldResult',
    namespace: 'Schema',
    isInstance: (v) => v instanceof NativeObject && v.cls === DescribeFieldResultNative,
    methods: {
        getName: noArgs((_rt, s) => fieldRefOf(s).field.name),
        getLocalName: noArgs((_rt, s) => localName(fieldRefOf(s).field.name)),
        getLabel: noArgs((rt, s) => {
            const r = fieldRefOf(s);
            return label(rt, r.field.label, `${r.object.name}.${r.field.name} label`);
        }),
        getType: noArgs((_rt, s) => {
            const r = fieldRefOf(s);
            return DisplayTypeEnum.value(known(r.field.type, `${r.object.name}.${r.field.name} getType`));
        }),
        getSoapType: noArgs((_rt, s) =>
            SoapTypeEnum.value(fieldRefOf(s).field.soapType ?? SOAP_TYPES[fieldRefOf(s).field.apexType] ?? 'ANYTYPE')
        ),
        getLength: noArgs((_rt, s) => {
            const r = fieldRefOf(s);
            return known(r.field.length, `${r.object.name}.${r.field.name} getLength`);
        }),
        getSObjectField: noArgs((_rt, s) => fieldToken(fieldRefOf(s).object, fieldRefOf(s).field)),
        isAccessible: noArgs((rt, s) => {
            const r = fieldRefOf(s);
            return orgContextOf(rt, 'DescribeFieldResult.isAccessible')
                .userAccess()
                .checkField(r.object.name, r.field.name, 'read');
        }),
        isCreateable: noArgs((rt, s) => fieldEdit(rt, fieldRefOf(s), 'createable', 'isCreateable')),
        isUpdateable: noArgs((rt, s) => fieldEdit(rt, fieldRefOf(s), 'updateable', 'isUpdateable')),
        isNillable: noArgs((_rt, s) => {
            const r = fieldRefOf(s);
            return known(r.field.nillable, `${r.object.name}.${r.field.name} isNillable`);
        }),
        isUnique: noArgs((_rt, s) => {
            const r = fieldRefOf(s);
            return known(r.field.unique, `${r.object.name}.${r.field.name} isUnique`);
        }),
        isCustom: noArgs((_rt, s) => fieldRefOf(s).field.custom),
        isExternalId: noArgs((_rt, s) => fieldRefOf(s).field.externalId),
        isNameField: noArgs((_rt, s) => fieldRefOf(s).field.isNameField),
        isCalculated: noArgs((_rt, s) => fieldRefOf(s).field.calculated),
        // "true if the field is encrypted with Shield Platform Encryption": the runtime's org has no
        // encryption policy, and the project's field metadata declares none (see isEncryptedField).
        isEncrypted: noArgs((_rt, s) => isEncryptedField(fieldRefOf(s))),
        isFilterable: noArgs((_rt, s) => isFilterable(fieldRefOf(s))),
        isCaseSensitive: noArgs((_rt, s) => {
            const r = fieldRefOf(s);
            return known(r.field.caseSensitive, `${r.object.name}.${r.field.name} isCaseSensitive`);
        }),
        getCalculatedFormula: noArgs((_rt, s) => customOnly(fieldRefOf(s), 'getCalculatedFormula').formula ?? null),
        getDefaultValueFormula: noArgs(
            (_rt, s) => customOnly(fieldRefOf(s), 'getDefaultValueFormula').defaultValueFormula ?? null
        ),
        getScale: noArgs((_rt, s) => {
            const r = fieldRefOf(s);
            return known(r.field.scale, `${r.object.name}.${r.field.name} getScale`);
        }),
        getPrecision: noArgs((_rt, s) => {
            const r = fieldRefOf(s);
            return known(r.field.precision, `${r.object.name}.${r.field.name} getPrecision`);
        }),
        isAutoNumber: noArgs((_rt, s) => fieldRefOf(s).field.autoNumber),
        getReferenceTo: noArgs((rt, s) => {
            const r = fieldRefOf(s);
            // A polymorphic field's targets are known only where a cited fact lists them.
            if (r.field.polymorphic && r.field.referenceTo.length === 0)
                throw new UnsupportedApexError(
                    `${r.object.name}.${r.field.name} getReferenceTo (a polymorphic field whose targets the schema does not list)`
                );
            const schema = (rt as { schema?: { require(n: string): SObjectDescribe } }).schema;
            if (!schema) throw new UnsupportedApexError('getReferenceTo (no schema wired)');
            return new ApexList(
                nativeType(SObjectTypeNative),
                r.field.referenceTo.map((n) => sobjectTypeToken(schema.require(n)))
            );
        }),
        getRelationshipName: noArgs((_rt, s) => {
            const r = fieldRefOf(s);
            if (r.field.referenceTo.length === 0 && !r.field.polymorphic) return null;
            return known(r.field.relationshipName, `${r.object.name}.${r.field.name} getRelationshipName`);
        }),
        getPicklistValues: noArgs((_rt, s) => {
            const r = fieldRefOf(s);
            const t = known(r.field.type, `${r.object.name}.${r.field.name} getPicklistValues (display type)`);
            // A standard picklist's values are known only where a cited source lists them (field-reference.json
            // picklists, standard-field-facts.json); a custom one's are its metadata's, even when it has none.
            const picklist = t === 'PICKLIST' || t === 'MULTIPICKLIST' || t === 'COMBOBOX';
            if (picklist && !r.field.custom && r.field.picklistValues.length === 0)
                throw new UnsupportedApexError(
                    `${r.object.name}.${r.field.name} getPicklistValues (a standard picklist's values are not in the schema)`
                );
            return new ApexList(
                nativeType(PicklistEntryNative),
                r.field.picklistValues.map((p) => new NativeObject(PicklistEntryNative, p))
            );
        })
    }
});

/**
 * Shield Platform Encryption is an org policy (and `encryptionScheme` in a custom field's metadata);
 * the runtime's org enables none, so no field is encrypted. Classic encrypted text fields are not
 * Shield-encrypted either.
 */
function isEncryptedField(r: FieldRef): boolean {
    void r;
    return false;
}

/**
 * `isFilterable()`: whether the field can be used in a WHERE clause. Long and rich text areas,
 * encrypted text and compound address fields cannot (SOQL and SOSL Reference › WHERE: "You can't use
 * … long text area, rich text area … fields in filters"; Compound Fields: address fields are not
 * filterable); the other types can. A field whose display type or text length is unknown is refused.
 */
function isFilterable(r: FieldRef): boolean {
    const what = `${r.object.name}.${r.field.name} isFilterable`;
    const t = known(r.field.type, `${what} (display type)`);
    if (t === 'TEXTAREA') return known(r.field.length, `${what} (text area length)`) <= 255;
    if (t === 'ENCRYPTEDSTRING' || t === 'ADDRESS') return false;
    if (t === 'LOCATION' || t === 'ANYTYPE' || t === 'BASE64' || t === 'DATACATEGORYGROUPREFERENCE')
        throw new UnsupportedApexError(`${what} (${t} fields)`);
    return true;
}

/** A fact read from a custom field's metadata; a standard field's is not in the schema: refused. */
function customOnly(r: FieldRef, method: string): FieldDescribe {
    if (!r.field.custom)
        throw new UnsupportedApexError(
            `${r.object.name}.${r.field.name} ${method} (a standard field's is not in the schema)`
        );
    return r.field;
}

interface ChildRel {
    parent: SObjectDescribe;
    rel: SObjectDescribe['childRelationships'][number];
}

function childOf(self: ApexValue): ChildRel {
    return (self as NativeObject).state as ChildRel;
}

export const ChildRelationshipNative: NativeClass = defineNative({
    name: 'ChildRelationship',
    namespace: 'Schema',
    methods: {
        getChildSObject: noArgs((rt, s) => {
            const schema = (rt as { schema?: { require(n: string): SObjectDescribe } }).schema;
            if (!schema) throw new UnsupportedApexError('ChildRelationship.getChildSObject (no schema wired)');
            return sobjectTypeToken(schema.require(childOf(s).rel.childSObject));
        }),
        getRelationshipName: noArgs((_rt, s) => childOf(s).rel.relationshipName),
        getField: noArgs((rt, s) => {
            const c = childOf(s);
            const field = known(c.rel.field, `ChildRelationship ${c.parent.name}.${c.rel.relationshipName} getField`);
            const schema = (rt as { schema?: { require(n: string): SObjectDescribe } }).schema;
            if (!schema) throw new UnsupportedApexError('ChildRelationship.getField (no schema wired)');
            const child = schema.require(c.rel.childSObject);
            const f = child.fields.get(field.toLowerCase());
            if (!f) throw new UnsupportedApexError(`field ${child.name}.${field} (not in the schema)`);
            return fieldToken(child, f);
        }),
        isCascadeDelete: noArgs(() => {
            throw new UnsupportedApexError('ChildRelationship.isCascadeDelete (not in the schema)');
        }),
        isRestrictedDelete: noArgs(() => {
            throw new UnsupportedApexError('ChildRelationship.isRestrictedDelete (not in the schema)');
        })
    }
});

interface PicklistState {
    value: string;
    label: string;
    isDefault: boolean;
    isActive: boolean;
}

export const PicklistEntryNative: NativeClass = defineNative({
    name: 'PicklistEntry',
    namespace: 'Schema',
    methods: {
        getValue: noArgs((_rt, s) => ((s as NativeObject).state as PicklistState).value),
        getLabel: noArgs((_rt, s) => ((s as NativeObject).state as PicklistState).label),
        isDefaultValue: noArgs((_rt, s) => ((s as NativeObject).state as PicklistState).isDefault),
        isActive: noArgs((_rt, s) => ((s as NativeObject).state as PicklistState).isActive)
    }
});
