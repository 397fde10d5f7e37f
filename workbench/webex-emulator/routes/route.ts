/** What a route of the emulator is: a method, a path pattern and a handler. */
import type { RequestContext } from '../http.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';

export interface Route {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    /** `/v1/webhooks/:webhookId` style; `:name` segments become `ctx.params.name`. */
    pattern: string;
    /** False for the control API; Webex routes need a valid bearer token. */
    auth: boolean;
    handle: (ctx: RequestContext, state: EmulatorState, user: EmulatedUser | undefined) => void | Promise<void>;
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
