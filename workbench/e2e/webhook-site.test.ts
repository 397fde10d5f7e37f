/**
 * Stories of "Webex Site for Webhooks" (A5) in Chromium: Create Site through the emulated Metadata API
 * once Salesforce is authorized, the site then answering and calling's setup completed (the URL stored for
 * the reps, the call-event channel created), idempotence, who may create it, readable Metadata API
 * faults, French, and Integration Settings registering webhooks on the new site.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeHarness, openHarness, resetStory, story, type Harness } from './browser.ts';
import {
    ADMIN_TAB,
    SITE_SECTION,
    authorizeThroughConsent,
    callApexAs,
    sectionScreenshot,
    seededUserId
} from './salesforce-authorization.ts';
import { apexString } from '../org/setup-apex.ts';
import { CALL_EVENT_CHANNEL } from './call-events.ts';
import { jobsSettled, readApex, runApex } from './package-setup.ts';

let h: Harness;

const section = () => h.page.locator(SITE_SECTION);
const createButton = () => section().getByRole('button', { name: /^(Create Site|Créer un site)$/ });
const alert = (text: string | RegExp) => section().getByRole('alert').filter({ hasText: text }).first();
const metadataCalls = () => h.workbench.org.salesforce.requests.filter((r) => r.path.startsWith('/services/Soap/m/'));
const siteOrigin = () => h.workbench.url.replace('//localhost:', '//127.0.0.1:');
/** The active site's URL as the administrator's Apex sees it (the Site and SiteDetail records), or null. */
const siteUrl = () => readApex(h.workbench, 'WebexSiteSelector.getInstance().getWebhookSiteSecureUrl()');
const SAM = 'sam.rep@acme-webex.example';

/** Whether the site's guest user holds this permission set, as a query in Setup's Developer Console lists it. */
async function guestHolds(permissionSet: string): Promise<boolean> {
    const [count] = await runApex(
        h.workbench,
        `Id guest = WebexSiteSelector.getInstance().getWebhookSiteGuestUserId();
        System.debug([SELECT COUNT() FROM PermissionSetAssignment
            WHERE AssigneeId = :guest AND PermissionSet.Name = ${apexString(permissionSet)}]);`
    );
    return count === '1';
}

describe('Webex Site for Webhooks', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('asks to authorize Salesforce first and changes nothing', () =>
        story(h, 'site-not-authorized', async () => {
            await resetStory(h, ADMIN_TAB);
            await section().getByText('No site yet. Click Create Site.').waitFor();
            await createButton().click();
            await alert('Authorize Salesforce first').waitFor();
            assert.equal(await siteUrl(), null, 'no site');
            assert.equal(metadataCalls().length, 0, 'the Metadata API is not called');
            await sectionScreenshot(h, SITE_SECTION, 'site-not-authorized');
        }));

    it('creates the site, says "Site created successfully" with its URL, and the site answers', () =>
        story(h, 'site-create', async () => {
            await resetStory(h, ADMIN_TAB);
            await authorizeThroughConsent(h);
            await createButton().click();
            await section().getByText('Site created successfully').waitFor();
            await section().locator('[data-success-url]').getByText(siteOrigin()).waitFor();
            await section().getByText('The site answers (HTTP 405)').waitFor();
            await section().getByText('Webhook endpoint only').waitFor();
            assert.equal(await siteUrl(), siteOrigin());
            const site = h.workbench.org.salesforce.site;
            assert.equal(site?.fullName, 'Webex_Webhooks', 'createMetadata of the CustomSite Webex_Webhooks');
            assert.equal(site?.metadata.siteType, 'Visualforce');
            assert.equal(site?.metadata.active, 'true');
            // The assignment may wait for a Queueable job of its own (after a refresh token rotation).
            await jobsSettled(h.workbench);
            assert.ok(await guestHolds('Webex_Webhook_Guest'), 'the guest user runs the endpoint only');
            assert.ok(
                h.workbench.org.salesforce.remoteSites.has(siteOrigin()),
                'a Remote Site Setting lets the check call the site'
            );
            const probe = await fetch(`${siteOrigin()}/services/apexrest/webex/webhooks`);
            assert.ok(probe.status < 500, `the site URL answers (${probe.status})`);
            // The check that follows completes calling's setup: the URL stored for the reps (who cannot
            // see the Site object), and the Streaming Channel the dialers subscribe to, created.
            assert.equal(
                await readApex(h.workbench, 'WebexSiteSelector.getInstance().getWebhookSiteUrlForUsers()', SAM),
                siteOrigin(),
                'a rep, who cannot see the Site object, reads the URL stored for them'
            );
            const channel = h.workbench.org.streaming.channelByName(CALL_EVENT_CHANNEL);
            assert.ok(channel, 'the call-event channel exists before any dialer subscribes');
            assert.equal(await readApex(h.workbench, 'WebexCallEventChannel.storedId()'), channel.Id);
            await sectionScreenshot(h, SITE_SECTION, 'site-created');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('shows the same site when Create Site is clicked twice', () =>
        story(h, 'site-twice', async () => {
            await resetStory(h, ADMIN_TAB);
            await authorizeThroughConsent(h);
            await createButton().click();
            await section().getByText('Site created successfully').waitFor();
            const calls = metadataCalls().length;
            const url = await siteUrl();
            await createButton().click();
            await section().getByText('The site already exists: nothing was changed.').waitFor();
            await section().locator('[data-site-url]').getByText(String(url)).waitFor();
            assert.equal(metadataCalls().length, calls, 'the Metadata API is not called again');
            assert.equal(await siteUrl(), url, 'the same site');
        }));

    it('shows what the Metadata API refused, readable', () =>
        story(h, 'site-metadata-fault', async () => {
            await resetStory(h, ADMIN_TAB);
            await authorizeThroughConsent(h);
            h.workbench.org.salesforce.metadataFault = {
                faultcode: 'INSUFFICIENT_ACCESS',
                faultstring:
                    'INSUFFICIENT_ACCESS: use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions'
            };
            await createButton().click();
            await alert(
                'The Metadata API refused the request: INSUFFICIENT_ACCESS: use of the Metadata API requires a user'
            ).waitFor();
            assert.equal(await siteUrl(), null);
            await sectionScreenshot(h, SITE_SECTION, 'site-metadata-fault');
        }));

    it('tells a Webex admin without the System Administrator profile that the profile is needed', () =>
        story(h, 'site-not-system-admin', async () => {
            await resetStory(h, ADMIN_TAB);
            const sam = SAM;
            // Setup > Permission Sets > Webex Admin > Manage Assignments: a Webex admin on Standard User.
            const assigned = await fetch(`${h.workbench.url}/_org/control/assign`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ permissionSet: 'Webex_Admin', user: sam })
            });
            assert.equal(assigned.status, 200);
            await h.page.goto(`${h.workbench.url}/?lang=en&user=${sam}${ADMIN_TAB}`);
            const requirement = section().locator('[data-requirement="systemAdministrator"]');
            await requirement.getByText('System Administrator profile').waitFor();
            assert.equal(await requirement.locator('lightning-icon').getAttribute('icon-name'), 'utility:error');
            await section().locator('[data-needs-system-admin]').getByText('System Administrator profile').waitFor();
            await createButton().click();
            await alert('Creating the site needs the System Administrator profile').waitFor();
            assert.equal(await siteUrl(), null);
            assert.equal(metadataCalls().length, 0);
            await sectionScreenshot(h, SITE_SECTION, 'site-not-system-admin');
        }));

    it('speaks French', () =>
        story(h, 'site-french', async () => {
            await resetStory(h, ADMIN_TAB, 'fr');
            await section().getByText('Site Webex pour les webhooks', { exact: true }).first().waitFor();
            await authorizeThroughConsent(h);
            await createButton().click();
            await section().getByText('Site créé avec succès').waitFor();
            await section().getByText('Le site répond (HTTP 405)').waitFor();
            await sectionScreenshot(h, SITE_SECTION, 'site-fr');
        }));

    it('refuses a user without the Webex Admin permission set, in the section and on the server', () =>
        story(h, 'site-not-admin', async () => {
            await resetStory(h, ADMIN_TAB);
            const sam = seededUserId(h, 'sam.rep@acme-webex.example');
            await h.page.goto(`${h.workbench.url}/?lang=en&user=sam.rep@acme-webex.example${ADMIN_TAB}`);
            await alert('You need the Webex Admin permission set').waitFor();
            for (const method of ['getSiteStatus', 'createSite', 'checkSite']) {
                const answer = await callApexAs(h, sam, `WebexSiteController.${method}`);
                // Class security: the platform refuses before the package's own check (Apex Developer Guide › Class Security).
                assert.equal(
                    answer.message,
                    "You do not have access to the Apex class named 'WebexSiteController'.",
                    `${method} refuses Sam`
                );
            }
            assert.equal(await siteUrl(), null);
        }));

    it('lets Webex Integration Settings register the webhooks on the site it created', () =>
        story(h, 'site-then-register', async () => {
            await resetStory(h, ADMIN_TAB);
            await authorizeThroughConsent(h);
            await createButton().click();
            await section().getByText('Site created successfully').waitFor();
            const integration = h.page.locator('c-webex-admin-integration-settings');
            await integration.getByLabel(/^Access Token/).fill(h.workbench.emulator.state.users[0].accessToken);
            await integration.getByRole('button', { name: 'Save' }).click();
            await integration.getByText('Avery Admin').first().waitFor();
            await integration.getByRole('button', { name: 'Register' }).click();
            await integration.getByText(/Registration successful/).waitFor();
            const hooks = h.workbench.emulator.state.webhooks;
            assert.equal(hooks.length, 3);
            assert.ok(hooks.every((w) => w.targetUrl === `${siteOrigin()}/services/apexrest/webex/webhooks`));
        }));
});
