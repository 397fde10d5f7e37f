/**
 * The pure part of `npm run org:create`: the steps and their order, the exact CLI commands, the
 * connected-app metadata computed from the org's My Domain, the sample-user definitions mapped from
 * data/User.json, and what the admin still does by hand. No I/O here.
 */
import type {
    ConnectedApp,
    ConnectedAppOauthAccessScope,
    ConnectedAppOauthConfig,
    ConnectedAppOauthPolicy
} from '@salesforce/types/metadata';
import type { OrgCreateOptions } from './options.ts';

export const CONNECTED_APP_NAME = 'Webex_Salesforce_Authorization';
export const CONNECTED_APP_LABEL = 'Webex Salesforce Authorization';
/** The Visualforce page the package's OAuth flow returns to (A4). */
export const OAUTH_CALLBACK_PAGE = 'webexsfdcauth';
/** Scopes `full refresh_token offline_access`, as the Metadata API names them. */
export const CONNECTED_APP_SCOPES: ConnectedAppOauthAccessScope[] = ['Full', 'RefreshToken', 'OfflineAccess'];
/** Stands for the org's My Domain where no org exists (the dry run). */
export const PLACEHOLDER_MY_DOMAIN = 'https://<your-domain>.my.salesforce.com';
export const PLACEHOLDER_ORG_ID = '<org-id>';
export const PLACEHOLDER_ADMIN_EMAIL = '<admin-email>';
/** The profile a sample user gets when the org lacks the one data/Profile.json names. */
export const FALLBACK_PROFILE = 'Standard User';
export const ADMIN_PROFILE = 'System Administrator';
export const WEBEX_ADMIN_TAB = 'Webex_Admin';

// ── Steps ─────────────────────────────────────────────────────────────────────────────────────────

export type StepId =
    | 'scratch-org'
    | 'deploy'
    | 'connected-app'
    | 'site'
    | 'permission-sets'
    | 'sample-users'
    | 'sample-data'
    | 'manual-steps';

export interface PlannedStep {
    id: StepId;
    title: string;
    /** Why the step does nothing this run (e.g. `--no-data`). */
    skipped?: string;
}

/** Every step, in the order it runs; skipped ones stay in the list so the numbering never moves. */
export function planSteps(options: OrgCreateOptions): PlannedStep[] {
    const noData = options.noData ? { skipped: '--no-data' } : {};
    return [
        {
            id: 'scratch-org',
            title: options.targetOrg
                ? `Use the existing org "${options.targetOrg}" (--target-org: no scratch org is created)`
                : `Create the scratch org "${options.alias}" (${options.durationDays} days)`
        },
        { id: 'deploy', title: 'Build the components and deploy force-app' },
        { id: 'connected-app', title: `Connected app "${CONNECTED_APP_LABEL}" (Metadata API through jsforce)` },
        { id: 'site', title: '"Webex Site for Webhooks"' },
        { id: 'permission-sets', title: 'Assign the permission sets to the admin user' },
        { id: 'sample-users', title: 'Sample users from data/User.json', ...noData },
        { id: 'sample-data', title: 'Sample records from data/data-plan.json', ...noData },
        { id: 'manual-steps', title: 'What the admin still does by hand' }
    ];
}

// ── Commands (the CLI runner appends --json) ──────────────────────────────────────────────────────

export interface ProjectPaths {
    scratchDefinitionFile: string;
    sourceDir: string;
    dataPlanFile: string;
}

export const commands = {
    createScratch(options: OrgCreateOptions, paths: ProjectPaths): string[] {
        return [
            'org',
            'create',
            'scratch',
            '--definition-file',
            paths.scratchDefinitionFile,
            '--alias',
            options.alias,
            '--duration-days',
            String(options.durationDays),
            '--set-default',
            ...(options.devHub ? ['--target-dev-hub', options.devHub] : []),
            '--wait',
            '15'
        ];
    },
    displayOrg(alias: string): string[] {
        return ['org', 'display', '--target-org', alias];
    },
    deploy(alias: string, paths: ProjectPaths): string[] {
        return ['project', 'deploy', 'start', '--source-dir', paths.sourceDir, '--target-org', alias, '--wait', '30'];
    },
    assignPermissionSets(alias: string, names: string[]): string[] {
        return ['org', 'assign', 'permset', ...names.flatMap((name) => ['--name', name]), '--target-org', alias];
    },
    createUser(alias: string, definitionFile: string): string[] {
        return ['org', 'create', 'user', '--definition-file', definitionFile, '--target-org', alias];
    },
    importData(alias: string, paths: ProjectPaths): string[] {
        return ['data', 'import', 'tree', '--plan', paths.dataPlanFile, '--target-org', alias];
    }
};

/** A command as a person would type it (arguments with spaces or quotes are quoted). */
export function formatCommand(argv: string[]): string {
    return argv.map((arg) => (/^[\w@%+=:,./<>-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", "'\\''")}'`)).join(' ');
}

/** A string literal for SOQL. */
export function soqlString(value: string): string {
    return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
}

// ── My Domain and the connected app ───────────────────────────────────────────────────────────────

/** The org's My Domain URL (`https://<name>.my.salesforce.com`) from the instance URL jsforce / the CLI report. */
export function myDomainUrl(instanceUrl: string): string {
    const trimmed = instanceUrl.trim().replace(/\/+$/, '');
    if (!/^https:\/\/[^/\s]+$/.test(trimmed))
        throw new Error(
            `The org's instance URL "${instanceUrl}" is not an https origin such as https://acme.my.salesforce.com`
        );
    return trimmed;
}

/** Lightning Experience's origin for a My Domain (`.my.salesforce.com` → `.lightning.force.com`). */
export function lightningUrl(myDomain: string): string {
    return myDomain.replace(/\.my\.salesforce\.com$/, '.lightning.force.com');
}

/** `<My Domain>/apex/webexsfdcauth`, plus `<My Domain>/apex/<ns>__webexsfdcauth` when the project has a namespace. */
export function callbackUrls(myDomain: string, namespace: string): string[] {
    const base = `${myDomain.replace(/\/+$/, '')}/apex/`;
    const urls = [`${base}${OAUTH_CALLBACK_PAGE}`];
    if (namespace.trim()) urls.push(`${base}${namespace.trim()}__${OAUTH_CALLBACK_PAGE}`);
    return urls;
}

/** The connected app as the Metadata API takes it; field names checked against the Metadata WSDL types. */
export type ConnectedAppMetadata = Required<
    Pick<ConnectedApp, 'fullName' | 'contactEmail' | 'description' | 'label'>
> & {
    oauthConfig: Required<
        Pick<
            ConnectedAppOauthConfig,
            | 'callbackUrl'
            | 'isAdminApproved'
            | 'isConsumerSecretOptional'
            | 'isPkceRequired'
            | 'isSecretRequiredForRefreshToken'
            | 'scopes'
        >
    >;
    oauthPolicy: Pick<ConnectedAppOauthPolicy, 'ipRelaxation' | 'refreshTokenPolicy'>;
};

/**
 * The connected app "Webex Salesforce Authorization" (A4): callback URLs from My Domain, scopes
 * full / refresh_token offline_access, PKCE not required (the package's flow sends no code
 * challenge), secret required (the package keeps it in protected storage), refresh token valid
 * until revoked. Keys follow the WSDL's element order: the Metadata API rejects elements out of order.
 */
export function connectedAppMetadata(input: {
    myDomain: string;
    namespace: string;
    contactEmail: string;
}): ConnectedAppMetadata {
    return {
        fullName: CONNECTED_APP_NAME,
        contactEmail: input.contactEmail,
        description:
            'Lets Webex for Salesforce call Salesforce APIs on behalf of the admin who authorizes it ' +
            '(Webex Admin → Salesforce Authorization). Created by npm run org:create.',
        label: CONNECTED_APP_LABEL,
        oauthConfig: {
            // Several callback URLs are one value, one URL per line.
            callbackUrl: callbackUrls(input.myDomain, input.namespace).join('\n'),
            isAdminApproved: false,
            isConsumerSecretOptional: false,
            isPkceRequired: false,
            isSecretRequiredForRefreshToken: true,
            scopes: [...CONNECTED_APP_SCOPES]
        },
        oauthPolicy: {
            ipRelaxation: 'ENFORCE',
            refreshTokenPolicy: 'infinite'
        }
    };
}

function escapeXml(text: string): string {
    return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The `-meta.xml` form of a metadata object (fullName is the file name, so it is left out). */
export function metadataXml(type: string, metadata: object): string {
    const lines = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        `<${type} xmlns="http://soap.sforce.com/2006/04/metadata">`
    ];
    const write = (name: string, value: unknown, depth: number): void => {
        const indent = '    '.repeat(depth);
        if (Array.isArray(value)) {
            for (const item of value) write(name, item, depth);
        } else if (value !== null && typeof value === 'object') {
            lines.push(`${indent}<${name}>`);
            for (const [key, child] of Object.entries(value)) write(key, child, depth + 1);
            lines.push(`${indent}</${name}>`);
        } else if (value !== undefined) {
            lines.push(`${indent}<${name}>${escapeXml(String(value))}</${name}>`);
        }
    };
    for (const [key, value] of Object.entries(metadata)) if (key !== 'fullName') write(key, value, 1);
    lines.push(`</${type}>`);
    return lines.join('\n');
}

// ── Sample users ──────────────────────────────────────────────────────────────────────────────────

/** A record of data/User.json (the workbench's format: sObject tree with `@ProfileRefN` references). */
export interface SampleUserRecord {
    attributes: { type: string; referenceId: string };
    FirstName?: string;
    LastName: string;
    Username: string;
    Email: string;
    ProfileId: string;
    LanguageLocaleKey?: string;
    LocaleSidKey?: string;
    IsActive?: boolean;
}

/** A `sf org create user --definition-file` file: User fields plus the CLI's profileName / permsets / generatePassword. */
export interface UserDefinition {
    Username: string;
    Email: string;
    FirstName?: string;
    LastName: string;
    Alias: string;
    LanguageLocaleKey?: string;
    LocaleSidKey?: string;
    profileName: string;
    permsets: string[];
    generatePassword: boolean;
}

/**
 * Usernames are unique across every Salesforce org, so a sample username gets the org id as its
 * last domain label: `sam.rep@acme-webex.example.wb` → `sam.rep@acme-webex.example.00d…` (the
 * workbench's `.wb` suffix is replaced). Re-running against the same org gives the same names.
 */
export function scratchUsername(username: string, orgId: string): string {
    const suffix = orgId === PLACEHOLDER_ORG_ID ? orgId : orgId.slice(0, 15).toLowerCase();
    return `${username.replace(/\.wb$/, '')}.${suffix}`;
}

/**
 * Permission sets meant for people. One named `*Guest*` (Webex_Webhook_Guest) is for the webhook
 * site's guest user only: Create Site assigns it there, never to a person.
 */
export function peoplePermissionSets(permissionSets: string[]): { people: string[]; guest: string[] } {
    return {
        people: permissionSets.filter((name) => !/guest/i.test(name)),
        guest: permissionSets.filter((name) => /guest/i.test(name))
    };
}

/** Permission sets a sample user gets: all people's sets for admins, the non-admin ones for everyone else. */
export function permissionSetsFor(profileName: string, permissionSets: string[]): string[] {
    const { people } = peoplePermissionSets(permissionSets);
    return profileName === ADMIN_PROFILE ? people : people.filter((name) => !/admin/i.test(name));
}

/** Maps data/User.json to user definitions, resolving each `@ProfileRefN` to the profile name in data/Profile.json. */
export function sampleUserDefinitions(
    users: SampleUserRecord[],
    profilesByRef: Record<string, string>,
    context: { orgId: string; permissionSets: string[] }
): UserDefinition[] {
    return users.map((user) => {
        const ref = user.ProfileId.replace(/^@/, '');
        const profileName = profilesByRef[ref];
        if (!profileName)
            throw new Error(
                `data/User.json: ${user.attributes.referenceId} has ProfileId "${user.ProfileId}", which data/Profile.json does not define.`
            );
        const alias = `${(user.FirstName ?? '').slice(0, 1)}${user.LastName}`
            .toLowerCase()
            .replace(/[^a-z0-9]/g, '')
            .slice(0, 8);
        return {
            Username: scratchUsername(user.Username, context.orgId),
            Email: user.Email,
            ...(user.FirstName ? { FirstName: user.FirstName } : {}),
            LastName: user.LastName,
            Alias: alias || 'webex',
            ...(user.LanguageLocaleKey ? { LanguageLocaleKey: user.LanguageLocaleKey } : {}),
            ...(user.LocaleSidKey ? { LocaleSidKey: user.LocaleSidKey } : {}),
            profileName,
            permsets: permissionSetsFor(profileName, context.permissionSets),
            generatePassword: true
        };
    });
}

/**
 * Keeps the profiles the org has; a profile it lacks (data/Profile.json has custom ones such as
 * "Custom: Sales Rep") becomes Standard User, with a note saying so.
 */
export function withAvailableProfiles(
    definitions: UserDefinition[],
    profilesInOrg: Set<string>
): { definitions: UserDefinition[]; notes: string[] } {
    const notes: string[] = [];
    const resolved = definitions.map((definition) => {
        if (profilesInOrg.has(definition.profileName)) return definition;
        notes.push(
            `${definition.Username}: the org has no profile "${definition.profileName}", so the user gets "${FALLBACK_PROFILE}".`
        );
        return {
            ...definition,
            profileName: FALLBACK_PROFILE,
            permsets: permissionSetsFor(FALLBACK_PROFILE, definition.permsets)
        };
    });
    return { definitions: resolved, notes };
}

// ── What stays manual ─────────────────────────────────────────────────────────────────────────────

export interface ManualStepsInput {
    alias: string;
    myDomain: string;
    consumerKey?: string;
    /** The connected app could not be created: the admin creates it by hand with these values. */
    connectedAppMissing?: { callbackUrls: string[] };
}

/** The admin's remaining work, numbered, with the org's URLs. */
export function manualSteps(input: ManualStepsInput): string[] {
    const lightning = lightningUrl(input.myDomain);
    const appManager = `${lightning}/lightning/setup/NavigationMenus/home`;
    const lines: string[] = [];
    let n = 0;
    const step = (text: string, ...details: string[]): void => {
        n += 1;
        lines.push(`${n}. ${text}`, ...details.map((detail) => `     ${detail}`));
    };
    if (input.connectedAppMissing) {
        step(
            `Create the connected app "${CONNECTED_APP_LABEL}" by hand: Setup → App Manager → New Connected App (${appManager})`,
            'Enable OAuth Settings; callback URLs (one per line):',
            ...input.connectedAppMissing.callbackUrls.map((url) => `  ${url}`),
            'Scopes: "Full access (full)" and "Perform requests at any time (refresh_token, offline_access)";',
            'untick "Require Proof Key for Code Exchange (PKCE)"; Save.'
        );
    }
    const consumerDetails = `Setup → App Manager (${appManager}) → "${CONNECTED_APP_LABEL}" ▸ View → Manage Consumer Details`;
    if (input.consumerKey)
        step(
            `Consumer key: ${input.consumerKey}`,
            `Consumer secret: ${consumerDetails} (after an e-mailed verification code); never printed by this script.`
        );
    else
        step(
            'Copy the consumer key and secret of the connected app:',
            `${consumerDetails} (after an e-mailed verification code).`
        );
    step(
        `Open the Webex Admin tab: ${lightning}/lightning/n/${WEBEX_ADMIN_TAB}`,
        `(signed in: npx sf org open --target-org ${input.alias} --path lightning/n/${WEBEX_ADMIN_TAB})`
    );
    step('Salesforce Authorization: paste the consumer key and secret, Save, then Authorize (sign in and Allow).');
    step('Webex Site for Webhooks: Create Site (wait for "Site created successfully").');
    step('Webex Integration Settings: paste a Webex administrator access token, Save, then Register.');
    step(
        'Place the components: the "Webex" utility item in the Lightning app\'s utility bar (App Manager → Edit → Utility Items),',
        'and the Webex record components / actions on the Contact, Lead and other record pages (Lightning App Builder).'
    );
    lines.push(
        '',
        `My Domain:   ${input.myDomain}`,
        `Lightning:   ${lightning}`,
        `App Manager: ${appManager}`,
        `Sign in:     npx sf org open --target-org ${input.alias}`
    );
    return lines;
}
