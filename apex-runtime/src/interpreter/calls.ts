/**
 * Method calls: unqualified (`foo()`: the class's methods, then outer classes' statics), `this.`/
 * `super.` calls, static calls on user and native classes, and instance calls on every kind of
 * value (user objects with virtual dispatch, enums, collections, Strings and other primitives
 * through their native classes, SObjects, native objects).
 */
import type * as ast from '../syntax/ast.ts';
import { UnsupportedApexError } from '../errors.ts';
import { nullPointerException } from '../values/signal.ts';
import { ApexDouble } from '../values/double.ts';
import { SObject } from '../data/sobject.ts';
import type { ApexType, ApexValue, ClassInfo } from './model.ts';
import { ApexEnumValue, ApexObject, NamespaceValue, NativeObject, TypeValue } from './model.ts';
import { ApexList, ApexMap, ApexSet } from './collections.ts';
import type { Frame } from './frame.ts';
import { arityCount, methodsOf, selectMethod } from './classes.ts';
import { selectOverload } from './natives/registry.ts';
import type { NativeClass } from './natives/registry.ts';
import { callCollectionMethod } from './collection-methods.ts';
import { Decimal, temporalKind } from './values-bridge.ts';
import { evalExpr, evalTarget, sobjectGet, sobjectPut } from './expressions.ts';
import type { Interpreter } from './interpreter.ts';
import { identityHash, lc } from './interpreter.ts';
import { prim, typeName } from './types.ts';
import { javaStringHash } from './collections.ts';

/** The kind name natives use to pick overloads: `String`, `Integer`, …, `List`, `Set`, `Map`, `SObject`, a class name. */
export function runtimeKind(v: ApexValue): string {
    if (v === null) return 'null';
    switch (typeof v) {
        case 'string':
            return 'String';
        case 'number':
            return 'Integer';
        case 'bigint':
            return 'Long';
        case 'boolean':
            return 'Boolean';
    }
    if (v instanceof Decimal) return 'Decimal';
    if (v instanceof ApexDouble) return 'Double';
    if (v instanceof ApexList) return 'List';
    if (v instanceof ApexSet) return 'Set';
    if (v instanceof ApexMap) return 'Map';
    if (v instanceof SObject) return 'SObject';
    if (v instanceof ApexObject) return v.cls.isException ? 'Exception' : v.cls.name;
    if (v instanceof ApexEnumValue) return 'Enum';
    if (v instanceof NativeObject) return v.cls.name;
    return temporalKind(v) ?? v.constructor.name;
}

function args(it: Interpreter, e: ast.Call, f: Frame): ApexValue[] {
    const out = new Array<ApexValue>(e.args.length);
    for (let i = 0; i < e.args.length; i++) out[i] = evalExpr(it, e.args[i] as ast.Expr, f);
    return out;
}

/**
 * The declared types of argument expressions, as the compiler would see them, where cheap to know:
 * locals and fields (their declared types), literals, casts and `new`; undefined elsewhere.
 */
function staticArgTypes(it: Interpreter, exprs: ast.Expr[], f: Frame): (ApexType | undefined)[] {
    const out: (ApexType | undefined)[] = [];
    for (const x of exprs) out.push(staticTypeOf(it, x, f));
    return out;
}

const LITERAL_TYPES: Record<string, ApexType | undefined> = {
    integer: prim('Integer'),
    long: prim('Long'),
    decimal: prim('Decimal'),
    double: prim('Double'),
    string: prim('String'),
    boolean: prim('Boolean')
};

function staticTypeOf(it: Interpreter, x: ast.Expr, f: Frame): ApexType | undefined {
    switch (x.kind) {
        case 'literal':
            return LITERAL_TYPES[x.type];
        case 'name': {
            const l = lc(x);
            const local = f.scope.lookup(l);
            if (local) return local.type;
            const fi = it.findField(f.cls, l, f.self === null);
            return fi ? it.fieldType(fi) : undefined;
        }
        case 'cast':
        case 'new':
        case 'newCollection':
            return it.resolveType(x.type, f.cls);
        default:
            return undefined;
    }
}

/** Evaluates a call expression. */
export function evalCall(it: Interpreter, e: ast.Call, f: Frame): ApexValue {
    const l = lc(e);
    if (!e.target) return unqualified(it, e, l, f);
    if (e.target.kind === 'super') {
        const sup = f.cls?.superclass;
        if (!sup || !f.self)
            throw new UnsupportedApexError(`super.${e.name}() without a superclass`, `${f.file}:${e.line}`);
        const a = args(it, e, f);
        const m = selectMethod(methodsOf(sup, l), a, it, `${sup.name}.${e.name}`);
        if (!m) throw new UnsupportedApexError(`super.${e.name}()`, `${f.file}:${e.line}`);
        f.line = e.line;
        return it.invoke(m, f.self, a, e.name);
    }
    const target = evalTarget(it, e.target, f);
    if (target === null) {
        if (e.safe) return null;
        throw nullPointerException();
    }
    const a = args(it, e, f);
    if (target instanceof ApexObject || (target instanceof TypeValue && target.type.k === 'class')) {
        const cls = target instanceof ApexObject ? target.cls : (target.type as { k: 'class'; cls: ClassInfo }).cls;
        if (arityCount(methodsOf(cls, l), a.length) > 1) {
            const st = staticArgTypes(it, e.args, f);
            f.line = e.line;
            return target instanceof ApexObject
                ? it.invokeVirtual(target, l, a, e.name, st)
                : it.invokeStatic(cls, l, a, e.name, st);
        }
    }
    return callOn(it, target, l, e.name, a, f, e.line);
}

function unqualified(it: Interpreter, e: ast.Call, l: string, f: Frame): ApexValue {
    if (l === 'this' || l === 'super')
        throw new UnsupportedApexError(
            `${e.name}(...) outside the first statement of a constructor`,
            `${f.file}:${e.line}`
        );
    const a = args(it, e, f);
    for (let scope = f.cls, outer = false; scope; scope = scope.outer, outer = true) {
        const candidates = methodsOf(scope, l);
        if (candidates.length === 0) continue;
        const st = arityCount(candidates, a.length) > 1 ? staticArgTypes(it, e.args, f) : undefined;
        const m = selectMethod(candidates, a, it, `${scope.name}.${e.name}`, st);
        if (!m)
            throw new UnsupportedApexError(
                `method ${scope.name}.${e.name} with ${a.length} argument(s)`,
                `${f.file}:${e.line}`
            );
        f.line = e.line;
        if (m.isStatic) return it.invoke(m, null, a, e.name);
        if (outer || !f.self)
            throw new UnsupportedApexError(
                `instance method ${e.name} called from static context`,
                `${f.file}:${e.line}`
            );
        // Virtual dispatch: the object's class may override the method.
        return m.isPrivate ? it.invoke(m, f.self, a, e.name) : it.invokeVirtual(f.self, l, a, e.name, st);
    }
    throw new UnsupportedApexError(`method ${e.name}`, `${f.file}:${e.line}`);
}

/** Calls method `l` on a non-null value. */
export function callOn(
    it: Interpreter,
    target: ApexValue,
    l: string,
    name: string,
    a: ApexValue[],
    f: Frame,
    line: number
): ApexValue {
    f.line = line;
    if (target === null) throw nullPointerException();
    if (target instanceof ApexObject) return it.invokeVirtual(target, l, a, name);
    if (target instanceof TypeValue) return callStatic(it, target.type, l, name, a, f, line);
    if (target instanceof NamespaceValue) {
        const sys = it.natives.find([target.name]);
        if (sys) return callNative(it, sys, true, null, l, name, a);
        throw new UnsupportedApexError(`${target.name}.${name}()`, `${f.file}:${line}`);
    }
    if (target instanceof ApexList || target instanceof ApexSet || target instanceof ApexMap)
        return callCollectionMethod(it, target, l, name, a);
    if (target instanceof ApexEnumValue) return enumMethod(it, target, l, name, a);
    if (target instanceof NativeObject) return callNative(it, target.cls, false, target, l, name, a);
    if (target instanceof SObject) return sobjectMethod(it, target, l, name, a);
    const kind = runtimeKind(target);
    // Ids are Strings at run time: an Id method String lacks (getSObjectType) goes to the Id class.
    const idNat = typeof target === 'string' ? it.natives.find(['id']) : undefined;
    if (idNat && idNat.methods.has(l) && !it.natives.find(['string'])?.methods.has(l))
        return callNative(it, idNat, false, target, l, name, a);
    const nat = it.natives.find([kind.toLowerCase()]);
    if (nat) return callNative(it, nat, false, target, l, name, a);
    throw new UnsupportedApexError(`method ${name} on a ${kind}`, `${f.file}:${line}`);
}

function callStatic(
    it: Interpreter,
    t: ApexType,
    l: string,
    name: string,
    a: ApexValue[],
    f: Frame,
    line: number
): ApexValue {
    if (t.k === 'class') return it.invokeStatic(t.cls, l, a, name);
    if (t.k === 'native') return callNative(it, t.cls, true, null, l, name, a);
    if (t.k === 'sobject' && it.sobjectStatics) {
        const v = it.sobjectStatics.call(t.name, name, a);
        if (v !== undefined) return v;
    }
    if (t.k === 'prim') {
        const nat = it.natives.find([t.name.toLowerCase()]);
        if (nat) return callNative(it, nat, true, null, l, name, a);
    }
    throw new UnsupportedApexError(`static method ${typeName(t)}.${name}`, `${f.file}:${line}`);
}

/** Calls a native method (static when `isStatic`). */
export function callNative(
    it: Interpreter,
    cls: NativeClass,
    isStatic: boolean,
    self: ApexValue,
    l: string,
    name: string,
    a: ApexValue[]
): ApexValue {
    const table = isStatic ? cls.statics : cls.methods;
    const what = `${cls.namespace}.${cls.name}.${name}`;
    const o = selectOverload(table.get(l), a, what, runtimeKind);
    return o.fn(it, self, a);
}

/** `new X(...)` of a native class. */
export function newNative(it: Interpreter, cls: NativeClass, a: ApexValue[]): ApexValue {
    const o = selectOverload(
        cls.constructors.length ? cls.constructors : undefined,
        a,
        `new ${cls.namespace}.${cls.name}`,
        runtimeKind
    );
    return o.fn(it, null, a);
}

/** `X.class`: a System.Type value. */
export function typeObject(it: Interpreter, t: ApexType): ApexValue {
    const nat = it.natives.find(['system', 'type']);
    if (!nat) throw new UnsupportedApexError('System.Type');
    return new NativeObject(nat, t);
}

/** Methods of enum values (Apex Developer Guide › Enums: name(), ordinal(); equals/hashCode/toString). */
function enumMethod(it: Interpreter, v: ApexEnumValue, l: string, name: string, a: ApexValue[]): ApexValue {
    if (a.length === 0) {
        if (l === 'name' || l === 'tostring') return v.name;
        if (l === 'ordinal') return v.ordinal;
        if (l === 'hashcode') return javaStringHash(v.name);
    }
    if (l === 'equals' && a.length === 1) return it.equals(v, a[0] ?? null);
    throw new UnsupportedApexError(`enum method ${v.cls.name}.${name}`);
}

/** The SObject methods the interpreter core handles; the data layer's natives take the rest. */
function sobjectMethod(it: Interpreter, rec: SObject, l: string, name: string, a: ApexValue[]): ApexValue {
    const nat = it.natives.find(['sobject']);
    if (nat && nat.methods.has(l)) return callNative(it, nat, false, rec, l, name, a);
    const s = (i: number): string => {
        const v = a[i] ?? null;
        if (v === null) throw nullPointerException();
        return String(v);
    };
    switch (l) {
        case 'get':
            if (a.length === 1) return sobjectGet(it, rec, s(0));
            break;
        case 'put':
            if (a.length === 2) {
                const prev = rec.has(s(0)) ? (rec.get(s(0)) as ApexValue) : null;
                sobjectPut(it, rec, s(0), a[1] ?? null);
                return prev;
            }
            break;
        case 'getsobject':
            if (a.length === 1) return rec.getSObject(s(0));
            break;
        case 'putsobject':
            if (a.length === 2) return rec.putSObject(s(0), (a[1] ?? null) as SObject | null);
            break;
        case 'isset':
            if (a.length === 1) return rec.isSet(s(0));
            break;
        case 'hashcode':
            if (a.length === 0) return identityHash(rec);
            break;
        case 'clone':
            // SObject Class › clone(preserveId, isDeepClone, preserveReadonlyTimestamps, preserveAutonumber).
            if (a.length <= 4) return rec.clone(a[0] === true, a[1] === true, a[2] === true, a[3] === true);
            break;
        case 'adderror':
            if (a.length === 1) {
                rec.addError(it.stringOf(a[0] ?? null));
                return null;
            }
            break;
        case 'getpopulatedfieldsasmap':
            if (a.length === 0) {
                const m = new ApexMap(prim('String'), prim('Object'));
                for (const [k, v] of rec.getPopulatedFields()) m.put(k, v as ApexValue);
                return m;
            }
            break;
        case 'equals':
            if (a.length === 1) return it.equals(rec, a[0] ?? null);
            break;
    }
    throw new UnsupportedApexError(`SObject method ${name}`);
}
