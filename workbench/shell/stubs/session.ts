/**
 * Who is signed in to the workbench page: the `user` URL parameter (id, username or email of a
 * seeded user, data/User.json), else the administrator. Embedded by the build (`__WB_USERS__`) so
 * `@salesforce/user/Id` has its value synchronously, as on the platform.
 */
import { language } from './labels.ts';

interface SeededUser {
    Id: string;
    Username: string;
    Email: string;
    Name: string;
}

declare const __WB_USERS__: SeededUser[];
// Read once into a variable: the build's replacement skips `__WB_USERS__.` property accesses.
const USERS: SeededUser[] = __WB_USERS__;

const requested = new URLSearchParams(window.location.search).get('user');
const signedIn = USERS.find((u) => requested && [u.Id, u.Username, u.Email].includes(requested)) ?? USERS[0];

/** The signed-in user's record id (`@salesforce/user/Id`). */
export const userId: string = signedIn.Id;

/** The signed-in user's name, for the shell's header. */
export const userName: string = signedIn.Name;

/** Headers that tell the emulated org who calls and in which language. */
export function sessionHeaders(): Record<string, string> {
    return { 'x-wb-user': userId, 'x-wb-lang': language };
}
