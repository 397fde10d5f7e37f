/**
 * Describes of a project's custom objects, custom settings, platform events and custom fields on
 * standard objects, read from an SFDX `objects/` folder (Metadata API Developer Guide › CustomObject,
 * CustomField), plus object and field label translations from `objectTranslations/`
 * (CustomObjectTranslation, CustomFieldTranslation).
 *
 * Types map to Apex value types as the Apex Developer Guide's "Primitive Data Types" and the field
 * types' describe types say: Number/Currency/Percent are Decimal in Apex, Checkbox is Boolean,
 * Lookup/MasterDetail are Id with a `__r` relationship.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { UnsupportedApexError } from '../errors.ts';
import { bool, elements, readMetadataFile, text, type XmlNode } from './xml.ts';
import { qualifyCustomName } from './namespace.ts';
import {
    fieldOf,
    newObjectDescribe,
    type ApexFieldType,
    type DisplayType,
    type FieldDescribe,
    type SchemaRegistry,
    type SObjectDescribe
} from './schema.ts';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Metadata field `<type>` → Apex value type and display type. */
const FIELD_TYPES: Record<string, { apexType: ApexFieldType; type: DisplayType; length?: number }> = {
    Text: { apexType: 'String', type: 'STRING' },
    TextArea: { apexType: 'String', type: 'TEXTAREA', length: 255 },
    LongTextArea: { apexType: 'String', type: 'TEXTAREA' },
    Html: { apexType: 'String', type: 'TEXTAREA' },
    EncryptedText: { apexType: 'String', type: 'ENCRYPTEDSTRING' },
    // Lengths of Email, Phone and Url: Salesforce Help › Custom Field Types (80, 40, 255 characters).
    Email: { apexType: 'String', type: 'EMAIL', length: 80 },
    Phone: { apexType: 'String', type: 'PHONE', length: 40 },
    Url: { apexType: 'String', type: 'URL', length: 255 },
    Picklist: { apexType: 'String', type: 'PICKLIST' },
    MultiselectPicklist: { apexType: 'String', type: 'MULTIPICKLIST' },
    Checkbox: { apexType: 'Boolean', type: 'BOOLEAN' },
    Number: { apexType: 'Decimal', type: 'DOUBLE' },
    Currency: { apexType: 'Decimal', type: 'CURRENCY' },
    Percent: { apexType: 'Decimal', type: 'PERCENT' },
    Date: { apexType: 'Date', type: 'DATE' },
    DateTime: { apexType: 'Datetime', type: 'DATETIME' },
    Time: { apexType: 'Time', type: 'TIME' },
    Lookup: { apexType: 'Id', type: 'REFERENCE' },
    MasterDetail: { apexType: 'Id', type: 'REFERENCE' },
    AutoNumber: { apexType: 'String', type: 'STRING' }
};

function baseField(
    name: string,
    label: string | undefined,
    apexType: ApexFieldType,
    type: DisplayType | undefined
): FieldDescribe {
    return {
        name,
        label: { default: label, byLanguage: {} },
        apexType,
        type,
        externalId: false,
        custom: name.endsWith('__c'),
        calculated: false,
        autoNumber: false,
        referenceTo: [],
        isNameField: false,
        picklistValues: [],
        system: false
    };
}

function systemField(
    name: string,
    apexType: ApexFieldType,
    type: DisplayType,
    referenceTo: string[] = []
): FieldDescribe {
    const f = baseField(name, undefined, apexType, type);
    f.system = true;
    f.createable = false;
    f.updateable = false;
    f.nillable = false;
    f.referenceTo = referenceTo;
    if (name.endsWith('ById')) f.relationshipName = name.slice(0, -2);
    return f;
}

/** A custom field's describe from its `CustomField` metadata. */
export function customFieldDescribe(node: XmlNode, file: string): FieldDescribe {
    const name = text(node, 'fullName');
    const typeName = text(node, 'type');
    if (!name || !typeName) throw new UnsupportedApexError(`field metadata without fullName or type`, file);
    if (text(node, 'formula') === undefined && !FIELD_TYPES[typeName])
        throw new UnsupportedApexError(`custom field type ${typeName}`, file);
    const spec = FIELD_TYPES[typeName] ?? { apexType: 'Object', type: undefined };
    const f = baseField(name, text(node, 'label'), spec.apexType, spec.type);
    const length = text(node, 'length');
    f.length = length !== undefined ? Number(length) : spec.length;
    const precision = text(node, 'precision');
    const scale = text(node, 'scale');
    if (precision !== undefined) f.precision = Number(precision);
    if (scale !== undefined) f.scale = Number(scale);
    f.required = bool(node, 'required') ?? false;
    f.unique = bool(node, 'unique') ?? false;
    f.caseSensitive = bool(node, 'caseSensitive') ?? false;
    f.externalId = bool(node, 'externalId') ?? false;
    f.defaultValueFormula = text(node, 'defaultValue');
    f.formula = text(node, 'formula');
    f.calculated = f.formula !== undefined;
    f.autoNumber = typeName === 'AutoNumber';
    f.displayFormat = text(node, 'displayFormat');
    // Checkboxes are never null (describe isNillable() is false for them); required fields neither.
    f.nillable = !(f.required || spec.apexType === 'Boolean' || typeName === 'MasterDetail');
    f.createable = !f.calculated && !f.autoNumber;
    f.updateable = f.createable && !(typeName === 'MasterDetail' && bool(node, 'reparentableMasterDetail') !== true);
    if (typeName === 'Lookup' || typeName === 'MasterDetail') {
        const target = text(node, 'referenceTo');
        if (!target) throw new UnsupportedApexError(`${typeName} field without referenceTo`, file);
        f.referenceTo = [target];
        f.relationshipName = `${name.slice(0, -3)}__r`;
    }
    for (const vs of elements(node, 'valueSet')) {
        for (const def of elements(vs, 'valueSetDefinition')) {
            for (const v of elements(def, 'value')) {
                const value = text(v, 'fullName') ?? '';
                f.picklistValues.push({
                    value,
                    label: text(v, 'label') ?? value,
                    isDefault: bool(v, 'default') ?? false,
                    isActive: true
                });
            }
        }
    }
    return f;
}

/** The child relationship name a custom reference field gives its parent (`<relationshipName>` + `__r`). */
export function customChildRelationshipName(node: XmlNode): string | undefined {
    const rel = text(node, 'relationshipName');
    return rel ? `${rel}__r` : undefined;
}

function readFields(dir: string): { node: XmlNode; file: string }[] {
    const fieldsDir = join(dir, 'fields');
    if (!existsSync(fieldsDir)) return [];
    return readdirSync(fieldsDir)
        .filter((f) => f.endsWith('.field-meta.xml'))
        .sort()
        .map((f) => ({ node: readMetadataFile(join(fieldsDir, f)), file: join(fieldsDir, f) }));
}

/**
 * Adds the project's objects under `objectsDir` to `registry` (custom objects, custom settings,
 * platform events) and its custom fields to standard objects already there; then links child
 * relationships of custom reference fields. Custom key prefixes are generated deterministically
 * (`a00`, `a01`, … in name order). In a registry with a namespace, the project's custom objects, fields and
 * relationships take it (`ns__Foo__c`, `ns__Bar__r`: `namespace.ts`), as the package installed with it names them.
 */
export function loadProjectObjects(registry: SchemaRegistry, objectsDir: string): SObjectDescribe[] {
    if (!existsSync(objectsDir)) return [];
    const names = readdirSync(objectsDir).sort();
    const loaded: SObjectDescribe[] = [];
    const childRels: { child: SObjectDescribe; field: FieldDescribe; rel: string }[] = [];
    let prefixIndex = 0;
    const ns = registry.namespace;
    for (const name of names) {
        const dir = join(objectsDir, name);
        const objectFile = join(dir, `${name}.object-meta.xml`);
        let d = registry.describe(name);
        if (!d) {
            if (!name.includes('__'))
                throw new UnsupportedApexError(
                    `standard object ${name} in objects/ is not in the sobject-types jar`,
                    dir
                );
            if (!existsSync(objectFile))
                throw new UnsupportedApexError(`custom object without ${name}.object-meta.xml`, dir);
            let prefix: string;
            do {
                prefix = `a${BASE62[Math.floor(prefixIndex / 62) % 62]}${BASE62[prefixIndex % 62]}`;
                prefixIndex++;
            } while (registry.hasPrefix(prefix));
            d = newCustomObject(qualifyCustomName(ns, name), prefix, readMetadataFile(objectFile), objectFile);
            registry.add(d);
        }
        if (ns) d.packageNamespace = ns;
        if (!d.custom && hasRecordTypes(dir)) registry.declareRecordTypes(d.name);
        for (const { node, file } of readFields(dir)) {
            const f = customFieldDescribe(node, file);
            if (ns) installWithNamespace(f, ns);
            d.fields.set(f.name.toLowerCase(), f);
            const rel = customChildRelationshipName(node);
            if (rel) childRels.push({ child: d, field: f, rel: qualifyCustomName(ns, rel) });
        }
        loaded.push(d);
    }
    for (const { child, field, rel } of childRels) {
        const parent = registry.describe(field.referenceTo[0]);
        if (parent)
            parent.childRelationships.push({ childSObject: child.name, field: field.name, relationshipName: rel });
    }
    return loaded;
}

/**
 * A package field as installed with the namespace: its name, its relationship name and the package objects it
 * references take the prefix (a package's fields reference its own objects or standard ones).
 */
function installWithNamespace(f: FieldDescribe, ns: string): void {
    f.name = qualifyCustomName(ns, f.name);
    f.referenceTo = f.referenceTo.map((target) => qualifyCustomName(ns, target));
    if (f.relationshipName) f.relationshipName = qualifyCustomName(ns, f.relationshipName);
}

/** Whether `objects/<Object>/recordTypes/` holds a record type (Metadata API › RecordType: `<Object>/recordTypes/<Name>.recordType-meta.xml`). */
function hasRecordTypes(objectDir: string): boolean {
    const dir = join(objectDir, 'recordTypes');
    return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.recordType-meta.xml'));
}

function newCustomObject(name: string, prefix: string, node: XmlNode, file: string): SObjectDescribe {
    const d = newObjectDescribe(name, prefix, file);
    d.custom = true;
    d.label.default = text(node, 'label');
    d.labelPlural.default = text(node, 'pluralLabel') ?? text(node, 'label');
    const settingsType = text(node, 'customSettingsType');
    if (settingsType === 'Hierarchy' || settingsType === 'List') d.customSettingsType = settingsType;
    const add = (f: FieldDescribe): void => void d.fields.set(f.name.toLowerCase(), f);
    // Standard fields every custom object has (Object Reference › Custom Objects › "standard fields"; System Fields).
    if (d.platformEvent) {
        add(systemField('ReplayId', 'String', 'STRING'));
        add(systemField('CreatedDate', 'Datetime', 'DATETIME'));
        add(systemField('CreatedById', 'Id', 'REFERENCE', ['User']));
        add(systemField('EventUuid', 'String', 'STRING'));
        return d;
    }
    add(systemField('Id', 'Id', 'ID'));
    add(systemField('IsDeleted', 'Boolean', 'BOOLEAN'));
    add(systemField('CreatedById', 'Id', 'REFERENCE', ['User']));
    add(systemField('CreatedDate', 'Datetime', 'DATETIME'));
    add(systemField('LastModifiedById', 'Id', 'REFERENCE', ['User']));
    add(systemField('LastModifiedDate', 'Datetime', 'DATETIME'));
    add(systemField('SystemModstamp', 'Datetime', 'DATETIME'));
    const nameNode = elements(node, 'nameField')[0];
    const nameType = nameNode ? text(nameNode, 'type') : 'Text';
    const nameField = baseField('Name', nameNode ? text(nameNode, 'label') : undefined, 'String', 'STRING');
    nameField.custom = false;
    nameField.isNameField = true;
    nameField.autoNumber = nameType === 'AutoNumber';
    if (nameNode) nameField.displayFormat = text(nameNode, 'displayFormat');
    nameField.createable = !nameField.autoNumber;
    nameField.updateable = !nameField.autoNumber;
    // Text name fields hold up to 80 characters (Salesforce Help › Custom Object Name field).
    nameField.length = 80;
    nameField.nillable = nameField.autoNumber ? false : true;
    add(nameField);
    if (d.customSettingsType === 'Hierarchy') {
        const owner = baseField('SetupOwnerId', undefined, 'Id', 'REFERENCE');
        owner.custom = false;
        owner.referenceTo = ['Organization', 'Profile', 'User'];
        owner.relationshipName = 'SetupOwner';
        owner.createable = true;
        owner.updateable = true;
        add(owner);
    } else if (!d.customSettingsType) {
        const owner = baseField('OwnerId', undefined, 'Id', 'REFERENCE');
        owner.custom = false;
        owner.referenceTo = ['Group', 'User'];
        owner.polymorphic = true;
        owner.relationshipName = 'Owner';
        owner.createable = true;
        owner.updateable = true;
        add(owner);
    }
    return d;
}

/**
 * Applies `objectTranslations/<Object>-<lang>/`: object labels (`caseValues` singular/plural) and
 * field labels (`*.fieldTranslation-meta.xml` or `<fields>` in the object translation).
 */
export function loadObjectTranslations(registry: SchemaRegistry, translationsDir: string): void {
    if (!existsSync(translationsDir)) return;
    for (const entry of readdirSync(translationsDir).sort()) {
        const dash = entry.lastIndexOf('-');
        if (dash < 0) continue;
        const objectName = entry.slice(0, dash);
        const lang = entry.slice(dash + 1);
        const d = registry.describe(objectName);
        if (!d) continue;
        const dir = join(translationsDir, entry);
        for (const file of readdirSync(dir).sort()) {
            const path = join(dir, file);
            if (file.endsWith('.objectTranslation-meta.xml')) {
                const node = readMetadataFile(path);
                for (const cv of elements(node, 'caseValues')) {
                    // Only the base case (no article/possessive/caseType) is the label.
                    if (text(cv, 'caseType') || text(cv, 'article') || text(cv, 'possessive')) continue;
                    const value = text(cv, 'value');
                    if (value === undefined) continue;
                    if (bool(cv, 'plural')) d.labelPlural.byLanguage[lang] = value;
                    else d.label.byLanguage[lang] = value;
                }
                const nameLabel = text(node, 'nameFieldLabel');
                const nameField = fieldOf(d, 'Name');
                if (nameLabel && nameField) nameField.label.byLanguage[lang] = nameLabel;
                for (const fnode of elements(node, 'fields')) setFieldLabel(d, fnode, lang);
            } else if (file.endsWith('.fieldTranslation-meta.xml')) {
                setFieldLabel(d, readMetadataFile(path), lang);
            }
        }
    }
}

function setFieldLabel(d: SObjectDescribe, node: XmlNode, lang: string): void {
    const name = text(node, 'name');
    const label = text(node, 'label');
    if (!name || label === undefined) return;
    const f = fieldOf(d, name);
    if (f) f.label.byLanguage[lang] = label;
}
