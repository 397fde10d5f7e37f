/**
 * The org's REST API on its My Domain, as much of it as the package calls (WebexCallEventPublisher):
 * - `GET /services/data/vNN.N/query?q=SELECT Id FROM StreamingChannel WHERE Name = '…' [LIMIT n]`;
 * - `POST /services/data/vNN.N/sobjects/StreamingChannel` `{Name, Description}`: 201 `{id, success, errors}`;
 * - `POST /services/data/vNN.N/sobjects/StreamingChannel/{id}/push` `{pushEvents: [{payload, userIds}]}`:
 *   each push event is published on the channel to its `userIds` (every subscriber when empty), and the
 *   answer lists, per push event, `fanoutCount` (clients that received it) and `userOnlineStatus`.
 * Every request needs a Bearer access token the org's OAuth server issued (else 401
 * `INVALID_SESSION_ID`); errors are Salesforce's `[{message, errorCode}]`. Requests are recorded in
 * `org.salesforce.requests`, so tests can count the package's callouts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatedOrg } from './org-state.ts';
import { readBodyText } from '../lib/request-body.ts';

const API_PATH = /^\/services\/data\/v(\d+\.\d+)(\/.*)$/;
const CHANNEL_QUERY =
    /^SELECT\s+Id\s+FROM\s+StreamingChannel\s+WHERE\s+Name\s*=\s*'((?:[^'\\]|\\.)*)'(?:\s+LIMIT\s+(\d+))?$/i;
/** "Cannot exceed 3,000 single-byte characters" (Streaming Channel Push REST API). */
const MAX_PAYLOAD_BYTES = 3000;
const MAX_NAME_LENGTH = 80;

function send(res: ServerResponse, status: number, body: unknown): void {
    res.writeHead(status, { 'content-type': 'application/json;charset=UTF-8', 'cache-control': 'no-store' });
    res.end(body === undefined ? '' : JSON.stringify(body));
}

function refuse(res: ServerResponse, status: number, errorCode: string, message: string): void {
    send(res, status, [{ message, errorCode }]);
}

async function readJson(req: IncomingMessage): Promise<unknown> {
    return JSON.parse((await readBodyText(req)) || 'null');
}

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function hasSession(org: EmulatedOrg, req: IncomingMessage): boolean {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const session = org.salesforce.accessTokens.get(token);
    return !!session && session.expiresAt >= Date.now();
}

function query(org: EmulatedOrg, version: string, soql: string, res: ServerResponse): void {
    const match = CHANNEL_QUERY.exec(soql.trim());
    if (!match)
        return refuse(res, 400, 'MALFORMED_QUERY', 'The workbench answers queries of a StreamingChannel by Name only.');
    const name = match[1].replace(/\\(.)/g, '$1');
    const limit = match[2] === undefined ? Infinity : Number(match[2]);
    const records = [...org.streaming.channels.values()]
        .filter((channel) => channel.Name === name)
        .slice(0, limit)
        .map((channel) => ({
            attributes: {
                type: 'StreamingChannel',
                url: `/services/data/v${version}/sobjects/StreamingChannel/${channel.Id}`
            },
            Id: channel.Id
        }));
    send(res, 200, { totalSize: records.length, done: true, records });
}

function createChannel(org: EmulatedOrg, body: unknown, res: ServerResponse): void {
    const name = isObject(body) ? body.Name : undefined;
    const description = isObject(body) ? body.Description : undefined;
    if (typeof name !== 'string' || !/^\/u\/[A-Za-z0-9_/]+$/.test(name) || name.length > MAX_NAME_LENGTH)
        return refuse(res, 400, 'FIELD_INTEGRITY_EXCEPTION', 'Name: a generic channel name starts with /u/.');
    if (
        description !== undefined &&
        description !== null &&
        (typeof description !== 'string' || description.length > 255)
    )
        return refuse(res, 400, 'STRING_TOO_LONG', 'Description: data value too large (max length=255)');
    if (org.streaming.channelByName(name))
        return refuse(
            res,
            400,
            'DUPLICATE_VALUE',
            `duplicate value found: Name duplicates value on record with id: ${org.streaming.channelByName(name)?.Id}`
        );
    const channel = org.streaming.createChannel(name, (description as string | undefined) ?? null);
    send(res, 201, { id: channel.Id, success: true, errors: [] });
}

function push(org: EmulatedOrg, channelId: string, body: unknown, res: ServerResponse): void {
    const channel =
        org.streaming.channels.get(channelId) ??
        [...org.streaming.channels.values()].find((c) => c.Id.startsWith(channelId));
    if (!channel) return refuse(res, 404, 'NOT_FOUND', 'The requested resource does not exist');
    const pushEvents = isObject(body) ? body.pushEvents : undefined;
    if (!Array.isArray(pushEvents) || !pushEvents.length)
        return refuse(res, 400, 'JSON_PARSER_ERROR', 'pushEvents: a list of push events is required.');
    for (const event of pushEvents) {
        if (!isObject(event) || typeof event.payload !== 'string')
            return refuse(res, 400, 'JSON_PARSER_ERROR', 'payload: a string is required.');
        if (Buffer.byteLength(event.payload, 'utf8') > MAX_PAYLOAD_BYTES)
            return refuse(res, 400, 'INVALID_FIELD', 'payload: cannot exceed 3,000 single-byte characters.');
        if (
            event.userIds !== undefined &&
            (!Array.isArray(event.userIds) || event.userIds.some((id) => typeof id !== 'string'))
        )
            return refuse(res, 400, 'JSON_PARSER_ERROR', 'userIds: a list of user ids is expected.');
    }
    const results = (pushEvents as Array<{ payload: string; userIds?: string[] }>).map(({ payload, userIds = [] }) => {
        const published = org.publish(channel.Name, payload, userIds.length ? userIds : null);
        // Deliveries are written synchronously, while the event bus emits: these are this event's.
        const reached = org.streaming.deliveries.filter(
            (delivery) => delivery.channel === channel.Name && delivery.replayId === published.replayId
        );
        return {
            fanoutCount: userIds.length ? reached.length : -1,
            userOnlineStatus: Object.fromEntries(
                userIds.map((id) => [id, reached.some((delivery) => delivery.userId.startsWith(id.slice(0, 15)))])
            )
        };
    });
    send(res, 200, results);
}

/**
 * Handles `/services/data/*` on the org's My Domain; returns false for any other path.
 */
export async function handleRestApi(
    org: EmulatedOrg,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL
): Promise<boolean> {
    const match = API_PATH.exec(url.pathname);
    if (!match) return false;
    const [, version, resource] = match;
    org.salesforce.requests.push({ method: req.method ?? 'GET', path: url.pathname });
    if (!hasSession(org, req)) {
        req.resume();
        refuse(res, 401, 'INVALID_SESSION_ID', 'Session expired or invalid');
        return true;
    }
    let body: unknown = null;
    if (req.method === 'POST') {
        try {
            body = await readJson(req);
        } catch {
            refuse(res, 400, 'JSON_PARSER_ERROR', 'The request body is not JSON.');
            return true;
        }
    }
    const pushPath = /^\/sobjects\/StreamingChannel\/(\w+)\/push$/.exec(resource);
    if (req.method === 'GET' && resource === '/query') query(org, version, url.searchParams.get('q') ?? '', res);
    else if (req.method === 'POST' && resource === '/sobjects/StreamingChannel') createChannel(org, body, res);
    else if (req.method === 'POST' && pushPath) push(org, pushPath[1], body, res);
    else refuse(res, 404, 'NOT_FOUND', `The workbench does not emulate ${req.method} ${url.pathname}`);
    return true;
}
