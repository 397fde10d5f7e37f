/**
 * Apex test hygiene: a `Limits.*` reading compared to an absolute number after `Test.startTest()`, when
 * the test itself spent that limit in between, is wrong in an org. `Test.startTest()` gives the code
 * under test fresh limits, but whatever the test does after it counts too:
 * - every `System.runAs` counts as a DML statement (Apex Developer Guide, "Using the runAs Method":
 *   "Every call to runAs counts against the total number of DML statements issued in the process");
 * - a query, a search, DML or a job the test (or a test helper it calls) runs counts as such.
 * So `Assert.areEqual(0, Limits.getDmlStatements())` read inside a `System.runAs` opened after
 * `startTest` reads 1 in an org. Measure a delta instead: `Limits.getDmlStatements() - before`.
 */
import {
    AssignExpressionContext,
    ExpressionListContext,
    IdPrimaryContext,
    PrimaryExpressionContext,
    VariableDeclaratorContext,
    type DotExpressionContext
} from '@apexdevtools/apex-parser';
import type { EffectKind, Step } from '../lib/apex-graph.ts';
import {
    isConstant,
    type CallSite,
    operatorOf,
    outerExpression,
    walk,
    type ApexMethodModel,
    type Node
} from '../lib/apex-model.ts';
import { isMain, runRules, type ApexRule, type ApexRuleContext, type Finding } from '../lib/apex-rule.ts';

/** What the test may spend of each limit it reads. */
const SPENT_BY: Record<string, EffectKind[]> = {
    dmlstatements: ['dml', 'runas'],
    dmlrows: ['dml'],
    queries: ['soql'],
    queryrows: ['soql'],
    aggregatequeries: ['soql'],
    soslqueries: ['sosl'],
    callouts: ['callout'],
    queueablejobs: ['async'],
    futurecalls: ['async']
};

/** Assertions and which of their arguments are compared (the rest is the message). */
export const ASSERTIONS: Record<string, number> = {
    'assert.areequal': 2,
    'assert.arenotequal': 2,
    'assert.istrue': 1,
    'assert.isfalse': 1,
    'assert.isnull': 1,
    'assert.isnotnull': 1,
    'assert.isinstanceoftype': 1,
    'assert.isnotinstanceoftype': 1,
    'system.assert': 1,
    'system.assertequals': 2,
    'system.assertnotequals': 2
};

export const isTestMethod = (m: ApexMethodModel): boolean =>
    m.annotations.includes('istest') || m.modifiers.includes('testmethod');

/** Where a step happens: a `System.runAs` counts when it opens, anything else when it completes. */
const position = (step: Step): number =>
    step.effect?.kind === 'runas' ? step.node.start.tokenIndex : (step.node.stop ?? step.node.start).tokenIndex;

/** The assertion a node is a direct argument of, or null. */
export function assertionOf(value: Node, method: ApexMethodModel, context: ApexRuleContext): CallSite | null {
    const list = value.parentCtx as Node | null;
    if (!(list instanceof ExpressionListContext)) return null;
    const call = list.parentCtx?.parentCtx as Node | null | undefined;
    const site = call ? context.project.callAt(call, method) : null;
    return site?.system && ASSERTIONS[site.system.toLowerCase()] ? site : null;
}

/**
 * How a `Limits.getX()` reading is used: compared to a constant (directly, or through the variable it
 * is stored in) gives the constant's text; a delta, or any other use, gives null.
 */
function absoluteComparison(read: Node, method: ApexMethodModel, context: ApexRuleContext): string | null {
    const comparedTo = (value: Node): string | null => {
        const around = outerExpression(value);
        if (!around) return null;
        if (/^(==|!=|<|>|<=|>=|===|!==|<>)$/.test(operatorOf(around))) {
            const other = (around.children as Node[]).find((c) => c !== value && 'children' in c && c.start);
            return other && isConstant(other) ? other.getText() : null;
        }
        const site = assertionOf(value, method, context);
        if (site) {
            const args = site.args.slice(0, ASSERTIONS[site.system!.toLowerCase()]);
            const index = args.indexOf(value);
            if (index < 0) return null;
            const constant = args.find((a, i) => i !== index && isConstant(a));
            return constant ? constant.getText() : null;
        }
        return null;
    };
    const direct = comparedTo(read);
    if (direct) return direct;
    // Stored in a variable: `Integer writes = Limits.getDmlStatements();` then `Assert.areEqual(0, writes)`.
    const holder = outerExpression(read);
    let variable: string | null = null;
    if (holder instanceof VariableDeclaratorContext) variable = holder.id().getText();
    else if (holder instanceof AssignExpressionContext && operatorOf(holder) === '=') {
        variable = holder.expression(0).getText();
    }
    if (!variable || !method.body) return null;
    for (const use of walk(method.body)) {
        if (!(use instanceof PrimaryExpressionContext)) continue;
        const primary = use.primary();
        if (!(primary instanceof IdPrimaryContext) || primary.id().getText().toLowerCase() !== variable.toLowerCase()) {
            continue;
        }
        const constant = comparedTo(use);
        if (constant) return constant;
    }
    return null;
}

export const rule: ApexRule = {
    name: 'apex-test-limits',
    readsTests: true,
    run(context) {
        const findings: Finding[] = [];
        let reads = 0;
        for (const method of context.project.methods().filter((m) => m.cls.isTest && isTestMethod(m))) {
            const steps = context.testGraph
                .steps(method)
                .slice()
                .sort((a, b) => position(a) - position(b));
            const start = steps.find((s) => s.call?.system?.toLowerCase() === 'test.starttest');
            if (!start) continue;
            const stop = steps.find((s) => s.call?.system?.toLowerCase() === 'test.stoptest');
            for (const step of steps) {
                const limit = /^Limits\.get(\w+)$/i.exec(step.call?.system ?? '')?.[1]?.toLowerCase();
                if (!limit || position(step) < position(start) || (stop && position(step) > position(stop))) continue;
                reads += 1;
                const spentBy = SPENT_BY[limit] ?? [];
                const spent = steps.find((s) => {
                    if (position(s) <= position(start) || position(s) >= position(step) || s === step) return false;
                    const kinds = context.testGraph.kindsOf(s);
                    return spentBy.some((k) => kinds.has(k));
                });
                if (!spent) continue;
                const constant = absoluteComparison(step.node as DotExpressionContext, method, context);
                if (constant === null) continue;
                const kinds = context.testGraph.kindsOf(spent);
                const what = spentBy.map((k) => kinds.get(k)).find(Boolean) ?? 'it';
                findings.push({
                    file: method.cls.unit.file,
                    line: step.node.start.line,
                    message: `${method.id}: ${step.node.getText()} is compared to ${constant} after Test.startTest(), but the test's own ${what} (line ${spent.node.start.line}) counts against the same limit${spent.effect?.kind === 'runas' ? ' in an org (every System.runAs counts as a DML statement: Apex Developer Guide, "Using the runAs Method")' : ''}; measure a delta: read the limit just before the code under test and subtract`
                });
            }
        }
        return { findings, summary: `${reads} Limits reading(s) after Test.startTest() checked` };
    }
};

if (isMain(import.meta)) runRules([rule]);
