/**
 * `npm run ring`: rings a user on a running emulator, found on the port `npm start` uses, says plainly
 * when there is none, and lists its options.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { emulatorUrlFrom, ring } from './ring.ts';
import { startWebexEmulator, type WebexEmulator } from './server.ts';

let emulator: WebexEmulator;

const CLI = path.join(import.meta.dirname, 'ring.ts');

/** Runs the real CLI through tsx, as `npm run ring` does, with only the given emulator variables. */
async function runCli(
    args: string[],
    env: { WEBEX_EMULATOR_PORT?: string; WEBEX_EMULATOR_URL?: string }
): Promise<{ code: number; stdout: string; stderr: string }> {
    const rest = Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !name.startsWith('WEBEX_EMULATOR_'))
    );
    return promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...rest, ...env } }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (error: { code: number; stdout: string; stderr: string }) => error
    );
}

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
        const failure = await runCli(['--to', 'a@b.example', '--from', '1'], {
            WEBEX_EMULATOR_URL: 'http://127.0.0.1:9'
        });
        assert.equal(failure.code, 1);
        assert.match(failure.stderr, /The Webex emulator is not running at http:\/\/127\.0\.0\.1:9/);
        assert.match(failure.stderr, /npm run emulator/);
        assert.match(failure.stderr, /WEBEX_EMULATOR_PORT/);
    });

    it('finds the emulator on WEBEX_EMULATOR_PORT, as npm start puts it there', async () => {
        const port = new URL(emulator.url).port;
        const result = await runCli(['--to', 'sam.rep@acme-webex.example', '--from', '+13122961607'], {
            WEBEX_EMULATOR_PORT: port
        });
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, /Ringing sam\.rep@acme-webex\.example from \+13122961607/);
        const callId = /Call id: (\S+)/.exec(result.stdout)?.[1];
        assert.ok(
            emulator.state.calls.legs.some((leg) => leg.id === callId && leg.state === 'alerting'),
            `the emulator on port ${port} rings call ${callId}`
        );
        assert.match(result.stdout, new RegExp(`curl -X POST http://localhost:${port}/_emulator/calls/`));
    });

    it('reads the address as npm start does: WEBEX_EMULATOR_URL, else WEBEX_EMULATOR_PORT, else 4444', () => {
        assert.equal(emulatorUrlFrom({}), 'http://localhost:4444');
        assert.equal(emulatorUrlFrom({ WEBEX_EMULATOR_PORT: '5555' }), 'http://localhost:5555');
        assert.equal(
            emulatorUrlFrom({ WEBEX_EMULATOR_PORT: '5555', WEBEX_EMULATOR_URL: 'http://10.0.0.2:4444' }),
            'http://10.0.0.2:4444'
        );
    });

    it('lists every option and the environment variables with --help', async () => {
        const help = await runCli(['--help'], {});
        assert.equal(help.code, 0);
        for (const option of ['--to', '--from', '--name', '--ring-timeout', '-h, --help'])
            assert.match(
                help.stdout,
                new RegExp(`^  ${option.replace(/[-]/g, '\\-')}\\b`, 'm'),
                `--help lists ${option}`
            );
        assert.match(help.stdout, /^ {2}WEBEX_EMULATOR_PORT\b/m);
        assert.match(help.stdout, /^ {2}WEBEX_EMULATOR_URL\b/m);
    });
});
