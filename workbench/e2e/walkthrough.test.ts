/**
 * The README's walkthrough, "from a fresh clone to an inbound call", followed in Chromium step by step and
 * in its order: the administrator authorizes Salesforce, creates the webhook site, sets up the Webex
 * integration for users and switches the inbound call log on; Sam connects his own Webex account, choosing
 * himself on Webex's sign-in page; `npm run ring` (the same function, with the README's arguments) rings
 * him; the call pops Olivia Martin's record, he answers, hangs up, logs the call and opens the Task.
 *
 * The story reads the numbered steps of that README section: every text it checks on screen must be
 * quoted in the step it is at (`see`), the URLs and the ring command come from the steps, and every step
 * is walked, so the README and the workbench cannot drift apart unnoticed.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ring } from '../webex-emulator/ring.ts';
import { ARTIFACTS, closeHarness, openHarness, screenshot, story, type Harness } from './browser.ts';
import { KNOWN_BASE_COMPONENT_ERROR, dialerListening, trackStreams } from './workbench-api.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const SECTION = '## Walkthrough: from a fresh clone to an inbound call';
/** Where the README says `npm start` serves the workbench and the emulator. */
const README_WORKBENCH = 'http://localhost:3333';
const README_EMULATOR = 'http://localhost:4444';

/** The numbered steps of the README's walkthrough, as plain text (no `**`, no backticks, one space). */
function walkthroughSteps(readme: string): string[] {
    const start = readme.indexOf(`\n${SECTION}\n`);
    assert.ok(start >= 0, `README.md has a section "${SECTION}"`);
    const lines = readme.slice(start + SECTION.length + 2).split('\n');
    const end = lines.findIndex((line) => line.startsWith('## '));
    const steps: string[] = [];
    for (const line of end < 0 ? lines : lines.slice(0, end)) {
        const numbered = /^(\d+)\. (.*)$/.exec(line);
        if (numbered) {
            assert.equal(
                Number(numbered[1]),
                steps.length + 1,
                `README walkthrough step ${numbered[1]} is numbered in order`
            );
            steps.push(numbered[2]);
        } else if (steps.length && /^\s+\S/.test(line)) steps[steps.length - 1] += ` ${line.trim()}`;
    }
    return steps.map((step) =>
        step
            .replace(/\*\*|`/g, '')
            .replace(/\s+/g, ' ')
            .trim()
    );
}

/** Walks the README's steps in order; `see` holds what the story checks to what the step says. */
class Walkthrough {
    private current = 0;
    readonly steps: string[];

    constructor(steps: string[]) {
        this.steps = steps;
    }

    /** Moves to step `n` (the next one) and answers its text. */
    step(n: number): string {
        assert.equal(n, this.current + 1, `the story follows README step ${this.current + 1} next`);
        assert.ok(n <= this.steps.length, `README walkthrough has a step ${n}`);
        this.current = n;
        return this.steps[n - 1];
    }

    /** A text the story checks on screen: the current step must say it, word for word. */
    see(text: string): string {
        assert.ok(
            this.steps[this.current - 1].includes(text),
            `README walkthrough step ${this.current} says "${text}":\n${this.steps[this.current - 1]}`
        );
        return text;
    }

    /** The first URL of the current step that starts with `origin`, moved to where the harness runs it. */
    url(origin: string, runsAt: string): string {
        const found = this.steps[this.current - 1].match(new RegExp(`${origin.replace(/[.:/]/g, '\\$&')}\\S*`));
        assert.ok(found, `README walkthrough step ${this.current} gives a ${origin} URL`);
        return found[0].replace(/[.,;:)]+$/, '').replace(origin, runsAt);
    }

    done(): void {
        assert.equal(this.current, this.steps.length, 'the story walked every step of the README');
    }
}

/** A command line's words, quotes removed, as a shell splits `--name "Olivia Martin"`. */
function shellWords(command: string): string[] {
    return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

let h: Harness;

describe('The README walkthrough, from a fresh clone to an inbound call', () => {
    before(async () => {
        h = await openHarness();
        await trackStreams(h.page);
    });
    after(() => closeHarness(h));

    it('ends with Sam answering a call that popped Olivia Martin, and the call logged as a Task', () =>
        story(h, 'walkthrough', async () => {
            const w = new Walkthrough(walkthroughSteps(readFileSync(path.join(ROOT, 'README.md'), 'utf8')));
            const page = h.page;
            const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
                scripts: Record<string, string>;
            };

            // 1–2. The harness is what `npm start` runs (startWorkbench), on free ports instead of 3333 and 4444.
            assert.match(w.step(1), /^npm ci\b/);
            assert.match(w.step(2), /^npm start\b/);
            assert.equal(pkg.scripts.start, 'tsx workbench/server.ts');
            w.see(`Workbench: ${README_WORKBENCH}/#/n/Webex_Admin`);
            w.see(`Webex emulator: ${README_EMULATOR}`);

            // 3. The admin tab, as Avery Admin.
            w.step(3);
            await page.goto(w.url(README_WORKBENCH, h.workbench.url));
            await page.locator('[data-user]').getByText(w.see('Avery Admin')).waitFor();
            await page.getByRole('link', { name: w.see('Webex Admin'), exact: true }).waitFor();

            // 4. Salesforce Authorization, through the org's consent page and the Visualforce page.
            w.step(4);
            const auth = page.locator('c-webex-admin-salesforce-auth');
            await auth.getByLabel(/^Consumer Key/).fill(w.see('3MVG9WorkbenchWebexSalesforceAuthorizationConsumerKey'));
            await auth.getByLabel(/^Consumer Secret/).fill(w.see('WorkbenchConsumerSecret0123456789ABCDEF'));
            await auth.getByRole('button', { name: w.see('Authorize'), exact: true }).click();
            await page.getByRole('button', { name: w.see('Allow'), exact: true }).click();
            await page.getByRole('button', { name: w.see('Finish Authorization') }).click();
            await page.getByRole('button', { name: w.see('Return to Webex Admin') }).click();
            await auth.getByText(w.see('Authorized as Avery Admin')).waitFor();

            // 5. The webhook site.
            w.step(5);
            const site = page.locator('c-webex-admin-webhook-site');
            await site.getByRole('button', { name: w.see('Create Site'), exact: true }).click();
            await site.getByText(w.see('Site created successfully')).waitFor();

            // 6. The Webex integration for users, with the emulator's integration's client ID and secret.
            w.step(6);
            const listed = await fetch(w.url(README_EMULATOR, h.workbench.emulator.url));
            const integrations = (await listed.json()) as {
                items: Array<{ name: string; clientId: string; clientSecret: string }>;
            };
            const integration = integrations.items.find((i) => i.name === w.see('Webex for Salesforce (workbench)'));
            assert.ok(integration, 'the emulator lists the workbench integration');
            const users = page.locator('c-webex-admin-user-integration');
            await users.getByLabel(new RegExp(`^${w.see('Client ID')}`)).fill(integration.clientId);
            await users.getByLabel(new RegExp(`^${w.see('Client secret')}`)).fill(integration.clientSecret);
            await users.getByRole('button', { name: w.see('Use this integration') }).click();
            await users.getByText(w.see('Webex integration for users saved')).waitFor();
            await users.getByText(w.see('Users connected: 0')).waitFor();

            // 7. The inbound call log, for everyone.
            w.step(7);
            const inbound = page.locator('[data-section="inboundCallLog"]');
            await inbound.getByRole('heading', { name: w.see('Webex Inbound Call Log') }).waitFor();
            const access = inbound.locator('[data-part="access"]');
            const forAll = access.getByRole('switch', { name: new RegExp(w.see('Enable for all profiles/users')) });
            // The switch's checkbox sits under its drawing, as in Lightning: a person clicks the drawn switch.
            await access
                .locator('label')
                .filter({ has: page.getByRole('switch') })
                .click();
            assert.equal(await forAll.isChecked(), true, 'switched on');
            await access.getByRole('button', { name: w.see('Save'), exact: true }).click();
            await inbound.getByText(w.see('Saved: Who logs inbound calls.')).waitFor();
            await screenshot(h, 'walkthrough-admin');

            // 8. Sam, a rep.
            w.step(8);
            await page.goto(w.url(README_WORKBENCH, h.workbench.url));
            await page.locator('[data-user]').getByText(w.see('Sam Rep')).waitFor();

            // 9. His dialer, and Webex's sign-in page in its own window.
            w.step(9);
            await page.getByRole('button', { name: w.see('Webex'), exact: true }).click();
            const dialer = page.locator('c-webex-dialer');
            const opening = page.waitForEvent('popup');
            await dialer.getByRole('button', { name: w.see('Connect Webex') }).click();
            const webex = await opening;
            await webex.getByRole('heading', { name: w.see('Sign in to Webex') }).waitFor();
            const accounts = webex.getByRole('group', { name: 'Choose your Webex account' });
            for (const name of ['Avery Admin', 'Sam Rep', 'Camille Vente'])
                await accounts.getByText(w.see(name), { exact: true }).waitFor();
            await webex.getByLabel(w.see('Or enter your email address')).waitFor();
            await webex.screenshot({ path: path.join(ARTIFACTS, 'walkthrough-webex-sign-in.png'), fullPage: true });

            // 10. Sam picks himself, not the first user Webex lists.
            w.step(10);
            await accounts.getByText(w.see('Sam Rep'), { exact: true }).click();
            await webex.getByRole('button', { name: w.see('Continue') }).click();
            await webex
                .getByText(w.see('Click Finish connecting to connect your Webex account to Salesforce as Sam Rep.'))
                .waitFor();

            // 11. Connected.
            w.step(11);
            await webex.getByRole('button', { name: w.see('Finish connecting') }).click();
            await webex.getByText(w.see('Connected to Webex as Sam Rep.')).waitFor();
            const closed = webex.waitForEvent('close');
            // The button runs window.close(), which may end the page while the click is still finishing.
            await webex
                .getByRole('button', { name: w.see('Close this window') })
                .click()
                .catch((error: unknown) => {
                    if (!webex.isClosed() && !/Target page, context or browser has been closed/.test(String(error)))
                        throw error;
                });
            await closed;
            // Back in Salesforce's window, which the browser gives the focus back: the dialer checks then (it has
            // no handle on Webex's window under Lightning Web Security). Headless Chromium under Playwright fires
            // no such focus event, so the story fires the one the browser would.
            await page.bringToFront();
            await page.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
            await dialer.getByText(w.see('Connected as Sam Rep')).waitFor();

            // 12. `npm run ring -- …` from a second terminal: the same function, the README's arguments.
            const ringStep = w.step(12);
            assert.match(pkg.scripts.ring, /workbench\/webex-emulator\/ring\.ts$/, 'npm run ring runs ring.ts');
            const command = /npm run ring -- (.+?)\. You should see/.exec(ringStep);
            assert.ok(command, 'README step 12 gives the npm run ring command');
            await dialerListening(h.page);
            const rang = await ring(shellWords(command[1]), h.workbench.emulator.url);
            assert.equal(rang.exitCode, 0, rang.output);
            const printed = w.see('Ringing sam.rep@acme-webex.example from +13122961607 (Olivia Martin).');
            assert.ok(rang.output.includes(printed), rang.output);
            const banner = dialer.locator('c-webex-incoming-call');
            await banner.getByText(w.see('Incoming call')).waitFor();
            await banner.getByText(w.see('Opened: Olivia Martin · Acme Robotics')).waitFor();
            await page.waitForURL(/#\/r\/Contact\/003\w+\/view/);
            await page
                .getByRole('heading', { name: w.see('Olivia Martin') })
                .first()
                .waitFor();
            await screenshot(h, 'walkthrough-incoming-call');

            // 13. Answered: the call log opens with the call.
            w.step(13);
            await banner.getByRole('button', { name: w.see('Answer') }).click();
            const card = dialer.locator('c-webex-call-card');
            await card.getByText(w.see('Connected'), { exact: true }).waitFor();
            const log = dialer.locator('c-webex-call-log');
            const subject = log.getByLabel('Subject');
            await subject.waitFor();
            assert.equal(await subject.inputValue(), w.see('Inbound call from Olivia Martin'));

            // 14. Hung up, logged.
            w.step(14);
            await card.getByRole('button', { name: w.see('Hang up') }).click();
            await card.getByText(w.see('Call ended')).waitFor();
            await log.getByRole('textbox', { name: w.see('Comments') }).fill('Wants a quote for 20 robots.');
            await log.getByRole('button', { name: w.see('Save'), exact: true }).click();
            await dialer.getByText(w.see('Call log saved')).waitFor();
            await screenshot(h, 'walkthrough-call-logged');

            // 15. The Task.
            w.step(15);
            await dialer.getByRole('link', { name: w.see('View the task') }).click();
            await page.waitForURL(/#\/r\/Task\/00T\w+\/view/);
            await page
                .getByRole('heading', { name: w.see('Inbound call from Olivia Martin') })
                .first()
                .waitFor();
            const task = h.workbench.org.records
                .list('Task')
                .find((t) => t.Subject === 'Inbound call from Olivia Martin');
            assert.equal(task?.Description, 'Wants a quote for 20 robots.');
            assert.equal(task?.CallType, 'Inbound');
            await screenshot(h, 'walkthrough-task');
            w.done();
            assert.deepEqual(
                h.pageErrors.filter((error) => error !== KNOWN_BASE_COMPONENT_ERROR),
                []
            );
        }));
});
