/** `/v1/rooms`: the spaces the token's user belongs to. */
import { badRequest } from '../errors.ts';
import { bodyObject, sendJson, sendNoContent, sendPage } from '../http.ts';
import type { Room } from '../store/messaging-store.ts';
import { webexRoute, type Route } from './route.ts';

const SORTS: Record<string, (a: Room, b: Room) => number> = {
    id: (a, b) => a.id.localeCompare(b.id),
    lastactivity: (a, b) => b.lastActivity.localeCompare(a.lastActivity),
    created: (a, b) => b.created.localeCompare(a.created)
};

function optionalBoolean(body: Record<string, unknown>, key: string): boolean | undefined {
    if (body[key] === undefined) return undefined;
    if (typeof body[key] !== 'boolean') throw badRequest(`${key} must be true or false.`);
    return body[key] as boolean;
}

function requiredTitle(body: Record<string, unknown>): string {
    if (typeof body.title !== 'string' || !body.title.trim()) throw badRequest('title is required.');
    return body.title;
}

export const roomRoutes: Route[] = [
    webexRoute('GET', '/v1/rooms', 'spark:rooms_read', (ctx, state, user) => {
        const type = ctx.url.searchParams.get('type');
        const sortBy = ctx.url.searchParams.get('sortBy') ?? 'created';
        if (type && type !== 'direct' && type !== 'group') throw badRequest('type must be direct or group.');
        if (!SORTS[sortBy]) throw badRequest('sortBy must be id, lastactivity or created.');
        // The emulator has no teams: a teamId matches nothing.
        const rooms = ctx.url.searchParams.get('teamId')
            ? []
            : state.messaging.roomsOf(user).filter((room) => !type || room.type === type);
        const views = [...rooms].sort(SORTS[sortBy]).map((room) => state.messaging.roomView(room, user.id));
        sendPage(ctx, views, 100, 1000);
    }),
    webexRoute('POST', '/v1/rooms', 'spark:rooms_write', (ctx, state, user) => {
        const body = bodyObject(ctx);
        const title = requiredTitle(body);
        const isPublic = optionalBoolean(body, 'isPublic');
        if (isPublic && typeof body.description !== 'string') throw badRequest('A public space needs a description.');
        const room = state.messaging.createRoom(user, {
            title,
            isLocked: optionalBoolean(body, 'isLocked'),
            isAnnouncementOnly: optionalBoolean(body, 'isAnnouncementOnly'),
            isPublic,
            ...(typeof body.description === 'string' ? { description: body.description } : {})
        });
        sendJson(ctx.res, 200, state.messaging.roomView(room, user.id));
    }),
    webexRoute('GET', '/v1/rooms/:roomId', 'spark:rooms_read', (ctx, state, user) => {
        const room = state.messaging.visibleRoom(ctx.params.roomId, user);
        sendJson(ctx.res, 200, state.messaging.roomView(room, user.id));
    }),
    webexRoute('PUT', '/v1/rooms/:roomId', 'spark:rooms_write', (ctx, state, user) => {
        const room = state.messaging.visibleRoom(ctx.params.roomId, user);
        const body = bodyObject(ctx);
        state.messaging.updateRoom(user, room, {
            title: requiredTitle(body),
            isLocked: optionalBoolean(body, 'isLocked'),
            isAnnouncementOnly: optionalBoolean(body, 'isAnnouncementOnly'),
            isReadOnly: optionalBoolean(body, 'isReadOnly'),
            isPublic: optionalBoolean(body, 'isPublic')
        });
        sendJson(ctx.res, 200, state.messaging.roomView(room, user.id));
    }),
    webexRoute('DELETE', '/v1/rooms/:roomId', 'spark:rooms_write', (ctx, state, user) => {
        state.messaging.deleteRoom(user, state.messaging.visibleRoom(ctx.params.roomId, user));
        sendNoContent(ctx.res);
    })
];
