/**
 * The package's components as the source declares them, and the names they take once the package is
 * installed with its namespace (docs/namespace.md): objects, fields, Visualforce pages, tabs, custom
 * permissions, message channels and the other `__`-named components become `<ns>__Name`, Apex classes
 * `<ns>.Name`, custom labels `<ns>.Name`. Shared by the gate's namespace check and the workbench's
 * namespaced mode.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { findFiles } from './project.ts';

/** Kinds of components the package ships, by the Metadata API type they are. */
export type ComponentType =
    | 'ApexClass'
    | 'ApexPage'
    | 'CustomObject'
    | 'CustomField'
    | 'CustomPermission'
    | 'CustomTab'
    | 'CustomLabel'
    | 'FlexiPage'
    | 'LightningComponentBundle'
    | 'LightningMessageChannel'
    | 'PermissionSet'
    | 'QuickAction';

export interface PackageComponent {
    type: ComponentType;
    /** The name in source: `WebexCallLogTab__c`, `WebexCallLogTab__c.Fields__c`, `Contact.Webex_Make_a_Call`. */
    name: string;
    file: string;
    /** Apex classes: annotated @IsTest. */
    isTest?: boolean;
}

/** The name suffixes of custom schema (objects, fields, events, metadata types, big and external objects). */
export const CUSTOM_SUFFIX = /__(c|e|mdt|b|x)$/i;

/** The directories of sfdx-project.json's packageDirectories under `root` (`<dir>/main/default` where it exists). */
export function packageSourceDirs(root: string): string[] {
    const project = readProject(root);
    return (project.packageDirectories ?? []).map((dir) => {
        const base = path.join(root, dir.path);
        const main = path.join(base, 'main', 'default');
        return existsSync(main) ? main : base;
    });
}

export interface ProjectJson {
    namespace?: string;
    packageDirectories?: Array<{ path: string; package?: string; default?: boolean }>;
    packageAliases?: Record<string, string>;
}

export function readProject(root: string): ProjectJson {
    return JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as ProjectJson;
}

/** Every component of the package's source directories. */
export function packageComponents(root: string): PackageComponent[] {
    const components: PackageComponent[] = [];
    const add = (type: ComponentType, name: string, file: string, extra: Partial<PackageComponent> = {}): void => {
        components.push({ type, name, file, ...extra });
    };
    for (const dir of packageSourceDirs(root)) {
        for (const file of findFiles(dir, /\.cls$/)) {
            const source = readFileSync(file, 'utf8');
            add('ApexClass', path.basename(file, '.cls'), file, {
                isTest: /^\s*@IsTest\b/im.test(source.replace(/\/\*[\s\S]*?\*\//g, ''))
            });
        }
        for (const file of findFiles(dir, /\.page$/)) add('ApexPage', path.basename(file, '.page'), file);
        for (const file of findFiles(dir, /\.object-meta\.xml$/))
            add('CustomObject', path.basename(file, '.object-meta.xml'), file);
        for (const file of findFiles(dir, /\.field-meta\.xml$/)) {
            const objectName = path.basename(path.dirname(path.dirname(file)));
            add('CustomField', `${objectName}.${path.basename(file, '.field-meta.xml')}`, file);
        }
        for (const [type, suffix] of [
            ['CustomPermission', '.customPermission-meta.xml'],
            ['CustomTab', '.tab-meta.xml'],
            ['FlexiPage', '.flexipage-meta.xml'],
            ['PermissionSet', '.permissionset-meta.xml'],
            ['QuickAction', '.quickAction-meta.xml']
        ] as Array<[ComponentType, string]>) {
            for (const file of findFiles(dir, new RegExp(`${suffix.replace(/[.-]/g, '\\$&')}$`)))
                add(type, path.basename(file, suffix), file);
        }
        // A message channel `WebexCalling` is referenced as `WebexCalling__c`.
        for (const file of findFiles(dir, /\.messageChannel-meta\.xml$/))
            add('LightningMessageChannel', `${path.basename(file, '.messageChannel-meta.xml')}__c`, file);
        for (const file of findFiles(dir, /\.labels-meta\.xml$/)) {
            for (const match of readFileSync(file, 'utf8').matchAll(/<fullName>\s*(\w+)\s*<\/fullName>/g))
                add('CustomLabel', match[1], file);
        }
        const lwcDir = path.join(dir, 'lwc');
        if (existsSync(lwcDir)) {
            for (const bundle of readdirSync(lwcDir)) {
                const meta = path.join(lwcDir, bundle, `${bundle}.js-meta.xml`);
                if (existsSync(meta)) add('LightningComponentBundle', bundle, meta);
            }
        }
    }
    return components;
}

/** Whether an object is custom (the package's own or another's), as opposed to a standard object. */
export function isCustomName(name: string): boolean {
    return CUSTOM_SUFFIX.test(name);
}

/**
 * The installed name of a package component: `<ns>__WebexCallLogTab__c`, `Contact.<ns>__Field__c`,
 * `<ns>__webexsfdcauth`, `<ns>.WebexAdminController`, `<ns>.WebexAdmin_Title`. Without a namespace, the name.
 */
export function installedName(component: Pick<PackageComponent, 'type' | 'name'>, namespace: string): string {
    if (!namespace) return component.name;
    const prefixed = (name: string): string => `${namespace}__${name}`;
    switch (component.type) {
        case 'ApexClass':
        case 'CustomLabel':
            return `${namespace}.${component.name}`;
        case 'LightningComponentBundle':
            return `${namespace}:${component.name}`;
        case 'CustomField': {
            const [objectName, fieldName] = component.name.split('.');
            return `${isCustomName(objectName) ? prefixed(objectName) : objectName}.${
                isCustomName(fieldName) ? prefixed(fieldName) : fieldName
            }`;
        }
        case 'CustomObject':
            return isCustomName(component.name) ? prefixed(component.name) : component.name;
        case 'QuickAction': {
            // `Contact.Webex_Make_a_Call`: the action of a standard object keeps the object's name.
            const [objectName, actionName] = component.name.split('.');
            return actionName
                ? `${isCustomName(objectName) ? prefixed(objectName) : objectName}.${prefixed(actionName)}`
                : prefixed(component.name);
        }
        default:
            return prefixed(component.name);
    }
}

/** The package's own custom objects and custom fields, by their name in source (`Fields__c`, `WebexCallLogTab__c`). */
export function packageSchemaNames(components: PackageComponent[]): Set<string> {
    const names = new Set<string>();
    for (const component of components) {
        if (component.type === 'CustomObject' && isCustomName(component.name)) names.add(component.name);
        if (component.type === 'CustomField') {
            const fieldName = component.name.split('.')[1];
            if (isCustomName(fieldName)) names.add(fieldName);
        }
    }
    return names;
}
