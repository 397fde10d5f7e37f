/**
 * Runs the Apex tests of an SFDX project folder with everything wired: its objects and translations
 * as the schema, a test org (profiles, permission sets, running user) over an in-memory store, the
 * data layer and the org context. What `cli.ts` does, as a function other tools can call.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ParseCache } from '../syntax/parse-cache.ts';
import type { CompilationUnit } from '../syntax/ast.ts';
import { wireDataLayer, dataNatives } from '../interpreter/data/wire.ts';
import { installOrgContext } from '../interpreter/natives/org-context.ts';
import { buildTestInterpreter, runTests } from './runner.ts';
import type { TestFilter, TestMethodResult, TestRunResult } from './runner.ts';
import { createTestOrg } from './org.ts';
import type { OrgLimitsOptions } from '../interpreter/natives/org-limits.ts';
import { loadProjectOrg } from './project-org.ts';
import { projectOrgFeatures } from '../data/scratch-definition.ts';

/** A My Domain URL of the documented form `https://MyDomainName.my.salesforce.com` (Salesforce Help › My Domain URL Formats). */
export const DEFAULT_ORG_DOMAIN = 'https://example.my.salesforce.com';

export interface RunProjectOptions {
    /** The project folder: its `sfdx-project.json` package directories, or the folder itself without one. */
    dir: string;
    filter?: TestFilter;
    /** Line coverage (default true). */
    coverage?: boolean;
    /** `URL.getOrgDomainUrl()` (default {@link DEFAULT_ORG_DOMAIN}). */
    orgDomain?: string;
    /** The org's add-on features (default: those of the project's scratch-org definition, `sfdx-project.json` › definitionFile). */
    features?: Iterable<string>;
    /**
     * Runs the project as installed with this namespace (`data/namespace.ts`), as a namespaced scratch org runs it:
     * its objects, fields and classes take the prefix. Default '' (deployed without a namespace).
     */
    namespace?: string;
    /** The org's limits `OrgLimits` reads (default: a free org's documented allocations, usage 0). */
    orgLimits?: OrgLimitsOptions;
    /** Called after each method, for streaming output. */
    onResult?: (r: TestMethodResult) => void;
}

/** A `.cls` or `.trigger` file that could not be parsed: its tests and coverage are missing from the run. */
export interface LoadError {
    /** Relative to the project folder. */
    file: string;
    message: string;
}

export interface RunProjectResult {
    result: TestRunResult;
    loadErrors: LoadError[];
}

/** The package directories of a project (`sfdx-project.json`), or the directory itself. */
function packageDirs(dir: string): string[] {
    const project = path.join(dir, 'sfdx-project.json');
    if (!existsSync(project)) return [dir];
    const json = JSON.parse(readFileSync(project, 'utf8')) as { packageDirectories?: { path: string }[] };
    return (json.packageDirectories ?? []).map((p) => path.join(dir, p.path));
}

/** Every file under `dir` (skipping node_modules and dot folders), and the folders named as `folders`' keys. */
function walk(dir: string, files: string[], folders: Map<string, string[]>): void {
    for (const entry of readdirSync(dir)) {
        if (entry === 'node_modules' || entry.startsWith('.')) continue;
        const p = path.join(dir, entry);
        if (statSync(p).isDirectory()) {
            folders.get(entry)?.push(p);
            walk(p, files, folders);
        } else files.push(p);
    }
}

/** The files of a project a host loads: Apex sources (sorted), `objects` and `objectTranslations` folders. */
export interface ProjectFiles {
    apex: string[];
    objects: string[];
    objectTranslations: string[];
}

/** Finds a project's Apex sources and metadata folders under its package directories (absolute paths). */
export function projectFiles(dir: string): ProjectFiles {
    const files: string[] = [];
    const folders = new Map<string, string[]>([
        ['objects', []],
        ['objectTranslations', []]
    ]);
    for (const d of packageDirs(dir)) walk(d, files, folders);
    return {
        apex: files.filter((x) => x.endsWith('.cls') || x.endsWith('.trigger')).sort(),
        objects: folders.get('objects') ?? [],
        objectTranslations: folders.get('objectTranslations') ?? []
    };
}

/**
 * Loads the project and runs its tests (every test class, or those `filter` names). Method failures
 * are results; throws only when the program as a whole cannot be loaded.
 */
export function runProjectTests(o: RunProjectOptions): RunProjectResult {
    const found = projectFiles(o.dir);
    const project = loadProjectOrg(found.objects, found.objectTranslations, {
        features: o.features ?? projectOrgFeatures(o.dir),
        ...(o.namespace ? { namespace: o.namespace } : {})
    });
    const schema = project.schema;
    const cache = new ParseCache();
    const units: CompilationUnit[] = [];
    const loadErrors: LoadError[] = [];
    for (const f of found.apex) {
        const file = path.relative(o.dir, f);
        try {
            units.push(cache.parse(file, readFileSync(f, 'utf8')));
        } catch (e) {
            loadErrors.push({ file, message: e instanceof Error ? e.message : String(e) });
        }
    }
    const clock = Date.now;
    const org = createTestOrg({
        schema,
        meta: project.meta,
        clock,
        publishBehavior: project.publishBehavior,
        ...(o.orgLimits ? { orgLimits: o.orgLimits } : {})
    });
    const timeZone = org.store.get(org.userId)?.get('TimeZoneSidKey');
    const interpreter = buildTestInterpreter({
        units,
        schema,
        data: org.layer,
        natives: dataNatives(),
        clock,
        ...(typeof timeZone === 'string' ? { timeZone } : {})
    });
    wireDataLayer(interpreter, org.layer);
    installOrgContext(interpreter, org.orgContext);
    interpreter.orgDomain = o.orgDomain ?? DEFAULT_ORG_DOMAIN;
    const result = runTests({
        units,
        interpreter,
        store: org.store,
        identity: org.identity,
        ...(o.filter ? { filter: o.filter } : {}),
        schema,
        coverage: o.coverage ?? true,
        ...(o.onResult ? { onResult: o.onResult } : {})
    });
    return { result, loadErrors };
}
