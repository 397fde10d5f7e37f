/**
 * Test doubles for `npm run org:create`: a Salesforce CLI that answers what the real one prints
 * (cli-outputs.ts: recorded, or built from the command's source where only a real org could answer)
 * and an org connection, both recording, in one shared journal, every call in the order it happened.
 */
import {
    CREATE_SCRATCH,
    IMPORT_TREE,
    ORG,
    ORG_DISPLAY_SCRATCH,
    SHOW_ACCESS_TOKEN,
    assignPermsetAnswer,
    createUserAnswer,
    deploySucceeded
} from './cli-outputs.ts';
import type { OrgCreateOptions } from './options.ts';
import type { ProjectInfo } from './project-files.ts';
import type { CliJson, CliRunner, OrgAuth, OrgConnection, OrgSetupDeps, QueryResult } from './types.ts';

export const FAKE_ORG = ORG;

/** The CLI command a call names: `org create scratch`, `project deploy start`, `org auth show-access-token`… */
export function commandOf(args: string[]): string {
    return args
        .slice(0, 3)
        .filter((arg) => !arg.startsWith('-'))
        .join(' ');
}

/** The value of a flag in a command line. */
export function flag(args: string[], name: string): string | undefined {
    const at = args.indexOf(name);
    return at < 0 ? undefined : args[at + 1];
}

export type CliAnswer = (args: string[], files: FakeFiles) => CliJson;

/** What the fake file system holds: user definitions and Metadata API directories the script wrote. */
export interface FakeFiles {
    userFiles: Map<string, Record<string, unknown>>;
    metadataDirs: Map<string, Record<string, string>>;
}

export const DEFAULT_CLI_ANSWERS: Record<string, CliAnswer> = {
    'org create scratch': () => CREATE_SCRATCH,
    'org display': () => ORG_DISPLAY_SCRATCH,
    'org auth show-access-token': () => SHOW_ACCESS_TOKEN,
    'project deploy start': (args, files) => {
        const directory = flag(args, '--metadata-dir');
        const components = directory
            ? Object.keys(files.metadataDirs.get(directory) ?? {})
                  .filter((file) => file !== 'package.xml')
                  .map((file) => ({ type: file.split('/')[0], fullName: file.split('/')[1] }))
            : [
                  { type: 'ApexClass', fullName: 'WebexApiClient' },
                  { type: 'LightningComponentBundle', fullName: 'webexAdmin' }
              ];
        return deploySucceeded(components);
    },
    'org assign permset': (args) =>
        assignPermsetAnswer(
            args.filter((_, i) => args[i - 1] === '--name').map((value) => ({ name: ORG.username, value }))
        ),
    'org create user': (args, files) => {
        const definition = files.userFiles.get(flag(args, '--definition-file') ?? '') as
            { Username: string; Email: string; profileName: string; permsets: string[] } | undefined;
        return createUserAnswer(
            definition ?? {
                Username: 'x@example.com',
                Email: 'x@example.com',
                profileName: 'Standard User',
                permsets: []
            }
        );
    },
    'data import tree': () => IMPORT_TREE
};

export class FakeCli implements CliRunner {
    readonly calls: string[][] = [];
    readonly answers: Record<string, CliAnswer>;
    private readonly journal: string[];
    private readonly files: FakeFiles;

    constructor(journal: string[], files: FakeFiles, answers: Record<string, CliAnswer> = {}) {
        this.journal = journal;
        this.files = files;
        this.answers = { ...DEFAULT_CLI_ANSWERS, ...answers };
    }

    run(args: string[]): Promise<CliJson> {
        this.calls.push(args);
        const command = commandOf(args);
        this.journal.push(`sf ${command}`);
        const answer = this.answers[command];
        if (!answer) return Promise.resolve({ status: 1, name: 'UnknownCommand', message: `no fake for ${command}` });
        try {
            return Promise.resolve(answer(args, this.files));
        } catch (error) {
            return Promise.reject(error as Error);
        }
    }
}

export interface FakeOrgState {
    /** Profile name → its user licence. */
    profiles: Record<string, string>;
    /** Licence name → [total, used]. */
    licences: Record<string, [number, number]>;
    users: string[];
    assignedPermissionSets: string[];
    /** Permission sets assigned to the users the CLI creates (by user id). */
    userPermissionSets: Record<string, string[]>;
    /** Organization.NamespacePrefix. */
    namespace: string | null;
    /** What `metadata.read` answers, or throws. */
    read?: (type: string, fullName: string) => unknown;
    consumerKey?: string;
}

export class FakeConnection implements OrgConnection {
    readonly queries: string[] = [];
    readonly state: FakeOrgState;
    private readonly journal: string[];
    readonly metadata: OrgConnection['metadata'];

    constructor(journal: string[], state: Partial<FakeOrgState> = {}) {
        this.journal = journal;
        this.state = {
            profiles: { 'System Administrator': 'Salesforce', 'Standard User': 'Salesforce' },
            licences: { Salesforce: [10, 1] },
            users: [ORG.username],
            assignedPermissionSets: [],
            userPermissionSets: {},
            namespace: null,
            consumerKey: '3MVG9FAKECONSUMERKEY',
            ...state
        };
        this.metadata = {
            read: (type: string, fullName: string) => {
                this.journal.push(`metadata.read ${type}`);
                if (this.state.read) return Promise.resolve().then(() => this.state.read?.(type, fullName));
                return Promise.resolve({ fullName, consumerKey: this.state.consumerKey });
            }
        };
    }

    query<T>(soql: string): Promise<QueryResult<T>> {
        this.queries.push(soql);
        this.journal.push(`query ${/FROM (\w+)/.exec(soql)?.[1] ?? '?'}`);
        const inList = (): string[] =>
            [...(/IN \(([^)]*)\)/.exec(soql)?.[1] ?? '').matchAll(/'([^']*)'/g)].map((m) => m[1]);
        let records: unknown[] = [];
        if (/FROM User WHERE Username = /.test(soql)) records = [{ Id: ORG.adminId, Email: ORG.adminEmail }];
        else if (/FROM PermissionSetAssignment/.test(soql)) {
            const assignee = /AssigneeId = '([^']*)'/.exec(soql)?.[1] ?? '';
            const assigned =
                assignee === ORG.adminId
                    ? this.state.assignedPermissionSets
                    : (this.state.userPermissionSets[assignee] ?? []);
            records = assigned.filter((name) => inList().includes(name)).map((Name) => ({ PermissionSet: { Name } }));
        } else if (/FROM Profile/.test(soql))
            records = Object.entries(this.state.profiles)
                .filter(([name]) => inList().includes(name))
                .map(([Name, licence]) => ({ Name, UserLicense: { Name: licence } }));
        else if (/FROM UserLicense/.test(soql))
            records = Object.entries(this.state.licences)
                .filter(([name]) => inList().includes(name))
                .map(([Name, [TotalLicenses, UsedLicenses]]) => ({ Name, TotalLicenses, UsedLicenses }));
        else if (/FROM Organization/.test(soql)) records = [{ NamespacePrefix: this.state.namespace }];
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
    metadataDirs: Map<string, Record<string, string>>;
    deps: OrgSetupDeps;
    text(): string;
}

/** Fakes wired together; `npmFails` makes `npm run build` fail with that output. */
export function harness(
    options: { cli?: Record<string, CliAnswer>; org?: Partial<FakeOrgState>; npmFails?: string } = {}
): Harness {
    const journal: string[] = [];
    const output: string[] = [];
    const files: FakeFiles = { userFiles: new Map(), metadataDirs: new Map() };
    const cli = new FakeCli(journal, files, options.cli);
    const connection = new FakeConnection(journal, options.org);
    const connectedWith: OrgAuth[] = [];
    return {
        journal,
        output,
        cli,
        connection,
        connectedWith,
        userFiles: files.userFiles,
        metadataDirs: files.metadataDirs,
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
                files.userFiles.set(file, definition as Record<string, unknown>);
                return Promise.resolve(file);
            },
            writeMetadataDir: (content: Record<string, string>) => {
                const directory = `/tmp/fake/mdapi-${files.metadataDirs.size + 1}`;
                files.metadataDirs.set(directory, content);
                return Promise.resolve(directory);
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
        apiVersion: '65.0',
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
