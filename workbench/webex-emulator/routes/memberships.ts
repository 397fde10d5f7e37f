/** `/v1/memberships`: who is in which space; add (or invite by email), promote and remove people. */
import { badRequest, notFound } from '../errors.ts';
import { bodyObject, sendJson, sendNoContent, sendPage } from '../http.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';
import { personForInvitation } from '../store/invitations.ts';
import type { Membership } from '../store/messaging-store.ts';
import { webexRoute, type Route } from './route.ts';

/** A membership of a room the user belongs to. */
function visibleMembership(state: EmulatorState, user: EmulatedUser, id: string): Membership {
    const membership = state.messaging.memberships.find((m) => m.id === id);
    if (!membership || !state.messaging.membership(membership.roomId, user.id)) throw notFound();
    return membership;
}

export const membershipRoutes: Route[] = [
    webexRoute('GET', '/v1/memberships', 'spark:memberships_read', (ctx, state, user) => {
        const params = ctx.url.searchParams;
        const roomId = params.get('roomId');
        const personId = params.get('personId');
        const personEmail = params.get('personEmail')?.toLowerCase();
        if ((personId || personEmail) && !roomId) throw badRequest('personId and personEmail need a roomId.');
        let memberships: Membership[];
        if (roomId) {
            state.messaging.visibleRoom(roomId, user);
            memberships = state.messaging.memberships.filter((m) => m.roomId === roomId);
        } else {
            // Without a room: the user's own memberships, one per space.
            memberships = state.messaging.memberships.filter((m) => m.personId === user.id);
        }
        const views = memberships
            .filter((m) => !personId || m.personId === personId)
            .filter(
                (m) => !personEmail || state.userById(m.personId)?.emails.some((e) => e.toLowerCase() === personEmail)
            )
            .map((m) => state.messaging.membershipView(m));
        sendPage(ctx, views, 100, 1000);
    }),
    webexRoute('POST', '/v1/memberships', 'spark:memberships_write', (ctx, state, user) => {
        const body = bodyObject(ctx);
        if (typeof body.roomId !== 'string') throw badRequest('roomId is required.');
        if (typeof body.personId !== 'string' && typeof body.personEmail !== 'string')
            throw badRequest('personId or personEmail is required.');
        if (body.isModerator !== undefined && typeof body.isModerator !== 'boolean')
            throw badRequest('isModerator must be true or false.');
        const room = state.messaging.visibleRoom(body.roomId, user);
        // By id: someone Webex knows. By email: someone it knows, or else someone it invites (store/invitations.ts).
        const person =
            typeof body.personId === 'string'
                ? state.userById(body.personId)
                : personForInvitation(state, String(body.personEmail));
        if (!person) throw badRequest('No Webex person has that id (the emulator knows the seeded people).');
        const membership = state.messaging.addMember(user, room, person, body.isModerator === true);
        sendJson(ctx.res, 200, state.messaging.membershipView(membership));
    }),
    webexRoute('GET', '/v1/memberships/:membershipId', 'spark:memberships_read', (ctx, state, user) => {
        sendJson(ctx.res, 200, state.messaging.membershipView(visibleMembership(state, user, ctx.params.membershipId)));
    }),
    webexRoute('PUT', '/v1/memberships/:membershipId', 'spark:memberships_write', (ctx, state, user) => {
        const membership = visibleMembership(state, user, ctx.params.membershipId);
        const body = bodyObject(ctx);
        if (typeof body.isModerator !== 'boolean') throw badRequest('isModerator is required.');
        if (!state.messaging.membership(membership.roomId, user.id)?.isModerator && body.isModerator)
            throw badRequest('Only a moderator can make someone a moderator.');
        membership.isModerator = body.isModerator;
        sendJson(ctx.res, 200, state.messaging.membershipView(membership));
    }),
    webexRoute('DELETE', '/v1/memberships/:membershipId', 'spark:memberships_write', (ctx, state, user) => {
        state.messaging.removeMembership(user, visibleMembership(state, user, ctx.params.membershipId));
        sendNoContent(ctx.res);
    })
];
