/**
 * `Dom.Document` and `Dom.XmlNode` for reading XML (Apex Reference Guide › Document Class, XmlNode Class,
 * XmlNodeType Enum): `load` then `getRootElement`, and the read methods of a node. Building or writing a
 * document (`createRootElement`, `addChildElement`, `toXmlString`…) is not supported: those methods are
 * not declared here, so a call is refused naming them.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { parseXmlDocument } from '../../values/xml-dom.ts';
import type { XmlChild, XmlElement } from '../../values/xml-dom.ts';
import { ApexList } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { defineNative } from './registry.ts';
import { interned } from './interned.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { int, str } from './platform.ts';
import { nativeEnum } from './schema-enums.ts';

/** `Dom.XmlNodeType` (XmlNodeType Enum: COMMENT, ELEMENT, TEXT). */
export const XmlNodeTypeEnum = nativeEnum('XmlNodeType', 'Dom', ['COMMENT', 'ELEMENT', 'TEXT']);

/** One node object per parsed node, so `==` between two reads of the same child is true. */
const nodeObjects = new WeakMap<object, NativeObject>();

function nodeValue(n: XmlChild): NativeObject {
    return interned(nodeObjects, n, () => new NativeObject(XmlNodeNative, n));
}

function nodeOf(v: ApexValue): XmlChild {
    if (v instanceof NativeObject && v.cls === XmlNodeNative) return v.state as XmlChild;
    throw new UnsupportedApexError('Dom.XmlNode method on a non-XmlNode');
}

function elementOf(v: ApexValue, method: string): XmlElement {
    const n = nodeOf(v);
    if (n.kind !== 'element') throw new UnsupportedApexError(`Dom.XmlNode.${method} of a ${n.kind} node`);
    return n;
}

function elements(e: XmlElement): XmlElement[] {
    return e.children.filter((c): c is XmlElement => c.kind === 'element');
}

function list(items: XmlChild[]): ApexList {
    return new ApexList({ k: 'native', cls: XmlNodeNative, args: [] }, items.map(nodeValue));
}

/** Whether an element or attribute is in `ns` (a null namespace argument names no namespace). */
function inNamespace(actual: string | null, ns: ApexValue): boolean {
    return ns === null || ns === '' ? actual === null : actual === ns;
}

/** getText: the text of a text node, or of an element holding only text (XmlNode Class › getText). */
function textOf(n: XmlChild): string {
    if (n.kind !== 'element') return n.text;
    // What getText gives for an element with child elements is not documented: refused, never guessed.
    if (n.children.some((c) => c.kind === 'element'))
        throw new UnsupportedApexError('Dom.XmlNode.getText of an element that has child elements');
    return n.children.map((c) => (c.kind === 'text' ? c.text : '')).join('');
}

function attribute(e: XmlElement, key: ApexValue, ns: ApexValue): string | null {
    return e.attributes.find((a) => a.name === key && inNamespace(a.namespace, ns))?.value ?? null;
}

const m = (fn: (rt: NativeRuntime, self: ApexValue, a: ApexValue[]) => ApexValue, params: string[] = []) => [
    { params, fn }
];

export const XmlNodeNative: NativeClass = defineNative({
    name: 'XmlNode',
    namespace: 'Dom',
    isInstance: (v) => v instanceof NativeObject && v.cls === XmlNodeNative,
    methods: {
        getName: m((_rt, s) => elementOf(s, 'getName').name),
        getNamespace: m((_rt, s) => {
            const ns = elementOf(s, 'getNamespace').namespace;
            // The value for an element in no namespace is not documented.
            if (ns === null) throw new UnsupportedApexError('Dom.XmlNode.getNamespace of an element in no namespace');
            return ns;
        }),
        getText: m((_rt, s) => textOf(nodeOf(s))),
        getNodeType: m((_rt, s) => XmlNodeTypeEnum.value(nodeOf(s).kind.toUpperCase())),
        getParent: m((_rt, s) => {
            const n = nodeOf(s);
            if (n.kind !== 'element') throw new UnsupportedApexError('Dom.XmlNode.getParent of a text or comment node');
            return n.parent ? nodeValue(n.parent) : null;
        }),
        getChildren: m((_rt, s) => list(elementOf(s, 'getChildren').children)),
        getChildElements: m((_rt, s) => list(elements(elementOf(s, 'getChildElements')))),
        getChildElement: m(
            (_rt, s, a) => {
                const name = str(a, 0);
                const found = elements(elementOf(s, 'getChildElement')).find(
                    (c) => c.name === name && inNamespace(c.namespace, a[1] ?? null)
                );
                return found ? nodeValue(found) : null;
            },
            ['String', 'String']
        ),
        getAttribute: m(
            (_rt, s, a) => attribute(elementOf(s, 'getAttribute'), str(a, 0), a[1] ?? null),
            ['String', 'String']
        ),
        getAttributeValue: m(
            (_rt, s, a) => attribute(elementOf(s, 'getAttributeValue'), str(a, 0), a[1] ?? null),
            ['String', 'String']
        ),
        getAttributeCount: m((_rt, s) => elementOf(s, 'getAttributeCount').attributes.length),
        getAttributeKeyAt: m(
            (_rt, s, a) => elementOf(s, 'getAttributeKeyAt').attributes[int(a, 0)]?.name ?? null,
            ['Integer']
        )
    }
});

interface DocumentState {
    root: XmlElement | null;
}

export const DocumentNative: NativeClass = defineNative({
    name: 'Document',
    namespace: 'Dom',
    isInstance: (v) => v instanceof NativeObject && v.cls === DocumentNative,
    constructors: [{ params: [], fn: () => new NativeObject(DocumentNative, { root: null } satisfies DocumentState) }],
    methods: {
        load: m(
            (_rt, s, a) => {
                const state = (s as NativeObject).state as DocumentState;
                if (state.root) throw new UnsupportedApexError('Dom.Document.load into a document that has a root');
                state.root = parseXmlDocument(str(a, 0));
                return null;
            },
            ['String']
        ),
        // "If this method returns null, the root element has not been created yet" (Document Class).
        getRootElement: m((_rt, s) => {
            const root = ((s as NativeObject).state as DocumentState).root;
            return root ? nodeValue(root) : null;
        })
    }
});

/** The Dom natives, registered in core.ts. */
export const DOM_NATIVES: readonly NativeClass[] = [DocumentNative, XmlNodeNative, XmlNodeTypeEnum.cls];
