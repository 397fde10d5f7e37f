/**
 * DML in user mode (`insert as user`, `Database.insert(records, AccessLevel.USER_MODE)`): the running
 * user's object permissions and field-level security are enforced (Apex Developer Guide › Enforce User
 * Mode for Database Operations: "Field-level security (FLS) and object permissions of the running user
 * are respected in user mode"). A refusal is a row error, so `Database.insert(…, false, USER_MODE)`
 * reports it in the save result and `allOrNone` raises DmlException (Apex Reference Guide › AccessLevel
 * Class: "If the user running this Apex code doesn't have write access to the Account object, the
 * Database.insert() method returns an error").
 *
 * Status codes: a missing object permission is INSUFFICIENT_ACCESS_OR_READONLY (SOAP API › StatusCode:
 * the user lacks the access the operation needs); fields the user cannot create or edit are
 * INVALID_FIELD_FOR_INSERT_UPDATE naming them, read back with `DmlException.getDmlFieldNames()`
 * (Enforce User Mode: "you can use the DMLException method getDmlFieldNames() to obtain the fields with
 * FLS errors"). The message texts are those orgs print (not in the guides).
 */
import type { ObjectOp, UserAccess } from './access.ts';
import type { DmlError } from './dml.ts';
import { fieldOf } from './schema.ts';
import type { SObject } from './sobject.ts';

/** `AccessLevel.USER_MODE` / `as user` vs `AccessLevel.SYSTEM_MODE` / `as system` (the default). */
export type AccessLevel = 'user' | 'system';

function same(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a && b && typeof a === 'object' && typeof b === 'object') return String(a) === String(b);
    return false;
}

/**
 * The user-mode error of one row, or `undefined`: the object permission `op` needs, then field-level
 * security of the fields the record sets (create on insert, edit on update). On update, a field whose
 * value equals the stored one (carried over from a query) is not a write and is not checked.
 */
export function userModeError(
    access: UserAccess,
    op: 'insert' | 'update' | 'delete',
    record: SObject,
    stored?: SObject
): DmlError | undefined {
    const objectOp: ObjectOp = op === 'insert' ? 'create' : op === 'update' ? 'edit' : 'delete';
    if (!access.checkObject(record.type, objectOp)) {
        return {
            statusCode: 'INSUFFICIENT_ACCESS_OR_READONLY',
            message: 'insufficient access rights on object id',
            fields: []
        };
    }
    if (op === 'delete') return undefined;
    const denied: string[] = [];
    for (const [name, value] of record.fieldEntries()) {
        const f = fieldOf(record.describe, name)!;
        // Id and platform-set fields are not writes of the user: DML's own validation covers them.
        if (f.name === 'Id' || f.system || f.calculated || f.autoNumber || f.compoundOf) continue;
        if (stored && stored.has(f.name) && same(stored.get(f.name), value)) continue;
        if (!access.checkField(record.type, f.name, 'edit', objectOp === 'create' ? 'create' : 'edit'))
            denied.push(f.name);
    }
    if (!denied.length) return undefined;
    return {
        statusCode: 'INVALID_FIELD_FOR_INSERT_UPDATE',
        message: `Unable to create/update fields: ${denied.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
        fields: denied
    };
}
