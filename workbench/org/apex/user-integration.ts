/**
 * The emulated org's WebexUserIntegrationService (classes/connection/): "Webex integration for users"
 * in Webex Integration Settings, the integration reps connect their Webex account through. The client
 * ID and secret are checked with Webex (a token request with a code Webex never issued: `invalid_grant`
 * for a client it knows, `invalid_client` otherwise) before they are stored; the secret is stored, never
 * returned; a blank secret keeps the stored one. `saveIntegration` stores without asking Webex, as the
 * Apex tests' WebexTestUserConnections.setUpIntegration does.
 */
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { qualify } from '../namespace.ts';
import { connectionRows, postGrant, readUserOAuthClient, USER_ROWS } from './user-tokens.ts';

/** WebexUserConnectionService.PAGE_NAME and SCOPES. */
export const USER_AUTH_PAGE = 'webexuserauth';
export const USER_SCOPES = 'spark:calls_read spark:calls_write spark:people_read';
const MAX_SECRET_LENGTH = 510;
/** WebexUserOAuthClient.CHECK_CODE. */
export const CHECK_CODE = 'webexsf-client-check';
/** WebexUserIntegrationService.WEBEX_CLIENT_ID and WEBEX_CLIENT_SECRET. */
const WEBEX_CLIENT_ID = /^C[0-9a-fA-F]{64}$/;
const WEBEX_CLIENT_SECRET = /^[0-9a-fA-F]{64}$/;

/** WebexUserConnectionService.redirectUri: the page in the namespace the package runs with. */
export function userRedirectUri(org: EmulatedOrg): string {
    return `${org.myDomainUrl}/apex/${qualify(org, USER_AUTH_PAGE)}`;
}

/** WebexUserConnectionService.redirectUris: the page, and its namespaced twin once packaged. */
export function userRedirectUris(domain: string, namespacePrefix: string): string[] {
    const urls = [`${domain}/apex/${USER_AUTH_PAGE}`];
    if (namespacePrefix) urls.push(`${domain}/apex/${namespacePrefix}__${USER_AUTH_PAGE}`);
    return urls;
}

export function integrationStatus(org: EmulatedOrg): WebexUserIntegrationStatus {
    const client = readUserOAuthClient(org);
    return {
        configured: client !== null,
        clientId: client?.clientId ?? null,
        clientSecretStored: client !== null,
        // WebexNamespace.prefix(): blank unpackaged, the package's when the org runs it as installed.
        redirectUris: userRedirectUris(org.myDomainUrl, org.namespace),
        scopes: USER_SCOPES,
        connectedUsers: connectionRows(org).length
    };
}

function requireValue(org: EmulatedOrg, value: string | null | undefined, name: string): string {
    const trimmed = (value ?? '').trim();
    if (!trimmed || trimmed.length > MAX_SECRET_LENGTH || /\s/.test(trimmed))
        throw new AuraHandledError('INVALID_INPUT', org.label('WebexError_InvalidInput', name));
    return trimmed;
}

export function saveIntegration(
    org: EmulatedOrg,
    clientId: string | null | undefined,
    clientSecret: string | null | undefined
): WebexUserIntegrationStatus {
    const stored = readUserOAuthClient(org);
    const id = requireValue(org, clientId, 'clientId');
    const secret =
        !(clientSecret ?? '').trim() && stored ? stored.clientSecret : requireValue(org, clientSecret, 'clientSecret');
    org.credentials.set(USER_ROWS.clientId, { secret: id });
    org.credentials.set(USER_ROWS.clientSecret, { secret });
    return integrationStatus(org);
}

/**
 * WebexUserIntegrationService.save: checks the client ID and secret with Webex (the stored secret when
 * the field is left blank), then stores them; nothing is stored when Webex refuses them.
 */
export async function checkAndSaveIntegration(
    org: EmulatedOrg,
    clientId: string | null | undefined,
    clientSecret: string | null | undefined
): Promise<WebexUserIntegrationStatus> {
    const stored = readUserOAuthClient(org);
    const id = requireValue(org, clientId, 'clientId');
    const keepsStoredSecret = !(clientSecret ?? '').trim() && stored !== null;
    const secret = keepsStoredSecret && stored ? stored.clientSecret : requireValue(org, clientSecret, 'clientSecret');
    const check = await postGrant(org, {
        grant_type: 'authorization_code',
        client_id: id,
        client_secret: secret,
        code: CHECK_CODE,
        redirect_uri: userRedirectUri(org)
    });
    if (!check.success && check.error !== 'invalid_grant') {
        const message =
            check.error === 'invalid_client'
                ? org.label(whichIsWrong(id, secret, stored?.clientId ?? null, keepsStoredSecret))
                : org.label('WebexUserConnect_AdminCheckFailed', (check.error ?? '').slice(0, 40) || '?');
        throw new AuraHandledError('INVALID_INPUT', message);
    }
    return saveIntegration(org, id, secret);
}

/** WebexUserIntegrationService.whichIsWrong: the label that says which value Webex refused. */
function whichIsWrong(id: string, secret: string, storedId: string | null, keepsStoredSecret: boolean): string {
    if (!WEBEX_CLIENT_ID.test(id)) return 'WebexUserConnect_AdminClientIdWrong';
    if (keepsStoredSecret) return 'WebexUserConnect_AdminStoredSecretWrong';
    if (!WEBEX_CLIENT_SECRET.test(secret) || id === storedId) return 'WebexUserConnect_AdminSecretWrong';
    return 'WebexUserConnect_AdminClientRejected';
}

export function clearIntegration(org: EmulatedOrg): WebexUserIntegrationStatus {
    org.credentials.delete(USER_ROWS.clientId);
    org.credentials.delete(USER_ROWS.clientSecret);
    return integrationStatus(org);
}
