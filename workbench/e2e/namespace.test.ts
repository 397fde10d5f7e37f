/**
 * The package run as installed with its namespace (sfdx-project.json's, `webexsf`; workbench/org/namespace.ts)
 * in Chromium: the Apex host runs the package's Apex installed with it (`WebexNamespace.prefix()` is `webexsf`), so
 * what the Apex names through WebexNamespace takes the namespace (the Visualforce page Salesforce returns to, the tab
 * and its page state key), and the package's records are named as an installed org names them
 * (`webexsf__Fields__c`), while the components work as unpackaged (docs/namespace.md).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { PACKAGE_NAMESPACE } from '../org/namespace.ts';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { runApex } from './package-setup.ts';
import { authSection, finishAuthorization, startAuthorization } from './salesforce-authorization.ts';

const NS = PACKAGE_NAMESPACE;
const ADMIN_TAB = `#/n/${NS}__Webex_Admin`;
let h: Harness;

const sectionOf = (name: string): Locator => h.page.locator(`[data-section="${name}"]`);

/** Moves options to the Selected side of a dual listbox, as a person clicks them then the arrow. */
async function select(list: Locator, options: string[]): Promise<void> {
    for (const [index, option] of options.entries()) {
        await list
            .getByRole('listbox', { name: 'Available', exact: true })
            .getByRole('option')
            .filter({ hasText: option })
            .first()
            .click({ modifiers: index > 0 ? ['Control'] : [] });
    }
    await list.getByRole('button', { name: 'Move to Selected', exact: true }).click();
}

/** The More info tab rows as `JSON.serialize` gives them to a subscriber's anonymous Apex, prefix written. */
async function storedCallLogTabs(): Promise<Array<Record<string, unknown>>> {
    const [json] = await runApex(
        h.workbench,
        `System.debug(JSON.serialize([SELECT ${NS}__ObjectApiName__c, ${NS}__AccountField__c, ${NS}__Fields__c FROM ${NS}__WebexCallLogTab__c]));`
    );
    return JSON.parse(json ?? '[]') as Array<Record<string, unknown>>;
}

describe(`The package installed with its namespace (${NS})`, () => {
    before(async () => {
        assert.ok(NS, 'sfdx-project.json names the namespace');
        h = await openHarness();
        h.workbench.org.useNamespace(NS);
    });

    after(async () => {
        await closeHarness(h);
    });

    it('Salesforce Authorization: Salesforce returns to the namespaced page, then to the namespaced tab, whose section reads the namespaced outcome', () =>
        story(h, 'namespace-salesforce-auth', async () => {
            await resetStory(h, ADMIN_TAB);
            const section = authSection(h);
            // The callback URLs to give the app: the page, and its namespaced twin the installed package uses.
            const urls = section.locator('[data-callback-urls] code');
            await urls.first().waitFor();
            assert.deepEqual(await urls.allTextContents(), [
                `${h.workbench.url}/apex/webexsfdcauth`,
                `${h.workbench.url}/apex/${NS}__webexsfdcauth`
            ]);

            await startAuthorization(h);
            const consent = new URL(h.page.url());
            assert.equal(
                consent.searchParams.get('redirect_uri'),
                `${h.workbench.url}/apex/${NS}__webexsfdcauth`,
                'Salesforce is asked to return to the namespaced page'
            );
            await h.page.getByRole('button', { name: /^(Allow|Autoriser)$/ }).click();
            await h.page.waitForURL(new RegExp(`/apex/${NS}__webexsfdcauth\\?`));
            await finishAuthorization(h);
            await h.page
                .getByRole('button', { name: /^(Return to Webex Admin|Revenir à Administration Webex)$/ })
                .click();

            // The tab is `<ns>__Webex_Admin` and the outcome comes in `<ns>__webexSfAuth`, never `c__webexSfAuth`.
            await h.page.waitForURL(new RegExp(`#/n/${NS}__Webex_Admin\\?${NS}__webexSfAuth=authorized$`));
            await section
                .locator('[data-success]')
                .getByText('Salesforce authorization completed: the package now acts as Avery Admin.')
                .waitFor();
            await screenshot(h, 'namespace-salesforce-auth-returned');
            assert.deepEqual(h.pageErrors, []);
        }));

    it('More info tabs: the record an admin saves carries the namespaced field names, reads back into the section and is edited in place', () =>
        story(h, 'namespace-call-log-tabs', async () => {
            await resetStory(h, ADMIN_TAB);
            const section = sectionOf('callLogTabs');
            await section.getByText('No additional tab yet', { exact: false }).waitFor();
            await section.getByRole('combobox', { name: 'Object' }).selectOption({ label: 'Case' });
            await section.getByRole('combobox', { name: /Account relationship field/ }).waitFor();
            await select(section.getByRole('group', { name: 'Fields', exact: true }), ['Subject', 'Status']);
            await section.getByRole('button', { name: /^(Save|Enregistrer)$/ }).click();
            await section.getByText('The Case tab was saved.').waitFor();

            // Stored as an installed org's SOQL returns it, read the way a subscriber's administrator reads a
            // package's object (anonymous Apex, outside the package: the prefix written).
            const [record] = await storedCallLogTabs();
            assert.deepEqual(
                Object.keys(record ?? {})
                    .filter((name) => name.endsWith('__c'))
                    .sort(),
                [`${NS}__AccountField__c`, `${NS}__Fields__c`, `${NS}__ObjectApiName__c`],
                'the record is named as in the installed org'
            );
            assert.equal(record?.[`${NS}__ObjectApiName__c`], 'Case');
            assert.equal(record?.[`${NS}__AccountField__c`], 'AccountId');
            assert.equal(record?.[`${NS}__Fields__c`], 'Subject,Status');
            assert.equal(
                (record?.attributes as { type?: string } | undefined)?.type,
                `${NS}__WebexCallLogTab__c`,
                'the object is named as in the installed org'
            );

            // Read back after a reload, and edited: the stored record is found and updated in place.
            await h.page.reload();
            const reloaded = sectionOf('callLogTabs');
            await reloaded.getByRole('row', { name: /Case/ }).getByText('Subject, Status').waitFor();
            await reloaded.getByRole('button', { name: 'Edit the Case tab' }).click();
            const fields = reloaded.getByRole('group', { name: 'Fields', exact: true });
            await fields.getByRole('listbox', { name: 'Selected', exact: true }).getByRole('option').first().waitFor();
            await select(fields, ['Priority']);
            await reloaded.getByRole('button', { name: /^(Save|Enregistrer)$/ }).click();
            await reloaded.getByText('The Case tab was saved.').waitFor();
            await reloaded.getByRole('row', { name: /Case/ }).getByText('Subject, Status, Priority').waitFor();
            const stored = await storedCallLogTabs();
            assert.equal(stored.length, 1, 'the same record, updated');
            assert.equal(stored[0]?.[`${NS}__Fields__c`], 'Subject,Status,Priority');
            await reloaded.scrollIntoViewIfNeeded();
            await screenshot(h, 'namespace-call-log-tabs');
            assert.deepEqual(h.pageErrors, []);
        }));
});
