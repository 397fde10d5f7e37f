/**
 * The standard profiles' grants, from `schema/standard-profiles.json`: object permissions, system
 * permissions and field-level security as Metadata API retrieves them from an org (each source cited
 * in the file), read with the documented rules that interpret them. A question neither the file nor a
 * cited rule answers gives `undefined`, which `access.ts` turns into an `UnsupportedApexError`.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SCHEMA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'schema');

export type ProfileObjectOp = 'read' | 'create' | 'edit' | 'delete';
export type ProfileFieldOp = 'read' | 'edit';

interface ProfileJson {
    source: string;
    file: string;
    userPermissions: string[];
    /** Object API name → letters C, R, E, D, V (view all), M (modify all). */
    objects: Record<string, string>;
    /** `Object.Field` → letters R, E. */
    fields: Record<string, string>;
}

/** The shape of `schema/standard-profiles.json`. */
export interface StandardProfilesFile {
    sources: Record<string, string>;
    profiles: Record<string, ProfileJson>;
    flsCoveredObjects: string[];
    flsManagedFields: string[];
    addressComponents: Record<string, string[]>;
}

/** What one standard profile grants; `undefined` where no cited source settles the question. */
export interface StandardProfileGrants {
    readonly name: string;
    readonly allData: boolean;
    hasUserPermission(name: string): boolean;
    objectOp(object: string, custom: boolean, op: ProfileObjectOp): boolean | undefined;
    /** `'object'`: the field has no field-level security and follows the object permission. */
    fieldOp(object: string, field: string, op: ProfileFieldOp): boolean | 'object' | undefined;
}

const OP_LETTER: Record<ProfileObjectOp, string> = { read: 'R', create: 'C', edit: 'E', delete: 'D' };

let fileCache: StandardProfilesFile | undefined;

/** The profiles file, read once. */
export function standardProfilesFile(): StandardProfilesFile {
    fileCache ??= JSON.parse(readFileSync(join(SCHEMA_DIR, 'standard-profiles.json'), 'utf8')) as StandardProfilesFile;
    return fileCache;
}

/** Objects whose access is not an object permission but a rule of their own (Object Reference › each object's Special Access Rules). */
type SpecialRule = (p: ProfileGrants, op: ProfileObjectOp) => boolean | undefined;

const SPECIAL_OBJECTS: Record<string, SpecialRule> = {
    // Access Activities, Edit Tasks, Edit Events ("activities" source); deleting one is not documented per profile.
    task: (p, op) => activity(p, op, 'edittask'),
    event: (p, op) => activity(p, op, 'editevent'),
    // Internal users read users; creating or updating one takes Manage Internal Users; users are never deleted.
    user: (p, op) => (op === 'read' ? true : op === 'delete' ? false : p.hasUserPermission('ManageUsers') || undefined),
    // Only portal users are kept from Profile; writing profiles is not a standard profile's question here.
    profile: (_p, op) => (op === 'read' ? true : undefined),
    permissionset: (p, op) =>
        op === 'read'
            ? ['ViewSetup', 'ManageSessionPermissionSets', 'AssignPermissionSets', 'ManageProfilesPermissionsets'].some(
                  (n) => p.hasUserPermission(n)
              )
            : undefined,
    permissionsetassignment: (p, op) =>
        op === 'read'
            ? ['ViewSetup', 'AssignPermissionSets', 'ManageUsers'].some((n) => p.hasUserPermission(n))
            : undefined,
    // Object Reference › Site, Special Access Rules: "To view this object, you must have the View Setup and
    // Configuration permission"; Supported Calls describeSObjects(), query(), retrieve(): never written through the API
    // (https://developer.salesforce.com/docs/platform/object-reference/references/standard-objects/object-site.html).
    site: (p, op) => op === 'read' && p.hasUserPermission('ViewSetup'),
    // Tooling API › SiteDetail: "exposed … to User Profiles with the ViewSetup permission"; Supported Calls
    // describeSObjects(), query() (https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_sitedetail.htm).
    sitedetail: (p, op) => op === 'read' && p.hasUserPermission('ViewSetup')
};

function activity(p: ProfileGrants, op: ProfileObjectOp, editPermission: string): boolean | undefined {
    if (op === 'read') return p.hasUserPermission('ActivitiesAccess');
    if (op === 'delete') return undefined;
    return p.hasUserPermission('ActivitiesAccess') && p.hasUserPermission(editPermission);
}

class ProfileGrants implements StandardProfileGrants {
    readonly name: string;
    readonly allData: boolean;
    private readonly userPermissions: Set<string>;
    private readonly objects: Map<string, string>;
    private readonly fields: Map<string, string>;
    private readonly file: StandardProfilesFile;
    private readonly permissionable: Set<string>;
    private readonly covered: Set<string>;
    private readonly managed: Set<string>;
    private readonly compoundOf: Map<string, string>;

    constructor(name: string, json: ProfileJson, file: StandardProfilesFile, shared: SharedTables) {
        this.name = name;
        this.file = file;
        this.userPermissions = new Set(json.userPermissions.map((n) => n.toLowerCase()));
        this.allData = this.userPermissions.has('modifyalldata');
        this.objects = new Map(Object.entries(json.objects).map(([k, v]) => [k.toLowerCase(), v]));
        this.fields = new Map(Object.entries(json.fields).map(([k, v]) => [k.toLowerCase(), v]));
        this.permissionable = shared.permissionable;
        this.covered = shared.covered;
        this.managed = shared.managed;
        this.compoundOf = shared.compoundOf;
    }

    hasUserPermission(name: string): boolean {
        return this.userPermissions.has(name.toLowerCase());
    }

    objectOp(object: string, custom: boolean, op: ProfileObjectOp): boolean | undefined {
        const key = object.toLowerCase();
        if (this.allData) return true;
        // "Most profiles (except those with Modify All Data) don't give access to" a new custom object.
        if (custom) return false;
        const special = SPECIAL_OBJECTS[key];
        if (special) return special(this, op);
        if (!this.permissionable.has(key)) return undefined;
        const letters = this.objects.get(key) ?? '';
        if (letters.includes('M')) return true;
        if (op === 'read' && letters.includes('V')) return true;
        return letters.includes(OP_LETTER[op]) || (op === 'read' && /[CED]/.test(letters));
    }

    fieldOp(object: string, field: string, op: ProfileFieldOp): boolean | 'object' | undefined {
        let key = `${object}.${field}`.toLowerCase();
        key = this.compoundOf.get(key) ?? key;
        const letters = this.fields.get(key);
        if (letters !== undefined) return op === 'read' ? letters.includes('R') : letters.includes('E');
        if (this.covered.has(object.toLowerCase()) && !this.managed.has(key)) return 'object';
        // Setup objects carry no field-level security: access is the object's special access rule.
        if (SPECIAL_OBJECTS[object.toLowerCase()] && !this.covered.has(object.toLowerCase())) return 'object';
        return undefined;
    }

    /** Where this profile's facts come from, for error messages. */
    source(): string {
        return this.file.sources.observedA ?? '';
    }
}

interface SharedTables {
    permissionable: Set<string>;
    covered: Set<string>;
    managed: Set<string>;
    compoundOf: Map<string, string>;
}

let profilesCache: Map<string, StandardProfileGrants> | undefined;

/** The standard profiles by lower-case name (System Administrator, Standard User, Read Only, Minimum Access - Salesforce). */
export function standardProfiles(
    file: StandardProfilesFile = standardProfilesFile()
): Map<string, StandardProfileGrants> {
    if (file === fileCache && profilesCache) return profilesCache;
    // An object no retrieved profile lists at all may not take object permissions: it is not "absent", it is unknown.
    const permissionable = new Set<string>();
    for (const p of Object.values(file.profiles))
        for (const o of Object.keys(p.objects)) permissionable.add(o.toLowerCase());
    const compoundOf = new Map<string, string>();
    for (const [compound, parts] of Object.entries(file.addressComponents)) {
        const object = compound.split('.')[0];
        for (const part of parts) compoundOf.set(`${object}.${part}`.toLowerCase(), compound.toLowerCase());
    }
    const shared: SharedTables = {
        permissionable,
        covered: new Set(file.flsCoveredObjects.map((o) => o.toLowerCase())),
        managed: new Set(file.flsManagedFields.map((f) => f.toLowerCase())),
        compoundOf
    };
    const out = new Map<string, StandardProfileGrants>();
    for (const [name, json] of Object.entries(file.profiles))
        out.set(name.toLowerCase(), new ProfileGrants(name, json, file, shared));
    if (file === fileCache) profilesCache = out;
    return out;
}
