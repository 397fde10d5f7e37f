import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const cli = path.join(here, '../../src/testing/cli.ts');
const project = path.join(here, 'fixtures/project');

function runCli(...args: string[]) {
    return spawnSync(process.execPath, ['--import', 'tsx', cli, project, ...args], { encoding: 'utf8' });
}

test('The CLI runs the tests of any SFDX project from its sfdx-project.json, prints one line per method and the coverage, and exits 1 on a failure (issue 12 › Gate step "Apex tests")', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'apex-cli-'));
    const json = path.join(out, 'result.json');
    const p = runCli('--json', json);
    assert.equal(p.status, 1, p.stderr);
    assert.match(p.stdout, /^PASS GreeterTest\.greets \(0 SOQL, 0 DML, 0 callouts\)$/m);
    assert.match(p.stdout, /^FAIL GreeterTest\.failsOnPurpose \(0 SOQL, 0 DML, 0 callouts\)$/m);
    assert.match(p.stdout, /^Greeter +1\/1 +100\.0%$/m);
    assert.match(p.stdout, /^Apex tests: 2 methods, 1 passed, 1 failed/m);
    const result = JSON.parse(readFileSync(json, 'utf8')) as { passed: number; failed: number };
    assert.deepEqual([result.passed, result.failed], [1, 1]);
});

test('The CLI runs only the methods asked for with --method and exits 0 when they pass (sf apex run test --tests)', () => {
    const p = runCli('--method', 'GreeterTest.greets');
    assert.equal(p.status, 0, p.stdout + p.stderr);
    assert.doesNotMatch(p.stdout, /failsOnPurpose/);
});
