/**
 * Object names come from the schema, not from the package's labels (issue 11): in an org whose administrator
 * renamed Lead (Setup > Rename Tabs and Labels), the Health check and Webex People Search name it as the org does,
 * in English and in French (each language renamed on its own, as Salesforce keeps one label per language); so does
 * Sam's dialer, in its number field, its search results and the buttons that create the caller's record.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { markSavedBeforeInstall, withoutPhoneKeys } from '../org/apex/phone-keys.ts';
import { connectRep, prepareCallEvents } from '../org/site/call-event-fixtures.ts';
import { closeHarness, openHarness, resetStory, story, type Harness } from './browser.ts';
import { ADMIN_TAB, sectionScreenshot } from './salesforce-authorization.ts';
import {
    KNOWN_BASE_COMPONENT_ERROR,
    dialerListening,
    emulatorRequest,
    orgControl,
    trackStreams
} from './workbench-api.ts';

const HEALTH_SECTION = 'c-webex-admin-health-check';
const PEOPLE_SECTION = 'c-webex-admin-people-search';
const SAM = 'sam.rep@acme-webex.example';
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
        // Sam's dialer story waits until the dialer listens for calls.
        await trackStreams(h.page);
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

    it("names a renamed Lead by its new name in Sam's dialer: the number field, the results, New Prospect", () =>
        story(h, 'object-labels-dialer', async () => {
            await resetStory(h, `&user=${SAM}#/home`, 'en');
            prepareCallEvents(h.workbench);
            await connectRep(h.workbench, SAM);
            await orgControl(h, 'object-label', {
                object: 'Lead',
                label: 'Prospect',
                labelPlural: 'Prospects',
                language: 'en'
            });
            await h.page.reload();
            await h.page.getByRole('button', { name: 'Webex', exact: true }).click();
            const dialer = h.page.locator('[data-panel="webexDialer"] c-webex-calling');
            const number = dialer.getByLabel('Number or name');
            await dialer.getByPlaceholder('Type a number, or a name (Contacts, Prospects)', { exact: true }).waitFor();

            await number.fill('Olivia');
            await dialer.getByRole('list', { name: 'Contacts and Prospects', exact: true }).waitFor();
            await sectionScreenshot(h, '[data-panel="webexDialer"]', 'object-labels-dialer');

            await number.fill('');
            await dialerListening(h.page);
            await emulatorRequest(h, 'POST', '/_emulator/calls/inbound', { to: SAM, from: '+14155550123' });
            const banner = dialer.locator('c-webex-incoming-call');
            await banner.getByText('No one in Contacts or Prospects has this number.').waitFor();
            await banner.getByRole('button', { name: 'New Prospect', exact: true }).waitFor();
            await banner.getByRole('button', { name: 'New Contact', exact: true }).waitFor();
            assert.equal(await dialer.getByText(/\bLeads?\b/).count(), 0, 'Lead is never named by its old name');
            assert.deepEqual(
                h.pageErrors.filter((error) => error !== KNOWN_BASE_COMPONENT_ERROR),
                []
            );
        }));
});
