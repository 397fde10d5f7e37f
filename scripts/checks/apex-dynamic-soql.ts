/**
 * Object and field names in a dynamic query come from the schema, never from text as someone wrote it.
 * A name concatenated into a `Database.query*` / `Database.countQuery*` / `Database.getQueryLocator*` /
 * `Search.query` string must be, traced back through variables, collections, fields, parameters (their
 * callers' arguments) and return values:
 * - a literal or constant;
 * - a describe's name (`DescribeFieldResult.getName()`, `getLocalName()`, `getRelationshipName()`, a
 *   token's `toString()`): the name as the schema spells it, namespace included;
 * - or a variable the same method checks against the schema: a key looked up in
 *   `describe.fields.getMap()` (`get`/`containsKey`), `Schema.getGlobalDescribe()`,
 *   `Schema.describeSObjects`, or passed to a method that does (`WebexCallingSchema.readableField`,
 *   `readableObject`, the project's field-existence helpers).
 * Anything else (a setting, a parameter whose callers pass raw text) is reported: a name that does not
 * exist fails the query at run time, and one built from input is SOQL injection (Apex Developer Guide,
 * "SOQL Injection"; Secure Coding Guide: "use describe results or an allow-list for object and field
 * names"). Values belong in bind variables; the search text of a SOSL `FIND {…}` is a value (escaped
 * where it is built), not a name, and is not traced here.
 */
import {
    ArrayInitializerContext,
    Arth2ExpressionContext,
    AssignExpressionContext,
    CondExpressionContext,
    CoalExpressionContext,
    DotExpressionContext,
    EnhancedForControlContext,
    IdPrimaryContext,
    LocalVariableDeclarationContext,
    NewExpressionContext,
    PrimaryExpressionContext,
    ReturnStatementContext
} from '@apexdevtools/apex-parser';
import {
    elementType,
    isConstant,
    nodesOf,
    operatorOf,
    ruleChildren,
    rawType,
    unwrap,
    walk,
    type ApexMethodModel,
    type ApexProject,
    type Node
} from '../lib/apex-model.ts';
import { isMain, runRules, type ApexRule, type ApexRuleContext, type Finding } from '../lib/apex-rule.ts';

const QUERY_SINKS =
    /^(Database\.(query|queryWithBinds|countQuery|countQueryWithBinds|getQueryLocator|getQueryLocatorWithBinds|getCursor|getCursorWithBinds)|Search\.(query|find))$/i;
/** Describe methods that return a name as the schema spells it. */
const SCHEMA_NAMES = /^(getName|getLocalName|getRelationshipName)$/i;
/** String methods that keep a name a name (or not one). */
const SAME_TEXT = /^(trim|toLowerCase|toUpperCase|normalizeSpace|deleteWhitespace|escapeSingleQuotes|escapeSoslTerm)$/i;
/** Types that cannot hold a name. */
const NOT_TEXT = /^(Integer|Long|Decimal|Double|Boolean|Id|Date|Datetime|Time)$/i;
/** Schema types: their text is a name as the schema spells it. */
const SCHEMA_TYPES = /^(Schema\.)?(SObjectField|SObjectType|DescribeFieldResult|DescribeSObjectResult)$/i;
const MAX_DEPTH = 14;

interface Unchecked {
    text: string;
    method: ApexMethodModel;
    line: number;
    why: string;
}

const varName = (expr: Node): string | null => {
    const inner = unwrap(expr);
    if (inner instanceof PrimaryExpressionContext && inner.primary() instanceof IdPrimaryContext) {
        return inner.getText().toLowerCase();
    }
    return null;
};

/** The variable a lookup key is, under `.trim()`, `.toLowerCase()`, `String.valueOf(…)`. */
function keyVar(expr: Node): string | null {
    const inner = unwrap(expr);
    if (inner instanceof DotExpressionContext && inner.dotMethodCall()) {
        const name = inner.dotMethodCall()!.anyId().getText();
        if (SAME_TEXT.test(name)) return keyVar(inner.expression());
        if (/^valueOf$/i.test(name) && /^String$/i.test(inner.expression().getText())) {
            const arg = inner.dotMethodCall()!.expressionList()?.expression(0);
            return arg ? keyVar(arg) : null;
        }
        return null;
    }
    return varName(inner);
}

class Provenance {
    private readonly project: ApexProject;
    private readonly context: ApexRuleContext;
    /** Per method, the variables (lower case) it checks against the schema. */
    private readonly checked = new Map<ApexMethodModel, Set<string>>();
    /** Per method, its calls, for callers of a parameter. */
    private callersCache?: Map<ApexMethodModel, Array<{ caller: ApexMethodModel; args: Node[] }>>;
    private readonly memo = new Map<string, Unchecked[]>();

    constructor(context: ApexRuleContext) {
        this.context = context;
        this.project = context.project;
        this.computeChecked();
    }

    private computeChecked(): void {
        const methods = this.project.methods().filter((m) => m.body);
        for (const m of methods) this.checked.set(m, new Set());
        let changed = true;
        while (changed) {
            changed = false;
            for (const m of methods) {
                const set = this.checked.get(m)!;
                for (const step of this.context.graph.steps(m)) {
                    const call = step.call;
                    if (!call) continue;
                    const keys: Array<string | null> = [];
                    if (/^(get|containsKey)$/i.test(call.name) && step.node instanceof DotExpressionContext) {
                        const receiver = step.node.expression();
                        const resolved = this.project.resolve(receiver, m);
                        const type = resolved.kind === 'type' ? resolved.type.replace(/\s/g, '') : '';
                        if (
                            /^Map<String,(Schema\.)?(SObjectField|SObjectType)>$/i.test(type) ||
                            /(fields\.getMap\(\)|getGlobalDescribe\(\))$/i.test(receiver.getText())
                        ) {
                            keys.push(keyVar(call.args[0]));
                        }
                    }
                    if (/^Schema\.describeSObjects$/i.test(call.system ?? '')) {
                        for (const n of walk(call.args[0] ?? step.node)) {
                            if (n instanceof PrimaryExpressionContext) keys.push(varName(n));
                        }
                    }
                    for (const target of call.targets) {
                        target.params.forEach((p, i) => {
                            if (this.checked.get(target)?.has(p.name.toLowerCase()) && call.args[i]) {
                                keys.push(keyVar(call.args[i]));
                            }
                        });
                    }
                    for (const key of keys) {
                        if (key && !set.has(key)) {
                            set.add(key);
                            changed = true;
                        }
                    }
                }
            }
        }
    }

    private callers(method: ApexMethodModel): Array<{ caller: ApexMethodModel; args: Node[] }> {
        if (!this.callersCache) {
            this.callersCache = new Map();
            // Production callers only: what a test passes says nothing of what the package passes.
            for (const m of this.project.methods().filter((x) => x.body && !x.cls.isTest)) {
                for (const step of this.context.graph.steps(m)) {
                    for (const target of step.call?.targets ?? []) {
                        const list = this.callersCache.get(target) ?? [];
                        list.push({ caller: m, args: step.call!.args });
                        this.callersCache.set(target, list);
                    }
                }
            }
        }
        return this.callersCache.get(method) ?? [];
    }

    /** Where a query string's names come from: the parts not traced to the schema. */
    names(expr: Node, method: ApexMethodModel): Unchecked[] {
        return this.trace(expr, method, 0, 0, new Set());
    }

    /**
     * The parts of an expression not traced to the schema. `level` says what the expression holds: 0 a
     * name, 1 a collection of names, 2 a collection of collections (a map's values are its elements).
     */
    private trace(expr: Node, method: ApexMethodModel, level: number, depth: number, seen: Set<string>): Unchecked[] {
        const key = `${method.id}@${expr.start.tokenIndex}-${expr.stop?.tokenIndex}#${level}`;
        const cached = this.memo.get(key);
        if (cached) return cached;
        if (seen.has(key) || depth > MAX_DEPTH || level < 0) return [];
        seen.add(key);
        const result = this.traceOf(unwrap(expr), method, level, depth + 1, seen);
        this.memo.set(key, result);
        return result;
    }

    private unchecked(expr: Node, method: ApexMethodModel, why: string): Unchecked[] {
        return [{ text: expr.getText().slice(0, 80), method, line: expr.start.line, why }];
    }

    private traceOf(expr: Node, method: ApexMethodModel, level: number, depth: number, seen: Set<string>): Unchecked[] {
        const trace = (e: Node, l = level, m = method): Unchecked[] => this.trace(e, m, l, depth, seen);
        if (isConstant(expr)) return [];
        const resolved = this.project.resolve(expr, method);
        if (resolved.kind === 'type') {
            const type = rawType(resolved.type).replace(/^System\./i, '');
            if (SCHEMA_TYPES.test(type) || (level === 0 && NOT_TEXT.test(type))) return [];
            const element = elementType(resolved.type);
            if (level === 1 && element && SCHEMA_TYPES.test(rawType(element))) return [];
        }
        // A token such as `Contact.Phone` or `Lead.SObjectType`: the schema's own name.
        if (resolved.kind === 'system' && resolved.name.includes('.')) return [];
        if (level === 0 && expr instanceof Arth2ExpressionContext && operatorOf(expr) === '+') {
            const operands: Node[] = [];
            const flatten = (n: Node): void => {
                const inner = unwrap(n);
                if (inner instanceof Arth2ExpressionContext && operatorOf(inner) === '+') {
                    flatten(inner.expression(0));
                    flatten(inner.expression(1));
                } else operands.push(inner);
            };
            flatten(expr);
            return operands.flatMap((operand, i) => {
                const previous = operands[i - 1];
                // FIND {…}: the search text is a value.
                if (previous && isConstant(previous) && /\{\s*'$/.test(previous.getText())) return [];
                return trace(operand);
            });
        }
        if (expr instanceof CondExpressionContext) return [...trace(expr.expression(1)), ...trace(expr.expression(2))];
        if (expr instanceof CoalExpressionContext) return [...trace(expr.expression(0)), ...trace(expr.expression(1))];
        if (expr instanceof NewExpressionContext) {
            const creator = expr.creator();
            const listed = creator.setCreatorRest() ?? nodesOf(creator, ArrayInitializerContext)[0];
            if (listed) return ruleChildren(listed).flatMap((item) => trace(item, level - 1));
            const map = creator.mapCreatorRest();
            if (map) return map.mapCreatorRestPair_list().flatMap((pair) => trace(pair.expression(1), level - 1));
            const copied = creator.classCreatorRest()?.arguments().expressionList()?.expression(0);
            return copied ? trace(copied) : [];
        }
        const variable = varName(expr);
        if (variable) return this.variable(variable, expr, method, level, depth, seen);
        if (expr instanceof DotExpressionContext && !expr.dotMethodCall())
            return this.field(expr, method, level, depth, seen);
        const call = this.project.callAt(expr, method);
        if (call && !call.isNew && expr instanceof DotExpressionContext) {
            const receiver = expr.expression();
            const system = call.system?.toLowerCase() ?? '';
            if (level === 0 && SCHEMA_NAMES.test(call.name) && call.args.length === 0) return [];
            if (system === 'string.join') return trace(call.args[0], 1);
            if (system === 'string.valueof' || system === 'string.escapesinglequotes') return trace(call.args[0]);
            if (level === 0 && SAME_TEXT.test(call.name)) return trace(receiver);
            if (level === 0 && /^toString$/i.test(call.name)) return trace(receiver);
            if (!call.targets.length && /^(get|values|clone|keySet)$/i.test(call.name)) {
                const owner = this.project.resolve(receiver, method);
                const isMap = owner.kind === 'type' && /^Map$/i.test(rawType(owner.type));
                if (/^get$/i.test(call.name)) return trace(receiver, level + 1);
                if (/^values$/i.test(call.name) && isMap) return trace(receiver, level);
                if (/^clone$/i.test(call.name)) return trace(receiver, level);
            }
        }
        if (call && !call.isNew && call.targets.length) return this.returns(call.targets, level, depth, seen);
        return this.unchecked(
            expr,
            method,
            level ? 'a collection not traced to the schema' : 'not traced to the schema'
        );
    }

    /** A variable: checked in its method, else whatever was assigned to it (or, for a parameter, passed). */
    private variable(
        name: string,
        at: Node,
        method: ApexMethodModel,
        level: number,
        depth: number,
        seen: Set<string>
    ): Unchecked[] {
        if (level === 0 && this.checked.get(method)?.has(name)) return [];
        const paramIndex = method.params.findIndex((p) => p.name.toLowerCase() === name);
        if (!method.locals.has(name)) {
            // A field of the class (or an outer class).
            for (let cls: typeof method.cls | undefined = method.cls; cls; cls = cls.outer) {
                const field = this.project.fieldOf(cls, name);
                if (field) return this.fieldValues(field.cls.name, field.field.name, method, level, depth, seen, at);
            }
            return this.unchecked(at, method, 'not traced to the schema');
        }
        const trace = (e: Node, l: number, m = method): Unchecked[] => this.trace(e, m, l, depth, seen);
        const out: Unchecked[] = [];
        let defined = false;
        for (const n of walk(method.body!)) {
            if (n instanceof LocalVariableDeclarationContext) {
                for (const d of n.variableDeclarators().variableDeclarator_list()) {
                    if (d.id().getText().toLowerCase() === name && d.expression()) {
                        defined = true;
                        out.push(...trace(d.expression()!, level));
                    }
                }
            } else if (n instanceof AssignExpressionContext && varName(n.expression(0)) === name) {
                defined = true;
                out.push(...trace(n.expression(1), level));
            } else if (n instanceof EnhancedForControlContext && n.id().getText().toLowerCase() === name) {
                defined = true;
                out.push(...trace(n.expression(), level + 1));
            } else if (
                level > 0 &&
                n instanceof DotExpressionContext &&
                n.dotMethodCall() &&
                varName(n.expression()) === name
            ) {
                out.push(...this.mutation(n, method, level, depth, seen));
            }
        }
        if (paramIndex >= 0) {
            defined = true;
            const callers = this.callers(method);
            if (!callers.length) {
                out.push(
                    ...this.unchecked(
                        at,
                        method,
                        `parameter ${method.params[paramIndex].name} of ${method.id}(), which no caller in the project checks`
                    )
                );
            }
            for (const { caller, args } of callers) {
                const arg = args[paramIndex];
                if (arg) out.push(...trace(arg, level, caller));
            }
        }
        return defined ? out : this.unchecked(at, method, 'not traced to the schema');
    }

    /** `list.add(x)`, `list.addAll(other)`, `map.put(k, v)`: what goes into a collection. */
    private mutation(
        call: DotExpressionContext,
        method: ApexMethodModel,
        level: number,
        depth: number,
        seen: Set<string>
    ): Unchecked[] {
        const name = call.dotMethodCall()!.anyId().getText();
        const args = call.dotMethodCall()!.expressionList()?.expression_list() ?? [];
        if (/^(add|put|set)$/i.test(name) && args.length)
            return this.trace(args[args.length - 1], method, level - 1, depth, seen);
        if (/^(addAll|putAll)$/i.test(name) && args.length) return this.trace(args[0], method, level, depth, seen);
        return [];
    }

    private field(
        expr: DotExpressionContext,
        method: ApexMethodModel,
        level: number,
        depth: number,
        seen: Set<string>
    ): Unchecked[] {
        const owner = this.project.resolve(expr.expression(), method);
        const member = expr.anyId()!.getText();
        const cls =
            owner.kind === 'class'
                ? owner.cls
                : owner.kind === 'type'
                  ? this.project.resolveType(owner.type, method.cls)
                  : undefined;
        const field = this.project.fieldOf(cls, member);
        if (!field) return this.unchecked(expr, method, 'not traced to the schema');
        return this.fieldValues(field.cls.name, field.field.name, method, level, depth, seen, expr);
    }

    /** Everything the project assigns to a field of a class (or puts in it, for a collection). */
    private fieldValues(
        className: string,
        fieldName: string,
        method: ApexMethodModel,
        level: number,
        depth: number,
        seen: Set<string>,
        at: Node
    ): Unchecked[] {
        const cls = this.project.classNamed(className)!;
        const field = cls.fields.get(fieldName.toLowerCase())!;
        const out: Unchecked[] = [];
        let defined = false;
        if (field.initializer) {
            defined = true;
            out.push(...this.trace(field.initializer, cls.methods[0] ?? method, level, depth, seen));
        }
        const isThisField = (target: Node, m: ApexMethodModel): boolean => {
            const inner = unwrap(target);
            if (inner instanceof DotExpressionContext && !inner.dotMethodCall()) {
                if (inner.anyId()!.getText().toLowerCase() !== fieldName.toLowerCase()) return false;
                const owner = this.project.resolve(inner.expression(), m);
                const ownerClass =
                    owner.kind === 'type'
                        ? this.project.resolveType(owner.type, m.cls)
                        : owner.kind === 'class'
                          ? owner.cls
                          : undefined;
                return ownerClass !== undefined && this.project.fieldOf(ownerClass, fieldName)?.cls === cls;
            }
            const name = varName(inner);
            return name === fieldName.toLowerCase() && !m.locals.has(name) && this.inScopeOf(m, cls);
        };
        for (const { node: n, method: m } of this.writesTo(fieldName)) {
            if (n instanceof AssignExpressionContext && isThisField(n.expression(0), m)) {
                defined = true;
                out.push(...this.trace(n.expression(1), m, level, depth, seen));
            } else if (level > 0 && n instanceof DotExpressionContext && isThisField(n.expression(), m)) {
                out.push(...this.mutation(n, m, level, depth, seen));
            }
        }
        return defined ? out : this.unchecked(at, method, `${cls.name}.${field.name}, which nothing sets`);
    }

    private writes?: Map<string, Array<{ node: Node; method: ApexMethodModel }>>;

    /** Assignments to, and method calls on, anything named `name` (`x.name = …`, `name.add(…)`). */
    private writesTo(name: string): Array<{ node: Node; method: ApexMethodModel }> {
        if (!this.writes) {
            this.writes = new Map();
            const add = (key: string, node: Node, method: ApexMethodModel): void => {
                const list = this.writes!.get(key) ?? [];
                list.push({ node, method });
                this.writes!.set(key, list);
            };
            const lastName = (target: Node): string | null => {
                const inner = unwrap(target);
                if (inner instanceof DotExpressionContext && !inner.dotMethodCall())
                    return inner.anyId()!.getText().toLowerCase();
                return varName(inner);
            };
            // Production writers only, as for callers.
            for (const m of this.project.methods().filter((x) => x.body && !x.cls.isTest)) {
                for (const n of walk(m.body!)) {
                    const key =
                        n instanceof AssignExpressionContext
                            ? lastName(n.expression(0))
                            : n instanceof DotExpressionContext && n.dotMethodCall()
                              ? lastName(n.expression())
                              : null;
                    if (key) add(key, n, m);
                }
            }
        }
        return this.writes.get(name.toLowerCase()) ?? [];
    }

    private inScopeOf(m: ApexMethodModel, cls: ReturnType<ApexProject['classNamed']>): boolean {
        for (let c: typeof m.cls | undefined = m.cls; c; c = c.outer) if (c === cls) return true;
        return false;
    }

    /** What project methods return. */
    private returns(targets: ApexMethodModel[], level: number, depth: number, seen: Set<string>): Unchecked[] {
        const out: Unchecked[] = [];
        for (const target of targets) {
            if (!target.body) continue;
            for (const n of walk(target.body)) {
                if (n instanceof ReturnStatementContext && n.expression()) {
                    out.push(...this.trace(n.expression()!, target, level, depth, seen));
                }
            }
        }
        return out;
    }
}

export const rule: ApexRule = {
    name: 'apex-dynamic-soql',
    run(context) {
        const provenance = new Provenance(context);
        const findings = new Map<string, Finding>();
        let queries = 0;
        for (const method of context.project.methods().filter((m) => !m.cls.isTest && m.body)) {
            for (const step of context.graph.steps(method)) {
                if (!step.call?.system || !QUERY_SINKS.test(step.call.system) || !step.call.args[0]) continue;
                queries += 1;
                for (const leaf of provenance.names(step.call.args[0], method)) {
                    const key = `${method.id}:${step.node.start.line}:${leaf.method.id}:${leaf.line}:${leaf.text}`;
                    findings.set(key, {
                        file: method.cls.unit.file,
                        line: step.node.start.line,
                        message: `${method.id}: the ${step.call.system} string concatenates ${leaf.text} (${leaf.method.id}, line ${leaf.line}): ${leaf.why}; look the name up in the schema first (WebexCallingSchema.readableField/readableObject, or describe.fields.getMap().get(name)) and concatenate the describe's getName()`
                    });
                }
            }
        }
        return {
            findings: [...findings.values()],
            summary: `${queries} dynamic quer(ies): every concatenated name traced to the schema`
        };
    }
};

if (isMain(import.meta)) runRules([rule]);
