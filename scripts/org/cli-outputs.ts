/**
 * What the Salesforce CLI the lock file pins (@salesforce/cli 2.150.6) prints with `--json`, for the
 * fake CLI of the unit tests. Two kinds, each saying where it comes from:
 * - RECORDED: printed by the real CLI of node_modules (on Node 22.23.5), run against a loopback
 *   stand-in org that answered its REST calls (`sf org login access-token` then the command); only
 *   the stand-in's `http://127.0.0.1:<port>/` instance URL is replaced by a My Domain, and the stack
 *   traces are cut short. Re-record after a CLI upgrade.
 * - FROM SOURCE: commands that need a real Dev Hub or org service (scratch signup, SCIM user
 *   creation, a Metadata API deploy): the `result` is what the command's `run()` returns in the
 *   named file of node_modules, in the envelope the recorded answers show
 *   (@salesforce/sf-plugins-core 13.0.3 SfCommand.toSuccessJson / SfCommandError.toJson).
 */
import type { CliJson } from './types.ts';

export const ORG = {
    username: 'test-abc123@example.com',
    orgId: '00DAB000001XyZ9QAA',
    instanceUrl: 'https://acme-dev.scratch.my.salesforce.com/',
    accessToken: '00DAB000001XyZ9!AQEASCRATCH.token',
    devHub: 'devhub.admin@example.com',
    adminId: '005AB000001AdMiNAA',
    adminEmail: 'dev.admin@example.com'
};

/** @salesforce/plugin-org 6.0.11 messages/secrets-redacted.md `redacted.accessToken`. */
export const REDACTED_ACCESS_TOKEN = "[REDACTED] Use 'sf org auth show-access-token' to view";
const SECRETS_HIDDEN = (command: string): string =>
    `Secrets are now hidden from '${command}' command output. Use the 'sf org auth' commands instead. As a temporary workaround, you can set SF_TEMP_SHOW_SECRETS=true to render these secrets. This workaround will be removed in an upcoming release.`;

/** RECORDED: `sf org display --target-org webex-dev --json` on a scratch org (plugin-org 6.0.11 lib/commands/org/display.js). */
export const ORG_DISPLAY_SCRATCH: CliJson = {
    status: 0,
    result: {
        id: ORG.orgId,
        devHubId: ORG.devHub,
        apiVersion: '65.0',
        accessToken: REDACTED_ACCESS_TOKEN,
        instanceUrl: ORG.instanceUrl,
        username: ORG.username,
        status: 'Active',
        expirationDate: '2026-12-14',
        createdBy: ORG.devHub,
        edition: 'Enterprise',
        orgName: 'Webex for Salesforce',
        createdDate: '2026-12-07T01:50:00.000+0000',
        signupUsername: ORG.username,
        alias: 'webex-dev'
    },
    warnings: ['unable to refresh auth for org', SECRETS_HIDDEN('sf org display')]
};

/**
 * RECORDED: `sf org display --target-org devhub --json` on an org that is not a scratch org: no devHubId
 * (connectedStatus: the stand-in's 404 text replaced by "Connected", what a reachable org gives).
 */
export const ORG_DISPLAY_NOT_SCRATCH: CliJson = {
    status: 0,
    result: {
        id: '00DHB000000HuBbQAA',
        apiVersion: '65.0',
        accessToken: REDACTED_ACCESS_TOKEN,
        instanceUrl: 'https://acme.my.salesforce.com/',
        username: ORG.devHub,
        connectedStatus: 'Connected',
        alias: 'devhub'
    },
    warnings: ['unable to refresh auth for org', SECRETS_HIDDEN('sf org display')]
};

/** RECORDED: `sf org auth show-access-token --target-org webex-dev --json` (plugin-org 6.0.11 lib/commands/org/auth/show-access-token.js). */
export const SHOW_ACCESS_TOKEN: CliJson = {
    status: 0,
    result: { accessToken: ORG.accessToken },
    warnings: [
        'Unable to refresh auth for org. Access token may be stale.',
        'This command exposes a sensitive Access Token that allows for subsequent activity using your current authenticated session. Sharing this information is equivalent to logging someone in under the current credential, resulting in unintended access and escalation of privilege. For additional information about org authorization, review https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_auth.htm.'
    ]
};

/** RECORDED: any command with `--target-org` naming an org this machine has no authorization for. */
export function namedOrgNotFound(alias: string, commandName: string): CliJson {
    const message = `Parsing --target-org \n\tNo authorization information found for ${alias}.\nSee more help with --help`;
    return {
        name: 'NamedOrgNotFoundError',
        message,
        exitCode: 2,
        context: commandName,
        stack: `NamedOrgNotFoundError: ${message}\n    at SfCommandError.from (…/@salesforce/sf-plugins-core/lib/SfCommandError.js:48:16)`,
        cause: 'undefined',
        warnings: [],
        code: 'NamedOrgNotFoundError',
        status: 2,
        commandName
    } as CliJson;
}

/** RECORDED: `sf org create user --target-org devhub --json` on an org that is not a scratch org (plugin-user 5.0.2 messages/create.md `error.nonScratchOrg`). */
export const CREATE_USER_NOT_SCRATCH: CliJson = {
    name: 'NonScratchOrgError',
    message: 'This command works with only scratch orgs.',
    exitCode: 1,
    context: 'CreateUserCommand',
    stack: 'NonScratchOrgError: This command works with only scratch orgs.\n    at SfCommandError.from (…/@salesforce/sf-plugins-core/lib/SfCommandError.js:48:16)',
    cause: 'undefined',
    warnings: [],
    code: 'NonScratchOrgError',
    status: 1,
    commandName: 'CreateUserCommand'
} as CliJson;

/**
 * FROM SOURCE: `sf org create scratch --json` (plugin-org 6.0.11 lib/commands/org/create/scratch.js:
 * `{ username, scratchOrgInfo (AuthCode omitted), authFields (token redacted, no refresh token or
 * secret), warnings, orgId }`, and the `temp.envVarWorkaround` warning).
 */
export const CREATE_SCRATCH: CliJson = {
    status: 0,
    result: {
        username: ORG.username,
        scratchOrgInfo: {
            Id: '2SRAB0000004CmSAI',
            Status: 'Active',
            SignupUsername: ORG.username,
            ScratchOrg: ORG.orgId.slice(0, 15),
            LoginUrl: ORG.instanceUrl,
            Edition: 'Enterprise',
            ConnectedAppConsumerKey: 'PlatformCLI',
            ConnectedAppCallbackUrl: 'http://localhost:1717/OauthRedirect'
        },
        authFields: {
            accessToken: REDACTED_ACCESS_TOKEN,
            instanceUrl: ORG.instanceUrl,
            orgId: ORG.orgId,
            username: ORG.username,
            loginUrl: ORG.instanceUrl,
            clientId: 'PlatformCLI',
            isDevHub: false,
            instanceApiVersion: '65.0',
            devHubUsername: ORG.devHub,
            isScratch: true,
            expirationDate: '2026-12-14'
        },
        warnings: [],
        orgId: ORG.orgId
    },
    warnings: [SECRETS_HIDDEN('sf org create scratch --json')]
};

/**
 * FROM SOURCE: `sf project deploy start --json` that succeeded (plugin-deploy-retrieve 4.1.2
 * lib/formatters/deployResultFormatter.js getJson: the Metadata API response plus `files`).
 */
export function deploySucceeded(files: Array<{ type: string; fullName: string }>): CliJson {
    return {
        status: 0,
        result: {
            id: '0AfAB000000DePlOY',
            status: 'Succeeded',
            success: true,
            done: true,
            numberComponentsDeployed: files.length,
            numberComponentErrors: 0,
            files: files.map((file) => ({ ...file, state: 'Created', filePath: `/tmp/x/${file.fullName}` }))
        },
        warnings: []
    };
}

/**
 * FROM SOURCE: a failed deploy is NOT an error answer: `process.exitCode = determineExitCode(result)`
 * (1 for Failed: lib/utils/errorCodes.js) and the command returns its result (deploy/start.js), so
 * the JSON is `{ status: 1, result: { status: 'Failed', details: { componentFailures } } }`.
 */
export function deployFailed(failures: Array<{ componentType: string; fullName: string; problem: string }>): CliJson {
    return {
        status: 1,
        result: {
            id: '0AfAB000000DePlOY',
            status: 'Failed',
            success: false,
            done: true,
            numberComponentErrors: failures.length,
            details: {
                componentFailures: failures.map((failure) => ({
                    ...failure,
                    changed: false,
                    created: false,
                    deleted: false,
                    problemType: 'Error',
                    success: false
                }))
            },
            files: []
        },
        warnings: []
    };
}

/** FROM SOURCE: `sf org assign permset --json` (plugin-user 5.0.2 lib/baseCommands/user/permset/assign.js; 68 when some failed). */
export function assignPermsetAnswer(
    successes: Array<{ name: string; value: string }>,
    failures: Array<{ name: string; message: string }> = []
): CliJson {
    return {
        status: failures.length ? (successes.length ? 68 : 1) : 0,
        result: { successes, failures },
        warnings: []
    };
}

/**
 * FROM SOURCE: `sf org create user --json` (plugin-user 5.0.2 lib/commands/org/create/user.js: the
 * result is `{ orgId, permissionSetAssignments, fields }`, fields lower-cased; `setExitCode` makes the
 * status 68 when a permission set or the password failed after the user was created, and the JSON
 * does not say which; `warning.passwordGenerated` when a password was generated).
 */
export function createUserAnswer(
    definition: { Username: string; Email: string; profileName: string; permsets: string[] },
    options: { userId?: string; status?: 0 | 68 } = {}
): CliJson {
    return {
        status: options.status ?? 0,
        result: {
            orgId: ORG.orgId,
            permissionSetAssignments: definition.permsets,
            fields: {
                username: definition.Username,
                email: definition.Email,
                profilename: definition.profileName,
                generatepassword: true,
                id: options.userId ?? '005AB00000NeWuSr'
            }
        },
        warnings: [
            'This command has generated and displayed a password. Avoid sharing or logging this output as it contains a sensitive credential.'
        ]
    };
}

/** FROM SOURCE: plugin-user 5.0.2 user.js catchCreateUser + messages/create.md `licenseLimitExceeded` (an SfError named licenseLimitExceeded). */
export function createUserLicenceLimit(profileName: string): CliJson {
    const message = `There are no available user licenses for the user profile "${profileName}".`;
    return {
        name: 'licenseLimitExceeded',
        message,
        exitCode: 1,
        context: 'CreateUserCommand',
        cause: 'undefined',
        warnings: [],
        code: '1',
        status: 1,
        commandName: 'CreateUserCommand'
    } as CliJson;
}

/** FROM SOURCE: plugin-user 5.0.2 user.js getValidatedConnection + messages/create.md `error.jwtHyperforce` and its actions. */
export const CREATE_USER_JWT_HYPERFORCE: CliJson = {
    name: 'JwtHyperforceError',
    message: "This command doesn't work when authorizing an org using the JWT flow if the org is on Hyperforce.",
    exitCode: 1,
    actions: [
        'Authorize your Dev Hub with either the `org login web` or `org login sfdx-url` command. You can then successfully use the `org create user` command on scratch orgs that you create with your Dev Hub.'
    ],
    context: 'CreateUserCommand',
    cause: 'undefined',
    warnings: [],
    code: 'JwtHyperforceError',
    status: 1,
    commandName: 'CreateUserCommand'
} as CliJson;

/** FROM SOURCE: `sf data import tree --plan --json` (plugin-data 5.1.7 lib/api/data/tree/importPlan.js: `{ refId, type, id }` per record). */
export const IMPORT_TREE: CliJson = {
    status: 0,
    result: [
        { refId: 'AccountRef1', type: 'Account', id: '001AB00000AcCoUNT' },
        { refId: 'ContactRef1', type: 'Contact', id: '003AB00000CoNTaCT' }
    ],
    warnings: []
};
