/**
 * Every XML file of the package is well-formed, its root is a known metadata type, and every
 * element (at any depth) is one its type knows, with a value its type allows (booleans, numbers,
 * enumerations).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { loadMetadataSchema, type MetadataSchema } from '../lib/metadata-schema.ts';
import { ROOT, findFiles, report, type Finding } from '../lib/project.ts';
import { validateXml } from '../lib/xml.ts';

type Element = { [key: string]: Element[] | string };

const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute
});

function lineOf(text: string, element: string, from: number): number {
    const at = text.indexOf(`<${element}`, from);
    return at < 0 ? 0 : text.slice(0, at).split('\n').length;
}

function checkElement(
    schema: MetadataSchema,
    typeName: string,
    element: Element,
    where: string,
    findings: Finding[],
    file: string,
    text: string
): void {
    const declared = element['@_xsi:type'];
    const type = typeof declared === 'string' ? declared.replace(/^\w+:/, '') : typeName;
    const known = schema.get(type);
    if (!known) return;
    for (const [name, values] of Object.entries(element)) {
        if (name.startsWith('@_') || name === '#text') continue;
        const kind = known.get(name);
        if (!kind) {
            findings.push({
                file,
                line: lineOf(text, name, 0),
                message: `<${name}> is not an element of ${type} (in ${where})`
            });
            continue;
        }
        for (const value of values as Array<Element | string>) {
            if (kind.kind === 'complex') {
                if (typeof value !== 'string')
                    checkElement(schema, kind.type, value, `${where}.${name}`, findings, file, text);
                continue;
            }
            const textValue = typeof value === 'string' ? value : String(value['#text'] ?? '');
            if (typeof value !== 'string' && Object.keys(value).some((k) => !k.startsWith('@_') && k !== '#text'))
                continue;
            const bad =
                (kind.kind === 'boolean' && !/^(true|false)$/.test(textValue)) ||
                (kind.kind === 'number' && !/^-?\d+(\.\d+)?$/.test(textValue)) ||
                (kind.kind === 'enum' && !kind.values.includes(textValue));
            if (bad) {
                const allowed =
                    kind.kind === 'enum'
                        ? `one of ${kind.values.slice(0, 12).join(', ')}${kind.values.length > 12 ? ', …' : ''}`
                        : kind.kind;
                findings.push({
                    file,
                    line: lineOf(text, name, 0),
                    message: `<${name}>${textValue}</${name}> in ${type}: expected ${allowed}`
                });
            }
        }
    }
}

function main(): void {
    const schema = loadMetadataSchema();
    const files = findFiles(path.join(ROOT, 'force-app'), /\.xml$/);
    const findings: Finding[] = [];
    for (const file of files) {
        const text = readFileSync(file, 'utf8');
        const wellFormed = validateXml(text);
        if (!wellFormed.ok) {
            findings.push({ file, line: wellFormed.line, message: `malformed XML: ${wellFormed.message}` });
            continue;
        }
        const doc = parser.parse(text) as Record<string, Element[]>;
        const root = Object.keys(doc).find((key) => !key.startsWith('?'));
        if (!root || !schema.has(root)) {
            findings.push({ file, message: `root <${root}> is not a metadata type` });
            continue;
        }
        const [element] = doc[root];
        if (typeof element !== 'string') checkElement(schema, root, element, root, findings, file, text);
    }
    report(
        'metadata-xml',
        findings,
        `${files.length} metadata files well-formed and valid against the Metadata API types (${schema.size} types known)`
    );
}

main();
