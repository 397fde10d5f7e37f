/**
 * Stories of the workbench shell itself (F1): an admin or rep moves around a Lightning-like org
 * seeded from data/, opens records, creates one from prefilled values, in English and French.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';

let h: Harness;

describe('Workbench shell', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('lists the seeded contacts and opens one on its record page with its account', () =>
        story(h, 'contact-record-page', async () => {
            await resetStory(h, '#/home');
            await h.page
                .getByRole('navigation', { name: 'App navigation' })
                .getByRole('link', { name: 'Contacts', exact: true })
                .click();
            await h.page.getByRole('heading', { name: 'Contacts' }).waitFor();
            assert.equal(await h.page.locator('tbody tr').count(), 50, 'all 50 seeded contacts are listed');
            await h.page.getByRole('link', { name: 'Olivia Martin' }).click();
            await h.page.getByRole('heading', { name: 'Olivia Martin' }).waitFor();
            const highlights = h.page.locator('.wb-highlights');
            await highlights.getByText('(312) 296-1607').waitFor();
            await highlights.getByText('Acme Robotics').waitFor();
            await h.page.getByRole('link', { name: 'Acme Robotics' }).click();
            await h.page.getByRole('heading', { name: 'Acme Robotics' }).waitFor();
            assert.match(h.page.url(), /#\/r\/Account\/001\w{15}\/view$/);
            await screenshot(h, 'shell-account-record');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('opens the right page from each tab of the navigation bar, the Home page links and record links', () =>
        story(h, 'navigation-clicks', async () => {
            await resetStory(h, '#/home');
            const nav = h.page.getByRole('navigation', { name: 'App navigation' });
            const expectPage = async (route: string, heading: string): Promise<void> => {
                await h.page.getByRole('heading', { name: heading, exact: true, level: 1 }).waitFor();
                // The exact route: synthetic shadow once rewrote the tabs' links to `#/…-0`.
                assert.equal(new URL(h.page.url()).hash, route);
            };
            const tabs: Array<[string, string, string]> = [
                ['Contacts', '#/o/Contact/list', 'Contacts'],
                ['Leads', '#/o/Lead/list', 'Leads'],
                ['Accounts', '#/o/Account/list', 'Accounts'],
                ['Opportunities', '#/o/Opportunity/list', 'Opportunities'],
                ['Cases', '#/o/Case/list', 'Cases'],
                ['Webex Admin', '#/n/Webex_Admin', 'Webex Admin'],
                ['Home', '#/home', 'Home']
            ];
            for (const [tab, route, heading] of tabs) {
                await nav.getByRole('link', { name: tab, exact: true }).click();
                await expectPage(route, heading);
                assert.equal(
                    await nav.getByRole('link', { name: tab, exact: true }).getAttribute('aria-current'),
                    'page',
                    `${tab} is the current tab`
                );
            }
            assert.equal(await h.page.getByText('Webex_Admin-0').count(), 0);

            // The Home page's links.
            const main = h.page.getByRole('main');
            await main.getByText('Set up the package in the Webex Admin tab.').waitFor();
            await main.getByText('Then open Contacts or Leads.').waitFor();
            await main.getByRole('link', { name: 'Webex Admin', exact: true }).click();
            await expectPage('#/n/Webex_Admin', 'Webex Admin');
            await main.getByText('Webex Integration Settings').first().waitFor();
            await nav.getByRole('link', { name: 'Home', exact: true }).click();
            await main.getByRole('link', { name: 'Leads', exact: true }).click();
            await expectPage('#/o/Lead/list', 'Leads');
            await nav.getByRole('link', { name: 'Home', exact: true }).click();
            await main.getByRole('link', { name: 'Contacts', exact: true }).click();
            await expectPage('#/o/Contact/list', 'Contacts');

            // Record links: a contact from its list, its account from its details, back by the tab.
            await main.getByRole('link', { name: 'Olivia Martin', exact: true }).click();
            await h.page.getByRole('heading', { name: 'Olivia Martin' }).waitFor();
            assert.match(new URL(h.page.url()).hash, /^#\/r\/Contact\/003\w{15}\/view$/);
            await main.getByRole('link', { name: 'Acme Robotics', exact: true }).click();
            await h.page.getByRole('heading', { name: 'Acme Robotics' }).waitFor();
            assert.match(new URL(h.page.url()).hash, /^#\/r\/Account\/001\w{15}\/view$/);
            await nav.getByRole('link', { name: 'Leads', exact: true }).click();
            await main.getByRole('link', { name: 'New', exact: true }).click();
            await h.page.getByLabel('Company').waitFor();
            assert.equal(new URL(h.page.url()).hash, '#/o/Lead/new');
            // The page keeps its language and user across the links.
            assert.equal(new URL(h.page.url()).searchParams.get('lang'), 'en');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('creates a lead from prefilled values, and keeps what was typed when a required field is missing', () =>
        story(h, 'new-lead', async () => {
            await resetStory(h, '#/o/Lead/new?defaultFieldValues=Phone%3D%252B1%2520415%2520555%25200199');
            const phone = h.page.getByLabel('Phone', { exact: true });
            await phone.waitFor();
            assert.equal(await phone.inputValue(), '+1 415 555 0199', 'the number arrives prefilled');
            await h.page.getByLabel('Company').fill('Fabrikam');
            await h.page.getByRole('button', { name: 'Save' }).click();
            await h.page.getByText('Complete this field.').first().waitFor();
            assert.equal(await h.page.getByLabel('Company').inputValue(), 'Fabrikam');
            await h.page.getByLabel('Last Name').fill('Nakamura');
            // Leaving the field clears its error message first, as a person tabbing to Save would.
            await h.page.getByLabel('Last Name').press('Tab');
            await h.page.getByRole('button', { name: 'Save' }).click();
            await h.page.getByRole('heading', { name: 'Nakamura' }).waitFor();
            assert.ok(
                h.workbench.org.records
                    .list('Lead')
                    .some((l) => l.LastName === 'Nakamura' && l.Phone === '+1 415 555 0199'),
                'the lead is stored in the emulated org'
            );
        }));

    it('shows object labels in French', () =>
        story(h, 'french-shell', async () => {
            await resetStory(h, '#/o/Lead/list', 'fr');
            await h.page.getByRole('heading', { name: 'Pistes' }).waitFor();
            await h.page.getByRole('columnheader', { name: 'Société' }).waitFor();
        }));

    it('shows the Webex Admin tab styled with SLDS', () =>
        story(h, 'admin-tab-slds', async () => {
            await resetStory(h, '#/n/Webex_Admin');
            await h.page.getByText('Webex Integration Settings').first().waitFor();
            const background = await h.page
                .locator('.slds-context-bar')
                .evaluate((el) => getComputedStyle(el).backgroundColor);
            assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'SLDS styles the navigation bar');
            await screenshot(h, 'webex-admin-tab');
        }));
});
