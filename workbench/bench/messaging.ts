/**
 * The messaging figures of issue 14 (item 7), measured on the workbench (emulated org + Webex emulator, one process)
 * in Chromium with the package's own Apex (in the Apex runtime) and the Webex JS SDK from its static resource, in the
 * Lightning Web Security sandbox, as the stories run them (e2e/spaces.test.ts, e2e/chat.test.ts):
 *
 * 1. **a record's spaces**: an Opportunity with 3 spaces, made through the package (anonymous Apex as Sam calling
 *    `WebexSpacesController.createSpace`), its record page loaded 10 times with "Webex Spaces" alone on it; per load:
 *    the SOQL queries `getSpaces` cost (the org's record of each `@salesforce/apex` call and its governor-limit
 *    usage, `GET /_org/control/apex-calls`) — goal 1 in the issue, 2 since the record-access check (README); the Webex
 *    requests the page made until the 3 spaces show (`GET /_emulator/requests`), the SDK's own set-up (catalog,
 *    device, websocket) counted apart — goal ≤ 1 per space shown; the time from navigation to the 3 spaces shown;
 * 2. **live message**: Sam and Camille, each in a browser context of their own, with the same space open on the
 *    record; 20 messages Sam sends: his click on Send (`Date.now()` in his page) → the text visible in Camille's page
 *    (`Date.now()` in hers, read by a MutationObserver the moment the message is in her DOM and laid out): one
 *    machine, one wall clock — goal p95 < 1 s;
 * 3. **SDK loads per page**: one page showing "Webex Spaces" with a space open and the "Webex" utility item's Chat
 *    tab: the requests for the WebexSdk static resource — goal 1.
 *
 * A measurement, not a test: it prints a table and never fails on a figure. It builds the workbench first, unless
 * `WORKBENCH_SKIP_BUILD=1` (with `WORKBENCH_BUILD_DIR` naming a build made before: `npm run bench` does so).
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { closeHarness, openHarness, routeWebexToEmulator, screenshot, type Harness } from '../e2e/browser.ts';
import { connectRep, userIdOf } from '../e2e/call-events.ts';
import { enableForAll, runApex } from '../e2e/package-setup.ts';
import { apexString } from '../org/setup-apex.ts';
import { percentile } from './inbound-pop.ts';

const SAM = 'sam.rep@acme-webex.example';
const CAMILLE = 'camille.vente@acme-webex.example';
const OPPORTUNITY = 'Acme Robotics – New Business 2026';
const SPACES = ['Acme Robotics – deal room', 'Acme Robotics – rollout', 'Acme Robotics – legal review'];
const LOADS = Number(process.env.BENCH_LOADS ?? 10);
const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 20);
const WARM_UP = 2;
/**
 * The issue asked for 1 SOQL query (the links); the package adds the record-access check (WebexRecordAccess: a
 * user-mode query of the record) so a rep never learns the spaces of a record they cannot read: 1 + 1.
 */
const GOALS = { soqlPerLoad: 2, requestsPerSpace: 1, liveP95Ms: 1000, sdkLoadsPerPage: 1 };

/**
 * The SDK's own set-up with Webex, whatever the page shows: the service catalog (u2c), the device registration
 * (wdm) and the websocket (mercury; its upgrade is not in the emulator's request log) — the paths the emulator serves
 * for it (webex-emulator/routes/sdk.ts).
 */
const SDK_SETUP = /^\/(u2c|wdm|mercury)\//;

interface RecordedRequest {
    method: string;
    path: string;
}

interface ApexCall {
    method: string;
    status: number;
    limits: Record<string, number>;
}

async function webexRequests(h: Harness): Promise<RecordedRequest[]> {
    const response = await fetch(`${h.workbench.emulator.url}/_emulator/requests`);
    return ((await response.json()) as { items: RecordedRequest[] }).items;
}

async function apexCalls(h: Harness): Promise<ApexCall[]> {
    const response = await fetch(`${h.workbench.url}/_org/control/apex-calls`);
    return ((await response.json()) as { calls: ApexCall[] }).calls;
}

function recordId(h: Harness, object: string, name: string): string {
    const record = h.workbench.org.records.list(object).find((r) => r.Name === name);
    if (!record) throw new Error(`no ${object} "${name}" in the seed`);
    return record.Id;
}

/** The org as the stories leave it: chat on for everyone, Sam and Camille connected, 3 spaces on the Opportunity. */
async function setUp(h: Harness): Promise<string> {
    h.workbench.org.reset();
    h.workbench.emulator.state.reset();
    await enableForAll(h.workbench, 'InstantChat');
    await connectRep(h.workbench, SAM);
    await connectRep(h.workbench, CAMILLE);
    const opportunityId = recordId(h, 'Opportunity', OPPORTUNITY);
    const camille = userIdOf(h.workbench, CAMILLE);
    // Through the package, as Sam's "Create Space" does it: the Webex space, Camille added, the record link.
    for (const title of SPACES)
        await runApex(
            h.workbench,
            `WebexSpacesController.createSpace(${apexString(opportunityId)}, ${apexString(title)}, new List<Id>{ ${apexString(camille)} });`,
            SAM
        );
    return opportunityId;
}

const recordUrl = (h: Harness, user: string, opportunityId: string, utilityItems?: string): string =>
    `${h.workbench.url}/?lang=en&user=${user}${utilityItems === undefined ? '' : `&utilityItems=${utilityItems}`}` +
    `#/r/Opportunity/${opportunityId}/view`;

const spacesOf = (page: Page): Locator => page.locator('c-webex-spaces');
const viewOf = (page: Page): Locator => spacesOf(page).locator('c-webex-space-view');

interface LoadSample {
    soql: number;
    setupRequests: number;
    otherRequests: RecordedRequest[];
    shownMs: number;
}

/** 1. The record page, loaded `LOADS` times (after one warm-up load): "Webex Spaces" alone on it. */
async function benchRecordLoads(h: Harness, opportunityId: string): Promise<LoadSample[]> {
    const page = h.page;
    await page.goto('about:blank');
    const samples: LoadSample[] = [];
    for (let i = 0; i <= LOADS; i += 1) {
        const callsBefore = (await apexCalls(h)).length;
        const requestsBefore = (await webexRequests(h)).length;
        // No utility item: the Chat tab's own session would mix its requests with the record component's.
        if (i === 0) await page.goto(recordUrl(h, SAM, opportunityId, ''));
        else await page.reload();
        // The frame in which the 3 spaces are laid out, on the page's clock (0 = the navigation's start).
        const shown = await page.waitForFunction(
            (count) => {
                const rows = document.evaluate(
                    '//c-webex-spaces//li[@data-space]',
                    document,
                    null,
                    XPathResult.ORDERED_NODE_SNAPSHOT_TYPE,
                    null
                );
                if (rows.snapshotLength !== count) return false;
                for (let k = 0; k < count; k += 1)
                    if ((rows.snapshotItem(k) as HTMLElement).getClientRects().length === 0) return false;
                return performance.now();
            },
            SPACES.length,
            { polling: 'raf', timeout: 15_000 }
        );
        const shownMs = Number(await shown.jsonValue());
        const during = (await webexRequests(h)).slice(requestsBefore);
        const calls = await apexCalls(h);
        // The org keeps its last 200 calls: past that, what a load added can no longer be told apart.
        if (calls.length >= 200) throw new Error('the org dropped Apex calls from its record: fewer loads');
        const getSpaces = calls.slice(callsBefore).filter((c) => c.method.endsWith('.getSpaces'));
        if (getSpaces.length !== 1 || getSpaces[0].status !== 200)
            throw new Error(`load ${i}: ${getSpaces.length} getSpaces calls, ${JSON.stringify(getSpaces)}`);
        if (i === 0) continue; // warm-up: the first load fills the browser's and the Apex runtime's caches
        samples.push({
            soql: getSpaces[0].limits.soqlQueries ?? 0,
            setupRequests: during.filter((r) => SDK_SETUP.test(r.path)).length,
            otherRequests: during.filter((r) => !SDK_SETUP.test(r.path)),
            shownMs
        });
    }
    return samples;
}

/** Camille's browser: a context of her own (session, storage, websocket), as e2e/spaces.test.ts opens it. */
async function openCamille(h: Harness): Promise<{ context: BrowserContext; page: Page }> {
    const context = await h.browser.newContext({ viewport: { width: 1280, height: 900 } });
    await routeWebexToEmulator(context, h.workbench.emulator.url);
    return { context, page: await context.newPage() };
}

/** Opens a space listed on the record component, and waits for its messages. */
async function openSpace(page: Page, title: string): Promise<void> {
    await spacesOf(page).getByRole('button', { name: title, exact: true }).click();
    await viewOf(page).getByRole('log', { name: 'Messages' }).waitFor();
}

/** The sender's page keeps the wall-clock time of its last click (the Send button's, here). */
async function recordClicks(page: Page): Promise<void> {
    await page.addInitScript(() => {
        const w = window as unknown as { wbClickAt: number };
        w.wbClickAt = 0;
        window.addEventListener('click', () => (w.wbClickAt = Date.now()), true);
    });
}

/**
 * Keeps the browser's own MutationObserver for the probe before the page loads: LWC's synthetic shadow replaces it
 * with one that drops the changes made inside components' shadow trees (@lwc/synthetic-shadow, "Patched
 * MutationObserver constructor"), where the messages are.
 */
async function keepNativeMutationObserver(page: Page): Promise<void> {
    await page.addInitScript(() => {
        const w = window as unknown as { wbMutationObserver: typeof MutationObserver; wbObserve: unknown };
        w.wbMutationObserver = MutationObserver;
        w.wbObserve = MutationObserver.prototype.observe;
    });
}

/**
 * Arms a probe in the receiver's page: the wall-clock time of the first DOM change after which a message with `text`
 * is in the space view and laid out.
 */
async function armProbe(page: Page, text: string): Promise<void> {
    await page.evaluate((wanted) => {
        const w = window as unknown as {
            wbSeenAt: number | null;
            wbMutationObserver: typeof MutationObserver;
            wbObserve: MutationObserver['observe'];
        };
        w.wbSeenAt = null;
        const xpath = `//c-webex-space-view//*[@data-message][contains(., ${JSON.stringify(wanted)})]`;
        // No named function in here: tsx would wrap it in a helper the page does not have.
        const observer = new w.wbMutationObserver(() => {
            const found = document.evaluate(xpath, document, null, XPathResult.FIRST_ORDERED_NODE_TYPE, null)
                .singleNodeValue as HTMLElement | null;
            if (!found || found.getClientRects().length === 0) return;
            w.wbSeenAt = Date.now();
            observer.disconnect();
        });
        w.wbObserve.call(observer, document, { childList: true, subtree: true, characterData: true });
    }, text);
}

/** 2. Sam sends `MESSAGES` messages (after warm-up ones) in a space Camille has open: Send → on her screen. */
async function benchLiveMessages(h: Harness, opportunityId: string): Promise<number[]> {
    const sam = h.page;
    await recordClicks(sam);
    await sam.goto('about:blank');
    await sam.goto(recordUrl(h, SAM, opportunityId, ''));
    await openSpace(sam, SPACES[0]);
    const camille = await openCamille(h);
    await keepNativeMutationObserver(camille.page);
    try {
        await camille.page.goto(recordUrl(h, CAMILLE, opportunityId, ''));
        await openSpace(camille.page, SPACES[0]);
        const composer = viewOf(sam).getByRole('textbox', { name: 'Message' });
        const samples: number[] = [];
        for (let i = 0; i < WARM_UP + MESSAGES; i += 1) {
            const text = `Bench message ${i + 1}: delivery slot ${1000 + i}`;
            await armProbe(camille.page, text);
            await composer.fill(text);
            await viewOf(sam).getByRole('button', { name: 'Send', exact: true }).click();
            const seen = await camille.page.waitForFunction(
                () => (window as unknown as { wbSeenAt: number | null }).wbSeenAt ?? false,
                undefined,
                { polling: 50, timeout: 15_000 }
            );
            const clickedAt = await sam.evaluate(() => (window as unknown as { wbClickAt: number }).wbClickAt);
            // Sent on Sam's side too (his composer empties) before the next message.
            await viewOf(sam).locator('[data-message]', { hasText: text }).waitFor();
            if (i >= WARM_UP) samples.push(Number(await seen.jsonValue()) - clickedAt);
        }
        const live = await viewOf(camille.page)
            .getByText(/Live updates are off/)
            .count();
        if (live) console.warn("  Camille's space said live updates are off: these figures are the fallback's");
        return samples;
    } catch (error) {
        await camille.page.screenshot({ path: `${await screenshot(h, 'FAILED-bench-messaging')}.camille.png` });
        throw error;
    } finally {
        await camille.context.close();
    }
}

/** 3. One page with "Webex Spaces" (a space open) and the utility item's Chat tab: the WebexSdk resource requests. */
async function benchSdkLoads(h: Harness, opportunityId: string): Promise<{ loads: number; setup: string[] }> {
    const page = h.page;
    let loads = 0;
    const onRequest = (request: { url(): string }): void => {
        const { pathname } = new URL(request.url());
        if (pathname.startsWith('/resource/') && /(^|__|\/)WebexSdk$/.test(pathname)) loads += 1;
    };
    await page.goto('about:blank');
    const requestsBefore = (await webexRequests(h)).length;
    page.on('request', onRequest);
    try {
        // The utility bar the admin guide sets up: the "Webex" item (Calling and Chat tabs) starts with the page.
        await page.goto(recordUrl(h, SAM, opportunityId, 'webexDialer'));
        await openSpace(page, SPACES[1]);
        await page.getByRole('button', { name: 'Webex', exact: true }).click();
        const panel = page.locator('[data-panel="webexDialer"]');
        await panel.getByRole('tab', { name: /^Chat/ }).click();
        await panel
            .locator('c-webex-chat')
            .getByRole('list', { name: /^Conversations$/ })
            .getByText(SPACES[1])
            .waitFor({ timeout: 15_000 });
        const during = (await webexRequests(h)).slice(requestsBefore);
        const setup = during.filter((r) => SDK_SETUP.test(r.path)).map((r) => `${r.method} ${r.path}`);
        return { loads, setup };
    } finally {
        page.off('request', onRequest);
    }
}

function table(rows: Array<[string, string, string, string, boolean]>): void {
    const header: [string, string, string, string, string] = ['measure', 'p50', 'p95 / value', 'goal', 'verdict'];
    const cells = [header, ...rows.map(([a, b, c, d, ok]) => [a, b, c, d, ok ? 'within' : 'OVER'])];
    const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
    for (const row of cells) console.log(`  ${row.map((cell, i) => cell.padEnd(widths[i])).join('  ')}`);
}

const sorted = (values: number[]): number[] => [...values].sort((a, b) => a - b);
const ms = (value: number): string => `${Math.round(value)} ms`;
const max = (values: number[]): number => Math.max(...values);

const h = await openHarness();
try {
    const opportunityId = await setUp(h);
    console.log(`Messaging benchmark: "${OPPORTUNITY}" with ${SPACES.length} spaces, Sam and Camille in Chromium.`);
    const loads = await benchRecordLoads(h, opportunityId);
    const live = sorted(await benchLiveMessages(h, opportunityId));
    const sdk = await benchSdkLoads(h, opportunityId);

    const soql = sorted(loads.map((l) => l.soql));
    const perSpace = sorted(loads.map((l) => l.otherRequests.length / SPACES.length));
    const setup = sorted(loads.map((l) => l.setupRequests));
    const shown = sorted(loads.map((l) => l.shownMs));
    const paths = [...new Set(loads.flatMap((l) => l.otherRequests.map((r) => `${r.method} ${r.path}`)))];
    console.log(`Webex requests while the spaces load (besides the SDK's set-up): ${paths.join(', ') || 'none'}`);
    console.log(`SDK set-up on the page with Chat: ${sdk.setup.join(', ') || 'none'}`);
    console.log('');
    table([
        [
            `SOQL queries of getSpaces per record load (${loads.length} loads)`,
            String(percentile(soql, 50)),
            `max ${max(soql)}`,
            '1 links + 1 record check',
            max(soql) <= GOALS.soqlPerLoad
        ],
        [
            `Webex requests per space shown, until the ${SPACES.length} spaces show`,
            String(percentile(perSpace, 50)),
            `max ${max(perSpace)}`,
            `≤ ${GOALS.requestsPerSpace}`,
            max(perSpace) <= GOALS.requestsPerSpace
        ],
        [
            `  SDK set-up requests (catalog, device, websocket) per load, apart`,
            String(percentile(setup, 50)),
            `max ${max(setup)}`,
            '-',
            true
        ],
        [
            `record page: navigation → ${SPACES.length} spaces shown`,
            ms(percentile(shown, 50)),
            ms(percentile(shown, 95)),
            '-',
            true
        ],
        [
            `message live, Send click → on the other rep's screen (${live.length})`,
            ms(percentile(live, 50)),
            ms(percentile(live, 95)),
            `p95 < ${GOALS.liveP95Ms} ms`,
            percentile(live, 95) < GOALS.liveP95Ms
        ],
        [
            'WebexSdk resource requests, Spaces + Chat on one page',
            String(sdk.loads),
            String(sdk.loads),
            String(GOALS.sdkLoadsPerPage),
            sdk.loads <= GOALS.sdkLoadsPerPage
        ]
    ]);
} catch (error) {
    console.error(`Stopped; the page is in ${await screenshot(h, 'FAILED-bench-messaging')}`);
    throw error;
} finally {
    await closeHarness(h);
}
