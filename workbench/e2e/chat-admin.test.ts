/**
 * Stories of "Webex Chat" on the Webex Admin tab (D.10, D.11 of the admin guide) in Chromium, against the emulated
 * org: an administrator gives instant chat to one rep with the enablement picker and its own Save, the org stores
 * exactly that and the section reads it back after a reload; the entry is gone from "Webex Feature Access"; the
 * section reads as the guide in French; a rep without Webex Admin is refused.
 *
 * The rep's side of it (the reconnect asked of a connection made before messaging's scopes) is covered by the Jest
 * tests of c-webex-user-connect and c/webexConnectionScopes.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { apexString } from '../org/setup-apex.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { readApex } from './package-setup.ts';

const ADMIN_TAB = '#/n/Webex_Admin';
const SAM = 'sam.rep@acme-webex.example';
let h: Harness;

const chatSection = (): Locator => h.page.locator('[data-section="chat"]');
const saveOf = (scope: Locator): Locator => scope.getByRole('button', { name: /^(Save|Enregistrer)$/ });
const listed = (scope: Locator): Promise<string[]> => scope.locator('[data-grantee] .grantee-name').allTextContents();

function seededUser(name: string): string {
    const record = h.workbench.org.records.list('User').find((r) => r.Name === name);
    assert.ok(record, `User ${name} is seeded`);
    return record.Id;
}

/** Whether a seeded user has instant chat, as the package's server-side check answers while that user works. */
async function hasChat(userName: string): Promise<boolean> {
    return (
        (await readApex(h.workbench, `WebexFeatureAccess.isEnabled('InstantChat')`, seededUser(userName))) === 'true'
    );
}

/** Who has instant chat, as the org stores it (WebexFeatureAccess.getState). */
async function chatAccess(): Promise<string | null> {
    return readApex(h.workbench, `JSON.serialize(new WebexFeatureAccess().getState(${apexString('InstantChat')}))`);
}

describe('Webex Chat (Webex Admin tab)', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('gives instant chat to one rep, saves, and reads it back after a reload; Feature Access no longer lists it', () =>
        story(h, 'chat-admin-one-rep', async () => {
            await resetStory(h, ADMIN_TAB);
            const nav = h.page.getByRole('navigation');
            const names = (await nav.getByRole('button').allTextContents()).map((text) => text.trim());
            assert.equal(names[names.indexOf('Webex Calling Backend') + 1], 'Webex Chat', 'after the calling sections');
            await nav.getByRole('button', { name: 'Webex Chat', exact: true }).click();

            const section = chatSection();
            await section.getByRole('heading', { name: 'Webex Chat', exact: true }).waitFor();
            const toggle = section.getByRole('switch', { name: 'Enable instant chat for all profiles/users' });
            assert.equal(await toggle.isChecked(), false, 'off for everyone until switched on');
            const search = section.getByRole('combobox');
            await search.pressSequentially('Sam', { delay: 40 });
            await section.getByRole('option', { name: /Sam Rep/ }).waitFor();
            await search.press('Enter');
            assert.deepEqual(await listed(section), ['Sam Rep']);
            await section.getByText('Unsaved changes').waitFor();
            await saveOf(section).click();
            await section.getByText('Saved: Who can chat.').waitFor();
            assert.equal(await hasChat('Sam Rep'), true, 'Sam has chat');
            assert.equal(await hasChat('Camille Vente'), false, 'another rep does not');
            assert.match((await chatAccess()) ?? '', /"enabledForAll":false/);

            await h.page.reload();
            const reloaded = chatSection();
            await reloaded.getByText('Sam Rep', { exact: true }).waitFor();
            assert.deepEqual(await listed(reloaded), ['Sam Rep']);
            assert.equal(await saveOf(reloaded).isDisabled(), true, 'nothing left to save');

            const features = await h.page.locator('c-webex-admin-feature-access h3').allTextContents();
            assert.deepEqual(features, ['Webex Meeting Logs', 'Webex Webinar Import']);
            assert.equal(await h.page.locator('[data-feature="InstantChat"]').count(), 1, 'edited in one place only');
            await reloaded.scrollIntoViewIfNeeded();
            await screenshot(h, 'chat-admin-one-rep');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('reads as the French guide: « Activer la conversation instantanée pour tous les profils/utilisateurs »', () =>
        story(h, 'chat-admin-fr', async () => {
            await resetStory(h, ADMIN_TAB, 'fr');
            await h.page.getByRole('navigation').getByRole('button', { name: 'Webex Chat', exact: true }).click();
            const section = chatSection();
            await section.getByRole('heading', { name: 'Webex Chat', exact: true }).waitFor();
            await section.getByRole('heading', { name: 'Qui peut converser' }).waitFor();
            const toggle = section.getByRole('switch', {
                name: 'Activer la conversation instantanée pour tous les profils/utilisateurs',
                exact: true
            });
            await toggle.focus();
            await h.page.keyboard.press('Space');
            assert.equal(await toggle.isChecked(), true);
            await section.getByText('Modifications non enregistrées').waitFor();
            await saveOf(section).click();
            await section.getByText('Enregistré : Qui peut converser.').waitFor();
            assert.equal(await hasChat('Camille Vente'), true, 'on for everyone');
            await section.scrollIntoViewIfNeeded();
            await screenshot(h, 'chat-admin-fr');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('refuses a rep without the Webex Admin permission set', () =>
        story(h, 'chat-admin-not-admin', async () => {
            await resetStory(h, `&user=${SAM}${ADMIN_TAB}`);
            const alert = chatSection().getByRole('alert');
            await alert
                .getByText('You need the Webex Admin permission set to view or change Webex settings.')
                .waitFor();
            assert.equal(await chatSection().getByRole('switch').count(), 0, 'nothing to change');
            assert.equal(await saveOf(chatSection()).count(), 0);
        }));
});
