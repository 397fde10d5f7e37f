/** What a route of the emulator is: a method, a path pattern and a handler. */
import type { RequestContext } from '../http.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';

export interface Route {
    method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    /** `/v1/webhooks/:webhookId` style; `:name` segments become `ctx.params.name`. */
    pattern: string;
    /** False for the control API and OAuth endpoints; Webex routes need a valid bearer token. */
    auth: boolean;
    /**
     * The OAuth scope an integration's token needs (`spark:rooms_read`, ...); personal tokens hold
     * every scope, and `spark:all` covers the `spark:` ones.
     */
    scope?: string;
    handle: (ctx: RequestContext, state: EmulatorState, user: EmulatedUser | undefined) => void | Promise<void>;
}

/** Whether a token's scopes allow a route (null: a personal token, which may do anything). */
export function hasScope(scopes: string[] | null, wanted: string | undefined): boolean {
    if (!wanted || scopes === null) return true;
    return scopes.includes(wanted) || (wanted.startsWith('spark:') && scopes.includes('spark:all'));
}

/** Matches a path against a pattern, returning its parameters or null. */
export function matchPattern(pattern: string, pathname: string): Record<string, string> | null {
    const want = pattern.split('/');
    const got = pathname.replace(/\/$/, '').split('/');
    if (want.length !== got.length) return null;
    const params: Record<string, string> = {};
    for (let i = 0; i < want.length; i += 1) {
        if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
        else if (want[i] !== got[i]) return null;
    }
    return params;
}

/**
 * A Webex route: needs a bearer token (and `scope` for integration tokens); the handler receives the
 * token's user.
 */
export function webexRoute(
    method: Route['method'],
    pattern: string,
    scope: string | undefined,
    handle: (ctx: RequestContext, state: EmulatorState, user: EmulatedUser) => void | Promise<void>
): Route {
    return {
        method,
        pattern,
        auth: true,
        scope,
        handle: (ctx, state, user) => handle(ctx, state, user as EmulatedUser)
    };
}
