/**
 * The org's static resources, `/resource/<timestamp>/<name>` as `@salesforce/resourceUrl/<name>` resolves on the
 * platform (`<namespace>__<name>` for an installed package): force-app/main/default/staticresources/<name>.resource
 * with the `contentType` of its `.resource-meta.xml`.
 *
 * The workbench's stand-in for DNS: the browser has no route to Webex's hosts, so a JavaScript resource is served
 * with Webex's discovery URLs (the ones the Webex SDK bundle starts from: scripts/webex-sdk/entry.cjs) pointing at
 * the Webex emulator instead, as the Apex host routes the package's callouts to it. The SDK then finds every other
 * host (devices, websocket, metrics) in the emulator's catalog. The package itself never names the emulator.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const RESOURCES = path.resolve(import.meta.dirname, '..', '..', 'force-app', 'main', 'default', 'staticresources');

/** Webex's discovery URLs and the emulator's path for each (workbench/webex-emulator/README.md › The Webex JS SDK). */
const DISCOVERY_ROUTES: Array<[webex: string, emulatorPath: string]> = [
    ['https://webexapis.com/v1', '/v1'],
    ['https://u2c.wbx2.com/u2c/api/v1', '/u2c/api/v1']
];

/** `/resource/<timestamp>/<name>` or `/resource/<name>` → the resource's name without a namespace prefix. */
export function resourceName(pathname: string, namespace: string): string | undefined {
    const match = /^\/resource\/(?:\d+\/)?([A-Za-z]\w*)$/.exec(pathname);
    if (!match) return undefined;
    const prefix = namespace ? `${namespace}__` : '';
    return prefix && match[1].startsWith(prefix) ? match[1].slice(prefix.length) : match[1];
}

/** A resource's body as the workbench's browser gets it: discovery URLs routed to the emulator in JavaScript. */
export function routedBody(body: Buffer, contentType: string, emulatorUrl: string): Buffer {
    if (!/javascript/.test(contentType)) return body;
    let text = body.toString('utf8');
    for (const [webex, emulatorPath] of DISCOVERY_ROUTES)
        text = text.split(webex).join(`${emulatorUrl}${emulatorPath}`);
    return Buffer.from(text, 'utf8');
}

/**
 * Serves `/resource/...`; answers whether it handled the request. A resource never built (`npm run build` makes
 * WebexSdk.resource) is a 404, as a missing resource is in an org.
 */
export function serveStaticResource(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    options: { emulatorUrl: string; namespace: string }
): boolean {
    if (req.method !== 'GET' || !url.pathname.startsWith('/resource/')) return false;
    const name = resourceName(url.pathname, options.namespace);
    const file = name && path.join(RESOURCES, `${name}.resource`);
    const meta = file && `${file}-meta.xml`;
    if (!file || !meta || !existsSync(file) || !existsSync(meta)) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('Static resource not found');
        return true;
    }
    const contentType = /<contentType>([^<]+)<\/contentType>/.exec(readFileSync(meta, 'utf8'))?.[1]?.trim();
    const type = contentType ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(routedBody(readFileSync(file), type, options.emulatorUrl));
    return true;
}
