/**
 * axe-core's WCAG 2.1 A and AA rules on what a person sees in the browser, for the end-to-end stories (the Jest
 * checks of @sa11y/jest see one component at a time, without the page, its styles or the base components' DOM).
 *
 * The workbench, like Lightning Experience, runs LWC with synthetic shadow: there is no real shadow root, every
 * element is in the document, and the page's DOM API is patched to pretend otherwise (`document.getElementById`
 * returns null for an element inside a component, `getRootNode()` returns an object that is not a node...).
 * Run through those patches, axe sees neither what assistive technology sees (the browser builds its
 * accessibility tree from the real DOM, where ids are unique and `aria-labelledby` resolves across the document)
 * nor answers its own checks: it leaves most ARIA references "incomplete". So axe runs on the real DOM: for the
 * time of the run, the DOM prototypes get back the native properties (taken from a fresh same-origin frame, whose
 * DOM the patches never touched), then the patched ones are put back.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0 and 2.1, levels A and AA: the level the package targets (what Salesforce's own components meet). */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface Violation {
    id: string;
    impact: string | null;
    help: string;
    helpUrl: string;
    targets: string[];
}

export interface AccessibilityOptions {
    /** A CSS selector of the part of the page to check (the whole page otherwise). */
    within?: string;
    /**
     * CSS selectors of elements axe skips, each with why (only what cannot apply, e.g. a stand-in only the
     * workbench has; never to let a real violation pass).
     */
    exclude?: Array<{ selector: string; why: string }>;
}

interface AxeOutcome {
    violations: Violation[];
    elementsSeen: number;
    elementsInPage: number;
}

/**
 * Rules whose "needs review" is a defect here. aria-prohibited-attr: axe only asks for review when the element has
 * text, since the text still names it; but the browser ignores the aria-label (or aria-labelledby) of an element
 * whose role takes no name, so what the author meant to be read never is.
 */
const REVIEW_MEANS_VIOLATION = ['aria-prohibited-attr'];

/**
 * Runs axe in the page, on the real DOM (see the file comment). A plain string is evaluated: functions handed to
 * page.evaluate would carry the test runner's compiled helpers (`__name`), which the page does not have.
 */
function runAxeScript(within: string | undefined, exclude: string[]): string {
    return `(async () => {
        const within = ${JSON.stringify(within ?? null)};
        const exclude = ${JSON.stringify(exclude)};
        const frame = document.createElement('iframe');
        frame.setAttribute('aria-hidden', 'true');
        frame.style.display = 'none';
        document.documentElement.appendChild(frame);
        const native = frame.contentWindow;
        const swapped = [];
        const names = ['Node', 'Element', 'HTMLElement', 'Document', 'HTMLSlotElement', 'Text', 'EventTarget'];
        for (const name of names) {
            const page = window[name].prototype;
            const clean = native[name].prototype;
            for (const key of Object.getOwnPropertyNames(clean)) {
                const patched = Object.getOwnPropertyDescriptor(page, key);
                const original = Object.getOwnPropertyDescriptor(clean, key);
                if (!patched || !original || key === 'constructor') continue;
                const isPatched = ['get', 'set', 'value'].some(
                    (part) => typeof patched[part] === 'function' && !String(patched[part]).includes('[native code]')
                );
                if (!isPatched) continue;
                swapped.push([page, key, patched]);
                Object.defineProperty(page, key, original);
            }
        }
        const pageShadowRoot = window.ShadowRoot;
        window.ShadowRoot = native.ShadowRoot;
        try {
            // What axe sees against what the page holds, counted at the same moment (the page may change
            // while axe runs). A <slot> is flattened into what it holds, as the browser does.
            const count = document.getElementsByTagName('*').length - document.getElementsByTagName('slot').length;
            let seen = 0;
            window.axe.setup(document);
            const stack = [window.axe._tree[0]];
            while (stack.length) {
                const node = stack.pop();
                if (node.props.nodeType === 1) seen++;
                for (const child of node.children || []) stack.push(child);
            }
            window.axe.teardown();
            const context = { include: within ? [[within]] : [document], exclude: exclude.map((s) => [s]) };
            const results = await window.axe.run(context, {
                runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} },
                resultTypes: ['violations', 'incomplete']
            });
            const reviewed = results.incomplete.filter((rule) =>
                ${JSON.stringify(REVIEW_MEANS_VIOLATION)}.includes(rule.id)
            );
            return {
                elementsInPage: count,
                elementsSeen: seen,
                violations: [...results.violations, ...reviewed].map((rule) => ({
                    id: rule.id,
                    impact: rule.impact || null,
                    help: rule.help,
                    helpUrl: rule.helpUrl,
                    targets: rule.nodes.map((node) => node.target.map(String).join(' ')),
                })),
            };
        } finally {
            window.ShadowRoot = pageShadowRoot;
            for (const [page, key, patched] of swapped.reverse()) Object.defineProperty(page, key, patched);
            frame.remove();
        }
    })()`;
}

/** Readable lines: rule, impact, what it asks, then each element as a selector. */
export function describeViolations(violations: Violation[]): string {
    return violations
        .map(
            (v) =>
                `  ${v.id} (${v.impact ?? 'no impact'}): ${v.help} ${v.helpUrl}\n` +
                v.targets.map((target) => `      ${target}`).join('\n')
        )
        .join('\n');
}

/** The violations of WCAG 2.1 A and AA axe finds on the page as it is now. */
export async function findViolations(page: Page, options: AccessibilityOptions = {}): Promise<Violation[]> {
    if (!(await page.evaluate('typeof window.axe === "object"'))) await page.addScriptTag({ content: AXE_SOURCE });
    const outcome = (await page.evaluate(
        runAxeScript(
            options.within,
            (options.exclude ?? []).map((entry) => entry.selector)
        )
    )) as AxeOutcome;
    // Through synthetic shadow's patches axe would walk a tree of its own: make sure it saw every element.
    assert.ok(
        outcome.elementsSeen >= outcome.elementsInPage,
        `axe saw ${outcome.elementsSeen} of the page's ${outcome.elementsInPage} elements`
    );
    return outcome.violations;
}

/** Fails with the list of WCAG 2.1 A and AA violations axe finds on `screenName`, if any. */
export async function expectAccessible(
    page: Page,
    screenName: string,
    options: AccessibilityOptions = {}
): Promise<void> {
    const violations = await findViolations(page, options);
    assert.ok(
        violations.length === 0,
        `${screenName}: ${violations.length} WCAG 2.1 A/AA violation(s) found by axe-core\n${describeViolations(violations)}`
    );
}
