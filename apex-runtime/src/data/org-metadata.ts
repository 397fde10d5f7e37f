/**
 * Org metadata an SFDX project deploys, as the runtime needs it: custom labels and their
 * translations (`labels/`, `translations/`), custom permissions (`customPermissions/`) and
 * permission sets (`permissionsets/`: object, field, custom-permission, class and user permissions).
 * Metadata API Developer Guide › CustomLabels, Translations, CustomPermission, PermissionSet.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { bool, elements, readMetadataFile, text } from './xml.ts';

/** One custom label (`Label.Name`). */
export interface CustomLabel {
    name: string;
    value: string;
    /** The language of `value` (`en_US`). */
    language: string;
    /** Translated values by language (`fr`, `de`, …). */
    translations: Record<string, string>;
}

/** Object permissions of a permission set or profile (Metadata API › PermissionSet › objectPermissions). */
export interface ObjectPermissions {
    read: boolean;
    create: boolean;
    edit: boolean;
    delete: boolean;
    viewAll: boolean;
    modifyAll: boolean;
}

/** Field permissions (Metadata API › PermissionSet › fieldPermissions). */
export interface FieldPermissions {
    readable: boolean;
    editable: boolean;
}

/** A permission set's grants. Keys are lower-case (`contact`, `contact.phone`). */
export interface PermissionSetGrants {
    name: string;
    label?: string;
    objects: Map<string, ObjectPermissions>;
    fields: Map<string, FieldPermissions>;
    customPermissions: Set<string>;
    classes: Set<string>;
    /** System permissions (`ViewAllData`, `ModifyAllData`, `ApiEnabled`, …) in lower case. */
    userPermissions: Set<string>;
}

/** Everything loaded from one project. */
export interface OrgMetadata {
    labels: Map<string, CustomLabel>;
    /** Custom permission API names by lower-case name. */
    customPermissions: Map<string, string>;
    /** Permission sets by lower-case API name. */
    permissionSets: Map<string, PermissionSetGrants>;
}

/** `Label.X` in `language`: its translation, else the label's own value (Translation Workbench: untranslated labels show the default). */
export function labelValue(meta: OrgMetadata, name: string, language?: string): string | undefined {
    const label = meta.labels.get(name.toLowerCase());
    if (!label) return undefined;
    if (language && language !== label.language) {
        const t = label.translations[language];
        if (t !== undefined) return t;
    }
    return label.value;
}

function filesEnding(dir: string, suffix: string): string[] {
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
        .filter((f) => f.endsWith(suffix))
        .sort()
        .map((f) => join(dir, f));
}

function loadLabels(packageDir: string): Map<string, CustomLabel> {
    const labels = new Map<string, CustomLabel>();
    for (const file of filesEnding(join(packageDir, 'labels'), '.labels-meta.xml')) {
        for (const l of elements(readMetadataFile(file), 'labels')) {
            const name = text(l, 'fullName');
            if (!name) continue;
            labels.set(name.toLowerCase(), {
                name,
                value: text(l, 'value') ?? '',
                language: text(l, 'language') ?? 'en_US',
                translations: {}
            });
        }
    }
    for (const file of filesEnding(join(packageDir, 'translations'), '.translation-meta.xml')) {
        const language = file.split('/').pop()!.replace('.translation-meta.xml', '');
        for (const t of elements(readMetadataFile(file), 'customLabels')) {
            const name = text(t, 'name');
            const value = text(t, 'label');
            const label = name ? labels.get(name.toLowerCase()) : undefined;
            if (label && value !== undefined) label.translations[language] = value;
        }
    }
    return labels;
}

/** Reads one `*.permissionset-meta.xml` (also usable for `*.profile-meta.xml`, which has the same permission elements). */
export function readPermissionSet(file: string, name: string): PermissionSetGrants {
    const node = readMetadataFile(file);
    const grants: PermissionSetGrants = {
        name,
        label: text(node, 'label'),
        objects: new Map(),
        fields: new Map(),
        customPermissions: new Set(),
        classes: new Set(),
        userPermissions: new Set()
    };
    for (const o of elements(node, 'objectPermissions')) {
        const object = text(o, 'object');
        if (!object) continue;
        grants.objects.set(object.toLowerCase(), {
            read: bool(o, 'allowRead') ?? false,
            create: bool(o, 'allowCreate') ?? false,
            edit: bool(o, 'allowEdit') ?? false,
            delete: bool(o, 'allowDelete') ?? false,
            viewAll: bool(o, 'viewAllRecords') ?? false,
            modifyAll: bool(o, 'modifyAllRecords') ?? false
        });
    }
    for (const f of elements(node, 'fieldPermissions')) {
        const field = text(f, 'field');
        if (field)
            grants.fields.set(field.toLowerCase(), {
                readable: bool(f, 'readable') ?? false,
                editable: bool(f, 'editable') ?? false
            });
    }
    for (const c of elements(node, 'customPermissions')) {
        const n = text(c, 'name');
        if (n && bool(c, 'enabled')) grants.customPermissions.add(n.toLowerCase());
    }
    for (const c of elements(node, 'classAccesses')) {
        const n = text(c, 'apexClass');
        if (n && bool(c, 'enabled')) grants.classes.add(n.toLowerCase());
    }
    for (const u of elements(node, 'userPermissions')) {
        const n = text(u, 'name');
        if (n && bool(u, 'enabled')) grants.userPermissions.add(n.toLowerCase());
    }
    return grants;
}

/** Loads labels, custom permissions and permission sets from a package folder (e.g. `force-app/main/default`). */
export function loadOrgMetadata(packageDir: string): OrgMetadata {
    const customPermissions = new Map<string, string>();
    for (const file of filesEnding(join(packageDir, 'customPermissions'), '.customPermission-meta.xml')) {
        const name = file.split('/').pop()!.replace('.customPermission-meta.xml', '');
        customPermissions.set(name.toLowerCase(), name);
    }
    const permissionSets = new Map<string, PermissionSetGrants>();
    for (const file of filesEnding(join(packageDir, 'permissionsets'), '.permissionset-meta.xml')) {
        const name = file.split('/').pop()!.replace('.permissionset-meta.xml', '');
        permissionSets.set(name.toLowerCase(), readPermissionSet(file, name));
    }
    return { labels: loadLabels(packageDir), customPermissions, permissionSets };
}
