/**
 * Issue 10 item 9: a French user's first hour. Camille's Salesforce is in French (language fr, locale
 * fr_FR): the app's navigation and the record's quick action show the labels the package ships in
 * French, as the org shows them; the Webex Admin tab says « Enregistrer les webhooks » (not « S'inscrire »,
 * "sign up", next to « Enregistrer », "Save"); numbers and dates are written as French writes them
 * (« 25 000 » with the narrow no-break space, « 17 mai 2025 »).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { ensureWebhookSite } from '../org/setup-apex.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { connectRep, prepareCallEvents } from './call-events.ts';
import { enableForAll } from './package-setup.ts';
import { sectionScreenshot } from './salesforce-authorization.ts';
import { orgControl } from './workbench-api.ts';

const SAM = 'sam.rep@acme-webex.example';
/** U+202F, the group separator Intl (CLDR) gives French numbers. */
const NNBSP = '\u202f';
const FRENCH_MONTHS = 'janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre';

let h: Harness;

const control = (path: string, body: unknown): Promise<void> => orgControl(h, path, body);

const nav = (): Locator => h.page.getByRole('navigation', { name: 'App navigation' });
const integration = (): Locator => h.page.locator('c-webex-admin-integration-settings');
const health = (): Locator => h.page.locator('c-webex-admin-health-check');

/** The text of an element as read on screen, spaces (but not no-break spaces) collapsed. */
async function textOf(locator: Locator): Promise<string> {
    return (await locator.innerText()).replace(/[ \t\n]+/g, ' ').trim();
}

describe('In French', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('labels the navigation and the Webex Admin tab as the package translates them', () =>
        story(h, 'french-navigation', async () => {
            await resetStory(h, '#/home', 'fr');
            for (const tab of ['Accueil', 'Contacts', 'Pistes', 'Comptes', 'Opportunités', 'Requêtes'])
                await nav().getByRole('link', { name: tab, exact: true }).waitFor();
            assert.equal(await nav().getByRole('link', { name: 'Webex Admin', exact: true }).count(), 0);
            // The Home page's own words are French too, with the tabs' French labels as its links.
            await h.page.getByText("Configurez le package dans l'onglet Administration Webex.").waitFor();
            await h.page.getByText('Ouvrez ensuite Contacts ou Pistes.').waitFor();
            await nav().getByRole('link', { name: 'Administration Webex', exact: true }).click();
            await h.page.waitForFunction(() => window.location.hash === '#/n/Webex_Admin');
            await h.page.getByRole('heading', { name: 'Administration Webex' }).first().waitFor();
            assert.equal(
                await nav().getByRole('link', { name: 'Administration Webex' }).getAttribute('aria-current'),
                'page'
            );
            assert.deepEqual(h.pageErrors, []);
        }));

    it('registers the webhooks with « Enregistrer les webhooks », next to « Enregistrer »', () =>
        story(h, 'french-register', async () => {
            await resetStory(h, '#/home', 'fr');
            // The webhook site as Create Site leaves it (its own story is webhook-site's).
            await ensureWebhookSite(h.workbench.org, h.workbench.apex);
            await nav().getByRole('link', { name: 'Administration Webex', exact: true }).click();
            await integration().getByText("Paramètres de l'intégration Webex").first().waitFor();
            // The help says which button does what, with the buttons' own names.
            await integration()
                .getByText(/puis cliquez sur Enregistrer\. Enregistrer les webhooks crée les webhooks/)
                .waitFor();
            await integration()
                .getByLabel(/^Jeton d'accès/)
                .first()
                .fill(h.workbench.emulator.state.users[0].accessToken);
            await integration().getByRole('button', { name: 'Enregistrer', exact: true }).click();
            await integration().getByText('Avery Admin').first().waitFor();
            assert.equal(await integration().getByRole('button', { name: "S'inscrire" }).count(), 0);

            // When the token was checked: a date in French (« 17 mai 2025 à 14:03 »), not "May 17, 2025".
            const verified = integration().locator('lightning-formatted-date-time').first();
            await verified.waitFor();
            const when = await textOf(verified);
            assert.match(when, new RegExp(`^\\d{1,2} (${FRENCH_MONTHS}) \\d{4}`), `a French date: ${when}`);

            await integration().getByRole('button', { name: 'Enregistrer les webhooks', exact: true }).click();
            await integration().getByText('Webhooks enregistrés : ils sont en place dans Webex.').waitFor();
            assert.equal(h.workbench.emulator.state.webhooks.length, 3);
            await screenshot(h, 'french-admin');
            await sectionScreenshot(h, 'c-webex-admin-integration-settings', 'french-admin-integration');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('writes the health check counts as French writes numbers (« 21 250 sur 25 000 »)', () =>
        story(h, 'french-numbers', async () => {
            await resetStory(h, '#/n/Webex_Admin', 'fr');
            await control('platform-events', { used: 21_250 });
            await health().getByRole('button', { name: 'Lancer le contrôle' }).click();
            const row = health().locator('li[data-check="platformEvents"]');
            await row.locator('[data-detail]').waitFor();
            const detail = await textOf(row.locator('[data-detail]'));
            assert.ok(
                detail.startsWith(`21${NNBSP}250 sur 25${NNBSP}000 utilisées (85 %)`),
                `French digits grouping, not "21,250 sur 25,000": ${JSON.stringify(detail)}`
            );
            await sectionScreenshot(h, 'c-webex-admin-health-check', 'french-admin-health');
            assert.deepEqual(h.pageErrors, []);
        }));

    it("names Make a Call « Passer un appel » on a Contact's highlights panel, as the package translates it", () =>
        story(h, 'french-quick-action', async () => {
            await resetStory(h, '#/home', 'fr');
            await nav().getByRole('link', { name: 'Contacts', exact: true }).click();
            await h.page.getByRole('link', { name: 'Olivia Martin', exact: true }).click();
            await h.page.getByRole('heading', { name: 'Olivia Martin' }).waitFor();
            assert.equal(await h.page.getByRole('button', { name: 'Make a Call' }).count(), 0);
            await h.page.getByRole('button', { name: 'Passer un appel', exact: true }).click();
            const dialog = h.page.getByRole('dialog', { name: 'Passer un appel' });
            await dialog.getByRole('heading', { name: 'Passer un appel' }).waitFor();
            await dialog.getByRole('button', { name: 'Annuler' }).click();
            await dialog.waitFor({ state: 'detached' });
            assert.deepEqual(h.pageErrors, []);
        }));

    it("shows a French rep's dialer and recent calls in French, dates included", () =>
        story(h, 'french-dialer', async () => {
            await resetStory(h, `&user=${SAM}#/home`, 'fr');
            await prepareCallEvents(h.workbench);
            await enableForAll(h.workbench, 'CallHistory');
            await connectRep(h.workbench, SAM);
            await h.page.reload();
            await h.page.getByRole('button', { name: 'Webex', exact: true }).click();
            const dialer = h.page.locator('[data-panel="webexDialer"] c-webex-calling');
            await dialer.getByRole('button', { name: 'Appeler', exact: true }).waitFor();
            await dialer.getByText('Récents', { exact: true }).click();
            const recent = dialer.locator('c-webex-call-history-list');
            await recent
                .getByRole('button', { name: /^Rappeler / })
                .first()
                .waitFor();
            const when = await textOf(recent.locator('lightning-formatted-date-time').first());
            // « 12 mai, 09:41 »: the day before the month, a 24-hour clock.
            assert.match(when, /^\d{1,2} [a-zéû]+\.?,? (à )?\d{2}:\d{2}$/u, `a French date and time: ${when}`);
            await screenshot(h, 'french-dialer');
            assert.deepEqual(h.pageErrors, []);
        }));
});
