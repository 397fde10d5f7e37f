/**
 * The in-memory org a test run starts from: a record store holding the Organization row, the
 * standard profiles, the project's permission sets and custom permissions, and the running user (a System Administrator,
 * with every field the User object requires), and the data layer and org context over it.
 *
 * Apex tests see the org's setup data — users, profiles, permission sets, the organization — but
 * none of its business records (Apex Developer Guide › Isolation of Test Data from Organization
 * Data in Unit Tests: "objects that are used to manage your organization or metadata objects …
 * User, Profile, Organization, … PermissionSet" stay visible). Every value below that no source
 * fixes (the org's name, the user's name and e-mail) is a placeholder a test must not rely on; the
 * host may pass its own.
 */
import { parentDerivedValues } from '../data/derived-fields.ts';
import { IdGenerator } from '../data/ids.ts';
import { CustomSettings } from '../data/custom-settings.ts';
import type { OrgMetadata } from '../data/org-metadata.ts';
import { fieldOf, type SchemaRegistry } from '../data/schema.ts';
import { SObject } from '../data/sobject.ts';
import { RecordStore } from '../data/store.ts';
import { apexTemporalValues } from '../data/soql/temporal.ts';
import { UnsupportedApexError } from '../errors.ts';
import { DataLayer } from '../interpreter/data/layer.ts';
import type { OrgContext } from '../interpreter/natives/org-context.ts';
import { attachOrgLimits, OrgLimitsTable, type OrgLimitsOptions } from '../interpreter/natives/org-limits.ts';
import type { TestIdentity } from './runner.ts';

/**
 * The standard profiles every org has (Salesforce Help › Standard Profiles); their permissions are
 * modelled in `data/access.ts`.
 */
export const STANDARD_PROFILES = ['System Administrator', 'Standard User', 'Read Only', 'Minimum Access - Salesforce'];

/**
 * The Lead Status picklist of a new org, as LeadStatus rows (Object Reference › LeadStatus: a value of the
 * picklist, which setup data tests see): "Open - Not Contacted" the default, "Closed - Converted" the one
 * converted value (Salesforce Help › Lead Status picklist values of a new org; Apex Developer Guide ›
 * Converting Leads: `SELECT … FROM LeadStatus WHERE IsConverted = true`).
 */
export const DEFAULT_LEAD_STATUSES: readonly { label: string; isDefault: boolean; isConverted: boolean }[] = [
    { label: 'Open - Not Contacted', isDefault: true, isConverted: false },
    { label: 'Working - Contacted', isDefault: false, isConverted: false },
    { label: 'Closed - Converted', isDefault: false, isConverted: true },
    { label: 'Closed - Not Converted', isDefault: false, isConverted: false }
];

export interface TestOrgOptions {
    schema: SchemaRegistry;
    meta: OrgMetadata;
    /** Epoch milliseconds (the runtime's clock). */
    clock: () => number;
    /** The running user's fields, over the defaults (TimeZoneSidKey, LocaleSidKey, LanguageLocaleKey, …). */
    user?: Record<string, unknown>;
    /** The Organization row's fields, over the defaults. */
    organization?: Record<string, unknown>;
    /** Publish behaviour of platform events by object name (`PublishImmediately` / `PublishAfterCommit`). */
    publishBehavior?: (object: string) => string | undefined;
    /** What `OrgLimits` reads: maximums (default: a free org's documented allocations) and usage (default 0). */
    orgLimits?: OrgLimitsOptions;
    /**
     * A single-currency org's currency (ISO 4217), what `UserInfo.getDefaultCurrency()` returns: Company
     * Information's Currency Locale (Salesforce Help › Language, Locale, and Currency Settings), which no
     * Organization field carries and a scratch-org definition does not fix (its `country` defaults to the
     * Dev Hub's). Default `DEFAULT_ORG_CURRENCY`, a placeholder like the org's name.
     */
    currencyIsoCode?: string;
}

/**
 * The placeholder currency of the runtime's single-currency org: that of its Default Locale, en_US
 * (`DEFAULT_ORGANIZATION`), taken as its Currency Locale. A test must not rely on it; a host that knows
 * its org's currency passes `currencyIsoCode`.
 */
export const DEFAULT_ORG_CURRENCY = 'USD';

export interface TestOrg {
    store: RecordStore;
    layer: DataLayer;
    /** The running user's Id (outside `System.runAs`). */
    userId: string;
    organizationId: string;
    identity: TestIdentity;
    /** What the Schema/UserInfo/Label natives read (install with `installOrgContext`). */
    orgContext: OrgContext;
    /** The org's limits `OrgLimits` reads; a host may change usage during a run (`setUsage`). */
    orgLimits: OrgLimitsTable;
}

/** Default running user: the fields the User object requires (R3b's facts) and a System Administrator profile. */
const DEFAULT_USER: Record<string, unknown> = {
    FirstName: 'Apex',
    LastName: 'Runtime',
    Alias: 'apexrt',
    Email: 'apex-runtime@example.com',
    Username: 'apex-runtime@example.com.test',
    EmailEncodingKey: 'UTF-8',
    LanguageLocaleKey: 'en_US',
    LocaleSidKey: 'en_US',
    TimeZoneSidKey: 'GMT',
    IsActive: true
};

const DEFAULT_ORGANIZATION: Record<string, unknown> = {
    Name: 'Apex Runtime Test Org',
    LanguageLocaleKey: 'en_US',
    DefaultLocaleSidKey: 'en_US',
    TimeZoneSidKey: 'GMT',
    IsSandbox: false
};

/**
 * A new row of `type` holding `values` (each must be a field of the object: a typo fails loudly); `org` names the org
 * in that error (the test org, the workbench's).
 */
export function row(
    schema: SchemaRegistry,
    type: string,
    values: Record<string, unknown>,
    org = 'the test org'
): SObject {
    const d = schema.require(type);
    const r = new SObject(d);
    for (const [k, v] of Object.entries(values)) {
        const f = fieldOf(d, k);
        if (!f) throw new UnsupportedApexError(`field ${type}.${k} (not in the schema) for ${org}`);
        r.setRaw(f.name, v, false);
    }
    return r;
}

/** Builds the org (see the module comment). */
export function createTestOrg(o: TestOrgOptions): TestOrg {
    const userPrefix = o.schema.require('User').keyPrefix;
    // The first User Id the store will hand out: the running user stamps its own CreatedById.
    const bootUserId = new IdGenerator().next(userPrefix);
    // The store is built before the layer that knows the running user: the first rows are stamped with the boot user.
    const ref: { layer?: DataLayer } = {};
    const store = new RecordStore({
        schema: o.schema,
        now: o.clock,
        datetime: (ms) => apexTemporalValues.datetime(ms),
        currentUserId: () => (ref.layer ? ref.layer.currentUserId() : bootUserId)
    });
    const profileIds = new Map<string, string>();
    for (const name of STANDARD_PROFILES) {
        // "System Administrator … Can configure and customize the application", with View All Data and
        // Modify All Data (Salesforce Help › Standard Profiles); the other standard profiles hold none of the three.
        const admin = name === 'System Administrator';
        const p = store.insert(
            row(o.schema, 'Profile', {
                Name: name,
                UserType: 'Standard',
                PermissionsModifyAllData: admin,
                PermissionsViewAllData: admin,
                PermissionsCustomizeApplication: admin
            }),
            true
        );
        profileIds.set(name, p.id as string);
    }
    const userRow = row(o.schema, 'User', {
        ...DEFAULT_USER,
        ProfileId: profileIds.get('System Administrator'),
        ...(o.user ?? {})
    });
    // Inserted without DML (the org exists before any transaction), so the platform-derived UserType is set here.
    for (const [name, v] of parentDerivedValues(
        userRow.describe,
        (f) => (userRow.has(f) ? userRow.get(f) : null),
        (id) => store.get(id)
    ))
        userRow.setRaw(name, v, false);
    const user = store.insert(userRow, true);
    if (user.id !== bootUserId) throw new Error('test org: the running user was not the first User inserted');
    const org = store.insert(
        row(o.schema, 'Organization', { ...DEFAULT_ORGANIZATION, ...(o.organization ?? {}) }),
        true
    );
    // The package's setup entities carry its namespace: "NamespacePrefix: The namespace prefix associated with this
    // object" (Object Reference › PermissionSet, CustomPermission); absent without one.
    const packaged = o.schema.namespace ? { NamespacePrefix: o.schema.namespace } : {};
    for (const ps of o.meta.permissionSets.values()) {
        store.insert(
            row(o.schema, 'PermissionSet', {
                Name: ps.name,
                Label: ps.label ?? ps.name,
                IsOwnedByProfile: false,
                ...packaged
            }),
            true
        );
    }
    for (const name of o.meta.customPermissions.values()) {
        store.insert(row(o.schema, 'CustomPermission', { DeveloperName: name, MasterLabel: name, ...packaged }), true);
    }
    DEFAULT_LEAD_STATUSES.forEach((st, i) => {
        const values = {
            MasterLabel: st.label,
            IsDefault: st.isDefault,
            IsConverted: st.isConverted,
            SortOrder: i + 1
        };
        store.insert(row(o.schema, 'LeadStatus', { ...values, ApiName: st.label }), true);
    });
    const userId = user.id;
    const organizationId = org.id as string;
    const layer = new DataLayer({
        store,
        meta: o.meta,
        defaultUserId: () => userId,
        ...(o.publishBehavior ? { publishBehavior: o.publishBehavior } : {})
    });
    ref.layer = layer;
    const dl = layer;
    const orgContext: OrgContext = {
        schema: o.schema,
        runningUser: () => {
            const id = dl.currentUserIdOrNull();
            return id ? store.get(id) : dl.runAsUser();
        },
        organization: () => store.get(organizationId),
        userAccess: () => dl.userAccess(),
        customSettings: () => new CustomSettings(store, () => dl.currentUserId()),
        metadata: () => o.meta,
        record: (id) => store.get(id),
        orgCurrency: () => o.currencyIsoCode ?? DEFAULT_ORG_CURRENCY
    };
    const orgLimits = new OrgLimitsTable(o.orgLimits);
    attachOrgLimits(orgContext, orgLimits);
    return {
        store,
        layer,
        userId,
        organizationId,
        identity: { organizationId: () => organizationId, userId: () => dl.currentUserId() },
        orgContext,
        orgLimits
    };
}
