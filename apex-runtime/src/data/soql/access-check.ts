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

/** The first object or field of a query the running user cannot read. */
export type AccessGap =
    | { kind: 'object'; object: string }
    /** `field` as the query names it on `object`: a relationship name for a hop (`Account`), else the field (`Name`). */
    | { kind: 'field'; object: string; field: string; path: ResolvedPath };

/**
 * The first object or field of `needs` the user cannot read, or undefined: the objects, then along each
 * path the reference field of every hop, the parent object it leads to, and the field at the end (SOQL
 * and SOSL share it: Apex Developer Guide › Enforce User Mode for Database Operations, "the object
 * permissions, field-level security" of the running user apply to every object and field the operation reads).
 */
export function firstAccessGap(accessModel: QueryAccess | undefined, needs: AccessNeeds): AccessGap | undefined {
    const access = requireAccess(accessModel);
    for (const o of needs.objects) if (!access.canReadObject(o)) return { kind: 'object', object: o };
    for (const { path, root } of needs.paths) {
        let owner = root;
        for (const hop of path.hops) {
            if (!access.canReadField(owner, hop.field.name))
                return { kind: 'field', object: owner, field: hop.relationshipName, path };
            if (!hop.parent) return checkedPolymorphic();
            if (!access.canReadObject(hop.parent.name)) return { kind: 'object', object: hop.parent.name };
            owner = hop.parent.name;
        }
        if (!access.canReadField(owner, path.field.name))
            return { kind: 'field', object: owner, field: path.field.name, path };
    }
    return undefined;
}

/**
 * User mode: an unreadable object raises the message orgs give for an object the user cannot see,
 * an unreadable field the one for a field the user cannot see (both observed in orgs: the object or
 * field is reported as not existing for that user).
 */
export function checkUserMode(accessModel: QueryAccess | undefined, needs: AccessNeeds): void {
    const gap = firstAccessGap(accessModel, needs);
    if (gap?.kind === 'object') throw unknownObject(gap.object);
    if (gap?.kind === 'field') throw unknownField(gap.field, gap.object);
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
    if (firstAccessGap(accessModel, needs))
        throw queryException('Insufficient permissions: secure query included inaccessible field');
}
