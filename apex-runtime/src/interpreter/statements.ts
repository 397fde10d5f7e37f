/**
 * Statement execution (Apex Developer Guide › Control Flow Statements, Exception Statements, DML).
 * Each returns how control leaves it (normal, break, continue, return) instead of throwing, so
 * loops cost no JS exceptions.
 */
import type * as ast from '../syntax/ast.ts';
import { UnsupportedApexError } from '../errors.ts';
import { isApexSignal, nullPointerException } from '../values/signal.ts';
import type { ApexType, ApexValue } from './model.ts';
import { ApexEnumValue, ApexObject, NativeObject } from './model.ts';
import { ApexList, ApexSet } from './collections.ts';
import { BREAK, CONTINUE, NORMAL, RETURN, Scope } from './frame.ts';
import type { Completion, Frame } from './frame.ts';
import { ApexThrow, isUncatchable } from './exceptions.ts';
import { isInstanceOf } from './types.ts';
import { isSubclass } from './types.ts';
import { evalExpr } from './expressions.ts';
import type { Interpreter } from './interpreter.ts';
import { lc } from './interpreter.ts';

/** SOQL for loops hand out records in batches of 200 (Apex Developer Guide › SOQL For Loops). */
const SOQL_BATCH = 200;

interface BlockInfo {
    $declares?: boolean;
}

/** Whether a block declares locals directly (only then does it need a scope of its own). */
function declares(b: ast.Block): boolean {
    const info = b as ast.Block & BlockInfo;
    if (info.$declares === undefined) info.$declares = b.stmts.some((s) => s.kind === 'localVar');
    return info.$declares;
}

/** Runs a block's statements (from `start`) in a new scope when it declares locals. */
export function execBlock(it: Interpreter, b: ast.Block, f: Frame, start = 0): Completion {
    const stmts = b.stmts;
    if (!declares(b)) {
        for (let i = start; i < stmts.length; i++) {
            const c = execStmt(it, stmts[i] as ast.Stmt, f);
            if (c !== NORMAL) return c;
        }
        return NORMAL;
    }
    const saved = f.scope;
    f.scope = new Scope(saved);
    try {
        for (let i = start; i < stmts.length; i++) {
            const c = execStmt(it, stmts[i] as ast.Stmt, f);
            if (c !== NORMAL) return c;
        }
        return NORMAL;
    } finally {
        f.scope = saved;
    }
}

function declare(it: Interpreter, s: ast.LocalVarStmt, f: Frame): void {
    const t = it.resolveType(s.type, f.cls);
    for (const d of s.declarators) {
        const v = d.init ? it.coerceTo(evalExpr(it, d.init, f), t) : null;
        f.scope.vars.set(lc(d), { value: v, type: t });
    }
}

/** Executes one statement. */
export function execStmt(it: Interpreter, s: ast.Stmt, f: Frame): Completion {
    f.line = s.line;
    if (it.onStatement !== null) it.onStatement(f.file, s.line);
    switch (s.kind) {
        case 'block':
            return execBlock(it, s, f);
        case 'localVar':
            declare(it, s, f);
            return NORMAL;
        case 'expr':
            evalExpr(it, s.expr, f);
            return NORMAL;
        case 'if':
            if (it.truthy(evalExpr(it, s.cond, f))) return execStmt(it, s.then, f);
            return s.else ? execStmt(it, s.else, f) : NORMAL;
        case 'while':
            while (it.truthy(evalExpr(it, s.cond, f))) {
                const c = execStmt(it, s.body, f);
                if (c === BREAK) break;
                if (c === RETURN) return c;
            }
            return NORMAL;
        case 'doWhile':
            do {
                const c = execBlock(it, s.body, f);
                if (c === BREAK) break;
                if (c === RETURN) return c;
            } while (it.truthy(evalExpr(it, s.cond, f)));
            return NORMAL;
        case 'for':
            return execFor(it, s, f);
        case 'forEach':
            return execForEach(it, s, f);
        case 'return':
            f.ret = s.value ? evalExpr(it, s.value, f) : null;
            return RETURN;
        case 'break':
            return BREAK;
        case 'continue':
            return CONTINUE;
        case 'throw': {
            const v = evalExpr(it, s.value, f);
            if (v === null) throw nullPointerException();
            if (!(v instanceof ApexObject) || !v.cls.isException)
                throw new UnsupportedApexError('throw of a non-exception', `${f.file}:${s.line}`);
            throw new ApexThrow(v);
        }
        case 'try':
            return execTry(it, s, f);
        case 'switch':
            return execSwitch(it, s, f);
        case 'dml': {
            if (!it.data?.dml)
                throw new UnsupportedApexError(`DML ${s.op} (no data layer wired)`, `${f.file}:${s.line}`);
            const target = evalExpr(it, s.target, f);
            const extra =
                s.extra === undefined ? undefined : typeof s.extra === 'string' ? s.extra : evalExpr(it, s.extra, f);
            it.data.dml(s.op, target, extra, s.accessLevel ?? 'system');
            return NORMAL;
        }
        case 'runAs':
            if (it.runAsHandler !== null) return it.runAsHandler(s, f);
            throw new UnsupportedApexError('System.runAs (the test runner provides it)', `${f.file}:${s.line}`);
    }
}

function execFor(it: Interpreter, s: ast.ForStmt, f: Frame): Completion {
    const saved = f.scope;
    f.scope = new Scope(saved);
    try {
        if (s.init) {
            if (Array.isArray(s.init)) for (const e of s.init) evalExpr(it, e, f);
            else declare(it, s.init, f);
        }
        for (;;) {
            if (s.cond && !it.truthy(evalExpr(it, s.cond, f))) break;
            const c = execStmt(it, s.body, f);
            if (c === BREAK) break;
            if (c === RETURN) return c;
            for (const u of s.update) evalExpr(it, u, f);
        }
        return NORMAL;
    } finally {
        f.scope = saved;
    }
}

/** Runs the body with the loop variable bound to `value`; the variable lives in its own scope. */
function iteration(it: Interpreter, s: ast.ForEachStmt, f: Frame, t: ApexType, value: ApexValue): Completion {
    const saved = f.scope;
    f.scope = new Scope(saved);
    f.scope.vars.set(loopVar(s), { value: it.coerceTo(value, t), type: t });
    try {
        return execStmt(it, s.body, f);
    } finally {
        f.scope = saved;
    }
}

/** The loop variable's lower-case name, cached on the node. */
function loopVar(s: ast.ForEachStmt): string {
    const n = s as ast.ForEachStmt & { $lcVar?: string };
    return (n.$lcVar ??= s.varName.toLowerCase());
}

function execForEach(it: Interpreter, s: ast.ForEachStmt, f: Frame): Completion {
    const t = it.resolveType(s.varType, f.cls);
    if (s.iterable.kind === 'soql') {
        // SOQL for loop: one record at a time, or lists of up to 200 when the variable is a list.
        const rows = evalExpr(it, s.iterable, f);
        if (!(rows instanceof ApexList))
            throw new UnsupportedApexError('SOQL for loop over a non-list result', `${f.file}:${s.line}`);
        if (t.k === 'list') {
            for (let i = 0; i < rows.items.length; i += SOQL_BATCH) {
                const batch = new ApexList(t.elem, rows.items.slice(i, i + SOQL_BATCH));
                const c = iteration(it, s, f, t, batch);
                if (c === BREAK) break;
                if (c === RETURN) return c;
            }
            return NORMAL;
        }
        return loopOver(it, s, f, t, rows.items);
    }
    const coll = evalExpr(it, s.iterable, f);
    if (coll === null) throw nullPointerException();
    if (coll instanceof ApexList) return loopOver(it, s, f, t, coll.items);
    if (coll instanceof ApexSet) return loopOver(it, s, f, t, [...coll.values()]);
    throw new UnsupportedApexError('for-each over a non-List/Set value (custom Iterable)', `${f.file}:${s.line}`);
}

function loopOver(it: Interpreter, s: ast.ForEachStmt, f: Frame, t: ApexType, items: ApexValue[]): Completion {
    for (let i = 0; i < items.length; i++) {
        const c = iteration(it, s, f, t, items[i] ?? null);
        if (c === BREAK) break;
        if (c === RETURN) return c;
    }
    return NORMAL;
}

/**
 * try/catch/finally (Exception Statements): the first catch whose type the exception is an instance
 * of runs. Limit exceptions and assertion failures can't be caught (Exception Statements › Exceptions
 * that Can't be Caught: "When exceptions are uncatchable, catch blocks, as well as finally blocks if any,
 * aren't executed"), so they leave at once.
 */
function execTry(it: Interpreter, s: ast.TryStmt, f: Frame): Completion {
    let completion: Completion = NORMAL;
    let pending: unknown = undefined;
    let hasPending = false;
    try {
        completion = execBlock(it, s.body, f);
    } catch (e) {
        const thrown = e instanceof ApexThrow ? e : isApexSignal(e) ? it.located(e, f) : e;
        if (!(thrown instanceof ApexThrow)) throw thrown;
        if (isUncatchable(thrown.exception.cls.name)) throw thrown;
        const clause = s.catches.find((c) => {
            const t = it.resolveType(c.type, f.cls);
            return t.k === 'class' && isSubclass(thrown.exception.cls, t.cls);
        });
        if (!clause) {
            pending = thrown;
            hasPending = true;
        } else {
            try {
                const saved = f.scope;
                f.scope = new Scope(saved);
                f.scope.vars.set(lc(clause), { value: thrown.exception, type: it.resolveType(clause.type, f.cls) });
                try {
                    completion = execBlock(it, clause.body, f);
                } finally {
                    f.scope = saved;
                }
            } catch (e2) {
                if (!s.finally) throw e2;
                pending = e2 instanceof ApexThrow || !isApexSignal(e2) ? e2 : it.located(e2, f);
                hasPending = true;
            }
        }
    }
    if (s.finally) {
        const c = execBlock(it, s.finally, f);
        if (c !== NORMAL) return c;
    }
    if (hasPending) throw pending;
    return completion;
}

/**
 * `switch on` (Switch Statements): the subject is evaluated once; `when` values match by equality
 * (enum values by constant), `when Type v` by instanceof with the variable bound, `when null`
 * matches null, `when else` last.
 */
function execSwitch(it: Interpreter, s: ast.SwitchStmt, f: Frame): Completion {
    const subject = evalExpr(it, s.subject, f);
    for (const w of s.whens) {
        if (w.kind === 'else') return execBlock(it, w.body, f);
        if (w.kind === 'type') {
            const t = it.resolveType(w.type, f.cls);
            if (subject !== null && isInstanceOf(subject, t)) {
                const saved = f.scope;
                f.scope = new Scope(saved);
                f.scope.vars.set(lc(w), { value: subject, type: t });
                try {
                    return execBlock(it, w.body, f);
                } finally {
                    f.scope = saved;
                }
            }
            continue;
        }
        for (const ve of w.values) {
            let v: ApexValue;
            if (subject instanceof ApexEnumValue && ve.kind === 'name') {
                const name = lc(ve);
                const found = subject.cls.enumValues?.find((x) => x.name.toLowerCase() === name);
                if (!found)
                    throw new UnsupportedApexError(
                        `when ${ve.name} (not a constant of ${subject.cls.name})`,
                        `${f.file}:${w.line}`
                    );
                v = found;
            } else if (subject instanceof NativeObject && ve.kind === 'name' && subject.cls.staticProps.has(lc(ve))) {
                // A system enum's constant (`when PHONE` on a Schema.DisplayType): the subject's own enum.
                v = subject.cls.staticProps.get(lc(ve))!(it);
            } else v = evalExpr(it, ve, f);
            if (switchMatches(it, subject, v)) return execBlock(it, w.body, f);
        }
    }
    return NORMAL;
}

/** `when` value matching: Strings compare case-sensitively in switch (Switch Statements). */
function switchMatches(it: Interpreter, subject: ApexValue, v: ApexValue): boolean {
    if (subject === null || v === null) return subject === v;
    if (typeof subject === 'string' && typeof v === 'string') return subject === v;
    return it.equals(subject, v);
}
