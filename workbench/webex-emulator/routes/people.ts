/** `/v1/people`: the signed-in person, one person, and search by email or display name. */
import { sendError, sendJson, sendPage } from '../http.ts';
import type { EmulatedUser } from '../state.ts';
import type { Route } from './route.ts';

/** A seeded user as the contract's `Person`: the bearer token is never part of it. */
export function toPerson(
    user: EmulatedUser
): Omit<EmulatedUser, 'accessToken'> & { type: 'person'; status: string; created: string } {
    const { accessToken: _token, ...person } = user;
    void _token;
    return { ...person, type: 'person', status: 'active', created: '2024-01-15T09:00:00.000Z' };
}

export const peopleRoutes: Route[] = [
    {
        method: 'GET',
        pattern: '/v1/people/me',
        auth: true,
        handle: ({ res }, _state, user) => sendJson(res, 200, toPerson(user as EmulatedUser))
    },
    {
        method: 'GET',
        pattern: '/v1/people/:personId',
        auth: true,
        handle: ({ res, params }, state) => {
            const found = state.users.find((u) => u.id === params.personId);
            if (!found) return sendError(res, 404, 'The requested resource could not be found.');
            return sendJson(res, 200, toPerson(found));
        }
    },
    {
        method: 'GET',
        pattern: '/v1/people',
        auth: true,
        handle: (ctx, state) => {
            const email = ctx.url.searchParams.get('email')?.toLowerCase();
            const name = ctx.url.searchParams.get('displayName')?.toLowerCase();
            const ids = ctx.url.searchParams.get('id')?.split(',');
            if (!email && !name && !ids) return sendError(ctx.res, 400, 'Either email, displayName or id is required.');
            const found = state.users.filter(
                (u) =>
                    (!email || u.emails.some((e) => e.toLowerCase() === email)) &&
                    (!name || u.displayName.toLowerCase().startsWith(name)) &&
                    (!ids || ids.includes(u.id))
            );
            return sendPage(ctx, found.map(toPerson), 100, 1000);
        }
    }
];
