/** Runs Apex tests against the test org built over the data fixtures project (objects, permission sets). */
import { join } from 'node:path';
import { FIXTURE_PROJECT, T0 } from '../data/helpers.ts';
import { units } from '../testing/helpers.ts';
import { dataNatives, wireDataLayer } from '../../src/interpreter/data/wire.ts';
import { installOrgContext } from '../../src/interpreter/natives/org-context.ts';
import { createTestOrg } from '../../src/testing/org.ts';
import type { TestOrg } from '../../src/testing/org.ts';
import { loadProjectOrg } from '../../src/testing/project-org.ts';
import type { ProjectOrg } from '../../src/testing/project-org.ts';
import { buildTestInterpreter, runTests } from '../../src/testing/runner.ts';
import type { TestMethodResult, TestRunResult } from '../../src/testing/runner.ts';

let project: ProjectOrg | undefined;

/** The fixture project's schema and metadata, loaded once per test file. */
export function fixtureProject(): ProjectOrg {
    project ??= loadProjectOrg([join(FIXTURE_PROJECT, 'objects')], [join(FIXTURE_PROJECT, 'objectTranslations')]);
    return project;
}

/** Runs the tests of `sources` (classes and triggers) in a fresh test org; returns the results and the org. */
export function runInOrg(sources: Record<string, string>): TestRunResult & { org: TestOrg } {
    const p = fixtureProject();
    const clock = (): number => T0;
    const org = createTestOrg({ schema: p.schema, meta: p.meta, clock, publishBehavior: p.publishBehavior });
    const u = units(sources);
    const it = buildTestInterpreter({ units: u, schema: p.schema, data: org.layer, natives: dataNatives(), clock });
    wireDataLayer(it, org.layer);
    installOrgContext(it, org.orgContext);
    const r = runTests({ units: u, interpreter: it, store: org.store, identity: org.identity, coverage: false });
    return { ...r, org };
}

/** Throws with the failure message unless every method passed. */
export function allPassed(r: TestRunResult): true {
    const failed = r.methods.filter((m: TestMethodResult) => m.outcome !== 'Pass');
    if (failed.length)
        throw new Error(
            failed.map((m) => `${m.className}.${m.methodName}: ${m.message}\n${m.stackTrace ?? ''}`).join('\n')
        );
    return true;
}

/** The failure message of the only method run. */
export function onlyMessage(r: TestRunResult): string {
    return r.methods[0]?.message ?? '(passed)';
}
