/**
 * The standard objects of an org with some features: the jar's describes (every feature on) without
 * the fields and objects of the features the org lacks (`org-features.ts`), and without `RecordTypeId`
 * on the objects that have no record type: a describe lists that field only where the object has
 * record types (`field-reference.json` › sources.recordTypeIdRule, observed in 36 orgs).
 */
import { featureOfField, featureOfObject, type OrgFeatures } from './org-features.ts';
import type { SObjectDescribe, StandardObjectSource } from './schema.ts';

const RECORD_TYPE_ID = 'recordtypeid';

/** A `StandardObjectSource` that hides what `features` does not enable; describes are copies, built once. */
export class FeatureFilteredObjects implements StandardObjectSource {
    private readonly base: StandardObjectSource;
    private readonly features: OrgFeatures;
    private readonly described = new Map<string, SObjectDescribe | undefined>();
    /** Lower-case names of the objects that have record types (a project's `objects/<Object>/recordTypes/`). */
    private readonly withRecordTypes = new Set<string>();

    constructor(base: StandardObjectSource, features: OrgFeatures) {
        this.base = base;
        this.features = features;
    }

    private present(object: string): boolean {
        const feature = featureOfObject(object);
        return feature === undefined || this.features.has(feature);
    }

    names(): string[] {
        return this.base.names().filter((n) => this.present(n));
    }

    nameByKeyPrefix(prefix: string): string | undefined {
        const name = this.base.nameByKeyPrefix(prefix);
        return name !== undefined && this.present(name) ? name : undefined;
    }

    describe(name: string): SObjectDescribe | undefined {
        const key = name.toLowerCase();
        if (this.described.has(key)) return this.described.get(key);
        const d = this.present(name) ? this.base.describe(name) : undefined;
        const out = d ? this.filtered(d) : undefined;
        this.described.set(key, out);
        return out;
    }

    /**
     * Records that `name` has record types, so its describe lists `RecordTypeId` again (also when it was
     * already described: the registry holds that same copy).
     */
    declareRecordTypes(name: string): void {
        const key = name.toLowerCase();
        this.withRecordTypes.add(key);
        const copy = this.described.get(key);
        const base = copy ? this.base.describe(name) : undefined;
        const field = base?.fields.get(RECORD_TYPE_ID);
        if (!copy || !base || !field || copy.fields.has(RECORD_TYPE_ID)) return;
        // Back in the jar's (the observed describe's) position; fields a project added stay after.
        const jarKeys = [...base.fields.keys()].filter((k) => k === RECORD_TYPE_ID || copy.fields.has(k));
        const added = [...copy.fields.keys()].filter((k) => !base.fields.has(k));
        copy.fields = new Map(
            [...jarKeys, ...added].map((k) => [k, k === RECORD_TYPE_ID ? field : copy.fields.get(k)!])
        );
    }

    /**
     * A copy holding the fields the org has. The copy also keeps the project's fields (added by the
     * registry later) off the shared describe of the jar.
     */
    private filtered(d: SObjectDescribe): SObjectDescribe {
        const fields = new Map(
            [...d.fields].filter(([key, f]) => {
                if (key === RECORD_TYPE_ID && !this.withRecordTypes.has(d.name.toLowerCase())) return false;
                const feature = featureOfField(d.name, f.name);
                return feature === undefined || this.features.has(feature);
            })
        );
        const childRelationships = d.childRelationships.filter((c) => this.present(c.childSObject));
        return { ...d, fields, childRelationships };
    }
}
