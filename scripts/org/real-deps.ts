/**
 * The real side effects of `npm run org:create`: the project's own Salesforce CLI
 * (node_modules/.bin/sf), a jsforce connection, `npm run build`, and temporary user-definition files.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CliJson, CliRunner, MetadataUpsertResult, OrgAuth, OrgConnection, OrgSetupDeps } from './types.ts';

/** Environment for every CLI run: no telemetry, no update checks (TOOLING.md). */
export const SF_ENV = {
    SF_DISABLE_TELEMETRY: 'true',
    SF_AUTOUPDATE_DISABLE: 'true',
    SFDX_AUTOUPDATE_DISABLE: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true'
};

const OUTPUT_TAIL = 4000;

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
                answer = await run(bin, [...args, '--json'], root, { ...process.env, ...SF_ENV });
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
            async upsert(type: string, metadata: object): Promise<MetadataUpsertResult> {
                const result: unknown = await connection.metadata.upsert(type, metadata as { fullName: string });
                return result as MetadataUpsertResult;
            },
            async read(type: string, fullName: string): Promise<unknown> {
                return connection.metadata.read(type as 'ConnectedApp', fullName);
            }
        },
        async query<T>(soql: string) {
            const result = await connection.query(soql);
            return { records: result.records as T[], totalSize: result.totalSize };
        }
    };
}

/** Everything real, rooted at the project; `cleanup` removes the temporary user-definition files. */
export function realDeps(root: string): OrgSetupDeps & { cleanup(): Promise<void> } {
    let tempDir: string | undefined;
    return {
        cli: sfCliRunner(root),
        connect: connectWithJsforce,
        async npm(args: string[]): Promise<void> {
            const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
            const answer = await run(npm, args, root, process.env);
            if (answer.code !== 0)
                throw new Error(
                    `${(answer.stdout + answer.stderr).trim().slice(-OUTPUT_TAIL)}\n(npm ${args.join(' ')} exited with ${answer.code})`
                );
        },
        async writeUserDefinition(fileName: string, definition: object): Promise<string> {
            tempDir ??= await mkdtemp(path.join(tmpdir(), 'webex-org-create-'));
            const file = path.join(tempDir, fileName);
            await writeFile(file, `${JSON.stringify(definition, null, 4)}\n`, { mode: 0o600 });
            return file;
        },
        log: (line: string) => console.log(line),
        async cleanup(): Promise<void> {
            if (tempDir) await rm(tempDir, { recursive: true, force: true });
        }
    };
}
