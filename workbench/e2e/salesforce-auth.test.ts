/**
 * Stories of "Salesforce Authorization" (A4) in Chromium, against the emulated org's OAuth server and
 * Visualforce page: what an administrator sees at each step, and what ends up stored (or, on every
 * failure, that nothing does).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WORKBENCH_EXTERNAL_CLIENT_APP, WORKBENCH_LEGACY_CONNECTED_APP } from '../org/salesforce-platform.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import {
    ADMIN_TAB,
    answerConsent,
    authSection,
    authorizeThroughConsent,
    callApexAs,
    finishAuthorization,
    pkceChallengeFor,
    pkceVerifierFor,
    storedRefreshToken,
    returnToAdmin,
    AUTH_SECTION,
    sectionScreenshot,
    seededUserId,
    startAuthorization,
    storedRows
} from './salesforce-authorization.ts';
import { readApex } from './package-setup.ts';

const AUTHORIZED_ROWS = ['SalesforceConsumerKey', 'SalesforceConsumerSecret', 'SalesforceRefreshToken'];
let h: Harness;

// The access token cached by whatever called Salesforce after the authorization (the site section's
// check creates the call-event channel) is not part of what the authorization stores.
const salesforceRows = async (): Promise<string[]> =>
    (await storedRows(h)).filter((row) => row.startsWith('Salesforce') && row !== 'SalesforceAccessToken');
const alert = (text: string | RegExp) => h.page.getByRole('alert').filter({ hasText: text }).first();

describe('Salesforce Authorization', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('authorizes through the consent page and shows "Authorized as Avery Admin", never the secrets', () =>
        story(h, 'sfauth-allow', async () => {
            await resetStory(h, ADMIN_TAB);
            const section = authSection(h);
            await section.getByText('Not authorized yet').waitFor();
            const callbacks = await section.locator('[data-callback-urls] code').allTextContents();
            assert.deepEqual(callbacks, [`${h.workbench.url}/apex/webexsfdcauth`], 'the callback URL to paste');
            await section.locator('[data-remote-site]').getByText(h.workbench.url).waitFor();
            await section.getByText('In Setup, enter External Client App Manager in Quick Find').waitFor();
            await section.getByText('"Manage user data via APIs (api)" and "Perform requests at any time').waitFor();
            await section.getByText('Already set up the connected app "Webex Salesforce Authorization"').waitFor();
            await sectionScreenshot(h, AUTH_SECTION, 'sfauth-section-before');

            await startAuthorization(h);
            const consent = new URL(h.page.url());
            assert.equal(consent.searchParams.get('scope'), 'api refresh_token', 'the least scopes, not full');
            assert.equal(consent.searchParams.get('redirect_uri'), `${h.workbench.url}/apex/webexsfdcauth`);
            const state = String(consent.searchParams.get('state'));
            const verifier = await pkceVerifierFor(h, state, WORKBENCH_EXTERNAL_CLIENT_APP.consumerSecret);
            assert.equal(
                consent.searchParams.get('code_challenge'),
                pkceChallengeFor(verifier),
                'PKCE, which the External Client App requires'
            );
            assert.equal(consent.searchParams.get('code_challenge_method'), 'S256');
            assert.ok(
                !consent.search.includes(WORKBENCH_EXTERNAL_CLIENT_APP.consumerSecret),
                'the secret stays server-side'
            );
            await h.page.getByText('Webex Salesforce Authorization is asking').waitFor();
            await screenshot(h, 'sfauth-consent');

            await answerConsent(h, 'Allow');
            assert.deepEqual(
                await salesforceRows(),
                ['SalesforcePendingConsumerKey', 'SalesforcePendingConsumerSecret', 'SalesforcePendingState'],
                'loading the page changes nothing yet'
            );
            await h.page.getByText('Click Finish Authorization to let the package act as Avery Admin').waitFor();
            await finishAuthorization(h);
            await h.page.getByRole('status').getByText('the package now acts as Avery Admin').waitFor();
            await screenshot(h, 'sfauth-vf-success');

            await returnToAdmin(h);
            await section.getByText('Authorized as Avery Admin').waitFor();
            await section.getByText('Salesforce authorization completed').waitFor();
            await section.getByText('avery.admin@acme-webex.example.wb').waitFor();
            assert.deepEqual(await salesforceRows(), AUTHORIZED_ROWS, 'key, secret and refresh token are stored');
            const refreshToken = (await storedRefreshToken(h)) ?? '';
            assert.ok(h.workbench.org.salesforce.refreshTokens.has(refreshToken), 'a refresh token Salesforce issued');
            const html = await h.page.content();
            assert.ok(
                !html.includes(WORKBENCH_EXTERNAL_CLIENT_APP.consumerSecret),
                'the secret is nowhere in the page'
            );
            const exchange = h.workbench.org.salesforce.requests.find(
                (r) => r.form?.grant_type === 'authorization_code'
            );
            assert.equal(exchange?.form?.code_verifier, verifier, 'the verifier of the challenge sent');
            assert.ok(!html.includes(refreshToken), 'nor is the refresh token');
            await sectionScreenshot(h, AUTH_SECTION, 'sfauth-authorized');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('says access was denied, on the page and in the section, and stores nothing', () =>
        story(h, 'sfauth-deny', async () => {
            await resetStory(h, ADMIN_TAB);
            await startAuthorization(h);
            await answerConsent(h, 'Deny');
            await alert('Access was denied on the Salesforce consent page').waitFor();
            assert.equal(
                await h.page.getByRole('button', { name: 'Finish Authorization' }).count(),
                0,
                'nothing to finish'
            );
            await screenshot(h, 'sfauth-vf-denied');
            await returnToAdmin(h);
            await alert('Access was denied on the Salesforce consent page').waitFor();
            await authSection(h).getByText('Not authorized yet').waitFor();
            assert.deepEqual(await salesforceRows(), [], 'nothing stored, not even the pending key and secret');
            await sectionScreenshot(h, AUTH_SECTION, 'sfauth-section-denied');
        }));

    it('says the consumer secret was refused, and stores nothing', () =>
        story(h, 'sfauth-wrong-secret', async () => {
            await resetStory(h, ADMIN_TAB);
            await startAuthorization(h, { consumerSecret: 'not-the-consumer-secret' });
            await answerConsent(h, 'Allow');
            await finishAuthorization(h);
            await alert('Salesforce refused the consumer key or secret (invalid_client)').waitFor();
            await returnToAdmin(h);
            await alert('Salesforce refused the consumer key or secret (invalid_client)').waitFor();
            assert.deepEqual(await salesforceRows(), []);
        }));

    it('refuses an answer whose state was tampered with, without using its code', () =>
        story(h, 'sfauth-state-tampered', async () => {
            await resetStory(h, ADMIN_TAB);
            await startAuthorization(h);
            await answerConsent(h, 'Allow');
            const tampered = new URL(h.page.url());
            tampered.searchParams.set('state', 'f'.repeat(64));
            await h.page.goto(tampered.toString());
            await alert('does not match an authorization started from Webex Admin').waitFor();
            assert.equal(await h.page.getByRole('button', { name: 'Finish Authorization' }).count(), 0);
            await returnToAdmin(h);
            await alert('does not match an authorization started from Webex Admin').waitFor();
            const exchanges = h.workbench.org.salesforce.requests.filter((r) => r.path === '/services/oauth2/token');
            assert.equal(exchanges.length, 0, 'the code is never exchanged');
            assert.deepEqual(await salesforceRows(), []);
        }));

    it('keeps an existing connected app working once it offers api, and says so until then', () =>
        story(h, 'sfauth-existing-connected-app', async () => {
            await resetStory(h, ADMIN_TAB);
            const legacy = WORKBENCH_LEGACY_CONNECTED_APP;
            h.workbench.org.salesforce.connectedApp = { ...legacy, callbackUrls: [] };
            const credentials = { consumerKey: legacy.consumerKey, consumerSecret: legacy.consumerSecret };

            // Set up with "Full access (full)" only: Salesforce refuses the scopes before any consent.
            await startAuthorization(h, credentials, /\/apex\/webexsfdcauth\?.*error=invalid_scope/);
            await alert('The app does not offer the scopes the package asks for (invalid_scope)').waitFor();
            await returnToAdmin(h);
            await alert('Add "Manage user data via APIs (api)"').waitFor();
            assert.deepEqual(await salesforceRows(), [], 'nothing stored');

            // The administrator adds api to the connected app, as the section says: it works, PKCE or not.
            h.workbench.org.salesforce.connectedApp.scopes = [...legacy.scopes, 'api'];
            await startAuthorization(h, credentials);
            await answerConsent(h, 'Allow');
            await finishAuthorization(h);
            await returnToAdmin(h);
            await authSection(h).getByText('Authorized as Avery Admin').waitFor();
            assert.deepEqual(await salesforceRows(), AUTHORIZED_ROWS);
            assert.equal(
                await readApex(h.workbench, 'new WebexSalesforceAuthStore().readSalesforceAuthorization().consumerKey'),
                legacy.consumerKey
            );
        }));

    it('revokes the authorization with Salesforce and forgets it', () =>
        story(h, 'sfauth-revoke', async () => {
            await resetStory(h, ADMIN_TAB);
            await authorizeThroughConsent(h);
            const section = authSection(h);
            await section.getByText('Authorized as Avery Admin').waitFor();
            await section.getByRole('button', { name: 'Revoke' }).click();
            await section.getByText('Authorization revoked.').waitFor();
            await section.getByText('Not authorized yet').waitFor();
            assert.deepEqual(await salesforceRows(), []);
            assert.equal(h.workbench.org.salesforce.refreshTokens.size, 0, 'Salesforce revoked the refresh token');
            assert.ok(
                !(await storedRows(h)).includes('SalesforceAccessToken'),
                'the cached access token is forgotten too'
            );
            await sectionScreenshot(h, AUTH_SECTION, 'sfauth-revoked');
        }));

    it('names the URL to add to Remote Site Settings when the My Domain cannot be called', () =>
        story(h, 'sfauth-remote-site', async () => {
            await resetStory(h, ADMIN_TAB);
            h.workbench.org.salesforce.myDomainRemoteSite = false;
            await startAuthorization(h);
            await answerConsent(h, 'Allow');
            await finishAuthorization(h);
            await alert(`Salesforce could not be reached at ${h.workbench.url}`).waitFor();
            await returnToAdmin(h);
            await alert('Remote Site Settings').waitFor();
            assert.deepEqual(await salesforceRows(), []);
        }));

    it('speaks French, on the tab and on the Visualforce page', () =>
        story(h, 'sfauth-french', async () => {
            await resetStory(h, ADMIN_TAB, 'fr');
            const section = authSection(h);
            await section.getByText('Autorisation Salesforce', { exact: true }).first().waitFor();
            await section.getByText('Vous venez de la version 1.18 ou antérieure').click();
            await section.getByText("Informations d'identification nommées : supprimez").waitFor();
            await section.getByText("Configurer l'application client externe").waitFor();
            await section.getByText('« Gérer les données utilisateur via les API (api) »').first().waitFor();
            await sectionScreenshot(h, AUTH_SECTION, 'sfauth-fr');
            await startAuthorization(h);
            await answerConsent(h, 'Deny');
            await alert("L'accès a été refusé sur la page de consentement Salesforce").waitFor();
            await returnToAdmin(h);
            await alert("L'accès a été refusé").waitFor();
        }));

    it('refuses a user without the Webex Admin permission set, in the section and on the server', () =>
        story(h, 'sfauth-not-admin', async () => {
            await resetStory(h, ADMIN_TAB);
            const sam = seededUserId(h, 'sam.rep@acme-webex.example');
            await h.page.goto(`${h.workbench.url}/?lang=en&user=sam.rep@acme-webex.example${ADMIN_TAB}`);
            await authSection(h)
                .getByRole('alert')
                .filter({ hasText: 'You need the Webex Admin permission set' })
                .waitFor();
            for (const method of ['getAuthorizationStatus', 'startAuthorization', 'revokeAuthorization']) {
                const answer = await callApexAs(h, sam, `WebexSalesforceAuthController.${method}`, {
                    consumerKey: 'key',
                    consumerSecret: 'secret'
                });
                // Class security: the platform refuses before the package's own check (Apex Developer Guide › Class Security).
                assert.equal(
                    answer.message,
                    "You do not have access to the Apex class named 'WebexSalesforceAuthController'.",
                    `${method} refuses Sam`
                );
            }
            assert.deepEqual(await salesforceRows(), []);
        }));
});
