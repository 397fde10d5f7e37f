/** The org CI's coverage gate: reads the CLI's JSON and fails below the minimum. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkCoverage, findResultFile, parsePercent } from './apex-coverage.ts';

const result = (orgWideCoverage?: string) => ({
    summary: { outcome: 'Passed', testsRan: 12, failing: 0, ...(orgWideCoverage ? { orgWideCoverage } : {}) },
    coverage: {
        coverage: [
            { name: 'WebexAdminController', coveredPercent: 92, totalLines: 50 },
            { name: 'WebexWebhookRegistrar', coveredPercent: 61, totalLines: 80 },
            { name: 'WebexApiClient', coveredPercent: 88, totalLines: 120 }
        ]
    }
});

describe('Apex coverage gate', () => {
    it('reads percentages as the CLI writes them', () => {
        assert.equal(parsePercent('87%'), 87);
        assert.equal(parsePercent('84.5%'), 84.5);
        assert.equal(parsePercent(90), 90);
        assert.equal(parsePercent('n/a'), null);
        assert.equal(parsePercent(undefined), null);
    });

    it('passes at or above the minimum, from the --json envelope or the bare result', () => {
        assert.equal(checkCoverage({ status: 0, result: result('85%') }, 85).ok, true);
        const verdict = checkCoverage(result('91%'), 85);
        assert.deepEqual(verdict, {
            ok: true,
            coverage: 91,
            lines: ['Org-wide Apex coverage: 91% (minimum 85%) — OK']
        });
    });

    it('fails below the minimum and names the least-covered classes', () => {
        const verdict = checkCoverage({ status: 100, result: result('84%') }, 85);
        assert.equal(verdict.ok, false);
        assert.equal(verdict.lines[0], 'Org-wide Apex coverage: 84% (minimum 85%) — TOO LOW');
        assert.deepEqual(verdict.lines.slice(2), [
            '   61%  WebexWebhookRegistrar',
            '   88%  WebexApiClient',
            '   92%  WebexAdminController'
        ]);
    });

    it('fails when the run has no coverage (no --code-coverage)', () => {
        const verdict = checkCoverage({ status: 0, result: result() }, 85);
        assert.equal(verdict.ok, false);
        assert.match(verdict.lines[0], /--code-coverage/);
    });

    it('finds the result of the run in an --output-dir folder', () => {
        const dir = mkdtempSync(path.join(tmpdir(), 'apex-results-'));
        try {
            writeFileSync(path.join(dir, 'test-run-id.txt'), '707AB0000012345');
            writeFileSync(path.join(dir, 'test-result-707AB0000012345.json'), '{}');
            writeFileSync(path.join(dir, 'test-result-codecoverage.json'), '[]');
            writeFileSync(path.join(dir, 'test-result-707AB0000012345-junit.xml'), '<x/>');
            assert.equal(findResultFile(dir), path.join(dir, 'test-result-707AB0000012345.json'));
            rmSync(path.join(dir, 'test-run-id.txt'));
            assert.equal(findResultFile(dir), path.join(dir, 'test-result-707AB0000012345.json'));
            writeFileSync(path.join(dir, 'test-result-other.json'), '{}');
            assert.throws(() => findResultFile(dir), /expected one test-result JSON, found/);
            assert.throws(() => findResultFile(path.join(dir, 'missing')), /does not exist/);
        } finally {
            rmSync(dir, { recursive: true, force: true });
        }
    });
});
