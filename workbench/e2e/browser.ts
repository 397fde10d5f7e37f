/**
 * Browser harness for the end-to-end stories: the workbench on free ports, Debian's Chromium driven
 * by playwright-core (never a downloaded browser), a screenshot kept in workbench/.artifacts when a
 * story fails.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startWorkbench, type Workbench } from '../server.ts';

export const ARTIFACTS = path.resolve(import.meta.dirname, '..', '.artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Without the background-networking flags Chromium keeps calling home, which this network refuses.
const FLAGS = [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync'
];

export interface Harness {
    workbench: Workbench;
    browser: Browser;
    page: Page;
    /** Page errors and console errors seen during the story (an uncaught exception fails it). */
    pageErrors: string[];
}

/** Starts the workbench (already built by the gate's build step unless WORKBENCH_BUILD=1) and a browser. */
export async function openHarness(): Promise<Harness> {
    const workbench = await startWorkbench({
        port: 0,
        emulatorPort: 0,
        build: process.env.WORKBENCH_SKIP_BUILD !== '1',
        // The stories may use the test-only components of e2e/fixtures; `npm start` never shows them.
        fixtures: true
    });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await routeWebexToEmulator(page.context(), workbench.emulator.url);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    return { workbench, browser, page, pageErrors };
}

/** Webex's public API host, which the package's Apex names (WebexApiClient.BASE_URL) and sends a rep's browser to. */
const WEBEX_API = 'https://webexapis.com';
/** Hop-by-hop or re-encoded headers that fetch has already dealt with: not for the browser. */
const DROPPED_HEADERS = new Set(['content-encoding', 'content-length', 'transfer-encoding', 'connection']);

/**
 * Serves the browser's requests to Webex's host from the Webex emulator, as the Apex host routes the package's
 * callouts there: Connect Webex opens `https://webexapis.com/v1/authorize` (the emulator's sign-in page), whose
 * redirects go back to the org. A context the story creates itself needs it too.
 */
export async function routeWebexToEmulator(context: BrowserContext, emulatorUrl: string): Promise<void> {
    await context.route(`${WEBEX_API}/**`, async (route) => {
        const request = route.request();
        const headers = Object.fromEntries(
            Object.entries(request.headers()).filter(([name]) => name !== 'host' && !DROPPED_HEADERS.has(name))
        );
        const body = request.postDataBuffer();
        const response = await fetch(`${emulatorUrl}${request.url().slice(WEBEX_API.length)}`, {
            method: request.method(),
            headers,
            body: body ? new Uint8Array(body) : undefined,
            redirect: 'manual'
        });
        await route.fulfill({
            status: response.status,
            headers: Object.fromEntries([...response.headers].filter(([name]) => !DROPPED_HEADERS.has(name))),
            body: Buffer.from(await response.arrayBuffer())
        });
    });
}

export async function closeHarness(harness: Harness | undefined): Promise<void> {
    if (!harness) return;
    await harness.browser.close();
    await harness.workbench.close();
}

/** A fresh story: emulated org and Webex emulator back to their seeds, a new page load. */
export async function resetStory(harness: Harness, hash: string, lang: 'en' | 'fr' = 'en'): Promise<void> {
    harness.workbench.org.reset();
    harness.workbench.emulator.state.reset();
    harness.pageErrors.length = 0;
    // A new document every story: going to the same URL with only a hash change would keep the page.
    await harness.page.goto('about:blank');
    await harness.page.goto(`${harness.workbench.url}/?lang=${lang}${hash}`);
}

/** Keeps a screenshot of the page under workbench/.artifacts/<name>.png (on failure, or to look at). */
export async function screenshot(harness: Harness, name: string): Promise<string> {
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, `${name.replace(/[^\w-]+/g, '-')}.png`);
    await harness.page.screenshot({ path: file, fullPage: true });
    return file;
}

/** Runs a story body; on failure keeps a screenshot named after it, then rethrows. */
export async function story(harness: Harness, name: string, body: () => Promise<void>): Promise<void> {
    try {
        await body();
    } catch (error) {
        await screenshot(harness, `FAILED-${name}`).catch(() => undefined);
        throw error;
    }
}
