/**
 * What the interpreter needs from the data layer's SObject value (`data/sobject.ts`).
 */
import { SObject } from '../data/sobject.ts';

export { SObject };

/** Whether `v` is an SObject value. */
export function isSObject(v: unknown): v is SObject {
    return v instanceof SObject;
}

/** The API name of an SObject value's type. */
export function sobjectType(v: SObject): string {
    return v.type;
}

/** What the interpreter asks of the schema: the API name of an SObject type, by lower-case name. */
export interface SObjectTypes {
    objectName(lname: string): string | undefined;
}
