/**
 * Field paths of a query resolved against describe: `Account.Owner.Name` from Contact is the
 * reference fields `AccountId`, `OwnerId` and the field `Name` of User. Names are case-insensitive
 * (SOQL and SOSL Reference › Relationship Queries); an unknown name raises the QueryException orgs
 * raise for dynamic SOQL.
 */
import {
    childRelationshipOf,
    fieldByRelationship,
    fieldOf,
    type FieldDescribe,
    type SObjectDescribe
} from '../schema.ts';
import type { SObject } from '../sobject.ts';
import { keyPrefixOf } from '../ids.ts';
import type { FieldPath } from './ast.ts';
import type { QuerySource } from './source.ts';
import { queryException } from './values.ts';

/** One step through a reference field to its parent. */
export interface Hop {
    /** The reference field on the child (`AccountId`). */
    field: FieldDescribe;
    /** Its relationship name (`Account`). */
    relationshipName: string;
    /** The parent object when the field points to one object; `undefined` when polymorphic (`What`, `Owner` on Task). */
    parent?: SObjectDescribe;
}

/** A resolved field path. */
export interface ResolvedPath {
    hops: Hop[];
    /** The object owning `field` when known (always known without polymorphic hops). */
    owner?: SObjectDescribe;
    /** The field at the end; for a polymorphic last hop, the field as found on the first target object that has it. */
    field: FieldDescribe;
    /** Lower-case dotted path, for de-duplication and group keys. */
    key: string;
}

/** `sObject type 'X' is not supported…`: the message orgs give for an unknown or unreadable object (observed in orgs). */
export function unknownObject(name: string): Error {
    return queryException(
        `sObject type '${name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.`
    );
}

/** `No such column 'X' on entity 'Y'…`: the message orgs give for an unknown field (observed in orgs). */
export function unknownField(field: string, object: string): Error {
    return queryException(
        `No such column '${field}' on entity '${object}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`
    );
}

/** `Didn't understand relationship 'X' in field path…` for an unknown relationship (observed in orgs). */
function unknownRelationship(name: string): Error {
    return queryException(
        `Didn't understand relationship '${name}' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names.`
    );
}

/** Resolves `path` from `root`, stripping a leading FROM alias or object name (`Contact.Name`). */
export function resolvePath(source: QuerySource, root: SObjectDescribe, path: FieldPath, alias?: string): ResolvedPath {
    let parts = [...path];
    if (parts.length > 1 && alias && parts[0].toLowerCase() === alias.toLowerCase()) parts = parts.slice(1);
    const hops: Hop[] = [];
    let current: SObjectDescribe | undefined = root;
    let polymorphicTargets: SObjectDescribe[] | undefined;
    for (let i = 0; i < parts.length - 1; i++) {
        const owner: SObjectDescribe | undefined = current ?? polymorphicTargets?.[0];
        const ref: FieldDescribe | undefined = owner ? fieldByRelationship(owner, parts[i]) : undefined;
        if (!ref || !ref.relationshipName) throw unknownRelationship(parts[i]);
        const targets: SObjectDescribe[] = ref.referenceTo
            .map((t) => source.describe(t))
            .filter((d): d is SObjectDescribe => !!d);
        if (targets.length === 0) throw unknownRelationship(parts[i]);
        const hop: Hop = { field: ref, relationshipName: ref.relationshipName };
        if (targets.length === 1) {
            hop.parent = targets[0];
            current = targets[0];
            polymorphicTargets = undefined;
        } else {
            current = undefined;
            polymorphicTargets = targets;
        }
        hops.push(hop);
    }
    const last = parts[parts.length - 1];
    let field: FieldDescribe | undefined;
    if (current) field = fieldOf(current, last);
    else for (const t of polymorphicTargets ?? []) field ??= fieldOf(t, last);
    if (!field) throw unknownField(last, (current ?? polymorphicTargets?.[0] ?? root).name);
    const resolved: ResolvedPath = { hops, field, key: parts.map((p) => p.toLowerCase()).join('.') };
    if (current) resolved.owner = current;
    return resolved;
}

/** The child relationship a sub-query's FROM names (`Contacts` on Account) and the child object. */
export function resolveChild(
    source: QuerySource,
    parent: SObjectDescribe,
    relationshipName: string
): { child: SObjectDescribe; field: FieldDescribe; name: string } {
    const rel = childRelationshipOf(parent, relationshipName);
    const child = rel ? source.describe(rel.childSObject) : undefined;
    const field = rel?.field && child ? fieldOf(child, rel.field) : undefined;
    if (!rel || !child || !field) throw unknownRelationship(relationshipName);
    return { child, field, name: rel.relationshipName };
}

/** The record a hop leads to from `record`, or null (empty lookup, or a parent not in the store). */
export function follow(source: QuerySource, record: SObject, hop: Hop): SObject | null {
    const id = record.get(hop.field.name);
    if (typeof id !== 'string') return null;
    return source.recordById(id) ?? null;
}

/** The value at the end of a path, null when a lookup on the way is empty. */
export function readPath(source: QuerySource, record: SObject, path: ResolvedPath): unknown {
    let current: SObject | null = record;
    for (const hop of path.hops) {
        current = follow(source, current, hop);
        if (!current) return null;
    }
    if (path.hops.length > 0 && !path.owner && !fieldOf(current.describe, path.field.name)) return null;
    return current.get(path.field.name);
}

/** The object of a polymorphic parent record from its Id's key prefix. */
export function objectOfId(source: QuerySource, id: string): SObjectDescribe | undefined {
    return source.describeByKeyPrefix(keyPrefixOf(id));
}
