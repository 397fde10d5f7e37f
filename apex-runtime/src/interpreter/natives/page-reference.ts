/**
 * `PageReference`, `Page.<name>` and `ApexPages.currentPage()` for Visualforce controllers (Apex Reference
 * Guide › PageReference Class, ApexPages Class; Visualforce Developer Guide › Defining Navigation Methods).
 * A PageReference is a URL and its query parameters: the parameters are parsed (and decoded) from the URL
 * given, edited through `getParameters()`, and written back (encoded) by `getUrl()` (Salesforce Help,
 * Knowledge Article 000188563: encoded URL parameters are decoded when retrieved; values put are added
 * without encoding them first). Content, cookies and headers are not supported (not declared: refused).
 */
import { UnsupportedApexError } from '../../errors.ts';
import { urlDecode, urlEncode } from '../../values/encoding.ts';
import { ApexMap } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { prim } from '../types.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { str } from './platform.ts';
import { testStateOf } from './test.ts';

/**
 * The parameters map: "Parameter keys are case-insensitive" (PageReference Class › getParameters); a key
 * keeps the case it was first put with.
 */
export class ParameterMap extends ApexMap {
    private stored(k: ApexValue): ApexValue {
        if (typeof k !== 'string' || super.has(k)) return k;
        const l = k.toLowerCase();
        for (const key of this.keys()) if (typeof key === 'string' && key.toLowerCase() === l) return key;
        return k;
    }
    override get(k: ApexValue): ApexValue {
        return super.get(this.stored(k));
    }
    override put(k: ApexValue, v: ApexValue): ApexValue {
        return super.put(this.stored(k), v);
    }
    override has(k: ApexValue): boolean {
        return super.has(this.stored(k));
    }
    override delete(k: ApexValue): ApexValue {
        return super.delete(this.stored(k));
    }
}

interface PageState {
    /** The URL without its query and anchor. */
    base: string;
    parameters: ParameterMap;
    anchor: string | null;
    redirect: boolean;
}

/** Parses `url` into its base, decoded parameters and anchor. */
export function pageReference(url: string): NativeObject {
    const hash = url.indexOf('#');
    const anchor = hash < 0 ? null : url.slice(hash + 1);
    const beforeAnchor = hash < 0 ? url : url.slice(0, hash);
    const q = beforeAnchor.indexOf('?');
    const parameters = new ParameterMap(prim('String'), prim('String'));
    if (q >= 0) {
        for (const pair of beforeAnchor.slice(q + 1).split('&')) {
            if (pair === '') continue;
            const eq = pair.indexOf('=');
            const name = urlDecode(eq < 0 ? pair : pair.slice(0, eq), 'UTF-8');
            parameters.put(name, urlDecode(eq < 0 ? '' : pair.slice(eq + 1), 'UTF-8'));
        }
    }
    const state: PageState = {
        base: q < 0 ? beforeAnchor : beforeAnchor.slice(0, q),
        parameters,
        anchor,
        redirect: false
    };
    return new NativeObject(PageReferenceNative, state);
}

function stateOf(v: ApexValue): PageState {
    if (v instanceof NativeObject && v.cls === PageReferenceNative) return v.state as PageState;
    throw new UnsupportedApexError('PageReference method on a non-PageReference');
}

/** getUrl: the base, the current parameters encoded, the anchor (PageReference Class › getUrl). */
function urlOf(s: PageState): string {
    const pairs: string[] = [];
    for (const [k, v] of s.parameters.entries()) {
        if (v === null) throw new UnsupportedApexError('PageReference.getUrl with a null parameter value');
        pairs.push(`${urlEncode(String(k), 'UTF-8')}=${urlEncode(String(v), 'UTF-8')}`);
    }
    return `${s.base}${pairs.length ? `?${pairs.join('&')}` : ''}${s.anchor === null ? '' : `#${s.anchor}`}`;
}

export const PageReferenceNative: NativeClass = defineNative({
    name: 'PageReference',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.cls === PageReferenceNative,
    constructors: [
        { params: ['String'], fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => pageReference(str(a, 0)) }
    ],
    methods: {
        getUrl: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => urlOf(stateOf(s)) }],
        getParameters: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => stateOf(s).parameters }],
        getAnchor: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => stateOf(s).anchor }],
        setAnchor: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => {
                    stateOf(s).anchor = (a[0] as string | null) ?? null;
                    return s;
                }
            }
        ],
        getRedirect: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => stateOf(s).redirect }],
        // "Sets the value of the PageReference object's redirect attribute" and returns the PageReference.
        setRedirect: [
            {
                params: ['Boolean'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => {
                    stateOf(s).redirect = a[0] === true;
                    return s;
                }
            }
        ]
    }
});

/** `Page.existingPageName`: the page at `/apex/existingPageName` (Defining Navigation Methods). */
export const PageNative: NativeClass = defineNative({
    name: 'Page',
    namespace: 'System',
    staticMember: (_rt, name) => pageReference(`/apex/${name}`)
});

export const ApexPagesNative: NativeClass = defineNative({
    name: 'ApexPages',
    namespace: 'System',
    statics: {
        currentPage: [
            {
                params: [],
                fn: (rt: NativeRuntime) => {
                    const page = testStateOf(rt).currentPage;
                    // Outside a Visualforce request there is no current page; what orgs return is not documented.
                    if (page === null)
                        throw new UnsupportedApexError('ApexPages.currentPage() without a page (Test.setCurrentPage)');
                    return page;
                }
            }
        ]
    }
});

/** The Visualforce natives, registered in core.ts. */
export const PAGE_NATIVES: readonly NativeClass[] = [PageReferenceNative, PageNative, ApexPagesNative];
