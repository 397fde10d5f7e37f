/**
 * Exception text must not reach the browser. The message of an unexpected exception names objects,
 * fields, record IDs and internal state (a DmlException's message lists the field and the record); an
 * `AuraHandledException` hands its message to the component as is, and a Visualforce page shows what its
 * controller exposes. So a caught exception's message (`e.getMessage()`, `getStackTraceString()`,
 * `getDmlMessage(i)`, or a variable, expression or method result holding one), directly or through the
 * project's methods, is reported when it reaches:
 * - an AuraHandledException (built, returned or `setMessage`), or an `@AuraEnabled` field of an object
 *   returned to a component;
 * - what a Visualforce page reads from its controller or extension (a class a page or component names
 *   in `controller=` or `extensions=`): a public or global property or field, a public getter `getX()`;
 * - a page message: `ApexPages.addMessage(…)`, `new ApexPages.Message(severity, summary, detail)`, and
 *   `ApexPages.addMessages(e)`, which shows the exception's own message.
 *
 * A `WebexException`'s message is the package's own text for users (a custom label), by design: it is
 * not a source, and neither is what its methods return (`messageForUser`, `unexpected`, `toAuraHandled`
 * decide what a user may read: the package's own text, else the generic label and a reference).
 * Everything else that is an exception is.
 */
import {
    AssignExpressionContext,
    IdPrimaryContext,
    LocalVariableDeclarationContext,
    NewExpressionContext,
    PrimaryExpressionContext,
    ReturnStatementContext,
    DotExpressionContext
} from '@apexdevtools/apex-parser';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
    operatorOf,
    rawType,
    walk,
    type ApexClassModel,
    type ApexField,
    type ApexMethodModel,
    type Node
} from '../lib/apex-model.ts';
import { isMain, runRules, type ApexRule, type ApexRuleContext, type Finding } from '../lib/apex-rule.ts';
import { ROOT, findFiles } from '../lib/project.ts';

/** Exceptions whose message is written for the user. */
const USER_FACING = new Set(['webexexception', 'aurahandledexception']);
const MESSAGE_METHODS = /^(getMessage|getStackTraceString|getDmlMessage|getDmlFieldNames|getDmlFields)$/i;
const MSG = 'msg';

type Labels = Set<string>;

interface MethodTaint {
    /** Per variable (lower case), the labels it may hold: `msg`, or `p<i>` for parameter i. */
    vars: Map<string, Labels>;
}

/** What the rule learns about the project as it goes. */
interface Knowledge {
    /** Methods that may return an exception's message (`failureOf(e)` building an outcome from `e.getMessage()`). */
    returnsMessage: Set<ApexMethodModel>;
    /** Classes a Visualforce page or component uses as controller or extension (lower-case names). */
    visualforce: Set<string>;
}

/** The classes Visualforce pages and components name as `controller` or `extensions`: the page reads them. */
export function visualforceControllers(root = ROOT): Set<string> {
    const names = new Set<string>();
    for (const file of findFiles(path.join(root, 'force-app'), /\.(page|component)$/)) {
        const source = readFileSync(file, 'utf8');
        // `controller=` and `extensions=`, not `standardController=` (a standard object's, no Apex).
        for (const match of source.matchAll(/(?<![\w])(controller|extensions)\s*=\s*["']([^"']+)["']/gi)) {
            for (const name of match[2].split(',')) names.add(name.trim().toLowerCase());
        }
    }
    return names;
}

/** The modifiers of a field or property: on the class body declaration above it. */
function fieldModifiers(field: ApexField): string[] {
    for (let n = field.node.parentCtx as Node | null; n; n = n.parentCtx as Node | null) {
        const holder = n as unknown as { modifier_list?: () => Array<{ getText(): string }> };
        if (typeof holder.modifier_list === 'function')
            return holder.modifier_list().map((m) => m.getText().toLowerCase());
    }
    return [];
}

const visible = (modifiers: string[]): boolean => modifiers.includes('public') || modifiers.includes('global');

const isVisualforceController = (cls: ApexClassModel, knowledge: Knowledge): boolean =>
    knowledge.visualforce.has(cls.name.toLowerCase());

/** A getter Visualforce calls for `{!x}`: public `getX()` without parameters, returning a value. */
const isVisualforceGetter = (method: ApexMethodModel): boolean =>
    /^get\w/i.test(method.name) &&
    method.params.length === 0 &&
    !/^void$/i.test(method.returnType) &&
    visible(method.modifiers);

function isExceptionType(type: string): boolean {
    const raw = rawType(type)
        .toLowerCase()
        .replace(/^system\./, '');
    return raw === 'exception' || raw.endsWith('exception');
}

export const rule: ApexRule = {
    name: 'apex-aura-message',
    run(context) {
        const methods = context.project.methods().filter((m) => !m.cls.isTest && m.body);
        /** Per method, the parameters whose value reaches a sink. */
        const sinkParams = new Map<ApexMethodModel, Set<number>>();
        const knowledge: Knowledge = { returnsMessage: new Set(), visualforce: visualforceControllers() };
        const findings = new Map<string, Finding>();
        let changed = true;
        let rounds = 0;
        while (changed && rounds < 10) {
            changed = false;
            rounds += 1;
            for (const method of methods) {
                const taint = taintOf(method, context, knowledge);
                if (!knowledge.returnsMessage.has(method) && returnsMessage(method, taint, context, knowledge)) {
                    knowledge.returnsMessage.add(method);
                    changed = true;
                }
                for (const sink of sinksOf(method, context, sinkParams, knowledge)) {
                    if (sink.exception) {
                        const shown = context.project.resolve(sink.value, method);
                        if (
                            shown.kind === 'type' &&
                            isExceptionType(shown.type) &&
                            !USER_FACING.has(rawType(shown.type).toLowerCase())
                        ) {
                            const key = `${method.cls.unit.file}:${sink.value.start.line}:${sink.what}`;
                            findings.set(key, {
                                file: method.cls.unit.file,
                                line: sink.value.start.line,
                                message: `${method.id}: ${sink.what} shows the message of a caught exception (${sink.value.getText().slice(0, 100)}): that text names objects, fields and records and reaches the browser; give the user a label (and a reference), keep the detail server-side`
                            });
                        }
                        continue;
                    }
                    const labels = labelsOf(sink.value, method, taint, context, knowledge);
                    if (labels.has(MSG)) {
                        const key = `${method.cls.unit.file}:${sink.value.start.line}:${sink.what}`;
                        findings.set(key, {
                            file: method.cls.unit.file,
                            line: sink.value.start.line,
                            message: `${method.id}: ${sink.what} is built from a caught exception's message (${sink.value.getText().slice(0, 100)}): that text names objects, fields and records and reaches the browser; give the user a label (and a reference), keep the detail server-side`
                        });
                    }
                    for (const label of labels) {
                        const index = /^p(\d+)$/.exec(label)?.[1];
                        if (index === undefined) continue;
                        const set = sinkParams.get(method) ?? new Set<number>();
                        if (!set.has(Number(index))) {
                            set.add(Number(index));
                            sinkParams.set(method, set);
                            changed = true;
                        }
                    }
                }
            }
        }
        return {
            findings: [...findings.values()],
            summary: `${methods.length} methods, ${knowledge.visualforce.size} Visualforce controllers: no exception message reaches an AuraHandledException, an @AuraEnabled field or what a Visualforce page shows`
        };
    }
};

/**
 * Whether a method may return an exception's message. WebexException's methods are where the package decides
 * what a user may read: what they return is not a source.
 */
function returnsMessage(
    method: ApexMethodModel,
    taint: MethodTaint,
    context: ApexRuleContext,
    knowledge: Knowledge
): boolean {
    if (USER_FACING.has(method.cls.name.toLowerCase())) return false;
    for (const n of walk(method.body!)) {
        const value = n instanceof ReturnStatementContext ? n.expression() : null;
        if (value && labelsOf(value, method, taint, context, knowledge).has(MSG)) return true;
    }
    return false;
}

/** Flow-insensitive: what each variable of a method may hold. */
function taintOf(method: ApexMethodModel, context: ApexRuleContext, knowledge: Knowledge): MethodTaint {
    const vars = new Map<string, Labels>();
    method.params.forEach((p, i) => vars.set(p.name.toLowerCase(), new Set([`p${i}`])));
    const taint: MethodTaint = { vars };
    const assignments: Array<{ name: string; value: Node }> = [];
    for (const n of walk(method.body!)) {
        if (n instanceof LocalVariableDeclarationContext) {
            for (const d of n.variableDeclarators().variableDeclarator_list()) {
                const value = d.expression();
                if (value) assignments.push({ name: d.id().getText().toLowerCase(), value });
            }
        } else if (n instanceof AssignExpressionContext) {
            const target = n.expression(0);
            if (target instanceof PrimaryExpressionContext && target.primary() instanceof IdPrimaryContext) {
                assignments.push({ name: target.getText().toLowerCase(), value: n.expression(1) });
            }
        }
    }
    let changed = true;
    while (changed) {
        changed = false;
        for (const { name, value } of assignments) {
            const labels = labelsOf(value, method, taint, context, knowledge);
            const current = vars.get(name) ?? new Set<string>();
            const before = current.size;
            for (const label of labels) current.add(label);
            vars.set(name, current);
            if (current.size !== before) changed = true;
        }
    }
    return taint;
}

/**
 * The labels an expression may carry: any part of it that is a message, a tainted variable, or the result of a
 * method that may return a message.
 */
function labelsOf(
    expr: Node,
    method: ApexMethodModel,
    taint: MethodTaint,
    context: ApexRuleContext,
    knowledge: Knowledge
): Labels {
    const labels = new Set<string>();
    const visit = (n: Node): void => {
        const call = context.project.callAt(n, method);
        if (call?.targets.some((target) => knowledge.returnsMessage.has(target))) labels.add(MSG);
        if (n instanceof DotExpressionContext && n.dotMethodCall()) {
            const name = n.dotMethodCall()!.anyId().getText();
            if (MESSAGE_METHODS.test(name)) {
                const receiver = context.project.resolve(n.expression(), method);
                if (receiver.kind === 'type' && isExceptionType(receiver.type)) {
                    if (!USER_FACING.has(rawType(receiver.type).toLowerCase())) labels.add(MSG);
                }
            }
        }
        if (n instanceof PrimaryExpressionContext) {
            const primary = n.primary();
            if (primary instanceof IdPrimaryContext) {
                for (const label of taint.vars.get(primary.id().getText().toLowerCase()) ?? []) labels.add(label);
            }
        }
        for (const child of n.children ?? []) {
            if (child && typeof child === 'object' && 'children' in child) visit(child as Node);
        }
    };
    visit(expr);
    return labels;
}

interface Sink {
    value: Node;
    what: string;
    /** The value is an exception whose own message is shown (`ApexPages.addMessages(e)`). */
    exception?: boolean;
}

/** The field an assignment writes: `x.f = …`, `this.f = …`, or a bare `f = …` that is no local. */
function assignedField(
    target: Node,
    method: ApexMethodModel,
    context: ApexRuleContext
): { field: ApexField; cls: ApexClassModel } | undefined {
    if (target instanceof DotExpressionContext && !target.dotMethodCall()) {
        const owner = context.project.resolve(target.expression(), method);
        const cls = owner.kind === 'type' ? context.project.resolveType(owner.type, method.cls) : undefined;
        return context.project.fieldOf(cls, target.anyId()!.getText());
    }
    if (target instanceof PrimaryExpressionContext && target.primary() instanceof IdPrimaryContext) {
        const name = target.getText();
        if (method.locals.has(name.toLowerCase())) return undefined;
        for (let cls: ApexClassModel | undefined = method.cls; cls; cls = cls.outer) {
            const field = context.project.fieldOf(cls, name);
            if (field) return field;
        }
    }
    return undefined;
}

/** Where text goes to the browser in a method. */
function sinksOf(
    method: ApexMethodModel,
    context: ApexRuleContext,
    sinkParams: Map<ApexMethodModel, Set<number>>,
    knowledge: Knowledge
): Sink[] {
    const sinks: Sink[] = [];
    const returnsAura =
        rawType(method.returnType)
            .toLowerCase()
            .replace(/^system\./, '') === 'aurahandledexception';
    const pageGetter = isVisualforceController(method.cls, knowledge) && isVisualforceGetter(method);
    for (const n of walk(method.body!)) {
        if (n instanceof NewExpressionContext) {
            const type = rawType(n.creator().createdName().getText())
                .toLowerCase()
                .replace(/^system\./, '');
            if (type === 'aurahandledexception') {
                const call = context.project.callAt(n, method);
                for (const arg of call?.args ?? []) sinks.push({ value: arg, what: 'new AuraHandledException(…)' });
            }
        }
        if (n instanceof ReturnStatementContext && returnsAura && n.expression()) {
            sinks.push({ value: n.expression()!, what: `the AuraHandledException ${method.id}() returns` });
        }
        if (n instanceof ReturnStatementContext && pageGetter && n.expression()) {
            sinks.push({ value: n.expression()!, what: `Visualforce getter ${method.id}()` });
        }
        const call = context.project.callAt(n, method);
        const system = call?.system?.toLowerCase();
        if (system === 'apexpages.addmessage' && call!.args[0]) {
            sinks.push({ value: call!.args[0], what: 'ApexPages.addMessage(…)' });
        }
        if (system === 'apexpages.addmessages' && call!.args[0]) {
            sinks.push({ value: call!.args[0], what: 'ApexPages.addMessages(…)', exception: true });
        }
        if (system === 'new apexpages.message') {
            for (const arg of call!.args.slice(1)) sinks.push({ value: arg, what: 'new ApexPages.Message(…)' });
        }
        if (call && !call.isNew) {
            if (
                call.name.toLowerCase() === 'setmessage' &&
                call.args.length === 1 &&
                n instanceof DotExpressionContext
            ) {
                const receiver = context.project.resolve(n.expression(), method);
                if (receiver.kind === 'type' && rawType(receiver.type).toLowerCase().endsWith('aurahandledexception')) {
                    sinks.push({ value: call.args[0], what: 'AuraHandledException.setMessage(…)' });
                }
            }
            for (const target of call.targets) {
                for (const index of sinkParams.get(target) ?? []) {
                    const arg = call.args[index];
                    if (arg) sinks.push({ value: arg, what: `the message ${target.id}() hands to the browser` });
                }
            }
        }
        if (n instanceof AssignExpressionContext && operatorOf(n).endsWith('=')) {
            const field = assignedField(n.expression(0), method, context);
            if (
                field?.field.annotations.includes('auraenabled') &&
                !(n.expression(0) instanceof PrimaryExpressionContext)
            ) {
                sinks.push({
                    value: n.expression(1),
                    what: `@AuraEnabled field ${field.cls.name}.${field.field.name}`
                });
            } else if (field && isVisualforceController(field.cls, knowledge) && visible(fieldModifiers(field.field))) {
                sinks.push({
                    value: n.expression(1),
                    what: `Visualforce controller property ${field.cls.name}.${field.field.name}`
                });
            }
        }
    }
    return sinks;
}

if (isMain(import.meta)) runRules([rule]);
