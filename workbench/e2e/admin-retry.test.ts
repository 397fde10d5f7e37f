/**
 * Story of a Webex Admin section that could not load: each section says why in an alert with Try again, the
 * action sections (Webex Integration Settings and its integration for users, Salesforce Authorization, Webex
 * Site for Webhooks, Health check) as the form sections do; once the cause is gone, Try again loads the section
 * without reloading the page.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { assignPermissionSet } from './package-setup.ts';

const ADMIN_TAB = '#/n/Webex_Admin';
const SAM = 'sam.rep@acme-webex.example';
const NOT_ADMIN = 'You need the Webex Admin permission set';
let h: Harness;

const section = (tag: string): Locator => h.page.locator(tag);
const tryAgain = (scope: Locator): Locator => scope.getByRole('button', { name: 'Try again' });

/** The sections a load error stood in, each with what shows once it loaded. */
const SECTIONS: Array<{ tag: string; loaded: (scope: Locator) => Locator }> = [
    {
        tag: 'c-webex-admin-user-integration',
        loaded: (scope) => scope.getByText('Not set up yet: reps cannot connect their Webex account.')
    },
    {
        tag: 'c-webex-admin-integration-settings',
        loaded: (scope) => scope.getByRole('heading', { name: 'Integration status' })
    },
    {
        tag: 'c-webex-admin-salesforce-auth',
        loaded: (scope) => scope.getByText('Not authorized yet', { exact: false })
    },
    { tag: 'c-webex-admin-webhook-site', loaded: (scope) => scope.getByRole('heading', { name: 'Before you start' }) },
    { tag: 'c-webex-admin-health-check', loaded: (scope) => scope.locator('[data-summary]') }
];

describe('A Webex Admin section that could not load', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('says why with Try again in every action section, and Try again loads it once the cause is gone', () =>
        story(h, 'admin-retry', async () => {
            await resetStory(h, `&user=${SAM}${ADMIN_TAB}`);
            for (const { tag } of SECTIONS) {
                const alert = section(tag).getByRole('alert').filter({ hasText: NOT_ADMIN }).first();
                await alert.waitFor();
                await tryAgain(alert).first().waitFor();
            }
            await screenshot(h, 'admin-retry-refused');

            // Once given the permission set, each section loads where it stands, the nested one first: its
            // Try again sits inside Webex Integration Settings.
            await assignPermissionSet(h.workbench, 'Webex_Admin', SAM);
            for (const { tag, loaded } of SECTIONS) {
                const scope = section(tag);
                assert.equal(await tryAgain(scope).count(), 1, `${tag}: one Try again of its own`);
                await tryAgain(scope).click();
                await loaded(scope).first().waitFor();
                assert.equal(
                    await scope.getByRole('alert').filter({ hasText: NOT_ADMIN }).count(),
                    0,
                    `${tag}: the load error is gone`
                );
            }
            for (const { tag } of SECTIONS)
                assert.equal(await tryAgain(section(tag)).count(), 0, `${tag}: no Try again left`);
            await screenshot(h, 'admin-retry-loaded');
        }));
});
