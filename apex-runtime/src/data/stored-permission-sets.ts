/**
 * The grants of a permission set created at run time (a `PermissionSet` row Apex inserted, which no
 * project metadata describes), read from the store as the Object Reference models them: the custom
 * permissions and Apex classes its `SetupEntityAccess` rows enable (SetupEntityAccess: "Represents the
 * enabled setup entity access settings … for the parent PermissionSet"), its `ObjectPermissions` and
 * `FieldPermissions` rows, and its system permissions (the `Permissions<Name>` checkboxes of PermissionSet).
 */
import { UnsupportedApexError } from '../errors.ts';
import type { PermissionSetGrants } from './org-metadata.ts';
import type { SObject } from './sobject.ts';
import type { RecordStore } from './store.ts';

const SYSTEM_PERMISSION = /^permissions(.+)$/i;

function flag(row: SObject, field: string): boolean {
    return row.has(field) && row.get(field) === true;
}

function text(row: SObject, field: string): string | null {
    const v = row.has(field) ? row.get(field) : null;
    return typeof v === 'string' ? v : null;
}

/** The grants of the stored PermissionSet `ps`, from the store's rows that name it as their parent. */
export function storedPermissionSetGrants(store: RecordStore, ps: SObject): PermissionSetGrants {
    const name = text(ps, 'Name') ?? '';
    const grants: PermissionSetGrants = {
        name,
        label: text(ps, 'Label') ?? name,
        objects: new Map(),
        fields: new Map(),
        customPermissions: new Set(),
        classes: new Set(),
        userPermissions: new Set()
    };
    for (const [field, value] of ps.getPopulatedFields()) {
        const m = SYSTEM_PERMISSION.exec(field);
        if (m?.[1] && value === true) grants.userPermissions.add(m[1].toLowerCase());
    }
    const children = (type: string): SObject[] => [...store.rows(type)].filter((row) => row.get('ParentId') === ps.id);
    for (const access of children('SetupEntityAccess')) {
        const entityId = text(access, 'SetupEntityId');
        const entity = entityId ? store.get(entityId) : undefined;
        if (entity?.type === 'CustomPermission') {
            const developerName = text(entity, 'DeveloperName');
            if (developerName) grants.customPermissions.add(developerName.toLowerCase());
        } else if (entity?.type === 'ApexClass') {
            const className = text(entity, 'Name');
            if (className) grants.classes.add(className.toLowerCase());
        } else {
            throw new UnsupportedApexError(
                `SetupEntityAccess ${access.id} of permission set ${name} to a ${entity?.type ?? 'missing'} entity`
            );
        }
    }
    if (store.schema.describe('ObjectPermissions'))
        for (const op of children('ObjectPermissions')) {
            const object = text(op, 'SobjectType');
            if (!object) continue;
            grants.objects.set(object.toLowerCase(), {
                read: flag(op, 'PermissionsRead'),
                create: flag(op, 'PermissionsCreate'),
                edit: flag(op, 'PermissionsEdit'),
                delete: flag(op, 'PermissionsDelete'),
                viewAll: flag(op, 'PermissionsViewAllRecords'),
                modifyAll: flag(op, 'PermissionsModifyAllRecords')
            });
        }
    if (store.schema.describe('FieldPermissions'))
        for (const fp of children('FieldPermissions')) {
            const field = text(fp, 'Field');
            if (!field) continue;
            grants.fields.set(field.toLowerCase(), {
                readable: flag(fp, 'PermissionsRead'),
                editable: flag(fp, 'PermissionsEdit')
            });
        }
    return grants;
}
