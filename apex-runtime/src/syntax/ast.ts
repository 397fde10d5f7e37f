/**
 * The runtime's syntax tree of Apex: a compact, plain-data form of what `@apexdevtools/apex-parser`
 * reads, made to be interpreted (and cached as JSON). Every node carries the line it starts on, so
 * errors, stack traces and line coverage name source lines.
 *
 * Names keep the spelling of the source; the interpreter compares them case-insensitively, as Apex
 * does (Apex Developer Guide, "Identifiers": Apex is case-insensitive).
 *
 * SOQL and SOSL stay source text here: the data layer parses and runs them (the same parser serves
 * dynamic SOQL strings); a bind (`:expr`) is an Apex expression the interpreter evaluates.
 */

/** Where a node starts in its file (1-based line, 0-based column). */
export interface Pos {
    line: number;
    column?: number;
}

/** A type as written: `List<Map<String, Contact>>`, `Schema.SObjectType`, `Integer[]` (array = List). */
export interface TypeRef {
    /** Dotted name parts as written, e.g. `['Schema', 'SObjectType']`, `['WebexApi', 'Person']`. */
    names: string[];
    /** Type arguments of the last name part (`List<String>` → one). */
    args: TypeRef[];
    /** `Integer[]` is written with `arrayDims: 1` (the interpreter treats it as `List<Integer>`). */
    arrayDims: number;
}

/** `@IsTest(SeeAllData=false)`, `@AuraEnabled(cacheable=true)`, `@TestSetup`, `@RestResource(urlMapping='/x/*')`. */
export interface Annotation {
    name: string;
    /** Element-value pairs; a lone value is under the key `value`. Values are literal source text unquoted. */
    params: Record<string, string | boolean | number>;
    line: number;
}

/** Modifiers in lower case: `public`, `private`, `protected`, `global`, `static`, `final`, `virtual`, `abstract`, `override`, `transient`, `testmethod`, `webservice`, `with sharing`, `without sharing`, `inherited sharing`. */
export type Modifier = string;

export interface Parameter extends Pos {
    name: string;
    type: TypeRef;
    isFinal: boolean;
}

// ---------------------------------------------------------------- declarations

export type TypeDecl = ClassDecl | InterfaceDecl | EnumDecl;

export interface ClassDecl extends Pos {
    kind: 'class';
    name: string;
    annotations: Annotation[];
    modifiers: Modifier[];
    extends?: TypeRef;
    implements: TypeRef[];
    /** Fields, properties, methods, constructors, initializer blocks and inner types, in source order. */
    members: Member[];
    endLine: number;
}

export interface InterfaceDecl extends Pos {
    kind: 'interface';
    name: string;
    annotations: Annotation[];
    modifiers: Modifier[];
    extends: TypeRef[];
    methods: MethodDecl[];
    endLine: number;
}

export interface EnumDecl extends Pos {
    kind: 'enum';
    name: string;
    annotations: Annotation[];
    modifiers: Modifier[];
    values: string[];
    endLine: number;
}

export type Member = FieldDecl | PropertyDecl | MethodDecl | ConstructorDecl | InitializerDecl | TypeDecl;

/** `private static final Integer A = 1, B;`: one declaration, several declarators. */
export interface FieldDecl extends Pos {
    kind: 'field';
    annotations: Annotation[];
    modifiers: Modifier[];
    type: TypeRef;
    declarators: VariableDeclarator[];
}

export interface VariableDeclarator extends Pos {
    name: string;
    init?: Expr;
}

/** `public String name { get; private set; }` or with bodies `{ get { return x; } set { x = value; } }`. */
export interface PropertyDecl extends Pos {
    kind: 'property';
    annotations: Annotation[];
    modifiers: Modifier[];
    type: TypeRef;
    name: string;
    /** Absent: no getter. `body` absent: an automatic getter. */
    getter?: Accessor;
    setter?: Accessor;
}

export interface Accessor extends Pos {
    modifiers: Modifier[];
    body?: Block;
}

export interface MethodDecl extends Pos {
    kind: 'method';
    name: string;
    annotations: Annotation[];
    modifiers: Modifier[];
    /** `void` is `{ names: ['void'], args: [], arrayDims: 0 }`. */
    returnType: TypeRef;
    params: Parameter[];
    /** Absent for abstract and interface methods. */
    body?: Block;
    endLine: number;
}

export interface ConstructorDecl extends Pos {
    kind: 'constructor';
    annotations: Annotation[];
    modifiers: Modifier[];
    params: Parameter[];
    /** A leading `this(...)`/`super(...)` call is the first statement, as an ExprStmt of a `Call` on `this`/`super`. */
    body: Block;
    endLine: number;
}

/** `{ ... }` (instance initializer) or `static { ... }`. */
export interface InitializerDecl extends Pos {
    kind: 'initializer';
    isStatic: boolean;
    body: Block;
}

/** A trigger file: `trigger WebexContactPhoneKeys on Contact (before insert, before update) { ... }`. */
export interface TriggerDecl extends Pos {
    kind: 'trigger';
    name: string;
    object: string;
    /** e.g. `['before insert', 'after update']`, lower case. */
    events: string[];
    body: Block;
    endLine: number;
}

/** What a `.cls` or `.trigger` file holds. */
export interface CompilationUnit {
    file: string;
    type: TypeDecl | TriggerDecl;
}

// ---------------------------------------------------------------- statements

export type Stmt =
    | Block
    | LocalVarStmt
    | ExprStmt
    | IfStmt
    | SwitchStmt
    | ForStmt
    | ForEachStmt
    | WhileStmt
    | DoWhileStmt
    | TryStmt
    | ReturnStmt
    | ThrowStmt
    | BreakStmt
    | ContinueStmt
    | DmlStmt
    | RunAsStmt;

export interface Block extends Pos {
    kind: 'block';
    stmts: Stmt[];
}

export interface LocalVarStmt extends Pos {
    kind: 'localVar';
    type: TypeRef;
    isFinal: boolean;
    declarators: VariableDeclarator[];
}

export interface ExprStmt extends Pos {
    kind: 'expr';
    expr: Expr;
}

export interface IfStmt extends Pos {
    kind: 'if';
    cond: Expr;
    then: Stmt;
    else?: Stmt;
}

/** `switch on expr { when 1, 2 {} when Account a {} when null {} when else {} }`. */
export interface SwitchStmt extends Pos {
    kind: 'switch';
    subject: Expr;
    whens: WhenClause[];
}

export type WhenClause =
    | (Pos & { kind: 'values'; values: Expr[]; body: Block })
    | (Pos & { kind: 'type'; type: TypeRef; name: string; body: Block })
    | (Pos & { kind: 'else'; body: Block });

export interface ForStmt extends Pos {
    kind: 'for';
    init?: LocalVarStmt | Expr[];
    cond?: Expr;
    update: Expr[];
    body: Stmt;
}

/** `for (Contact c : list)`, or a SOQL for loop `for (Contact c : [SELECT ...])` / `for (List<Contact> batch : [SELECT ...])`. */
export interface ForEachStmt extends Pos {
    kind: 'forEach';
    varType: TypeRef;
    varName: string;
    iterable: Expr;
    body: Stmt;
}

export interface WhileStmt extends Pos {
    kind: 'while';
    cond: Expr;
    body: Stmt;
}

export interface DoWhileStmt extends Pos {
    kind: 'doWhile';
    body: Block;
    cond: Expr;
}

export interface TryStmt extends Pos {
    kind: 'try';
    body: Block;
    catches: CatchClause[];
    finally?: Block;
}

export interface CatchClause extends Pos {
    type: TypeRef;
    name: string;
    body: Block;
}

export interface ReturnStmt extends Pos {
    kind: 'return';
    value?: Expr;
}

export interface ThrowStmt extends Pos {
    kind: 'throw';
    value: Expr;
}

export interface BreakStmt extends Pos {
    kind: 'break';
}

export interface ContinueStmt extends Pos {
    kind: 'continue';
}

/** `insert x;`, `update x;`, `upsert x ExternalId__c;`, `delete x;`, `undelete x;`, `merge a b;`, with `as user`/`as system`. */
export interface DmlStmt extends Pos {
    kind: 'dml';
    op: 'insert' | 'update' | 'upsert' | 'delete' | 'undelete' | 'merge';
    target: Expr;
    /** `upsert` external id field, or `merge`'s second operand. */
    extra?: Expr | string;
    /** `insert as user x;` → 'user'; absent → system mode (the default for DML statements). */
    accessLevel?: 'user' | 'system';
}

/** `System.runAs(user) { ... }`. */
export interface RunAsStmt extends Pos {
    kind: 'runAs';
    args: Expr[];
    body: Block;
}

// ---------------------------------------------------------------- expressions

export type Expr =
    | Literal
    | NameExpr
    | FieldAccess
    | Call
    | NewObject
    | NewCollection
    | NewSObject
    | IndexExpr
    | Unary
    | IncDec
    | Binary
    | Assign
    | Conditional
    | InstanceOf
    | Cast
    | ThisExpr
    | SuperExpr
    | ClassRef
    | SoqlExpr
    | SoslExpr;

export interface Literal extends Pos {
    kind: 'literal';
    /**
     * `integer` (fits 32 bits), `long` (`123L`), `decimal` (`1.5`, Apex's default for a literal with a
     * point), `double` (`1.5d`/`1e3`), `string` (escapes resolved), `boolean`, `null`.
     */
    type: 'integer' | 'long' | 'decimal' | 'double' | 'string' | 'boolean' | 'null';
    /** Numbers as source text (exact; the interpreter builds Long/Decimal from it); strings unescaped. */
    value: string | boolean | null;
}

/** A bare identifier: a local, a field of `this`/the class, a class name, a namespace… resolved at run time. */
export interface NameExpr extends Pos {
    kind: 'name';
    name: string;
}

/** `target.name` or `target?.name`. `target` may resolve to a type (static field, `Contact.Phone`, `Schema.SObjectType.Contact`). */
export interface FieldAccess extends Pos {
    kind: 'field';
    target: Expr;
    name: string;
    safe: boolean;
}

/**
 * `name(args)`, `target.name(args)`, `target?.name(args)`, `this(...)`, `super(...)`, `super.name(...)`.
 * Constructor chaining `this(...)`/`super(...)` has no `target` and the name `this`/`super` (reserved words, so no
 * method has those names); `super.name(...)` has the target `{ kind: 'super' }`.
 */
export interface Call extends Pos {
    kind: 'call';
    target?: Expr;
    name: string;
    args: Expr[];
    safe: boolean;
}

/** `new WebexApi.Person(a, b)`, `new Foo()`. */
export interface NewObject extends Pos {
    kind: 'new';
    type: TypeRef;
    args: Expr[];
}

/** `new List<String>{'a'}`, `new Set<Id>(ids)`, `new Map<String, Integer>{'a' => 1}`, `new String[3]`, `new Integer[]{1, 2}`. */
export interface NewCollection extends Pos {
    kind: 'newCollection';
    type: TypeRef;
    /** Constructor arguments `(...)`, when written with parentheses. */
    args?: Expr[];
    /** `{a, b}` for List/Set/array; absent when not written. */
    elements?: Expr[];
    /** `{k => v}` for Map. */
    entries?: { key: Expr; value: Expr }[];
    /** `new String[3]`: the size expression. */
    size?: Expr;
}

/** `new Contact(LastName = 'x', Phone = p)`: SObject construction with name = value pairs. */
export interface NewSObject extends Pos {
    kind: 'newSObject';
    type: TypeRef;
    fields: { name: string; value: Expr }[];
}

export interface IndexExpr extends Pos {
    kind: 'index';
    target: Expr;
    index: Expr;
}

export interface Unary extends Pos {
    kind: 'unary';
    op: '!' | '-' | '+' | '~';
    operand: Expr;
}

export interface IncDec extends Pos {
    kind: 'incDec';
    op: '++' | '--';
    prefix: boolean;
    target: Expr;
}

export interface Binary extends Pos {
    kind: 'binary';
    op:
        | '+'
        | '-'
        | '*'
        | '/'
        | '%'
        | '=='
        | '!='
        | '==='
        | '!=='
        | '<'
        | '<='
        | '>'
        | '>='
        | '&&'
        | '||'
        | '&'
        | '|'
        | '^'
        | '<<'
        | '>>'
        | '>>>'
        | '??';
    left: Expr;
    right: Expr;
}

export interface Assign extends Pos {
    kind: 'assign';
    /** `=` or a compound operator (`+=`, `-=`, `*=`, `/=`, `&=`, `|=`, `^=`, `<<=`, `>>=`, `>>>=`). */
    op: string;
    target: Expr;
    value: Expr;
}

export interface Conditional extends Pos {
    kind: 'conditional';
    cond: Expr;
    then: Expr;
    else: Expr;
}

export interface InstanceOf extends Pos {
    kind: 'instanceof';
    value: Expr;
    type: TypeRef;
}

export interface Cast extends Pos {
    kind: 'cast';
    type: TypeRef;
    value: Expr;
}

export interface ThisExpr extends Pos {
    kind: 'this';
}

export interface SuperExpr extends Pos {
    kind: 'super';
}

/** `String.class`, `Contact.class`. */
export interface ClassRef extends Pos {
    kind: 'classRef';
    type: TypeRef;
}

/** `[SELECT ... FROM ... WHERE x = :bind]`: the text between the brackets (binds stay `:expr` in it). */
export interface SoqlExpr extends Pos {
    kind: 'soql';
    text: string;
}

/** `[FIND 'x' IN PHONE FIELDS RETURNING Contact(Id)]`: the text between the brackets. */
export interface SoslExpr extends Pos {
    kind: 'sosl';
    text: string;
}
