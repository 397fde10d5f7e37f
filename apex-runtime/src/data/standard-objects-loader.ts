/**
 * Describes of standard objects, built on demand from apex-ls's sobject-types jar
 * (`sobject-types-jar.ts`) and the hand-written, doc-citing `schema/standard-field-facts.json`.
 *
 * Only what a source says is set: a String field's display type (Phone? Picklist?) is known only when
 * the facts file documents it. Key prefixes come from the documented decoder list; other objects get
 * a generated one (`9`, then `Z`, `Y`, followed by two base-62 characters, by the object's position
 * among the undocumented names of the jar: stable whatever order objects are described in, and never
 * a prefix of the decoder list or of custom objects, which start with `a`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UnsupportedApexError } from '../errors.ts';
import {
    newObjectDescribe,
    type ApexFieldType,
    type ChildRelationship,
    type DisplayType,
    type FieldDescribe,
    type PicklistEntry,
    type SObjectDescribe,
    type StandardObjectSource,
    setDefaultStandardObjects
} from './schema.ts';
import { absentFromDefaultOrg, applyFieldReference } from './field-reference.ts';
import { defaultJarPath, SObjectTypesJar, type JarField } from './sobject-types-jar.ts';

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const GENERATED_FIRST = '9ZY';

interface FactJson {
    type?: DisplayType;
    length?: number;
    /** Digits of a number field, and digits after the point (Field Reference › Precision, Scale). */
    precision?: number;
    scale?: number;
    nillable?: boolean;
    required?: boolean;
    createable?: boolean;
    updateable?: boolean;
    unique?: boolean;
    caseSensitive?: boolean;
    isNameField?: boolean;
    compoundOf?: string[];
    referenceTo?: string[];
    label?: Record<string, string>;
    picklistValues?: PicklistEntry[];
    /** A literal value the field takes on insert when unset ("Defaulted on create" with a cited value), as a formula literal: `true`. */
    defaultValue?: string;
}

interface ObjectFactJson {
    source: string;
    label?: Record<string, string>;
    labelPlural?: Record<string, string>;
    fields: Record<string, FactJson>;
}

/** The shape of `schema/standard-field-facts.json`. */
export interface FactsFile {
    sources: Record<string, string>;
    systemFields: { source: string; fields: Record<string, FactJson> };
    keyPrefixes: { source: string; prefixes: Record<string, string> };
    objects: Record<string, ObjectFactJson>;
    /** Display types of String and Decimal fields as observed in an org's schema (source cited in the file). */
    observedDisplayTypes?: { source: string; objects: Record<string, Record<string, DisplayType>> };
    /** Targets of polymorphic reference fields (`Task.WhatId`) as observed in an org's schema. */
    referenceTargets?: { source: string; fields: Record<string, string[]> };
}

let factsCache: FactsFile | undefined;

/** The facts file, read once. */
export function standardFacts(): FactsFile {
    factsCache ??= JSON.parse(readFileSync(join(SCHEMA_DIR, 'standard-field-facts.json'), 'utf8')) as FactsFile;
    return factsCache;
}

/** Where each standard-object fact came from (for reports and error messages). */
export function factSources(): Record<string, string> {
    return { ...standardFacts().sources };
}

/** The display type an Apex value type implies without ambiguity (Boolean is always a checkbox…); undefined for String and Decimal. */
function impliedDisplayType(apexType: ApexFieldType, name: string, isReference: boolean): DisplayType | undefined {
    switch (apexType) {
        case 'Boolean':
            return 'BOOLEAN';
        case 'Date':
            return 'DATE';
        case 'Datetime':
            return 'DATETIME';
        case 'Time':
            return 'TIME';
        case 'Integer':
            return 'INTEGER';
        case 'Long':
            return 'LONG';
        case 'Double':
            return 'DOUBLE';
        case 'Blob':
            return 'BASE64';
        case 'Address':
            return 'ADDRESS';
        case 'Location':
            return 'LOCATION';
        case 'Id':
            return name.toLowerCase() === 'id' ? 'ID' : isReference ? 'REFERENCE' : undefined;
        default:
            return undefined;
    }
}

function applyFact(f: FieldDescribe, fact: FactJson): void {
    if (fact.type !== undefined) f.type = fact.type;
    if (fact.length !== undefined) f.length = fact.length;
    if (fact.precision !== undefined) f.precision = fact.precision;
    if (fact.scale !== undefined) f.scale = fact.scale;
    if (fact.nillable !== undefined) f.nillable = fact.nillable;
    if (fact.required !== undefined) f.required = fact.required;
    if (fact.createable !== undefined) f.createable = fact.createable;
    if (fact.updateable !== undefined) f.updateable = fact.updateable;
    if (fact.unique !== undefined) f.unique = fact.unique;
    if (fact.caseSensitive !== undefined) f.caseSensitive = fact.caseSensitive;
    if (fact.isNameField !== undefined) f.isNameField = fact.isNameField;
    if (fact.compoundOf !== undefined) f.compoundOf = fact.compoundOf;
    if (fact.referenceTo !== undefined) f.referenceTo = fact.referenceTo;
    if (fact.picklistValues !== undefined) f.picklistValues = fact.picklistValues.map((p) => ({ ...p }));
    if (fact.defaultValue !== undefined) f.defaultValueFormula = fact.defaultValue;
    if (fact.label) applyLabels(f.label, fact.label);
}

function applyLabels(target: { default?: string; byLanguage: Record<string, string> }, labels: Record<string, string>) {
    for (const [lang, value] of Object.entries(labels)) {
        if (lang === 'en_US') target.default = value;
        target.byLanguage[lang] = value;
    }
}

/** Standard objects from a sobject-types jar and the facts file. */
export class JarStandardObjects implements StandardObjectSource {
    readonly jar: SObjectTypesJar;
    private readonly facts: FactsFile;
    private prefixes: { byName: Map<string, string>; byPrefix: Map<string, string> } | undefined;
    private readonly described = new Map<string, SObjectDescribe>();

    constructor(jarPath: string, facts: FactsFile = standardFacts()) {
        this.jar = new SObjectTypesJar(jarPath);
        this.facts = facts;
    }

    names(): string[] {
        return [...this.jar.names().values()].sort();
    }

    private prefixTable(): { byName: Map<string, string>; byPrefix: Map<string, string> } {
        if (this.prefixes) return this.prefixes;
        const byName = new Map<string, string>();
        const byPrefix = new Map<string, string>();
        const documented = this.facts.keyPrefixes.prefixes;
        for (const [name, prefix] of Object.entries(documented)) {
            byName.set(name.toLowerCase(), prefix);
            byPrefix.set(prefix, name);
        }
        let i = 0;
        for (const name of this.names()) {
            if (byName.has(name.toLowerCase())) continue;
            let prefix: string;
            do {
                const first = GENERATED_FIRST[Math.floor(i / (62 * 62))];
                if (!first) throw new Error('sobject-types jar: more objects than generated key prefixes');
                prefix = `${first}${BASE62[Math.floor(i / 62) % 62]}${BASE62[i % 62]}`;
                i++;
            } while (byPrefix.has(prefix));
            byName.set(name.toLowerCase(), prefix);
            byPrefix.set(prefix, name);
        }
        this.prefixes = { byName, byPrefix };
        return this.prefixes;
    }

    nameByKeyPrefix(prefix: string): string | undefined {
        return this.prefixTable().byPrefix.get(prefix);
    }

    describe(name: string): SObjectDescribe | undefined {
        const jarName = this.jar.nameOf(name);
        if (!jarName) return undefined;
        let d = this.described.get(jarName);
        if (!d) {
            d = this.build(jarName);
            this.described.set(jarName, d);
        }
        return d;
    }

    private build(name: string): SObjectDescribe {
        const prefix = this.prefixTable().byName.get(name.toLowerCase())!;
        const d = newObjectDescribe(name, prefix, `sobject-types jar (${name})`);
        d.custom = false;
        const objectFacts = this.facts.objects[name];
        if (objectFacts?.label) applyLabels(d.label, objectFacts.label);
        if (objectFacts?.labelPlural) applyLabels(d.labelPlural, objectFacts.labelPlural);
        const raw = this.jar.fields(name);
        const byLower = new Map(raw.map((f) => [f.name.toLowerCase(), f]));
        for (const f of raw) {
            if (f.kind !== 'value' || absentFromDefaultOrg(name, f.name)) continue;
            d.fields.set(f.name.toLowerCase(), this.valueField(f));
        }
        for (const f of raw) {
            if (f.kind !== 'parent') continue;
            // The reference field of relationship `Account` is `AccountId` (Object Reference's naming of standard lookups).
            const idField = byLower.get(`${f.name.toLowerCase()}id`);
            if (!idField || idField.kind !== 'value' || idField.type !== 'Id') continue;
            const target = d.fields.get(idField.name.toLowerCase());
            if (!target) continue;
            target.relationshipName = f.name;
            target.type ??= 'REFERENCE';
            if (f.type === 'Name') target.polymorphic = true;
            else if (target.referenceTo.length === 0) target.referenceTo = [f.type];
        }
        this.applyObserved(name, d);
        applyFieldReference(d, (t) => this.jar.nameOf(t) !== undefined);
        for (const [fname, fact] of Object.entries(objectFacts?.fields ?? {})) {
            const field = d.fields.get(fname.toLowerCase());
            // A fact of a field the jar lists but a default org lacks (an address's code fields) waits for an org with it.
            if (!field && absentFromDefaultOrg(name, fname)) continue;
            if (!field) throw new Error(`standard-field-facts.json: ${name}.${fname} is not in the jar`);
            applyFact(field, fact);
        }
        for (const f of raw) {
            if (f.kind === 'children') d.childRelationships.push(this.childRelationship(name, f));
        }
        return d;
    }

    /**
     * Display types a String or Decimal field cannot imply, and polymorphic targets, from the observed
     * schema; a target the jar does not know is left out, since no describe of it could be built.
     */
    private applyObserved(name: string, d: SObjectDescribe): void {
        for (const [fname, type] of Object.entries(this.facts.observedDisplayTypes?.objects[name] ?? {})) {
            const field = d.fields.get(fname.toLowerCase());
            if (!field || field.type !== undefined) continue;
            if (field.apexType === 'String' || field.apexType === 'Decimal') field.type = type;
        }
        for (const [key, targets] of Object.entries(this.facts.referenceTargets?.fields ?? {})) {
            const [object, fname] = key.split('.');
            if (object !== name) continue;
            const field = d.fields.get(fname.toLowerCase());
            if (!field) throw new Error(`standard-field-facts.json: ${key} is not in the jar`);
            field.referenceTo = targets.filter((t) => this.jar.nameOf(t) !== undefined);
        }
    }

    private valueField(f: JarField): FieldDescribe {
        const apexType = f.type as ApexFieldType;
        const field: FieldDescribe = {
            name: f.name,
            label: { byLanguage: {} },
            apexType,
            type: impliedDisplayType(apexType, f.name, false),
            externalId: false,
            custom: false,
            calculated: false,
            autoNumber: false,
            referenceTo: [],
            isNameField: false,
            picklistValues: [],
            system: false
        };
        const sys = this.facts.systemFields.fields[f.name];
        if (sys) {
            applyFact(field, sys);
            field.system = true;
        }
        if (apexType === 'Boolean' && field.nillable === undefined) field.nillable = false;
        return field;
    }

    /**
     * A child relationship whose reference field is resolved when first read: the parent lists its
     * children by type only, and reading every child class up front would cost ~0.5 ms per child
     * (Account has over 400).
     */
    private childRelationship(parent: string, f: JarField): ChildRelationship {
        const rel = { childSObject: f.type, relationshipName: f.name } as ChildRelationship;
        let resolved: { field?: string } | undefined;
        Object.defineProperty(rel, 'field', {
            enumerable: true,
            configurable: true,
            get: () => {
                resolved ??= { field: this.childField(parent, f.type) };
                return resolved.field;
            },
            set: (v: string | undefined) => {
                resolved = { field: v };
            }
        });
        return rel;
    }

    /** The child's only `<Rel>Id` field whose relationship points to `parent`; `undefined` when ambiguous. */
    private childField(parent: string, child: string): string | undefined {
        if (!this.jar.nameOf(child)) return undefined;
        const childFields = this.jar.fields(child);
        const candidates = childFields.filter((c) => c.kind === 'parent' && c.type === parent);
        if (candidates.length !== 1) return undefined;
        const idName = `${candidates[0].name.toLowerCase()}id`;
        return childFields.find((c) => c.name.toLowerCase() === idName)?.name;
    }
}

let defaultSource: JarStandardObjects | null | undefined;

/**
 * The standard objects of the jar `@salesforce/code-analyzer-pmd-engine` installs (opened lazily),
 * or `null` when that package is not installed.
 */
export function defaultStandardObjects(): JarStandardObjects | null {
    if (defaultSource === undefined) {
        const path = defaultJarPath();
        defaultSource = path ? new JarStandardObjects(path) : null;
    }
    return defaultSource;
}

// A registry built without naming its standard objects gets the installed jar's (see SchemaRegistry).
setDefaultStandardObjects(defaultStandardObjects);

/**
 * @deprecated Standard objects are described lazily by `SchemaRegistry` (from the jar on first
 * use): this returns no describes and stays only so `new SchemaRegistry(loadStandardObjects())`
 * keeps working. Throws when no jar is installed, as the old loader did without its JSON.
 */
export function loadStandardObjects(): SObjectDescribe[] {
    if (!defaultStandardObjects())
        throw new UnsupportedApexError(
            'standard objects (install @salesforce/code-analyzer-pmd-engine, which provides the sobject-types jar)'
        );
    return [];
}
