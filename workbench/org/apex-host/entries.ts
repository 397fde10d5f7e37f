/**
 * The ways a request enters the package's Apex besides `@salesforce/apex` (aura.ts), as the platform enters them:
 * - **Anonymous Apex** (Apex Developer Guide › Anonymous Blocks, "Executing Anonymous Apex Code"): a block of
 *   statements run as the current user, what a set-up script types in Execute Anonymous or `sf apex run`;
 * - **Apex REST** (Apex Developer Guide › Exposing Apex Classes as REST Web Services): the `@RestResource` whose
 *   `urlMapping` matches the path after `/services/apexrest`, its `@HttpPost`/`@HttpGet`… method, with
 *   `RestContext.request` and `RestContext.response` set; the response's status, headers and body go back.
 */
import { parseApexFile } from '../../../apex-runtime/src/syntax/parse.ts';
import { UnsupportedApexError } from '../../../apex-runtime/src/errors.ts';
import { ApexMap } from '../../../apex-runtime/src/interpreter/collections.ts';
import type { Interpreter } from '../../../apex-runtime/src/interpreter/interpreter.ts';
import { NativeObject, type ClassInfo, type MethodInfo } from '../../../apex-runtime/src/interpreter/model.ts';
import type { TypeDecl } from '../../../apex-runtime/src/syntax/ast.ts';
import {
    RestContextNative,
    RestRequestNative,
    RestResponseNative
} from '../../../apex-runtime/src/interpreter/natives/rest.ts';
import { Blob } from '../../../apex-runtime/src/values/blob.ts';
import { dataLayerOf } from '../../../apex-runtime/src/interpreter/data/layer.ts';
import type { RestCall } from './protocol.ts';

/** Runs anonymous Apex: the block, as a method body of its own (the statements of `source`). */
export function runAnonymous(it: Interpreter, source: string): void {
    // Anonymous Apex is a block of statements: parsed as the body of a method of a class of its own.
    const unit = parseApexFile('AnonymousBlock.cls', `public class AnonymousBlock {\nvoid run() {\n${source}\n}\n}`);
    const type = unit.type;
    const method = type.kind === 'class' ? type.members.find((m) => m.kind === 'method') : undefined;
    if (!method || method.kind !== 'method' || !method.body)
        throw new UnsupportedApexError('anonymous Apex that is not a block of statements');
    it.runBlock(method.body, 'AnonymousBlock', 'AnonymousBlock');
}

/** The HTTP annotation of each method an `@RestResource` may declare (Apex REST Annotations). */
const HTTP_ANNOTATIONS: Record<string, string> = {
    GET: 'httpget',
    POST: 'httppost',
    PUT: 'httpput',
    PATCH: 'httppatch',
    DELETE: 'httpdelete'
};

/**
 * Whether a `urlMapping` matches a path: "The URL mapping is case-sensitive" and "can contain a wildcard
 * character (*)" (Apex Developer Guide › RestResource Annotation).
 */
function mappingMatches(mapping: string, path: string): boolean {
    const pattern = mapping
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*');
    return new RegExp(`^${pattern}$`).test(path);
}

/** The path after `/<namespace>` (`/webexsf/webex/webhooks` → `/webex/webhooks`), or null outside it. */
function pathUnder(namespace: string, path: string): string | null {
    const prefix = `/${namespace}/`;
    return path.startsWith(prefix) ? path.slice(prefix.length - 1) : null;
}

/**
 * Where the platform's Apex REST dispatcher sends a request, from the resources' declarations alone (no Apex runs to
 * decide it): the `@RestResource` method for its HTTP method, no resource for the path, or a resource without a method
 * for that HTTP method.
 */
export type RestRoute =
    | { kind: 'method'; className: string; methodName: string }
    | { kind: 'notFound' }
    | { kind: 'methodNotAllowed'; allowed: string[] };

/** Routes a request among the classes declared (see RestRoute); `namespace` is the one the package runs with. */
export function routeRest(
    declarations: Iterable<TypeDecl | undefined>,
    httpMethod: string,
    requestURI: string,
    namespace = ''
): RestRoute {
    // "The URL for a namespaced class contains the namespace … /services/apexrest/abc/your_url/" (Apex Developer
    // Guide › RestResource Annotation): a package installed with a namespace maps only the path under it.
    const path = namespace ? pathUnder(namespace, requestURI) : requestURI;
    if (path === null) return { kind: 'notFound' };
    for (const decl of declarations) {
        if (!decl || decl.kind !== 'class') continue;
        const resource = decl.annotations.find((a) => a.name.toLowerCase() === 'restresource');
        const key = Object.keys(resource?.params ?? {}).find((k) => k.toLowerCase() === 'urlmapping');
        const value = key === undefined ? undefined : resource?.params[key];
        if (typeof value !== 'string' || !mappingMatches(value, path)) continue;
        const allowed: string[] = [];
        for (const [verb, annotation] of Object.entries(HTTP_ANNOTATIONS)) {
            const method = decl.members.find(
                (m) =>
                    m.kind === 'method' &&
                    m.modifiers.includes('static') &&
                    m.annotations.some((a) => a.name.toLowerCase() === annotation)
            );
            if (method?.kind !== 'method') continue;
            if (verb === httpMethod.toUpperCase())
                return { kind: 'method', className: decl.name, methodName: method.name };
            allowed.push(verb);
        }
        return { kind: 'methodNotAllowed', allowed };
    }
    return { kind: 'notFound' };
}

/**
 * What the platform answers a request no method serves, before any Apex runs: 404 `NOT_FOUND` "Could not find a match
 * for URL" for a path no resource maps, 405 `METHOD_NOT_ALLOWED` "HTTP Method 'GET' not allowed. Allowed are POST" for
 * a resource without that method (the answers orgs give, as recorded in public issues, e.g.
 * github.com/jarrodek/ChromeRestClient/issues/1148 and github.com/kevinohara80/dmc/issues/41).
 */
export function platformRestAnswer(
    route: Exclude<RestRoute, { kind: 'method' }>,
    httpMethod: string
): { status: number; headers: Record<string, string>; body: string } {
    const headers = { 'content-type': 'application/json' };
    if (route.kind === 'notFound')
        return {
            status: 404,
            headers,
            body: JSON.stringify([{ errorCode: 'NOT_FOUND', message: 'Could not find a match for URL' }])
        };
    const message = `HTTP Method '${httpMethod.toUpperCase()}' not allowed. Allowed are ${route.allowed.join(',')}`;
    return { status: 405, headers, body: JSON.stringify([{ errorCode: 'METHOD_NOT_ALLOWED', message }]) };
}

/** The resource class and the method for this request, or the platform's answer when no method serves it. */
export function findRestMethod(
    classes: Iterable<ClassInfo>,
    call: RestCall,
    namespace = ''
): { cls: ClassInfo; method: MethodInfo } | Exclude<RestRoute, { kind: 'method' }> {
    const all = [...classes];
    const route = routeRest(
        all.map((cls) => cls.decl),
        call.httpMethod,
        call.requestURI,
        namespace
    );
    if (route.kind !== 'method') return route;
    const cls = all.find((c) => c.decl?.kind === 'class' && c.decl.name === route.className)!;
    const method = [...cls.methods.values()]
        .flat()
        .find((m) => m.decl.kind === 'method' && m.decl.name === route.methodName)!;
    return { cls, method };
}

/** Fills a `Map<String, String>` property of the REST natives. */
function fill(into: ApexMap, entries: Record<string, string>): void {
    for (const [k, v] of Object.entries(entries)) into.put(k, v);
}

/**
 * Runs an Apex REST request: `RestContext.request` as the platform fills it, the method, and the response as the
 * client receives it (status 200 unless the method set one; the body the method wrote).
 */
export function runRest(
    it: Interpreter,
    call: RestCall
): { status: number; headers: Record<string, string>; body: string } {
    const found = findRestMethod(it.classes.all(), call, it.classes.namespace);
    if ('kind' in found) return platformRestAnswer(found, call.httpMethod);
    // The caller must have access to the resource's class through their profile or a permission set (Apex Developer
    // Guide › Apex REST: "the class must be accessible to the user"); what orgs answer otherwise, as recorded in
    // forcedotcom/SalesforceMobileSDK-Android#2690 and restforce/restforce#599.
    if (!dataLayerOf(it).userAccess().hasClassAccess(found.cls.name))
        return {
            status: 403,
            headers: { 'Content-Type': 'application/json;charset=UTF-8' },
            body: JSON.stringify([
                { errorCode: 'FORBIDDEN', message: `You do not have access to the Apex class named: ${found.cls.name}` }
            ])
        };
    const rt = it as never;
    const request = RestRequestNative.constructors![0].fn(rt, null, []) as NativeObject;
    const set = (name: string, value: unknown): void => {
        RestRequestNative.setInstanceMember!(rt, request, name, value as never);
    };
    set('httpMethod', call.httpMethod.toUpperCase());
    set('requestURI', call.requestURI);
    set('resourcePath', `/services/apexrest${call.requestURI}`);
    set('remoteAddress', call.remoteAddress);
    set('requestBody', new Blob(new Uint8Array(Buffer.from(call.bodyBase64, 'base64'))));
    fill(RestRequestNative.instanceMember!(rt, request, 'headers') as ApexMap, call.headers);
    fill(RestRequestNative.instanceMember!(rt, request, 'params') as ApexMap, call.params);
    const response = RestResponseNative.constructors![0].fn(rt, null, []) as NativeObject;
    RestContextNative.setStaticMember!(rt, 'request', request);
    RestContextNative.setStaticMember!(rt, 'response', response);
    it.invokeStatic(found.cls, found.method.lname, [], found.method.name);
    const status = RestResponseNative.instanceMember!(rt, response, 'statusCode');
    const headers = RestResponseNative.instanceMember!(rt, response, 'headers') as ApexMap;
    const body = RestResponseNative.instanceMember!(rt, response, 'responseBody');
    return {
        status: typeof status === 'number' ? status : 200,
        headers: Object.fromEntries([...headers.entries()].map(([k, v]) => [String(k), String(v)])),
        body: body instanceof Blob ? Buffer.from(body.bytes).toString('utf8') : ''
    };
}
