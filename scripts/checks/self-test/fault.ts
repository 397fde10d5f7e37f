/**
 * What a planted fault is, and helpers to write one. Each file beside this one exports `FAULTS`, the
 * mistakes of one area the gate must catch; `gate-self-test.ts` plants them one at a time in a copy.
 */
import path from 'node:path';
import { ROOT } from '../../lib/project.ts';

export const API =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n';
export const BUNDLE_META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><isExposed>false</isExposed></LightningComponentBundle>\n';

/** A change to a file that already exists in the copy: `find` must occur, or the fault is not planted. */
export interface Edit {
    file: string;
    find: string | RegExp;
    replace: string;
}

export interface Fault {
    name: string;
    /** Files written (created or replaced) in the copy. */
    files?: Record<string, string>;
    /** Changes to existing files of the copy. */
    edits?: Edit[];
    check: string[];
    /** Text the check's output must contain, so the failure is the planted one. */
    expect: RegExp;
    /** A check that takes much longer than the others (a workbench build and a story): started first. */
    slow?: boolean;
}

/** A one-class Apex file and its meta file. */
export const apexClass = (name: string, body: string): Record<string, string> => ({
    [`force-app/main/default/classes/${name}.cls`]: `public with sharing class ${name} {\n${body}\n}\n`,
    [`force-app/main/default/classes/${name}.cls-meta.xml`]: API
});

/** A command that runs one of the project's TypeScript scripts. */
export const tsx = (script: string, ...args: string[]): string[] => [
    path.join(ROOT, 'node_modules/.bin/tsx'),
    path.join(ROOT, script),
    ...args
];
