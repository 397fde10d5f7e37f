/**
 * Who has one feature (A7), reusable by every feature's section of the Webex Admin tab: the "Enable for all
 * profiles/users" switch and, when it is off, a picker that searches Profiles and Users as the administrator
 * types, adds them and lists them with a remove button each.
 *
 * Changes stay in the component until Save, which sends the whole choice in one call (one transaction on the
 * server): "Unsaved changes" says there is something to save, and a failure keeps every choice on screen with the
 * reason. The search waits for a pause in typing (debounced), needs 2 characters, and ignores an answer that
 * arrives after a newer search started.
 */
import { LightningElement, api } from 'lwc';
import getFeatureAccess from '@salesforce/apex/WebexEnablementController.getFeatureAccess';
import saveFeatureAccess from '@salesforce/apex/WebexEnablementController.saveFeatureAccess';
import searchProfilesAndUsers from '@salesforce/apex/WebexEnablementController.searchProfilesAndUsers';
import { toWebexError } from 'c/webexErrors';
import { IDLE, SectionFlow, type SectionState } from 'c/webexAdminSectionFlow';
import type { SectionFrame } from 'c/webexAdminSection';
import { formatLabel } from 'c/webexLabelFormat';
import ADDED from '@salesforce/label/c.WebexAccess_Added';
import ALL_ON_HELP from '@salesforce/label/c.WebexAccess_AllOnHelp';
import ALREADY_ADDED from '@salesforce/label/c.WebexAccess_AlreadyAdded';
import EMPTY from '@salesforce/label/c.WebexAccess_Empty';
import ENABLE_FOR_ALL from '@salesforce/label/c.WebexAccess_EnableForAll';
import INACTIVE from '@salesforce/label/c.WebexAccess_Inactive';
import LIST_LABEL from '@salesforce/label/c.WebexAccess_ListLabel';
import LOAD_ERROR_TITLE from '@salesforce/label/c.WebexAccess_LoadErrorTitle';
import LOADING from '@salesforce/label/c.WebexAccess_Loading';
import NO_RESULTS from '@salesforce/label/c.WebexAccess_NoResults';
import ONLY_THESE from '@salesforce/label/c.WebexAccess_OnlyThese';
import REMOVE from '@salesforce/label/c.WebexAccess_Remove';
import REMOVED from '@salesforce/label/c.WebexAccess_Removed';
import RESULTS_COUNT from '@salesforce/label/c.WebexAccess_ResultsCount';
import RETRY from '@salesforce/label/c.WebexAccess_Retry';
import SAVE from '@salesforce/label/c.WebexAccess_Save';
import SAVE_ERROR_TITLE from '@salesforce/label/c.WebexAccess_SaveErrorTitle';
import SAVED from '@salesforce/label/c.WebexAccess_Saved';
import SAVING from '@salesforce/label/c.WebexAccess_Saving';
import SEARCH_FAILED from '@salesforce/label/c.WebexAccess_SearchFailed';
import SEARCH_LABEL from '@salesforce/label/c.WebexAccess_SearchLabel';
import SEARCH_PLACEHOLDER from '@salesforce/label/c.WebexAccess_SearchPlaceholder';
import SEARCH_TOO_SHORT from '@salesforce/label/c.WebexAccess_SearchTooShort';
import SEARCHING from '@salesforce/label/c.WebexAccess_Searching';
import TYPE_PROFILE from '@salesforce/label/c.WebexAccess_TypeProfile';
import TYPE_USER from '@salesforce/label/c.WebexAccess_TypeUser';
import UNSAVED from '@salesforce/label/c.WebexAccess_Unsaved';

/** The frame's words. */
const labels = Object.freeze({
    save: SAVE,
    unsaved: UNSAVED,
    loadErrorTitle: LOAD_ERROR_TITLE,
    errorTitle: SAVE_ERROR_TITLE,
    retry: RETRY
});

/** The pause in typing before the search runs. */
export const SEARCH_DEBOUNCE_MS = 300;
/** The shortest term the server searches (WebexFeatureAccess.MIN_SEARCH_LENGTH). */
export const MIN_SEARCH_LENGTH = 2;

const ICONS: Record<WebexFeatureGrantee['type'], string> = {
    Profile: 'standard:user_role',
    User: 'standard:user'
};
const TYPE_LABELS: Record<WebexFeatureGrantee['type'], string> = { Profile: TYPE_PROFILE, User: TYPE_USER };

function sameIds(left: WebexFeatureGrantee[], right: WebexFeatureGrantee[]): boolean {
    if (left.length !== right.length) return false;
    const ids = new Set(left.map((grantee) => grantee.id));
    return right.every((grantee) => ids.has(grantee.id));
}

/** "User • sam.rep@acme.example", the line under a name. */
function metaOf(grantee: WebexFeatureGrantee, ...extra: string[]): string {
    return [TYPE_LABELS[grantee.type], grantee.detail, ...extra].filter(Boolean).join(' • ');
}

function byName(left: WebexFeatureGrantee, right: WebexFeatureGrantee): number {
    return left.name.localeCompare(right.name) || left.type.localeCompare(right.type);
}

export default class WebexAdminEnablement extends LightningElement {
    /** The feature whose access this edits (`WebexFeature`). */
    @api feature?: WebexFeature;
    /** The feature's name as administrators see it ("Webex Outbound Call Log"). */
    @api label = '';
    /** One sentence saying what the feature does (optional). */
    @api description = '';
    /**
     * The switch's own words when the admin guide gives them for this feature ("Enable instant chat for all
     * profiles/users"); without them the switch reads "Enable for all profiles/users" after the feature's name.
     */
    @api switchLabel = '';

    readonly labels = {
        allOnHelp: ALL_ON_HELP,
        onlyThese: ONLY_THESE,
        searchLabel: SEARCH_LABEL,
        searchPlaceholder: SEARCH_PLACEHOLDER,
        listLabel: LIST_LABEL,
        empty: EMPTY,
        inactive: INACTIVE
    };

    /** What the server last said; null until it answered. */
    saved: WebexFeatureAccessState | null = null;
    /** The administrator's choice, saved or not. */
    enabledForAll = false;
    grantees: WebexFeatureGrantee[] = [];

    state: SectionState = IDLE;
    private readonly flow = new SectionFlow(this, {
        title: () => this.label,
        busyMessages: { loading: LOADING, saving: SAVING }
    });
    /** Read out by screen readers after an add or a remove. */
    announcement = '';

    searchTerm = '';
    results: WebexFeatureGrantee[] = [];
    searching = false;
    searchError: string | null = null;
    /** The term the shown results are for (null before any search). */
    searchedTerm: string | null = null;
    listboxOpen = false;
    activeIndex = -1;

    private searchTimer: ReturnType<typeof setTimeout> | null = null;
    private searchSequence = 0;

    connectedCallback(): void {
        this.handleRetry();
    }

    disconnectedCallback(): void {
        this.cancelPendingSearch();
    }

    // ---- what the template shows ----

    get frame(): SectionFrame {
        return {
            heading: this.label,
            help: this.description,
            nested: true,
            compact: true,
            dirty: this.isDirty,
            labels
        };
    }

    get isBusy(): boolean {
        return this.flow.isBusy;
    }

    /**
     * Accessible name of the switch: the feature first, as six switches share the page. Words of its own already
     * name the feature, so they need no prefix.
     */
    get switchPrefix(): string {
        return this.label && !this.switchLabel ? `${this.label}: ` : '';
    }

    /** What the switch says: its own words, else "Enable for all profiles/users". */
    get enableForAllLabel(): string {
        return this.switchLabel || ENABLE_FOR_ALL;
    }

    get isDirty(): boolean {
        if (!this.saved) return false;
        return this.enabledForAll !== this.saved.enabledForAll || !sameIds(this.grantees, this.saved.grantees);
    }

    get showPicker(): boolean {
        return this.saved !== null && !this.enabledForAll;
    }

    get hasGrantees(): boolean {
        return this.grantees.length > 0;
    }

    get granteeRows() {
        return this.grantees.map((grantee) => ({
            ...grantee,
            iconName: ICONS[grantee.type],
            typeLabel: TYPE_LABELS[grantee.type],
            meta: metaOf(grantee),
            inactive: grantee.active === false,
            removeLabel: formatLabel(REMOVE, grantee.name, TYPE_LABELS[grantee.type])
        }));
    }

    get resultRows() {
        const chosen = new Set(this.grantees.map((grantee) => grantee.id));
        return this.results.map((result, index) => {
            const added = chosen.has(result.id);
            const active = index === this.activeIndex;
            return {
                ...result,
                domId: `option-${index}`,
                index,
                iconName: ICONS[result.type],
                typeLabel: TYPE_LABELS[result.type],
                meta: added ? metaOf(result, ALREADY_ADDED) : metaOf(result),
                added,
                selected: active ? 'true' : 'false',
                disabled: added ? 'true' : null,
                optionClass: `slds-media slds-listbox__option slds-listbox__option_entity slds-listbox__option_has-meta${active ? ' slds-has-focus' : ''}${added ? ' option-added' : ''}`
            };
        });
    }

    get activeDescendant(): string | null {
        return this.listboxOpen && this.activeIndex >= 0 ? `option-${this.activeIndex}` : null;
    }

    get comboboxClass(): string {
        return `slds-combobox slds-dropdown-trigger slds-dropdown-trigger_click${this.listboxOpen ? ' slds-is-open' : ''}`;
    }

    get expanded(): string {
        return this.listboxOpen ? 'true' : 'false';
    }

    /** The line under the search field: too short, searching, nothing found, or how many were found. */
    get searchHint(): string | null {
        const term = this.searchTerm.trim();
        if (this.searchError) return null;
        if (term.length > 0 && term.length < MIN_SEARCH_LENGTH) return SEARCH_TOO_SHORT;
        if (this.searching) return SEARCHING;
        if (this.searchedTerm !== null && term === this.searchedTerm) {
            return this.results.length
                ? formatLabel(RESULTS_COUNT, this.results.length)
                : formatLabel(NO_RESULTS, this.searchedTerm);
        }
        return null;
    }

    // ---- what the administrator does ----

    handleToggle(event: CustomEvent<{ checked: boolean }>): void {
        this.enabledForAll = event.detail.checked;
        this.flow.edited();
        if (this.enabledForAll) this.closeListbox();
    }

    handleSearchInput(event: Event): void {
        this.searchTerm = (event.target as HTMLInputElement).value ?? '';
        this.searchError = null;
        this.cancelPendingSearch();
        const term = this.searchTerm.trim();
        if (term.length < MIN_SEARCH_LENGTH) {
            // Too short to search: nothing is asked of the server, earlier results go away.
            this.searchSequence += 1;
            this.searching = false;
            this.results = [];
            this.searchedTerm = null;
            this.closeListbox();
            return;
        }
        this.searching = true;
        // A deliberate pause: search once the administrator stops typing, not on every key.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        this.searchTimer = setTimeout(() => {
            this.searchTimer = null;
            this.search(term);
        }, SEARCH_DEBOUNCE_MS);
    }

    handleSearchKeyDown(event: KeyboardEvent): void {
        const count = this.results.length;
        switch (event.key) {
            case 'ArrowDown':
            case 'ArrowUp': {
                if (!count) return;
                event.preventDefault();
                const step = event.key === 'ArrowDown' ? 1 : -1;
                this.listboxOpen = true;
                this.activeIndex =
                    this.activeIndex < 0 ? (step > 0 ? 0 : count - 1) : (this.activeIndex + step + count) % count;
                this.scrollActiveOptionIntoView();
                return;
            }
            case 'Enter':
                // Never submits anything else: Enter in the search field only ever adds the highlighted result.
                event.preventDefault();
                if (this.listboxOpen && this.activeIndex >= 0) this.addResult(this.activeIndex);
                return;
            case 'Escape':
                if (this.listboxOpen) {
                    event.preventDefault();
                    event.stopPropagation();
                    this.closeListbox();
                }
                break;
            default:
        }
    }

    handleSearchFocus(): void {
        if (!this.results.length) return;
        this.listboxOpen = true;
        this.activeIndex = this.firstAddableIndex();
    }

    handleSearchBlur(): void {
        this.closeListbox();
    }

    /** Keeps the focus in the search field while a result is clicked. */
    handleOptionMouseDown(event: Event): void {
        event.preventDefault();
    }

    handleOptionClick(event: Event): void {
        const index = Number((event.currentTarget as HTMLElement).dataset.index);
        this.addResult(index);
    }

    handleRemove(event: Event): void {
        const id = (event.currentTarget as HTMLElement).dataset.id;
        const removed = this.grantees.find((grantee) => grantee.id === id);
        if (!removed) return;
        this.grantees = this.grantees.filter((grantee) => grantee.id !== id);
        this.flow.edited();
        this.announcement = formatLabel(REMOVED, removed.name);
        // The button that had the focus is gone: give it to the search field.
        this.focusSearch();
    }

    async handleSave(): Promise<void> {
        const feature = this.feature;
        if (!feature || this.isBusy || !this.isDirty) return;
        const request = {
            feature,
            enabledForAll: this.enabledForAll,
            granteeIds: this.grantees.map((grantee) => grantee.id)
        };
        // A failure keeps the switch and the list as the administrator left them.
        await this.flow.run('saving', () => saveFeatureAccess(request), {
            apply: (state) => this.apply(state),
            success: () => formatLabel(SAVED, this.label)
        });
    }

    handleRetry(): void {
        const feature = this.feature;
        if (!feature) return;
        this.flow.load(
            () => getFeatureAccess({ feature }),
            (state) => this.apply(state)
        );
    }

    // ---- the rest ----

    private apply(state: WebexFeatureAccessState): void {
        const grantees = [...(state?.grantees ?? [])].sort(byName);
        this.saved = { ...state, enabledForAll: Boolean(state?.enabledForAll), grantees };
        this.enabledForAll = this.saved.enabledForAll;
        this.grantees = grantees;
    }

    private async search(term: string): Promise<void> {
        const sequence = ++this.searchSequence;
        this.searching = true;
        try {
            const found = await searchProfilesAndUsers({ searchTerm: term });
            if (sequence !== this.searchSequence) return;
            this.results = found ?? [];
            this.searchedTerm = term;
            this.activeIndex = this.firstAddableIndex();
            this.listboxOpen = this.results.length > 0;
        } catch (error) {
            if (sequence !== this.searchSequence) return;
            this.results = [];
            this.searchedTerm = null;
            this.closeListbox();
            this.searchError = formatLabel(SEARCH_FAILED, toWebexError(error).message);
        } finally {
            if (sequence === this.searchSequence) this.searching = false;
        }
    }

    /** The first result that is not in the list yet (-1 when every one is). */
    private firstAddableIndex(): number {
        return this.results.findIndex((result) => !this.isChosen(result.id));
    }

    private isChosen(id: string): boolean {
        return this.grantees.some((grantee) => grantee.id === id);
    }

    private addResult(index: number): void {
        const result = this.results[index];
        if (!result || this.isChosen(result.id)) return;
        this.grantees = [...this.grantees, result].sort(byName);
        this.flow.edited();
        this.announcement = formatLabel(ADDED, result.name);
        this.searchTerm = '';
        this.results = [];
        this.searchedTerm = null;
        this.closeListbox();
    }

    private closeListbox(): void {
        this.listboxOpen = false;
        this.activeIndex = -1;
    }

    private cancelPendingSearch(): void {
        if (this.searchTimer !== null) clearTimeout(this.searchTimer);
        this.searchTimer = null;
    }

    private focusSearch(): void {
        const input = this.refs?.searchInput as HTMLInputElement | undefined;
        input?.focus();
    }

    private scrollActiveOptionIntoView(): void {
        const option = this.template?.querySelector<HTMLElement>(`[data-index="${this.activeIndex}"]`);
        if (option && typeof option.scrollIntoView === 'function') option.scrollIntoView({ block: 'nearest' });
    }
}
