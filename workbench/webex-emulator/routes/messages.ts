/**
 * `/v1/messages`: list a room's messages (newest first), post to a room or 1:1 (by person id or
 * email, which opens a direct room), with a file by public URL or multipart upload; read and delete.
 */
import { badRequest } from '../errors.ts';
import { bodyObject, sendJson, sendNoContent, sendPage, type RequestContext } from '../http.ts';
import type { UploadedFile } from '../multipart.ts';
import type { NewMessage } from '../store/messaging-store.ts';
import { webexRoute, type Route } from './route.ts';

const optionalString = (body: Record<string, unknown>, key: string): string | undefined => {
    if (body[key] === undefined || body[key] === '') return undefined;
    if (typeof body[key] !== 'string') throw badRequest(`${key} must be a string.`);
    return body[key] as string;
};

/** The new message a JSON or multipart body describes, with Webex's checks on its shape. */
function readNewMessage(ctx: RequestContext): NewMessage {
    const body = bodyObject(ctx);
    const input: NewMessage = {
        roomId: optionalString(body, 'roomId'),
        toPersonId: optionalString(body, 'toPersonId'),
        toPersonEmail: optionalString(body, 'toPersonEmail'),
        parentId: optionalString(body, 'parentId'),
        text: optionalString(body, 'text'),
        markdown: optionalString(body, 'markdown')
    };
    const destinations = [input.roomId, input.toPersonId, input.toPersonEmail].filter(Boolean).length;
    if (destinations !== 1) throw badRequest('Give exactly one of roomId, toPersonId or toPersonEmail.');
    const uploads = (body.files ?? []) as unknown;
    if (Array.isArray(uploads) && uploads.every((f) => typeof f === 'string')) {
        if (uploads.some((url) => !/^https?:\/\/\S+$/.test(url)))
            throw badRequest('files must be public http(s) URLs.');
        if (uploads.length) input.files = uploads;
    } else if (Array.isArray(uploads) && uploads.every((f) => typeof f === 'object' && f && 'data' in f)) {
        const [file, ...more] = uploads as UploadedFile[];
        if (more.length) throw badRequest('Only one file can be attached to a message.');
        if (file) input.upload = { filename: file.filename, contentType: file.contentType, data: file.data };
    } else {
        throw badRequest('files must be an array with one public URL.');
    }
    if (body.attachments !== undefined && !input.text && !input.markdown)
        throw badRequest('Adaptive Card attachments are not emulated; send text or markdown.');
    if (!input.text && !input.markdown && !input.files && !input.upload)
        throw badRequest('A message needs text, markdown or a file.');
    return input;
}

export const messageRoutes: Route[] = [
    webexRoute('GET', '/v1/messages', 'spark:messages_read', (ctx, state, user) => {
        const params = ctx.url.searchParams;
        const roomId = params.get('roomId');
        if (!roomId) throw badRequest('roomId is required.');
        const room = state.messaging.visibleRoom(roomId, user);
        const parentId = params.get('parentId');
        const before = params.get('before');
        if (before && Number.isNaN(Date.parse(before))) throw badRequest('before must be an ISO 8601 date and time.');
        const beforeMessage = params.get('beforeMessage');
        const pivot = beforeMessage ? state.messaging.visibleMessage(beforeMessage, user).created : undefined;
        const messages = state.messaging.messages
            .filter(
                (m) =>
                    m.roomId === room.id &&
                    (!parentId || m.parentId === parentId) &&
                    (!before || m.created < new Date(before).toISOString()) &&
                    (!pivot || m.created < pivot)
            )
            .sort((a, b) => b.created.localeCompare(a.created))
            .map((m) => state.messaging.messageView(m));
        sendPage(ctx, messages, 50, params.get('mentionedPeople') ? 100 : 1000);
    }),
    webexRoute('POST', '/v1/messages', 'spark:messages_write', (ctx, state, user) => {
        const message = state.messaging.postMessage(user, readNewMessage(ctx), ctx.url.origin);
        sendJson(ctx.res, 200, state.messaging.messageView(message, true));
    }),
    webexRoute('GET', '/v1/messages/:messageId', 'spark:messages_read', (ctx, state, user) => {
        sendJson(ctx.res, 200, state.messaging.messageView(state.messaging.visibleMessage(ctx.params.messageId, user)));
    }),
    webexRoute('DELETE', '/v1/messages/:messageId', 'spark:messages_write', (ctx, state, user) => {
        state.messaging.deleteMessage(user, state.messaging.visibleMessage(ctx.params.messageId, user));
        sendNoContent(ctx.res);
    })
];
