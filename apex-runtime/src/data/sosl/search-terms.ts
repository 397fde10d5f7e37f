/**
 * The FIND search expression (SOQL and SOSL Reference › FIND {SearchQuery}): words and "quoted
 * phrases", the operators AND, OR and AND NOT with parentheses (several words without an operator
 * must all match), the wildcards `*` (any characters) and `?` (one character), and `\` escaping
 * the reserved characters. "Text searches are case-insensitive" and "the search engine splits
 * record information separated by spaces or punctuation into separate tokens": a record matches a
 * word when one of its tokens matches it, a phrase when its words are consecutive tokens of one
 * field.
 */
import { ApexRuntimeSignal } from '../../values/signal.ts';

export type SearchExpr =
    | { kind: 'and'; items: SearchExpr[] }
    | { kind: 'or'; items: SearchExpr[] }
    | { kind: 'andNot'; left: SearchExpr; right: SearchExpr }
    /** Consecutive tokens (one word that splits into several tokens is a phrase too). */
    | { kind: 'phrase'; patterns: RegExp[] };

/** The tokens of a field value: runs of letters and digits, lower case. */
export function tokensOf(text: string): string[] {
    return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function searchException(message: string): ApexRuntimeSignal {
    return new ApexRuntimeSignal('System.SearchException', message);
}

interface Lexeme {
    kind: 'word' | 'phrase' | 'lparen' | 'rparen';
    text: string;
}

function lex(text: string): Lexeme[] {
    const out: Lexeme[] = [];
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (/\s/.test(c)) {
            i++;
        } else if (c === '(' || c === ')') {
            out.push({ kind: c === '(' ? 'lparen' : 'rparen', text: c });
            i++;
        } else if (c === '"') {
            let s = '';
            i++;
            while (i < text.length && text[i] !== '"') {
                if (text[i] === '\\' && i + 1 < text.length) i++;
                s += text[i++];
            }
            if (i >= text.length) throw searchException('Invalid search query: unbalanced quotes');
            i++;
            out.push({ kind: 'phrase', text: s });
        } else {
            let s = '';
            while (i < text.length && !/[\s()"]/.test(text[i])) {
                // An escaped reserved character stands for itself; `\*`, `\?` become literal, not wildcards.
                if (text[i] === '\\' && i + 1 < text.length) {
                    s += '\u0000' + text[i + 1];
                    i += 2;
                } else s += text[i++];
            }
            out.push({ kind: 'word', text: s });
        }
    }
    return out;
}

/** The token patterns of a word or phrase: split like record text, keeping wildcards. */
function patternsOf(text: string): RegExp[] {
    const out: RegExp[] = [];
    let current = '';
    let hasChars = false;
    const flush = (): void => {
        if (hasChars) out.push(new RegExp(`^${current}$`, 'u'));
        current = '';
        hasChars = false;
    };
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (c === '\u0000') {
            const lit = text[++i] ?? '';
            if (/[\p{L}\p{N}]/u.test(lit)) {
                current += lit.toLowerCase();
                hasChars = true;
            } else flush();
        } else if (c === '*') {
            current += '[\\p{L}\\p{N}]*';
            hasChars = true;
        } else if (c === '?') {
            current += '[\\p{L}\\p{N}]';
            hasChars = true;
        } else if (/[\p{L}\p{N}]/u.test(c)) {
            current += c.toLowerCase();
            hasChars = true;
        } else flush();
    }
    flush();
    return out;
}

/** Parses a FIND expression. */
export function parseSearch(text: string): SearchExpr {
    const lexemes = lex(text);
    let pos = 0;
    const peekOp = (): string | undefined => {
        const l = lexemes[pos];
        return l?.kind === 'word' ? l.text.toUpperCase() : undefined;
    };
    const primary = (): SearchExpr => {
        const l = lexemes[pos++];
        if (!l) throw searchException('Invalid search query: missing term');
        if (l.kind === 'lparen') {
            const e = or();
            if (lexemes[pos++]?.kind !== 'rparen')
                throw searchException('Invalid search query: unbalanced parentheses');
            return e;
        }
        if (l.kind === 'rparen') throw searchException('Invalid search query: unbalanced parentheses');
        const patterns = patternsOf(l.text);
        if (patterns.length === 0)
            throw searchException(`Invalid search query: no searchable characters in '${l.text}'`);
        return { kind: 'phrase', patterns };
    };
    const and = (): SearchExpr => {
        let left = primary();
        const items: SearchExpr[] = [left];
        for (;;) {
            const op = peekOp();
            const next = lexemes[pos];
            if (!next || next.kind === 'rparen' || op === 'OR') break;
            if (op === 'AND' && lexemes[pos + 1]?.kind === 'word' && lexemes[pos + 1].text.toUpperCase() === 'NOT') {
                pos += 2;
                left = {
                    kind: 'andNot',
                    left: items.length === 1 ? items[0] : { kind: 'and', items: [...items] },
                    right: primary()
                };
                items.length = 0;
                items.push(left);
                continue;
            }
            if (op === 'AND') pos++;
            items.push(primary());
        }
        return items.length === 1 ? items[0] : { kind: 'and', items };
    };
    const or = (): SearchExpr => {
        const items = [and()];
        while (peekOp() === 'OR') {
            pos++;
            items.push(and());
        }
        return items.length === 1 ? items[0] : { kind: 'or', items };
    };
    const e = or();
    if (pos < lexemes.length) throw searchException('Invalid search query: unbalanced parentheses');
    return e;
}

/** Whether the tokens of a record's in-scope fields (one token list per field) match `e`. */
export function matches(e: SearchExpr, fields: string[][]): boolean {
    switch (e.kind) {
        case 'and':
            return e.items.every((i) => matches(i, fields));
        case 'or':
            return e.items.some((i) => matches(i, fields));
        case 'andNot':
            return matches(e.left, fields) && !matches(e.right, fields);
        case 'phrase':
            return fields.some((tokens) => {
                for (let start = 0; start + e.patterns.length <= tokens.length; start++) {
                    if (e.patterns.every((p, k) => p.test(tokens[start + k]))) return true;
                }
                return false;
            });
    }
}
