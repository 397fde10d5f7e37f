/**
 * One native object per underlying value (a parsed XML node, a rounding mode, a describe…), so that two
 * reads of the same thing give the same object and `==` between them is true.
 */

/** What `interned` keeps its objects in: a `Map`, or a `WeakMap` for keys that may be collected. */
export interface InternCache<K, V> {
    get(key: K): V | undefined;
    set(key: K, value: V): unknown;
}

/** The object `cache` holds for `key`, made by `make` and kept on first use. */
export function interned<K, V>(cache: InternCache<K, V>, key: K, make: (key: K) => V): V {
    let v = cache.get(key);
    if (v === undefined) {
        v = make(key);
        cache.set(key, v);
    }
    return v;
}
