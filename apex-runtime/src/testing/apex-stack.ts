/**
 * Apex allows a call depth of 1,000 (Apex Developer Guide › Execution Governors and Limits: "Maximum stack
 * depth"); an Apex call costs the interpreter several JavaScript frames per statement block, so node's
 * default stack (under 1 MB on the main thread) runs out at a few hundred Apex frames. A script that runs Apex
 * calls {@link relaunchWithApexStack} first: it re-runs the script in a worker thread whose stack is large
 * enough for 1,000 Apex frames of deeply nested code, and forwards the worker's exit code.
 */
import { Worker, isMainThread } from 'node:worker_threads';

/**
 * The worker's stack in MB: 1,000 Apex frames of methods nesting five blocks each fit in 8 MB (measured);
 * eight times that leaves room for deeper nesting per method.
 */
export const APEX_STACK_MB = 64;

/**
 * In the main thread: starts `entry` (the calling module's `import.meta.url`) in a worker with
 * {@link APEX_STACK_MB} of stack and the same arguments, sets `process.exitCode` from it, and returns true (the
 * caller does nothing more). Inside that worker: returns false (the caller does its work).
 */
export function relaunchWithApexStack(entry: string | URL): boolean {
    if (!isMainThread) return false;
    const url = new URL(entry).href;
    // A worker does not inherit `--import tsx` (node 20): a TypeScript entry registers tsx's loader itself.
    const tsx = process.execArgv.some((a) => a === 'tsx' || a.includes('/tsx/'))
        ? import.meta.resolve('tsx/esm/api')
        : null;
    const code = tsx
        ? `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url)}); })`
        : `import(${JSON.stringify(url)})`;
    const worker = new Worker(code, {
        eval: true,
        argv: process.argv.slice(2),
        resourceLimits: { stackSizeMb: APEX_STACK_MB }
    });
    worker.on('error', (e: unknown) => {
        console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
        process.exitCode = 1;
    });
    worker.on('exit', (code) => {
        process.exitCode ??= code;
    });
    return true;
}
