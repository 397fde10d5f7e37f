/**
 * What a developer would type in Execute Anonymous to set the org up, run through the Apex host: the package's own
 * store classes write what the package reads, so no set-up knows how the package stores anything. Used by the
 * control API (`/_org/control/*`, server.ts) and by node tests and benchmarks.
 */
import type { HostAnswer } from './apex-host/host.ts';
import type { OrgApex } from './apex-host/org-apex.ts';
import type { EmulatedOrg } from './org-state.ts';
import { activeWebhookSite, provisionSite, WEBHOOK_SITE_NAME } from './salesforce-platform.ts';

/** A String literal of Apex for a JavaScript string. */
export function apexString(value: string): string {
    return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

/** What anonymous Apex printed with `System.debug`, or why it failed (the exception, as Execute Anonymous shows it). */
export class AnonymousApexError extends Error {}

/** Runs anonymous Apex (as `userId`, default the org's signed-in user); returns its `System.debug` messages. */
export async function runAnonymousApex(apex: OrgApex, source: string, userId?: string): Promise<string[]> {
    const answer: HostAnswer = await apex.anonymous(source, userId);
    if (answer.status !== 200) {
        const body = answer.body as { exceptionType?: string; message?: string };
        throw new AnonymousApexError(`${body.exceptionType ?? 'Exception'}: ${body.message ?? ''}`);
    }
    return answer.debug.map((line) => line.slice(line.indexOf('|') + 1));
}

/** The seeded user (by id, username or email). */
export function seededUser(org: EmulatedOrg, who: string): { Id: string; Email: string } {
    const user = org.records
        .list('User')
        .find((u) => u.Id === who || u.Username === who || u.Email === who || u.Id.startsWith(who));
    if (!user) throw new Error(`No such user ${who}`);
    return { Id: user.Id, Email: String(user.Email) };
}

/** The administrator every set-up runs as (System Administrator, Webex Admin). */
export const SETUP_ADMIN = 'avery.admin@acme-webex.example';

/**
 * The webhook site as Create Site leaves it (the site, its URL stored for the reps), without the Metadata API's
 * round trip: for set-ups that are not about the site. Returns its URL.
 */
export async function ensureWebhookSite(org: EmulatedOrg, apex: OrgApex): Promise<string> {
    let site = activeWebhookSite(org);
    if (!site) {
        provisionSite(org, WEBHOOK_SITE_NAME, 'Webex Webhooks', true);
        site = activeWebhookSite(org)!;
    }
    // As Create Site leaves it: the URL stored for the reps, and the guest user allowed to run the webhook endpoint
    // (its job assigns Webex_Webhook_Guest).
    await runAnonymousApex(
        apex,
        `WebexSiteSelector.rememberWebhookSiteUrl(${apexString(site.secureUrl)});
        Id guest = ${apexString(site.guestUserId)};
        PermissionSet webhookGuest = [SELECT Id FROM PermissionSet WHERE Name = 'Webex_Webhook_Guest'];
        if ([SELECT COUNT() FROM PermissionSetAssignment WHERE AssigneeId = :guest AND PermissionSetId = :webhookGuest.Id] == 0) {
            insert new PermissionSetAssignment(AssigneeId = guest, PermissionSetId = webhookGuest.Id);
        }`,
        seededUser(org, SETUP_ADMIN).Id
    );
    return site.secureUrl;
}

/** The Webex integration reps connect through (Integration for Users), saved unless one is. */
export async function ensureUserIntegration(org: EmulatedOrg, apex: OrgApex): Promise<void> {
    const admin = seededUser(org, SETUP_ADMIN).Id;
    const [saved] = await runAnonymousApex(
        apex,
        'System.debug(new WebexUserConnectionStore().readUserOAuthClient() != null);',
        admin
    );
    if (saved === 'true') return;
    const response = await fetch(`${org.webexBaseUrl}/_emulator/integrations`);
    const [integration] = ((await response.json()) as { items: Array<{ clientId: string; clientSecret: string }> })
        .items;
    await runAnonymousApex(
        apex,
        `new WebexUserIntegrationService().save(${apexString(integration.clientId)}, ${apexString(integration.clientSecret)});`,
        admin
    );
}

/** How a rep's connection ended (WebexUserConnectionCallback.Outcome) and the Webex person it connected. */
export interface ConnectOutcome {
    outcome: { code: string; message: string; succeeded: boolean; warning: string | null };
    webexPersonId: string | null;
}

/**
 * Connects a seeded user's own Webex account the way the rep does it, without a browser: Connect Webex
 * (`startConnection`), Webex's sign-in page answered with Continue as `webexEmail`, then the return page's Finish
 * (`WebexUserConnectionCallback.completeConnection` with what Webex sent back), all as that user.
 */
export async function connectWebex(
    org: EmulatedOrg,
    apex: OrgApex,
    who: string,
    webexEmail?: string
): Promise<ConnectOutcome & { userId: string; accessToken: string | null }> {
    const user = seededUser(org, who);
    await ensureUserIntegration(org, apex);
    await ensureWebhookSite(org, apex);
    const [authorizeUrl] = await runAnonymousApex(
        apex,
        'System.debug(new WebexUserConnectionService().startConnection().authorizeUrl);',
        user.Id
    );
    // As the rep's browser: Webex's sign-in page (the emulator's), then Continue with the email.
    const authorize = new URL(authorizeUrl.replace(/^https:\/\/webexapis\.com/, org.webexBaseUrl));
    const signIn = await fetch(authorize, { redirect: 'manual' });
    await signIn.text();
    const answer =
        signIn.status === 200
            ? await fetch(authorize.origin + authorize.pathname, {
                  method: 'POST',
                  redirect: 'manual',
                  headers: { 'content-type': 'application/x-www-form-urlencoded' },
                  body: new URLSearchParams({
                      ...Object.fromEntries(authorize.searchParams),
                      email: webexEmail ?? user.Email,
                      action: 'continue'
                  })
              })
            : signIn;
    const back = new URL(answer.headers.get('location') ?? 'about:blank');
    const parameters = [...back.searchParams]
        .map(([name, value]) => `${apexString(name)} => ${apexString(value)}`)
        .join(', ');
    const [outcome, personId, accessToken] = await runAnonymousApex(
        apex,
        `WebexUserConnectionCallback.Outcome outcome = new WebexUserConnectionCallback().completeConnection(
            new Map<String, String>{ ${parameters} });
        System.debug(JSON.serialize(outcome));
        WebexUserConnectionStore.UserConnection connection = new WebexUserConnectionStore().readUserConnection(UserInfo.getUserId());
        System.debug(connection == null ? '' : connection.webexPersonId);
        System.debug(connection == null ? '' : connection.accessToken);`,
        user.Id
    );
    const parsed = JSON.parse(outcome) as ConnectOutcome['outcome'];
    const connected = parsed.succeeded && Boolean(personId);
    return {
        userId: user.Id,
        outcome: parsed,
        webexPersonId: connected ? personId : null,
        accessToken: connected ? accessToken : null
    };
}
