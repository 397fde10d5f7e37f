/**
 * Two governor-limit and transaction rules that need the call graph (`scripts/lib/apex-graph.ts`), since
 * the costly statement is usually a few calls away from where the mistake is:
 *
 * - **In a loop**: a SOQL query, SOSL search, DML statement (savepoints and rollbacks included),
 *   callout or asynchronous job reached from inside a loop, directly or through the methods called
 *   there. Each iteration spends the per-transaction limit again (Apex Developer Guide, "Execution
 *   Governors and Limits": 100 SOQL, 20 SOSL, 150 DML statements, 100 callouts, 50 jobs); bulk it.
 * - **Callout after uncommitted work**: on one path of a method, DML (or a savepoint, an enqueued job,
 *   an @future call) followed by something that makes a callout. The platform refuses that callout:
 *   "You have uncommitted work pending. Please commit or rollback before calling out" (Apex Developer
 *   Guide, "Invoking Callouts Using Apex"; help article 000385708; a savepoint must be released first,
 *   `Database.releaseSavepoint`, Spring '24). Paths follow if/else, switch, loops (twice round),
 *   try/catch/finally, return, throw, break and continue.
 *
 * A finding stays only when `config/apex-call-graph.json` accepts that one finding with its reason:
 * `{ "finding": "loop", "method": "Class.method", "via": "<what the loop reaches first>" }` or
 * `{ "finding": "callout after DML", "method": "Class.method", "dml": "<first hop>", "callout": "<first hop>" }`.
 */
import {
    BlockContext,
    BreakStatementContext,
    ContinueStatementContext,
    DoWhileStatementContext,
    ForStatementContext,
    IfStatementContext,
    LocalVariableDeclarationStatementContext,
    ReturnStatementContext,
    RunAsStatementContext,
    StatementContext,
    SwitchStatementContext,
    ThrowStatementContext,
    TryStatementContext,
    WhileStatementContext
} from '@apexdevtools/apex-parser';
import { loopAround, type ApexGraph, type EffectKind, type Step } from '../lib/apex-graph.ts';
import { ruleChildren, type ApexMethodModel, type Node } from '../lib/apex-model.ts';
import { isMain, readAllowList, runRules, type ApexRule, type Finding } from '../lib/apex-rule.ts';

interface Allowed {
    finding: 'loop' | 'callout after DML';
    method: string;
    via?: string;
    dml?: string;
    callout?: string;
    reason: string;
}

const LOOP_KINDS: EffectKind[] = ['soql', 'sosl', 'dml', 'publish', 'callout', 'async'];
const UNCOMMITTED: EffectKind[] = ['dml', 'async'];

/** The first hop of a step, for keys: the effect written there, or the project method called. */
function hopOf(step: Step, graph: ApexGraph): string {
    if (step.effect) return step.effect.what;
    const target = graph.targetsOf(step.call)[0];
    return target ? target.id : (step.call?.name ?? '?');
}

interface Found {
    key: Omit<Allowed, 'reason'>;
    finding: Finding;
}

function loopFindings(method: ApexMethodModel, graph: ApexGraph): Found[] {
    const found = new Map<string, Found>();
    for (const step of graph.steps(method)) {
        if (!method.body || !loopAround(step.node, method.body)) continue;
        const kinds = graph.kindsOf(step);
        const hit = LOOP_KINDS.filter((k) => kinds.has(k));
        if (!hit.length) continue;
        const via = hopOf(step, graph);
        if (found.has(via)) continue;
        found.set(via, {
            key: { finding: 'loop', method: method.id, via },
            finding: {
                file: method.cls.unit.file,
                line: step.node.start.line,
                message: `${method.id}: inside a loop, ${hit.map((k) => `${kinds.get(k)}`).join('; ')}: each iteration spends the transaction's limit again; collect first, then query/write/call once`
            }
        });
    }
    return [...found.values()];
}

/** What the path has left uncommitted: the step that did it, or null when nothing is pending. */
type Pending = { step: Step; what: string } | null;
/** A path's state, or `undefined` when no path reaches this point. */
type Flow = { pending: Pending } | undefined;

const merge = (...flows: Flow[]): Flow => {
    const live = flows.filter((f): f is { pending: Pending } => f !== undefined);
    if (!live.length) return undefined;
    return { pending: live.find((f) => f.pending)?.pending ?? null };
};

class CalloutAfterDml {
    private readonly graph: ApexGraph;
    private readonly method: ApexMethodModel;
    /** Per method, whether it may return (not throw) with uncommitted work. */
    private readonly returnsPending: Map<ApexMethodModel, boolean>;
    readonly found = new Map<Node, Found>();
    private readonly loopExits: Flow[][] = [];
    private readonly returns: Flow[] = [];

    constructor(graph: ApexGraph, method: ApexMethodModel, returnsPending: Map<ApexMethodModel, boolean>) {
        this.graph = graph;
        this.method = method;
        this.returnsPending = returnsPending;
    }

    /** The findings, and whether the method may return with work pending. */
    run(): { found: Found[]; returnsPending: boolean } {
        if (this.method.body) this.returns.push(this.block(this.method.body, { pending: null }));
        return { found: [...this.found.values()], returnsPending: Boolean(merge(...this.returns)?.pending) };
    }

    private apply(node: Node | null | undefined, flow: Flow): Flow {
        if (!node || !flow) return flow;
        let pending = flow.pending;
        for (const step of this.graph.stepsIn(node, this.method)) {
            if (step.effect?.kind === 'release') {
                pending = null;
                continue;
            }
            const kinds = this.graph.kindsOf(step);
            if (pending && kinds.has('callout') && !this.found.has(step.node)) {
                const dml = hopOf(pending.step, this.graph);
                const callout = hopOf(step, this.graph);
                this.found.set(step.node, {
                    key: { finding: 'callout after DML', method: this.method.id, dml, callout },
                    finding: {
                        file: this.method.cls.unit.file,
                        line: step.node.start.line,
                        message: `${this.method.id}: ${kinds.get('callout')} after ${pending.what} (line ${pending.step.node.start.line}) on one path: the platform refuses a callout after uncommitted work ("You have uncommitted work pending"); call out first, then write, or move the callout to a Queueable`
                    }
                });
            }
            // What a call leaves pending is what its callee may leave on return: work done on a path that
            // throws is rolled back with it, unless a catch here resumes (see the try statement).
            if (step.effect && UNCOMMITTED.includes(step.effect.kind)) pending = { step, what: step.effect.what };
            const leaves = this.graph.targetsOf(step.call).find((t) => this.returnsPending.get(t));
            if (leaves) {
                const kind = UNCOMMITTED.find((k) => this.graph.reach.get(leaves)?.has(k)) ?? 'dml';
                pending = { step, what: this.graph.chain(leaves, kind) };
            }
        }
        return { pending };
    }

    private block(block: BlockContext | null | undefined, flow: Flow): Flow {
        let current = flow;
        for (const statement of block?.statement_list() ?? []) current = this.statement(statement, current);
        return current;
    }

    private statement(statement: StatementContext | null | undefined, flow: Flow): Flow {
        if (!statement || !flow) return flow;
        const inner = ruleChildren(statement)[0];
        if (inner instanceof BlockContext) return this.block(inner, flow);
        if (inner instanceof IfStatementContext) {
            const afterCondition = this.apply(inner.parExpression(), flow);
            const [then, otherwise] = inner.statement_list();
            return merge(
                this.statement(then, afterCondition),
                otherwise ? this.statement(otherwise, afterCondition) : afterCondition
            );
        }
        if (inner instanceof SwitchStatementContext) {
            const afterSubject = this.apply(inner.expression(), flow);
            const whens = inner.whenControl_list();
            const hasElse = whens.some(
                (w) => /^when\s*else/i.test(w.getText()) || w.whenValue().getText().toLowerCase() === 'else'
            );
            const ends = whens.map((w) => this.block(w.block(), afterSubject));
            return merge(...ends, hasElse ? undefined : afterSubject);
        }
        if (inner instanceof ForStatementContext) {
            const control = inner.forControl();
            const enhanced = control.enhancedForControl();
            let start: Flow = flow;
            if (enhanced) start = this.apply(enhanced.expression(), start);
            else start = this.apply(control.forInit(), start);
            return this.loop(start, (f) => {
                let current = enhanced ? f : this.apply(control.expression(), f);
                current = this.statement(inner.statement(), current);
                return enhanced ? current : this.apply(control.forUpdate(), current);
            });
        }
        if (inner instanceof WhileStatementContext) {
            return this.loop(this.apply(inner.parExpression(), flow), (f) =>
                this.apply(inner.parExpression(), this.statement(inner.statement(), f))
            );
        }
        if (inner instanceof DoWhileStatementContext) {
            const once = this.apply(inner.parExpression(), this.block(inner.block(), flow));
            return this.loop(once, (f) => this.apply(inner.parExpression(), this.block(inner.block(), f)));
        }
        if (inner instanceof TryStatementContext) {
            const afterTry = this.block(inner.block(), flow);
            // A catch starts from any point of the try: before it, or with whatever the try left pending.
            const tryPending = this.graph
                .stepsIn(inner.block(), this.method)
                .find((s) => UNCOMMITTED.some((k) => this.graph.kindsOf(s).has(k)));
            const catchStart = merge(
                flow,
                tryPending ? { pending: { step: tryPending, what: "the try block's DML" } } : flow
            );
            const afterCatches = inner.catchClause_list().map((c) => this.block(c.block(), catchStart));
            const joined = merge(afterTry, ...afterCatches);
            const finallyBlock = inner.finallyBlock();
            return finallyBlock ? this.block(finallyBlock.block(), merge(joined, catchStart)) : joined;
        }
        if (inner instanceof ReturnStatementContext) {
            this.returns.push(this.apply(inner, flow));
            return undefined;
        }
        if (inner instanceof ThrowStatementContext) {
            this.apply(inner, flow);
            return undefined;
        }
        if (inner instanceof BreakStatementContext || inner instanceof ContinueStatementContext) {
            this.loopExits.at(-1)?.push(flow);
            return undefined;
        }
        if (inner instanceof RunAsStatementContext) return this.block(inner.block(), flow);
        if (inner instanceof LocalVariableDeclarationStatementContext) return this.apply(inner, flow);
        return this.apply(inner, flow);
    }

    /** A loop body run twice (what one iteration leaves pending meets the next), then the exits. */
    private loop(start: Flow, body: (flow: Flow) => Flow): Flow {
        this.loopExits.push([]);
        const first = body(start);
        const second = body(merge(start, first));
        const exits = this.loopExits.pop() ?? [];
        return merge(start, first, second, ...exits);
    }
}

const matches = (allowed: Allowed, key: Found['key']): boolean =>
    allowed.finding === key.finding &&
    allowed.method.toLowerCase() === key.method.toLowerCase() &&
    (key.finding === 'loop'
        ? allowed.via?.toLowerCase() === key.via?.toLowerCase()
        : allowed.dml?.toLowerCase() === key.dml?.toLowerCase() &&
          allowed.callout?.toLowerCase() === key.callout?.toLowerCase());

export const rule: ApexRule = {
    name: 'apex-call-graph',
    run(context) {
        const { file, entries, problems } = readAllowList<Allowed>('apex-call-graph.json');
        const findings: Finding[] = [...problems];
        const used = new Set<Allowed>();
        const methods = context.project.methods().filter((m) => !m.cls.isTest && m.body);
        let accepted = 0;
        // Which methods may return with work pending: to a fixpoint, since that depends on their callees.
        const returnsPending = new Map<ApexMethodModel, boolean>();
        for (let changed = true, rounds = 0; changed && rounds < 20; rounds += 1) {
            changed = false;
            for (const method of methods) {
                const pending = new CalloutAfterDml(context.graph, method, returnsPending).run().returnsPending;
                if (pending && !returnsPending.get(method)) {
                    returnsPending.set(method, true);
                    changed = true;
                }
            }
        }
        for (const method of methods) {
            const afterDml = new CalloutAfterDml(context.graph, method, returnsPending).run().found;
            for (const found of [...loopFindings(method, context.graph), ...afterDml]) {
                const allowed = entries.find((e) => matches(e, found.key));
                if (allowed) {
                    used.add(allowed);
                    accepted += 1;
                    continue;
                }
                findings.push({
                    ...found.finding,
                    message: `${found.finding.message} [to accept it, config/apex-call-graph.json: ${JSON.stringify(found.key)} with a reason]`
                });
            }
        }
        for (const entry of entries.filter((e) => !used.has(e))) {
            findings.push({
                file,
                message: `accepted finding no longer occurs: ${JSON.stringify(entry)}: remove it from the list`
            });
        }
        const edges = methods.reduce(
            (sum, m) => sum + context.graph.steps(m).filter((s) => s.call?.targets.length).length,
            0
        );
        return {
            findings,
            summary: `${methods.length} methods, ${edges} resolved calls: no query, DML, callout or job in a loop and no callout after DML (${accepted} accepted in config/apex-call-graph.json)`
        };
    }
};

if (isMain(import.meta)) runRules([rule]);
