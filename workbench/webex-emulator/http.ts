/** Response helpers shaped like Webex's own answers. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { readBodyBytes, readBodyText } from '../lib/request-body.ts';

export interface RequestContext {
    req: IncomingMessage;
    res: ServerResponse;
    method: string;
    url: URL;
    /** Path parameters captured by the route pattern. */
    params: Record<string, string>;
    body: unknown;
    rawBody: string;
    /** The body's bytes, for multipart uploads. */
    rawBytes?: Buffer;
}

/** The JSON (or form) body as an object, `{}` when absent or not an object. */
export function bodyObject(ctx: RequestContext): Record<string, unknown> {
    return ctx.body && typeof ctx.body === 'object' && !Array.isArray(ctx.body)
        ? (ctx.body as Record<string, unknown>)
        : {};
}

export function sendJson(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {}
): void {
    res.writeHead(status, {
        'content-type': 'application/json;charset=UTF-8',
        trackingid: `EMU_${randomUUID()}`,
        ...headers
    });
    res.end(body === undefined ? '' : JSON.stringify(body));
}

/** Webex's error body: `message`, `errors[].description` and a `trackingId` support can look up. */
export function sendError(
    res: ServerResponse,
    status: number,
    message: string,
    headers: Record<string, string> = {}
): void {
    sendJson(res, status, { message, errors: [{ description: message }], trackingId: `EMU_${randomUUID()}` }, headers);
}

export function sendRedirect(res: ServerResponse, location: string): void {
    res.writeHead(302, { location, trackingid: `EMU_${randomUUID()}` });
    res.end();
}

export function sendNoContent(res: ServerResponse): void {
    res.writeHead(204, { trackingid: `EMU_${randomUUID()}` });
    res.end();
}

/**
 * One page of `items` with an RFC 5988 `Link: <…>; rel="next"` header when more remain, as Webex
 * paginates: `max` (capped at `limit`) per page, and an opaque cursor for the next one.
 */
export function sendPage<T>(ctx: RequestContext, items: T[], defaultMax: number, limit: number): void {
    const max = Math.min(Math.max(Number(ctx.url.searchParams.get('max') ?? defaultMax) || defaultMax, 1), limit);
    const start = Number(ctx.url.searchParams.get('cursor') ?? 0) || 0;
    const page = items.slice(start, start + max);
    const headers: Record<string, string> = {};
    if (start + max < items.length) {
        const next = new URL(ctx.url.toString());
        next.searchParams.set('max', String(max));
        next.searchParams.set('cursor', String(start + max));
        headers.link = `<${next.toString()}>; rel="next"`;
    }
    sendJson(ctx.res, 200, { items: page }, headers);
}

/** Reads the body's bytes (kept raw: uploads are binary, signatures are computed over raw bytes), and as text. */
export { readBodyBytes, readBodyText as readBody };
