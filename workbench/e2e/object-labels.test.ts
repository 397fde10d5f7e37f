/**
 * Object names come from the schema, not from the package's labels (issue 11): in an org whose administrator
 * renamed Lead (Setup > Rename Tabs and Labels), the Health check and Webex People Search name it as the org does,
 * in English and in French (each language renamed on its own, as Salesforce keeps one label per language).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { markSavedBeforeInstall, withoutPhoneKeys } from '../org/apex/phone-keys.ts';
import { closeHarness, openHarness, resetStory, story, type Harness } from './browser.ts';
import { ADMIN_TAB, sectionScreenshot } from './salesforce-authorization.ts';
import { orgControl } from './workbench-api.ts';

const HEALTH_SECTION = 'c-webex-admin-health-check';
const PEOPLE_SECTION = 'c-webex-admin-people-search';
let h: Harness;

const health = () => h.page.locator(HEALTH_SECTION);
const people = () => h.page.locator(PEOPLE_SECTION);
const phoneKeys = () => health().locator('li[data-check="phoneKeys"]');

/** A fresh org in `lang` whose administrator renamed Lead, then the Webex Admin tab loaded again. */
async function withLeadRenamed(lang: 'en' | 'fr', label: string, labelPlural: string): Promise<void> {
    await resetStory(h, ADMIN_TAB, lang);
    await orgControl(h, 'object-label', { object: 'Lead', label, labelPlural, language: lang });
    // The sample Contacts and Leads as if saved before the package: the check then names both objects.
    assert.ok(markSavedBeforeInstall(h.workbench.org) > 0, 'the sample data has numbers');
    await h.page.reload();
    await health().locator('[data-summary]').waitFor();
    await health().locator('[data-busy]').waitFor({ state: 'detached' });
}

describe('Object names as the org labels them', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('names a renamed Lead by its new name in the Health check and Webex People Search', () =>
        story(h, 'object-labels-english', async () => {
            await withLeadRenamed('en', 'Prospect', 'Prospects');
            const contacts = withoutPhoneKeys(h.workbench.org, 'Contact', 1000).missing;
            const prospects = withoutPhoneKeys(h.workbench.org, 'Lead', 1000).missing;

            await phoneKeys().getByText('Phone keys of Contacts and Prospects').waitFor();
            await phoneKeys().getByText(`(Contacts: ${contacts}, Prospects: ${prospects})`, { exact: false }).waitFor();
            await phoneKeys().getByText('in the background, Contacts then Prospects,', { exact: false }).waitFor();
            assert.equal(
                await health()
                    .getByText(/\bLeads?\b/)
                    .count(),
                0,
                'Lead is never named by its old name'
            );
            await phoneKeys().getByRole('button', { name: 'Fill phone keys' }).click();
            await health()
                .getByRole('status')
                .getByText(/Filling phone keys in the background: Contacts, then Prospects\./)
                .waitFor();
            await sectionScreenshot(h, HEALTH_SECTION, 'object-labels-health');

            await people()
                .getByText('Until you save, every search looks in Contacts and Prospects.', { exact: false })
                .waitFor();
            await people().getByRole('columnheader', { name: 'Prospects' }).waitFor();
            await people().getByRole('checkbox', { name: 'Dialer search: Prospects', exact: true }).waitFor();
            assert.equal(
                await people()
                    .getByText(/\bLeads?\b/)
                    .count(),
                0,
                'Lead is never named by its old name'
            );
            await sectionScreenshot(h, PEOPLE_SECTION, 'object-labels-people-search');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('names it by the French name the org gave it, for a French user', () =>
        story(h, 'object-labels-french', async () => {
            await withLeadRenamed('fr', 'Client potentiel', 'Clients potentiels');
            const contacts = withoutPhoneKeys(h.workbench.org, 'Contact', 1000).missing;
            const prospects = withoutPhoneKeys(h.workbench.org, 'Lead', 1000).missing;

            await phoneKeys().getByText('Clés téléphoniques : Contacts et Clients potentiels').waitFor();
            await phoneKeys()
                .getByText(`(Contacts : ${contacts}, Clients potentiels : ${prospects})`, { exact: false })
                .waitFor();
            assert.equal(
                await health()
                    .getByText(/\b[Pp]istes?\b/)
                    .count(),
                0,
                'Lead is never named « Piste »'
            );
            await phoneKeys().getByRole('button', { name: 'Remplir les clés téléphoniques' }).click();
            await health()
                .getByRole('status')
                .getByText(/en arrière-plan : Contacts, puis Clients potentiels\./)
                .waitFor();

            await people()
                .getByText('chaque recherche porte sur les Contacts et les Clients potentiels.', { exact: false })
                .waitFor();
            await people().getByRole('columnheader', { name: 'Clients potentiels' }).waitFor();
            assert.equal(
                await people()
                    .getByText(/\b[Pp]istes?\b/)
                    .count(),
                0,
                'Lead is never named « Piste »'
            );
            await sectionScreenshot(h, PEOPLE_SECTION, 'object-labels-people-search-french');
            assert.deepEqual(h.pageErrors, []);
        }));
});
