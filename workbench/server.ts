/**
 * `npm start`: builds the workbench and serves it on http://localhost:3333 (PORT overrides), with the
 * Webex emulator on http://localhost:4444 (WEBEX_EMULATOR_PORT overrides) and the emulated org.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD, buildWorkbench } from './build.ts';
import { EmulatedOrg } from './org/org-state.ts';
import { createOrgHandler } from './org/server.ts';
import { createSalesforcePlatformHandler } from './org/salesforce-platform.ts';
import type { OrgApex } from './org/apex-host/org-apex.ts';
import { startWebexEmulator, type WebexEmulator } from './webex-emulator/server.ts';
import { WORKBENCH_INTEGRATION } from './webex-emulator/store/oauth-store.ts';
import { PACKAGE_NAMESPACE } from './org/namespace.ts';
import { serveStaticResource } from './lib/static-resources.ts';

const WB = import.meta.dirname;

/**
 * The page Webex sends a rep back to, as WebexUserConnectionService builds it, unpackaged and installed: the
 * Integration for Users must list both (its redirect URIs).
 */
function userRedirectUris(domain: string, namespacePrefix: string): string[] {
    return [`${domain}/apex/webexuserauth`, `${domain}/apex/${namespacePrefix}__webexuserauth`];
}
const SLDS = path.resolve(WB, '..', 'node_modules', '@salesforce-ux', 'design-system', 'assets');
const TYPES: Record<string, string> = {
    '.html': 'text/html; charset=utf-8',
    '.js': 'text/javascript; charset=utf-8',
    '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml',
    '.png': 'image/png',
    '.woff2': 'font/woff2',
    '.woff': 'font/woff'
};

export interface Workbench {
    url: string;
    org: EmulatedOrg;
    /** The package's Apex, run in the org (apex-host/README.md). */
    apex: OrgApex;
    emulator: WebexEmulator;
    close: () => Promise<void>;
}

function serveFile(file: string, res: import('node:http').ServerResponse): void {
    res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store'
    });
    createReadStream(file).pipe(res);
}

/** Starts the emulator and the page server (built beforehand unless `build` is false). Port 0 picks free ports. */
export async function startWorkbench(
    options: { port?: number; emulatorPort?: number; build?: boolean; fixtures?: boolean } = {}
): Promise<Workbench> {
    if (options.build !== false) await buildWorkbench({ fixtures: options.fixtures });
    const emulator = await startWebexEmulator(options.emulatorPort ?? Number(process.env.WEBEX_EMULATOR_PORT ?? 4444));
    const org = new EmulatedOrg(emulator.url);
    const handleOrg = createOrgHandler(org);
    // The org's My Domain: OAuth server, Metadata API, REST API (StreamingChannel).
    const handleSalesforce = createSalesforcePlatformHandler(org);
    const server: Server = createServer((req, res) => {
        const url = new URL(req.url ?? '/', 'http://localhost');
        handleOrg(req, res, url)
            .then(async (handled) => handled || (await handleSalesforce(req, res, url)))
            .then((handled) => {
                if (handled) return;
                if (url.pathname === '/' || url.pathname === '/index.html')
                    return serveFile(path.join(WB, 'index.html'), res);
                if (url.pathname === '/app.js') return serveFile(path.join(BUILD, 'app.js'), res);
                // The org's static resources (the Webex SDK), Webex's discovery hosts routed to the emulator.
                if (serveStaticResource(req, res, url, { emulatorUrl: emulator.url, namespace: org.namespace })) return;
                // A Lightning tab's URL, `/lightning/n/<tab>?<state>` (LWC Developer Guide › PageReference Types ›
                // Navigation Item Page), is the shell's `#/n/<tab>?<state>` (what a Visualforce page returns to),
                // in the session the page ran in: the shell's is its `lang` and `user` parameters.
                if (url.pathname.startsWith('/lightning/n/')) {
                    const session = new URLSearchParams({ lang: org.user.language, user: org.user.id });
                    const tab = `#/n/${url.pathname.slice('/lightning/n/'.length)}${url.search}`;
                    res.writeHead(302, { location: `/?${session}${tab}` });
                    return res.end();
                }
                if (url.pathname.startsWith('/assets/')) {
                    const file = path.join(
                        SLDS,
                        path.normalize(url.pathname.slice('/assets/'.length)).replace(/^(\.\.[/\\])+/, '')
                    );
                    if (file.startsWith(SLDS) && existsSync(file) && statSync(file).isFile())
                        return serveFile(file, res);
                }
                res.writeHead(404, { 'content-type': 'text/plain' });
                res.end('Not found');
            })
            .catch((error: unknown) => {
                res.writeHead(500, { 'content-type': 'text/plain' });
                res.end(String(error));
            });
    });
    const port = options.port ?? Number(process.env.PORT ?? 3333);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    const address = server.address();
    const url = `http://localhost:${typeof address === 'object' && address ? address.port : port}`;
    org.myDomainUrl = url;
    // As an administrator registers the redirect URIs the section shows on developer.webex.com: Webex
    // sends a rep back only to a registered page, and this workbench's port is known only now.
    const integration = emulator.state.oauth.integrations.find((i) => i.name === WORKBENCH_INTEGRATION);
    if (integration)
        emulator.state.oauth.addRedirectUris(integration.clientId, userRedirectUris(url, PACKAGE_NAMESPACE));
    return {
        url,
        org,
        apex: handleOrg.apex,
        emulator,
        close: async () => {
            await new Promise<void>((resolve) => server.close(() => resolve()));
            await handleOrg.apex.close();
            await emulator.close();
        }
    };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const workbench = await startWorkbench();
    const tab = workbench.org.namespace ? `${workbench.org.namespace}__Webex_Admin` : 'Webex_Admin';
    console.log(
        `Workbench:      ${workbench.url}/#/n/${tab}${workbench.org.namespace ? ' (package installed with its namespace)' : ''}`
    );
    console.log(`Webex emulator: ${workbench.emulator.url} (users: ${workbench.emulator.url}/_emulator/users)`);
    console.log('Stop with Ctrl+C.');
}
