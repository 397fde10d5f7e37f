/**
 * Calls abroad (issue 10, item 6): Sam, a rep in the United States (locale en_US), calls Emma Jones, a Contact
 * in France whose mobile number is stored in French national format (`09.23.88.27.45`). Read in Sam's country
 * that is no number at all; read in Emma's (her Mailing Country, FR) it is +33 9 23 88 27 45. Sam calls her
 * from the dialer's search results, then from Make a Call on her record, and each time Webex is asked to dial
 * +33923882745 (what the Webex emulator records as the call's remote party).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { closeHarness, openHarness, resetStory, screenshot, story, type Harness } from './browser.ts';
import { connectRep, prepareCallEvents } from './call-events.ts';

const SAM = 'sam.rep@acme-webex.example';
const EMMA_MOBILE_STORED = '09.23.88.27.45';
const EMMA_MOBILE_E164 = '+33923882745';
let h: Harness;

const panel = (): Locator => h.page.locator('[data-panel="webexDialer"]');
const dialer = (): Locator => panel().locator('c-webex-calling');

interface EmulatedCall {
    personality: string;
    remoteParty: { number?: string };
}

async function samsCalls(): Promise<EmulatedCall[]> {
    const response = await fetch(`${h.workbench.emulator.url}/_emulator/calls`);
    assert.ok(response.ok, `GET /_emulator/calls: ${response.status}`);
    return ((await response.json()) as { items: EmulatedCall[] }).items;
}

/** Waits until Webex was asked to place a call, and returns the number it was asked to dial. */
async function dialledNumber(): Promise<string | undefined> {
    const deadline = Date.now() + 10_000;
    for (;;) {
        // A dial is `clickToDial` while Sam's device alerts, then `originator` once it placed the call (the emulator's
        // device answers after deviceAnswerAfterMs): a slow poll may see either.
        const placed = (await samsCalls()).find((call) => ['clickToDial', 'originator'].includes(call.personality));
        if (placed) return placed.remoteParty.number;
        const problem = dialer().locator('lightning-input[data-id="number"] .slds-form-element__help');
        const shown = (await problem.count()) ? await problem.first().textContent() : null;
        assert.ok(Date.now() < deadline, `no call was placed${shown ? `; the dialer says "${shown.trim()}"` : ''}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

function emmaJones(): string {
    const emma = h.workbench.org.records.list('Contact').find((c) => c.Name === 'Emma Jones');
    assert.ok(emma, 'the seeded Contact Emma Jones');
    assert.equal(emma.MailingCountry, 'FR', 'Emma lives in France');
    assert.equal(emma.MobilePhone, EMMA_MOBILE_STORED, 'her mobile is stored in French national format');
    return emma.Id;
}

/** Sam's page, with Sam's own Webex connected and the calls' webhooks set up, as the dialer stories do. */
async function openAsSam(where: string): Promise<void> {
    await resetStory(h, `&user=${SAM}${where}`);
    await prepareCallEvents(h.workbench);
    await connectRep(h.workbench, SAM);
    await h.page.reload();
}

describe('Calls abroad: a national number is read in its record’s country', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('Sam finds Emma Jones (France) in the dialer and calls her mobile from the results: Webex dials +33', () =>
        story(h, 'calls-abroad-search', async () => {
            emmaJones();
            await openAsSam('#/home');
            await h.page.getByRole('button', { name: 'Webex', exact: true }).click();
            await panel().waitFor({ state: 'visible' });
            const field = dialer().getByLabel('Number or name');
            await field.fill('Emma Jones');
            // Her mobile among the results, named with her name and the number as stored.
            const mobile = dialer().getByRole('button', {
                name: new RegExp(`Emma Jones.*${EMMA_MOBILE_STORED.replace(/\./g, '\\.')}`)
            });
            await mobile.waitFor();
            await mobile.click();
            // Choosing a result calls it (webexDialerResults fires `choose`, the dialer dials): nothing else to press.
            assert.equal(await dialledNumber(), EMMA_MOBILE_E164);
            await screenshot(h, 'calls-abroad-search');
        }));

    it('Sam opens Make a Call on Emma Jones and calls her mobile: Webex dials +33', () =>
        story(h, 'calls-abroad-make-a-call', async () => {
            const emma = emmaJones();
            await openAsSam(`&utilityItems=webexDialer#/r/Contact/${emma}/view`);
            await h.page.getByRole('button', { name: 'Make a Call' }).click();
            const dialog = h.page.getByRole('dialog', { name: 'Make a Call' });
            const mobile = dialog.getByRole('radio', { name: `Mobile Phone: ${EMMA_MOBILE_STORED}` });
            await dialog.getByText(`Mobile Phone: ${EMMA_MOBILE_STORED}`).click();
            assert.equal(await mobile.isChecked(), true, 'her mobile is chosen');
            await dialog.getByRole('button', { name: 'Call' }).click();
            await dialog.waitFor({ state: 'detached' });
            assert.equal(await dialledNumber(), EMMA_MOBILE_E164);
            await dialer().locator('c-webex-call-card').getByRole('heading', { name: 'Emma Jones' }).waitFor();
            await screenshot(h, 'calls-abroad-make-a-call');
        }));
});
