/**
 * The Apex entry points over SOQL: inline query assignment, `Database.query`, `Database.queryWithBinds`,
 * `Database.countQuery` and `Database.getQueryLocator` (Apex Reference Guide › Database Class; Apex
 * Developer Guide › Dynamic SOQL). The interpreter wraps the returned rows in its List and the query
 * locator in its own object.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { SObject } from '../sobject.ts';
import type { SoqlQuery } from './ast.ts';
import { executeSoql } from './execute.ts';
import { parseSoql } from './parse.ts';
import type { QueryContext } from './source.ts';
import { queryException } from './values.ts';

/**
 * `Contact c = [SELECT …];`: the single row, else `System.QueryException: List has no rows for
 * assignment to SObject` or `List has more than 1 row for assignment to SObject` (Apex Developer Guide
 * › SOQL and SOSL Queries: a query assigned to a single sObject must return exactly one row).
 */
export function assignSingleRow(rows: readonly SObject[]): SObject {
    if (rows.length === 0) throw queryException('List has no rows for assignment to SObject');
    if (rows.length > 1) throw queryException('List has more than 1 row for assignment to SObject');
    return rows[0];
}

/** An access level argument (`AccessLevel.USER_MODE`) or none. */
export type AccessLevelArg = 'user' | 'system' | undefined;

const SIMPLE_BIND = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Dynamic SOQL allows simple variable binds only ("you can't use bind variable fields in the query
 * string", Apex Developer Guide › Dynamic SOQL); orgs raise `Only variable references are allowed in
 * dynamic SOQL/SOSL.` (message observed in orgs).
 */
function dynamicContext(ctx: QueryContext, accessLevel: AccessLevelArg): QueryContext {
    return {
        ...ctx,
        mode: accessLevel ?? ctx.mode,
        resolveBind: (text) => {
            if (!SIMPLE_BIND.test(text))
                throw queryException('Only variable references are allowed in dynamic SOQL/SOSL.');
            return ctx.resolveBind(text);
        }
    };
}

function rowsOf(result: SObject[] | number, what: string): SObject[] {
    if (typeof result === 'number')
        throw new UnsupportedApexError(`${what} of a SELECT COUNT() query (use Database.countQuery)`);
    return result;
}

/** `Database.query(queryString[, accessLevel])`. */
export function databaseQuery(text: string, ctx: QueryContext, accessLevel?: AccessLevelArg): SObject[] {
    return rowsOf(executeSoql(text, dynamicContext(ctx, accessLevel)), 'Database.query');
}

/**
 * `Database.queryWithBinds(queryString, bindMap, accessLevel)`: binds are read from the map by name;
 * a missing key raises `Key 'x' does not exist in the bindMap` (message observed in orgs). Names are
 * matched case-insensitively, as Apex identifiers are.
 */
export function databaseQueryWithBinds(
    text: string,
    binds: ReadonlyMap<string, unknown>,
    ctx: QueryContext,
    accessLevel: AccessLevelArg
): SObject[] {
    const lower = new Map<string, unknown>();
    for (const [k, v] of binds) lower.set(k.toLowerCase(), v);
    const withBinds: QueryContext = {
        ...ctx,
        resolveBind: (name) => {
            const key = name.toLowerCase();
            if (!lower.has(key)) throw queryException(`Key '${name}' does not exist in the bindMap`);
            return lower.get(key);
        }
    };
    return rowsOf(executeSoql(text, dynamicContext(withBinds, accessLevel)), 'Database.queryWithBinds');
}

/** `Database.countQuery(query[, accessLevel])`: the query must be `SELECT COUNT() …`. */
export function databaseCountQuery(text: string, ctx: QueryContext, accessLevel?: AccessLevelArg): number {
    const q: SoqlQuery = parseSoql(text);
    if (!q.isCountOnly) throw queryException('Database.countQuery requires a SELECT COUNT() query');
    return executeSoql(q, dynamicContext(ctx, accessLevel)) as number;
}

/**
 * `Database.getQueryLocator(query[, accessLevel])` with a query string: the rows the locator iterates.
 * Rows count against the query-locator limit, not the query-rows limit (Execution Governors and
 * Limits: "Total number of records retrieved by Database.getQueryLocator").
 */
export function databaseGetQueryLocator(text: string, ctx: QueryContext, accessLevel?: AccessLevelArg): SObject[] {
    return rowsOf(executeSoql(text, dynamicContext(ctx, accessLevel), 'queryLocatorRows'), 'Database.getQueryLocator');
}
