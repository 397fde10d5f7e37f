/**
 * Names of a package installed with a namespace. "External references to custom object and field names in the
 * developer's managed packages take on the following long format: namespace_prefix__obj_or_field_name__c", and
 * "a stored class must refer to custom object and field names directly (using obj_or_field_name__c) for those
 * objects that are defined within its same application namespace" (Apex Developer Guide › Namespace Prefix,
 * https://developer.salesforce.com/docs/platform/apex-dev/references/apex-dev/apex-classes-namespace-prefix.html).
 * Every component of a second-generation package takes the prefix: `Insurance_Agent__c` becomes
 * `Acme__Insurance_Agent__c` (Salesforce DX Developer Guide › Namespaces for Second-Generation Managed Packages,
 * https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_dev2gp_plan_namespaces.htm).
 */

/** Custom component suffixes that take the namespace (`__c` objects and fields, `__r` relationships, `__e`, `__mdt`). */
const CUSTOM_SUFFIX = /^[A-Za-z][A-Za-z0-9_]*?__(c|r|e|mdt|b|x|share|history|feed)$/i;

/** Whether `name` is a custom component's name written without any namespace (`Fields__c`, not `ns__Fields__c`). */
export function isUnqualifiedCustomName(name: string): boolean {
    return CUSTOM_SUFFIX.test(name) && name.split('__').length === 2;
}

/** `ns__name` for a custom name without a namespace; other names (standard, already qualified) unchanged. */
export function qualifyCustomName(namespace: string, name: string): string {
    return namespace && isUnqualifiedCustomName(name) ? `${namespace}__${name}` : name;
}

/** The name without this namespace's prefix (`ns__Fields__c` → `Fields__c`); other names unchanged. */
export function unqualifiedName(namespace: string, name: string): string {
    const prefix = `${namespace}__`.toLowerCase();
    return namespace && name.toLowerCase().startsWith(prefix) && isUnqualifiedCustomName(name.slice(prefix.length))
        ? name.slice(prefix.length)
        : name;
}
