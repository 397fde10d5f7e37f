/**
 * Stories of the calling sections of the Webex Admin tab (B2, B4, B5, B6, B8) in Chromium, against the emulated org:
 * an administrator chooses the phone fields Make a Call offers, who logs calls and what a log relates to, the More
 * info tabs of the call-log panel, call history and the backend; each section saves, survives a reload, keeps the
 * choice with the reason when it is refused, speaks French, and refuses a rep without Webex Admin.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Route } from 'playwright-core';
import { formatLabel } from '../org/labels.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { assignPermissionSet, readApexJson } from './package-setup.ts';

const ADMIN_TAB = '#/n/Webex_Admin';
const CONTROLLER = '**/_org/apex/WebexCallingAdminController';
const NOT_ADMIN = 'You need the Webex Admin permission set to view or change Webex settings.';
let h: Harness;

const sectionOf = (name: string): Locator => h.page.locator(`[data-section="${name}"]`);
const saveOf = (scope: Locator): Locator => scope.getByRole('button', { name: /^(Save|Enregistrer)$/ });
const listOf = (scope: Locator, name: string): Locator => scope.getByRole('group', { name, exact: true });

/** The options of one side of a dual listbox, in order. */
function side(list: Locator, name: 'Available' | 'Selected' | 'Disponibles' | 'Sélectionnés'): Locator {
    return list.getByRole('listbox', { name, exact: true }).getByRole('option');
}

async function selected(list: Locator): Promise<string[]> {
    return (await side(list, 'Selected').allTextContents()).map((text) => text.trim());
}

/** The option that says exactly this (`Phone` is not `Mobile Phone`). */
function option(list: Locator, from: Parameters<typeof side>[1], name: string): Locator {
    const literal = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return side(list, from).filter({ hasText: new RegExp(`^\\s*${literal}\\s*$`) });
}

/** Moves options from one side of a dual listbox to the other, as a person clicks them then the arrow. */
async function move(list: Locator, options: string[], to: 'Selected' | 'Available'): Promise<void> {
    const from = to === 'Selected' ? 'Available' : 'Selected';
    for (const [index, name] of options.entries()) {
        await option(list, from, name).click({ modifiers: index > 0 ? ['Control'] : [] });
    }
    await list.getByRole('button', { name: `Move to ${to}`, exact: true }).click();
}

/** Picks an option of a select, by what it says. */
async function pick(scope: Locator, label: string | RegExp, option: string): Promise<void> {
    await scope.getByRole('combobox', { name: label }).selectOption({ label: option });
}

/** Turns a switch or radio on from the keyboard: focus, then Space, as a person tabbing through would. */
async function press(control: Locator): Promise<void> {
    await control.focus();
    await control.press('Space');
}

/** The phone fields Make a Call offers for an object, as the package reads its settings (WebexCallingSettings). */
const phoneFields = (objectApiName: string): Promise<string[]> =>
    readApexJson(h.workbench, `WebexCallingSettings.phoneFields('${objectApiName}')`);

/** The objects a call log of this direction relates to, as the package reads its settings. */
const relatedObjects = (direction: 'Outbound' | 'Inbound'): Promise<string[]> =>
    readApexJson(h.workbench, `WebexCallingSettings.relatedObjects('${direction}')`);

/** The backend the package reads (Webex Calling until an administrator chooses). */
const callingBackend = (): Promise<string> => readApexJson(h.workbench, 'WebexCallingSettings.backend()');

/** Whether a feature is on for every profile and user (the organization default of WebexFeatureAccess__c). */
const onForAll = (feature: string): Promise<boolean> =>
    readApexJson(h.workbench, `new WebexFeatureAccessStore().isOnForAll(WebexFeatureAccess__c.${feature}__c)`);

/** The More info tabs stored (WebexCallLogTab__c), as an administrator's query lists them: object, account field, fields. */
async function callLogTabs(): Promise<Array<[string, string, string[]]>> {
    const rows = await readApexJson<Array<{ ObjectApiName__c: string; AccountField__c: string; Fields__c: string }>>(
        h.workbench,
        '[SELECT ObjectApiName__c, AccountField__c, Fields__c FROM WebexCallLogTab__c ORDER BY CreatedDate, Id]'
    );
    return rows.map((row) => [row.ObjectApiName__c, row.AccountField__c, row.Fields__c.split(',')]);
}

/** The reference the package shows for an unexpected failure (its details go to the Webex Error Log). */
const REFERENCE = 'WX-1A2B3C4D';

/**
 * Answers an Apex call as the package does when it fails on something unexpected (a locked row...):
 * `UNEXPECTED` with the generic label and a reference (WebexException.toAuraHandled), never the text.
 */
function failUnexpectedly(): (route: Route) => Promise<void> {
    return (route) =>
        route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: JSON.stringify({
                message: JSON.stringify({
                    code: 'UNEXPECTED',
                    message: formatLabel(h.workbench.org.labels.en.WebexError_Reference, REFERENCE),
                    retryAfterSeconds: null
                }),
                exceptionType: 'System.AuraHandledException',
                isUserDefinedException: false
            })
        });
}

describe('Calling sections of the Webex Admin tab', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('lists the calling sections in the admin guide order, each one a jump away', () =>
        story(h, 'calling-admin-sections', async () => {
            await resetStory(h, ADMIN_TAB);
            const nav = h.page.getByRole('navigation');
            const names = (await nav.getByRole('button').allTextContents()).map((text) => text.trim());
            const start = names.indexOf('Webex Phone Fields');
            assert.deepEqual(names.slice(start, start + 6), [
                'Webex Phone Fields',
                'Webex Outbound Call Log',
                'Webex Inbound Call Log',
                'Webex Call Log – Additional Tabs Configuration',
                'Webex Call History',
                'Webex Calling Backend'
            ]);
            await nav.getByRole('button', { name: 'Webex Calling Backend' }).click();
            await sectionOf('callingBackend').getByRole('radio', { name: 'Webex Calling' }).waitFor();
            assert.equal(
                await sectionOf('callingBackend').evaluate(
                    (el) => el === (el.getRootNode() as ShadowRoot).activeElement
                ),
                true,
                'the focus moves to the section'
            );
            assert.deepEqual(h.pageErrors, []);
        }));

    it('Phone Fields: offers every phone field until the administrator chooses, saves the order, refuses none', () =>
        story(h, 'calling-admin-phone-fields', async () => {
            await resetStory(h, ADMIN_TAB);
            const section = sectionOf('phoneFields');
            const contact = listOf(section, 'Contact phone fields');
            const lead = listOf(section, 'Lead phone fields');
            await side(contact, 'Selected').first().waitFor();
            // Every phone-type field, by the labels the org gives them, in describe order.
            assert.deepEqual(
                await selected(contact),
                ['Business Phone', 'Business Fax', 'Mobile Phone', 'Home Phone', 'Other Phone', 'Asst. Phone'],
                'every phone field to begin with'
            );
            assert.deepEqual(await selected(lead), ['Phone', 'Mobile Phone', 'Fax']);
            assert.equal(await saveOf(section).isDisabled(), true);
            await section.scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-phone-fields');

            // Only the two numbers reps call, Mobile first: moved down with the keyboard-reachable arrow.
            await move(contact, ['Business Fax', 'Home Phone', 'Other Phone', 'Asst. Phone'], 'Available');
            assert.deepEqual(await selected(contact), ['Business Phone', 'Mobile Phone']);
            await option(contact, 'Selected', 'Business Phone').click();
            await contact.getByRole('button', { name: 'Move down', exact: true }).click();
            assert.deepEqual(await selected(contact), ['Mobile Phone', 'Business Phone']);
            await move(lead, ['Mobile Phone', 'Fax'], 'Available');
            await section.getByText('Unsaved changes').waitFor();
            await saveOf(section).click();
            await section.getByText('Saved: Webex Phone Fields.').waitFor();
            assert.deepEqual(await phoneFields('Contact'), ['MobilePhone', 'Phone']);
            assert.deepEqual(await phoneFields('Lead'), ['Phone']);

            await h.page.reload();
            await side(listOf(sectionOf('phoneFields'), 'Contact phone fields'), 'Selected')
                .first()
                .waitFor();
            assert.deepEqual(await selected(listOf(sectionOf('phoneFields'), 'Contact phone fields')), [
                'Mobile Phone',
                'Business Phone'
            ]);
            assert.deepEqual(await selected(listOf(sectionOf('phoneFields'), 'Lead phone fields')), ['Phone']);
            assert.deepEqual(h.pageErrors, []);
        }));

    it('Phone Fields: an object left without a phone field is refused and every list stays as left', () =>
        story(h, 'calling-admin-phone-fields-refused', async () => {
            await resetStory(h, ADMIN_TAB);
            const section = sectionOf('phoneFields');
            const contact = listOf(section, 'Contact phone fields');
            const lead = listOf(section, 'Lead phone fields');
            await side(lead, 'Selected').first().waitFor();
            await move(contact, ['Business Phone'], 'Available');
            await move(lead, ['Phone', 'Mobile Phone', 'Fax'], 'Available');
            await saveOf(section).click();
            const alert = section.getByRole('alert').filter({ hasText: 'Not saved. Your choices are still here.' });
            await alert
                .getByText('Choose at least one phone field for Lead: Make a Call needs a number to dial.')
                .waitFor();
            assert.deepEqual(await selected(lead), [], 'the emptied list stays empty');
            assert.deepEqual(
                await selected(contact),
                ['Business Fax', 'Mobile Phone', 'Home Phone', 'Other Phone', 'Asst. Phone'],
                'the other list keeps its choice'
            );
            assert.deepEqual(
                await phoneFields('Contact'),
                ['Phone', 'Fax', 'MobilePhone', 'HomePhone', 'OtherPhone', 'AssistantPhone'],
                'nothing stored'
            );
            await section.scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-phone-fields-refused');
        }));

    it('Call logs: who logs each direction, and the objects a log relates to, saved per direction', () =>
        story(h, 'calling-admin-call-log', async () => {
            await resetStory(h, ADMIN_TAB);
            const outbound = sectionOf('outboundCallLog');
            const inbound = sectionOf('inboundCallLog');
            await outbound.getByRole('heading', { name: 'Webex Outbound Call Log' }).waitFor();
            await outbound
                .getByRole('switch', { name: 'Who logs outbound calls: Enable for all profiles/users' })
                .waitFor();
            const objects = listOf(outbound, 'Objects a call log can be related to');
            await side(objects, 'Available').first().waitFor();
            assert.deepEqual(
                (await side(objects, 'Available').allTextContents()).map((text) => text.trim()),
                // The objects a task's Related To can point to, by label.
                ['Account', 'Asset', 'Campaign', 'Case', 'Contract', 'Opportunity', 'Order', 'Product', 'Work Order']
            );
            await outbound
                .getByText('No object chosen: call logs are related only to the person called', { exact: false })
                .waitFor();

            // As the guide says: enable for all, then Account, Case and Opportunity.
            await press(outbound.getByRole('switch', { name: /Who logs outbound calls/ }));
            await saveOf(outbound.locator('[data-part="access"]')).click();
            await outbound.getByText('Saved: Who logs outbound calls.').waitFor();
            await move(objects, ['Account', 'Case', 'Opportunity'], 'Selected');
            await saveOf(outbound.locator('[data-part="objects"]')).click();
            await outbound.getByText('Saved: Webex Outbound Call Log.').waitFor();
            assert.equal(await onForAll('OutboundCallLog'), true);
            assert.deepEqual(await relatedObjects('Outbound'), ['Account', 'Case', 'Opportunity']);
            assert.deepEqual(await relatedObjects('Inbound'), [], 'inbound is its own section');

            const inboundObjects = listOf(inbound, 'Objects a call log can be related to');
            await move(inboundObjects, ['Case'], 'Selected');
            await saveOf(inbound.locator('[data-part="objects"]')).click();
            await inbound.getByText('Saved: Webex Inbound Call Log.').waitFor();
            assert.deepEqual(await relatedObjects('Inbound'), ['Case']);

            await h.page.reload();
            const reloaded = listOf(sectionOf('outboundCallLog'), 'Objects a call log can be related to');
            await side(reloaded, 'Selected').first().waitFor();
            assert.deepEqual(await selected(reloaded), ['Account', 'Case', 'Opportunity']);
            assert.equal(
                await sectionOf('outboundCallLog')
                    .getByRole('switch', { name: /Who logs outbound calls/ })
                    .isChecked(),
                true
            );
            await sectionOf('outboundCallLog').scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-call-log');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('Call logs: an object the server refuses keeps the choice, with the reason', () =>
        story(h, 'calling-admin-call-log-refused', async () => {
            await resetStory(h, ADMIN_TAB);
            const inbound = sectionOf('inboundCallLog');
            const objects = listOf(inbound, 'Objects a call log can be related to');
            await side(objects, 'Available').first().waitFor();
            await move(objects, ['Opportunity'], 'Selected');
            // A request naming an object a task cannot relate to (sent by hand, or the schema changed meanwhile).
            await h.page.route(`${CONTROLLER}/saveCallLogObjects`, (route) => {
                const body = JSON.parse(route.request().postData() ?? '{}') as { objectApiNames: string[] };
                body.objectApiNames.push('Contact');
                return route.continue({ postData: JSON.stringify(body) });
            });
            await saveOf(inbound.locator('[data-part="objects"]')).click();
            await inbound
                .getByRole('alert')
                .getByText('A call log cannot be related to Contact: choose objects a task can be related to.')
                .waitFor();
            assert.deepEqual(await selected(objects), ['Opportunity'], 'the choice stays');
            assert.deepEqual(await relatedObjects('Inbound'), [], 'nothing stored');
            await inbound.getByText('Unsaved changes').waitFor();
            await inbound.scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-call-log-refused');
            await h.page.unroute(`${CONTROLLER}/saveCallLogObjects`);
        }));

    it('Additional tabs: adds, edits and deletes a More info tab, refusing a tab without fields', () =>
        story(h, 'calling-admin-tabs', async () => {
            await resetStory(h, ADMIN_TAB);
            const section = sectionOf('callLogTabs');
            await section.getByText('No additional tab yet', { exact: false }).waitFor();
            await section.scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-tabs-empty');

            // Case: the one account field is chosen for the administrator; Save without fields is refused.
            await pick(section, 'Object', 'Case');
            const accountField = section.getByRole('combobox', { name: /Account relationship field/ });
            await accountField.waitFor();
            assert.equal(await accountField.inputValue(), 'AccountId', 'the one account field is chosen');
            await saveOf(section).click();
            await section.getByText('Choose at least one field to show.').waitFor();
            assert.deepEqual(await callLogTabs(), [], 'nothing stored');
            assert.equal(
                await section.getByRole('combobox', { name: 'Object' }).inputValue(),
                'Case',
                'the object stays chosen'
            );
            await screenshot(h, 'calling-admin-tabs-refused');

            const fieldList = listOf(section, 'Fields');
            await move(fieldList, ['Subject', 'Status'], 'Selected');
            await saveOf(section).click();
            await section.getByText('The Case tab was saved.').waitFor();
            const row = section.getByRole('row', { name: /Case/ });
            await row.getByText('Subject, Status').waitFor();
            assert.deepEqual(await callLogTabs(), [['Case', 'AccountId', ['Subject', 'Status']]]);

            await h.page.reload();
            const reloaded = sectionOf('callLogTabs');
            await reloaded.getByRole('row', { name: /Case/ }).getByText('Subject, Status').waitFor();
            await reloaded.getByRole('button', { name: 'Edit the Case tab' }).click();
            await reloaded.getByRole('heading', { name: 'Edit the Case tab' }).waitFor();
            const editFields = listOf(reloaded, 'Fields');
            await side(editFields, 'Selected').first().waitFor();
            await move(editFields, ['Priority'], 'Selected');
            await saveOf(reloaded).click();
            await reloaded.getByText('The Case tab was saved.').waitFor();
            assert.deepEqual((await callLogTabs())[0][2], ['Subject', 'Status', 'Priority']);
            await reloaded.scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-tabs-saved');

            await reloaded.getByRole('button', { name: 'Delete the Case tab' }).click();
            const confirm = reloaded.getByRole('group', { name: 'Delete the Case tab?' });
            await confirm.waitFor();
            await screenshot(h, 'calling-admin-tabs-delete');
            await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
            await reloaded.getByText('The Case tab was deleted.').waitFor();
            await reloaded.getByText('No additional tab yet', { exact: false }).waitFor();
            assert.deepEqual(await callLogTabs(), []);
            assert.deepEqual(h.pageErrors, []);
        }));

    it('Call history: on for all users, kept after a reload; a failed save keeps the switch', () =>
        story(h, 'calling-admin-call-history', async () => {
            await resetStory(h, ADMIN_TAB);
            const section = sectionOf('callHistory');
            const toggle = section.getByRole('switch', { name: 'Call history for all users' });
            await toggle.waitFor();
            assert.equal(await toggle.isChecked(), false, 'off until switched on');
            await section.getByText('Off: the dialer shows no call history.').waitFor();
            await toggle.focus();
            await h.page.keyboard.press('Space');
            await section.getByText('On: call history is available to all users and profiles.').waitFor();

            await h.page.route('**/_org/apex/WebexEnablementController/saveFeatureAccess', failUnexpectedly());
            await saveOf(section).click();
            await section.getByRole('alert').getByText(`Reference: ${REFERENCE}`, { exact: false }).waitFor();
            assert.equal(await toggle.isChecked(), true, 'the switch stays on');
            assert.equal(await onForAll('CallHistory'), false, 'nothing stored');
            await h.page.unroute('**/_org/apex/WebexEnablementController/saveFeatureAccess');

            await saveOf(section).click();
            await section.getByText('Saved: Webex Call History.').waitFor();
            assert.equal(await onForAll('CallHistory'), true);
            await h.page.reload();
            const reloaded = sectionOf('callHistory').getByRole('switch', { name: 'Call history for all users' });
            await reloaded.waitFor();
            assert.equal(await reloaded.isChecked(), true);
            await sectionOf('callHistory').scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-call-history');
        }));

    it('Backend: Unified CM says what Salesforce cannot do, is saved and read back; a failed save keeps it', () =>
        story(h, 'calling-admin-backend', async () => {
            await resetStory(h, ADMIN_TAB);
            const section = sectionOf('callingBackend');
            await section.getByRole('radio', { name: 'Webex Calling' }).waitFor();
            assert.equal(await section.getByRole('radio', { name: 'Webex Calling' }).isChecked(), true);
            await press(section.getByRole('radio', { name: 'Unified CM' }));
            await section.getByText('With Unified CM and BroadWorks, Salesforce cannot:').waitFor();
            await section.getByText('hang up from the call-log panel;').waitFor();

            await h.page.route(`${CONTROLLER}/saveCallingBackend`, failUnexpectedly());
            await saveOf(section).click();
            await section.getByRole('alert').getByText(`Reference: ${REFERENCE}`, { exact: false }).waitFor();
            assert.equal(await section.getByRole('radio', { name: 'Unified CM' }).isChecked(), true, 'kept');
            assert.equal(await callingBackend(), 'WebexCalling', 'nothing stored');
            await h.page.unroute(`${CONTROLLER}/saveCallingBackend`);

            await saveOf(section).click();
            await section.getByText('Saved: Webex Calling Backend.').waitFor();
            assert.equal(await callingBackend(), 'UnifiedCM');
            await h.page.reload();
            await sectionOf('callingBackend').getByRole('radio', { name: 'Unified CM' }).waitFor();
            assert.equal(
                await sectionOf('callingBackend').getByRole('radio', { name: 'Unified CM' }).isChecked(),
                true
            );
            await sectionOf('callingBackend').scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-backend');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('speaks French', () =>
        story(h, 'calling-admin-fr', async () => {
            await resetStory(h, ADMIN_TAB, 'fr');
            const phones = sectionOf('phoneFields');
            await phones.getByRole('heading', { name: 'Champs du téléphone Webex' }).waitFor();
            const contact = listOf(phones, 'Champs de téléphone : Contact');
            await side(contact, 'Sélectionnés').first().waitFor();
            await side(contact, 'Sélectionnés').filter({ hasText: 'Mobile' }).click();
            await contact.getByRole('button', { name: 'Déplacer vers Disponibles', exact: true }).click();
            await phones.getByText('Modifications non enregistrées').waitFor();
            await saveOf(phones).click();
            await phones.getByText('Enregistré : Champs du téléphone Webex.').waitFor();

            await sectionOf('outboundCallLog')
                .getByRole('heading', { name: 'Journal des appels sortants Webex' })
                .waitFor();
            await sectionOf('inboundCallLog')
                .getByRole('heading', { name: 'Journal des appels entrants Webex' })
                .waitFor();
            const tabs = sectionOf('callLogTabs');
            await tabs
                .getByRole('heading', { name: 'Journal des appels Webex - Configuration des onglets supplémentaires' })
                .waitFor();
            await pick(tabs, 'Objet', 'Opportunité');
            await tabs.getByRole('combobox', { name: 'Champ de relation (Compte)' }).waitFor();
            await saveOf(tabs).click();
            await tabs.getByText('Choisissez au moins un champ à afficher.').waitFor();
            await tabs.scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-fr-tabs');
            await sectionOf('callHistory')
                .getByRole('switch', { name: 'Historique des appels pour tous les utilisateurs' })
                .waitFor();
            const backend = sectionOf('callingBackend');
            await press(backend.getByRole('radio', { name: 'BroadWorks' }));
            await backend.getByText('Avec Unified CM et BroadWorks, Salesforce ne peut pas :').waitFor();
            await backend.scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-fr-backend');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('refuses a user without the Webex Admin permission set in every calling section', () =>
        story(h, 'calling-admin-not-admin', async () => {
            await resetStory(h, `&user=sam.rep@acme-webex.example${ADMIN_TAB}`);
            for (const name of [
                'phoneFields',
                'outboundCallLog',
                'inboundCallLog',
                'callLogTabs',
                'callHistory',
                'callingBackend'
            ]) {
                const alert = sectionOf(name).getByRole('alert').filter({ hasText: 'Could not load these settings' });
                await alert.getByText(NOT_ADMIN).waitFor();
                assert.equal(await saveOf(sectionOf(name)).count(), 0, `${name}: nothing to save`);
            }
            assert.equal(await sectionOf('phoneFields').getByRole('group').count(), 0, 'no list to change');
            await sectionOf('phoneFields').scrollIntoViewIfNeeded();
            await screenshot(h, 'calling-admin-not-admin');
            // Once granted the permission set, trying again loads the section.
            await assignPermissionSet(h.workbench, 'Webex_Admin', 'sam.rep@acme-webex.example');
            await sectionOf('callingBackend').getByRole('button', { name: 'Try again' }).click();
            await sectionOf('callingBackend').getByRole('radio', { name: 'Webex Calling' }).waitFor();
        }));
});
