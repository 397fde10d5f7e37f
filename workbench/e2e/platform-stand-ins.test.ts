/**
 * The workbench's stand-ins for the platform, proven in the browser with test-only components
 * (workbench/e2e/fixtures): record-page regions and quick actions placed from js-meta.xml targets,
 * getRecord with schema imports, navigation, the utility bar's panel size, and empApi events that
 * reach only the user they address.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';

let h: Harness;

function contactId(name: string): string {
    const contact = h.workbench.org.records.list('Contact').find((c) => c.Name === name);
    assert.ok(contact, `seeded contact ${name}`);
    return contact.Id;
}

describe('Platform stand-ins', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('places a record component on its object, reads the record through getRecord and navigates', () =>
        story(h, 'record-region', async () => {
            await resetStory(h, `#/r/Contact/${contactId('Olivia Martin')}/view`);
            const region = h.page.locator('[data-region="sidebar"]');
            await region
                .locator('[data-probe="summary"]')
                .getByText('Contact: Olivia Martin, (312) 296-1607, Acme Robotics')
                .waitFor();
            await region.getByRole('button', { name: 'Open account' }).click();
            await h.page.getByRole('heading', { name: 'Acme Robotics' }).waitFor();
            assert.equal(
                await h.page.locator('[data-probe="summary"]').count(),
                0,
                'a component restricted to Contact is not placed on an Account page'
            );
            assert.deepEqual(h.pageErrors, []);
        }));

    it('opens a quick action in a modal that the component can close', () =>
        story(h, 'quick-action', async () => {
            await resetStory(h, `#/r/Contact/${contactId('Olivia Martin')}/view`);
            await h.page.getByRole('button', { name: 'Probe Action' }).click();
            const dialog = h.page.getByRole('dialog', { name: 'Probe Action' });
            await dialog.getByText('Contact: Olivia Martin').waitFor();
            await screenshot(h, 'quick-action');
            await dialog.getByRole('button', { name: 'Close probe' }).click();
            await dialog.waitFor({ state: 'detached' });
        }));

    it('opens a utility item in a panel of the configured size', () =>
        story(h, 'utility-panel', async () => {
            await resetStory(h, '#/home');
            const panel = h.page.locator('[data-panel="wbProbeUtility"]');
            await panel.waitFor({ state: 'attached' });
            assert.equal(await panel.isVisible(), false, 'the panel starts closed');
            await h.page.getByRole('button', { name: 'Probe' }).click();
            await panel.waitFor({ state: 'visible' });
            const box = await panel.boundingBox();
            assert.deepEqual([box?.width, box?.height], [420, 460], 'the admin guide size: 420 × 460');
            await screenshot(h, 'utility-panel');
        }));

    it('delivers an event addressed to one user to that user only, and a broadcast to all', () =>
        story(h, 'emp-addressing', async () => {
            await resetStory(h, '#/home');
            const sam = h.workbench.org.records.list('User').find((u) => u.Email === 'sam.rep@acme-webex.example');
            assert.ok(sam);
            const samPage = await h.browser.newPage();
            try {
                await samPage.goto(`${h.workbench.url}/?lang=en&user=${sam.Email}#/home`);
                for (const page of [h.page, samPage]) {
                    await page.locator('[data-probe="status"]').getByText('subscribed').waitFor({ state: 'attached' });
                }
                const publish = (text: string, userIds: string[] | null) =>
                    fetch(`${h.workbench.url}/_org/control/publish`, {
                        method: 'POST',
                        headers: { 'content-type': 'application/json' },
                        body: JSON.stringify({ channel: '/event/WbProbe__e', payload: { text }, userIds })
                    });
                await publish('for Sam only', [sam.Id]);
                await publish('for everyone', null);
                await samPage.locator('[data-probe="event"]').getByText('for everyone').waitFor({ state: 'attached' });
                await h.page.locator('[data-probe="event"]').getByText('for everyone').waitFor({ state: 'attached' });
                const texts = async (page: typeof samPage) => page.locator('[data-probe="event"]').allTextContents();
                assert.deepEqual(await texts(samPage), ['for Sam only', 'for everyone']);
                assert.deepEqual(await texts(h.page), ['for everyone'], "Sam's event never reaches Avery's page");
            } finally {
                await samPage.close();
            }
        }));
});
