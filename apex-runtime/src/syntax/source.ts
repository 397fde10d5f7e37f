/**
 * One source text being converted: its file name, positions of parse-tree nodes, exact substrings (for SOQL and
 * SOSL) and the errors that name `file:line`.
 */
import type { ApexParserRuleContext as ParserRuleContext, ApexToken as Token } from '@apexdevtools/apex-parser';
import { UnsupportedApexError } from '../errors.ts';
import { ApexSyntaxError } from './syntax-error.ts';

export class SourceText {
    readonly file: string;
    readonly text: string;
    /** Added to every line, for an expression that sits inside a larger file (a SOQL bind). */
    readonly lineOffset: number;
    // antlr's char streams index by code point; a JS string by UTF-16 unit. They differ only past U+FFFF.
    private codePoints: string[] | null;

    constructor(file: string, text: string, lineOffset = 0) {
        this.file = file;
        this.text = text;
        this.lineOffset = lineOffset;
        this.codePoints = /[\uD800-\uDFFF]/.test(text) ? Array.from(text) : null;
    }

    /** The source between two code-point indices, both inclusive. */
    slice(start: number, stop: number): string {
        if (stop < start) return '';
        return this.codePoints ? this.codePoints.slice(start, stop + 1).join('') : this.text.slice(start, stop + 1);
    }

    line(token: Token): number {
        return token.line + this.lineOffset;
    }

    where(ctx: ParserRuleContext | Token): string {
        const token = 'tokenIndex' in ctx ? ctx : ctx.start;
        return `${this.file}:${token.line + this.lineOffset}`;
    }

    /** A construct of the grammar the runtime does not convert. */
    unsupported(what: string, ctx: ParserRuleContext | Token): never {
        throw new UnsupportedApexError(what, this.where(ctx));
    }

    /** A construct the Apex compiler rejects although the grammar accepts it. */
    invalid(message: string, ctx: ParserRuleContext | Token): never {
        const token = 'tokenIndex' in ctx ? ctx : ctx.start;
        throw new ApexSyntaxError(this.file, token.line + this.lineOffset, token.column, message);
    }
}
