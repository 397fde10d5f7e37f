/**
 * The describe model: what `Schema.getGlobalDescribe()`, `SObjectType.getDescribe()` and
 * `SObjectField.getDescribe()` return, built from standard objects read lazily from apex-ls's
 * sobject-types jar (`standard-objects-loader.ts`) and a project's object metadata (`metadata-objects.ts`).
 *
 * Names are looked up case-insensitively and keep their API spelling (Apex Developer Guide ›
 * Identifiers; Object Reference: API names are case-insensitive). A fact a source does not give is
 * `undefined`, never a default: the interpreter refuses to answer a describe call on an unknown fact
 * ("never a silent wrong answer").
 */
import { UnsupportedApexError } from '../errors.ts';
import { isUnqualifiedCustomName } from './namespace.ts';

/** `Schema.DisplayType` values (Apex Reference Guide › DisplayType Enum). */
export type DisplayType =
    | 'ADDRESS'
    | 'ANYTYPE'
    | 'BASE64'
    | 'BOOLEAN'
    | 'COMBOBOX'
    | 'CURRENCY'
    | 'DATACATEGORYGROUPREFERENCE'
    | 'DATE'
    | 'DATETIME'
    | 'DOUBLE'
    | 'EMAIL'
    | 'ENCRYPTEDSTRING'
    | 'ID'
    | 'INTEGER'
    | 'LOCATION'
    | 'LONG'
    | 'MULTIPICKLIST'
    | 'PERCENT'
    | 'PHONE'
    | 'PICKLIST'
    | 'REFERENCE'
    | 'STRING'
    | 'TEXTAREA'
    | 'TIME'
    | 'URL';

/** `Schema.SOAPType` values (Apex Reference Guide › SOAPType Enum). */
export type SoapType =
    | 'ANYTYPE'
    | 'BASE64BINARY'
    | 'BOOLEAN'
    | 'DATE'
    | 'DATETIME'
    | 'DOUBLE'
    | 'ID'
    | 'INTEGER'
    | 'LONG'
    | 'STRING'
    | 'TIME'
    | 'ADDRESS'
    | 'LOCATION';

/** The Apex type of a field's value (what `SObject.put` accepts and `get` returns). */
export type ApexFieldType =
    | 'String'
    | 'Id'
    | 'Boolean'
    | 'Integer'
    | 'Long'
    | 'Double'
    | 'Decimal'
    | 'Date'
    | 'Datetime'
    | 'Time'
    | 'Blob'
    | 'Address'
    | 'Location'
    | 'Object';

/** `Schema.PicklistEntry`. */
export interface PicklistEntry {
    value: string;
    label: string;
    isDefault: boolean;
    isActive: boolean;
}

/**
 * Labels of an object or field by language (`en_US`, `fr`, …); `default` is the master label,
 * `undefined` when no source gives it (standard objects: the jar has no labels).
 */
export interface Labels {
    default?: string;
    byLanguage: Record<string, string>;
}

/** `Schema.DescribeFieldResult` data. Unknown facts are `undefined` (see the module note). */
export interface FieldDescribe {
    /** API name as spelled in metadata, e.g. `LastName`, `Webex_Id__c`. */
    name: string;
    label: Labels;
    /** The value's Apex type (always known: from the jar or the field's metadata type). */
    apexType: ApexFieldType;
    /** `getType()`; `undefined` when no source documents it (a String field may be a Phone, a Picklist…). */
    type?: DisplayType;
    soapType?: SoapType;
    /** Maximum length of text fields (`getLength()`). */
    length?: number;
    precision?: number;
    scale?: number;
    /** `isNillable()`: false for required fields and checkboxes. */
    nillable?: boolean;
    createable?: boolean;
    updateable?: boolean;
    unique?: boolean;
    /** Unique match is case-sensitive (custom text fields with `caseSensitive`). */
    caseSensitive?: boolean;
    externalId: boolean;
    custom: boolean;
    /** Formula (`isCalculated()`), set by the platform, never writable. */
    calculated: boolean;
    autoNumber: boolean;
    /** Auto-number display format, e.g. `W-{0000}` (Metadata API › CustomField › displayFormat). */
    displayFormat?: string;
    /** A formula default value as written in metadata (`defaultValue`), e.g. `false`, `'x'`. */
    defaultValueFormula?: string;
    /** A formula field's formula (values are not computed: reading one is refused). */
    formula?: string;
    /** DML fails with REQUIRED_FIELD_MISSING when this field is null on insert (custom `required`, documented standard ones). */
    required?: boolean;
    /** A compound name computed from these fields on save (Contact/Lead `Name`). */
    compoundOf?: string[];
    /** Polymorphic reference whose targets the source does not list (`Task.WhoId`). */
    polymorphic?: boolean;
    /** Objects a reference field points to (`getReferenceTo()`); polymorphic fields name several. */
    referenceTo: string[];
    /** Relationship name of a reference field (`Account` for `AccountId`, `Foo__r` for `Foo__c`). */
    relationshipName?: string;
    isNameField: boolean;
    picklistValues: PicklistEntry[];
    /** Whether the field is a system field the platform sets (Id, CreatedDate, …). */
    system: boolean;
}

/** `Schema.ChildRelationship`. */
export interface ChildRelationship {
    childSObject: string;
    /** The reference field on the child; `undefined` when the source does not say which one. */
    field?: string;
    relationshipName: string;
}

/** `Schema.DescribeSObjectResult` data. */
export interface SObjectDescribe {
    name: string;
    label: Labels;
    labelPlural: Labels;
    /** Three-character key prefix of record Ids. */
    keyPrefix: string;
    custom: boolean;
    /** `Hierarchy` or `List` for a custom setting (`isCustomSetting()`). */
    customSettingsType?: 'Hierarchy' | 'List';
    /** A platform event (`__e`). */
    platformEvent: boolean;
    /** Fields keyed by lower-case API name. */
    fields: Map<string, FieldDescribe>;
    childRelationships: ChildRelationship[];
    /** Where this describe came from (`sobject-types jar`, `objects/Foo__c`), for error messages. */
    source: string;
    /**
     * The namespace of the package installed with this object's custom fields (`namespace.ts`): the package's code
     * names them without the prefix (`Fields__c` for `ns__Fields__c`). Absent outside a namespaced package.
     */
    packageNamespace?: string;
}

/** Creates an empty describe; loaders fill it in. */
export function newObjectDescribe(name: string, keyPrefix: string, source: string): SObjectDescribe {
    return {
        name,
        label: { byLanguage: {} },
        labelPlural: { byLanguage: {} },
        keyPrefix,
        custom: name.includes('__'),
        platformEvent: name.toLowerCase().endsWith('__e'),
        fields: new Map(),
        childRelationships: [],
        source
    };
}

/**
 * A label in a language, falling back to the master label (Translation Workbench: an untranslated
 * label shows the default); `undefined` when the master label is unknown.
 */
export function labelFor(labels: Labels, language?: string): string | undefined {
    if (language) {
        const exact = labels.byLanguage[language];
        if (exact !== undefined) return exact;
        const base = labels.byLanguage[language.split('_')[0]];
        if (base !== undefined) return base;
    }
    return labels.default;
}

/** The field of an object by case-insensitive name, or `undefined`. */
export function fieldOf(object: SObjectDescribe, field: string): FieldDescribe | undefined {
    const key = field.toLowerCase();
    return object.fields.get(key) ?? object.fields.get(packageKey(object, field) ?? '');
}

/**
 * The lower-case installed name of a custom name the package's code writes without its prefix (`fields__c` →
 * `ns__fields__c`): "the parser assumes that the namespace of the current object is the namespace of all other
 * objects and fields unless otherwise specified" (Apex Developer Guide › Namespace Prefix,
 * https://developer.salesforce.com/docs/platform/apex-dev/references/apex-dev/apex-classes-namespace-prefix.html).
 */
function packageKey(object: { packageNamespace?: string }, name: string): string | undefined {
    const ns = object.packageNamespace;
    return ns && isUnqualifiedCustomName(name) ? `${ns}__${name}`.toLowerCase() : undefined;
}

/** The reference field whose relationship name is `relationshipName` (case-insensitive). */
export function fieldByRelationship(object: SObjectDescribe, relationshipName: string): FieldDescribe | undefined {
    const wanted = [relationshipName.toLowerCase(), packageKey(object, relationshipName)];
    for (const f of object.fields.values()) {
        if (f.relationshipName && wanted.includes(f.relationshipName.toLowerCase())) return f;
    }
    return undefined;
}

/** The child relationship named `relationshipName` (case-insensitive), e.g. `Contacts` on Account. */
export function childRelationshipOf(object: SObjectDescribe, relationshipName: string): ChildRelationship | undefined {
    const wanted = [relationshipName.toLowerCase(), packageKey(object, relationshipName)];
    return object.childRelationships.find((c) => wanted.includes(c.relationshipName.toLowerCase()));
}

/** The name field (`isNameField()`), if known. */
export function nameFieldOf(object: SObjectDescribe): FieldDescribe | undefined {
    for (const f of object.fields.values()) if (f.isNameField) return f;
    return undefined;
}

/** What a registry asks of a source of standard objects (`standard-objects-loader.ts` implements it from the jar). */
export interface StandardObjectSource {
    /** The describe of a standard object (case-insensitive name), built on first request; `undefined` if unknown. */
    describe(name: string): SObjectDescribe | undefined;
    /** The name of the standard object whose Ids start with `prefix`, or `undefined`. */
    nameByKeyPrefix(prefix: string): string | undefined;
    /** Every standard object's API name (without describing them). */
    names(): string[];
    /** Records that the org has record types on `name` (a source that models record-type presence implements it). */
    declareRecordTypes?(name: string): void;
}

let defaultStandard: () => StandardObjectSource | null = () => null;

/**
 * Sets the standard objects a registry built without `standardObjects` uses; importing
 * `standard-objects-loader.ts` installs the jar's, so that this module reads no files itself.
 */
export function setDefaultStandardObjects(source: () => StandardObjectSource | null): void {
    defaultStandard = source;
}

/**
 * All objects of an org: `Schema.getGlobalDescribe()` and describe by name or key prefix.
 * Lookups are case-insensitive. Standard objects come from a `StandardObjectSource`, described the
 * first time they are asked for; objects added with `add` (a project's) take precedence.
 */
export class SchemaRegistry {
    private readonly byName = new Map<string, SObjectDescribe>();
    private readonly byPrefix = new Map<string, SObjectDescribe>();
    private readonly standard: StandardObjectSource | null;
    /**
     * The namespace the project's objects and fields are installed with (`ns__Foo__c`), '' deployed without one (the
     * default): the package's code may still name them without the prefix (`namespace.ts`).
     */
    readonly namespace: string;

    /**
     * `options.standardObjects`: where standard objects come from; `null` for none (a registry of
     * only the given objects); default: the jar of `@salesforce/code-analyzer-pmd-engine` when the
     * runtime's entry points installed it (importing `standard-objects-loader.ts`, as `loadSchema` does, installs it).
     * `options.namespace`: the package's namespace, for the project's objects loaded into it (default none).
     */
    constructor(
        objects: Iterable<SObjectDescribe> = [],
        options: { standardObjects?: StandardObjectSource | null; namespace?: string } = {}
    ) {
        this.standard = options.standardObjects === undefined ? defaultStandard() : options.standardObjects;
        this.namespace = options.namespace ?? '';
        for (const o of objects) this.add(o);
    }

    /** Adds or replaces an object (a project's object metadata extends a standard object's fields through `mergeFields`). */
    add(object: SObjectDescribe): void {
        this.byName.set(object.name.toLowerCase(), object);
        this.byPrefix.set(object.keyPrefix, object);
    }

    /**
     * The object named `name`, or `undefined` (`Schema.getGlobalDescribe().get('Nope')` is null:
     * Apex Reference Guide › Schema Class › getGlobalDescribe returns a map, and a map's `get` of an
     * absent key is null).
     */
    describe(name: string): SObjectDescribe | undefined {
        const key = name.toLowerCase();
        const known =
            this.byName.get(key) ?? this.byName.get(packageKey({ packageNamespace: this.namespace }, name) ?? '');
        if (known || !this.standard) return known;
        const d = this.standard.describe(name);
        if (d) this.add(d);
        return d;
    }

    /** The object named `name`; an unknown name is an `UnsupportedApexError` (the compiler would reject it). */
    require(name: string): SObjectDescribe {
        const d = this.describe(name);
        if (!d)
            throw new UnsupportedApexError(
                `SObject type ${name} (neither a standard object of the sobject-types jar nor in the project's objects/)`
            );
        return d;
    }

    /** The object whose Ids start with `prefix`. */
    byKeyPrefix(prefix: string): SObjectDescribe | undefined {
        const known = this.byPrefix.get(prefix);
        if (known || !this.standard) return known;
        const name = this.standard.nameByKeyPrefix(prefix);
        return name ? this.describe(name) : undefined;
    }

    /**
     * Records that the org has record types on the standard object `name` (its describe then lists
     * `RecordTypeId`); the standard-object source decides what that changes.
     */
    declareRecordTypes(name: string): void {
        this.standard?.declareRecordTypes?.(name);
    }

    /** The field `object.field`, or `undefined`. */
    field(object: string, field: string): FieldDescribe | undefined {
        const o = this.describe(object);
        return o ? fieldOf(o, field) : undefined;
    }

    /** API names of every object (standard and the project's), without describing them: the keys of `Schema.getGlobalDescribe()`. */
    names(): string[] {
        const out = new Map<string, string>();
        for (const n of this.standard?.names() ?? []) out.set(n.toLowerCase(), n);
        for (const d of this.byName.values()) out.set(d.name.toLowerCase(), d.name);
        return [...out.values()].sort();
    }

    /** Every object, described (thousands of standard objects: prefer `names()` and `describe`). */
    all(): SObjectDescribe[] {
        return this.names().map((n) => this.describe(n)!);
    }

    /** Whether a key prefix is taken (custom-object prefix generation avoids collisions). */
    hasPrefix(prefix: string): boolean {
        return this.byPrefix.has(prefix);
    }
}
