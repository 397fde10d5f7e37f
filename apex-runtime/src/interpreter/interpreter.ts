/**
 * The interpreter core: static state per transaction, object creation and constructor chains,
 * method invocation with virtual dispatch, name resolution, field and property access, Apex
 * exceptions with stack traces, and string conversion. Statements and expressions are evaluated in
 * statements.ts and expressions.ts; calls on values in calls.ts.
 */
import type * as ast from '../syntax/ast.ts';
import { parseApexExpressionCached } from '../syntax/parse-cache.ts';
import { UnsupportedApexError } from '../errors.ts';
import { isApexSignal, nullPointerException } from '../values/signal.ts';
import { SObject } from '../data/sobject.ts';
import { assignSingleRow } from '../data/soql/database.ts';
import { isPrimitive, primitiveToString, concatText } from '../values/text.ts';
import type { SchemaRegistry } from '../data/schema.ts';
import { ClassRegistry, methodsOf, selectMethod } from './classes.ts';
import type { ApexType, ApexValue, ClassInfo, FieldInfo, MethodInfo } from './model.ts';
import { ApexEnumValue, ApexObject, NativeObject, NamespaceValue, TypeValue } from './model.ts';
import { ApexList, ApexMap, ApexSet, valueEquals } from './collections.ts';
import { Frame, Scope, RETURN } from './frame.ts';
import type { Completion } from './frame.ts';
import type { NativeRegistry, NativeRuntime } from './natives/registry.ts';
import { Limits } from './limits.ts';
import { coerce, resolveTypeRef, typeName, OBJECT_TYPE, VOID_TYPE } from './types.ts';
import type { TypeEnv } from './types.ts';
import {
    ApexThrow,
    EXC_CAUSE,
    EXC_DML_FAILURES,
    EXC_LINE,
    EXC_MESSAGE,
    EXC_STACK,
    exceptionTypeName,
    formatStack,
    messageOf
} from './exceptions.ts';
import type { StackFrame } from './exceptions.ts';
import { schemaSObjectStatics } from './natives/sobject-statics.ts';
import { execBlock } from './statements.ts';
import { defineBuiltinMethod } from './native-method.ts';
import { evalExpr } from './expressions.ts';

/** Maximum call depth (Execution Governors and Limits: "Maximum stack depth ... 1,000"). */
const MAX_DEPTH = 1000;

/** What SOQL/SOSL/DML need from the data layer; wired by the runtime (absent: those constructs are refused). */
export interface DataHooks {
    /** Runs inline or dynamic SOQL; binds are resolved by `bind(text)`. Returns the rows (or a count for `COUNT()`). */
    query(text: string, bind: (text: string) => ApexValue, line: number): ApexValue;
    /** Runs SOSL. */
    search?(text: string, bind: (text: string) => ApexValue, line: number): ApexValue;
    /** Runs a DML statement. */
    dml?(
        op: ast.DmlStmt['op'],
        target: ApexValue,
        extra: ApexValue | string | undefined,
        accessLevel: 'user' | 'system'
    ): void;
}

/**
 * Static members of SObject types, supplied by the data layer: `Contact.SObjectType`,
 * `Contact.Phone` (field tokens), custom settings' `getInstance`/`getValues`/`getOrgDefaults`/`getAll`.
 */
export interface SObjectStatics {
    /** `Type.name`; undefined when the data layer does not know the member. */
    member(typeName: string, name: string): ApexValue | undefined;
    /** `Type.method(args)`; undefined when the data layer does not know the method. */
    call(typeName: string, method: string, args: ApexValue[]): ApexValue | undefined;
}

export interface InterpreterOptions {
    classes: ClassRegistry;
    natives: NativeRegistry;
    schema?: SchemaRegistry;
    /** Epoch milliseconds; defaults to Date.now. */
    clock?: () => number;
    /** The running user's time zone (TimeZoneSidKey); defaults to `GMT`. */
    timeZone?: string;
    data?: DataHooks;
    /** The namespace of the loaded classes (`ClassRegistry.namespace`); default: the schema's (`SchemaRegistry.namespace`). */
    namespace?: string;
}

/** A debug log line recorded by `System.debug`. */
export interface DebugLine {
    level: string;
    message: string;
}

export class Interpreter implements NativeRuntime, TypeEnv {
    readonly classes: ClassRegistry;
    readonly natives: NativeRegistry;
    readonly schema: SchemaRegistry | undefined;
    readonly data: DataHooks | undefined;
    readonly limits = new Limits();
    readonly debugLog: DebugLine[] = [];
    private readonly clock: () => number;
    /** The running user's time zone; the test runner changes it for `System.runAs`. */
    timeZone: string;
    /** Static fields per class, for the current transaction; a class is initialized when it has an entry. */
    private statics = new Map<ClassInfo, Map<string, ApexValue>>();
    /** What natives keep per transaction (`RestContext.request`…), by the native's key; dropped with the statics. */
    private readonly transactionStates = new Map<object, unknown>();
    readonly stack: Frame[] = [];
    /** Apex depth at which the JavaScript stack overflowed (while the RangeError unwinds). */
    private overflowDepth: number | undefined;
    /** Static members of SObject types (the data layer installs it); null refuses them. */
    sobjectStatics: SObjectStatics | null = null;
    /** Test-runner hook: called with each statement's file and line before it runs (line coverage); null when off. */
    onStatement: ((file: string, line: number) => void) | null = null;
    /** Test-runner hook: runs a `System.runAs(user) { ... }` block; absent, runAs is refused. */
    runAsHandler: ((s: ast.RunAsStmt, f: Frame) => Completion) | null = null;

    constructor(options: InterpreterOptions) {
        this.classes = options.classes;
        this.natives = options.natives;
        this.schema = options.schema;
        this.data = options.data;
        this.clock = options.clock ?? Date.now;
        this.timeZone = options.timeZone ?? 'GMT';
        this.classes.namespace = options.namespace ?? this.schema?.namespace ?? '';
        // `Contact.SObjectType`, `Contact.Phone`, custom settings' methods: from the schema.
        if (this.schema) this.sobjectStatics = schemaSObjectStatics(this, this.schema);
        installExceptionMethods(this, this.classes.exceptionBase);
        this.classes.link();
        for (const c of this.classes.all()) this.installKeyOps(c);
    }

    // ------------------------------------------------------------ NativeRuntime

    now(): number {
        return this.clock();
    }

    userTimeZone(): string {
        return this.timeZone;
    }

    /** The running user's locale (`LocaleSidKey`) for `format()` methods; the test runner changes it for `System.runAs`. */
    localeSidKey = 'en_US';
    /** The org's My Domain URL (`URL.getOrgDomainUrl()`); null refuses it. */
    orgDomain: string | null = null;

    userLocale(): string {
        return this.localeSidKey;
    }

    orgDomainUrl(): string | undefined {
        return this.orgDomain ?? undefined;
    }

    /** `Type.newInstance()`: a user class by its no-argument constructor. */
    newInstanceOf(t: ApexType): ApexValue {
        if (t.k === 'class') return this.instantiate(t.cls, [], this.stack[this.stack.length - 1]?.line ?? 0);
        // Type Class › newInstance of an SObject type (`Type.forName('Contact').newInstance()`): a new record.
        if (t.k === 'sobject' && t.name !== 'SObject' && this.schema) return new SObject(this.schema.require(t.name));
        throw new UnsupportedApexError(`Type.newInstance of ${typeName(t)}`);
    }

    /**
     * `Type.getName()`: a class of a package in a namespace is `ns.Foo`, its fully-qualified identifier
     * ("namespace_prefix.class", Apex Developer Guide › Namespace Prefix), other types as written.
     */
    qualifiedTypeName(t: ApexType): string {
        const ns = this.classes.namespace;
        return ns && t.k === 'class' && !t.cls.builtin ? `${ns}.${typeName(t)}` : typeName(t);
    }

    /** `Type.forName(name)`: a user class, SObject or native type by name; undefined when none. */
    typeForName(name: string): ApexType | undefined {
        const lnames = name.toLowerCase().split('.');
        const cls = this.classes.findClass(lnames, undefined);
        if (cls) return { k: 'class', cls };
        try {
            return this.resolveType({ names: name.split('.'), args: [], arrayDims: 0 }, undefined);
        } catch (e) {
            if (e instanceof UnsupportedApexError) return undefined;
            throw e;
        }
    }

    debug(level: string, message: string): void {
        this.debugLog.push({ level, message });
    }

    /** The state a native keeps for the current transaction under `key`, made on first use (static-like, as statics are). */
    transactionState<T>(key: object, make: () => T): T {
        if (!this.transactionStates.has(key)) this.transactionStates.set(key, make());
        return this.transactionStates.get(key) as T;
    }

    equals(a: ApexValue, b: ApexValue): boolean {
        return valueEquals(a, b);
    }

    callMethod(target: ApexValue, name: string, args: ApexValue[]): ApexValue {
        if (!(target instanceof ApexObject)) throw new UnsupportedApexError(`callMethod ${name} on a non-object`);
        return this.invokeVirtual(target, name.toLowerCase(), args, name);
    }

    // ------------------------------------------------------------ TypeEnv

    findClass(lnames: string[], from: ClassInfo | undefined): ClassInfo | undefined {
        return this.classes.findClass(lnames, from);
    }

    findNative(lnames: string[]) {
        return this.natives.find(lnames);
    }

    objectName(lname: string): string | undefined {
        return this.schema?.describe(lname)?.name;
    }

    /** Resolves a written type from the code of `from`. */
    resolveType(ref: ast.TypeRef, from: ClassInfo | undefined): ApexType {
        return resolveTypeRef(this, ref, from);
    }

    // ------------------------------------------------------------ transactions

    /** Starts a new transaction: static state and limits are per transaction (Static and Instance Methods, Variables). */
    beginTransaction(): void {
        this.statics = new Map();
        this.transactionStates.clear();
        this.limits.reset();
        this.debugLog.length = 0;
    }

    // ------------------------------------------------------------ classes and objects

    private installKeyOps(c: ClassInfo): void {
        const eq = methodsOf(c, 'equals').find((m) => m.params.length === 1 && !m.isStatic && m.body);
        const hash = methodsOf(c, 'hashcode').find((m) => m.params.length === 0 && !m.isStatic && m.body);
        if (eq && hash) {
            c.keyOps = {
                equals: (self, other) => this.truthy(this.invoke(eq, self, [other], 'equals')),
                hash: (self) => {
                    const h = this.invoke(hash, self, [], 'hashCode');
                    return typeof h === 'number' ? h : 0;
                }
            };
        }
    }

    /**
     * Runs a class's static initialization once per transaction, on first use (Apex Developer Guide ›
     * Static and Instance Methods, Variables, and Initialization Code: static variables are
     * initialized once per transaction). Superclasses first.
     */
    ensureStatics(cls: ClassInfo): Map<string, ApexValue> {
        const existing = this.statics.get(cls);
        if (existing) return existing;
        const values = new Map<string, ApexValue>();
        this.statics.set(cls, values);
        if (cls.superclass && !cls.superclass.builtin) this.ensureStatics(cls.superclass);
        if (cls.staticInitOrder.length === 0) return values;
        const f = new Frame(cls, null, `Class.${cls.name}.<clinit>`, cls.file);
        this.push(f);
        try {
            for (const item of cls.staticInitOrder) {
                if ('kind' in item) {
                    f.scope = new Scope(null);
                    execBlock(this, item, f);
                } else {
                    f.line = item.line;
                    values.set(
                        item.lname,
                        item.init ? this.coerceTo(evalExpr(this, item.init, f), this.fieldType(item)) : null
                    );
                }
            }
        } catch (e) {
            throw this.located(e, f);
        } finally {
            this.stack.pop();
        }
        return values;
    }

    fieldType(fi: FieldInfo): ApexType {
        fi.type ??= this.resolveType(fi.typeRef, fi.owner);
        return fi.type;
    }

    paramTypes(m: MethodInfo): ApexType[] {
        m.paramTypes ??= m.params.map((p) => this.resolveType(p.type, m.owner));
        return m.paramTypes;
    }

    returnType(m: MethodInfo): ApexType {
        if (m.returnType) return m.returnType;
        m.returnType = m.decl.kind === 'method' ? this.resolveType(m.decl.returnType, m.owner) : VOID_TYPE;
        return m.returnType;
    }

    /** `new Cls(args)`: field initializers, initializer blocks and the constructor chain. */
    instantiate(cls: ClassInfo, args: ApexValue[], line: number): ApexObject {
        if (cls.kind !== 'class') throw new UnsupportedApexError(`new of ${cls.kind} ${cls.name}`);
        if (cls.isAbstract) throw new UnsupportedApexError(`new of abstract class ${cls.name}`);
        this.ensureStatics(cls);
        const obj = new ApexObject(cls);
        if (cls.isException) this.initException(obj, line);
        this.construct(cls, obj, args);
        return obj;
    }

    private initException(obj: ApexObject, line: number): void {
        obj.fields.set(EXC_MESSAGE, null);
        obj.fields.set(EXC_CAUSE, null);
        obj.fields.set(EXC_LINE, line);
        obj.fields.set(EXC_STACK, formatStack(this.stackFrames()));
    }

    /** Runs instance field initializers and initializer blocks of `cls` (after its superclass constructor). */
    private runInstanceInits(cls: ClassInfo, obj: ApexObject): void {
        if (cls.instanceInits.length === 0) return;
        const f = new Frame(cls, obj, `Class.${cls.name}.<init>`, cls.file);
        this.push(f);
        try {
            for (const item of cls.instanceInits) {
                if ('kind' in item) {
                    f.scope = new Scope(null);
                    execBlock(this, item, f);
                } else if (item.init) {
                    f.line = item.line;
                    obj.fields.set(item.key, this.coerceTo(evalExpr(this, item.init, f), this.fieldType(item)));
                }
            }
        } catch (e) {
            throw this.located(e, f);
        } finally {
            this.stack.pop();
        }
    }

    /**
     * Runs `cls`'s constructor for `args` on `obj` (Classes › Constructors): a declared constructor
     * starting with `this(...)` delegates; otherwise the superclass constructor (`super(...)` or the
     * no-argument one) runs first, then field initializers and initializer blocks, then the body.
     * Without declared constructors only the no-argument default exists. Exception classes also have
     * the four constructors the guide lists (Create Custom Exceptions): (), (message), (cause), (message, cause).
     */
    construct(cls: ClassInfo, obj: ApexObject, args: ApexValue[]): void {
        if (cls.builtin) {
            this.builtinExceptionConstructor(cls, obj, args);
            return;
        }
        const ctor = cls.constructors.length
            ? selectMethod(cls.constructors, args, this, `constructor of ${cls.name}`)
            : undefined;
        if (!ctor) {
            if (cls.constructors.length > 0 && !(cls.isException && args.length <= 2)) {
                throw new UnsupportedApexError(
                    `no constructor of ${cls.name} takes ${args.length} argument(s) of these kinds`
                );
            }
            if (args.length > 0 && !cls.isException)
                throw new UnsupportedApexError(`no constructor of ${cls.name} takes ${args.length} argument(s)`);
            if (cls.superclass) this.construct(cls.superclass, obj, cls.isException ? args : []);
            this.runInstanceInits(cls, obj);
            return;
        }
        const body = ctor.body;
        if (!body) throw new UnsupportedApexError(`constructor without body in ${cls.name}`);
        const f = new Frame(cls, obj, `Class.${cls.name}.<init>`, cls.file);
        this.bindParams(f, ctor, args);
        this.push(f);
        try {
            const first = body.stmts[0];
            let start = 0;
            const chain =
                first &&
                first.kind === 'expr' &&
                first.expr.kind === 'call' &&
                !first.expr.target &&
                (first.expr.name === 'this' || first.expr.name === 'super')
                    ? first.expr
                    : undefined;
            if (chain) {
                f.line = chain.line;
                const chainArgs = chain.args.map((a) => evalExpr(this, a, f));
                start = 1;
                if (chain.name === 'this') this.construct(cls, obj, chainArgs);
                else {
                    if (!cls.superclass)
                        throw new UnsupportedApexError(`super(...) in ${cls.name} without a superclass`);
                    this.construct(cls.superclass, obj, chainArgs);
                    this.runInstanceInits(cls, obj);
                }
            } else {
                if (cls.superclass) this.construct(cls.superclass, obj, []);
                this.runInstanceInits(cls, obj);
            }
            execBlock(this, body, f, start);
        } catch (e) {
            throw this.located(e, f);
        } finally {
            this.stack.pop();
        }
    }

    private builtinExceptionConstructor(cls: ClassInfo, obj: ApexObject, args: ApexValue[]): void {
        const isExc = (v: ApexValue) => v instanceof ApexObject && v.cls.isException;
        if (args.length === 0) return;
        if (args.length === 1) {
            if (isExc(args[0] ?? null)) obj.fields.set(EXC_CAUSE, args[0] ?? null);
            else obj.fields.set(EXC_MESSAGE, this.coerceTo(args[0] ?? null, { k: 'prim', name: 'String' }));
            return;
        }
        if (args.length === 2 && isExc(args[1] ?? null)) {
            obj.fields.set(EXC_MESSAGE, this.coerceTo(args[0] ?? null, { k: 'prim', name: 'String' }));
            obj.fields.set(EXC_CAUSE, args[1] ?? null);
            return;
        }
        throw new UnsupportedApexError(`constructor of ${cls.name} with ${args.length} argument(s)`);
    }

    private bindParams(f: Frame, m: MethodInfo, args: ApexValue[]): void {
        const types = this.paramTypes(m);
        for (let i = 0; i < m.params.length; i++) {
            const p = m.params[i] as ast.Parameter;
            const t = types[i] ?? OBJECT_TYPE;
            f.scope.vars.set(lc(p), { value: this.coerceTo(args[i] ?? null, t), type: t });
        }
    }

    // ------------------------------------------------------------ invocation

    push(f: Frame): void {
        if (this.stack.length >= MAX_DEPTH) {
            throw this.makeThrow('System.LimitException', `Maximum stack depth reached: ${this.stack.length + 1}`);
        }
        this.stack.push(f);
    }

    /** Calls a user method on `self` (null for static) with already evaluated arguments. */
    invoke(m: MethodInfo, self: ApexObject | null, args: ApexValue[], calledAs: string): ApexValue {
        if (m.native) return m.native(self, args);
        if (!m.body) throw new UnsupportedApexError(`call of abstract method ${m.owner.name}.${calledAs}`);
        if (m.isStatic) this.ensureStatics(m.owner);
        const f = new Frame(m.owner, m.isStatic ? null : self, `Class.${m.owner.name}.${m.name}`, m.owner.file);
        this.bindParams(f, m, args);
        this.push(f);
        try {
            execBlock(this, m.body, f);
        } catch (e) {
            throw this.located(e, f);
        } finally {
            this.stack.pop();
        }
        const rt = this.returnType(m);
        return rt.k === 'void' ? null : this.coerceTo(f.ret, rt);
    }

    /** Calls an instance method by name on an object, dispatching on its runtime class (virtual). */
    invokeVirtual(
        obj: ApexObject,
        lname: string,
        args: ApexValue[],
        written: string,
        staticTypes?: (ApexType | undefined)[]
    ): ApexValue {
        const m = selectMethod(methodsOf(obj.cls, lname), args, this, `${obj.cls.name}.${written}`, staticTypes);
        if (!m) {
            if (lname === 'tostring' && args.length === 0) return this.stringOf(obj);
            if (lname === 'equals' && args.length === 1) return this.equals(obj, args[0] ?? null);
            if (lname === 'hashcode' && args.length === 0)
                return obj.cls.keyOps ? obj.cls.keyOps.hash(obj) : identityHash(obj);
            throw new UnsupportedApexError(`method ${obj.cls.name}.${written} with ${args.length} argument(s)`);
        }
        if (m.isStatic) return this.invoke(m, null, args, written);
        return this.invoke(m, obj, args, written);
    }

    /** Calls a static method of a user class. */
    invokeStatic(
        cls: ClassInfo,
        lname: string,
        args: ApexValue[],
        written: string,
        staticTypes?: (ApexType | undefined)[]
    ): ApexValue {
        if (cls.kind === 'enum') return this.enumStatic(cls, lname, args, written);
        const m = selectMethod(methodsOf(cls, lname), args, this, `${cls.name}.${written}`, staticTypes);
        if (!m) throw new UnsupportedApexError(`method ${cls.name}.${written} with ${args.length} argument(s)`);
        if (!m.isStatic) throw new UnsupportedApexError(`instance method ${cls.name}.${written} called statically`);
        return this.invoke(m, null, args, written);
    }

    /** `Enum.values()` and `Enum.valueOf(String)` (Apex Developer Guide › Enums). */
    private enumStatic(cls: ClassInfo, lname: string, args: ApexValue[], written: string): ApexValue {
        const values = cls.enumValues ?? [];
        if (lname === 'values' && args.length === 0) return new ApexList({ k: 'class', cls }, [...values]);
        if (lname === 'valueof' && args.length === 1) {
            const s = args[0] ?? null;
            if (s === null) throw nullPointerException();
            if (typeof s !== 'string') throw new UnsupportedApexError(`${cls.name}.valueOf of a non-String`);
            const found = values.find((v) => v.name.toLowerCase() === s.toLowerCase());
            if (!found) throw this.makeThrow('System.NoSuchElementException', `No enum constant ${cls.name}.${s}`);
            return found;
        }
        throw new UnsupportedApexError(`enum method ${cls.name}.${written}`);
    }

    // ------------------------------------------------------------ fields and properties

    /** Finds a field or property visible from code of `cls` (its chain, then outer classes' statics). */
    findField(cls: ClassInfo | undefined, lname: string, staticOnly: boolean): FieldInfo | undefined {
        for (let scope = cls, outer = false; scope; scope = scope.outer, outer = true) {
            for (let k: ClassInfo | undefined = scope; k; k = k.superclass) {
                const fi = k.fieldsByName.get(lname);
                if (fi && (!(staticOnly || outer) || fi.isStatic)) return fi;
            }
        }
        return undefined;
    }

    /** Reads a field or property (running its getter unless inside its own accessor). */
    readField(fi: FieldInfo, obj: ApexObject | null, f: Frame | null): ApexValue {
        const getter = fi.property?.getter;
        if (fi.property && (!f || f.accessor !== fi)) {
            if (!getter)
                throw new UnsupportedApexError(`read of property ${fi.owner.name}.${fi.name} without a getter`);
            if (getter.body) return this.runAccessor(fi, obj, getter.body, null);
        }
        if (fi.isStatic) return this.ensureStatics(fi.owner).get(fi.lname) ?? null;
        if (!obj) throw nullPointerException();
        return obj.fields.get(fi.key) ?? null;
    }

    /** Writes a field or property (running its setter unless inside its own accessor); returns the stored value. */
    writeField(fi: FieldInfo, obj: ApexObject | null, value: ApexValue, f: Frame | null): ApexValue {
        const v = this.coerceTo(value, this.fieldType(fi));
        if (fi.property && (!f || f.accessor !== fi)) {
            const setter = fi.property.setter;
            if (!setter)
                throw new UnsupportedApexError(`write of property ${fi.owner.name}.${fi.name} without a setter`);
            if (setter.body) {
                this.runAccessor(fi, obj, setter.body, v);
                return v;
            }
        }
        if (fi.isStatic) this.ensureStatics(fi.owner).set(fi.lname, v);
        else {
            if (!obj) throw nullPointerException();
            obj.fields.set(fi.key, v);
        }
        return v;
    }

    private runAccessor(fi: FieldInfo, obj: ApexObject | null, body: ast.Block, value: ApexValue | null): ApexValue {
        const isSetter = value !== null || fi.property?.setter?.body === body;
        const f = new Frame(fi.owner, fi.isStatic ? null : obj, `Class.${fi.owner.name}.${fi.name}`, fi.owner.file, fi);
        if (isSetter) f.scope.vars.set('value', { value, type: this.fieldType(fi) });
        this.push(f);
        try {
            execBlock(this, body, f);
        } catch (e) {
            throw this.located(e, f);
        } finally {
            this.stack.pop();
        }
        return isSetter ? null : this.coerceTo(f.ret, this.fieldType(fi));
    }

    // ------------------------------------------------------------ names

    /**
     * A bare name used as a value: a local, a field/property of the class (or its outer classes'
     * statics), else a type or namespace (for `Foo.bar`).
     */
    resolveName(lname: string, written: string, f: Frame): ApexValue {
        const local = f.scope.lookup(lname);
        if (local) return local.value;
        const fi = this.findField(f.cls, lname, f.self === null);
        if (fi) return this.readField(fi, fi.isStatic ? null : f.self, f);
        return this.typeOrNamespace([lname], written, f);
    }

    /** A dotted name that denotes a type or a namespace, as a value for member access. */
    typeOrNamespace(lnames: string[], written: string, f: Frame): TypeValue | NamespaceValue {
        const cls = this.classes.findClass(lnames, f.cls);
        if (cls) return new TypeValue({ k: 'class', cls });
        const last = lnames[lnames.length - 1] ?? '';
        if (lnames.length === 1 || (lnames.length === 2 && lnames[0] === 'schema')) {
            const o = this.objectName(last);
            if (o) return new TypeValue({ k: 'sobject', name: o });
        }
        const nat = this.natives.find(lnames);
        if (nat) return new TypeValue({ k: 'native', cls: nat, args: [] });
        if (
            lnames.length === 1 &&
            (NAMESPACES.has(last) || (this.classes.namespace && last === this.classes.namespace.toLowerCase()))
        )
            return new NamespaceValue(last);
        if (lnames.length === 1 && PRIM_NAMES.has(last))
            return new TypeValue(this.resolveType({ names: [written], args: [], arrayDims: 0 }, f.cls));
        throw new UnsupportedApexError(`name ${written}`, `${f.file}:${f.line}`);
    }

    // ------------------------------------------------------------ values

    /** Converts to a declared type (assignment, parameter, return, collection insert). */
    coerceTo(v: ApexValue, t: ApexType): ApexValue {
        if (v === null || (t.k === 'prim' && t.name === 'Object')) return v;
        if (t.k === 'sobject' && v instanceof ApexList && v.fromQuery) {
            // `Contact c = [SELECT …]`: exactly one row, else QueryException (SOQL and SOSL Queries).
            return coerce(assignSingleRow(v.items as SObject[]), t);
        }
        return coerce(v, t);
    }

    /** The text a value contributes to `+` concatenation (Datetime in GMT, per the value library). */
    concatOf(v: ApexValue): string {
        if (typeof v === 'string') return v;
        if (isPrimitive(v)) return concatText(v);
        return this.stringOf(v);
    }

    /** A Boolean condition; null is a NullPointerException. */
    truthy(v: ApexValue): boolean {
        if (v === true) return true;
        if (v === false) return false;
        if (v === null) throw nullPointerException();
        throw new UnsupportedApexError(`non-Boolean condition (${typeof v})`);
    }

    /**
     * `String.valueOf(v)` / concatenation: null → 'null', collections as `(a, b)`, `{a, b}`,
     * `{k=v}` (List/Set/Map toString), objects through their `toString()` when they define one.
     */
    stringOf(v: ApexValue): string {
        if (v === null) return 'null';
        if (typeof v === 'string') return v;
        if (isPrimitive(v)) return primitiveToString(v, this.timeZone);
        if (v instanceof ApexList) return `(${v.items.map((x) => this.stringOf(x)).join(', ')})`;
        if (v instanceof ApexSet) return `{${[...v.values()].map((x) => this.stringOf(x)).join(', ')}}`;
        if (v instanceof ApexMap)
            return `{${[...v.entries()].map(([k, x]) => `${this.stringOf(k)}=${this.stringOf(x)}`).join(', ')}}`;
        if (v instanceof ApexEnumValue) return v.name;
        if (v instanceof ApexObject) {
            const ts = methodsOf(v.cls, 'tostring').find(
                (m) => m.params.length === 0 && !m.isStatic && (m.body || m.native)
            );
            if (ts && !ts.native) return this.stringOf(this.invoke(ts, v, [], 'toString'));
            // `System.NullPointerException: Attempt to de-reference a null object`: what orgs print (not documented).
            if (v.cls.isException) return `${exceptionTypeName(v.cls)}: ${messageOf(v)}`;
            return this.defaultObjectString(v);
        }
        if (v instanceof SObject) {
            // `Contact:{LastName=Smith, Id=003…}`: the text orgs print (not documented; observed).
            return `${v.type}:{${v
                .fieldEntries()
                .map(([k, x]) => `${k}=${this.stringOf(x as ApexValue)}`)
                .join(', ')}}`;
        }
        if (v instanceof TypeValue) return typeName(v.type);
        if (v instanceof NativeObject) {
            // A native's own toString() (SObjectField tokens print the field name, Type its name).
            const ts = v.cls.methods.get('tostring')?.find((o) => o.params.length === 0);
            return ts ? this.stringOf(ts.fn(this, v, [])) : v.cls.name;
        }
        return String(v);
    }

    /** `Foo:[a=1, b=x]`: the text orgs print for an object without `toString()` (not documented; observed). */
    private defaultObjectString(o: ApexObject): string {
        const parts: string[] = [];
        const chain: ClassInfo[] = [];
        for (let k: ClassInfo | undefined = o.cls; k && !k.builtin; k = k.superclass) chain.unshift(k);
        for (const k of chain)
            for (const fi of k.instanceFields)
                if (!fi.property || !fi.property.getter?.body)
                    parts.push(`${fi.name}=${this.stringOf(o.fields.get(fi.key) ?? null)}`);
        return `${o.cls.name}:[${parts.join(', ')}]`;
    }

    // ------------------------------------------------------------ sharing

    /**
     * The sharing mode in effect (Apex Developer Guide › Use the with sharing, without sharing, and
     * inherited sharing Keywords): the innermost running class declaring `with`/`without sharing`
     * decides; `inherited sharing` takes the caller's. A class without a declaration follows
     * `rules.omitted` — the current guide says it "defaults to with sharing", older releases ran it
     * in the caller's mode — and the entry point's mode when no class decides is `rules.entry`.
     */
    currentSharing(rules: { omitted: 'with' | 'caller'; entry: 'with' | 'without' }): 'with' | 'without' {
        for (let i = this.stack.length - 1; i >= 0; i--) {
            const cls = (this.stack[i] as Frame).cls;
            if (!cls) continue;
            const s = cls.sharing ?? (rules.omitted === 'with' ? 'with' : 'inherited');
            if (s === 'with' || s === 'without') return s;
        }
        return rules.entry;
    }

    // ------------------------------------------------------------ exceptions

    /** The current Apex stack, innermost first. */
    stackFrames(): StackFrame[] {
        const out: StackFrame[] = [];
        for (let i = this.stack.length - 1; i >= 0; i--) {
            const f = this.stack[i] as Frame;
            out.push({ where: f.where, line: f.line, column: f.column });
        }
        return out;
    }

    /** A new Apex exception of a built-in or user type, thrown as an ApexThrow. */
    makeThrow(typeName: string, message: string): ApexThrow {
        const lname = typeName.toLowerCase().replace(/^system\./, '');
        const cls =
            this.classes.builtins.get(lname) ?? this.classes.findClass(typeName.toLowerCase().split('.'), undefined);
        if (!cls || !cls.isException) throw new UnsupportedApexError(`exception type ${typeName}`);
        const top = this.stack[this.stack.length - 1];
        const obj = new ApexObject(cls);
        this.initException(obj, top?.line ?? 0);
        obj.fields.set(EXC_MESSAGE, message);
        return new ApexThrow(obj);
    }

    /**
     * Turns what escapes a frame into what Apex sees: a value-library signal becomes the Apex
     * exception it names (with this frame's line); an UnsupportedApexError gets the file and line.
     */
    located(e: unknown, f: Frame): unknown {
        if (e instanceof ApexThrow) return e;
        if (e instanceof RangeError) {
            // The JS stack ran out before Apex's documented depth of 1,000: say so instead of guessing,
            // once enough frames have unwound to build the message.
            this.overflowDepth ??= this.stack.length;
            if (this.stack.length > this.overflowDepth - 20) return e;
            const depth = this.overflowDepth;
            this.overflowDepth = undefined;
            return new UnsupportedApexError(
                `call depth ${depth} (the JavaScript stack is exhausted before Apex's limit of 1,000; run it in a thread with a larger stack: testing/apex-stack.ts)`,
                `${f.file}:${f.line}`
            );
        }
        if (isApexSignal(e)) {
            const t = this.makeThrow(e.apexType, e.message);
            // A DmlException keeps its failed rows for getNumDml()/getDmlMessage(i)… (data/dml.ts DmlSignal).
            const failures = (e as { failures?: unknown }).failures;
            if (failures !== undefined) t.exception.fields.set(EXC_DML_FAILURES, failures as ApexValue);
            return t;
        }
        if (e instanceof UnsupportedApexError && !located.has(e)) {
            located.add(e);
            if (!/\([^()]*:\d+\)$/.test(e.message)) e.message = `${e.message} (${f.file}:${f.line})`;
        }
        return e;
    }

    /** Resolves a SOQL bind expression in the running frame. */
    bindResolver(f: Frame): (text: string) => ApexValue {
        return (text: string) => {
            let expr = bindCache.get(text);
            if (!expr) {
                expr = parseApexExpressionCached(text);
                bindCache.set(text, expr);
            }
            return evalExpr(this, expr, f);
        };
    }

    /** Runs a block as a method body of its own frame (anonymous Apex, trigger bodies). */
    runBlock(block: ast.Block, where: string, file: string, cls?: ClassInfo, locals?: Map<string, ApexValue>): void {
        const f = new Frame(cls, null, where, file);
        if (locals) for (const [k, v] of locals) f.scope.vars.set(k.toLowerCase(), { value: v, type: OBJECT_TYPE });
        this.push(f);
        try {
            const c = execBlock(this, block, f);
            void (c === RETURN);
        } catch (e) {
            throw this.located(e, f);
        } finally {
            this.stack.pop();
        }
    }
}

const located = new WeakSet<Error>();
const bindCache = new Map<string, ast.Expr>();

const NAMESPACES = new Set([
    'system',
    'schema',
    'database',
    'messaging',
    'auth',
    'connectapi',
    'apexpages',
    'approval',
    'dom',
    'eventbus',
    'flow',
    'knowledgearticleversion',
    'reports',
    'search',
    'site',
    'sfc',
    'support',
    'tooling',
    'txnsecurity',
    'userprovisioning',
    'cache',
    'canvas',
    'commercepayments',
    'functions',
    'invocable',
    'metadata',
    'process',
    'quickaction',
    'slack'
]);
const PRIM_NAMES = new Set([
    'integer',
    'long',
    'decimal',
    'double',
    'string',
    'boolean',
    'id',
    'date',
    'datetime',
    'time',
    'blob',
    'object'
]);

let nextIdentity = 1;
const identities = new WeakMap<object, number>();
/** A stable per-object hash for objects without `hashCode()`. */
export function identityHash(o: object): number {
    let h = identities.get(o);
    if (h === undefined) {
        h = nextIdentity++;
        identities.set(o, h);
    }
    return h;
}

interface LcNode {
    $lc?: string;
}
/** The lower-case name of a node, computed once per node. */
export function lc(node: { name: string }): string {
    const n = node as { name: string } & LcNode;
    return (n.$lc ??= n.name.toLowerCase());
}

/**
 * The methods every exception has (Apex Reference Guide › Exception Class): getMessage, getCause,
 * getTypeName, getLineNumber, getStackTraceString, setMessage, initCause.
 */
function installExceptionMethods(it: Interpreter, base: ClassInfo): void {
    const def = (name: string, arity: number, fn: (self: ApexObject, args: ApexValue[]) => ApexValue): void =>
        defineBuiltinMethod(base, name, arity, fn, { virtual: true, paramType: 'Object' });
    def('getMessage', 0, (s) => s.fields.get(EXC_MESSAGE) ?? null);
    def('getCause', 0, (s) => s.fields.get(EXC_CAUSE) ?? null);
    def('getTypeName', 0, (s) => exceptionTypeName(s.cls));
    def('getLineNumber', 0, (s) => s.fields.get(EXC_LINE) ?? null);
    def('getStackTraceString', 0, (s) => s.fields.get(EXC_STACK) ?? '');
    def('setMessage', 1, (s, a) => {
        s.fields.set(EXC_MESSAGE, a[0] === null || a[0] === undefined ? null : it.stringOf(a[0]));
        return null;
    });
    def('initCause', 1, (s, a) => {
        s.fields.set(EXC_CAUSE, a[0] ?? null);
        return null;
    });
    def('toString', 0, (s) => `${exceptionTypeName(s.cls)}: ${messageOf(s)}`);
}
