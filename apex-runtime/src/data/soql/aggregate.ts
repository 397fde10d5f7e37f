/**
 * Aggregate queries (SOQL and SOSL Reference › Aggregate Functions, GROUP BY, HAVING, COUNT() and
 * COUNT(fieldName); Apex Developer Guide › Working with SOQL Aggregate Functions): rows are
 * `AggregateResult` records keyed by alias, unaliased aggregates are `expr0`, `expr1`… in order.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { Decimal } from '../../values/decimal.ts';
import type { SObjectDescribe } from '../schema.ts';
import { SObject } from '../sobject.ts';
import type { AggregateFn, Condition, FieldPath, SoqlQuery, SoqlValue } from './ast.ts';
import { checkSecurityEnforced, checkUserMode, type AccessNeeds } from './access-check.ts';
import { candidates, intOf, MAX_OFFSET, sortRecords, type WherePlan } from './execute.ts';
import { readPath, resolvePath, type ResolvedPath } from './resolve.ts';
import type { QueryContext } from './source.ts';
import { compareKeys, compareKindOf, keyOf, keysEqual, queryException, type CompareKind, type Key } from './values.ts';

/** Whether a query aggregates (any aggregate function in SELECT, or GROUP BY). */
export function isAggregateQuery(q: SoqlQuery): boolean {
    return q.groupBy.length > 0 || q.select.some((s) => s.kind === 'aggregate');
}

interface AggSpec {
    fn: AggregateFn;
    path?: ResolvedPath;
    alias: string;
}

interface Group {
    rows: SObject[];
    /** Values of the GROUP BY fields, from the group's first row. */
    values: unknown[];
}

/** Runs an aggregate query; `SELECT COUNT()` returns the number of rows. */
export function executeAggregate(
    q: SoqlQuery,
    root: SObjectDescribe,
    ctx: QueryContext,
    mode: 'user' | 'system' | 'securityEnforced',
    where: WherePlan
): SObject[] | number {
    const needs: AccessNeeds = { objects: [root.name], paths: where.paths.map((path) => ({ path, root: root.name })) };
    const selectNeeds: AccessNeeds = { objects: [root.name], paths: [] };
    const resolve = (p: FieldPath): ResolvedPath => {
        const path = resolvePath(ctx.source, root, p, q.fromAlias);
        needs.paths.push({ path, root: root.name });
        return path;
    };
    const limit = intOf(q.limit, ctx, 'LIMIT');
    const offset = intOf(q.offset, ctx, 'OFFSET') ?? 0;
    if (offset > MAX_OFFSET) throw queryException(`Maximum SOQL offset allowed is ${MAX_OFFSET}`);
    const matching: SObject[] = [];
    const collect = (): void => {
        for (const r of candidates(root, where, ctx, q.allRows))
            if (!where.predicate || where.predicate(r)) matching.push(r);
    };

    if (q.isCountOnly) {
        if (q.groupBy.length > 0) throw queryException("COUNT() can't be used with GROUP BY; use COUNT(fieldName)");
        if (q.orderBy.length > 0) throw queryException("COUNT() can't be used with ORDER BY; use COUNT(fieldName)");
        if (mode === 'user') checkUserMode(ctx.access, needs);
        if (mode === 'securityEnforced') checkSecurityEnforced(ctx.access, selectNeeds);
        collect();
        // "You can use COUNT() with a LIMIT clause": the count is of the rows the query would return.
        const count = Math.max(0, Math.min(matching.length - offset, limit ?? Number.MAX_SAFE_INTEGER));
        // "For COUNT() or COUNT(fieldname) queries, limits are counted as one query row".
        ctx.limits.count('queryRows', 1);
        return count;
    }

    const groupPaths = q.groupBy.map(resolve);
    const columns: ({ kind: 'group'; index: number; alias: string } | { kind: 'agg'; spec: AggSpec })[] = [];
    const aggs: AggSpec[] = [];
    let exprIndex = 0;
    for (const item of q.select) {
        if (item.kind === 'subquery') throw queryException('Sub-queries are not allowed in aggregate queries');
        if (item.kind === 'field') {
            const path = resolve(item.path);
            selectNeeds.paths.push({ path, root: root.name });
            const index = groupPaths.findIndex((g) => g.key === path.key);
            if (index < 0) throw queryException(`Field must be grouped or aggregated: ${path.field.name}`);
            columns.push({ kind: 'group', index, alias: item.alias ?? path.field.name });
            continue;
        }
        if (item.fn === 'COUNT' && !item.path)
            throw queryException('COUNT() must be the only element in the SELECT list');
        const spec: AggSpec = { fn: item.fn, alias: item.alias ?? `expr${exprIndex++}` };
        if (item.path) {
            spec.path = resolve(item.path);
            selectNeeds.paths.push({ path: spec.path, root: root.name });
        }
        aggs.push(spec);
        columns.push({ kind: 'agg', spec });
    }
    if (mode === 'user') checkUserMode(ctx.access, needs);
    if (mode === 'securityEnforced') checkSecurityEnforced(ctx.access, selectNeeds);
    collect();

    const groups = groupRows(matching, groupPaths, ctx);
    let out = groups;
    if (q.having) {
        const test = compileHaving(q.having, groupPaths, ctx, q, root);
        out = out.filter(test);
    }
    const order = q.orderBy.map((o) => {
        const read = groupReader(o.target, groupPaths, ctx, q, root);
        return { read, descending: o.descending, nullsLast: o.nullsLast, caseSensitive: false };
    });
    sortRecords(out, order);
    if (offset > 0 || limit !== undefined) out = out.slice(offset, limit === undefined ? undefined : offset + limit);

    const onlyCounts = aggs.every((a) => a.fn === 'COUNT');
    // "All aggregate functions other than COUNT() or COUNT(fieldname) include each row used by the
    // aggregation as a query row"; COUNT(fieldname) counts one row, or one per group with GROUP BY.
    ctx.limits.count('queryRows', onlyCounts ? (q.groupBy.length > 0 ? out.length : 1) : matching.length);
    return out.map((g) =>
        SObject.synthetic(
            'AggregateResult',
            columns.map((c) =>
                c.kind === 'group'
                    ? [c.alias, g.values[c.index]]
                    : [c.spec.alias, aggregate(c.spec.fn, c.spec.path, g.rows, ctx)]
            )
        )
    );
}

function groupKey(v: unknown, path: ResolvedPath, ctx: QueryContext): string {
    const kind = compareKindOf(path.field);
    if (!kind) throw new UnsupportedApexError(`SOQL GROUP BY a ${path.field.apexType} field`);
    const k = keyOf(v, kind, ctx.temporal);
    if (k === null || k === undefined) return '\u0000';
    if (k instanceof Decimal) return k.stripTrailingZeros().toString();
    return typeof k === 'string' && path.field.caseSensitive !== true ? k.toUpperCase() : String(k);
}

function groupRows(rows: SObject[], paths: ResolvedPath[], ctx: QueryContext): Group[] {
    if (paths.length === 0) return [{ rows, values: [] }];
    const groups = new Map<string, Group>();
    for (const r of rows) {
        const values = paths.map((p) => readPath(ctx.source, r, p));
        const key = values.map((v, i) => groupKey(v, paths[i], ctx)).join('\u0001');
        let g = groups.get(key);
        if (!g) {
            g = { rows: [], values };
            groups.set(key, g);
        }
        g.rows.push(r);
    }
    return [...groups.values()];
}

function toDecimal(v: unknown, ctx: QueryContext, path: ResolvedPath): Decimal | null {
    const k = keyOf(v, 'number', ctx.temporal);
    if (k === undefined) throw queryException(`field ${path.field.name} does not support aggregate operator SUM/AVG`);
    return k as Decimal | null;
}

/**
 * An aggregate over a group's rows: COUNT/COUNT_DISTINCT of non-null values (Integer); MIN/MAX the
 * field's own value; SUM and AVG as Decimal (behaviour observed in orgs: AggregateResult numbers of
 * SUM and AVG are Decimals), null over no values.
 */
function aggregate(fn: AggregateFn, path: ResolvedPath | undefined, rows: SObject[], ctx: QueryContext): unknown {
    if (!path) return rows.length;
    const values = rows.map((r) => readPath(ctx.source, r, path)).filter((v) => v !== null && v !== undefined);
    const kind = compareKindOf(path.field) as CompareKind;
    switch (fn) {
        case 'COUNT':
            return values.length;
        case 'COUNT_DISTINCT': {
            const keys = new Set(values.map((v) => groupKey(v, path, ctx)));
            return keys.size;
        }
        case 'MIN':
        case 'MAX': {
            if (values.length === 0) return null;
            let best = values[0];
            for (const v of values.slice(1)) {
                const c = compareKeys(keyOf(v, kind, ctx.temporal) as Key, keyOf(best, kind, ctx.temporal) as Key);
                if (fn === 'MIN' ? c < 0 : c > 0) best = v;
            }
            return best;
        }
        case 'SUM':
        case 'AVG': {
            if (values.length === 0) return null;
            let sum = Decimal.fromInteger(0);
            for (const v of values) sum = sum.add(toDecimal(v, ctx, path) as Decimal);
            return fn === 'SUM' ? sum : sum.divideOperator(Decimal.fromInteger(values.length));
        }
    }
}

type Target = { kind: 'field'; path: FieldPath } | { kind: 'aggregate'; fn: AggregateFn; path?: FieldPath };

/** Reads a GROUP BY field or an aggregate of a group, as a comparison key. */
function groupReader(
    target: Target,
    groupPaths: ResolvedPath[],
    ctx: QueryContext,
    q: SoqlQuery,
    root: SObjectDescribe
): (g: Group) => Key {
    if (target.kind === 'field') {
        const path = resolvePath(ctx.source, root, target.path, q.fromAlias);
        const index = groupPaths.findIndex((g) => g.key === path.key);
        if (index < 0) throw queryException(`Ordered field must be grouped or aggregated: ${path.field.name}`);
        const kind = compareKindOf(path.field) as CompareKind;
        return (g) => keyOf(g.values[index], kind, ctx.temporal) ?? null;
    }
    const path = target.path ? resolvePath(ctx.source, root, target.path, q.fromAlias) : undefined;
    const fn = target.fn;
    const kind: CompareKind = fn === 'MIN' || fn === 'MAX' ? (compareKindOf(path!.field) as CompareKind) : 'number';
    return (g) => keyOf(aggregate(fn, path, g.rows, ctx), kind, ctx.temporal) ?? null;
}

/** HAVING over groups: comparisons of grouped fields or aggregates with literals or binds. */
function compileHaving(
    cond: Condition,
    groupPaths: ResolvedPath[],
    ctx: QueryContext,
    q: SoqlQuery,
    root: SObjectDescribe
): (g: Group) => boolean {
    switch (cond.kind) {
        case 'and': {
            const items = cond.items.map((c) => compileHaving(c, groupPaths, ctx, q, root));
            return (g) => items.every((t) => t(g));
        }
        case 'or': {
            const items = cond.items.map((c) => compileHaving(c, groupPaths, ctx, q, root));
            return (g) => items.some((t) => t(g));
        }
        case 'not': {
            const item = compileHaving(cond.item, groupPaths, ctx, q, root);
            return (g) => !item(g);
        }
        case 'compare': {
            const read = groupReader(cond.left, groupPaths, ctx, q, root);
            const kind: CompareKind =
                cond.left.kind === 'field'
                    ? (compareKindOf(resolvePath(ctx.source, root, cond.left.path, q.fromAlias).field) as CompareKind)
                    : cond.left.fn === 'MIN' || cond.left.fn === 'MAX'
                      ? (compareKindOf(
                            resolvePath(ctx.source, root, cond.left.path!, q.fromAlias).field
                        ) as CompareKind)
                      : 'number';
            const values = havingValues(cond.value, kind, ctx);
            const op = cond.op;
            return (g) => {
                const v = read(g);
                if (op === 'IN' || op === 'NOT IN') {
                    const hit = values.some((x) => (x === null ? v === null : v !== null && keysEqual(v, x, false)));
                    return op === 'IN' ? hit : !hit;
                }
                const x = values[0];
                if (op === '=') return x === null ? v === null : v !== null && keysEqual(v, x, false);
                if (op === '!=') return x === null ? v !== null : v === null || !keysEqual(v, x, false);
                if (v === null || x === null) return false;
                const c = compareKeys(v, x);
                if (op === '<') return c < 0;
                if (op === '<=') return c <= 0;
                if (op === '>') return c > 0;
                if (op === '>=') return c >= 0;
                throw new UnsupportedApexError(`SOQL ${op} in HAVING`);
            };
        }
    }
}

function havingValues(value: SoqlValue, kind: CompareKind, ctx: QueryContext): Key[] {
    const one = (v: SoqlValue): Key => {
        switch (v.kind) {
            case 'null':
                return null;
            case 'number':
                return Decimal.parse(v.text);
            case 'string':
                return v.value;
            case 'boolean':
                return v.value;
            case 'bind': {
                const k = keyOf(ctx.resolveBind(v.text), kind, ctx.temporal);
                if (k === undefined) throw queryException('Invalid bind expression type in HAVING');
                return k;
            }
            default:
                throw new UnsupportedApexError(`SOQL ${v.kind} value in HAVING`);
        }
    };
    if (value.kind === 'list') return value.values.map(one);
    if (value.kind === 'bind') {
        const elements = ctx.elementsOf(ctx.resolveBind(value.text));
        if (elements) return elements.map((e) => keyOf(e, kind, ctx.temporal) ?? null);
    }
    return [one(value)];
}
