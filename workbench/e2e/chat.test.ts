/**
 * Stories of the Chat tab of the "Webex" utility item (issue 14 item 2, D.6; item 8) in Chromium, against the emulated
 * org and the Webex emulator, with the Webex JS SDK loaded from the package's static resource into the workbench's
 * Lightning Web Security sandbox (as webex-sdk.test.ts shows it). Two reps with instant chat on (Feature Access
 * "InstantChat", set up through the package's own store) have connected Webex the way a rep does; each works in a
 * browser context of their own (their own page, storage and websocket):
 *
 * - Camille posts in a space she shares with Sam (through Webex's REST, as her Webex app would): Sam's Chat moves the
 *   conversation to the top with "1 unread" and the tab reads "Chat (1)", live; Sam opens it, reads, replies; the reply
 *   reaches Camille's own Chat live (and Webex has it).
 * - The same in French (« Conversations », « Non lus : 1 »).
 * - A rep without instant chat sees Calling only.
 * - Search: a space by its title, a person by two letters of their name, and a first message that starts a 1:1.
 * - Without the Webex SDK (its static resource refused): Chat lists the conversations, finds a person by two letters
 *   and sends the first message of a 1:1 through Apex; the colleague's Webex has it; nothing typed is kept.
 *
 * Each panel is the admin guide's 420 × 460 and nothing in it scrolls sideways.
 */
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { ARTIFACTS, closeHarness, openHarness, routeWebexToEmulator, story, type Harness } from './browser.ts';
import { connectRep } from './call-events.ts';
import { enableForAll } from './package-setup.ts';
import { KNOWN_BASE_COMPONENT_ERROR } from './workbench-api.ts';

const SAM = 'sam.rep@acme-webex.example';
const CAMILLE = 'camille.vente@acme-webex.example';
const AVERY = 'avery.admin@acme-webex.example';
const DEAL_SPACE = 'Dupont Industrie – Q1 order';
const RENEWAL_SPACE = 'Acme Robotics – Renewal 2027';

let h: Harness;

/** One rep's browser: a context of its own (storage, websocket), signed in as that rep. */
interface RepBrowser {
    context: BrowserContext;
    page: Page;
    errors: string[];
}

const panel = (page: Page): Locator => page.locator('[data-panel="webexDialer"]');
const chat = (page: Page): Locator => panel(page).locator('c-webex-chat');
const conversations = (page: Page): Locator => chat(page).getByRole('list', { name: /^Conversations$/ });
const rowTitles = (page: Page): Promise<string[]> =>
    chat(page).locator('[data-conversations] [data-title]').allTextContents();
const tabNames = async (page: Page): Promise<string[]> =>
    (await panel(page).getByRole('tab').allTextContents()).map((name) => name.trim());

/** Webex's REST as a person (their seeded personal token), as their own Webex app would call it. */
async function webexRest<T = Record<string, unknown>>(
    email: string,
    method: string,
    path: string,
    body?: unknown
): Promise<T> {
    const person = h.workbench.emulator.state.userByEmail(email);
    assert.ok(person, email);
    const response = await fetch(`${h.workbench.emulator.url}/v1${path}`, {
        method,
        headers: { authorization: `Bearer ${person.accessToken}`, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    assert.ok(response.ok, `${method} ${path}: ${response.status}`);
    return (await response.json()) as T;
}

interface WebexMessage {
    text?: string;
    markdown?: string;
    personEmail: string;
}

async function messagesIn(email: string, spaceId: string): Promise<WebexMessage[]> {
    const page = await webexRest<{ items: WebexMessage[] }>(
        email,
        'GET',
        `/messages?roomId=${encodeURIComponent(spaceId)}&max=10`
    );
    return page.items;
}

/** A fresh org and Webex; the reps connected (as Connect Webex leaves them), instant chat on for everyone or not. */
async function setUp(options: { chat: boolean; reps: string[] }): Promise<void> {
    h.workbench.org.reset();
    h.workbench.emulator.state.reset();
    if (options.chat) await enableForAll(h.workbench, 'InstantChat');
    for (const rep of options.reps) await connectRep(h.workbench, rep);
}

/** Camille's new space with Sam, made in Webex (her app), before Sam's page opens. */
async function shareSpace(title: string): Promise<string> {
    const room = await webexRest<{ id: string }>(CAMILLE, 'POST', '/rooms', { title });
    await webexRest(CAMILLE, 'POST', '/memberships', { roomId: room.id, personEmail: SAM });
    return room.id;
}

async function openBrowser(user: string, lang: 'en' | 'fr'): Promise<RepBrowser> {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await routeWebexToEmulator(context, h.workbench.emulator.url);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`${error.message}\n${error.stack ?? ''}`));
    await page.goto(`${h.workbench.url}/?lang=${lang}&user=${user}#/home`);
    return { context, page, errors };
}

/** Opens the "Webex" utility item and its Chat tab (`tab`: its name, with or without a count). */
async function openChat(page: Page, tab: RegExp = /^Chat/): Promise<void> {
    await page.getByRole('button', { name: 'Webex', exact: true }).click();
    await panel(page).waitFor({ state: 'visible' });
    await panel(page).getByRole('tab', { name: tab }).click();
}

/**
 * Opens Chat for `user` with the package's static resource refused (a network or a policy that blocks it): the SDK
 * never loads, and Chat says live updates are off once Apex has listed the conversations.
 */
async function openChatWithoutSdk(user: string): Promise<RepBrowser> {
    const rep = await openBrowser(user, 'en');
    await rep.context.route(/\/resource\/[^?]*WebexSdk/, (route) => route.abort());
    await rep.page.reload();
    await openChat(rep.page);
    await chat(rep.page).getByText('Live updates are off: the list refreshes every 10 seconds.').waitFor();
    await conversations(rep.page).waitFor();
    return rep;
}

/** The panel is the guide's 420 × 460 and nothing in it is wider than the panel. */
async function assertFits(page: Page, what: string): Promise<void> {
    const box = await panel(page).boundingBox();
    assert.deepEqual([box?.width, box?.height], [420, 460], `${what}: the panel's size`);
    const overflow = await panel(page).evaluate((element) => {
        const body = element.querySelector('.slds-utility-panel__body') as HTMLElement;
        return body.scrollWidth - body.clientWidth;
    });
    assert.ok(overflow <= 0, `${what}: the panel is ${overflow}px too wide`);
}

/** How far the panel's body scrolls down (0: all of it shows at once). */
function verticalOverflow(page: Page): Promise<number> {
    return panel(page).evaluate((element) => {
        const body = element.querySelector('.slds-utility-panel__body') as HTMLElement;
        return body.scrollHeight - body.clientHeight;
    });
}

/** The whole placeholder is visible in its box (a long translation would be cut at the panel's edge). */
async function assertPlaceholderShows(input: Locator): Promise<void> {
    const [needed, available, text] = await input.evaluate((element) => {
        const box = element as HTMLInputElement;
        const style = getComputedStyle(box);
        const context = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
        context.font = style.font;
        const inner = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return [context.measureText(box.placeholder).width, inner, box.placeholder] as const;
    });
    assert.ok(needed <= available, `"${text}" needs ${Math.ceil(needed)}px, the box shows ${Math.floor(available)}px`);
}

/** A picture of the panel alone, kept under workbench/.artifacts/<name>.png. */
async function panelShot(page: Page, name: string): Promise<void> {
    mkdirSync(ARTIFACTS, { recursive: true });
    await panel(page).screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

function assertNoPageErrors(...browsers: RepBrowser[]): void {
    const errors = [...h.pageErrors, ...browsers.flatMap((browser) => browser.errors)];
    assert.deepEqual(
        errors.filter((error) => !error.startsWith(KNOWN_BASE_COMPONENT_ERROR)),
        []
    );
}

async function closeBrowsers(...browsers: Array<RepBrowser | undefined>): Promise<void> {
    for (const browser of browsers) await browser?.context.close();
}

describe('Webex utility item: Chat', () => {
    before(async () => {
        h = await openHarness();
    });
    after(() => closeHarness(h));

    it('a colleague’s message comes live with its count; the rep reads it and replies; the colleague sees the reply', () =>
        story(h, 'chat-live', async () => {
            await setUp({ chat: true, reps: [SAM, CAMILLE] });
            const spaceId = await shareSpace(DEAL_SPACE);
            // Then Sam posted in the renewal space from his Webex app: it is his latest conversation.
            const renewal = await spaceIdOf(SAM, RENEWAL_SPACE);
            await webexRest(SAM, 'POST', '/messages', { roomId: renewal, text: 'Olivia confirmed Tuesday.' });
            let sam: RepBrowser | undefined;
            let camille: RepBrowser | undefined;
            try {
                sam = await openBrowser(SAM, 'en');
                camille = await openBrowser(CAMILLE, 'en');
                await openChat(sam.page);
                await conversations(sam.page).getByText(DEAL_SPACE).waitFor();
                assert.deepEqual(await tabNames(sam.page), ['Calling', 'Chat']);
                await assertFits(sam.page, 'the list');
                await assertPlaceholderShows(chat(sam.page).getByRole('searchbox'));
                await openChat(camille.page);
                await conversations(camille.page).getByText(DEAL_SPACE).waitFor();
                assert.deepEqual((await rowTitles(sam.page)).slice(0, 2), [RENEWAL_SPACE, DEAL_SPACE], 'by activity');

                const text = 'Can you send the Q1 quote to Dupont today?';
                const posted = Date.now();
                await webexRest(CAMILLE, 'POST', '/messages', { roomId: spaceId, text });
                await panel(sam.page).getByRole('tab', { name: 'Chat (1)', exact: true }).waitFor();
                const liveMs = Date.now() - posted;
                const top = conversations(sam.page).getByRole('listitem').first();
                await top.getByText('1 unread').waitFor();
                assert.equal((await rowTitles(sam.page))[0], DEAL_SPACE, 'the conversation moved to the top');
                await panelShot(sam.page, 'chat-unread');

                await conversations(sam.page)
                    .getByRole('button', { name: new RegExp(DEAL_SPACE) })
                    .click();
                const space = chat(sam.page).locator('c-webex-space-view');
                await space.getByText(text).waitFor();
                await panel(sam.page).getByRole('tab', { name: 'Chat', exact: true }).waitFor();
                await assertFits(sam.page, 'an open conversation');
                assert.equal(await verticalOverflow(sam.page), 0, 'the conversation and its composer show at once');

                const reply = 'Sending it within the hour.';
                await space.getByLabel('Message', { exact: true }).fill(reply);
                await space.getByRole('button', { name: 'Send', exact: true }).click();
                await space.getByText(reply).waitFor();
                await panelShot(sam.page, 'chat-conversation');

                // Camille's Chat counts Sam's reply live; she opens it and reads it.
                await panel(camille.page).getByRole('tab', { name: 'Chat (1)', exact: true }).waitFor();
                assert.equal((await rowTitles(camille.page))[0], DEAL_SPACE);
                await conversations(camille.page)
                    .getByRole('button', { name: new RegExp(DEAL_SPACE) })
                    .click();
                await chat(camille.page).locator('c-webex-space-view').getByText(reply).waitFor();
                const inWebex = await messagesIn(CAMILLE, spaceId);
                assert.deepEqual(
                    inWebex.slice(0, 2).map((m) => [m.personEmail, m.text ?? m.markdown]),
                    [
                        [SAM, reply],
                        [CAMILLE, text]
                    ]
                );

                await chat(sam.page).getByRole('button', { name: 'Back to conversations' }).click();
                await conversations(sam.page).waitFor();
                assert.equal(await top.getByText('1 unread').count(), 0, 'read once opened');
                assertNoPageErrors(sam, camille);
                console.log(`Camille's message counted in Sam's Chat ${liveMs} ms after her POST`);
            } finally {
                await closeBrowsers(sam, camille);
            }
        }));

    it('reads in French: « Conversations », its count and texts', () =>
        story(h, 'chat-french', async () => {
            await setUp({ chat: true, reps: [SAM, CAMILLE] });
            const spaceId = await shareSpace(DEAL_SPACE);
            let sam: RepBrowser | undefined;
            try {
                sam = await openBrowser(SAM, 'fr');
                await openChat(sam.page, /^Conversations/);
                assert.deepEqual(await tabNames(sam.page), ['Appels', 'Conversations']);
                await chat(sam.page).getByLabel('Rechercher une personne ou un espace').waitFor();
                await conversations(sam.page).getByText(DEAL_SPACE).waitFor();
                await webexRest(CAMILLE, 'POST', '/messages', { roomId: spaceId, text: 'Le devis est prêt ?' });
                await panel(sam.page).getByRole('tab', { name: 'Conversations (1)', exact: true }).waitFor();
                await conversations(sam.page).getByText('Non lus : 1').waitFor();
                // The hover text of the tab (lightning-tab puts `title` on the tab's list item).
                assert.equal(
                    await panel(sam.page).locator('li[data-label="Conversations (1)"]').getAttribute('title'),
                    'Conversations, messages non lus : 1'
                );
                await assertPlaceholderShows(chat(sam.page).getByRole('searchbox'));
                await assertFits(sam.page, 'the French list');
                await panelShot(sam.page, 'chat-french');
                await conversations(sam.page)
                    .getByRole('button', { name: new RegExp(DEAL_SPACE) })
                    .click();
                await chat(sam.page).getByRole('button', { name: 'Retour aux conversations' }).waitFor();
                await chat(sam.page).locator('c-webex-space-view').getByText('Le devis est prêt ?').waitFor();
                assertNoPageErrors(sam);
            } finally {
                await closeBrowsers(sam);
            }
        }));

    it('a rep without instant chat sees Calling only', () =>
        story(h, 'chat-not-enabled', async () => {
            await setUp({ chat: false, reps: [SAM] });
            let sam: RepBrowser | undefined;
            try {
                sam = await openBrowser(SAM, 'en');
                await sam.page.getByRole('button', { name: 'Webex', exact: true }).click();
                await panel(sam.page).getByRole('tab', { name: 'Calling' }).waitFor();
                await panel(sam.page).getByText('Connected as Sam Rep').waitFor();
                assert.deepEqual(await tabNames(sam.page), ['Calling']);
                assert.equal(await panel(sam.page).locator('c-webex-chat').count(), 0);
                await assertFits(sam.page, 'Calling alone');
                assertNoPageErrors(sam);
            } finally {
                await closeBrowsers(sam);
            }
        }));

    it('lists the conversations through Apex when the Webex SDK cannot load, and says live updates are off', () =>
        story(h, 'chat-without-sdk', async () => {
            await setUp({ chat: true, reps: [SAM, CAMILLE] });
            await shareSpace(DEAL_SPACE);
            let sam: RepBrowser | undefined;
            try {
                sam = await openChatWithoutSdk(SAM);
                assert.ok((await rowTitles(sam.page)).includes(DEAL_SPACE), 'the shared space, listed by Apex');
                await panelShot(sam.page, 'chat-without-sdk');
                assertNoPageErrors(sam);
            } finally {
                await closeBrowsers(sam);
            }
        }));

    it('finds a person and starts a 1:1 through Apex when the Webex SDK cannot load; the colleague has it', () =>
        story(h, 'chat-without-sdk-direct', async () => {
            // Sam and Avery have never chatted (Sam and Camille have a 1:1 already: choosing her opens it).
            await setUp({ chat: true, reps: [SAM] });
            let sam: RepBrowser | undefined;
            try {
                sam = await openChatWithoutSdk(SAM);
                assert.ok(!(await rowTitles(sam.page)).includes('Avery Admin'), 'no 1:1 with Avery yet');

                // Two letters of her name: Webex finds her through Apex.
                const search = chat(sam.page).getByRole('searchbox', { name: 'Search a person or space' });
                await search.fill('Av');
                const people = chat(sam.page).getByRole('list', { name: 'People' });
                await people.getByRole('button', { name: /Avery Admin/ }).click();

                const first = chat(sam.page).locator('[data-new-chat]');
                await first.getByRole('heading', { name: 'New conversation: Avery Admin' }).waitFor();
                const text = 'Hi Avery, the Dupont discount needs your approval today.';
                await first.getByLabel('Message').fill(text);
                await first.getByRole('button', { name: 'Send', exact: true }).click();
                const space = chat(sam.page).locator('c-webex-space-view');
                await space.getByText(text).waitFor();
                assert.equal(await first.count(), 0, 'sent: the new conversation became the 1:1');
                assert.equal(await space.getByLabel('Message', { exact: true }).inputValue(), '', 'nothing left typed');
                await panelShot(sam.page, 'chat-without-sdk-direct');

                // Webex has the 1:1 between them, with the message, as Avery's own Webex lists it.
                const direct = await webexRest<{ items: Array<{ id: string; title: string }> }>(
                    AVERY,
                    'GET',
                    '/rooms?type=direct&max=100'
                );
                const withSam = direct.items.filter((room) => room.title === 'Sam Rep');
                assert.equal(withSam.length, 1, 'one 1:1 with Sam in Avery’s Webex');
                const received = await messagesIn(AVERY, withSam[0].id);
                assert.deepEqual(
                    received.map((m) => [m.personEmail, m.text ?? m.markdown]),
                    [[SAM, text]],
                    'Avery has Sam’s first message'
                );

                // Sam's draft went with the message: after a reload, choosing Avery again opens their 1:1, empty.
                await sam.page.reload();
                await openChat(sam.page);
                await conversations(sam.page).waitFor();
                assert.equal((await rowTitles(sam.page))[0], 'Avery Admin', 'the new 1:1 is at the top');
                await search.fill('Av');
                await people.getByRole('button', { name: /Avery Admin/ }).click();
                await space.getByText(text).waitFor();
                assert.equal(await first.count(), 0, 'no new conversation: the 1:1 exists');
                assert.equal(await space.getByLabel('Message', { exact: true }).inputValue(), '', 'no draft kept');
                assertNoPageErrors(sam);
            } finally {
                await closeBrowsers(sam);
            }
        }));

    it('finds a space by its title and a person by two letters, and starts a 1:1 with a first message', () =>
        story(h, 'chat-search', async () => {
            await setUp({ chat: true, reps: [SAM] });
            let sam: RepBrowser | undefined;
            try {
                sam = await openBrowser(SAM, 'en');
                await openChat(sam.page);
                await conversations(sam.page).waitFor();
                const search = chat(sam.page).getByRole('searchbox', { name: 'Search a person or space' });

                await search.fill('renewal');
                await chat(sam.page)
                    .getByRole('list', { name: 'Spaces' })
                    .getByRole('button', { name: new RegExp(RENEWAL_SPACE) })
                    .waitFor();

                await search.fill('A');
                await conversations(sam.page).waitFor(); // one letter: the list stays
                await search.fill('Av');
                const people = chat(sam.page).getByRole('list', { name: 'People' });
                await people.getByRole('button', { name: /Avery Admin/ }).waitFor();
                await assertFits(sam.page, 'search results');
                await panelShot(sam.page, 'chat-search');
                await people.getByRole('button', { name: /Avery Admin/ }).click();

                const first = chat(sam.page).locator('[data-new-chat]');
                await first.getByRole('heading', { name: 'New conversation: Avery Admin' }).waitFor();
                const text = 'Hi Avery, can you approve the Dupont discount?';
                await first.getByLabel('Message').fill(text);
                await first.getByLabel('Message').blur();

                // A reload of the panel loses nothing typed: the first message is there when Avery is chosen again.
                await sam.page.reload();
                await openChat(sam.page);
                await conversations(sam.page).waitFor();
                await search.fill('Avery');
                await people.getByRole('button', { name: /Avery Admin/ }).click();
                assert.equal(await first.getByLabel('Message').inputValue(), text);
                await panelShot(sam.page, 'chat-new-direct');
                await first.getByRole('button', { name: 'Send', exact: true }).click();
                const space = chat(sam.page).locator('c-webex-space-view');
                await space.getByText(text).waitFor();
                await assertFits(sam.page, 'the new 1:1');
                await panelShot(sam.page, 'chat-new-direct-sent');

                // Webex has the 1:1 between them, with the message, as Avery's own Webex lists it.
                const direct = await webexRest<{ items: Array<{ id: string; type: string }> }>(
                    AVERY,
                    'GET',
                    '/rooms?type=direct&max=100'
                );
                const found = await Promise.all(direct.items.map((room) => messagesIn(AVERY, room.id)));
                assert.ok(
                    found.some((messages) => messages.some((m) => m.personEmail === SAM && m.text === text)),
                    'Avery has Sam’s first message'
                );
                await chat(sam.page).getByRole('button', { name: 'Back to conversations' }).click();
                assert.equal((await rowTitles(sam.page))[0], 'Avery Admin', 'the new 1:1 is at the top');
                assertNoPageErrors(sam);
            } finally {
                await closeBrowsers(sam);
            }
        }));
});

/** The id of a space `email` belongs to, by its title. */
async function spaceIdOf(email: string, title: string): Promise<string> {
    const rooms = await webexRest<{ items: Array<{ id: string; title: string }> }>(email, 'GET', '/rooms?max=100');
    const found = rooms.items.find((room) => room.title === title);
    assert.ok(found, `${email} is in ${title}`);
    return found.id;
}
