/** `/v1/webhooks`: the webhooks of the token's user, as the contract describes them. */
import { sendError, sendJson, sendNoContent, sendPage, type RequestContext } from '../http.ts';
import { webexId, type EmulatedUser, type EmulatedWebhook, type EmulatorState } from '../state.ts';
import type { Route } from './route.ts';

const RESOURCES = [
    'attachmentActions',
    'dataSources',
    'memberships',
    'messages',
    'rooms',
    'meetings',
    'recordings',
    'convergedRecordings',
    'meetingParticipants',
    'meetingTranscripts',
    'telephony_calls',
    'telephony_conference',
    'telephony_mwi',
    'uc_counters',
    'serviceApp',
    'adminBatchJobs'
];
const EVENTS = [
    'created',
    'updated',
    'deleted',
    'started',
    'ended',
    'joined',
    'left',
    'migrated',
    'authorized',
    'deauthorized',
    'statusChanged'
];
/** The resources the contract lets an org-owned webhook (`ownedBy: "org"`) listen to. */
const ORG_RESOURCES = [
    'meetings',
    'recordings',
    'convergedRecordings',
    'meetingParticipants',
    'meetingTranscripts',
    'rooms',
    'messages',
    'adminBatchJobs'
];
const APP_ID =
    'Y2lzY29zcGFyazovL3VzL0FQUExJQ0FUSU9OL0MyNzljYjMwYzAyOTE4MGJiNGJkYWViYjA2MWI3OTY1Y2RhMzliNjAyOTdjODUwM2YyNjZhYmY2NmM5OTllYzFm';

type Body = Record<string, unknown>;

function isHttpUrl(value: unknown): value is string {
    return typeof value === 'string' && /^https?:\/\/[^\s]+$/.test(value);
}

/** A 400 message for a create/update body the real service would refuse, or null. */
function invalid(body: Body, creating: boolean): string | null {
    if (typeof body.name !== 'string' || !body.name.trim()) return 'name is required.';
    if (!isHttpUrl(body.targetUrl)) return 'targetUrl must be an http(s) URL.';
    if (creating && !RESOURCES.includes(String(body.resource)))
        return `resource must be one of ${RESOURCES.join(', ')}.`;
    if (creating && !EVENTS.includes(String(body.event))) return `event must be one of ${EVENTS.join(', ')}.`;
    if (body.status !== undefined && body.status !== 'active' && body.status !== 'inactive')
        return 'status must be active or inactive.';
    if (creating && body.ownedBy !== undefined && body.ownedBy !== 'creator' && body.ownedBy !== 'org')
        return 'ownedBy must be creator or org.';
    if (creating && body.ownedBy === 'org' && !ORG_RESOURCES.includes(String(body.resource)))
        return `ownedBy "org" is supported for ${ORG_RESOURCES.join(', ')} only.`;
    return null;
}

function owned(state: EmulatorState, user: EmulatedUser, id: string): EmulatedWebhook | undefined {
    return state.webhooks.find((w) => w.id === id && w.createdBy === user.id);
}

function bodyOf(ctx: RequestContext): Body {
    return ctx.body && typeof ctx.body === 'object' ? (ctx.body as Body) : {};
}

export const webhookRoutes: Route[] = [
    {
        method: 'GET',
        pattern: '/v1/webhooks',
        auth: true,
        handle: (ctx, state, user) =>
            sendPage(
                ctx,
                state.webhooks.filter((w) => w.createdBy === user?.id),
                100,
                100
            )
    },
    {
        method: 'POST',
        pattern: '/v1/webhooks',
        auth: true,
        handle: (ctx, state, user) => {
            const body = bodyOf(ctx);
            const problem = invalid(body, true);
            if (problem) return sendError(ctx.res, 400, problem);
            // Org-wide webhooks hear every member's events: Webex reserves them to admins.
            if (body.ownedBy === 'org' && !(user as EmulatedUser).roles.includes('full_admin'))
                return sendError(ctx.res, 403, 'ownedBy "org" needs an administrator.');
            const webhook: EmulatedWebhook = {
                id: webexId('WEBHOOK'),
                name: String(body.name),
                targetUrl: String(body.targetUrl),
                resource: String(body.resource),
                event: String(body.event),
                ...(body.filter ? { filter: String(body.filter) } : {}),
                ...(body.secret ? { secret: String(body.secret) } : {}),
                status: 'active',
                created: new Date().toISOString(),
                ...(body.ownedBy ? { ownedBy: String(body.ownedBy) } : {}),
                orgId: (user as EmulatedUser).orgId,
                createdBy: (user as EmulatedUser).id,
                appId: APP_ID
            };
            state.webhooks.push(webhook);
            return sendJson(ctx.res, 200, webhook);
        }
    },
    {
        method: 'GET',
        pattern: '/v1/webhooks/:webhookId',
        auth: true,
        handle: (ctx, state, user) => {
            const webhook = owned(state, user as EmulatedUser, ctx.params.webhookId);
            return webhook
                ? sendJson(ctx.res, 200, webhook)
                : sendError(ctx.res, 404, 'The requested resource could not be found.');
        }
    },
    {
        method: 'PUT',
        pattern: '/v1/webhooks/:webhookId',
        auth: true,
        handle: (ctx, state, user) => {
            const webhook = owned(state, user as EmulatedUser, ctx.params.webhookId);
            if (!webhook) return sendError(ctx.res, 404, 'The requested resource could not be found.');
            const body = bodyOf(ctx);
            const problem = invalid(body, false);
            if (problem) return sendError(ctx.res, 400, problem);
            webhook.name = String(body.name);
            webhook.targetUrl = String(body.targetUrl);
            if (body.secret !== undefined) webhook.secret = String(body.secret);
            if (body.status !== undefined) webhook.status = body.status as 'active' | 'inactive';
            // Reactivating starts the count of failed deliveries again.
            if (body.status === 'active') state.deliveries.failures.delete(webhook.id);
            return sendJson(ctx.res, 200, webhook);
        }
    },
    {
        method: 'DELETE',
        pattern: '/v1/webhooks/:webhookId',
        auth: true,
        handle: (ctx, state, user) => {
            const webhook = owned(state, user as EmulatedUser, ctx.params.webhookId);
            if (!webhook) return sendError(ctx.res, 404, 'The requested resource could not be found.');
            state.webhooks.splice(state.webhooks.indexOf(webhook), 1);
            return sendNoContent(ctx.res);
        }
    }
];
