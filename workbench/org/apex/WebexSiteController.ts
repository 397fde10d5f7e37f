/**
 * The emulated org's WebexSiteController and WebexSiteService (classes/admin/WebexSite*.cls): Create
 * Site needs the System Administrator profile (besides the Webex Admin permission set every method
 * checks) and a Salesforce authorization; it calls the org's Metadata API (`createMetadata` of the
 * CustomSite, then of a Remote Site Setting for the check) with an access token from the refresh token,
 * then gives the guest user the webhook permission set. Creating it again changes nothing. Calling's setup
 * completes once the site exists (WebexSiteService.completeCallingSetup): Create Site on an existing site
 * and the check that follows a creation make sure the call-event channel exists and store the site's URL
 * for the reps; opening the section stores the URL too.
 */
import type checkSite from '@salesforce/apex/WebexSiteController.checkSite';
import type createSite from '@salesforce/apex/WebexSiteController.createSite';
import type getSiteStatus from '@salesforce/apex/WebexSiteController.getSiteStatus';
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { requireAdmin } from './admin-access.ts';
import { saveResolvedChannel, tryEnsureCallEventChannel } from './call-event-channel.ts';
import { readAuthorization } from './salesforce-auth.ts';
import { SalesforceCallout, escapeXml, hostOf } from './salesforce-client.ts';
import { SETUP_ROWS, SalesforceSession, saveSetupValue } from './salesforce-session.ts';

/** WebexSiteSelector.SITE_NAME and WebexSiteService's constants. */
export const SITE_NAME = 'Webex_Webhooks';
export const GUEST_PERMISSION_SET = 'Webex_Webhook_Guest';
const REST_PATH = '/services/apexrest/webex/webhooks';
const DUPLICATE_CODES = ['DUPLICATE_DEVELOPER_NAME', 'DUPLICATE_VALUE'];

export interface WebexSiteControllerApi {
    getSiteStatus: typeof getSiteStatus;
    createSite: typeof createSite;
    checkSite: typeof checkSite;
}

interface SaveResult {
    success?: string;
    errors?: { message?: string; statusCode?: string };
}

/** WebexSetupSelector.runningUserHasAdministratorProfile (the seeded profiles are named in English). */
export function hasAdministratorProfile(org: EmulatedOrg): boolean {
    const user = org.records.get(org.user.id);
    return org.records.get(String(user?.ProfileId))?.Name === 'System Administrator';
}

function element(name: string, value: string): string {
    return `<met:${name}>${escapeXml(value)}</met:${name}>`;
}

function customSiteXml(org: EmulatedOrg): string {
    const admin = String(org.records.get(org.user.id)?.Username ?? '');
    const fields: Array<[string, string]> = [
        ['fullName', SITE_NAME],
        ['active', 'true'],
        ['allowHomePage', 'false'],
        ['allowStandardIdeasPages', 'false'],
        ['allowStandardLookups', 'false'],
        ['allowStandardPortalPages', 'false'],
        ['allowStandardSearch', 'false'],
        ['browserXssProtection', 'true'],
        ['clickjackProtectionLevel', 'SameOriginOnly'],
        ['contentSniffingProtection', 'true'],
        ['description', 'Receives Webex webhooks for Webex for Salesforce.'],
        ['enableAuraRequests', 'false'],
        ['indexPage', 'webexwebhooks'],
        ['masterLabel', 'Webex Webhooks'],
        ['redirectToCustomDomain', 'false'],
        ['referrerPolicyOriginWhenCrossOrigin', 'true'],
        ['siteAdmin', admin],
        ['siteGuestRecordDefaultOwner', admin],
        ['siteType', 'Visualforce'],
        ['urlPathPrefix', 'webex']
    ];
    return `<met:metadata xsi:type="met:CustomSite">${fields.map(([name, value]) => element(name, value)).join('')}</met:metadata>`;
}

function remoteSiteXml(origin: string): string {
    return (
        '<met:metadata xsi:type="met:RemoteSiteSetting">' +
        element('fullName', 'Webex_Webhook_Site') +
        element('description', 'The Webex webhook site, called by Webex for Salesforce to check it answers.') +
        element('disableProtocolSecurity', 'false') +
        element('isActive', 'true') +
        element('url', origin) +
        '</met:metadata>'
    );
}

/** WebexSiteService's status: the site as the administrator sees it. */
export function siteStatus(org: EmulatedOrg): WebexSiteStatus {
    const siteUrl = org.siteUrl;
    const site = org.salesforce.site;
    return {
        siteName: SITE_NAME,
        exists: siteUrl !== null,
        created: false,
        siteUrl,
        webhookUrl: siteUrl ? `${siteUrl.replace(/\/$/, '')}${REST_PATH}` : null,
        salesforceAuthorized: readAuthorization(org) !== null,
        systemAdministrator: hasAdministratorProfile(org),
        guestAccess: siteUrl ? Boolean(site?.guestPermissionSets.has(GUEST_PERMISSION_SET)) : null,
        warning: null,
        check: null
    };
}

/** WebexSiteSelector.rememberWebhookSiteUrl: the URL the administrator sees, for the reps. */
export function rememberWebhookSiteUrl(org: EmulatedOrg, siteUrl: string | null): void {
    saveSetupValue(org, SETUP_ROWS.siteUrl, siteUrl);
}

/** WebexSiteService.completeCallingSetup: the channel (callouts first), then the URL and what was learned. */
export async function completeCallingSetup(org: EmulatedOrg, siteUrl: string | null): Promise<void> {
    if (!siteUrl) return;
    const session = new SalesforceSession(org);
    const channelId = await tryEnsureCallEventChannel(org, session);
    rememberWebhookSiteUrl(org, siteUrl);
    saveResolvedChannel(org, channelId);
    session.saveRefreshedToken();
}

export function createWebexSiteController(org: EmulatedOrg): WebexSiteControllerApi {
    const status = (): WebexSiteStatus => siteStatus(org);

    const createMetadata = async (token: string, metadataXml: string): Promise<SaveResult | undefined> => {
        const body = await new SalesforceCallout(org).callMetadataApi(
            token,
            `<met:createMetadata>${metadataXml}</met:createMetadata>`
        );
        return (body.createMetadataResponse as { result?: SaveResult } | undefined)?.result;
    };

    const requireCreated = (result: SaveResult | undefined, strict: boolean): void => {
        if (result?.success === 'true') return;
        const statusCode = result?.errors?.statusCode ?? '';
        const duplicate = DUPLICATE_CODES.includes(statusCode);
        if (duplicate && !strict) return;
        const message = result?.errors ? String(result.errors.message ?? '') : 'createMetadata';
        throw new AuraHandledError(
            'METADATA_API_ERROR',
            duplicate
                ? org.label('WebexSite_ErrorInactive')
                : org.label('WebexSite_ErrorMetadataFault', statusCode ? `${statusCode}: ${message}` : message)
        );
    };

    return {
        getSiteStatus: async () => {
            requireAdmin(org);
            const current = status();
            rememberWebhookSiteUrl(org, current.siteUrl);
            return current;
        },

        createSite: async () => {
            requireAdmin(org);
            if (!hasAdministratorProfile(org))
                throw new AuraHandledError('NOT_SYSTEM_ADMIN', org.label('WebexSite_ErrorNotSystemAdmin'));
            if (org.siteUrl) {
                await completeCallingSetup(org, org.siteUrl);
                return status();
            }
            // A new token, not cached: the permission set assignment that follows is a setup object.
            const token = await new SalesforceSession(org).refreshedAccessToken();
            requireCreated(await createMetadata(token, customSiteXml(org)), true);
            const siteUrl = org.siteUrl as string | null;
            if (siteUrl) requireCreated(await createMetadata(token, remoteSiteXml(hostOf(siteUrl))), false);
            // insert as user PermissionSetAssignment: the guest user may now run the webhook endpoint.
            const site = org.salesforce.site;
            if (site) site.guestPermissionSets.add(GUEST_PERMISSION_SET);
            const created = status();
            created.created = true;
            if (!site) created.warning = org.label('WebexSite_WarningGuestAccess', GUEST_PERMISSION_SET);
            return created;
        },

        checkSite: async () => {
            requireAdmin(org);
            const checked = await checkWebhookSite(org, status());
            await completeCallingSetup(org, checked.siteUrl);
            return checked;
        }
    };
}

/** WebexSiteService.checkSite: calls the endpoint; writes nothing (the Health check runs it too). */
export async function checkWebhookSite(org: EmulatedOrg, current: WebexSiteStatus): Promise<WebexSiteStatus> {
    if (!current.webhookUrl) throw new AuraHandledError('NO_SITE', org.label('WebexSite_ErrorNoSite'));
    const checkedAt = new Date().toISOString();
    try {
        const statusCode = await new SalesforceCallout(org).probe(current.webhookUrl);
        const reachable = statusCode < 500;
        current.check = {
            reachable,
            statusCode,
            checkedAt,
            message: org.label(reachable ? 'WebexSite_Reachable' : 'WebexSite_ServerError', statusCode)
        };
    } catch (error) {
        if (!(error instanceof AuraHandledError)) throw error;
        current.check = { reachable: false, statusCode: null, checkedAt, message: error.payload.message };
    }
    return current;
}
