/**
 * The SObject value (Apex Reference Guide › SObject Class; Apex Developer Guide › Working with
 * sObjects): a record of one object type whose fields are looked up case-insensitively and keep
 * their API spelling, with parent relationship values (`contact.Account`) and child relationship
 * lists (`account.Contacts`).
 *
 * A record produced by SOQL remembers which fields the query selected: reading any other field (other
 * than Id) raises `System.SObjectException: SObject row was retrieved via SOQL without querying the
 * requested field: Contact.Email` (Apex Developer Guide › Working with SOQL and SOSL Query Results).
 */
import { UnsupportedApexError } from '../errors.ts';
import { ApexRuntimeSignal } from '../values/signal.ts';
import { normalizeId } from './ids.ts';
import {
    childRelationshipOf,
    fieldByRelationship,
    fieldOf,
    newObjectDescribe,
    type FieldDescribe,
    type SObjectDescribe
} from './schema.ts';
import { apexTypeName, coerceToFieldType } from './value-kinds.ts';

interface FieldSlot {
    /** API spelling of the field. */
    name: string;
    value: unknown;
    /** Set in memory (`put`, `new X(F = v)`), as opposed to loaded by a query. */
    assigned: boolean;
}

interface ParentSlot {
    name: string;
    value: SObject | null;
}

interface ChildSlot {
    name: string;
    records: SObject[] | null;
}

/** An error attached by `addError` (Apex Reference Guide › SObject Class › addError). */
export interface RecordError {
    message: string;
    /** API name of the field, for `addError(fieldName, msg)`. */
    field?: string;
}

/** `System.SObjectException` with `message`. */
export function sobjectException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.SObjectException', message);
}

/** Timestamp fields `clone` clears unless `preserveReadonlyTimestamps` (SObject Class › clone). */
const READONLY_TIMESTAMPS = ['createdbyid', 'createddate', 'lastmodifiedbyid', 'lastmodifieddate'];

/** A record of one SObject type. */
export class SObject {
    readonly describe: SObjectDescribe;
    private readonly fieldSlots = new Map<string, FieldSlot>();
    // Relationship slots are created on first use: most records never hold one, and bulk DML allocates a record per row.
    private parentMap: Map<string, ParentSlot> | undefined;
    private childMap: Map<string, ChildSlot> | undefined;
    /**
     * Lower-case names of the fields and relationships a SOQL query selected; `undefined` for a
     * record built in memory (any field reads as null until set).
     */
    queried: Set<string> | undefined;
    /** Errors added by `addError`; a DML statement fails these rows. */
    readonly errors: RecordError[] = [];
    /** Trigger.new in after triggers and Trigger.old: writes raise `System.FinalException: Record is read-only`. */
    readOnly = false;

    constructor(describe: SObjectDescribe) {
        this.describe = describe;
    }

    private get parentSlots(): Map<string, ParentSlot> {
        return (this.parentMap ??= new Map());
    }

    private get childSlots(): Map<string, ChildSlot> {
        return (this.childMap ??= new Map());
    }

    /** The object's API name (`Contact`, `Foo__c`). */
    get type(): string {
        return this.describe.name;
    }

    /** The record Id (18 characters) or null. */
    get id(): string | null {
        return (this.fieldSlots.get('id')?.value as string | undefined) ?? null;
    }

    private fieldOrThrow(name: string): FieldDescribe {
        const f = fieldOf(this.describe, name);
        if (!f) throw sobjectException(`Invalid field ${name} for ${this.describe.name}`);
        return f;
    }

    /**
     * `get(fieldName)`: the value, null when unset; an unknown field raises `Invalid field X for Y`;
     * a field a query did not select raises the "retrieved via SOQL" error (Id excepted).
     */
    get(name: string): unknown {
        const f = this.fieldOrThrow(name);
        const key = f.name.toLowerCase();
        const slot = this.fieldSlots.get(key);
        if (slot) return slot.value;
        this.checkQueried(key, f.name);
        // Formula values are never computed here: null would be a silent wrong answer.
        if (f.formula !== undefined) throw new UnsupportedApexError(`formula field ${this.describe.name}.${f.name}`);
        return null;
    }

    /**
     * The stored value of a field by its lower-case API name, without the name lookup `get` makes (a scan over many
     * rows); undefined when the row holds no value for it (then `get` says what an unset field gives).
     */
    storedValue(lowerName: string): unknown {
        return this.fieldSlots.get(lowerName)?.value;
    }

    private checkQueried(key: string, apiName: string): void {
        if (this.queried && key !== 'id' && !this.queried.has(key)) {
            throw sobjectException(
                `SObject row was retrieved via SOQL without querying the requested field: ${this.describe.name}.${apiName}`
            );
        }
    }

    /**
     * `put(fieldName, value)`: sets a field and returns its previous value. An unknown field raises
     * `Invalid field X for Y`; a value of an incompatible type raises `Illegal assignment from String
     * to Integer` (message as orgs print it); a String put to an Id or reference field must be a
     * valid Id (`System.StringException: Invalid id: x`).
     */
    put(name: string, value: unknown): unknown {
        if (this.readOnly) throw new ApexRuntimeSignal('System.FinalException', 'Record is read-only');
        const f = this.fieldOrThrow(name);
        const coerced = coerceToFieldType(value, f.apexType);
        if (!coerced) throw sobjectException(`Illegal assignment from ${apexTypeName(value)} to ${f.apexType}`);
        let v = coerced.value;
        if (f.apexType === 'Id' && typeof v === 'string') v = normalizeId(v);
        const key = f.name.toLowerCase();
        const previous = this.fieldSlots.get(key)?.value ?? null;
        this.fieldSlots.set(key, { name: f.name, value: v, assigned: true });
        return previous;
    }

    /**
     * Sets a field as loaded from the store or a query (not an in-memory assignment): no type check,
     * and `getPopulatedFieldsAsMap` leaves out null loaded values.
     */
    load(f: FieldDescribe, value: unknown): void {
        this.fieldSlots.set(f.name.toLowerCase(), { name: f.name, value, assigned: false });
    }

    /** Sets a field by name without the type check (store, DML, system fields). */
    setRaw(name: string, value: unknown, assigned = true): void {
        const f = this.fieldOrThrow(name);
        this.fieldSlots.set(f.name.toLowerCase(), { name: f.name, value, assigned });
    }

    /** Removes a field's value as if never set. */
    unset(name: string): void {
        this.fieldSlots.delete(name.toLowerCase());
    }

    /**
     * `isSet(fieldName)`: true when the field was assigned in memory or selected by the query that
     * produced the record, even when its value is null (SObject Class › isSet).
     */
    isSet(name: string): boolean {
        const f = this.fieldOrThrow(name);
        const key = f.name.toLowerCase();
        return this.fieldSlots.has(key) || (this.queried?.has(key) ?? false);
    }

    /** Whether the field has a slot (set or loaded), without the queried check. */
    has(name: string): boolean {
        return this.fieldSlots.has(name.toLowerCase());
    }

    /** The parent record under a relationship name (`getSObject('Account')`); null when unset. */
    getSObject(relationshipName: string): SObject | null {
        const f = fieldByRelationship(this.describe, relationshipName);
        if (!f) throw sobjectException(`Invalid relationship ${relationshipName} for ${this.describe.name}`);
        const key = (f.relationshipName ?? relationshipName).toLowerCase();
        const slot = this.parentMap?.get(key);
        if (slot) return slot.value;
        this.checkQueried(key, f.relationshipName ?? relationshipName);
        return null;
    }

    /**
     * `putSObject(relationshipName, parent)` / `contact.Account = acc`: sets the parent record (the
     * reference Id field is not changed, as in Apex: only DML reads the relationship's external id).
     */
    putSObject(relationshipName: string, parent: SObject | null): SObject | null {
        const f = fieldByRelationship(this.describe, relationshipName);
        if (!f) throw sobjectException(`Invalid relationship ${relationshipName} for ${this.describe.name}`);
        const name = f.relationshipName ?? relationshipName;
        const key = name.toLowerCase();
        if (
            parent &&
            f.referenceTo.length > 0 &&
            !f.referenceTo.some((t) => t.toLowerCase() === parent.type.toLowerCase())
        ) {
            throw sobjectException(`Illegal assignment from ${parent.type} to ${f.referenceTo.join(', ')}`);
        }
        const previous = this.parentMap?.get(key)?.value ?? null;
        this.parentSlots.set(key, { name, value: parent });
        return previous;
    }

    /** The child records of a child relationship (`getSObjects('Contacts')`); null when not queried. */
    getSObjects(relationshipName: string): SObject[] | null {
        const rel = childRelationshipOf(this.describe, relationshipName);
        if (!rel) throw sobjectException(`Invalid relationship ${relationshipName} for ${this.describe.name}`);
        const key = rel.relationshipName.toLowerCase();
        const slot = this.childMap?.get(key);
        if (slot) return slot.records;
        this.checkQueried(key, rel.relationshipName);
        return null;
    }

    /** Sets a child relationship's records (SOQL sub-queries). */
    setChildren(relationshipName: string, records: SObject[] | null): void {
        const rel = childRelationshipOf(this.describe, relationshipName);
        if (!rel) throw sobjectException(`Invalid relationship ${relationshipName} for ${this.describe.name}`);
        this.childSlots.set(rel.relationshipName.toLowerCase(), { name: rel.relationshipName, records });
    }

    /** Field names (API spelling) that hold a value slot, in insertion order. */
    fieldNames(): string[] {
        return [...this.fieldSlots.values()].map((s) => s.name);
    }

    /** Copies this record's field values to `target` (same object type) as loaded values. */
    copyFieldsTo(target: SObject): void {
        for (const [key, s] of this.fieldSlots)
            target.fieldSlots.set(key, { name: s.name, value: s.value, assigned: false });
    }

    /** `[apiName, value]` of every field slot (for the store, equality and printing). */
    fieldEntries(): [string, unknown][] {
        return [...this.fieldSlots.values()].map((s) => [s.name, s.value]);
    }

    /** `[apiName, value]` of the fields assigned in memory, not loaded from the store or a query. */
    assignedFieldEntries(): [string, unknown][] {
        return [...this.fieldSlots.values()].filter((s) => s.assigned).map((s) => [s.name, s.value]);
    }

    /** `[relationshipName, parent]` of every parent slot. */
    parentEntries(): [string, SObject | null][] {
        return [...(this.parentMap?.values() ?? [])].map((s) => [s.name, s.value]);
    }

    /** `[relationshipName, children]` of every child slot. */
    childEntries(): [string, SObject[] | null][] {
        return [...(this.childMap?.values() ?? [])].map((s) => [s.name, s.records]);
    }

    /**
     * `getPopulatedFieldsAsMap()`: fields assigned in memory (even to null) and fields a query
     * returned with a value, then parent and child relationships that hold records (SObject Class ›
     * getPopulatedFieldsAsMap). Keys keep the API spelling.
     */
    getPopulatedFields(): [string, unknown][] {
        const out: [string, unknown][] = [];
        for (const s of this.fieldSlots.values()) {
            if (s.assigned || s.value !== null) out.push([s.name, s.value]);
        }
        for (const s of this.parentMap?.values() ?? []) if (s.value) out.push([s.name, s.value]);
        for (const s of this.childMap?.values() ?? []) if (s.records) out.push([s.name, s.records]);
        return out;
    }

    /**
     * `clone(preserveId, isDeepClone, preserveReadonlyTimestamps, preserveAutonumber)` (SObject Class ›
     * clone): a copy without Id, audit timestamps and auto-number values unless preserved; a deep
     * clone copies parent and child records too, a shallow one shares them.
     */
    clone(
        preserveId = false,
        isDeepClone = false,
        preserveReadonlyTimestamps = false,
        preserveAutonumber = false
    ): SObject {
        const copy = new SObject(this.describe);
        for (const [key, s] of this.fieldSlots) {
            if (key === 'id' && !preserveId) continue;
            if (!preserveReadonlyTimestamps && READONLY_TIMESTAMPS.includes(key)) continue;
            if (!preserveAutonumber && this.describe.fields.get(key)?.autoNumber) continue;
            copy.fieldSlots.set(key, { ...s });
        }
        for (const [key, s] of this.parentMap ?? []) {
            copy.parentSlots.set(key, {
                name: s.name,
                value: isDeepClone && s.value ? s.value.clone(true, true, true, true) : s.value
            });
        }
        for (const [key, s] of this.childMap ?? []) {
            const records =
                s.records && isDeepClone ? s.records.map((r) => r.clone(true, true, true, true)) : s.records;
            copy.childSlots.set(key, { name: s.name, records: records ? [...records] : null });
        }
        // A clone of a queried record keeps the query's field set: reading an unqueried field stays an error.
        copy.queried = this.queried ? new Set(this.queried) : undefined;
        return copy;
    }

    /** `addError(msg)` / `addError(field, msg)`. */
    addError(message: string, field?: string): void {
        this.errors.push(field === undefined ? { message } : { message, field: this.fieldOrThrow(field).name });
    }

    /**
     * A record of a synthetic type whose fields are `names` (e.g. an `AggregateResult` row with its
     * aliases): any field of Apex type Object, reads of other names raise `Invalid field`.
     */
    static synthetic(typeName: string, values: [string, unknown][]): SObject {
        const d = newObjectDescribe(typeName, '000', 'synthetic');
        for (const [name] of values) {
            d.fields.set(name.toLowerCase(), {
                name,
                label: { default: name, byLanguage: {} },
                apexType: 'Object',
                externalId: false,
                custom: false,
                calculated: true,
                autoNumber: false,
                referenceTo: [],
                isNameField: false,
                picklistValues: [],
                system: false
            });
        }
        const s = new SObject(d);
        for (const [name, value] of values) s.load(d.fields.get(name.toLowerCase())!, value);
        return s;
    }
}

/** Compares two field values; R2's `values/equality.ts` supplies the Apex `==` or key equality. */
export type ValueEquals = (a: unknown, b: unknown) => boolean;
/** Hashes a field value consistently with the matching `ValueEquals`. */
export type ValueHash = (v: unknown) => number;

/**
 * SObject equality (Apex Developer Guide › Expressions Operators, `==`: "For sObjects and sObject
 * arrays, == performs a deep check of all sObject field values"): same type and the same set fields
 * with equal values.
 */
export function sobjectEquals(a: SObject, b: SObject, eq: ValueEquals): boolean {
    if (a === b) return true;
    if (a.type.toLowerCase() !== b.type.toLowerCase()) return false;
    const fa = a.fieldEntries();
    const fb = new Map(b.fieldEntries().map(([k, v]) => [k.toLowerCase(), v] as const));
    if (fa.length !== fb.size) return false;
    for (const [k, v] of fa) {
        const key = k.toLowerCase();
        if (!fb.has(key) || !eq(v, fb.get(key))) return false;
    }
    return true;
}

/** A hash consistent with `sobjectEquals` (order-independent over fields). */
export function sobjectHash(s: SObject, hash: ValueHash): number {
    let h = 0;
    for (const [k, v] of s.fieldEntries()) {
        let fh = 0;
        const key = k.toLowerCase();
        for (let i = 0; i < key.length; i++) fh = (Math.imul(fh, 31) + key.charCodeAt(i)) | 0;
        h = (h + (Math.imul(fh, 17) ^ hash(v))) | 0;
    }
    return h;
}
