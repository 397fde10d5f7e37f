/**
 * Apex collections (Apex Developer Guide › Collections): List (arrays are Lists), Set and Map, each
 * carrying its element type so inserts coerce and `instanceof`/casts check them. Set elements and Map
 * keys use key equality (`keyEquals`/`keyHash`: Strings case-sensitive, SObjects field by field, user
 * objects by their `equals`/`hashCode`), and iterate in insertion order.
 */
import type { ApexType, ApexValue } from './model.ts';
import { ApexEnumValue, ApexObject } from './model.ts';
import { keyEquals, keyHash, apexEquals } from './values-bridge.ts';
import { SObject, sobjectEquals, sobjectHash } from '../data/sobject.ts';

/** Whether a key can be used as-is in a JS Map (identity or primitive equality is Apex key equality). */
function isDirectKey(v: ApexValue): boolean {
    if (v === null || typeof v !== 'object') return true;
    if (v instanceof ApexObject) return v.cls.keyOps === undefined;
    // Enum constants are singletons: identity is their equality.
    return v instanceof ApexEnumValue;
}

function elementHash(v: ApexValue): number {
    if (v === null) return 0;
    if (typeof v === 'string') return javaStringHash(v);
    if (typeof v === 'number') return v | 0;
    if (typeof v === 'boolean') return v ? 1231 : 1237;
    if (typeof v === 'bigint') return Number(BigInt.asIntN(32, v ^ (v >> 32n)));
    if (v instanceof ApexObject) return v.cls.keyOps ? v.cls.keyOps.hash(v) : 0;
    if (v instanceof SObject) return sobjectHash(v, (x) => elementHash(x as ApexValue));
    return keyHash(v);
}

/** Java's `String.hashCode` (Apex's String hashCode is documented to follow it). */
export function javaStringHash(s: string): number {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return h;
}

function elementKeyEquals(a: ApexValue, b: ApexValue): boolean {
    if (a === b) return true;
    if (a instanceof ApexObject) return a.cls.keyOps ? a.cls.keyOps.equals(a, b) : false;
    if (a instanceof SObject)
        return b instanceof SObject && sobjectEquals(a, b, (x, y) => valueEquals(x as ApexValue, y as ApexValue));
    return keyEquals(a, b);
}

/** Insertion-ordered hash table under Apex key equality; the core of ApexSet and ApexMap. */
class KeyTable<V> {
    readonly entries = new Map<ApexValue, V>();
    private buckets: Map<number, ApexValue[]> | undefined;

    /** The stored key equal to `k` (itself for direct keys), or undefined when absent. */
    private find(k: ApexValue): ApexValue | undefined {
        if (isDirectKey(k)) return this.entries.has(k) ? k : undefined;
        const bucket = this.buckets?.get(elementHash(k));
        if (!bucket) return undefined;
        for (const rep of bucket) if (elementKeyEquals(rep, k)) return rep;
        return undefined;
    }
    has(k: ApexValue): boolean {
        return this.find(k) !== undefined;
    }
    get(k: ApexValue): V | undefined {
        const rep = this.find(k);
        return rep === undefined ? undefined : this.entries.get(rep);
    }
    /** Sets the value; returns whether the key was new. */
    set(k: ApexValue, v: V): boolean {
        const rep = this.find(k);
        if (rep !== undefined) {
            this.entries.set(rep, v);
            return false;
        }
        if (!isDirectKey(k)) {
            this.buckets ??= new Map();
            const h = elementHash(k);
            const bucket = this.buckets.get(h);
            if (bucket) bucket.push(k);
            else this.buckets.set(h, [k]);
        }
        this.entries.set(k, v);
        return true;
    }
    delete(k: ApexValue): boolean {
        const rep = this.find(k);
        if (rep === undefined) return false;
        this.entries.delete(rep);
        if (!isDirectKey(rep)) {
            const h = elementHash(rep);
            const bucket = this.buckets?.get(h);
            if (bucket) {
                const i = bucket.indexOf(rep);
                if (i >= 0) bucket.splice(i, 1);
                if (bucket.length === 0) this.buckets?.delete(h);
            }
        }
        return true;
    }
    clear(): void {
        this.entries.clear();
        this.buckets = undefined;
    }
    get size(): number {
        return this.entries.size;
    }
}

/** `List<T>` (and `T[]`). */
export class ApexList {
    readonly elemType: ApexType;
    items: ApexValue[];
    /** The result of an inline SOQL query: assigning it to a single SObject takes its only row. */
    fromQuery = false;
    constructor(elemType: ApexType, items: ApexValue[] = []) {
        this.elemType = elemType;
        this.items = items;
    }
    apexEquals(other: unknown): boolean {
        if (!(other instanceof ApexList) || other.items.length !== this.items.length) return false;
        for (let i = 0; i < this.items.length; i++)
            if (!valueEquals(this.items[i] ?? null, other.items[i] ?? null)) return false;
        return true;
    }
    apexHash(): number {
        let h = 1;
        for (const e of this.items) h = (Math.imul(h, 31) + elementHash(e)) | 0;
        return h;
    }
}

/** `Set<T>`. */
export class ApexSet {
    readonly elemType: ApexType;
    readonly table = new KeyTable<true>();
    constructor(elemType: ApexType) {
        this.elemType = elemType;
    }
    add(v: ApexValue): boolean {
        return this.table.set(v, true);
    }
    has(v: ApexValue): boolean {
        return this.table.has(v);
    }
    delete(v: ApexValue): boolean {
        return this.table.delete(v);
    }
    get size(): number {
        return this.table.size;
    }
    values(): IterableIterator<ApexValue> {
        return this.table.entries.keys();
    }
    apexEquals(other: unknown): boolean {
        if (!(other instanceof ApexSet) || other.size !== this.size) return false;
        for (const v of this.values()) if (!other.has(v)) return false;
        return true;
    }
    apexHash(): number {
        let h = 0;
        for (const v of this.values()) h = (h + elementHash(v)) | 0;
        return h;
    }
}

/** `Map<K, V>`. */
export class ApexMap {
    readonly keyType: ApexType;
    readonly valueType: ApexType;
    readonly table = new KeyTable<ApexValue>();
    /** Keys as stored (the table keeps the first-inserted equal key). */
    constructor(keyType: ApexType, valueType: ApexType) {
        this.keyType = keyType;
        this.valueType = valueType;
    }
    get(k: ApexValue): ApexValue {
        return this.table.get(k) ?? null;
    }
    put(k: ApexValue, v: ApexValue): ApexValue {
        const prev = this.table.get(k);
        this.table.set(k, v);
        return prev ?? null;
    }
    has(k: ApexValue): boolean {
        return this.table.has(k);
    }
    delete(k: ApexValue): ApexValue {
        const prev = this.table.get(k);
        this.table.delete(k);
        return prev ?? null;
    }
    get size(): number {
        return this.table.size;
    }
    keys(): IterableIterator<ApexValue> {
        return this.table.entries.keys();
    }
    values(): IterableIterator<ApexValue> {
        return this.table.entries.values();
    }
    entries(): IterableIterator<[ApexValue, ApexValue]> {
        return this.table.entries.entries();
    }
    apexEquals(other: unknown): boolean {
        if (!(other instanceof ApexMap) || other.size !== this.size) return false;
        for (const [k, v] of this.entries()) {
            if (!other.has(k) || !valueEquals(v, other.get(k))) return false;
        }
        return true;
    }
    apexHash(): number {
        let h = 0;
        for (const [k, v] of this.entries()) h = (h + (elementHash(k) ^ elementHash(v))) | 0;
        return h;
    }
}

/**
 * The `==` operator on any values: user objects by their `equals` when defined, else by reference
 * (Classes › "Using Custom Types in Map Keys and Sets"); SObjects field by field; collections
 * element-wise; primitives by the value library's rules.
 */
export function valueEquals(a: ApexValue, b: ApexValue): boolean {
    if (a === b) return true;
    if (a === null || b === null) return false;
    if (typeof a === 'number' && typeof b === 'number') return false;
    if (a instanceof ApexObject) return a.cls.keyOps ? a.cls.keyOps.equals(a, b) : false;
    if (a instanceof SObject)
        return b instanceof SObject && sobjectEquals(a, b, (x, y) => valueEquals(x as ApexValue, y as ApexValue));
    return apexEquals(a, b);
}
