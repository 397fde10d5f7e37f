/** XML reading shared by the metadata checks. */
import { readFileSync } from 'node:fs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: () => true });

/** A parsed element: child element names map to lists of parsed children (or text values). */
export type XmlNode = { [name: string]: Array<XmlNode | string> };

/** Whether the file is well-formed XML; the error names line and column when not. */
export function validateXml(text: string): { ok: true } | { ok: false; line: number; message: string } {
    const result = XMLValidator.validate(text);
    if (result === true) return { ok: true };
    return { ok: false, line: result.err.line, message: `${result.err.code}: ${result.err.msg}` };
}

/** Parses a metadata file into its root element name and content (every child as an array). */
export function readMetadata(file: string): { root: string; node: XmlNode } {
    const doc = parser.parse(readFileSync(file, 'utf8')) as XmlNode;
    const root = Object.keys(doc).find((key) => key !== '?xml');
    if (!root) throw new Error(`${file}: no root element`);
    const content = doc[root][0];
    return { root, node: typeof content === 'string' ? {} : content };
}

/** Text values of `path` (e.g. ['classAccesses', 'apexClass']) below `node`. */
export function textsAt(node: XmlNode, path: string[]): string[] {
    let current: Array<XmlNode | string> = [node];
    for (const name of path) {
        current = current.flatMap((item) => (typeof item === 'string' ? [] : (item[name] ?? [])));
    }
    return current.filter((item): item is string => typeof item === 'string');
}

/** Child elements named `name` of `node`. */
export function elementsAt(node: XmlNode, name: string): XmlNode[] {
    return (node[name] ?? []).filter((item): item is XmlNode => typeof item !== 'string');
}
