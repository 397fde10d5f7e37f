/**
 * Transaction Finalizers (Apex Developer Guide › Transaction Finalizers; Apex Reference Guide › FinalizerContext
 * Interface, ParentJobResult Enum, System Class › attachFinalizer).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passed, result, run } from './helpers.ts';

const JOB = `public class Job implements Queueable, Finalizer {
    public static List<String> log = new List<String>();
    public void execute(QueueableContext qc) { System.attachFinalizer(this); log.add('job'); }
    public void execute(FinalizerContext fc) {
        log.add('finalizer ' + fc.getResult() + ' ' + (fc.getResult() == ParentJobResult.SUCCESS) + ' ' + String.valueOf(fc.getAsyncApexJobId()).startsWith('707') + ' ' + (fc.getException() == null));
    }
}`;

test('the Finalizer a Queueable attaches runs after the job, told SUCCESS and the job Id (Transaction Finalizers; FinalizerContext Interface)', () => {
    const r = run({
        'Job.cls': JOB,
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Test.startTest();
            Id jobId = System.enqueueJob(new Job());
            Test.stopTest();
            System.assertEquals(new List<String>{ 'job', 'finalizer SUCCESS true true true' }, Job.log);
        } }`
    });
    assert.ok(passed(r, 'T.m'));
});

test('System.attachFinalizer outside a Queueable is refused: its error is not documented with its text (never a silent wrong answer)', () => {
    const r = run({
        'Job.cls': JOB,
        'T.cls': '@IsTest private class T { @IsTest static void m() { System.attachFinalizer(new Job()); } }'
    });
    assert.match(result(r, 'T.m').message ?? '', /^Unsupported: System\.attachFinalizer outside a Queueable/);
});
