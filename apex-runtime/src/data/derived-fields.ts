/**
 * Fields the platform fills in from a parent row when a record is saved, whatever the caller sent.
 *
 * User.UserType: "The category of user license. Each UserType is associated with one or more UserLicense
 * records. Each UserLicense is associated with one or more profiles" (Object Reference › User,
 * https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_user.htm);
 * the profile carries the same category (Object Reference › Profile › UserType), so a user's type is its profile's.
 */
import { fieldOf, type SObjectDescribe } from './schema.ts';
import type { SObject } from './sobject.ts';

interface ParentDerivedField {
    /** Object the rule applies to (lower case). */
    object: string;
    field: string;
    /** The reference field naming the parent. */
    via: string;
    /** The parent's field copied. */
    parentField: string;
}

const PARENT_DERIVED: readonly ParentDerivedField[] = [
    { object: 'user', field: 'UserType', via: 'ProfileId', parentField: 'UserType' }
];

/** The rules of an object (empty for most). */
function rulesOf(d: SObjectDescribe): readonly ParentDerivedField[] {
    return PARENT_DERIVED.filter((r) => r.object === d.name.toLowerCase() && fieldOf(d, r.field) !== undefined);
}

/**
 * The derived values of a record about to be saved, as `[field, value]` pairs: each read from the parent
 * `parentOf` returns for the record's reference (an absent parent leaves the field null).
 * @param d the record's object
 * @param referenceOf the value the record will hold in a reference field after the save
 * @param parentOf a stored row by Id
 */
export function parentDerivedValues(
    d: SObjectDescribe,
    referenceOf: (field: string) => unknown,
    parentOf: (id: string) => SObject | undefined
): [string, unknown][] {
    const values: [string, unknown][] = [];
    for (const rule of rulesOf(d)) {
        const parentId = referenceOf(rule.via);
        const parent = typeof parentId === 'string' ? parentOf(parentId) : undefined;
        values.push([
            fieldOf(d, rule.field)!.name,
            parent?.has(rule.parentField) ? parent.get(rule.parentField) : null
        ]);
    }
    return values;
}

/** Whether the object has a field derived from a parent (so a save must compute it). */
export function hasParentDerivedFields(d: SObjectDescribe): boolean {
    return rulesOf(d).length > 0;
}
