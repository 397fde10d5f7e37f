/**
 * `HttpRequest`, `HttpResponse` and `Http` (Apex Reference Guide › HttpRequest Class, HttpResponse
 * Class, Http Class). There is no network: `Http.send` answers through the mock a test set with
 * `Test.setMock(HttpCalloutMock.class, mock)` (Apex Developer Guide › Testing HTTP Callouts by
 * Implementing the HttpCalloutMock Interface), and outside a test it is refused.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { ApexRuntimeSignal } from '../../values/signal.ts';
import { Blob } from '../../values/blob.ts';
import { ApexList } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeOverload, NativeRuntime } from './registry.ts';
import { hasUncommittedWork, testStateOf } from './test.ts';

/** What a request or response holds. Headers keep insertion order. */
interface HttpMessage {
    body: string | Blob | null;
    headers: Map<string, string>;
}

interface RequestState extends HttpMessage {
    endpoint: string | null;
    method: string | null;
    timeout: number | null;
    compressed: boolean;
}

interface ResponseState extends HttpMessage {
    statusCode: number;
    status: string | null;
}

function stateOf<T>(self: ApexValue): T {
    return (self as NativeObject).state as T;
}

function str(v: ApexValue | undefined): string | null {
    return v === undefined || v === null ? null : typeof v === 'string' ? v : String(v);
}

/**
 * `getHeader(key)`: the value set under exactly that key. The guide does not say whether keys match
 * case-insensitively, so a key that differs only in case is refused rather than guessed.
 */
function getHeader(m: HttpMessage, key: ApexValue): ApexValue {
    const k = str(key);
    if (k === null) return null;
    const exact = m.headers.get(k);
    if (exact !== undefined) return exact;
    for (const name of m.headers.keys()) {
        if (name.toLowerCase() === k.toLowerCase())
            throw new UnsupportedApexError(
                `getHeader('${k}') when the header was set as '${name}' (header key case rules are not documented)`
            );
    }
    return null;
}

function bodyText(m: HttpMessage): ApexValue {
    if (m.body === null) return null;
    return typeof m.body === 'string' ? m.body : m.body.toString();
}

function bodyBlob(m: HttpMessage): ApexValue {
    if (m.body === null) return null;
    return typeof m.body === 'string' ? Blob.valueOf(m.body) : m.body;
}

/** The accessors both messages share: body (as String or Blob) and headers. */
function messageMethods(): Record<string, NativeOverload[]> {
    return {
        getBody: [{ params: [], fn: (_rt, s) => bodyText(stateOf<HttpMessage>(s)) }],
        setBody: [{ params: ['String'], fn: (_rt, s, a) => ((stateOf<HttpMessage>(s).body = str(a[0])), null) }],
        getBodyAsBlob: [{ params: [], fn: (_rt, s) => bodyBlob(stateOf<HttpMessage>(s)) }],
        setBodyAsBlob: [
            {
                params: ['Blob'],
                fn: (_rt, s, a) => ((stateOf<HttpMessage>(s).body = (a[0] as Blob | null) ?? null), null)
            }
        ],
        getHeader: [{ params: ['String'], fn: (_rt, s, a) => getHeader(stateOf<HttpMessage>(s), a[0] ?? null) }],
        setHeader: [
            {
                params: ['String', 'String'],
                fn: (_rt, s, a) => {
                    const k = str(a[0]);
                    if (k === null) throw new UnsupportedApexError('setHeader with a null key');
                    stateOf<HttpMessage>(s).headers.set(k, str(a[1]) ?? '');
                    return null;
                }
            }
        ]
    };
}

/** `HttpRequest` (Apex Reference Guide › HttpRequest Class). */
export const HttpRequestNative: NativeClass = defineNative({
    name: 'HttpRequest',
    namespace: 'System',
    constructors: [
        {
            params: [],
            fn: () =>
                new NativeObject(HttpRequestNative, {
                    body: null,
                    headers: new Map(),
                    endpoint: null,
                    method: null,
                    timeout: null,
                    compressed: false
                } satisfies RequestState)
        }
    ],
    methods: {
        ...messageMethods(),
        getEndpoint: [{ params: [], fn: (_rt, s) => stateOf<RequestState>(s).endpoint }],
        setEndpoint: [
            { params: ['String'], fn: (_rt, s, a) => ((stateOf<RequestState>(s).endpoint = str(a[0])), null) }
        ],
        getMethod: [{ params: [], fn: (_rt, s) => stateOf<RequestState>(s).method }],
        setMethod: [{ params: ['String'], fn: (_rt, s, a) => ((stateOf<RequestState>(s).method = str(a[0])), null) }],
        getCompressed: [{ params: [], fn: (_rt, s) => stateOf<RequestState>(s).compressed }],
        setCompressed: [
            { params: ['Boolean'], fn: (_rt, s, a) => ((stateOf<RequestState>(s).compressed = a[0] === true), null) }
        ],
        // "The timeout can be any value between 1 and 120,000 milliseconds" (HttpRequest Class › setTimeout); kept, not enforced.
        setTimeout: [
            {
                params: ['Integer'],
                fn: (_rt, s, a) => ((stateOf<RequestState>(s).timeout = typeof a[0] === 'number' ? a[0] : null), null)
            }
        ]
    }
});

/** `HttpResponse` (Apex Reference Guide › HttpResponse Class). */
export const HttpResponseNative: NativeClass = defineNative({
    name: 'HttpResponse',
    namespace: 'System',
    constructors: [
        {
            params: [],
            fn: () =>
                new NativeObject(HttpResponseNative, {
                    body: null,
                    headers: new Map(),
                    statusCode: 0,
                    status: null
                } satisfies ResponseState)
        }
    ],
    methods: {
        ...messageMethods(),
        getStatusCode: [{ params: [], fn: (_rt, s) => stateOf<ResponseState>(s).statusCode }],
        setStatusCode: [
            {
                params: ['Integer'],
                fn: (_rt, s, a) => ((stateOf<ResponseState>(s).statusCode = typeof a[0] === 'number' ? a[0] : 0), null)
            }
        ],
        getStatus: [{ params: [], fn: (_rt, s) => stateOf<ResponseState>(s).status }],
        setStatus: [{ params: ['String'], fn: (_rt, s, a) => ((stateOf<ResponseState>(s).status = str(a[0])), null) }],
        getHeaderKeys: [
            {
                params: [],
                fn: (_rt, s) =>
                    new ApexList({ k: 'prim', name: 'String' }, [...stateOf<ResponseState>(s).headers.keys()])
            }
        ]
    }
});

/** A request as a host's transport receives it. */
export interface CalloutRequestData {
    method: string;
    endpoint: string;
    headers: [string, string][];
    body: string | null;
    timeoutMs: number | null;
}

/** What a host's transport answers: the response, or the message of the `CalloutException` the org raises. */
export type CalloutAnswer =
    | { ok: true; statusCode: number; status: string; headers: [string, string][]; body: string }
    | { ok: false; message: string };

/** Performs a callout outside tests, synchronously (a host that runs Apex against real endpoints). */
export type CalloutTransport = (request: CalloutRequestData) => CalloutAnswer;

const transports = new WeakMap<object, CalloutTransport>();

/**
 * Lets `Http.send` outside a test reach the network through `transport` (the runtime itself makes no network
 * calls: without a transport such a callout is refused).
 */
export function setCalloutTransport(rt: object, transport: CalloutTransport): void {
    transports.set(rt, transport);
}

function sendThroughTransport(transport: CalloutTransport, req: NativeObject): ApexValue {
    const state = stateOf<RequestState>(req);
    if (!state.endpoint) throw calloutException('Endpoint URL must be set');
    const answer = transport({
        method: state.method ?? 'GET',
        endpoint: state.endpoint,
        headers: [...state.headers.entries()],
        body: state.body === null ? null : typeof state.body === 'string' ? state.body : state.body.toString(),
        timeoutMs: state.timeout
    });
    if (!answer.ok) throw calloutException(answer.message);
    return new NativeObject(HttpResponseNative, {
        body: answer.body,
        headers: new Map(answer.headers),
        statusCode: answer.statusCode,
        status: answer.status
    } satisfies ResponseState);
}

function calloutException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.CalloutException', message);
}

/**
 * `Http.send(request)`: counts a callout (100 per transaction), refuses a callout after uncommitted
 * work, and answers through the test's `HttpCalloutMock`.
 */
function send(rt: NativeRuntime, req: ApexValue): ApexValue {
    if (!(req instanceof NativeObject) || req.cls !== HttpRequestNative)
        throw new UnsupportedApexError('Http.send with a null or non-HttpRequest argument');
    const s = testStateOf(rt);
    const transport = s.running ? undefined : transports.get(rt);
    if (!s.running && !transport)
        throw new UnsupportedApexError('Http.send outside a test (the runtime makes no network calls)');
    // Performing DML Operations and Mock Callouts: "callouts aren't allowed after DML operations in the same transaction".
    if (hasUncommittedWork(rt))
        throw calloutException('You have uncommitted work pending. Please commit or rollback before calling out');
    if (transport) {
        rt.limits.count('callouts');
        return sendThroughTransport(transport, req);
    }
    // Testing HTTP Callouts: without a mock, a test's callout fails with this message.
    if (s.calloutMock === null)
        throw calloutException('Methods defined as TestMethod do not support Web service callouts');
    rt.limits.count('callouts');
    const res = rt.callMethod(s.calloutMock, 'respond', [req]);
    if (res !== null && !(res instanceof NativeObject && res.cls === HttpResponseNative))
        throw new UnsupportedApexError('HttpCalloutMock.respond returned a non-HttpResponse');
    return res;
}

/** `Http` (Apex Reference Guide › Http Class). */
export const HttpNative: NativeClass = defineNative({
    name: 'Http',
    namespace: 'System',
    constructors: [{ params: [], fn: () => new NativeObject(HttpNative, null) }],
    methods: {
        send: [{ params: ['Object'], fn: (rt, _s, a) => send(rt, a[0] ?? null) }]
    }
});
