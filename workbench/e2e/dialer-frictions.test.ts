/**
 * What a new rep stumbles on in the dialer's first hour (issue 10, item 7), as Sam meets it in Chromium: a search
 * result named "Call Olivia Martin…" calls her, from the mouse or the keyboard; a log saved after the call says
 * what was saved and links to its Task; the call log's Related to says "1 record found"; a number of zeros says
 * something true about what was typed; and the connected call with the log's first fields fits the 420 × 460
 * utility panel without scrolling.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { connectRep, prepareCallEvents } from './call-events.ts';
import { enableForAll, setCallLogObjects } from './package-setup.ts';
import { KNOWN_BASE_COMPONENT_ERROR, emulatorRequest, until } from './workbench-api.ts';

const SAM = 'sam.rep@acme-webex.example';
let h: Harness;

const emulator = <T = unknown>(method: string, path: string, body?: unknown): Promise<T> =>
    emulatorRequest<T>(h, method, path, body);

const panel = (): Locator => h.page.locator('[data-panel="webexDialer"]');
const dialer = (): Locator => panel().locator('c-webex-calling');
const card = (): Locator => dialer().locator('c-webex-call-card');
const callLog = (): Locator => dialer().locator('c-webex-call-log');

async function samsCalls(): Promise<Array<{ id: string; state: string }>> {
    return (await emulator<{ items: Array<{ id: string; state: string }> }>('GET', '/_emulator/calls')).items;
}

/** Sam, connected to Webex, logging calls, with Accounts offered for Related to; the far end answers on cue. */
async function openAsSam(lang: 'en' | 'fr' = 'en'): Promise<void> {
    await resetStory(h, `&user=${SAM}#/home`, lang);
    await prepareCallEvents(h.workbench);
    await enableForAll(h.workbench, 'OutboundCallLog', 'InboundCallLog');
    await setCallLogObjects(h.workbench, 'Outbound', ['Account']);
    await connectRep(h.workbench, SAM);
    await emulator('PATCH', '/_emulator/settings', { calls: { remoteAnswerAfterMs: null } });
    await h.page.reload();
    await h.page.getByRole('button', { name: 'Webex', exact: true }).click();
    await panel().waitFor({ state: 'visible' });
    await dialer()
        .getByRole('button', { name: /^(Call|Appeler)$/ })
        .waitFor();
}

/** Sam's call is answered at the far end: the dialer shows it connected, with its log. */
async function answeredFarEnd(): Promise<void> {
    await until(async () => (await samsCalls())[0]?.state === 'connecting', 'the far end rings');
    const [call] = await samsCalls();
    await emulator('POST', `/_emulator/calls/${call.id}/answer`);
    await card().getByText('Connected', { exact: true }).waitFor();
    await callLog().getByLabel('Subject').waitFor();
}

function assertNoPageErrors(): void {
    assert.deepEqual(
        h.pageErrors.filter((error) => error !== KNOWN_BASE_COMPONENT_ERROR),
        []
    );
}

describe('Webex dialer: first-hour frictions', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('calls the number Sam clicks in the search results, and the one Sam picks from the keyboard', () =>
        story(h, 'dialer-result-calls', async () => {
            await openAsSam();
            await dialer().getByLabel('Number or name').fill('Olivia');
            const result = dialer().getByRole('button', { name: /^Call Olivia Martin, Business Phone/ });
            await result.click();
            // One click: the call is placed, to the number the result shows, with Olivia named.
            await card().getByRole('heading', { name: 'Olivia Martin' }).waitFor();
            await until(async () => (await samsCalls()).length === 1, 'Webex placed the call');
            await card().getByRole('button', { name: 'Hang up' }).click();
            await card().getByText('No answer', { exact: true }).waitFor();
            await callLog().getByRole('button', { name: 'Close the call log' }).click();
            await dialer().getByLabel('Number or name').waitFor();

            // From the keyboard: Tab from the field reaches the results; Enter calls.
            await until(async () => (await samsCalls()).length === 0, 'the last call is over');
            await dialer().getByLabel('Number or name').fill('Olivia');
            await result.waitFor();
            await result.focus();
            await h.page.keyboard.press('Enter');
            await card().getByRole('heading', { name: 'Olivia Martin' }).waitFor();
            await until(async () => (await samsCalls()).length === 1, 'Webex placed the call from the keyboard');
            assertNoPageErrors();
        }));

    it('says what was saved once the call is over, links to its Task, and can be dismissed', () =>
        story(h, 'dialer-log-saved', async () => {
            await openAsSam();
            await dialer().getByLabel('Number or name').fill('(312) 296-1607');
            await dialer().getByRole('button', { name: 'Call', exact: true }).click();
            await answeredFarEnd();
            await callLog().getByLabel('Comments').fill('Wants 20 robots in March');
            const search = callLog().getByRole('searchbox', { name: /^Search/ });
            await search.fill('Acme');
            await callLog().getByRole('button', { name: 'Acme Robotics' }).click();
            await callLog().getByRole('combobox', { name: 'Call result' }).selectOption({ label: 'Connected' });
            await card().getByText('0:01').waitFor();
            await card().getByRole('button', { name: 'Hang up' }).click();
            await card().getByText('Call ended').waitFor();

            // A refused save keeps every word Sam typed, and the log stays open.
            const saveMethod = '**/_org/apex/WebexCallLogController/saveCallLog';
            await h.page.route(saveMethod, (route) => route.abort('internetdisconnected'));
            await callLog().getByRole('button', { name: 'Save' }).click();
            await callLog().getByText('Salesforce could not be reached.', { exact: false }).waitFor();
            assert.equal(await callLog().getByLabel('Comments').inputValue(), 'Wants 20 robots in March');
            await h.page.unroute(saveMethod);

            await callLog().getByRole('button', { name: 'Save' }).click();
            // The log has done its job and goes; what it saved is said, with the Task.
            const saved = dialer().getByRole('region', { name: 'Call log saved' });
            await saved.waitFor();
            await callLog().waitFor({ state: 'detached' });
            await saved.getByText('Outbound call to (312) 296-1607', { exact: true }).waitFor();
            await saved.getByText('Acme Robotics', { exact: true }).waitFor();
            await saved.getByText('Connected', { exact: true }).waitFor();
            await saved.getByText(/^0 min 0\d s$/).waitFor();
            await screenshot(h, 'dialer-log-saved');
            const [task] = h.workbench.org.records.list('Task');
            assert.equal(task.Description, 'Wants 20 robots in March');
            // Dismissed, it goes; the dialer is ready for the next call.
            await saved.getByRole('button', { name: 'Dismiss' }).click();
            await saved.waitFor({ state: 'detached' });
            await dialer().getByLabel('Number or name').waitFor();

            // Once more, then the link opens the Task.
            await until(async () => (await samsCalls()).length === 0, 'the last call is over');
            await dialer().getByLabel('Number or name').fill('3122961607');
            await dialer().getByRole('button', { name: 'Call', exact: true }).click();
            await answeredFarEnd();
            await callLog().getByLabel('Subject').fill('Callback about the quote');
            await card().getByRole('button', { name: 'Hang up' }).click();
            await card().getByText('Call ended').waitFor();
            await callLog().getByRole('button', { name: 'Save' }).click();
            await saved.getByText('Callback about the quote', { exact: true }).waitFor();
            assert.equal(await saved.getByText('Acme Robotics').count(), 0, 'no related record this time');
            await saved.getByRole('link', { name: 'View the task' }).click();
            const tasks = h.workbench.org.records.list('Task');
            const second = tasks.find((t) => t.Subject === 'Callback about the quote');
            assert.ok(second);
            await h.page.waitForURL(new RegExp(`#/r/Task/${String(second.Id)}/view`));
            assertNoPageErrors();
        }));

    it('says "1 record found" in English and « 1 enregistrement trouvé » in French', () =>
        story(h, 'dialer-one-record-found', async () => {
            for (const lang of ['en', 'fr'] as const) {
                await openAsSam(lang);
                // Olivia's US number: national for Sam in the US, with its +1 for a rep whose locale is French.
                await dialer()
                    .getByLabel(lang === 'fr' ? 'Numéro ou nom' : 'Number or name')
                    .fill(lang === 'fr' ? '+1 312 296 1607' : '3122961607');
                await dialer()
                    .getByRole('button', { name: lang === 'fr' ? 'Appeler' : 'Call', exact: true })
                    .click();
                await callLog().waitFor();
                await callLog()
                    .getByRole('searchbox', { name: /^(Search|Rechercher)/ })
                    .fill('Acme');
                const status = callLog().locator('c-webex-call-log-related [data-status]');
                const expected =
                    lang === 'fr'
                        ? '1 enregistrement trouvé. Choisissez-le ci-dessous.'
                        : '1 record found. Choose it below.';
                await until(async () => ((await status.textContent()) ?? '').trim() === expected, expected);
            }
            assertNoPageErrors();
        }));

    it('says what is wrong with a number of zeros without talking of a + nobody typed', () =>
        story(h, 'dialer-zeros', async () => {
            await openAsSam();
            const field = dialer().getByLabel('Number or name');
            await field.fill('0000');
            await dialer().getByRole('button', { name: 'Call', exact: true }).click();
            const message = dialer().getByText('No country uses the calling code', { exact: false });
            await message.waitFor();
            const said = (await message.textContent()) ?? '';
            assert.doesNotMatch(said, /\+/, `"${said}" speaks of a + Sam did not type`);
            assert.match(said, /after 00/);
            assert.equal(await field.inputValue(), '0000', 'the number stays to be corrected');
            // With a +, the + is what it speaks of.
            await field.fill('+0000');
            await dialer().getByRole('button', { name: 'Call', exact: true }).click();
            await dialer().getByText('Check the digits after +.', { exact: false }).waitFor();
            assert.equal((await samsCalls()).length, 0, 'nothing dialled');
            assertNoPageErrors();
        }));

    it('fits the connected call and the log’s first fields in the 420 × 460 panel without scrolling', () =>
        story(h, 'dialer-fits-panel', async () => {
            await h.page.setViewportSize({ width: 420, height: 560 });
            try {
                await openAsSam();
                await dialer().getByLabel('Number or name').fill('(312) 296-1607');
                await dialer().getByRole('button', { name: 'Call', exact: true }).click();
                await answeredFarEnd();
                await screenshot(h, 'dialer-fits-panel');
                const box = await panel().boundingBox();
                assert.deepEqual([box?.width, box?.height], [420, 460], 'the utility panel is 420 × 460');
                const body = panel().locator('.slds-utility-panel__body');
                const view = await body.boundingBox();
                assert.ok(view);
                assert.equal(await body.evaluate((el) => el.scrollTop), 0);
                const seen = {
                    'the call (name, status, time)': card().locator('article'),
                    'Hang up': card().getByRole('button', { name: 'Hang up' }),
                    Mute: card().getByRole('button', { name: 'Mute' }),
                    Subject: callLog().getByLabel('Subject'),
                    Comments: callLog().getByLabel('Comments'),
                    Save: callLog().getByRole('button', { name: 'Save' })
                };
                for (const [what, locator] of Object.entries(seen)) {
                    const b = await locator.boundingBox();
                    assert.ok(b, `${what} is on screen`);
                    assert.ok(
                        b.x >= view.x - 0.5 &&
                            b.y >= view.y - 0.5 &&
                            b.x + b.width <= view.x + view.width + 0.5 &&
                            b.y + b.height <= view.y + view.height + 0.5,
                        `${what} (${JSON.stringify(b)}) is not inside the panel's visible body (${JSON.stringify(view)})`
                    );
                }
                // Seen, not covered: Save's footer stays at the foot of the panel while the log scrolls under it.
                const footer = await callLog().locator('footer').boundingBox();
                assert.ok(footer);
                for (const [what, locator] of Object.entries(seen)) {
                    if (what === 'Save') continue;
                    const b = await locator.boundingBox();
                    assert.ok(b && b.y + b.height <= footer.y + 0.5, `${what} is above Save's footer`);
                }
                assertNoPageErrors();
            } finally {
                await h.page.setViewportSize({ width: 1280, height: 900 });
            }
        }));
});
