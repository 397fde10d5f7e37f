import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Limits, SYNC_LIMITS } from '../../src/interpreter/limits.ts';

test('Synchronous per-transaction limits are the documented ones (Execution Governors and Limits › Per-Transaction Apex Limits)', () => {
    assert.equal(SYNC_LIMITS.soqlQueries.max, 100);
    assert.equal(SYNC_LIMITS.queryRows.max, 50000);
    assert.equal(SYNC_LIMITS.soslQueries.max, 20);
    assert.equal(SYNC_LIMITS.dmlStatements.max, 150);
    assert.equal(SYNC_LIMITS.dmlRows.max, 10000);
    assert.equal(SYNC_LIMITS.callouts.max, 100);
    assert.equal(SYNC_LIMITS.queueableJobs.max, 50);
    assert.equal(SYNC_LIMITS.futureCalls.max, 50);
});

test('Going past a limit throws System.LimitException "Too many SOQL queries: 101" (Execution Governors and Limits)', () => {
    const l = new Limits();
    for (let i = 0; i < 100; i++) l.count('soqlQueries');
    assert.throws(
        () => l.count('soqlQueries'),
        (e: unknown) =>
            e instanceof Error &&
            (e as Error & { apexType: string }).apexType === 'System.LimitException' &&
            e.message === 'Too many SOQL queries: 101'
    );
});

test('Row limits count rows, not statements (Execution Governors and Limits: "Total number of records retrieved by SOQL queries 50,000")', () => {
    const l = new Limits();
    l.count('queryRows', 50000);
    assert.throws(() => l.count('queryRows', 1), /Too many query rows: 50001/);
    const d = new Limits();
    d.count('dmlRows', 10000);
    assert.throws(() => d.count('dmlRows', 1), /Too many DML rows: 10001/);
});

test('Counters reset per transaction and can be saved/restored around Test.startTest/stopTest (Apex Developer Guide › Using Limits, startTest, and stopTest)', () => {
    const l = new Limits();
    l.count('dmlStatements', 3);
    const saved = l.snapshot();
    l.reset();
    assert.equal(l.getUsed('dmlStatements'), 0);
    l.count('dmlStatements', 150);
    l.restore(saved);
    assert.equal(l.getUsed('dmlStatements'), 3);
    assert.equal(l.getLimit('dmlStatements'), 150);
});
