/** One call that builds an org's schema: standard objects plus an SFDX project's objects and translations. */
import { join } from 'node:path';
import { loadProjectObjects, loadObjectTranslations } from './metadata-objects.ts';
import { SchemaRegistry } from './schema.ts';
import { defaultStandardObjects, JarStandardObjects } from './standard-objects-loader.ts';
import { FeatureFilteredObjects } from './feature-filtered-objects.ts';
import { DefaultOrgObjects } from './default-org-objects.ts';
import { OrgFeatures } from './org-features.ts';
import { UnsupportedApexError } from '../errors.ts';

/** Where standard objects come from: a sobject-types jar path (default: the one `@salesforce/code-analyzer-pmd-engine` installs). */
export interface SchemaOptions {
    jar?: string;
    /**
     * The org's add-on features (`MultiCurrency`, `PersonAccounts`, `Divisions`): the standard fields
     * of the others are absent, as in an org without them (`org-features.ts`). Default: none.
     */
    features?: OrgFeatures | Iterable<string>;
    /**
     * The namespace the package is installed with (`namespace.ts`): its objects and fields are named
     * `ns__Foo__c`, and its code still names them without the prefix. Default '' (deployed without a namespace).
     */
    namespace?: string;
}

/**
 * The schema of an org holding the package under `packageDir` (a folder with `objects/`,
 * `objectTranslations/`, e.g. `force-app/main/default`). Without a directory: standard objects only.
 * Standard objects are described on first use, from the jar, without the fields of features the org lacks;
 * only the objects the default org has (recorded global describes, the features' objects:
 * `default-org-objects.ts`) exist.
 */
export function loadSchema(packageDir?: string, options: SchemaOptions = {}): SchemaRegistry {
    const standardObjects = options.jar ? new JarStandardObjects(options.jar) : defaultStandardObjects();
    if (!standardObjects)
        throw new UnsupportedApexError(
            'standard objects (install @salesforce/code-analyzer-pmd-engine, which provides the sobject-types jar, or pass options.jar)'
        );
    const features = options.features instanceof OrgFeatures ? options.features : new OrgFeatures(options.features);
    const registry = new SchemaRegistry([], {
        standardObjects: new FeatureFilteredObjects(new DefaultOrgObjects(standardObjects, features), features),
        namespace: options.namespace ?? ''
    });
    if (packageDir) {
        loadProjectObjects(registry, join(packageDir, 'objects'));
        loadObjectTranslations(registry, join(packageDir, 'objectTranslations'));
    }
    return registry;
}
