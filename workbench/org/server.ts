/**
 * The emulated org's HTTP face inside the workbench server:
 * - `/_org/apex/<Class>/<method>` runs an Apex method of the registry;
 * - `/_org/ui-api/...` answers Lightning Data Service (records, object info);
 * - `/_org/events` streams the events `lightning/empApi` subscribers receive (server-sent events);
 * - `/_org/control/*` lets tests and demos set the org up.
 * - `/services/apexrest/webex/webhooks` is the public site's webhook endpoint (site/webhook-resource.ts).
 * - `/apex/webexuserauth` is the Visualforce page Webex sends a rep back to (apex/webexuserauth-page.ts).
 *
 * `POST /_org/control/webex-connect {"user": "sam.rep@acme-webex.example", "webexEmail"?}` connects a
 * seeded user's own Webex account as the OAuth finish on `webexuserauth` would (the emulator's
 * sign-in page is answered with Continue as `webexEmail`, default the user's email; code exchanged,
 * `/people/me`, the user's three `telephony_calls` webhooks registered with their token). On the way it
 * sets up what a story would otherwise click through: the integration for users (the emulator's seeded
 * one) when none is saved, and the workbench itself as the webhook site when there is none. It answers
 * `{ userId, webexPersonId, outcome }`; nothing is connected by default.
 * `POST /_org/control/object-label {"object": "Lead", "label": "Prospect", "labelPlural": "Prospects", "language"?}`
 * renames a standard object as Setup > Rename Tabs and Labels does (in one language, "en" or "fr", or in every one):
 * getObjectInfo and the Apex stand-ins' describes give the new names until the next reset.
 * The page names its user and language in `x-wb-user` / `x-wb-lang` headers (or query parameters).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { OrgApex } from './apex-host/org-apex.ts';
import { serveApexRest, serveVisualforcePage } from './apex-requests.ts';
import { serveFileDownload } from './file-download.ts';
import type { Language } from './labels.ts';
import type { EmulatedOrg, OrgEvent } from './org-state.ts';
import { describeObject, renameObject, type FieldValue } from './records.ts';
import { UiApi, UiApiError } from './ui-api.ts';
import { AnonymousApexError, connectWebex, runAnonymousApex, seededUser, SETUP_ADMIN } from './setup-apex.ts';
import { readBodyText as readText } from '../lib/request-body.ts';

function send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8' });
    res.end(body === undefined ? '' : JSON.stringify(body));
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
    const text = await readText(req);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

function header(req: IncomingMessage, url: URL, name: string): string | undefined {
    const value = req.headers[`x-wb-${name}`] ?? url.searchParams.get(name) ?? undefined;
    return Array.isArray(value) ? value[0] : value;
}

/** Signs in the user the page names (if any) and applies its language, per request. */
function applySession(org: EmulatedOrg, req: IncomingMessage, url: URL): void {
    const user = header(req, url, 'user');
    if (user && user !== org.user.id) org.signIn(user);
    const lang = header(req, url, 'lang');
    if (lang) org.user.language = (lang === 'fr' ? 'fr' : 'en') as Language;
}

function streamEvents(org: EmulatedOrg, req: IncomingMessage, res: ServerResponse, url: URL): void {
    const channel = url.searchParams.get('channel') ?? '';
    const userId = url.searchParams.get('user') ?? org.user.id;
    if (org.streaming.takeRefusal(channel)) {
        // What CometD answers a subscription to a channel that does not exist; EventSource then fails.
        send(res, 400, { error: `400::The channel you requested to subscribe to does not exist {${channel}}` });
        return;
    }
    res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive'
    });
    res.write(': subscribed\n\n');
    const onEvent = (event: OrgEvent): void => {
        if (event.channel !== channel) return;
        if (event.userIds && !event.userIds.some((id) => userId.startsWith(id.slice(0, 15)))) return;
        res.write(`data: ${JSON.stringify(event)}\n\n`);
        org.streaming.recordDelivery(event, userId);
    };
    org.eventBus.on('event', onEvent);
    req.on('close', () => org.eventBus.off('event', onEvent));
}

async function handleUiApi(
    org: EmulatedOrg,
    ui: UiApi,
    req: IncomingMessage,
    res: ServerResponse,
    parts: string[],
    url: URL
): Promise<void> {
    const [resource, id] = parts;
    const language = org.user.language;
    const list = (name: string): string[] =>
        (url.searchParams.get(name) ?? '')
            .split(',')
            .map((f) => f.trim())
            .filter(Boolean);
    try {
        if (resource === 'object-info' && req.method === 'GET') return send(res, 200, ui.objectInfo(id, language));
        if (resource === 'records' && req.method === 'GET' && id) {
            // `layout=Full` (the shell's record pages): every field and each lookup's name.
            const optional =
                url.searchParams.get('layout') === 'Full'
                    ? fieldPaths(org.records.objectOf(id) ?? '')
                    : list('optionalFields');
            return send(res, 200, ui.record(id, list('fields'), optional, language));
        }
        if (resource === 'records' && req.method === 'POST' && !id) {
            const body = (await readJson(req)) as { apiName?: string; fields?: Record<string, FieldValue> };
            if (!body.apiName || !describeObject(body.apiName))
                throw new UiApiError(400, 'INVALID_TYPE', `Unknown object ${String(body.apiName)}`);
            const newId = wrap(() => org.records.insert(String(body.apiName), body.fields ?? {}));
            return send(res, 201, ui.record(newId, [], fieldPaths(String(body.apiName)), language));
        }
        if (resource === 'records' && req.method === 'PATCH' && id) {
            const body = (await readJson(req)) as { fields?: Record<string, FieldValue> };
            const fields = Object.fromEntries(Object.entries(body.fields ?? {}).filter(([name]) => name !== 'Id'));
            wrap(() => org.records.update(id, fields));
            return send(res, 200, ui.record(id, [], fieldPaths(org.records.objectOf(id) ?? ''), language));
        }
        if (resource === 'records' && req.method === 'DELETE' && id) {
            if (!org.records.delete(id))
                throw new UiApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
            return send(res, 204, undefined);
        }
        if (resource === 'layout' && req.method === 'GET') {
            const describe = describeObject(id);
            if (!describe) throw new UiApiError(404, 'NOT_FOUND', `The object ${id} is not supported`);
            // The compact layout: the fields a highlights panel shows.
            return send(res, 200, { objectApiName: id, compactFields: describe.highlights });
        }
        if (resource === 'list' && req.method === 'GET') {
            const describe = describeObject(id);
            if (!describe) throw new UiApiError(404, 'NOT_FOUND', `The object ${id} is not supported`);
            const columns = [describe.nameField, ...describe.highlights];
            const records = org.records.list(id).map((r) => ui.record(r.Id, [], fieldPaths(id, columns), language));
            return send(res, 200, { objectInfo: ui.objectInfo(id, language), columns, records });
        }
        throw new UiApiError(404, 'NOT_FOUND', 'The requested resource does not exist');
    } catch (error) {
        if (error instanceof UiApiError) return send(res, error.status, error.toBody());
        throw error;
    }
}

/**
 * `Object.Field` paths for these fields (all of the object's by default), plus `Object.Relation.Id`
 * for each lookup so the related record's name comes along, as a layout shows it.
 */
export function fieldPaths(objectApiName: string, fields?: string[]): string[] {
    const describe = describeObject(objectApiName);
    const names = fields ?? Object.keys(describe?.fields ?? {});
    return names.flatMap((name) => {
        const own = `${objectApiName}.${name}`;
        return describe?.fields[name]?.referenceTo && name.endsWith('Id')
            ? [own, `${objectApiName}.${name.slice(0, -2)}.Id`]
            : [own];
    });
}

/** Turns a record store refusal (unknown field...) into the UI API's 400. */
function wrap<T>(fn: () => T): T {
    try {
        return fn();
    } catch (error) {
        throw new UiApiError(400, 'INVALID_FIELD', (error as Error).message);
    }
}

/** The `/_org/...` handler, and the Apex host it runs the package's Apex in (`close` stops it). */
export type OrgHandler = ((req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>) & {
    apex: OrgApex;
};

/** Handles `/_org/...`; returns false for any other path. */
export function createOrgHandler(org: EmulatedOrg): OrgHandler {
    const apex = new OrgApex(org);
    const handler = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> => {
        // The public site's Apex REST endpoint, where the Webex emulator delivers (run as the site's guest user).
        if (await serveApexRest(org, apex, req, res, url)) return true;
        // The package's Visualforce pages, as the org's signed-in user (a page of their session).
        if (await serveVisualforcePage(apex, req, res, url)) return true;
        if (await serveFileDownload(org, apex, req, res, url)) return true;
        if (!url.pathname.startsWith('/_org/')) return false;
        const [, , area, ...rest] = url.pathname.split('/');
        if (area === 'events') {
            streamEvents(org, req, res, url);
            return true;
        }
        if (area !== 'control') applySession(org, req, url);
        if (area === 'ui-api') {
            await handleUiApi(org, new UiApi(org.records), req, res, rest.map(decodeURIComponent), url);
            return true;
        }
        const [first, second] = rest;
        const params = req.method === 'POST' ? await readJson(req) : {};
        if (area === 'apex') {
            // The package's own Apex, in the runtime (apex-host/README.md): it answers as the platform would.
            const answer = await apex.call(first, second, params);
            send(res, answer.status, answer.body);
            return true;
        }
        if (area === 'control') {
            if (first === 'reset') org.reset();
            else if (first === 'user') {
                if (typeof params.user === 'string') org.signIn(params.user);
            } else if (first === 'assign') {
                // Setup > Permission Sets > Manage Assignments: done outside the package's tab.
                try {
                    org.assignPermissionSet(String(params.permissionSet), String(params.user));
                } catch (error) {
                    send(res, 400, { message: (error as Error).message });
                    return true;
                }
            } else if (first === 'unassign') {
                // Setup > Permission Sets > Manage Assignments > Remove Assignments.
                try {
                    org.removePermissionSet(String(params.permissionSet), String(params.user));
                } catch (error) {
                    send(res, 400, { message: (error as Error).message });
                    return true;
                }
            } else if (first === 'namespace') {
                // Run the package as installed with its namespace ("webexsf"), or unpackaged ("").
                org.useNamespace(typeof params.namespace === 'string' ? params.namespace : '');
            } else if (first === 'object-label') {
                // Setup > Rename Tabs and Labels: the object's label and plural label, in one language ("en",
                // "fr") or in every one; describes and getObjectInfo answer them until the next reset.
                const language = params.language === 'en' || params.language === 'fr' ? params.language : undefined;
                try {
                    renameObject(
                        String(params.object),
                        { label: String(params.label), labelPlural: String(params.labelPlural ?? params.label) },
                        language
                    );
                } catch (error) {
                    send(res, 400, { message: (error as Error).message });
                    return true;
                }
            } else if (first === 'platform-events') {
                // Today's delivered platform events as OrgLimits reports them (null counts `events`).
                org.deliveredPlatformEventsOverride = typeof params.used === 'number' ? params.used : null;
            } else if (first === 'streaming-refusals') {
                // The next `times` subscriptions to `channel` fail (lightning/empApi's stand-in rejects them).
                org.streaming.refuseSubscriptions(String(params.channel), Number(params.times ?? 1));
            } else if (first === 'generic-streaming') {
                // Today's delivered generic events as OrgLimits reports them (null counts the deliveries).
                org.streaming.deliveredOverride = typeof params.used === 'number' ? params.used : null;
            } else if (first === 'publish') {
                send(
                    res,
                    200,
                    org.publish(
                        String(params.channel),
                        (params.payload ?? {}) as OrgEvent['payload'],
                        Array.isArray(params.userIds) ? params.userIds.map(String) : null
                    )
                );
                return true;
            } else if (first === 'webex-connect') {
                // Connects a seeded user's own Webex account (see the header comment).
                let connected;
                try {
                    connected = await connectWebex(
                        org,
                        apex,
                        String(params.user ?? ''),
                        typeof params.webexEmail === 'string' ? params.webexEmail : undefined
                    );
                } catch (error) {
                    send(res, 400, { message: (error as Error).message });
                    return true;
                }
                send(res, connected.outcome.succeeded ? 200 : 400, {
                    userId: connected.userId,
                    outcome: connected.outcome,
                    webexPersonId: connected.webexPersonId
                });
                return true;
            } else if (first === 'execute-anonymous') {
                // Execute Anonymous: `apex` run as `user` (default the administrator); its System.debug lines back.
                try {
                    const user = seededUser(org, typeof params.user === 'string' ? params.user : SETUP_ADMIN);
                    const debug = await runAnonymousApex(apex, String(params.apex ?? ''), user.Id);
                    send(res, 200, { success: true, debug });
                } catch (error) {
                    if (!(error instanceof AnonymousApexError)) throw error;
                    send(res, 400, { success: false, exceptionMessage: error.message });
                }
                return true;
            } else if (first === 'jobs') {
                // Waits for the Queueable jobs enqueued so far (Setup › Apex Jobs), then lists every job's outcome.
                await apex.whenJobsSettled();
                send(res, 200, { jobs: apex.jobs });
                return true;
            } else if (first === 'apex-calls') {
                // The last @salesforce/apex calls with their governor-limit usage (a debug log's LIMIT_USAGE).
                send(res, 200, { calls: apex.calls });
                return true;
            } else if (first === 'state') {
                send(res, 200, { namespace: org.namespace, user: org.user });
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
    return Object.assign(handler, { apex });
}
