/**
 * The pure part of `npm run org:create`: the steps and their order, the exact CLI commands, the
 * External Client App metadata computed from the org's My Domain, the sample-user definitions mapped
 * from data/User.json and fitted to the org's licences, and what the admin still does by hand. No I/O.
 */
import type {
    ExternalClientApplication,
    ExtlClntAppConfigurablePolicies,
    ExtlClntAppGlobalOauthSettings,
    ExtlClntAppOauthConfigurablePolicies,
    ExtlClntAppOauthSettings
} from '@salesforce/types/metadata';
import type { OrgCreateOptions } from './options.ts';

/** The Salesforce Authorization's External Client App (lead's decision, issue 9 item 13). */
export const EXTERNAL_CLIENT_APP_NAME = 'Webex_Salesforce_Authorization';
export const EXTERNAL_CLIENT_APP_LABEL = 'Webex Salesforce Authorization';
/** The Visualforce page the package's OAuth flow returns to (A4); `<ns>__webexsfdcauth` in a namespaced org. */
export const OAUTH_CALLBACK_PAGE = 'webexsfdcauth';
/**
 * `api` and `refresh_token, offline_access` as ExtlClntAppOauthSettings.commaSeparatedOauthScopes
 * names them (Metadata API Developer Guide, ExtlClntAppOauthSettings): the least the package's calls
 * need (docs/salesforce-authorization.md), instead of the connected app's `full`.
 */
export const EXTERNAL_CLIENT_APP_SCOPES = ['Api', 'RefreshToken'] as const;
/** The same scopes as External Client App Manager labels them, for the by-hand steps. */
export const EXTERNAL_CLIENT_APP_SCOPE_LABELS = [
    'Manage user data via APIs (api)',
    'Perform requests at any time (refresh_token, offline_access)'
];
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
    | 'external-client-app'
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
    const noUsers = options.noData ? noData : options.noUsers ? { skipped: '--no-users' } : {};
    return [
        {
            id: 'scratch-org',
            title: options.targetOrg
                ? `Use the existing org "${options.targetOrg}" (--target-org: no scratch org is created)`
                : `Create the scratch org "${options.alias}" (${options.durationDays} days)`
        },
        { id: 'deploy', title: 'Build the components and deploy force-app' },
        {
            id: 'external-client-app',
            title: `External Client App "${EXTERNAL_CLIENT_APP_LABEL}" (Metadata API deploy)`
        },
        { id: 'site', title: '"Webex Site for Webhooks"' },
        { id: 'permission-sets', title: 'Assign the permission sets to the admin user' },
        { id: 'sample-users', title: 'Sample users from data/User.json, as many as the licences allow', ...noUsers },
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
            ...(options.noNamespace ? ['--no-namespace'] : []),
            ...(options.devHub ? ['--target-dev-hub', options.devHub] : []),
            '--wait',
            '15'
        ];
    },
    displayOrg(alias: string): string[] {
        return ['org', 'display', '--target-org', alias];
    },
    /** `org display` answers the token as "[REDACTED] Use 'sf org auth show-access-token' to view". */
    showAccessToken(alias: string): string[] {
        return ['org', 'auth', 'show-access-token', '--target-org', alias];
    },
    deploy(alias: string, paths: ProjectPaths): string[] {
        return ['project', 'deploy', 'start', '--source-dir', paths.sourceDir, '--target-org', alias, '--wait', '30'];
    },
    deployMetadataDir(alias: string, directory: string): string[] {
        return ['project', 'deploy', 'start', '--metadata-dir', directory, '--target-org', alias, '--wait', '10'];
    },
    assignPermissionSets(alias: string, names: string[], onBehalfOf?: string): string[] {
        return [
            'org',
            'assign',
            'permset',
            ...names.flatMap((name) => ['--name', name]),
            ...(onBehalfOf ? ['--on-behalf-of', onBehalfOf] : []),
            '--target-org',
            alias
        ];
    },
    createUser(alias: string, definitionFile: string): string[] {
        return ['org', 'create', 'user', '--definition-file', definitionFile, '--target-org', alias];
    },
    generatePassword(alias: string, username: string): string[] {
        return ['org', 'generate', 'password', '--on-behalf-of', username, '--target-org', alias];
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

// ── My Domain and the External Client App ─────────────────────────────────────────────────────────

/** The org's My Domain URL (`https://<name>.my.salesforce.com`) from the instance URL the CLI reports. */
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

/**
 * The OAuth callback: `<My Domain>/apex/webexsfdcauth`, or `<My Domain>/apex/<ns>__webexsfdcauth`
 * when the project has a namespace (a namespaced scratch org names its pages with the prefix, as an
 * org that installed the managed package does).
 */
export function callbackUrl(myDomain: string, namespace: string): string {
    const prefix = namespace.trim() ? `${namespace.trim()}__` : '';
    return `${myDomain.replace(/\/+$/, '')}/apex/${prefix}${OAUTH_CALLBACK_PAGE}`;
}

type Named<T> = T & { fullName: string };

/**
 * The External Client App as the Metadata API deploys it (help: "Create a Local External Client App
 * with Metadata API"; Metadata API Developer Guide: ExternalClientApplication, ExtlClntAppOauthSettings,
 * ExtlClntAppGlobalOauthSettings, ExtlClntAppOauthConfigurablePolicies, ExtlClntAppConfigurablePolicies).
 * Elements follow the WSDL's order. The global settings hold the org's callback URL and get their
 * consumer key and secret from the org: they are never packaged or committed (that type's doc page).
 */
export interface ExternalClientAppMetadata {
    header: Named<ExternalClientApplication>;
    globalOauth: Named<ExtlClntAppGlobalOauthSettings>;
    oauth: Named<Omit<ExtlClntAppOauthSettings, 'customAttributes' | 'trustedIpRanges'>>;
    oauthPolicies: Named<Omit<ExtlClntAppOauthConfigurablePolicies, 'customAttributes'>>;
    policies: Named<ExtlClntAppConfigurablePolicies>;
}

export function externalClientAppMetadata(input: {
    myDomain: string;
    namespace: string;
    contactEmail: string;
}): ExternalClientAppMetadata {
    const app = EXTERNAL_CLIENT_APP_NAME;
    return {
        header: {
            fullName: app,
            contactEmail: input.contactEmail,
            description:
                'Lets Webex for Salesforce call Salesforce APIs on behalf of the admin who authorizes it ' +
                '(Webex Admin → Salesforce Authorization). Created by npm run org:create.',
            distributionState: 'Local',
            isProtected: false,
            label: EXTERNAL_CLIENT_APP_LABEL
        },
        globalOauth: {
            fullName: `${app}_glbloauth`,
            callbackUrl: callbackUrl(input.myDomain, input.namespace),
            externalClientApplication: app,
            isClientCredentialsFlowEnabled: false,
            // The package keeps the secret in protected storage and sends it with every token request.
            isConsumerSecretOptional: false,
            isIntrospectAllTokens: false,
            // The package's authorization-code flow sends no code challenge.
            // The package sends PKCE (S256) on every authorization (WebexSalesforcePkce): keep it required.
            isPkceRequired: true,
            // The stored refresh token must stay valid: rotation would replace it at every use.
            isRefreshTokenRotationEnabled: false,
            isSecretRequiredForRefreshToken: true,
            label: `${EXTERNAL_CLIENT_APP_LABEL} global OAuth`,
            shouldRotateConsumerKey: false,
            shouldRotateConsumerSecret: false
        },
        oauth: {
            fullName: `${app}_oauth`,
            commaSeparatedOauthScopes: EXTERNAL_CLIENT_APP_SCOPES.join(', '),
            externalClientApplication: app,
            label: `${EXTERNAL_CLIENT_APP_LABEL} OAuth`
        },
        oauthPolicies: {
            fullName: `${app}_oauthPlcy`,
            externalClientApplication: app,
            ipRelaxationPolicyType: 'Enforce',
            isClientCredentialsFlowEnabled: false,
            label: `${EXTERNAL_CLIENT_APP_LABEL} OAuth policies`,
            // The admin authorizes once in Webex Admin; no profile or permission set pre-approval.
            permittedUsersPolicyType: 'AllSelfAuthorized',
            refreshTokenPolicyType: 'Infinite'
        },
        policies: {
            fullName: `${app}_plcy`,
            externalClientApplication: app,
            isEnabled: true,
            isOauthPluginEnabled: true,
            label: `${EXTERNAL_CLIENT_APP_LABEL} policies`
        }
    };
}

function escapeXml(text: string): string {
    return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

/** The XML of a metadata object (fullName is the file name, so it is left out). */
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
    return `${lines.join('\n')}\n`;
}

/** Each component's Metadata API type, its mdapi folder and suffix (@salesforce/source-deploy-retrieve registry). */
const EXTERNAL_CLIENT_APP_PARTS: Array<{
    key: keyof ExternalClientAppMetadata;
    type: string;
    folder: string;
    suffix: string;
}> = [
    { key: 'header', type: 'ExternalClientApplication', folder: 'externalClientApps', suffix: 'eca' },
    {
        key: 'globalOauth',
        type: 'ExtlClntAppGlobalOauthSettings',
        folder: 'extlClntAppGlobalOauthSets',
        suffix: 'ecaGlblOauth'
    },
    { key: 'oauth', type: 'ExtlClntAppOauthSettings', folder: 'extlClntAppOauthSettings', suffix: 'ecaOauth' },
    {
        key: 'oauthPolicies',
        type: 'ExtlClntAppOauthConfigurablePolicies',
        folder: 'extlClntAppOauthPolicies',
        suffix: 'ecaOauthPlcy'
    },
    { key: 'policies', type: 'ExtlClntAppConfigurablePolicies', folder: 'extlClntAppPolicies', suffix: 'ecaPlcy' }
];

/** The External Client App as a Metadata API (mdapi format) directory: path → content, package.xml included. */
export function externalClientAppFiles(
    metadata: ExternalClientAppMetadata,
    apiVersion: string
): Record<string, string> {
    const files: Record<string, string> = {};
    const types: string[] = [];
    for (const part of EXTERNAL_CLIENT_APP_PARTS) {
        const component = metadata[part.key];
        files[`${part.folder}/${component.fullName}.${part.suffix}`] = metadataXml(part.type, component);
        types.push(
            `    <types>\n        <members>${escapeXml(component.fullName)}</members>\n        <name>${part.type}</name>\n    </types>`
        );
    }
    files['package.xml'] = [
        '<?xml version="1.0" encoding="UTF-8" ?>',
        '<Package xmlns="http://soap.sforce.com/2006/04/metadata">',
        ...types,
        `    <version>${escapeXml(apiVersion)}</version>`,
        '</Package>',
        ''
    ].join('\n');
    return files;
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

/** A user licence of the org: `SELECT Name, TotalLicenses, UsedLicenses FROM UserLicense`. */
export interface LicenceCount {
    name: string;
    total: number;
    used: number;
}

export interface UserPlan {
    /** In the order to create them. */
    create: UserDefinition[];
    notCreated: Array<{ definition: UserDefinition; reason: string }>;
}

/**
 * Fits the sample users to the licences the org has left (a scratch org has about two Salesforce
 * licences, and its admin holds one). Users of other profiles come first: the org's own admin
 * already shows what an admin sees, a rep is what the package's calling features are for. A profile
 * whose licence is unknown is tried anyway: the CLI then says what the org answers.
 */
export function fitUsersToLicences(
    definitions: UserDefinition[],
    licenceOfProfile: Record<string, string>,
    licences: LicenceCount[]
): UserPlan {
    const left = new Map(licences.map((licence) => [licence.name, licence.total - licence.used]));
    const counts = new Map(licences.map((licence) => [licence.name, licence]));
    const ordered = [
        ...definitions.filter((definition) => definition.profileName !== ADMIN_PROFILE),
        ...definitions.filter((definition) => definition.profileName === ADMIN_PROFILE)
    ];
    const plan: UserPlan = { create: [], notCreated: [] };
    for (const definition of ordered) {
        const licence = licenceOfProfile[definition.profileName];
        const available = licence === undefined ? undefined : left.get(licence);
        if (licence === undefined || available === undefined) {
            plan.create.push(definition);
        } else if (available > 0) {
            left.set(licence, available - 1);
            plan.create.push(definition);
        } else {
            const count = counts.get(licence);
            plan.notCreated.push({
                definition,
                reason:
                    `no "${licence}" licence left for profile "${definition.profileName}"` +
                    (count ? ` (${count.used} of ${count.total} in use before this run)` : '')
            });
        }
    }
    return plan;
}

// ── What stays manual ─────────────────────────────────────────────────────────────────────────────

export interface ManualStepsInput {
    alias: string;
    myDomain: string;
    namespace: string;
    consumerKey?: string;
    /** The External Client App could not be deployed: the admin creates it by hand with these values. */
    externalClientAppMissing?: boolean;
}

/** External Client App Manager (Setup), for a My Domain. */
export function externalClientAppManagerUrl(myDomain: string): string {
    return `${lightningUrl(myDomain)}/lightning/setup/ManageExternalClientApplication/home`;
}

/**
 * The External Client App by hand, in External Client App Manager (help: "Create a Local External
 * Client App"), with the values the deploy would have set.
 */
export function externalClientAppByHand(myDomain: string, namespace: string): string[] {
    return [
        `Setup → External Client App Manager (${externalClientAppManagerUrl(myDomain)}) → New External Client App:`,
        `  External Client App Name "${EXTERNAL_CLIENT_APP_LABEL}", API Name ${EXTERNAL_CLIENT_APP_NAME}, your contact e-mail, Distribution State "Local";`,
        `  API (Enable OAuth Settings): Enable OAuth; Callback URL ${callbackUrl(myDomain, namespace)};`,
        `  OAuth Scopes: ${EXTERNAL_CLIENT_APP_SCOPE_LABELS.map((label) => `"${label}"`).join(' and ')};`,
        '  Security: keep "Require secret for Web Server Flow", "Require secret for Refresh Token Flow" and',
        '  "Require Proof Key for Code Exchange (PKCE) extension for Supported Authorization Flows" ticked; Create.',
        '  Then Policies → Edit → OAuth Policies: Permitted Users "All users may self-authorize",',
        '  Refresh Token Policy "Refresh token is valid until revoked"; Save.'
    ];
}

/** The admin's remaining work, numbered, with the org's URLs. */
export function manualSteps(input: ManualStepsInput): string[] {
    const lightning = lightningUrl(input.myDomain);
    const manager = externalClientAppManagerUrl(input.myDomain);
    const lines: string[] = [];
    let n = 0;
    const step = (text: string, ...details: string[]): void => {
        n += 1;
        lines.push(`${n}. ${text}`, ...details.map((detail) => `     ${detail}`));
    };
    if (input.externalClientAppMissing) {
        const [first, ...rest] = externalClientAppByHand(input.myDomain, input.namespace);
        step(`Create the External Client App "${EXTERNAL_CLIENT_APP_LABEL}" by hand:`, first, ...rest);
    }
    const consumerDetails = `Setup → External Client App Manager (${manager}) → "${EXTERNAL_CLIENT_APP_LABEL}" → Settings → OAuth Settings → Consumer Key and Secret`;
    if (input.consumerKey)
        step(
            `Consumer key: ${input.consumerKey}`,
            `Consumer secret: ${consumerDetails} (after an identity verification); never printed by this script.`
        );
    else
        step(
            'Copy the consumer key and secret of the External Client App:',
            `${consumerDetails} (after an identity verification).`
        );
    const tab = `${input.namespace.trim() ? `${input.namespace.trim()}__` : ''}${WEBEX_ADMIN_TAB}`;
    step(
        `Open the Webex Admin tab: ${lightning}/lightning/n/${tab}`,
        `(signed in: npx sf org open --target-org ${input.alias} --path lightning/n/${tab})`
    );
    step('Salesforce Authorization: paste the consumer key and secret, Save, then Authorize (sign in and Allow).');
    step('Webex Site for Webhooks: Create Site (wait for "Site created successfully").');
    step('Webex Integration Settings: paste a Webex administrator access token, Save, then Register.');
    step(
        'Place the components: the "Webex" utility item in the Lightning app\'s utility bar (App Manager → Edit → Utility Items),',
        'and the Webex record components / actions on the Contact, Lead and other record pages (Lightning App Builder).'
    );
    const row = (label: string, value: string): string => `${`${label}:`.padEnd(29)}${value}`;
    lines.push(
        '',
        row('My Domain', input.myDomain),
        row('Lightning', lightning),
        row('External Client App Manager', manager),
        row('Sign in', `npx sf org open --target-org ${input.alias}`)
    );
    return lines;
}
