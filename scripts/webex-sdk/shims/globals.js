/**
 * Node globals the SDK's dependencies read (`process.env`, `process.nextTick`, `Buffer`), provided to the
 * browser bundle through esbuild's `inject` from their npm browser ports, as the SDK's own browser build does.
 * Each is local to the bundle: nothing is written on the page's window.
 */
import process from 'process/browser.js';
import { Buffer } from 'buffer/';

export { process, Buffer };
