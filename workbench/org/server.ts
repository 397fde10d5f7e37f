/**
 * The emulated org's HTTP face inside the workbench server: `/_org/apex/<Class>/<method>` runs an
 * Apex method of the registry, `/_org/control/*` lets tests and demos set the org up.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuraHandledError } from './apex-error.ts';
import { createApexRegistry } from './apex-registry.ts';
import type { Language } from './labels.ts';
import type { EmulatedOrg } from './org-state.ts';

function send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(body === undefined ? '' : JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

/** Handles `/_org/...`; returns false for any other path. */
export function createOrgHandler(
    org: EmulatedOrg
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
    const registry = createApexRegistry(org);
    return async (req, res, url) => {
        if (!url.pathname.startsWith('/_org/')) return false;
        const [, , area, first, second] = url.pathname.split('/');
        const params = req.method === 'POST' ? await readJson(req) : {};
        if (area === 'apex') {
            const method = registry[`${first}.${second}`];
            if (!method) {
                send(res, 404, {
                    message: `No such Apex method ${first}.${second}`,
                    exceptionType: 'System.NoSuchMethodException'
                });
                return true;
            }
            const lang = req.headers['x-wb-lang'];
            org.user.language = (lang === 'fr' ? 'fr' : 'en') as Language;
            try {
                send(res, 200, await method(params as never));
            } catch (error) {
                if (error instanceof AuraHandledError) send(res, 500, error.toResponseBody());
                else send(res, 500, { message: (error as Error).message, exceptionType: 'System.UnexpectedException' });
            }
            return true;
        }
        if (area === 'control') {
            if (first === 'reset') org.reset();
            else if (first === 'site') org.siteUrl = typeof params.siteUrl === 'string' ? params.siteUrl : null;
            else if (first === 'user') {
                if (Array.isArray(params.customPermissions))
                    org.user.customPermissions = params.customPermissions.map(String);
                if (typeof params.name === 'string') org.user.name = params.name;
            } else if (first === 'state') {
                // Never the secrets themselves: tests assert what is stored, not its value.
                send(res, 200, {
                    siteUrl: org.siteUrl,
                    user: org.user,
                    storedCredentials: [...org.credentials.keys()]
                });
                return true;
            } else {
                send(res, 404, { message: `Unknown control ${first}` });
                return true;
            }
            send(res, 200, { ok: true });
            return true;
        }
        send(res, 404, { message: 'Unknown org path' });
        return true;
    };
}
