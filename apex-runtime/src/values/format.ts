/**
 * `String.format(format, arguments)` (Apex Reference Guide › String Class › format): java.text.MessageFormat
 * pattern syntax, with every argument first converted to a String ("non-string types in the second
 * argument's list are implicitly converted to strings"), so no number or date formatting applies.
 */
import { UnsupportedApexError } from '../errors.ts';
import { stringException } from './signal.ts';
import { isPrimitive, primitiveToString } from './text.ts';

/**
 * Formats a MessageFormat pattern. `args` are the arguments' texts (null → `null`). Quoting: `'…'`
 * makes text literal, `''` is one quote; `{n}` beyond the arguments is left as `{n}`; unbalanced
 * braces throw `System.StringException` (MessageFormat's IllegalArgumentException).
 */
export function formatMessage(pattern: string, args: readonly (string | null)[]): string {
    let out = '';
    let inQuote = false;
    for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charAt(i);
        if (c === "'") {
            if (pattern.charAt(i + 1) === "'") {
                out += "'";
                i++;
            } else {
                inQuote = !inQuote;
            }
            continue;
        }
        // Outside quotes a lone closing brace is literal in MessageFormat.
        if (inQuote || c !== '{') {
            out += c;
            continue;
        }
        const close = pattern.indexOf('}', i);
        if (close < 0) throw stringException('Unmatched braces in the pattern.');
        const body = pattern.slice(i + 1, close).trim();
        const [index, type] = body.split(',', 2).map((s) => s.trim());
        if (type !== undefined) throw new UnsupportedApexError(`String.format element type {${body}}`);
        if (!/^\d+$/.test(index ?? '')) throw stringException(`can't parse argument number: ${body}`);
        const n = Number(index);
        out += n < args.length ? (args[n] ?? 'null') : `{${n}}`;
        i = close;
    }
    return out;
}

/**
 * `String.format` over Apex values: primitives render as `String.valueOf` does (Datetime in the
 * user's time zone); other values through `renderObject` (the interpreter's `toString()` call).
 */
export function formatValues(
    pattern: string,
    args: readonly unknown[],
    tz: string,
    renderObject: (v: unknown) => string
): string {
    return formatMessage(
        pattern,
        args.map((v) =>
            v === null || v === undefined ? null : isPrimitive(v) ? primitiveToString(v, tz) : renderObject(v)
        )
    );
}
