/**
 * Runs the plan of `npm run org:create` against the injected CLI runner and org connection: prints
 * each step and its exact commands as it goes, stops at the first failing step with the CLI's own
 * message and what to do, and ends with what the admin still does by hand. With `--dry-run` it runs
 * nothing and prints the commands and the metadata it would deploy, with placeholders for what only
 * an org can tell (My Domain, org id, admin user).
 */
import type { OrgCreateOptions } from './options.ts';
import {
    EXTERNAL_CLIENT_APP_NAME,
    FALLBACK_PROFILE,
    PLACEHOLDER_ADMIN_EMAIL,
    PLACEHOLDER_MY_DOMAIN,
    PLACEHOLDER_ORG_ID,
    commands,
    externalClientAppFiles,
    externalClientAppMetadata,
    fitUsersToLicences,
    formatCommand,
    manualSteps,
    myDomainUrl,
    peoplePermissionSets,
    planSteps,
    sampleUserDefinitions,
    soqlString,
    withAvailableProfiles,
    type LicenceCount,
    type PlannedStep,
    type StepId,
    type UserDefinition
} from './plan.ts';
import type { ProjectInfo } from './project-files.ts';
import type { CliJson, OrgAuth, OrgConnection, OrgSetupDeps } from './types.ts';

/** A step that could not complete: its message is the CLI's (or the API's), the hint says what to do. */
export class StepFailure extends Error {
    readonly stepId: StepId;
    readonly hint?: string;

    constructor(stepId: StepId, message: string, hint?: string) {
        super(message);
        this.name = 'StepFailure';
        this.stepId = stepId;
        if (hint) this.hint = hint;
    }
}

const MAX_LISTED_FAILURES = 10;
/** The exit code of a command that did part of its work (`org create user`, `org assign permset`, a deploy). */
export const PARTIAL_SUCCESS = 68;
/** What `org display` (and `org create scratch`) print instead of the token (@salesforce/plugin-org messages/secrets-redacted.md). */
const REDACTED = /^\[REDACTED\]/;

function asRecord(value: unknown): Record<string, unknown> {
    return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

function asList(value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}

/** The CLI's error as a person reads it: its message, its error name, and any per-component failures. */
export function describeCliFailure(json: CliJson): string {
    const result = asRecord(json.result);
    const fallback =
        json.status === PARTIAL_SUCCESS
            ? `partial success (exit code ${PARTIAL_SUCCESS}): the command did only part of its work`
            : `sf ended with status ${json.status}${typeof result.status === 'string' ? ` (${result.status})` : ''}`;
    const lines = [`${json.message?.trim() || fallback}${json.name ? ` (${json.name})` : ''}`];
    const failedFiles = asList(result.files)
        .map(asRecord)
        .filter((file) => file.state === 'Failed')
        .map((file) => `${String(file.type)} ${String(file.fullName)}: ${String(file.error)}`);
    const componentFailures = asList(asRecord(result.details).componentFailures)
        .map(asRecord)
        .map((f) => `${String(f.componentType)} ${String(f.fullName)}: ${String(f.problem)}`);
    const otherFailures = asList(result.failures)
        .map(asRecord)
        .map((f) => `${String(f.name)}: ${String(f.message)}`);
    const details = failedFiles.length ? failedFiles : componentFailures.length ? componentFailures : otherFailures;
    for (const detail of details.slice(0, MAX_LISTED_FAILURES)) lines.push(`  - ${detail}`);
    if (details.length > MAX_LISTED_FAILURES) lines.push(`  … and ${details.length - MAX_LISTED_FAILURES} more`);
    for (const action of json.actions ?? []) lines.push(`  → ${action}`);
    return lines.join('\n');
}

export interface RunOutcome {
    exitCode: number;
    warnings: string[];
}

export class OrgSetup {
    private readonly steps: PlannedStep[];
    private readonly dry: boolean;
    private auth: OrgAuth | undefined;
    private connection: OrgConnection | undefined;
    private adminUserId = '';
    private adminEmail = '';
    private orgExists = false;
    private consumerKey: string | undefined;
    /** The org's own namespace prefix (Organization.NamespacePrefix): what its page and tab names carry. */
    private orgNamespace: string;
    private externalClientAppMissing = false;
    private readonly warnings: string[] = [];
    private readonly options: OrgCreateOptions;
    private readonly project: ProjectInfo;
    private readonly deps: OrgSetupDeps;

    constructor(options: OrgCreateOptions, project: ProjectInfo, deps: OrgSetupDeps) {
        this.options = options;
        this.project = project;
        this.deps = deps;
        this.steps = planSteps(options);
        this.dry = options.dryRun;
        this.orgNamespace = options.noNamespace ? '' : project.namespace;
    }

    // ── output ──

    private say(text = ''): void {
        for (const line of text.split('\n')) this.deps.log(line ? `  ${line}` : '');
    }

    private block(text: string): void {
        for (const line of text.split('\n')) this.deps.log(`      ${line}`);
    }

    private warn(text: string): void {
        this.warnings.push(text);
        this.say(`⚠ ${text}`);
    }

    // ── the CLI ──

    /** Prints and (unless dry) runs `sf <args> --json`; answers its whole JSON, whatever its status. */
    private async sfJson(stepId: StepId, args: string[]): Promise<CliJson | undefined> {
        this.say(`$ ${formatCommand(['sf', ...args, '--json'])}`);
        if (this.dry) return undefined;
        try {
            return await this.deps.cli.run(args);
        } catch (error) {
            throw new StepFailure(stepId, (error as Error).message);
        }
    }

    /** Like sfJson, but a status other than 0 fails the step; answers the `result`. */
    private async sf(stepId: StepId, args: string[]): Promise<unknown> {
        const json = await this.sfJson(stepId, args);
        if (!json) return undefined;
        if (json.status !== 0) throw new StepFailure(stepId, describeCliFailure(json), this.hintFor(stepId, json));
        return json.result;
    }

    private hintFor(stepId: StepId, json: CliJson): string | undefined {
        const text = `${json.name ?? ''} ${json.message ?? ''}`;
        const devHub = this.options.devHub ?? '<dev-hub>';
        if (/NamedOrgNotFound|No authorization information/i.test(text))
            return (
                'This machine has no authorization for that org: `npx sf org list` shows the ones it knows; ' +
                'authorize it with `npx sf org login web --alias <name>` (a Dev Hub: add `--set-default-dev-hub`).'
            );
        if (stepId === 'scratch-org' && /S-1017/.test(`${text} ${(json.actions ?? []).join(' ')}`))
            return (
                `The Dev Hub is not linked to the namespace "${this.project.namespace}" of sfdx-project.json: link it ` +
                '(Dev Hub → Namespace Registries → Link Namespace, README "Release"), or create an org without it: ' +
                '`npm run org:create -- --no-namespace`.'
            );
        if (stepId === 'scratch-org' && /C-1016/.test(`${text} ${(json.actions ?? []).join(' ')}`))
            return (
                'The Dev Hub session comes from an External Client App, which the scratch-org signup cannot copy into the new org. ' +
                'Set SF_SCRATCH_SIGNUP_CONNECTED_APP=PlatformCLI and SF_SCRATCH_SIGNUP_CALLBACK_URL=http://localhost:1717/OauthRedirect ' +
                "(the CLI's documented workaround, @salesforce/core error code C-1016) and run again."
            );
        if (stepId === 'scratch-org' && /dev ?hub/i.test(text))
            return (
                'No usable Dev Hub. Authorize one and make it the default: ' +
                '`npx sf org login web --set-default-dev-hub --alias devhub` (CI: `sf org login jwt ... --set-default-dev-hub`), ' +
                'or pass `--dev-hub <alias>`. The Dev Hub must have Dev Hub enabled (Setup → Dev Hub).'
            );
        if (/limit/i.test(text))
            return stepId === 'scratch-org'
                ? `A Dev Hub limit is reached. See \`npx sf org list limits --target-org ${devHub}\` (ActiveScratchOrgs, DailyScratchOrgs); ` +
                      'delete scratch orgs you no longer use: `npx sf org list --clean`, `npx sf org delete scratch --target-org <alias>`.'
                : `An org limit is reached: \`npx sf org list limits --target-org ${this.options.alias}\` shows them.`;
        return undefined;
    }

    private async query<T>(stepId: StepId, soql: string): Promise<T[]> {
        if (!this.connection) throw new StepFailure(stepId, 'No connection to the org (step 1 did not complete).');
        try {
            return (await this.connection.query<T>(soql)).records;
        } catch (error) {
            throw new StepFailure(stepId, `Query failed: ${(error as Error).message}\n  ${soql}`);
        }
    }

    // ── the run ──

    async run(): Promise<RunOutcome> {
        this.deps.log(
            this.dry
                ? 'Webex for Salesforce: scratch-org setup — DRY RUN (no org, no network; nothing is created)'
                : 'Webex for Salesforce: scratch-org setup'
        );
        this.deps.log('Salesforce CLI: node_modules/.bin/sf (shown as `sf`); org connection: jsforce');
        for (const [index, step] of this.steps.entries()) {
            this.deps.log('');
            this.deps.log(
                `[${index + 1}/${this.steps.length}] ${step.title}${step.skipped ? ` — skipped (${step.skipped})` : ''}`
            );
            if (step.skipped) continue;
            try {
                await this.runStep(step.id);
            } catch (error) {
                this.reportFailure(index, step, error);
                return { exitCode: 1, warnings: this.warnings };
            }
        }
        this.deps.log('');
        if (this.dry) this.deps.log('Dry run complete: nothing was created. Run without --dry-run to set up the org.');
        else
            this.deps.log(
                `Done: org "${this.options.alias}" is ready${this.warnings.length ? ` with ${this.warnings.length} warning(s) (⚠ above)` : ''}.`
            );
        return { exitCode: 0, warnings: this.warnings };
    }

    private reportFailure(index: number, step: PlannedStep, error: unknown): void {
        const failure =
            error instanceof StepFailure ? error : new StepFailure(step.id, (error as Error)?.message ?? String(error));
        this.deps.log('');
        this.deps.log(`✗ Step ${index + 1}/${this.steps.length} failed: ${step.title}`);
        for (const line of failure.message.split('\n')) this.deps.log(`  ${line}`);
        if (failure.hint) this.deps.log(`  What to do: ${failure.hint}`);
        if (this.orgExists && !this.options.targetOrg)
            this.deps.log(
                `  The org "${this.options.alias}" exists: after fixing the cause, resume with ` +
                    `\`npm run org:create -- --target-org ${this.options.alias}\` (no new scratch org), ` +
                    `or delete it: \`npx sf org delete scratch --target-org ${this.options.alias} --no-prompt\`.`
            );
        else if (this.options.targetOrg)
            this.deps.log(
                `  After fixing the cause, run the same command again: finished steps are skipped or repeated safely.`
            );
    }

    private async runStep(id: StepId): Promise<void> {
        switch (id) {
            case 'scratch-org':
                return this.scratchOrg();
            case 'deploy':
                return this.deploy();
            case 'external-client-app':
                return this.externalClientApp();
            case 'site':
                return this.site();
            case 'permission-sets':
                return this.permissionSets();
            case 'sample-users':
                return this.sampleUsers();
            case 'sample-data':
                return this.sampleData();
            case 'manual-steps':
                return this.manual();
        }
    }

    // ── (a) scratch org, session, admin user ──

    private async scratchOrg(): Promise<void> {
        const alias = this.options.alias;
        if (!this.options.targetOrg) {
            this.say(
                `Definition: ${this.project.scratchDefinitionFile}; Dev Hub: ${this.options.devHub ?? "the CLI's default"}.`
            );
            if (!this.dry) this.say('(a scratch org takes a few minutes)');
            const created = asRecord(await this.sf('scratch-org', commands.createScratch(this.options, this.project)));
            if (!this.dry) {
                this.orgExists = true;
                this.say(`✓ created ${String(created.username ?? alias)} (${String(created.orgId ?? '')})`);
            }
        }
        const shown = asRecord(await this.sf('scratch-org', commands.displayOrg(alias)));
        const token = asRecord(await this.sf('scratch-org', commands.showAccessToken(alias)));
        const adminQuery = (username: string): string =>
            `SELECT Id, Email FROM User WHERE Username = ${soqlString(username)} LIMIT 1`;
        if (this.dry) {
            this.say('(`sf org display` redacts the access token: `sf org auth show-access-token` gives it)');
            this.say('jsforce: new Connection({ instanceUrl, accessToken })');
            this.say(`jsforce: ${adminQuery('<admin-username>')}`);
            return;
        }
        this.orgExists = true;
        for (const field of ['instanceUrl', 'username', 'id'])
            if (typeof shown[field] !== 'string' || !shown[field])
                throw new StepFailure('scratch-org', `\`sf org display\` did not report the org's ${field}.`);
        const accessToken = token.accessToken;
        if (typeof accessToken !== 'string' || !accessToken || REDACTED.test(accessToken))
            throw new StepFailure(
                'scratch-org',
                '`sf org auth show-access-token` did not give the access token.',
                `Check that the org is still authorized: \`npx sf org display --target-org ${alias}\`.`
            );
        this.auth = {
            alias,
            username: String(shown.username),
            orgId: String(shown.id),
            instanceUrl: myDomainUrl(String(shown.instanceUrl)),
            accessToken,
            apiVersion: String(shown.apiVersion ?? this.project.apiVersion),
            isScratch: typeof shown.devHubId === 'string' && shown.devHubId !== ''
        };
        try {
            this.connection = await this.deps.connect(this.auth);
        } catch (error) {
            throw new StepFailure(
                'scratch-org',
                `Could not connect to the org with jsforce: ${(error as Error).message}`
            );
        }
        const [admin] = await this.query<{ Id: string; Email: string }>('scratch-org', adminQuery(this.auth.username));
        if (!admin)
            throw new StepFailure('scratch-org', `The admin user ${this.auth.username} was not found in the org.`);
        this.adminUserId = admin.Id;
        this.adminEmail = admin.Email;
        const [organization] = await this.query<{ NamespacePrefix?: string | null }>(
            'scratch-org',
            'SELECT NamespacePrefix FROM Organization LIMIT 1'
        );
        this.orgNamespace = organization?.NamespacePrefix ?? '';
        if (this.orgNamespace !== this.project.namespace)
            this.say(
                `The org's namespace is ${this.orgNamespace ? `"${this.orgNamespace}"` : 'none'} ` +
                    `(sfdx-project.json: ${this.project.namespace ? `"${this.project.namespace}"` : 'none'}): its pages are named accordingly.`
            );
        this.say(
            `✓ ${this.auth.instanceUrl} — admin ${this.auth.username} <${this.adminEmail}>, org id ${this.auth.orgId}` +
                (this.auth.isScratch ? '' : ' (not a scratch org)')
        );
    }

    // ── (b) build and deploy ──

    private async deploy(): Promise<void> {
        this.say('$ npm run build');
        if (!this.dry) {
            try {
                await this.deps.npm(['run', 'build']);
            } catch (error) {
                throw new StepFailure(
                    'deploy',
                    `npm run build failed (the TypeScript components did not compile):\n${(error as Error).message}`
                );
            }
            this.say('✓ components compiled');
            this.say('(a deploy takes a few minutes)');
        }
        const result = asRecord(await this.sf('deploy', commands.deploy(this.options.alias, this.project)));
        if (!this.dry) {
            const files = asList(result.files).length;
            this.say(`✓ deployed ${this.project.sourceDir}${files ? ` (${files} files)` : ''}`);
        }
    }

    // ── (c) External Client App ──

    private myDomain(): string {
        return this.auth ? this.auth.instanceUrl : PLACEHOLDER_MY_DOMAIN;
    }

    private async externalClientApp(): Promise<void> {
        const metadata = externalClientAppMetadata({
            myDomain: this.myDomain(),
            namespace: this.orgNamespace,
            contactEmail: this.dry ? PLACEHOLDER_ADMIN_EMAIL : this.adminEmail
        });
        const files = externalClientAppFiles(metadata, this.project.apiVersion);
        this.say(
            `Callback URL (the org's namespace: ${this.orgNamespace ? `"${this.orgNamespace}"` : 'none'}): ` +
                `${metadata.globalOauth.callbackUrl}`
        );
        this.say(
            `Scopes: ${metadata.oauth.commaSeparatedOauthScopes} (api, refresh_token offline_access); PKCE required: yes; ` +
                `refresh token valid until revoked; contact: ${metadata.header.contactEmail}`
        );
        if (this.dry) {
            this.say('Metadata API directory (mdapi format), written to a temporary folder:');
            for (const [file, content] of Object.entries(files)) {
                this.say(`  ${file}:`);
                this.block(content.trimEnd());
            }
            await this.sfJson('external-client-app', commands.deployMetadataDir(this.options.alias, '<tmp>'));
            this.say(
                `jsforce: conn.metadata.read('ExtlClntAppGlobalOauthSettings', '${metadata.globalOauth.fullName}') → consumerKey`
            );
            this.say(
                'If the org refuses the deploy, this step warns and the final steps say how to create the app by hand ' +
                    '(External Client App Manager); the other steps go on.'
            );
            return;
        }
        let problem: string | undefined;
        try {
            const directory = await this.deps.writeMetadataDir(files);
            const json = await this.sfJson(
                'external-client-app',
                commands.deployMetadataDir(this.options.alias, directory)
            );
            if (json && json.status !== 0) problem = describeCliFailure(json);
        } catch (error) {
            problem = (error as Error).message;
        }
        if (problem) {
            // Not fatal: the rest of the org is usable and the admin can create the app by hand.
            this.externalClientAppMissing = true;
            this.warn(`The External Client App was not deployed: ${problem.split('\n').join(' ')}`);
            this.say('  The final steps below say how to create it by hand in External Client App Manager.');
            return;
        }
        this.say(`✓ External Client App ${EXTERNAL_CLIENT_APP_NAME} deployed`);
        const connection = this.connection;
        try {
            const global = asRecord(
                await connection?.metadata.read('ExtlClntAppGlobalOauthSettings', metadata.globalOauth.fullName)
            );
            if (typeof global.consumerKey === 'string' && global.consumerKey) {
                this.consumerKey = global.consumerKey;
                this.say(`✓ consumer key: ${global.consumerKey}`);
            } else
                this.say(
                    'The Metadata API did not return the consumer key: copy it from External Client App Manager (final steps).'
                );
        } catch (error) {
            this.say(
                `Could not read the consumer key back (${(error as Error).message}): copy it from External Client App Manager.`
            );
        }
    }

    // ── (d) site ──

    private site(): Promise<void> {
        this.say(
            'Not deployed by this script: the package creates it (Webex Admin → "Webex Site for Webhooks" → Create'
        );
        this.say(
            'Site, A5), as on a customer org, so the site and its guest-user access come from one tested code path;'
        );
        this.say(
            'a site deployed as metadata would also need org-specific values (site admin, guest record owner, domain).'
        );
        this.say('Create Site needs the System Administrator profile and the Webex Admin permission set (next step).');
        return Promise.resolve();
    }

    // ── (e) permission sets ──

    private async permissionSets(): Promise<void> {
        const { people: names, guest } = peoplePermissionSets(this.project.permissionSets);
        if (guest.length)
            this.say(
                `Not assigned to people: ${guest.join(', ')} (the webhook site's guest user gets it from Create Site).`
            );
        if (!names.length) {
            this.say(`No permission set for people under ${this.project.sourceDir}/main/default/permissionsets/.`);
            return;
        }
        this.say(`Permission sets for the admin: ${names.join(', ')}`);
        let missing = names;
        if (!this.dry) {
            const assigned = await this.assignedPermissionSets('permission-sets', this.adminUserId, names);
            missing = names.filter((name) => !assigned.has(name));
            if (assigned.size) this.say(`already assigned: ${[...assigned].sort().join(', ')}`);
            if (!missing.length) return;
        }
        await this.sf('permission-sets', commands.assignPermissionSets(this.options.alias, missing));
        if (!this.dry) this.say(`✓ assigned to ${this.auth?.username ?? 'the admin'}: ${missing.join(', ')}`);
    }

    private async assignedPermissionSets(stepId: StepId, userId: string, names: string[]): Promise<Set<string>> {
        const soql =
            'SELECT PermissionSet.Name FROM PermissionSetAssignment WHERE AssigneeId = ' +
            `${soqlString(userId)} AND PermissionSet.Name IN (${names.map(soqlString).join(', ')})`;
        return new Set(
            (await this.query<{ PermissionSet?: { Name?: string } }>(stepId, soql)).map(
                (row) => row.PermissionSet?.Name ?? ''
            )
        );
    }

    // ── (f) sample users and records ──

    private async sampleUsers(): Promise<void> {
        let definitions: UserDefinition[];
        try {
            definitions = sampleUserDefinitions(this.project.users, this.project.profilesByRef, {
                orgId: this.auth?.orgId ?? PLACEHOLDER_ORG_ID,
                permissionSets: this.project.permissionSets
            });
        } catch (error) {
            throw new StepFailure('sample-users', (error as Error).message);
        }
        this.say('Usernames are unique across all orgs: each gets the org id as its last label.');
        if (this.dry) {
            this.say(
                `jsforce: SELECT Name, UserLicense.Name FROM Profile WHERE Name IN (…) — a profile the org lacks becomes ${FALLBACK_PROFILE}`
            );
            this.say(
                'jsforce: SELECT Name, TotalLicenses, UsedLicenses FROM UserLicense WHERE Name IN (…) — ' +
                    'users beyond the licences left are reported, not created (reps first, then admins)'
            );
            this.say('jsforce: SELECT Username FROM User WHERE Username IN (…) — existing users are skipped');
            for (const definition of definitions) {
                this.say(`user definition for ${definition.Username}:`);
                this.block(JSON.stringify(definition, null, 4));
                await this.sfJson(
                    'sample-users',
                    commands.createUser(this.options.alias, `<tmp>/${fileNameFor(definition)}`)
                );
            }
            return;
        }
        if (!this.auth?.isScratch) {
            this.warn(
                `sample users not created: "${this.options.alias}" is not a scratch org, and \`sf org create user\` works only ` +
                    'with scratch orgs ("This command works with only scratch orgs."). Create them in Setup → Users if you need them.'
            );
            return;
        }

        const profileNames = [...new Set(definitions.map((d) => d.profileName)), FALLBACK_PROFILE];
        const profiles = await this.query<{ Name: string; UserLicense?: { Name?: string } | null }>(
            'sample-users',
            `SELECT Name, UserLicense.Name FROM Profile WHERE Name IN (${profileNames.map(soqlString).join(', ')})`
        );
        const resolved = withAvailableProfiles(definitions, new Set(profiles.map((p) => p.Name)));
        for (const note of resolved.notes) this.say(`note: ${note}`);
        const licenceOfProfile = Object.fromEntries(
            profiles.filter((p) => p.UserLicense?.Name).map((p) => [p.Name, String(p.UserLicense?.Name)])
        );
        const licenceNames = [...new Set(Object.values(licenceOfProfile))];
        const licences: LicenceCount[] = licenceNames.length
            ? (
                  await this.query<{ Name: string; TotalLicenses: number; UsedLicenses: number }>(
                      'sample-users',
                      `SELECT Name, TotalLicenses, UsedLicenses FROM UserLicense WHERE Name IN (${licenceNames.map(soqlString).join(', ')})`
                  )
              ).map((row) => ({ name: row.Name, total: row.TotalLicenses, used: row.UsedLicenses }))
            : [];
        for (const licence of licences)
            this.say(`licence "${licence.name}": ${licence.used} of ${licence.total} in use`);

        const existing = new Set(
            (
                await this.query<{ Username: string }>(
                    'sample-users',
                    `SELECT Username FROM User WHERE Username IN (${resolved.definitions.map((d) => soqlString(d.Username)).join(', ')})`
                )
            ).map((row) => row.Username.toLowerCase())
        );
        const toCreate = resolved.definitions.filter((definition) => {
            if (!existing.has(definition.Username.toLowerCase())) return true;
            this.say(`skipped (exists): ${definition.Username}`);
            return false;
        });
        const plan = fitUsersToLicences(toCreate, licenceOfProfile, licences);
        for (const { definition, reason } of plan.notCreated)
            this.warn(`sample user ${definition.Username} not created: ${reason}.`);

        const exhausted = new Set<string>();
        for (const [index, definition] of plan.create.entries()) {
            const licence = licenceOfProfile[definition.profileName];
            if (licence && exhausted.has(licence)) {
                this.warn(
                    `sample user ${definition.Username} not created: no "${licence}" licence left (the org said so above).`
                );
                continue;
            }
            const file = await this.deps.writeUserDefinition(fileNameFor(definition), definition);
            const json = await this.sfJson('sample-users', commands.createUser(this.options.alias, file));
            if (!json) continue;
            const described = `${definition.profileName}${definition.permsets.length ? `; ${definition.permsets.join(', ')}` : ''}`;
            if (json.status === 0) {
                this.say(`✓ ${definition.Username} (${described})`);
                continue;
            }
            if (json.status === PARTIAL_SUCCESS) {
                await this.partialUser(definition, json);
                continue;
            }
            const message = describeCliFailure(json).split('\n').join(' ');
            if (json.name === 'JwtHyperforceError' || json.name === 'NonScratchOrgError') {
                // The same refusal for every user: say it once, name the others.
                const rest = plan.create.slice(index + 1).map((d) => d.Username);
                this.warn(
                    `sample users not created (${[definition.Username, ...rest].join(', ')}): ${message}` +
                        (json.name === 'JwtHyperforceError'
                            ? ' CI runs with --no-users; on a workstation authorize the Dev Hub with `npx sf org login web`.'
                            : '')
                );
                return;
            }
            if (json.name === 'licenseLimitExceeded' || /LICENSE_LIMIT_EXCEEDED/.test(json.message ?? '')) {
                if (licence) exhausted.add(licence);
                this.warn(`sample user ${definition.Username} not created: ${message}`);
                continue;
            }
            // A sample user is a convenience: report it and go on.
            this.warn(`sample user ${definition.Username} not created: ${message}`);
        }
        this.say(
            'Passwords: `npx sf org auth show-user-password --target-org <username>` (never printed here; ' +
                '`sf org display user` redacts them).'
        );
    }

    /**
     * Exit code 68 from `org create user`: the user exists, but assigning a permission set or setting
     * the generated password failed (@salesforce/plugin-user create user: setExitCode). The JSON
     * answer does not say which: the org does.
     */
    private async partialUser(definition: UserDefinition, json: CliJson): Promise<void> {
        const fields = asRecord(asRecord(json.result).fields);
        const userId = typeof fields.id === 'string' ? fields.id : '';
        const assigned =
            userId && definition.permsets.length
                ? await this.assignedPermissionSets('sample-users', userId, definition.permsets)
                : new Set<string>();
        const missing = definition.permsets.filter((name) => !assigned.has(name));
        const fix = missing.length
            ? `permission sets not assigned: ${missing.join(', ')} → ` +
              `\`npx ${formatCommand(['sf', ...commands.assignPermissionSets(this.options.alias, missing, definition.Username)])}\``
            : `every permission set is assigned, so the generated password was not set → ` +
              `\`npx ${formatCommand(['sf', ...commands.generatePassword(this.options.alias, definition.Username)])}\``;
        this.warn(
            `sample user ${definition.Username} created (${definition.profileName}), but the CLI reported a partial ` +
                `success (exit code ${PARTIAL_SUCCESS}): ${fix}`
        );
    }

    private async sampleData(): Promise<void> {
        const result = await this.sf('sample-data', commands.importData(this.options.alias, this.project));
        if (!this.dry) this.say(`✓ ${asList(result).length} records imported`);
    }

    // ── (g) what stays manual ──

    private manual(): Promise<void> {
        const lines = manualSteps({
            alias: this.options.alias,
            myDomain: this.myDomain(),
            namespace: this.orgNamespace,
            ...(this.consumerKey ? { consumerKey: this.consumerKey } : {}),
            ...(this.externalClientAppMissing ? { externalClientAppMissing: true } : {})
        });
        for (const line of lines) this.say(line);
        return Promise.resolve();
    }
}

function fileNameFor(definition: UserDefinition): string {
    return `user-${definition.Username.split('@')[0].replace(/[^\w.-]/g, '_')}.json`;
}

/** Runs the whole setup; never throws. */
export async function runOrgCreate(
    options: OrgCreateOptions,
    project: ProjectInfo,
    deps: OrgSetupDeps
): Promise<RunOutcome> {
    return new OrgSetup(options, project, deps).run();
}
