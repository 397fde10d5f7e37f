/**
 * Phone numbers as people write them in Salesforce (`(312) 296-1607`, `09.23.88.27.45`,
 * `+44 (0)20 9137 2412`, `+1-212-250-1912 ext. 415`) read as one E.164 number Webex can dial and the
 * package can compare.
 *
 * The rules, in the order they apply (the Apex class `WebexPhoneNumbers` applies the same ones, so a
 * number the dialer calls and a caller the server matches agree):
 * 1. Unicode spaces and dashes become ASCII; a `tel:` scheme is dropped.
 * 2. An extension at the end is set apart: `ext. 415`, `ext 415`, `extension 415`, `x415`, `#415`,
 *    `;ext=415`, `poste 415`, or DTMF pauses `,,415`. An extension alone is not a number.
 * 3. What is left may hold only digits, spaces, `-`, `.`, `/`, `(`, `)` and a leading `+`; anything
 *    else (letters, vanity numbers) is not a phone number.
 * 4. International forms: `+`, `00`, and `011` where the default country dials it (North America).
 *    The calling code is read against the numbering plans; after it, a `(0)` or a written trunk
 *    prefix (`+33 06…`) is dropped, except where the 0 is part of the number (Italy).
 * 5. National forms use the default country: its trunk prefix is dropped (`0` in FR/GB/DE, `06` in
 *    HU, none in US/CA/NO/IT/ES…); `(0)1 43…` is the trunk prefix too.
 * 6. A national reading whose length does not fit, and that carried no trunk prefix, is read again
 *    as a number that already starts with its calling code: `16175058299` is `+16175058299`.
 * 7. The national significant number must have a length the country's plan allows and start with a
 *    digit it allows (no North American area code starts with 0 or 1); unknown calling codes: 7 to 15
 *    digits in all.
 *
 * The default country is the user's (from `@salesforce/i18n/locale`) unless a caller passes one, for
 * example the country of the record the number belongs to (`defaultCountryFor`).
 */
import LOCALE from '@salesforce/i18n/locale';
import { NUMBERING_PLANS, type NumberingPlan } from './webexPhoneNumberPlans';

/** A phone number read as E.164. */
export interface NormalizedPhoneNumber {
    /** `+` and up to 15 digits: `+33923882745`. */
    e164: string;
    /** Digits dialled after the call connects, or null. */
    extension: string | null;
    /** ISO 3166-1 alpha-2 of the numbering plan, or null for a calling code the package has no plan for. */
    country: string | null;
    /** The calling code, without `+`. */
    callingCode: string;
    /** The digits after the calling code. */
    nationalNumber: string;
}

/** Why a value is not a phone number. */
export type PhoneNumberProblem =
    | 'EMPTY'
    | 'NO_NUMBER'
    | 'INVALID_CHARACTERS'
    | 'INVALID_COUNTRY_CODE'
    | 'TOO_SHORT'
    | 'TOO_LONG'
    | 'INVALID_NUMBER'
    | 'NO_DEFAULT_COUNTRY';

export type PhoneNumberReading =
    { valid: true; number: NormalizedPhoneNumber } | { valid: false; problem: PhoneNumberProblem };

/** Longer input is not a phone number (and is not worth running expressions over). */
export const MAX_INPUT_LENGTH = 100;
/** E.164 numbers hold at most 15 digits; the shortest in service hold 7. */
export const MAX_E164_DIGITS = 15;
export const MIN_E164_DIGITS = 7;

const UNICODE_SPACES = /[\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\t\n\v\f\r]/g;
const UNICODE_DASHES = /[\u2010-\u2015\u2212]/g;
const TEL_SCHEME = /^tel:/i;
const EXTENSION =
    /^(.*?)[ ]*(?:;[ ]*ext[ ]*=[ ]*|(?:extension|extn|ext|poste|x)\.?[ ]*:?[ ]*|#[ ]*|,+[ ]*)([0-9]{1,10})[ ]*#?$/i;
const ALLOWED = /^\+?[0-9 ()./-]*$/;
/** `(0)`: the trunk prefix written inside an international number, or before a national one. */
const TRUNK_IN_PARENTHESES = /\([ ]*0[ ]*\)/;
const TRUNK_MARK = 'Z';
const NORTH_AMERICAN_INTERNATIONAL_PREFIX = '011';

type Reading = { ok: true; number: NormalizedPhoneNumber } | { ok: false; problem: PhoneNumberProblem };

const fail = (problem: PhoneNumberProblem): Reading => ({ ok: false, problem });

function planOf(country: string | null | undefined): NumberingPlan | null {
    if (!country) return null;
    return NUMBERING_PLANS[country.trim().toUpperCase()] ?? null;
}

/** Per calling code, the countries sharing it; the code's main country (no `leadingDigits`) comes last. */
const COUNTRIES_BY_CODE: ReadonlyMap<string, readonly string[]> = (() => {
    const byCode = new Map<string, string[]>();
    for (const iso of Object.keys(NUMBERING_PLANS).sort()) {
        const code = NUMBERING_PLANS[iso].callingCode;
        byCode.set(code, [...(byCode.get(code) ?? []), iso]);
    }
    for (const countries of byCode.values()) {
        countries.sort((a, b) => NUMBERING_PLANS[b].leadingDigits.length - NUMBERING_PLANS[a].leadingDigits.length);
    }
    return byCode;
})();

function countriesWithCode(callingCode: string): readonly string[] {
    return COUNTRIES_BY_CODE.get(callingCode) ?? [];
}

/** The known calling code `digits` starts with (1 to 3 digits; calling codes are prefix-free), or null. */
function callingCodeOf(digits: string): string | null {
    for (let length = 1; length <= 3 && length <= digits.length; length += 1) {
        const candidate = digits.substring(0, length);
        if (!/^[0-9]+$/.test(candidate)) return null;
        if (countriesWithCode(candidate).length) return candidate;
    }
    return null;
}

function countryOf(callingCode: string, nationalNumber: string): string {
    const countries = countriesWithCode(callingCode);
    const own = countries.find((iso) =>
        NUMBERING_PLANS[iso].leadingDigits.some((prefix) => nationalNumber.startsWith(prefix))
    );
    return own ?? countries[countries.length - 1];
}

/** Checks the national significant number against its calling code's plan. */
function finish(callingCode: string, nationalNumber: string): Reading {
    const country = countryOf(callingCode, nationalNumber);
    const rules = NUMBERING_PLANS[country];
    if (nationalNumber.length < rules.minLength) return fail('TOO_SHORT');
    if (nationalNumber.length > rules.maxLength) return fail('TOO_LONG');
    if (rules.firstDigits && !rules.firstDigits.includes(nationalNumber.charAt(0))) return fail('INVALID_NUMBER');
    return success(callingCode, nationalNumber, country);
}

function success(callingCode: string, nationalNumber: string, country: string | null): Reading {
    return {
        ok: true,
        number: { e164: `+${callingCode}${nationalNumber}`, extension: null, country, callingCode, nationalNumber }
    };
}

/** Digits after an international prefix (`+`, `00`, `011`), possibly holding the `(0)` mark. */
function readInternational(marked: string): Reading {
    const digits = marked.startsWith(TRUNK_MARK) ? marked.substring(1) : marked;
    const callingCode = callingCodeOf(digits);
    if (callingCode === null) return readUnknownCode(digits.split(TRUNK_MARK).join(''));
    const rules = NUMBERING_PLANS[countriesWithCode(callingCode)[0]];
    let rest = digits.substring(callingCode.length);
    if (rest.startsWith(TRUNK_MARK)) {
        rest = (rules.zeroIsPartOfNumber ? '0' : '') + rest.substring(1);
    }
    rest = rest.split(TRUNK_MARK).join('0');
    if (rules.trunkPrefix && !rules.zeroIsPartOfNumber && rest.startsWith(rules.trunkPrefix)) {
        rest = rest.substring(rules.trunkPrefix.length);
    }
    return finish(callingCode, rest);
}

/** A calling code without a plan: all the digits, as long as E.164 allows. */
function readUnknownCode(digits: string): Reading {
    if (digits.startsWith('0')) return fail('INVALID_COUNTRY_CODE');
    if (digits.length < MIN_E164_DIGITS) return fail('TOO_SHORT');
    if (digits.length > MAX_E164_DIGITS) return fail('TOO_LONG');
    return success('', digits, null);
}

/** The digits read again as a number that starts with its calling code; null when that fails too. */
function readAgain(marked: string): Reading | null {
    if (marked.includes(TRUNK_MARK) || callingCodeOf(marked) === null) return null;
    const again = readInternational(marked);
    return again.ok ? again : null;
}

/** Digits written without an international prefix, read in the default country. */
function readNational(marked: string, home: NumberingPlan | null): Reading {
    if (!home) return readAgain(marked) ?? fail('NO_DEFAULT_COUNTRY');
    let national = marked.split(TRUNK_MARK).join('0');
    let strippedTrunk = false;
    if (home.trunkPrefix && national.startsWith(home.trunkPrefix)) {
        national = national.substring(home.trunkPrefix.length);
        strippedTrunk = true;
    }
    const reading = finish(home.callingCode, national);
    if (reading.ok || strippedTrunk) return reading;
    return readAgain(marked) ?? reading;
}

/** The number without its extension: characters allowed, then its international or national form. */
function readNumber(text: string, home: NumberingPlan | null): Reading {
    if (!text) return fail('NO_NUMBER');
    if (!ALLOWED.test(text)) return fail('INVALID_CHARACTERS');
    const marked = text.replace(TRUNK_IN_PARENTHESES, TRUNK_MARK).replace(/[^0-9Z]/g, '');
    if (!marked.split(TRUNK_MARK).join('')) return fail('NO_NUMBER');
    if (text.startsWith('+')) return readInternational(marked);
    if (marked.startsWith('00')) return readInternational(marked.substring(2));
    if (home?.internationalPrefix === NORTH_AMERICAN_INTERNATIONAL_PREFIX) {
        if (marked.startsWith(NORTH_AMERICAN_INTERNATIONAL_PREFIX)) return readInternational(marked.substring(3));
    }
    return readNational(marked, home);
}

/**
 * Reads `raw` as a phone number, or says why it is not one.
 * @param raw what a person typed or a record holds
 * @param defaultCountry ISO code of the country national numbers belong to (default: the user's)
 */
export function parsePhoneNumber(
    raw: string | null | undefined,
    defaultCountry: string | null = userCountry()
): PhoneNumberReading {
    const reading = read(raw, defaultCountry);
    return reading.ok ? { valid: true, number: reading.number } : { valid: false, problem: reading.problem };
}

function read(raw: string | null | undefined, defaultCountry: string | null): Reading {
    if (raw === null || raw === undefined) return fail('EMPTY');
    let text = String(raw).replace(UNICODE_SPACES, ' ').replace(UNICODE_DASHES, '-').trim();
    if (!text) return fail('EMPTY');
    if (text.length > MAX_INPUT_LENGTH) return fail('TOO_LONG');
    text = text.replace(TEL_SCHEME, '').trim();
    let extension: string | null = null;
    const split = EXTENSION.exec(text);
    if (split) {
        text = split[1].trim();
        extension = split[2];
    }
    const reading = readNumber(text, planOf(defaultCountry));
    return reading.ok ? { ok: true, number: { ...reading.number, extension } } : reading;
}

/**
 * `raw` as E.164 with its extension and country, or null when it is not a phone number
 * (`parsePhoneNumber` says why).
 */
export function normalizeToE164(
    raw: string | null | undefined,
    defaultCountry: string | null = userCountry()
): NormalizedPhoneNumber | null {
    const reading = read(raw, defaultCountry);
    return reading.ok ? reading.number : null;
}

/**
 * The country of a locale: `fr-FR` → `FR`, `en_US` → `US`, `zh-Hant-TW` → `TW`; null for a locale
 * without a region (`fr`).
 */
export function countryFromLocale(locale: string | null | undefined): string | null {
    if (!locale) return null;
    const parts = locale.split(/[-_]/).slice(1);
    const region = parts.find((part) => /^[A-Za-z]{2}$/.test(part));
    return region ? region.toUpperCase() : null;
}

/** The country of the signed-in user's locale. */
export function userCountry(): string | null {
    return countryFromLocale(LOCALE);
}

/**
 * The country a record's national numbers belong to: the record's own country when it is an ISO code
 * the package has a plan for (`MailingCountry` `FR`), else `fallback` (the user's country).
 */
export function defaultCountryFor(
    recordCountry: string | null | undefined,
    fallback: string | null = userCountry()
): string | null {
    const own = recordCountry?.trim().toUpperCase();
    return own && NUMBERING_PLANS[own] ? own : fallback;
}

/**
 * What the dialer dials for a record's number (a `WebexPhoneOption` from the dialer's search or Make a Call):
 * the E.164 number the server read in the record's country, with `;ext=` and the extension when there is one,
 * so `09.23.88.27.45` of a Contact in France is `+33923882745` whatever the rep's country; the value as stored
 * when the server could not read it (the dialer then reads it, and says why it is not a number).
 */
export function numberToDial(phone: { number: string; e164?: string | null; extension?: string | null }): string {
    if (!phone.e164) return phone.number;
    return phone.extension ? `${phone.e164};ext=${phone.extension}` : phone.e164;
}

/** True when both values reach the same line: same E.164 number, and same extension when both have one. */
export function sameNumber(
    a: string | null | undefined,
    b: string | null | undefined,
    defaultCountry: string | null = userCountry()
): boolean {
    const first = normalizeToE164(a, defaultCountry);
    const second = normalizeToE164(b, defaultCountry);
    if (!first || !second || first.e164 !== second.e164) return false;
    return first.extension === null || second.extension === null || first.extension === second.extension;
}

// ----- display --------------------------------------------------------------------------------

/** How the national significant number is grouped for reading, by country. */
function groupSizes(country: string | null, nationalNumber: string): number[] {
    const n = nationalNumber.length;
    const first = nationalNumber.charAt(0);
    switch (country) {
        case 'US':
        case 'CA':
            return [3, 3, 4];
        case 'FR':
            return [1, 2, 2, 2, 2];
        case 'GB':
            if (n === 9) return first === '8' ? [3, 6] : [4, 5];
            if (first === '2' || /^1(1[0-9]|[0-9]1)/.test(nationalNumber)) return first === '2' ? [2, 4, 4] : [3, 3, 4];
            return first === '1' || first === '7' ? [4, 6] : [3, 3, 4];
        case 'CH':
            return [2, 3, 2, 2];
        case 'DE':
            if (/^(30|40|69|89)/.test(nationalNumber)) return [2, n - 2];
            return [3, n - 3];
        case 'NO':
            return first === '4' || first === '9' ? [3, 2, 3] : [2, 2, 2, 2];
        case 'IT':
            if (first === '3') return [3, n - 3];
            return /^0[26]/.test(nationalNumber) ? [2, n - 2] : [3, n - 3];
        default:
            return genericGroups(n);
    }
}

/** Groups of three, the last one taking a lone trailing digit. */
function genericGroups(length: number): number[] {
    const sizes: number[] = [];
    let left = length;
    while (left > 4) {
        sizes.push(3);
        left -= 3;
    }
    sizes.push(left);
    return sizes;
}

function grouped(digits: string, sizes: number[]): string[] {
    const groups: string[] = [];
    let at = 0;
    for (const size of sizes) {
        if (at >= digits.length) break;
        groups.push(digits.substring(at, at + size));
        at += size;
    }
    if (at < digits.length) groups.push(digits.substring(at));
    return groups.filter((group) => group.length > 0);
}

export interface DisplayOptions {
    /** Written before the extension (a custom label's value in a component); default `ext.`. */
    extensionLabel?: string;
}

/**
 * A readable form of an E.164 number: national when it belongs to the locale's country (or shares its
 * calling code: North America), international otherwise. `+13122961607` in `en-US` is
 * `(312) 296-1607`; in `fr-FR` it is `+1 312-296-1607`; `+33143775092` in `fr-FR` is
 * `01 43 77 50 92`. A value that is not E.164 is returned as given.
 */
export function formatForDisplay(
    e164: string | null | undefined,
    extension: string | null = null,
    locale: string | null = LOCALE,
    options: DisplayOptions = {}
): string {
    if (!e164) return '';
    const number = normalizeToE164(e164, null);
    const suffix = extension ? ` ${options.extensionLabel ?? 'ext.'} ${extension}` : '';
    if (!number) return `${e164}${suffix}`;
    const groups = grouped(number.nationalNumber, groupSizes(number.country, number.nationalNumber));
    const home = planOf(countryFromLocale(locale));
    const northAmerican = number.callingCode === '1';
    if (home && number.country && home.callingCode === number.callingCode) {
        if (northAmerican) return `(${groups[0]}) ${groups.slice(1).join('-')}${suffix}`;
        const trunk = NUMBERING_PLANS[number.country].trunkPrefix;
        return `${trunk}${groups.join(' ')}${suffix}`;
    }
    if (!number.country) return `${number.e164}${suffix}`;
    return `+${number.callingCode} ${groups.join(northAmerican ? '-' : ' ')}${suffix}`;
}
