/**
 * Story of the administrator setting up "Webex integration for users" (Webex Integration Settings) in
 * Chromium: made-up values are checked with Webex (the emulator's token endpoint answers
 * `invalid_client` for a client it does not know and `invalid_grant` for a client it knows with a code it
 * never issued) and refused, the message under the field that is wrong, what was typed kept; the
 * integration registered in Webex is accepted.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import path from 'node:path';
import { ARTIFACTS, closeHarness, openHarness, resetStory, story, type Harness } from './browser.ts';
import { storedCredentialRows } from './package-setup.ts';

const ADMIN_TAB = '#/n/Webex_Admin';
let h: Harness;

const section = () => h.page.locator('c-webex-admin-user-integration');
const clientId = () => section().getByLabel(/^Client ID/);
const clientSecret = () => section().getByLabel(/^Client secret/);
/** What a field of the section (by its label) says under it. */
const fieldSaying = (label: RegExp, text: string) =>
    section()
        .locator('lightning-input', { has: h.page.getByLabel(label) })
        .getByText(text, { exact: false });
/** The section's error, below the fields. */
const alertSaying = (text: string) => section().getByRole('alert').getByText(text, { exact: false });

/** Webex refused one field: the field says so, the alert says why. */
async function refused(label: RegExp, why: string): Promise<void> {
    await alertSaying(why).waitFor();
    await fieldSaying(label, 'Webex refused this value.').waitFor();
}

async function useThisIntegration(): Promise<void> {
    await section().getByRole('button', { name: 'Use this integration' }).click();
}

/** The token requests the org sent Webex, as the emulator received them. */
function tokenRequests(): Array<Record<string, string>> {
    return h.workbench.emulator.state.requests
        .filter((r) => r.method === 'POST' && r.path === '/v1/access_token')
        .map((r) =>
            typeof r.body === 'string'
                ? Object.fromEntries(new URLSearchParams(r.body))
                : Object.fromEntries(Object.entries((r.body ?? {}) as object).map(([k, v]) => [k, String(v)]))
        );
}

describe('Webex integration for users', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('checks the client ID and secret with Webex, says which one is wrong, and keeps what was typed', () =>
        story(h, 'user-integration-check', async () => {
            await resetStory(h, ADMIN_TAB);
            const [integration] = h.workbench.emulator.state.oauth.integrations;
            await section().getByText('Not set up yet: reps cannot connect their Webex account.').waitFor();

            // Made up: Webex does not know the client ID.
            await clientId().fill('my-client-id');
            await clientSecret().fill('my-secret');
            await useThisIntegration();
            await refused(/^Client ID/, 'Webex does not know this client ID');
            assert.equal(await fieldSaying(/^Client secret/, 'Webex refused').count(), 0, 'the secret is not blamed');
            assert.equal(await section().getByText('reps can now connect', { exact: false }).count(), 0);
            assert.equal(await clientId().inputValue(), 'my-client-id', 'the client ID typed stays');
            assert.equal(await clientSecret().inputValue(), 'my-secret', 'the secret typed stays');
            await section().getByText('Not set up yet: reps cannot connect their Webex account.').waitFor();
            await section().screenshot({ path: path.join(ARTIFACTS, 'user-integration-client-id-wrong.png') });
            const [check] = tokenRequests();
            assert.equal(check?.grant_type, 'authorization_code', 'Webex was asked with a code grant');
            assert.equal(check?.client_id, 'my-client-id');
            assert.ok(check?.code, 'and a code it never issued');

            // The right client ID, a made-up secret: the secret is wrong.
            await clientId().fill(integration.clientId);
            await useThisIntegration();
            await refused(/^Client secret/, 'Webex refused the client secret for this client ID');
            assert.equal(await fieldSaying(/^Client ID/, 'Webex refused').count(), 0, 'the client ID is right now');
            assert.deepEqual(await storedCredentialRows(h.workbench), [], 'nothing stored');

            // Both right: stored, and the secret field empties.
            await clientSecret().fill(integration.clientSecret);
            await useThisIntegration();
            await section()
                .getByText('Webex integration for users saved: reps can now connect their Webex account.')
                .waitFor();
            await section().getByText(`through the integration ${integration.clientId}`, { exact: false }).waitFor();
            assert.equal(await clientSecret().inputValue(), '');

            // Another client ID with the stored secret: the secret field asks for this integration's.
            const otherId = `C${'0'.repeat(64)}`;
            await clientId().fill(otherId);
            await useThisIntegration();
            await refused(/^Client secret/, 'Webex refused this client ID with the stored client secret');
            assert.equal(await clientId().inputValue(), otherId, 'the client ID typed stays');
            await section().getByText(`through the integration ${integration.clientId}`, { exact: false }).waitFor();
            await section().screenshot({ path: path.join(ARTIFACTS, 'user-integration-stored-secret-wrong.png') });
            assert.deepEqual(h.pageErrors, []);
        }));
});
