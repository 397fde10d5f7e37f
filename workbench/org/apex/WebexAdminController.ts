/**
 * The emulated org's WebexAdminController and WebexIntegrationService: the same rules as the Apex in
 * classes/admin/, held to the same typed contract (types/apex.d.ts), so the workbench's stories
 * describe what the package does in an org.
 */
import type getIntegrationStatus from '@salesforce/apex/WebexAdminController.getIntegrationStatus';
import type reactivateWebhook from '@salesforce/apex/WebexAdminController.reactivateWebhook';
import type registerWebhooks from '@salesforce/apex/WebexAdminController.registerWebhooks';
import type saveAccessToken from '@salesforce/apex/WebexAdminController.saveAccessToken';
import type clearUserIntegration from '@salesforce/apex/WebexAdminController.clearUserIntegration';
import type getUserIntegration from '@salesforce/apex/WebexAdminController.getUserIntegration';
import type saveUserIntegration from '@salesforce/apex/WebexAdminController.saveUserIntegration';
import { randomBytes } from 'node:crypto';
import { AuraHandledError } from '../apex-error.ts';
import { requireAdmin } from './admin-access.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { WebexCallout } from '../webex-callout.ts';
import * as userIntegration from './user-integration.ts';
import { WebhookRegistrar, webhookTargetUrl, type Webhook } from './webhook-registrar.ts';
import { rememberWebhookSiteUrl } from './WebexSiteController.ts';

const ADMIN_TOKEN = 'AdminAccessToken';
const WEBHOOK_SECRET = 'WebhookSecret';

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
    getUserIntegration: typeof getUserIntegration;
    saveUserIntegration: typeof saveUserIntegration;
    clearUserIntegration: typeof clearUserIntegration;
}

export function createWebexAdminController(org: EmulatedOrg): WebexAdminControllerApi {
    const targetUrl = (): string | null => webhookTargetUrl(org);

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
            base.webhooks = (await new WebhookRegistrar(org, stored.secret).listOwn()).map(toInfo);
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
            const secret = org.credentials.get(WEBHOOK_SECRET)?.secret ?? randomBytes(32).toString('hex');
            await new WebhookRegistrar(org, token).register(url, secret);
            org.credentials.set(WEBHOOK_SECRET, { secret });
            // WebexSiteSelector.rememberWebhookSiteUrl: for the reps, who cannot see the Site object.
            rememberWebhookSiteUrl(org, org.siteUrl);
            return status();
        },

        reactivateWebhook: async ({ webhookId }) => {
            assertAdmin();
            await new WebhookRegistrar(org, storedToken()).reactivate(webhookId);
            return status();
        },

        getUserIntegration: async () => {
            assertAdmin();
            return userIntegration.integrationStatus(org);
        },

        saveUserIntegration: async ({ clientId, clientSecret }) => {
            assertAdmin();
            return userIntegration.checkAndSaveIntegration(org, clientId, clientSecret);
        },

        clearUserIntegration: async () => {
            assertAdmin();
            return userIntegration.clearIntegration(org);
        }
    };
}
