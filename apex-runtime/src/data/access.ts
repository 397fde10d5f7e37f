/**
 * Object and field permissions of a user (Salesforce Help › Object Permissions, Field-Level
 * Security): the union of the user's profile and the permission sets assigned to them
 * (`PermissionSetAssignment` rows in the store), each permission set read from the project's
 * metadata. What `WITH USER_MODE`, `AccessLevel.USER_MODE`, `insert as user`, describe's
 * `isAccessible()` and `FeatureManagement.checkPermission` consult.
 *
 * Standard profiles cannot be read from a project: their grants come from
 * `schema/standard-profiles.json` (`standard-profiles.ts`), each fact citing its source; whatever no
 * source settles is refused with an `UnsupportedApexError` naming the profile and object, never guessed.
 */
import { UnsupportedApexError } from '../errors.ts';
import type { OrgMetadata, PermissionSetGrants } from './org-metadata.ts';
import { derivedObjectRule } from './derived-object-access.ts';
import { fieldOf, type SchemaRegistry } from './schema.ts';
import { standardProfiles, type StandardProfileGrants } from './standard-profiles.ts';
import type { RecordStore } from './store.ts';
import { storedPermissionSetGrants } from './stored-permission-sets.ts';

export type ObjectOp = 'read' | 'create' | 'edit' | 'delete';
export type FieldOp = 'read' | 'edit';

/** The permissions of one user, computed from the store's User, Profile and assignment rows. */
export class UserAccess {
    readonly userId: string;
    readonly profileName: string;
    readonly permissionSets: PermissionSetGrants[];
    private readonly schema: SchemaRegistry;
    private readonly profile: StandardProfileGrants | undefined;
    private readonly profileGrants: PermissionSetGrants | undefined;

    constructor(
        userId: string,
        profileName: string,
        permissionSets: PermissionSetGrants[],
        schema: SchemaRegistry,
        profileGrants?: PermissionSetGrants
    ) {
        this.userId = userId;
        this.profileName = profileName;
        this.permissionSets = permissionSets;
        this.schema = schema;
        this.profile = standardProfiles().get(profileName.toLowerCase());
        this.profileGrants = profileGrants;
        if (!this.profile && !profileGrants)
            throw new UnsupportedApexError(
                `access of profile "${profileName}" (not a modelled standard profile and no profile metadata given)`
            );
    }

    private grants(): PermissionSetGrants[] {
        return this.profileGrants ? [this.profileGrants, ...this.permissionSets] : this.permissionSets;
    }

    /** Whether the user holds a system permission (`ViewAllData`, `ModifyAllData`, …) through a permission set. */
    hasUserPermission(name: string): boolean {
        const n = name.toLowerCase();
        if (this.profile?.allData && (n === 'viewalldata' || n === 'modifyalldata')) return true;
        if (this.profile?.hasUserPermission(n)) return true;
        return this.grants().some((g) => g.userPermissions.has(n));
    }

    /** Object permission: Read, Create, Edit, Delete (Edit/Delete/Create imply Read; View All/Modify All imply the rest). */
    checkObject(object: string, op: ObjectOp): boolean {
        const d = this.schema.require(object);
        const key = d.name.toLowerCase();
        if (this.hasUserPermission('modifyalldata')) return true;
        if (op === 'read' && this.hasUserPermission('viewalldata')) return true;
        const derived = derivedObjectRule(key);
        if (derived) {
            const decided = derived.object(op, this);
            if (decided === undefined)
                throw new UnsupportedApexError(
                    `${op} access of profile "${this.profileName}" to ${d.name} (not settled by ${derived.source})`
                );
            return decided;
        }
        for (const g of this.grants()) {
            const p = g.objects.get(key);
            if (!p) continue;
            if (p.modifyAll) return true;
            if (op === 'read' && (p.read || p.viewAll || p.edit || p.create || p.delete)) return true;
            if (op === 'create' && p.create) return true;
            if (op === 'edit' && p.edit) return true;
            if (op === 'delete' && p.delete) return true;
        }
        if (!this.profile) return false;
        const decided = this.profile.objectOp(key, d.custom, op);
        if (decided === undefined)
            throw new UnsupportedApexError(
                `${op} access of profile "${this.profileName}" to ${d.name} (not documented for the standard profile)`
            );
        return decided;
    }

    /**
     * Field-level security: Read or Edit of `object.field` (`writing`: whether the edit is a create or an update).
     * Fields outside field-level security (Id,
     * system fields, the name field, required fields: Salesforce Help › Field-Level Security: "you
     * can't change field-level security of … required fields") follow the object permission.
     */
    checkField(object: string, field: string, op: FieldOp, writing: 'create' | 'edit' = 'edit'): boolean {
        const d = this.schema.require(object);
        const f = fieldOf(d, field);
        if (!f) throw new UnsupportedApexError(`field ${object}.${field} (not in the schema)`);
        // A field is written on create with the object's Create permission, on update with its Edit: field-level
        // Edit needs only Read on the object (Object Reference › FieldPermissions: "PermissionsEdit … requires
        // PermissionsRead"; ObjectPermissions: Create needs only Read), so Read + Create + field Edit inserts.
        if (!this.checkObject(d.name, op === 'read' ? 'read' : writing)) return false;
        if (f.system || f.isNameField || f.required || f.name === 'Id') return true;
        if (op === 'edit' && (f.calculated || f.autoNumber)) return false;
        // An administrator sees every field, except a standard field the retrieved System Administrator profile
        // explicitly hides: the recorded administrators' describes omit those too (Case.BusinessHoursId,
        // Contact.DoNotCall: absent from observedDescribeA, field-reference.json); field-level security applies to
        // every profile (Salesforce Help › Field-Level Security).
        if (this.profile?.allData) return f.custom || d.custom || this.profile.fieldOp(d.name, f.name, op) !== false;
        const key = `${d.name}.${f.name}`.toLowerCase();
        for (const g of this.grants()) {
            const p = g.fields.get(key);
            if (p && (op === 'read' ? p.readable || p.editable : p.editable)) return true;
        }
        // Custom fields are visible only where field-level security grants them: deployed without a
        // profile's grant they are hidden from it (Salesforce Help › Field-Level Security).
        if (!this.profile || f.custom || d.custom) return false;
        // An object without object permissions of its own: its standard fields follow its derived rule.
        if (derivedObjectRule(d.name)?.standardFieldsFollowObject)
            return op === 'read' || f.createable !== false || f.updateable !== false;
        const decided = this.profile.fieldOp(d.name, f.name, op);
        // Outside field-level security: the object permission, checked above, decides.
        if (decided === 'object') return op === 'read' || f.createable !== false || f.updateable !== false;
        if (decided === undefined)
            throw new UnsupportedApexError(
                `${op} access of profile "${this.profileName}" to field ${d.name}.${f.name} (not documented for the standard profile)`
            );
        return decided;
    }

    /** `QueryAccess` for SOQL/SOSL user mode. */
    canReadObject(object: string): boolean {
        return this.checkObject(object, 'read');
    }

    canReadField(object: string, field: string): boolean {
        return this.checkField(object, field, 'read');
    }

    /**
     * `FeatureManagement.checkPermission(name)`: whether a permission set (or profile metadata)
     * assigned to the user enables the custom permission (Apex Reference Guide › FeatureManagement).
     */
    hasCustomPermission(name: string): boolean {
        return this.grants().some((g) => g.customPermissions.has(name.toLowerCase()));
    }

    /** Apex class access (`classAccesses`), for `@AuraEnabled`/`@RestResource` entry points. */
    hasClassAccess(className: string): boolean {
        if (this.profile?.allData) return true;
        return this.grants().some((g) => g.classes.has(className.toLowerCase()));
    }
}

/** Computes `UserAccess` from the store's records and the project's permission sets. */
export class AccessModel {
    private readonly meta: OrgMetadata;
    private readonly schema: SchemaRegistry;
    private readonly store: RecordStore;
    private readonly profileGrants: Map<string, PermissionSetGrants>;
    private readonly clonedFrom: (profileName: string) => string | undefined;

    /**
     * `profileGrants`: profile metadata by lower-case profile name, for custom profiles a project ships.
     * `clonedFrom`: for a custom profile an org made in Setup, the standard profile it was cloned from, whose grants it
     * keeps ("On the Profile Setup page, you must first clone an existing profile to create a custom profile",
     * Salesforce Help › Create or Clone Profiles, https://help.salesforce.com/s/articleView?id=platform.users_profiles_cloning.htm).
     */
    constructor(
        meta: OrgMetadata,
        store: RecordStore,
        profileGrants: Map<string, PermissionSetGrants> = new Map(),
        clonedFrom: (profileName: string) => string | undefined = () => undefined
    ) {
        this.meta = meta;
        this.store = store;
        this.schema = store.schema;
        this.profileGrants = profileGrants;
        this.clonedFrom = clonedFrom;
    }

    /** The access of the user with this Id: User.ProfileId → Profile.Name; PermissionSetAssignment → PermissionSet.Name. */
    forUser(userId: string): UserAccess {
        const user = this.store.get(userId);
        if (!user || user.type !== 'User')
            throw new UnsupportedApexError(`access of user ${userId} (no User record in the store)`);
        const profileId = user.has('ProfileId') ? (user.get('ProfileId') as string | null) : null;
        const profile = profileId ? this.store.get(profileId) : undefined;
        const profileName = profile?.has('Name') ? (profile.get('Name') as string | null) : null;
        if (!profileName) throw new UnsupportedApexError(`access of user ${userId} (no Profile with a Name)`);
        const sets: PermissionSetGrants[] = [];
        for (const a of this.store.rows('PermissionSetAssignment')) {
            if (a.get('AssigneeId') !== user.id) continue;
            const ps = this.store.get(a.get('PermissionSetId') as string);
            const name = ps?.has('Name') ? (ps.get('Name') as string) : undefined;
            if (!ps || !name)
                throw new UnsupportedApexError(`permission set assignment ${a.id} to a PermissionSet without a Name`);
            // A permission set the project does not ship was inserted by Apex: its grants are rows of the store.
            sets.push(this.meta.permissionSets.get(name.toLowerCase()) ?? storedPermissionSetGrants(this.store, ps));
        }
        const grants = this.profileGrants.get(profileName.toLowerCase());
        return new UserAccess(
            userId,
            grants ? profileName : (this.clonedFrom(profileName) ?? profileName),
            sets,
            this.schema,
            grants
        );
    }
}
