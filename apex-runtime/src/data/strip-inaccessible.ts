/**
 * `Security.stripInaccessible(accessCheckType, sourceRecords[, enforceRootObjectCRUD])` as a data
 * function over `UserAccess` (Apex Reference Guide › Security Class, SObjectAccessDecision Class,
 * AccessType Enum; Apex Developer Guide › Enforce Security with the stripInaccessible Method): new
 * records identical to the source except for the fields the running user cannot access for the
 * operation, which are absent (`isSet` is false); the Id is never stripped; relationship fields and
 * sub-query records are checked too. The interpreter wraps the result as `SObjectAccessDecision`.
 */
import { UnsupportedApexError } from '../errors.ts';
import type { UserAccess } from './access.ts';
import { fieldOf, type FieldDescribe } from './schema.ts';
import type { SObject } from './sobject.ts';

/** `System.AccessType` values. */
export type AccessType = 'READABLE' | 'CREATABLE' | 'UPDATABLE' | 'UPSERTABLE';

/** What `SObjectAccessDecision` returns: `getRecords()`, `getRemovedFields()`, `getModifiedIndexes()`. */
export interface SObjectAccessDecisionData {
    records: SObject[];
    /** Object API name → names of the fields removed from records of that object. */
    removedFields: Map<string, Set<string>>;
    /** Indexes of source records that lost a field (top-level or in a related record). */
    modifiedIndexes: Set<number>;
}

/**
 * Whether the user passes `type`'s field check: READABLE is read access; CREATABLE create (field-level
 * edit on a field the describe says is createable); UPDATABLE edit on an updateable field; UPSERTABLE
 * both (AccessType Enum: "for both insert and update access").
 */
function fieldPasses(access: UserAccess, object: string, f: FieldDescribe, type: AccessType): boolean {
    if (type === 'READABLE') return access.checkField(object, f.name, 'read');
    const create = type === 'CREATABLE' || type === 'UPSERTABLE';
    const update = type === 'UPDATABLE' || type === 'UPSERTABLE';
    if (create && f.createable === false) return false;
    if (update && f.updateable === false) return false;
    if ((create && f.createable === undefined) || (update && f.updateable === undefined))
        throw new UnsupportedApexError(
            `Security.stripInaccessible(${type}) on ${object}.${f.name} (whether the field is ${create ? 'createable' : 'updateable'} is not documented in the schema)`
        );
    // UPSERTABLE needs both; a create-only check needs the object's Create, not its Edit.
    return (
        (!create || access.checkField(object, f.name, 'edit', 'create')) &&
        (!update || access.checkField(object, f.name, 'edit', 'edit'))
    );
}

function objectPasses(access: UserAccess, object: string, type: AccessType): boolean {
    switch (type) {
        case 'READABLE':
            return access.checkObject(object, 'read');
        case 'CREATABLE':
            return access.checkObject(object, 'create');
        case 'UPDATABLE':
            return access.checkObject(object, 'edit');
        case 'UPSERTABLE':
            return access.checkObject(object, 'create') && access.checkObject(object, 'edit');
    }
}

function strip(
    access: UserAccess,
    type: AccessType,
    source: SObject,
    removed: Map<string, Set<string>>
): { copy: SObject; modified: boolean } {
    const copy = source.clone(true, false, true, true);
    let modified = false;
    const object = source.describe.name;
    for (const name of source.fieldNames()) {
        const f = fieldOf(source.describe, name)!;
        if (f.name === 'Id' || fieldPasses(access, object, f, type)) continue;
        copy.unset(f.name);
        if (copy.queried) copy.queried.delete(f.name.toLowerCase());
        let set = removed.get(object);
        if (!set) removed.set(object, (set = new Set()));
        set.add(f.name);
        modified = true;
    }
    for (const [rel, parent] of source.parentEntries()) {
        if (!parent) continue;
        related(access, parent.type, `${object}.${rel}`);
        const r = strip(access, type, parent, removed);
        copy.putSObject(rel, r.copy);
        modified ||= r.modified;
    }
    for (const [rel, children] of source.childEntries()) {
        if (!children) continue;
        const out: SObject[] = [];
        for (const child of children) {
            related(access, child.type, `${object}.${rel}`);
            const r = strip(access, type, child, removed);
            out.push(r.copy);
            modified ||= r.modified;
        }
        copy.setChildren(rel, out);
    }
    return { copy, modified };
}

/** Related records of an object the user cannot read: what the method does with them is not documented. */
function related(access: UserAccess, object: string, where: string): void {
    if (!access.checkObject(object, 'read'))
        throw new UnsupportedApexError(
            `Security.stripInaccessible over ${where}: records of ${object}, which the user cannot read (not documented)`
        );
}

/**
 * Strips `records` for `access`'s user. `enforceRootObjectCRUD` (default true) checks the records'
 * object first; the reference says a failed check "throws an exception" without naming its type, so
 * that case is refused rather than raising a guessed one. AggregateResult records are not supported by
 * the method ("an exception is thrown"): refused for the same reason.
 */
export function stripInaccessible(
    access: UserAccess,
    type: AccessType,
    records: SObject[],
    enforceRootObjectCRUD = true
): SObjectAccessDecisionData {
    const removed = new Map<string, Set<string>>();
    const modifiedIndexes = new Set<number>();
    const out: SObject[] = [];
    const checkedObjects = new Set<string>();
    records.forEach((record, index) => {
        if (record.describe.source === 'synthetic')
            throw new UnsupportedApexError(`Security.stripInaccessible of ${record.type} records (AggregateResult)`);
        if (enforceRootObjectCRUD && !checkedObjects.has(record.type)) {
            if (!objectPasses(access, record.type, type))
                throw new UnsupportedApexError(
                    `Security.stripInaccessible(${type}) on ${record.type} without object access: the exception type is not documented`
                );
            checkedObjects.add(record.type);
        }
        const r = strip(access, type, record, removed);
        out.push(r.copy);
        if (r.modified) modifiedIndexes.add(index);
    });
    return { records: out, removedFields: removed, modifiedIndexes };
}
