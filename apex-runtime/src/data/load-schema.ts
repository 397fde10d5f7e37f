/** One call that builds an org's schema: standard objects plus an SFDX project's objects and translations. */
import { join } from 'node:path';
import { loadProjectObjects, loadObjectTranslations } from './metadata-objects.ts';
import { SchemaRegistry } from './schema.ts';
import { defaultStandardObjects, JarStandardObjects } from './standard-objects-loader.ts';
import { FeatureFilteredObjects } from './feature-filtered-objects.ts';
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
}

/**
 * The schema of an org holding the package under `packageDir` (a folder with `objects/`,
 * `objectTranslations/`, e.g. `force-app/main/default`). Without a directory: standard objects only.
 * Standard objects are described on first use, from the jar, without the fields of features the org lacks.
 */
export function loadSchema(packageDir?: string, options: SchemaOptions = {}): SchemaRegistry {
    const standardObjects = options.jar ? new JarStandardObjects(options.jar) : defaultStandardObjects();
    if (!standardObjects)
        throw new UnsupportedApexError(
            'standard objects (install @salesforce/code-analyzer-pmd-engine, which provides the sobject-types jar, or pass options.jar)'
        );
    const features = options.features instanceof OrgFeatures ? options.features : new OrgFeatures(options.features);
    const registry = new SchemaRegistry([], { standardObjects: new FeatureFilteredObjects(standardObjects, features) });
    if (packageDir) {
        loadProjectObjects(registry, join(packageDir, 'objects'));
        loadObjectTranslations(registry, join(packageDir, 'objectTranslations'));
    }
    return registry;
}
