/**
 * Reads what the test org needs from an SFDX project's folders: the schema (standard objects from
 * the jar plus the project's `objects/` and `objectTranslations/`), the org metadata (labels,
 * custom permissions, permission sets) and the publish behaviour of its platform events.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadSchema } from '../data/load-schema.ts';
import { loadObjectTranslations, loadProjectObjects } from '../data/metadata-objects.ts';
import { loadOrgMetadata, type OrgMetadata, type PermissionSetGrants } from '../data/org-metadata.ts';
import { fieldOf, type SchemaRegistry } from '../data/schema.ts';
import { unqualifiedName } from '../data/namespace.ts';
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
    /**
     * The namespace the package runs with, as installed (`data/namespace.ts`): its objects, fields and permission
     * set grants take the prefix. Default '' (deployed without a namespace, as the project's tests run).
     */
    namespace?: string;
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
    const schema = loadSchema(undefined, {
        ...(options.features ? { features: options.features } : {}),
        ...(options.namespace ? { namespace: options.namespace } : {})
    });
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
    if (schema.namespace) for (const grants of meta.permissionSets.values()) installGrants(grants, schema);
    const behaviours = new Map<string, string>();
    const publishBehavior = (object: string): string | undefined => {
        const key = object.toLowerCase();
        if (behaviours.has(key)) return behaviours.get(key);
        let found: string | undefined;
        for (const d of objectsDirs) {
            // The folder keeps the source's name (`WebexErrorEvent__e`), installed or not.
            const name = unqualifiedName(schema.namespace, schema.describe(object)?.name ?? object);
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

/**
 * A permission set's grants keyed by the installed names of the objects and fields they name (`ns__foo__c`,
 * `contact.ns__bar__c`): packaging prefixes every reference of the package's components (Salesforce DX Developer
 * Guide › Namespaces for Second-Generation Managed Packages); a name the schema lacks stays as written.
 */
function installGrants(grants: PermissionSetGrants, schema: SchemaRegistry): void {
    const objectName = (name: string): string => schema.describe(name)?.name ?? name;
    grants.objects = new Map([...grants.objects].map(([name, p]) => [objectName(name).toLowerCase(), p]));
    grants.fields = new Map(
        [...grants.fields].map(([name, p]) => {
            const [object = '', field = ''] = name.split('.');
            const d = schema.describe(object);
            const installed = d ? `${d.name}.${fieldOf(d, field)?.name ?? field}` : name;
            return [installed.toLowerCase(), p];
        })
    );
}
