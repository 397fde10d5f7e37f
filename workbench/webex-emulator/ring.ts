/**
 * `npm run ring -- --to <email> --from <number> [--name <caller name>] [--ring-timeout <seconds>]`:
 * makes the running Webex emulator ring a user, as if someone called them, and prints the call id.
 * The emulator is found where `npm start` and `npm run emulator` put it: WEBEX_EMULATOR_URL, else
 * http://localhost:<WEBEX_EMULATOR_PORT, default 4444>.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const DEFAULT_PORT = 4444;

const USAGE = [
    'Usage: npm run ring -- --to <user email> --from <number> [--name "<caller name>"] [--ring-timeout <seconds>]',
    '',
    'Makes the running Webex emulator ring a user, as if someone called them, and prints the call id.',
    '',
    'Options:',
    '  --to <email>              the Webex user who is called (required; GET /_emulator/users lists them)',
    "  --from <number>           the caller's number, e.g. +13122961607 (required)",
    '  --name "<caller name>"    the caller\'s name, as Webex shows it',
    "  --ring-timeout <seconds>  the caller gives up after that many seconds (default: the emulator's setting)",
    '  -h, --help                this help',
    '',
    'Environment:',
    `  WEBEX_EMULATOR_PORT       the emulator's port on localhost, as for npm start (default ${DEFAULT_PORT})`,
    "  WEBEX_EMULATOR_URL        the emulator's address, when it is not on localhost (wins over the port)",
    '',
    'Example: npm run ring -- --to sam.rep@acme-webex.example --from +13122961607 --name "Olivia Martin"'
].join('\n');

/** Where the emulator is, read from the environment as `npm start` and `npm run emulator` read it. */
export function emulatorUrlFrom(env: NodeJS.ProcessEnv): string {
    if (env.WEBEX_EMULATOR_URL) return env.WEBEX_EMULATOR_URL;
    return `http://localhost:${env.WEBEX_EMULATOR_PORT || DEFAULT_PORT}`;
}

export interface RingResult {
    exitCode: number;
    output: string;
}

/** Rings a user through the emulator's control API; never throws, answers what to print and the exit code. */
export async function ring(argv: string[], emulatorUrl: string): Promise<RingResult> {
    let values: { to?: string; from?: string; name?: string; 'ring-timeout'?: string; help?: boolean };
    try {
        ({ values } = parseArgs({
            args: argv,
            options: {
                to: { type: 'string' },
                from: { type: 'string' },
                name: { type: 'string' },
                'ring-timeout': { type: 'string' },
                help: { type: 'boolean', short: 'h' }
            }
        }));
    } catch (error) {
        return { exitCode: 2, output: `${(error as Error).message}\n${USAGE}` };
    }
    if (values.help) return { exitCode: 0, output: USAGE };
    if (!values.to || !values.from) return { exitCode: 2, output: `--to and --from are required.\n${USAGE}` };
    const timeout = values['ring-timeout'];
    if (timeout !== undefined && !(Number(timeout) >= 0))
        return { exitCode: 2, output: `--ring-timeout must be a number of seconds.\n${USAGE}` };

    const base = emulatorUrl.replace(/\/$/, '');
    let response: Response;
    try {
        response = await fetch(`${base}/_emulator/calls/inbound`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
                to: values.to,
                from: values.from,
                ...(values.name ? { name: values.name } : {}),
                ...(timeout !== undefined ? { ringTimeoutMs: Number(timeout) * 1000 } : {})
            })
        });
    } catch {
        return {
            exitCode: 1,
            output:
                `The Webex emulator is not running at ${base}.\n` +
                'Start it with `npm run emulator` (or `npm start` for the whole workbench); if it runs on another port, ' +
                'give the same WEBEX_EMULATOR_PORT to npm run ring (or its address in WEBEX_EMULATOR_URL).'
        };
    }
    const body = (await response.json().catch(() => ({}))) as { id?: string; message?: string };
    if (!response.ok)
        return { exitCode: 1, output: `The emulator refused the call: ${body.message ?? response.status}` };
    return {
        exitCode: 0,
        output:
            `Ringing ${values.to} from ${values.from}${values.name ? ` (${values.name})` : ''}.\n` +
            `Call id: ${body.id}\n` +
            `Caller gives up:   curl -X POST ${base}/_emulator/calls/${body.id}/miss\n` +
            `Caller hangs up:   curl -X POST ${base}/_emulator/calls/${body.id}/hangup`
    };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    const result = await ring(process.argv.slice(2), emulatorUrlFrom(process.env));
    (result.exitCode === 0 ? console.log : console.error)(result.output);
    process.exitCode = result.exitCode;
}
