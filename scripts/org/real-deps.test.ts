/** How the real CLI runner reads the Salesforce CLI's answers, and what it says when the CLI is missing. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseCliOutput, sfCliRunner } from './real-deps.ts';

describe('Salesforce CLI runner', () => {
    it('reads the JSON answer from stdout, success or failure', () => {
        assert.deepEqual(parseCliOutput(0, '{"status":0,"result":{"id":"00D"}}', ''), {
            status: 0,
            result: { id: '00D' }
        });
        assert.deepEqual(
            parseCliOutput(
                1,
                '{\n  "name": "NoDefaultDevHubError",\n  "message": "No default dev hub found.",\n  "status": 1\n}',
                ''
            ),
            { name: 'NoDefaultDevHubError', message: 'No default dev hub found.', status: 1 }
        );
    });

    it('falls back to stderr, and to the raw output when there is no JSON', () => {
        assert.equal(parseCliOutput(1, 'Warning: something', '{"status":1,"message":"boom"}').message, 'boom');
        const raw = parseCliOutput(127, '', 'sf: command not found');
        assert.equal(raw.status, 127);
        assert.match(raw.message ?? '', /without a JSON answer:\nsf: command not found/);
        assert.equal(parseCliOutput(0, 'not json', '').status, 1, 'no JSON is never a success');
    });

    it('says to run npm ci when the project has no CLI', async () => {
        const root = mkdtempSync(path.join(tmpdir(), 'no-cli-'));
        try {
            await assert.rejects(
                sfCliRunner(root).run(['org', 'list']),
                /The Salesforce CLI is missing \(node_modules\/\.bin\/sf\): run `npm ci` first\./
            );
        } finally {
            rmSync(root, { recursive: true, force: true });
        }
    });
});
