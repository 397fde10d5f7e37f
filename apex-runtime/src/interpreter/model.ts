/**
 * The interpreter's runtime model: types, loaded classes, methods and object values. Plain data
 * shared by types.ts, classes.ts and the evaluator.
 */
import type * as ast from '../syntax/ast.ts';
import type { NativeClass } from './natives/registry.ts';

/** Any Apex value (DESIGN.md › Value representation). */
export type ApexValue = null | boolean | number | bigint | string | object;

export type PrimitiveName =
    | 'Integer'
    | 'Long'
    | 'Decimal'
    | 'Double'
    | 'String'
    | 'Boolean'
    | 'Id'
    | 'Date'
    | 'Datetime'
    | 'Time'
    | 'Blob'
    | 'Object';

/** A resolved Apex type. */
export type ApexType =
    | { k: 'prim'; name: PrimitiveName }
    | { k: 'list'; elem: ApexType }
    | { k: 'set'; elem: ApexType }
    | { k: 'map'; key: ApexType; value: ApexType }
    | { k: 'class'; cls: ClassInfo }
    /** `name` is the API name (`Contact`, `Webex_Call__c`), or `SObject` for the generic type. */
    | { k: 'sobject'; name: string }
    | { k: 'native'; cls: NativeClass; args: ApexType[] }
    | { k: 'void' };

export interface FieldInfo {
    name: string;
    lname: string;
    /** Storage key in an object's field map: the lower-case name, qualified by the class when it hides a superclass field. */
    key: string;
    type: ApexType | null;
    typeRef: ast.TypeRef;
    isStatic: boolean;
    isFinal: boolean;
    init?: ast.Expr;
    line: number;
    /** A property (automatic or with accessors). */
    property?: ast.PropertyDecl;
    owner: ClassInfo;
}

export interface MethodInfo {
    name: string;
    lname: string;
    owner: ClassInfo;
    decl: ast.MethodDecl | ast.ConstructorDecl;
    params: ast.Parameter[];
    /** Resolved lazily (types may refer to classes loaded later). */
    paramTypes: ApexType[] | null;
    returnType: ApexType | null;
    isStatic: boolean;
    isAbstract: boolean;
    isVirtual: boolean;
    isOverride: boolean;
    isPrivate: boolean;
    body?: ast.Block;
    /** Native body (exception methods, enum methods). */
    native?: (self: ApexValue, args: ApexValue[]) => ApexValue;
}

export type ClassKind = 'class' | 'interface' | 'enum';

/** A loaded user class, interface or enum (or a built-in exception type). */
export interface ClassInfo {
    kind: ClassKind;
    /** `WebexFoo`, `WebexFoo.Inner`, `System.NullPointerException`. */
    name: string;
    /** The simple name as written (`Inner`). */
    simpleName: string;
    lname: string;
    file: string;
    decl?: ast.ClassDecl | ast.InterfaceDecl | ast.EnumDecl;
    outer?: ClassInfo;
    superRef?: ast.TypeRef;
    interfaceRefs: ast.TypeRef[];
    /** Resolved on link. */
    superclass?: ClassInfo;
    interfaces: ClassInfo[];
    isAbstract: boolean;
    isVirtual: boolean;
    /** `with sharing` / `without sharing` / `inherited sharing` as written (the data layer uses it). */
    sharing?: 'with' | 'without' | 'inherited';
    isTest: boolean;
    annotations: ast.Annotation[];
    staticFields: FieldInfo[];
    instanceFields: FieldInfo[];
    /** Every field and property declared here, by lower-case name. */
    fieldsByName: Map<string, FieldInfo>;
    /** Methods declared here, by lower-case name. */
    methods: Map<string, MethodInfo[]>;
    constructors: MethodInfo[];
    staticInits: ast.Block[];
    /** Instance initializer blocks and field initializers, in source order. */
    instanceInits: (ast.Block | FieldInfo)[];
    /** Static field initializers and static blocks, in source order. */
    staticInitOrder: (ast.Block | FieldInfo)[];
    inner: Map<string, ClassInfo>;
    /** Whether this is (or extends) Exception. */
    isException: boolean;
    /** Built-in (System) exception types have no source. */
    builtin: boolean;
    enumValues?: ApexEnumValue[];
    /** Set when the class (or a superclass) defines `equals(Object)` and `hashCode()`: used by `==` and as Set/Map keys. */
    keyOps?: {
        equals(self: ApexObject, other: ApexValue): boolean;
        hash(self: ApexObject): number;
    };
    /** Cached method lookups (lower-case name → methods visible here incl. inherited). */
    vtable: Map<string, MethodInfo[]>;
}

/** An instance of a user class (or of an exception type). */
export class ApexObject {
    readonly cls: ClassInfo;
    readonly fields: Map<string, ApexValue>;
    constructor(cls: ClassInfo) {
        this.cls = cls;
        this.fields = new Map();
    }
}

/** A value of a user enum. */
export class ApexEnumValue {
    readonly cls: ClassInfo;
    readonly name: string;
    readonly ordinal: number;
    constructor(cls: ClassInfo, name: string, ordinal: number) {
        this.cls = cls;
        this.name = name;
        this.ordinal = ordinal;
    }
    toString(): string {
        return this.name;
    }
}

/** An instance of a native (System) class: HttpRequest, Pattern, Matcher… `state` is the native's own. */
export class NativeObject {
    readonly cls: NativeClass;
    state: unknown;
    constructor(cls: NativeClass, state: unknown) {
        this.cls = cls;
        this.state = state;
    }
    /** `==` and key equality: the native's own when it defines one, else reference. */
    apexEquals(other: unknown): boolean {
        if (this === other) return true;
        return (
            this.cls.valueEquals !== undefined &&
            other instanceof NativeObject &&
            other.cls === this.cls &&
            this.cls.valueEquals(this.state, other.state)
        );
    }
    apexHash(): number {
        return this.cls.valueHash ? this.cls.valueHash(this.state) : 0;
    }
}

/** A type used as a value (`Foo` in `Foo.bar()`, `String.class`). */
export class TypeValue {
    readonly type: ApexType;
    constructor(type: ApexType) {
        this.type = type;
    }
}

/** A namespace used as a value (`System` in `System.debug`, `Schema` in `Schema.SObjectType`). */
export class NamespaceValue {
    readonly name: string;
    constructor(name: string) {
        this.name = name;
    }
}
