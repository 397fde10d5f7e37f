/**
 * The Webex emulator: an HTTP server that answers the subset of the Webex REST API the package uses,
 * shaped as the public OpenAPI contract describes (specs/webex-openapi in the repository), plus a
 * control API under /_emulator. Test infrastructure only: the package never depends on it.
 *
 * Run alone with `tsx workbench/webex-emulator/server.ts` (port 4444, WEBEX_EMULATOR_PORT overrides).
 */
import { createServer, type Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import { WebexError } from './errors.ts';
import { readBodyBytes, sendError, type RequestContext } from './http.ts';
import { rejectUpgrade } from './mercury.ts';
import { multipartBoundary, parseMultipart, type UploadedFile } from './multipart.ts';
import { contentRoutes } from './routes/contents.ts';
import { controlCallRoutes } from './routes/control-calls.ts';
import { controlRoutes } from './routes/control.ts';
import { meetingInviteeRoutes } from './routes/meeting-invitees.ts';
import { meetingParticipantRoutes } from './routes/meeting-participants.ts';
import { registrantRoutes } from './routes/meeting-registrants.ts';
import { meetingRoutes } from './routes/meetings.ts';
import { membershipRoutes } from './routes/memberships.ts';
import { messageRoutes } from './routes/messages.ts';
import { oauthRoutes } from './routes/oauth.ts';
import { peopleRoutes } from './routes/people.ts';
import { roomRoutes } from './routes/rooms.ts';
import { hasScope, matchPattern, type Route } from './routes/route.ts';
import { sdkRoutes } from './routes/sdk.ts';
import { telephonyRoutes } from './routes/telephony.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { EmulatorState } from './state.ts';

/** First match wins: literal paths (`/v1/meetings/sessionTypes`) come before `:param` ones. */
export const ROUTES: Route[] = [
    ...controlRoutes,
    ...controlCallRoutes,
    ...oauthRoutes,
    ...sdkRoutes,
    ...peopleRoutes,
    ...roomRoutes,
    ...messageRoutes,
    ...membershipRoutes,
    ...contentRoutes,
    ...meetingRoutes,
    ...registrantRoutes,
    ...meetingInviteeRoutes,
    ...meetingParticipantRoutes,
    ...telephonyRoutes,
    ...webhookRoutes
];

/** Body fields the request log never keeps: OAuth secrets. */
const REDACTED = ['client_secret', 'code', 'refresh_token'];

/**
 * CORS for browser clients such as the Webex JS SDK. A preflight's requested headers are named back:
 * the Fetch standard (https://fetch.spec.whatwg.org/#http-access-control-allow-headers) never lets `*`
 * stand for `Authorization`, and the SDK also sends `trackingid`, `spark-user-agent`,
 * `cisco-no-http-redirect` and `cisco-device-url`.
 */
function corsHeaders(requested: string | undefined): Record<string, string> {
    return {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': requested ? `${requested}` : '*',
        'access-control-allow-methods': 'GET,HEAD,POST,PUT,PATCH,DELETE,OPTIONS',
        // `*` exposes every header to a request without credentials only; the names cover one with them. A page reads
        // a file's name from `Content-Disposition`, which is not a CORS-safelisted response header.
        'access-control-expose-headers': '*, content-disposition, content-length, retry-after, trackingid, link',
        'access-control-max-age': '600'
    };
}

export interface WebexEmulator {
    url: string;
    state: EmulatorState;
    server: Server;
    close: () => Promise<void>;
}

function parseBody(raw: string, bytes: Buffer, contentType: string | undefined): unknown {
    if (!raw) return undefined;
    if (contentType?.includes('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(raw));
    const boundary = multipartBoundary(contentType);
    if (boundary) {
        // Multipart fields become the body; uploaded parts its `files`.
        const { fields, files } = parseMultipart(bytes, boundary);
        return { ...fields, ...(files.length ? { files } : {}) };
    }
    return JSON.parse(raw) as unknown;
}

/** The body as the request log keeps it: no OAuth secrets, and uploads as their name and size only. */
function redact(body: unknown): unknown {
    if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
    return Object.fromEntries(
        Object.entries(body as Record<string, unknown>).map(([key, value]) => {
            if (REDACTED.includes(key)) return [key, '[redacted]'];
            if (key === 'files' && Array.isArray(value))
                return [
                    key,
                    value.map((file: unknown) =>
                        (file as UploadedFile)?.data
                            ? { filename: (file as UploadedFile).filename, bytes: (file as UploadedFile).data.length }
                            : file
                    )
                ];
            return [key, value];
        })
    );
}

/** Starts an emulator; port 0 picks a free one (tests). */
export async function startWebexEmulator(
    port = Number(process.env.WEBEX_EMULATOR_PORT ?? 4444),
    host = '127.0.0.1'
): Promise<WebexEmulator> {
    const state = new EmulatorState();
    const server = createServer(async (req, res) => {
        const cors = corsHeaders(req.headers['access-control-request-headers']);
        for (const [name, value] of Object.entries(cors)) res.setHeader(name, value);
        if (req.method === 'OPTIONS') {
            res.writeHead(204);
            return res.end();
        }
        const url = new URL(req.url ?? '/', `http://${req.headers.host ?? host}`);
        const method = (req.method ?? 'GET').toUpperCase();
        const rawBytes = await readBodyBytes(req);
        const rawBody = rawBytes.toString('utf8');
        let body: unknown;
        try {
            body = parseBody(rawBody, rawBytes, req.headers['content-type']);
        } catch {
            return sendError(res, 400, 'The request body is not valid JSON.');
        }
        const isControl = url.pathname.startsWith('/_emulator');
        const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
        if (!isControl) {
            state.recordRequest({
                method,
                path: url.pathname,
                query: Object.fromEntries(url.searchParams),
                body: redact(body),
                authorized: token ? `${token.slice(0, 6)}…` : null,
                at: new Date().toISOString()
            });
            const fault = state.takeFault(method, url.pathname);
            if (fault?.latencyMs) await new Promise((resolve) => setTimeout(resolve, fault.latencyMs));
            if (fault?.status) {
                const headers: Record<string, string> =
                    fault.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
                return sendError(
                    res,
                    fault.status,
                    fault.status === 429 ? 'Too many requests, retry later.' : 'Injected failure.',
                    headers
                );
            }
        }
        let allowedMethod = false;
        for (const route of ROUTES) {
            const params = matchPattern(route.pattern, url.pathname);
            if (!params) continue;
            if (route.method !== method) {
                allowedMethod = true;
                continue;
            }
            const caller = token ? state.authenticate(token) : undefined;
            if (route.auth && !caller)
                return sendError(
                    res,
                    401,
                    'The request requires a valid access token set in the Authorization request header.'
                );
            if (route.auth && !hasScope(caller?.scopes ?? null, route.scope))
                return sendError(res, 403, `The access token lacks the ${route.scope} scope this request needs.`);
            const ctx: RequestContext = { req, res, method, url, params, body, rawBody, rawBytes };
            try {
                return await route.handle(ctx, state, caller?.user);
            } catch (error) {
                if (error instanceof WebexError) return sendError(res, error.status, error.message, error.headers);
                return sendError(res, 500, `Emulator error: ${(error as Error).message}`);
            }
        }
        return sendError(
            res,
            allowedMethod ? 405 : 404,
            allowedMethod ? 'Method not allowed.' : 'The requested resource could not be found.'
        );
    });
    // Mercury: the SDK's websocket opens on the `webSocketUrl` of a registered device.
    server.on('upgrade', (req, socket, head: Buffer) => {
        if (!state.mercury.upgrade(req, socket, head)) rejectUpgrade(socket, 404, 'Not Found');
    });
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const address = server.address();
    const actualPort = typeof address === 'object' && address ? address.port : port;
    return {
        url: `http://${host}:${actualPort}`,
        state,
        server,
        close: () => {
            state.dispose();
            return new Promise<void>((resolve) => {
                server.close(() => resolve());
                server.closeIdleConnections();
            });
        }
    };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const emulator = await startWebexEmulator();
    console.log(`Webex emulator on ${emulator.url} (control API: ${emulator.url}/_emulator/users)`);
}
