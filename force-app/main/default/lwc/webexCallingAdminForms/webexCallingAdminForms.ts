/**
 * What the calling sections of the Webex Admin tab share (Phone Fields, Call Log, Additional Tabs, Call History,
 * Calling Backend): their frame's labels and busy lines, turning the server's options into `lightning-dual-listbox` /
 * `lightning-combobox` options, telling whether a choice changed, and the checks made before a save so the
 * administrator hears at once what is missing (the server checks again).
 */
import type { SectionFrame, SectionLabels } from 'c/webexAdminSection';
import { SectionFlow, type SectionHost } from 'c/webexAdminSectionFlow';
import ADD from '@salesforce/label/c.WebexCallingAdmin_ListAdd';
import AVAILABLE from '@salesforce/label/c.WebexCallingAdmin_ListAvailable';
import DOWN from '@salesforce/label/c.WebexCallingAdmin_ListDown';
import REMOVE from '@salesforce/label/c.WebexCallingAdmin_ListRemove';
import SELECTED from '@salesforce/label/c.WebexCallingAdmin_ListSelected';
import UP from '@salesforce/label/c.WebexCallingAdmin_ListUp';
import LOAD_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_LoadErrorTitle';
import LOADING from '@salesforce/label/c.WebexCallingAdmin_Loading';
import RETRY from '@salesforce/label/c.WebexCallingAdmin_Retry';
import SAVE from '@salesforce/label/c.WebexCallingAdmin_Save';
import SAVE_ERROR_TITLE from '@salesforce/label/c.WebexCallingAdmin_SaveErrorTitle';
import SAVING from '@salesforce/label/c.WebexCallingAdmin_Saving';
import UNSAVED from '@salesforce/label/c.WebexCallingAdmin_Unsaved';

/** The frame's words in every calling section (c-webex-admin-section). */
export const CALLING_SECTION_LABELS: SectionLabels = Object.freeze({
    save: SAVE,
    unsaved: UNSAVED,
    loadErrorTitle: LOAD_ERROR_TITLE,
    errorTitle: SAVE_ERROR_TITLE,
    retry: RETRY
});

/** The busy lines of every calling section: its load and its save. */
export const CALLING_BUSY_MESSAGES: Readonly<Record<string, string>> = Object.freeze({
    loading: LOADING,
    saving: SAVING
});

/** The flow of a calling section: it loads and saves, its toasts titled with the section's title. */
export function callingFlow(host: SectionHost, title: string): SectionFlow {
    return new SectionFlow(host, { title, busyMessages: CALLING_BUSY_MESSAGES });
}

/** The frame of a calling section: its title, icon and help, the calling sections' words, and whether it holds changes. */
export function callingFrame(heading: string, iconName: string, help: string, dirty: boolean): SectionFrame {
    return { heading, iconName, help, dirty, labels: CALLING_SECTION_LABELS };
}

/**
 * The words of every dual listbox of the calling sections (its two lists and its buttons), keyed by the listbox's
 * own properties: a template gives them all at once with `lwc:spread={listboxLabels}` (LWC Developer Guide, "Spread
 * Properties on Child Components").
 */
export const LISTBOX_LABELS = Object.freeze({
    sourceLabel: AVAILABLE,
    selectedLabel: SELECTED,
    addButtonLabel: ADD,
    removeButtonLabel: REMOVE,
    upButtonLabel: UP,
    downButtonLabel: DOWN
});

/** An option of `lightning-dual-listbox` or `lightning-combobox`. */
export interface ListOption {
    label: string;
    value: string;
}

/** What a More info tab form holds before it is saved. */
export interface TabDraft {
    id: string | null;
    objectApiName: string;
    accountField: string;
    fields: string[];
}

/** Which part of a More info tab form is missing. */
export type TabProblem = 'object' | 'accountField' | 'fields' | null;

/** Options for a listbox or combobox, from the server's `{ apiName, label }` entries. */
export function toListOptions(
    options: ReadonlyArray<{ apiName: string; label: string }> | null | undefined
): ListOption[] {
    return (options ?? []).map((option) => ({ label: option.label, value: option.apiName }));
}

/** Whether two lists hold the same values in the same order (a dual listbox's order matters). */
export function sameList(
    left: readonly string[] | null | undefined,
    right: readonly string[] | null | undefined
): boolean {
    const a = left ?? [];
    const b = right ?? [];
    return a.length === b.length && a.every((value, index) => value === b[index]);
}

/** The values of a dual listbox's `change` event. */
export function valuesOf(event: Event): string[] {
    const chosen: unknown = (event as CustomEvent<Record<string, unknown> | undefined>).detail?.value;
    return Array.isArray(chosen) ? chosen.map(String) : [];
}

/** The value of a `<select>`'s `change` event. */
export function selectedValue(event: Event): string {
    return (event.target as HTMLSelectElement | null)?.value ?? '';
}

/** The first object left without a phone field (Make a Call would offer nothing), or null. */
export function objectWithoutPhoneField<T extends { objectApiName: string }>(
    objects: readonly T[],
    selectedByObject: Readonly<Record<string, readonly string[]>>
): T | null {
    return objects.find((entry) => !(selectedByObject[entry.objectApiName]?.length ?? 0)) ?? null;
}

/** The first thing a More info tab form lacks, in the order the form asks for them, or null. */
export function tabProblem(draft: TabDraft): TabProblem {
    if (!draft.objectApiName) return 'object';
    if (!draft.accountField) return 'accountField';
    if (!draft.fields.length) return 'fields';
    return null;
}
