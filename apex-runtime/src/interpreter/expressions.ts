/**
 * Expression evaluation (Apex Developer Guide › Expressions and Operators). Names are resolved at
 * run time, case-insensitively, with lower-case forms computed once per node.
 */
import type * as ast from '../syntax/ast.ts';
import { UnsupportedApexError } from '../errors.ts';
import { ApexDouble } from '../values/double.ts';
import { ApexRuntimeSignal, nullPointerException } from '../values/signal.ts';
import { fieldOf, fieldByRelationship, childRelationshipOf } from '../data/schema.ts';
import { SObject } from '../data/sobject.ts';
import { assignSingleRow } from '../data/soql/database.ts';
import type { ApexType, ApexValue, ClassInfo, FieldInfo } from './model.ts';
import { ApexEnumValue, ApexObject, NamespaceValue, NativeObject, TypeValue } from './model.ts';
import { ApexList, ApexMap, ApexSet } from './collections.ts';
import type { Frame, Local } from './frame.ts';
import { arith, bitNot, bitwise, negate, relational } from './operators.ts';
import type { ArithOp, BitOp } from './operators.ts';
import { cast, isInstanceOf, OBJECT_TYPE, SOBJECT_TYPE } from './types.ts';
import { ApexDate, ApexDatetime, Decimal } from './values-bridge.ts';
import type { Interpreter } from './interpreter.ts';
import { lc } from './interpreter.ts';
import { evalCall, newNative, typeObject } from './calls.ts';

interface LiteralCache {
    $v?: ApexValue;
}

function literal(e: ast.Literal): ApexValue {
    const c = e as ast.Literal & LiteralCache;
    if (c.$v !== undefined) return c.$v;
    let v: ApexValue;
    const text = e.value;
    switch (e.type) {
        case 'integer':
            v = Number(text);
            break;
        case 'long':
            v = BigInt(String(text).replace(/[lL]$/, ''));
            break;
        case 'decimal':
            v = Decimal.parse(String(text));
            break;
        case 'double':
            v = new ApexDouble(Number(String(text).replace(/[dD]$/, '')));
            break;
        default:
            v = text;
    }
    c.$v = v;
    return v;
}

/** Evaluates an expression. */
export function evalExpr(it: Interpreter, e: ast.Expr, f: Frame): ApexValue {
    switch (e.kind) {
        case 'literal':
            return literal(e);
        case 'name':
            return it.resolveName(lc(e), e.name, f);
        case 'field':
            return evalField(it, e, f);
        case 'call':
            return evalCall(it, e, f);
        case 'binary':
            return evalBinary(it, e, f);
        case 'assign':
            return evalAssign(it, e, f);
        case 'unary': {
            const v = evalExpr(it, e.operand, f);
            switch (e.op) {
                case '!':
                    return !it.truthy(v);
                case '-':
                    return negate(v);
                case '+':
                    if (v === null) throw nullPointerException();
                    return v;
                case '~':
                    return bitNot(v);
            }
            break;
        }
        case 'incDec': {
            const p = place(it, e.target, f);
            const old = readPlace(it, p, f);
            const stored = writePlace(it, p, arith(e.op === '++' ? '+' : '-', old, 1), f);
            return e.prefix ? stored : old;
        }
        case 'conditional':
            return it.truthy(evalExpr(it, e.cond, f)) ? evalExpr(it, e.then, f) : evalExpr(it, e.else, f);
        case 'instanceof': {
            const v = evalExpr(it, e.value, f);
            return v !== null && isInstanceOf(v, it.resolveType(e.type, f.cls));
        }
        case 'cast':
            return cast(evalExpr(it, e.value, f), it.resolveType(e.type, f.cls));
        case 'this':
            if (!f.self) throw new UnsupportedApexError('this in static context', `${f.file}:${e.line}`);
            return f.self;
        case 'super':
            if (!f.self) throw new UnsupportedApexError('super in static context', `${f.file}:${e.line}`);
            return f.self;
        case 'classRef':
            return typeObject(it, it.resolveType(e.type, f.cls));
        case 'new':
            return evalNew(it, e, f);
        case 'newCollection':
            return evalNewCollection(it, it.resolveType(e.type, f.cls), e, f);
        case 'newSObject': {
            const t = it.resolveType(e.type, f.cls);
            if (t.k !== 'sobject')
                throw new UnsupportedApexError(
                    `new ${e.type.names.join('.')}(name = value) of a non-SObject`,
                    `${f.file}:${e.line}`
                );
            const rec = newSObject(it, t.name);
            for (const fv of e.fields) sobjectPut(it, rec, fv.name, evalExpr(it, fv.value, f));
            return rec;
        }
        case 'index': {
            const target = evalExpr(it, e.target, f);
            const index = evalExpr(it, e.index, f);
            return listGet(target, index);
        }
        case 'soql': {
            if (!it.data) throw new UnsupportedApexError('SOQL (no data layer wired)', `${f.file}:${e.line}`);
            const rows = it.data.query(e.text, it.bindResolver(f), e.line);
            if (rows instanceof ApexList) rows.fromQuery = true;
            return rows;
        }
        case 'sosl': {
            if (!it.data?.search) throw new UnsupportedApexError('SOSL (no data layer wired)', `${f.file}:${e.line}`);
            return it.data.search(e.text, it.bindResolver(f), e.line);
        }
    }
    throw new UnsupportedApexError(`expression ${(e as ast.Expr).kind}`, `${f.file}:${(e as ast.Expr).line}`);
}

/** A new SObject of a type known to the schema. */
export function newSObject(it: Interpreter, name: string): SObject {
    if (!it.schema) throw new UnsupportedApexError(`new ${name} (no schema wired)`);
    return new SObject(it.schema.require(name));
}

function listIndex(list: ApexList, index: ApexValue): number {
    if (index === null) throw nullPointerException();
    const i = typeof index === 'number' ? index : Number(index);
    if (!Number.isInteger(i) || i < 0 || i >= list.items.length) {
        // ListException text as orgs print it (List Class: "List index out of bounds").
        throw new ApexRuntimeSignal('System.ListException', `List index out of bounds: ${String(index)}`);
    }
    return i;
}

/** `list[i]` (List Class: an index outside the list raises ListException). */
export function listGet(target: ApexValue, index: ApexValue): ApexValue {
    if (target === null) throw nullPointerException();
    if (!(target instanceof ApexList)) throw new UnsupportedApexError('[] on a non-List');
    return target.items[listIndex(target, index)] ?? null;
}

// ---------------------------------------------------------------- member access

/** Memo on the syntax node; keyed by the runtime too, as parsed units may be shared by several runtimes. */
interface TypeCache {
    $type?: { it: Interpreter; from: ClassInfo | undefined; value: TypeValue | NamespaceValue };
}

/** Evaluates what stands before `.`: a value, or a type/namespace when the name is one. */
export function evalTarget(it: Interpreter, e: ast.Expr, f: Frame): ApexValue {
    if (e.kind === 'name') {
        const l = lc(e);
        const local = f.scope.lookup(l);
        if (local) return local.value;
        const cached = (e as TypeCache).$type;
        if (cached && cached.from === f.cls && cached.it === it) return cached.value;
        const fi = it.findField(f.cls, l, f.self === null);
        if (fi) return it.readField(fi, fi.isStatic ? null : f.self, f);
        const value = it.typeOrNamespace([l], e.name, f);
        // A name that is neither a local nor a field is a type for all code of this class: remember it.
        (e as TypeCache).$type = { it, from: f.cls, value };
        return value;
    }
    if (e.kind === 'field' && !e.safe) {
        const t = evalTarget(it, e.target, f);
        if (t instanceof NamespaceValue) return namespaceMember(it, t, e, f);
        return memberOf(it, t, e, f);
    }
    return evalExpr(it, e, f);
}

function namespaceMember(it: Interpreter, ns: NamespaceValue, e: ast.FieldAccess, f: Frame): ApexValue {
    return it.typeOrNamespace([ns.name, lc(e)], `${ns.name}.${e.name}`, f);
}

function evalField(it: Interpreter, e: ast.FieldAccess, f: Frame): ApexValue {
    const target = evalTarget(it, e.target, f);
    if (target instanceof NamespaceValue) return namespaceMember(it, target, e, f);
    if (target === null) {
        if (e.safe) return null;
        throw nullPointerException();
    }
    return memberOf(it, target, e, f);
}

/** `target.name` once the target is known. */
function memberOf(it: Interpreter, target: ApexValue, e: ast.FieldAccess, f: Frame): ApexValue {
    if (target === null) {
        if (e.safe) return null;
        throw nullPointerException();
    }
    const l = lc(e);
    if (target instanceof ApexObject) {
        const fi =
            (target === f.self && f.cls ? it.findField(f.cls, l, false) : undefined) ??
            instanceField(it, target.cls, l, e, f);
        return it.readField(fi, fi.isStatic ? null : target, f);
    }
    if (target instanceof ApexList && target.fromQuery) {
        // `[SELECT Name FROM Account].Name` dereferences the single row; with `?.` no row reads as null
        // (Apex Developer Guide › Using SOQL Queries That Return One Record; Safe Navigation Operator).
        if (e.safe && target.items.length === 0) return null;
        return sobjectGet(it, assignSingleRow(target.items as SObject[]), e.name);
    }
    if (target instanceof SObject) return sobjectGet(it, target, e.name);
    if (target instanceof TypeValue) return staticMember(it, target.type, l, e, f);
    if (target instanceof NativeObject && target.cls.instanceMember) {
        const v = target.cls.instanceMember(it, target, e.name);
        if (v !== undefined) return v;
    }
    if (e.target.kind === 'name' && typeof target !== 'object') {
        // Apex Developer Guide › Namespace, Class, and Variable Name Precedence: when `name1` as a
        // variable has no field `name2`, name1 is taken as a class (`Contact.SObjectType` beside a
        // String constant `CONTACT`).
        const asType = it.typeOrNamespace([lc(e.target)], e.target.name, f);
        if (asType instanceof TypeValue) return staticMember(it, asType.type, l, e, f);
    }
    throw new UnsupportedApexError(`field ${e.name} of ${describe(target)}`, `${f.file}:${e.line}`);
}

function instanceField(it: Interpreter, cls: ClassInfo, l: string, e: ast.FieldAccess, f: Frame): FieldInfo {
    const fi = it.findField(cls, l, false);
    if (!fi) throw new UnsupportedApexError(`field ${cls.name}.${e.name}`, `${f.file}:${e.line}`);
    return fi;
}

function staticMember(it: Interpreter, t: ApexType, l: string, e: ast.FieldAccess, f: Frame): ApexValue {
    if (t.k === 'class') {
        const cls = t.cls;
        if (cls.kind === 'enum') {
            const v = cls.enumValues?.find((x) => x.name.toLowerCase() === l);
            if (v) return v;
        }
        const fi = it.findField(cls, l, true);
        if (fi) return it.readField(fi, null, f);
        const inner = cls.inner.get(l);
        if (inner) return new TypeValue({ k: 'class', cls: inner });
        throw new UnsupportedApexError(`static member ${cls.name}.${e.name}`, `${f.file}:${e.line}`);
    }
    if (t.k === 'native') {
        const p = t.cls.staticProps.get(l);
        if (p) return p(it);
        const inner =
            it.natives.find([t.cls.namespace.toLowerCase(), t.cls.lname, l]) ?? it.natives.find([t.cls.lname, l]);
        if (inner) return new TypeValue({ k: 'native', cls: inner, args: [] });
        const dyn = t.cls.staticMember?.(it, e.name);
        if (dyn !== undefined) return dyn;
    }
    if (t.k === 'sobject' && it.sobjectStatics) {
        const v = it.sobjectStatics.member(t.name, e.name);
        if (v !== undefined) return v;
    }
    throw new UnsupportedApexError(`static member ${e.name} of ${describeType(t)}`, `${f.file}:${e.line}`);
}

/** Reads `record.Name`, `record.Account` (parent) or `record.Contacts` (children). */
export function sobjectGet(it: Interpreter, rec: SObject, name: string): ApexValue {
    if (fieldOf(rec.describe, name)) return rec.get(name) as ApexValue;
    if (fieldByRelationship(rec.describe, name)) return rec.getSObject(name);
    if (childRelationshipOf(rec.describe, name)) {
        const rows = rec.getSObjects(name);
        return rows === null ? null : new ApexList(SOBJECT_TYPE, rows);
    }
    void it;
    return rec.get(name) as ApexValue;
}

/** Writes `record.Name = v` / `record.Account = acc`. */
export function sobjectPut(it: Interpreter, rec: SObject, name: string, v: ApexValue): ApexValue {
    if (!fieldOf(rec.describe, name) && fieldByRelationship(rec.describe, name)) {
        if (v !== null && !(v instanceof SObject))
            throw new UnsupportedApexError(`assignment of a non-SObject to relationship ${name}`);
        rec.putSObject(name, v);
        return v;
    }
    void it;
    rec.put(name, v);
    return rec.get(name) as ApexValue;
}

// ---------------------------------------------------------------- assignment

/** An assignable place, resolved once per assignment (plain data: no closures on the hot path). */
type Place =
    | { k: 'local'; local: Local }
    | { k: 'field'; fi: FieldInfo; obj: ApexObject | null }
    | { k: 'sobject'; rec: SObject; name: string }
    | { k: 'index'; list: ApexList; index: ApexValue }
    | { k: 'native'; target: NativeObject | TypeValue; name: string; line: number; file: string };

function readPlace(it: Interpreter, p: Place, f: Frame): ApexValue {
    switch (p.k) {
        case 'local':
            return p.local.value;
        case 'field':
            return it.readField(p.fi, p.obj, f);
        case 'sobject':
            return sobjectGet(it, p.rec, p.name);
        case 'index':
            return p.list.items[listIndex(p.list, p.index)] ?? null;
        case 'native':
            return readNativeProperty(it, p);
    }
}

/** Stores (converting to the declared type) and returns what was stored. */
function writePlace(it: Interpreter, p: Place, v: ApexValue, f: Frame): ApexValue {
    switch (p.k) {
        case 'local':
            return (p.local.value = it.coerceTo(v, p.local.type));
        case 'field':
            return it.writeField(p.fi, p.obj, v, f);
        case 'sobject':
            return sobjectPut(it, p.rec, p.name, v);
        case 'index':
            return (p.list.items[listIndex(p.list, p.index)] = it.coerceTo(v, p.list.elemType));
        case 'native':
            return writeNativeProperty(it, p, v);
    }
}

type NativePlace = Extract<Place, { k: 'native' }>;

function readNativeProperty(it: Interpreter, p: NativePlace): ApexValue {
    const t = p.target;
    if (t instanceof NativeObject) {
        const v = t.cls.instanceMember?.(it, t, p.name);
        if (v !== undefined) return v;
    } else if (t.type.k === 'native') {
        const prop = t.type.cls.staticProps.get(p.name.toLowerCase());
        if (prop) return prop(it);
        const v = t.type.cls.staticMember?.(it, p.name);
        if (v !== undefined) return v;
    }
    throw new UnsupportedApexError(`property ${p.name} of ${describe(t)}`, `${p.file}:${p.line}`);
}

/** A native's writable property (RestRequest.requestBody, RestContext.response…); the native checks the value. */
function writeNativeProperty(it: Interpreter, p: NativePlace, v: ApexValue): ApexValue {
    const t = p.target;
    const stored =
        t instanceof NativeObject
            ? (t.cls.setInstanceMember?.(it, t, p.name, v) ?? false)
            : t.type.k === 'native' && (t.type.cls.setStaticMember?.(it, p.name, v) ?? false);
    if (!stored) throw new UnsupportedApexError(`assignment to ${p.name} of ${describe(t)}`, `${p.file}:${p.line}`);
    return v;
}

/** An assignable place: a local, a field/property, a static, an SObject field, a list element. */
function place(it: Interpreter, e: ast.Expr, f: Frame): Place {
    if (e.kind === 'name') {
        const l = lc(e);
        const local = f.scope.lookup(l);
        if (local) return { k: 'local', local };
        const fi = it.findField(f.cls, l, f.self === null);
        if (fi) return { k: 'field', fi, obj: fi.isStatic ? null : f.self };
        throw new UnsupportedApexError(`assignment to ${e.name}`, `${f.file}:${e.line}`);
    }
    if (e.kind === 'field') {
        const target = evalTarget(it, e.target, f);
        if (target === null) throw nullPointerException();
        const l = lc(e);
        if (target instanceof ApexObject) {
            const fi =
                (target === f.self && f.cls ? it.findField(f.cls, l, false) : undefined) ??
                instanceField(it, target.cls, l, e, f);
            return { k: 'field', fi, obj: fi.isStatic ? null : target };
        }
        if (target instanceof SObject) return { k: 'sobject', rec: target, name: e.name };
        if (target instanceof TypeValue && target.type.k === 'class') {
            const fi = it.findField(target.type.cls, l, true);
            if (fi) return { k: 'field', fi, obj: null };
        }
        if (
            (target instanceof NativeObject && target.cls.setInstanceMember) ||
            (target instanceof TypeValue && target.type.k === 'native' && target.type.cls.setStaticMember)
        )
            return { k: 'native', target, name: e.name, line: e.line, file: f.file };
        throw new UnsupportedApexError(`assignment to ${e.name} of ${describe(target)}`, `${f.file}:${e.line}`);
    }
    if (e.kind === 'index') {
        const target = evalExpr(it, e.target, f);
        const index = evalExpr(it, e.index, f);
        if (target === null) throw nullPointerException();
        if (!(target instanceof ApexList))
            throw new UnsupportedApexError('[] assignment on a non-List', `${f.file}:${e.line}`);
        return { k: 'index', list: target, index };
    }
    throw new UnsupportedApexError(`assignment to a ${e.kind} expression`, `${f.file}:${e.line}`);
}

const COMPOUND: Record<string, ArithOp | BitOp> = {
    '+=': '+',
    '-=': '-',
    '*=': '*',
    '/=': '/',
    '&=': '&',
    '|=': '|',
    '^=': '^',
    '<<=': '<<',
    '>>=': '>>',
    '>>>=': '>>>'
};

function evalAssign(it: Interpreter, e: ast.Assign, f: Frame): ApexValue {
    if (e.op === '=' && e.target.kind === 'name') {
        // The common case, without building a Place: a local variable.
        const local = f.scope.lookup(lc(e.target));
        if (local) return (local.value = it.coerceTo(evalExpr(it, e.value, f), local.type));
    }
    const p = place(it, e.target, f);
    if (e.op === '=') return writePlace(it, p, evalExpr(it, e.value, f), f);
    const op = COMPOUND[e.op];
    if (!op) throw new UnsupportedApexError(`assignment operator ${e.op}`, `${f.file}:${e.line}`);
    const old = readPlace(it, p, f);
    const right = evalExpr(it, e.value, f);
    return writePlace(it, p, applyBinary(it, op, old, right), f);
}

function applyBinary(it: Interpreter, op: ArithOp | BitOp, a: ApexValue, b: ApexValue): ApexValue {
    if (op === '+' && (typeof a === 'string' || typeof b === 'string')) return it.concatOf(a) + it.concatOf(b);
    if (op === '+' || op === '-' || op === '*' || op === '/' || op === '%') return arith(op, a, b);
    return bitwise(op, a, b);
}

// ---------------------------------------------------------------- operators

function evalBinary(it: Interpreter, e: ast.Binary, f: Frame): ApexValue {
    switch (e.op) {
        case '&&':
            return it.truthy(evalExpr(it, e.left, f)) && it.truthy(evalExpr(it, e.right, f));
        case '||':
            return it.truthy(evalExpr(it, e.left, f)) || it.truthy(evalExpr(it, e.right, f));
        case '??': {
            const l = evalExpr(it, e.left, f);
            return l !== null ? l : evalExpr(it, e.right, f);
        }
    }
    const a = evalExpr(it, e.left, f);
    const b = evalExpr(it, e.right, f);
    switch (e.op) {
        case '+':
            if (typeof a === 'string' || typeof b === 'string') return it.concatOf(a) + it.concatOf(b);
            if (typeof a === 'object' && a !== null && !(a instanceof Decimal) && !(a instanceof ApexDouble))
                return dateArith(it, 1, a, b);
            return arith('+', a, b);
        case '-':
            if (typeof a === 'object' && a !== null && !(a instanceof Decimal) && !(a instanceof ApexDouble))
                return dateArith(it, -1, a, b);
            return arith('-', a, b);
        case '*':
        case '/':
        case '%':
            return arith(e.op, a, b);
        case '==':
            return it.equals(a, b);
        case '!=':
            return !it.equals(a, b);
        case '===':
            return exactEquals(a, b);
        case '!==':
            return !exactEquals(a, b);
        case '<':
        case '<=':
        case '>':
        case '>=':
            return relational(e.op, a, b);
        default:
            return bitwise(e.op, a, b);
    }
}

/**
 * Date ± Integer adds days; Datetime ± Integer adds days in the user's time zone (Expression
 * Operators: "If x is a Date and y is an Integer, returns a new Date that is incremented by the
 * specified number of days"). A Datetime plus a fractional Double is refused (the day-fraction rule
 * around time-zone changes is not documented precisely enough to reproduce).
 */
function dateArith(it: Interpreter, sign: 1 | -1, a: object, b: ApexValue): ApexValue {
    if (b === null) throw nullPointerException();
    const days = typeof b === 'number' ? b : b instanceof ApexDouble && Number.isInteger(b.value) ? b.value : undefined;
    if (days !== undefined && a instanceof ApexDate) return a.addDays(sign * days);
    if (days !== undefined && a instanceof ApexDatetime) return a.addDays(sign * days, it.timeZone);
    throw new UnsupportedApexError(`operator ${sign > 0 ? '+' : '-'} on ${a.constructor.name} and ${describe(b)}`);
}

/**
 * `===` (Expression Operators: "exact equality"): reference equality for objects, SObjects and
 * collections; primitives compare by value.
 */
function exactEquals(a: ApexValue, b: ApexValue): boolean {
    if (a === b) return true;
    if (a === null || b === null) return false;
    if (typeof a !== 'object' || typeof b !== 'object') return false;
    if (a instanceof Decimal && b instanceof Decimal) return a.compareTo(b) === 0;
    if (a instanceof ApexDouble && b instanceof ApexDouble) return a.value === b.value;
    return false;
}

// ---------------------------------------------------------------- construction

function evalNew(it: Interpreter, e: ast.NewObject, f: Frame): ApexValue {
    const t = it.resolveType(e.type, f.cls);
    if (t.k === 'list' || t.k === 'set' || t.k === 'map') {
        return evalNewCollection(it, t, { kind: 'newCollection', type: e.type, args: e.args, line: e.line }, f);
    }
    const args = new Array<ApexValue>(e.args.length);
    for (let i = 0; i < e.args.length; i++) args[i] = evalExpr(it, e.args[i] as ast.Expr, f);
    if (t.k === 'class') {
        f.line = e.line;
        return it.instantiate(t.cls, args, e.line);
    }
    if (t.k === 'sobject') {
        if (args.length > 0)
            throw new UnsupportedApexError(`new ${t.name}(...) with positional arguments`, `${f.file}:${e.line}`);
        return newSObject(it, t.name);
    }
    if (t.k === 'native') return newNative(it, t.cls, args);
    throw new UnsupportedApexError(`new ${e.type.names.join('.')}`, `${f.file}:${e.line}`);
}

/**
 * `new List<T>()`, `new List<T>(otherListOrSet)`, `new T[n]`, `new List<T>{a, b}`, `new Set<T>(...)`,
 * `new Map<K,V>()`, `new Map<K,V>(otherMap)`, `new Map<Id, SObject>(records)` (keys are the Ids),
 * `new Map<K,V>{k => v}` (Collections; Map Class constructors).
 */
function evalNewCollection(it: Interpreter, t: ApexType, e: ast.NewCollection, f: Frame): ApexValue {
    const args = e.args ? e.args.map((a) => evalExpr(it, a, f)) : [];
    if (args.length > 1)
        throw new UnsupportedApexError('collection constructor with several arguments', `${f.file}:${e.line}`);
    const src = args.length === 1 ? (args[0] ?? null) : undefined;
    if (src === null) throw nullPointerException();
    if (t.k === 'list') {
        const list = new ApexList(t.elem);
        if (e.size) {
            const n = evalExpr(it, e.size, f);
            if (typeof n !== 'number')
                throw new UnsupportedApexError('array size of a non-Integer', `${f.file}:${e.line}`);
            list.items = new Array<ApexValue>(n).fill(null);
        }
        if (src !== undefined) {
            if (src instanceof ApexList) list.items = src.items.map((v) => it.coerceTo(v, t.elem));
            else if (src instanceof ApexSet) list.items = [...src.values()].map((v) => it.coerceTo(v, t.elem));
            else throw new UnsupportedApexError('new List<T>(x) of a non-collection', `${f.file}:${e.line}`);
        }
        if (e.elements) for (const x of e.elements) list.items.push(it.coerceTo(evalExpr(it, x, f), t.elem));
        return list;
    }
    if (t.k === 'set') {
        const set = new ApexSet(t.elem);
        if (src !== undefined) {
            const items = src instanceof ApexList ? src.items : src instanceof ApexSet ? [...src.values()] : undefined;
            if (!items) throw new UnsupportedApexError('new Set<T>(x) of a non-collection', `${f.file}:${e.line}`);
            for (const v of items) set.add(it.coerceTo(v, t.elem));
        }
        if (e.elements) for (const x of e.elements) set.add(it.coerceTo(evalExpr(it, x, f), t.elem));
        return set;
    }
    if (t.k === 'map') {
        const map = new ApexMap(t.key, t.value);
        if (src !== undefined) {
            if (src instanceof ApexMap)
                for (const [k, v] of src.entries()) map.put(it.coerceTo(k, t.key), it.coerceTo(v, t.value));
            else if (src instanceof ApexList) {
                for (const r of src.items) {
                    if (!(r instanceof SObject))
                        throw new UnsupportedApexError(
                            'new Map<Id, SObject>(list) of non-SObjects',
                            `${f.file}:${e.line}`
                        );
                    map.put(it.coerceTo(r.id, t.key), it.coerceTo(r, t.value));
                }
            } else throw new UnsupportedApexError('new Map<K,V>(x) of this argument', `${f.file}:${e.line}`);
        }
        if (e.entries)
            for (const en of e.entries)
                map.put(it.coerceTo(evalExpr(it, en.key, f), t.key), it.coerceTo(evalExpr(it, en.value, f), t.value));
        return map;
    }
    throw new UnsupportedApexError(`collection initializer for ${e.type.names.join('.')}`, `${f.file}:${e.line}`);
}

function describe(v: ApexValue): string {
    if (v === null) return 'null';
    if (v instanceof ApexObject || v instanceof ApexEnumValue) return v.cls.name;
    if (v instanceof NativeObject) return v.cls.name;
    if (v instanceof TypeValue) return describeType(v.type);
    return typeof v === 'object' ? v.constructor.name : typeof v;
}

function describeType(t: ApexType): string {
    switch (t.k) {
        case 'class':
            return t.cls.name;
        case 'native':
            return t.cls.name;
        case 'sobject':
            return t.name;
        default:
            return t.k;
    }
}

export { OBJECT_TYPE };
