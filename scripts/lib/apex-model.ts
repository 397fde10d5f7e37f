/**
 * A model of the project's Apex good enough for the gate's Apex rules: classes (inner ones too), their
 * fields, methods and local variables with declared types, static types of the expressions that matter,
 * and method calls resolved to the project methods they can reach (by class, name and arity; a call on
 * an interface or a virtual class also reaches the overrides in its subclasses). Everything else (system
 * classes, SObjects) stays unresolved and is named, for the rules, by its text (`Database.insert`).
 *
 * Read with Salesforce's Apex grammar (@apexdevtools/apex-parser). Apex names are case-insensitive:
 * every lookup here is on lower-case keys.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
    ApexParserFactory,
    BlockContext,
    CastExpressionContext,
    CatchClauseContext,
    ClassDeclarationContext,
    CoalExpressionContext,
    CondExpressionContext,
    ConstructorDeclarationContext,
    DotExpressionContext,
    EnhancedForControlContext,
    EnumDeclarationContext,
    ExpressionContext,
    FieldDeclarationContext,
    FormalParameterContext,
    InterfaceDeclarationContext,
    InterfaceMethodDeclarationContext,
    LocalVariableDeclarationContext,
    MethodCallContext,
    MethodCallExpressionContext,
    MethodDeclarationContext,
    ModifierContext,
    NewExpressionContext,
    PrimaryExpressionContext,
    IdPrimaryContext,
    LiteralPrimaryContext,
    PropertyDeclarationContext,
    SubExpressionContext,
    ThisPrimaryContext,
    ArrayExpressionContext,
    TypeRefContext,
    type ApexParserRuleContext
} from '@apexdevtools/apex-parser';
import { CollectingErrorListener } from './apex-source.ts';

export type Node = ApexParserRuleContext;

// ── tree helpers ──────────────────────────────────────────────────────────────────────────────────

/** The rule (non-terminal) children of a node. */
export function ruleChildren(node: Node): Node[] {
    const out: Node[] = [];
    for (const child of (node.children ?? []) as unknown[]) {
        if (child && typeof child === 'object' && 'children' in child && (child as Node).start !== undefined) {
            out.push(child as Node);
        }
    }
    return out;
}

/** Every node under `node` (not itself), depth first in source order; `skip` prunes a subtree. */
export function* walk(node: Node, skip?: (n: Node) => boolean): Generator<Node> {
    for (const child of ruleChildren(node)) {
        yield child;
        if (skip?.(child)) continue;
        yield* walk(child, skip);
    }
}

/** Nodes of one type under `node`. */
export function nodesOf<T>(node: Node, type: abstract new (...args: never[]) => T, skip?: (n: Node) => boolean): T[] {
    const out: T[] = [];
    for (const n of walk(node, skip)) if (n instanceof type) out.push(n as T);
    return out;
}

/** Source text of a node with its spacing, for messages. */
export function textOf(unit: ApexUnit, node: Node): string {
    return unit.source.slice(node.start.start, (node.stop?.stop ?? node.start.stop) + 1);
}

// ── types ─────────────────────────────────────────────────────────────────────────────────────────

/** A type as written, without spaces (`List<WebexCallerSelector.Target>`). */
export type TypeText = string;

/** `List<X>`, `Set<X>`, `X[]` → `X`; `Map<K,V>` → `V`; otherwise undefined. */
export function elementType(type: TypeText | undefined): TypeText | undefined {
    if (!type) return undefined;
    if (type.endsWith('[]')) return type.slice(0, -2);
    const generic = /^(?:System\.)?(List|Set|Iterable|Iterator|Map)<(.*)>$/i.exec(type);
    if (!generic) return undefined;
    if (generic[1].toLowerCase() !== 'map') return generic[2];
    return splitTypeArgs(generic[2])[1];
}

function splitTypeArgs(text: string): TypeText[] {
    const out: string[] = [];
    let depth = 0;
    let start = 0;
    for (let i = 0; i < text.length; i += 1) {
        if (text[i] === '<') depth += 1;
        else if (text[i] === '>') depth -= 1;
        else if (text[i] === ',' && depth === 0) {
            out.push(text.slice(start, i));
            start = i + 1;
        }
    }
    out.push(text.slice(start));
    return out.map((t) => t.trim());
}

/** The type without its type arguments (`Map<K,V>` → `Map`). */
export const rawType = (type: TypeText): string => type.replace(/<.*$/, '').replace(/\[\]$/, '');

// ── the model ─────────────────────────────────────────────────────────────────────────────────────

export interface ApexUnit {
    file: string;
    source: string;
    root: Node;
    errors: string[];
}

export interface ApexField {
    name: string;
    type: TypeText;
    isStatic: boolean;
    isFinal: boolean;
    annotations: string[];
    node: Node;
    initializer?: Node;
}

export interface ApexClassModel {
    /** `Outer` or `Outer.Inner`. */
    name: string;
    simpleName: string;
    unit: ApexUnit;
    node: ClassDeclarationContext | InterfaceDeclarationContext | EnumDeclarationContext;
    kind: 'class' | 'interface' | 'enum';
    outer?: ApexClassModel;
    inner: Map<string, ApexClassModel>;
    modifiers: string[];
    annotations: string[];
    /** `with`, `without`, `inherited`, or null when the class declares none. */
    sharing: 'with' | 'without' | 'inherited' | null;
    /** Annotated @IsTest, itself or through its outer class. */
    isTest: boolean;
    superclass?: TypeText;
    interfaces: TypeText[];
    fields: Map<string, ApexField>;
    methods: ApexMethodModel[];
    /** The ApexDoc comment above the class, or ''. */
    doc: string;
    line: number;
}

export interface ApexMethodModel {
    cls: ApexClassModel;
    /** The method's name; `<init>` for a constructor. */
    name: string;
    params: Array<{ name: string; type: TypeText }>;
    returnType: TypeText;
    node: MethodDeclarationContext | ConstructorDeclarationContext | InterfaceMethodDeclarationContext;
    body: BlockContext | null;
    modifiers: string[];
    annotations: string[];
    isStatic: boolean;
    line: number;
    /** Parameters and every local, for-each and catch variable (method-wide, by lower-case name). */
    locals: Map<string, TypeText>;
    /** `Class.method`, for messages and allow-lists. */
    id: string;
}

/** Parses one Apex file (class or trigger). */
export function parseUnit(file: string): ApexUnit {
    const source = readFileSync(file, 'utf8');
    const listener = new CollectingErrorListener(file);
    const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
    const root = file.endsWith('.trigger') ? parser.triggerUnit() : parser.compilationUnit();
    return { file, source, root, errors: listener.errors };
}

function modifiersOf(list: ModifierContext[]): { modifiers: string[]; annotations: string[] } {
    const modifiers: string[] = [];
    const annotations: string[] = [];
    for (const modifier of list) {
        const annotation = modifier.annotation();
        if (annotation) annotations.push(annotation.id().getText().toLowerCase());
        else modifiers.push(modifier.getText().toLowerCase());
    }
    return { modifiers, annotations };
}

/** Modifiers of a declaration sit on its classBodyDeclaration / typeDeclaration (parent of parent). */
function declarationModifiers(node: Node): { modifiers: string[]; annotations: string[] } {
    let holder = node.parentCtx as Node | null;
    for (let depth = 0; holder && depth < 2; depth += 1) {
        const maybe = holder as unknown as { modifier_list?: () => ModifierContext[] };
        if (typeof maybe.modifier_list === 'function') return modifiersOf(maybe.modifier_list());
        holder = holder.parentCtx as Node | null;
    }
    return { modifiers: [], annotations: [] };
}

/** The node holding a declaration and its modifiers (where its ApexDoc comment ends). */
function declarationStart(node: Node): Node {
    let holder = node;
    for (let n = node.parentCtx as Node | null, depth = 0; n && depth < 2; n = n.parentCtx as Node | null) {
        depth += 1;
        if (typeof (n as unknown as { modifier_list?: unknown }).modifier_list === 'function') holder = n;
    }
    return holder;
}

function docBefore(unit: ApexUnit, node: Node): string {
    const before = unit.source.slice(0, declarationStart(node).start.start);
    const match = /\/\*\*(?:(?!\*\/)[\s\S])*\*\/\s*$/.exec(before);
    return match ? match[0] : '';
}

const typeText = (ref: TypeRefContext | null | undefined): TypeText => (ref ? ref.getText() : 'void');

function collectLocals(node: Node, locals: Map<string, TypeText>): void {
    for (const n of walk(node)) {
        if (n instanceof LocalVariableDeclarationContext) {
            const type = n.typeRef().getText();
            for (const declarator of n.variableDeclarators().variableDeclarator_list()) {
                locals.set(declarator.id().getText().toLowerCase(), type);
            }
        } else if (n instanceof EnhancedForControlContext) {
            locals.set(n.id().getText().toLowerCase(), n.typeRef().getText());
        } else if (n instanceof CatchClauseContext) {
            locals.set(n.id().getText().toLowerCase(), n.qualifiedName().getText());
        }
    }
}

function buildClass(unit: ApexUnit, node: ApexClassModel['node'], outer?: ApexClassModel): ApexClassModel {
    const { modifiers, annotations } = declarationModifiers(node);
    const simpleName = node.id().getText();
    // getText() drops the space: `withsharing`.
    const sharing = modifiers.includes('withsharing')
        ? 'with'
        : modifiers.includes('withoutsharing')
          ? 'without'
          : modifiers.includes('inheritedsharing')
            ? 'inherited'
            : null;
    const cls: ApexClassModel = {
        name: outer ? `${outer.name}.${simpleName}` : simpleName,
        simpleName,
        unit,
        node,
        kind:
            node instanceof ClassDeclarationContext
                ? 'class'
                : node instanceof InterfaceDeclarationContext
                  ? 'interface'
                  : 'enum',
        outer,
        inner: new Map(),
        modifiers,
        annotations,
        sharing,
        isTest: annotations.includes('istest') || Boolean(outer?.isTest),
        superclass: node instanceof ClassDeclarationContext ? node.typeRef()?.getText() : undefined,
        interfaces:
            node instanceof ClassDeclarationContext
                ? (node
                      .typeList()
                      ?.typeRef_list()
                      .map((t) => t.getText()) ?? [])
                : node instanceof InterfaceDeclarationContext
                  ? (node
                        .typeList()
                        ?.typeRef_list()
                        .map((t) => t.getText()) ?? [])
                  : [],
        fields: new Map(),
        methods: [],
        doc: docBefore(unit, node),
        line: node.start.line
    };
    const nested = (n: Node): boolean =>
        n !== node &&
        (n instanceof ClassDeclarationContext ||
            n instanceof InterfaceDeclarationContext ||
            n instanceof EnumDeclarationContext);
    for (const n of walk(node, nested)) {
        if (nested(n)) {
            const inner = buildClass(unit, n as ApexClassModel['node'], cls);
            cls.inner.set(inner.simpleName.toLowerCase(), inner);
            continue;
        }
        if (n instanceof FieldDeclarationContext) {
            const own = declarationModifiers(n);
            for (const declarator of n.variableDeclarators().variableDeclarator_list()) {
                const name = declarator.id().getText();
                cls.fields.set(name.toLowerCase(), {
                    name,
                    type: n.typeRef().getText(),
                    isStatic: own.modifiers.includes('static'),
                    isFinal: own.modifiers.includes('final'),
                    annotations: own.annotations,
                    node: declarator,
                    initializer: declarator.expression() ?? undefined
                });
            }
        } else if (n instanceof PropertyDeclarationContext) {
            const own = declarationModifiers(n);
            const name = n.id().getText();
            cls.fields.set(name.toLowerCase(), {
                name,
                type: n.typeRef().getText(),
                isStatic: own.modifiers.includes('static'),
                isFinal: false,
                annotations: own.annotations,
                node: n
            });
        } else if (
            n instanceof MethodDeclarationContext ||
            n instanceof ConstructorDeclarationContext ||
            n instanceof InterfaceMethodDeclarationContext
        ) {
            cls.methods.push(buildMethod(cls, n));
        }
    }
    return cls;
}

function buildMethod(cls: ApexClassModel, node: ApexMethodModel['node']): ApexMethodModel {
    const own =
        node instanceof InterfaceMethodDeclarationContext
            ? modifiersOf(node.modifier_list())
            : declarationModifiers(node);
    const params = (node.formalParameters().formalParameterList()?.formalParameter_list() ?? []).map(
        (p: FormalParameterContext) => ({ name: p.id().getText(), type: p.typeRef().getText() })
    );
    const name = node instanceof ConstructorDeclarationContext ? '<init>' : node.id().getText();
    const body = node instanceof InterfaceMethodDeclarationContext ? null : node.block();
    const locals = new Map<string, TypeText>();
    for (const p of params) locals.set(p.name.toLowerCase(), p.type);
    if (body) collectLocals(body, locals);
    return {
        cls,
        name,
        params,
        returnType:
            node instanceof ConstructorDeclarationContext
                ? cls.name
                : typeText((node as MethodDeclarationContext).typeRef()),
        node,
        body,
        modifiers: own.modifiers,
        annotations: own.annotations,
        isStatic: own.modifiers.includes('static'),
        line: node.start.line,
        locals,
        id: `${cls.name}.${name === '<init>' ? cls.simpleName : name}`
    };
}

/** What an expression refers to, as far as the model can tell. */
export type Resolved =
    | { kind: 'class'; cls: ApexClassModel }
    | { kind: 'type'; type: TypeText }
    /** A name that is neither a variable nor a project class: a system class or namespace (`Database`). */
    | { kind: 'system'; name: string }
    | { kind: 'unknown' };

/** A method call found in the code: the project methods it may reach, or the system method it names. */
export interface CallSite {
    node: Node;
    /** The called name as written (`send`). */
    name: string;
    args: Node[];
    /** Project methods it may run. */
    targets: ApexMethodModel[];
    /** For a call into the platform: `Database.insert`, `Http.send`, `Limits.getQueries`; else null. */
    system: string | null;
    /** A `new X(...)`. */
    isNew: boolean;
}

const SYSTEM_TYPES_BY_NAME = new Map(
    ['Http', 'HttpRequest', 'HttpResponse', 'PageReference', 'Savepoint', 'Blob', 'String', 'Datetime'].map((t) => [
        t.toLowerCase(),
        t
    ])
);

export class ApexProject {
    readonly units: ApexUnit[];
    readonly classes: ApexClassModel[] = [];
    private readonly topLevel = new Map<string, ApexClassModel>();
    private readonly byName = new Map<string, ApexClassModel>();
    private subtypeCache = new Map<ApexClassModel, ApexClassModel[]>();
    private readonly methodOfNode = new Map<Node, ApexMethodModel>();

    constructor(units: ApexUnit[]) {
        this.units = units;
        for (const unit of units) {
            for (const decl of ruleChildren(unit.root).flatMap((t) => ruleChildren(t))) {
                if (
                    decl instanceof ClassDeclarationContext ||
                    decl instanceof InterfaceDeclarationContext ||
                    decl instanceof EnumDeclarationContext
                ) {
                    const cls = buildClass(unit, decl);
                    this.topLevel.set(cls.simpleName.toLowerCase(), cls);
                    this.register(cls);
                }
            }
        }
        for (const cls of this.classes) for (const m of cls.methods) this.methodOfNode.set(m.node, m);
    }

    private register(cls: ApexClassModel): void {
        this.classes.push(cls);
        this.byName.set(cls.name.toLowerCase(), cls);
        for (const inner of cls.inner.values()) this.register(inner);
    }

    /** Every method with a body. */
    methods(): ApexMethodModel[] {
        return this.classes.flatMap((c) => c.methods);
    }

    classNamed(name: string): ApexClassModel | undefined {
        return this.byName.get(name.toLowerCase());
    }

    /** The method whose declaration encloses a node. */
    methodAt(node: Node): ApexMethodModel | undefined {
        for (let n: Node | null = node; n; n = n.parentCtx as Node | null) {
            const m = this.methodOfNode.get(n);
            if (m) return m;
        }
        return undefined;
    }

    /** The project class a type names, seen from `from` (inner classes first, then top-level). */
    resolveType(type: TypeText | undefined, from?: ApexClassModel): ApexClassModel | undefined {
        if (!type) return undefined;
        const parts = rawType(type).toLowerCase().split('.');
        for (let scope = from; scope; scope = scope.outer) {
            let found: ApexClassModel | undefined = scope.simpleName.toLowerCase() === parts[0] ? scope : undefined;
            found ??= scope.inner.get(parts[0]);
            if (found) return this.descend(found, parts.slice(1));
        }
        const top = this.topLevel.get(parts[0]);
        return top ? this.descend(top, parts.slice(1)) : undefined;
    }

    private descend(cls: ApexClassModel, rest: string[]): ApexClassModel | undefined {
        let current: ApexClassModel | undefined = cls;
        for (const part of rest) current = current?.inner.get(part);
        return current;
    }

    superclassOf(cls: ApexClassModel): ApexClassModel | undefined {
        return this.resolveType(cls.superclass, cls.outer ?? cls);
    }

    /** Classes that extend or implement `cls`, directly or not. */
    subtypes(cls: ApexClassModel): ApexClassModel[] {
        const cached = this.subtypeCache.get(cls);
        if (cached) return cached;
        const out: ApexClassModel[] = [];
        for (const candidate of this.classes) {
            if (candidate === cls) continue;
            const parents = [candidate.superclass, ...candidate.interfaces]
                .filter((t): t is string => Boolean(t))
                .map((t) => this.resolveType(t, candidate.outer ?? candidate));
            if (parents.includes(cls)) out.push(candidate, ...this.subtypes(candidate));
        }
        this.subtypeCache.set(cls, out);
        return out;
    }

    /** A field of a class or its superclasses. */
    fieldOf(cls: ApexClassModel | undefined, name: string): { field: ApexField; cls: ApexClassModel } | undefined {
        for (let c = cls; c; c = this.superclassOf(c)) {
            const field = c.fields.get(name.toLowerCase());
            if (field) return { field, cls: c };
        }
        return undefined;
    }

    /**
     * Methods of a class and its superclasses by name and arity (all arities when none matches); among
     * overloads of one arity, those whose parameters can take the arguments' known types.
     */
    methodsNamed(
        cls: ApexClassModel,
        name: string,
        arity: number,
        dispatch: boolean,
        argTypes: Array<TypeText | undefined> = []
    ): ApexMethodModel[] {
        const key = name.toLowerCase();
        const found: ApexMethodModel[] = [];
        for (let c: ApexClassModel | undefined = cls; c; c = this.superclassOf(c)) {
            found.push(...c.methods.filter((m) => m.name.toLowerCase() === key));
            if (found.length) break;
        }
        if (dispatch) {
            for (const sub of this.subtypes(cls)) {
                found.push(...sub.methods.filter((m) => m.name.toLowerCase() === key));
            }
        }
        const byArity = found.filter((m) => m.params.length === arity);
        const byType = byArity.filter((m) => m.params.every((p, i) => mayTake(p.type, argTypes[i])));
        return byType.length ? byType : byArity.length ? byArity : found;
    }

    /** What an expression denotes: a class (static access), a value of a type, a system name. */
    resolve(expr: Node, method: ApexMethodModel | undefined): Resolved {
        const cls = method?.cls;
        if (expr instanceof SubExpressionContext) return this.resolve(expr.expression(), method);
        if (expr instanceof CastExpressionContext) return { kind: 'type', type: expr.typeRef().getText() };
        if (expr instanceof NewExpressionContext) {
            return { kind: 'type', type: expr.creator().createdName().getText() };
        }
        if (expr instanceof PrimaryExpressionContext) {
            const primary = expr.primary();
            if (primary instanceof ThisPrimaryContext && cls) return { kind: 'type', type: cls.name };
            if (primary instanceof IdPrimaryContext) return this.resolveName(primary.id().getText(), method);
            return { kind: 'unknown' };
        }
        if (expr instanceof ArrayExpressionContext) {
            const base = this.resolve(expr.expression(0), method);
            const element = base.kind === 'type' ? elementType(base.type) : undefined;
            return element ? { kind: 'type', type: element } : { kind: 'unknown' };
        }
        if (expr instanceof CondExpressionContext) return this.resolve(expr.expression(1), method);
        if (expr instanceof CoalExpressionContext) return this.resolve(expr.expression(0), method);
        if (
            expr instanceof MethodCallExpressionContext ||
            (expr instanceof DotExpressionContext && expr.dotMethodCall())
        ) {
            const call = this.callAt(expr, method);
            const target = call?.targets[0];
            if (target) return { kind: 'type', type: target.returnType };
            return { kind: 'unknown' };
        }
        if (expr instanceof DotExpressionContext) {
            const base = this.resolve(expr.expression(), method);
            const member = expr.anyId()?.getText() ?? '';
            if (base.kind === 'class') {
                const inner = base.cls.inner.get(member.toLowerCase());
                if (inner) return { kind: 'class', cls: inner };
                const field = this.fieldOf(base.cls, member);
                return field ? { kind: 'type', type: field.field.type } : { kind: 'unknown' };
            }
            if (base.kind === 'type') {
                const owner = this.resolveType(base.type, cls);
                const field = this.fieldOf(owner, member);
                if (field) return { kind: 'type', type: field.field.type };
                // `Contact.Phone` where a String constant CONTACT is in scope: the platform reads the token.
                const head = expr.expression();
                if (!owner && head instanceof PrimaryExpressionContext && head.primary() instanceof IdPrimaryContext) {
                    return { kind: 'system', name: `${head.getText()}.${member}` };
                }
                return { kind: 'unknown' };
            }
            if (base.kind === 'system') return { kind: 'system', name: `${base.name}.${member}` };
            return { kind: 'unknown' };
        }
        return { kind: 'unknown' };
    }

    /** A bare name: a local or parameter, a field (of the class, its superclasses, its outer classes), a class. */
    resolveName(name: string, method: ApexMethodModel | undefined): Resolved {
        const key = name.toLowerCase();
        const local = method?.locals.get(key);
        if (local) return { kind: 'type', type: local };
        for (let c = method?.cls; c; c = c.outer) {
            const field = this.fieldOf(c, key);
            if (field) return { kind: 'type', type: field.field.type };
        }
        const cls = this.resolveType(name, method?.cls);
        if (cls) return { kind: 'class', cls };
        const systemType = SYSTEM_TYPES_BY_NAME.get(key);
        return { kind: 'system', name: systemType ?? name };
    }

    private argTypes(args: Node[], method: ApexMethodModel | undefined): Array<TypeText | undefined> {
        return args.map((arg) => {
            const resolved = this.resolve(arg, method);
            return resolved.kind === 'type' ? resolved.type : undefined;
        });
    }

    private callCache = new Map<Node, CallSite | null>();

    /**
     * The call at a node (`x.m(..)`, `m(..)` or `new X(..)`), resolved; null when the node is no call.
     */
    callAt(node: Node, method: ApexMethodModel | undefined): CallSite | null {
        const cached = this.callCache.get(node);
        if (cached !== undefined) return cached;
        const site = this.computeCall(node, method);
        this.callCache.set(node, site);
        return site;
    }

    private computeCall(node: Node, method: ApexMethodModel | undefined): CallSite | null {
        const cls = method?.cls;
        if (node instanceof MethodCallExpressionContext) {
            const call: MethodCallContext = node.methodCall();
            const args = call.expressionList()?.expression_list() ?? [];
            if (call.THIS() || call.SUPER()) {
                const owner = call.THIS() ? cls : cls && this.superclassOf(cls);
                return {
                    node,
                    name: '<init>',
                    args,
                    targets: owner ? this.methodsNamed(owner, '<init>', args.length, false) : [],
                    system: null,
                    isNew: true
                };
            }
            const name = call.id().getText();
            const argTypes = this.argTypes(args, method);
            for (let c = cls; c; c = c.outer) {
                const targets = this.methodsNamed(c, name, args.length, !method?.isStatic, argTypes);
                if (targets.length) return { node, name, args, targets, system: null, isNew: false };
            }
            return { node, name, args, targets: [], system: `System.${name}`, isNew: false };
        }
        if (node instanceof DotExpressionContext) {
            const dot = node.dotMethodCall();
            if (!dot) return null;
            const name = dot.anyId().getText();
            const args = dot.expressionList()?.expression_list() ?? [];
            const receiver = this.resolve(node.expression(), method);
            const argTypes = this.argTypes(args, method);
            if (receiver.kind === 'class') {
                const targets = this.methodsNamed(receiver.cls, name, args.length, false, argTypes);
                return { node, name, args, targets, system: null, isNew: false };
            }
            if (receiver.kind === 'type') {
                const owner = this.resolveType(receiver.type, cls);
                if (owner) {
                    const targets = this.methodsNamed(owner, name, args.length, true, argTypes);
                    return { node, name, args, targets, system: null, isNew: false };
                }
                const systemType = SYSTEM_TYPES_BY_NAME.get(rawType(receiver.type).toLowerCase());
                return {
                    node,
                    name,
                    args,
                    targets: [],
                    system: systemType ? `${systemType}.${name}` : null,
                    isNew: false
                };
            }
            if (receiver.kind === 'system') {
                return {
                    node,
                    name,
                    args,
                    targets: [],
                    system: `${normalizeSystem(receiver.name)}.${name}`,
                    isNew: false
                };
            }
            return { node, name, args, targets: [], system: null, isNew: false };
        }
        if (node instanceof NewExpressionContext) {
            const creator = node.creator();
            const rest = creator.classCreatorRest();
            const args = rest?.arguments().expressionList()?.expression_list() ?? [];
            const typeName = creator.createdName().getText();
            const owner = this.resolveType(typeName, cls);
            return {
                node,
                name: typeName,
                args,
                targets: owner && rest ? this.methodsNamed(owner, '<init>', args.length, false) : [],
                system: owner ? null : `new ${typeName}`,
                isNew: true
            };
        }
        return null;
    }
}

const COLLECTION = /^(System\.)?(List|Set|Map|Iterable)<|\[\]$/i;

/** Whether a parameter may take an argument of a known type: a collection only where a collection goes. */
function mayTake(param: TypeText, arg: TypeText | undefined): boolean {
    if (!arg) return true;
    return COLLECTION.test(param) === COLLECTION.test(arg) || /^Object$/i.test(param);
}

/** `System.Database` → `Database`, `system` → `System`: the platform's classes by their usual spelling. */
function normalizeSystem(name: string): string {
    const known = [
        'System',
        'Database',
        'Limits',
        'Test',
        'Search',
        'EventBus',
        'Schema',
        'Assert',
        'Http',
        'FeatureManagement',
        'WebServiceCallout',
        'JSON',
        'String',
        'Messaging',
        'AccessLevel'
    ];
    const bare = name.replace(/^System\./i, '');
    const match = known.find((k) => k.toLowerCase() === bare.toLowerCase());
    if (match && /^System\./i.test(name) && match !== 'System') return match;
    return known.find((k) => k.toLowerCase() === name.toLowerCase()) ?? name;
}

/** Reads every Apex file under the project's force-app into one model. */
export function loadProject(files: string[]): ApexProject {
    return new ApexProject(files.map(parseUnit));
}

/** Whether an expression is made of literals only (`0`, `'a' + 'b'`, `-1`, `(true)`, `1 == 1`). */
export function isConstant(expr: Node): boolean {
    if (expr instanceof PrimaryExpressionContext) return expr.primary() instanceof LiteralPrimaryContext;
    if (expr instanceof IdPrimaryContext || expr instanceof MethodCallExpressionContext) return false;
    if (expr instanceof DotExpressionContext || expr instanceof NewExpressionContext) return false;
    if (expr instanceof CastExpressionContext) return isConstant(expr.expression());
    const operands = ruleChildren(expr);
    return (
        operands.length > 0 && operands.every((operand) => operand instanceof ExpressionContext && isConstant(operand))
    );
}

/** The expression without the parentheses and casts around it. */
export function unwrap(expr: Node): Node {
    let current = expr;
    while (current instanceof SubExpressionContext || current instanceof CastExpressionContext)
        current = current.expression();
    return current;
}

/** The expression around a node, skipping parentheses and casts. */
export function outerExpression(node: Node): Node | null {
    let parent = node.parentCtx as Node | null;
    while (parent instanceof SubExpressionContext || parent instanceof CastExpressionContext) {
        parent = parent.parentCtx as Node | null;
    }
    return parent;
}

/** The operator text of a binary expression (`-`, `==`, `<`), or ''. */
export function operatorOf(expr: Node): string {
    const terminals = ((expr.children ?? []) as unknown[]).filter(
        (c) => c && typeof c === 'object' && !('children' in c) && 'symbol' in (c as object)
    ) as Array<{ getText(): string }>;
    return terminals.map((t) => t.getText()).join('');
}

/**
 * Where each line of an Apex file is: the innermost class, method, constructor, property or field that holds
 * it (`Class`, `Class.method`, `Outer.Inner.field`), for findings that must be named without a line number.
 */
export function memberLocator(file: string): (line: number) => string {
    if (!/\.(cls|trigger)$/.test(file) || !existsSync(file)) return () => path.basename(file);
    const unit = parseUnit(file);
    const spans: Array<{ from: number; to: number; name: string }> = [];
    const nameOf = (node: Node): string => {
        const owners: string[] = [];
        for (let n: Node | null = node; n; n = n.parentCtx as Node | null) {
            if (
                n instanceof ClassDeclarationContext ||
                n instanceof InterfaceDeclarationContext ||
                n instanceof EnumDeclarationContext
            ) {
                owners.unshift(n.id().getText());
            }
        }
        return owners.join('.');
    };
    for (const n of walk(unit.root)) {
        const from = n.start.line;
        const to = n.stop?.line ?? from;
        if (
            n instanceof ClassDeclarationContext ||
            n instanceof InterfaceDeclarationContext ||
            n instanceof EnumDeclarationContext
        ) {
            spans.push({ from, to, name: nameOf(n) });
        } else if (n instanceof MethodDeclarationContext || n instanceof PropertyDeclarationContext) {
            spans.push({ from, to, name: `${nameOf(n)}.${n.id().getText()}` });
        } else if (n instanceof ConstructorDeclarationContext) {
            spans.push({ from, to, name: `${nameOf(n)}.${nameOf(n).split('.').pop()}` });
        } else if (n instanceof FieldDeclarationContext) {
            const names = n
                .variableDeclarators()
                .variableDeclarator_list()
                .map((d) => d.id().getText());
            spans.push({ from, to, name: `${nameOf(n)}.${names.join(',')}` });
        }
    }
    return (line: number) => {
        const holding = spans.filter((s) => s.from <= line && line <= s.to);
        holding.sort((a, b) => a.to - a.from - (b.to - b.from));
        return holding[0]?.name ?? path.basename(file).replace(/\.\w+$/, '');
    };
}
