/**
 * Expressions of the parse tree to `Expr`. Precedence and associativity are the grammar's: the tree already
 * nests operators as the grammar's ordered alternatives give them, so each node converts on its own.
 */
import {
    Arth1ExpressionContext,
    Arth2ExpressionContext,
    ArrayExpressionContext,
    AssignExpressionContext,
    BitAndExpressionContext,
    BitExpressionContext,
    BitNotExpressionContext,
    BitOrExpressionContext,
    CastExpressionContext,
    CmpExpressionContext,
    CoalExpressionContext,
    CondExpressionContext,
    DotExpressionContext,
    EqualityExpressionContext,
    IdPrimaryContext,
    InstanceOfExpressionContext,
    LiteralPrimaryContext,
    LogAndExpressionContext,
    LogOrExpressionContext,
    MethodCallExpressionContext,
    NegExpressionContext,
    NewExpressionContext,
    PostOpExpressionContext,
    PreOpExpressionContext,
    PrimaryExpressionContext,
    SoqlPrimaryContext,
    SoslPrimaryContext,
    SubExpressionContext,
    SuperPrimaryContext,
    ThisPrimaryContext,
    TypeRefPrimaryContext,
    VoidPrimaryContext,
    type ApexTerminalNode,
    type ApexToken,
    type CreatorContext,
    type ExpressionContext,
    type ExpressionListContext,
    type LiteralContext,
    type MethodCallContext,
    type PrimaryContext
} from '@apexdevtools/apex-parser';
import type { Binary, Expr, Literal } from './ast.ts';
import { collectionKind, convertCreatedName, convertTypeRef } from './convert-type.ts';
import { numberLiteral, unescapeApexString } from './literals.ts';
import type { SourceText } from './source.ts';

type BinaryOp = Binary['op'];

/** Converts one expression node. */
export function convertExpr(src: SourceText, ctx: ExpressionContext): Expr {
    const line = src.line(ctx.start);
    if (ctx instanceof PrimaryExpressionContext) return convertPrimary(src, ctx.primary());
    if (ctx instanceof DotExpressionContext) {
        const target = convertExpr(src, ctx.expression());
        const safe = ctx.QUESTIONDOT() !== null;
        const call = ctx.dotMethodCall();
        if (call) {
            return {
                kind: 'call',
                line,
                target,
                name: call.anyId().getText(),
                args: args(src, call.expressionList()),
                safe
            };
        }
        return { kind: 'field', line, target, name: ctx.anyId().getText(), safe };
    }
    if (ctx instanceof MethodCallExpressionContext) return convertMethodCall(src, ctx.methodCall());
    if (ctx instanceof ArrayExpressionContext) {
        return {
            kind: 'index',
            line,
            target: convertExpr(src, ctx.expression(0)),
            index: convertExpr(src, ctx.expression(1))
        };
    }
    if (ctx instanceof NewExpressionContext) return convertCreator(src, ctx.creator(), line);
    if (ctx instanceof CastExpressionContext) {
        return {
            kind: 'cast',
            line,
            type: convertTypeRef(src, ctx.typeRef()),
            value: convertExpr(src, ctx.expression())
        };
    }
    // Parentheses only group; the tree keeps the grouping.
    if (ctx instanceof SubExpressionContext) return convertExpr(src, ctx.expression());
    if (ctx instanceof PostOpExpressionContext) {
        return {
            kind: 'incDec',
            line,
            op: ctx.INC() ? '++' : '--',
            prefix: false,
            target: convertExpr(src, ctx.expression())
        };
    }
    if (ctx instanceof PreOpExpressionContext) return convertPreOp(src, ctx, line);
    if (ctx instanceof NegExpressionContext) {
        return { kind: 'unary', line, op: ctx.BANG() ? '!' : '~', operand: convertExpr(src, ctx.expression()) };
    }
    if (ctx instanceof InstanceOfExpressionContext) {
        return {
            kind: 'instanceof',
            line,
            value: convertExpr(src, ctx.expression()),
            type: convertTypeRef(src, ctx.typeRef())
        };
    }
    if (ctx instanceof CondExpressionContext) {
        return {
            kind: 'conditional',
            line,
            cond: convertExpr(src, ctx.expression(0)),
            then: convertExpr(src, ctx.expression(1)),
            else: convertExpr(src, ctx.expression(2))
        };
    }
    if (ctx instanceof AssignExpressionContext) {
        const opToken = ctx.getChild(1) as ApexTerminalNode;
        return {
            kind: 'assign',
            line,
            op: opToken.getText(),
            target: convertExpr(src, ctx.expression(0)),
            value: convertExpr(src, ctx.expression(1))
        };
    }
    const op = binaryOp(src, ctx);
    if (op) {
        // Every two-operand alternative of the grammar is `expression op expression`.
        const operands = ctx as ExpressionContext & { expression(i: number): ExpressionContext };
        return {
            kind: 'binary',
            line,
            op,
            left: convertExpr(src, operands.expression(0)),
            right: convertExpr(src, operands.expression(1))
        };
    }
    return src.unsupported(`expression ${ctx.constructor.name.replace(/Context$/, '')}`, ctx);
}

/** The operator of a two-operand expression node, or null when the node is not one. */
function binaryOp(src: SourceText, ctx: ExpressionContext): BinaryOp | null {
    if (ctx instanceof Arth1ExpressionContext) return ctx.MUL() ? '*' : '/';
    if (ctx instanceof Arth2ExpressionContext) return ctx.ADD() ? '+' : '-';
    if (ctx instanceof BitExpressionContext) {
        const tokens = [...ctx.LT_list(), ...ctx.GT_list()].map((t) => t.symbol);
        requireAdjacent(src, tokens);
        if (ctx.LT_list().length === 2) return '<<';
        return ctx.GT_list().length === 3 ? '>>>' : '>>';
    }
    if (ctx instanceof CmpExpressionContext) {
        const cmp = (ctx.GT() ?? ctx.LT()).symbol;
        const assign = ctx.ASSIGN();
        if (!assign) return ctx.GT() ? '>' : '<';
        requireAdjacent(src, [cmp, assign.symbol]);
        return ctx.GT() ? '>=' : '<=';
    }
    if (ctx instanceof EqualityExpressionContext) {
        if (ctx.TRIPLEEQUAL()) return '===';
        if (ctx.TRIPLENOTEQUAL()) return '!==';
        if (ctx.EQUAL()) return '==';
        // Apex Developer Guide › Expression Operators: `<>` is the same inequality operator as `!=`.
        return '!=';
    }
    if (ctx instanceof BitAndExpressionContext) return '&';
    if (ctx instanceof BitNotExpressionContext) return '^';
    if (ctx instanceof BitOrExpressionContext) return '|';
    if (ctx instanceof LogAndExpressionContext) return '&&';
    if (ctx instanceof LogOrExpressionContext) return '||';
    if (ctx instanceof CoalExpressionContext) return '??';
    return null;
}

/** `a > > b` and `a > = b` parse as shifts and comparisons; the operators are single tokens only when adjacent. */
function requireAdjacent(src: SourceText, tokens: ApexToken[]): void {
    const sorted = [...tokens].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i += 1) {
        if (sorted[i].start !== sorted[i - 1].stop + 1) src.invalid('Operator characters must be adjacent', sorted[i]);
    }
}

function convertPreOp(src: SourceText, ctx: PreOpExpressionContext, line: number): Expr {
    const operand = ctx.expression();
    if (ctx.INC() || ctx.DEC()) {
        return { kind: 'incDec', line, op: ctx.INC() ? '++' : '--', prefix: true, target: convertExpr(src, operand) };
    }
    if (ctx.SUB() && operand instanceof PrimaryExpressionContext) {
        const literal = operand.primary();
        // -2147483648 is Integer.MIN_VALUE in Java; the Apex guide does not say whether its compiler accepts it.
        if (
            literal instanceof LiteralPrimaryContext &&
            literal.literal().IntegerLiteral()?.getText() === '2147483648'
        ) {
            src.unsupported('Integer literal -2147483648', ctx);
        }
    }
    return { kind: 'unary', line, op: ctx.SUB() ? '-' : '+', operand: convertExpr(src, operand) };
}

function convertPrimary(src: SourceText, ctx: PrimaryContext): Expr {
    const line = src.line(ctx.start);
    if (ctx instanceof LiteralPrimaryContext) return convertLiteral(src, ctx.literal());
    if (ctx instanceof IdPrimaryContext) return { kind: 'name', line, name: ctx.id().getText() };
    if (ctx instanceof ThisPrimaryContext) return { kind: 'this', line };
    if (ctx instanceof SuperPrimaryContext) return { kind: 'super', line };
    if (ctx instanceof TypeRefPrimaryContext)
        return { kind: 'classRef', line, type: convertTypeRef(src, ctx.typeRef()) };
    if (ctx instanceof VoidPrimaryContext)
        return { kind: 'classRef', line, type: { names: ['void'], args: [], arrayDims: 0 } };
    if (ctx instanceof SoqlPrimaryContext) {
        const soql = ctx.soqlLiteral();
        return { kind: 'soql', line, text: src.slice(soql.LBRACK().symbol.stop + 1, soql.RBRACK().symbol.start - 1) };
    }
    if (ctx instanceof SoslPrimaryContext) {
        const sosl = ctx.soslLiteral();
        // `[FIND 'x' ...` lexes as one FindLiteral token starting at the bracket; `[FIND :bind ...` as LBRACK FIND.
        const open = sosl.LBRACK()?.symbol ?? sosl.FindLiteral().symbol;
        return { kind: 'sosl', line, text: src.slice(open.start + 1, sosl.RBRACK().symbol.start - 1) };
    }
    return src.unsupported(`primary ${ctx.constructor.name.replace(/Context$/, '')}`, ctx);
}

/** A literal token to its typed `Literal`. */
export function convertLiteral(src: SourceText, ctx: LiteralContext): Literal {
    const line = src.line(ctx.start);
    const token = ctx.start;
    const text = ctx.getText();
    if (ctx.IntegerLiteral() || ctx.LongLiteral() || ctx.NumberLiteral()) return numberLiteral(text, src, token, line);
    if (ctx.StringLiteral())
        return { kind: 'literal', line, type: 'string', value: unescapeApexString(text, src, token) };
    if (ctx.BooleanLiteral()) return { kind: 'literal', line, type: 'boolean', value: text.toLowerCase() === 'true' };
    if (ctx.NULL()) return { kind: 'literal', line, type: 'null', value: null };
    // Multi-line strings (Summer '26): how the platform trims their first line and indentation is not in the guide.
    return src.unsupported('multi-line string literal', ctx);
}

function convertMethodCall(src: SourceText, ctx: MethodCallContext): Expr {
    const line = src.line(ctx.start);
    const callArgs = args(src, ctx.expressionList());
    // `this(...)`/`super(...)` (constructor chaining) are calls named `this`/`super` without a target.
    if (ctx.THIS()) return { kind: 'call', line, name: 'this', args: callArgs, safe: false };
    if (ctx.SUPER()) return { kind: 'call', line, name: 'super', args: callArgs, safe: false };
    return { kind: 'call', line, name: ctx.id().getText(), args: callArgs, safe: false };
}

/** Converts an argument list (absent → none). */
export function args(src: SourceText, list: ExpressionListContext | null): Expr[] {
    return list ? list.expression_list().map((e) => convertExpr(src, e)) : [];
}

function convertCreator(src: SourceText, ctx: CreatorContext, line: number): Expr {
    const type = convertCreatedName(src, ctx.createdName());
    const collection = collectionKind(type);
    const classRest = ctx.classCreatorRest();
    if (classRest) {
        const argList = classRest.arguments().expressionList();
        if (collection) return { kind: 'newCollection', line, type, args: args(src, argList) };
        const exprs = argList ? argList.expression_list() : [];
        const pairs = exprs.filter(isNameValuePair);
        if (pairs.length === 0) return { kind: 'new', line, type, args: exprs.map((e) => convertExpr(src, e)) };
        // `new Contact(LastName = 'x')` is SObject construction; Apex has no mixed form.
        if (pairs.length !== exprs.length)
            src.unsupported('constructor arguments mixing name = value pairs and values', ctx);
        return {
            kind: 'newSObject',
            line,
            type,
            fields: pairs.map((pair) => ({
                name: pair.expression(0).getText(),
                value: convertExpr(src, pair.expression(1))
            }))
        };
    }
    const arrayRest = ctx.arrayCreatorRest();
    if (arrayRest) {
        const arrayType = { ...type, arrayDims: 1 };
        const size = arrayRest.expression();
        if (size) return { kind: 'newCollection', line, type: arrayType, size: convertExpr(src, size) };
        const init = arrayRest.arrayInitializer();
        if (!init) src.unsupported('array creation without a size or initializer', ctx);
        return {
            kind: 'newCollection',
            line,
            type: arrayType,
            elements: init.expression_list().map((e) => convertExpr(src, e))
        };
    }
    if (!collection) src.unsupported(`{ } initializer for a non-collection type ${type.names.join('.')}`, ctx);
    const mapRest = ctx.mapCreatorRest();
    if (mapRest) {
        if (collection !== 'map') src.unsupported('key => value initializer for a List or Set', ctx);
        const entries = mapRest.mapCreatorRestPair_list().map((pair) => ({
            key: convertExpr(src, pair.expression(0)),
            value: convertExpr(src, pair.expression(1))
        }));
        return { kind: 'newCollection', line, type, entries };
    }
    const setRest = ctx.setCreatorRest();
    if (setRest) {
        if (collection === 'map') src.unsupported('value-list initializer for a Map', ctx);
        return {
            kind: 'newCollection',
            line,
            type,
            elements: setRest.expression_list().map((e) => convertExpr(src, e))
        };
    }
    // `new List<String>{}` / `new Map<String, Integer>{}`.
    return collection === 'map'
        ? { kind: 'newCollection', line, type, entries: [] }
        : { kind: 'newCollection', line, type, elements: [] };
}

/** `Name = value` as a constructor argument: a plain `=` to a bare identifier. */
function isNameValuePair(e: ExpressionContext): e is AssignExpressionContext {
    if (!(e instanceof AssignExpressionContext) || !e.ASSIGN()) return false;
    const target = e.expression(0);
    return target instanceof PrimaryExpressionContext && target.primary() instanceof IdPrimaryContext;
}
