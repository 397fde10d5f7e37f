/**
 * Proves the gate's checks can fail: for each kind of mistake the gate must catch, plants one in a
 * throw-away copy of the project and runs the check that must catch it. Passes only when every
 * planted mistake is reported with its own name (not some other failure of the copy).
 *
 * The mistakes live in `self-test/*.ts` (one file per area, each exporting `FAULTS`): adding a check
 * to the gate means adding its planted instance there.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, findFiles } from '../lib/project.ts';
import type { Fault } from './self-test/fault.ts';

/** What a copy holds: everything the checks read (never node_modules, linked instead). */
const COPIED = [
    // The workbench runs the package's Apex in apex-runtime: a story in the copy needs both.
    'apex-runtime',
    'force-app',
    'types',
    'scripts',
    'sfdx-project.json',
    'tsconfig.json',
    'config',
    'workbench',
    '.github'
];

async function loadFaults(): Promise<Fault[]> {
    const faults: Fault[] = [];
    for (const file of findFiles(path.join(import.meta.dirname, 'self-test'), /\.ts$/)) {
        if (path.basename(file) === 'fault.ts') continue;
        const module = (await import(pathToFileURL(file).href)) as { FAULTS?: Fault[] };
        faults.push(...(module.FAULTS ?? []));
    }
    return faults;
}

function copyProject(): string {
    const copy = mkdtempSync(path.join(tmpdir(), 'gate-self-test-'));
    for (const entry of COPIED) {
        if (!existsSync(path.join(ROOT, entry))) continue;
        cpSync(path.join(ROOT, entry), path.join(copy, entry), {
            recursive: true,
            filter: (source) => !/[\\/](\.build[^\\/]*|\.artifacts|node_modules)$/.test(source)
        });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    return copy;
}

/** Writes the fault into the copy; returns why it could not be planted, if it could not. */
function plant(copy: string, fault: Fault): string | null {
    for (const [file, content] of Object.entries(fault.files ?? {})) {
        mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
        writeFileSync(path.join(copy, file), content);
    }
    for (const edit of fault.edits ?? []) {
        const target = path.join(copy, edit.file);
        if (!existsSync(target)) return `${edit.file} does not exist`;
        const text = readFileSync(target, 'utf8');
        const changed = text.replace(edit.find, edit.replace);
        if (changed === text) return `${String(edit.find)} not found in ${edit.file}`;
        writeFileSync(target, changed);
    }
    return null;
}

function run(copy: string, command: string[]): Promise<{ ok: boolean; output: string }> {
    return new Promise((resolve) => {
        const child = spawn(command[0], command.slice(1), {
            cwd: copy,
            env: { ...process.env, WEBEX_GATE_ROOT: copy }
        });
        let output = '';
        child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        child.on('error', (error) => resolve({ ok: false, output: `${output}${String(error)}` }));
        child.on('close', (status) => resolve({ ok: status === 0, output }));
    });
}

/** Plants one fault in its own copy and runs its check; the line to print, and whether it was caught. */
async function tryFault(fault: Fault): Promise<{ caught: boolean; text: string }> {
    const started = Date.now();
    const copy = copyProject();
    try {
        const notPlanted = plant(copy, fault);
        if (notPlanted) return { caught: false, text: `NOT PLANTED: ${fault.name} (${notPlanted})` };
        const result = await run(copy, fault.check);
        const caught = !result.ok && fault.expect.test(result.output);
        return {
            caught,
            text: caught
                ? `caught (${((Date.now() - started) / 1000).toFixed(1)} s): ${fault.name}`
                : `MISSED: ${fault.name}\n${result.output.slice(-2000)}`
        };
    } finally {
        rmSync(copy, { recursive: true, force: true });
    }
}

async function main(): Promise<void> {
    const only = process.argv.slice(2);
    const faults = (await loadFaults())
        .filter((f) => !only.length || only.some((o) => f.name.includes(o)))
        // The slow ones first, so the run does not end waiting for one of them while the other workers idle.
        .sort((a, b) => Number(Boolean(b.slow)) - Number(Boolean(a.slow)));
    // Each fault has its own copy, so they run side by side: one per core, the checks being CPU-bound.
    const workers = Math.max(1, Math.min(availableParallelism(), 4));
    let next = 0;
    let failures = 0;
    const worker = async (): Promise<void> => {
        while (next < faults.length) {
            const fault = faults[next++];
            const { caught, text } = await tryFault(fault);
            if (!caught) failures += 1;
            console.log(text);
        }
    };
    await Promise.all(Array.from({ length: workers }, worker));
    if (failures) {
        console.error(`gate-self-test: ${failures} planted mistake(s) not caught`);
        process.exitCode = 1;
    } else {
        console.log(`gate-self-test: all ${faults.length} planted mistakes caught`);
    }
}

await main();
