/** `/v1/people`: the signed-in person, one person, and search by email, display name or ids. */
import { badRequest, notFound } from '../errors.ts';
import { sendJson, sendPage } from '../http.ts';
import type { EmulatedUser } from '../state.ts';
import { webexRoute, type Route } from './route.ts';

/** Webex accepts up to 85 comma-separated ids in `id`. */
const MAX_IDS = 85;

/** A seeded user as the contract's `Person`: the bearer token is never part of it. */
export function toPerson(
    user: EmulatedUser
): Omit<EmulatedUser, 'accessToken' | 'invitePending'> & { type: 'person' | 'bot'; status: string; created: string } {
    const { accessToken: _token, invitePending, ...person } = user;
    void _token;
    // Someone invited by email has never signed in: the contract's `status` says `pending` for that.
    const status = invitePending ? 'pending' : 'active';
    return { ...person, type: user.type ?? 'person', status, created: '2024-01-15T09:00:00.000Z' };
}

export const peopleRoutes: Route[] = [
    webexRoute('GET', '/v1/people/me', 'spark:people_read', ({ res }, _state, user) =>
        sendJson(res, 200, toPerson(user))
    ),
    webexRoute('GET', '/v1/people/:personId', 'spark:people_read', ({ res, params }, state) => {
        const found = state.userById(params.personId);
        if (!found) throw notFound();
        sendJson(res, 200, toPerson(found));
    }),
    webexRoute('GET', '/v1/people', 'spark:people_read', (ctx, state) => {
        const email = ctx.url.searchParams.get('email')?.toLowerCase();
        const name = ctx.url.searchParams.get('displayName')?.toLowerCase();
        const ids = ctx.url.searchParams.get('id')?.split(',').filter(Boolean);
        if (!email && !name && !ids) throw badRequest('Either email, displayName or id is required.');
        if (ids && ids.length > MAX_IDS) throw badRequest(`id accepts at most ${MAX_IDS} person ids.`);
        const found = state.users.filter(
            (u) =>
                (!email || u.emails.some((e) => e.toLowerCase() === email)) &&
                (!name || u.displayName.toLowerCase().startsWith(name)) &&
                (!ids || ids.includes(u.id))
        );
        // The SDK batches `people.get` as `GET /people/?id=…` and settles the ids it asked for from
        // `items` and `notFoundIds` (plugin-people `people-batcher.js`); the contract names both.
        const missing = ids?.filter((id) => !found.some((u) => u.id === id)) ?? [];
        if (missing.length) return sendJson(ctx.res, 200, { items: found.map(toPerson), notFoundIds: missing });
        sendPage(ctx, found.map(toPerson), 100, 1000);
    })
];
