/**
 * Runs a SOSL search (SOQL and SOSL Reference › SOSL Syntax, RETURNING FieldSpec, IN SearchGroup,
 * LIMIT n; Apex Developer Guide › Adding SOSL Queries to Unit Tests). The result is one list per
 * RETURNING object, in the clause's order.
 *
 * In an Apex test, a search returns no rows unless `Test.setFixedSearchResults` gave Ids: then "the
 * list of record IDs … replaces the results that would normally be returned by the SOSL query if it
 * were not subject to any WHERE or LIMIT clauses. If these clauses exist in the SOSL query, they are
 * applied to the list of fixed search results" (the RETURNING objects still select which Ids go in
 * which list). Outside tests the search expression is matched against the store's records.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { ApexRuntimeSignal } from '../../values/signal.ts';
import { keyPrefixOf, tryNormalizeId } from '../ids.ts';
import type { FieldDescribe, SObjectDescribe } from '../schema.ts';
import type { SObject } from '../sobject.ts';
import { buildRecord, intOf, orderKeys, shapeOfPaths, sortRecords } from '../soql/execute.ts';
import { firstAccessGap } from '../soql/access-check.ts';
import { resolvePath, type ResolvedPath } from '../soql/resolve.ts';
import type { QueryContext } from '../soql/source.ts';
import { compileWhere, type WhereScope } from '../soql/where.ts';
import type { ReturningSpec, SearchGroup, SoslQuery } from './ast.ts';
import { parseSosl } from './parse.ts';
import { matches, parseSearch, tokensOf, type SearchExpr } from './search-terms.ts';

/** RETURNING FieldSpec: at most 2,000 rows in all ("the LIMIT n clause or 2,000, whichever is smaller"). */
export const MAX_SEARCH_ROWS = 2000;

function searchException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.SearchException', message);
}

/**
 * Runs `query` (text or parsed) and returns `List<List<SObject>>` as arrays. Counts one SOSL query.
 */
export function executeSosl(query: SoslQuery | string, ctx: QueryContext): SObject[][] {
    const q = typeof query === 'string' ? parseSosl(query) : query;
    ctx.limits.count('soslQueries', 1);
    if (!q.returning)
        throw new UnsupportedApexError('SOSL without RETURNING (the searchable objects of an org are not modelled)');
    const mode = q.withMode ?? ctx.mode;
    const text = typeof q.find === 'string' ? q.find : ctx.resolveBind(q.find.text);
    if (typeof text !== 'string') throw searchException('search term must be a String');
    const search = ctx.search?.isTest ? undefined : parseSearch(text);
    let remaining = Math.min(intOf(q.limit, ctx, 'LIMIT') ?? MAX_SEARCH_ROWS, MAX_SEARCH_ROWS);
    return q.returning.map((spec) => {
        const rows = runSpec(spec, q.group, search, ctx, mode).slice(0, remaining);
        remaining -= rows.length;
        return rows;
    });
}

function runSpec(
    spec: ReturningSpec,
    group: SearchGroup,
    search: SearchExpr | undefined,
    ctx: QueryContext,
    mode: 'user' | 'system'
): SObject[] {
    const object = ctx.source.describe(spec.object);
    if (!object) throw searchException(`sObject type '${spec.object}' is not supported.`);
    const paths = spec.fields.map((f) => resolvePath(ctx.source, object, f));
    const scope: WhereScope = {
        ctx,
        root: object,
        paths: [],
        semiJoin: () => {
            throw new UnsupportedApexError('a semi-join in a SOSL WHERE');
        }
    };
    const where = spec.where ? compileWhere(spec.where, scope) : undefined;
    const orderPaths: ResolvedPath[] = [];
    const order = orderKeys(spec.orderBy, object, ctx, undefined, orderPaths);
    if (mode === 'user') checkUserMode(ctx, object, [...paths, ...scope.paths, ...orderPaths]);

    let candidates = search ? searchRecords(object, group, search, ctx) : fixedRecords(object, ctx);
    if (where) candidates = candidates.filter(where);
    sortRecords(candidates, order);
    const offset = intOf(spec.offset, ctx, 'OFFSET') ?? 0;
    // SOQL and SOSL Reference › OFFSET n: "Requesting an offset greater than 2,000 will result in a System.SearchException".
    if (offset > 2000) throw searchException('SOSL offset should be between 0 to 2000');
    const limit = intOf(spec.limit, ctx, 'LIMIT');
    candidates = candidates.slice(offset, limit === undefined ? undefined : offset + limit);
    const shape = shapeOfPaths(paths);
    return candidates.map((r) => buildRecord(ctx.source, r, shape));
}

/**
 * User mode for SOSL: the running user's object permissions and field-level security apply to the
 * RETURNING object and every field the search reads, parent fields (`Account.Name`) included, through
 * the reference field and the parent object (Apex Developer Guide › Enforce User Mode for Database
 * Operations: FLS and object permissions "are respected in user mode", for SOQL and SOSL alike); the
 * walk is SOQL's (`firstAccessGap`). What a SOSL search returns to a user who cannot read one of them
 * (an error, or rows without that field) is not documented, so such a search is refused, never guessed.
 */
function checkUserMode(ctx: QueryContext, object: SObjectDescribe, paths: ResolvedPath[]): void {
    const gap = firstAccessGap(ctx.access, {
        objects: [object.name],
        paths: paths.map((path) => ({ path, root: object.name }))
    });
    if (!gap) return;
    if (gap.kind === 'object')
        throw new UnsupportedApexError(
            gap.object === object.name
                ? `a user-mode SOSL search RETURNING ${object.name}, which the running user cannot read`
                : `a user-mode SOSL search returning fields of ${gap.object}, which the running user cannot read`
        );
    throw new UnsupportedApexError(
        `a user-mode SOSL search returning ${object.name}.${gap.path.key}, which the running user cannot read (${gap.object}.${gap.field})`
    );
}

/** Test context: the fixed Ids of this object, in the order given; none when no fixed results were set. */
function fixedRecords(object: SObjectDescribe, ctx: QueryContext): SObject[] {
    const out: SObject[] = [];
    for (const raw of ctx.search?.fixedResults ?? []) {
        const id = tryNormalizeId(raw);
        if (!id || keyPrefixOf(id) !== object.keyPrefix) continue;
        const record = ctx.source.recordById(id);
        if (record) out.push(record);
    }
    return out;
}

/** The fields a search group covers (SOQL and SOSL Reference › IN SearchGroup). */
function searchedFields(object: SObjectDescribe, group: SearchGroup): FieldDescribe[] {
    const text = [...object.fields.values()].filter((f) => f.apexType === 'String');
    switch (group) {
        case 'ALL':
            return text;
        case 'NAME':
            return text.filter((f) => f.isNameField);
        case 'EMAIL':
        case 'PHONE': {
            const unknown = text.find((f) => f.type === undefined);
            if (unknown)
                throw new UnsupportedApexError(
                    `IN ${group} FIELDS on ${object.name}: the display type of ${unknown.name} is not documented in the schema`
                );
            return text.filter((f) => f.type === group);
        }
        default:
            throw new UnsupportedApexError(`SOSL IN ${group} FIELDS`);
    }
}

function searchRecords(object: SObjectDescribe, group: SearchGroup, search: SearchExpr, ctx: QueryContext): SObject[] {
    // A field the row holds no value for is null, unless it is a formula (which `get` refuses: never computed).
    const fields = searchedFields(object, group).map((f) => ({
        name: f.name,
        key: f.name.toLowerCase(),
        formula: f.formula !== undefined
    }));
    const out: SObject[] = [];
    for (const r of ctx.source.records(object.name, false)) {
        const tokens: string[][] = [];
        for (const f of fields) {
            const stored = r.storedValue(f.key);
            const v = stored === undefined && f.formula ? r.get(f.name) : stored;
            if (typeof v === 'string' && v !== '') tokens.push(cachedTokens(v));
        }
        if (tokens.length > 0 && matches(search, tokens)) out.push(r);
    }
    return out;
}

/** Tokens by field value: a search scans every row, and the values rarely change between searches. */
const TOKEN_CACHE = new Map<string, string[]>();
const TOKEN_CACHE_LIMIT = 500_000;

function cachedTokens(value: string): string[] {
    let tokens = TOKEN_CACHE.get(value);
    if (!tokens) {
        if (TOKEN_CACHE.size >= TOKEN_CACHE_LIMIT) TOKEN_CACHE.clear();
        tokens = tokensOf(value);
        TOKEN_CACHE.set(value, tokens);
    }
    return tokens;
}

const SIMPLE_BIND = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `Search.query(searchString[, accessLevel])` (Apex Reference Guide › Search Class). */
export function searchQuery(text: string, ctx: QueryContext, accessLevel?: 'user' | 'system'): SObject[][] {
    return executeSosl(text, {
        ...ctx,
        mode: accessLevel ?? ctx.mode,
        resolveBind: (name) => {
            if (!SIMPLE_BIND.test(name))
                throw new ApexRuntimeSignal(
                    'System.QueryException',
                    'Only variable references are allowed in dynamic SOQL/SOSL.'
                );
            return ctx.resolveBind(name);
        }
    });
}
