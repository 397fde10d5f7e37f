/**
 * The seams of `npm run org:create`: the Salesforce CLI, the org connection (jsforce) and the few
 * side effects the setup needs. The executor only talks to these interfaces, so unit tests drive it
 * with fakes (answers copied from the CLI the lock file pins: cli-outputs.ts) and the dry run needs
 * neither an org nor the network.
 */

/**
 * What `sf <command> --json` prints (@salesforce/sf-plugins-core SfCommand): on success
 * `{ status, result, warnings }` where `status` is the command's exit code — 0, or 68 for a partial
 * success (`org create user`, `org assign permset`) or 1 for a failed deploy, each WITH a `result`;
 * on an error `{ name, message, exitCode, status, actions?, data?, result?, … }`.
 */
export interface CliJson {
    status: number;
    result?: unknown;
    name?: string;
    message?: string;
    exitCode?: number;
    actions?: string[];
    warnings?: unknown[];
}

/** Runs the Salesforce CLI with `--json` appended and answers its parsed output, whatever the exit code. */
export interface CliRunner {
    run(args: string[]): Promise<CliJson>;
}

export interface QueryResult<T> {
    records: T[];
    totalSize?: number;
}

/** The part of a jsforce `Connection` the setup uses. */
export interface OrgConnection {
    metadata: {
        read(type: string, fullName: string): Promise<unknown>;
    };
    query<T>(soql: string): Promise<QueryResult<T>>;
}

/**
 * The org the setup works on: `sf org display` (the access token comes from
 * `sf org auth show-access-token`: display redacts it, and it never leaves memory).
 */
export interface OrgAuth {
    alias: string;
    username: string;
    orgId: string;
    instanceUrl: string;
    accessToken: string;
    apiVersion: string;
    /** `sf org display` names a Dev Hub only for a scratch org; `sf org create user` works only there. */
    isScratch: boolean;
}

/** The side effects of a run, injected: real ones in create.ts, fakes in the tests. */
export interface OrgSetupDeps {
    cli: CliRunner;
    /** Opens the jsforce connection to the org. */
    connect(auth: OrgAuth): Promise<OrgConnection>;
    /** Runs `npm <args>` in the project root (the component build); rejects with npm's output on failure. */
    npm(args: string[]): Promise<void>;
    /** Writes a `sf org create user` definition file; answers its path. */
    writeUserDefinition(fileName: string, definition: object): Promise<string>;
    /** Writes a Metadata API (mdapi format) directory, path → content; answers the directory. */
    writeMetadataDir(files: Record<string, string>): Promise<string>;
    log(line: string): void;
}
