/**
 * The emulated org's namespace: the workbench deploys the package unpackaged (no namespace) unless told to
 * run it as installed, with the namespace of sfdx-project.json (`WORKBENCH_NAMESPACE=webexsf npm start`,
 * `POST /_org/control/namespace {"namespace": "webexsf"}`, or `org.useNamespace()` in a story). The stand-ins
 * then name what the package's Apex names through WebexNamespace as an installed org does (docs/namespace.md):
 * Visualforce pages `/apex/webexsf__page`, the tab `webexsf__Webex_Admin` and its page state keys
 * `webexsf__key`, and the package's objects and fields `webexsf__Name__c` in the records the org answers with.
 */
import path from 'node:path';
import { isCustomName, packageComponents, readProject } from '../../scripts/lib/package-components.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

/** The namespace the package is registered with (sfdx-project.json). */
export const PACKAGE_NAMESPACE = (readProject(ROOT).namespace ?? '').trim();

/** Where the emulated org reads the namespace it runs the package with. */
export interface Namespaced {
    namespace: string;
}

/** The package's own custom objects and fields (`WebexCallLogTab__c`, `Fields__c`), read once. */
let schemaNames: Set<string> | null = null;
function packageSchema(): Set<string> {
    if (!schemaNames) {
        schemaNames = new Set<string>();
        for (const component of packageComponents(ROOT)) {
            if (component.type === 'CustomObject' && isCustomName(component.name)) schemaNames.add(component.name);
            if (component.type === 'CustomField') {
                const field = component.name.split('.')[1];
                if (isCustomName(field)) schemaNames.add(field);
            }
        }
    }
    return schemaNames;
}

/** WebexNamespace.qualify: `<ns>__name` with a namespace, the name without. */
export function qualify(org: Namespaced, name: string): string {
    return org.namespace ? `${org.namespace}__${name}` : name;
}

/** WebexNamespace.stateKey: a Lightning page state key, `<ns>__name`, or `c__name` without a namespace. */
export function stateKey(org: Namespaced, name: string): string {
    return `${org.namespace || 'c'}__${name}`;
}

/** The name an installed org's APIs give one of the package's objects or fields; other names are unchanged. */
export function apiName(org: Namespaced, name: string): string {
    return org.namespace && packageSchema().has(name) ? qualify(org, name) : name;
}

/**
 * A package record as an installed org's APIs spell it (UI API, SObjects serialized by Apex): the package's
 * field names prefixed. `fromApiRecord` reads one back by the names the source uses, as the Apex's field
 * tokens do whatever the namespace.
 */
export function toApiRecord<T extends object>(org: Namespaced, record: T): Record<string, unknown> {
    return Object.fromEntries(Object.entries(record).map(([name, value]) => [apiName(org, name), value]));
}

export function fromApiRecord<T>(org: Namespaced, record: Record<string, unknown>): T {
    const prefix = org.namespace ? `${org.namespace}__` : '';
    return Object.fromEntries(
        Object.entries(record).map(([name, value]) => [
            prefix && name.startsWith(prefix) && packageSchema().has(name.slice(prefix.length))
                ? name.slice(prefix.length)
                : name,
            value
        ])
    ) as T;
}
