/**
 * Stories of "Webex Integration Settings" (A3) in Chromium, against the emulated org and the Webex
 * emulator: what an administrator sees and what ends up stored and registered.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureWebhookSite } from '../org/setup-apex.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { storedCredentialRows } from './package-setup.ts';

const ADMIN_TAB = '#/n/Webex_Admin';
let h: Harness;
let adminToken: string;

const tokenField = () => h.page.getByLabel(/^(Access Token|Jeton d'accès)/).first();
/** The Integration Settings section: the shell's header also shows a name, so look only here. */
const section = () => h.page.locator('c-webex-admin-integration-settings');
/** A button of this section: other sections of the tab have their own Save. */
const button = (name: RegExp) => section().getByRole('button', { name });

async function save(token: string): Promise<void> {
    await tokenField().fill(token);
    await button(/^(Save|Enregistrer)$/).click();
}

describe('Webex Integration Settings', () => {
    before(async () => {
        h = await openHarness();
        adminToken = h.workbench.emulator.state.users[0].accessToken;
    });
    after(() => closeHarness(h));

    it('saves a valid token, shows whose it is, and never returns the token to the page', () =>
        story(h, 'save-valid-token', async () => {
            await resetStory(h, ADMIN_TAB);
            await h.page.getByText('Webex Integration Settings').first().waitFor();
            await save(adminToken);
            await section().getByText('Avery Admin').first().waitFor();
            await section().getByText('avery.admin@acme-webex.example').first().waitFor();
            assert.deepEqual(await tokenField().inputValue(), '', 'the field is cleared once the token is stored');
            assert.ok(!(await h.page.content()).includes(adminToken), 'the stored token is nowhere in the page');
            assert.deepEqual(await storedCredentialRows(h.workbench), ['AdminAccessToken']);
            await screenshot(h, 'integration-settings-saved');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('registers one webhook per telephony event with a secret, and registering again keeps one each', () =>
        story(h, 'register', async () => {
            await resetStory(h, ADMIN_TAB);
            const siteUrl = await ensureWebhookSite(h.workbench.org, h.workbench.apex);
            await save(adminToken);
            await section().getByText('Avery Admin').first().waitFor();
            await button(/^(Register|S'inscrire)$/).click();
            await h.page
                .getByText(/Registration successful/)
                .first()
                .waitFor();
            await button(/^(Register|S'inscrire)$/).click();
            await h.page
                .getByText(/Registration successful/)
                .first()
                .waitFor();
            const hooks = h.workbench.emulator.state.webhooks;
            assert.deepEqual(hooks.map((w) => w.event).sort(), ['created', 'deleted', 'updated']);
            assert.ok(
                hooks.every(
                    (w) =>
                        w.resource === 'telephony_calls' &&
                        w.targetUrl === `${siteUrl}/services/apexrest/webex/webhooks`
                )
            );
            assert.ok(
                hooks.every((w) => /^[0-9a-f]{64}$/.test(w.secret ?? '')),
                'each webhook carries the generated secret'
            );
            for (const hook of hooks) await h.page.getByText(hook.name).first().waitFor();
            await screenshot(h, 'integration-settings-registered');
        }));

    it('refuses an invalid token with the message to copy a new one, stores nothing and keeps what was typed', () =>
        story(h, 'invalid-token', async () => {
            await resetStory(h, ADMIN_TAB);
            await save('not-a-webex-token');
            const alert = h.page.getByRole('alert').filter({ hasText: 'The access token is invalid or expired' });
            await alert.first().waitFor();
            assert.equal(await tokenField().inputValue(), 'not-a-webex-token');
            assert.deepEqual(await storedCredentialRows(h.workbench), []);
        }));

    it('retries after Retry-After when Webex rate-limits, then saves', () =>
        story(h, 'rate-limited', async () => {
            await resetStory(h, ADMIN_TAB);
            h.workbench.emulator.state.faults.push({ path: '/v1/people/me', status: 429, retryAfter: 1, times: 2 });
            await save(adminToken);
            await section().getByText('Avery Admin').first().waitFor({ timeout: 15000 });
            const calls = h.workbench.emulator.state.requests.filter((r) => r.path === '/v1/people/me');
            assert.equal(calls.length, 3, 'two rate-limited attempts, then the one that succeeded');
        }));

    it('says to create the webhook site first and registers nothing', () =>
        story(h, 'no-site', async () => {
            await resetStory(h, ADMIN_TAB);
            await save(adminToken);
            await section().getByText('Avery Admin').first().waitFor();
            await button(/^(Register|S'inscrire)$/).click();
            await h.page.getByRole('alert').filter({ hasText: 'Create the webhook site first' }).first().waitFor();
            assert.equal(h.workbench.emulator.state.webhooks.length, 0);
        }));

    it('speaks French', () =>
        story(h, 'french', async () => {
            await resetStory(h, ADMIN_TAB, 'fr');
            await h.page.getByText("Paramètres de l'intégration Webex").first().waitFor();
            await save('not-a-webex-token');
            await h.page
                .getByRole('alert')
                .filter({ hasText: "Le jeton d'accès est invalide ou a expiré" })
                .first()
                .waitFor();
            await screenshot(h, 'integration-settings-fr');
        }));

    // Last story: it stops the Webex emulator for good.
    it('shows a readable error, not a blank area, when the Webex emulator stops while the page is open', () =>
        story(h, 'emulator-stopped', async () => {
            await resetStory(h, ADMIN_TAB);
            await ensureWebhookSite(h.workbench.org, h.workbench.apex);
            await save(adminToken);
            await section().getByText('Avery Admin').first().waitFor();
            await h.workbench.emulator.close();
            await button(/^(Register|S'inscrire)$/).click();
            await h.page.getByRole('alert').filter({ hasText: 'Salesforce could not connect to' }).first().waitFor();
            await section().getByText('Avery Admin').first().waitFor();
            await screenshot(h, 'integration-settings-webex-down');
            assert.deepEqual(h.pageErrors, [], 'no uncaught exception in the page');
        }));
});
