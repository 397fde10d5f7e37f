/**
 * Runs a SOQL query over the record store (SOQL and SOSL Reference › SOQL SELECT Syntax; Apex
 * Developer Guide › SOQL and SOSL Queries). Results are fresh SObjects holding only the selected
 * fields (and Id), marked as queried so that reading another field raises the documented
 * SObjectException; aggregate queries return AggregateResult rows; `SELECT COUNT()` returns a number.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { fieldOf, type SObjectDescribe } from '../schema.ts';
import { SObject } from '../sobject.ts';
import type { FieldPath, OrderItem, SelectItem, SoqlBind, SoqlQuery } from './ast.ts';
import { checkSecurityEnforced, checkUserMode, type AccessNeeds } from './access-check.ts';
import { executeAggregate, isAggregateQuery } from './aggregate.ts';
import { checkContentDocumentLinkFilter } from './content-document-link-filter.ts';
import { parseSoql } from './parse.ts';
import { follow, readPath, resolveChild, resolvePath, unknownObject, type ResolvedPath } from './resolve.ts';
import type { QueryContext } from './source.ts';
import { compareKeys, compareKindOf, keyOf, queryException, type Key } from './values.ts';
import { compileWhere, type Predicate, type WhereScope } from './where.ts';

/** SOQL and SOSL Reference › OFFSET: "The maximum offset is 2,000 rows." */
export const MAX_OFFSET = 2000;

/**
 * Runs `query` (text or parsed). Returns the result rows, or for `SELECT COUNT() …` the count.
 * Counts one SOQL query and the rows returned against the limits (aggregate row counting:
 * Apex Developer Guide › Working with SOQL Aggregate Functions).
 */
export function executeSoql(
    query: SoqlQuery | string,
    ctx: QueryContext,
    rowLimit: 'queryRows' | 'queryLocatorRows' = 'queryRows'
): SObject[] | number {
    const q = typeof query === 'string' ? parseSoql(query) : query;
    ctx.limits.count('soqlQueries', 1);
    const root = ctx.source.describe(q.from);
    if (!root) throw unknownObject(q.from);
    checkContentDocumentLinkFilter(q, root.name, ctx);
    const mode =
        q.withMode === 'user'
            ? 'user'
            : q.withMode === 'system'
              ? 'system'
              : q.withMode === 'securityEnforced'
                ? 'securityEnforced'
                : ctx.mode;
    if (isAggregateQuery(q)) return executeAggregate(q, root, ctx, mode, planWhere(q, root, ctx));
    return new Plan(q, root, ctx, rowLimit).run(mode);
}

/** A compiled WHERE and the paths it reads. */
export interface WherePlan {
    predicate: Predicate | undefined;
    paths: ResolvedPath[];
    /** The only Ids that can match (WHERE Id = … / Id IN … at the top level). */
    idKeys?: Set<string>;
}

/** Compiles a query's WHERE (binds evaluated now, once). */
export function planWhere(q: SoqlQuery, root: SObjectDescribe, ctx: QueryContext): WherePlan {
    const scope: WhereScope = { ctx, root, paths: [], semiJoin: (sub) => semiJoin(sub, ctx) };
    if (q.fromAlias) scope.alias = q.fromAlias;
    const predicate = q.where ? compileWhere(q.where, scope) : undefined;
    const plan: WherePlan = { predicate, paths: scope.paths };
    if (scope.idKeys) plan.idKeys = scope.idKeys;
    return plan;
}

/**
 * The records of `object` the WHERE can match, in store (insertion) order: by Id when the WHERE
 * pins the Ids (generated Ids increase with insertion, so sorting them keeps that order), else all.
 */
export function candidates(
    object: SObjectDescribe,
    where: WherePlan,
    ctx: QueryContext,
    allRows: boolean
): Iterable<SObject> {
    if (!where.idKeys || allRows) return ctx.source.records(object.name, allRows);
    const out: SObject[] = [];
    for (const id of [...where.idKeys].sort()) {
        const r = ctx.source.recordById(id);
        if (r && r.describe === object) out.push(r);
    }
    return out;
}

/** `Id IN (SELECT AccountId FROM Contact …)`: the values of the sub-query's single selected field. */
function semiJoin(sub: SoqlQuery, ctx: QueryContext): Set<string> {
    const object = ctx.source.describe(sub.from);
    if (!object) throw unknownObject(sub.from);
    if (sub.select.length !== 1 || sub.select[0].kind !== 'field')
        throw queryException('semi join sub-selects must select exactly one Id or reference field');
    const path = resolvePath(ctx.source, object, sub.select[0].path, sub.fromAlias);
    if (path.field.apexType !== 'Id')
        throw queryException('semi join sub-selects must select an Id or reference field');
    const where = planWhere(sub, object, ctx).predicate;
    const out = new Set<string>();
    for (const r of ctx.source.records(object.name, false)) {
        if (where && !where(r)) continue;
        const v = readPath(ctx.source, r, path);
        if (typeof v === 'string') out.add(v);
    }
    return out;
}

/** A number from a LIMIT/OFFSET literal or bind. */
export function intOf(v: number | SoqlBind | undefined, ctx: QueryContext, clause: string): number | undefined {
    if (v === undefined) return undefined;
    const n = typeof v === 'number' ? v : ctx.resolveBind(v.text);
    if (typeof n !== 'number' || !Number.isInteger(n)) throw queryException(`${clause} must be an Integer`);
    if (n < 0) throw queryException(`${clause} must be a non-negative integer`);
    return n;
}

/** What a result record holds: its fields, parents reached through relationships, child sub-queries. */
export interface Shape {
    fields: string[];
    parents: Map<string, { relationshipName: string; hop: ResolvedPath['hops'][number]; shape: Shape }>;
    children: ChildPlan[];
}

function newShape(): Shape {
    return { fields: [], parents: new Map(), children: [] };
}

function addPath(shape: Shape, path: ResolvedPath): void {
    let s = shape;
    for (const hop of path.hops) {
        const key = hop.relationshipName.toLowerCase();
        let p = s.parents.get(key);
        if (!p) {
            p = { relationshipName: hop.relationshipName, hop, shape: newShape() };
            s.parents.set(key, p);
        }
        s = p.shape;
    }
    if (!s.fields.some((f) => f.toLowerCase() === path.field.name.toLowerCase())) s.fields.push(path.field.name);
}

/** A sort key extractor and direction for ORDER BY. */
export interface SortKey {
    read(r: SObject): Key;
    descending: boolean;
    nullsLast: boolean;
    caseSensitive: boolean;
}

/**
 * Sorts in place by ORDER BY items (SOQL and SOSL Reference › ORDER BY: ascending by default,
 * "By default, null values are sorted first", "Sorting is case insensitive"). Stable: ties keep
 * store order.
 */
export function sortRecords<T>(
    rows: T[],
    keys: { read(r: T): Key; descending: boolean; nullsLast: boolean; caseSensitive: boolean }[]
): void {
    if (keys.length === 0) return;
    // Case folding once per row, not once per comparison.
    const decorated = rows.map((r) => ({
        r,
        k: keys.map((k) => {
            const v = k.read(r);
            return typeof v === 'string' && !k.caseSensitive ? v.toUpperCase() : v;
        })
    }));
    decorated.sort((a, b) => {
        for (let i = 0; i < keys.length; i++) {
            const x = a.k[i];
            const y = b.k[i];
            const spec = keys[i];
            if (x === null && y === null) continue;
            if (x === null) return spec.nullsLast ? 1 : -1;
            if (y === null) return spec.nullsLast ? -1 : 1;
            const c = compareKeys(x, y, true);
            if (c !== 0) return spec.descending ? -c : c;
        }
        return 0;
    });
    for (let i = 0; i < rows.length; i++) rows[i] = decorated[i].r;
}

/** ORDER BY items over stored records of `root`. */
export function orderKeys(
    items: OrderItem[],
    root: SObjectDescribe,
    ctx: QueryContext,
    alias: string | undefined,
    paths: ResolvedPath[]
): SortKey[] {
    return items.map((o) => {
        if (o.target.kind !== 'field') throw queryException('Ordering by an aggregate requires GROUP BY');
        const path = resolvePath(ctx.source, root, o.target.path, alias);
        paths.push(path);
        const kind = compareKindOf(path.field);
        if (!kind) throw new UnsupportedApexError(`SOQL ORDER BY a ${path.field.apexType} field`);
        if (path.field.type === 'MULTIPICKLIST')
            throw queryException(`field '${path.field.name}' can not be sorted in a query call`);
        return {
            read: (r: SObject) => keyOf(readPath(ctx.source, r, path), kind, ctx.temporal) ?? null,
            descending: o.descending,
            nullsLast: o.nullsLast,
            caseSensitive: path.field.caseSensitive === true
        };
    });
}

/** A child sub-query of a parent query. */
interface ChildPlan {
    relationshipName: string;
    child: SObjectDescribe;
    /** The child's reference field to the parent. */
    parentField: string;
    shape: Shape;
    where: Predicate | undefined;
    order: SortKey[];
    limit: number | undefined;
    paths: ResolvedPath[];
}

class Plan {
    private readonly q: SoqlQuery;
    private readonly root: SObjectDescribe;
    private readonly ctx: QueryContext;
    private readonly needs: AccessNeeds;
    private readonly selectNeeds: AccessNeeds;
    private rowCount = 0;
    private readonly rowLimit: 'queryRows' | 'queryLocatorRows';

    constructor(q: SoqlQuery, root: SObjectDescribe, ctx: QueryContext, rowLimit: 'queryRows' | 'queryLocatorRows') {
        this.rowLimit = rowLimit;
        this.q = q;
        this.root = root;
        this.ctx = ctx;
        this.needs = { objects: [root.name], paths: [] };
        this.selectNeeds = { objects: [root.name], paths: [] };
    }

    run(mode: 'user' | 'system' | 'securityEnforced'): SObject[] {
        const { q, root, ctx } = this;
        const shape = this.shapeOf(q.select, root, q.fromAlias, true);
        const where = planWhere(q, root, ctx);
        const orderPaths: ResolvedPath[] = [];
        const order = orderKeys(q.orderBy, root, ctx, q.fromAlias, orderPaths);
        for (const p of [...where.paths, ...orderPaths]) this.needs.paths.push({ path: p, root: root.name });
        if (mode === 'user') checkUserMode(ctx.access, this.needs);
        if (mode === 'securityEnforced') checkSecurityEnforced(ctx.access, this.selectNeeds);
        const limit = intOf(q.limit, ctx, 'LIMIT');
        const offset = intOf(q.offset, ctx, 'OFFSET') ?? 0;
        // Observed in orgs (the reference documents NUMBER_OUTSIDE_VALID_RANGE for the API): Apex raises a QueryException.
        if (offset > MAX_OFFSET) throw queryException(`Maximum SOQL offset allowed is ${MAX_OFFSET}`);

        let rows: SObject[] = [];
        for (const r of candidates(root, where, ctx, q.allRows))
            if (!where.predicate || where.predicate(r)) rows.push(r);
        sortRecords(rows, order);
        if (offset > 0 || limit !== undefined)
            rows = rows.slice(offset, limit === undefined ? undefined : offset + limit);
        const results = rows.map((r) => buildRecord(this.ctx.source, r, shape));
        this.addChildren(results, rows, shape);
        this.rowCount += results.length;
        ctx.limits.count(this.rowLimit, this.rowCount);
        return results;
    }

    /** The shape of a SELECT list; child sub-queries are planned here. */
    private shapeOf(select: SelectItem[], object: SObjectDescribe, alias: string | undefined, top: boolean): Shape {
        const shape = newShape();
        for (const item of select) {
            if (item.kind === 'aggregate')
                throw queryException('Aggregate functions require every other selected field to be grouped');
            if (item.kind === 'subquery') {
                if (!top) throw queryException('Nested sub-queries are not supported');
                shape.children.push(this.childPlan(item.query, object));
                continue;
            }
            if (item.alias) throw queryException(`unexpected token: '${item.alias}'`);
            const path = resolvePath(this.ctx.source, object, item.path, alias);
            if (top) {
                this.needs.paths.push({ path, root: object.name });
                this.selectNeeds.paths.push({ path, root: object.name });
            }
            addPath(shape, path);
        }
        return shape;
    }

    private childPlan(sub: SoqlQuery, parent: SObjectDescribe): ChildPlan {
        const { child, field, name } = resolveChild(this.ctx.source, parent, sub.from);
        const shape = newShape();
        const paths: ResolvedPath[] = [];
        for (const item of sub.select) {
            if (item.kind !== 'field') throw new UnsupportedApexError(`SOQL ${item.kind} in a child sub-query`);
            const path = resolvePath(this.ctx.source, child, stripRelationshipPrefix(item.path, name), sub.fromAlias);
            paths.push(path);
            addPath(shape, path);
        }
        const where = planWhere(sub, child, this.ctx);
        const orderPaths: ResolvedPath[] = [];
        const order = orderKeys(sub.orderBy, child, this.ctx, sub.fromAlias, orderPaths);
        this.needs.objects.push(child.name);
        this.selectNeeds.objects.push(child.name);
        for (const p of paths) {
            this.needs.paths.push({ path: p, root: child.name });
            this.selectNeeds.paths.push({ path: p, root: child.name });
        }
        for (const p of [...where.paths, ...orderPaths]) this.needs.paths.push({ path: p, root: child.name });
        return {
            relationshipName: name,
            child,
            parentField: field.name,
            shape,
            where: where.predicate,
            order,
            limit: intOf(sub.limit, this.ctx, 'LIMIT'),
            paths
        };
    }

    /** Fills the child sub-queries of every result (one pass over each child object). */
    private addChildren(results: SObject[], rows: SObject[], shape: Shape): void {
        for (const plan of shape.children) {
            const wanted = new Map<string, SObject[]>();
            for (const r of rows) if (r.id) wanted.set(r.id, []);
            for (const c of this.ctx.source.records(plan.child.name, false)) {
                const parentId = c.get(plan.parentField);
                if (typeof parentId !== 'string') continue;
                const bucket = wanted.get(parentId);
                if (bucket && (!plan.where || plan.where(c))) bucket.push(c);
            }
            results.forEach((res, i) => {
                let children = wanted.get(rows[i].id ?? '') ?? [];
                sortRecords(children, plan.order);
                if (plan.limit !== undefined) children = children.slice(0, plan.limit);
                this.rowCount += children.length;
                res.setChildren(
                    plan.relationshipName,
                    children.map((c) => buildRecord(this.ctx.source, c, plan.shape))
                );
            });
        }
    }
}

/** A result record of `stored` with the fields of `shape` (and its Id), marked as queried. */
export function buildRecord(source: QueryContext['source'], stored: SObject, shape: Shape): SObject {
    const out = new SObject(stored.describe);
    const queried = new Set<string>(['id']);
    const idField = fieldOf(stored.describe, 'Id');
    if (idField) out.load(idField, stored.get('Id'));
    for (const name of shape.fields) {
        const f = fieldOf(stored.describe, name);
        if (!f) continue;
        out.load(f, stored.get(f.name));
        queried.add(f.name.toLowerCase());
    }
    for (const p of shape.parents.values()) {
        queried.add(p.relationshipName.toLowerCase());
        const parent = follow(source, stored, p.hop);
        out.putSObject(p.relationshipName, parent ? buildRecord(source, parent, p.shape) : null);
    }
    for (const c of shape.children) queried.add(c.relationshipName.toLowerCase());
    out.queried = queried;
    return out;
}

/** The shape of a result holding `paths` (SOSL's RETURNING field lists). */
export function shapeOfPaths(paths: ResolvedPath[]): Shape {
    const shape = newShape();
    for (const p of paths) addPath(shape, p);
    return shape;
}

/** `SELECT Contact.Name FROM Contacts`: a child field may be prefixed by the relationship's object name; strip it. */
function stripRelationshipPrefix(path: FieldPath, relationshipName: string): FieldPath {
    return path.length > 1 && path[0].toLowerCase() === relationshipName.toLowerCase() ? path.slice(1) : path;
}
