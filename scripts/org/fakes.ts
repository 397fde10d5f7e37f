/**
 * Test doubles for `npm run org:create`: a Salesforce CLI and an org connection that answer from a
 * script and record, in one shared journal, every call in the order it happened.
 */
import type { OrgCreateOptions } from './options.ts';
import type { ProjectInfo } from './project-files.ts';
import type {
    CliJson,
    CliRunner,
    MetadataUpsertResult,
    OrgAuth,
    OrgConnection,
    OrgSetupDeps,
    QueryResult
} from './types.ts';

export const FAKE_ORG = {
    username: 'test-abc123@example.com',
    orgId: '00DAB000001XyZ9QAA',
    instanceUrl: 'https://acme-dev.scratch.my.salesforce.com/',
    accessToken: '00DAB!fake.token',
    adminId: '005AB000001AdMiN',
    adminEmail: 'dev.admin@example.com'
};

/** The CLI command a call names: `org create scratch`, `project deploy start`, … */
export function commandOf(args: string[]): string {
    return args
        .slice(0, 3)
        .filter((arg) => !arg.startsWith('-'))
        .join(' ');
}

const ok = (result: unknown): CliJson => ({ status: 0, result });

export const DEFAULT_CLI_ANSWERS: Record<string, (args: string[]) => CliJson> = {
    'org create scratch': () => ok({ username: FAKE_ORG.username, orgId: FAKE_ORG.orgId }),
    'org display': () =>
        ok({
            id: FAKE_ORG.orgId,
            username: FAKE_ORG.username,
            instanceUrl: FAKE_ORG.instanceUrl,
            accessToken: FAKE_ORG.accessToken,
            apiVersion: '65.0',
            alias: 'webex-dev'
        }),
    'project deploy start': () => ok({ status: 'Succeeded', files: [{ state: 'Created' }, { state: 'Created' }] }),
    'org assign permset': () => ok({ successes: [], failures: [] }),
    'org create user': () => ok({ fields: {} }),
    'data import tree': () => ok([{ refId: 'AccountRef1' }, { refId: 'ContactRef1' }])
};

export class FakeCli implements CliRunner {
    readonly calls: string[][] = [];
    readonly answers: Record<string, (args: string[]) => CliJson>;
    private readonly journal: string[];

    constructor(journal: string[], answers: Record<string, (args: string[]) => CliJson> = {}) {
        this.journal = journal;
        this.answers = { ...DEFAULT_CLI_ANSWERS, ...answers };
    }

    run(args: string[]): Promise<CliJson> {
        this.calls.push(args);
        const command = commandOf(args);
        this.journal.push(`sf ${command}`);
        const answer = this.answers[command];
        if (!answer) return Promise.resolve({ status: 1, name: 'UnknownCommand', message: `no fake for ${command}` });
        try {
            return Promise.resolve(answer(args));
        } catch (error) {
            return Promise.reject(error as Error);
        }
    }
}

export interface FakeOrgState {
    profiles: string[];
    users: string[];
    assignedPermissionSets: string[];
    upsert?: (type: string, metadata: object) => MetadataUpsertResult | Promise<MetadataUpsertResult>;
    consumerKey?: string;
}

export class FakeConnection implements OrgConnection {
    readonly upserts: Array<{ type: string; metadata: Record<string, unknown> }> = [];
    readonly queries: string[] = [];
    readonly state: FakeOrgState;
    private readonly journal: string[];
    readonly metadata: OrgConnection['metadata'];

    constructor(journal: string[], state: Partial<FakeOrgState> = {}) {
        this.journal = journal;
        this.state = {
            profiles: ['System Administrator', 'Standard User'],
            users: [FAKE_ORG.username],
            assignedPermissionSets: [],
            consumerKey: '3MVG9FAKECONSUMERKEY',
            ...state
        };
        this.metadata = {
            upsert: async (type: string, metadata: object) => {
                this.journal.push(`metadata.upsert ${type}`);
                this.upserts.push({ type, metadata: metadata as Record<string, unknown> });
                return this.state.upsert
                    ? this.state.upsert(type, metadata)
                    : { success: true, created: true, fullName: String((metadata as { fullName?: string }).fullName) };
            },
            read: (type: string, fullName: string) => {
                this.journal.push(`metadata.read ${type}`);
                return Promise.resolve({ fullName, oauthConfig: { consumerKey: this.state.consumerKey } });
            }
        };
    }

    query<T>(soql: string): Promise<QueryResult<T>> {
        this.queries.push(soql);
        this.journal.push(`query ${/FROM (\w+)/.exec(soql)?.[1] ?? '?'}`);
        const inList = (): string[] =>
            [...(/IN \(([^)]*)\)/.exec(soql)?.[1] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1]);
        let records: unknown[] = [];
        if (/FROM User WHERE Username = /.test(soql)) records = [{ Id: FAKE_ORG.adminId, Email: FAKE_ORG.adminEmail }];
        else if (/FROM PermissionSetAssignment/.test(soql))
            records = this.state.assignedPermissionSets
                .filter((name) => inList().includes(name))
                .map((Name) => ({ PermissionSet: { Name } }));
        else if (/FROM Profile/.test(soql))
            records = this.state.profiles.filter((name) => inList().includes(name)).map((Name) => ({ Name }));
        else if (/FROM User WHERE Username IN/.test(soql))
            records = this.state.users.filter((name) => inList().includes(name)).map((Username) => ({ Username }));
        return Promise.resolve({ records: records as T[], totalSize: records.length });
    }
}

export interface Harness {
    journal: string[];
    output: string[];
    cli: FakeCli;
    connection: FakeConnection;
    connectedWith: OrgAuth[];
    userFiles: Map<string, Record<string, unknown>>;
    deps: OrgSetupDeps;
    text(): string;
}

/** Fakes wired together; `npmFails` makes `npm run build` fail with that output. */
export function harness(
    options: { cli?: Record<string, (args: string[]) => CliJson>; org?: Partial<FakeOrgState>; npmFails?: string } = {}
): Harness {
    const journal: string[] = [];
    const output: string[] = [];
    const cli = new FakeCli(journal, options.cli);
    const connection = new FakeConnection(journal, options.org);
    const connectedWith: OrgAuth[] = [];
    const userFiles = new Map<string, Record<string, unknown>>();
    return {
        journal,
        output,
        cli,
        connection,
        connectedWith,
        userFiles,
        text: () => output.join('\n'),
        deps: {
            cli,
            connect: (auth: OrgAuth) => {
                journal.push('connect');
                connectedWith.push(auth);
                return Promise.resolve(connection);
            },
            npm: (args: string[]) => {
                journal.push(`npm ${args.join(' ')}`);
                return options.npmFails ? Promise.reject(new Error(options.npmFails)) : Promise.resolve();
            },
            writeUserDefinition: (fileName: string, definition: object) => {
                const file = `/tmp/fake/${fileName}`;
                userFiles.set(file, definition as Record<string, unknown>);
                return Promise.resolve(file);
            },
            log: (line: string) => output.push(line)
        }
    };
}

export function testOptions(overrides: Partial<OrgCreateOptions> = {}): OrgCreateOptions {
    return { alias: 'webex-dev', durationDays: 7, noData: false, dryRun: false, ...overrides };
}

export function testProject(overrides: Partial<ProjectInfo> = {}): ProjectInfo {
    return {
        namespace: '',
        scratchDefinitionFile: 'config/project-scratch-def.json',
        sourceDir: 'force-app',
        dataPlanFile: 'data/data-plan.json',
        permissionSets: ['Cisco_Webex_User', 'Webex_Admin', 'Webex_Webhook_Guest'],
        users: [
            {
                attributes: { type: 'User', referenceId: 'UserRef1' },
                FirstName: 'Avery',
                LastName: 'Admin',
                Username: 'avery.admin@acme-webex.example.wb',
                Email: 'avery.admin@acme-webex.example',
                ProfileId: '@ProfileRef1',
                LanguageLocaleKey: 'en_US',
                LocaleSidKey: 'en_US',
                IsActive: true
            },
            {
                attributes: { type: 'User', referenceId: 'UserRef2' },
                FirstName: 'Sam',
                LastName: 'Rep',
                Username: 'sam.rep@acme-webex.example.wb',
                Email: 'sam.rep@acme-webex.example',
                ProfileId: '@ProfileRef2',
                LanguageLocaleKey: 'en_US',
                LocaleSidKey: 'en_US',
                IsActive: true
            }
        ],
        profilesByRef: { ProfileRef1: 'System Administrator', ProfileRef2: 'Standard User' },
        ...overrides
    };
}
