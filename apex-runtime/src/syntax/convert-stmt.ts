/**
 * Statements of the parse tree to `Stmt`.
 */
import type {
    AccessLevelContext,
    BlockContext,
    ExpressionContext,
    ForControlContext,
    LocalVariableDeclarationContext,
    ModifierContext,
    StatementContext,
    SwitchStatementContext,
    VariableDeclaratorsContext,
    WhenLiteralContext
} from '@apexdevtools/apex-parser';
import type {
    Block,
    DmlStmt,
    Expr,
    ForEachStmt,
    ForStmt,
    LocalVarStmt,
    Stmt,
    VariableDeclarator,
    WhenClause
} from './ast.ts';
import { args, convertExpr } from './convert-expr.ts';
import { convertTypeRef, qualifiedNameType } from './convert-type.ts';
import { numberLiteral, unescapeApexString } from './literals.ts';
import type { SourceText } from './source.ts';

export function convertBlock(src: SourceText, ctx: BlockContext): Block {
    return { kind: 'block', line: src.line(ctx.start), stmts: ctx.statement_list().map((s) => convertStmt(src, s)) };
}

function emptyBlock(src: SourceText, ctx: ExpressionContext | StatementContext | ForControlContext): Block {
    return { kind: 'block', line: src.line(ctx.start), stmts: [] };
}

/** Converts one statement. */
export function convertStmt(src: SourceText, ctx: StatementContext): Stmt {
    const line = src.line(ctx.start);
    const block = ctx.block();
    if (block) return convertBlock(src, block);
    const local = ctx.localVariableDeclarationStatement();
    if (local) return convertLocalVar(src, local.localVariableDeclaration());
    const exprStmt = ctx.expressionStatement();
    if (exprStmt) return { kind: 'expr', line, expr: convertExpr(src, exprStmt.expression()) };
    const ifs = ctx.ifStatement();
    if (ifs) {
        const elseStmt = ifs.ELSE() ? convertStmt(src, ifs.statement(1)) : undefined;
        return {
            kind: 'if',
            line,
            cond: convertExpr(src, ifs.parExpression().expression()),
            then: convertStmt(src, ifs.statement(0)),
            ...(elseStmt ? { else: elseStmt } : {})
        };
    }
    const ret = ctx.returnStatement();
    if (ret) {
        const value = ret.expression();
        return value ? { kind: 'return', line, value: convertExpr(src, value) } : { kind: 'return', line };
    }
    const forStmt = ctx.forStatement();
    if (forStmt) {
        const body = forStmt.statement();
        return convertFor(
            src,
            forStmt.forControl(),
            body ? convertStmt(src, body) : emptyBlock(src, forStmt.forControl()),
            line
        );
    }
    const whileStmt = ctx.whileStatement();
    if (whileStmt) {
        const cond = whileStmt.parExpression().expression();
        const body = whileStmt.statement();
        return {
            kind: 'while',
            line,
            cond: convertExpr(src, cond),
            body: body ? convertStmt(src, body) : emptyBlock(src, cond)
        };
    }
    const doWhile = ctx.doWhileStatement();
    if (doWhile) {
        return {
            kind: 'doWhile',
            line,
            body: convertBlock(src, doWhile.block()),
            cond: convertExpr(src, doWhile.parExpression().expression())
        };
    }
    const tryStmt = ctx.tryStatement();
    if (tryStmt) {
        const fin = tryStmt.finallyBlock();
        return {
            kind: 'try',
            line,
            body: convertBlock(src, tryStmt.block()),
            catches: tryStmt.catchClause_list().map((c) => {
                checkOnlyFinal(src, c.modifier_list());
                return {
                    line: src.line(c.start),
                    type: qualifiedNameType(c.qualifiedName()),
                    name: c.id().getText(),
                    body: convertBlock(src, c.block())
                };
            }),
            ...(fin ? { finally: convertBlock(src, fin.block()) } : {})
        };
    }
    const throwStmt = ctx.throwStatement();
    if (throwStmt) return { kind: 'throw', line, value: convertExpr(src, throwStmt.expression()) };
    if (ctx.breakStatement()) return { kind: 'break', line };
    if (ctx.continueStatement()) return { kind: 'continue', line };
    const switchStmt = ctx.switchStatement();
    if (switchStmt) return convertSwitch(src, switchStmt, line);
    const runAs = ctx.runAsStatement();
    if (runAs)
        return { kind: 'runAs', line, args: args(src, runAs.expressionList()), body: convertBlock(src, runAs.block()) };
    return convertDml(src, ctx, line);
}

function convertDml(src: SourceText, ctx: StatementContext, line: number): DmlStmt {
    const simple: [
        DmlStmt['op'],
        { expression(): ExpressionContext; accessLevel(): AccessLevelContext | null } | null
    ][] = [
        ['insert', ctx.insertStatement()],
        ['update', ctx.updateStatement()],
        ['delete', ctx.deleteStatement()],
        ['undelete', ctx.undeleteStatement()]
    ];
    for (const [op, stmt] of simple) {
        if (stmt)
            return {
                kind: 'dml',
                line,
                op,
                target: convertExpr(src, stmt.expression()),
                ...accessLevel(stmt.accessLevel())
            };
    }
    const upsert = ctx.upsertStatement();
    if (upsert) {
        const field = upsert.qualifiedName();
        return {
            kind: 'dml',
            line,
            op: 'upsert',
            target: convertExpr(src, upsert.expression()),
            ...(field
                ? {
                      extra: field
                          .id_list()
                          .map((id) => id.getText())
                          .join('.')
                  }
                : {}),
            ...accessLevel(upsert.accessLevel())
        };
    }
    const merge = ctx.mergeStatement();
    if (merge) {
        return {
            kind: 'dml',
            line,
            op: 'merge',
            target: convertExpr(src, merge.expression(0)),
            extra: convertExpr(src, merge.expression(1)),
            ...accessLevel(merge.accessLevel())
        };
    }
    return src.unsupported('statement', ctx);
}

function accessLevel(ctx: AccessLevelContext | null): { accessLevel?: 'user' | 'system' } {
    if (!ctx) return {};
    return { accessLevel: ctx.USER() ? 'user' : 'system' };
}

/** `final` is the one modifier a local variable, parameter or catch variable takes. */
export function checkOnlyFinal(src: SourceText, modifiers: ModifierContext[]): boolean {
    let isFinal = false;
    for (const m of modifiers) {
        if (m.FINAL()) isFinal = true;
        else src.unsupported(`modifier ${m.getText()} here`, m);
    }
    return isFinal;
}

export function convertLocalVar(src: SourceText, ctx: LocalVariableDeclarationContext): LocalVarStmt {
    return {
        kind: 'localVar',
        line: src.line(ctx.start),
        type: convertTypeRef(src, ctx.typeRef()),
        isFinal: checkOnlyFinal(src, ctx.modifier_list()),
        declarators: convertDeclarators(src, ctx.variableDeclarators())
    };
}

export function convertDeclarators(src: SourceText, ctx: VariableDeclaratorsContext): VariableDeclarator[] {
    return ctx.variableDeclarator_list().map((d) => {
        const init = d.expression();
        return {
            line: src.line(d.start),
            name: d.id().getText(),
            ...(init ? { init: convertExpr(src, init) } : {})
        };
    });
}

function convertFor(src: SourceText, ctx: ForControlContext, body: Stmt, line: number): ForStmt | ForEachStmt {
    const each = ctx.enhancedForControl();
    if (each) {
        return {
            kind: 'forEach',
            line,
            varType: convertTypeRef(src, each.typeRef()),
            varName: each.id().getText(),
            iterable: convertExpr(src, each.expression()),
            body
        };
    }
    const init = ctx.forInit();
    const localVar = init?.localVariableDeclaration();
    const initList = init?.expressionList();
    const cond = ctx.expression();
    const update = ctx.forUpdate();
    return {
        kind: 'for',
        line,
        ...(localVar ? { init: convertLocalVar(src, localVar) } : initList ? { init: args(src, initList) } : {}),
        ...(cond ? { cond: convertExpr(src, cond) } : {}),
        update: update ? args(src, update.expressionList()) : [],
        body
    };
}

function convertSwitch(src: SourceText, ctx: SwitchStatementContext, line: number): Stmt {
    const whens: WhenClause[] = ctx.whenControl_list().map((w) => {
        const whenLine = src.line(w.start);
        const body = convertBlock(src, w.block());
        const value = w.whenValue();
        if (value.ELSE()) return { kind: 'else', line: whenLine, body };
        const typeRef = value.typeRef();
        if (typeRef)
            return {
                kind: 'type',
                line: whenLine,
                type: convertTypeRef(src, typeRef),
                name: value.id().getText(),
                body
            };
        return {
            kind: 'values',
            line: whenLine,
            values: value.whenLiteral_list().map((l) => convertWhenLiteral(src, l)),
            body
        };
    });
    return { kind: 'switch', line, subject: convertExpr(src, ctx.expression()), whens };
}

/**
 * A `when` value: a number (its sign folded into the literal text), a string, null, or an enum value as a name
 * (`when RED`) or a dotted name (`when Color.RED`) that the interpreter resolves against the subject's enum type.
 */
function convertWhenLiteral(src: SourceText, ctx: WhenLiteralContext): Expr {
    const line = src.line(ctx.start);
    const inner = ctx.whenLiteral();
    if (inner) return convertWhenLiteral(src, inner);
    const number = ctx.IntegerLiteral() ?? ctx.LongLiteral();
    if (number) {
        const negative = ctx.SUB_list().length % 2 === 1;
        const literal = numberLiteral(number.getText(), src, number.symbol, line);
        return negative ? { ...literal, value: `-${String(literal.value)}` } : literal;
    }
    const str = ctx.StringLiteral();
    if (str)
        return { kind: 'literal', line, type: 'string', value: unescapeApexString(str.getText(), src, str.symbol) };
    if (ctx.NULL()) return { kind: 'literal', line, type: 'null', value: null };
    const name = ctx.qualifiedName();
    if (name) {
        const [first, ...rest] = name.id_list().map((id) => id.getText());
        let expr: Expr = { kind: 'name', line, name: first };
        for (const part of rest) expr = { kind: 'field', line, target: expr, name: part, safe: false };
        return expr;
    }
    return src.unsupported('multi-line string literal in when', ctx);
}
