/** Paths and file walking shared by the gate's checks. */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The project checked: this checkout, or the copy the gate's self-test plants faults in. */
export const ROOT = process.env.WEBEX_GATE_ROOT
    ? path.resolve(process.env.WEBEX_GATE_ROOT)
    : path.resolve(import.meta.dirname, '..', '..');
export const DEFAULT_DIR = path.join(ROOT, 'force-app', 'main', 'default');
export const LWC_DIR = path.join(DEFAULT_DIR, 'lwc');

/** Every file under `dir` (recursively) whose name matches `pattern`, sorted, skipping node_modules. */
export function findFiles(dir: string, pattern: RegExp): string[] {
    const out: string[] = [];
    const walk = (current: string): void => {
        let entries: string[];
        try {
            entries = readdirSync(current);
        } catch {
            return;
        }
        for (const entry of entries) {
            if (entry === 'node_modules' || entry.startsWith('.')) continue;
            const full = path.join(current, entry);
            if (statSync(full).isDirectory()) walk(full);
            else if (pattern.test(entry)) out.push(full);
        }
    };
    walk(dir);
    return out.sort();
}

/** A path relative to the project root, for messages. */
export function rel(file: string): string {
    return path.relative(ROOT, file);
}

/** One problem a check found, printed as `file:line message`. */
export interface Finding {
    file: string;
    line?: number;
    message: string;
}

/** Prints the findings of a check and sets the exit code; returns whether the check passed. */
export function report(check: string, findings: Finding[], summary: string): boolean {
    for (const f of findings) console.error(`${rel(f.file)}${f.line ? `:${f.line}` : ''}  ${f.message}`);
    if (findings.length) {
        console.error(`${check}: ${findings.length} finding(s)`);
        process.exitCode = 1;
        return false;
    }
    console.log(`${check}: ${summary}`);
    return true;
}

/**
 * What CI's clean install checks of package-lock.json, offline and without installing: `npm ci` refuses a lock file
 * missing an entry that package.json or a locked package needs (an optional platform package `npm install` skipped
 * because the registry lacks it, for one).
 */
export const NPM_CI_DRY_RUN = [
    'npm',
    'ci',
    '--dry-run',
    '--offline',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--loglevel=error'
];
