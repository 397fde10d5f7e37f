/**
 * The seams of `npm run org:create`: the Salesforce CLI, the org connection (jsforce) and the few
 * side effects the setup needs. The executor only talks to these interfaces, so unit tests drive it
 * with fakes and the dry run needs neither an org nor the network.
 */

/** What `sf <command> --json` prints: `status` 0 on success, else `name` and `message` say why. */
export interface CliJson {
    status: number;
    result?: unknown;
    name?: string;
    message?: string;
    actions?: string[];
    warnings?: unknown[];
}

/** Runs the Salesforce CLI with `--json` appended and answers its parsed output, whatever the exit code. */
export interface CliRunner {
    run(args: string[]): Promise<CliJson>;
}

/** One error of a Metadata API save (`upsert`): a single object or a list, depending on the SOAP answer. */
export interface MetadataError {
    message: string;
    statusCode?: string;
    fields?: string[] | string;
}

export interface MetadataUpsertResult {
    success: boolean | string;
    fullName: string;
    created?: boolean | string;
    errors?: MetadataError | MetadataError[];
}

export interface QueryResult<T> {
    records: T[];
    totalSize?: number;
}

/** The part of a jsforce `Connection` the setup uses. */
export interface OrgConnection {
    metadata: {
        upsert(type: string, metadata: object): Promise<MetadataUpsertResult>;
        read(type: string, fullName: string): Promise<unknown>;
    };
    query<T>(soql: string): Promise<QueryResult<T>>;
}

/** What `sf org display --json` tells about the org (the access token never leaves memory). */
export interface OrgAuth {
    alias: string;
    username: string;
    orgId: string;
    instanceUrl: string;
    accessToken: string;
    apiVersion: string;
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
    log(line: string): void;
}
