/**
 * What every test of a Webex Admin section does the same way: put the section in the page, let its Apex answers
 * settle, read what it shows through its frame (c-webex-admin-section) and catch the toasts it sends. Each test
 * keeps only what is its own (which Apex answers to stand in for, which fields to fill).
 */
import { createElement, type LightningElement } from 'lwc';
import { ShowToastEventName } from '../jest-mocks/lightning/platformShowToastEvent';
import { deepQuery, deepQueryAll } from './shadowQuery';

/** A section in the page: its markup is in its shadow root. */
export type Host = HTMLElement & { shadowRoot: ShadowRoot };

/** A lightning-button as the tests see it (sfdx-lwc-jest's stub keeps its public properties). */
export type ButtonStub = HTMLElement & { label: string; disabled: boolean; title: string };

/** A lightning-dual-listbox as the tests see it: its labels, its options and the values chosen. */
export type ListboxStub = HTMLElement & {
    label: string;
    sourceLabel: string;
    selectedLabel: string;
    addButtonLabel: string;
    options: Array<{ label: string; value: string }>;
    value: string[];
    disabled: boolean;
};

/** A toast a section sent (lightning/platformShowToastEvent's detail). */
export interface Toast {
    title?: string;
    message: string;
    variant?: string;
}

/** Ten microtask turns, one after the other: enough for an Apex answer, the await after it and the re-render. */
export async function settle(): Promise<void> {
    await Array.from({ length: 10 }).reduce<Promise<void>>((turn) => turn.then(() => undefined), Promise.resolve());
}

/** A macrotask: every pending Apex promise and the re-render it causes have settled by then. */
export function flushPromises(): Promise<void> {
    return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Puts the section in the page and returns it at once, its first load still under way: one microtask later
 * (`await Promise.resolve()`, the re-render) the test reads what the section says before the answer comes.
 */
export function mountLoading<H extends Host = Host>(
    tag: string,
    is: LightningElement['constructor'] & { new (): LightningElement },
    props: Record<string, unknown> = {}
): H {
    const element = createElement(tag, { is }) as unknown as H;
    Object.assign(element, props);
    document.body.appendChild(element);
    return element;
}

/**
 * Creates the section `tag`, gives it `props`, puts it in the page and lets its first load answer (`wait`, the
 * microtask turns of `settle` unless the test waits for a macrotask).
 */
export async function mountSection<H extends Host = Host>(
    tag: string,
    is: LightningElement['constructor'] & { new (): LightningElement },
    props: Record<string, unknown> = {},
    wait: () => Promise<void> = settle
): Promise<H> {
    const element = mountLoading<H>(tag, is, props);
    await wait();
    return element;
}

/** The first element matching `selector` in the section, its frame, save row and busy line included. */
export function $(element: Host, selector: string): HTMLElement | null {
    return deepQuery(element.shadowRoot, selector);
}

/** Every element matching `selector` in the section, its frame and shared pieces included. */
export function $$(element: Host, selector: string): HTMLElement[] {
    return deepQueryAll(element.shadowRoot, selector);
}

/** The text of `$(element, selector)`, white space folded ('' when there is none). */
export function text(element: Host, selector: string): string {
    return ($(element, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The section's button whose `data-action` is `action` (the frame's Save is `save`, its Retry `retry`). */
export function button(element: Host, action: string): ButtonStub {
    return $(element, `lightning-button[data-action="${action}"]`) as ButtonStub;
}

/** The Save button of a form section (in the frame's save row). */
export function saveButton(element: Host): ButtonStub {
    return button(element, 'save');
}

/** Ticks or unticks a checkbox, radio or switch as a person does (one change event), then lets the section react. */
export async function setChecked(input: HTMLInputElement, checked: boolean): Promise<void> {
    input.checked = checked;
    input.dispatchEvent(new CustomEvent('change'));
    await settle();
}

/** An Apex answer that has not come yet: the test says when it comes (`resolve`) or fails (`reject`). */
export function pending<T = never>(): {
    promise: Promise<T>;
    resolve: (value: T) => void;
    reject: (reason: unknown) => void;
} {
    let resolve: (value: T) => void = () => undefined;
    let reject: (reason: unknown) => void = () => undefined;
    const promise = new Promise<T>((onResolve, onReject) => {
        resolve = onResolve;
        reject = onReject;
    });
    return { promise, resolve, reject };
}

/** After each test: the page empty again and every Apex stand-in forgotten. */
export function resetPage(): void {
    while (document.body.firstChild) document.body.removeChild(document.body.firstChild);
    jest.resetAllMocks();
}

/** The toasts the section sends from now on, in order. */
export function toasts(element: Host): Toast[] {
    const seen: Toast[] = [];
    element.addEventListener(ShowToastEventName, (event) => seen.push((event as CustomEvent<Toast>).detail));
    return seen;
}
