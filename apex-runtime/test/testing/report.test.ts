import { test } from 'node:test';
import assert from 'node:assert/strict';
import { failureGroups, formatCoverage, formatMethod, formatSummary } from '../../src/testing/report.ts';
import { run } from './helpers.ts';

test('One line per method with its SOQL, DML and callout counts; a failure adds its message and Apex stack (issue 12 › Gate step "Apex tests"; Tooling API › ApexTestResult: Outcome, Message, StackTrace)', () => {
    const r = run({
        'T.cls': `@IsTest private class T {
    @IsTest static void ok() { Probe.dml(); }
    @IsTest static void bad() {
        System.assertEquals(1, 2);
    }
}`
    });
    const lines = r.methods.map(formatMethod);
    assert.equal(lines[0], 'PASS T.ok (0 SOQL, 1 DML, 0 callouts)');
    assert.equal(
        lines[1],
        'FAIL T.bad (0 SOQL, 0 DML, 0 callouts)\n    System.AssertException: Assertion Failed: Expected: 1, Actual: 2\n      Class.T.bad: line 4, column 1'
    );
    assert.match(formatSummary(r), /^Apex tests: 2 methods, 1 passed, 1 failed \(\d+\.\d s\)$/);
    assert.deepEqual(failureGroups(r), [
        { message: 'System.AssertException: Assertion Failed: Expected: 1, Actual: 2', count: 1, examples: ['T.bad'] }
    ]);
});

test('The coverage table lists each class with covered/executable lines, percentage and uncovered lines, then the org-wide figure (Apex Developer Guide › Testing and Code Coverage)', () => {
    const r = run({
        'W.cls': `public class W {\n    public static void a() {\n        Integer x = 1;\n    }\n    public static void b() {\n        Integer y = 2;\n    }\n}`,
        'T.cls': `@IsTest private class T { @IsTest static void m() { W.a(); } }`
    });
    assert.equal(
        formatCoverage(r.coverage!),
        [
            'Class  Lines  Coverage  Uncovered lines',
            'W      1/2    50.0%     6',
            'Org-wide coverage: 50.0% (1/2 lines)'
        ].join('\n')
    );
});
