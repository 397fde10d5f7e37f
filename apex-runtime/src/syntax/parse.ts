/**
 * Apex source to the runtime's syntax tree (`ast.ts`), read with `@apexdevtools/apex-parser`.
 */
import { ApexErrorListener, ApexParserFactory, type ApexParser } from '@apexdevtools/apex-parser';
import type { CompilationUnit, Expr } from './ast.ts';
import { convertTrigger, convertTypeDeclaration } from './convert-decl.ts';
import { convertExpr } from './convert-expr.ts';
import { SourceText } from './source.ts';
import { ApexSyntaxError } from './syntax-error.ts';

/** Bumped whenever the conversion's output changes, so cached trees of an older converter are not reused. */
export const CONVERTER_VERSION = 2;

class FirstErrorListener extends ApexErrorListener {
    first: { line: number; column: number; message: string } | null = null;
    apexSyntaxError(line: number, column: number, message: string): void {
        this.first ??= { line, column, message };
    }
}

function parserFor(text: string): { parser: ApexParser; errors: FirstErrorListener } {
    const errors = new FirstErrorListener();
    const { parser } = ApexParserFactory.createLexerAndParser(text, errors);
    return { parser, errors };
}

function throwIfErrors(file: string, errors: FirstErrorListener, lineOffset = 0): void {
    if (errors.first)
        throw new ApexSyntaxError(file, errors.first.line + lineOffset, errors.first.column, errors.first.message);
}

/**
 * Parses one `.cls` (a class, interface or enum) or `.trigger` file, chosen by the file name's extension.
 * Throws `ApexSyntaxError` (`file:line:column message`) on a syntax error, `UnsupportedApexError` (`file:line`)
 * on a construct the runtime does not convert. The result is plain data (JSON round-trips it).
 */
export function parseApexFile(file: string, text: string): CompilationUnit {
    const src = new SourceText(file, text);
    const { parser, errors } = parserFor(text);
    if (file.toLowerCase().endsWith('.trigger')) {
        const unit = parser.triggerUnit();
        throwIfErrors(file, errors);
        return { file, type: convertTrigger(src, unit) };
    }
    const unit = parser.compilationUnit();
    throwIfErrors(file, errors);
    return { file, type: convertTypeDeclaration(src, unit.typeDeclaration()) };
}

/** Where an expression's text sits, so its nodes and errors name the enclosing file and line. */
export interface ExpressionOrigin {
    file: string;
    /** The line the expression text starts on. */
    line: number;
}

const expressionCache = new Map<string, Expr>();

/**
 * Parses one Apex expression, e.g. a SOQL bind (`ids`, `c.AccountId`, `limitValue + 1`). Results are memoized by
 * text and origin and shared: callers must not mutate them.
 */
export function parseApexExpression(text: string, origin?: ExpressionOrigin): Expr {
    const key = origin ? `${origin.file}\u0000${origin.line}\u0000${text}` : text;
    const cached = expressionCache.get(key);
    if (cached) return cached;
    const file = origin?.file ?? '<expression>';
    const lineOffset = origin ? origin.line - 1 : 0;
    const { parser, errors } = parserFor(text);
    const ctx = parser.expression();
    throwIfErrors(file, errors, lineOffset);
    const next = parser.getCurrentToken();
    if (next.type !== -1) {
        throw new ApexSyntaxError(
            file,
            next.line + lineOffset,
            next.column,
            `Unexpected '${next.text}' after the expression`
        );
    }
    const expr = convertExpr(new SourceText(file, text, lineOffset), ctx);
    expressionCache.set(key, expr);
    return expr;
}
