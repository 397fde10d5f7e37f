/**
 * The dialer's number field (B1): what is typed, the person whose number was chosen, the search as one
 * types (`c/webexDialerSearch`), and why the number cannot be called, in the terms of what was typed.
 *
 * The component shows `state` and puts `state.problem` on the field; nothing here touches the page.
 * - Typing (or the keypad) forgets the problem and, once the number differs from the chosen one, the
 *   person; it searches when People Search looks somewhere.
 * - A number filled from a search result, Recent or Make a Call stops the search.
 * - Reading: the number as E.164 (an extension kept as `;ext=`) in the default country, or the problem.
 */
import { DialerSearch, type DialerSearchOptions, type SearchUpdate } from 'c/webexDialerSearch';
import { formatLabel } from 'c/webexLabelFormat';
import { parsePhoneNumber, type PhoneNumberProblem } from 'c/webexPhoneNumber';
import NUMBER_IS_NAME from '@salesforce/label/c.WebexDialer_NumberIsName';
import PROBLEM_EMPTY from '@salesforce/label/c.WebexDialer_ProblemEmpty';
import PROBLEM_INVALID from '@salesforce/label/c.WebexDialer_ProblemInvalid';
import PROBLEM_CHARACTERS from '@salesforce/label/c.WebexDialer_ProblemCharacters';
import PROBLEM_COUNTRY_CODE from '@salesforce/label/c.WebexDialer_ProblemCountryCode';
import PROBLEM_COUNTRY_CODE_AFTER_PREFIX from '@salesforce/label/c.WebexDialer_ProblemCountryCodeAfterPrefix';
import PROBLEM_NO_COUNTRY from '@salesforce/label/c.WebexDialer_ProblemNoCountry';
import PROBLEM_TOO_LONG from '@salesforce/label/c.WebexDialer_ProblemTooLong';
import PROBLEM_TOO_SHORT from '@salesforce/label/c.WebexDialer_ProblemTooShort';

/** The person whose number is in the field (a search result, Make a Call's record). */
export interface ChosenPerson {
    recordId: string;
    objectApiName: string | null;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string;
    number: string;
}

/** What the number field shows. */
export interface EntryState {
    /** What is in the field, as typed. */
    number: string;
    chosen: ChosenPerson | null;
    search: SearchUpdate;
    /** Why the number cannot be called (said on the field), or null. */
    problem: string | null;
}

export interface DialerEntryOptions {
    search: (term: string) => Promise<WebexPersonMatch[]>;
    onChange: (state: EntryState) => void;
    /** The search's timers (tests pass their own). */
    searchOptions?: DialerSearchOptions;
}

export const IDLE_SEARCH: SearchUpdate = Object.freeze({
    status: 'idle',
    term: '',
    results: [],
    error: null
}) as SearchUpdate;
export const EMPTY_ENTRY: EntryState = Object.freeze({ number: '', chosen: null, search: IDLE_SEARCH, problem: null });

const PROBLEMS: Record<PhoneNumberProblem, string> = {
    EMPTY: PROBLEM_EMPTY,
    NO_NUMBER: PROBLEM_INVALID,
    INVALID_CHARACTERS: PROBLEM_CHARACTERS,
    INVALID_COUNTRY_CODE: PROBLEM_COUNTRY_CODE,
    TOO_SHORT: PROBLEM_TOO_SHORT,
    TOO_LONG: PROBLEM_TOO_LONG,
    INVALID_NUMBER: PROBLEM_INVALID,
    NO_DEFAULT_COUNTRY: PROBLEM_NO_COUNTRY
};
const LETTERS = /\p{L}/u;

/** Letters: a name is being typed (the keypad hides; Call says a name is not a number). */
export function looksLikeName(text: string): boolean {
    return LETTERS.test(text);
}

/**
 * Why `typed` cannot be called, in the terms of what was typed. Without a `+`, a calling code is only read after
 * an international prefix (`00`, or `011` in North America), so `0000` is `00` then the code `00`: saying "the
 * digits after +" would speak of a + nobody typed.
 */
export function problemText(problem: PhoneNumberProblem, typed: string): string {
    if (looksLikeName(typed)) return NUMBER_IS_NAME;
    if (problem !== 'INVALID_COUNTRY_CODE') return PROBLEMS[problem];
    const text = typed.trim();
    if (text.startsWith('+')) return PROBLEMS[problem];
    const digits = text.replace(/\D/g, '');
    const prefix = ['00', '011'].find((candidate) => digits.startsWith(candidate));
    return prefix ? formatLabel(PROBLEM_COUNTRY_CODE_AFTER_PREFIX, prefix) : PROBLEM_INVALID;
}

/** One dialer's number field. */
export class DialerEntry {
    private current: EntryState = EMPTY_ENTRY;
    private readonly onChange: (state: EntryState) => void;
    private readonly searcher: DialerSearch;

    constructor(options: DialerEntryOptions) {
        this.onChange = options.onChange;
        this.searcher = new DialerSearch(options.search, (search) => this.update({ search }), options.searchOptions);
    }

    get state(): EntryState {
        return this.current;
    }

    /** Typed or keyed in; `searchable`: People Search looks in at least one object. */
    type(value: string, searchable: boolean): void {
        const chosen = this.current.chosen && this.current.chosen.number === value ? this.current.chosen : null;
        this.update({ number: value, chosen, problem: null });
        if (searchable) this.searcher.input(value);
    }

    /** Filled from a search result, Recent or Make a Call: the search stops, the person (if any) is kept. */
    fill(number: string, chosen: ChosenPerson | null): void {
        this.stopSearch();
        this.update({ number, chosen, problem: null });
    }

    /** The call placed from this field is over: it empties. */
    clear(): void {
        this.update({ number: '', chosen: null });
    }

    /**
     * The number to dial (E.164, an extension kept as `;ext=`), the search stopped; or null, with `problem` saying
     * why and the number kept.
     */
    read(defaultCountry: string | null): string | null {
        const typed = this.current.number;
        const reading = parsePhoneNumber(typed, defaultCountry);
        if (!reading.valid) {
            this.update({ problem: problemText(reading.problem, typed) });
            return null;
        }
        this.stopSearch();
        const { e164, extension } = reading.number;
        return extension ? `${e164};ext=${extension}` : e164;
    }

    /** The dialer goes: no search may answer after it. */
    close(): void {
        this.searcher.cancel();
    }

    private stopSearch(): void {
        this.searcher.cancel();
        this.update({ search: IDLE_SEARCH });
    }

    private update(change: Partial<EntryState>): void {
        this.current = { ...this.current, ...change };
        this.onChange(this.current);
    }
}
