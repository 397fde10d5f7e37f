/**
 * Apex literal tokens to `Literal` values: number typing by form and range, string escapes resolved.
 */
import type { ApexToken } from '@apexdevtools/apex-parser';
import type { Literal } from './ast.ts';
import type { SourceText } from './source.ts';

const INTEGER_MAX = 2147483647n;
const LONG_MAX = 9223372036854775807n;

// Apex Developer Guide › Primitive Data Types › String: the escapes Apex strings support.
const ESCAPES: Record<string, string> = {
    b: '\b',
    t: '\t',
    n: '\n',
    f: '\f',
    r: '\r',
    '"': '"',
    "'": "'",
    '\\': '\\'
};

/** The value of a single-quoted Apex string literal token (quotes included in `raw`). */
export function unescapeApexString(raw: string, src: SourceText, token: ApexToken): string {
    const body = raw.slice(1, -1);
    if (!body.includes('\\')) return body;
    let out = '';
    for (let i = 0; i < body.length; i += 1) {
        const ch = body[i];
        if (ch !== '\\') {
            out += ch;
            continue;
        }
        const next = body[i + 1];
        if (next === 'u') {
            const hex = body.slice(i + 2, i + 6);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) src.invalid(`Invalid string escape \\u${hex}`, token);
            out += String.fromCharCode(parseInt(hex, 16));
            i += 5;
            continue;
        }
        const escaped = next === undefined ? undefined : ESCAPES[next];
        if (escaped === undefined) {
            // The lexer is case-insensitive, so `\N` lexes; the guide documents only the lower-case escapes.
            if (next !== undefined && (next === 'U' || ESCAPES[next.toLowerCase()] !== undefined)) {
                src.unsupported(`string escape \\${next}`, token);
            }
            src.invalid(`Invalid string escape \\${next ?? ''}`, token);
        }
        out += escaped;
        i += 1;
    }
    return out;
}

/**
 * An unsigned number token to a literal: `123` Integer (must fit 32 bits), `123L` Long (64 bits), `1.5` Decimal,
 * `1.5d` Double. The value keeps the digits as written (a leading `.` gets a `0`), without the suffix.
 */
export function numberLiteral(raw: string, src: SourceText, token: ApexToken, line: number): Literal {
    const lower = raw.toLowerCase();
    if (lower.endsWith('l')) {
        const digits = checkDigits(raw.slice(0, -1), src, token);
        if (BigInt(digits) > LONG_MAX) src.invalid(`Illegal long: ${raw}`, token);
        return { kind: 'literal', line, type: 'long', value: digits };
    }
    if (lower.includes('.')) {
        const isDouble = lower.endsWith('d');
        const text = isDouble ? raw.slice(0, -1) : raw;
        return {
            kind: 'literal',
            line,
            type: isDouble ? 'double' : 'decimal',
            value: text.startsWith('.') ? `0${text}` : text
        };
    }
    const digits = checkDigits(raw, src, token);
    if (BigInt(digits) > INTEGER_MAX) src.invalid(`Illegal integer: ${raw}`, token);
    return { kind: 'literal', line, type: 'integer', value: digits };
}

function checkDigits(digits: string, src: SourceText, token: ApexToken): string {
    // Java reads a leading 0 as octal; the Apex guide says nothing of it, so such literals are refused, not guessed.
    if (digits.length > 1 && digits.startsWith('0'))
        src.unsupported(`number literal with a leading zero ${digits}`, token);
    return digits;
}
