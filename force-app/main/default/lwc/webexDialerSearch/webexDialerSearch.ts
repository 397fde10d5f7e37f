/**
 * Search-as-you-type for the dialer: the Contacts and Leads (per "Webex People Search") whose name or
 * number matches what the person types.
 *
 * - Debounced: a search starts once typing pauses for `SEARCH_DELAY_MS`, short so that results follow
 *   the keyboard (the goal: keystroke → results p95 under 300 ms with 10,000 contacts).
 * - Two characters at least: one letter matches half the org.
 * - Stale answers are dropped: an answer for an older text never replaces the newer one's, whatever
 *   order the server answers in.
 */
import { toWebexError } from 'c/webexErrors';

/** Pause in typing before a search starts (ms). */
export const SEARCH_DELAY_MS = 120;
/** Shortest text searched. */
export const MIN_SEARCH_LENGTH = 2;

export type SearchStatus = 'idle' | 'searching' | 'done' | 'error';

/** What the list under the number field shows. */
export interface SearchUpdate {
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    status: SearchStatus;
    /** The text the results are for. */
    term: string;
    results: WebexPersonMatch[];
    /** A sentence for the person when the search failed. */
    error: string | null;
}

export interface DialerSearchOptions {
    delayMs?: number;
    /** Timer functions (tests pass their own). */
    setTimer?: (callback: () => void, ms: number) => unknown;
    clearTimer?: (timer: unknown) => void;
}

const IDLE: SearchUpdate = Object.freeze({ status: 'idle', term: '', results: [], error: null }) as SearchUpdate;

/** One number field's search. */
export class DialerSearch {
    private readonly search: (term: string) => Promise<WebexPersonMatch[]>;
    private readonly onUpdate: (update: SearchUpdate) => void;
    private readonly delayMs: number;
    private readonly setTimer: (callback: () => void, ms: number) => unknown;
    private readonly clearTimer: (timer: unknown) => void;
    private timer: unknown = null;
    /** Bumped for every new text: an answer carrying an older number is stale. */
    private sequence = 0;
    private lastTerm = '';
    /** The last results shown: kept while the next search runs, so the list does not flash. */
    private shown: WebexPersonMatch[] = [];

    constructor(
        search: (term: string) => Promise<WebexPersonMatch[]>,
        onUpdate: (update: SearchUpdate) => void,
        options: DialerSearchOptions = {}
    ) {
        this.search = search;
        this.onUpdate = onUpdate;
        this.delayMs = options.delayMs ?? SEARCH_DELAY_MS;
        // A debounce: the search waits for the person to pause typing.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
        this.clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
    }

    /** The field's text changed. */
    input(value: string | null | undefined): void {
        const term = (value ?? '').trim();
        if (term === this.lastTerm) return;
        this.lastTerm = term;
        this.sequence += 1;
        this.stopTimer();
        if (term.length < MIN_SEARCH_LENGTH) {
            this.shown = [];
            this.onUpdate(IDLE);
            return;
        }
        const ticket = this.sequence;
        this.timer = this.setTimer(() => {
            this.timer = null;
            this.run(term, ticket);
        }, this.delayMs);
    }

    /** Forgets the text and any search under way (a number was chosen, the dialer went). */
    cancel(): void {
        this.sequence += 1;
        this.lastTerm = '';
        this.shown = [];
        this.stopTimer();
    }

    private async run(term: string, ticket: number): Promise<void> {
        this.onUpdate({ status: 'searching', term, results: this.shown, error: null });
        try {
            const results = (await this.search(term)) ?? [];
            if (ticket !== this.sequence) return;
            this.shown = results;
            this.onUpdate({ status: 'done', term, results, error: null });
        } catch (error) {
            if (ticket !== this.sequence) return;
            this.shown = [];
            this.onUpdate({ status: 'error', term, results: [], error: toWebexError(error).message });
        }
    }

    private stopTimer(): void {
        if (this.timer !== null) this.clearTimer(this.timer);
        this.timer = null;
    }
}
