/**
 * The emulated org's WebexUserConnectionService, WebexUserConnectionCheck and WebexUserWebhooks
 * (classes/connection/): a rep's own Webex connection as the connect card uses it: start (Webex's
 * authorize URL, a state bound to the user), check (refresh, repair the rep's webhooks, the problem
 * left), disconnect (the rep's webhooks, then the rows). Same rows, rules and messages as the Apex.
 */
import { randomBytes } from 'node:crypto';
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { USER_SCOPES, userRedirectUri } from './user-integration.ts';
import {
    deleteUserConnection,
    isDue,
    PROBLEM_EXPIRED,
    PROBLEM_NO_SITE,
    PROBLEM_WEBHOOKS,
    readUserConnection,
    readUserOAuthClient,
    renew,
    saveUserConnection,
    toConnection,
    USER_ROWS,
    type UserConnection,
    type UserOAuthClient
} from './user-tokens.ts';
import { WebhookRegistrar, webhookTargetUrl } from './webhook-registrar.ts';
import { SETUP_ROWS } from './salesforce-session.ts';
import { hasAdministratorProfile } from './WebexSiteController.ts';

const WEBHOOK_SECRET = 'WebhookSecret';
const ADMIN_TOKEN = 'AdminAccessToken';

/** WebexUserWebhooks.Check. */
export interface WebhookCheck {
    problem: string | null;
    newSecret: string | null;
    changed: boolean;
}

/** WebexUserConnectionService.isTransient: Webex or the network down, a rate limit. */
export function isTransient(error: unknown): boolean {
    return (
        error instanceof AuraHandledError &&
        ['NETWORK', 'WEBEX_UNAVAILABLE', 'RATE_LIMITED'].includes(error.payload.code)
    );
}

/**
 * WebexSiteSelector.getWebhookSiteUrlForUsers: the site URL the administrator's setup stored (row
 * `WebhookSiteUrl`), else the site as the running user sees it: the Site object needs View Setup and
 * Configuration, which the emulated org gives the System Administrator profile only, so a rep sees none.
 */
export function webhookSiteUrlForUsers(org: EmulatedOrg): string | null {
    const stored = org.credentials.get(SETUP_ROWS.siteUrl)?.secret;
    if (stored) return stored;
    return hasAdministratorProfile(org) ? org.siteUrl : null;
}

/** WebexUserWebhooks.register / repair: the rep's three webhooks, with the rep's token; nothing stored. */
export async function registerUserWebhooks(
    org: EmulatedOrg,
    accessToken: string,
    onlyIfMissing: boolean
): Promise<WebhookCheck> {
    const check: WebhookCheck = { problem: null, newSecret: null, changed: false };
    const targetUrl = webhookTargetUrl(org, webhookSiteUrlForUsers(org));
    if (!targetUrl) return { ...check, problem: PROBLEM_NO_SITE };
    const registrar = new WebhookRegistrar(org, accessToken);
    if (onlyIfMissing && (await registrar.isRegistered(targetUrl))) return check;
    let secret = org.credentials.get(WEBHOOK_SECRET)?.secret;
    if (!secret) {
        secret = randomBytes(32).toString('hex');
        check.newSecret = secret;
    }
    await registrar.register(targetUrl, secret);
    return check;
}

/** Stores what a check or a connection generated: the webhook secret first seen here. */
export function saveNewSecret(org: EmulatedOrg, check: WebhookCheck): void {
    if (check.newSecret) org.credentials.set(WEBHOOK_SECRET, { secret: check.newSecret });
}

async function repairWebhooks(org: EmulatedOrg, accessToken: string): Promise<WebhookCheck> {
    try {
        return await registerUserWebhooks(org, accessToken, true);
    } catch (error) {
        if (!(error instanceof AuraHandledError) || error.payload.code === 'INVALID_TOKEN' || isTransient(error))
            throw error;
        return { problem: PROBLEM_WEBHOOKS, newSecret: null, changed: false };
    }
}

/** WebexUserConnectionCheck.run: refreshes when due (or once when Webex refuses the token), repairs the webhooks. */
async function check(org: EmulatedOrg, connection: UserConnection, client: UserOAuthClient): Promise<WebhookCheck> {
    const tokenBefore = connection.accessToken;
    const problemBefore = connection.problem;
    let renewed = false;
    if (isDue(connection)) {
        await renew(org, connection, client);
        renewed = true;
    }
    let result: WebhookCheck = { problem: null, newSecret: null, changed: false };
    if (connection.problem !== PROBLEM_EXPIRED) {
        try {
            result = await repairWebhooks(org, connection.accessToken);
        } catch (error) {
            if (!(error instanceof AuraHandledError) || error.payload.code !== 'INVALID_TOKEN' || renewed) throw error;
            await renew(org, connection, client);
            if (connection.problem !== PROBLEM_EXPIRED) result = await repairWebhooks(org, connection.accessToken);
        }
    }
    if (connection.problem !== PROBLEM_EXPIRED) connection.problem = result.problem;
    result.changed = connection.accessToken !== tokenBefore || connection.problem !== problemBefore;
    return result;
}

/** WebexUserConnectionService.startConnection. */
export function startConnection(org: EmulatedOrg): WebexUserConnectionStart {
    const client = readUserOAuthClient(org);
    if (!client) throw new AuraHandledError('NOT_CONNECTED', org.label('WebexUserConnect_NotAvailable'));
    const state = randomBytes(32).toString('hex');
    org.credentials.set(USER_ROWS.state(org.user.id), {
        secret: state,
        verifiedAt: new Date().toISOString(),
        salesforceUserId: org.user.id
    });
    const url = new URL(`${org.webexBaseUrl}/v1/authorize`);
    for (const [name, value] of Object.entries({
        client_id: client.clientId,
        response_type: 'code',
        redirect_uri: userRedirectUri(org),
        scope: USER_SCOPES,
        state
    }))
        url.searchParams.set(name, value);
    return { authorizeUrl: url.toString() };
}

/** WebexUserConnectionService.getConnection: checked with Webex; unchanged when Webex cannot say. */
export async function getConnection(org: EmulatedOrg): Promise<WebexUserConnection> {
    const client = readUserOAuthClient(org);
    const connection = readUserConnection(org, org.user.id);
    if (!client || !connection || connection.problem === PROBLEM_EXPIRED) return toConnection(org, client, connection);
    let result: WebhookCheck;
    try {
        result = await check(org, connection, client);
    } catch (error) {
        if (!isTransient(error)) throw error;
        return toConnection(org, client, readUserConnection(org, org.user.id));
    }
    saveNewSecret(org, result);
    if (result.changed) saveUserConnection(org, connection);
    return toConnection(org, client, connection);
}

/** WebexUserConnectionService.disconnect: the rep's webhooks (best effort), then the rows. */
export async function disconnect(org: EmulatedOrg): Promise<WebexUserConnection> {
    const userId = org.user.id;
    const client = readUserOAuthClient(org);
    const connection = readUserConnection(org, userId);
    const adminPerson = org.credentials.get(ADMIN_TOKEN)?.webexPersonId;
    if (connection && !(connection.webexPersonId && connection.webexPersonId === adminPerson)) {
        try {
            if (client && connection.problem !== PROBLEM_EXPIRED && isDue(connection))
                await renew(org, connection, client);
            if (connection.problem !== PROBLEM_EXPIRED)
                await new WebhookRegistrar(org, connection.accessToken).unregister();
        } catch (error) {
            // Best effort, as the Apex: Webex disables webhooks that keep failing.
            if (!(error instanceof AuraHandledError)) throw error;
        }
    }
    deleteUserConnection(org, userId);
    return toConnection(org, client, null);
}
