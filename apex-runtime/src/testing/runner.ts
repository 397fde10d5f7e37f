/**
 * The Apex test runner (Apex Developer Guide › Testing Apex, Understanding Testing in Apex, Using Test
 * Setup Methods): runs every test method of the `@IsTest` classes, each in its own transaction
 * (static variables and governor limits start fresh; the data it made is rolled back), with the data
 * of the class's `@TestSetup` methods restored before every method; records per method the outcome,
 * message, Apex stack trace, time and SOQL/DML/callout counts, and line coverage of the non-test code.
 */
import type { CompilationUnit } from '../syntax/ast.ts';
import type { SchemaRegistry } from '../data/schema.ts';
import { UnsupportedApexError } from '../errors.ts';
import { ApexRuntimeSignal } from '../values/signal.ts';
import { ClassRegistry } from '../interpreter/classes.ts';
import { Interpreter } from '../interpreter/interpreter.ts';
import type { DataHooks } from '../interpreter/interpreter.ts';
import { ApexError, ApexThrow } from '../interpreter/exceptions.ts';
import { SYNC_LIMITS } from '../interpreter/limits.ts';
import type { LimitKind } from '../interpreter/limits.ts';
import type { MethodInfo } from '../interpreter/model.ts';
import { coreNatives } from '../interpreter/natives/core.ts';
import type { NativeClass, NativeRegistry } from '../interpreter/natives/registry.ts';
import { HttpNative, HttpRequestNative, HttpResponseNative } from '../interpreter/natives/http.ts';
import {
    InstallContextNative,
    TestBrokerNative,
    TestNative,
    VersionNative,
    installEnqueueJob,
    resetTestState
} from '../interpreter/natives/test.ts';
import type { TestDataHooks, TestState } from '../interpreter/natives/test.ts';
import { CoverageRecorder, coverageTarget } from './coverage.ts';
import type { CoverageReport, CoverageTarget } from './coverage.ts';
import { discoverTests } from './discover.ts';
import type { TestClass } from './discover.ts';
import { runAsHandler } from './run-as.ts';

/** What the runner needs of the record store: rolling test data back (`data/store.ts` RecordStore fits). */
export interface TestStore<S = unknown> {
    snapshot(): S;
    restore(saved: S): void;
    /** `Test.setCreatedDate`. */
    setCreatedDate?(id: string, datetime: unknown): void;
}

/** Ids the runner cannot know by itself (the org's and the running user's), for `InstallContext`. */
export interface TestIdentity {
    organizationId(): string;
    userId(): string;
}

/** Which tests to run: class names, or `Class.method` names (case-insensitive). Absent: all. */
export interface TestFilter {
    classes?: string[];
    methods?: string[];
}

export interface RunTestsOptions {
    /** Every compilation unit of the program (tests and code under test; coverage is computed over them). */
    units: CompilationUnit[];
    filter?: TestFilter;
    /** An interpreter already built over `units` (e.g. with the data layer wired); default: one built here. */
    interpreter?: Interpreter;
    schema?: SchemaRegistry;
    data?: DataHooks;
    store?: TestStore;
    /** The org and running-user Ids (`Test.testInstall`'s InstallContext); absent, testInstall is refused. */
    identity?: TestIdentity;
    /** Extra natives (Database, JSON, UserInfo…) when the runner builds the interpreter. */
    natives?: NativeClass[];
    clock?: () => number;
    timeZone?: string;
    /** Line coverage (default true). */
    coverage?: boolean;
    /** Called after each method, for streaming output. */
    onResult?: (r: TestMethodResult) => void;
}

export type LimitUsage = Partial<Record<LimitKind, number>>;

export interface TestMethodResult {
    className: string;
    methodName: string;
    outcome: 'Pass' | 'Fail';
    /** `System.AssertException: Assertion Failed: Expected: 1, Actual: 2`, or the UnsupportedApexError text. */
    message?: string;
    /** `Class.Foo.bar: line 12, column 1` lines, innermost first. */
    stackTrace?: string;
    timeMs: number;
    soql: number;
    dml: number;
    callouts: number;
    /** Every non-zero counter, summed over the test's contexts (before/inside/after startTest). */
    limits: LimitUsage;
    /** Counters that reached their limit in some context. */
    limitsReached: LimitKind[];
}

export interface TestRunResult {
    methods: TestMethodResult[];
    passed: number;
    failed: number;
    coverage?: CoverageReport;
    timeMs: number;
}

/** The natives the test runner brings: Test, Http*, System.enqueueJob. */
export function registerTestNatives(natives: NativeRegistry): void {
    for (const n of [
        TestNative,
        TestBrokerNative,
        VersionNative,
        InstallContextNative,
        HttpRequestNative,
        HttpResponseNative,
        HttpNative
    ]) {
        if (!natives.find([n.namespace.toLowerCase(), n.lname])) natives.register(n);
    }
    installEnqueueJob(natives);
}

/** The interpreter `runTests` builds when given none: the units, core and test natives, `o.natives`, schema, data, clock. */
export function buildTestInterpreter(o: RunTestsOptions): Interpreter {
    return buildInterpreter(o);
}

function buildInterpreter(o: RunTestsOptions): Interpreter {
    const classes = new ClassRegistry();
    for (const u of o.units) classes.load(u);
    const natives = coreNatives();
    registerTestNatives(natives);
    for (const n of o.natives ?? []) natives.register(n);
    return new Interpreter({
        classes,
        natives,
        ...(o.schema ? { schema: o.schema } : {}),
        ...(o.data ? { data: o.data } : {}),
        ...(o.clock ? { clock: o.clock } : {}),
        ...(o.timeZone ? { timeZone: o.timeZone } : {})
    });
}

function selected(filter: TestFilter | undefined, cls: string, method: string): boolean {
    if (!filter || (!filter.classes?.length && !filter.methods?.length)) return true;
    const c = cls.toLowerCase();
    if (filter.classes?.some((x) => x.toLowerCase() === c)) return true;
    return filter.methods?.some((x) => x.toLowerCase() === `${c}.${method.toLowerCase()}`) ?? false;
}

/** The message and Apex stack of whatever a test method threw. */
export function describeFailure(e: unknown): { message: string; stackTrace?: string } {
    if (e instanceof ApexThrow) e = new ApexError(e.exception);
    if (e instanceof ApexError)
        return { message: `${e.apexType}: ${e.apexMessage}`, ...(e.apexStack ? { stackTrace: e.apexStack } : {}) };
    if (e instanceof ApexRuntimeSignal) return { message: `${e.apexType}: ${e.message}` };
    if (e instanceof UnsupportedApexError) return { message: e.message };
    if (e instanceof Error)
        return {
            message: `Internal error (runtime bug): ${e.name}: ${e.message}`,
            ...(e.stack ? { stackTrace: e.stack.split('\n').slice(1, 4).join('\n') } : {})
        };
    return { message: `Internal error (runtime bug): ${String(e)}` };
}

/** Per-kind usage summed over a test's limit contexts, and the kinds that hit their maximum. */
function usage(it: Interpreter, st: TestState): { limits: LimitUsage; reached: LimitKind[] } {
    const contexts: Map<LimitKind, number>[] = [it.limits.snapshot()];
    if (st.startCalled && !st.stopCalled && st.outerLimits) contexts.push(st.outerLimits);
    if (st.innerLimits) contexts.push(st.innerLimits);
    const limits: LimitUsage = {};
    const reached = new Set<LimitKind>();
    for (const ctx of contexts) {
        for (const [k, n] of ctx) {
            if (n === 0) continue;
            limits[k] = (limits[k] ?? 0) + n;
            if (n >= SYNC_LIMITS[k].max) reached.add(k);
        }
    }
    return { limits, reached: [...reached] };
}

class Runner {
    private readonly it: Interpreter;
    private readonly o: RunTestsOptions;
    private readonly testData: TestDataHooks;

    constructor(it: Interpreter, o: RunTestsOptions) {
        this.it = it;
        this.o = o;
        const store = o.store;
        const data: TestDataHooks = {};
        if (store?.setCreatedDate) data.setCreatedDate = (id, dt) => store.setCreatedDate?.(id, dt);
        const identity = o.identity;
        if (identity) {
            data.organizationId = () => identity.organizationId();
            data.userId = () => identity.userId();
        }
        this.testData = data;
    }

    /** Calls a test or setup method: static ones directly, instance ones on a new instance of the class. */
    private call(tc: TestClass, m: MethodInfo): void {
        const self = m.isStatic ? null : this.it.instantiate(tc.cls, [], m.decl.line);
        this.it.invoke(m, self, [], m.name);
    }

    /** Runs the class's @TestSetup methods in one transaction; returns the failure message, if any. */
    private setup(tc: TestClass): string | undefined {
        if (tc.setups.length === 0) return undefined;
        this.it.beginTransaction();
        const st = resetTestState(this.it, true, this.testData);
        try {
            for (const m of tc.setups) this.call(tc, m);
            return undefined;
        } catch (e) {
            return `@TestSetup failed: ${describeFailure(e).message}`;
        } finally {
            st.running = false;
            this.it.stack.length = 0;
        }
    }

    private method(tc: TestClass, m: MethodInfo, refused: string | undefined): TestMethodResult {
        this.it.beginTransaction();
        const st = resetTestState(this.it, true, this.testData);
        const t0 = performance.now();
        let failure: { message: string; stackTrace?: string } | undefined;
        if (refused) failure = { message: refused };
        else {
            try {
                this.call(tc, m);
            } catch (e) {
                failure = describeFailure(e);
            } finally {
                st.running = false;
                this.it.stack.length = 0;
            }
        }
        const timeMs = performance.now() - t0;
        const { limits, reached } = usage(this.it, st);
        const r: TestMethodResult = {
            className: tc.cls.name,
            methodName: m.name,
            outcome: failure ? 'Fail' : 'Pass',
            timeMs,
            soql: limits.soqlQueries ?? 0,
            dml: limits.dmlStatements ?? 0,
            callouts: limits.callouts ?? 0,
            limits,
            limitsReached: reached
        };
        if (failure) {
            r.message = failure.message;
            if (failure.stackTrace) r.stackTrace = failure.stackTrace;
        }
        return r;
    }

    runClass(tc: TestClass, out: TestMethodResult[]): void {
        const methods = tc.methods.filter((m) => selected(this.o.filter, tc.cls.name, m.name));
        if (methods.length === 0) return;
        const store = this.o.store;
        const before = store?.snapshot();
        try {
            const setupFailure = tc.refused ?? this.setup(tc);
            const afterSetup = store?.snapshot();
            for (const m of methods) {
                if (store && afterSetup !== undefined) store.restore(afterSetup);
                const r = this.method(tc, m, setupFailure ?? tc.methodRefusals.get(m));
                out.push(r);
                this.o.onResult?.(r);
            }
        } finally {
            if (store && before !== undefined) store.restore(before);
            this.it.beginTransaction();
            resetTestState(this.it, false);
        }
    }
}

/**
 * Runs the tests of `units` (see the module comment). Failures of individual methods never throw:
 * they are results. Throws only when the program cannot be loaded (e.g. an unknown superclass).
 */
export function runTests(options: RunTestsOptions): TestRunResult {
    const t0 = performance.now();
    const it = options.interpreter ?? buildInterpreter(options);
    if (options.interpreter) registerTestNatives(it.natives);
    it.runAsHandler = runAsHandler(it);
    const recorder = options.coverage === false ? undefined : new CoverageRecorder();
    const savedHook = it.onStatement;
    if (recorder) it.onStatement = recorder.hook;
    const runner = new Runner(it, options);
    const methods: TestMethodResult[] = [];
    try {
        for (const tc of discoverTests(it.classes.top.values())) runner.runClass(tc, methods);
    } finally {
        it.onStatement = savedHook;
    }
    const result: TestRunResult = {
        methods,
        passed: methods.filter((m) => m.outcome === 'Pass').length,
        failed: methods.filter((m) => m.outcome === 'Fail').length,
        timeMs: performance.now() - t0
    };
    if (recorder) {
        const targets: CoverageTarget[] = [];
        for (const u of options.units) {
            const t = coverageTarget(u);
            if (t) targets.push(t);
        }
        result.coverage = recorder.report(targets);
    }
    return result;
}
