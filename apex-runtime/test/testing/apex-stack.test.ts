import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./fixtures/deep-stack.ts', import.meta.url));

test('relaunchWithApexStack gives 1,000 Apex frames of nested blocks; the 1,001st is a LimitException (Execution Governors and Limits: "Maximum stack depth … 1,000"); the exit code comes back', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, '1000', '1001'], { encoding: 'utf8' });
    assert.deepEqual(r.stdout.trim().split('\n'), ['1000', 'System.LimitException: Maximum stack depth reached: 1001']);
    assert.equal(r.status, 3);
});
