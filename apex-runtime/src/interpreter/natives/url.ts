/**
 * `System.Url` (Apex Reference Guide › URL Class): a parsed absolute URL as java.net.URL parses it
 * (Apex's URL class wraps it): `getProtocol`, `getHost`, `getPort` (-1 when the URL names none),
 * `getPath`, `getQuery` (null when absent), `getRef`, `getFile`, `getAuthority`, `getUserInfo`,
 * `getDefaultPort`, `toExternalForm`; and the org's URLs (`getOrgDomainUrl`, the runtime's My
 * Domain option). A URL java.net.URL would reject (no or unknown protocol) is refused: the
 * exception type Apex raises for it is not documented.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { int, str } from './platform.ts';
import type { PlatformRuntime } from './platform.ts';

interface UrlParts {
    protocol: string;
    /** `user@host:port`, or null for a URL without `//`. */
    authority: string | null;
    userInfo: string | null;
    host: string;
    port: number;
    path: string;
    query: string | null;
    ref: string | null;
}

/** Protocols java.net.URL has handlers for by default. */
const PROTOCOLS = new Set(['http', 'https', 'ftp', 'file', 'jar', 'mailto']);
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443, ftp: 21 };

/** Parses an absolute URL; refused when java.net.URL would throw MalformedURLException. */
export function parseUrl(spec: string): UrlParts {
    const m = /^([a-zA-Z][a-zA-Z0-9+.-]*):(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/.exec(spec.trim());
    const protocol = m?.[1]?.toLowerCase();
    if (!m || !protocol || !PROTOCOLS.has(protocol))
        throw new UnsupportedApexError(`new Url of a malformed URL (${spec})`);
    const authority = m[2] ?? null;
    let userInfo: string | null = null;
    let hostPort = authority ?? '';
    const at = hostPort.lastIndexOf('@');
    if (at >= 0) {
        userInfo = hostPort.slice(0, at);
        hostPort = hostPort.slice(at + 1);
    }
    const pm = /^(\[[^\]]*\]|[^:]*)(?::(\d*))?$/.exec(hostPort);
    if (!pm) throw new UnsupportedApexError(`new Url of a malformed URL (${spec})`);
    const port = pm[2] === undefined || pm[2] === '' ? -1 : Number(pm[2]);
    return {
        protocol,
        authority,
        userInfo,
        host: pm[1] ?? '',
        port,
        path: m[3] ?? '',
        query: m[4] ?? null,
        ref: m[5] ?? null
    };
}

function file(u: UrlParts): string {
    return u.query === null ? u.path : `${u.path}?${u.query}`;
}

/** java.net.URL's toExternalForm: `protocol:` `//authority` file `#ref`. */
export function externalForm(u: UrlParts): string {
    return `${u.protocol}:${u.authority === null ? '' : `//${u.authority}`}${file(u)}${u.ref === null ? '' : `#${u.ref}`}`;
}

function parts(v: ApexValue): UrlParts {
    if (v instanceof NativeObject && v.cls.lname === 'url') return v.state as UrlParts;
    throw new UnsupportedApexError('Url method on a non-Url');
}

function urlValue(u: UrlParts): NativeObject {
    return new NativeObject(UrlNative, u);
}

function orgDomain(rt: NativeRuntime): NativeObject {
    const url = (rt as PlatformRuntime).orgDomainUrl?.();
    if (!url) throw new UnsupportedApexError("URL.getOrgDomainUrl without the org's My Domain (a runtime option)");
    return urlValue(parseUrl(url));
}

export const UrlNative: NativeClass = defineNative({
    name: 'Url',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.cls.lname === 'url',
    valueEquals: (a, b) => externalForm(a as UrlParts) === externalForm(b as UrlParts),
    valueHash: (a) => externalForm(a as UrlParts).length,
    constructors: [
        {
            params: ['String'],
            fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => urlValue(parseUrl(str(a, 0)))
        },
        {
            params: ['String', 'String', 'String'],
            fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                urlValue(parseUrl(`${str(a, 0)}://${str(a, 1)}${str(a, 2)}`))
        },
        {
            params: ['String', 'String', 'Integer', 'String'],
            fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                urlValue(parseUrl(`${str(a, 0)}://${str(a, 1)}:${int(a, 2)}${str(a, 3)}`))
        }
    ],
    statics: {
        getOrgDomainUrl: [{ params: [], fn: (rt: NativeRuntime) => orgDomain(rt) }],
        // Deprecated in favour of getOrgDomainUrl; in an org with enhanced domains both name the My Domain.
        getSalesforceBaseUrl: [{ params: [], fn: (rt: NativeRuntime) => orgDomain(rt) }],
        getCurrentRequestUrl: [
            {
                params: [],
                fn: () => {
                    throw new UnsupportedApexError('URL.getCurrentRequestUrl (no request offline)');
                }
            }
        ]
    },
    methods: {
        getProtocol: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => parts(s).protocol }],
        getHost: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => parts(s).host }],
        getPort: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => parts(s).port }],
        getDefaultPort: [
            { params: [], fn: (_rt: NativeRuntime, s: ApexValue) => DEFAULT_PORTS[parts(s).protocol] ?? -1 }
        ],
        getPath: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => parts(s).path }],
        getQuery: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => parts(s).query }],
        getRef: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => parts(s).ref }],
        getFile: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => file(parts(s)) }],
        getAuthority: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => parts(s).authority }],
        getUserInfo: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => parts(s).userInfo }],
        toExternalForm: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => externalForm(parts(s)) }],
        toString: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => externalForm(parts(s)) }],
        equals: [
            { params: ['Object'], fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => rt.equals(s, a[0] ?? null) }
        ]
    }
});
