import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passed, result, run } from './helpers.ts';

const COUNTER = `public class Counter {
    public static Integer n = 0;
    public static Integer next() {
        n++;
        return n;
    }
}`;

test('@IsTest methods and testMethod methods of @IsTest classes run; other methods do not (Apex Developer Guide › Understanding Test Concepts: Test Methods)', () => {
    const r = run({
        'Counter.cls': COUNTER,
        'T.cls': `@IsTest
private class T {
    @IsTest static void annotated() { System.assert(true); }
    static testMethod void modifier() { System.assert(true); }
    static void helper() { System.assert(false, 'helper ran'); }
}`
    });
    assert.deepEqual(
        r.methods.map((m) => m.methodName),
        ['annotated', 'modifier']
    );
    assert.equal(r.passed, 2);
});

test('Test methods may be private (Apex Developer Guide › Test Methods and Test Classes: "Test methods and test classes can be either private or public")', () => {
    const r = run({
        'T.cls': `@IsTest public class T { @IsTest private static void hidden() { System.assert(true); } }`
    });
    assert.ok(passed(r, 'T.hidden'));
});

test('Classes without @IsTest are not test classes (Apex Developer Guide › IsTest Annotation)', () => {
    const r = run({ 'Plain.cls': `public class Plain { public static void x() { System.assert(false); } }` });
    assert.equal(r.methods.length, 0);
});

test('Each test method runs in its own transaction: static variables start fresh (Apex Developer Guide › Static and Instance Methods, Variables: static variables are per transaction)', () => {
    const r = run({
        'Counter.cls': COUNTER,
        'T.cls': `@IsTest
private class T {
    @IsTest static void first() { System.assertEquals(1, Counter.next()); }
    @IsTest static void second() { System.assertEquals(1, Counter.next()); }
}`
    });
    assert.equal(r.passed, 2, r.methods.map((m) => m.message).join('; '));
});

test('Each test method has its own governor limits (Apex Developer Guide › Execution Governors and Limits: limits are per transaction)', () => {
    const r = run({
        'T.cls': `@IsTest
private class T {
    @IsTest static void a() { Probe.dml(); Probe.dml(); System.assertEquals(2, Limits.getDmlStatements()); }
    @IsTest static void b() { System.assertEquals(0, Limits.getDmlStatements()); }
}`
    });
    assert.ok(passed(r, 'T.a') && passed(r, 'T.b'));
});

test('@TestSetup runs once per class and every test method starts from its data, whatever earlier methods changed (Apex Developer Guide › Using Test Setup Methods)', () => {
    const r = run({
        'T.cls': `@IsTest
private class T {
    @TestSetup static void makeData() { Probe.save('setup'); Probe.note('setup ran'); }
    @IsTest static void a() { System.assertEquals('setup', Probe.rows()); Probe.save('a'); }
    @IsTest static void b() { System.assertEquals('setup', Probe.rows()); Probe.save('b'); }
}`
    });
    assert.ok(passed(r, 'T.a') && passed(r, 'T.b'));
    assert.deepEqual(r.log, ['setup ran']);
    assert.deepEqual(r.store.rows, [], 'the class leaves no data behind');
});

test('Data a test method creates is rolled back after it (Apex Developer Guide › Isolation of Test Data from Organization Data in Unit Tests)', () => {
    const r = run({
        'A.cls': `@IsTest private class A { @IsTest static void m() { Probe.save('a'); } }`,
        'B.cls': `@IsTest private class B { @IsTest static void m() { System.assertEquals('', Probe.rows()); } }`
    });
    assert.equal(r.passed, 2, r.methods.map((m) => m.message).join('; '));
});

test('A failing @TestSetup fails every test method of its class with its error (Apex Developer Guide › Using Test Setup Methods)', () => {
    const r = run({
        'T.cls': `@IsTest
private class T {
    @TestSetup static void makeData() { Integer x = null; x++; }
    @IsTest static void a() { System.assert(true); }
}`
    });
    const a = result(r, 'T.a');
    assert.equal(a.outcome, 'Fail');
    assert.match(a.message ?? '', /^@TestSetup failed: System\.NullPointerException/);
});

test('@IsTest(SeeAllData=true) is refused: there is no org data offline (Apex Developer Guide › Using the isTest(SeeAllData=True) Annotation)', () => {
    const r = run({
        'A.cls': `@IsTest(SeeAllData=true) private class A { @IsTest static void m() { System.assert(true); } }`,
        'B.cls': `@IsTest private class B { @IsTest(SeeAllData=true) static void m() { System.assert(true); } @IsTest static void ok() { System.assert(true); } }`
    });
    assert.match(result(r, 'A.m').message ?? '', /^Unsupported: @IsTest\(SeeAllData=true\)/);
    assert.match(result(r, 'B.m').message ?? '', /^Unsupported: @IsTest\(SeeAllData=true\)/);
    assert.ok(passed(r, 'B.ok'));
});

test('A failure reports the exception type, message and Apex stack trace (Apex Reference Guide › Exception Class: getTypeName, getMessage, getStackTraceString)', () => {
    const r = run({
        'Thrower.cls': `public class Thrower {
    public static void go() {
        throw new IllegalArgumentException('bad');
    }
}`,
        'T.cls': `@IsTest
private class T {
    @IsTest static void m() {
        Thrower.go();
    }
}`
    });
    const m = result(r, 'T.m');
    assert.equal(m.outcome, 'Fail');
    assert.equal(m.message, 'System.IllegalArgumentException: bad');
    assert.equal(m.stackTrace, 'Class.Thrower.go: line 3, column 1\nClass.T.m: line 4, column 1');
    assert.ok(m.timeMs >= 0);
});

test('An unsupported construct fails the test that hit it with the construct and its line (never a silent wrong answer; issue 12)', () => {
    const r = run({ 'T.cls': `@IsTest private class T { @IsTest static void m() {\n Test.loadData(null, 'x'); } }` });
    const m = result(r, 'T.m');
    assert.equal(m.outcome, 'Fail');
    assert.match(m.message ?? '', /^Unsupported: Test\.loadData .*\(T\.cls:2\)$/);
});

test('Per-method counts of SOQL, DML and callouts are reported, summed over startTest contexts (Tooling API › ApexTestResultLimits: Dml, Soql, Callouts)', () => {
    const r = run({
        'T.cls': `@IsTest private class T { @IsTest static void m() { Probe.dml(); Test.startTest(); Probe.dml(); Probe.dml(); Test.stopTest(); } }`
    });
    const m = result(r, 'T.m');
    assert.equal(m.dml, 3);
    assert.equal(m.soql, 0);
    assert.equal(m.callouts, 0);
});

test('A limit exception fails the test and names the limit reached (Apex Developer Guide › Execution Governors and Limits: 150 DML statements)', () => {
    const r = run({
        'T.cls': `@IsTest private class T { @IsTest static void m() { for (Integer i = 0; i < 151; i++) { Probe.dml(); } } }`
    });
    const m = result(r, 'T.m');
    assert.equal(m.message, 'System.LimitException: Too many DML statements: 151');
    assert.deepEqual(m.limitsReached, ['dmlStatements']);
});

test('A filter runs only the named classes or Class.method names, case-insensitively (sf apex run test --class-names / --tests)', () => {
    const sources = {
        'A.cls': `@IsTest private class A { @IsTest static void x() {} @IsTest static void y() {} }`,
        'B.cls': `@IsTest private class B { @IsTest static void z() {} }`
    };
    assert.deepEqual(
        run(sources, { filter: { classes: ['b'] } }).methods.map((m) => m.methodName),
        ['z']
    );
    assert.deepEqual(
        run(sources, { filter: { methods: ['a.Y'] } }).methods.map((m) => m.methodName),
        ['y']
    );
});
