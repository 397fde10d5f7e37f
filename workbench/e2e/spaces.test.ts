/**
 * "Webex Spaces" and "Create Space" (issue 14 items 1, 3, 6, 8), in Chromium, as reps use them: on the "Acme Robotics"
 * Opportunity (two Contacts in its contact roles, a third without an email), Sam creates spaces from the quick action
 * and from the record component with Camille, a colleague; posts a record's Salesforce File and an upload; Camille
 * (another browser) sees them arrive live; earlier messages page back; the websocket refused, the space refreshes
 * through Apex; and each bad input of item 6 says what happened without losing what was typed. English and French.
 *
 * The Webex JS SDK runs in the workbench's Lightning Web Security sandbox (docs/webex-sdk.md); the emulator stands in
 * for Webex (faults injected through its control API, `/_emulator/faults`).
 */
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { lwsEnabled } from '../lib/lws-build.ts';
import { connectRep } from './call-events.ts';
import {
    ARTIFACTS,
    closeHarness,
    openHarness,
    routeWebexToEmulator,
    screenshot,
    story,
    type Harness
} from './browser.ts';
import { addContactRoles, addRecordFile, runApex, seedMessages, webexAs, webexRoomByTitle } from './package-setup.ts';
import { apexString } from '../org/setup-apex.ts';
import { until } from './workbench-api.ts';

const SAM = 'sam.rep@acme-webex.example';
const CAMILLE = 'camille.vente@acme-webex.example';
const OPPORTUNITY = 'Acme Robotics – New Business 2026';
/** A customer with a Webex account of her own (another Webex organization): Webex adds her by email. */
const OLIVIA = { name: 'Olivia Martin', email: 'olivia.martin@acme.example' };
/** A customer without a Webex account: Webex invites her by email (a pending person who sees the space once she joins). */
const LEA = { name: 'Léa Müller' };
/** A Contact in the contact roles without an email: shown, never chosen. */
const NORA = { name: 'Nora Novak' };
const PROPOSAL = { pathOnClient: 'Proposal.pdf', content: '%PDF-1.4 Acme Robotics proposal' };

let h: Harness;
let opportunityId = '';
let proposalVersionId = '';
let camille: { context: BrowserContext; page: Page } | null = null;
const camilleErrors: string[] = [];

function recordIdOf(object: string, name: string): string {
    const record = h.workbench.org.records.list(object).find((r) => r.Name === name);
    assert.ok(record, `${object} ${name}`);
    return record.Id;
}

/** The Opportunity's page as `user`, in a fresh document. */
async function openOpportunity(page: Page, user: string, lang: 'en' | 'fr' = 'en'): Promise<void> {
    await page.goto('about:blank');
    await page.goto(`${h.workbench.url}/?lang=${lang}&user=${user}#/r/Opportunity/${opportunityId}/view`);
}

const spacesOf = (page: Page): Locator => page.locator('c-webex-spaces');
const viewOf = (page: Page): Locator => page.locator('c-webex-space-view');
const composerOf = (page: Page): Locator => viewOf(page).getByRole('textbox', { name: /^(Message)$/ });

/** Opens a space listed on the record component. */
async function openSpace(page: Page, title: string): Promise<void> {
    await spacesOf(page).getByRole('button', { name: title, exact: true }).click();
    await viewOf(page).getByRole('log', { name: 'Messages' }).waitFor();
}

/** The messages on screen, top to bottom, as their text. */
async function shownMessages(page: Page): Promise<string[]> {
    return viewOf(page).locator('[data-message]').allInnerTexts();
}

/** Camille's own browser (another context: her own session and storage), on the Opportunity. */
async function openCamille(lang: 'en' | 'fr' = 'en'): Promise<Page> {
    if (!camille) {
        const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
        await routeWebexToEmulator(context, h.workbench.emulator.url);
        const page = await context.newPage();
        page.on('pageerror', (error) => camilleErrors.push(error.message));
        camille = { context, page };
    }
    await openOpportunity(camille.page, CAMILLE, lang);
    return camille.page;
}

/** The org and Webex as the stories start: reps connected, the Opportunity's people and file, Olivia in Webex. */
async function setUpRecord(): Promise<void> {
    h.workbench.org.reset();
    h.workbench.emulator.state.reset();
    h.pageErrors.length = 0;
    camilleErrors.length = 0;
    opportunityId = recordIdOf('Opportunity', OPPORTUNITY);
    await connectRep(h.workbench, SAM);
    await connectRep(h.workbench, CAMILLE);
    const nora = recordIdOf('Contact', NORA.name);
    await runApex(h.workbench, `update new Contact(Id = ${apexString(nora)}, Email = null);`);
    await addContactRoles(h.workbench, opportunityId, [
        { contactId: recordIdOf('Contact', OLIVIA.name), role: 'Decision Maker', primary: true },
        { contactId: recordIdOf('Contact', LEA.name), role: 'Evaluator' },
        { contactId: nora, role: 'Influencer' }
    ]);
    proposalVersionId = await addRecordFile(h.workbench, opportunityId, PROPOSAL, SAM);
    const seeded = h.workbench.emulator.state.users;
    const orgId = Buffer.from('ciscospark://us/ORGANIZATION/acme-robotics-customer').toString('base64');
    seeded.push({
        id: Buffer.from('ciscospark://us/PEOPLE/0000000a-0000-4000-8000-00000000000a').toString('base64'),
        emails: [OLIVIA.email],
        displayName: OLIVIA.name,
        firstName: 'Olivia',
        lastName: 'Martin',
        orgId: orgId.replace(/=+$/, ''),
        roles: [],
        phoneNumbers: [],
        accessToken: 'WB_CUSTOMER_TOKEN_olivia_acme-robotics'
    });
}

/** Creates a space from the record component, with Camille, and waits for it to open in place. */
async function createSpaceOnRecord(page: Page, title: string): Promise<void> {
    const spaces = spacesOf(page);
    await spaces.getByRole('button', { name: 'Create Space' }).click();
    await spaces.getByLabel('Space title').fill(title);
    await spaces.getByLabel('Search people and colleagues').fill('Vente');
    await spaces.getByRole('button', { name: 'Add Camille Vente' }).click();
    await spaces.getByRole('button', { name: 'Create', exact: true }).click();
    await spaces.getByText(`Space “${title}” created.`).waitFor({ timeout: 15_000 });
    await viewOf(page).getByRole('log', { name: 'Messages' }).waitFor();
}

/** A space's id as Sam's Webex sees it. */
async function roomId(title: string): Promise<string> {
    const room = await webexRoomByTitle(h.workbench, SAM, title);
    assert.ok(room, title);
    return room.id;
}

/** Injects a fault in the Webex emulator (a status for matching requests, `times` of them or until cleared). */
async function fault(spec: { path: string; method?: string; status: number; retryAfter?: number; times?: number }) {
    const response = await fetch(`${h.workbench.emulator.url}/_emulator/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(spec)
    });
    assert.equal(response.status, 200);
}

async function clearFaults(): Promise<void> {
    await fetch(`${h.workbench.emulator.url}/_emulator/faults`, { method: 'DELETE' });
}

describe(`"Webex Spaces" and "Create Space" (${lwsEnabled() ? 'Lightning Web Security' : 'WORKBENCH_LWS=off'})`, () => {
    before(async () => {
        h = await openHarness();
        await setUpRecord();
    });
    after(async () => {
        await camille?.context.close();
        await closeHarness(h);
    });

    it('creates a space from the quick action with the Opportunity’s people and a colleague, and lists it on the record', async () => {
        await story(h, 'spaces-quick-action', async () => {
            const page = h.page;
            await openOpportunity(page, SAM);
            await page.locator('.wb-highlights').getByRole('button', { name: 'Create Space' }).click();
            const dialog = page.getByRole('dialog', { name: 'Create Space' });
            await dialog.getByRole('heading', { name: 'Create Space' }).waitFor();

            // The record's people: ticked when they have an email; one without is shown and cannot be chosen.
            const people = dialog.getByRole('group', { name: "This record's people" });
            await people.getByRole('checkbox', { name: OLIVIA.name }).waitFor();
            assert.equal(await people.getByRole('checkbox', { name: OLIVIA.name }).isChecked(), true);
            assert.equal(await people.getByRole('checkbox', { name: LEA.name }).isChecked(), true);
            const nora = people.getByRole('checkbox', { name: NORA.name });
            assert.equal(await nora.isChecked(), false);
            assert.equal(await nora.isDisabled(), true, 'a person without an email cannot be chosen');
            await people.locator('[data-person]', { hasText: NORA.name }).getByText('No email').waitFor();

            await dialog.getByLabel('Space title').fill('Acme Robotics – deal room');
            await dialog.getByLabel('Search people and colleagues').fill('Vente');
            await dialog.getByRole('button', { name: 'Add Camille Vente' }).click();
            await dialog.getByText('People to add: 3').waitFor();
            await screenshot(h, 'spaces-quick-action-form');
            await dialog.getByRole('button', { name: 'Create', exact: true }).click();

            // The toast says who was added (Léa by an invitation, as Webex adds someone without an account); the action closes.
            const toast = page.locator('.wb-toasts');
            await toast.getByText('Space “Acme Robotics – deal room” created.').waitFor({ timeout: 15_000 });
            await toast.getByText(/^Added: (?=.*Olivia Martin)(?=.*Léa Müller)(?=.*Camille Vente)/).waitFor();
            await dialog.waitFor({ state: 'detached' });

            // The record shows the space without a reload: the action fired RefreshEvent and "Webex Spaces" read its
            // spaces again (lightning/refresh, workbench/shell/stubs/refresh.ts).
            const row = spacesOf(page).getByRole('listitem').filter({ hasText: 'Acme Robotics – deal room' });
            await row.getByText('Created by Sam Rep').waitFor();
            assert.match(
                (await row.getByRole('link', { name: 'Open in Webex' }).getAttribute('href')) ?? '',
                /^webexteams:\/\/im\?space=[0-9a-f-]{36}$/
            );
            assert.deepEqual(h.pageErrors, []);
            await screenshot(h, 'spaces-listed');
        });
    });

    it('posts a record’s Salesforce File and an upload; Camille sees both live in her browser', async () => {
        await story(h, 'spaces-post-files-live', async () => {
            const page = h.page;
            await openOpportunity(page, SAM);
            await createSpaceOnRecord(page, 'Acme Robotics – rollout');
            const them = await openCamille();
            await openSpace(them, 'Acme Robotics – rollout');

            const downloads: string[] = [];
            page.on('request', (request) => {
                if (request.url().includes('/sfc/servlet.shepherd/')) downloads.push(new URL(request.url()).pathname);
            });
            const view = viewOf(page);
            // The limit is stated before anything is chosen.
            await view.getByText('Files up to 100 MB, one per message.').waitFor();
            await view.getByRole('button', { name: 'Attach a Salesforce File' }).click();
            await view.getByRole('button', { name: /^Proposal\.pdf \(/ }).click();
            await view.getByText(/^Proposal\.pdf \(\d+ byte/).waitFor();
            await composerOf(page).fill('Here is the proposal we discussed');
            await view.getByRole('button', { name: 'Send' }).click();
            const started = Date.now();
            const onTheirs = viewOf(them).locator('[data-message]', { hasText: 'Here is the proposal we discussed' });
            await onTheirs.waitFor({ timeout: 10_000 });
            const liveMs = Date.now() - started;
            // Webex gives others the file as a content URL: its name comes from Webex (HEAD on the URL), as a link.
            await onTheirs.getByRole('link', { name: 'Proposal.pdf' }).waitFor();
            await view
                .locator('[data-message]', { hasText: 'Here is the proposal we discussed' })
                .getByText('Proposal.pdf')
                .waitFor();
            assert.deepEqual(downloads, [`/sfc/servlet.shepherd/version/download/${proposalVersionId}`]);
            assert.equal(await composerOf(page).inputValue(), '', 'the composer is empty once sent');

            await view.locator('input[type="file"]').setInputFiles({
                name: 'pricing.csv',
                mimeType: 'text/csv',
                buffer: Buffer.from('item,price\nrobot arm,48000\n')
            });
            await view.getByText(/^pricing\.csv \(\d+ byte/).waitFor();
            await composerOf(page).fill('And the pricing');
            await view.getByRole('button', { name: 'Send' }).click();
            await viewOf(them).locator('[data-message]', { hasText: 'And the pricing' }).waitFor({ timeout: 10_000 });

            // What Webex received: one file per message, the record's file with its bytes.
            const posted = h.workbench.emulator.state.requests.filter(
                (r) => r.method === 'POST' && r.path === '/v1/messages'
            );
            const files = posted.map((r) => JSON.stringify((r.body as { files?: unknown }).files ?? null));
            assert.ok(
                files.some((f) => f.includes('Proposal.pdf') && f.includes(String(PROPOSAL.content.length))),
                files.join('\n')
            );
            assert.ok(
                files.some((f) => f.includes('pricing.csv')),
                files.join('\n')
            );
            assert.deepEqual(h.pageErrors, []);
            assert.deepEqual(camilleErrors, []);
            await screenshot(h, 'spaces-posted-files');
            await them.screenshot({ path: path.join(ARTIFACTS, 'spaces-posted-files-camille.png'), fullPage: true });
            console.log(`message with a file on Camille's screen ${liveMs} ms after Send`);
        });
    });

    it('pages earlier messages back: 60 in the space, 50 shown, the rest on "Load earlier messages"', async () => {
        await story(h, 'spaces-load-earlier', async () => {
            const page = h.page;
            const space = await roomId('Acme Robotics – rollout');
            await seedMessages(h.workbench, CAMILLE, space, 60, (i) => `Site survey note ${i + 1}`);
            await openOpportunity(page, SAM);
            await openSpace(page, 'Acme Robotics – rollout');
            const view = viewOf(page);
            await view.getByText('Site survey note 60', { exact: true }).waitFor();
            assert.equal(
                await view.getByText('Site survey note 1', { exact: true }).count(),
                0,
                'the oldest is not loaded yet'
            );
            const before = (await shownMessages(page)).length;
            await view.getByRole('button', { name: 'Load earlier messages' }).click();
            await view.getByText('Site survey note 1', { exact: true }).waitFor();
            const after = await shownMessages(page);
            assert.ok(after.length > before, `${after.length} messages after loading earlier ones, ${before} before`);
            assert.match(after[0], /Here is the proposal we discussed/, 'the oldest first');
            assert.equal(
                await view.getByRole('button', { name: 'Load earlier messages' }).count(),
                0,
                'nothing earlier'
            );
            assert.deepEqual(h.pageErrors, []);
        });
    });

    it('keeps the typed message through a 429 and a 500 while posting, says why, and Retry sends it', async () => {
        await story(h, 'spaces-post-faults', async () => {
            const page = h.page;
            await openOpportunity(page, SAM);
            await openSpace(page, 'Acme Robotics – rollout');
            const view = viewOf(page);
            await fault({ method: 'POST', path: '/v1/messages', status: 429, retryAfter: 3, times: 1 });
            await composerOf(page).fill('Can we close by Friday?');
            await view.getByRole('button', { name: 'Send' }).click();
            const alert = view.getByRole('alert');
            await alert.getByText('Webex is receiving too many requests. Try again in 3 s.').waitFor();
            assert.equal(await composerOf(page).inputValue(), 'Can we close by Friday?', 'the text is kept');
            await screenshot(h, 'spaces-rate-limited');
            await alert.getByRole('button', { name: 'Retry' }).click();
            await view.locator('[data-message]', { hasText: 'Can we close by Friday?' }).waitFor();
            assert.equal(await composerOf(page).inputValue(), '');

            await fault({ method: 'POST', path: '/v1/messages', status: 500, times: 1 });
            await composerOf(page).fill('Legal approved the terms');
            await composerOf(page).press('Enter');
            await alert.getByText('Webex is not answering right now. Try again in a moment.').waitFor();
            assert.equal(await composerOf(page).inputValue(), 'Legal approved the terms');
            await alert.getByRole('button', { name: 'Retry' }).click();
            await view.locator('[data-message]', { hasText: 'Legal approved the terms' }).waitFor();
            assert.deepEqual(h.pageErrors, []);
        });
    });

    it('refuses a file over 100 MB when it is chosen, before anything is uploaded', async () => {
        await story(h, 'spaces-file-too-large', async () => {
            const page = h.page;
            await openOpportunity(page, SAM);
            await openSpace(page, 'Acme Robotics – rollout');
            const view = viewOf(page);
            // A sparse file: 100 MB and one byte on disk without writing them, picked as a rep picks a file.
            const dir = path.join(ARTIFACTS, 'spaces-upload');
            mkdirSync(dir, { recursive: true });
            const big = path.join(dir, 'site-survey.mp4');
            writeFileSync(big, '');
            truncateSync(big, 100 * 1024 * 1024 + 1);
            const uploadsBefore = h.workbench.emulator.state.requests.filter((r) => r.path === '/v1/messages').length;
            try {
                await view.locator('input[type="file"]').setInputFiles(big);
                await view
                    .getByRole('alert')
                    .getByText('This file is larger than 100 MB, the most Webex accepts per file.', { exact: false })
                    .waitFor();
            } finally {
                rmSync(dir, { recursive: true, force: true });
            }
            assert.equal(await view.getByText(/^site-survey\.mp4/).count(), 0, 'not attached');
            const uploadsAfter = h.workbench.emulator.state.requests.filter((r) => r.path === '/v1/messages').length;
            assert.equal(uploadsAfter, uploadsBefore, 'nothing sent to Webex');
            await screenshot(h, 'spaces-file-too-large');
        });
    });

    it('keeps a draft through a reload of the page', async () => {
        await story(h, 'spaces-draft-reload', async () => {
            const page = h.page;
            await openOpportunity(page, SAM);
            await openSpace(page, 'Acme Robotics – rollout');
            await composerOf(page).fill('Draft: the delivery dates for');
            await page.reload();
            await openSpace(page, 'Acme Robotics – rollout');
            await until(
                async () => (await composerOf(page).inputValue()) === 'Draft: the delivery dates for',
                'the draft back in the composer'
            );
        });
    });

    it('says a removed member and a deleted space in plain words', async () => {
        await story(h, 'spaces-removed-deleted', async () => {
            const space = await roomId('Acme Robotics – rollout');
            const them = await openCamille();
            await openSpace(them, 'Acme Robotics – rollout');
            // Sam removes Camille from the space in Webex; her next post says why it cannot go.
            const memberships = await webexAs<{ items: Array<{ id: string; personEmail: string }> }>(
                h.workbench,
                SAM,
                'GET',
                `/memberships?roomId=${encodeURIComponent(space)}`
            );
            const hers = memberships.items.find((m) => m.personEmail === CAMILLE);
            assert.ok(hers, 'Camille is a member');
            await webexAs(h.workbench, SAM, 'DELETE', `/memberships/${hers.id}`);
            await composerOf(them).fill('Shall I book the demo room?');
            await viewOf(them).getByRole('button', { name: 'Send' }).click();
            await viewOf(them)
                .getByRole('alert')
                .getByText('This space was deleted in Webex or you are no longer a member.')
                .waitFor();
            assert.equal(await composerOf(them).inputValue(), 'Shall I book the demo room?', 'the text is kept');

            // The deal room is deleted in Webex: opening it from the record says so.
            const dealRoom = await roomId('Acme Robotics – deal room');
            await webexAs(h.workbench, SAM, 'DELETE', `/rooms/${dealRoom}`);
            const page = h.page;
            await openOpportunity(page, SAM);
            await spacesOf(page).getByRole('button', { name: 'Acme Robotics – deal room', exact: true }).click();
            await viewOf(page)
                .getByRole('alert')
                .getByText('This space was deleted in Webex or you are no longer a member.')
                .waitFor();
            assert.equal(
                await spacesOf(page).getByRole('button', { name: 'Add people', exact: true }).count(),
                0,
                'no people can be added to a space that is gone'
            );
            assert.equal(
                await viewOf(page).getByRole('link', { name: 'Open in Webex' }).count(),
                0,
                'nothing to open in Webex'
            );
            await screenshot(h, 'spaces-deleted');
            assert.deepEqual(h.pageErrors, []);
        });
    });

    it('falls back to refreshing through Apex when the websocket is refused, and says live updates are off', async () => {
        await story(h, 'spaces-fallback', async () => {
            const page = h.page;
            await fault({ path: '/mercury/', status: 503 });
            await openOpportunity(page, SAM);
            await openSpace(page, 'Acme Robotics – rollout');
            const view = viewOf(page);
            await view
                .getByText('Live updates are off: the space refreshes every 10 seconds.')
                .waitFor({ timeout: 15_000 });
            const space = await roomId('Acme Robotics – rollout');
            const posted = Date.now();
            await webexAs(h.workbench, OLIVIA.email, 'POST', '/messages', {
                roomId: space,
                text: 'Signed copy on its way'
            });
            await view.getByText('Signed copy on its way').waitFor({ timeout: 12_000 });
            const seenMs = Date.now() - posted;
            await screenshot(h, 'spaces-fallback');
            await clearFaults();
            assert.deepEqual(h.pageErrors, []);
            console.log(`fallback: a message posted through REST on screen after ${seenMs} ms`);
        });
    });

    it('« Créer un espace » en français, depuis l’action rapide et le composant « Espaces Webex »', async () => {
        await story(h, 'spaces-french', async () => {
            const page = h.page;
            await openOpportunity(page, SAM, 'fr');
            await page.locator('.wb-highlights').getByRole('button', { name: 'Créer un espace' }).click();
            const dialog = page.getByRole('dialog', { name: 'Créer un espace' });
            const people = dialog.getByRole('group', { name: 'Personnes de cet enregistrement' });
            await people.getByRole('checkbox', { name: OLIVIA.name }).waitFor();
            await people.locator('[data-person]', { hasText: NORA.name }).getByText('Aucune adresse e-mail').waitFor();
            await dialog.getByLabel("Titre de l'espace").fill('Acme Robotics – équipe projet');
            await dialog.getByRole('button', { name: 'Créer', exact: true }).click();
            await page
                .locator('.wb-toasts')
                .getByText('Espace « Acme Robotics – équipe projet » créé.')
                .waitFor({ timeout: 15_000 });

            await openOpportunity(page, SAM, 'fr');
            const spaces = spacesOf(page);
            await spaces.getByRole('heading', { name: 'Espaces Webex' }).waitFor();
            await openSpace(page, 'Acme Robotics – équipe projet');
            const view = viewOf(page);
            await view.getByText("Fichiers jusqu'à 100 Mo, un par message.").waitFor();
            await view.getByRole('textbox', { name: 'Message' }).fill('Bonjour à tous');
            await view.getByRole('button', { name: 'Envoyer' }).click();
            await view.locator('[data-message]', { hasText: 'Bonjour à tous' }).waitFor();
            assert.deepEqual(h.pageErrors, []);
            await screenshot(h, 'spaces-french');
        });
    });
});
