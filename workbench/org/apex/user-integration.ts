/**
 * The emulated org's WebexUserIntegrationService (classes/connection/): "Webex integration for users"
 * in Webex Integration Settings, the integration reps connect their Webex account through. The client
 * secret is stored, never returned; a blank secret keeps the stored one.
 */
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { qualify } from '../namespace.ts';
import { connectionRows, readUserOAuthClient, USER_ROWS } from './user-tokens.ts';

/** WebexUserConnectionService.PAGE_NAME and SCOPES. */
export const USER_AUTH_PAGE = 'webexuserauth';
export const USER_SCOPES = 'spark:calls_read spark:calls_write spark:people_read';
const MAX_SECRET_LENGTH = 510;

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

export function clearIntegration(org: EmulatedOrg): WebexUserIntegrationStatus {
    org.credentials.delete(USER_ROWS.clientId);
    org.credentials.delete(USER_ROWS.clientSecret);
    return integrationStatus(org);
}
