/**
 * Reads what the test org needs from an SFDX project's folders: the schema (standard objects from
 * the jar plus the project's `objects/` and `objectTranslations/`), the org metadata (labels,
 * custom permissions, permission sets) and the publish behaviour of its platform events.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSchema } from '../data/load-schema.ts';
import { loadObjectTranslations, loadProjectObjects } from '../data/metadata-objects.ts';
import { loadOrgMetadata, type OrgMetadata } from '../data/org-metadata.ts';
import type { SchemaRegistry } from '../data/schema.ts';
import type { OrgFeatures } from '../data/org-features.ts';

export interface ProjectOrg {
    schema: SchemaRegistry;
    meta: OrgMetadata;
    /** `PublishImmediately` / `PublishAfterCommit` of a platform event object, from its `.object-meta.xml`. */
    publishBehavior: (object: string) => string | undefined;
}

export interface ProjectOrgOptions {
    /** The org's add-on features (default none); a project's are `projectOrgFeatures(dir)` (its scratch-org definition). */
    features?: OrgFeatures | Iterable<string>;
}

/**
 * Loads the org facts of the folders named `objects` and `objectTranslations` (as found in the
 * project); metadata (labels, permission sets, custom permissions) is read from each folder that
 * holds an `objects/` folder's siblings (`force-app/main/default`).
 */
export function loadProjectOrg(
    objectsDirs: string[],
    translationDirs: string[],
    options: ProjectOrgOptions = {}
): ProjectOrg {
    const schema = loadSchema(undefined, options.features ? { features: options.features } : {});
    for (const d of objectsDirs) loadProjectObjects(schema, d);
    for (const d of translationDirs) loadObjectTranslations(schema, d);
    const roots = [...new Set(objectsDirs.map((d) => path.dirname(d)))];
    const meta: OrgMetadata = { labels: new Map(), customPermissions: new Map(), permissionSets: new Map() };
    for (const root of roots) {
        const m = loadOrgMetadata(root);
        for (const [k, v] of m.labels) meta.labels.set(k, v);
        for (const [k, v] of m.customPermissions) meta.customPermissions.set(k, v);
        for (const [k, v] of m.permissionSets) meta.permissionSets.set(k, v);
    }
    const behaviours = new Map<string, string>();
    const publishBehavior = (object: string): string | undefined => {
        const key = object.toLowerCase();
        if (behaviours.has(key)) return behaviours.get(key);
        let found: string | undefined;
        for (const d of objectsDirs) {
            const name = schema.describe(object)?.name ?? object;
            const file = path.join(d, name, `${name}.object-meta.xml`);
            if (!existsSync(file)) continue;
            // Platform Events Developer Guide › Platform Event Fields: publishBehavior is PublishImmediately or PublishAfterCommit.
            found = /<publishBehavior>\s*(\w+)\s*<\/publishBehavior>/.exec(readFileSync(file, 'utf8'))?.[1];
        }
        if (found) behaviours.set(key, found);
        return found;
    };
    return { schema, meta, publishBehavior };
}
