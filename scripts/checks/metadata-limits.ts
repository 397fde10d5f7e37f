/**
 * Every text, number and name the package deploys fits the limit the platform enforces: an
 * over-long description or label makes the whole install fail ("value too long"), and no offline
 * tool but this one looks. The limits are data (metadata-limits.json), each row with the page that
 * documents it; a text is measured as deployed, with the whitespace Prettier's wrapping adds
 * (scripts/lib/metadata-tree.ts says why that whitespace is part of the value).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { elementsAtPath, readMetadataTree, shown, valueOf, type MetadataElement } from '../lib/metadata-tree.ts';
import { DEFAULT_DIR, LWC_DIR, findFiles, report, type Finding } from '../lib/project.ts';

interface Source {
    source?: string;
    evidence?: string;
    note?: string;
}
interface TextLimit extends Source {
    type: string;
    element: string;
    max: number;
}
interface RangeLimit extends Source {
    type: string;
    element: string;
    when?: { type: string[] };
    min: number;
    max: number;
}
interface CountLimit extends Source {
    type: string;
    element: string;
    max: number;
}
interface NameRule extends Source {
    type: string;
    max?: number;
}
interface Limits {
    texts: TextLimit[];
    ranges: RangeLimit[];
    counts: CountLimit[];
    names: { rule: Source; types: NameRule[]; lwc: Source };
}

const LIMITS = JSON.parse(readFileSync(path.join(import.meta.dirname, 'metadata-limits.json'), 'utf8')) as Limits;

/** The unique names a file defines, by type: from its file name, or (custom labels) from its entries. */
function namesOf(file: string, root: MetadataElement): Array<{ type: string; name: string; line?: number }> {
    const base = path.basename(file).replace(/-meta\.xml$/, '');
    if (root.name === 'CustomLabels') {
        return elementsAtPath(root, 'labels.fullName').map((e) => ({
            type: 'CustomLabel',
            name: e.text.trim(),
            line: e.line
        }));
    }
    if (root.name === 'CustomObject') {
        const object = path.basename(path.dirname(file));
        // Standard objects (Contact, Lead) keep their own names; custom ones carry a suffix (__c, __e, __mdt).
        const custom = /^(.*)__(c|e|mdt|b|x)$/.exec(object);
        return custom ? [{ type: 'CustomObject', name: custom[1] }] : [];
    }
    if (root.name === 'CustomField') {
        const field = base.replace(/\.field$/, '');
        return field.endsWith('__c') ? [{ type: 'CustomField', name: field.slice(0, -3) }] : [];
    }
    // A custom object's tab is named after the object.
    if (root.name === 'CustomTab' && /__(c|e|mdt|b|x)$/.test(base.replace(/\.tab$/, ''))) return [];
    // Object-specific quick actions are named Object.Action; the action's own name is the last part.
    if (root.name === 'QuickAction') return [{ type: 'QuickAction', name: base.split('.').slice(-2, -1)[0] }];
    return [{ type: root.name, name: base.replace(/\.[A-Za-z]+$/, '') }];
}

/** Why a unique name breaks the documented rule, or null. */
function nameProblem(name: string, max?: number): string | null {
    if (!/^[A-Za-z]/.test(name)) return 'must start with a letter';
    if (/[^A-Za-z0-9_]/.test(name)) return 'may hold only letters, digits and underscores';
    if (name.includes('__')) return 'may not contain two underscores in a row';
    if (name.endsWith('_')) return 'may not end with an underscore';
    if (max !== undefined && name.length > max) return `is ${name.length} characters, more than ${max}`;
    return null;
}

function cite(row: Source): string {
    return row.source ? ` (${row.source})` : '';
}

function checkFile(file: string, root: MetadataElement, findings: Finding[]): number {
    let checked = 0;
    for (const row of LIMITS.texts.filter((r) => r.type === root.name)) {
        for (const element of elementsAtPath(root, row.element)) {
            checked += 1;
            const length = [...element.text].length;
            if (length <= row.max) continue;
            const visible = [...shown(element.text)].length;
            const wrapping = length - visible;
            findings.push({
                file,
                line: element.line,
                message:
                    `${root.name}.${row.element} is ${length} characters as deployed` +
                    (wrapping > 0 ? ` (${visible} of text + ${wrapping} of Prettier's wrapping whitespace)` : '') +
                    `; the limit is ${row.max}${cite(row)}`
            });
        }
    }
    for (const row of LIMITS.ranges.filter((r) => r.type === root.name)) {
        if (row.when && !row.when.type.includes(valueOf(root, 'type') ?? '')) continue;
        for (const element of elementsAtPath(root, row.element)) {
            checked += 1;
            const value = Number(element.text.trim());
            if (Number.isInteger(value) && value >= row.min && value <= row.max) continue;
            findings.push({
                file,
                line: element.line,
                message: `${root.name}.${row.element} ${element.text.trim()}${row.when ? ` (type ${valueOf(root, 'type')})` : ''}: must be a whole number from ${row.min} to ${row.max}${cite(row)}`
            });
        }
    }
    for (const row of LIMITS.counts.filter((r) => r.type === root.name)) {
        checked += 1;
        const found = elementsAtPath(root, row.element);
        if (found.length > row.max) {
            findings.push({
                file,
                line: found[row.max].line,
                message: `${found.length} ${root.name}.${row.element} entries; the limit is ${row.max}${cite(row)}`
            });
        }
    }
    for (const { type, name, line } of namesOf(file, root)) {
        const rule = LIMITS.names.types.find((r) => r.type === type);
        if (!rule) continue;
        checked += 1;
        const problem = nameProblem(name, rule.max);
        if (problem) {
            findings.push({
                file,
                line,
                message: `${type} API name ${name} ${problem}${cite(rule.max !== undefined ? rule : LIMITS.names.rule)}`
            });
        }
    }
    return checked;
}

function checkComponentNames(findings: Finding[]): number {
    const bundles = new Set(findFiles(LWC_DIR, /\.js-meta\.xml$/).map((file) => path.dirname(file)));
    for (const bundle of bundles) {
        const name = path.basename(bundle);
        const problem = /^[a-z]/.test(name) ? nameProblem(name) : 'must start with a lowercase letter';
        if (problem) {
            findings.push({
                file: bundle,
                message: `Lightning web component ${name} ${problem}${cite(LIMITS.names.lwc)}`
            });
        }
    }
    return bundles.size;
}

function main(): void {
    const findings: Finding[] = [];
    let checked = 0;
    const files = findFiles(DEFAULT_DIR, /-meta\.xml$/).filter((file) => !file.includes(`${path.sep}lwc${path.sep}`));
    for (const file of files) {
        const root = readMetadataTree(file);
        if (root) checked += checkFile(file, root, findings);
    }
    checked += checkComponentNames(findings);
    report(
        'metadata-limits',
        findings,
        `${checked} values within their documented limits (texts as deployed, Prettier's wrapping included) in ${files.length} files`
    );
}

main();
