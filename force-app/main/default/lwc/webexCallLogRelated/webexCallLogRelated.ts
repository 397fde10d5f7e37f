/**
 * "Related to" of the call-log panel: an object among those the administrator chose for the call's direction, then
 * a record of it found by name as the rep types (WebexCallLogController.searchRelatedRecords, in the rep's access).
 * The chosen record shows as a pill that can be removed.
 *
 * A native select chooses the object (lightning-combobox needs element internals the workbench's synthetic shadow
 * lacks; a select is as accessible). Keyboard: type in the search box, Down Arrow moves to the results (Up/Down between them, Enter or Space picks
 * one, Escape goes back to the box). Fires `change` with `{ recordId, objectApiName, name }` (null when removed).
 */
import { LightningElement, api } from 'lwc';
import searchRelatedRecords from '@salesforce/apex/WebexCallLogController.searchRelatedRecords';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import NO_MATCH from '@salesforce/label/c.WebexCallLog_NoMatch';
import RELATED_OBJECT from '@salesforce/label/c.WebexCallLog_RelatedObject';
import REMOVE_RELATED from '@salesforce/label/c.WebexCallLog_RemoveRelated';
import RESULTS from '@salesforce/label/c.WebexCallLog_Results';
import RESULTS_ONE from '@salesforce/label/c.WebexCallLog_ResultsOne';
import SEARCH_HELP from '@salesforce/label/c.WebexCallLog_SearchHelp';
import SEARCH_RECORDS from '@salesforce/label/c.WebexCallLog_SearchRecords';
import SEARCHING from '@salesforce/label/c.WebexCallLog_Searching';

/** Shorter texts are not searched (the server answers nothing for them either). */
export const MIN_TERM_LENGTH = 2;
/** Typing pauses this long before a search goes out: one request per word, not per key. */
export const SEARCH_DELAY_MS = 300;

export interface RelatedChange {
    recordId: string | null;
    objectApiName: string | null;
    /** The record's name, as the results showed it (what the saved log's confirmation names). */
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    name: string | null;
}

export default class WebexCallLogRelated extends LightningElement {
    /** `Outbound` or `Inbound`: whose related objects the server allows. */
    @api direction: WebexCallLogInput['direction'] = 'Outbound';

    private objects: WebexObjectOption[] = [];
    /** The objects offered, in the administrator's order. */
    @api
    get relatedObjects(): WebexObjectOption[] {
        return this.objects;
    }
    set relatedObjects(value: WebexObjectOption[] | null | undefined) {
        this.objects = Array.isArray(value) ? value : [];
        if (!this.objects.some((o) => o.apiName === this.objectApiName))
            this.objectApiName = this.objects[0]?.apiName ?? null;
    }

    readonly labels = { relatedObject: RELATED_OBJECT, searchHelp: SEARCH_HELP };

    objectApiName: string | null = null;
    term = '';
    results: WebexRecordOption[] = [];
    searching = false;
    searchError: string | null = null;
    /** What the last answered search looked for (to say "no match" for it). */
    searchedTerm: string | null = null;
    selected: { id: string; name: string; objectApiName: string } | null = null;

    private timer: ReturnType<typeof setTimeout> | null = null;
    private sequence = 0;

    disconnectedCallback(): void {
        this.cancelPending();
    }

    get hasSeveralObjects(): boolean {
        return this.objects.length > 1;
    }

    get objectOptions(): Array<{ label: string; value: string; selected: boolean }> {
        return this.objects.map((o) => ({
            label: o.label,
            value: o.apiName,
            selected: o.apiName === this.objectApiName
        }));
    }

    get objectLabel(): string {
        return this.objects.find((o) => o.apiName === this.objectApiName)?.label ?? '';
    }

    get searchLabel(): string {
        return formatLabel(SEARCH_RECORDS, this.objectLabel);
    }

    /** "Accounts: Acme Robotics", for the pill's tooltip. */
    get selectedTitle(): string {
        const objectLabel = this.objects.find((o) => o.apiName === this.selected?.objectApiName)?.label;
        return objectLabel ? `${objectLabel}: ${this.selected?.name ?? ''}` : (this.selected?.name ?? '');
    }

    get removeLabel(): string {
        return formatLabel(REMOVE_RELATED, this.selected?.name ?? '');
    }

    get hasResults(): boolean {
        return this.results.length > 0;
    }

    /** What the live region says: searching, how many were found, or that none matched. */
    get status(): string {
        if (this.searching) return SEARCHING;
        if (this.searchError) return '';
        // One and many, in English and French alike: zero never gets here (it is "no record matches").
        const count = this.results.length;
        if (count) return formatLabel(count === 1 ? RESULTS_ONE : RESULTS, count);
        if (this.searchedTerm !== null && this.searchedTerm === this.term.trim())
            return formatLabel(NO_MATCH, this.searchedTerm);
        return '';
    }

    handleObjectChange(event: Event): void {
        this.objectApiName = (event.target as HTMLSelectElement).value;
        this.clearSearch();
        if (this.term.trim().length >= MIN_TERM_LENGTH) this.schedule();
    }

    handleTermChange(event: CustomEvent<{ value: string }>): void {
        this.term = event.detail.value ?? '';
        this.schedule();
    }

    handleSearchKeydown(event: KeyboardEvent): void {
        if (event.key === 'ArrowDown' && this.results.length) {
            event.preventDefault();
            this.focusResult(0);
        }
    }

    handleResultKeydown(event: KeyboardEvent): void {
        const index = Number((event.currentTarget as HTMLElement).dataset.index);
        if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
            event.preventDefault();
            const next = index + (event.key === 'ArrowDown' ? 1 : -1);
            if (next < 0) this.focusSearch();
            else this.focusResult(Math.min(next, this.results.length - 1));
        } else if (event.key === 'Escape') {
            event.preventDefault();
            this.focusSearch();
        }
    }

    handlePick(event: Event): void {
        const { id, name } = (event.currentTarget as HTMLElement).dataset;
        if (!id || !this.objectApiName) return;
        this.selected = { id, name: name ?? id, objectApiName: this.objectApiName };
        this.term = '';
        this.clearSearch();
        this.notify();
    }

    handleRemove(): void {
        this.selected = null;
        this.notify();
        // Back where the rep picks another one.
        Promise.resolve().then(() => this.focusSearch());
    }

    private notify(): void {
        const detail: RelatedChange = {
            recordId: this.selected?.id ?? null,
            objectApiName: this.selected?.objectApiName ?? null,
            name: this.selected?.name ?? null
        };
        this.dispatchEvent(new CustomEvent('change', { detail }));
    }

    private schedule(): void {
        this.cancelPending();
        const term = this.term.trim();
        if (term.length < MIN_TERM_LENGTH || !this.objectApiName) {
            this.clearSearch();
            return;
        }
        // A pause in the typing, not a retry: one request per pause.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.timer = setTimeout(() => {
            this.timer = null;
            this.search(term);
        }, SEARCH_DELAY_MS);
    }

    private async search(term: string): Promise<void> {
        const objectApiName = this.objectApiName;
        if (!objectApiName) return;
        const mine = ++this.sequence;
        this.searching = true;
        this.searchError = null;
        try {
            const found = await searchRelatedRecords({ direction: this.direction, objectApiName, searchTerm: term });
            if (mine !== this.sequence) return;
            this.results = Array.isArray(found) ? found : [];
            this.searchedTerm = term;
        } catch (error) {
            if (mine !== this.sequence) return;
            this.results = [];
            this.searchError = toWebexError(error).message;
        } finally {
            if (mine === this.sequence) this.searching = false;
        }
    }

    private clearSearch(): void {
        this.cancelPending();
        this.sequence += 1;
        this.results = [];
        this.searching = false;
        this.searchError = null;
        this.searchedTerm = null;
    }

    private cancelPending(): void {
        if (this.timer !== null) clearTimeout(this.timer);
        this.timer = null;
    }

    private focusResult(index: number): void {
        this.template?.querySelectorAll<HTMLElement>('[data-result]')[index]?.focus();
    }

    private focusSearch(): void {
        (this.template?.querySelector('[data-search]') as HTMLElement | null)?.focus();
    }
}
