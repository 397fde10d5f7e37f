import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, body, runtime } from './helpers.ts';
import { ApexError } from '../../src/interpreter/exceptions.ts';
import { UnsupportedApexError } from '../../src/errors.ts';
import { defineNative, selectOverload } from '../../src/interpreter/natives/registry.ts';
import { ApexDatetime, ApexDate } from '../../src/values/temporal.ts';
import { ApexDouble } from '../../src/values/double.ts';

const assertFails = (message: string) => (e: unknown) => {
    assert.ok(e instanceof ApexError, `expected an ApexError, got ${String(e)}`);
    assert.equal(e.apexType, 'System.AssertException');
    assert.equal(e.apexMessage, message);
    return true;
};

test('System.assertEquals fails with "Assertion Failed: Expected: x, Actual: y" (System Class › assertEquals; message text as orgs print it, per salesforcedictionary.com › AssertException)', () => {
    assert.throws(
        () => run(body('System.assertEquals(1, 2); return null;')),
        assertFails('Assertion Failed: Expected: 1, Actual: 2')
    );
    assert.throws(
        () => run(body("System.assertEquals(1, 2, 'why'); return null;")),
        assertFails('Assertion Failed: why: Expected: 1, Actual: 2')
    );
});

test('System.assert and System.assertNotEquals raise System.AssertException (System Class › assert, assertNotEquals)', () => {
    assert.throws(() => run(body('System.assert(false); return null;')), assertFails('Assertion Failed'));
    assert.throws(() => run(body("System.assert(1 > 2, 'nope'); return null;")), assertFails('Assertion Failed: nope'));
    assert.throws(
        () => run(body("System.assertNotEquals('a', 'A'); return null;")),
        assertFails('Assertion Failed: Same value: A')
    );
    assert.equal(
        run(body("System.assert(true); System.assertEquals('a', 'A'); System.assertNotEquals(1, 2); return 'ok';")),
        'ok'
    );
});

test('Assert class methods pass and fail as documented (Apex Reference Guide › Assert Class)', () => {
    const ok = body(`
        Assert.areEqual(2, 1 + 1); Assert.areNotEqual(1, 2); Assert.isTrue(true); Assert.isFalse(false);
        Assert.isNull(null); Assert.isNotNull('x'); Assert.isInstanceOfType('x', String.class); Assert.isNotInstanceOfType(1, String.class);
        return 'ok';`);
    assert.equal(run(ok), 'ok');
    assert.throws(
        () => run(body("Assert.areEqual('a', 'b', 'msg'); return null;")),
        assertFails('Assertion Failed: msg: Expected: a, Actual: b')
    );
    assert.throws(() => run(body("Assert.isTrue(false, 'must'); return null;")), assertFails('Assertion Failed: must'));
    assert.throws(() => run(body("Assert.fail('stop'); return null;")), assertFails('Assertion Failed: stop'));
    assert.throws(() => run(body('Assert.isNotNull(null); return null;')), assertFails('Assertion Failed'));
});

test('An assertion failure can’t be caught, not even as AssertException, and no finally block runs (Apex Developer Guide › Exception Statements › Exceptions that Can’t be Caught)', () => {
    const rt = runtime([
        body(
            "try { Assert.fail('x'); } catch (AssertException e) { return 'caught'; } finally { System.debug('finally'); } return null;"
        )
    ]);
    rt.beginTransaction();
    assert.throws(
        () => rt.invokeStatic('T', 'run'),
        (e: unknown) => (e as { apexType?: string }).apexType === 'System.AssertException'
    );
    assert.deepEqual(rt.debugLog, []);
});

test('System.debug records the message and does not change control flow (System Class › debug)', () => {
    const rt = runtime([body("System.debug('hello ' + 1); System.debug(LoggingLevel.ERROR, 'x'); return 'done';")]);
    rt.beginTransaction();
    assert.equal(rt.invokeStatic('T', 'run'), 'done');
    assert.deepEqual(rt.debugLog, [
        { level: 'DEBUG', message: 'hello 1' },
        { level: 'ERROR', message: 'x' }
    ]);
});

test('System.now and System.today read the injected clock in the user time zone (System Class › now, today)', () => {
    const at = Date.UTC(2024, 0, 31, 23, 30, 0);
    const rt = runtime(
        [body('return System.now();'), 'public class D { public static Object run() { return System.today(); } }'],
        { clock: () => at, timeZone: 'Asia/Tokyo' }
    );
    rt.beginTransaction();
    const now = rt.invokeStatic('T', 'run');
    assert.ok(now instanceof ApexDatetime && now.epochMs === at);
    const today = rt.invokeStatic('D', 'run');
    assert.ok(today instanceof ApexDate && today.year === 2024 && today.month === 2 && today.day === 1);
});

test('String static methods: valueOf, isBlank, isNotBlank, isEmpty, join, format (Apex Reference Guide › String Class)', () => {
    assert.equal(
        run(
            body(
                "return String.valueOf(12) + String.isBlank('  ') + String.isNotBlank(null) + String.isEmpty('') + String.join(new List<String>{'a','b'}, '-') + String.format('{0}+{1}', new List<Object>{1, 'x'});"
            )
        ),
        '12truefalsetruea-b1+x'
    );
    assert.equal(run(body('Integer n; return String.valueOf(n);')), 'null');
});

test('String instance methods dispatch to the String class methods (Apex Reference Guide › String Class)', () => {
    assert.equal(
        run(
            body(
                "String s = '  Hello World  '; return s.trim().toUpperCase() + '|' + s.trim().substring(0, 5) + '|' + s.contains('World') + '|' + 'a,b,,'.split(',').size() + '|' + 'abc'.length() + '|' + 'x'.equalsIgnoreCase('X');"
            )
        ),
        'HELLO WORLD|Hello|true|2|3|true'
    );
});

test('substring out of range raises StringException (Apex Reference Guide › String Class › substring)', () => {
    assert.throws(
        () => run(body("return 'abc'.substring(5);")),
        (e: unknown) => e instanceof ApexError && e.apexType === 'System.StringException'
    );
});

test('Math basics: abs, max, min, mod, round, pow, sqrt (Apex Reference Guide › Math Class)', () => {
    assert.equal(
        run(body('return Math.abs(-3) + Math.max(2, 7) + Math.min(2, 7) + Math.mod(7, 3) + Math.round(2.5d);')),
        3 + 7 + 2 + 1 + 3
    );
    const p = run(body('return Math.pow(2, 10);'));
    assert.ok(p instanceof ApexDouble && p.value === 1024);
    assert.equal(String(run(body('return Math.sqrt(16.0);'))), '4.0');
});

test('Limits getters read the transaction counters and documented synchronous limits (Apex Reference Guide › Limits Class; Execution Governors and Limits)', () => {
    assert.equal(
        run(
            body(
                "return Limits.getQueries() + '/' + Limits.getLimitQueries() + ',' + Limits.getDmlStatements() + '/' + Limits.getLimitDmlStatements() + ',' + Limits.getLimitQueryRows() + ',' + Limits.getLimitCallouts();"
            )
        ),
        '0/100,0/150,50000,100'
    );
});

test('Exceeding a governor limit throws LimitException, which catch (Exception) cannot catch (Execution Governors and Limits: "limit exceptions can\'t be handled")', () => {
    const Probe = defineNative({
        name: 'Probe',
        namespace: 'Test',
        statics: { query: [{ params: [], fn: (rt) => (rt.limits.count('soqlQueries'), null) }] }
    });
    const rt = runtime(
        [
            body(
                "for (Integer i = 0; i < 101; i++) { try { Probe.query(); } catch (Exception e) { return 'caught'; } } return 'no limit';"
            )
        ],
        { natives: [Probe] }
    );
    rt.beginTransaction();
    assert.throws(
        () => rt.invokeStatic('T', 'run'),
        (e: unknown) =>
            e instanceof ApexError &&
            e.apexType === 'System.LimitException' &&
            e.apexMessage === 'Too many SOQL queries: 101'
    );
    assert.equal(rt.interpreter.limits.getUsed('soqlQueries'), 101);
});

test('X.class is a System.Type: getName, equals, Type.forName, newInstance (Apex Reference Guide › Type Class)', () => {
    const src = `public class T {
        public class Impl { public String hi() { return 'hi'; } }
        public static Object run() {
            Type t = Type.forName('T.Impl');
            Impl i = (Impl) t.newInstance();
            return String.class.getName() + ',' + (t == Impl.class) + ',' + i.hi() + ',' + Type.forName('NoSuchType');
        }
    }`;
    assert.equal(run(src), 'String,true,hi,null');
});

test('Native overloads are chosen by argument kinds; none fitting is refused (natives registry contract)', () => {
    const o = [
        { params: ['Integer'], fn: () => 'int' },
        { params: ['String'], fn: () => 'str' }
    ];
    const kind = (v: unknown) => (typeof v === 'number' ? 'Integer' : typeof v === 'string' ? 'String' : 'Object');
    assert.equal(selectOverload(o, [1], 'X.f', kind).fn({} as never, null, []), 'int');
    assert.equal(selectOverload(o, ['a'], 'X.f', kind).fn({} as never, null, []), 'str');
    assert.throws(() => selectOverload(o, [true], 'X.f', kind), UnsupportedApexError);
    assert.throws(() => selectOverload(o, [null], 'X.f', kind), /ambiguous/);
});
