/**
 * Calls abroad (issue 10, item 6), over every number of the sample data: each phone field the administrator can
 * choose (every phone-type field of Contact, Lead and Account) of every record in `data/` dials, from the
 * dialer's search results and from Make a Call, as the E.164 number of the record's country, whoever the rep is
 * (Sam in the United States, Camille in France).
 *
 * Each number goes the way a rep's click takes it: the emulated WebexCallController's searchPeople or
 * getRecordPhones, the number the component hands to the dialer (`numberToDial`), the dialer's own reading of it
 * in the rep's country (webexCalling's handleCall: `parsePhoneNumber`, E.164 with `;ext=`), then `dial`, and the
 * Webex emulator records the number it was asked to call. The expected number is computed here, apart from the
 * package's numbering plans, from the data's countries' calling codes and trunk prefixes.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startWebexEmulator, type WebexEmulator } from '../../webex-emulator/server.ts';
import { EmulatedOrg } from '../org-state.ts';
import { phoneNumbers } from '../phone-numbers.ts';
import { phoneTypeFields } from './calling-settings.ts';
import { saveUserConnection } from './user-tokens.ts';
import { createWebexCallController, type WebexCallControllerApi } from './WebexCallController.ts';

const DATA = path.resolve(import.meta.dirname, '..', '..', '..', 'data');
const OBJECTS: Record<string, string> = { Contact: 'MailingCountry', Lead: 'Country', Account: 'BillingCountry' };

/** The countries of the sample data: calling code, and the national trunk prefix dropped after it. */
const COUNTRIES: Record<string, { callingCode: string; trunkPrefix: string }> = {
    US: { callingCode: '1', trunkPrefix: '' },
    FR: { callingCode: '33', trunkPrefix: '0' },
    GB: { callingCode: '44', trunkPrefix: '0' },
    DE: { callingCode: '49', trunkPrefix: '0' },
    NO: { callingCode: '47', trunkPrefix: '' }
};

const REPS = [
    { email: 'sam.rep@acme-webex.example', token: 'WB_USER_TOKEN_sam_0002_acme-org-0001', country: 'US' },
    { email: 'camille.vente@acme-webex.example', token: 'WB_USER_TOKEN_camille_0003_acme-org-0001', country: 'FR' }
];

interface DataRecord {
    attributes: { referenceId: string };
    [field: string]: unknown;
}

/** The E.164 number (and extension) a stored value stands for in its record's country, worked out by hand. */
function expectedNumber(stored: string, country: string): { e164: string; extension: string | null } {
    const extension = /\s*(?:ext\.?|x)\s*(\d+)$/i.exec(stored);
    const number = extension ? stored.slice(0, extension.index) : stored;
    const { callingCode, trunkPrefix } = COUNTRIES[country];
    let digits: string;
    if (number.trim().startsWith('+')) {
        // International: the digits after +, without a `(0)` written after the calling code.
        digits = number.replace('(0)', '').replace(/\D/g, '');
    } else {
        let national = number.replace(/\D/g, '');
        if (trunkPrefix && national.startsWith(trunkPrefix)) national = national.slice(trunkPrefix.length);
        // North American numbers are written with their calling code 1 in front as often as without.
        if (callingCode === '1' && national.length === 11 && national.startsWith('1')) national = national.slice(1);
        digits = `${callingCode}${national}`;
    }
    return { e164: `+${digits}`, extension: extension ? extension[1] : null };
}

/** Every stored number of the sample data: object, record name, field, value, country. */
function sampleNumbers(): Array<{
    objectApiName: string;
    name: string;
    field: string;
    stored: string;
    country: string;
}> {
    const numbers = [];
    for (const [objectApiName, countryField] of Object.entries(OBJECTS)) {
        const records = (
            JSON.parse(readFileSync(path.join(DATA, `${objectApiName}.json`), 'utf8')) as { records: DataRecord[] }
        ).records;
        for (const record of records) {
            const name = objectApiName === 'Account' ? String(record.Name) : `${record.FirstName} ${record.LastName}`;
            const country = String(record[countryField] ?? '');
            assert.ok(COUNTRIES[country], `${objectApiName} ${name} has a country of the data (${country})`);
            for (const field of phoneTypeFields(objectApiName)) {
                if (typeof record[field] === 'string' && record[field])
                    numbers.push({ objectApiName, name, field, stored: record[field] as string, country });
            }
        }
    }
    return numbers;
}

describe('Every number of the sample data dials as the E.164 number of its record’s country', () => {
    let emulator: WebexEmulator;
    let org: EmulatedOrg;
    let controller: WebexCallControllerApi;
    const numbers = sampleNumbers();

    before(async () => {
        emulator = await startWebexEmulator(0);
        emulator.state.settings.calls.deviceAnswerAfterMs = null;
        org = new EmulatedOrg(emulator.url);
        controller = createWebexCallController(org);
    });
    after(() => emulator.close());

    it('covers every phone field of Contacts, Leads and Accounts that holds a number', () => {
        const fields = new Set(numbers.map((n) => `${n.objectApiName}.${n.field}`));
        assert.deepEqual([...fields].sort(), [
            'Account.Phone',
            'Contact.MobilePhone',
            'Contact.Phone',
            'Lead.MobilePhone',
            'Lead.Phone'
        ]);
        assert.ok(numbers.length >= 150, `${numbers.length} numbers`);
        assert.ok(
            numbers.some((n) => n.country !== 'US' && !n.stored.startsWith('+')),
            'numbers abroad in national format among them'
        );
    });

    for (const rep of REPS) {
        it(`dials each from the search and from Make a Call, for a rep in ${rep.country}`, async () => {
            const phone = await phoneNumbers();
            org.signIn(rep.email);
            saveUserConnection(org, {
                userId: org.user.id,
                accessToken: rep.token,
                expiresAt: new Date(Date.now() + 3600_000).toISOString(),
                refreshToken: 'refresh-token',
                webexPersonId: rep.email,
                displayName: rep.email,
                email: rep.email,
                connectedAt: new Date().toISOString(),
                problem: null
            });
            const settings = await controller.getDialerSettings();
            assert.equal(settings.defaultCountry, rep.country, 'the rep’s own country is not the records’');

            /** What the dialer does with the number a result or Make a Call hands it, and what Webex is asked. */
            const dialled = async (
                option: WebexPhoneOption
            ): Promise<{ webex: string; extension: string | null } | { handed: string; problem: string }> => {
                const handed = phone.numberToDial(option);
                const reading = phone.parsePhoneNumber(handed, settings.defaultCountry);
                if (!reading.valid) return { handed, problem: reading.problem };
                const { e164, extension } = reading.number;
                const { callId } = await controller.dial({
                    destination: extension ? `${e164};ext=${extension}` : e164
                });
                const leg = emulator.state.calls.legs.find((call) => call.id === callId);
                assert.ok(leg, 'Webex placed the call');
                await controller.hangup({ callId });
                return { webex: String(leg.remoteParty.number), extension };
            };

            const wrong: string[] = [];
            for (const n of numbers) {
                const expected = expectedNumber(n.stored, n.country);
                const record = org.records.list(n.objectApiName).find((r) => r.Name === n.name);
                assert.ok(record, `${n.objectApiName} ${n.name} is seeded`);

                const offered = (await controller.getRecordPhones({ recordId: record.Id })).phones.find(
                    (p) => p.field === n.field
                );
                assert.ok(offered, `Make a Call offers ${n.name}'s ${n.field}`);
                assert.equal(offered.number, n.stored, 'shown as stored');
                const fromMakeACall = await dialled(offered);
                if (
                    !('webex' in fromMakeACall) ||
                    fromMakeACall.webex !== expected.e164 ||
                    fromMakeACall.extension !== expected.extension
                )
                    wrong.push(`Make a Call ${n.name} ${n.field} ${n.stored}: ${JSON.stringify(fromMakeACall)}`);

                // Accounts are not among the dialer's search objects (People Search "Dialer": Contacts, Leads).
                if (n.objectApiName === 'Account') continue;
                const found = (await controller.searchPeople({ searchTerm: n.name })).find(
                    (m) => m.recordId === record.Id
                );
                const result = found?.phones.find((p) => p.field === n.field);
                assert.ok(result, `the search for "${n.name}" shows its ${n.field}`);
                const fromSearch = await dialled(result);
                if (
                    !('webex' in fromSearch) ||
                    fromSearch.webex !== expected.e164 ||
                    fromSearch.extension !== expected.extension
                )
                    wrong.push(`search ${n.name} ${n.field} ${n.stored}: ${JSON.stringify(fromSearch)}`);
            }
            assert.deepEqual(wrong, [], 'each number dials as the E.164 number of its record’s country');
        });
    }
});
