/**
 * Stories of "Webex Feature Access" (A7) in Chromium, against the emulated org: an administrator switches a
 * feature on for everyone or for the profiles and users they search and add, with the keyboard, saves, and the
 * org stores exactly that; a failing server loses nothing; a rep without Webex Admin is refused.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator, Route } from 'playwright-core';
import { formatLabel } from '../org/labels.ts';
import { apexString } from '../org/setup-apex.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { readApex, readApexJson, runApex } from './package-setup.ts';

const ADMIN_TAB = '#/n/Webex_Admin';
const SEARCH_METHOD = '**/_org/apex/WebexEnablementController/searchProfilesAndUsers';
const SAVE_METHOD = '**/_org/apex/WebexEnablementController/saveFeatureAccess';
let h: Harness;

/**
 * One feature's editor: in the Feature Access section, or in the section of its own (the call logs are edited in
 * "Webex Outbound/Inbound Call Log").
 */
const feature = (name: WebexFeature): Locator => h.page.locator(`[data-feature="${name}"]`);
const switchOf = (editor: Locator, label: string | RegExp): Locator => editor.getByRole('switch', { name: label });
const searchOf = (editor: Locator): Locator => editor.getByRole('combobox');
const saveOf = (editor: Locator): Locator => editor.getByRole('button', { name: /^(Save|Enregistrer)$/ });
const listed = (editor: Locator): Promise<string[]> => editor.locator('[data-grantee] .grantee-name').allTextContents();

function seeded(object: 'User' | 'Profile', name: string): string {
    const record = h.workbench.org.records.list(object).find((r) => r.Name === name);
    assert.ok(record, `${object} ${name} is seeded`);
    return record.Id;
}

/** Whether a seeded user has a feature, as the package's server-side checks answer while that user works. */
async function userHas(featureName: WebexFeature, userName: string): Promise<boolean> {
    const answer = await readApex(
        h.workbench,
        `WebexFeatureAccess.isEnabled(${apexString(featureName)})`,
        seeded('User', userName)
    );
    return answer === 'true';
}

/** Who has a feature, as the org stores it and the section reads it back (WebexFeatureAccess.getState). */
async function accessTo(featureName: WebexFeature): Promise<{ enabledForAll: boolean; granted: string[] }> {
    const state = await readApexJson<{ enabledForAll: boolean; grantees: Array<{ id: string }> }>(
        h.workbench,
        `new WebexFeatureAccess().getState(${apexString(featureName)})`
    );
    // Apex answers 18-character IDs; the seeded records' IDs are compared on their 15 significant characters.
    return { enabledForAll: state.enabledForAll, granted: state.grantees.map((g) => g.id.slice(0, 15)).sort() };
}

/** The IDs `accessTo` lists for these seeded records. */
const ids = (...records: string[]): string[] => records.map((id) => id.slice(0, 15)).sort();

/** Types a term key by key, waits for the result, and adds it with Enter. */
async function addByKeyboard(editor: Locator, term: string, option: RegExp): Promise<void> {
    const search = searchOf(editor);
    await search.focus();
    await search.pressSequentially(term, { delay: 40 });
    await editor.getByRole('option', { name: option }).waitFor();
    // The first result not in the list yet is highlighted; the arrows move, Enter adds.
    while (!(await editor.getByRole('option', { name: option, selected: true }).count()))
        await search.press('ArrowDown');
    await search.press('Enter');
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

describe('Webex Feature Access', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('lists every feature, each off for everyone until switched on', () =>
        story(h, 'feature-access-initial', async () => {
            await resetStory(h, ADMIN_TAB);
            await h.page.getByRole('heading', { name: 'Webex Feature Access' }).waitFor();
            const names = await h.page.locator('c-webex-admin-feature-access h3').allTextContents();
            // The call logs, call history and instant chat have sections of their own.
            assert.deepEqual(names, ['Webex Meeting Logs', 'Webex Webinar Import']);
            for (const name of names) {
                const toggle = h.page.getByRole('switch', { name: `${name}: Enable for all profiles/users` });
                assert.equal(await toggle.isChecked(), false, `${name} starts off`);
            }
            // The list of sections leads here.
            await h.page.getByRole('navigation').getByRole('button', { name: 'Webex Feature Access' }).click();
            assert.deepEqual(h.pageErrors, []);
        }));

    it('adds a profile and a user by searching with the keyboard, saves, and the org stores exactly that', () =>
        story(h, 'feature-access-add', async () => {
            await resetStory(h, ADMIN_TAB);
            const outbound = feature('OutboundCallLog');
            await switchOf(outbound, /Enable for all/).waitFor();
            await addByKeyboard(outbound, 'sales', /Custom: Sales Rep/);
            await addByKeyboard(outbound, 'Sam', /Sam Rep/);
            assert.deepEqual(await listed(outbound), ['Custom: Sales Rep', 'Sam Rep']);
            await outbound.getByText('Unsaved changes').waitFor();
            assert.equal(await outbound.getByRole('button', { name: 'Remove Sam Rep (User)' }).count(), 1);
            // Already in the list: offered, but marked and not added twice.
            await searchOf(outbound).fill('Sam');
            await outbound.getByRole('option', { name: /Sam Rep.*Already in the list/ }).waitFor();
            await screenshot(h, 'feature-access-search');
            await searchOf(outbound).press('Escape');
            await searchOf(outbound).fill('');
            await screenshot(h, 'feature-access-picked');

            await saveOf(outbound).focus();
            await h.page.keyboard.press('Enter');
            await outbound.getByText('Saved: Who logs outbound calls.').waitFor();
            assert.deepEqual(await accessTo('OutboundCallLog'), {
                enabledForAll: false,
                granted: ids(seeded('User', 'Sam Rep'), seeded('Profile', 'Custom: Sales Rep'))
            });
            assert.equal(await userHas('OutboundCallLog', 'Camille Vente'), true, 'Camille has it through her profile');
            assert.equal(await userHas('OutboundCallLog', 'Jordan Support'), false, 'another profile does not');
            assert.equal(await userHas('InboundCallLog', 'Sam Rep'), false, 'another feature stays off');
            assert.equal(await saveOf(outbound).isDisabled(), true, 'nothing left to save');
            await screenshot(h, 'feature-access-saved');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('removes with the trash button and turns a feature on for everyone, keeping the list for later', () =>
        story(h, 'feature-access-remove', async () => {
            await resetStory(h, ADMIN_TAB);
            // Set up as an administrator's script would, then the page loads what the org holds.
            await runApex(
                h.workbench,
                `new WebexFeatureAccess().grant('InboundCallLog', new Set<Id>{ ${[
                    seeded('Profile', 'Custom: Sales Rep'),
                    seeded('User', 'Jordan Support')
                ]
                    .map(apexString)
                    .join(', ')} });`
            );
            await h.page.reload();
            const inbound = feature('InboundCallLog');
            await inbound.getByText('Jordan Support', { exact: true }).waitFor();
            await inbound.getByRole('button', { name: 'Remove Jordan Support (User)' }).focus();
            await h.page.keyboard.press('Enter');
            assert.deepEqual(await listed(inbound), ['Custom: Sales Rep']);
            await inbound.getByText('Jordan Support removed. Save to apply.').waitFor({ state: 'attached' });
            assert.equal(
                await searchOf(inbound).evaluate((el) => el === (el.getRootNode() as ShadowRoot).activeElement),
                true,
                'the focus goes to the search field'
            );
            const toggle = switchOf(inbound, 'Who logs inbound calls: Enable for all profiles/users');
            await toggle.focus();
            await h.page.keyboard.press('Space');
            assert.equal(await toggle.isChecked(), true);
            await inbound.getByText('On for every profile and user.', { exact: false }).waitFor();
            assert.equal(await searchOf(inbound).count(), 0, 'no picker while it is on for everyone');
            await saveOf(inbound).click();
            await inbound.getByText('Saved: Who logs inbound calls.').waitFor();
            assert.deepEqual(await accessTo('InboundCallLog'), {
                enabledForAll: true,
                granted: ids(seeded('Profile', 'Custom: Sales Rep'))
            });
            assert.equal(await userHas('InboundCallLog', 'Jordan Support'), true, 'everyone has it now');
        }));

    it('asks for two characters and searches nothing with one', () =>
        story(h, 'feature-access-one-character', async () => {
            await resetStory(h, ADMIN_TAB);
            const searches: string[] = [];
            h.page.on('request', (request) => {
                if (request.url().includes('searchProfilesAndUsers')) searches.push(request.postData() ?? '');
            });
            const webinars = feature('WebinarImport');
            await searchOf(webinars).waitFor();
            await searchOf(webinars).pressSequentially('S');
            await webinars.getByText('Type at least 2 characters to search.').waitFor();
            await h.page.waitForTimeout(700);
            assert.deepEqual(searches, [], 'one character never reaches the server');
            assert.equal(await searchOf(webinars).getAttribute('aria-expanded'), 'false');
            await searchOf(webinars).pressSequentially('zz');
            await webinars.getByText('No profile or active user matches “Szz”.').waitFor();
            assert.equal(searches.length, 1, 'one search once typing pauses');
        }));

    it('keeps every pick and says why when the server fails, then saves once it answers again', () =>
        story(h, 'feature-access-server-failure', async () => {
            await resetStory(h, ADMIN_TAB);
            const history = feature('MeetingLogs');
            await addByKeyboard(history, 'Camille', /Camille Vente/);
            await h.page.route(SAVE_METHOD, failUnexpectedly());
            await saveOf(history).click();
            const alert = history.getByRole('alert').filter({ hasText: 'Not saved. Your choices are still here.' });
            await alert.waitFor();
            await alert.getByText(`Reference: ${REFERENCE}`, { exact: false }).waitFor();
            assert.deepEqual(await listed(history), ['Camille Vente']);
            await history.getByText('Unsaved changes').waitFor();
            assert.deepEqual(await accessTo('MeetingLogs'), { enabledForAll: false, granted: [] }, 'nothing stored');

            // The search failing (Salesforce unreachable) keeps the picks too.
            await h.page.route(SEARCH_METHOD, (route) => route.abort('internetdisconnected'));
            await searchOf(history).pressSequentially('Sam');
            await history
                .getByRole('alert')
                .filter({ hasText: 'Search failed: Salesforce could not be reached.' })
                .waitFor();
            assert.deepEqual(await listed(history), ['Camille Vente']);
            await screenshot(h, 'feature-access-server-failure');

            // Salesforce answers again: searching again clears the search error, saving again saves.
            await h.page.unroute(SAVE_METHOD);
            await h.page.unroute(SEARCH_METHOD);
            await searchOf(history).press('Backspace');
            await history.getByRole('option', { name: /Sam Rep/ }).waitFor();
            await searchOf(history).press('Escape');
            await saveOf(history).click();
            await history.getByText('Saved: Webex Meeting Logs.').waitFor();
            assert.equal(await history.getByRole('alert').count(), 0, 'no error is left once saved');
            assert.deepEqual(await accessTo('MeetingLogs'), {
                enabledForAll: false,
                granted: ids(seeded('User', 'Camille Vente'))
            });
            assert.deepEqual(h.pageErrors, []);
        }));

    it('speaks French', () =>
        story(h, 'feature-access-fr', async () => {
            await resetStory(h, ADMIN_TAB, 'fr');
            await h.page.getByRole('heading', { name: 'Accès aux fonctionnalités Webex' }).waitFor();
            const webinars = feature('WebinarImport');
            await switchOf(
                webinars,
                'Importation des webinaires Webex: Activer pour tous les profils/utilisateurs'
            ).waitFor();
            await webinars.getByText('Uniquement ces profils/utilisateurs').waitFor();
            await searchOf(webinars).pressSequentially('C');
            await webinars.getByText('Saisissez au moins 2 caractères pour rechercher.').waitFor();
            await searchOf(webinars).pressSequentially('amille');
            await webinars.getByRole('option', { name: /Camille Vente.*Utilisateur/ }).waitFor();
            await searchOf(webinars).press('Enter');
            await webinars.getByText('Modifications non enregistrées').waitFor();
            await webinars.getByRole('button', { name: 'Retirer Camille Vente (Utilisateur)' }).waitFor();
            await saveOf(webinars).click();
            await webinars.getByText('Enregistré : Importation des webinaires Webex.').waitFor();
            await screenshot(h, 'feature-access-fr');
        }));

    it('refuses a user without the Webex Admin permission set', () =>
        story(h, 'feature-access-not-admin', async () => {
            await resetStory(h, `&user=sam.rep@acme-webex.example${ADMIN_TAB}`);
            const outbound = feature('OutboundCallLog');
            const alert = outbound.getByRole('alert');
            await alert
                .getByText('You need the Webex Admin permission set to view or change Webex settings.')
                .waitFor();
            await alert.getByText('Could not load who has this feature').waitFor();
            assert.equal(await switchOf(outbound, /Enable for all/).count(), 0, 'nothing to change');
            assert.equal(await saveOf(outbound).count(), 0);
            await screenshot(h, 'feature-access-not-admin');
        }));
});
