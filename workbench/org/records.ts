/**
 * The emulated org's records: seeded from `data/` (the sample data the scratch-org script loads),
 * with Salesforce-shaped ids, `@Ref` lookups resolved, compound names and auto-numbers filled in.
 * Components reach them through the UI API stand-ins (`lightning/uiRecordApi`); the emulated Apex
 * reads and writes them directly.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Language } from './labels.ts';
import { makeRecordId } from './salesforce-id.ts';

export type FieldValue = string | number | boolean | null;
export type SObjectRecord = Record<string, FieldValue> & { Id: string };

export interface FieldDescribe {
    type: string;
    referenceTo?: string;
    label: Record<Language, string>;
}

export interface ObjectDescribe {
    keyPrefix: string;
    label: Record<Language, string>;
    labelPlural: Record<Language, string>;
    icon: string;
    nameField: string;
    compoundName?: string[];
    autoNumber?: { field: string; start: number; width: number };
    /** The fields a highlights panel shows, as the compact layout would. */
    highlights: string[];
    fields: Record<string, FieldDescribe>;
}

const DATA_DIR = path.resolve(import.meta.dirname, '..', '..', 'data');
const OBJECTS = JSON.parse(readFileSync(path.join(import.meta.dirname, 'seed', 'objects.json'), 'utf8')) as Record<
    string,
    ObjectDescribe
>;

/** The administrator who runs the scratch-org script, and so owns the sample records. */
const LOADING_USER = 'avery.admin@acme-webex.example.wb';

interface TreeFile {
    records: Array<Record<string, FieldValue> & { attributes: { type: string; referenceId: string } }>;
}

/**
 * Objects the administrator renamed (Setup > Rename Tabs and Labels), by API name: what describes, getObjectInfo
 * and the stand-ins then give in place of the seeded labels. One emulated org per process, so module state;
 * `EmulatedOrg.reset()` forgets it (`POST /_org/control/object-label`).
 */
const RENAMED = new Map<string, Pick<ObjectDescribe, 'label' | 'labelPlural'>>();

/** The describe of a standard object the workbench knows, or undefined. */
export function describeObject(apiName: string): ObjectDescribe | undefined {
    const describe = OBJECTS[apiName];
    const renamed = RENAMED.get(apiName);
    return describe && renamed ? { ...describe, ...renamed } : describe;
}

/**
 * Renames an object as Rename Tabs and Labels does: in one language, or in every one when `language` is omitted.
 * Throws for an object the workbench does not know.
 */
export function renameObject(
    apiName: string,
    names: { label: string; labelPlural: string },
    language?: Language
): void {
    const describe = describeObject(apiName);
    if (!describe) throw new Error(`The object ${apiName} is not supported`);
    const languages = language ? [language] : (Object.keys(describe.label) as Language[]);
    const label = { ...describe.label };
    const labelPlural = { ...describe.labelPlural };
    for (const each of languages) {
        label[each] = names.label;
        labelPlural[each] = names.labelPlural;
    }
    RENAMED.set(apiName, { label, labelPlural });
}

/** Every object back to its seeded labels. */
export function forgetRenamedObjects(): void {
    RENAMED.clear();
}

/** Every object the workbench knows, by API name. */
export function knownObjects(): string[] {
    return Object.keys(OBJECTS);
}

/** What changed in a store since the Apex host last saw it (apex-host/host.ts). */
export interface RecordChanges {
    upserts: Array<{ type: string; fields: SObjectRecord }>;
    deletes: string[];
}

export class RecordStore {
    private readonly records = new Map<string, { type: string; fields: SObjectRecord }>();
    private readonly sequences = new Map<string, number>();
    /** Ids written or deleted here since `takeChanges` (the Apex host's worker mirrors them before each call). */
    private readonly changed = new Set<string>();

    constructor(dataDir = DATA_DIR) {
        this.load(dataDir);
    }

    /** The record with this id (15 or 18 characters), or undefined. */
    get(id: string): SObjectRecord | undefined {
        const entry = this.records.get(id) ?? [...this.records.values()].find((r) => r.fields.Id.startsWith(id));
        return entry ? { ...entry.fields } : undefined;
    }

    /** The object of a record id, from its key prefix. */
    objectOf(id: string): string | undefined {
        return Object.entries(OBJECTS).find(([, o]) => id.startsWith(o.keyPrefix))?.[0];
    }

    /** Every record of several objects whose field values satisfy `match` (for emulated SOQL/SOSL). */
    find(
        objectApiNames: string[],
        match: (record: SObjectRecord, objectApiName: string) => boolean
    ): Array<{
        objectApiName: string;
        record: SObjectRecord;
    }> {
        return [...this.records.values()]
            .filter((entry) => objectApiNames.includes(entry.type) && match(entry.fields, entry.type))
            .map((entry) => ({ objectApiName: entry.type, record: { ...entry.fields } }));
    }

    /** Records of one object, in name order. */
    list(objectApiName: string): SObjectRecord[] {
        const nameField = OBJECTS[objectApiName]?.nameField ?? 'Name';
        return [...this.records.values()]
            .filter((r) => r.type === objectApiName)
            .map((r) => ({ ...r.fields }))
            .sort((a, b) => String(a[nameField] ?? '').localeCompare(String(b[nameField] ?? '')));
    }

    /** Inserts a record; returns its id. Unknown fields are refused as the UI API refuses them. */
    insert(objectApiName: string, fields: Record<string, FieldValue>): string {
        const describe = this.requireObject(objectApiName);
        this.checkFields(objectApiName, describe, fields);
        const sequence = (this.sequences.get(objectApiName) ?? 0) + 1;
        this.sequences.set(objectApiName, sequence);
        const record: SObjectRecord = { ...fields, Id: makeRecordId(describe.keyPrefix, sequence) };
        if (describe.autoNumber)
            record[describe.autoNumber.field] = String(describe.autoNumber.start + sequence - 1).padStart(
                describe.autoNumber.width,
                '0'
            );
        this.fillName(describe, record);
        this.records.set(record.Id, { type: objectApiName, fields: record });
        this.changed.add(record.Id);
        return record.Id;
    }

    /** Updates fields of an existing record. */
    update(id: string, fields: Record<string, FieldValue>): SObjectRecord {
        const entry = this.records.get(id);
        if (!entry) throw new Error(`No record ${id}`);
        const describe = this.requireObject(entry.type);
        this.checkFields(entry.type, describe, fields);
        Object.assign(entry.fields, fields);
        this.fillName(describe, entry.fields);
        this.changed.add(id);
        return { ...entry.fields };
    }

    delete(id: string): boolean {
        this.changed.add(id);
        return this.records.delete(id);
    }

    /** Every record, whatever its object (what the Apex host's worker starts from after a reset). */
    all(): RecordChanges['upserts'] {
        return [...this.records.values()].map((entry) => ({ type: entry.type, fields: { ...entry.fields } }));
    }

    /** The records written and the Ids deleted since the last call, then forgets them. */
    takeChanges(): RecordChanges {
        const changes: RecordChanges = { upserts: [], deletes: [] };
        for (const id of this.changed) {
            const entry = this.records.get(id);
            if (entry) changes.upserts.push({ type: entry.type, fields: { ...entry.fields } });
            else changes.deletes.push(id);
        }
        this.changed.clear();
        return changes;
    }

    /**
     * Applies what an Apex transaction committed (the worker's store holds the same Ids): whole records, only the
     * fields this store knows. Not a change of this store's own (`takeChanges` leaves it out).
     */
    applyCommitted(changes: RecordChanges): void {
        for (const { type, fields } of changes.upserts) {
            const describe = this.requireObject(type);
            const known = Object.fromEntries(
                Object.entries(fields).filter(([name]) => name === 'Id' || describe.fields[name])
            ) as SObjectRecord;
            const entry = this.records.get(fields.Id);
            if (entry) Object.assign(entry.fields, known);
            else this.records.set(fields.Id, { type, fields: known });
        }
        for (const id of changes.deletes) this.records.delete(id);
    }

    private requireObject(objectApiName: string): ObjectDescribe {
        const describe = OBJECTS[objectApiName];
        if (!describe) throw new Error(`The workbench does not know the object ${objectApiName}`);
        return describe;
    }

    private checkFields(objectApiName: string, describe: ObjectDescribe, fields: Record<string, FieldValue>): void {
        for (const name of Object.keys(fields)) {
            if (name !== 'Id' && !describe.fields[name])
                throw new Error(`No such column '${name}' on ${objectApiName}`);
        }
    }

    private fillName(describe: ObjectDescribe, record: Record<string, FieldValue>): void {
        if (describe.compoundName)
            record.Name = describe.compoundName
                .map((part) => record[part])
                .filter((part) => part !== null && part !== undefined && part !== '')
                .join(' ');
    }

    /** Loads every `<Object>.json` tree file in `dataDir`, resolving `@Ref` lookups across files. */
    private load(dataDir: string): void {
        const files = readdirSync(dataDir).filter((f) => f.endsWith('.json') && f !== 'data-plan.json');
        const pending: TreeFile['records'] = [];
        for (const file of files) {
            pending.push(...(JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as TreeFile).records);
        }
        // Insert in dependency order (profiles before users, accounts before contacts...) so every
        // reference resolves to an id that already exists.
        const refs = new Map<string, string>();
        let remaining = pending;
        while (remaining.length) {
            const next = remaining.filter((record) =>
                Object.values(record).some((v) => typeof v === 'string' && v.startsWith('@') && !refs.has(v.slice(1)))
            );
            if (next.length === remaining.length)
                throw new Error(`Unresolvable references in data/: ${next.map((r) => r.attributes.referenceId)}`);
            for (const record of remaining.filter((r) => !next.includes(r))) {
                const { attributes, ...fields } = record;
                for (const [name, value] of Object.entries(fields)) {
                    if (typeof value === 'string' && value.startsWith('@'))
                        fields[name] = refs.get(value.slice(1)) ?? null;
                }
                refs.set(attributes.referenceId, this.insert(attributes.type, fields));
            }
            remaining = next;
        }
        // As the data import does, records without an owner belong to the user who loads them.
        const loader = this.list('User').find((u) => u.Username === LOADING_USER)?.Id ?? null;
        for (const entry of this.records.values()) {
            if (OBJECTS[entry.type].fields.OwnerId && !entry.fields.OwnerId) entry.fields.OwnerId = loader;
        }
    }
}
