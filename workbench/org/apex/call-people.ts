/**
 * The emulated org's WebexDialerSearch, WebexCallerLookup and WebexRecordPhones (classes/calling/): the
 * dialer's search as the rep types, who an incoming number belongs to, and the numbers Make a Call offers.
 * The record store plays SOSL and SOQL: names, account names and companies searched by word prefix, phone
 * numbers by their digits, callers matched in E.164 with the module the dialer uses. A caller's candidates are
 * the records whose digits hold the number's last 7, which is what the package's two ways find together: the
 * Webex phone keys (WebexPhoneKeys, an indexed SOQL lookup of every saved record, at once) and the SOSL search
 * in the number's written forms (records saved before the keys existed). The emulated org has no search index
 * delay and no tokenization to play. Every record's numbers are read in the record's country (`recordCountry`,
 * as WebexRecordCountry): the numbers the dialer dials and the callers it matches agree.
 */
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { phoneNumbers, recordCountry } from '../phone-numbers.ts';
import { describeObject, type SObjectRecord } from '../records.ts';
import { phoneFields } from './calling-settings.ts';

/** As WebexDialerSearch. */
export const MIN_TERM_LENGTH = 2;
export const MAX_TERM_LENGTH = 80;
export const MAX_RESULTS = 10;
/** As WebexCallerMatcher.SEARCH_DIGITS: the candidates' filter before numbers are compared. */
const SEARCH_DIGITS = 7;
const PHONE_LIKE = /^[0-9()+./\s-]+$/;
const RECORD_ID = /^[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?$/;

/** Lower case without accents: `Hélène` is found by `hel`. */
function fold(text: string): string {
    return text
        .normalize('NFD')
        .replace(/\p{Diacritic}/gu, '')
        .toLowerCase();
}

function digitsOf(value: unknown): string {
    return typeof value === 'string' ? value.replace(/\D/g, '') : '';
}

/** The ISO country of the signed-in user's locale (UserInfo.getLocale()), or null. */
export async function userCountry(org: EmulatedOrg): Promise<string | null> {
    const locale = org.records.get(org.user.id)?.LocaleSidKey;
    return (await phoneNumbers()).countryFromLocale(typeof locale === 'string' ? locale : null);
}

export function createCallPeople(org: EmulatedOrg): {
    searchPeople: (searchTerm: unknown) => Promise<WebexPersonMatch[]>;
    matchCaller: (phoneNumber: unknown) => Promise<WebexPersonMatch[]>;
    getRecordPhones: (recordId: unknown) => Promise<WebexRecordPhones>;
} {
    const objectLabel = (objectApiName: string): string =>
        describeObject(objectApiName)?.label[org.user.language] ?? objectApiName;

    const fieldLabel = (objectApiName: string, field: string): string =>
        describeObject(objectApiName)?.fields[field]?.label[org.user.language] ?? field;

    /** The account name (Contact) or company (Lead) that tells namesakes apart. */
    const accountOf = (objectApiName: string, record: SObjectRecord): { id: string | null; name: string | null } => {
        if (objectApiName === 'Contact') {
            const id = typeof record.AccountId === 'string' ? record.AccountId : null;
            const name = id ? org.records.get(id)?.Name : null;
            return { id, name: typeof name === 'string' ? name : null };
        }
        return { id: null, name: typeof record.Company === 'string' ? record.Company : null };
    };

    /** As WebexPhoneFieldSchema.phoneOptions: each number with its E.164 form in the record's country. */
    const phoneOptions = async (
        objectApiName: string,
        record: SObjectRecord,
        fields: string[]
    ): Promise<WebexPhoneOption[]> => {
        const phone = await phoneNumbers();
        const country = await recordCountry(objectApiName, record, await userCountry(org));
        return fields
            .filter((field) => typeof record[field] === 'string' && String(record[field]).trim() !== '')
            .map((field) => {
                const reading = phone.normalizeToE164(String(record[field]), country);
                return {
                    field,
                    label: fieldLabel(objectApiName, field),
                    number: String(record[field]),
                    e164: reading?.e164 ?? null,
                    extension: reading?.extension ?? null
                };
            });
    };

    const toMatch = (objectApiName: string, record: SObjectRecord, phones: WebexPhoneOption[]): WebexPersonMatch => {
        const account = accountOf(objectApiName, record);
        return {
            recordId: record.Id,
            objectApiName,
            objectLabel: objectLabel(objectApiName),
            name: String(record.Name ?? ''),
            accountName: account.name,
            accountId: account.id,
            phones
        };
    };

    const byName = (a: SObjectRecord, b: SObjectRecord): number =>
        `${String(a.Name)}|${a.Id}`.localeCompare(`${String(b.Name)}|${b.Id}`);

    /** What a term searches: the digits of a number, or the words of a name (each as a prefix). */
    const matcherFor = (
        term: string
    ): ((objectApiName: string, record: SObjectRecord, fields: string[]) => boolean) | null => {
        if (PHONE_LIKE.test(term)) {
            const digits = digitsOf(term);
            if (digits.length < MIN_TERM_LENGTH) return null;
            return (_objectApiName, record, fields) => fields.some((field) => digitsOf(record[field]).includes(digits));
        }
        // Split as the record's text is (SOSL splits on punctuation too): `O'Brien` finds O'Brien.
        const words = fold(term)
            .split(/[\s,.'-]+/)
            .filter((word) => word.length >= MIN_TERM_LENGTH);
        if (!words.length) return null;
        return (objectApiName, record) => {
            const text = [record.Name, accountOf(objectApiName, record).name].filter(Boolean).map(String).join(' ');
            const found = fold(text).split(/[\s,.'-]+/);
            return words.every((word) => found.some((candidate) => candidate.startsWith(word)));
        };
    };

    return {
        searchPeople: async (searchTerm) => {
            const term = String(searchTerm ?? '')
                .replace(/\s+/g, ' ')
                .trim()
                .slice(0, MAX_TERM_LENGTH);
            const matches = matcherFor(term);
            if (!matches) return [];
            const found: WebexPersonMatch[] = [];
            for (const objectApiName of org.peopleSearch.objectsFor('Dialer')) {
                const fields = phoneFields(org, objectApiName);
                if (!fields.length || found.length >= MAX_RESULTS) continue;
                const records = org.records
                    .find([objectApiName], (record) => matches(objectApiName, record, fields))
                    .map((entry) => entry.record)
                    .sort(byName)
                    .slice(0, MAX_RESULTS - found.length);
                for (const record of records)
                    found.push(toMatch(objectApiName, record, await phoneOptions(objectApiName, record, fields)));
            }
            return found;
        },

        matchCaller: async (phoneNumber) => {
            if (typeof phoneNumber !== 'string' || !phoneNumber.trim()) return [];
            const phone = await phoneNumbers();
            const fallback = await userCountry(org);
            const caller = phone.normalizeToE164(phoneNumber, fallback);
            if (!caller) return [];
            const lastDigits = caller.nationalNumber.slice(-SEARCH_DIGITS);
            const found: WebexPersonMatch[] = [];
            for (const objectApiName of org.peopleSearch.objectsFor('Inbound')) {
                const fields = phoneFields(org, objectApiName);
                const matched: Array<{ record: SObjectRecord; field: string; extension: string | null }> = [];
                // The search finds candidates by their last digits; the E.164 comparison decides.
                for (const { record } of org.records.find([objectApiName], (candidate) =>
                    fields.some((field) => digitsOf(candidate[field]).includes(lastDigits))
                )) {
                    const country = await recordCountry(objectApiName, record, fallback);
                    for (const field of fields) {
                        const stored = typeof record[field] === 'string' ? String(record[field]) : null;
                        const reading = stored === null ? null : phone.normalizeToE164(stored, country);
                        if (reading?.e164 !== caller.e164) continue;
                        matched.push({ record, field, extension: reading.extension });
                        break;
                    }
                }
                matched.sort((a, b) => byName(a.record, b.record));
                found.push(
                    ...matched.map(({ record, field, extension }) =>
                        toMatch(objectApiName, record, [
                            {
                                field,
                                label: fieldLabel(objectApiName, field),
                                number: String(record[field]),
                                e164: caller.e164,
                                extension
                            }
                        ])
                    )
                );
            }
            return found;
        },

        getRecordPhones: async (recordId) => {
            const id = typeof recordId === 'string' ? recordId.trim() : '';
            const objectApiName = RECORD_ID.test(id) ? org.records.objectOf(id) : undefined;
            if (!objectApiName)
                throw new AuraHandledError('INVALID_INPUT', org.label('WebexError_InvalidInput', 'recordId'));
            const record = org.records.get(id);
            if (!record) throw new AuraHandledError('NOT_FOUND', org.label('WebexCall_RecordNotFound'));
            const nameField = describeObject(objectApiName)?.nameField ?? 'Name';
            return {
                recordId: record.Id,
                objectApiName,
                recordName: String(record[nameField] ?? ''),
                phones: await phoneOptions(objectApiName, record, phoneFields(org, objectApiName))
            };
        }
    };
}
