/**
 * The call graph over the project's Apex and what each method may do to the transaction, directly or
 * through the methods it calls: query (SOQL, SOSL), write (DML, and what the platform counts as
 * uncommitted work: savepoints, rollbacks, Publish After Commit events), publish Publish Immediately
 * events, call out (HTTP), start asynchronous work (Queueable, batch, @future, schedule).
 *
 * Which platform calls count as what comes from the Apex Developer Guide:
 * - "Execution Governors and Limits" (SOQL, SOSL, DML statements, callouts);
 * - "Transaction Control": each `Database.setSavepoint` and `Database.rollback` counts as a DML statement;
 * - "Invoking Callouts Using Apex" / help article 000385708 ("You have uncommitted work pending"): a
 *   callout after DML, after a savepoint not released (`Database.releaseSavepoint`, Spring '24), or after
 *   `System.enqueueJob`, `Database.executeBatch` or an @future call in the same transaction fails;
 * - Winter '21 release notes, "Make Apex Callouts After Publishing Platform Event Messages": an event
 *   defined with Publish Immediately is not part of the transaction (callouts may follow; it has its own
 *   limit of 150 `EventBus.publish` calls); a Publish After Commit event is DML.
 *
 * Calls are resolved by the model (`apex-model.ts`): by class, name, arity and, among overloads, the kind
 * of argument; a call on an interface or virtual class reaches every override. Not followed: reflection
 * (`Type.forName(...).newInstance()`, `Callable`), triggers, and jobs (they run in a transaction of
 * their own).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
    DeleteStatementContext,
    DoWhileStatementContext,
    ForStatementContext,
    InsertStatementContext,
    MergeStatementContext,
    RunAsStatementContext,
    SoqlLiteralContext,
    SoslLiteralContext,
    UndeleteStatementContext,
    UpdateStatementContext,
    UpsertStatementContext,
    WhileStatementContext
} from '@apexdevtools/apex-parser';
import { DEFAULT_DIR } from './project.ts';
import {
    elementType,
    ruleChildren,
    type ApexMethodModel,
    type ApexProject,
    type CallSite,
    type Node
} from './apex-model.ts';

export type EffectKind = 'soql' | 'sosl' | 'dml' | 'publish' | 'callout' | 'async' | 'release' | 'runas';

export interface Effect {
    kind: EffectKind;
    node: Node;
    /** What it is, for messages: `insert`, `Database.query`, `Http.send`, `@future X.m`. */
    what: string;
}

const SYSTEM_EFFECTS: Array<[RegExp, EffectKind]> = [
    [
        /^Database\.(query|queryWithBinds|countQuery|countQueryWithBinds|getQueryLocator|getQueryLocatorWithBinds|getCursor|getCursorWithBinds)$/i,
        'soql'
    ],
    [/^Search\.(query|find|suggest)$/i, 'sosl'],
    [
        /^Database\.(insert|update|upsert|delete|undelete|merge|convertLead|emptyRecycleBin|setSavepoint|rollback|insertAsync|updateAsync|deleteAsync|insertImmediate|updateImmediate|deleteImmediate)$/i,
        'dml'
    ],
    [/^(Http\.send|WebServiceCallout\.invoke|PageReference\.getContent|PageReference\.getContentAsPDF)$/i, 'callout'],
    [/^(System\.enqueueJob|Database\.executeBatch|System\.schedule|System\.scheduleBatch)$/i, 'async'],
    [/^Database\.releaseSavepoint$/i, 'release']
];

const DML_STATEMENTS: Array<[abstract new (...args: never[]) => unknown, string]> = [
    [InsertStatementContext, 'insert'],
    [UpdateStatementContext, 'update'],
    [UpsertStatementContext, 'upsert'],
    [DeleteStatementContext, 'delete'],
    [UndeleteStatementContext, 'undelete'],
    [MergeStatementContext, 'merge']
];

/** One step of a method's body, in evaluation order: a call, or an effect written in place. */
export interface Step {
    node: Node;
    call?: CallSite;
    effect?: Effect;
}

export class ApexGraph {
    readonly project: ApexProject;
    /** Which methods the graph follows (production code only, by default). */
    private readonly follows: (m: ApexMethodModel) => boolean;
    private readonly stepsCache = new Map<ApexMethodModel, Step[]>();
    /** Per method and kind, how it gets there: directly (`effect`) or through a call (`via`). */
    readonly reach = new Map<
        ApexMethodModel,
        Map<EffectKind, { effect?: Effect; via?: ApexMethodModel; node: Node }>
    >();

    constructor(project: ApexProject, follows: (m: ApexMethodModel) => boolean) {
        this.project = project;
        this.follows = follows;
        this.computeReach();
    }

    /** Whether a call runs its target in this transaction (an @future method runs later, on its own). */
    static isAsyncTarget(m: ApexMethodModel): boolean {
        return m.annotations.includes('future');
    }

    /** The effect a step has by itself (not through what it calls). */
    effectOf(node: Node, call: CallSite | null): Effect | null {
        if (node instanceof SoqlLiteralContext) return { kind: 'soql', node, what: 'SOQL query' };
        if (node instanceof SoslLiteralContext) return { kind: 'sosl', node, what: 'SOSL search' };
        if (node instanceof RunAsStatementContext) return { kind: 'runas', node, what: 'System.runAs' };
        for (const [type, what] of DML_STATEMENTS) if (node instanceof type) return { kind: 'dml', node, what };
        if (call?.system && /^EventBus\.publish$/i.test(call.system)) {
            // Publish Immediately events are not part of the transaction: callouts may follow (Winter '21
            // release notes, "Make Apex Callouts After Publishing Platform Event Messages"); they count
            // against their own limit. Publish After Commit events are DML.
            const immediate = call.args[0] && this.publishesImmediately(call.args[0], node);
            return immediate
                ? { kind: 'publish', node, what: 'EventBus.publish (Publish Immediately)' }
                : { kind: 'dml', node, what: 'EventBus.publish' };
        }
        if (call?.system) {
            for (const [pattern, kind] of SYSTEM_EFFECTS) {
                if (pattern.test(call.system)) return { kind, node, what: call.system };
            }
        }
        const future = call?.targets.find((t) => ApexGraph.isAsyncTarget(t));
        if (future) return { kind: 'async', node, what: `@future ${future.id}` };
        return null;
    }

    private readonly behaviors = new Map<string, string | undefined>();

    /** Whether the platform event an expression holds is defined with Publish Immediately. */
    private publishesImmediately(event: Node, at: Node): boolean {
        const method = this.project.methodAt(at);
        const resolved = this.project.resolve(event, method);
        const type = resolved.kind === 'type' ? (elementType(resolved.type) ?? resolved.type) : undefined;
        if (!type || !/__e$/i.test(type)) return false;
        const name = type.replace(/^.*\./, '');
        if (!this.behaviors.has(name)) {
            const file = path.join(DEFAULT_DIR, 'objects', name, `${name}.object-meta.xml`);
            const xml = existsSync(file) ? readFileSync(file, 'utf8') : '';
            this.behaviors.set(name, /<publishBehavior>\s*(\w+)\s*</.exec(xml)?.[1]);
        }
        return this.behaviors.get(name) === 'PublishImmediately';
    }

    /** The steps of a method body in evaluation order. */
    steps(method: ApexMethodModel): Step[] {
        const cached = this.stepsCache.get(method);
        if (cached) return cached;
        const steps = method.body ? this.stepsIn(method.body, method) : [];
        this.stepsCache.set(method, steps);
        return steps;
    }

    /** The steps under any node of a method, in evaluation order. */
    stepsIn(root: Node, method: ApexMethodModel): Step[] {
        const steps: Step[] = [];
        const visit = (n: Node): void => {
            for (const child of ruleChildren(n)) visit(child);
            const call = this.project.callAt(n, method);
            const effect = this.effectOf(n, call);
            if (call || effect) steps.push({ node: n, call: call ?? undefined, effect: effect ?? undefined });
        };
        visit(root);
        return steps;
    }

    /** The project methods a call runs now, in this transaction, among those the graph follows. */
    targetsOf(call: CallSite | undefined): ApexMethodModel[] {
        return (call?.targets ?? []).filter((t) => this.follows(t) && !ApexGraph.isAsyncTarget(t));
    }

    private computeReach(): void {
        const methods = this.project.methods().filter(this.follows);
        for (const m of methods) {
            const own = new Map<EffectKind, { effect?: Effect; via?: ApexMethodModel; node: Node }>();
            for (const step of this.steps(m)) {
                if (step.effect && step.effect.kind !== 'release' && !own.has(step.effect.kind)) {
                    own.set(step.effect.kind, { effect: step.effect, node: step.node });
                }
            }
            this.reach.set(m, own);
        }
        let changed = true;
        while (changed) {
            changed = false;
            for (const m of methods) {
                const own = this.reach.get(m)!;
                for (const step of this.steps(m)) {
                    for (const target of this.targetsOf(step.call)) {
                        for (const kind of this.reach.get(target)?.keys() ?? []) {
                            if (!own.has(kind)) {
                                own.set(kind, { via: target, node: step.node });
                                changed = true;
                            }
                        }
                    }
                }
            }
        }
    }

    /** The kinds a step may have, itself or through what it calls. */
    kindsOf(step: Step): Map<EffectKind, string> {
        const kinds = new Map<EffectKind, string>();
        if (step.effect) kinds.set(step.effect.kind, step.effect.what);
        for (const target of this.targetsOf(step.call)) {
            for (const kind of this.reach.get(target)?.keys() ?? []) {
                if (!kinds.has(kind)) kinds.set(kind, this.chain(target, kind));
            }
        }
        return kinds;
    }

    /** `A.b() → C.d() → insert (line 12)`: how a method reaches a kind. */
    chain(method: ApexMethodModel, kind: EffectKind): string {
        const parts: string[] = [];
        const seen = new Set<ApexMethodModel>();
        for (let m: ApexMethodModel | undefined = method; m && !seen.has(m);) {
            seen.add(m);
            const how: { effect?: Effect; via?: ApexMethodModel } | undefined = this.reach.get(m)?.get(kind);
            parts.push(`${m.id}()`);
            if (!how) break;
            if (how.effect) {
                parts.push(`${how.effect.what} (line ${how.effect.node.start.line})`);
                break;
            }
            m = how.via;
        }
        return parts.join(' → ');
    }
}

/** Whether a node runs once per iteration of a loop of its method (a for-each's collection runs once). */
export function loopAround(node: Node, stop: Node): Node | null {
    let child = node;
    for (let n = node.parentCtx as Node | null; n && n !== stop; n = n.parentCtx as Node | null) {
        if (n instanceof WhileStatementContext || n instanceof DoWhileStatementContext) return n;
        if (n instanceof ForStatementContext) {
            const control = n.forControl();
            const enhanced = control.enhancedForControl();
            if (child === n.statement()) return n;
            if (!enhanced && child === control) {
                // Condition and update run each time; the initializer once.
                const init = control.forInit();
                if (!init || !containsNode(init, node)) return n;
            }
        }
        child = n;
    }
    return null;
}

function containsNode(outer: Node, inner: Node): boolean {
    for (let n: Node | null = inner; n; n = n.parentCtx as Node | null) if (n === outer) return true;
    return false;
}
