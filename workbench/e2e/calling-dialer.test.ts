/**
 * Stories of the "Webex" utility item's Calling (B1, B3, B6, B8) in Chromium, against the emulated org and
 * the Webex emulator: Sam, a rep who connected Webex, dials from the keypad and follows the call until hang-up;
 * calls come in and pop the caller's record (one match), a choice (several) or New Contact / New Lead (none);
 * Webex rate-limits a dial and the dialer retries; two tabs of Sam's browser show an incoming call once; the
 * Unified CM backend hands the number to the Webex app and says what Salesforce cannot do; a dialer the org
 * refuses to subscribe says it is not receiving calls and keeps trying until it listens; French throughout.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS, closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { connectRep, prepareCallEvents } from './call-events.ts';
import { enableForAll, setCallingBackend } from './package-setup.ts';
import { KNOWN_BASE_COMPONENT_ERROR, dialerListening, emulatorRequest, trackStreams, until } from './workbench-api.ts';

const SAM = 'sam.rep@acme-webex.example';
const SAM_HOME = `&user=${SAM}#/home`;
let h: Harness;

const emulator = <T = unknown>(method: string, path: string, body?: unknown): Promise<T> =>
    emulatorRequest<T>(h, method, path, body);

const panel = (page: Page = h.page): Locator => page.locator('[data-panel="webexDialer"]');
const dialer = (page: Page = h.page): Locator => panel(page).locator('c-webex-calling');

/**
 * Sam's page as an administrator and Sam leave it: the package's Salesforce authorization and webhook site set
 * up (so webhooks become pushes to Sam's dialer), call logs and call history on for everyone, and Sam's own
 * Webex connected (as the OAuth dance on webexuserauth would leave it).
 */
async function openAsSam(
    lang: 'en' | 'fr' = 'en',
    setUp: () => void | Promise<void> = () => undefined,
    where: string = SAM_HOME
): Promise<void> {
    await resetStory(h, where, lang);
    await prepareCallEvents(h.workbench);
    await enableForAll(h.workbench, 'OutboundCallLog', 'InboundCallLog', 'CallHistory');
    await connectRep(h.workbench, SAM);
    await setUp();
    await h.page.reload();
}

/** Opens the Webex utility panel and waits for the dialer. */
async function openDialer(page: Page = h.page): Promise<void> {
    await page.getByRole('button', { name: 'Webex', exact: true }).click();
    await panel(page).waitFor({ state: 'visible' });
    await dialer(page)
        .getByRole('button', { name: /^(Call|Appeler)$/ })
        .waitFor();
}

/** The call Webex knows for Sam (the emulator's control API). */
async function samsCalls(): Promise<
    Array<{ id: string; state: string; personality: string; muteCapable: boolean; muted: boolean }>
> {
    const calls = await emulator<{
        items: Array<{
            id: string;
            state: string;
            personality: string;
            ownerId: string;
            muteCapable: boolean;
            muted: boolean;
        }>;
    }>('GET', '/_emulator/calls');
    return calls.items;
}

async function ring(from: string, name?: string): Promise<{ id: string }> {
    return emulator<{ id: string }>('POST', '/_emulator/calls/inbound', { to: SAM, from, ...(name ? { name } : {}) });
}

function assertNoPageErrors(): void {
    assert.deepEqual(
        h.pageErrors.filter((error) => error !== KNOWN_BASE_COMPONENT_ERROR),
        []
    );
}

/** The panel fits its 420 × 460 box: nothing spills sideways. */
async function assertNoOverflow(page: Page = h.page): Promise<void> {
    const box = await panel(page).boundingBox();
    assert.deepEqual([box?.width, box?.height], [420, 460]);
    const overflow = await panel(page).evaluate((el) => {
        const body = el.querySelector('.slds-utility-panel__body') as HTMLElement;
        return body.scrollWidth - body.clientWidth;
    });
    assert.ok(overflow <= 0, `the panel body is ${overflow}px too wide`);
}

describe('Webex dialer: Calling', () => {
    before(async () => {
        h = await openHarness();
        await trackStreams(h.page);
    });
    after(() => closeHarness(h));

    it('dials from the keypad, follows the call to connected, and hangs up with the duration', () =>
        story(h, 'dialer-keypad', async () => {
            await openAsSam();
            // The far end answers when the story says so.
            await emulator('PATCH', '/_emulator/settings', { calls: { remoteAnswerAfterMs: null } });
            await openDialer();
            await screenshot(h, 'dialer-idle');
            await assertNoOverflow();
            for (const key of '3122961607') {
                await dialer()
                    .getByRole('button', { name: `Dial ${key}`, exact: true })
                    .click();
            }
            assert.equal(await dialer().getByLabel('Number or name').inputValue(), '3122961607');
            await dialer().getByRole('button', { name: 'Call', exact: true }).click();
            const card = dialer().locator('c-webex-call-card');
            await card.getByText('Calling…').waitFor();
            await card.getByRole('heading', { name: '(312) 296-1607' }).waitFor();
            // Sam's device picks up the click-to-dial (the emulator's 0.5 s), then the far end rings.
            await until(async () => (await samsCalls())[0]?.state === 'connecting', 'the far end rings');
            const [call] = await samsCalls();
            // The call log opens with the call (Sam logs outbound calls).
            const subject = dialer().locator('c-webex-call-log').getByLabel('Subject');
            await subject.waitFor();
            assert.equal(await subject.inputValue(), 'Outbound call to (312) 296-1607');
            await screenshot(h, 'dialer-calling');
            assert.equal(call.muteCapable, false, 'a device still ringing out cannot be muted');
            assert.equal(await card.getByRole('button', { name: 'Mute', exact: true }).count(), 0, 'so no Mute');
            await emulator('POST', `/_emulator/calls/${call.id}/answer`);
            await card.getByText('Connected', { exact: true }).waitFor();
            // Webex says the answered device can be muted (the push's muteCapable): Mute is offered, and mutes.
            assert.equal((await samsCalls())[0]?.muteCapable, true);
            const mute = card.getByRole('button', { name: 'Mute', exact: true });
            await mute.waitFor();
            await card.getByText('0:02').waitFor();
            await screenshot(h, 'dialer-connected');
            await assertNoOverflow();
            await mute.click();
            await card.getByText('Your microphone is muted.').waitFor();
            await until(async () => (await samsCalls())[0]?.muted === true, 'Webex muted the device');
            await card.getByRole('button', { name: 'Unmute', exact: true }).click();
            await card.getByRole('button', { name: 'Mute', exact: true }).waitFor();
            assert.equal(await card.getByText('Your microphone is muted.').count(), 0);
            assert.equal((await samsCalls())[0]?.muted, false, 'Webex unmuted the device');
            await card.getByRole('button', { name: 'Hold' }).click();
            await card.getByText('On hold').waitFor();
            await card.getByRole('button', { name: 'Resume' }).click();
            await card.getByText('Connected', { exact: true }).waitFor();
            await card.getByRole('button', { name: 'Hang up' }).click();
            await card.getByText('Call ended').waitFor();
            assert.match((await card.locator('[data-duration]').textContent()) ?? '', /^\s*0:0[2-9]\s*$/);
            // The log stays, with the duration, until Sam saves or closes it.
            const log = dialer().locator('c-webex-call-log');
            await log.waitFor();
            assert.equal(await card.getByRole('button', { name: 'Done' }).count(), 0);
            await screenshot(h, 'dialer-ended');
            await log
                .getByRole('button', { name: /^Close/ })
                .first()
                .click();
            const discard = log.getByRole('button', { name: /Discard|Close without saving/ });
            if (await discard.count()) await discard.first().click();
            await dialer().getByLabel('Number or name').waitFor();
            assert.equal(await dialer().getByLabel('Number or name').inputValue(), '');
            assertNoPageErrors();
        }));

    it('pops the one record with the caller number, answers, and logs the call with that record', () =>
        story(h, 'dialer-inbound-one', async () => {
            await openAsSam();
            await dialerListening(h.page);
            const { id } = await ring('+13122961607');
            // The panel opens by itself, the banner names the caller, and Olivia's record opens.
            const banner = dialer().locator('c-webex-incoming-call');
            await banner.getByText('Incoming call').waitFor();
            await banner.getByText('Opened: Olivia Martin · Acme Robotics').waitFor();
            await h.page.waitForURL(/#\/r\/Contact\/003\w+\/view/);
            await screenshot(h, 'dialer-inbound-one');
            await assertNoOverflow();
            await banner.getByRole('button', { name: 'Answer' }).click();
            const card = dialer().locator('c-webex-call-card');
            await card.getByRole('heading', { name: 'Olivia Martin' }).waitFor();
            await card.getByText('Connected', { exact: true }).waitFor();
            const subject = dialer().locator('c-webex-call-log').getByLabel('Subject');
            await subject.waitFor();
            assert.equal(await subject.inputValue(), 'Inbound call from Olivia Martin');
            await screenshot(h, 'dialer-inbound-answered');
            await emulator('POST', `/_emulator/calls/${id}/hangup`);
            await card.getByText('Call ended').waitFor();
            assertNoPageErrors();
        }));

    it('says when it is not receiving calls, keeps trying, and pops the call once it listens', () =>
        story(h, 'dialer-not-receiving', async () => {
            // The org refuses the dialer's first two subscriptions (as one whose /u/ channel does not exist yet).
            await openAsSam('en', () => h.workbench.org.streaming.refuseSubscriptions('/u/WebexCallEvents', 2));
            await openDialer();
            const warning = dialer().locator('[data-stream-problem]');
            await warning.getByText('Not receiving calls', { exact: false }).waitFor();
            assert.equal(await warning.getAttribute('role'), 'alert', 'announced to screen readers');
            await screenshot(h, 'dialer-not-receiving');
            await assertNoOverflow();
            // Tries again after 1 s, then 2 s: the third subscription is accepted and the warning goes.
            await warning.waitFor({ state: 'detached', timeout: 10_000 });
            await dialerListening(h.page);
            await ring('+13122961607');
            const banner = dialer().locator('c-webex-incoming-call');
            await banner.getByText('Incoming call').waitFor();
            await banner.getByText('Opened: Olivia Martin · Acme Robotics').waitFor();
            assertNoPageErrors();
        }));

    it('lets Sam choose among the records with the caller number, from the keyboard', () =>
        story(h, 'dialer-inbound-several', async () => {
            await openAsSam('en', () => {
                h.workbench.org.records.insert('Lead', {
                    FirstName: 'Olivia',
                    LastName: 'Martin',
                    Company: 'Martin Consulting',
                    Phone: '+1 312 296 1607'
                });
            });
            await dialerListening(h.page);
            await ring('+13122961607', 'Olivia M.');
            const banner = dialer().locator('c-webex-incoming-call');
            await banner.getByText('Several records have this number. Choose the caller:').waitFor();
            await screenshot(h, 'dialer-inbound-several');
            await assertNoOverflow();
            const lead = banner.getByRole('button', { name: /Olivia Martin · Lead · Martin Consulting/ });
            await lead.focus();
            await h.page.keyboard.press('Enter');
            await h.page.waitForURL(/#\/r\/Lead\/00Q\w+\/view/);
            assert.equal(await lead.getAttribute('aria-pressed'), 'true');
            await banner.getByRole('button', { name: 'Decline' }).click();
            await dialer().getByLabel('Number or name').waitFor();
            assertNoPageErrors();
        }));

    it('offers New Lead with the number filled in when no record has it', () =>
        story(h, 'dialer-inbound-none', async () => {
            await openAsSam();
            await dialerListening(h.page);
            await ring('+14155550123');
            const banner = dialer().locator('c-webex-incoming-call');
            await banner.getByText('No one in Contacts or Leads has this number.').waitFor();
            await screenshot(h, 'dialer-inbound-none');
            await banner.getByRole('button', { name: 'New Lead' }).click();
            await h.page.waitForURL(/#\/o\/Lead\/new\?defaultFieldValues=/);
            const phone = h.page.locator('wb-record-create').getByLabel(/^\*?\s*(Phone|Business Phone)$/);
            await phone.first().waitFor();
            assert.equal(await phone.first().inputValue(), '+14155550123');
            await screenshot(h, 'dialer-inbound-new-lead');
            assertNoPageErrors();
        }));

    it('waits out a rate limit on the dial, counting down, then calls', () =>
        story(h, 'dialer-rate-limited', async () => {
            await openAsSam();
            await emulator('POST', '/_emulator/faults', {
                method: 'POST',
                path: '/v1/telephony/calls/dial',
                status: 429,
                retryAfter: 2,
                times: 1
            });
            await openDialer();
            await dialer().getByLabel('Number or name').fill('+1 (312) 296-1607');
            await dialer().getByRole('button', { name: 'Call', exact: true }).click();
            await dialer()
                .getByText(/Webex is busy\. Calling again in [12] s \(attempt 1 of 3\)…/)
                .waitFor();
            await screenshot(h, 'dialer-rate-limited');
            await until(async () => (await samsCalls()).length === 1, 'Webex placed the call, after the retry');
            await dialer().locator('c-webex-call-card').getByText('Calling…').waitFor();
            assert.equal(
                await dialer()
                    .getByText(/Calling again/)
                    .count(),
                0
            );
            assertNoPageErrors();
        }));

    it('shows an incoming call in one of the two tabs Sam has open, and logs it once', () =>
        story(h, 'dialer-two-tabs', async () => {
            await openAsSam();
            // Two tabs of one browser (one context: the tabs share BroadcastChannel), both Sam's.
            const browser = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
            const errors: string[] = [];
            try {
                const tabs = [await browser.newPage(), await browser.newPage()];
                for (const tab of tabs) {
                    tab.on('pageerror', (error) => errors.push(error.message));
                    await trackStreams(tab);
                    await tab.goto(h.page.url());
                    await dialerListening(tab);
                }
                await h.page.goto('about:blank');
                const { id } = await ring('+13122961607');
                const banners = async (): Promise<number[]> =>
                    Promise.all(tabs.map((tab) => dialer(tab).locator('c-webex-incoming-call').count()));
                await until(async () => (await banners()).some((count) => count > 0), 'a tab shows the call');
                // Both tabs heard the push; past the claim window, the other one still shows nothing.
                await new Promise((resolve) => setTimeout(resolve, 1000));
                const counts = await banners();
                assert.deepEqual([...counts].sort(), [0, 1], 'exactly one tab shows the call');
                const shown = tabs[counts.indexOf(1)];
                await panel(shown).getByText('Incoming call').waitFor();
                await shown.screenshot({ path: path.join(ARTIFACTS, 'dialer-two-tabs-shown.png') });
                const quiet = tabs[counts.indexOf(0)];
                assert.equal(await panel(quiet).isVisible(), false, 'the other panel stays closed');
                // Answered in the tab that shows it: only that tab logs, and the call gets one Task.
                await dialer(shown).getByRole('button', { name: 'Answer' }).click();
                const log = dialer(shown).locator('c-webex-call-log');
                await log.getByLabel('Comments').fill('Asked for a quote; call back Friday.');
                await emulator('POST', `/_emulator/calls/${id}/hangup`);
                await log.getByRole('button', { name: 'Save' }).click();
                // Saved after the call ended: the log closes.
                await until(async () => (await log.count()) === 0, 'the saved log to close');
                assert.equal(await dialer(quiet).locator('c-webex-call-log').count(), 0, 'no log in the other tab');
                const tasks = h.workbench.org.records.list('Task').filter((task) => task.CallObject === id);
                assert.equal(tasks.length, 1, 'one Task for the call');
                assert.equal(tasks[0].Description, 'Asked for a quote; call back Friday.');
                assert.equal(tasks[0].CallType, 'Inbound');
            } finally {
                await browser.close();
            }
            assert.deepEqual(
                errors.filter((error) => error !== KNOWN_BASE_COMPONENT_ERROR),
                []
            );
        }));

    it('hands the number to the Webex app on Unified CM, and says what Salesforce cannot do', () =>
        story(h, 'dialer-unified-cm', async () => {
            await h.page.addInitScript(() => {
                const opened: string[] = [];
                (window as unknown as { wbOpened: string[] }).wbOpened = opened;
                window.open = ((url?: string | URL) => {
                    opened.push(String(url));
                    return null;
                }) as typeof window.open;
            });
            await openAsSam('en', () => setCallingBackend(h.workbench, 'UnifiedCM'));
            await openDialer();
            await dialer()
                .getByText(
                    'Calls are placed by the Webex app (Unified CM). Salesforce opens the call log, but cannot show incoming calls, the call duration or hang up.'
                )
                .waitFor();
            await dialer().getByLabel('Number or name').fill('(312) 296-1607');
            await dialer().getByRole('button', { name: 'Call', exact: true }).click();
            const card = dialer().locator('c-webex-call-card');
            await card.getByText('The Webex app is placing the call (Unified CM).').waitFor();
            await card.getByText('the call duration').waitFor();
            assert.deepEqual(await h.page.evaluate(() => (window as unknown as { wbOpened: string[] }).wbOpened), [
                'tel:+13122961607'
            ]);
            assert.equal((await samsCalls()).length, 0, 'Salesforce placed no call');
            await dialer().locator('c-webex-call-log').waitFor();
            await screenshot(h, 'dialer-unified-cm');
            await assertNoOverflow();
            assertNoPageErrors();
        }));

    it('lists recent calls by kind, and calls one back', () =>
        story(h, 'dialer-recent', async () => {
            await openAsSam();
            await openDialer();
            await dialer().getByText('Recent', { exact: true }).click();
            const recent = dialer().locator('c-webex-call-history-list');
            const callBack = recent.getByRole('button', { name: /^Call back / });
            await callBack.first().waitFor();
            await screenshot(h, 'dialer-recent');
            await assertNoOverflow();
            await recent.locator('lightning-radio-group').getByText('Missed', { exact: true }).click();
            await recent.locator('lightning-icon[title="Missed"]').first().waitFor();
            assert.equal(await recent.locator('lightning-icon[title="Placed"]').count(), 0, 'only missed calls');
            await callBack.first().click();
            await dialer().locator('c-webex-call-card').getByText('Calling…').waitFor();
            await until(async () => (await samsCalls()).length === 1, 'Webex placed the call back');
            assertNoPageErrors();
        }));

    it('dials what Make a Call asks for, opening its panel, with the record named', () =>
        story(h, 'dialer-make-a-call', async () => {
            const olivia = h.workbench.org.records.list('Contact').find((c) => c.Name === 'Olivia Martin');
            assert.ok(olivia);
            await openAsSam('en', undefined, `&user=${SAM}&utilityItems=webexDialer#/r/Contact/${olivia.Id}/view`);
            await dialerListening(h.page);
            assert.equal(await panel().isVisible(), false, 'the panel starts closed');
            await h.page.getByRole('button', { name: 'Make a Call' }).click();
            const dialog = h.page.getByRole('dialog', { name: 'Make a Call' });
            await dialog.getByRole('button', { name: 'Call' }).click();
            // The dialer accepts: the action closes, the panel opens on the call and its log.
            await dialog.waitFor({ state: 'detached' });
            await panel().waitFor({ state: 'visible' });
            const card = dialer().locator('c-webex-call-card');
            await card.getByRole('heading', { name: 'Olivia Martin' }).waitFor();
            await until(async () => (await samsCalls()).length === 1, 'Webex placed the call');
            const subject = dialer().locator('c-webex-call-log').getByLabel('Subject');
            await subject.waitFor();
            assert.equal(await subject.inputValue(), 'Outbound call to Olivia Martin');
            await screenshot(h, 'dialer-make-a-call');
            await assertNoOverflow();
            assertNoPageErrors();
        }));

    it('speaks French', () =>
        story(h, 'dialer-fr', async () => {
            await openAsSam('fr');
            await openDialer();
            await panel().getByRole('tab', { name: 'Appels' }).waitFor();
            await dialer().getByRole('radio', { name: 'Récents' }).waitFor({ state: 'attached' });
            await dialer().getByLabel('Numéro ou nom').fill('12');
            await dialer().getByRole('button', { name: 'Appeler', exact: true }).click();
            await dialer().getByText('Ce numéro est trop court.').waitFor();
            await dialer().getByRole('button', { name: 'Composer 5', exact: true }).waitFor();
            await screenshot(h, 'dialer-fr');
            await ring('+13122961607');
            const banner = dialer().locator('c-webex-incoming-call');
            await banner.getByText('Appel entrant').waitFor();
            await banner.getByRole('button', { name: 'Répondre' }).waitFor();
            await screenshot(h, 'dialer-fr-incoming');
            await assertNoOverflow();
            assertNoPageErrors();
        }));
});
