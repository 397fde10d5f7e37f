/**
 * The emulated org's side of the Apex host: what a call carries from the org (the signed-in user, the permission
 * sets the seeded users hold, the settings the remaining TypeScript stand-ins still keep outside the record store)
 * and where the Apex's callouts go.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_PROFILE, permissionSetsFor } from '../../../scripts/org/plan.ts';
import { FEATURES } from '../access-settings.ts';
import { callLogTabs, DIRECTIONS } from '../apex/calling-settings.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { describeObject, knownObjects } from '../records.ts';
import { ApexHost, projectRemoteSites, remoteSiteAllows, PROJECT_DIR, type HostAnswer } from './host.ts';
import type { PlainValue, Session, SettingRows } from './protocol.ts';

/** The Webex API origin the package's Remote Site Setting names; its callouts go to the Webex emulator. */
const WEBEX_API_ORIGIN = 'https://webexapis.com';

/** The project's permission sets (`permissionsets/<Name>.permissionset-meta.xml`). */
function projectPermissionSets(): string[] {
    const dir = path.join(PROJECT_DIR, 'force-app', 'main', 'default', 'permissionsets');
    return readdirSync(dir)
        .filter((f) => f.endsWith('.permissionset-meta.xml'))
        .map((f) => f.replace('.permissionset-meta.xml', ''));
}

/**
 * The rows of the protected custom settings and of WebexCallLogTab__c as the package's Apex stores them, from the
 * stores the remaining stand-ins write (access-settings.ts, apex/calling-settings.ts). Phase 1 of issue 13: they
 * move into the record store when their stand-ins go.
 */
export function settingRows(org: EmulatedOrg): SettingRows {
    const rows: SettingRows['rows'] = [];
    const organization: Record<string, PlainValue> = { SetupOwnerId: '@organization' };
    const owners = new Map<string, Record<string, PlainValue>>();
    for (const feature of FEATURES) {
        if (org.featureAccess.isEnabledForAll(feature)) organization[`${feature}__c`] = true;
        for (const ownerId of org.featureAccess.granted(feature)) {
            const row = owners.get(ownerId) ?? { SetupOwnerId: ownerId };
            row[`${feature}__c`] = true;
            owners.set(ownerId, row);
        }
    }
    rows.push({ type: 'WebexFeatureAccess__c', fields: organization });
    for (const fields of owners.values()) rows.push({ type: 'WebexFeatureAccess__c', fields });
    if (org.calling.backend)
        rows.push({
            type: 'WebexCallingSettings__c',
            fields: { SetupOwnerId: '@organization', Backend__c: org.calling.backend }
        });
    for (const direction of DIRECTIONS) {
        (org.calling.callLogObjects.get(direction) ?? []).forEach((objectApiName, i) =>
            rows.push({
                type: 'WebexCallLogObject__c',
                fields: {
                    Name: `${direction}-${String(i).padStart(4, '0')}`,
                    Direction__c: direction,
                    ObjectApiName__c: objectApiName,
                    Position__c: i
                }
            })
        );
    }
    for (const [objectApiName, fields] of org.calling.phoneFields) {
        fields.forEach((fieldApiName, i) =>
            rows.push({
                type: 'WebexPhoneField__c',
                fields: {
                    Name: `${objectApiName}-${String(i).padStart(4, '0')}`.slice(0, 38),
                    ObjectApiName__c: objectApiName,
                    FieldApiName__c: fieldApiName,
                    Position__c: i
                }
            })
        );
    }
    for (const tab of callLogTabs(org))
        rows.push({
            type: 'WebexCallLogTab__c',
            fields: {
                Id: tab.id,
                ObjectApiName__c: tab.objectApiName,
                AccountField__c: tab.accountField,
                Fields__c: tab.fields.join(',')
            }
        });
    return {
        types: [
            'WebexFeatureAccess__c',
            'WebexCallingSettings__c',
            'WebexCallLogObject__c',
            'WebexPhoneField__c',
            'WebexCallLogTab__c'
        ],
        rows
    };
}

/**
 * The signed-in user, in the page's language, and the permission sets each seeded user holds: those the org setup
 * script assigns by profile (scripts/org/plan.ts permissionSetsFor), plus the assignments made in Setup.
 */
export function sessionOf(org: EmulatedOrg, permissionSets: string[]): Session {
    const held: Record<string, string[]> = {};
    for (const user of org.records.list('User')) {
        const profile = String(org.records.get(String(user.ProfileId))?.Name ?? '');
        const sets = new Set(permissionSetsFor(profile === ADMIN_PROFILE ? ADMIN_PROFILE : profile, permissionSets));
        for (const [name, assignees] of org.permissionSetAssignments) if (assignees.has(user.Id)) sets.add(name);
        held[user.Id] = [...sets].sort();
    }
    return { userId: org.user.id, language: org.user.language === 'fr' ? 'fr' : 'en_US', permissionSets: held };
}

/** The fields the workbench's store holds, by object: what the worker mirrors back after each call. */
function mirroredFields(): Record<string, string[]> {
    return Object.fromEntries(
        knownObjects().map((name) => [name, ['Id', ...Object.keys(describeObject(name)?.fields ?? {})]])
    );
}

/**
 * The labels the emulated org gives its standard objects, renames included (records.ts describes, what getObjectInfo
 * answers): Apex describes give the same names.
 */
function objectLabels(): Record<string, { label: Record<string, string>; labelPlural: Record<string, string> }> {
    return Object.fromEntries(
        knownObjects().map((name) => {
            const describe = describeObject(name)!;
            return [name, { label: describe.label, labelPlural: describe.labelPlural }];
        })
    );
}

/** The org's Apex: runs a package method as the page's user, through one host per org. */
export class OrgApex {
    private started: ApexHost | null = null;
    private readonly org: EmulatedOrg;
    private readonly permissionSets = projectPermissionSets();
    private readonly remoteSites = projectRemoteSites();

    constructor(org: EmulatedOrg) {
        this.org = org;
    }

    /** The host, started on first use: an org that never runs Apex (most node tests) starts no worker to stop. */
    get host(): ApexHost {
        this.started ??= new ApexHost({ mirroredFields: mirroredFields(), route: (endpoint) => this.route(endpoint) });
        return this.started;
    }

    /**
     * Where a callout goes: the Webex API (a Remote Site Setting of the package) to the Webex emulator; the org's own
     * My Domain and the sites an administrator added, as the org's Remote Site Settings allow; anything else is
     * refused as an org refuses a host without a Remote Site Setting.
     */
    route(endpoint: string): string | null {
        if (remoteSiteAllows(this.remoteSites, endpoint)) {
            const url = new URL(endpoint);
            return url.origin === WEBEX_API_ORIGIN ? `${this.org.webexBaseUrl}${url.pathname}${url.search}` : endpoint;
        }
        try {
            return this.org.salesforce.allowsCallout(this.org, endpoint) ? endpoint : null;
        } catch {
            return null;
        }
    }

    /** `Class.method(params)` as the signed-in user, in one transaction. */
    call(className: string, methodName: string, params: Record<string, unknown>): Promise<HostAnswer> {
        return this.host.call(
            {
                records: this.org.records,
                settings: settingRows(this.org),
                session: sessionOf(this.org, this.permissionSets),
                orgDomain: this.org.myDomainUrl,
                objectLabels: objectLabels()
            },
            className,
            methodName,
            params
        );
    }

    close(): Promise<void> {
        return this.started ? this.started.close() : Promise.resolve();
    }
}
