/**
 * "Webex Phone Fields", a section of the Webex Admin tab (B2): for Contact and Lead (and any other object whose
 * phone fields were chosen), the phone fields "Make a Call" offers, in order, chosen with a dual listbox. Until an
 * administrator chooses, every phone field is offered, and the section shows them all selected.
 *
 * Changes stay in the section until Save, which sends every object at once; an object left without a phone field is
 * refused before anything is sent, and any failure keeps every list as the administrator left it, with the reason.
 */
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPhoneFields from '@salesforce/apex/WebexCallingAdminController.getPhoneFields';
import savePhoneFields from '@salesforce/apex/WebexCallingAdminController.savePhoneFields';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { objectWithoutPhoneField, sameList, toListOptions, valuesOf } from 'c/webexCallingAdminForms';
import ADD from '@salesforce/label/c.WebexCallingAdmin_ListAdd';
import AVAILABLE from '@salesforce/label/c.WebexCallingAdmin_ListAvailable';
import DOWN from '@salesforce/label/c.WebexCallingAdmin_ListDown';
import HELP from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsHelp';
import LIST_LABEL from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsList';
import LOAD_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_LoadErrorTitle';
import LOADING from '@salesforce/label/c.WebexCallingAdmin_Loading';
import NONE_AVAILABLE from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsNone';
import REMOVE from '@salesforce/label/c.WebexCallingAdmin_ListRemove';
import REQUIRED from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsRequired';
import RETRY from '@salesforce/label/c.WebexCallingAdmin_Retry';
import SAVE from '@salesforce/label/c.WebexCallingAdmin_Save';
import SAVE_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_SaveErrorTitle';
import SAVED from '@salesforce/label/c.WebexCallingAdmin_Saved';
import SAVING from '@salesforce/label/c.WebexCallingAdmin_Saving';
import SELECTED from '@salesforce/label/c.WebexCallingAdmin_ListSelected';
import TITLE from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsTitle';
import UNSAVED from '@salesforce/label/c.WebexCallingAdmin_Unsaved';
import UP from '@salesforce/label/c.WebexCallingAdmin_ListUp';

type Choice = Record<string, string[]>;
type BusyAction = 'loading' | 'saving';

function toChoice(objects: readonly WebexPhoneFieldsObject[]): Choice {
    return Object.fromEntries(objects.map((entry) => [entry.objectApiName, [...(entry.selected ?? [])]]));
}

export default class WebexAdminPhoneFields extends LightningElement {
    readonly labels = {
        title: TITLE,
        help: HELP,
        available: AVAILABLE,
        selected: SELECTED,
        add: ADD,
        remove: REMOVE,
        up: UP,
        down: DOWN,
        save: SAVE,
        unsaved: UNSAVED,
        loadErrorTitle: LOAD_ERROR_TITLE,
        saveErrorTitle: SAVE_ERROR_TITLE,
        retry: RETRY
    };

    /** What the server last said; null until it answered. */
    objects: WebexPhoneFieldsObject[] | null = null;
    saved: Choice = {};
    /** The administrator's choice, saved or not, per object. */
    choice: Choice = {};
    busy: BusyAction | null = null;
    loadError: string | null = null;
    saveError: string | null = null;
    successMessage: string | null = null;

    connectedCallback(): void {
        this.load();
    }

    get isBusy(): boolean {
        return this.busy !== null;
    }

    get isLoaded(): boolean {
        return this.objects !== null;
    }

    get busyMessage(): string | null {
        if (this.busy === 'loading') return LOADING;
        if (this.busy === 'saving') return SAVING;
        return null;
    }

    get isDirty(): boolean {
        return (this.objects ?? []).some(
            (entry) => !sameList(this.saved[entry.objectApiName], this.choice[entry.objectApiName])
        );
    }

    get saveDisabled(): boolean {
        return this.isBusy || !this.isDirty;
    }

    /** One dual listbox per object (or a line saying the object has no phone field). */
    get lists() {
        return (this.objects ?? []).map((entry) => ({
            key: entry.objectApiName,
            objectApiName: entry.objectApiName,
            label: formatLabel(LIST_LABEL, entry.objectLabel),
            options: toListOptions(entry.available),
            value: this.choice[entry.objectApiName] ?? [],
            hasOptions: (entry.available ?? []).length > 0,
            noneMessage: formatLabel(NONE_AVAILABLE, entry.objectLabel)
        }));
    }

    handleChange(event: Event): void {
        const objectApiName = (event.target as HTMLElement).dataset.object;
        if (!objectApiName) return;
        this.choice = { ...this.choice, [objectApiName]: valuesOf(event) };
        this.successMessage = null;
    }

    async handleSave(): Promise<void> {
        if (!this.objects || this.saveDisabled) return;
        this.saveError = null;
        this.successMessage = null;
        // Objects without phone fields cannot be chosen for: they are not sent.
        const editable = this.objects.filter((entry) => (entry.available ?? []).length > 0);
        const empty = objectWithoutPhoneField(editable, this.choice);
        if (empty) {
            this.saveError = formatLabel(REQUIRED, empty.objectLabel);
            return;
        }
        this.busy = 'saving';
        try {
            const selectedByObject = Object.fromEntries(
                editable.map((entry) => [entry.objectApiName, this.choice[entry.objectApiName] ?? []])
            );
            this.apply(await savePhoneFields({ selectedByObject }));
            const message = formatLabel(SAVED, TITLE);
            this.successMessage = message;
            this.dispatchEvent(new ShowToastEvent({ title: TITLE, message, variant: 'success' }));
        } catch (error) {
            // Nothing is lost: every list stays as the administrator left it.
            this.saveError = toWebexError(error).message;
        } finally {
            this.busy = null;
        }
    }

    handleRetry(): void {
        this.load();
    }

    private async load(): Promise<void> {
        this.busy = 'loading';
        this.loadError = null;
        try {
            this.apply(await getPhoneFields());
        } catch (error) {
            this.loadError = toWebexError(error).message;
        } finally {
            this.busy = null;
        }
    }

    private apply(objects: WebexPhoneFieldsObject[]): void {
        this.objects = [...(objects ?? [])];
        this.saved = toChoice(this.objects);
        this.choice = toChoice(this.objects);
    }
}
