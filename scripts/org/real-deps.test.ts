/**
 * How the real CLI runner reads the Salesforce CLI's answers (recorded ones: cli-outputs.ts), what it
 * says when the CLI is missing, the Node it runs the CLI on, and the temporary files it writes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { SHOW_ACCESS_TOKEN, namedOrgNotFound } from './cli-outputs.ts';
import { parseCliOutput, projectEnv, realDeps, sfCliRunner } from './real-deps.ts';

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

    it('reads the recorded answers of CLI 2.150.6 as they are printed (pretty JSON on stdout)', () => {
        assert.deepEqual(parseCliOutput(0, `${JSON.stringify(SHOW_ACCESS_TOKEN, null, 2)}\n`, ''), SHOW_ACCESS_TOKEN);
        const error = namedOrgNotFound('nohub', 'OrgDisplayCommand');
        const parsed = parseCliOutput(2, JSON.stringify(error, null, 2), '');
        assert.equal(parsed.status, 2);
        assert.equal(parsed.name, 'NamedOrgNotFoundError');
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

    it("puts the project's node_modules/.bin first on PATH, so the CLI runs on the project's Node 22", () => {
        const env = projectEnv('/work/x', { PATH: '/usr/bin:/bin', HOME: '/root' });
        assert.equal(env.PATH, ['/work/x/node_modules/.bin', '/usr/bin:/bin'].join(path.delimiter));
        assert.equal(env.HOME, '/root');
    });
});

describe('temporary files', () => {
    it('writes the Metadata API directory, owner-only, and removes it on cleanup', async () => {
        const deps = realDeps(tmpdir());
        const directory = await deps.writeMetadataDir({
            'package.xml': '<Package/>\n',
            'externalClientApps/App.eca': '<ExternalClientApplication/>\n'
        });
        assert.equal(
            readFileSync(path.join(directory, 'externalClientApps/App.eca'), 'utf8'),
            '<ExternalClientApplication/>\n'
        );
        assert.equal(statSync(path.join(directory, 'package.xml')).mode & 0o077, 0, 'no access for others');
        await deps.cleanup();
        assert.throws(() => statSync(directory), /ENOENT/);
    });
});
