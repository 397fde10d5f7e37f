/**
 * What a story does besides clicking: the requests a developer makes with curl in the README (the
 * emulated org's and the Webex emulator's control APIs), and the waits that no screen shows.
 */
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Harness } from './browser.ts';

/**
 * A base component inside the call-log panel (lightning-combobox) calls attachInternals, which the
 * workbench's synthetic shadow refuses (an org runs native shadow for base components): a page error
 * that is not the story's.
 */
export const KNOWN_BASE_COMPONENT_ERROR = 'attachInternals API is not supported in synthetic shadow.';

/** A request to the Webex emulator (`/_emulator/...` control routes or the REST API); fails on any error status. */
export async function emulatorRequest<T = unknown>(
    h: Harness,
    method: string,
    path: string,
    body?: unknown
): Promise<T> {
    const response = await fetch(`${h.workbench.emulator.url}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
    });
    const text = await response.text();
    assert.ok(response.ok, `${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
}

/** `POST /_org/control/<path>`: sets the emulated org up as the README's "Set the emulated org up" says. */
export async function orgControl(h: Harness, path: string, body: unknown): Promise<void> {
    const response = await fetch(`${h.workbench.url}/_org/control/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body)
    });
    assert.equal(response.status, 200, `control ${path}: ${await response.text()}`);
}

/** Polls `check` until it holds (10 s at most). */
export async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await check())) {
        assert.ok(Date.now() < deadline, `timed out waiting until ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
}

/**
 * Keeps the page's EventSource streams (lightning/empApi's stand-in) where `dialerListening` can see
 * them. Call before the page loads.
 */
export async function trackStreams(page: Page): Promise<void> {
    await page.addInitScript(() => {
        const Original = window.EventSource;
        const opened: EventSource[] = [];
        (window as unknown as { wbStreams: EventSource[] }).wbStreams = opened;
        window.EventSource = class extends Original {
            constructor(url: string | URL, init?: EventSourceInit) {
                super(url, init);
                opened.push(this);
            }
        };
    });
}

/** The dialer listens to the user's call pushes (its panel may be closed: the item starts automatically). */
export async function dialerListening(page: Page): Promise<void> {
    await page.waitForFunction(() =>
        (window as unknown as { wbStreams?: EventSource[] }).wbStreams?.some(
            (stream) => stream.url.includes(encodeURIComponent('/u/WebexCallEvents')) && stream.readyState === 1
        )
    );
}
