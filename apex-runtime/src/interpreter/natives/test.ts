/**
 * The `Test` class (Apex Reference Guide › Test Class) and the per-runtime state of a running test
 * that other natives read: the callout mock (`Http.send`), fixed SOSL results, the current page, the
 * running user of `System.runAs`, and the queue of asynchronous work that `Test.stopTest()` runs.
 *
 * The state lives in a WeakMap keyed by the runtime, so the interpreter needs no field for it and
 * natives reach it through the `rt` they are given.
 */
import { installFinalizers, runQueueable } from './finalizer.ts';
import { UnsupportedApexError } from '../../errors.ts';
import type { LimitKind } from '../limits.ts';
import type { ApexType, ApexValue } from '../model.ts';
import { ApexObject, NativeObject, TypeValue } from '../model.ts';
import { IdGenerator } from '../../data/ids.ts';
import { defineNative } from './registry.ts';
import type { NativeRegistry, NativeRuntime } from './registry.ts';

/** A piece of asynchronous work queued in a test (a queueable, a batch, a platform event delivery). */
export interface AsyncWork {
    /** What it is, for error messages (`Queueable WebexFoo`). */
    what: string;
    run: () => void;
    /** A platform event delivery: the events published and whether they publish immediately (else after commit). */
    published?: { object: string; events: ApexValue[]; immediately: boolean };
}

/** What the runner plugs in from the data layer (absent: the matching Test methods are refused). */
export interface TestDataHooks {
    /** `Test.setCreatedDate`: sets CreatedDate of a stored row. */
    setCreatedDate?(id: string, datetime: ApexValue): void;
    /** The org's Id (`InstallContext.organizationId()`). */
    organizationId?(): string;
    /** The running user's Id (`InstallContext.installerId()`). */
    userId?(): string;
}

/** The state of the running test method; fresh for every method. */
export class TestState {
    /** Whether a test method is running (`Test.isRunningTest()`). */
    running = false;
    startCalled = false;
    stopCalled = false;
    /** The counters before `Test.startTest()`, put back at `Test.stopTest()`. */
    outerLimits: Map<LimitKind, number> | null = null;
    /** The counters used between startTest and stopTest, kept for the per-method report. */
    innerLimits: Map<LimitKind, number> | null = null;
    /** `Test.setMock(HttpCalloutMock.class, mock)`. */
    calloutMock: ApexValue = null;
    /** `Test.setFixedSearchResults(ids)`: the Ids SOSL returns (the SOSL layer reads them); null when not set. */
    fixedSearchResults: string[] | null = null;
    /** `Test.setCurrentPage(page)`: what `ApexPages.currentPage()` returns. */
    currentPage: ApexValue = null;
    /** `System.runAs` users, innermost last; empty: the runner's default user. */
    readonly users: ApexValue[] = [];
    /** runAs blocks entered since the limits were last reset (runAs counts as DML but is not uncommitted work). */
    runAsDml = 0;
    /** runAs DML counted before startTest, put back at stopTest. */
    runAsOuter = 0;
    /** Asynchronous jobs queued (`System.enqueueJob`, `Database.executeBatch`), run at `Test.stopTest()`. */
    readonly asyncQueue: AsyncWork[] = [];
    /** Platform events published, delivered at `Test.stopTest()` or `Test.getEventBus().deliver()`. */
    readonly eventQueue: AsyncWork[] = [];
    /** Whether the queue is being run (work queued then cannot be chained: refused). */
    drainingAsync = false;
    /**
     * Set by a host that runs queued work after the transaction, as an org does (the workbench's Apex host):
     * `System.enqueueJob` outside a test is then queued for it instead of refused.
     */
    hostRunsAsync = false;
    data: TestDataHooks = {};

    /** The running user record of the innermost `System.runAs`, or null for the runner's default user. */
    runningUser(): ApexValue {
        return this.users.length ? (this.users[this.users.length - 1] ?? null) : null;
    }
}

const states = new WeakMap<object, TestState>();

/** The test state of a runtime (created on first use, not running). */
export function testStateOf(rt: NativeRuntime): TestState {
    let s = states.get(rt);
    if (!s) {
        s = new TestState();
        states.set(rt, s);
    }
    return s;
}

/** Replaces a runtime's test state with a fresh one (each test method starts clean); returns it. */
export function resetTestState(rt: NativeRuntime, running: boolean, data: TestDataHooks = {}): TestState {
    const s = new TestState();
    s.running = running;
    s.data = data;
    states.set(rt, s);
    return s;
}

/**
 * Whether the transaction has uncommitted work, which forbids a callout (Apex Developer Guide ›
 * Performing DML Operations and Mock Callouts: DML and asynchronous Apex "result in pending
 * uncommitted work that prevents callouts"). runAs counts as a DML statement (Using the runAs Method) but
 * writes nothing, so it is not counted as pending work here: no page says so either way; inferred from
 * mock callouts made inside runAs blocks being the documented way to test callouts as a user.
 */
export function hasUncommittedWork(rt: NativeRuntime): boolean {
    const s = testStateOf(rt);
    return rt.limits.getUsed('dmlStatements') - s.runAsDml > 0 || s.asyncQueue.length > 0;
}

/**
 * Queues asynchronous work to run at `Test.stopTest()` (Testing › Using Limits, startTest, and
 * stopTest: "All asynchronous calls made after the startTest method are collected by the system.
 * When stopTest is executed, all asynchronous processes are run synchronously").
 */
export function enqueueAsync(rt: NativeRuntime, work: AsyncWork): void {
    const s = testStateOf(rt);
    if (!s.running && !s.hostRunsAsync)
        throw new UnsupportedApexError(
            `${work.what} outside a test (the runtime runs asynchronous work only at Test.stopTest())`
        );
    if (s.drainingAsync)
        throw new UnsupportedApexError(
            `${work.what} queued by asynchronous work run at Test.stopTest() (chaining in tests)`
        );
    s.asyncQueue.push(work);
}

/** Queues a platform event delivery (run at `Test.stopTest()` or `Test.getEventBus().deliver()`). */
export function publishEvent(rt: NativeRuntime, work: AsyncWork): void {
    testStateOf(rt).eventQueue.push(work);
}

/**
 * Runs queued work, each job with a fresh set of limits (each runs as its own transaction in an
 * org); the caller's counters are put back afterwards.
 */
function drain(rt: NativeRuntime, queue: AsyncWork[], s: TestState): void {
    s.drainingAsync = true;
    try {
        while (queue.length) {
            const work = queue.shift() as AsyncWork;
            const saved = rt.limits.snapshot();
            rt.limits.reset();
            try {
                work.run();
            } finally {
                rt.limits.restore(saved);
            }
        }
    } finally {
        s.drainingAsync = false;
    }
}

/** Delivers published platform events (`Test.getEventBus().deliver()`). */
export function deliverEvents(rt: NativeRuntime): void {
    const s = testStateOf(rt);
    drain(rt, s.eventQueue, s);
}

function requireRunning(rt: NativeRuntime, what: string): TestState {
    const s = testStateOf(rt);
    if (!s.running) throw new UnsupportedApexError(`${what} outside a test method`);
    return s;
}

function startTest(rt: NativeRuntime): ApexValue {
    const s = requireRunning(rt, 'Test.startTest');
    // "Each test method is allowed to call this method only once"; the org's error text is not documented.
    if (s.startCalled)
        throw new UnsupportedApexError(
            'Test.startTest called twice in one test method (allowed once: Testing › Using Limits, startTest, and stopTest)'
        );
    s.startCalled = true;
    s.outerLimits = rt.limits.snapshot();
    s.runAsOuter = s.runAsDml;
    s.runAsDml = 0;
    rt.limits.reset();
    return null;
}

function stopTest(rt: NativeRuntime): ApexValue {
    const s = requireRunning(rt, 'Test.stopTest');
    if (!s.startCalled) throw new UnsupportedApexError('Test.stopTest without Test.startTest');
    if (s.stopCalled)
        throw new UnsupportedApexError(
            'Test.stopTest called twice in one test method (allowed once: Testing › Using Limits, startTest, and stopTest)'
        );
    s.stopCalled = true;
    try {
        drain(rt, s.asyncQueue, s);
        drain(rt, s.eventQueue, s);
    } finally {
        s.innerLimits = rt.limits.snapshot();
        rt.limits.restore(s.outerLimits ?? new Map());
        s.runAsDml = s.runAsOuter;
    }
    return null;
}

function setMock(rt: NativeRuntime, type: ApexValue, mock: ApexValue): ApexValue {
    const s = requireRunning(rt, 'Test.setMock');
    // `HttpCalloutMock.class` is a System.Type object holding the type; a bare type value is accepted too.
    const t =
        type instanceof NativeObject ? (type.state as ApexType | null) : type instanceof TypeValue ? type.type : null;
    const name = t && (t.k === 'class' || t.k === 'native') ? t.cls.name.toLowerCase().replace(/^system\./, '') : '';
    if (name !== 'httpcalloutmock')
        throw new UnsupportedApexError(`Test.setMock for ${name || 'a non-type'} (only HttpCalloutMock is supported)`);
    s.calloutMock = mock;
    return null;
}

function idList(rt: NativeRuntime, v: ApexValue): string[] {
    if (v === null) return [];
    const items = (v as { items?: unknown }).items;
    if (!Array.isArray(items)) throw new UnsupportedApexError('Test.setFixedSearchResults with a non-List argument');
    return items.map((x) => rt.stringOf(x as ApexValue));
}

function refused(what: string): { params: string[]; fn: () => ApexValue }[] {
    const fn = (): ApexValue => {
        throw new UnsupportedApexError(what);
    };
    return [0, 1, 2, 3].map((n) => ({ params: Array.from({ length: n }, () => 'Object'), fn }));
}

/** `Test.getEventBus()`: an object whose `deliver()` delivers the published platform events. */
export const TestBrokerNative = defineNative({
    name: 'TestBroker',
    namespace: 'System',
    methods: {
        deliver: [{ params: [], fn: (rt) => (deliverEvents(rt), null) }]
    }
});

/** `Test` (Apex Reference Guide › Test Class). */
export const TestNative = defineNative({
    name: 'Test',
    namespace: 'System',
    statics: {
        startTest: [{ params: [], fn: (rt) => startTest(rt) }],
        stopTest: [{ params: [], fn: (rt) => stopTest(rt) }],
        isRunningTest: [{ params: [], fn: (rt) => testStateOf(rt).running }],
        setMock: [{ params: ['Object', 'Object'], fn: (rt, _s, a) => setMock(rt, a[0] ?? null, a[1] ?? null) }],
        setFixedSearchResults: [
            {
                params: ['List'],
                fn: (rt, _s, a) => {
                    requireRunning(rt, 'Test.setFixedSearchResults').fixedSearchResults = idList(rt, a[0] ?? null);
                    return null;
                }
            }
        ],
        setCurrentPage: [
            {
                params: ['Object'],
                fn: (rt, _s, a) => ((requireRunning(rt, 'Test.setCurrentPage').currentPage = a[0] ?? null), null)
            }
        ],
        setCurrentPageReference: [
            {
                params: ['Object'],
                fn: (rt, _s, a) => (
                    (requireRunning(rt, 'Test.setCurrentPageReference').currentPage = a[0] ?? null),
                    null
                )
            }
        ],
        setCreatedDate: [
            {
                params: ['Object', 'Object'],
                fn: (rt, _s, a) => {
                    const s = requireRunning(rt, 'Test.setCreatedDate');
                    if (!s.data.setCreatedDate)
                        throw new UnsupportedApexError(
                            'Test.setCreatedDate (no record store wired to the test runner)'
                        );
                    const id = a[0] ?? null;
                    if (typeof id !== 'string')
                        throw new UnsupportedApexError('Test.setCreatedDate with a null or non-Id record Id');
                    s.data.setCreatedDate(id, a[1] ?? null);
                    return null;
                }
            }
        ],
        getEventBus: [
            {
                params: [],
                fn: (rt) => (requireRunning(rt, 'Test.getEventBus'), new NativeObject(TestBrokerNative, null))
            }
        ],
        testInstall: [
            { params: ['Object', 'Object'], fn: (rt, _s, a) => testInstall(rt, a[0] ?? null, a[1] ?? null, false) },
            {
                params: ['Object', 'Object', 'Boolean'],
                fn: (rt, _s, a) => testInstall(rt, a[0] ?? null, a[1] ?? null, a[2] === true)
            }
        ],
        testUninstall: refused('Test.testUninstall (package uninstall context is not modelled)'),
        getStandardPricebookId: refused('Test.getStandardPricebookId (no standard price book in the in-memory org)'),
        loadData: refused('Test.loadData (static resources are not loaded)'),
        enableChangeDataCapture: refused('Test.enableChangeDataCapture'),
        setReadOnlyApplicationMode: refused('Test.setReadOnlyApplicationMode'),
        invokeContinuationMethod: refused('Test.invokeContinuationMethod'),
        newSendEmailQuickActionDefaults: refused('Test.newSendEmailQuickActionDefaults'),
        createStub: refused('Test.createStub (the Stub API is not supported)')
    }
});

/** `QueueableContext` handed to `execute` (its `getJobId()` is not modelled: calling it is refused). */
export const QueueableContextNative = defineNative({ name: 'QueueableContext', namespace: 'System' });

let jobIds: IdGenerator | undefined;

/**
 * `System.enqueueJob(job)` (Apex Reference Guide › System Class; Apex Developer Guide › Queueable
 * Apex): counts against the 50-jobs limit, returns the AsyncApexJob Id (prefix 707) and queues
 * `job.execute(context)` to run at `Test.stopTest()`.
 */
export function enqueueJob(rt: NativeRuntime, job: ApexValue): ApexValue {
    if (job === null) throw new UnsupportedApexError('System.enqueueJob(null)');
    rt.limits.count('queueableJobs');
    const name = job instanceof ApexObject ? job.cls.name : 'job';
    jobIds ??= new IdGenerator();
    const jobId = jobIds.next('707');
    enqueueAsync(rt, {
        what: `Queueable ${name}`,
        run: () =>
            runQueueable(rt, jobId, () => {
                rt.callMethod(job, 'execute', [new NativeObject(QueueableContextNative, null)]);
            })
    });
    return jobId;
}

/** Adds `System.enqueueJob` to the registry's System class unless the interpreter already defines it. */
export function installEnqueueJob(registry: NativeRegistry): void {
    const system = registry.find(['system']);
    if (!system) throw new UnsupportedApexError('System natives missing');
    if (!system.statics.has('enqueuejob'))
        system.statics.set('enqueuejob', [{ params: ['Object'], fn: (rt, _s, a) => enqueueJob(rt, a[0] ?? null) }]);
    if (!registry.find(['queueablecontext'])) registry.register(QueueableContextNative);
    installFinalizers(registry);
}

/** A package version `major.minor[.patch]` (Apex Reference Guide › Version Class). */
interface VersionState {
    major: number;
    minor: number;
    patch: number | null;
}

function versionOf(v: ApexValue): VersionState {
    return (v as NativeObject).state as VersionState;
}

function intArg(v: ApexValue | undefined, what: string): number {
    if (typeof v !== 'number') throw new UnsupportedApexError(`${what} with a null or non-Integer argument`);
    return v;
}

/** `Version` (Apex Reference Guide › Version Class): constructors, major/minor/patch, compareTo. */
export const VersionNative = defineNative({
    name: 'Version',
    namespace: 'System',
    constructors: [
        {
            params: ['Integer', 'Integer'],
            fn: (_rt, _s, a) =>
                new NativeObject(VersionNative, {
                    major: intArg(a[0], 'new Version'),
                    minor: intArg(a[1], 'new Version'),
                    patch: null
                })
        },
        {
            params: ['Integer', 'Integer', 'Integer'],
            fn: (_rt, _s, a) =>
                new NativeObject(VersionNative, {
                    major: intArg(a[0], 'new Version'),
                    minor: intArg(a[1], 'new Version'),
                    patch: intArg(a[2], 'new Version')
                })
        }
    ],
    methods: {
        major: [{ params: [], fn: (_rt, s) => versionOf(s).major }],
        minor: [{ params: [], fn: (_rt, s) => versionOf(s).minor }],
        patch: [{ params: [], fn: (_rt, s) => versionOf(s).patch }],
        compareTo: [
            {
                params: ['Object'],
                fn: (_rt, s, a) => {
                    // "Compares the current version with the specified version": major, then minor, then patch (absent patch compares as 0: not documented, refused).
                    const x = versionOf(s);
                    const o = a[0] ?? null;
                    if (!(o instanceof NativeObject) || o.cls !== VersionNative)
                        throw new UnsupportedApexError('Version.compareTo with a null or non-Version argument');
                    const y = versionOf(o);
                    if (x.major !== y.major) return Math.sign(x.major - y.major);
                    if (x.minor !== y.minor) return Math.sign(x.minor - y.minor);
                    if (x.patch === null || y.patch === null) {
                        if (x.patch === y.patch) return 0;
                        throw new UnsupportedApexError(
                            'Version.compareTo between a version with a patch number and one without'
                        );
                    }
                    return Math.sign(x.patch - y.patch);
                }
            }
        ]
    }
});

interface InstallState {
    previous: ApexValue;
    push: boolean;
    organizationId: string;
    installerId: string;
}

/** `InstallContext` handed to `InstallHandler.onInstall` (Apex Reference Guide › InstallContext Interface). */
export const InstallContextNative = defineNative({
    name: 'InstallContext',
    namespace: 'System',
    methods: {
        organizationId: [{ params: [], fn: (_rt, s) => ((s as NativeObject).state as InstallState).organizationId }],
        installerId: [{ params: [], fn: (_rt, s) => ((s as NativeObject).state as InstallState).installerId }],
        previousVersion: [{ params: [], fn: (_rt, s) => ((s as NativeObject).state as InstallState).previous }],
        isUpgrade: [{ params: [], fn: (_rt, s) => ((s as NativeObject).state as InstallState).previous !== null }],
        isPush: [{ params: [], fn: (_rt, s) => ((s as NativeObject).state as InstallState).push }]
    }
});

/**
 * `Test.testInstall(handler, version[, isPush])` (Apex Reference Guide › Test Class › testInstall):
 * runs `handler.onInstall(context)` now, with `previousVersion()` = `version` (null: a first install,
 * so `isUpgrade()` is false) and `isPush()` as given.
 */
function testInstall(rt: NativeRuntime, handler: ApexValue, version: ApexValue, push: boolean): ApexValue {
    const s = requireRunning(rt, 'Test.testInstall');
    if (!(handler instanceof ApexObject))
        throw new UnsupportedApexError('Test.testInstall with a null or non-InstallHandler argument');
    if (version !== null && !(version instanceof NativeObject && version.cls === VersionNative))
        throw new UnsupportedApexError('Test.testInstall with a non-Version version');
    if (!s.data.organizationId || !s.data.userId)
        throw new UnsupportedApexError('Test.testInstall (no organization or user Id wired to the test runner)');
    const ctx: InstallState = {
        previous: version,
        push,
        organizationId: s.data.organizationId(),
        installerId: s.data.userId()
    };
    rt.callMethod(handler, 'onInstall', [new NativeObject(InstallContextNative, ctx)]);
    return null;
}
