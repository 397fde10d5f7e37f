/**
 * Stories of "Webex People Search" (B7, C4, D4) in Chromium, against the emulated org: an administrator chooses
 * which objects each search looks in, with the keyboard, saves, and the org stores exactly that; a search that
 * looks in nothing is saved with a warning; a failing server loses nothing; a rep without Webex Admin is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { apexString } from '../org/setup-apex.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { assignPermissionSet, readApexJson } from './package-setup.ts';

const ADMIN_TAB = '#/n/Webex_Admin';
const SAVE_METHOD = '**/_org/apex/WebexPeopleSearchController/savePeopleSearchSettings';
let h: Harness;

const section = (): Locator => h.page.locator('c-webex-admin-people-search');
const box = (name: string): Locator => section().getByRole('checkbox', { name, exact: true });
const save = (): Locator => section().getByRole('button', { name: /^(Save|Enregistrer)$/ });

/** Every ticked box, as its accessible name. */
async function ticked(): Promise<string[]> {
    const names: string[] = [];
    for (const checkbox of await section().getByRole('checkbox').all()) {
        if (await checkbox.isChecked())
            names.push((await checkbox.evaluate((el) => el.closest('label')?.textContent ?? '')).trim());
    }
    return names;
}

/** The objects a search looks in, as the package reads them while searching (WebexPeopleSearchSettings). */
function objectsFor(purpose: 'Dialer' | 'Inbound' | 'Meetings' | 'Spaces'): Promise<string[]> {
    return readApexJson<string[]>(h.workbench, `WebexPeopleSearchSettings.objectsFor(${apexString(purpose)})`);
}

/** Toggles a box from the keyboard: focus, then Space, as a person tabbing through the table would. */
async function toggle(name: string): Promise<void> {
    await box(name).focus();
    await h.page.keyboard.press('Space');
}

describe('Webex People Search', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('looks in Contacts and Leads for every search until the administrator saves another choice', () =>
        story(h, 'people-search-save', async () => {
            await resetStory(h, ADMIN_TAB);
            await h.page.getByRole('heading', { name: 'Webex People Search' }).waitFor();
            await box('Dialer search: Contacts').waitFor();
            assert.equal((await ticked()).length, 8, 'every box starts ticked');
            assert.equal(await save().isDisabled(), true, 'nothing to save yet');

            await toggle('Inbound matching: Leads');
            await toggle('Meeting search: Contacts');
            await section().getByText('Unsaved changes').waitFor();
            await save().focus();
            await h.page.keyboard.press('Enter');
            await section().getByText('Webex People Search saved.').waitFor();
            assert.deepEqual(await objectsFor('Dialer'), ['Contact', 'Lead']);
            assert.deepEqual(await objectsFor('Inbound'), ['Contact']);
            assert.deepEqual(await objectsFor('Meetings'), ['Lead']);
            assert.deepEqual(await objectsFor('Spaces'), ['Contact', 'Lead']);
            assert.equal(await save().isDisabled(), true, 'nothing left to save');

            // What was saved is what the section shows next time.
            await h.page.reload();
            await box('Dialer search: Contacts').waitFor();
            assert.equal(await box('Inbound matching: Leads').isChecked(), false);
            assert.equal(await box('Meeting search: Contacts').isChecked(), false);
            await screenshot(h, 'people-search-saved');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('warns what a search that looks in nothing turns off, and saves it when asked to', () =>
        story(h, 'people-search-none', async () => {
            await resetStory(h, ADMIN_TAB);
            await toggle('Inbound matching: Contacts');
            await toggle('Inbound matching: Leads');
            await section()
                .getByText("Inbound calls are matched to no records: no caller's record opens when a call comes in.")
                .waitFor();
            await screenshot(h, 'people-search-warning');
            await save().click();
            await section().getByText('Webex People Search saved.').waitFor();
            assert.deepEqual(await objectsFor('Inbound'), []);
            await section().getByText('Inbound calls are matched to no records', { exact: false }).waitFor();
        }));

    it('keeps every box as it was left, with the reason, when the save fails', () =>
        story(h, 'people-search-server-failure', async () => {
            await resetStory(h, ADMIN_TAB);
            await toggle('Space search: Leads');
            await h.page.route(SAVE_METHOD, (route) => route.abort('internetdisconnected'));
            await save().click();
            const alert = section().getByRole('alert').filter({ hasText: 'Not saved. Your choices are still here.' });
            await alert.getByText('Salesforce could not be reached.', { exact: false }).waitFor();
            assert.equal(await box('Space search: Leads').isChecked(), false, 'the choice is kept');
            await section().getByText('Unsaved changes').waitFor();
            assert.deepEqual(await objectsFor('Spaces'), ['Contact', 'Lead'], 'nothing stored');
            await screenshot(h, 'people-search-server-failure');

            await h.page.unroute(SAVE_METHOD);
            await save().click();
            await section().getByText('Webex People Search saved.').waitFor();
            assert.deepEqual(await objectsFor('Spaces'), ['Contact']);
            assert.equal(await section().getByRole('alert').count(), 0, 'the error goes once saved');
        }));

    it('speaks French', () =>
        story(h, 'people-search-fr', async () => {
            await resetStory(h, ADMIN_TAB, 'fr');
            await h.page.getByRole('heading', { name: 'Recherche de personnes Webex' }).waitFor();
            await section().getByRole('columnheader', { name: 'Pistes' }).waitFor();
            await toggle('Recherche du numéroteur : Contacts');
            await toggle('Recherche du numéroteur : Pistes');
            await section()
                .getByText('La recherche du numéroteur ne porte sur aucun enregistrement', { exact: false })
                .waitFor();
            await section().getByText('Modifications non enregistrées').waitFor();
            await save().click();
            await section().getByText('Recherche de personnes Webex enregistrée.').waitFor();
            await screenshot(h, 'people-search-fr');
        }));

    it('refuses a user without the Webex Admin permission set', () =>
        story(h, 'people-search-not-admin', async () => {
            await resetStory(h, `&user=sam.rep@acme-webex.example${ADMIN_TAB}`);
            const alert = section().getByRole('alert');
            await alert
                .getByText('You need the Webex Admin permission set to view or change Webex settings.')
                .waitFor();
            await alert.getByText('Could not load Webex People Search').waitFor();
            assert.equal(await section().getByRole('checkbox').count(), 0, 'nothing to change');
            // Once granted the permission set, trying again loads the section.
            await assignPermissionSet(h.workbench, 'Webex_Admin', 'sam.rep@acme-webex.example');
            await alert.getByRole('button', { name: 'Try again' }).click();
            await box('Dialer search: Contacts').waitFor();
        }));
});
