/**
 * Adding someone to a space by an email Webex does not know invites them: Webex creates the person (no account yet,
 * so no token and no sign-in) and the membership, and the space is theirs once they join Webex.
 *
 * - "Create a Membership": "Add someone to a room by Person ID or email address" (developer.webex.com ›
 *   Memberships, https://developer.webex.com/docs/api/v1/memberships/create-a-membership; the contract's
 *   `POST /memberships`).
 * - Webex Help › "Add people to a space" (https://help.webex.com/n35gqwcb): "To invite people to Webex, type their
 *   email address … Once they join Webex, they'll see your space in the app."
 * - People API › Person: `status` `pending` ("The user has never logged in") and `invitePending` ("invited to
 *   Webex but has not created an account"), both in the contract's `Person` schema.
 *
 * Which organization holds such a person is not documented; the emulator uses one of its own, never the inviter's.
 */
import { badRequest } from '../errors.ts';
import { stableUuid, webexId } from '../ids.ts';
import type { EmulatedUser, EmulatorState } from '../state.ts';

/** The organization of people invited by email (not the inviter's: they are nobody's employee yet). */
export const INVITED_ORG_ID = webexId('ORGANIZATION', stableUuid('invited-people'));

/** Enough to tell an email from a typo; Webex's own rules are not published. */
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The person an email names: a known one, else a new invited person (the same one on a second invitation). */
export function personForInvitation(state: EmulatorState, email: string): EmulatedUser {
    const known = state.userByEmail(email);
    if (known) return known;
    const address = email.trim();
    if (!EMAIL.test(address)) throw badRequest('personEmail is not a valid email address.');
    const invited: EmulatedUser = {
        id: webexId('PEOPLE', stableUuid(`invited:${address.toLowerCase()}`)),
        emails: [address],
        // Webex shows an email until its owner gives a name.
        displayName: address,
        firstName: '',
        lastName: '',
        orgId: INVITED_ORG_ID,
        roles: [],
        phoneNumbers: [],
        invitePending: true,
        accessToken: ''
    };
    state.users.push(invited);
    return invited;
}
