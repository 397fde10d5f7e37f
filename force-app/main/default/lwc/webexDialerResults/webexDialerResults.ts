/**
 * The dialer's search results under the number field: each Contact or Lead with its account (or
 * company) and each of its phone numbers with the field's label, as a button named "Call <person>, <field>,
 * <number>" (a click, Enter or Space). Choosing a number fires `choose` (`detail`: the person and the number),
 * and the dialer calls it.
 *
 * While a search runs the previous results stay; a search that finds nothing says the number can still
 * be called; a failed search says why (the dialer still works: the person can dial the number).
 */
import { api } from 'lwc';
import { formatLabel } from 'c/webexLabelFormat';
import { ObjectNamesElement } from 'c/webexObjectNames';
import { numberToDial } from 'c/webexPhoneNumber';
import CALL_NUMBER from '@salesforce/label/c.WebexDialer_CallNumber';
import NO_MATCH from '@salesforce/label/c.WebexDialer_NoMatch';
import RESULTS from '@salesforce/label/c.WebexDialer_Results';
import SEARCH_FAILED from '@salesforce/label/c.WebexDialer_SearchFailed';
import SEARCHING from '@salesforce/label/c.WebexDialer_Searching';

/** What `choose` carries. */
export interface ChosenNumber {
    recordId: string;
    objectApiName: string;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
    number: string;
    field: string;
}

export default class WebexDialerResults extends ObjectNamesElement {
    /** The search's state (c/webexDialerSearch `SearchUpdate`). */
    @api update: { status: string; term: string; results: WebexPersonMatch[]; error: string | null } | null = null;

    readonly labels = { searching: SEARCHING, searchFailed: SEARCH_FAILED };

    /** The list's name: the objects searched, as the org names them ("Contacts and Prospects"). */
    get resultsLabel(): string {
        return formatLabel(RESULTS, this.objectNames.Contact.labelPlural, this.objectNames.Lead.labelPlural);
    }

    get noMatchText(): string {
        return formatLabel(NO_MATCH, this.objectNames.Contact.labelPlural, this.objectNames.Lead.labelPlural);
    }

    get isSearching(): boolean {
        return this.update?.status === 'searching';
    }

    get error(): string | null {
        return this.update?.status === 'error' ? this.update.error : null;
    }

    get errorText(): string {
        return `${SEARCH_FAILED} ${this.error ?? ''}`.trim();
    }

    get isEmpty(): boolean {
        return this.update?.status === 'done' && this.update.results.length === 0;
    }

    get hasResults(): boolean {
        return this.people.length > 0;
    }

    get people() {
        return (this.update?.results ?? []).map((person) => ({
            ...person,
            subtitle: [person.objectLabel, person.accountName].filter(Boolean).join(' · '),
            phones: person.phones.map((phone) => ({
                ...phone,
                key: `${person.recordId}-${phone.field}`,
                ariaLabel: formatLabel(CALL_NUMBER, person.name, phone.label, phone.number)
            }))
        }));
    }

    handleChoose(event: Event): void {
        const { recordId, field } = (event.currentTarget as HTMLElement).dataset;
        const person = this.update?.results.find((p) => p.recordId === recordId);
        const phone = person?.phones.find((p) => p.field === field);
        if (!person || !phone) return;
        const detail: ChosenNumber = {
            recordId: person.recordId,
            objectApiName: person.objectApiName,
            name: person.name,
            // The E.164 number of the record's country (issue 10 item 6): the dialer reads the rest in the rep's.
            number: numberToDial(phone),
            field: phone.field
        };
        this.dispatchEvent(new CustomEvent('choose', { detail }));
    }
}
