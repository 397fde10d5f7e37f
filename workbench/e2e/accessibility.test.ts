/**
 * Accessibility in the browser (issue 10, item 12): axe-core's WCAG 2.1 A and AA rules on each screen a person
 * reaches, reached as they reach it (clicks on what the screen names). Avery, the administrator, opens the Webex
 * Admin tab from the navigation bar and goes through every section, opening what each one hides until asked:
 * the error a refused token shows, the migration notes, a new More info tab, the Unified CM limits, the people
 * search of Feature Access, the Health check's results. Sam, a rep, opens the Webex utility, searches a name, is
 * rung, answers, and logs the call once it ended.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { expectAccessible, type AccessibilityOptions } from './accessibility.ts';
import { closeHarness, openHarness, resetStory, story, type Harness } from './browser.ts';
import { connectRep, prepareCallEvents } from './call-events.ts';
import { enableForAll } from './package-setup.ts';
import { emulatorRequest } from './workbench-api.ts';

const SAM = 'sam.rep@acme-webex.example';
let h: Harness;

const emulator = <T = unknown>(method: string, path: string, body?: unknown): Promise<T> =>
    emulatorRequest<T>(h, method, path, body);

/** The section of the Webex Admin tab that a name of its list of sections leads to. */
const sectionOf = (name: string): Locator => h.page.locator(`.admin-section[data-section="${name}"]`);
/** axe on one section only: the rest of the tab was checked as it opened. */
const inSection = (name: string): AccessibilityOptions => ({ within: `.admin-section[data-section="${name}"]` });

describe('Accessibility (axe-core, WCAG 2.1 A and AA) of each screen a person reaches', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('the Webex Admin tab, every section, with what each section shows when asked', () =>
        story(h, 'accessibility-admin', async () => {
            await resetStory(h, '#/home');
            await h.page.getByRole('heading', { name: 'Home' }).waitFor();
            await expectAccessible(h.page, 'Home');
            await h.page
                .getByRole('navigation', { name: 'App navigation' })
                .getByRole('link', { name: 'Webex Admin', exact: true })
                .click();
            const sections = h.page.getByRole('navigation', { name: 'Sections' });
            await sections.getByRole('button', { name: 'Health check' }).waitFor();
            // Every section has loaded its settings: no spinner left.
            await sectionOf('healthCheck').getByRole('button', { name: 'Run check' }).waitFor();
            await h.page.waitForFunction(() => !document.body.innerText.includes('Loading'));
            await expectAccessible(h.page, 'Webex Admin tab');

            // The tab shows every section at once, one under the other: the check above saw them all.
            const names = (await sections.getByRole('button').allTextContents()).map((text) => text.trim());
            assert.ok(names.length >= 12, `the list names every section: ${names.join(', ')}`);
            for (const target of await sections
                .getByRole('button')
                .evaluateAll((buttons) => buttons.map((button) => (button as HTMLElement).dataset.target)))
                assert.ok(await sectionOf(String(target)).isVisible(), `${target} is on the page`);

            // Webex Integration Settings: a token Webex refuses.
            const integration = h.page.locator('c-webex-admin-integration-settings');
            await integration.getByLabel(/^Access Token/).fill('not-a-webex-token');
            await integration.getByRole('button', { name: 'Save', exact: true }).click();
            await integration.getByRole('alert').first().waitFor();
            await expectAccessible(h.page, 'Webex Integration Settings, a refused token', inSection('integration'));

            // Salesforce Authorization: the notes for an org that set the package up before, opened.
            const auth = sectionOf('salesforceAuthorization');
            await auth.locator('summary').click();
            await auth.locator('details[open]').waitFor();
            await expectAccessible(
                h.page,
                'Salesforce Authorization, migration notes open',
                inSection('salesforceAuthorization')
            );

            // Additional tabs: a new tab for Case, saved without fields (refused), then with fields.
            await sections.getByRole('button', { name: 'Webex Call Log – Additional Tabs Configuration' }).click();
            const tabs = sectionOf('callLogTabs');
            await tabs.getByRole('combobox', { name: 'Object' }).selectOption({ label: 'Case' });
            await tabs.getByRole('combobox', { name: /Account relationship field/ }).waitFor();
            await tabs.getByRole('button', { name: 'Save', exact: true }).click();
            await tabs.getByText('Choose at least one field to show.').waitFor();
            await expectAccessible(h.page, 'Additional tabs, a new tab refused', inSection('callLogTabs'));
            const fields = tabs.getByRole('group', { name: 'Fields', exact: true });
            await fields.getByRole('listbox', { name: 'Available' }).getByRole('option', { name: 'Subject' }).click();
            await fields.getByRole('button', { name: 'Move to Selected', exact: true }).click();
            await tabs.getByRole('button', { name: 'Save', exact: true }).click();
            await tabs.getByText('The Case tab was saved.').waitFor();
            await tabs.getByRole('button', { name: 'Delete the Case tab' }).click();
            await tabs.getByRole('group', { name: 'Delete the Case tab?' }).waitFor();
            await expectAccessible(
                h.page,
                'Additional tabs, a tab saved and its deletion asked',
                inSection('callLogTabs')
            );

            // Calling backend: Unified CM, with what Salesforce cannot do.
            const backend = sectionOf('callingBackend');
            await backend.getByRole('radio', { name: 'Unified CM' }).focus();
            await backend.getByRole('radio', { name: 'Unified CM' }).press('Space');
            await backend.getByText('With Unified CM and BroadWorks, Salesforce cannot:').waitFor();
            await expectAccessible(h.page, 'Calling backend, Unified CM', inSection('callingBackend'));

            // Webex Chat: a search for a user, its results listed, one added.
            await sections.getByRole('button', { name: 'Webex Chat' }).click();
            const chat = h.page.locator('[data-feature="InstantChat"]');
            const search = chat.getByRole('combobox');
            await search.pressSequentially('Sam', { delay: 40 });
            await chat.getByRole('option', { name: /Sam Rep/ }).waitFor();
            await expectAccessible(h.page, 'Webex Chat, search results', inSection('chat'));
            await chat.getByRole('option', { name: /Sam Rep/ }).click();
            await chat.getByRole('button', { name: 'Remove Sam Rep (User)' }).waitFor();
            await expectAccessible(h.page, 'Webex Chat, a user added', inSection('chat'));

            // Health check: run, with every problem of a fresh org.
            await sections.getByRole('button', { name: 'Health check' }).click();
            const health = sectionOf('healthCheck');
            await health.getByRole('button', { name: 'Run check' }).click();
            await health.locator('[data-busy]').waitFor({ state: 'detached' });
            await health.locator('[data-summary]').waitFor();
            await expectAccessible(h.page, 'Health check, results', inSection('healthCheck'));
        }));

    it('the Webex Admin tab in French, read as French', () =>
        story(h, 'accessibility-admin-fr', async () => {
            await resetStory(h, '#/home', 'fr');
            await h.page
                .getByRole('navigation', { name: 'App navigation' })
                .getByRole('link', { name: 'Administration Webex', exact: true })
                .click();
            await sectionOf('healthCheck').getByRole('button').first().waitFor();
            await h.page.waitForFunction(() => !document.body.innerText.includes('Chargement'));
            // A screen reader picks its pronunciation from the page's language (WCAG 3.1.1), which axe only
            // checks is valid, not right.
            assert.equal(await h.page.evaluate('document.documentElement.lang'), 'fr');
            await expectAccessible(h.page, 'Webex Admin tab, in French');
        }));

    it('the dialer: idle, searching, ringing, connected, and the call log after the call', () =>
        story(h, 'accessibility-dialer', async () => {
            await resetStory(h, `&user=${SAM}#/home`);
            await prepareCallEvents(h.workbench);
            await enableForAll(h.workbench, 'OutboundCallLog', 'InboundCallLog', 'CallHistory');
            await connectRep(h.workbench, SAM);
            await h.page.reload();

            await h.page.getByRole('button', { name: 'Webex', exact: true }).click();
            const dialer = h.page.locator('[data-panel="webexDialer"] c-webex-calling');
            await dialer.getByRole('button', { name: 'Call', exact: true }).waitFor();
            await expectAccessible(h.page, 'Dialer, idle');

            await dialer.getByLabel('Number or name').fill('Olivia');
            await dialer
                .getByRole('button', { name: /Olivia Martin/ })
                .first()
                .waitFor();
            await expectAccessible(h.page, 'Dialer, search results');
            await dialer.getByLabel('Number or name').fill('');

            const { id } = await emulator<{ id: string }>('POST', '/_emulator/calls/inbound', {
                to: SAM,
                from: '+13122961607'
            });
            const banner = dialer.locator('c-webex-incoming-call');
            await banner.getByText('Incoming call').waitFor();
            await banner.getByText('Opened: Olivia Martin · Acme Robotics').waitFor();
            await expectAccessible(h.page, 'Dialer, ringing');

            await banner.getByRole('button', { name: 'Answer' }).click();
            const card = dialer.locator('c-webex-call-card');
            await card.getByText('Connected', { exact: true }).waitFor();
            await dialer.locator('c-webex-call-log').getByLabel('Subject').waitFor();
            await expectAccessible(h.page, 'Dialer, connected, with the call log');

            await emulator('POST', `/_emulator/calls/${id}/hangup`);
            await card.getByText('Call ended').waitFor();
            const log = dialer.locator('c-webex-call-log');
            await log.getByLabel('Comments').fill('Asked for a quote.');
            await expectAccessible(h.page, 'Dialer, the call ended, its log open');
            await log.getByRole('button', { name: 'Save', exact: true }).click();
            await dialer.getByLabel('Number or name').waitFor();
            await expectAccessible(h.page, 'Dialer, the call logged');
        }));
});
