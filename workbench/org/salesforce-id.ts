/**
 * Salesforce record ids for the emulated org: 15 characters (key prefix, pod, counter) plus the
 * 3-character case-safe suffix Salesforce computes, so ids look and validate as in an org.
 */

const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';

/** The 18-character form of a 15-character id: one suffix letter per 5-character chunk's capitals. */
export function toCaseSafeId(id15: string): string {
    if (!/^[a-zA-Z0-9]{15}$/.test(id15)) throw new Error(`Not a 15-character Salesforce id: ${id15}`);
    let suffix = '';
    for (let chunk = 0; chunk < 3; chunk += 1) {
        let bits = 0;
        for (let i = 0; i < 5; i += 1) {
            const char = id15[chunk * 5 + i];
            if (char >= 'A' && char <= 'Z') bits |= 1 << i;
        }
        suffix += SUFFIX_ALPHABET[bits];
    }
    return id15 + suffix;
}

/** A deterministic id for the `sequence`-th record with this key prefix (`003` for Contact...). */
export function makeRecordId(keyPrefix: string, sequence: number): string {
    const counter = String(sequence).padStart(10, '0');
    return toCaseSafeId(`${keyPrefix}Wb${counter}`);
}
