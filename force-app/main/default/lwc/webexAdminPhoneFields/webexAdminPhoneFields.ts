/**
 * "Webex Phone Fields", a section of the Webex Admin tab (B2): for Contact and Lead (and any other object whose
 * phone fields were chosen), the phone fields "Make a Call" offers, in order, chosen with a dual listbox. Until an
 * administrator chooses, every phone field is offered, and the section shows them all selected.
 *
 * Changes stay in the section until Save, which sends every object at once; an object left without a phone field is
 * refused before anything is sent, and any failure keeps every list as the administrator left it, with the reason.
 */
import { LightningElement } from 'lwc';
import getPhoneFields from '@salesforce/apex/WebexCallingAdminController.getPhoneFields';
import savePhoneFields from '@salesforce/apex/WebexCallingAdminController.savePhoneFields';
import { IDLE, type SectionState } from 'c/webexAdminSectionFlow';
import type { SectionFrame } from 'c/webexAdminSection';
import { formatLabel } from 'c/webexLabelFormat';
import {
    callingFlow,
    callingFrame,
    LISTBOX_LABELS,
    objectWithoutPhoneField,
    sameList,
    toListOptions,
    valuesOf
} from 'c/webexCallingAdminForms';
import HELP from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsHelp';
import LIST_LABEL from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsList';
import NONE_AVAILABLE from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsNone';
import REQUIRED from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsRequired';
import SAVED from '@salesforce/label/c.WebexCallingAdmin_Saved';
import TITLE from '@salesforce/label/c.WebexCallingAdmin_PhoneFieldsTitle';

type Choice = Record<string, string[]>;
function toChoice(objects: readonly WebexPhoneFieldsObject[]): Choice {
    return Object.fromEntries(objects.map((entry) => [entry.objectApiName, [...(entry.selected ?? [])]]));
}

export default class WebexAdminPhoneFields extends LightningElement {
    readonly listboxLabels = LISTBOX_LABELS;

    /** What the server last said; null until it answered. */
    objects: WebexPhoneFieldsObject[] | null = null;
    saved: Choice = {};
    /** The administrator's choice, saved or not, per object. */
    choice: Choice = {};
    state: SectionState = IDLE;
    private readonly flow = callingFlow(this, TITLE);

    connectedCallback(): void {
        this.handleRetry();
    }

    get frame(): SectionFrame {
        return callingFrame(TITLE, 'standard:call', HELP, this.isDirty);
    }

    get isBusy(): boolean {
        return this.flow.isBusy;
    }

    get isDirty(): boolean {
        return (this.objects ?? []).some(
            (entry) => !sameList(this.saved[entry.objectApiName], this.choice[entry.objectApiName])
        );
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
        this.flow.edited();
    }

    async handleSave(): Promise<void> {
        if (!this.objects || this.isBusy || !this.isDirty) return;
        // Objects without phone fields cannot be chosen for: they are not sent.
        const editable = this.objects.filter((entry) => (entry.available ?? []).length > 0);
        const empty = objectWithoutPhoneField(editable, this.choice);
        if (empty) {
            this.flow.fail(formatLabel(REQUIRED, empty.objectLabel));
            return;
        }
        const selectedByObject = Object.fromEntries(
            editable.map((entry) => [entry.objectApiName, this.choice[entry.objectApiName] ?? []])
        );
        // A failure keeps every list as the administrator left it.
        await this.flow.run('saving', () => savePhoneFields({ selectedByObject }), {
            apply: (objects) => this.apply(objects),
            success: formatLabel(SAVED, TITLE)
        });
    }

    handleRetry(): void {
        this.flow.load(
            () => getPhoneFields(),
            (objects) => this.apply(objects)
        );
    }

    private apply(objects: WebexPhoneFieldsObject[]): void {
        this.objects = [...(objects ?? [])];
        this.saved = toChoice(this.objects);
        this.choice = toChoice(this.objects);
    }
}
