/**
 * An address country field written with an ISO code (`new Contact(MailingCountry = 'FR')`) inserts only in
 * orgs without State and Country/Territory Picklists: with them, the text field accepts only a country's
 * integration value ("France"), and the insert fails with FIELD_INTEGRITY_EXCEPTION (Salesforce Help,
 * "State and Country/Territory Picklist Field-Syncing Logic"). A subscriber running the package's tests in
 * such an org would see them fail. Put a record in a country through the field the package reads
 * (`WebexTestCalling.inCountry`: the `…CountryCode` field where it exists).
 */
import { isMain, runRules, type ApexRule, type Finding } from '../lib/apex-rule.ts';

const COUNTRY_FIELD = '(?:Mailing|Billing|Shipping|Other|PersonMailing|PersonOther)?Country';
// A field set in a constructor or on a record (`(Country = 'US'`, `, MailingCountry = 'FR'`, `.Country = 'GB'`),
// or by name (`.put('MailingCountry', 'FR')`), to a two- or three-letter code.
const WRITES = [
    new RegExp(`[(,.]\\s*(${COUNTRY_FIELD})\\s*=\\s*'([A-Za-z]{2,3})'`, 'gi'),
    new RegExp(`\\.put\\(\\s*'(${COUNTRY_FIELD})'\\s*,\\s*'([A-Za-z]{2,3})'`, 'gi')
];

export const rule: ApexRule = {
    name: 'apex-country-literal',
    readsTests: true,
    run(context) {
        const findings: Finding[] = [];
        for (const unit of context.project.units) {
            for (const pattern of WRITES) {
                for (const match of unit.source.matchAll(pattern)) {
                    const line = unit.source.slice(0, match.index).split('\n').length;
                    findings.push({
                        file: unit.file,
                        line,
                        message: `${match[1]} = '${match[2]}': an ISO code in an address country text field is refused where State and Country/Territory Picklists are on; use WebexTestCalling.inCountry(record, '${match[2].toUpperCase()}')`
                    });
                }
            }
        }
        return {
            findings,
            summary: `${context.project.units.length} file(s), no ISO code written in a country text field`
        };
    }
};

if (isMain(import.meta)) runRules([rule]);
