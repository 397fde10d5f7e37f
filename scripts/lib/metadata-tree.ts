/**
 * A metadata file as the platform reads it: every element with its line and its text exactly as
 * deployed. `xml.ts` trims text values (right for names, wrong for lengths): here nothing is trimmed.
 *
 * Why the whitespace counts: the Metadata API WSDL types these values as `xsd:string`, whose
 * whiteSpace facet is `preserve` (XML Schema Part 2, https://www.w3.org/TR/xmlschema-2/#string), so
 * the newline and indentation Prettier's XML plugin puts inside a wrapped element are part of the
 * value deployed. With `xmlWhitespaceSensitivity: "ignore"` (.prettierrc), @prettier/plugin-xml
 * (src/printer.js) trims an element's text, then prints `<tag>` + indent(softline + fill(words)) +
 * softline + `</tag>`: when the line does not fit `printWidth`, the value gains a leading newline
 * and the child indentation, a newline and that indentation at every wrap instead of one space, and
 * a trailing newline and the parent's indentation. Line breaks already in the text are printed as
 * they are (literal lines), so once wrapped a value keeps its breaks when reformatted.
 */
import { readFileSync } from 'node:fs';
import { validateXml } from './xml.ts';

/** One element: its name, the line its start tag is on, its children and its own text as deployed. */
export interface MetadataElement {
    name: string;
    line: number;
    attributes: Record<string, string>;
    children: MetadataElement[];
    /** Character data directly inside the element, entities decoded, whitespace kept. */
    text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(raw: string): string {
    return raw.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
        if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
        if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
        return ENTITIES[entity] ?? whole;
    });
}

function attributesOf(source: string): Record<string, string> {
    const attributes: Record<string, string> = {};
    for (const match of source.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        attributes[match[1]] = decode(match[3] ?? match[4] ?? '');
    }
    return attributes;
}

/** Parses well-formed metadata XML (the caller checks well-formedness) into its root element. */
export function parseMetadataXml(text: string): MetadataElement | null {
    const stack: MetadataElement[] = [];
    let root: MetadataElement | null = null;
    let line = 1;
    let last = 0;
    const token =
        /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([\w:.-]+)([^>]*?)(\/?)>/g;
    for (const match of text.matchAll(token)) {
        const at = match.index;
        const between = text.slice(last, at);
        if (stack.length) stack[stack.length - 1].text += decode(between);
        line += (text.slice(last, at).match(/\n/g) ?? []).length;
        last = at + match[0].length;
        const [whole, cdata, closing, name, attributeSource, selfClosing] = match;
        if (cdata !== undefined) {
            if (stack.length) stack[stack.length - 1].text += cdata;
        } else if (name && closing) {
            stack.pop();
        } else if (name) {
            const element: MetadataElement = {
                name,
                line,
                attributes: attributesOf(attributeSource),
                children: [],
                text: ''
            };
            if (stack.length) stack[stack.length - 1].children.push(element);
            else root ??= element;
            if (!selfClosing) stack.push(element);
        }
        line += (whole.match(/\n/g) ?? []).length;
    }
    return root;
}

/** Reads a metadata file; null when it is not well-formed (the metadata-xml check reports that). */
export function readMetadataTree(file: string): MetadataElement | null {
    const text = readFileSync(file, 'utf8');
    return validateXml(text).ok ? parseMetadataXml(text) : null;
}

/** Child elements named `name`. */
export function childrenNamed(element: MetadataElement, name: string): MetadataElement[] {
    return element.children.filter((child) => child.name === name);
}

/** Elements at a dotted path below `element` (`labels.value`: every label's value). */
export function elementsAtPath(element: MetadataElement, path: string): MetadataElement[] {
    let current = [element];
    for (const part of path.split('.')) current = current.flatMap((item) => childrenNamed(item, part));
    return current;
}

/** The trimmed text of the first child named `name`, or undefined: for flags and names, not lengths. */
export function valueOf(element: MetadataElement, name: string): string | undefined {
    return childrenNamed(element, name)[0]?.text.trim();
}

/** How Setup shows a value: what the platform stores, shown without the wrapping whitespace. */
export function shown(value: string): string {
    return value.replace(/\s+/g, ' ').trim();
}
