/**
 * Methods of List, Set and Map (Apex Reference Guide › List Class, Set Class, Map Class).
 * Inserted elements and keys are converted to the collection's element/key type.
 */
import { UnsupportedApexError } from '../errors.ts';
import { ApexRuntimeSignal, nullPointerException } from '../values/signal.ts';
import { SObject } from '../data/sobject.ts';
import type { ApexType, ApexValue } from './model.ts';
import { ApexObject } from './model.ts';
import { ApexList, ApexMap, ApexSet } from './collections.ts';
import { compareForSort } from './values-bridge.ts';
import type { Interpreter } from './interpreter.ts';

type Coll = ApexList | ApexSet | ApexMap;

function outOfBounds(i: ApexValue): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.ListException', `List index out of bounds: ${String(i)}`);
}

function index(list: ApexList, v: ApexValue, allowEnd: boolean): number {
    if (v === null) throw nullPointerException();
    if (typeof v !== 'number') throw new UnsupportedApexError('List index of a non-Integer');
    if (v < 0 || v > list.items.length || (!allowEnd && v === list.items.length)) throw outOfBounds(v);
    return v;
}

function itemsOf(v: ApexValue, what: string): ApexValue[] {
    if (v === null) throw nullPointerException();
    if (v instanceof ApexList) return v.items;
    if (v instanceof ApexSet) return [...v.values()];
    throw new UnsupportedApexError(`${what} of a non-collection`);
}

/**
 * A lookup by key: `use` of `v` converted to the map's/set's key type `t`; a key that cannot be converted
 * is absent, and the lookup gives `absent`.
 */
function byKey<T>(it: Interpreter, v: ApexValue, t: ApexType, absent: T, use: (key: ApexValue) => T): T {
    let key: ApexValue;
    try {
        key = it.coerceTo(v, t);
    } catch {
        return absent;
    }
    return use(key);
}

function setOf(elemType: ApexType, values: Iterable<ApexValue>): ApexSet {
    const s = new ApexSet(elemType);
    for (const v of values) s.add(v);
    return s;
}

/** Calls a List/Set/Map method. */
export function callCollectionMethod(it: Interpreter, c: Coll, l: string, name: string, a: ApexValue[]): ApexValue {
    const n = a.length;
    // Shared by all three.
    switch (l) {
        case 'size':
            if (n === 0) return c instanceof ApexList ? c.items.length : c.size;
            break;
        case 'isempty':
            if (n === 0) return (c instanceof ApexList ? c.items.length : c.size) === 0;
            break;
        case 'equals':
            if (n === 1) return it.equals(c, a[0] ?? null);
            break;
        case 'hashcode':
            if (n === 0) return c.apexHash();
            break;
        case 'tostring':
            if (n === 0) return it.stringOf(c);
            break;
        case 'clear':
            if (n === 0) {
                if (c instanceof ApexList) c.items.length = 0;
                else c.table.clear();
                return null;
            }
            break;
    }
    if (c instanceof ApexList) return listMethod(it, c, l, name, a);
    if (c instanceof ApexSet) return setMethod(it, c, l, name, a);
    return mapMethod(it, c, l, name, a);
}

function listMethod(it: Interpreter, c: ApexList, l: string, name: string, a: ApexValue[]): ApexValue {
    const n = a.length;
    const a0 = a[0] ?? null;
    switch (l) {
        case 'add':
            if (n === 1) {
                c.items.push(it.coerceTo(a0, c.elemType));
                return null;
            }
            if (n === 2) {
                c.items.splice(index(c, a0, true), 0, it.coerceTo(a[1] ?? null, c.elemType));
                return null;
            }
            break;
        case 'addall':
            if (n === 1) {
                for (const v of itemsOf(a0, 'List.addAll')) c.items.push(it.coerceTo(v, c.elemType));
                return null;
            }
            break;
        case 'get':
            if (n === 1) return c.items[index(c, a0, false)] ?? null;
            break;
        case 'set':
            if (n === 2) {
                c.items[index(c, a0, false)] = it.coerceTo(a[1] ?? null, c.elemType);
                return null;
            }
            break;
        case 'remove':
            if (n === 1) return c.items.splice(index(c, a0, false), 1)[0] ?? null;
            break;
        case 'contains':
            if (n === 1) return c.items.some((v) => it.equals(v, a0));
            break;
        case 'indexof':
            if (n === 1) return c.items.findIndex((v) => it.equals(v, a0));
            break;
        case 'clone':
            if (n === 0) return new ApexList(c.elemType, [...c.items]);
            break;
        case 'deepclone':
            if (n <= 3)
                return new ApexList(
                    c.elemType,
                    c.items.map((v) => deepCloneValue(v, a))
                );
            break;
        case 'sort':
            if (n === 0) {
                sortList(it, c, null);
                return null;
            }
            if (n === 1) {
                sortList(it, c, a0);
                return null;
            }
            break;
    }
    throw new UnsupportedApexError(`List.${name} with ${n} argument(s)`);
}

function deepCloneValue(v: ApexValue, a: ApexValue[]): ApexValue {
    if (v instanceof SObject) return v.clone(a[0] === true, false, a[1] === true, a[2] === true);
    if (v instanceof ApexList)
        return new ApexList(
            v.elemType,
            v.items.map((x) => deepCloneValue(x, a))
        );
    return v;
}

/**
 * `List.sort()` (List Class › sort: ascending; user objects through `Comparable.compareTo`) and
 * `List.sort(Comparator)` (`compare(a, b)`). The sort is stable. SObject lists (whose documented
 * multi-field order is not implemented yet) are refused.
 */
function sortList(it: Interpreter, c: ApexList, comparator: ApexValue): void {
    if (comparator !== null) {
        if (!(comparator instanceof ApexObject))
            throw new UnsupportedApexError('List.sort with a non-Comparator argument');
        c.items.sort((x, y) => toInt(it.callMethod(comparator, 'compare', [x, y])));
        return;
    }
    if (c.items.some((v) => v instanceof SObject)) throw new UnsupportedApexError('List.sort of SObjects');
    c.items.sort((x, y) => {
        if (x instanceof ApexObject) return toInt(it.callMethod(x, 'compareTo', [y]));
        return compareForSort(x, y);
    });
}

function toInt(v: ApexValue): number {
    if (typeof v !== 'number') throw new UnsupportedApexError('compare/compareTo returning a non-Integer');
    return v;
}

function setMethod(it: Interpreter, c: ApexSet, l: string, name: string, a: ApexValue[]): ApexValue {
    const n = a.length;
    const a0 = a[0] ?? null;
    switch (l) {
        case 'add':
            if (n === 1) return c.add(it.coerceTo(a0, c.elemType));
            break;
        case 'addall':
            if (n === 1) {
                let changed = false;
                for (const v of itemsOf(a0, 'Set.addAll')) changed = c.add(it.coerceTo(v, c.elemType)) || changed;
                return changed;
            }
            break;
        case 'contains':
            if (n === 1) return byKey(it, a0, c.elemType, false, (k) => c.has(k));
            break;
        case 'containsall':
            if (n === 1) return itemsOf(a0, 'Set.containsAll').every((v) => c.has(v));
            break;
        case 'remove':
            if (n === 1) return byKey(it, a0, c.elemType, false, (k) => c.delete(k));
            break;
        case 'removeall':
            if (n === 1) {
                let changed = false;
                for (const v of itemsOf(a0, 'Set.removeAll')) changed = c.delete(v) || changed;
                return changed;
            }
            break;
        case 'retainall':
            if (n === 1) {
                const keep = new ApexSet(c.elemType);
                for (const v of itemsOf(a0, 'Set.retainAll')) keep.add(v);
                let changed = false;
                for (const v of [...c.values()]) if (!keep.has(v)) changed = c.delete(v) || changed;
                return changed;
            }
            break;
        case 'clone':
            if (n === 0) return setOf(c.elemType, c.values());
            break;
    }
    throw new UnsupportedApexError(`Set.${name} with ${n} argument(s)`);
}

function mapMethod(it: Interpreter, c: ApexMap, l: string, name: string, a: ApexValue[]): ApexValue {
    const n = a.length;
    const a0 = a[0] ?? null;
    switch (l) {
        case 'get':
            if (n === 1) return byKey(it, a0, c.keyType, null, (k) => c.get(k));
            break;
        case 'put':
            if (n === 2) return c.put(it.coerceTo(a0, c.keyType), it.coerceTo(a[1] ?? null, c.valueType));
            break;
        case 'containskey':
            if (n === 1) return byKey(it, a0, c.keyType, false, (k) => c.has(k));
            break;
        case 'remove':
            if (n === 1) return byKey(it, a0, c.keyType, null, (k) => c.delete(k));
            break;
        case 'keyset':
            if (n === 0) return setOf(c.keyType, c.keys());
            break;
        case 'values':
            if (n === 0) return new ApexList(c.valueType, [...c.values()]);
            break;
        case 'putall':
            if (n === 1) {
                if (a0 instanceof ApexMap) {
                    for (const [k, v] of a0.entries()) c.put(it.coerceTo(k, c.keyType), it.coerceTo(v, c.valueType));
                    return null;
                }
                if (a0 instanceof ApexList) {
                    for (const r of a0.items) {
                        if (!(r instanceof SObject)) throw new UnsupportedApexError('Map.putAll(list) of non-SObjects');
                        c.put(it.coerceTo(r.id, c.keyType), it.coerceTo(r, c.valueType));
                    }
                    return null;
                }
                if (a0 === null) throw nullPointerException();
            }
            break;
        case 'clone':
            if (n === 0) {
                const m = new ApexMap(c.keyType, c.valueType);
                for (const [k, v] of c.entries()) m.put(k, v);
                return m;
            }
            break;
        case 'deepclone':
            if (n === 0) {
                const m = new ApexMap(c.keyType, c.valueType);
                for (const [k, v] of c.entries()) m.put(k, deepCloneValue(v, []));
                return m;
            }
            break;
    }
    throw new UnsupportedApexError(`Map.${name} with ${n} argument(s)`);
}
