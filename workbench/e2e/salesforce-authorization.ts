/**
 * The steps of "Salesforce Authorization" (A4) an administrator takes in the browser, shared by the
 * stories of salesforce-auth.test.ts and webhook-site.test.ts: enter the External Client App's key and secret,
 * Authorize, answer the consent page, finish on the Visualforce page and return to Webex Admin.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { ARTIFACTS, type Harness } from './browser.ts';
import { WORKBENCH_EXTERNAL_CLIENT_APP } from '../org/salesforce-platform.ts';
import { apexString } from '../org/setup-apex.ts';
import { readApex, runApex } from './package-setup.ts';

export const ADMIN_TAB = '#/n/Webex_Admin';
export const AUTH_SECTION = 'c-webex-admin-salesforce-auth';
export const SITE_SECTION = 'c-webex-admin-webhook-site';

/** The Salesforce Authorization section (the tab hosts other sections with buttons of their own). */
export const authSection = (h: Harness) => h.page.locator(AUTH_SECTION);

/**
 * Fills the key and secret (the app's, unless told otherwise) and clicks Authorize: the consent page opens
 * (or, where Salesforce refuses the request itself, `landsOn` the page it redirects to).
 */
export async function startAuthorization(
    h: Harness,
    credentials: { consumerKey?: string; consumerSecret?: string } = {},
    landsOn: RegExp = /\/services\/oauth2\/authorize\?/
): Promise<void> {
    const section = authSection(h);
    await section.getByRole('button', { name: /^(Authorize|Autoriser)$/ }).waitFor();
    await section
        .getByLabel(/^(Consumer Key|Clé du consommateur)/)
        .fill(credentials.consumerKey ?? WORKBENCH_EXTERNAL_CLIENT_APP.consumerKey);
    await section
        .getByLabel(/^(Consumer Secret|Secret du consommateur)/)
        .fill(credentials.consumerSecret ?? WORKBENCH_EXTERNAL_CLIENT_APP.consumerSecret);
    await section.getByRole('button', { name: /^(Authorize|Autoriser)$/ }).click();
    await h.page.waitForURL(landsOn);
}

/** Answers the consent page; Salesforce returns to the Visualforce page webexsfdcauth. */
export async function answerConsent(h: Harness, decision: 'Allow' | 'Deny'): Promise<void> {
    const name = decision === 'Allow' ? /^(Allow|Autoriser)$/ : /^(Deny|Refuser)$/;
    await h.page.getByRole('button', { name }).click();
    await h.page.waitForURL(/\/apex\/webexsfdcauth\?/);
}

/** Finish Authorization on the Visualforce page. */
export async function finishAuthorization(h: Harness): Promise<void> {
    await h.page.getByRole('button', { name: /^(Finish Authorization|Terminer l'autorisation)$/ }).click();
    await h.page.getByRole('button', { name: /^(Return to Webex Admin|Revenir à Administration Webex)$/ }).waitFor();
}

/** Return to Webex Admin: back on the tab, with the outcome for the section. */
export async function returnToAdmin(h: Harness): Promise<void> {
    await h.page.getByRole('button', { name: /^(Return to Webex Admin|Revenir à Administration Webex)$/ }).click();
    await h.page.waitForURL(/#\/n\/Webex_Admin\?c__webexSfAuth=/);
    await authSection(h)
        .getByRole('heading', { name: /^(Authorization status|État de l'autorisation)$/ })
        .waitFor();
}

/** The whole flow with Allow: the package ends up authorized as the signed-in administrator. */
export async function authorizeThroughConsent(h: Harness): Promise<void> {
    await startAuthorization(h);
    await answerConsent(h, 'Allow');
    await finishAuthorization(h);
    await returnToAdmin(h);
}

/** Keeps a picture of one section only (workbench/.artifacts/<name>.png), as an administrator sees it. */
export async function sectionScreenshot(h: Harness, selector: string, name: string): Promise<void> {
    await h.page.locator(selector).screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

/** The names of the rows in the protected setting (never their values), as an administrator's query lists them. */
export async function storedRows(h: Harness): Promise<string[]> {
    const names = await runApex(
        h.workbench,
        'for (WebexCredential__c row : [SELECT Name FROM WebexCredential__c WITH SYSTEM_MODE ORDER BY Name]) { System.debug(row.Name); }'
    );
    return names.sort();
}

/** The refresh token the package stored (what Salesforce must have issued), or null before any authorization. */
export async function storedRefreshToken(h: Harness): Promise<string | null> {
    const authorization = 'new WebexSalesforceAuthStore().readSalesforceAuthorization()';
    return readApex(h.workbench, `${authorization} == null ? null : ${authorization}.refreshToken`);
}

/** The PKCE `code_verifier` the package derives for an authorization (WebexSalesforcePkce.verifier). */
export async function pkceVerifierFor(h: Harness, state: string, consumerSecret: string): Promise<string> {
    return String(
        await readApex(h.workbench, `WebexSalesforcePkce.verifier(${apexString(state)}, ${apexString(consumerSecret)})`)
    );
}

/**
 * The S256 `code_challenge` of a verifier, computed here (RFC 7636 §4.2: base64url of its SHA-256) rather than by
 * the package, so a wrong challenge in the package is caught.
 */
export function pkceChallengeFor(verifier: string): string {
    return createHash('sha256').update(verifier).digest('base64url');
}

/** The seeded user with this email. */
export function seededUserId(h: Harness, email: string): string {
    const user = h.workbench.org.records.list('User').find((u) => u.Email === email);
    if (!user) throw new Error(`No seeded user ${email}`);
    return user.Id;
}

/** Calls an Apex method as the page would, as the given user. */
export async function callApexAs(
    h: Harness,
    userId: string,
    method: string,
    params: Record<string, unknown> = {}
): Promise<{ status: number; payload: WebexApexErrorPayload | null; message: string | null }> {
    const [className, name] = method.split('.');
    const response = await fetch(`${h.workbench.url}/_org/apex/${className}/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-wb-user': userId, 'x-wb-lang': 'en' },
        body: JSON.stringify(params)
    });
    const body = (await response.json()) as { message?: string };
    let payload: WebexApexErrorPayload | null = null;
    try {
        payload = response.ok ? null : (JSON.parse(String(body.message)) as WebexApexErrorPayload);
    } catch {
        payload = null;
    }
    return { status: response.status, payload, message: typeof body.message === 'string' ? body.message : null };
}
