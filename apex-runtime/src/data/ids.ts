/**
 * Salesforce record Ids: the 15-character case-sensitive form, the 18-character case-safe form
 * (SOAP API Developer Guide › Field Types › ID: "the 18-character version … adds a suffix … a
 * checksum of the capitalization"), validation as `Id.valueOf` does it, and deterministic generation
 * per key prefix for the in-memory store.
 *
 * Ids are always carried as their 18-character form (DESIGN.md › Value representation).
 */
import { ApexRuntimeSignal } from '../values/signal.ts';

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const ID_CHARS = /^[0-9A-Za-z]+$/;

/** The 3-character checksum suffix of a 15-character Id: one char per 5-char chunk, bit i set when char i is upper case. */
export function idChecksum(id15: string): string {
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk++) {
        let bits = 0;
        for (let i = 0; i < 5; i++) {
            const c = id15.charCodeAt(chunk * 5 + i);
            if (c >= 65 && c <= 90) bits |= 1 << i;
        }
        suffix += SUFFIX_CHARS[bits];
    }
    return suffix;
}

/**
 * The 18-character form of `text`, or `undefined` when it is not a valid Id: 15 alphanumerics, or
 * 18 whose last three characters are the checksum of the first fifteen (compared case-insensitively,
 * as the suffix is itself case-insensitive).
 */
export function tryNormalizeId(text: string): string | undefined {
    if ((text.length !== 15 && text.length !== 18) || !ID_CHARS.test(text)) return undefined;
    const id15 = text.slice(0, 15);
    const suffix = idChecksum(id15);
    if (text.length === 18 && text.slice(15).toUpperCase() !== suffix) return undefined;
    return id15 + suffix;
}

/**
 * `Id.valueOf(text)` / assigning a String to an Id: the 18-character form, or
 * `System.StringException: Invalid id: <text>` (Apex Reference Guide › Id Class › valueOf).
 */
export function normalizeId(text: string): string {
    const id = tryNormalizeId(text);
    if (id === undefined) throw new ApexRuntimeSignal('System.StringException', `Invalid id: ${text}`);
    return id;
}

/** Whether `text` is a valid 15- or 18-character Id. */
export function isValidId(text: string): boolean {
    return tryNormalizeId(text) !== undefined;
}

/** Id equality as Apex's `==` does it: the 15- and 18-character forms of one record are equal. */
export function idsEqual(a: string, b: string): boolean {
    const x = tryNormalizeId(a);
    const y = tryNormalizeId(b);
    return x !== undefined && x === y;
}

/** The key prefix (first three characters) of an Id, naming its object. */
export function keyPrefixOf(id: string): string {
    return id.slice(0, 3);
}

/**
 * Deterministic Id generation: `<prefix>` + `000` + a 9-character base-62 counter per prefix, so the
 * same test run produces the same Ids every time (useful for snapshot comparisons and for
 * `Test.setCreatedDate`-style lookups).
 */
export class IdGenerator {
    private readonly counters = new Map<string, number>();

    /** The next Id (18 characters) for a key prefix of three characters. */
    next(keyPrefix: string): string {
        if (keyPrefix.length !== 3) throw new Error(`key prefix must have 3 characters: ${keyPrefix}`);
        const n = (this.counters.get(keyPrefix) ?? 0) + 1;
        this.counters.set(keyPrefix, n);
        let digits = '';
        let rest = n;
        for (let i = 0; i < 9; i++) {
            digits = BASE62[rest % 62] + digits;
            rest = Math.floor(rest / 62);
        }
        const id15 = `${keyPrefix}000${digits}`;
        return id15 + idChecksum(id15);
    }

    /** Counters, to restore generation state with a store snapshot. */
    snapshot(): Map<string, number> {
        return new Map(this.counters);
    }

    restore(state: Map<string, number>): void {
        this.counters.clear();
        for (const [k, v] of state) this.counters.set(k, v);
    }
}
