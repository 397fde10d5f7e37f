/**
 * The type model: resolving written types (`TypeRef`) case-insensitively, runtime types of values,
 * `instanceof`/cast checks and the implicit conversions Apex applies on assignment, parameter
 * passing, return and collection insert (Apex Developer Guide › Primitive Data Types, "Rules of
 * Conversion"; Collections; Classes › "Using the instanceof Keyword", "Classes and Casting").
 */
import type * as ast from '../syntax/ast.ts';
import { UnsupportedApexError } from '../errors.ts';
import { isNumericKind, numericKindOf, widen, widensTo } from '../values/arithmetic.ts';
import type { NumericValue } from '../values/arithmetic.ts';
import { ApexDouble } from '../values/double.ts';
import { ApexRuntimeSignal } from '../values/signal.ts';
import { normalizeId, isValidId } from '../data/ids.ts';
import type { ApexType, ApexValue, ClassInfo, PrimitiveName } from './model.ts';
import { ApexEnumValue, ApexObject, NativeObject, TypeValue } from './model.ts';
import { ApexList, ApexMap, ApexSet } from './collections.ts';
import { Decimal, temporalKind } from './values-bridge.ts';
import { isSObject, sobjectType } from './data-bridge.ts';
import type { SObjectTypes } from './data-bridge.ts';
import type { NativeClass } from './natives/registry.ts';

const PRIMS: Record<string, PrimitiveName> = {
    integer: 'Integer',
    long: 'Long',
    decimal: 'Decimal',
    double: 'Double',
    string: 'String',
    boolean: 'Boolean',
    id: 'Id',
    date: 'Date',
    datetime: 'Datetime',
    time: 'Time',
    blob: 'Blob',
    object: 'Object'
};

const primCache = new Map<PrimitiveName, ApexType>();
/** The (shared) type object of a primitive. */
export function prim(name: PrimitiveName): ApexType {
    let t = primCache.get(name);
    if (!t) {
        t = { k: 'prim', name };
        primCache.set(name, t);
    }
    return t;
}
export const OBJECT_TYPE = prim('Object');
export const VOID_TYPE: ApexType = { k: 'void' };
export const SOBJECT_TYPE: ApexType = { k: 'sobject', name: 'SObject' };

/** What type resolution needs from the class registry and the schema. */
export interface TypeEnv extends SObjectTypes {
    /** A user type by lower-case dotted name parts, seen from `from` (inner types of it and its outers/superclasses first). */
    findClass(lnames: string[], from: ClassInfo | undefined): ClassInfo | undefined;
    /** A native (System, Schema, Database…) class by lower-case name parts (`['database','saveresult']`, `['assert']`). */
    findNative(lnames: string[]): NativeClass | undefined;
}

/** Memo on the syntax node; keyed by the runtime too, as parsed units may be shared by several runtimes. */
interface CachedRef {
    $resolved?: { env: TypeEnv; from: ClassInfo | undefined; type: ApexType };
}

/** Resolves a written type; an unknown type is an UnsupportedApexError naming it. */
export function resolveTypeRef(env: TypeEnv, ref: ast.TypeRef, from: ClassInfo | undefined): ApexType {
    const cached = (ref as CachedRef).$resolved;
    if (cached && cached.from === from && cached.env === env) return cached.type;
    let t = resolveBase(env, ref, from);
    for (let i = 0; i < ref.arrayDims; i++) t = { k: 'list', elem: t };
    (ref as CachedRef).$resolved = { env, from, type: t };
    return t;
}

function resolveBase(env: TypeEnv, ref: ast.TypeRef, from: ClassInfo | undefined): ApexType {
    const lnames = ref.names.map((n) => n.toLowerCase());
    const args = ref.args.map((a) => resolveTypeRef(env, a, from));
    const written = ref.names.join('.');
    // `System.String`, `System.List<...>`: the System namespace prefix is optional.
    const bare = lnames.length === 2 && lnames[0] === 'system' ? lnames.slice(1) : lnames;
    if (bare.length === 1) {
        const n = bare[0] ?? '';
        const p = PRIMS[n];
        if (p) return prim(p);
        if (n === 'void') return VOID_TYPE;
        if (n === 'list' || n === 'set') {
            if (args.length !== 1) throw new UnsupportedApexError(`type ${written} without one type argument`);
            return { k: n, elem: args[0] ?? OBJECT_TYPE };
        }
        if (n === 'map') {
            if (args.length !== 2) throw new UnsupportedApexError(`type ${written} without two type arguments`);
            return { k: 'map', key: args[0] ?? OBJECT_TYPE, value: args[1] ?? OBJECT_TYPE };
        }
        if (n === 'sobject') return SOBJECT_TYPE;
    }
    const cls = env.findClass(lnames, from);
    if (cls) return { k: 'class', cls };
    if (lnames.length === 1 || (lnames.length === 2 && lnames[0] === 'schema')) {
        const obj = env.objectName(lnames[lnames.length - 1] ?? '');
        if (obj) return { k: 'sobject', name: obj };
    }
    const nat = env.findNative(lnames);
    if (nat) return { k: 'native', cls: nat, args };
    throw new UnsupportedApexError(`type ${written}`);
}

/** The type's name as Apex prints it (`List<String>`, `Map<Id,Contact>`, `WebexFoo.Inner`). */
export function typeName(t: ApexType): string {
    switch (t.k) {
        case 'prim':
            return t.name;
        case 'list':
            return `List<${typeName(t.elem)}>`;
        case 'set':
            return `Set<${typeName(t.elem)}>`;
        case 'map':
            return `Map<${typeName(t.key)},${typeName(t.value)}>`;
        case 'class':
            return t.cls.name;
        case 'sobject':
            return t.name;
        case 'native':
            return t.cls.name;
        case 'void':
            return 'void';
    }
}

/** The runtime type of a non-null value. */
export function runtimeType(v: ApexValue): ApexType {
    if (v === null) return OBJECT_TYPE;
    switch (typeof v) {
        case 'number':
            return prim('Integer');
        case 'bigint':
            return prim('Long');
        case 'string':
            return prim('String');
        case 'boolean':
            return prim('Boolean');
    }
    if (v instanceof ApexObject || v instanceof ApexEnumValue) return { k: 'class', cls: v.cls };
    if (v instanceof ApexList) return { k: 'list', elem: v.elemType };
    if (v instanceof ApexSet) return { k: 'set', elem: v.elemType };
    if (v instanceof ApexMap) return { k: 'map', key: v.keyType, value: v.valueType };
    if (v instanceof Decimal) return prim('Decimal');
    if (v instanceof ApexDouble) return prim('Double');
    if (isSObject(v)) return { k: 'sobject', name: sobjectType(v) };
    if (v instanceof NativeObject) return { k: 'native', cls: v.cls, args: [] };
    if (v instanceof TypeValue) return { k: 'prim', name: 'Object' };
    const tk = temporalKind(v);
    if (tk) return prim(tk);
    throw new UnsupportedApexError(`runtime type of ${v.constructor.name}`);
}

/** Whether class `c` is `target` or extends/implements it. */
export function isSubclass(c: ClassInfo, target: ClassInfo): boolean {
    for (let k: ClassInfo | undefined = c; k; k = k.superclass) {
        if (k === target) return true;
        for (const i of k.interfaces) if (isSubclass(i, target)) return true;
    }
    return false;
}

/** Whether two types are the same type. */
export function sameType(a: ApexType, b: ApexType): boolean {
    if (a === b) return true;
    switch (a.k) {
        case 'prim':
            return b.k === 'prim' && a.name === b.name;
        case 'list':
        case 'set':
            return b.k === a.k && sameType(a.elem, b.elem);
        case 'map':
            return b.k === 'map' && sameType(a.key, b.key) && sameType(a.value, b.value);
        case 'class':
            return b.k === 'class' && a.cls === b.cls;
        case 'sobject':
            return b.k === 'sobject' && a.name.toLowerCase() === b.name.toLowerCase();
        case 'native':
            return b.k === 'native' && a.cls === b.cls;
        case 'void':
            return b.k === 'void';
    }
}

/**
 * Whether a value of static/runtime type `from` may be used where `to` is declared, without
 * conversion: subclasses, SObject types into `SObject`, and collections whose element types are
 * assignable (Apex collections are covariant: a `List<Contact>` is a `List<SObject>`, and every
 * collection is a `List<Object>`… per the guide's "Collections" casting rules).
 */
export function isAssignable(from: ApexType, to: ApexType): boolean {
    if (to.k === 'prim' && to.name === 'Object') return true;
    if (sameType(from, to)) return true;
    switch (to.k) {
        case 'prim':
            // An Id is a String and a String holding an Id may be used as one (checked on conversion).
            return (
                from.k === 'prim' &&
                ((to.name === 'String' && from.name === 'Id') || (to.name === 'Id' && from.name === 'String'))
            );
        case 'list':
        case 'set':
            return from.k === to.k && isAssignable(from.elem, to.elem);
        case 'map':
            return from.k === 'map' && isAssignable(from.key, to.key) && isAssignable(from.value, to.value);
        case 'class':
            return from.k === 'class' && isSubclass(from.cls, to.cls);
        case 'sobject':
            return from.k === 'sobject' && to.name === 'SObject';
        case 'native':
            return from.k === 'native' && (from.cls === to.cls || from.cls.supertypes?.includes(to.cls.lname) === true);
        case 'void':
            return false;
    }
}

/** `value instanceof T` for a non-null value (null is never an instance). */
export function isInstanceOf(v: ApexValue, t: ApexType): boolean {
    if (v === null) return false;
    if (t.k === 'prim') {
        switch (t.name) {
            case 'Object':
                return true;
            case 'Integer':
                return typeof v === 'number';
            case 'Long':
                return typeof v === 'bigint';
            case 'String':
                return typeof v === 'string';
            case 'Id':
                return typeof v === 'string' && isValidId(v);
            case 'Boolean':
                return typeof v === 'boolean';
            case 'Decimal':
                return v instanceof Decimal;
            case 'Double':
                return v instanceof ApexDouble;
            default:
                return typeof v === 'object' && temporalKind(v) === t.name;
        }
    }
    if (t.k === 'native' && t.cls.isInstance) return t.cls.isInstance(v);
    return isAssignable(runtimeType(v), t);
}

/** `System.TypeException: Invalid conversion from runtime type X to Y` (Classes and Casting). */
export function conversionError(v: ApexValue, to: ApexType): ApexRuntimeSignal {
    return new ApexRuntimeSignal(
        'System.TypeException',
        `Invalid conversion from runtime type ${typeName(runtimeType(v))} to ${typeName(to)}`
    );
}

/**
 * Converts `v` to the declared type `t` as Apex does on assignment, parameter passing, return and
 * collection insert: numeric widening Integer → Long → Double/Decimal (Primitive Data Types, "Rules
 * of Conversion"), Decimal ↔ Double, a String into an Id validated and made 18 characters (Id: "If
 * you set ID to a 15-character value, Apex converts it to its 18-character representation"), and
 * otherwise an `instanceof` check (a failing one is a TypeException, as a cast).
 */
export function coerce(v: ApexValue, t: ApexType): ApexValue {
    const out = tryCoerce(v, t);
    if (out === undefined) throw conversionError(v, t);
    return out;
}

/**
 * `coerce` without building the error (overload resolution asks this of every candidate): the
 * converted value, or undefined where `v` does not convert to `t`. An invalid Id string still throws.
 */
export function tryCoerce(v: ApexValue, t: ApexType): ApexValue | undefined {
    if (v === null) return null;
    if (t.k !== 'prim') return isInstanceOf(v, t) ? v : undefined;
    if (isNumericKind(t.name)) {
        const from = numericKindOf(v);
        if (from === null) return undefined;
        if (widensTo(from, t.name)) return widen(v as NumericValue, t.name);
        // Decimal and Double convert both ways implicitly (Rules of Conversion).
        return from === 'Decimal' && t.name === 'Double' ? new ApexDouble((v as Decimal).doubleValue()) : undefined;
    }
    switch (t.name) {
        case 'Object':
            return v;
        case 'String':
            return typeof v === 'string' ? v : undefined;
        case 'Boolean':
            return typeof v === 'boolean' ? v : undefined;
        case 'Id':
            return typeof v === 'string' ? normalizeId(v) : undefined;
        default:
            return typeof v === 'object' && temporalKind(v) === t.name ? v : undefined;
    }
}

/** `(T) v`: a cast checks without converting numbers (a cast of an Object holding an Integer to Decimal converts, as Apex does). */
export function cast(v: ApexValue, t: ApexType): ApexValue {
    return coerce(v, t);
}
