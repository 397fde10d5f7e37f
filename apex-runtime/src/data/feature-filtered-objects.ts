/**
 * The standard objects of an org with some features: the jar's describes (every feature on) without
 * the fields and objects of the features the org lacks (`org-features.ts`).
 */
import { featureOfField, featureOfObject, type OrgFeatures } from './org-features.ts';
import type { SObjectDescribe, StandardObjectSource } from './schema.ts';

/** A `StandardObjectSource` that hides what `features` does not enable; describes are copies, built once. */
export class FeatureFilteredObjects implements StandardObjectSource {
    private readonly base: StandardObjectSource;
    private readonly features: OrgFeatures;
    private readonly described = new Map<string, SObjectDescribe | undefined>();

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
     * A copy holding the fields the org has. The copy also keeps the project's fields (added by the
     * registry later) off the shared describe of the jar.
     */
    private filtered(d: SObjectDescribe): SObjectDescribe {
        const fields = new Map(
            [...d.fields].filter(([, f]) => {
                const feature = featureOfField(d.name, f.name);
                return feature === undefined || this.features.has(feature);
            })
        );
        const childRelationships = d.childRelationships.filter((c) => this.present(c.childSObject));
        return { ...d, fields, childRelationships };
    }
}
