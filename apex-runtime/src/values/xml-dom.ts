/**
 * XML text → a tree of element, text and comment nodes with resolved namespaces, as `Dom.Document.load`
 * builds it (Apex Reference Guide › Document Class; Apex Developer Guide › Reading and Writing XML Using
 * the DOM). Well-formedness errors are `System.XmlException`; what the DOM does not document (a DOCTYPE,
 * nesting deeper than the documented 50 nodes) is refused.
 */
import { UnsupportedApexError } from '../errors.ts';
import { ApexRuntimeSignal } from './signal.ts';

export interface XmlElement {
    kind: 'element';
    /** Local name, without prefix. */
    name: string;
    prefix: string | null;
    /** Namespace URI, or null when the element is in no namespace. */
    namespace: string | null;
    /** Attributes in document order (namespace declarations excluded). */
    attributes: XmlAttribute[];
    children: XmlChild[];
    parent: XmlElement | null;
}

export interface XmlAttribute {
    name: string;
    namespace: string | null;
    value: string;
}

export type XmlChild = XmlElement | { kind: 'text'; text: string } | { kind: 'comment'; text: string };

/** "You can parse nested XML content that's up to 50 nodes deep" (Document Class). */
export const MAX_XML_DEPTH = 50;

const XMLNS = 'http://www.w3.org/2000/xmlns/';
const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;

/** The Apex exception a malformed document raises; orgs word it "Failed to parse XML due to: …". */
function xmlException(reason: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.XmlException', `Failed to parse XML due to: ${reason}`);
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
    return text.replace(/&([^;&]*);|&/g, (whole, ref: string | undefined) => {
        if (ref === undefined) throw xmlException('an unescaped & in text');
        if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
        if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
        const v = ENTITIES[ref];
        if (v === undefined) throw xmlException(`the undeclared entity ${whole}`);
        return v;
    });
}

interface RawElement {
    qname: string;
    scope: Map<string, string>;
    node: XmlElement;
}

/** Parses a whole document; its root element. */
export function parseXmlDocument(xml: string): XmlElement {
    let i = 0;
    let root: XmlElement | null = null;
    const open: RawElement[] = [];
    const addChild = (c: XmlChild): void => {
        const top = open[open.length - 1];
        if (top) top.node.children.push(c);
        else if (c.kind === 'text' && c.text.trim() !== '') throw xmlException('content outside the root element');
    };
    while (i < xml.length) {
        const lt = xml.indexOf('<', i);
        if (lt < 0) {
            addChild({ kind: 'text', text: decodeEntities(xml.slice(i)) });
            break;
        }
        if (lt > i) addChild({ kind: 'text', text: decodeEntities(xml.slice(i, lt)) });
        if (xml.startsWith('<!--', lt)) {
            const end = xml.indexOf('-->', lt + 4);
            if (end < 0) throw xmlException('an unterminated comment');
            addChild({ kind: 'comment', text: xml.slice(lt + 4, end) });
            i = end + 3;
        } else if (xml.startsWith('<![CDATA[', lt)) {
            const end = xml.indexOf(']]>', lt + 9);
            if (end < 0 || open.length === 0) throw xmlException('a CDATA section outside an element');
            addChild({ kind: 'text', text: xml.slice(lt + 9, end) });
            i = end + 3;
        } else if (xml.startsWith('<?', lt)) {
            const end = xml.indexOf('?>', lt + 2);
            if (end < 0) throw xmlException('an unterminated processing instruction');
            i = end + 2;
        } else if (xml.startsWith('<!', lt)) {
            throw new UnsupportedApexError('Dom.Document.load of a document with a DOCTYPE or declaration');
        } else if (xml.startsWith('</', lt)) {
            const m = NAME.exec(xml.slice(lt + 2));
            const top = open.pop();
            if (!m || !top || m[0] !== top.qname) throw xmlException(`an unexpected end tag at ${lt}`);
            const gt = xml.indexOf('>', lt + 2 + m[0].length);
            if (gt < 0 || xml.slice(lt + 2 + m[0].length, gt).trim() !== '') throw xmlException('a malformed end tag');
            i = gt + 1;
        } else {
            if (root && open.length === 0) throw xmlException('a second root element');
            const parsed = startTag(xml, lt, open);
            i = parsed.end;
            const parent = open[open.length - 1];
            if (parent) parent.node.children.push(parsed.raw.node);
            else root = parsed.raw.node;
            if (!parsed.selfClosing) {
                open.push(parsed.raw);
                if (open.length > MAX_XML_DEPTH)
                    throw new UnsupportedApexError(
                        `Dom.Document.load of XML nested deeper than ${MAX_XML_DEPTH} nodes`
                    );
            }
        }
    }
    if (open.length > 0) throw xmlException(`the element ${open[open.length - 1]?.qname} is not closed`);
    if (!root) throw xmlException('no root element');
    return root;
}

function startTag(xml: string, lt: number, open: RawElement[]): { raw: RawElement; end: number; selfClosing: boolean } {
    const m = NAME.exec(xml.slice(lt + 1));
    if (!m) throw xmlException(`a malformed start tag at ${lt}`);
    const qname = m[0];
    let i = lt + 1 + qname.length;
    const attrs: [string, string][] = [];
    for (;;) {
        const ws = /^\s*/.exec(xml.slice(i))?.[0].length ?? 0;
        i += ws;
        if (xml.startsWith('/>', i) || xml.startsWith('>', i)) break;
        if (ws === 0) throw xmlException(`a malformed start tag <${qname}>`);
        const a = /^([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/.exec(xml.slice(i));
        if (!a?.[1]) throw xmlException(`a malformed attribute in <${qname}>`);
        if (attrs.some(([n]) => n === a[1])) throw xmlException(`the attribute ${a[1]} repeated in <${qname}>`);
        attrs.push([a[1], decodeEntities(a[2] ?? a[3] ?? '')]);
        i += a[0].length;
    }
    const selfClosing = xml.startsWith('/>', i);
    if (i >= xml.length) throw xmlException(`an unterminated start tag <${qname}>`);
    const scope = new Map(open[open.length - 1]?.scope ?? [['xml', XML_NS]]);
    for (const [n, v] of attrs) {
        if (n === 'xmlns') scope.set('', v);
        else if (n.startsWith('xmlns:')) scope.set(n.slice(6), v);
    }
    const [prefix, local] = split(qname);
    const node: XmlElement = {
        kind: 'element',
        name: local,
        prefix,
        namespace: resolve(scope, prefix ?? '', qname, true),
        attributes: [],
        children: [],
        parent: open[open.length - 1]?.node ?? null
    };
    for (const [n, v] of attrs) {
        if (n === 'xmlns' || n.startsWith('xmlns:')) continue;
        const [p, l] = split(n);
        node.attributes.push({ name: l, namespace: p === null ? null : resolve(scope, p, n, false), value: v });
    }
    return { raw: { qname, scope, node }, end: i + (selfClosing ? 2 : 1), selfClosing };
}

function split(qname: string): [string | null, string] {
    const c = qname.indexOf(':');
    return c < 0 ? [null, qname] : [qname.slice(0, c), qname.slice(c + 1)];
}

function resolve(scope: Map<string, string>, prefix: string, qname: string, isElement: boolean): string | null {
    const ns = scope.get(prefix);
    if (ns === undefined) {
        if (prefix === '' && isElement) return null;
        throw xmlException(`the prefix of ${qname} is not bound to a namespace`);
    }
    return ns === '' || ns === XMLNS ? null : ns;
}
