/**
 * The Webex phone keys of Contacts and Leads (classes/calling/WebexPhoneKeys.cls) as the Health check sees
 * them in the emulated org. The record store plays every record as keyed by the package's triggers (the
 * caller lookup, call-people.ts, finds them all), except the records a story marks as saved before the
 * package was installed (`markSavedBeforeInstall`): the Health check's `phoneKeys` counts those, and its
 * Fill phone keys starts WebexPhoneKeyBackfill (`startPhoneKeyBackfill`), a job that keys them once the
 * request that started it has answered (async-apex.ts), as a batch runs in the background in an org.
 * Not played here: Shield-encrypted phone fields (never keyed; the describe has no encryption), person
 * accounts (never keyed), the Webex_Skip_Phone_Keys bypass and the Lead trigger's keying of converted
 * Contacts (the store plays every record saved since install as keyed), and refused saves.
 */
import { enqueueJob } from '../async-apex.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { describeObject, type SObjectRecord } from '../records.ts';
import { makeRecordId } from '../salesforce-id.ts';

/** As WebexPhoneKeys.KEY_DIGITS. */
const KEY_DIGITS = 7;
/** The objects with phone keys, in the order the backfill runs. */
const KEYED_OBJECTS = ['Contact', 'Lead'];
/** As WebexPhoneKeys' extension pattern: an extension's digits are not the number's. */
const EXTENSION =
    /^(.*?)[ ]*(?:;[ ]*ext[ ]*=[ ]*|(?:extension|extn|ext|poste|x)\.?[ ]*:?[ ]*|#[ ]*|,+[ ]*)([0-9]{1,10})[ ]*#?$/i;

// Per record store, which a reset replaces: a fresh org has every record keyed.
const unkeyedByStore = new WeakMap<object, Set<string>>();
let jobSequence = 0;

function unkeyed(org: EmulatedOrg): Set<string> {
    let ids = unkeyedByStore.get(org.records);
    if (!ids) {
        ids = new Set();
        unkeyedByStore.set(org.records, ids);
    }
    return ids;
}

/** The phone fields of an object (WebexPhoneKeyFields: every phone field but Fax). */
function phoneFieldsOf(objectApiName: string): string[] {
    const fields = describeObject(objectApiName)?.fields ?? {};
    return Object.keys(fields).filter((name) => fields[name].type.toLowerCase() === 'phone' && name !== 'Fax');
}

/** As WebexPhoneKeys.keysOf: whether one of the record's numbers has a key (7 digits or more). */
function hasKeyedNumber(objectApiName: string, record: SObjectRecord): boolean {
    return phoneFieldsOf(objectApiName).some((field) => {
        const value = record[field];
        if (typeof value !== 'string' || !value.trim()) return false;
        const written = value.trim();
        const number = EXTENSION.exec(written)?.[1] ?? written;
        return number.replace(/\D/g, '').length >= KEY_DIGITS;
    });
}

/**
 * Plays records saved before the package was installed, as a story sets them up: every Contact and Lead
 * with a phone number (of `objectApiName` only, when given) loses its keys. Returns how many.
 */
export function markSavedBeforeInstall(org: EmulatedOrg, objectApiName?: string): number {
    const ids = unkeyed(org);
    let marked = 0;
    for (const object of KEYED_OBJECTS.filter((name) => !objectApiName || name === objectApiName)) {
        for (const record of org.records.list(object)) {
            if (phoneFieldsOf(object).some((field) => typeof record[field] === 'string' && record[field] !== '')) {
                ids.add(record.Id);
                marked += 1;
            }
        }
    }
    return marked;
}

/** Whether a record has its phone keys (a record saved since the package was installed always has). */
export function hasPhoneKeys(org: EmulatedOrg, recordId: string): boolean {
    return !unkeyed(org).has(recordId);
}

/**
 * As WebexHealthCheckService's count: the records of one object whose numbers get a key but which have
 * none, among at most `sample` without a first key and with a phone number; converted Leads left out.
 */
export function withoutPhoneKeys(
    org: EmulatedOrg,
    objectApiName: string,
    sample: number
): { missing: number; more: boolean } {
    const ids = unkeyed(org);
    const candidates = org.records
        .list(objectApiName)
        .filter((record) => ids.has(record.Id) && record.IsConverted !== true)
        .slice(0, sample);
    return {
        missing: candidates.filter((record) => hasKeyedNumber(objectApiName, record)).length,
        more: candidates.length >= sample
    };
}

/**
 * As WebexPhoneKeyBackfill.start: a job that writes the keys of Contacts, then Leads, after the request
 * that started it has answered; converted Leads are left out (WebexPhoneKeyFields.keyedRecordsCondition).
 * Returns the Contacts' job ID.
 */
export function startPhoneKeyBackfill(org: EmulatedOrg): string {
    const ids = unkeyed(org);
    enqueueJob(org, 'WebexPhoneKeyBackfill', async () => {
        for (const object of KEYED_OBJECTS) {
            for (const record of org.records.list(object)) {
                if (record.IsConverted === true) continue;
                // A record whose numbers have no key keeps none, as the batch leaves it unsaved.
                if (hasKeyedNumber(object, record)) ids.delete(record.Id);
            }
        }
    });
    jobSequence += 1;
    return makeRecordId('707', jobSequence);
}
