/**
 * The emulated org's WebexAdminController and WebexIntegrationService: the same rules as the Apex in
 * classes/admin/, held to the same typed contract (types/apex.d.ts), so the workbench's stories
 * describe what the package does in an org.
 */
import type getIntegrationStatus from '@salesforce/apex/WebexAdminController.getIntegrationStatus';
import type reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import type registerWebhooks from '@salesforce/apex/WebexAdminController.registerWebhooks';
import type saveAccessToken from '@salesforce/apex/WebexAdminController.saveAccessToken';
import { randomBytes } from 'node:crypto';
import { AuraHandledError } from '../apex-error.ts';
import { requireAdmin } from './admin-access.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { WebexCallout } from '../webex-callout.ts';

const ADMIN_TOKEN = 'AdminAccessToken';
const WEBHOOK_SECRET = 'WebhookSecret';
const REST_PATH = '/services/apexrest/webex/webhooks';

/** The webhooks the package needs, one per event: the contract's `event` enumeration has no `all`. */
const WEBHOOK_PURPOSES = [
    { resource: 'telephony_calls', event: 'created' },
    { resource: 'telephony_calls', event: 'updated' },
    { resource: 'telephony_calls', event: 'deleted' }
];

interface Webhook {
    id: string;
    name: string;
    resource: string;
    event: string;
    status: string;
    targetUrl: string;
}

interface Person {
    id: string;
    displayName: string;
    emails?: string[];
    orgId: string;
}

export interface WebexAdminControllerApi {
    getIntegrationStatus: typeof getIntegrationStatus;
    saveAccessToken: typeof saveAccessToken;
    registerWebhooks: typeof registerWebhooks;
    reactivateWebhook: typeof reactivateWebhook;
}

export function createWebexAdminController(org: EmulatedOrg): WebexAdminControllerApi {
    const namePrefix = (): string => `Webex for Salesforce [${org.orgId.slice(0, 15)}] `;
    const webhookName = (purpose: { resource: string; event: string }): string =>
        `${namePrefix()}${purpose.resource} ${purpose.event}`;
    const targetUrl = (): string | null => (org.siteUrl ? `${org.siteUrl}${REST_PATH}` : null);

    const assertAdmin = (): void => requireAdmin(org);

    const storedToken = (): string => {
        const token = org.credentials.get(ADMIN_TOKEN)?.secret;
        if (!token) throw new AuraHandledError('NO_TOKEN', org.label('WebexError_NoToken'));
        return token;
    };

    const toInfo = (w: Webhook) => ({
        id: w.id,
        name: w.name,
        resource: w.resource,
        event: w.event,
        status: w.status,
        targetUrl: w.targetUrl
    });

    const status = async (): Promise<WebexIntegrationStatus> => {
        const stored = org.credentials.get(ADMIN_TOKEN);
        const base: WebexIntegrationStatus = {
            tokenStored: Boolean(stored),
            owner: stored
                ? {
                      displayName: stored.ownerDisplayName ?? '',
                      email: stored.ownerEmail ?? null,
                      orgId: stored.webexOrgId ?? '',
                      personId: stored.webexPersonId ?? ''
                  }
                : null,
            verifiedAt: stored?.verifiedAt ?? null,
            siteUrl: org.siteUrl,
            webhookTargetUrl: targetUrl(),
            webhooks: [],
            webhooksError: null
        };
        if (!stored) return base;
        try {
            const all = await new WebexCallout(org, stored.secret).getAllItems<Webhook>('/webhooks?max=100');
            base.webhooks = all.filter((w) => w.name.startsWith(namePrefix())).map(toInfo);
        } catch (error) {
            if (!(error instanceof AuraHandledError)) throw error;
            base.webhooksError = error.payload.message;
        }
        return base;
    };

    return {
        getIntegrationStatus: async () => {
            assertAdmin();
            return status();
        },

        saveAccessToken: async ({ accessToken }) => {
            assertAdmin();
            const token = (accessToken ?? '').trim();
            if (!token)
                throw new AuraHandledError('INVALID_INPUT', org.label('WebexError_InvalidInput', 'accessToken'));
            // The callout comes first: nothing is stored unless Webex accepts the token.
            const me = await new WebexCallout(org, token).send<Person>('GET', '/people/me');
            org.credentials.set(ADMIN_TOKEN, {
                secret: token,
                ownerDisplayName: me.displayName,
                ownerEmail: me.emails?.[0] ?? null,
                webexOrgId: me.orgId,
                webexPersonId: me.id,
                verifiedAt: new Date().toISOString()
            });
            return status();
        },

        registerWebhooks: async () => {
            assertAdmin();
            const token = storedToken();
            const url = targetUrl();
            if (!url) throw new AuraHandledError('NO_SITE', org.label('WebexError_NoSite'));
            const callout = new WebexCallout(org, token);
            const secret = org.credentials.get(WEBHOOK_SECRET)?.secret ?? randomBytes(32).toString('hex');
            const existing = await callout.getAllItems<Webhook>('/webhooks?max=100');
            for (const purpose of WEBHOOK_PURPOSES) {
                const name = webhookName(purpose);
                const [keep, ...duplicates] = existing.filter((w) => w.name === name);
                if (keep)
                    await callout.send('PUT', `/webhooks/${encodeURIComponent(keep.id)}`, {
                        name,
                        targetUrl: url,
                        secret,
                        status: 'active'
                    });
                else
                    await callout.send('POST', '/webhooks', {
                        name,
                        targetUrl: url,
                        resource: purpose.resource,
                        event: purpose.event,
                        secret
                    });
                for (const duplicate of duplicates)
                    await callout.send('DELETE', `/webhooks/${encodeURIComponent(duplicate.id)}`);
            }
            org.credentials.set(WEBHOOK_SECRET, { secret });
            return status();
        },

        reactivateWebhook: async ({ webhookId }) => {
            assertAdmin();
            const callout = new WebexCallout(org, storedToken());
            const webhook = await callout.send<Webhook>('GET', `/webhooks/${encodeURIComponent(webhookId)}`);
            if (!webhook.name.startsWith(namePrefix()))
                throw new AuraHandledError('NOT_FOUND', org.label('WebexError_NotFound'));
            await callout.send('PUT', `/webhooks/${encodeURIComponent(webhookId)}`, {
                name: webhook.name,
                targetUrl: webhook.targetUrl,
                status: 'active'
            });
            return status();
        }
    };
}
