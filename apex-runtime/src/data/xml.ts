/** Reading Salesforce metadata XML (`*-meta.xml`) as plain nodes with fast-xml-parser. */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: () => true });

/** A parsed element: child names map to lists of children (elements or text). */
export type XmlNode = { [name: string]: (XmlNode | string)[] };

/** The root element's content of a metadata file. */
export function readMetadataFile(file: string): XmlNode {
    const doc = parser.parse(readFileSync(file, 'utf8')) as XmlNode;
    const root = Object.keys(doc).find((k) => k !== '?xml');
    if (!root) throw new Error(`${file}: no root element`);
    const content = doc[root][0];
    return typeof content === 'string' ? {} : content;
}

/** The first text value of a child element, or undefined. */
export function text(node: XmlNode, name: string): string | undefined {
    const v = node[name]?.[0];
    return typeof v === 'string' ? v : undefined;
}

/** Every text value of a child element name. */
export function texts(node: XmlNode, name: string): string[] {
    return (node[name] ?? []).filter((v): v is string => typeof v === 'string');
}

/** Child elements named `name`. */
export function elements(node: XmlNode, name: string): XmlNode[] {
    return (node[name] ?? []).filter((v): v is XmlNode => typeof v !== 'string');
}

/** `true`/`false` text as a boolean, undefined when absent. */
export function bool(node: XmlNode, name: string): boolean | undefined {
    const v = text(node, name);
    return v === undefined ? undefined : v === 'true';
}
