/**
 * LIKE patterns (SOQL and SOSL Reference › Comparison Operators, LIKE: "%" matches zero or more
 * characters, "_" exactly one; the match is case-insensitive except on case-sensitive fields;
 * Quoted String Escape Sequences: `\%` and `\_` match a literal percent sign and underscore).
 */
import { unescapeSoqlString } from './strings.ts';

const compiled = new Map<string, RegExp>();

/**
 * The RegExp of a LIKE pattern, from the literal's raw text (between the quotes) or a bind's value
 * (where escapes are the bind string's own characters: `\%` written in Apex as `'\\%'`).
 */
export function likeRegExp(pattern: string, caseSensitive: boolean): RegExp {
    const key = (caseSensitive ? 's:' : 'i:') + pattern;
    let re = compiled.get(key);
    if (!re) {
        let source = '';
        for (let i = 0; i < pattern.length; i++) {
            const c = pattern[i];
            if (c === '\\' && i + 1 < pattern.length && (pattern[i + 1] === '%' || pattern[i + 1] === '_')) {
                source += escapeRe(pattern[++i]);
            } else if (c === '%') source += '[\\s\\S]*';
            else if (c === '_') source += '[\\s\\S]';
            else source += escapeRe(c);
        }
        re = new RegExp(`^${source}$`, caseSensitive ? 'u' : 'iu');
        compiled.set(key, re);
    }
    return re;
}

/** The LIKE pattern of a string literal's raw text: SOQL escapes resolved, `\%` and `\_` kept. */
export function likePatternOfLiteral(raw: string): string {
    return unescapeSoqlString(raw);
}

function escapeRe(c: string): string {
    // Only syntax characters: with the `u` flag, escaping anything else (`-`, `/`) is an error.
    return /[\\^$.*+?()[\]{}|]/.test(c) ? `\\${c}` : c;
}
