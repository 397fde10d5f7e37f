/**
 * "Webex People Search", a section of the Webex Admin tab (B7, C4, D4): for each search the package makes (the
 * dialer's, the matching of an inbound caller, the invitees of a meeting, the members of a space), whether it
 * looks in Contacts, Leads or both. A search may look in nothing: the section says what that turns off, and saves
 * it if the administrator insists.
 *
 * Changes stay in the section until Save, which sends every purpose at once; a failure keeps every box as the
 * administrator left it, with the reason.
 */
import getPeopleSearchSettings from '@salesforce/apex/WebexPeopleSearchController.getPeopleSearchSettings';
import savePeopleSearchSettings from '@salesforce/apex/WebexPeopleSearchController.savePeopleSearchSettings';
import { IDLE, SectionFlow, type SectionState } from 'c/webexAdminSectionFlow';
import type { SectionFrame } from 'c/webexAdminSection';
import { formatLabel } from 'c/webexLabelFormat';
import { ObjectNamesElement } from 'c/webexObjectNames';
import CHECKBOX_LABEL from '@salesforce/label/c.WebexPeople_CheckboxLabel';
import COL_SEARCH from '@salesforce/label/c.WebexPeople_ColSearch';
import DIALER from '@salesforce/label/c.WebexPeople_Dialer';
import DIALER_HELP from '@salesforce/label/c.WebexPeople_DialerHelp';
import DIALER_NONE from '@salesforce/label/c.WebexPeople_DialerNone';
import LOADING from '@salesforce/label/c.WebexPeople_Loading';
import HELP from '@salesforce/label/c.WebexPeople_Help';
import INBOUND from '@salesforce/label/c.WebexPeople_Inbound';
import INBOUND_HELP from '@salesforce/label/c.WebexPeople_InboundHelp';
import INBOUND_NONE from '@salesforce/label/c.WebexPeople_InboundNone';
import LOAD_ERROR_TITLE from '@salesforce/label/c.WebexPeople_LoadErrorTitle';
import MEETINGS from '@salesforce/label/c.WebexPeople_Meetings';
import MEETINGS_HELP from '@salesforce/label/c.WebexPeople_MeetingsHelp';
import MEETINGS_NONE from '@salesforce/label/c.WebexPeople_MeetingsNone';
import RETRY from '@salesforce/label/c.WebexPeople_Retry';
import SAVE from '@salesforce/label/c.WebexPeople_Save';
import SAVE_ERROR_TITLE from '@salesforce/label/c.WebexPeople_SaveErrorTitle';
import SAVED from '@salesforce/label/c.WebexPeople_Saved';
import SAVING from '@salesforce/label/c.WebexPeople_Saving';
import SPACES from '@salesforce/label/c.WebexPeople_Spaces';
import SPACES_HELP from '@salesforce/label/c.WebexPeople_SpacesHelp';
import SPACES_NONE from '@salesforce/label/c.WebexPeople_SpacesNone';
import TITLE from '@salesforce/label/c.WebexPeople_Title';
import UNSAVED from '@salesforce/label/c.WebexPeople_Unsaved';

/** Each purpose as the administrator reads it: its name, what it does, and what searching nothing turns off. */
export const PURPOSES: ReadonlyArray<{
    name: WebexPeopleSearchPurposeName;
    label: string;
    help: string;
    none: string;
}> = [
    { name: 'Dialer', label: DIALER, help: DIALER_HELP, none: DIALER_NONE },
    { name: 'Inbound', label: INBOUND, help: INBOUND_HELP, none: INBOUND_NONE },
    { name: 'Meetings', label: MEETINGS, help: MEETINGS_HELP, none: MEETINGS_NONE },
    { name: 'Spaces', label: SPACES, help: SPACES_HELP, none: SPACES_NONE }
];

const DEFAULT_OBJECTS: WebexPeopleSearchObject[] = ['Contact', 'Lead'];

type Choice = Record<WebexPeopleSearchPurposeName, WebexPeopleSearchObject[]>;

function toChoice(settings: WebexPeopleSearchSettings | null | undefined): Choice {
    const choice = {} as Choice;
    for (const { name } of PURPOSES) {
        choice[name] = [...(settings?.purposes?.find((p) => p.purpose === name)?.objects ?? [])];
    }
    return choice;
}

function sameChoice(left: Choice, right: Choice): boolean {
    return PURPOSES.every(({ name }) => {
        const a = [...left[name]].sort();
        const b = [...right[name]].sort();
        return a.length === b.length && a.every((value, index) => value === b[index]);
    });
}

/** The frame's words. */
const SECTION_LABELS = Object.freeze({
    save: SAVE,
    unsaved: UNSAVED,
    loadErrorTitle: LOAD_ERROR_TITLE,
    errorTitle: SAVE_ERROR_TITLE,
    retry: RETRY
});

export default class WebexAdminPeopleSearch extends ObjectNamesElement {
    readonly labels = { title: TITLE, colSearch: COL_SEARCH };

    /** What the server last said; null until it answered. */
    saved: Choice | null = null;
    /** The objects a purpose can search, in column order. */
    objects: WebexPeopleSearchObject[] = DEFAULT_OBJECTS;
    /** The administrator's choice, saved or not. */
    choice: Choice | null = null;
    state: SectionState = IDLE;
    private readonly flow = new SectionFlow(this, {
        title: TITLE,
        busyMessages: { loading: LOADING, saving: SAVING }
    });

    connectedCallback(): void {
        this.handleRetry();
    }

    get frame(): SectionFrame {
        return {
            heading: TITLE,
            iconName: 'standard:people',
            help: formatLabel(HELP, this.objectLabel('Contact'), this.objectLabel('Lead')),
            dirty: this.isDirty,
            labels: SECTION_LABELS
        };
    }

    get isBusy(): boolean {
        return this.flow.isBusy;
    }

    get isDirty(): boolean {
        return Boolean(this.saved && this.choice && !sameChoice(this.saved, this.choice));
    }

    get columns() {
        return this.objects.map((object) => ({ object, label: this.objectLabel(object) }));
    }

    /** One row per purpose: its boxes, and the warning when it searches nothing. */
    get rows() {
        const choice = this.choice;
        if (!choice) return [];
        return PURPOSES.map((purpose) => ({
            ...purpose,
            warning: choice[purpose.name].length === 0 ? purpose.none : null,
            cells: this.objects.map((object) => ({
                key: `${purpose.name}-${object}`,
                object,
                checked: choice[purpose.name].includes(object),
                label: formatLabel(CHECKBOX_LABEL, purpose.label, this.objectLabel(object))
            }))
        }));
    }

    /** The object's plural name as the org gives it (c/webexObjectNames). */
    private objectLabel(object: WebexPeopleSearchObject): string {
        return this.objectNames[object]?.labelPlural ?? object;
    }

    handleCheck(event: Event): void {
        const input = event.target as HTMLInputElement;
        const purpose = input.dataset.purpose as WebexPeopleSearchPurposeName | undefined;
        const object = input.dataset.object as WebexPeopleSearchObject | undefined;
        if (!this.choice || !purpose || !object) return;
        const others = this.choice[purpose].filter((value) => value !== object);
        // Kept in column order, as the server returns them.
        const next = input.checked ? this.objects.filter((o) => o === object || others.includes(o)) : others;
        this.choice = { ...this.choice, [purpose]: next };
        this.flow.edited();
    }

    async handleSave(): Promise<void> {
        const objectsByPurpose = this.choice;
        if (!objectsByPurpose || this.isBusy || !this.isDirty) return;
        // A failure keeps every box as the administrator left it.
        await this.flow.run('saving', () => savePeopleSearchSettings({ objectsByPurpose }), {
            apply: (settings) => this.apply(settings),
            success: SAVED
        });
    }

    handleRetry(): void {
        this.flow.load(
            () => getPeopleSearchSettings(),
            (settings) => this.apply(settings)
        );
    }

    private apply(settings: WebexPeopleSearchSettings): void {
        this.objects = settings?.availableObjects?.length ? [...settings.availableObjects] : DEFAULT_OBJECTS;
        this.saved = toChoice(settings);
        this.choice = toChoice(settings);
    }
}
