/**
 * The form that creates a Webex space for a record (D.1, D.17), used by the "Create Space" quick action and by
 * "Webex Spaces"; without a title it adds people to a space (`space-id` set).
 *
 * - The record's own people (an Opportunity's contact roles, an Account's Contacts, a Case's Contact, the Contact or
 *   Lead itself: `WebexSpacesController.getRecordPeople`) are ticked when they have an email; one without an email is
 *   shown with "No email" and cannot be ticked (Webex adds people by email).
 * - People and colleagues are searched from 2 characters (Contacts and Leads as "People Search" allows for spaces,
 *   D.19, and active users); a result is added to the chosen list, which shows everyone who will be added, each
 *   with Remove.
 * - Create (or Add people) calls Apex, which creates the space, adds the people and links the space to the record;
 *   `done` carries Apex's answer (`WebexCreatedSpace`: who was added, who was not and why). `cancel` leaves.
 */
import { api } from 'lwc';
import addPeople from '@salesforce/apex/WebexSpacesController.addPeople';
import createSpace from '@salesforce/apex/WebexSpacesController.createSpace';
import getRecordPeople from '@salesforce/apex/WebexSpacesController.getRecordPeople';
import searchPeople from '@salesforce/apex/WebexSpacesController.searchPeople';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { ObjectNamesElement } from 'c/webexObjectNames';
import ADD from '@salesforce/label/c.WebexSpaces_Add';
import ADD_PEOPLE from '@salesforce/label/c.WebexSpaces_AddPeople';
import ADDING from '@salesforce/label/c.WebexSpaces_Adding';
import CANCEL from '@salesforce/label/c.WebexSpaces_Cancel';
import CHOSEN from '@salesforce/label/c.WebexSpaces_Chosen';
import COLLEAGUE from '@salesforce/label/c.WebexSpaces_Colleague';
import CREATE from '@salesforce/label/c.WebexSpaces_Create';
import CREATING from '@salesforce/label/c.WebexSpaces_Creating';
import LOADING from '@salesforce/label/c.WebexSpaces_Loading';
import NO_EMAIL from '@salesforce/label/c.WebexSpaces_NoEmail';
import NO_RESULTS from '@salesforce/label/c.WebexSpaces_NoResults';
import NOBODY_CHOSEN from '@salesforce/label/c.WebexSpaces_NobodyChosen';
import RECORD_PEOPLE from '@salesforce/label/c.WebexSpaces_RecordPeople';
import REMOVE from '@salesforce/label/c.WebexSpaces_Remove';
import RETRY from '@salesforce/label/c.WebexSpaces_Retry';
import SEARCH from '@salesforce/label/c.WebexSpaces_Search';
import SEARCH_HINT from '@salesforce/label/c.WebexSpaces_SearchHint';
import SEARCHING from '@salesforce/label/c.WebexSpaces_Searching';
import TITLE from '@salesforce/label/c.WebexSpaces_SpaceTitle';
import TITLE_HELP from '@salesforce/label/c.WebexSpaces_SpaceTitleHelp';
import TITLE_TOO_LONG from '@salesforce/label/c.WebexSpaces_SpaceTitleTooLong';

/** Webex's and the link's limit on a space's title (`Title__c` is Text(255)). */
export const MAX_TITLE_LENGTH = 255;
/** The search starts from this many characters (as the controller requires). */
export const MIN_SEARCH_LENGTH = 2;
/** Typing pauses this long before the search runs. */
export const SEARCH_DELAY_MS = 300;

type Row = WebexSpaceCandidate & {
    kindLabel: string;
    ticked: boolean;
    disabled: boolean;
    removeLabel: string;
    addLabel: string;
};

export default class WebexSpaceForm extends ObjectNamesElement {
    @api recordId: string | null = null;
    /** Set: the form adds people to this space (no title). */
    @api spaceId: string | null = null;

    readonly labels = {
        cancel: CANCEL,
        chosen: CHOSEN,
        loading: LOADING,
        noEmail: NO_EMAIL,
        noResults: NO_RESULTS,
        nobodyChosen: NOBODY_CHOSEN,
        recordPeople: RECORD_PEOPLE,
        retry: RETRY,
        search: SEARCH,
        searchHint: SEARCH_HINT,
        searching: SEARCHING,
        title: TITLE,
        titleHelp: TITLE_HELP
    };

    title = '';
    people: WebexSpaceCandidate[] = [];
    chosen: WebexSpaceCandidate[] = [];
    term = '';
    results: WebexSpaceCandidate[] | null = null;
    searching = false;
    searchError: string | null = null;
    loading = true;
    loadError: string | null = null;
    saving = false;
    saveError: string | null = null;

    private searchTimer: ReturnType<typeof setTimeout> | null = null;
    private searchCount = 0;

    connectedCallback(): void {
        this.load();
    }

    disconnectedCallback(): void {
        if (this.searchTimer) clearTimeout(this.searchTimer);
    }

    get isAdd(): boolean {
        return Boolean(this.spaceId);
    }

    get showTitle(): boolean {
        return !this.isAdd;
    }

    get submitLabel(): string {
        if (this.isAdd) return this.saving ? ADDING : ADD_PEOPLE;
        return this.saving ? CREATING : CREATE;
    }

    get submitDisabled(): boolean {
        return this.saving || this.loading || (this.isAdd && this.chosen.length === 0);
    }

    get recordRows(): Row[] {
        return this.people.map((person) => this.row(person));
    }

    get hasRecordPeople(): boolean {
        return this.people.length > 0;
    }

    get resultRows(): Row[] {
        return (this.results ?? []).map((person) => this.row(person));
    }

    get hasNoResults(): boolean {
        return Boolean(this.results) && this.results?.length === 0 && !this.searching;
    }

    get chosenRows(): Row[] {
        return this.chosen.map((person) => this.row(person));
    }

    get hasChosen(): boolean {
        return this.chosen.length > 0;
    }

    get chosenLabel(): string {
        return formatLabel(CHOSEN, this.chosen.length);
    }

    handleTitle(event: CustomEvent<{ value: string }>): void {
        this.title = event.detail.value ?? '';
        const field = this.template?.querySelector<HTMLElement & LightningInputValidity>('[data-title]');
        field?.setCustomValidity(this.title.length > MAX_TITLE_LENGTH ? TITLE_TOO_LONG : '');
        field?.reportValidity();
    }

    handleTick(event: Event): void {
        const input = event.target as HTMLInputElement;
        const person = this.people.find((item) => item.id === input.dataset.id);
        if (!person || person.noEmail) return;
        if (input.checked) this.choose(person);
        else this.unchoose(person.id);
    }

    handleRemove(event: Event): void {
        this.unchoose((event.currentTarget as HTMLElement).dataset.id ?? '');
    }

    handleAddResult(event: Event): void {
        const person = this.results?.find((item) => item.id === (event.currentTarget as HTMLElement).dataset.id);
        if (person && !person.noEmail) this.choose(person);
    }

    handleSearch(event: CustomEvent<{ value: string }>): void {
        this.term = event.detail.value ?? '';
        if (this.searchTimer) clearTimeout(this.searchTimer);
        this.searchError = null;
        if (this.term.trim().length < MIN_SEARCH_LENGTH) {
            this.results = null;
            this.searching = false;
            return;
        }
        // Typing pauses before the search: one request per word rather than one per key.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.searchTimer = setTimeout(() => this.search(), SEARCH_DELAY_MS);
    }

    /** The load error keeps its space from the title above it; the loading line and nothing need none. */
    get loadStateClass(): string {
        return this.loadError && !this.loading ? 'slds-m-top_small' : '';
    }

    handleRetryLoad(): void {
        this.load();
    }

    handleCancel(): void {
        this.dispatchEvent(new CustomEvent('cancel'));
    }

    async handleSubmit(): Promise<void> {
        const recordId = this.recordId;
        if (!recordId || this.submitDisabled) return;
        if (this.title.length > MAX_TITLE_LENGTH) {
            this.template?.querySelector<HTMLElement & LightningInputValidity>('[data-title]')?.reportValidity();
            return;
        }
        this.saving = true;
        this.saveError = null;
        const memberIds = this.chosen.map((person) => person.id);
        try {
            const result = this.spaceId
                ? await addPeople({ recordId, spaceId: this.spaceId, memberIds })
                : await createSpace({ recordId, title: this.title.trim(), memberIds });
            this.dispatchEvent(new CustomEvent('done', { detail: result }));
        } catch (error) {
            this.saveError = toWebexError(error).message;
        } finally {
            this.saving = false;
        }
    }

    private async load(): Promise<void> {
        const recordId = this.recordId;
        if (!recordId) return;
        this.loading = true;
        this.loadError = null;
        try {
            this.people = (await getRecordPeople({ recordId })) ?? [];
            // The record's people with an email are ticked: the usual space is the record's team.
            for (const person of this.people) if (!person.noEmail && person.email) this.choose(person);
        } catch (error) {
            this.loadError = toWebexError(error).message;
        } finally {
            this.loading = false;
        }
    }

    private async search(): Promise<void> {
        const recordId = this.recordId;
        const term = this.term.trim();
        if (!recordId) return;
        const count = ++this.searchCount;
        this.searching = true;
        try {
            const results = await searchPeople({ recordId, term });
            if (count === this.searchCount) this.results = results;
        } catch (error) {
            if (count === this.searchCount) this.searchError = toWebexError(error).message;
        } finally {
            if (count === this.searchCount) this.searching = false;
        }
    }

    private choose(person: WebexSpaceCandidate): void {
        if (!this.chosen.some((item) => item.id === person.id)) this.chosen = [...this.chosen, person];
    }

    private unchoose(id: string): void {
        this.chosen = this.chosen.filter((person) => person.id !== id);
    }

    private row(person: WebexSpaceCandidate): Row {
        const kind = person.kind === 'User' ? COLLEAGUE : this.objectNames[person.kind].label;
        const ticked = this.chosen.some((item) => item.id === person.id);
        return {
            ...person,
            kindLabel: person.detail ? `${kind} · ${person.detail}` : kind,
            ticked,
            disabled: person.noEmail || this.saving,
            removeLabel: formatLabel(REMOVE, person.name),
            addLabel: formatLabel(ADD, person.name)
        };
    }
}

/** The validity API of lightning-input the title field uses. */
interface LightningInputValidity {
    setCustomValidity(message: string): void;
    reportValidity(): boolean;
}
