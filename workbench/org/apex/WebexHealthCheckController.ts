/**
 * The emulated org's WebexHealthCheckController and WebexHealthCheckService (classes/admin/
 * WebexHealthCheck*.cls): the same checks, each independent, reusing the emulated services: the stored
 * token checked with the Webex emulator, the package's webhooks there, the site's reachability
 * (WebexSiteService.checkSite), the Salesforce authorization's refresh-token exchange, the call-event
 * channel looked up with that token (missing: the fix `createCallEventChannel`, the section's Create
 * channel), the org's permission-set assignments, its daily delivered platform events and its daily
 * delivered Generic Streaming events (the call pops, org.streaming), the unexpected errors of the last
 * 24 hours (the Webex Error Log the workbench keeps, apex-error.ts; linked when there are some), and the
 * Contacts and Leads without phone keys (phone-keys.ts; the fix `fillPhoneKeys` starts their backfill).
 * Once every check ran, what they learned is stored: the site's URL for the reps, the channel's Id, the
 * token.
 */
import type createCallEventChannel from '@salesforce/apex/WebexHealthCheckController.createCallEventChannel';
import type fillPhoneKeys from '@salesforce/apex/WebexHealthCheckController.fillPhoneKeys';
import type runHealthCheck from '@salesforce/apex/WebexHealthCheckController.runHealthCheck';
import { AuraHandledError, loggedFailures, unexpectedFailure } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { describeObject } from '../records.ts';
import { WebexCallout } from '../webex-callout.ts';
import { requireAdmin } from './admin-access.ts';
import {
    CALL_EVENT_CHANNEL,
    ensureCallEventChannel,
    findCallEventChannel,
    saveResolvedChannel
} from './call-event-channel.ts';
import { startPhoneKeyBackfill, withoutPhoneKeys } from './phone-keys.ts';
import { authorizationStatus, readAuthorization } from './salesforce-auth.ts';
import { SalesforceCallout } from './salesforce-client.ts';
import { SalesforceSession } from './salesforce-session.ts';
import { checkWebhookSite, rememberWebhookSiteUrl, siteStatus } from './WebexSiteController.ts';

const ADMIN_TOKEN = 'AdminAccessToken';
const REST_PATH = '/services/apexrest/webex/webhooks';
const EVENTS = ['created', 'updated', 'deleted'];
const WARNING_PERCENT = 80;
/** WebexHealthCheckService.RECENT_ERROR_HOURS, MAX_ERRORS_COUNTED, PHONE_KEY_SAMPLE. */
const RECENT_ERROR_HOURS = 24;
const MAX_ERRORS_COUNTED = 1000;
const PHONE_KEY_SAMPLE = 1000;

export interface WebexHealthCheckControllerApi {
    runHealthCheck: typeof runHealthCheck;
    createCallEventChannel: typeof createCallEventChannel;
    fillPhoneKeys: typeof fillPhoneKeys;
}

/** WebexHealthCheckService.FIX_CREATE_CHANNEL. */
export const FIX_CREATE_CHANNEL = 'createCallEventChannel';
/** WebexHealthCheckService.FIX_FILL_PHONE_KEYS. */
export const FIX_FILL_PHONE_KEYS = 'fillPhoneKeys';
/** WebexHealthCheckService.LINK_ERROR_LOG. */
export const LINK_ERROR_LOG = 'errorLog';

interface Webhook {
    id: string;
    name: string;
    status: string;
    targetUrl: string;
}

interface Person {
    displayName?: string;
    emails?: string[];
    orgId?: string;
}

type Outcome = Pick<WebexHealthCheck, 'status' | 'detail' | 'action' | 'section'> & {
    inactiveWebhookIds?: string[];
    fix?: WebexHealthFix | null;
    link?: WebexHealthLink | null;
};

export function createWebexHealthCheckController(org: EmulatedOrg): WebexHealthCheckControllerApi {
    // One run is one Apex transaction: its session (the token the authorization check obtains) and the
    // channel it found, stored once every check ran.
    let session = new SalesforceSession(org);
    let salesforceToken: string | null = null;
    let foundChannelId: string | null = null;
    const label = (name: string, ...args: Array<string | number>) => org.label(`WebexHealth_${name}`, ...args);
    const format = (name: string, values: Array<string | number>) =>
        values.reduce<string>((text, value, i) => text.replace(`{${i}}`, String(value)), label(name));
    // Apex Integer.format(): "the integer as a string using the locale of the context user" (Apex Reference,
    // Integer Class), so a French user (fr_FR) reads « 25 000 ».
    const number = (value: number) => value.toLocaleString(org.user.language === 'fr' ? 'fr-FR' : 'en-US');
    const problem = (
        status: WebexHealthStatus,
        detail: string,
        action: string | null,
        section: WebexAdminSectionName | null
    ): Outcome => ({ status, detail, action, section });
    const ok = (detail: string): Outcome => problem('ok', detail, null, null);
    const unknown = (error: AuraHandledError): Outcome =>
        problem('unknown', label('Unknown', error.payload.message), label('RetryAction'), null);

    const checkToken = async (): Promise<Outcome> => {
        const token = org.credentials.get(ADMIN_TOKEN)?.secret;
        if (!token) return problem('error', label('TokenMissing'), label('TokenMissingAction'), 'integration');
        try {
            const me = await new WebexCallout(org, token).send<Person>('GET', '/people/me');
            return ok(format('TokenOk', [me.displayName ?? '', me.emails?.[0] ?? '', me.orgId ?? '']));
        } catch (error) {
            if (!(error instanceof AuraHandledError)) throw error;
            if (error.payload.code === 'INVALID_TOKEN' || error.payload.code === 'FORBIDDEN')
                return problem(
                    'error',
                    label('TokenInvalid', error.payload.message),
                    label('TokenInvalidAction'),
                    'integration'
                );
            return unknown(error);
        }
    };

    const checkWebhooks = async (): Promise<Outcome> => {
        const token = org.credentials.get(ADMIN_TOKEN)?.secret;
        if (!token) return problem('unknown', label('WebhooksNeedToken'), label('TokenMissingAction'), 'integration');
        if (!org.siteUrl)
            return problem('error', label('WebhooksNoSite'), label('WebhooksNoSiteAction'), 'webhookSite');
        const prefix = `Webex for Salesforce [${org.orgId.slice(0, 15)}] `;
        let own: Webhook[];
        try {
            own = (await new WebexCallout(org, token).getAllItems<Webhook>('/webhooks?max=100')).filter((w) =>
                w.name.startsWith(prefix)
            );
        } catch (error) {
            if (!(error instanceof AuraHandledError)) throw error;
            return unknown(error);
        }
        const targetUrl = `${org.siteUrl.replace(/\/$/, '')}${REST_PATH}`;
        const missing: string[] = [];
        const inactive: string[] = [];
        const inactiveWebhookIds: string[] = [];
        for (const event of EVENTS) {
            const webhook = own.find((w) => w.name === `${prefix}telephony_calls ${event}`);
            if (!webhook || webhook.targetUrl !== targetUrl) missing.push(event);
            else if (webhook.status !== 'active') {
                inactive.push(event);
                inactiveWebhookIds.push(webhook.id);
            }
        }
        if (missing.length)
            return problem(
                'error',
                label('WebhooksMissing', missing.join(', ')),
                label('WebhooksMissingAction'),
                'integration'
            );
        if (inactive.length)
            return {
                ...problem(
                    'error',
                    label('WebhooksInactive', inactive.join(', ')),
                    label('WebhooksInactiveAction'),
                    'integration'
                ),
                inactiveWebhookIds
            };
        return ok(format('WebhooksOk', [EVENTS.length, targetUrl]));
    };

    const checkSite = async (): Promise<Outcome> => {
        if (!org.siteUrl) return problem('error', label('SiteMissing'), label('SiteMissingAction'), 'webhookSite');
        const answer = (await checkWebhookSite(org, siteStatus(org))).check;
        const detail = format('SiteDetail', [org.siteUrl, answer?.message ?? '']);
        return answer?.reachable ? ok(detail) : problem('error', detail, label('SiteUnreachableAction'), 'webhookSite');
    };

    const checkSalesforceAuthorization = async (): Promise<Outcome> => {
        if (!readAuthorization(org))
            return problem('error', label('SfAuthMissing'), label('SfAuthMissingAction'), 'salesforceAuthorization');
        const status = authorizationStatus(org);
        const who = [status.authorizedBy ?? '', status.authorizedUsername ?? ''];
        try {
            // A refresh-token exchange, not the cached token: the proof Salesforce still accepts it.
            salesforceToken = await session.refreshedAccessToken();
            return ok(format('SfAuthOk', who));
        } catch (error) {
            if (!(error instanceof AuraHandledError)) throw error;
            if (error.payload.code === 'NOT_AUTHORIZED')
                return problem(
                    'error',
                    format('SfAuthRevoked', who),
                    label('SfAuthRevokedAction'),
                    'salesforceAuthorization'
                );
            return unknown(error);
        }
    };

    const checkCallEventChannel = async (): Promise<Outcome> => {
        if (!salesforceToken)
            return problem(
                'unknown',
                label('ChannelNeedsAuthorization'),
                label('SfAuthMissingAction'),
                'salesforceAuthorization'
            );
        let channelId: string | null;
        try {
            channelId = await findCallEventChannel(new SalesforceCallout(org), salesforceToken);
        } catch (error) {
            if (!(error instanceof AuraHandledError)) throw error;
            return unknown(error);
        }
        if (channelId) {
            foundChannelId = channelId;
            return ok(label('ChannelOk', CALL_EVENT_CHANNEL));
        }
        return {
            ...problem('error', label('ChannelMissing', CALL_EVENT_CHANNEL), label('ChannelMissingAction'), null),
            fix: FIX_CREATE_CHANNEL
        };
    };

    const checkPermissionSet = (name: string, action: string) => async (): Promise<Outcome> => {
        const holders = org.activeAssigneeCount(name);
        return holders === 0
            ? problem('warning', label('PsNone'), label(action), null)
            : ok(label('PsOk', number(holders)));
    };

    /** A daily delivery allocation; `names`: the detail, high, full and unknown labels (full names). */
    const checkDailyDeliveries =
        (usage: () => { used: number; max: number }, names: [string, string, string, string]) =>
        async (): Promise<Outcome> => {
            const { used, max } = usage();
            const [detailLabel, highAction, fullAction, unknownLabel] = names;
            if (max <= 0) return problem('unknown', org.label(unknownLabel), null, null);
            const percent = Math.floor((used * 100) / max);
            const detail = [number(used), number(max), percent].reduce<string>(
                (text, value, i) => text.replace(`{${i}}`, String(value)),
                org.label(detailLabel)
            );
            if (percent >= 100) return problem('error', detail, org.label(fullAction), null);
            if (percent >= WARNING_PERCENT) return problem('warning', detail, org.label(highAction), null);
            return ok(detail);
        };
    const checkPlatformEvents = checkDailyDeliveries(
        () => org.deliveredPlatformEvents(),
        [
            'WebexHealth_EventsDetail',
            'WebexHealth_EventsHighAction',
            'WebexHealth_EventsFullAction',
            'WebexHealth_EventsUnknown'
        ]
    );
    // WebexHealthCheckService.GENERIC_STREAMING_LIMIT: DailyDurableGenericStreamingApiEvents.
    const checkCallEvents = checkDailyDeliveries(
        () => org.streaming.delivered(),
        [
            'WebexCallEvent_HealthDetail',
            'WebexCallEvent_HealthHighAction',
            'WebexCallEvent_HealthFullAction',
            'WebexCallEvent_HealthUnknown'
        ]
    );

    // The Webex Error Log's rows of the last 24 hours (the Webex Admin permission set reads them all).
    const checkRecentErrors = async (): Promise<Outcome> => {
        const since = Date.now() - RECENT_ERROR_HOURS * 3600 * 1000;
        const count = Math.min(
            loggedFailures(org).filter((failure) => Date.parse(failure.at) >= since).length,
            MAX_ERRORS_COUNTED
        );
        const detail = label('ErrorsDetail', count >= MAX_ERRORS_COUNTED ? `${number(count)}+` : number(count));
        if (count === 0) return ok(detail);
        return { ...problem('warning', detail, label('ErrorsAction'), null), link: LINK_ERROR_LOG };
    };

    // WebexHealthCheckService.phoneKeyObjectNames: Contact's and Lead's plural labels as the org names them, in the
    // user's language (Schema describe), `{0}` and `{1}` of every phone-keys label.
    const phoneKeyObjectNames = () => [
        describeObject('Contact')?.labelPlural[org.user.language] ?? 'Contact',
        describeObject('Lead')?.labelPlural[org.user.language] ?? 'Lead'
    ];

    // Contacts and Leads whose numbers get a key but which have none (saved before the package).
    const checkPhoneKeys = async (): Promise<Outcome> => {
        const count = (objectApiName: string): { missing: number; text: string } => {
            const found = withoutPhoneKeys(org, objectApiName, PHONE_KEY_SAMPLE);
            return { missing: found.missing, text: `${number(found.missing)}${found.more ? '+' : ''}` };
        };
        const contacts = count('Contact');
        const leads = count('Lead');
        const names = phoneKeyObjectNames();
        if (contacts.missing === 0 && leads.missing === 0) return ok(format('PhoneKeysOk', names));
        return {
            ...problem(
                'warning',
                format('PhoneKeysMissing', [...names, contacts.text, leads.text]),
                format('PhoneKeysAction', names),
                null
            ),
            fix: FIX_FILL_PHONE_KEYS
        };
    };

    const checks: Array<[string, string, () => Promise<Outcome>]> = [
        ['webexToken', 'TokenTitle', checkToken],
        ['webhooks', 'WebhooksTitle', checkWebhooks],
        ['webhookSite', 'SiteTitle', checkSite],
        ['salesforceAuthorization', 'SfAuthTitle', checkSalesforceAuthorization],
        ['callEventChannel', 'ChannelTitle', checkCallEventChannel],
        ['adminPermissionSet', 'AdminPsTitle', checkPermissionSet('Webex_Admin', 'AdminPsAction')],
        ['userPermissionSet', 'UserPsTitle', checkPermissionSet('Cisco_Webex_User', 'UserPsAction')],
        ['platformEvents', 'EventsTitle', checkPlatformEvents],
        ['callEvents', 'WebexCallEvent_HealthTitle', checkCallEvents],
        ['recentErrors', 'ErrorsTitle', checkRecentErrors],
        ['phoneKeys', 'PhoneKeysTitle', checkPhoneKeys]
    ];

    return {
        runHealthCheck: async () => {
            requireAdmin(org);
            session = new SalesforceSession(org);
            salesforceToken = null;
            foundChannelId = null;
            const results: WebexHealthCheck[] = [];
            // One after the other, as Apex runs them; a failure inside one is that check's `unknown`.
            for (const [id, title, check] of checks) {
                let outcome: Outcome;
                try {
                    outcome = await check();
                } catch (error) {
                    // WebexException.messageForUser: the package's own message, else a reference (logged).
                    const message = unexpectedFailure(org, error).payload.message;
                    outcome = problem('unknown', label('Unknown', message), label('RetryAction'), null);
                }
                results.push({
                    id,
                    title: title.startsWith('Webex')
                        ? org.label(title)
                        : title === 'PhoneKeysTitle'
                          ? format(title, phoneKeyObjectNames())
                          : label(title),
                    status: outcome.status,
                    detail: outcome.detail,
                    action: outcome.status === 'ok' ? null : outcome.action,
                    section: outcome.status === 'ok' ? null : outcome.section,
                    inactiveWebhookIds: outcome.inactiveWebhookIds ?? [],
                    fix: outcome.status === 'ok' ? null : (outcome.fix ?? null),
                    link: outcome.status === 'ok' ? null : (outcome.link ?? null)
                });
            }
            // After every check's callouts: what they learned.
            rememberWebhookSiteUrl(org, org.siteUrl);
            saveResolvedChannel(org, foundChannelId);
            session.saveRefreshedToken();
            return results;
        },

        createCallEventChannel: async () => {
            requireAdmin(org);
            const fixing = new SalesforceSession(org);
            const channelId = await ensureCallEventChannel(
                org,
                new SalesforceCallout(org),
                await fixing.refreshedAccessToken()
            );
            saveResolvedChannel(org, channelId);
            fixing.saveRefreshedToken();
        },

        fillPhoneKeys: async () => {
            requireAdmin(org);
            return startPhoneKeyBackfill(org);
        }
    };
}
