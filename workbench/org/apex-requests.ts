/**
 * The org's HTTP entry points into the package's Apex, besides `@salesforce/apex` calls:
 * - the public site's Apex REST endpoint (`/services/apexrest/webex/webhooks`, where Webex delivers), run as the
 *   site's guest user when the site exists and is active;
 * - the package's Visualforce pages (`/apex/webexsfdcauth`, `/apex/webexuserauth`, `/apex/webexwebhooks`, with or
 *   without the namespace prefix), run as the org's signed-in user, as a page of their session.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { parseApexFile } from '../../apex-runtime/src/syntax/parse.ts';
import type { TypeDecl } from '../../apex-runtime/src/syntax/ast.ts';
import { platformRestAnswer, routeRest } from './apex-host/entries.ts';
import type { OrgApex } from './apex-host/org-apex.ts';
import type { EmulatedOrg } from './org-state.ts';
import { PACKAGE_NAMESPACE } from './namespace.ts';
import { activeWebhookSite } from './salesforce-platform.ts';
import { readBodyBytes as readBody } from '../lib/request-body.ts';

/** Where the site serves the package's `@RestResource(urlMapping='/webex/webhooks')`. */
export const WEBHOOK_REST_PATH = '/services/apexrest/webex/webhooks';

const PACKAGE_DIR = path.resolve(import.meta.dirname, '..', '..', 'force-app', 'main', 'default');
const PAGES_DIR = path.join(PACKAGE_DIR, 'pages');

let restResources: TypeDecl[] | null = null;

/** The package's `@RestResource` classes, as declared (parsed once). */
function packageRestResources(): TypeDecl[] {
    if (!restResources) {
        const classes = path.join(PACKAGE_DIR, 'classes');
        restResources = readdirSync(classes, { recursive: true, encoding: 'utf8' })
            .filter((file) => file.endsWith('.cls'))
            .map((file) => ({ file, source: readFileSync(path.join(classes, file), 'utf8') }))
            .filter(({ source }) => /@RestResource\b/i.test(source))
            .map(({ file, source }) => parseApexFile(path.basename(file), source).type)
            .filter((decl): decl is TypeDecl => decl.kind !== 'trigger');
    }
    return restResources;
}
const PAGE_PATH = /^\/apex\/(?:(\w+)__)?(\w+)$/;

/** Serves the site's Apex REST path; false for any other path. */
export async function serveApexRest(
    org: EmulatedOrg,
    apex: OrgApex,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL
): Promise<boolean> {
    if (!url.pathname.startsWith('/services/apexrest/')) return false;
    const body = await readBody(req);
    const requestURI = url.pathname.slice('/services/apexrest'.length);
    const site = activeWebhookSite(org);
    if (!site) {
        // No active site serves the path: what a missing Force.com site answers.
        res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>Site Not Found</title><h1>Page Not Found</h1>');
        return true;
    }
    // The platform's dispatcher answers a path or an HTTP method no resource serves before any Apex runs: here, so
    // that the package's own check of its site (a GET, answered 405, made while its transaction waits) needs no Apex.
    const route = routeRest(packageRestResources(), req.method ?? 'GET', requestURI, org.namespace);
    if (route.kind !== 'method') {
        const answer = platformRestAnswer(route, req.method ?? 'GET');
        res.writeHead(answer.status, answer.headers);
        res.end(answer.body);
        return true;
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string') headers[name] = value;
        else if (Array.isArray(value)) headers[name] = value.join(', ');
    const answer = await apex.rest(
        {
            httpMethod: req.method ?? 'GET',
            requestURI,
            headers,
            params: Object.fromEntries(url.searchParams),
            bodyBase64: body.toString('base64'),
            remoteAddress: req.socket.remoteAddress ?? '127.0.0.1'
        },
        site.guestUserId
    );
    const responseHeaders = answer.headers ?? {};
    res.writeHead(answer.status, responseHeaders);
    res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
    return true;
}

/** Serves a package Visualforce page; false for a path that is not one. */
export async function serveVisualforcePage(
    apex: OrgApex,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL
): Promise<boolean> {
    const match = PAGE_PATH.exec(url.pathname);
    if (!match) return false;
    const [, namespace, name] = match;
    if (namespace && namespace !== PACKAGE_NAMESPACE) return false;
    const file = path.join(PAGES_DIR, `${name}.page`);
    let source: string;
    try {
        source = readFileSync(file, 'utf8');
    } catch {
        return false;
    }
    const form =
        req.method === 'POST' ? Object.fromEntries(new URLSearchParams((await readBody(req)).toString())) : null;
    const answer = await apex.page({ page: name, source, url: `${url.pathname}${url.search}`, form });
    const page = answer.body as { kind: 'html'; html: string } | { kind: 'redirect'; location: string } | undefined;
    if (answer.status !== 200 || !page) {
        // An exception a page's controller lets escape: Visualforce's error page, its details kept from the user.
        res.writeHead(500, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end('<!doctype html><title>Error</title><h1>An internal server error has occurred</h1>');
        return true;
    }
    if (page.kind === 'redirect') {
        res.writeHead(302, { location: page.location, 'cache-control': 'no-store' });
        res.end();
        return true;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(page.html);
    return true;
}
