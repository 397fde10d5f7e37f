/**
 * The emulated org's WebexWebhookRegistrar (classes/admin/): the package's `telephony_calls` webhooks of
 * the Webex user whose token it acts with (the administrator's, or a rep's own connection), named with
 * this org's prefix, one per event; and WebexIntegrationService.webhookTargetUrl.
 */
import { AuraHandledError } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { WebexCallout } from '../webex-callout.ts';

const RESOURCE = 'telephony_calls';
/** WebexWebhookRegistrar.EVENTS: Webex's `event` enumeration has no documented `all`. */
export const WEBHOOK_EVENTS = ['created', 'updated', 'deleted'] as const;
const REST_PATH = '/services/apexrest/webex/webhooks';

export interface Webhook {
    id: string;
    name: string;
    resource: string;
    event: string;
    status: string;
    targetUrl: string;
}

/** Where the package's webhooks must point: the site's REST endpoint, or null without a site. */
export function webhookTargetUrl(org: EmulatedOrg, siteUrl: string | null = org.siteUrl): string | null {
    return siteUrl ? `${siteUrl.replace(/\/$/, '')}${REST_PATH}` : null;
}

export class WebhookRegistrar {
    private readonly org: EmulatedOrg;
    private readonly callout: WebexCallout;

    constructor(org: EmulatedOrg, token: string) {
        this.org = org;
        this.callout = new WebexCallout(org, token);
    }

    namePrefix(): string {
        return `Webex for Salesforce [${this.org.orgId.slice(0, 15)}] `;
    }

    nameFor(event: string): string {
        return `${this.namePrefix()}${RESOURCE} ${event}`;
    }

    /** This org's webhooks among the token owner's. */
    async listOwn(): Promise<Webhook[]> {
        const all = await this.callout.getAllItems<Webhook>('/webhooks?max=100');
        return all.filter((w) => w.name.startsWith(this.namePrefix()));
    }

    /** One webhook per event, to the target, signed with the secret: update, create, delete duplicates. */
    async register(targetUrl: string, secret: string): Promise<void> {
        const existing = await this.callout.getAllItems<Webhook>('/webhooks?max=100');
        for (const event of WEBHOOK_EVENTS) {
            const name = this.nameFor(event);
            const [keep, ...duplicates] = existing.filter((w) => w.name === name);
            if (keep)
                await this.callout.send('PUT', `/webhooks/${encodeURIComponent(keep.id)}`, {
                    name,
                    targetUrl,
                    secret,
                    status: 'active'
                });
            else await this.callout.send('POST', '/webhooks', { name, targetUrl, resource: RESOURCE, event, secret });
            for (const duplicate of duplicates)
                await this.callout.send('DELETE', `/webhooks/${encodeURIComponent(duplicate.id)}`);
        }
    }

    /** Whether every event has an active webhook of this org delivering to the target (one list call). */
    async isRegistered(targetUrl: string): Promise<boolean> {
        const inPlace = new Set(
            (await this.listOwn()).filter((w) => w.status === 'active' && w.targetUrl === targetUrl).map((w) => w.name)
        );
        return WEBHOOK_EVENTS.every((event) => inPlace.has(this.nameFor(event)));
    }

    /** Deletes every webhook of this org the token's owner has. */
    async unregister(): Promise<void> {
        for (const webhook of await this.listOwn())
            await this.callout.send('DELETE', `/webhooks/${encodeURIComponent(webhook.id)}`);
    }

    /** Reactivates one of this org's webhooks; any other is NOT_FOUND. */
    async reactivate(webhookId: string): Promise<void> {
        const webhook = await this.callout.send<Webhook>('GET', `/webhooks/${encodeURIComponent(webhookId)}`);
        if (!webhook.name.startsWith(this.namePrefix()))
            throw new AuraHandledError('NOT_FOUND', this.org.label('WebexError_NotFound'));
        await this.callout.send('PUT', `/webhooks/${encodeURIComponent(webhookId)}`, {
            name: webhook.name,
            targetUrl: webhook.targetUrl,
            status: 'active'
        });
    }
}
