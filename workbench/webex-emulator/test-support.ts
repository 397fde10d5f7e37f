/**
 * What the emulator's tests share: a client that checks every answer (and request body) against the
 * OpenAPI contract where it has the path, a local HTTP server that plays a webhook target, and waiting.
 */
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { WebexContract } from '../lib/openapi-contract.ts';
import { TelephonyContract } from '../lib/telephony-contract.ts';
import { startWebexEmulator, type WebexEmulator } from './server.ts';

export const contract = new WebexContract();

/**
 * Fields Webex answers that the contract's schemas leave out: a webhook's `orgId`, `createdBy` and
 * `appId` (developer.webex.com's webhook guide and docs/WEBEX-API-NOTES.md §2.4 list them).
 */
const CONTRACT_GAPS: Array<{ path: RegExp; field: RegExp }> = [
    { path: /^\/v1\/webhooks/, field: /^(\/items\/\d+)?\/(orgId|createdBy|appId)$/ }
];
export const telephonyContract = new TelephonyContract();

export const SAM = 'sam.rep@acme-webex.example';
export const AVERY = 'avery.admin@acme-webex.example';
export const CAMILLE = 'camille.vente@acme-webex.example';

export interface Answer<T = unknown> {
    status: number;
    body: T;
    headers: Headers;
}

export interface CallOptions {
    /** Defaults to the client's token; null sends none. */
    token?: string | null;
    /** Send the body form-encoded instead of JSON. */
    form?: boolean;
    /** Skip the contract check (for answers the test inspects itself). */
    unchecked?: boolean;
}

/** A client of one emulator, acting as one token, that holds every answer to the contract. */
export class TestClient {
    readonly emulator: WebexEmulator;
    token: string;

    constructor(emulator: WebexEmulator, token: string) {
        this.emulator = emulator;
        this.token = token;
    }

    as(token: string): TestClient {
        return new TestClient(this.emulator, token);
    }

    async call<T = Record<string, unknown>>(
        method: string,
        path: string,
        body?: unknown,
        options: CallOptions = {}
    ): Promise<Answer<T>> {
        const url = path.startsWith('http') ? path : `${this.emulator.url}${path}`;
        const pathname = new URL(url).pathname;
        const token = options.token === undefined ? this.token : options.token;
        const inContract = !pathname.startsWith('/_emulator') && contract.has(method, pathname);
        if (inContract && body !== undefined && !options.form && !options.unchecked) {
            const errors = contract.validateRequest(method, pathname, body);
            assert.deepEqual(errors, [], `the test's own ${method} ${pathname} body breaks the contract`);
        }
        const response = await fetch(url, {
            method,
            redirect: 'manual',
            headers: {
                ...(token ? { authorization: `Bearer ${token}` } : {}),
                ...(body !== undefined
                    ? { 'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json' }
                    : {})
            },
            body:
                body === undefined
                    ? undefined
                    : options.form
                      ? new URLSearchParams(body as Record<string, string>).toString()
                      : JSON.stringify(body)
        });
        const text = await response.text();
        const parsed: unknown =
            text && response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text || undefined;
        if (inContract && !options.unchecked) {
            const errors = contract.validateResponse(method, pathname, response.status, parsed);
            assert.deepEqual(errors, [], `${method} ${path} → ${response.status} breaks the contract`);
            const undeclared = contract
                .undeclaredFields(method, pathname, response.status, parsed)
                .filter((field) => !CONTRACT_GAPS.some((gap) => gap.path.test(pathname) && gap.field.test(field)));
            assert.deepEqual(
                undeclared,
                [],
                `${method} ${path} → ${response.status} answers fields the contract does not name`
            );
        }
        if (response.status >= 400 && parsed && typeof parsed === 'object' && !('error' in parsed))
            assertWebexError(parsed, response.headers);
        return { status: response.status, body: parsed as T, headers: response.headers };
    }

    get<T = Record<string, unknown>>(path: string, options?: CallOptions): Promise<Answer<T>> {
        return this.call<T>('GET', path, undefined, options);
    }

    post<T = Record<string, unknown>>(path: string, body?: unknown, options?: CallOptions): Promise<Answer<T>> {
        return this.call<T>('POST', path, body, options);
    }

    /** Every item of a list, following `Link: <…>; rel="next"`. */
    async all<T = Record<string, unknown>>(path: string): Promise<{ items: T[]; pages: number }> {
        const items: T[] = [];
        let pages = 0;
        let next: string | undefined = path;
        while (next) {
            const page: Answer<{ items: T[] }> = await this.get<{ items: T[] }>(next);
            assert.equal(page.status, 200, `${next} answered ${page.status}`);
            items.push(...page.body.items);
            pages += 1;
            next = nextLink(page.headers);
        }
        return { items, pages };
    }
}

/** Webex's error body: a message, `errors[].description` and a `trackingId` (also a header). */
export function assertWebexError(body: unknown, headers: Headers): void {
    const error = body as { message?: unknown; errors?: Array<{ description?: unknown }>; trackingId?: unknown };
    assert.equal(typeof error.message, 'string', 'an error has a message');
    assert.equal(typeof error.errors?.[0]?.description, 'string', 'an error lists errors[].description');
    assert.match(String(error.trackingId), /^EMU_/, 'an error has a trackingId');
    assert.ok(headers.get('trackingid'), 'an error has a trackingid header');
}

export function nextLink(headers: Headers): string | undefined {
    return /<([^>]+)>;\s*rel="next"/.exec(headers.get('link') ?? '')?.[1];
}

/** Starts an emulator and answers a client acting as Sam, plus the seeded tokens by email. */
export async function startForTests(): Promise<{
    emulator: WebexEmulator;
    client: TestClient;
    tokens: Record<string, string>;
}> {
    const emulator = await startWebexEmulator(0);
    const tokens = Object.fromEntries(emulator.state.users.map((u) => [u.emails[0], u.accessToken]));
    return { emulator, client: new TestClient(emulator, tokens[SAM]), tokens };
}

export interface ReceivedWebhook {
    headers: IncomingHttpHeaders;
    /** The raw body, as signed. */
    raw: string;
    body: { resource: string; event: string; data: Record<string, unknown> } & Record<string, unknown>;
}

/** A webhook target on localhost that records what it receives and answers `status` (200 by default). */
export async function startWebhookSink(): Promise<{
    url: string;
    received: ReceivedWebhook[];
    status: number;
    close: () => Promise<void>;
}> {
    const sink = {
        url: '',
        received: [] as ReceivedWebhook[],
        status: 200,
        close: async () => {}
    };
    const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (chunk: Buffer) => chunks.push(chunk));
        req.on('end', () => {
            const raw = Buffer.concat(chunks).toString('utf8');
            sink.received.push({ headers: req.headers, raw, body: JSON.parse(raw) as ReceivedWebhook['body'] });
            res.writeHead(sink.status).end();
        });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    sink.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/webex/webhooks`;
    sink.close = () =>
        new Promise<void>((resolve) => {
            server.close(() => resolve());
            server.closeAllConnections();
        });
    return sink;
}

/** Polls until `check` holds (or fails with `message` after `timeoutMs`). */
export async function waitFor(check: () => boolean, message: string, timeoutMs = 3000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!check()) {
        if (Date.now() > until) assert.fail(`timed out: ${message}`);
        await new Promise((resolve) => setTimeout(resolve, 10));
    }
}
