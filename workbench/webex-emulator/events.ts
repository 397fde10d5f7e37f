/** What happened in the emulated world, as webhook deliveries need it. */

export interface WebexEvent {
    /** A webhook `resource`: `messages`, `telephony_calls`, ... */
    resource: string;
    /** A webhook `event`: `created`, `updated`, `deleted`, ... */
    event: string;
    /** The person who caused it: the envelope's `actorId`. */
    actorId: string;
    orgId: string;
    /**
     * People whose own webhooks hear of it (a room's members, a meeting's host, a call's line owner);
     * org-owned webhooks (`ownedBy: "org"`) of the same org hear of everything.
     */
    audience: string[];
    data: Record<string, unknown>;
}
