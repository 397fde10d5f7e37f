/**
 * Least privilege (A6): each permission set of the package grants exactly what
 * least-privilege.expected.json, beside this file, says it grants: Apex classes, Visualforce pages, tabs, object
 * and field permissions, custom permissions, custom settings, user permissions, and any other kind of access a
 * permission set can hold. A grant added without updating the manifest fails, and so does a grant the manifest
 * lists that the permission set no longer gives: widening access is always a reviewed change of this file.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_DIR, findFiles } from '../lib/project.ts';
import { readMetadata, textsAt, type XmlNode } from '../lib/xml.ts';

const MANIFEST = path.join(import.meta.dirname, 'least-privilege.expected.json');

/** What one permission set grants, by kind; each list sorted. */
interface Grants {
    label: string;
    classes: string[];
    pages: string[];
    /** `Tab: Visibility`. */
    tabs: string[];
    /** `Object: permission, permission` with the permissions set to true. */
    objects: string[];
    /** `Object.Field: readable[, editable]`. */
    fields: string[];
    customPermissions: string[];
    customSettings: string[];
    userPermissions: string[];
    /** Every other kind of access, as `element: {its content}`. */
    other: string[];
}

/** Elements that describe the permission set instead of granting anything. */
const DESCRIPTIVE = new Set(['label', 'description', 'hasActivationRequired', 'fullName']);
const OBJECT_FLAGS = [
    'allowCreate',
    'allowDelete',
    'allowEdit',
    'allowRead',
    'modifyAllRecords',
    'viewAllFields',
    'viewAllRecords'
];

function text(node: XmlNode, name: string): string {
    return textsAt(node, [name])[0] ?? '';
}

function isTrue(node: XmlNode, name: string): boolean {
    return text(node, name) === 'true';
}

/** The same content, whatever the order of its elements: for access kinds this file does not name. */
function canonical(node: XmlNode | string): unknown {
    if (typeof node === 'string') return node;
    return Object.fromEntries(
        Object.keys(node)
            .sort()
            .map((key) => [key, node[key].map(canonical)])
    );
}

/** Reads what a permission set file grants. */
function grantsOf(file: string): Grants {
    const { node } = readMetadata(file);
    const grants: Grants = {
        label: text(node, 'label'),
        classes: [],
        pages: [],
        tabs: [],
        objects: [],
        fields: [],
        customPermissions: [],
        customSettings: [],
        userPermissions: [],
        other: []
    };
    const enabled = (element: XmlNode): boolean => isTrue(element, 'enabled');
    for (const [name, entries] of Object.entries(node)) {
        if (DESCRIPTIVE.has(name)) continue;
        for (const entry of entries) {
            const element = typeof entry === 'string' ? ({ value: [entry] } as XmlNode) : entry;
            switch (name) {
                case 'classAccesses':
                    if (enabled(element)) grants.classes.push(text(element, 'apexClass'));
                    break;
                case 'pageAccesses':
                    if (enabled(element)) grants.pages.push(text(element, 'apexPage'));
                    break;
                case 'tabSettings':
                    grants.tabs.push(`${text(element, 'tab')}: ${text(element, 'visibility')}`);
                    break;
                case 'objectPermissions': {
                    const flags = OBJECT_FLAGS.filter((flag) => isTrue(element, flag));
                    if (flags.length) grants.objects.push(`${text(element, 'object')}: ${flags.join(', ')}`);
                    break;
                }
                case 'fieldPermissions': {
                    const flags = ['readable', 'editable'].filter((flag) => isTrue(element, flag));
                    if (flags.length) grants.fields.push(`${text(element, 'field')}: ${flags.join(', ')}`);
                    break;
                }
                case 'customPermissions':
                    if (enabled(element)) grants.customPermissions.push(text(element, 'name'));
                    break;
                case 'customSettingAccesses':
                    if (enabled(element)) grants.customSettings.push(text(element, 'name'));
                    break;
                case 'userPermissions':
                    if (enabled(element)) grants.userPermissions.push(text(element, 'name'));
                    break;
                default:
                    // A license, an app, a flow, a record type, an external credential...: listed as written.
                    grants.other.push(`${name}: ${JSON.stringify(canonical(element))}`);
            }
        }
    }
    for (const list of Object.values(grants)) if (Array.isArray(list)) list.sort();
    return grants;
}

function permissionSets(): Map<string, string> {
    const files = findFiles(path.join(DEFAULT_DIR, 'permissionsets'), /\.permissionset-meta\.xml$/);
    return new Map(files.map((file) => [path.basename(file).replace('.permissionset-meta.xml', ''), file]));
}

const expected = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, Grants>;
const found = permissionSets();

describe('Least privilege: each permission set grants exactly what least-privilege.expected.json lists', () => {
    it('lists every permission set of the package, and nothing else', () => {
        assert.deepEqual(
            [...found.keys()].sort(),
            Object.keys(expected).sort(),
            'add the new permission set to least-privilege.expected.json (or remove the entry of a deleted one)'
        );
    });

    for (const [name, file] of found) {
        it(`${name} grants exactly what the manifest lists`, () => {
            const want = expected[name];
            assert.ok(want, `${name} has no entry in least-privilege.expected.json`);
            const actual = grantsOf(file);
            const problems: string[] = [];
            for (const kind of Object.keys(actual) as Array<keyof Grants>) {
                if (kind === 'label') continue;
                const granted = actual[kind] as string[];
                const listed = [...((want[kind] as string[] | undefined) ?? [])].sort();
                const extra = granted.filter((grant) => !listed.includes(grant));
                const missing = listed.filter((grant) => !granted.includes(grant));
                if (extra.length) problems.push(`grants ${kind} the manifest does not list: ${extra.join('; ')}`);
                if (missing.length) problems.push(`no longer grants ${kind} the manifest lists: ${missing.join('; ')}`);
            }
            const unknownKinds = Object.keys(want).filter((kind) => !(kind in actual));
            if (unknownKinds.length) problems.push(`the manifest has unknown kinds: ${unknownKinds.join(', ')}`);
            assert.equal(actual.label, want.label, `${name}: the label admins see`);
            assert.deepEqual(
                problems,
                [],
                `${name} (${path.relative(DEFAULT_DIR, file)}): remove the grant, or list it in ` +
                    'scripts/checks/least-privilege.expected.json and say why in the commit'
            );
        });
    }
});
