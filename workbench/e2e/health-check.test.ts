/**
 * The acceptance story of the Webex Admin tab (issue 4) told through its last section, "Health check"
 * (F4): a fresh org shows every problem with what to do; the administrator fixes them all from the tab
 * (plus assigning Cisco Webex User in Setup) and the check turns green; the summary tells a warning
 * (something to look at) from a problem (something that does not work) (issue 10); a webhook Webex disabled is
 * re-activated from the check; a missing call-event channel (the dialers cannot subscribe) is shown and
 * created with Create channel; platform-event and call-event (Generic Streaming) usage near the daily
 * cap warns (B9); an unexpected error of the day is counted and opens the Webex Error Log; Contacts and
 * Leads saved before the package are counted, and Fill phone keys keys them in the background; French;
 * refusal.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { jobsSettled, loadWithoutPhoneKeys, readApex, runApex } from './package-setup.ts';
import {
    ADMIN_TAB,
    SITE_SECTION,
    authorizeThroughConsent,
    callApexAs,
    sectionScreenshot,
    seededUserId
} from './salesforce-authorization.ts';
import { orgControl } from './workbench-api.ts';

const HEALTH_SECTION = 'c-webex-admin-health-check';
let h: Harness;

const control = (path: string, body: unknown): Promise<void> => orgControl(h, path, body);

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
/** The summary line above the checks, as read on screen. */
const summaryText = async (): Promise<string> =>
    (await health().locator('[data-summary]').innerText()).replace(/\s+/g, ' ').trim();
const summaryIcon = async (): Promise<string | null> =>
    health().locator('[data-summary] lightning-icon').getAttribute('icon-name');
/** Waits until the summary reads exactly `text`. */
const summaryReads = (text: string): Promise<void> =>
    health().locator('[data-summary]').getByText(text, { exact: true }).waitFor();
/**
 * A fresh org: the token, the site and the Salesforce authorization missing (problems), Cisco Webex User
 * assigned to nobody (a warning), the webhooks and the call-event channel not checked without them.
 */
const FRESH = '3 problems, 1 warning, 2 not checked';
const FRESH_AND_A_WARNING = '3 problems, 2 warnings, 2 not checked';

/**
 * A request that failed on something unexpected, as the package reports one: its user reads a reference, the details
 * go to the Webex Error Log (WebexErrorLog.record, whose event's trigger writes the row after the request).
 */
async function failUnexpectedly(): Promise<void> {
    await runApex(
        h.workbench,
        `WebexErrorLog.record(new DmlException('UNABLE_TO_LOCK_ROW on Task 00T5g00000WbXAMPLE'), 'WebexCallLogController.saveCallLog');`
    );
    await jobsSettled(h.workbench);
}

/**
 * The Contacts and Leads whose numbers get a phone key (WebexPhoneKeys.keysOf) but which have none, by object, as
 * an administrator's script reads them.
 */
async function withoutPhoneKeys(): Promise<{ Contact: number; Lead: number }> {
    const [json] = await runApex(
        h.workbench,
        `Map<String, Integer> missing = new Map<String, Integer>{ 'Contact' => 0, 'Lead' => 0 };
        List<SObject> records = new List<SObject>();
        records.addAll(Database.query('SELECT ' + String.join(WebexPhoneKeyFields.queryFields(Contact.SObjectType), ', ') + ' FROM Contact'));
        records.addAll(Database.query('SELECT ' + String.join(WebexPhoneKeyFields.queryFields(Lead.SObjectType), ', ') + ' FROM Lead WHERE IsConverted = false'));
        for (SObject record : records) {
            String name = String.valueOf(record.getSObjectType());
            Schema.SObjectField firstKey = WebexPhoneKeys.KEY_FIELDS.get(record.getSObjectType())[0];
            if (record.get(firstKey) == null && !WebexPhoneKeys.keysOf(record).isEmpty()) {
                missing.put(name, missing.get(name) + 1);
            }
        }
        System.debug(JSON.serialize(missing));`
    );
    return JSON.parse(json) as { Contact: number; Lead: number };
}

/**
 * The Webex Admin tab of an org that just installed the package: the org setup script's users, none of whom holds
 * Cisco Webex User yet (an installed package's permission sets are assigned to nobody).
 */
async function openFreshOrg(lang: 'en' | 'fr' = 'en'): Promise<void> {
    await resetStory(h, ADMIN_TAB, lang);
    for (const user of h.workbench.org.records.list('User'))
        await control('unassign', { permissionSet: 'Cisco_Webex_User', user: user.Id });
    await h.page.reload();
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
            await openFreshOrg();
            await summaryReads(FRESH);
            assert.equal(await summaryIcon(), 'utility:error', 'the summary shows the worst');
            assert.equal(await statusOf('webexToken'), 'utility:error');
            assert.equal(await statusOf('webhooks'), 'utility:help');
            assert.equal(await statusOf('webhookSite'), 'utility:error');
            assert.equal(await statusOf('salesforceAuthorization'), 'utility:error');
            assert.equal(await statusOf('callEventChannel'), 'utility:help', 'looked up with the authorization');
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
            assert.equal(
                await row('userPermissionSet')
                    .getByRole('button', { name: /^Go to/ })
                    .count(),
                0,
                'assigning a permission set is done in Setup: no section of the tab is offered'
            );
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
            await openFreshOrg();
            await summaryReads(FRESH);
            await setUpEverything();
            await runCheck();
            await summaryReads('All checks passed');
            for (const id of [
                'webexToken',
                'webhooks',
                'webhookSite',
                'salesforceAuthorization',
                'callEventChannel',
                'adminPermissionSet',
                'userPermissionSet',
                'platformEvents',
                'callEvents',
                'recentErrors',
                'phoneKeys'
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
            await row('callEventChannel')
                .getByText(/The Streaming Channel \/u\/WebexCallEvents exists/)
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

    it('tells a warning (something to look at) from a problem (something that does not work)', () =>
        story(h, 'health-warning-not-problem', async () => {
            await openFreshOrg();
            await setUpEverything();
            await runCheck();
            await summaryReads('All checks passed');
            assert.equal(await summaryIcon(), 'utility:success');

            // An unexpected error was logged today: worth a look, but calls still work.
            await failUnexpectedly();
            await runCheck();
            assert.equal(await statusOf('recentErrors'), 'utility:warning');
            assert.equal(await summaryText(), 'No problems, 1 warning', 'a warning alone is no problem');
            assert.equal(await summaryIcon(), 'utility:warning');
            await sectionScreenshot(h, HEALTH_SECTION, 'health-warning-only');

            // Then someone deleted the call-event channel in Setup: no call pops up any more.
            h.workbench.org.streaming.channels.clear();
            await runCheck();
            assert.equal(await statusOf('callEventChannel'), 'utility:error');
            assert.equal(await summaryText(), '1 problem, 1 warning');
            assert.equal(await summaryIcon(), 'utility:error', 'the summary shows the worst');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('shows a webhook Webex disabled in red, and Re-activate turns it green', () =>
        story(h, 'health-reactivate', async () => {
            await openFreshOrg();
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
            await summaryReads('1 problem');
            assert.equal(await statusOf('webhooks'), 'utility:error');
            await row('webhooks')
                .getByText(/Webex disabled them after failed deliveries: updated/)
                .waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'health-webhook-inactive');
            await row('webhooks').getByRole('button', { name: 'Re-activate' }).click();
            await summaryReads('All checks passed');
            assert.equal(await statusOf('webhooks'), 'utility:success');
            assert.ok(
                h.workbench.emulator.state.webhooks.every((w) => w.status === 'active'),
                'Webex holds every webhook active again'
            );
            assert.deepEqual(h.pageErrors, []);
        }));

    it('shows a missing call-event channel in red, and Create channel creates it', () =>
        story(h, 'health-channel', async () => {
            await openFreshOrg();
            await setUpEverything();
            // Someone deleted the channel in Setup: dialers can no longer subscribe, no call pops up.
            h.workbench.org.streaming.channels.clear();
            await runCheck();
            await summaryReads('1 problem');
            assert.equal(await statusOf('callEventChannel'), 'utility:error');
            await row('callEventChannel')
                .getByText(/The Streaming Channel \/u\/WebexCallEvents does not exist/)
                .waitFor();
            await row('callEventChannel')
                .getByText(/Click Create channel/)
                .waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'health-channel-missing');

            await row('callEventChannel').getByRole('button', { name: 'Create channel' }).click();
            await summaryReads('All checks passed');
            assert.equal(await statusOf('callEventChannel'), 'utility:success');
            const channel = h.workbench.org.streaming.channelByName('/u/WebexCallEvents');
            assert.ok(channel, 'the channel exists again');
            assert.equal(
                await readApex(h.workbench, 'new WebexSetupStore().readCallEventChannelId()'),
                channel.Id,
                'its Id is stored'
            );
            assert.deepEqual(h.pageErrors, []);
        }));

    it("warns when today's platform-event deliveries reach 85 % of the cap", () =>
        story(h, 'health-events', async () => {
            await openFreshOrg();
            await summaryReads(FRESH);
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
            await summaryReads(FRESH_AND_A_WARNING);
            await sectionScreenshot(h, HEALTH_SECTION, 'health-events-85');
        }));

    it("warns when today's call-event deliveries reach 85 % of the Generic Streaming cap", () =>
        story(h, 'health-call-events', async () => {
            await openFreshOrg();
            await summaryReads(FRESH);
            await control('generic-streaming', { used: 170_000 });
            await runCheck();
            await summaryReads(FRESH_AND_A_WARNING);
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

    it('counts the unexpected errors of the last 24 hours and opens the Webex Error Log', () =>
        story(h, 'health-recent-errors', async () => {
            await openFreshOrg();
            await summaryReads(FRESH);
            assert.equal(await statusOf('recentErrors'), 'utility:success');
            await row('recentErrors').getByText('0 in the last 24 hours.').waitFor();
            // A request failed on something unexpected: its user read a reference, the details went to the log.
            await failUnexpectedly();
            await runCheck();
            await summaryReads(FRESH_AND_A_WARNING);
            assert.equal(await statusOf('recentErrors'), 'utility:warning');
            await row('recentErrors').getByText('1 in the last 24 hours.').waitFor();
            await row('recentErrors')
                .getByText(/read each error by its reference/)
                .waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'health-recent-errors');

            await row('recentErrors').getByRole('button', { name: 'Open the Webex Error Log' }).click();
            await h.page.waitForFunction(() => window.location.hash === '#/o/WebexErrorLog__c/list?filterName=All');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('counts Contacts and Leads saved before the package, and Fill phone keys keys them in the background', () =>
        story(h, 'health-phone-keys', async () => {
            await openFreshOrg();
            await summaryReads(FRESH);
            assert.equal(await statusOf('phoneKeys'), 'utility:success');
            // The sample Contacts and Leads as if they had been saved before the package was installed.
            await loadWithoutPhoneKeys(h.workbench);
            const { Contact: contacts, Lead: leads } = await withoutPhoneKeys();
            assert.ok(contacts > 0 && leads > 0, 'the sample data has numbers');
            await runCheck();
            await summaryReads(FRESH_AND_A_WARNING);
            assert.equal(await statusOf('phoneKeys'), 'utility:warning');
            await row('phoneKeys').getByText(`(Contacts: ${contacts}, Leads: ${leads})`, { exact: false }).waitFor();
            await row('phoneKeys')
                .getByText(/Each save runs your org's own automation on them/)
                .waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'health-phone-keys');

            await row('phoneKeys').getByRole('button', { name: 'Fill phone keys' }).click();
            await health()
                .getByRole('status')
                .getByText(/Filling phone keys in the background: Contacts, then Leads/)
                .waitFor();
            assert.equal(await statusOf('phoneKeys'), 'utility:warning', 'not checked again at once');
            await jobsSettled(h.workbench);
            await runCheck();
            await summaryReads(FRESH);
            assert.equal(await statusOf('phoneKeys'), 'utility:success');
            assert.deepEqual(await withoutPhoneKeys(), { Contact: 0, Lead: 0 }, 'every Contact and Lead keyed');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('speaks French', () =>
        story(h, 'health-french', async () => {
            await openFreshOrg('fr');
            await summaryReads('3 problèmes, 1 avertissement, 2 non vérifiés');
            await health().getByText('Contrôle de santé').first().waitFor();
            await row('webexToken').getByText("Aucun jeton d'accès Webex n'est enregistré.").waitFor();
            await row('webhookSite')
                .getByRole('button', { name: 'Ouvrir la section Site Webex pour les webhooks' })
                .waitFor();
            // The icon's text for screen readers; the visible word beside the title is hidden from them
            await row('webexToken').locator('lightning-icon .slds-assistive-text').getByText('Problème').waitFor();
            await row('webexToken').locator('[data-status]').getByText('Problème').waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'health-french');
            await screenshot(h, 'health-french-page');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('refuses a user without Webex Admin: the platform, before the package, as class security decides (Apex Developer Guide › Class Security)', () =>
        story(h, 'health-not-admin', async () => {
            await resetStory(h, ADMIN_TAB);
            const sam = seededUserId(h, 'sam.rep@acme-webex.example');
            const answer = await callApexAs(h, sam, 'WebexHealthCheckController.runHealthCheck');
            assert.equal(answer.status, 500);
            assert.equal(
                answer.message,
                "You do not have access to the Apex class named 'WebexHealthCheckController'."
            );
            // Given Webex Admin, the package's own check lets the same user through.
            await orgControl(h, 'assign', { permissionSet: 'Webex_Admin', user: sam });
            assert.equal((await callApexAs(h, sam, 'WebexHealthCheckController.runHealthCheck')).status, 200);
        }));
});
