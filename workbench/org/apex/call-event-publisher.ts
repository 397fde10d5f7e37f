/**
 * The emulated org's WebexCallEventPublisher (classes/calling/WebexCallEventPublisher.cls, where the
 * choice of Generic Streaming over platform events, and of the webhook request over a Queueable, is
 * explained): in the webhook request itself, before anything is written, it pushes every transition, each
 * to its one user, through the org's REST API on its My Domain (streaming-api.ts), which delivers them to
 * those users' `lightning/empApi` subscriptions only. The access token is the session's (cached while
 * valid: no token exchange), the channel's Id the stored one (no lookup); a cached token refused with 401
 * is renewed once, a stored channel that fails is looked up again once. Callouts only: the handler stores
 * what was learned afterwards.
 */
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { ensureCallEventChannel, storedChannelId } from './call-event-channel.ts';
import { SalesforceCallout } from './salesforce-client.ts';
import type { SalesforceSession } from './salesforce-session.ts';

export { CALL_EVENT_CHANNEL } from './call-event-channel.ts';
/** WebexCallEventPublisher.MAX_PAYLOAD_BYTES. */
export const MAX_PAYLOAD_BYTES = 3000;

/** WebexCallEventPublisher.Push: one transition (its JSON) for one user. */
export interface CallEventPush {
    userId: string;
    payload: string;
}

/** What a publish found out, for the caller to store after its callouts. */
export interface PublishOutcome {
    /** How many clients received a transition. */
    delivered: number;
    /** The channel's Id when it was looked up (not the stored one), else null. */
    resolvedChannelId: string | null;
}

/** WebexCallEventPublisher.publish: one push of every transition; throws AuraHandledError on failure. */
export async function publishCallEvents(
    org: EmulatedOrg,
    session: SalesforceSession,
    pushes: CallEventPush[],
    knownChannelId: string | null = null
): Promise<PublishOutcome> {
    const pushEvents = pushes
        .filter((push) => Buffer.byteLength(push.payload, 'utf8') <= MAX_PAYLOAD_BYTES)
        .map((push) => ({ payload: push.payload, userIds: [push.userId] }));
    const outcome: PublishOutcome = { delivered: 0, resolvedChannelId: null };
    if (!pushEvents.length) return outcome;
    const salesforce = new SalesforceCallout(org);
    let token = await session.accessToken();
    let channelId = knownChannelId ?? storedChannelId(org);
    let channelStored = channelId !== null;
    const push = async (): Promise<unknown> => {
        if (!channelId) {
            channelId = await ensureCallEventChannel(org, salesforce, token);
            outcome.resolvedChannelId = channelId;
        }
        return salesforce.postRest(token, `/sobjects/StreamingChannel/${channelId}/push`, { pushEvents });
    };
    let answer: unknown;
    try {
        answer = await push();
    } catch (error) {
        if (!(error instanceof AuraHandledError)) throw error;
        if (error.payload.code === 'NOT_AUTHORIZED' && session.isCached(token)) {
            token = await session.refreshedAccessToken();
        } else if (error.payload.code === 'UNEXPECTED' && channelStored) {
            const stale = channelId;
            channelStored = false;
            channelId = await ensureCallEventChannel(org, salesforce, token);
            outcome.resolvedChannelId = channelId;
            if (channelId === stale) throw error;
        } else throw error;
        answer = await push();
    }
    outcome.delivered = Array.isArray(answer)
        ? answer.reduce<number>((sum, result: { fanoutCount?: unknown }) => {
              const count = result?.fanoutCount;
              return sum + (typeof count === 'number' && count > 0 ? count : 0);
          }, 0)
        : 0;
    return outcome;
}
