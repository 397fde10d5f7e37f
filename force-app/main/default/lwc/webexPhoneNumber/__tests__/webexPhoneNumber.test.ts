import {
    countryFromLocale,
    defaultCountryFor,
    formatForDisplay,
    normalizeToE164,
    numberToDial,
    parsePhoneNumber,
    sameNumber,
    userCountry,
    type PhoneNumberProblem
} from 'c/webexPhoneNumber';
import { NUMBERING_PLANS } from '../webexPhoneNumberPlans';
import hostilePhoneNumbers from './data/hostilePhoneNumbers.json';
import moreFormats from './data/moreFormats.json';
import samplePhoneNumbers from './data/samplePhoneNumbers.json';

interface Expected {
    raw: string;
    defaultCountry: string | null;
    e164: string;
    extension: string | null;
    country: string | null;
}

interface SampleValue extends Expected {
    record: string;
    field: string;
}

interface Hostile {
    raw: string;
    defaultCountry: string | null;
    problem: PhoneNumberProblem;
    why: string;
}

const samples = samplePhoneNumbers as SampleValue[];
const formats = moreFormats as Expected[];
const hostile = hostilePhoneNumbers as Hostile[];

describe('c/webexPhoneNumber', () => {
    describe('every phone value of the sample Contacts and Leads', () => {
        it('covers each value of data/Contact.json and data/Lead.json', () => {
            expect(samples).toHaveLength(146);
            expect(new Set(samples.map((s) => s.defaultCountry))).toEqual(new Set(['US', 'FR', 'DE', 'NO', 'GB']));
        });

        it.each(samples.map((s) => [s.record, s.field, s.raw, s.defaultCountry, s]))(
            '%s.%s %p (record country %s)',
            (_record, _field, raw, country, expected) => {
                const sample = expected as SampleValue;
                expect(normalizeToE164(raw as string, country as string)).toEqual({
                    e164: sample.e164,
                    extension: sample.extension,
                    country: sample.country,
                    callingCode: expect.any(String),
                    nationalNumber: expect.any(String)
                });
            }
        );
    });

    describe('other formats people write', () => {
        it.each(formats.map((f) => [f.raw, f.defaultCountry, f]))('%p in %s', (raw, country, expected) => {
            const format = expected as Expected;
            const number = normalizeToE164(raw as string, country as string | null);
            expect(number).not.toBeNull();
            expect([number?.e164, number?.extension, number?.country]).toEqual([
                format.e164,
                format.extension,
                format.country
            ]);
        });

        it('splits the E.164 number into calling code and national number', () => {
            expect(normalizeToE164('+44 (0)20 9137 2412', 'FR')).toEqual({
                e164: '+442091372412',
                extension: null,
                country: 'GB',
                callingCode: '44',
                nationalNumber: '2091372412'
            });
        });
    });

    describe('values that are not phone numbers', () => {
        it.each(hostile.map((h) => [h.why, h.raw, h.defaultCountry, h.problem]))(
            '%s (%p) → %s',
            (_why, raw, country, problem) => {
                expect(parsePhoneNumber(raw as string, country as string | null)).toEqual({ valid: false, problem });
                expect(normalizeToE164(raw as string, country as string | null)).toBeNull();
            }
        );

        it('says nothing was given for null, undefined and very long input', () => {
            expect(parsePhoneNumber(null, 'US')).toEqual({ valid: false, problem: 'EMPTY' });
            expect(parsePhoneNumber(undefined, 'US')).toEqual({ valid: false, problem: 'EMPTY' });
            expect(parsePhoneNumber('1'.repeat(101), 'US')).toEqual({ valid: false, problem: 'TOO_LONG' });
        });

        it('reports a valid reading with the number', () => {
            expect(parsePhoneNumber('(312) 296-1607', 'US')).toEqual({
                valid: true,
                number: {
                    e164: '+13122961607',
                    extension: null,
                    country: 'US',
                    callingCode: '1',
                    nationalNumber: '3122961607'
                }
            });
        });
    });

    describe('the default country', () => {
        it("is the user's locale country (en-US in Jest)", () => {
            expect(userCountry()).toBe('US');
            expect(normalizeToE164('(312) 296-1607')?.e164).toBe('+13122961607');
            expect(parsePhoneNumber('212.252.7457')).toEqual(
                expect.objectContaining({ valid: true, number: expect.objectContaining({ e164: '+12122527457' }) })
            );
        });

        it('reads the region of a locale', () => {
            expect(countryFromLocale('fr-FR')).toBe('FR');
            expect(countryFromLocale('en_GB')).toBe('GB');
            expect(countryFromLocale('en-US')).toBe('US');
            expect(countryFromLocale('zh-Hant-TW')).toBe('TW');
            expect(countryFromLocale('fr')).toBeNull();
            expect(countryFromLocale('')).toBeNull();
            expect(countryFromLocale(null)).toBeNull();
        });

        it("is the record's country when the package knows it, else the fallback", () => {
            expect(defaultCountryFor('FR', 'US')).toBe('FR');
            expect(defaultCountryFor(' no ', 'US')).toBe('NO');
            expect(defaultCountryFor('France', 'US')).toBe('US');
            expect(defaultCountryFor(null, 'GB')).toBe('GB');
            expect(defaultCountryFor(undefined)).toBe('US');
        });
    });

    describe('numberToDial', () => {
        it("dials a record's number as the E.164 number the server read in the record's country", () => {
            const emma = { field: 'MobilePhone', label: 'Mobile', number: '09.23.88.27.45', e164: '+33923882745' };
            expect(numberToDial({ ...emma, extension: null })).toBe('+33923882745');
            // A US rep's dialer reads it back as the same French number, which its national form is not.
            expect(normalizeToE164(numberToDial(emma), 'US')?.e164).toBe('+33923882745');
            expect(normalizeToE164(emma.number, 'US')).toBeNull();
        });

        it('keeps the extension, which the dialer dials after the call connects', () => {
            const dial = numberToDial({ number: '+1-312-672-3585 ext. 675', e164: '+13126723585', extension: '675' });
            expect(dial).toBe('+13126723585;ext=675');
            expect(normalizeToE164(dial, 'FR')).toEqual(
                expect.objectContaining({ e164: '+13126723585', extension: '675' })
            );
        });

        it('hands over the value as stored when the server could not read it (the dialer says why)', () => {
            expect(numberToDial({ number: '1-800-FLOWERS', e164: null, extension: null })).toBe('1-800-FLOWERS');
            expect(numberToDial({ number: '(312) 296-1607' })).toBe('(312) 296-1607');
        });
    });

    describe('sameNumber', () => {
        it('matches the same line written in different formats', () => {
            expect(sameNumber('+33 9 23 88 27 45', '09.23.88.27.45', 'FR')).toBe(true);
            expect(sameNumber('16175058299', '(617) 505-8299', 'US')).toBe(true);
            expect(sameNumber('+44 (0)20 9137 2412', '020 9137 2412', 'GB')).toBe(true);
            expect(sameNumber('+1 (312) 296-1607', '312.296.1607')).toBe(true);
        });

        it('matches a main line with or without an extension, but not two different extensions', () => {
            expect(sameNumber('+1-312-672-3585 ext. 675', '+13126723585', 'US')).toBe(true);
            expect(sameNumber('+1-312-672-3585 ext. 675', '(312) 672-3585 x675', 'US')).toBe(true);
            expect(sameNumber('+1-312-672-3585 ext. 675', '+1-312-672-3585 ext. 676', 'US')).toBe(false);
        });

        it('does not match different numbers or values that are not numbers', () => {
            expect(sameNumber('09.23.88.27.45', '09.23.88.27.46', 'FR')).toBe(false);
            expect(sameNumber('09.23.88.27.45', '09.23.88.27.45', 'US')).toBe(false);
            expect(sameNumber('call me', 'call me', 'US')).toBe(false);
            expect(sameNumber(null, '+13122961607', 'US')).toBe(false);
        });
    });

    describe('formatForDisplay', () => {
        it('writes a number of the locale country in its national form', () => {
            expect(formatForDisplay('+13122961607', null, 'en-US')).toBe('(312) 296-1607');
            expect(formatForDisplay('+14165550199', null, 'en-US')).toBe('(416) 555-0199');
            expect(formatForDisplay('+33143775092', null, 'fr-FR')).toBe('01 43 77 50 92');
            expect(formatForDisplay('+442091372412', null, 'en-GB')).toBe('020 9137 2412');
            expect(formatForDisplay('+447700900123', null, 'en-GB')).toBe('07700 900123');
            expect(formatForDisplay('+441134960000', null, 'en-GB')).toBe('0113 496 0000');
            expect(formatForDisplay('+448001234567', null, 'en-GB')).toBe('0800 123 4567');
            expect(formatForDisplay('+44800123456', null, 'en-GB')).toBe('0800 123456');
            expect(formatForDisplay('+49401829474', null, 'de-DE')).toBe('040 1829474');
            expect(formatForDisplay('+492211234567', null, 'de-DE')).toBe('0221 1234567');
            expect(formatForDisplay('+4722346657', null, 'nb-NO')).toBe('22 34 66 57');
            expect(formatForDisplay('+4792563958', null, 'nb-NO')).toBe('925 63 958');
            expect(formatForDisplay('+390612345678', null, 'it-IT')).toBe('06 12345678');
            expect(formatForDisplay('+390551234567', null, 'it-IT')).toBe('055 1234567');
            expect(formatForDisplay('+393123456789', null, 'it-IT')).toBe('312 3456789');
        });

        it('writes a foreign number in its international form', () => {
            expect(formatForDisplay('+13122961607', null, 'fr-FR')).toBe('+1 312-296-1607');
            expect(formatForDisplay('+33143775092', null, 'en-US')).toBe('+33 1 43 77 50 92');
            expect(formatForDisplay('+4722346657', null, 'fr-FR')).toBe('+47 22 34 66 57');
            expect(formatForDisplay('+34912345678', null, 'fr-FR')).toBe('+34 912 345 678');
            expect(formatForDisplay('+31201234567', null, 'fr-FR')).toBe('+31 201 234 567');
            expect(formatForDisplay('+41446681800', null, 'fr')).toBe('+41 44 668 18 00');
            expect(formatForDisplay('+3612345678', null, 'fr-FR')).toBe('+36 123 456 78');
        });

        it("uses the user's locale by default (en-US in Jest)", () => {
            expect(formatForDisplay('+13122961607')).toBe('(312) 296-1607');
            expect(formatForDisplay('+33143775092')).toBe('+33 1 43 77 50 92');
        });

        it('adds the extension, with the label given', () => {
            expect(formatForDisplay('+13126723585', '675', 'en-US')).toBe('(312) 672-3585 ext. 675');
            expect(formatForDisplay('+33143775092', '12', 'fr-FR', { extensionLabel: 'poste' })).toBe(
                '01 43 77 50 92 poste 12'
            );
        });

        it('shows a number without a known plan, or not a number at all, as given', () => {
            expect(formatForDisplay('+81312345678', null, 'en-US')).toBe('+81312345678');
            expect(formatForDisplay('+81312345678', '9', 'en-US')).toBe('+81312345678 ext. 9');
            expect(formatForDisplay('not a number', null, 'en-US')).toBe('not a number');
            expect(formatForDisplay('', null, 'en-US')).toBe('');
            expect(formatForDisplay(null, null, 'en-US')).toBe('');
        });
    });

    describe('the numbering plans', () => {
        it('name each country by its ISO code, with consistent lengths and prefixes', () => {
            for (const [iso, plan] of Object.entries(NUMBERING_PLANS)) {
                expect(iso).toMatch(/^[A-Z]{2}$/);
                expect(plan.callingCode).toMatch(/^[1-9][0-9]{0,2}$/);
                expect(plan.trunkPrefix).toMatch(/^[0-9]{0,2}$/);
                expect(plan.minLength).toBeLessThanOrEqual(plan.maxLength);
                expect(plan.callingCode.length + plan.maxLength).toBeLessThanOrEqual(15);
                expect(['00', '011']).toContain(plan.internationalPrefix);
                expect(plan.firstDigits).toMatch(/^[0-9]*$/);
                expect(plan.leadingDigits.every((prefix) => /^[0-9]+$/.test(prefix))).toBe(true);
            }
        });

        it('keep calling codes prefix-free, as E.164 assigns them', () => {
            const codes = [...new Set(Object.values(NUMBERING_PLANS).map((plan) => plan.callingCode))];
            for (const code of codes) {
                for (const other of codes.filter((c) => c !== code)) {
                    expect(other.startsWith(code)).toBe(false);
                }
            }
        });
    });
});
