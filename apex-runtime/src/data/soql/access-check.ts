/**
 * Object and field access of user-mode queries (Apex Developer Guide › Set an Access Mode for Database
 * Operations: in user mode "the object permissions, field-level security and sharing rules of the
 * running user" apply and "WITH USER_MODE processes all clauses … including the WHERE clause";
 * Filter SOQL Queries Using WITH SECURITY_ENFORCED: only the SELECT and FROM clauses are checked).
 * Record sharing is not modelled (see README): user mode here checks permissions only.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { ResolvedPath } from './resolve.ts';
import { unknownField, unknownObject } from './resolve.ts';
import type { QueryAccess } from './source.ts';
import { queryException } from './values.ts';

/** Access to check: the objects read and every field path used. */
export interface AccessNeeds {
    objects: string[];
    paths: { path: ResolvedPath; root: string }[];
}

function requireAccess(access: QueryAccess | undefined): QueryAccess {
    if (!access)
        throw new UnsupportedApexError(
            "a user-mode query without the running user's permissions (no access model given)"
        );
    return access;
}

/**
 * User mode: an unreadable object raises the message orgs give for an object the user cannot see,
 * an unreadable field the one for a field the user cannot see (both observed in orgs: the object or
 * field is reported as not existing for that user).
 */
export function checkUserMode(accessModel: QueryAccess | undefined, needs: AccessNeeds): void {
    const access = requireAccess(accessModel);
    for (const o of needs.objects) if (!access.canReadObject(o)) throw unknownObject(o);
    for (const { path, root } of needs.paths) {
        let owner = root;
        for (const hop of path.hops) {
            if (!access.canReadField(owner, hop.field.name)) throw unknownField(hop.relationshipName, owner);
            if (!hop.parent) return checkedPolymorphic();
            if (!access.canReadObject(hop.parent.name)) throw unknownObject(hop.parent.name);
            owner = hop.parent.name;
        }
        if (!access.canReadField(owner, path.field.name)) throw unknownField(path.field.name, owner);
    }
}

function checkedPolymorphic(): never {
    throw new UnsupportedApexError('user-mode access check through a polymorphic relationship');
}

/**
 * WITH SECURITY_ENFORCED: `System.QueryException: Insufficient permissions: secure query included
 * inaccessible field` (the message orgs give; the guide says "an exception is thrown" and no data
 * is returned).
 */
export function checkSecurityEnforced(accessModel: QueryAccess | undefined, needs: AccessNeeds): void {
    const access = requireAccess(accessModel);
    const fail = (): never => {
        throw queryException('Insufficient permissions: secure query included inaccessible field');
    };
    for (const o of needs.objects) if (!access.canReadObject(o)) fail();
    for (const { path, root } of needs.paths) {
        let owner = root;
        for (const hop of path.hops) {
            if (!access.canReadField(owner, hop.field.name)) fail();
            if (!hop.parent) return checkedPolymorphic();
            if (!access.canReadObject(hop.parent.name)) fail();
            owner = hop.parent.name;
        }
        if (!access.canReadField(owner, path.field.name)) fail();
    }
}
