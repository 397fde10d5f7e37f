/**
 * Standard-object definitions read at run time from apex-ls's `sobject-types` jar
 * (io.github.apex-dev-tools:sobject-types, BSD-3-Clause, see `schema/NOTICE`), which the npm package
 * `@salesforce/code-analyzer-pmd-engine` ships under `dist/java-lib/`. Each class
 * `com/nawforce/runforce/SObjects/<Name>.class` declares an object's fields as public instance
 * fields typed by their Apex type; a field typed by another SObject class is a parent relationship,
 * an array of one a child relationship, and the pseudo-object `Name` (or `System.SObject`) marks a
 * polymorphic relationship.
 *
 * The jar's central directory is read once, when the first standard object is looked up; a class
 * is inflated and parsed only when its object is described.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { UnsupportedApexError } from '../errors.ts';
import { readClassFields, readZip } from './class-file.ts';

const PREFIX = 'com/nawforce/runforce/SObjects/';
const PROVIDER = '@salesforce/code-analyzer-pmd-engine';

/** Apex value types a jar field can carry (classes of `com/nawforce/runforce/System`). */
const APEX_TYPES = new Set([
    'String',
    'Id',
    'Boolean',
    'Integer',
    'Long',
    'Double',
    'Decimal',
    'Date',
    'Datetime',
    'Time',
    'Blob',
    'Address',
    'Location',
    'Object'
]);

/** A public field of an object class: a value of an Apex type, a parent relationship or a child list. */
export interface JarField {
    name: string;
    kind: 'value' | 'parent' | 'children';
    /** The Apex type (`value`) or the related object's class name (`Name` for polymorphic parents). */
    type: string;
}

/**
 * The default jar: `dist/java-lib/sobject-types-*.jar` of the installed
 * `@salesforce/code-analyzer-pmd-engine`, resolved from this module's location; `undefined` when the
 * package is not installed.
 */
export function defaultJarPath(): string | undefined {
    let pkg: string;
    try {
        pkg = createRequire(import.meta.url).resolve(`${PROVIDER}/package.json`);
    } catch {
        return undefined;
    }
    const dir = join(dirname(pkg), 'dist', 'java-lib');
    const jars = readdirSync(dir)
        .filter((f) => /^sobject-types-.*\.jar$/.test(f))
        .sort();
    // Several versions would be an installation mix-up; the newest (last in name order) wins.
    return jars.length ? join(dir, jars[jars.length - 1]) : undefined;
}

/** An opened sobject-types jar: object names and each object's raw fields, read lazily. */
export class SObjectTypesJar {
    readonly path: string;
    private entries: Map<string, () => Buffer> | undefined;
    private namesByLower: Map<string, string> | undefined;
    private readonly fieldCache = new Map<string, JarField[]>();

    constructor(path: string) {
        this.path = path;
    }

    private open(): Map<string, () => Buffer> {
        if (!this.entries) {
            let bytes: Buffer;
            try {
                bytes = readFileSync(this.path);
            } catch (e) {
                throw new UnsupportedApexError(
                    `standard objects (cannot read ${this.path}: ${e instanceof Error ? e.message : String(e)})`
                );
            }
            this.entries = readZip(bytes);
        }
        return this.entries;
    }

    /** Object API names in the jar, keyed by lower-case name. */
    names(): Map<string, string> {
        if (!this.namesByLower) {
            const m = new Map<string, string>();
            for (const path of this.open().keys()) {
                if (!path.startsWith(PREFIX) || !path.endsWith('.class')) continue;
                const name = path.slice(PREFIX.length, -'.class'.length);
                if (/^[A-Za-z0-9_]+$/.test(name)) m.set(name.toLowerCase(), name);
            }
            this.namesByLower = m;
        }
        return this.namesByLower;
    }

    /** The jar's spelling of an object name (case-insensitive), or `undefined`. */
    nameOf(name: string): string | undefined {
        return this.names().get(name.toLowerCase());
    }

    /** The public instance fields of object `name` (exact jar spelling), parsed once. */
    fields(name: string): JarField[] {
        const cached = this.fieldCache.get(name);
        if (cached) return cached;
        const entry = this.open().get(`${PREFIX}${name}.class`);
        if (!entry) throw new Error(`object ${name} is not in ${this.path}`);
        const out: JarField[] = [];
        for (const f of readClassFields(entry()).fields) {
            if (f.isStatic || !f.isPublic) continue;
            // Change-event headers are typed by java.lang.Object in the jar: an untyped value.
            if (f.descriptor === 'Ljava/lang/Object;') {
                out.push({ name: f.name, kind: 'value', type: 'Object' });
                continue;
            }
            const m = /^(\[?)Lcom\/nawforce\/runforce\/(System|SObjects)\/([A-Za-z0-9_]+);$/.exec(f.descriptor);
            if (!m) throw new UnsupportedApexError(`standard field ${name}.${f.name} (jar type ${f.descriptor})`);
            const [, array, pkg, type] = m;
            if (pkg === 'System') {
                if (type === 'SObject') out.push({ name: f.name, kind: 'parent', type: 'Name' });
                else if (!APEX_TYPES.has(type))
                    throw new UnsupportedApexError(`standard field ${name}.${f.name} (jar type System.${type})`);
                else out.push({ name: f.name, kind: 'value', type });
            } else {
                out.push({ name: f.name, kind: array ? 'children' : 'parent', type });
            }
        }
        this.fieldCache.set(name, out);
        return out;
    }
}
