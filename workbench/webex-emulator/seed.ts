/** Reads the JSON seeds in ./seed: read once, parsed afresh on every reset so nothing leaks between stories. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEED_DIR = path.join(import.meta.dirname, 'seed');

const texts = new Map<string, string>();

/** A fresh copy of `seed/<name>`. */
export function readSeed<T>(name: string): T {
    let text = texts.get(name);
    if (text === undefined) {
        text = readFileSync(path.join(SEED_DIR, name), 'utf8');
        texts.set(name, text);
    }
    return JSON.parse(text) as T;
}

/** `now` moved by whole minutes, as an ISO timestamp (seeds speak in "minutes ago"). */
export function minutesFrom(now: number, minutes: number): string {
    return new Date(now + minutes * 60_000).toISOString();
}
