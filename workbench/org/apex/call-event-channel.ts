/**
 * The emulated org's WebexCallEventChannel (classes/calling/): the Generic Streaming channel call events
 * reach the dialer on. The inbound handler pushes there; getDialerSettings tells the dialer its name.
 * Setup (Salesforce Authorization, the site's check, the Health check's Create channel) makes sure it
 * exists through the org's REST API with the package's Salesforce authorization, as pushes find it, and
 * its Id is stored (row `CallEventChannel`) once the callouts of the request are done.
 */
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { readAuthorization } from './salesforce-auth.ts';
import { SalesforceCallout } from './salesforce-client.ts';
import { SETUP_ROWS, saveSetupValue, type SalesforceSession } from './salesforce-session.ts';

export const CALL_EVENT_CHANNEL = '/u/WebexCallEvents';

/** WebexCallEventChannel.storedId. */
export function storedChannelId(org: EmulatedOrg): string | null {
    return org.credentials.get(SETUP_ROWS.channel)?.secret ?? null;
}

/** WebexCallEventChannel.saveResolved: after the request's last callout. */
export function saveResolvedChannel(org: EmulatedOrg, channelId: string | null): void {
    saveSetupValue(org, SETUP_ROWS.channel, channelId);
}

/** WebexCallEventChannel.find: one REST query; the Id, or null when the channel does not exist. */
export async function findCallEventChannel(salesforce: SalesforceCallout, token: string): Promise<string | null> {
    const soql = `SELECT Id FROM StreamingChannel WHERE Name = '${CALL_EVENT_CHANNEL.replace(/'/g, "\\'")}' LIMIT 1`;
    const found = (await salesforce.getRest(token, `/query?q=${encodeURIComponent(soql)}`)) as {
        records?: Array<{ Id?: unknown }>;
    } | null;
    const existing = found?.records?.[0]?.Id;
    return typeof existing === 'string' ? existing : null;
}

/** WebexCallEventChannel.ensureExists: found, or created. */
export async function ensureCallEventChannel(org: EmulatedOrg, salesforce: SalesforceCallout, token: string) {
    const existing = await findCallEventChannel(salesforce, token);
    if (existing) return existing;
    const created = (await salesforce.postRest(token, '/sobjects/StreamingChannel', {
        Name: CALL_EVENT_CHANNEL,
        Description: org.label('WebexCallEvent_ChannelDescription')
    })) as { id?: unknown } | null;
    if (typeof created?.id !== 'string')
        throw new AuraHandledError('UNEXPECTED', org.label('WebexSfAuth_ErrorUnexpected', 201));
    return created.id;
}

/**
 * WebexCallEventChannel.tryEnsureExists: with the session's token (one new token after a 401 for a cached
 * one); null, never an error, when it cannot be made (the Health check shows it).
 */
export async function tryEnsureCallEventChannel(org: EmulatedOrg, session: SalesforceSession): Promise<string | null> {
    if (!readAuthorization(org)) return null;
    const salesforce = new SalesforceCallout(org);
    try {
        const token = await session.accessToken();
        try {
            return await ensureCallEventChannel(org, salesforce, token);
        } catch (error) {
            if (!(error instanceof AuraHandledError)) throw error;
            if (error.payload.code !== 'NOT_AUTHORIZED' || !session.isCached(token)) throw error;
            return await ensureCallEventChannel(org, salesforce, await session.refreshedAccessToken());
        }
    } catch (error) {
        if (!(error instanceof AuraHandledError)) throw error;
        return null;
    }
}

/**
 * WebexCallEventChannel.tryEnsureExists(accessToken): with the token the Salesforce Authorization's code
 * exchange just returned, before the authorization is stored; null, never an error, when it fails.
 */
export async function tryEnsureCallEventChannelWith(org: EmulatedOrg, token: string): Promise<string | null> {
    try {
        return await ensureCallEventChannel(org, new SalesforceCallout(org), token);
    } catch (error) {
        if (!(error instanceof AuraHandledError)) throw error;
        return null;
    }
}
