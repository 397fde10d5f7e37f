/** `npm run ring`: rings a user on a running emulator, and says plainly when there is none. */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ring } from './ring.ts';
import { startWebexEmulator, type WebexEmulator } from './server.ts';

let emulator: WebexEmulator;

describe('npm run ring', () => {
    before(async () => {
        emulator = await startWebexEmulator(0);
        emulator.state.settings.calls.ringTimeoutMs = null;
    });
    after(() => emulator.close());

    it('rings the user and prints the call id', async () => {
        const result = await ring(
            ['--to', 'sam.rep@acme-webex.example', '--from', '+13122961607', '--name', 'Olivia Martin'],
            emulator.url
        );
        assert.equal(result.exitCode, 0);
        const [call] = emulator.state.calls.legs;
        assert.equal(call.state, 'alerting');
        assert.match(result.output, new RegExp(`Call id: ${call.id}`));
    });

    it('explains a missing argument and an unknown user', async () => {
        assert.equal((await ring(['--to', 'sam.rep@acme-webex.example'], emulator.url)).exitCode, 2);
        const unknown = await ring(['--to', 'nobody@acme-webex.example', '--from', '+1'], emulator.url);
        assert.equal(unknown.exitCode, 1);
        assert.match(unknown.output, /No emulated user has the email nobody@acme-webex.example/);
    });

    it('says how to start the emulator when none is running (the real CLI, through tsx)', async () => {
        const cli = path.join(import.meta.dirname, 'ring.ts');
        const run = promisify(execFile)(
            process.execPath,
            ['--import', 'tsx', cli, '--to', 'a@b.example', '--from', '1'],
            {
                env: { ...process.env, WEBEX_EMULATOR_URL: 'http://127.0.0.1:9' }
            }
        );
        const failure = (await run.then(
            () => assert.fail('the CLI should fail'),
            (error: unknown) => error
        )) as { code: number; stderr: string };
        assert.equal(failure.code, 1);
        assert.match(failure.stderr, /The Webex emulator is not running at http:\/\/127\.0\.0\.1:9/);
        assert.match(failure.stderr, /npm run emulator/);
    });
});
