/**
 * WHERE conditions compiled to predicates over stored records (SOQL and SOSL Reference ›
 * Condition Expression Syntax, Comparison Operators, Query Multi-Select Picklists). Binds are
 * evaluated once per execution, before any record is read.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { Decimal } from '../../values/decimal.ts';
import { tryNormalizeId } from '../ids.ts';
import type { SObjectDescribe } from '../schema.ts';
import { SObject } from '../sobject.ts';
import type { Condition, FieldPath, SoqlQuery, SoqlValue } from './ast.ts';
import { dateLiteralDays, midnightIn, parseDateLiteral, parseDatetimeLiteral, todayIn } from './dates.ts';
import { likePatternOfLiteral, likeRegExp } from './like.ts';
import { readPath, resolvePath, type ResolvedPath } from './resolve.ts';
import type { QueryContext } from './source.ts';
import { compareKeys, compareKindOf, keyOf, keysEqual, queryException, type CompareKind, type Key } from './values.ts';

export type Predicate = (record: SObject) => boolean;

/** Runs a semi-join sub-query and returns the Ids (or reference values) it selects. */
export type SemiJoin = (query: SoqlQuery) => Set<string>;

/** What a compiled condition needs besides the context. */
export interface WhereScope {
    ctx: QueryContext;
    root: SObjectDescribe;
    alias?: string;
    /** Every field path the condition reads (for user-mode access checks). */
    paths: ResolvedPath[];
    semiJoin: SemiJoin;
    /**
     * Set when the condition requires `Id = x` or `Id IN (…)` at its top level (alone or in an AND):
     * the only Ids that can match, so the executor reads those records instead of scanning.
     */
    idKeys?: Set<string>;
}

/** Compiles a WHERE condition. */
export function compileWhere(cond: Condition, scope: WhereScope, top = true): Predicate {
    switch (cond.kind) {
        case 'and': {
            const items = cond.items.map((c) => compileWhere(c, scope, top));
            return (r) => items.every((p) => p(r));
        }
        case 'or': {
            const items = cond.items.map((c) => compileWhere(c, scope, false));
            return (r) => items.some((p) => p(r));
        }
        case 'not': {
            const item = compileWhere(cond.item, scope, false);
            return (r) => !item(r);
        }
        case 'compare':
            if (cond.left.kind !== 'field')
                throw queryException('Aggregate functions are not allowed in the WHERE clause; use HAVING');
            return compileCompare(cond.left.path, cond.op, cond.value, scope, top);
    }
}

function describeType(kind: CompareKind): string {
    return kind === 'number' ? 'number' : kind;
}

/** `value of filter criterion for field 'X' must be of type T…` (observed in orgs for a literal of the wrong type). */
function typeMismatch(field: string, kind: CompareKind): Error {
    return queryException(
        `value of filter criterion for field '${field}' must be of type ${describeType(kind)} and should not be enclosed in quotes`
    );
}

/** A single comparison value for a field of `kind`. */
type Operand =
    | { kind: 'key'; key: Key }
    | { kind: 'range'; start: number; end: number }
    | { kind: 'many'; keys: Key[] }
    | { kind: 'pattern'; re: RegExp };

function hintIds(scope: WhereScope, keys: Key[]): void {
    const ids = new Set(keys.filter((k): k is string => typeof k === 'string'));
    scope.idKeys = scope.idKeys ? new Set([...scope.idKeys].filter((id) => ids.has(id))) : ids;
}

function compileCompare(path: FieldPath, op: string, value: SoqlValue, scope: WhereScope, top: boolean): Predicate {
    const { ctx } = scope;
    const resolved = resolvePath(ctx.source, scope.root, path, scope.alias);
    scope.paths.push(resolved);
    const field = resolved.field;
    const kind = compareKindOf(field);
    if (!kind) throw new UnsupportedApexError(`SOQL filter on ${field.apexType} field ${field.name}`);
    const caseSensitive = field.caseSensitive === true;
    const isMulti = field.type === 'MULTIPICKLIST';
    const read = (r: SObject): Key => {
        const v = readPath(ctx.source, r, resolved);
        const k = keyOf(v, kind, ctx.temporal);
        return k === undefined ? null : k;
    };

    if (op === 'INCLUDES' || op === 'EXCLUDES') {
        if (field.type === undefined)
            throw new UnsupportedApexError(
                `SOQL ${op} on ${field.name}: its display type is not documented in the schema`
            );
        if (!isMulti) throw queryException(`${op} or EXCLUDES operator only valid on multipicklist field`);
        const terms = stringsOf(operandValues(value, scope, 'string', field.name)).map((t) =>
            t.split(';').map((s) => s.trim().toUpperCase())
        );
        const includes = (r: SObject): boolean => {
            const v = read(r);
            if (typeof v !== 'string') return false;
            const selected = new Set(v.split(';').map((s) => s.trim().toUpperCase()));
            return terms.some((all) => all.every((t) => selected.has(t)));
        };
        return op === 'INCLUDES' ? includes : (r) => read(r) !== null && !includes(r);
    }

    if (op === 'LIKE') {
        if (kind !== 'string') throw queryException(`invalid operator on id field: LIKE`);
        const pattern =
            value.kind === 'string' ? likePatternOfLiteral(value.raw) : bindString(value, scope, field.name);
        if (pattern === null) return () => false;
        const re = likeRegExp(pattern, caseSensitive);
        return (r) => {
            const v = read(r);
            return typeof v === 'string' && re.test(v);
        };
    }

    if (op === 'IN' || op === 'NOT IN') {
        let keys: Key[];
        if (value.kind === 'subquery') {
            if (kind !== 'id') throw queryException('semi join sub-selects are only allowed on Id or reference fields');
            const ids = scope.semiJoin(value.query);
            keys = [...ids];
        } else {
            keys = operandValues(value, scope, kind, field.name);
        }
        if (top && op === 'IN' && resolved.hops.length === 0 && field.name === 'Id') hintIds(scope, keys);
        const matches = (v: Key): boolean =>
            keys.some((k) => (k === null ? v === null : v !== null && keysEqual(v, k, caseSensitive)));
        // Observed in orgs: NOT IN, like !=, keeps rows whose field is null.
        return op === 'IN' ? (r) => matches(read(r)) : (r) => !matches(read(r));
    }

    const operand = single(value, scope, kind, field.name);
    if (operand.kind === 'range') {
        const { start, end } = operand;
        const cmp = (r: SObject): number | null => {
            const v = read(r);
            if (typeof v !== 'number') return null;
            return v < start ? -1 : v >= end ? 1 : 0;
        };
        switch (op) {
            case '=':
                return (r) => cmp(r) === 0;
            case '!=':
                return (r) => cmp(r) !== 0;
            case '<':
                return (r) => cmp(r) === -1;
            case '<=':
                return (r) => {
                    const c = cmp(r);
                    return c === -1 || c === 0;
                };
            case '>':
                return (r) => cmp(r) === 1;
            case '>=':
                return (r) => {
                    const c = cmp(r);
                    return c === 1 || c === 0;
                };
        }
        throw new UnsupportedApexError(`SOQL operator ${op} with a date literal`);
    }
    if (operand.kind !== 'key') throw queryException(`invalid value for operator ${op}`);
    const key = operand.key;
    if (top && op === '=' && resolved.hops.length === 0 && field.name === 'Id') hintIds(scope, [key]);
    if (isMulti && (op === '=' || op === '!=') && typeof key === 'string') {
        // Query Multi-Select Picklists: `=` matches the exact set of values (";" separates them).
        const wanted = [...new Set(key.split(';').map((s) => s.trim().toUpperCase()))].sort().join(';');
        const eq = (r: SObject): boolean => {
            const v = read(r);
            return (
                typeof v === 'string' &&
                [...new Set(v.split(';').map((s) => s.trim().toUpperCase()))].sort().join(';') === wanted
            );
        };
        return op === '=' ? eq : (r) => !eq(r);
    }
    switch (op) {
        case '=':
            return key === null
                ? (r) => read(r) === null
                : (r) => {
                      const v = read(r);
                      return v !== null && keysEqual(v, key, caseSensitive);
                  };
        case '!=':
            // Observed in orgs: `field != value` keeps rows whose field is null.
            return key === null
                ? (r) => read(r) !== null
                : (r) => {
                      const v = read(r);
                      return v === null || !keysEqual(v, key, caseSensitive);
                  };
        case '<':
        case '<=':
        case '>':
        case '>=': {
            if (key === null) return () => false;
            if (kind === 'boolean' || kind === 'id')
                throw queryException(`invalid operator on ${kind === 'id' ? 'id' : 'boolean'} field: ${op}`);
            const test =
                op === '<'
                    ? (c: number) => c < 0
                    : op === '<='
                      ? (c: number) => c <= 0
                      : op === '>'
                        ? (c: number) => c > 0
                        : (c: number) => c >= 0;
            return (r) => {
                const v = read(r);
                return v !== null && test(compareKeys(v, key, caseSensitive));
            };
        }
    }
    throw new UnsupportedApexError(`SOQL operator ${op}`);
}

function stringsOf(keys: Key[]): string[] {
    return keys.filter((k): k is string => typeof k === 'string');
}

function bindString(value: SoqlValue, scope: WhereScope, field: string): string | null {
    if (value.kind !== 'bind') throw queryException(`invalid LIKE value for field '${field}'`);
    const v = scope.ctx.resolveBind(value.text);
    if (v === null || v === undefined) return null;
    if (typeof v !== 'string')
        throw queryException(`Invalid bind expression type of ${typeName(v)} for column of type String`);
    return v;
}

function typeName(v: unknown): string {
    if (typeof v === 'string') return 'String';
    if (typeof v === 'number') return 'Integer';
    if (typeof v === 'boolean') return 'Boolean';
    if (v instanceof Decimal) return 'Decimal';
    return 'Object';
}

/** The values of an IN / INCLUDES operand: a literal list or a bound collection. */
function operandValues(value: SoqlValue, scope: WhereScope, kind: CompareKind, field: string): Key[] {
    if (value.kind === 'list') return value.values.map((v) => literalKey(v, scope, kind, field));
    if (value.kind === 'bind') {
        const v = scope.ctx.resolveBind(value.text);
        const elements = scope.ctx.elementsOf(v);
        // "a list of sObjects can also be used--the Ids of the objects are used for the bind"
        // (Apex Developer Guide › Using Apex Variables in SOQL and SOSL Queries).
        if (elements)
            return elements.map((e) => bindKey(kind === 'id' && e instanceof SObject ? e.id : e, scope, kind));
        return [bindKey(v, scope, kind)];
    }
    return [literalKey(value, scope, kind, field)];
}

function single(value: SoqlValue, scope: WhereScope, kind: CompareKind, field: string): Operand {
    if (value.kind === 'dateLiteral') {
        if (kind !== 'date' && kind !== 'datetime') throw typeMismatch(field, kind);
        const tz = scope.ctx.user.timeZone;
        const [start, end] = dateLiteralDays(value.name, value.n, todayIn(scope.ctx.now(), tz));
        return kind === 'date'
            ? { kind: 'range', start, end }
            : { kind: 'range', start: midnightIn(start, tz), end: midnightIn(end, tz) };
    }
    if (value.kind === 'bind') {
        const v = scope.ctx.resolveBind(value.text);
        if (scope.ctx.elementsOf(v)) throw queryException('Only IN and NOT IN can be used with a collection bind');
        return { kind: 'key', key: bindKey(v, scope, kind) };
    }
    if (value.kind === 'list' || value.kind === 'subquery')
        throw queryException('a list of values is only allowed with IN, NOT IN, INCLUDES and EXCLUDES');
    return { kind: 'key', key: literalKey(value, scope, kind, field) };
}

function literalKey(value: SoqlValue, scope: WhereScope, kind: CompareKind, field: string): Key {
    switch (value.kind) {
        case 'null':
            return null;
        case 'boolean':
            if (kind !== 'boolean') throw typeMismatch(field, kind);
            return value.value;
        case 'number':
            if (kind !== 'number') throw typeMismatch(field, kind);
            return Decimal.parse(value.text);
        case 'string':
            if (kind === 'string') return value.value;
            if (kind === 'id') {
                const id = tryNormalizeId(value.value);
                if (!id) throw queryException(`invalid ID field: ${value.value}`);
                return id;
            }
            throw typeMismatch(field, kind);
        case 'date':
            if (kind !== 'date') throw typeMismatch(field, kind);
            return parseDateLiteral(value.text);
        case 'datetime':
            if (kind !== 'datetime') throw typeMismatch(field, kind);
            return parseDatetimeLiteral(value.text);
        case 'bind':
            return bindKey(scope.ctx.resolveBind(value.text), scope, kind);
        default:
            throw queryException(`invalid value in a list for field '${field}'`);
    }
}

/** An Apex bind value as a key of the field's kind; a value of another type is the documented bind error. */
function bindKey(v: unknown, scope: WhereScope, kind: CompareKind): Key {
    if (v === null || v === undefined) return null;
    if (kind === 'id' && typeof v === 'string') {
        const id = tryNormalizeId(v);
        // A String that is not an Id matches nothing rather than failing (binds are not validated as literals are).
        return id ?? v;
    }
    const key = keyOf(v, kind, scope.ctx.temporal);
    if (key === undefined) {
        if (typeof v === 'object' && v !== null && 'describe' in v)
            throw new UnsupportedApexError('binding an SObject as a filter value');
        throw queryException(`Invalid bind expression type of ${typeName(v)} for column of type ${kindTypeName(kind)}`);
    }
    return key;
}

function kindTypeName(kind: CompareKind): string {
    return { string: 'String', id: 'Id', boolean: 'Boolean', number: 'Decimal', date: 'Date', datetime: 'Datetime' }[
        kind
    ];
}
