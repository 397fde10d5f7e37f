/**
 * Stories of the call-log panel (B4, B5) in Chromium, against the emulated org, hosted the way the dialer hosts it
 * (a 420 × 460 utility item, test fixture wbCallLogHost): a rep logs a call related to an account with the
 * keyboard, saves, then saves again into the same Task; More info lists the account's opportunities as the
 * administrator configured; a save refused by Salesforce keeps the notes and says what to do; Unified CM says it
 * gives no duration; French throughout, closing with unsaved notes asks first.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { closeHarness, openHarness, resetStory, screenshot, story, ARTIFACTS, type Harness } from './browser.ts';
import type { HostedCall } from './fixtures/lwc/wbCallLogHost/wbCallLogHost.ts';
import { enableForAll, insertCallLogTab, setCallLogObjects } from './package-setup.ts';

const SAM = 'sam.rep@acme-webex.example';
const CAMILLE = 'camille.vente@acme-webex.example';
let h: Harness;

const panel = (): Locator => h.page.locator('section[data-panel="wbCallLogHost"]');
const callLog = (): Locator => panel().locator('c-webex-call-log');
const events = (): Promise<string[]> => panel().locator('[data-probe="call-log-event"]').allTextContents();

function recordNamed(objectApiName: string, name: string): { Id: string } & Record<string, unknown> {
    const record = h.workbench.org.records.list(objectApiName).find((r) => r.Name === name);
    assert.ok(record, name);
    return record;
}

function tasksOf(callId: string): Array<Record<string, unknown>> {
    return h.workbench.org.records.list('Task').filter((task) => task.CallObject === callId);
}

/**
 * A fresh story as a rep: outbound and inbound logs on for everyone, Accounts and Opportunities offered for
 * Related to, then the hosted call set and the utility item opened.
 */
async function openCallLog(user: string, call: Partial<HostedCall>, lang: 'en' | 'fr' = 'en'): Promise<void> {
    await resetStory(h, `&user=${user}#/home`, lang);
    await enableForAll(h.workbench, 'OutboundCallLog', 'InboundCallLog');
    await setCallLogObjects(h.workbench, 'Outbound', ['Account', 'Opportunity']);
    await setCallLogObjects(h.workbench, 'Inbound', ['Account']);
    await h.page.evaluate((hosted) => {
        (window as Window & { __wbCallLog?: unknown }).__wbCallLog = hosted;
    }, call);
    await h.page.getByRole('button', { name: 'Call log (test)' }).click();
    await callLog()
        .getByRole('heading', { name: lang === 'fr' ? "Journal d'appel" : 'Call log' })
        .waitFor();
}

/** What the dialer tells the panel as the call goes on. */
async function updateCall(change: Partial<HostedCall>): Promise<void> {
    await h.page.evaluate((detail) => window.dispatchEvent(new CustomEvent('wb-call-log', { detail })), change);
}

/** Only the panel, as a rep sees it docked at the foot of the page. */
async function panelShot(name: string): Promise<void> {
    await panel().screenshot({ path: `${ARTIFACTS}/${name}.png` });
}

function oliviaCall(overrides: Partial<HostedCall> = {}): Partial<HostedCall> {
    const olivia = recordNamed('Contact', 'Olivia Martin');
    return {
        callId: 'call-log-e2e-1',
        direction: 'Outbound',
        phoneNumber: String(olivia.Phone ?? '+33 1 42 68 12 34'),
        whoId: olivia.Id,
        whoName: 'Olivia Martin',
        relatedObjects: [
            { apiName: 'Account', label: 'Accounts' },
            { apiName: 'Opportunity', label: 'Opportunities' }
        ],
        durationSeconds: null,
        callEnded: false,
        backend: 'WebexCalling',
        ...overrides
    };
}

/** Finds a record for Related to from the keyboard: type, Down Arrow to the results, Enter. */
async function relateTo(name: string, search: string): Promise<void> {
    const box = callLog().getByRole('searchbox', { name: /^(Search|Rechercher)/ });
    await box.fill(search);
    await callLog().getByRole('button', { name }).waitFor();
    await box.focus();
    await h.page.keyboard.press('ArrowDown');
    await h.page.keyboard.press('Enter');
    await callLog().locator('[data-selected]').getByText(name, { exact: true }).waitFor();
}

describe('Call log panel', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('logs a call related to an account, then saves again into the same Task', () =>
        story(h, 'call-log-save', async () => {
            const account = recordNamed('Account', 'Acme Robotics');
            await openCallLog(SAM, oliviaCall());
            const subject = callLog().getByRole('textbox', { name: 'Subject' });
            assert.equal(await subject.inputValue(), 'Outbound call to Olivia Martin');
            await callLog().getByText('Filled in when the call ends.').waitFor();

            await callLog().getByRole('textbox', { name: 'Comments' }).fill('Asked for a quote for 20 robots');
            await relateTo('Acme Robotics', 'acme');
            await callLog().getByRole('combobox', { name: 'Call result' }).selectOption({ label: 'Connected' });
            await callLog().getByText('Unsaved changes').waitFor();
            // The call ends: the dialer hands over its duration.
            await updateCall({ durationSeconds: 95, callEnded: true });
            await callLog().getByText('1 min 35 s').waitFor();
            await panelShot('call-log-details');

            const save = callLog().getByRole('button', { name: 'Save' });
            await save.focus();
            await h.page.keyboard.press('Enter');
            await callLog().getByText('Saved.').waitFor();
            await callLog().getByRole('link', { name: 'View the task' }).waitFor();
            const [task] = tasksOf('call-log-e2e-1');
            assert.equal(task.Subject, 'Outbound call to Olivia Martin');
            assert.equal(task.Description, 'Asked for a quote for 20 robots');
            assert.equal(task.WhoId, recordNamed('Contact', 'Olivia Martin').Id);
            assert.equal(task.WhatId, account.Id);
            assert.equal(task.CallDisposition, 'Connected');
            assert.equal(task.CallDurationInSeconds, 95);
            assert.equal(task.CallType, 'Outbound');
            assert.equal(task.TaskSubtype, 'Call');
            assert.equal(task.OwnerId, h.workbench.org.user.id);
            assert.deepEqual(await events(), [`saved ${String(task.Id)} created`]);
            await panelShot('call-log-saved');

            // More notes, saved again: the same Task.
            await callLog()
                .getByRole('textbox', { name: 'Comments' })
                .fill('Asked for a quote for 20 robots. Sending it Monday.');
            await callLog().getByText('Unsaved changes').waitFor();
            await save.click();
            await callLog().getByText('Saved.').waitFor();
            const tasks = tasksOf('call-log-e2e-1');
            assert.equal(tasks.length, 1, 'one Task per call');
            assert.equal(tasks[0].Description, 'Asked for a quote for 20 robots. Sending it Monday.');
            assert.deepEqual((await events())[1], `saved ${String(task.Id)} updated`);

            // The link opens the Task.
            await callLog().getByRole('link', { name: 'View the task' }).click();
            await h.page.waitForURL(new RegExp(`#/r/Task/${String(task.Id)}/view`));
            assert.deepEqual(h.pageErrors, []);
        }));

    it('shows More info: the caller’s account opportunities, as configured', () =>
        story(h, 'call-log-more-info', async () => {
            await openCallLog(SAM, oliviaCall());
            // The administrator configured an Opportunity tab (one field deleted since).
            await insertCallLogTab(h.workbench, {
                objectApiName: 'Opportunity',
                accountField: 'AccountId',
                fields: ['Name', 'StageName', 'Deleted__c', 'Amount', 'CloseDate']
            });
            await callLog().getByRole('tab', { name: 'More info' }).click();
            const section = callLog().locator('[data-section="Opportunity"]');
            await section.getByRole('heading', { name: 'Opportunities' }).waitFor();
            const deal = recordNamed('Opportunity', 'Acme Robotics – New Business 2026');
            const row = section.locator(`[data-record="${deal.Id}"]`);
            await row.getByRole('button', { name: 'Open Acme Robotics – New Business 2026' }).waitFor();
            await row.getByText('Qualification').waitFor();
            await row.getByText('USD 48,000.00').waitFor();
            assert.equal(await section.getByText('Deleted__c').count(), 0, 'a deleted field is skipped');
            await panelShot('call-log-more-info');
            await row.getByRole('button', { name: 'Open Acme Robotics – New Business 2026' }).click();
            await h.page.waitForURL(new RegExp(`#/r/Opportunity/${deal.Id}/view`));
        }));

    it('keeps the notes when Salesforce refuses the save, says what to do, and saves on the next try', () =>
        story(h, 'call-log-save-failure', async () => {
            const account = recordNamed('Account', 'Acme Robotics');
            await openCallLog(SAM, oliviaCall({ callId: 'call-log-e2e-2' }));
            const comments = callLog().getByRole('textbox', { name: 'Comments' });
            await comments.fill('Wants a callback on Friday');
            await relateTo('Acme Robotics', 'Acme');
            // Meanwhile the account is deleted (or stops being shared with the rep).
            h.workbench.org.records.delete(account.Id);
            await callLog().getByRole('button', { name: 'Save' }).click();
            const alert = callLog().getByRole('alert').filter({ hasText: 'Not saved. Your notes are still here.' });
            await alert.getByText('The contact, lead or related record was deleted', { exact: false }).waitFor();
            assert.equal(await comments.inputValue(), 'Wants a callback on Friday');
            await callLog().getByText('Unsaved changes').waitFor();
            assert.equal(tasksOf('call-log-e2e-2').length, 0, 'nothing written');
            await panelShot('call-log-save-failure');

            // The network drops: said as such, still nothing lost.
            const saveMethod = '**/_org/apex/WebexCallLogController/saveCallLog';
            await h.page.route(saveMethod, (route) => route.abort('internetdisconnected'));
            await callLog().getByRole('button', { name: 'Save' }).click();
            await alert.getByText('Salesforce could not be reached.', { exact: false }).waitFor();
            await h.page.unroute(saveMethod);

            // The rep removes the record and saves again.
            await callLog().getByRole('button', { name: 'Remove Acme Robotics' }).click();
            await callLog().getByRole('button', { name: 'Save' }).click();
            await callLog().getByText('Saved.').waitFor();
            assert.equal(await callLog().getByRole('alert').count(), 0, 'the error goes once saved');
            const [task] = tasksOf('call-log-e2e-2');
            assert.equal(task.Description, 'Wants a callback on Friday');
            assert.equal(task.WhatId, null);
        }));

    it('says Unified CM gives no duration, and a lead’s call relates to nothing else', () =>
        story(h, 'call-log-unified-cm', async () => {
            const lead = h.workbench.org.records.list('Lead')[0];
            await openCallLog(SAM, {
                callId: 'call-log-e2e-3',
                direction: 'Inbound',
                phoneNumber: String(lead.Phone ?? '+1 415 555 0100'),
                whoId: lead.Id,
                whoName: String(lead.Name),
                relatedObjects: [{ apiName: 'Account', label: 'Accounts' }],
                backend: 'UnifiedCM'
            });
            await callLog().getByText('Duration is not available with your phone system.').waitFor();
            await callLog().getByText("Calls with Leads can't be related to another record.").waitFor();
            assert.equal(
                await callLog().getByRole('textbox', { name: 'Subject' }).inputValue(),
                `Inbound call from ${String(lead.Name)}`
            );
            await callLog().getByRole('button', { name: 'Save' }).click();
            await callLog().getByText('Saved.').waitFor();
            const [task] = tasksOf('call-log-e2e-3');
            assert.equal(task.CallType, 'Inbound');
            assert.equal(task.CallDurationInSeconds, null);
            await panelShot('call-log-unified-cm');
        }));

    it('speaks French, and asks before closing with unsaved notes', () =>
        story(h, 'call-log-fr', async () => {
            await openCallLog(
                CAMILLE,
                oliviaCall({
                    callId: 'call-log-e2e-4',
                    // The dialer passes the objects' labels in the rep's language.
                    relatedObjects: [
                        { apiName: 'Account', label: 'Comptes' },
                        { apiName: 'Opportunity', label: 'Opportunités' }
                    ]
                }),
                'fr'
            );
            assert.equal(
                await callLog().getByRole('textbox', { name: 'Objet' }).inputValue(),
                'Appel sortant : Olivia Martin'
            );
            await callLog().getByText("Renseignée à la fin de l'appel.").waitFor();
            await callLog().getByRole('textbox', { name: 'Commentaires' }).fill('Rappeler vendredi');
            await callLog().getByText('Modifications non enregistrées').waitFor();
            await callLog().getByRole('searchbox', { name: 'Rechercher : Comptes' }).waitFor();
            await panelShot('call-log-fr');

            // Closing asks first; Escape keeps the notes, then closing without saving closes.
            await callLog().getByRole('button', { name: "Fermer le journal d'appel" }).click();
            const dialog = callLog().getByRole('alertdialog');
            await dialog.getByText('Fermer sans enregistrer ? Vos notes seront perdues.').waitFor();
            await panelShot('call-log-fr-close');
            await h.page.keyboard.press('Escape');
            await dialog.waitFor({ state: 'detached' });
            assert.equal(
                await callLog().getByRole('textbox', { name: 'Commentaires' }).inputValue(),
                'Rappeler vendredi'
            );
            await callLog().getByRole('button', { name: "Fermer le journal d'appel" }).click();
            await callLog().getByRole('button', { name: 'Fermer sans enregistrer' }).click();
            await panel().locator('c-webex-call-log').waitFor({ state: 'detached' });
            assert.deepEqual(await events(), ['closed']);
            assert.equal(tasksOf('call-log-e2e-4').length, 0);
            await screenshot(h, 'call-log-fr-closed');
        }));
});
