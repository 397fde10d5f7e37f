/**
 * Compiles every LWC bundle the way the platform does on deploy (@lwc/sfdc-lwc-compiler), from the
 * JavaScript `npm run build` emitted: catches what Jest's transformer lets through, such as an
 * iterator without `key` or an unknown template directive.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LWC_DIR, report, type Finding } from '../lib/project.ts';

const require = createRequire(import.meta.url);
const { compile } = require('@lwc/sfdc-lwc-compiler') as {
    compile: (input: unknown) => Promise<{
        success: boolean;
        diagnostics: Array<{
            level: number;
            code?: number;
            message: string;
            filename?: string;
            location?: { line: number };
        }>;
    }>;
};

/** Diagnostic levels of the compiler: 0 fatal, 1 error, 2 warning, 3 log. */
const WORST_ALLOWED_LEVEL = 2;

async function main(): Promise<void> {
    const findings: Finding[] = [];
    const bundles = existsSync(LWC_DIR)
        ? readdirSync(LWC_DIR).filter((name) => statSync(path.join(LWC_DIR, name)).isDirectory())
        : [];
    for (const name of bundles) {
        const dir = path.join(LWC_DIR, name);
        if (existsSync(path.join(dir, `${name}.ts`)) && !existsSync(path.join(dir, `${name}.js`))) {
            findings.push({ file: dir, message: `${name}.js is missing: run \`npm run build\` first` });
            continue;
        }
        const files: Record<string, string> = {};
        for (const file of readdirSync(dir)) {
            const full = path.join(dir, file);
            if (statSync(full).isFile() && /\.(js|html|css)$/.test(file)) files[file] = readFileSync(full, 'utf8');
        }
        const out = await compile({
            bundle: { type: 'platform', name, namespace: 'c', files, options: { apiVersion: 65 } }
        });
        for (const d of out.diagnostics.filter((diag) => diag.level < WORST_ALLOWED_LEVEL)) {
            findings.push({
                file: path.join(dir, d.filename ?? ''),
                line: d.location?.line,
                message: `${d.code ?? ''} ${d.message}`.trim()
            });
        }
        if (!out.success && !out.diagnostics.length)
            findings.push({ file: dir, message: 'the platform compiler rejected the bundle' });
    }
    report('lwc-compile', findings, `${bundles.length} bundles compile as the platform compiles them`);
}

main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
});
