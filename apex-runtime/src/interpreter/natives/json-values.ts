/**
 * Apex values ↔ JSON trees for `System.JSON` (Apex Reference Guide › JSON Class): what `serialize`
 * writes for each kind of value and how `deserialize`/`deserializeStrict`/`deserializeUntyped`
 * build values from JSON (text and numbers by `values/json-text.ts`).
 */
import { UnsupportedApexError } from '../../errors.ts';
import { jsonException, typeException } from '../../values/signal.ts';
import { primitiveToJson, untypedNumber } from '../../values/json-text.ts';
import type { JsonNode } from '../../values/json-text.ts';
import { ApexDouble } from '../../values/double.ts';
import { integerValueOf } from '../../values/integer.ts';
import { longValueOf } from '../../values/long.ts';
import { base64Decode } from '../../values/encoding.ts';
import { isPrimitive } from '../../values/text.ts';
import { normalizeId } from '../../data/ids.ts';
import { SObject } from '../../data/sobject.ts';
import { fieldByRelationship, fieldOf } from '../../data/schema.ts';
import type { ApexType, ApexValue, ClassInfo, FieldInfo } from '../model.ts';
import { ApexEnumValue, ApexObject } from '../model.ts';
import { ApexList, ApexMap, ApexSet } from '../collections.ts';
import { OBJECT_TYPE, prim, typeName } from '../types.ts';
import { ApexDate, ApexDatetime, Decimal } from '../values-bridge.ts';
import type { PlatformRuntime } from './platform.ts';

/** The API version in SObject `attributes.url` when the runtime names none (the package's sourceApiVersion). */
export const DEFAULT_API_VERSION = '65.0';

const NULL: JsonNode = { kind: 'null' };

/** Whether a field was declared `transient` (Apex Developer Guide › Using the transient Keyword: not serialized). */
function isTransient(fi: FieldInfo): boolean {
    const decl = fi.owner.decl;
    if (!decl || decl.kind !== 'class') return false;
    for (const m of decl.members) {
        if (m.kind === 'field' && m.declarators.some((d) => d.name.toLowerCase() === fi.lname))
            return m.modifiers.includes('transient');
        if (m.kind === 'property' && m.name.toLowerCase() === fi.lname) return m.modifiers.includes('transient');
    }
    return false;
}

/** Instance fields and properties of an object's class chain, superclass first, without transient ones. */
function serializedFields(cls: ClassInfo): FieldInfo[] {
    const chain: ClassInfo[] = [];
    for (let k: ClassInfo | undefined = cls; k && !k.builtin; k = k.superclass) chain.unshift(k);
    const out: FieldInfo[] = [];
    for (const k of chain) for (const fi of k.instanceFields) if (!isTransient(fi)) out.push(fi);
    return out;
}

/**
 * The JSON of an Apex value (JSON Class › serialize): primitives as `values/json-text.ts` writes
 * them, Lists and Sets as arrays, Maps as objects keyed by `String.valueOf(key)`, enums by name,
 * SObjects with their `attributes` (type, and url when the record has an Id) then their fields,
 * objects of Apex classes by their non-static, non-transient fields and properties (nulls left
 * out when `suppressApexObjectNulls`).
 */
export function toJson(rt: PlatformRuntime, v: ApexValue, suppressNulls: boolean): JsonNode {
    if (v === null) return NULL;
    if (isPrimitive(v)) return primitiveToJson(v);
    if (v instanceof ApexList) return { kind: 'array', items: v.items.map((x) => toJson(rt, x, suppressNulls)) };
    if (v instanceof ApexSet) return { kind: 'array', items: [...v.values()].map((x) => toJson(rt, x, suppressNulls)) };
    if (v instanceof ApexMap)
        return {
            kind: 'object',
            entries: [...v.entries()].map(([k, x]) => [rt.stringOf(k), toJson(rt, x, suppressNulls)])
        };
    if (v instanceof ApexEnumValue) return { kind: 'string', value: v.name };
    if (v instanceof SObject) return sobjectToJson(rt, v, suppressNulls);
    if (v instanceof ApexObject) {
        if (v.cls.isException) throw new UnsupportedApexError(`JSON.serialize of an exception (${v.cls.name})`);
        const entries: [string, JsonNode][] = [];
        for (const fi of serializedFields(v.cls)) {
            const x = rt.readField ? rt.readField(fi, v, null) : (v.fields.get(fi.lname) ?? null);
            if (x === null && suppressNulls) continue;
            entries.push([fi.name, toJson(rt, x, suppressNulls)]);
        }
        return { kind: 'object', entries };
    }
    throw new UnsupportedApexError(`JSON.serialize of a ${v.constructor.name}`);
}

function sobjectToJson(rt: PlatformRuntime, rec: SObject, suppressNulls: boolean): JsonNode {
    const attributes: [string, JsonNode][] = [['type', { kind: 'string', value: rec.type }]];
    const id = rec.id;
    if (id !== null) {
        const version = rt.apiVersion?.() ?? DEFAULT_API_VERSION;
        attributes.push(['url', { kind: 'string', value: `/services/data/v${version}/sobjects/${rec.type}/${id}` }]);
    }
    const entries: [string, JsonNode][] = [['attributes', { kind: 'object', entries: attributes }]];
    for (const [name, value] of rec.fieldEntries()) entries.push([name, toJson(rt, value as ApexValue, suppressNulls)]);
    for (const [name, parent] of rec.parentEntries()) entries.push([name, toJson(rt, parent, suppressNulls)]);
    for (const [name, rows] of rec.childEntries()) {
        entries.push([
            name,
            rows === null
                ? NULL
                : {
                      kind: 'object',
                      entries: [
                          ['totalSize', { kind: 'number', text: String(rows.length) }],
                          ['done', { kind: 'boolean', value: true }],
                          ['records', { kind: 'array', items: rows.map((r) => sobjectToJson(rt, r, suppressNulls)) }]
                      ]
                  }
        ]);
    }
    return { kind: 'object', entries };
}

/**
 * `deserializeUntyped`: objects → `Map<String, Object>`, arrays → `List<Object>`, numbers by
 * `untypedNumber` (Integer, Long, else Decimal), strings, booleans, null.
 */
export function untyped(node: JsonNode): ApexValue {
    switch (node.kind) {
        case 'null':
            return null;
        case 'boolean':
            return node.value;
        case 'string':
            return node.value;
        case 'number':
            return untypedNumber(node.text);
        case 'array':
            return new ApexList(OBJECT_TYPE, node.items.map(untyped));
        case 'object': {
            const m = new ApexMap(prim('String'), OBJECT_TYPE);
            for (const [k, v] of node.entries) m.put(k, untyped(v));
            return m;
        }
    }
}

/** ISO 8601 date-time with a zone (`2026-05-04T10:30:05.200Z`, `…+02:00`, `…+0000`). */
const ISO_DATETIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/;

function parseIsoDatetime(text: string): ApexDatetime {
    const m = ISO_DATETIME.exec(text);
    if (!m) throw jsonException(`Cannot deserialize instance of datetime from VALUE_STRING value ${text}`);
    const [, y, mo, d, h, mi, s, frac, zone] = m;
    const ms = frac ? Number(frac.slice(0, 3).padEnd(3, '0')) : 0;
    let epoch = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), ms);
    if (zone && zone !== 'Z') {
        const digits = zone.replace(':', '');
        const offset = (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5))) * 60000;
        epoch -= zone.startsWith('-') ? -offset : offset;
    }
    return new ApexDatetime(epoch);
}

function wrongShape(node: JsonNode, t: ApexType): Error {
    return jsonException(`Cannot deserialize a JSON ${node.kind} as ${typeName(t)}`);
}

/** `deserialize(json, type)` / `deserializeStrict`: builds a value of `t` from a JSON tree. */
export function fromJson(rt: PlatformRuntime, node: JsonNode, t: ApexType, strict: boolean): ApexValue {
    if (node.kind === 'null') return null;
    switch (t.k) {
        case 'prim':
            return primitiveFromJson(node, t.name, t);
        case 'list':
        case 'set': {
            if (node.kind !== 'array') throw wrongShape(node, t);
            const items = node.items.map((x) => fromJson(rt, x, t.elem, strict));
            if (t.k === 'list') return new ApexList(t.elem, items);
            const s = new ApexSet(t.elem);
            for (const x of items) s.add(x);
            return s;
        }
        case 'map': {
            if (node.kind !== 'object') throw wrongShape(node, t);
            if (!(t.key.k === 'prim' && (t.key.name === 'String' || t.key.name === 'Id')))
                throw new UnsupportedApexError(`JSON.deserialize into a Map keyed by ${typeName(t.key)}`);
            const m = new ApexMap(t.key, t.value);
            for (const [k, v] of node.entries)
                m.put(t.key.name === 'Id' ? normalizeId(k) : k, fromJson(rt, v, t.value, strict));
            return m;
        }
        case 'sobject':
            return sobjectFromJson(rt, node, t.name, strict);
        case 'class':
            return objectFromJson(rt, node, t.cls, strict);
        default:
            throw new UnsupportedApexError(`JSON.deserialize into ${typeName(t)}`);
    }
}

function primitiveFromJson(node: JsonNode, name: string, t: ApexType): ApexValue {
    if (name === 'Object') return untyped(node);
    if (node.kind === 'string') {
        const s = node.value;
        switch (name) {
            case 'String':
                return s;
            case 'Id':
                return normalizeId(s);
            case 'Date':
                if (!/^\d{4}-\d{2}-\d{2}$/.test(s))
                    throw jsonException(`Cannot deserialize instance of date from VALUE_STRING value ${s}`);
                return ApexDate.valueOf(s);
            case 'Datetime':
                return parseIsoDatetime(s);
            case 'Blob':
                return base64Decode(s);
        }
        throw new UnsupportedApexError(`JSON.deserialize of a JSON string into ${name}`);
    }
    if (node.kind === 'number') {
        const text = node.text;
        switch (name) {
            case 'Decimal':
                return Decimal.parse(text);
            case 'Double':
                return new ApexDouble(Number(text));
            case 'Integer':
                if (/^-?\d+$/.test(text)) return integerValueOf(text);
                break;
            case 'Long':
                if (/^-?\d+$/.test(text)) return longValueOf(text);
                break;
        }
        throw new UnsupportedApexError(`JSON.deserialize of the number ${text} into ${name}`);
    }
    if (node.kind === 'boolean' && name === 'Boolean') return node.value;
    if (name === 'Time') throw new UnsupportedApexError('JSON.deserialize into Time');
    throw wrongShape(node, t);
}

/**
 * An object of an Apex class from a JSON object. Constructors are not run (behaviour observed in
 * orgs, per salesforce.stackexchange.com/questions/337877: "Constructors are not called when you
 * use JSON.deserialize"); fields are matched case-insensitively; an abstract class or interface
 * raises the TypeException orgs print ("Cannot deserialize JSON as abstract type").
 */
function objectFromJson(rt: PlatformRuntime, node: JsonNode, cls: ClassInfo, strict: boolean): ApexValue {
    if (cls.kind !== 'class' || cls.isAbstract)
        throw typeException(`Cannot deserialize JSON as abstract type: ${cls.name}`);
    if (cls.isException) throw new UnsupportedApexError(`JSON.deserialize into an exception (${cls.name})`);
    if (node.kind !== 'object') throw wrongShape(node, { k: 'class', cls });
    const obj = new ApexObject(cls);
    const fields = new Map<string, FieldInfo>();
    for (const fi of serializedFields(cls)) fields.set(fi.lname, fi);
    for (const [k, v] of node.entries) {
        const fi = fields.get(k.toLowerCase());
        if (!fi) {
            if (strict) throw jsonException(`No such field ${k} on ${cls.name}`);
            continue;
        }
        if (!rt.fieldType) throw new UnsupportedApexError('JSON.deserialize without field types from the interpreter');
        obj.fields.set(fi.lname, fromJson(rt, v, rt.fieldType(fi), strict));
    }
    return obj;
}

/**
 * An SObject from a JSON object (its `attributes` skipped): fields converted to their types,
 * read-only ones included (the guide's way to build records with them), parents by relationship
 * name; unknown fields ignored (API 35.0 and later) or, strictly, a JSONException.
 */
function sobjectFromJson(rt: PlatformRuntime, node: JsonNode, typeName: string, strict: boolean): ApexValue {
    if (node.kind !== 'object') throw jsonException(`Cannot deserialize a JSON ${node.kind} as ${typeName}`);
    let name = typeName;
    const attrs = node.entries.find(([k]) => k === 'attributes')?.[1];
    const attrType = attrs?.kind === 'object' ? attrs.entries.find(([k]) => k === 'type')?.[1] : undefined;
    if (name === 'SObject') {
        if (attrType?.kind !== 'string')
            throw new UnsupportedApexError('JSON.deserialize into SObject without attributes.type');
        name = attrType.value;
    }
    const describe = rt.schema?.describe(name);
    if (!describe) throw new UnsupportedApexError(`JSON.deserialize into ${name} without its describe`);
    const rec = new SObject(describe);
    for (const [k, v] of node.entries) {
        if (k === 'attributes') continue;
        const f = fieldOf(describe, k);
        if (f) {
            const t = f.apexType === 'Id' || f.apexType === 'String' ? prim(f.apexType) : prim(fieldPrim(f.apexType));
            rec.setRaw(f.name, fromJson(rt, v, t, strict));
            continue;
        }
        if (fieldByRelationship(describe, k)) {
            rec.putSObject(k, fromJson(rt, v, { k: 'sobject', name: 'SObject' }, strict) as SObject | null);
            continue;
        }
        if (strict) throw jsonException(`No such column '${k}' on sobject of type ${describe.name}`);
    }
    return rec;
}

const FIELD_PRIMS = new Set([
    'Boolean',
    'Integer',
    'Long',
    'Double',
    'Decimal',
    'Date',
    'Datetime',
    'Time',
    'Blob',
    'Object'
]);

function fieldPrim(
    apexType: string
): 'Boolean' | 'Integer' | 'Long' | 'Double' | 'Decimal' | 'Date' | 'Datetime' | 'Time' | 'Blob' | 'Object' {
    if (FIELD_PRIMS.has(apexType)) return apexType as 'Boolean';
    throw new UnsupportedApexError(`JSON.deserialize of a field of type ${apexType}`);
}
