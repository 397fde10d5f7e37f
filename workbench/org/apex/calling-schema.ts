/**
 * The emulated org's WebexCallingSchema (classes/calling/): what the calling settings can name, from the object
 * describes the workbench knows (org/seed/objects.json), in the signed-in user's language. The emulated org has no
 * field-level security: every known object and field is readable.
 */
import type { Language } from '../labels.ts';
import { describeObject, knownObjects, type ObjectDescribe } from '../records.ts';

export interface NamedOption {
    apiName: string;
    label: string;
}

/**
 * Task.WhatId's reference targets among the objects the workbench knows (an org adds Asset, Contract, Order,
 * custom objects with activities...).
 */
export const TASK_WHAT_TARGETS: readonly string[] = ['Account', 'Campaign', 'Case', 'Opportunity'];

// The describe types (seed/objects.json) a More info tab can show, as WebexCallingSchema.SHOWABLE_TYPES.
const SHOWABLE_TYPES = new Set([
    'Boolean',
    'Currency',
    'Date',
    'DateTime',
    'Double',
    'Email',
    'Int',
    'Percent',
    'Phone',
    'Picklist',
    'MultiPicklist',
    'Reference',
    'String',
    'TextArea',
    'Time',
    'Url'
]);

/** Apex's String.compareTo on lower-case labels, then API names (WebexCallingSchema.ObjectOption.compareTo). */
export function byLabel(left: NamedOption, right: NamedOption): number {
    const a = left.label.toLowerCase();
    const b = right.label.toLowerCase();
    if (a !== b) return a < b ? -1 : 1;
    if (left.apiName === right.apiName) return 0;
    return left.apiName < right.apiName ? -1 : 1;
}

/** The object's API name as the schema spells it, or null (WebexCallingSchema.readableObject). */
export function readableObject(name: unknown): string | null {
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9_]{0,254}$/.test(name)) return null;
    return knownObjects().find((known) => known.toLowerCase() === name.toLowerCase()) ?? null;
}

function describe(objectApiName: string): ObjectDescribe {
    const found = describeObject(objectApiName);
    if (!found) throw new Error(`The workbench does not know the object ${objectApiName}`);
    return found;
}

export function objectLabel(objectApiName: string, language: Language): string {
    return describeObject(objectApiName)?.label[language] ?? objectApiName;
}

/** A field's label, or its API name when the object or field is unknown (WebexCallLogTabService.labelOf). */
export function fieldLabel(objectApiName: string, fieldApiName: string, language: Language): string {
    return describeObject(objectApiName)?.fields[fieldApiName]?.label[language] ?? fieldApiName;
}

function fieldsWhere(
    objectApiName: string,
    language: Language,
    keep: (type: string, referenceTo: string | undefined) => boolean
): NamedOption[] {
    return Object.entries(describe(objectApiName).fields)
        .filter(([, field]) => keep(field.type, field.referenceTo))
        .map(([apiName, field]) => ({ apiName, label: field.label[language] }));
}

/** Phone-type fields, in describe order. */
export function phoneFieldOptions(objectApiName: string, language: Language): NamedOption[] {
    return fieldsWhere(objectApiName, language, (type) => type === 'Phone');
}

/** Fields that look up Account, by label. */
export function accountFieldOptions(objectApiName: string, language: Language): NamedOption[] {
    return fieldsWhere(
        objectApiName,
        language,
        (type, referenceTo) => type === 'Reference' && referenceTo === 'Account'
    ).sort(byLabel);
}

/** Fields a More info tab can show, by label. */
export function showableFieldOptions(objectApiName: string, language: Language): NamedOption[] {
    return fieldsWhere(objectApiName, language, (type) => SHOWABLE_TYPES.has(type)).sort(byLabel);
}

/** The objects a Task's Related To can point to, by label. */
export function callLogObjectOptions(language: Language): NamedOption[] {
    return TASK_WHAT_TARGETS.filter((name) => describeObject(name))
        .map((apiName) => ({ apiName, label: objectLabel(apiName, language) }))
        .sort(byLabel);
}

/** The objects with a field that looks up Account (Account's child relationships), by label. */
export function accountRelatedObjectOptions(language: Language): NamedOption[] {
    return knownObjects()
        .filter((name) => Object.values(describe(name).fields).some((field) => field.referenceTo === 'Account'))
        .map((apiName) => ({ apiName, label: objectLabel(apiName, language) }))
        .sort(byLabel);
}
