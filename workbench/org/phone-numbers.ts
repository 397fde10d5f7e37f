/**
 * Phone numbers in the emulated org, read by the very module the dialer runs (lwc/webexPhoneNumber),
 * so the emulated Apex (WebexPhoneNumbers) and the components agree on every number, as the Apex and
 * the component do (scripts/checks/phone-plans-drift.test.ts holds those two together).
 *
 * That module reads the user's locale from `@salesforce/i18n/locale`, which only the platform (or the
 * workbench's page build) provides. Node gets a stand-in through a module-resolution hook registered
 * once, before the first import; every caller here passes the country explicitly, so the stand-in's
 * value is never used.
 */
import { register } from 'node:module';
import type * as PhoneNumberModule from '../../force-app/main/default/lwc/webexPhoneNumber/webexPhoneNumber.ts';

const LOCALE_STAND_IN = `export async function resolve(specifier, context, next) {
    if (specifier === '@salesforce/i18n/locale')
        return { url: 'data:text/javascript,export default "en-US"', shortCircuit: true };
    return next(specifier, context);
}`;

let loading: Promise<typeof PhoneNumberModule> | undefined;

/** The dialer's phone-number module (normalizeToE164, countryFromLocale, defaultCountryFor…). */
export function phoneNumbers(): Promise<typeof PhoneNumberModule> {
    if (!loading) {
        register(`data:text/javascript,${encodeURIComponent(LOCALE_STAND_IN)}`);
        loading = import('../../force-app/main/default/lwc/webexPhoneNumber/webexPhoneNumber.ts');
    }
    return loading;
}

/**
 * As WebexRecordCountry: the field holding the country of an object's records (a Contact's mailing address,
 * a Lead's address, an Account's billing address; the emulated org has no State and Country/Territory
 * Picklists, so no `…CountryCode` fields), or null for an object without an address country.
 */
export const COUNTRY_FIELDS: Readonly<Record<string, string>> = {
    Contact: 'MailingCountry',
    Lead: 'Country',
    Account: 'BillingCountry'
};

/**
 * As WebexRecordCountry.of: the country a record's national numbers are read in, for the dialer's search,
 * Make a Call and caller matching alike: the record's country when it is an ISO code with a plan, else
 * `fallback` (the user's country).
 */
export async function recordCountry(
    objectApiName: string,
    record: Readonly<Record<string, unknown>>,
    fallback: string | null
): Promise<string | null> {
    const field = COUNTRY_FIELDS[objectApiName];
    const value = field ? record[field] : undefined;
    return (await phoneNumbers()).defaultCountryFor(typeof value === 'string' ? value : null, fallback);
}
