/**
 * The emulated org's WebexCallEventPublisher (classes/calling/WebexCallEventPublisher.cls, where the
 * choice of Generic Streaming over platform events is explained): an asynchronous job per webhook
 * request that gets an access token from the package's Salesforce authorization, finds (or creates) the
 * StreamingChannel `/u/WebexCallEvents` and pushes every transition, each to its one user, through the
 * org's REST API on its My Domain (streaming-api.ts), which delivers them to those users' `lightning/empApi`
 * subscriptions only. Failures go to the debug log, as in Apex.
 */
import { AuraHandledError } from '../apex-error.ts';
import { debug, enqueueJob } from '../async-apex.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { accessToken } from './salesforce-auth.ts';
import { SalesforceCallout } from './salesforce-client.ts';

/** WebexCallEventChannel.NAME. */
export const CALL_EVENT_CHANNEL = '/u/WebexCallEvents';
/** WebexCallEventPublisher.MAX_PAYLOAD_BYTES. */
export const MAX_PAYLOAD_BYTES = 3000;

/** WebexCallEventPublisher.Push: one transition (its JSON) for one user. */
export interface CallEventPush {
    userId: string;
    payload: string;
}

/** WebexCallEventPublisher.enqueue: one job for the transitions of a webhook request. */
export function enqueueCallEvents(org: EmulatedOrg, pushes: CallEventPush[]): void {
    if (!pushes.length) return;
    enqueueJob(org, 'WebexCallEventPublisher', async () => {
        try {
            const delivered = await publishCallEvents(org, pushes);
            debug(org, 'INFO', `Webex call events: ${pushes.length} pushed, ${delivered} delivered to open dialers.`);
        } catch (error) {
            if (!(error instanceof AuraHandledError)) throw error;
            debug(
                org,
                'ERROR',
                `Webex call events: ${pushes.length} transition(s) not pushed: ${error.payload.code}: ${error.payload.message}`
            );
        }
    });
}

/** WebexCallEventPublisher.publish: token, channel, one push; how many clients received a transition. */
export async function publishCallEvents(org: EmulatedOrg, pushes: CallEventPush[]): Promise<number> {
    const pushEvents = pushes
        .filter((push) => Buffer.byteLength(push.payload, 'utf8') <= MAX_PAYLOAD_BYTES)
        .map((push) => ({ payload: push.payload, userIds: [push.userId] }));
    if (!pushEvents.length) return 0;
    const token = await accessToken(org);
    const salesforce = new SalesforceCallout(org);
    const channelId = await callEventChannelId(org, salesforce, token);
    const answer = await salesforce.postRest(token, `/sobjects/StreamingChannel/${channelId}/push`, { pushEvents });
    return Array.isArray(answer)
        ? answer.reduce<number>((sum, result: { fanoutCount?: unknown }) => {
              const count = result?.fanoutCount;
              return sum + (typeof count === 'number' && count > 0 ? count : 0);
          }, 0)
        : 0;
}

/** WebexCallEventPublisher.channelId: the channel's Id, created when it does not exist yet. */
export async function callEventChannelId(
    org: EmulatedOrg,
    salesforce: SalesforceCallout,
    token: string
): Promise<string> {
    const soql = `SELECT Id FROM StreamingChannel WHERE Name = '${CALL_EVENT_CHANNEL.replace(/'/g, "\\'")}' LIMIT 1`;
    const found = (await salesforce.getRest(token, `/query?q=${encodeURIComponent(soql)}`)) as {
        records?: Array<{ Id?: unknown }>;
    } | null;
    const existing = found?.records?.[0]?.Id;
    if (typeof existing === 'string') return existing;
    const created = (await salesforce.postRest(token, '/sobjects/StreamingChannel', {
        Name: CALL_EVENT_CHANNEL,
        Description: org.label('WebexCallEvent_ChannelDescription')
    })) as { id?: unknown } | null;
    if (typeof created?.id !== 'string')
        throw new AuraHandledError('UNEXPECTED', org.label('WebexSfAuth_ErrorUnexpected', 201));
    return created.id;
}
