/**
 * The standard objects the runtime's default org has: the org a project's scratch-org definition
 * describes, not every object apex-ls's sobject-types jar knows (the jar lists every object of every
 * edition, feature, licence and industry cloud: 4,542, of which 298 look up Account).
 *
 * `schema/default-org-objects.json` lists the objects recorded global describes of recent orgs agree
 * on, the objects a scratch-org feature brings, the en_US labels of those objects and Account's child
 * relationships, each fact citing the recordings it comes from (`sources` in the file). An object
 * outside the list is absent, as an unknown object is: no describe, not in `Schema.getGlobalDescribe()`,
 * not a child relationship, unknown to SOQL. The objects of `org-features.ts` (Quote, CurrencyType,
 * Division) stay for `FeatureFilteredObjects` to decide. A lookup to absent objects only is absent with
 * them (no recorded describe lists `Case.AssetWarrantyId` when the org has no `AssetWarranty`), and a
 * polymorphic one loses the targets the org lacks.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { featureOfObject, type OrgFeatures } from './org-features.ts';
import type {
    ChildRelationship,
    DisplayType,
    FieldDescribe,
    Labels,
    SObjectDescribe,
    StandardObjectSource
} from './schema.ts';

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');

/** Display types a String or Decimal field can have: the only Apex types that do not imply theirs. */
const TEXT_OR_NUMBER_TYPES: Record<'String' | 'Decimal', ReadonlySet<string>> = {
    String: new Set([
        'STRING',
        'TEXTAREA',
        'PICKLIST',
        'MULTIPICKLIST',
        'COMBOBOX',
        'PHONE',
        'EMAIL',
        'URL',
        'ENCRYPTEDSTRING'
    ]),
    Decimal: new Set(['CURRENCY', 'PERCENT', 'DOUBLE'])
};

/** A recording: where a describe came from. */
interface RecordingJson {
    repo: string;
    commit: string;
    date: string;
    path: string;
}

/** The shape of `schema/default-org-objects.json`. */
export interface DefaultOrgObjectsFile {
    about: string;
    sources: Record<string, string>;
    recordings: (RecordingJson & { objects: number })[];
    /** Object API name → how many of `recordings` list it. */
    objects: Record<string, number>;
    /** Scratch-org feature → the objects it brings (each feature's documentation in `sources`). */
    featureObjects: Record<string, string[]>;
    objectLabels: { from: string; labels: Record<string, string> };
    /** Object → field → [en_US label, display type] the recorded describes agree on. */
    fields: { from: string; objects: Record<string, Record<string, [string, string]>> };
    /** Parent → its child relationships as the recorded describes of the parent list them. */
    childRelationships: {
        from: string;
        parents: Record<string, { childSObject: string; field: string; relationshipName: string }[]>;
    };
    unsettled: Record<string, unknown>;
}

let fileCache: DefaultOrgObjectsFile | undefined;

/** The default-org file, read once. */
export function defaultOrgObjectsFile(): DefaultOrgObjectsFile {
    fileCache ??= JSON.parse(
        readFileSync(join(SCHEMA_DIR, 'default-org-objects.json'), 'utf8')
    ) as DefaultOrgObjectsFile;
    return fileCache;
}

/**
 * A `StandardObjectSource` holding only the default org's objects of `base`, labelled where the jar
 * gives no label and with the recorded child relationships; describes are copies, built once.
 */
export class DefaultOrgObjects implements StandardObjectSource {
    private readonly base: StandardObjectSource;
    private readonly file: DefaultOrgObjectsFile;
    /** Lower-case names of the objects the org has (recorded, or brought by an enabled feature). */
    private readonly held: Set<string>;
    private readonly labels: Map<string, string>;
    private readonly described = new Map<string, SObjectDescribe | undefined>();

    constructor(
        base: StandardObjectSource,
        features: OrgFeatures,
        file: DefaultOrgObjectsFile = defaultOrgObjectsFile()
    ) {
        this.base = base;
        this.file = file;
        this.held = new Set(Object.keys(file.objects).map((n) => n.toLowerCase()));
        for (const [feature, objects] of Object.entries(file.featureObjects))
            if (features.has(feature)) for (const o of objects) this.held.add(o.toLowerCase());
        this.labels = new Map(Object.entries(file.objectLabels.labels).map(([k, v]) => [k.toLowerCase(), v]));
    }

    /** Whether the default org has `name` (an object of `org-features.ts` is that module's to decide). */
    has(name: string): boolean {
        return this.held.has(name.toLowerCase()) || featureOfObject(name) !== undefined;
    }

    names(): string[] {
        return this.base.names().filter((n) => this.has(n));
    }

    nameByKeyPrefix(prefix: string): string | undefined {
        const name = this.base.nameByKeyPrefix(prefix);
        return name !== undefined && this.has(name) ? name : undefined;
    }

    describe(name: string): SObjectDescribe | undefined {
        const key = name.toLowerCase();
        if (this.described.has(key)) return this.described.get(key);
        const d = this.has(name) ? this.base.describe(name) : undefined;
        const out = d
            ? { ...d, label: this.label(d), fields: this.fields(d), childRelationships: this.children(d) }
            : undefined;
        this.described.set(key, out);
        return out;
    }

    declareRecordTypes(name: string): void {
        this.base.declareRecordTypes?.(name);
    }

    /**
     * The fields whose targets the org has, each with the recorded label and display type where the jar
     * and the cited facts give none; a field this changes is a copy, the others are the jar's.
     */
    private fields(d: SObjectDescribe): Map<string, FieldDescribe> {
        const recorded = this.recordedFields(d.name);
        const out = new Map<string, FieldDescribe>();
        for (const [key, f] of d.fields) {
            const targets = f.referenceTo.filter((t) => this.has(t));
            if (f.referenceTo.length > 0 && targets.length === 0) continue;
            const [label, type] = recorded?.get(key) ?? [];
            const addLabel = label !== undefined && f.label.default === undefined;
            const addType =
                type !== undefined &&
                f.type === undefined &&
                (f.apexType === 'String' || f.apexType === 'Decimal') &&
                TEXT_OR_NUMBER_TYPES[f.apexType].has(type);
            if (targets.length === f.referenceTo.length && !addLabel && !addType) {
                out.set(key, f);
                continue;
            }
            out.set(key, {
                ...f,
                referenceTo: targets,
                label: addLabel ? { default: label, byLanguage: { ...f.label.byLanguage, en_US: label } } : f.label,
                type: addType ? (type as DisplayType) : f.type
            });
        }
        return out;
    }

    /** The recorded [label, type] of `object`'s fields by lower-case name, or `undefined`. */
    private recordedFields(object: string): Map<string, [string, string]> | undefined {
        const entry = Object.entries(this.file.fields.objects).find(([o]) => o.toLowerCase() === object.toLowerCase());
        return entry && new Map(Object.entries(entry[1]).map(([k, v]) => [k.toLowerCase(), v]));
    }

    /** The jar's label facts first; else the label the recorded describes agree on; else none (refused when asked). */
    private label(d: SObjectDescribe): Labels {
        const recorded = this.labels.get(d.name.toLowerCase());
        if (d.label.default !== undefined || recorded === undefined) return d.label;
        return { default: recorded, byLanguage: { ...d.label.byLanguage, en_US: recorded } };
    }

    /**
     * The recorded relationships where the file lists the parent's (each with its field, so nothing is
     * inferred), else the jar's; in both cases only those whose child the org has.
     */
    private children(d: SObjectDescribe): ChildRelationship[] {
        const recorded = Object.entries(this.file.childRelationships.parents).find(
            ([parent]) => parent.toLowerCase() === d.name.toLowerCase()
        )?.[1];
        if (!recorded) return d.childRelationships.filter((c) => this.has(c.childSObject));
        const out: ChildRelationship[] = [];
        for (const r of recorded) {
            const jar = d.childRelationships.find(
                (c) =>
                    c.childSObject.toLowerCase() === r.childSObject.toLowerCase() &&
                    c.relationshipName.toLowerCase() === r.relationshipName.toLowerCase()
            );
            if (!jar || !this.has(jar.childSObject)) continue;
            out.push({ childSObject: jar.childSObject, field: r.field, relationshipName: jar.relationshipName });
        }
        return out;
    }
}
