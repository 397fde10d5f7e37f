/**
 * The acceptance story of the Webex Admin tab (issue 4) told through its last section, "Health check"
 * (F4): a fresh org shows every problem with what to do; the administrator fixes them all from the tab
 * (plus assigning Cisco Webex User in Setup) and the check turns green; a webhook Webex disabled is
 * re-activated from the check; platform-event and call-event (Generic Streaming) usage near the daily
 * cap warns (B9); French; refusal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import {
    ADMIN_TAB,
    SITE_SECTION,
    authorizeThroughConsent,
    callApexAs,
    sectionScreenshot,
    seededUserId
} from './salesforce-authorization.ts';

const HEALTH_SECTION = 'c-webex-admin-health-check';
let h: Harness;

const health = () => h.page.locator(HEALTH_SECTION);
const row = (id: string) => health().locator(`li[data-check="${id}"]`);
const runCheck = async (): Promise<void> => {
    await health()
        .getByRole('button', { name: /^(Run check|Lancer le contrôle)$/ })
        .click();
    await health().locator('[data-busy]').waitFor({ state: 'detached' });
};
const statusOf = async (id: string): Promise<string | null> =>
    row(id).locator('lightning-icon').first().getAttribute('icon-name');

async function control(path: string, body: unknown): Promise<void> {
    const response = await fetch(`${h.workbench.url}/_org/control/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
    });
    assert.equal(response.status, 200, `control ${path}`);
}

/** Everything an administrator does in the Webex Admin tab, plus the one Setup step. */
async function setUpEverything(): Promise<void> {
    await authorizeThroughConsent(h);
    const site = h.page.locator(SITE_SECTION);
    await site.getByRole('button', { name: 'Create Site' }).click();
    await site.getByText('Site created successfully').waitFor();
    const integration = h.page.locator('c-webex-admin-integration-settings');
    await integration.getByLabel(/^Access Token/).fill(h.workbench.emulator.state.users[0].accessToken);
    await integration.getByRole('button', { name: 'Save' }).click();
    await integration.getByText('Avery Admin').first().waitFor();
    await integration.getByRole('button', { name: 'Register' }).click();
    await integration.getByText(/Registration successful/).waitFor();
    // The one step outside the tab: Setup > Permission Sets > Cisco Webex User > Manage Assignments.
    await control('assign', { permissionSet: 'Cisco_Webex_User', user: 'sam.rep@acme-webex.example' });
}

describe('Health check', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('shows a fresh org every problem with what to do and where', () =>
        story(h, 'health-fresh', async () => {
            await resetStory(h, ADMIN_TAB);
            await health().getByText('5 problems').waitFor();
            assert.equal(await statusOf('webexToken'), 'utility:error');
            assert.equal(await statusOf('webhooks'), 'utility:help');
            assert.equal(await statusOf('webhookSite'), 'utility:error');
            assert.equal(await statusOf('salesforceAuthorization'), 'utility:error');
            assert.equal(await statusOf('adminPermissionSet'), 'utility:success');
            assert.equal(await statusOf('userPermissionSet'), 'utility:warning');
            assert.equal(await statusOf('platformEvents'), 'utility:success');
            assert.equal(await statusOf('callEvents'), 'utility:success');
            await row('callEvents')
                .getByText(/0 of 200,000 used \(0 %\)/)
                .waitFor();
            await row('webexToken').getByText('No Webex access token is stored.').waitFor();
            await row('webexToken')
                .getByText(/Paste a Webex administrator's access token/)
                .waitFor();
            await row('webhookSite').getByText('Click Create Site in Webex Site for Webhooks.').waitFor();
            await row('salesforceAuthorization').getByText('Salesforce is not authorized.').waitFor();
            await row('userPermissionSet')
                .getByText(/Cisco Webex User > Manage Assignments/)
                .waitFor();
            await row('platformEvents')
                .getByText(/0 of 25,000 used \(0 %\)/)
                .waitFor();

            // "Go to" brings the section that fixes it into view, with keyboard focus, from the keyboard
            const goTo = row('webhookSite').getByRole('button', { name: 'Go to Webex Site for Webhooks' });
            await goTo.focus();
            await h.page.keyboard.press('Enter');
            const target = h.page.locator('c-webex-admin div.admin-section[data-section="webhookSite"]');
            await h.page.waitForFunction(
                (element) => (element?.getRootNode() as ShadowRoot | null)?.activeElement === element,
                await target.elementHandle()
            );
            assert.equal(
                await h.page
                    .locator('c-webex-admin nav button[data-target="webhookSite"]')
                    .getAttribute('aria-current'),
                'location'
            );
            await sectionScreenshot(h, HEALTH_SECTION, 'health-fresh');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('turns all green once the administrator set everything up from the tab', () =>
        story(h, 'health-green', async () => {
            await resetStory(h, ADMIN_TAB);
            await health().getByText('5 problems').waitFor();
            await setUpEverything();
            await runCheck();
            await health().getByText('All checks passed').waitFor();
            for (const id of [
                'webexToken',
                'webhooks',
                'webhookSite',
                'salesforceAuthorization',
                'adminPermissionSet',
                'userPermissionSet',
                'platformEvents',
                'callEvents'
            ])
                assert.equal(await statusOf(id), 'utility:success', `${id} is green`);
            await row('webexToken')
                .getByText(/Avery Admin \(avery\.admin@acme-webex\.example\)/)
                .waitFor();
            await row('webhooks')
                .getByText(/The 3 telephony_calls webhooks are active/)
                .waitFor();
            await row('webhookSite')
                .getByText(/The site answers \(HTTP 405\)/)
                .waitFor();
            assert.equal(
                await health()
                    .getByRole('button', { name: /^Go to/ })
                    .count(),
                0,
                'nothing to fix'
            );
            await sectionScreenshot(h, HEALTH_SECTION, 'health-green');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('shows a webhook Webex disabled in red, and Re-activate turns it green', () =>
        story(h, 'health-reactivate', async () => {
            await resetStory(h, ADMIN_TAB);
            await setUpEverything();
            const hook = h.workbench.emulator.state.webhooks.find((w) => w.event === 'updated');
            assert.ok(hook, 'the updated webhook is registered');
            const marked = await fetch(`${h.workbench.emulator.url}/_emulator/webhooks/${hook.id}/status`, {
                method: 'POST',
                headers: { 'content-type': 'application/json' },
                body: JSON.stringify({ status: 'inactive' })
            });
            assert.equal(marked.status, 200);
            await runCheck();
            await health().getByText('1 problem').waitFor();
            assert.equal(await statusOf('webhooks'), 'utility:error');
            await row('webhooks')
                .getByText(/Webex disabled them after failed deliveries: updated/)
                .waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'health-webhook-inactive');
            await row('webhooks').getByRole('button', { name: 'Re-activate' }).click();
            await health().getByText('All checks passed').waitFor();
            assert.equal(await statusOf('webhooks'), 'utility:success');
            assert.ok(
                h.workbench.emulator.state.webhooks.every((w) => w.status === 'active'),
                'Webex holds every webhook active again'
            );
            assert.deepEqual(h.pageErrors, []);
        }));

    it("warns when today's platform-event deliveries reach 85 % of the cap", () =>
        story(h, 'health-events', async () => {
            await resetStory(h, ADMIN_TAB);
            await health().getByText('5 problems').waitFor();
            await control('platform-events', { used: 21_250 });
            await runCheck();
            assert.equal(await statusOf('platformEvents'), 'utility:warning');
            await row('platformEvents')
                .getByText(/21,250 of 25,000 used \(85 %\)/)
                .waitFor();
            await row('platformEvents')
                .getByText(/the package's call pops do not use them/)
                .waitFor();
            await row('platformEvents')
                .getByText(/stop receiving them until it renews/)
                .waitFor();
            await health().getByText('6 problems').waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'health-events-85');
        }));

    it("warns when today's call-event deliveries reach 85 % of the Generic Streaming cap", () =>
        story(h, 'health-call-events', async () => {
            await resetStory(h, ADMIN_TAB);
            await health().getByText('5 problems').waitFor();
            await control('generic-streaming', { used: 170_000 });
            await runCheck();
            await health().getByText('6 problems').waitFor();
            assert.equal(await statusOf('callEvents'), 'utility:warning');
            assert.equal(await statusOf('platformEvents'), 'utility:success', 'the other allocation is untouched');
            await row('callEvents')
                .getByText(/170,000 of 200,000 used \(85 %\)/)
                .waitFor();
            await row('callEvents')
                .getByText(/incoming calls stop popping up in the dialers/)
                .waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'health-call-events-85');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('speaks French', () =>
        story(h, 'health-french', async () => {
            await resetStory(h, ADMIN_TAB, 'fr');
            await health().getByText('5 problèmes').waitFor();
            await health().getByText('Contrôle de santé').first().waitFor();
            await row('webexToken').getByText("Aucun jeton d'accès Webex n'est enregistré.").waitFor();
            await row('webhookSite').getByRole('button', { name: 'Aller à Site Webex pour les webhooks' }).waitFor();
            // The icon's text for screen readers; the visible word beside the title is hidden from them
            await row('webexToken').locator('lightning-icon .slds-assistive-text').getByText('Problème').waitFor();
            await row('webexToken').locator('[data-status]').getByText('Problème').waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'health-french');
            await screenshot(h, 'health-french-page');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('refuses a user without Webex Admin with NOT_ADMIN', () =>
        story(h, 'health-not-admin', async () => {
            await resetStory(h, ADMIN_TAB);
            const sam = seededUserId(h, 'sam.rep@acme-webex.example');
            const answer = await callApexAs(h, sam, 'WebexHealthCheckController.runHealthCheck');
            assert.equal(answer.status, 500);
            assert.equal(answer.payload?.code, 'NOT_ADMIN');
        }));
});
