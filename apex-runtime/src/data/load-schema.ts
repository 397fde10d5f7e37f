/** One call that builds an org's schema: standard objects plus an SFDX project's objects and translations. */
import { join } from 'node:path';
import { loadProjectObjects, loadObjectTranslations } from './metadata-objects.ts';
import { SchemaRegistry } from './schema.ts';
import { defaultStandardObjects, JarStandardObjects } from './standard-objects-loader.ts';
import { UnsupportedApexError } from '../errors.ts';

/** Where standard objects come from: a sobject-types jar path (default: the one `@salesforce/code-analyzer-pmd-engine` installs). */
export interface SchemaOptions {
    jar?: string;
}

/**
 * The schema of an org holding the package under `packageDir` (a folder with `objects/`,
 * `objectTranslations/`, e.g. `force-app/main/default`). Without a directory: standard objects only.
 * Standard objects are described on first use, from the jar.
 */
export function loadSchema(packageDir?: string, options: SchemaOptions = {}): SchemaRegistry {
    const standardObjects = options.jar ? new JarStandardObjects(options.jar) : defaultStandardObjects();
    if (!standardObjects)
        throw new UnsupportedApexError(
            'standard objects (install @salesforce/code-analyzer-pmd-engine, which provides the sobject-types jar, or pass options.jar)'
        );
    const registry = new SchemaRegistry([], { standardObjects });
    if (packageDir) {
        loadProjectObjects(registry, join(packageDir, 'objects'));
        loadObjectTranslations(registry, join(packageDir, 'objectTranslations'));
    }
    return registry;
}
