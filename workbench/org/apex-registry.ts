/**
 * The Apex methods components may import (`@salesforce/apex/WebexAdminController.saveAccessToken`): every
 * `@AuraEnabled` static method of the package's classes, read from their source. The Apex host runs them
 * (apex-host/README.md); the workbench build refuses a component import that names none of them, as an org refuses
 * to save a component that imports a method it does not have.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ParseCache } from '../../apex-runtime/src/syntax/parse-cache.ts';

const CLASSES_DIR = path.resolve(import.meta.dirname, '..', '..', 'force-app', 'main', 'default', 'classes');

/** The package's `.cls` files, by class name. */
function classFiles(dir = CLASSES_DIR, files = new Map<string, string>()): Map<string, string> {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) classFiles(path.join(dir, entry.name), files);
        else if (entry.name.endsWith('.cls')) files.set(entry.name.slice(0, -4), path.join(dir, entry.name));
    }
    return files;
}

/** The `Class.method` names of the package's `@AuraEnabled` static methods. */
export function auraMethods(): string[] {
    const cache = new ParseCache();
    return [...classFiles()].flatMap(([className, file]) => {
        const type = cache.parse(path.basename(file), readFileSync(file, 'utf8')).type;
        if (type.kind !== 'class') return [];
        return type.members
            .filter(
                (m) =>
                    m.kind === 'method' &&
                    m.modifiers.includes('static') &&
                    m.annotations.some((a) => a.name.toLowerCase() === 'auraenabled')
            )
            .map((m) => `${className}.${(m as { name: string }).name}`);
    });
}

/** What the build checks component imports against. */
export const IMPLEMENTED_APEX = auraMethods();
