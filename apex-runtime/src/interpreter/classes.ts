/**
 * The class model: compilation units loaded into a registry of ClassInfo (classes, interfaces,
 * enums, inner types, built-in exception types), linking (superclass, interfaces), method lookup
 * along the inheritance chain and overload resolution.
 */
import type * as ast from '../syntax/ast.ts';
import { UnsupportedApexError } from '../errors.ts';
import type { ApexType, ApexValue, ClassInfo, FieldInfo, MethodInfo } from './model.ts';
import { ApexEnumValue } from './model.ts';
import { isInstanceOf, isAssignable, runtimeType, sameType, tryCoerce } from './types.ts';
import { isNumericKind, widensTo } from '../values/arithmetic.ts';

/** Built-in exception types (Apex Reference Guide › Exception Class and Built-In Exceptions). */
export const BUILTIN_EXCEPTIONS = [
    'AsyncException',
    'CalloutException',
    'DmlException',
    'EmailException',
    'ExternalObjectException',
    'FinalException',
    'HandledException',
    'IllegalArgumentException',
    'InvalidHeaderException',
    'InvalidParameterValueException',
    'JSONException',
    'LimitException',
    'ListException',
    'MathException',
    'NoAccessException',
    'NoDataFoundException',
    'NoSuchElementException',
    'NullPointerException',
    'QueryException',
    'RequiredFeatureMissingException',
    'SearchException',
    'SecurityException',
    'SerializationException',
    'SObjectException',
    'StringException',
    'TypeException',
    'UnexpectedException',
    'VisualforceException',
    'XmlException',
    'AssertException',
    'AuraHandledException'
];

/**
 * Built-in interfaces user classes implement (Apex Reference Guide: Comparable, Comparator,
 * Iterable, Iterator, Callable, Schedulable, Queueable, Finalizer, HttpCalloutMock, WebServiceMock,
 * StubProvider, Database.Batchable/Stateful/AllowsCallouts/RaisesPlatformEvents). They carry no
 * methods here: the classes implementing them declare the methods.
 */
export const BUILTIN_INTERFACES = [
    'System.Comparable',
    'System.Comparator',
    'System.Iterable',
    'System.Iterator',
    'System.Callable',
    'System.Schedulable',
    'System.Queueable',
    'System.Finalizer',
    'System.HttpCalloutMock',
    'System.WebServiceMock',
    'System.StubProvider',
    'System.InstallHandler',
    'System.UninstallHandler',
    'Database.Batchable',
    'Database.Stateful',
    'Database.AllowsCallouts',
    'Database.RaisesPlatformEvents'
];

function has(mods: string[], m: string): boolean {
    return mods.includes(m);
}

function sharingOf(mods: string[]): ClassInfo['sharing'] {
    if (has(mods, 'with sharing')) return 'with';
    if (has(mods, 'without sharing')) return 'without';
    if (has(mods, 'inherited sharing')) return 'inherited';
    return undefined;
}

function emptyClass(kind: ClassInfo['kind'], name: string, simpleName: string, file: string): ClassInfo {
    return {
        kind,
        name,
        simpleName,
        lname: name.toLowerCase(),
        file,
        interfaceRefs: [],
        interfaces: [],
        isAbstract: false,
        isVirtual: false,
        isTest: false,
        annotations: [],
        staticFields: [],
        instanceFields: [],
        fieldsByName: new Map(),
        methods: new Map(),
        constructors: [],
        staticInits: [],
        instanceInits: [],
        staticInitOrder: [],
        inner: new Map(),
        isException: false,
        builtin: false,
        vtable: new Map()
    };
}

function addMethod(cls: ClassInfo, m: MethodInfo): void {
    const list = cls.methods.get(m.lname);
    if (list) list.push(m);
    else cls.methods.set(m.lname, [m]);
}

function methodInfo(cls: ClassInfo, d: ast.MethodDecl, inInterface: boolean): MethodInfo {
    const m: MethodInfo = {
        name: d.name,
        lname: d.name.toLowerCase(),
        owner: cls,
        decl: d,
        params: d.params,
        paramTypes: null,
        returnType: null,
        isStatic: has(d.modifiers, 'static'),
        isAbstract: inInterface || has(d.modifiers, 'abstract'),
        isVirtual: has(d.modifiers, 'virtual') || has(d.modifiers, 'abstract') || inInterface,
        isOverride: has(d.modifiers, 'override'),
        isPrivate: has(d.modifiers, 'private')
    };
    if (d.body) m.body = d.body;
    return m;
}

/** Loaded classes of a program: user types from source and the built-in exception types. */
export class ClassRegistry {
    /** Top-level types by lower-case name. */
    readonly top = new Map<string, ClassInfo>();
    /** Built-in exception types by lower-case simple name (`nullpointerexception`, `exception`). */
    readonly builtins = new Map<string, ClassInfo>();
    /** Built-in interfaces by lower-case qualified name (`system.comparable`, `database.batchable`). */
    readonly builtinInterfaces = new Map<string, ClassInfo>();
    readonly triggers: { decl: ast.TriggerDecl; file: string }[] = [];
    readonly exceptionBase: ClassInfo;
    /**
     * The namespace the loaded classes belong to ('' without one): code may name them `ns.Foo` ("Apex allows
     * fully-qualified identifiers of the form namespace_prefix.class.method(args)", Apex Developer Guide › Namespace
     * Prefix, https://developer.salesforce.com/docs/platform/apex-dev/references/apex-dev/apex-classes-namespace-prefix.html).
     */
    namespace = '';
    private linked = false;

    constructor() {
        this.exceptionBase = emptyClass('class', 'Exception', 'Exception', '');
        this.exceptionBase.builtin = true;
        this.exceptionBase.isException = true;
        this.exceptionBase.isVirtual = true;
        this.builtins.set('exception', this.exceptionBase);
        for (const n of BUILTIN_EXCEPTIONS) {
            const c = emptyClass('class', `System.${n}`, n, '');
            c.builtin = true;
            c.isException = true;
            c.isVirtual = true;
            c.superclass = this.exceptionBase;
            this.builtins.set(n.toLowerCase(), c);
        }
        for (const q of BUILTIN_INTERFACES) {
            const simple = q.slice(q.indexOf('.') + 1);
            const c = emptyClass('interface', q, simple, '');
            c.builtin = true;
            c.isAbstract = true;
            this.builtinInterfaces.set(q.toLowerCase(), c);
        }
    }

    /** Adds a compilation unit (a class, interface, enum or trigger). Call `link()` once all are loaded. */
    load(unit: ast.CompilationUnit): void {
        if (unit.type.kind === 'trigger') {
            this.triggers.push({ decl: unit.type, file: unit.file });
            return;
        }
        const c = this.build(unit.type, unit.file, undefined);
        if (this.top.has(c.lname)) throw new UnsupportedApexError(`two types named ${c.name}`, unit.file);
        this.top.set(c.lname, c);
        this.linked = false;
    }

    private build(d: ast.TypeDecl, file: string, outer: ClassInfo | undefined): ClassInfo {
        const name = outer ? `${outer.name}.${d.name}` : d.name;
        const c = emptyClass(d.kind, name, d.name, file);
        c.decl = d;
        if (outer) c.outer = outer;
        c.annotations = d.annotations;
        c.isTest = d.annotations.some((a) => a.name.toLowerCase() === 'istest');
        const sharing = sharingOf(d.modifiers);
        if (sharing) c.sharing = sharing;
        if (d.kind === 'enum') {
            c.enumValues = d.values.map((v, i) => new ApexEnumValue(c, v, i));
            return c;
        }
        if (d.kind === 'interface') {
            c.isAbstract = true;
            c.interfaceRefs = d.extends;
            for (const m of d.methods) addMethod(c, methodInfo(c, m, true));
            return c;
        }
        c.isAbstract = has(d.modifiers, 'abstract');
        c.isVirtual = has(d.modifiers, 'virtual') || c.isAbstract;
        if (d.extends) c.superRef = d.extends;
        c.interfaceRefs = d.implements;
        for (const m of d.members) this.member(c, m, file);
        return c;
    }

    private field(c: ClassInfo, f: FieldInfo): void {
        if (c.fieldsByName.has(f.lname))
            throw new UnsupportedApexError(`duplicate field ${f.name}`, `${c.file}:${f.line}`);
        c.fieldsByName.set(f.lname, f);
        if (f.isStatic) {
            c.staticFields.push(f);
            c.staticInitOrder.push(f);
        } else {
            c.instanceFields.push(f);
            c.instanceInits.push(f);
        }
    }

    private member(c: ClassInfo, m: ast.Member, file: string): void {
        switch (m.kind) {
            case 'field':
                for (const d of m.declarators) {
                    const f: FieldInfo = {
                        name: d.name,
                        lname: d.name.toLowerCase(),
                        key: d.name.toLowerCase(),
                        type: null,
                        typeRef: m.type,
                        isStatic: has(m.modifiers, 'static'),
                        isFinal: has(m.modifiers, 'final'),
                        line: d.line,
                        owner: c
                    };
                    if (d.init) f.init = d.init;
                    this.field(c, f);
                }
                return;
            case 'property':
                this.field(c, {
                    name: m.name,
                    lname: m.name.toLowerCase(),
                    key: m.name.toLowerCase(),
                    type: null,
                    typeRef: m.type,
                    isStatic: has(m.modifiers, 'static'),
                    isFinal: false,
                    line: m.line,
                    property: m,
                    owner: c
                });
                return;
            case 'method':
                addMethod(c, methodInfo(c, m, false));
                return;
            case 'constructor':
                c.constructors.push({
                    name: c.simpleName,
                    lname: '<init>',
                    owner: c,
                    decl: m,
                    params: m.params,
                    paramTypes: null,
                    returnType: null,
                    isStatic: false,
                    isAbstract: false,
                    isVirtual: false,
                    isOverride: false,
                    isPrivate: has(m.modifiers, 'private'),
                    body: m.body
                });
                return;
            case 'initializer':
                if (m.isStatic) {
                    c.staticInits.push(m.body);
                    c.staticInitOrder.push(m.body);
                } else c.instanceInits.push(m.body);
                return;
            default: {
                const inner = this.build(m, file, c);
                c.inner.set(inner.simpleName.toLowerCase(), inner);
            }
        }
    }

    /** Resolves superclasses and interfaces of every loaded type (after all units are loaded). */
    link(): void {
        if (this.linked) return;
        this.linked = true;
        for (const c of this.all()) {
            c.vtable.clear();
            if (c.superRef) {
                const s = this.findClass(
                    c.superRef.names.map((n) => n.toLowerCase()),
                    c.outer ?? c
                );
                if (!s)
                    throw new UnsupportedApexError(
                        `superclass ${c.superRef.names.join('.')}`,
                        `${c.file}:${c.decl?.line ?? 0}`
                    );
                c.superclass = s;
            }
            c.interfaces = c.interfaceRefs.map((r) => {
                const i = this.findClass(
                    r.names.map((n) => n.toLowerCase()),
                    c.outer ?? c
                );
                if (!i)
                    throw new UnsupportedApexError(`interface ${r.names.join('.')}`, `${c.file}:${c.decl?.line ?? 0}`);
                return i;
            });
        }
        for (const c of this.all()) {
            for (let k: ClassInfo | undefined = c; k; k = k.superclass) if (k.isException) c.isException = true;
            // A field hiding a superclass field gets storage of its own (each class's code sees its own).
            for (const fi of c.instanceFields) {
                for (let k = c.superclass; k; k = k.superclass) {
                    if (k.fieldsByName.has(fi.lname)) fi.key = `${c.lname}.${fi.lname}`;
                }
            }
        }
    }

    /** Every user type, inner types included. */
    *all(): Generator<ClassInfo> {
        const stack = [...this.top.values()];
        while (stack.length) {
            const c = stack.pop();
            if (!c) break;
            yield c;
            stack.push(...c.inner.values());
        }
    }

    /**
     * A type by lower-case name parts, seen from `from`: its inner types, its superclasses' inner
     * types, its outer class's, then top-level types, then built-in exceptions (`System.` optional).
     */
    findClass(lnames: string[], from: ClassInfo | undefined): ClassInfo | undefined {
        if (this.namespace && lnames.length > 1 && lnames[0] === this.namespace.toLowerCase())
            return this.findClass(lnames.slice(1), undefined);
        const first = lnames[0] ?? '';
        let c: ClassInfo | undefined;
        for (let scope = from; scope && !c; scope = scope.outer) {
            for (let k: ClassInfo | undefined = scope; k && !c; k = k.superclass) {
                if (k.simpleName.toLowerCase() === first && lnames.length > 1) c = k;
                else c = k.inner.get(first);
            }
        }
        c ??= this.top.get(first);
        if (c) {
            for (let i = 1; i < lnames.length && c; i++) c = c.inner.get(lnames[i] ?? '');
            return c;
        }
        if (lnames.length === 1) return this.builtins.get(first) ?? this.builtinInterfaces.get(`system.${first}`);
        if (lnames.length === 2 && first === 'system')
            return this.builtins.get(lnames[1] ?? '') ?? this.builtinInterfaces.get(lnames.join('.'));
        if (lnames.length === 2) return this.builtinInterfaces.get(lnames.join('.'));
        return undefined;
    }
}

/** Signature key of a method for override matching (lower-case parameter types as written). */
function signature(m: MethodInfo): string {
    return m.params.map((p) => p.type.names.join('.').toLowerCase() + '[]'.repeat(p.type.arrayDims)).join(',');
}

/**
 * Methods named `lname` visible on `cls`: its own, then inherited ones it does not override (by
 * signature), then interface methods (abstract) — cached per class.
 */
export function methodsOf(cls: ClassInfo, lname: string): MethodInfo[] {
    const cached = cls.vtable.get(lname);
    if (cached) return cached;
    const out: MethodInfo[] = [];
    const seen = new Set<string>();
    const visit = (k: ClassInfo): void => {
        for (const m of k.methods.get(lname) ?? []) {
            const sig = signature(m);
            if (seen.has(sig)) continue;
            seen.add(sig);
            out.push(m);
        }
    };
    for (let k: ClassInfo | undefined = cls; k; k = k.superclass) visit(k);
    const visitIfaces = (k: ClassInfo): void => {
        for (const i of k.interfaces) {
            visit(i);
            visitIfaces(i);
        }
    };
    for (let k: ClassInfo | undefined = cls; k; k = k.superclass) visitIfaces(k);
    cls.vtable.set(lname, out);
    return out;
}

/** Resolves (and caches) a method's parameter types. */
export interface ParamTypes {
    paramTypes(m: MethodInfo): ApexType[];
}

/**
 * How well an argument of declared (static) type `st` fits a parameter type, as the compiler
 * chooses overloads: 3 same type, 2 subtype, 1 by implicit conversion (numeric widening, anything
 * to Object), 0 not applicable.
 */
function fitStatic(st: ApexType, t: ApexType): number {
    if (sameType(st, t)) return 3;
    if (t.k === 'prim' && t.name === 'Object') return 1;
    if (isAssignable(st, t)) return 2;
    if (st.k === 'prim' && t.k === 'prim') {
        if (isNumericKind(st.name) && isNumericKind(t.name) && st.name !== t.name && widensTo(st.name, t.name))
            return 1;
    }
    return 0;
}

/** How many candidates take `n` arguments. */
export function arityCount(candidates: MethodInfo[], n: number): number {
    let c = 0;
    for (const m of candidates) if (m.params.length === n) c++;
    return c;
}

/** How well a value fits a parameter type: 3 exact, 2 subtype, 1 by widening conversion, 0 not. */
function fit(v: ApexValue, t: ApexType): number {
    if (v === null) return 2;
    if (t.k === 'prim' && t.name === 'Object') return 1;
    const rt = runtimeType(v);
    if (rt.k === t.k && rt.k === 'prim' && t.k === 'prim' && rt.name === t.name) return 3;
    if (rt.k === 'class' && t.k === 'class' && rt.cls === t.cls) return 3;
    if (isInstanceOf(v, t) || isAssignable(rt, t)) return 2;
    try {
        return tryCoerce(v, t) === undefined ? 0 : 1;
    } catch {
        return 0; // an invalid Id string
    }
}

/**
 * Chooses among `candidates` for `args` (Apex Developer Guide › Classes › "Class Methods":
 * overloads differ in their parameters): by count, then by how the arguments fit the declared
 * types — by the argument expressions' declared types where known (`staticTypes`: locals, fields,
 * literals, casts, as the compiler sees them), else by the runtime values; a tie is refused as
 * ambiguous rather than picked.
 */
export function selectMethod(
    candidates: MethodInfo[],
    args: ApexValue[],
    types: ParamTypes,
    what: string,
    staticTypes?: (ApexType | undefined)[]
): MethodInfo | undefined {
    let best: MethodInfo | undefined;
    let bestScore = -1;
    let tie = false;
    let byCount = 0;
    for (const m of candidates) {
        if (m.params.length !== args.length) continue;
        byCount++;
        if (candidates.length === 1) return m;
        const paramTypes = types.paramTypes(m);
        let score = 0;
        let ok = true;
        for (let i = 0; i < args.length; i++) {
            const pt = paramTypes[i] ?? { k: 'prim', name: 'Object' };
            const st = staticTypes?.[i];
            const f = st ? fitStatic(st, pt) : fit(args[i] ?? null, pt);
            if (f === 0) {
                ok = false;
                break;
            }
            score += f;
        }
        if (!ok) continue;
        if (score > bestScore) {
            best = m;
            bestScore = score;
            tie = false;
        } else if (score === bestScore && best && best.owner === m.owner) tie = true;
    }
    if (byCount === 1 && !best) {
        // One method of that arity: the call compiled, so let parameter conversion report the mismatch.
        return candidates.find((m) => m.params.length === args.length);
    }
    if (tie) throw new UnsupportedApexError(`ambiguous call to ${what} with these argument kinds`);
    return best;
}
