/**
 * The emulated org's WebexHealthCheckController and WebexHealthCheckService (classes/admin/
 * WebexHealthCheck*.cls): the same checks, each independent, reusing the emulated services: the stored
 * token checked with the Webex emulator, the package's webhooks there, the site's reachability
 * (WebexSiteController.checkSite), the Salesforce authorization's refresh-token exchange, the org's
 * permission-set assignments, its daily delivered platform events and its daily delivered Generic Streaming
 * events (the call pops, org.streaming).
 */
import type runHealthCheck from '@salesforce/apex/WebexHealthCheckController.runHealthCheck';
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { WebexCallout } from '../webex-callout.ts';
import { requireAdmin } from './admin-access.ts';
import { accessToken, authorizationStatus, readAuthorization } from './salesforce-auth.ts';
import { createWebexSiteController } from './WebexSiteController.ts';

const ADMIN_TOKEN = 'AdminAccessToken';
const REST_PATH = '/services/apexrest/webex/webhooks';
const EVENTS = ['created', 'updated', 'deleted'];
const WARNING_PERCENT = 80;

export interface WebexHealthCheckControllerApi {
    runHealthCheck: typeof runHealthCheck;
}

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
};

export function createWebexHealthCheckController(org: EmulatedOrg): WebexHealthCheckControllerApi {
    const site = createWebexSiteController(org);
    const label = (name: string, ...args: Array<string | number>) => org.label(`WebexHealth_${name}`, ...args);
    const format = (name: string, values: Array<string | number>) =>
        values.reduce<string>((text, value, i) => text.replace(`{${i}}`, String(value)), label(name));
    const number = (value: number) => value.toLocaleString('en-US');
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
        const answer = (await site.checkSite()).check;
        const detail = format('SiteDetail', [org.siteUrl, answer?.message ?? '']);
        return answer?.reachable ? ok(detail) : problem('error', detail, label('SiteUnreachableAction'), 'webhookSite');
    };

    const checkSalesforceAuthorization = async (): Promise<Outcome> => {
        if (!readAuthorization(org))
            return problem('error', label('SfAuthMissing'), label('SfAuthMissingAction'), 'salesforceAuthorization');
        const status = authorizationStatus(org);
        const who = [status.authorizedBy ?? '', status.authorizedUsername ?? ''];
        try {
            await accessToken(org);
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

    const checkPermissionSet = (name: string, action: string) => async (): Promise<Outcome> => {
        const holders = org.activeAssigneeCount(name);
        return holders === 0
            ? problem('warning', label('PsNone'), label(action), 'featureAccess')
            : ok(label('PsOk', holders));
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

    const checks: Array<[string, string, () => Promise<Outcome>]> = [
        ['webexToken', 'TokenTitle', checkToken],
        ['webhooks', 'WebhooksTitle', checkWebhooks],
        ['webhookSite', 'SiteTitle', checkSite],
        ['salesforceAuthorization', 'SfAuthTitle', checkSalesforceAuthorization],
        ['adminPermissionSet', 'AdminPsTitle', checkPermissionSet('Webex_Admin', 'AdminPsAction')],
        ['userPermissionSet', 'UserPsTitle', checkPermissionSet('Cisco_Webex_User', 'UserPsAction')],
        ['platformEvents', 'EventsTitle', checkPlatformEvents],
        ['callEvents', 'WebexCallEvent_HealthTitle', checkCallEvents]
    ];

    return {
        runHealthCheck: async () => {
            requireAdmin(org);
            const results: WebexHealthCheck[] = [];
            // One after the other, as Apex runs them; a failure inside one is that check's `unknown`.
            for (const [id, title, check] of checks) {
                let outcome: Outcome;
                try {
                    outcome = await check();
                } catch (error) {
                    const message = error instanceof AuraHandledError ? error.payload.message : String(error);
                    outcome = problem('unknown', label('Unknown', message), label('RetryAction'), null);
                }
                results.push({
                    id,
                    title: title.startsWith('Webex') ? org.label(title) : label(title),
                    status: outcome.status,
                    detail: outcome.detail,
                    action: outcome.status === 'ok' ? null : outcome.action,
                    section: outcome.status === 'ok' ? null : outcome.section,
                    inactiveWebhookIds: outcome.inactiveWebhookIds ?? []
                });
            }
            return results;
        }
    };
}
