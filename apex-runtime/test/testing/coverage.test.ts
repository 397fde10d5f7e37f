import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coverageTarget } from '../../src/testing/coverage.ts';
import { run, units } from './helpers.ts';

const WIDGET = `/**
 * A comment: not executable.
 */
public class Widget {
    private static final Integer LIMIT_X = 3;
    public Integer size { get; set; }

    public static Integer clamp(Integer n) {
        System.debug('not counted');
        if (n > LIMIT_X) {
            return LIMIT_X;
        }

        return n;
    }
    public static void never() {
        Integer a = 1;
        a++;
    }
}`;

test('Executable lines are the lines of statements: comments, blank lines, braces, declarations and System.debug calls are not counted (Apex Developer Guide › Testing and Code Coverage; Testing Best Practices: "Calls to System.debug are not counted")', () => {
    const [unit] = units({ 'Widget.cls': WIDGET });
    const t = coverageTarget(unit!);
    assert.deepEqual(
        [...(t?.lines ?? [])].sort((a, b) => a - b),
        [10, 11, 14, 17, 18]
    );
});

test('Test classes are not counted in coverage (Apex Developer Guide › Testing Best Practices: "Test methods and test classes are not counted as part of Apex code coverage")', () => {
    const [unit] = units({ 'T.cls': `@IsTest private class T { @IsTest static void m() { Integer a = 1; } }` });
    assert.equal(coverageTarget(unit!), undefined);
});

test('Coverage is covered ÷ (covered + uncovered) executable lines, per class and org-wide, with the uncovered line numbers (Apex Developer Guide › Testing and Code Coverage)', () => {
    const r = run({
        'Widget.cls': WIDGET,
        'T.cls': `@IsTest private class T { @IsTest static void m() { System.assertEquals(2, Widget.clamp(2)); } }`
    });
    const w = r.coverage?.classes.find((c) => c.name === 'Widget');
    assert.deepEqual(
        { covered: w?.covered, executable: w?.executable, uncovered: w?.uncoveredLines },
        { covered: 2, executable: 5, uncovered: [11, 17, 18] }
    );
    assert.equal(w?.percent, 40);
    assert.equal(r.coverage?.percent, 40);
    assert.equal(
        r.coverage?.classes.some((c) => c.name === 'T'),
        false
    );
});

test('Lines run by @TestSetup and by every test method count (Apex Developer Guide › Testing and Code Coverage: lines "exercised by test methods")', () => {
    const r = run({
        'Widget.cls': WIDGET,
        'T.cls': `@IsTest private class T {
    @TestSetup static void s() { Widget.never(); }
    @IsTest static void m() { Widget.clamp(9); }
}`
    });
    const w = r.coverage?.classes.find((c) => c.name === 'Widget');
    assert.deepEqual(w?.uncoveredLines, [14]);
});

test('Triggers have coverage of their own (Apex Developer Guide › Testing and Code Coverage: "executable lines of code in your classes and triggers")', () => {
    const [unit] = units({
        'ContactKeys.trigger': `trigger ContactKeys on Contact (before insert) {\n    for (Contact c : Trigger.new) {\n        c.Phone = '1';\n    }\n}`
    });
    const t = coverageTarget(unit!);
    assert.equal(t?.kind, 'trigger');
    assert.deepEqual([...(t?.lines ?? [])], [2, 3]);
});

test('Property accessor bodies, constructors and initializer blocks hold executable lines; an inner class counts with its outer class (Apex Developer Guide › Testing and Code Coverage)', () => {
    const [unit] = units({
        'P.cls': `public class P {
    public Integer x {
        get { return 1; }
    }
    { Integer a = 0; }
    public P() {
        x = 2;
    }
    public class Inner {
        public void m() {
            Integer b = 1;
        }
    }
}`
    });
    assert.deepEqual(
        [...(coverageTarget(unit!)?.lines ?? [])].sort((a, b) => a - b),
        [3, 5, 7, 11]
    );
});

test('A class without executable lines reports 100 % and does not change the org-wide figure (Apex Developer Guide › Testing and Code Coverage: only executable lines are included)', () => {
    const r = run({
        'Shape.cls': `public class Shape { public Integer sides; }`,
        'T.cls': `@IsTest private class T { @IsTest static void m() {} }`
    });
    const s = r.coverage?.classes.find((c) => c.name === 'Shape');
    assert.equal(s?.percent, 100);
    assert.equal(r.coverage?.executable, 0);
});
