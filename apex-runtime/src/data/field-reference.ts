/**
 * Labels, display types, lengths and standard picklist values of the standard fields of the objects
 * a CRM project touches most (Account, Contact, Lead, Opportunity, Task, Event, Case, User), from
 * `schema/field-reference.json`: the Salesforce Field Reference where its table was readable, else
 * the describe of an org recorded in a public repository (each row names its source). Also the jar
 * fields a default org does not have, the polymorphic targets the runtime's org gives `WhatId`, and
 * the label of `RecordTypeId` where an object with record types has it.
 *
 * Only fills what the jar and `standard-field-facts.json` leave open: the hand-written facts, cited
 * from the Object Reference, are applied after these and win.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DisplayType, PicklistEntry, SObjectDescribe } from './schema.ts';

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');

interface ReferenceRow {
    label?: string;
    type?: DisplayType;
    length?: number;
    /** The key of `sources` this row comes from. */
    from: string;
}

/** The shape of `schema/field-reference.json`. */
export interface FieldReferenceFile {
    about: string;
    sources: Record<string, string>;
    objects: Record<
        string,
        {
            fieldReferenceUrl: string;
            label: { label: string; from: string };
            /** The observed describe's field order (`fields.getMap()` iterates in it). */
            describeOrder: string[];
            fields: Record<string, ReferenceRow>;
        }
    >;
    /** en_US labels of the objects `referenceTargets` names. */
    objectLabels: { from: string; labels: Record<string, string> };
    /** Targets of polymorphic fields (`OwnerId` → Group, User) the observed orgs agree on. */
    observedReferenceTargets: { from: string; fields: Record<string, string[]> };
    /** `Object.Field` → values, for standard picklists whose values two observed orgs agree on. */
    picklists: Record<string, { from: string; values: PicklistEntry[] }>;
    /** `Object.Field` → why a default org has no such field (the jar describes every feature on). */
    absentFields: Record<string, string>;
    /** `Object.Field` → the polymorphic targets of the runtime's org (rule in `sources.referenceTargetsRule`). */
    referenceTargets: Record<string, string[]>;
    /**
     * Labels of `RecordTypeId` by object, where an org with record types on the object shows it; whether
     * the field is there at all is the org's (`sources.recordTypeIdRule`, `feature-filtered-objects.ts`).
     */
    recordTypeIdLabels: { from: string; labels: Record<string, string> };
}

let fileCache: FieldReferenceFile | undefined;

/** The field-reference file, read once. */
export function fieldReferenceFile(): FieldReferenceFile {
    fileCache ??= JSON.parse(readFileSync(join(SCHEMA_DIR, 'field-reference.json'), 'utf8')) as FieldReferenceFile;
    return fileCache;
}

/** Whether a default org lacks `object.field` although the jar lists it. */
export function absentFromDefaultOrg(object: string, field: string, file = fieldReferenceFile()): boolean {
    const key = `${object}.${field}`.toLowerCase();
    return Object.keys(file.absentFields).some((k) => k.toLowerCase() === key);
}

/**
 * Fills `d` from the file: a label or length nothing else gave, a display type a String or Decimal
 * field cannot imply (other Apex types already imply theirs), picklist values, polymorphic targets
 * (those the jar cannot describe are left out, as no describe of them could be built).
 */
export function applyFieldReference(
    d: SObjectDescribe,
    jarHas: (object: string) => boolean,
    file = fieldReferenceFile()
): void {
    const object = file.objects[d.name];
    const objectLabel = object?.label.label ?? file.objectLabels.labels[d.name];
    if (objectLabel !== undefined && d.label.default === undefined) {
        d.label.default = objectLabel;
        d.label.byLanguage.en_US = objectLabel;
    }
    if (object) reorder(d, object.describeOrder);
    for (const [name, row] of Object.entries(object?.fields ?? {})) {
        const f = d.fields.get(name.toLowerCase());
        if (!f) continue;
        if (row.label !== undefined && f.label.default === undefined) {
            f.label.default = row.label;
            f.label.byLanguage.en_US = row.label;
        }
        if (row.type !== undefined && f.type === undefined && (f.apexType === 'String' || f.apexType === 'Decimal'))
            f.type = row.type;
        if (row.length !== undefined && f.length === undefined) f.length = row.length;
    }
    const recordTypeId = d.fields.get('recordtypeid');
    const recordTypeIdLabel = file.recordTypeIdLabels.labels[d.name];
    if (recordTypeId && recordTypeIdLabel !== undefined && recordTypeId.label.default === undefined) {
        recordTypeId.label.default = recordTypeIdLabel;
        recordTypeId.label.byLanguage.en_US = recordTypeIdLabel;
    }
    for (const [key, picklist] of Object.entries(file.picklists)) {
        const [objectName, fieldName] = key.split('.');
        if (objectName !== d.name) continue;
        const f = d.fields.get(fieldName.toLowerCase());
        if (f && f.picklistValues.length === 0) f.picklistValues = picklist.values.map((p) => ({ ...p }));
    }
    for (const [key, targets] of Object.entries(file.observedReferenceTargets.fields)) {
        const [objectName, fieldName] = key.split('.');
        if (objectName !== d.name) continue;
        const f = d.fields.get(fieldName.toLowerCase());
        if (f?.polymorphic && f.referenceTo.length === 0) f.referenceTo = targets.filter(jarHas);
    }
    for (const [key, targets] of Object.entries(file.referenceTargets)) {
        const [objectName, fieldName] = key.split('.');
        if (objectName !== d.name) continue;
        const f = d.fields.get(fieldName.toLowerCase());
        if (f) f.referenceTo = targets.filter(jarHas);
    }
}

/** The observed fields first, in the org's order, then the jar's others in the jar's (alphabetical) order. */
function reorder(d: SObjectDescribe, order: string[]): void {
    const sorted = new Map<string, SObjectDescribe['fields'] extends Map<string, infer F> ? F : never>();
    for (const name of order) {
        const key = name.toLowerCase();
        const f = d.fields.get(key);
        if (f) sorted.set(key, f);
    }
    for (const [key, f] of d.fields) if (!sorted.has(key)) sorted.set(key, f);
    d.fields = sorted;
}
