/**
 * `npm run ring -- --to <email> --from <number> [--name <caller name>] [--ring-timeout <seconds>]`:
 * makes the running Webex emulator ring a user, as if someone called them, and prints the call id.
 * The emulator is found at WEBEX_EMULATOR_URL, or http://localhost:4444.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';

const USAGE =
    'Usage: npm run ring -- --to <user email> --from <number> [--name "<caller name>"] [--ring-timeout <seconds>]\n' +
    'Example: npm run ring -- --to sam.rep@acme-webex.example --from +13122961607 --name "Olivia Martin"';

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
                'Start it with `npm run emulator` (or `npm start` for the whole workbench), or set WEBEX_EMULATOR_URL.'
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
    const result = await ring(process.argv.slice(2), process.env.WEBEX_EMULATOR_URL ?? 'http://localhost:4444');
    (result.exitCode === 0 ? console.log : console.error)(result.output);
    process.exitCode = result.exitCode;
}
