import { parseApexFileCached } from '../../src/syntax/parse-cache.ts';
import type { CompilationUnit } from '../../src/syntax/ast.ts';
import { loadSchema } from '../../src/data/load-schema.ts';
import type { SchemaRegistry } from '../../src/data/schema.ts';
import { SObject } from '../../src/data/sobject.ts';
import { defineNative } from '../../src/interpreter/natives/registry.ts';
import type { NativeClass } from '../../src/interpreter/natives/registry.ts';
import { publishEvent, testStateOf } from '../../src/interpreter/natives/test.ts';
import { runTests } from '../../src/testing/runner.ts';
import type { RunTestsOptions, TestMethodResult, TestRunResult } from '../../src/testing/runner.ts';

let schema: SchemaRegistry | undefined;
/** Standard objects only (User, Contact…), loaded once. */
export function standardSchema(): SchemaRegistry {
    schema ??= loadSchema();
    return schema;
}

/** Parses `{ 'Foo.cls': text }` sources into units (through the parse cache: apex-parser is most of a test's time). */
export function units(sources: Record<string, string>): CompilationUnit[] {
    return Object.entries(sources).map(([file, text]) => parseApexFileCached(file, text));
}

/** A stand-in for the record store: rows are strings; snapshot/restore by length. */
export class FakeStore {
    rows: string[] = [];
    snapshots = 0;
    created: [string, unknown][] = [];
    snapshot(): number {
        this.snapshots++;
        return this.rows.length;
    }
    restore(n: number): void {
        this.rows.length = n;
    }
    setCreatedDate(id: string, dt: unknown): void {
        this.created.push([id, dt]);
    }
}

/**
 * `Probe`: a native the tests call to look inside the runtime: a fake DML statement, the fake store,
 * the running user, the time zone, event publishing, and what Test.* recorded.
 */
export function probe(store: FakeStore, log: string[]): NativeClass {
    return defineNative({
        name: 'Probe',
        namespace: 'Test',
        statics: {
            dml: [{ params: [], fn: (rt) => (rt.limits.count('dmlStatements'), null) }],
            save: [{ params: ['String'], fn: (_rt, _s, a) => (store.rows.push(String(a[0])), null) }],
            rows: [{ params: [], fn: () => store.rows.join(',') }],
            user: [
                {
                    params: [],
                    fn: (rt) => {
                        const u = testStateOf(rt).runningUser();
                        return u instanceof SObject ? (u.get('LastName') as string) : 'default';
                    }
                }
            ],
            zone: [{ params: [], fn: (rt) => rt.userTimeZone() }],
            publish: [
                {
                    params: ['String'],
                    fn: (rt, _s, a) => (
                        publishEvent(rt, { what: 'event', run: () => void log.push(String(a[0])) }),
                        null
                    )
                }
            ],
            log: [{ params: [], fn: () => log.join(',') }],
            note: [{ params: ['String'], fn: (_rt, _s, a) => (log.push(String(a[0])), null) }],
            fixed: [{ params: [], fn: (rt) => (testStateOf(rt).fixedSearchResults ?? []).join(',') }],
            page: [{ params: [], fn: (rt) => testStateOf(rt).currentPage }]
        }
    });
}

/** Runs the tests of the given sources with the standard schema, a fake store and the Probe native. */
export function run(
    sources: Record<string, string>,
    options: Omit<RunTestsOptions, 'units'> = {}
): TestRunResult & { store: FakeStore; log: string[] } {
    const store = new FakeStore();
    const log: string[] = [];
    const r = runTests({
        units: units(sources),
        schema: standardSchema(),
        store,
        natives: [probe(store, log)],
        ...options
    });
    return { ...r, store, log };
}

/** The result of one method, by `Class.method`. */
export function result(r: TestRunResult, name: string): TestMethodResult {
    const found = r.methods.find((m) => `${m.className}.${m.methodName}` === name);
    if (!found)
        throw new Error(`no result for ${name}: ${r.methods.map((m) => `${m.className}.${m.methodName}`).join(', ')}`);
    return found;
}

/** Asserts a method passed, showing its failure otherwise. */
export function passed(r: TestRunResult, name: string): boolean {
    const m = result(r, name);
    if (m.outcome !== 'Pass') throw new Error(`${name} failed: ${m.message}\n${m.stackTrace ?? ''}`);
    return true;
}
