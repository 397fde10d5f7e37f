/**
 * The workbench runs the package's own Apex (issue 13): no TypeScript file under `workbench/` may re-implement an
 * Apex class of the package. A re-implementation shows itself by its name: a file named after the class
 * (`WebexCallController.ts`), or a function, class or constant named after it (`createWebexCallController`,
 * `class WebexCallLogService`). Types and interfaces describing what an Apex class returns are allowed (a test reads
 * a payload). Prints each finding; exits non-zero on any.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, findFiles } from '../lib/project.ts';

const CLASSES = path.join(ROOT, 'force-app', 'main', 'default', 'classes');
const WORKBENCH = path.join(ROOT, 'workbench');

function apexClassNames(dir = CLASSES, names = new Set<string>()): Set<string> {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory()) apexClassNames(path.join(dir, entry.name), names);
        else if (entry.name.endsWith('.cls')) names.add(entry.name.slice(0, -4).toLowerCase());
    }
    return names;
}

const classes = apexClassNames();
const findings: string[] = [];
const DECLARATION =
    /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?(?:function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/gm;
for (const file of findFiles(WORKBENCH, /\.ts$/)) {
    if (/[\\/](node_modules|\.build[^\\/]*|\.artifacts)[\\/]/.test(file)) continue;
    const relative = path.relative(ROOT, file);
    const base = path
        .basename(file)
        .replace(/(\.test)?\.ts$/, '')
        .toLowerCase();
    if (classes.has(base)) findings.push(`${relative}: a file named after the Apex class ${base}`);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(DECLARATION)) {
        const name = match[1].toLowerCase().replace(/^create/, '');
        if (classes.has(name)) {
            const line = text.slice(0, match.index).split('\n').length;
            findings.push(`${relative}:${line}: ${match[1]} re-implements the Apex class ${name}`);
        }
    }
}
for (const finding of findings) console.error(finding);
if (findings.length > 0) {
    console.error(
        `workbench-stand-ins: ${findings.length} TypeScript stand-in(s) of the package's Apex; the workbench runs the Apex itself (workbench/org/apex-host/README.md)`
    );
    process.exit(1);
}
console.log(
    `workbench-stand-ins: no TypeScript stand-in of the package's ${classes.size} Apex classes under workbench/`
);
