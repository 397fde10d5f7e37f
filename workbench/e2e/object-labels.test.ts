/**
 * Object names come from the schema, not from the package's labels (issue 11): in an org whose administrator
 * renamed Lead (Setup > Rename Tabs and Labels), the Health check and Webex People Search name it as the org does,
 * in English and in French (each language renamed on its own, as Salesforce keeps one label per language); so does
 * Sam's dialer, in its number field, its search results and the buttons that create the caller's record; so do the
 * call-log panel (what a lead's call cannot do, what More info needs and lists) and the calling admin's call-log
 * sections (the objects a log relates to, the More info tabs' account relationship field), where Account is renamed
 * too.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { closeHarness, openHarness, resetStory, story, type Harness } from './browser.ts';
import { connectRep, prepareCallEvents } from './call-events.ts';
import {
    enableForAll,
    insertCallLogTab,
    loadWithoutPhoneKeys,
    readApexJson,
    setCallLogObjects
} from './package-setup.ts';
import type { HostedCall } from './fixtures/lwc/wbCallLogHost/wbCallLogHost.ts';
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

type Rename = { object: string; label: string; labelPlural: string };

/** A fresh story in `lang` at `hash`, in an org whose administrator renamed `renames`, the page loaded again. */
async function withRenamed(hash: string, lang: 'en' | 'fr', renames: Rename[]): Promise<void> {
    await resetStory(h, hash, lang);
    for (const rename of renames) await orgControl(h, 'object-label', { ...rename, language: lang });
    await h.page.reload();
}

const callLogPanel = (): Locator => h.page.locator('section[data-panel="wbCallLogHost"] c-webex-call-log');

/** Sam's call-log panel for a call with `whoId` (the test host, as the dialer hosts it), logs on for everyone. */
async function openCallLog(whoId: string, heading: string, accounts: string): Promise<void> {
    await enableForAll(h.workbench, 'OutboundCallLog', 'InboundCallLog');
    await setCallLogObjects(h.workbench, 'Inbound', ['Account']);
    const call: Partial<HostedCall> = {
        callId: 'object-labels-call',
        direction: 'Inbound',
        phoneNumber: '+14155550123',
        whoId,
        // The dialer passes the objects' plural labels as the schema gives them.
        relatedObjects: [{ apiName: 'Account', label: accounts }]
    };
    await h.page.evaluate((hosted) => {
        (window as Window & { __wbCallLog?: unknown }).__wbCallLog = hosted;
    }, call);
    await h.page.getByRole('button', { name: 'Call log (test)' }).click();
    await callLogPanel().getByRole('heading', { name: heading }).waitFor();
}

/** What the dialer tells the panel: another caller. */
async function callerBecomes(whoId: string): Promise<void> {
    await h.page.evaluate((detail) => window.dispatchEvent(new CustomEvent('wb-call-log', { detail })), { whoId });
}

const LEAD_AND_ACCOUNT_EN: Rename[] = [
    { object: 'Lead', label: 'Prospect', labelPlural: 'Prospects' },
    { object: 'Account', label: 'Customer', labelPlural: 'Customers' }
];
const LEAD_AND_ACCOUNT_FR: Rename[] = [
    { object: 'Lead', label: 'Client potentiel', labelPlural: 'Clients potentiels' },
    { object: 'Account', label: 'Société', labelPlural: 'Sociétés' }
];

/** A fresh org in `lang` whose administrator renamed Lead, then the Webex Admin tab loaded again. */
async function withLeadRenamed(lang: 'en' | 'fr', label: string, labelPlural: string): Promise<void> {
    await resetStory(h, ADMIN_TAB, lang);
    await orgControl(h, 'object-label', { object: 'Lead', label, labelPlural, language: lang });
    // The sample Contacts and Leads as saved before the package (no trigger keyed them): the check names both.
    await loadWithoutPhoneKeys(h.workbench);
    for (const object of ['Contact', 'Lead']) {
        const unkeyed = await readApexJson<number>(
            h.workbench,
            `[SELECT COUNT() FROM ${object} WHERE WebexPhoneKey1__c = null AND Phone != null]`
        );
        assert.ok(unkeyed > 0, `sample ${object}s with numbers and no phone keys`);
    }
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

            await phoneKeys().getByText('Phone keys of Contacts and Prospects').waitFor();
            // How many is the Health check story's to check; here, what each count is named.
            await phoneKeys()
                .getByText(/\(Contacts: [1-9]\d*, Prospects: [1-9]\d*\)/)
                .waitFor();
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

            await phoneKeys().getByText('Clés téléphoniques : Contacts et Clients potentiels').waitFor();
            await phoneKeys()
                .getByText(/\(Contacts : [1-9]\d*, Clients potentiels : [1-9]\d*\)/)
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
            await prepareCallEvents(h.workbench);
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

    it('names a renamed Lead and Account by their new names in the call-log panel', () =>
        story(h, 'object-labels-call-log', async () => {
            await withRenamed(`&user=${SAM}#/home`, 'en', LEAD_AND_ACCOUNT_EN);
            const lead = h.workbench.org.records.list('Lead')[0];
            await openCallLog(lead.Id, 'Call log', 'Customers');
            await callLogPanel().getByText("Calls with Prospects can't be related to another record.").waitFor();
            await callLogPanel().getByRole('tab', { name: 'More info' }).click();
            await callLogPanel()
                .getByText(
                    "More info needs a caller who is one of your Contacts and belongs to one of your Customers: this caller isn't."
                )
                .waitFor();
            assert.equal(
                await callLogPanel()
                    .getByText(/\bleads?\b/i)
                    .count(),
                0,
                'Lead is never named by its old name'
            );

            // The dialer matches a contact whose account has no case, and the administrator configured a Case tab.
            const olivia = h.workbench.org.records.list('Contact').find((contact) => contact.Name === 'Olivia Martin');
            assert.ok(olivia, 'Olivia Martin');
            for (const each of h.workbench.org.records.list('Case').filter((c) => c.AccountId === olivia.AccountId))
                h.workbench.org.records.delete(each.Id);
            await insertCallLogTab(h.workbench, {
                objectApiName: 'Case',
                accountField: 'AccountId',
                fields: ['Subject']
            });
            await callerBecomes(olivia.Id);
            const cases = callLogPanel().locator('[data-section="Case"]');
            await cases.getByText("No records for the caller's Customer.").waitFor();
            assert.equal(
                await callLogPanel()
                    .getByText(/\baccounts?\b/i)
                    .count(),
                0,
                'nor Account by its old one'
            );
            await sectionScreenshot(h, 'section[data-panel="wbCallLogHost"]', 'object-labels-call-log');
            assert.deepEqual(h.pageErrors, []);
        }));

    it("names a renamed Account in the calling admin's call-log sections", () =>
        story(h, 'object-labels-calling-admin', async () => {
            await withRenamed(ADMIN_TAB, 'en', LEAD_AND_ACCOUNT_EN);
            const outbound = h.page.locator('[data-section="outboundCallLog"]');
            await outbound
                .getByText(
                    'No object chosen: call logs are related only to the person called, never to Customer, Case or Opportunity records.'
                )
                .waitFor();

            const tabs = h.page.locator('[data-section="callLogTabs"]');
            await tabs
                .getByText(
                    "Each tab shows, on the More info tab of the call-log panel, the records of one object that belong to the caller's Customer."
                )
                .waitFor();
            await tabs.getByRole('combobox', { name: 'Object' }).selectOption({ label: 'Case' });
            const accountField = tabs.getByRole('combobox', { name: 'Customer relationship field' });
            await accountField.waitFor();
            await tabs
                .getByText(
                    "The field that relates the object's records to Customer: the tab lists those of the caller's Customer."
                )
                .waitFor();
            await accountField.selectOption({ value: '' });
            await tabs.getByRole('button', { name: 'Save' }).click();
            await tabs.getByText('Choose the field that relates Case to Customer.').waitFor();

            await accountField.selectOption({ value: 'AccountId' });
            const fields = tabs.getByRole('group', { name: 'Fields', exact: true });
            await fields
                .getByRole('listbox', { name: 'Available', exact: true })
                .getByRole('option', { name: 'Subject' })
                .click();
            await fields.getByRole('button', { name: 'Move to Selected', exact: true }).click();
            await tabs.getByRole('button', { name: 'Save' }).click();
            await tabs.getByText('The Case tab was saved.').waitFor();
            await tabs.getByRole('columnheader', { name: 'Customer relationship field' }).waitFor();
            await sectionScreenshot(h, '[data-section="callLogTabs"]', 'object-labels-calling-admin');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('names them by the French names the org gave them, in the call log and the calling admin', () =>
        story(h, 'object-labels-call-log-french', async () => {
            await withRenamed(`&user=${SAM}#/home`, 'fr', LEAD_AND_ACCOUNT_FR);
            const lead = h.workbench.org.records.list('Lead')[0];
            await openCallLog(lead.Id, "Journal d'appel", 'Sociétés');
            await callLogPanel()
                .getByText(
                    'Les appels avec des Clients potentiels ne peuvent pas être associés à un autre enregistrement.'
                )
                .waitFor();
            assert.equal(
                await callLogPanel()
                    .getByText(/\bpistes?\b/i)
                    .count(),
                0,
                'Lead is never named « Piste »'
            );

            await withRenamed(ADMIN_TAB, 'fr', LEAD_AND_ACCOUNT_FR);
            const tabs = h.page.locator('[data-section="callLogTabs"]');
            await tabs
                .getByText("les enregistrements d'un objet rattachés à l'enregistrement Société de l'appelant.", {
                    exact: false
                })
                .waitFor();
            await tabs.getByRole('combobox', { name: 'Objet' }).selectOption({ label: 'Requête' });
            await tabs.getByRole('combobox', { name: 'Champ de relation (Société)' }).waitFor();
            assert.deepEqual(h.pageErrors, []);
        }));
});
