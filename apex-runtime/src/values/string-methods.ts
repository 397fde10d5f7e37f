/**
 * Apex String methods (Apex Reference Guide › String Class). Many follow Apache Commons Lang's
 * StringUtils, which the guide's descriptions and examples match (e.g. `abbreviate`, `center`,
 * `normalizeSpace`, `splitByCharacterType`); `trim`, `compareTo`, `hashCode`, `split` and the regex
 * methods are Java's `java.lang.String`.
 */
import { UnsupportedApexError } from '../errors.ts';
import { nullPointerException, stringException } from './signal.ts';
import { GENERAL_CATEGORIES, JavaPattern } from './java-regex.ts';
import { BASIC, HTML40_EXTENDED, ISO8859_1, NAME_TO_CODE } from './html-entities.ts';
import { toBcp47 } from './locale.ts';

// ---- character classes (java.lang.Character) ----

/** `Character.isWhitespace`: Unicode space separators except no-break spaces, plus \t \n \v \f \r and \u001C–\u001F. */
export function isJavaWhitespace(cp: number): boolean {
    if (cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x1f)) return true;
    if (cp < 0x80 || cp === 0xa0 || cp === 0x2007 || cp === 0x202f) return false;
    return /[\p{Zs}\p{Zl}\p{Zp}]/u.test(String.fromCodePoint(cp));
}

function isLetter(ch: string): boolean {
    return /^\p{L}$/u.test(ch);
}

function isDigit(ch: string): boolean {
    return /^\p{Nd}$/u.test(ch);
}

function codePoints(s: string): string[] {
    return Array.from(s);
}

function requireArg<T>(value: T | null | undefined): T {
    if (value === null || value === undefined) throw nullPointerException('Argument cannot be null.');
    return value;
}

// ---- static helpers ----

/** `String.isBlank(s)`: null, empty, or only whitespace. */
export function isBlank(s: string | null): boolean {
    if (s === null) return true;
    for (const ch of s) if (!isJavaWhitespace(ch.codePointAt(0) ?? 0)) return false;
    return true;
}

export function isNotBlank(s: string | null): boolean {
    return !isBlank(s);
}

/** `String.isEmpty(s)`: null or ''. */
export function isEmpty(s: string | null): boolean {
    return s === null || s.length === 0;
}

export function isNotEmpty(s: string | null): boolean {
    return !isEmpty(s);
}

/** `String.join(iterable, separator)` over element texts (the interpreter renders each element). */
export function join(parts: readonly string[], separator: string | null): string {
    return parts.join(separator ?? '');
}

/** `String.fromCharArray(List<Integer>)`: UTF-16 code units. */
export function fromCharArray(chars: readonly number[]): string {
    let out = '';
    for (const c of chars) out += String.fromCharCode(c);
    return out;
}

// ---- comparison, hashing ----

/** `compareTo`: Java's lexicographic UTF-16 comparison (difference of the first differing units, or of lengths). */
export function compareTo(a: string, b: string): number {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const d = a.charCodeAt(i) - b.charCodeAt(i);
        if (d !== 0) return d;
    }
    return a.length - b.length;
}

/** `hashCode`: Java's `s[0]*31^(n-1) + … + s[n-1]` in 32-bit arithmetic. */
export function hashCode(s: string): number {
    let h = 0;
    for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return h;
}

/** `equalsIgnoreCase`: Java's per-character comparison through upper and lower case. */
export function equalsIgnoreCase(a: string, b: string | null): boolean {
    if (b === null) return false;
    if (a === b) return true;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x === y) continue;
        const cx = String.fromCharCode(x);
        const cy = String.fromCharCode(y);
        const ux = cx.toUpperCase();
        const uy = cy.toUpperCase();
        if (ux === uy) continue;
        if (ux.toLowerCase() === uy.toLowerCase()) continue;
        return false;
    }
    return true;
}

/** Java's `compareToIgnoreCase` (per character, upper then lower case). */
export function compareToIgnoreCase(a: string, b: string): number {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        let x = a.charAt(i);
        let y = b.charAt(i);
        if (x === y) continue;
        x = x.toUpperCase();
        y = y.toUpperCase();
        if (x !== y) {
            x = x.toLowerCase();
            y = y.toLowerCase();
            if (x !== y) return x.charCodeAt(0) - y.charCodeAt(0);
        }
    }
    return a.length - b.length;
}

// ---- searching ----

export function contains(s: string, sub: string | null): boolean {
    return s.includes(requireArg(sub));
}

export function containsIgnoreCase(s: string, sub: string | null): boolean {
    return indexOfIgnoreCase(s, requireArg(sub)) >= 0;
}

/** `containsAny(chars)`: any character of `chars` occurs. */
export function containsAny(s: string, chars: string): boolean {
    for (const ch of chars) if (s.includes(ch)) return true;
    return false;
}

export function containsNone(s: string, chars: string | null): boolean {
    return chars === null || !containsAny(s, chars);
}

export function containsOnly(s: string, chars: string): boolean {
    for (const ch of s) if (!chars.includes(ch)) return false;
    return true;
}

export function containsWhitespace(s: string): boolean {
    for (const ch of s) if (isJavaWhitespace(ch.codePointAt(0) ?? 0)) return true;
    return false;
}

/** `countMatches(sub)`: non-overlapping occurrences; 0 for an empty `sub`. */
export function countMatches(s: string, sub: string): number {
    if (sub === '') return 0;
    let count = 0;
    for (let i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length)) count++;
    return count;
}

export function endsWith(s: string, suffix: string): boolean {
    return s.endsWith(suffix);
}

export function endsWithIgnoreCase(s: string, suffix: string): boolean {
    return s.length >= suffix.length && equalsIgnoreCase(s.slice(s.length - suffix.length), suffix);
}

export function startsWith(s: string, prefix: string): boolean {
    return s.startsWith(prefix);
}

export function startsWithIgnoreCase(s: string, prefix: string): boolean {
    return s.length >= prefix.length && equalsIgnoreCase(s.slice(0, prefix.length), prefix);
}

/** `indexOf(sub[, from])`: -1 when absent; a negative `from` starts at 0. */
export function indexOf(s: string, sub: string, from = 0): number {
    return s.indexOf(sub, Math.max(0, from));
}

export function indexOfIgnoreCase(s: string, sub: string, from = 0): number {
    for (let i = Math.max(0, from); i + sub.length <= s.length; i++) {
        if (equalsIgnoreCase(s.substr(i, sub.length), sub)) return i;
    }
    return -1;
}

export function lastIndexOf(s: string, sub: string, from?: number): number {
    if (from !== undefined && from < 0) return -1;
    return from === undefined ? s.lastIndexOf(sub) : s.lastIndexOf(sub, from);
}

export function lastIndexOfIgnoreCase(s: string, sub: string, from = s.length): number {
    for (let i = Math.min(from, s.length - sub.length); i >= 0; i--) {
        if (equalsIgnoreCase(s.substr(i, sub.length), sub)) return i;
    }
    return -1;
}

/** `indexOfAny(chars)`: first index of any character of `chars`. */
export function indexOfAny(s: string, chars: string): number {
    for (let i = 0; i < s.length; i++) if (chars.includes(s.charAt(i))) return i;
    return -1;
}

export function indexOfAnyBut(s: string, chars: string): number {
    for (let i = 0; i < s.length; i++) if (!chars.includes(s.charAt(i))) return i;
    return -1;
}

export function lastIndexOfAny(s: string, chars: string): number {
    for (let i = s.length - 1; i >= 0; i--) if (chars.includes(s.charAt(i))) return i;
    return -1;
}

/** `indexOfChar(char[, from])`: the code point's first index. */
export function indexOfChar(s: string, cp: number, from = 0): number {
    return s.indexOf(String.fromCodePoint(cp), Math.max(0, from));
}

export function lastIndexOfChar(s: string, cp: number, from?: number): number {
    return from === undefined ? s.lastIndexOf(String.fromCodePoint(cp)) : s.lastIndexOf(String.fromCodePoint(cp), from);
}

/** `indexOfDifference(other)`: first index where the strings differ; -1 when equal. */
export function indexOfDifference(s: string, other: string): number {
    if (s === other) return -1;
    let i = 0;
    while (i < s.length && i < other.length && s.charAt(i) === other.charAt(i)) i++;
    return i;
}

/** `difference(other)`: the rest of `other` from where it differs from `s`. */
export function difference(s: string, other: string): string {
    const i = indexOfDifference(s, other);
    return i < 0 ? '' : other.slice(i);
}

// ---- character tests (Commons semantics: an empty string is not alpha/numeric) ----

function allChars(s: string, test: (ch: string) => boolean, emptyResult: boolean): boolean {
    if (s.length === 0) return emptyResult;
    for (const ch of s) if (!test(ch)) return false;
    return true;
}

export function isAlpha(s: string): boolean {
    return allChars(s, isLetter, false);
}
export function isAlphaSpace(s: string): boolean {
    return allChars(s, (ch) => ch === ' ' || isLetter(ch), true);
}
export function isAlphanumeric(s: string): boolean {
    return allChars(s, (ch) => isLetter(ch) || isDigit(ch), false);
}
export function isAlphanumericSpace(s: string): boolean {
    return allChars(s, (ch) => ch === ' ' || isLetter(ch) || isDigit(ch), true);
}
export function isNumeric(s: string): boolean {
    return allChars(s, isDigit, false);
}
export function isNumericSpace(s: string): boolean {
    return allChars(s, (ch) => ch === ' ' || isDigit(ch), true);
}
/** `isWhitespace()`: only whitespace, or empty. */
export function isWhitespace(s: string): boolean {
    return allChars(s, (ch) => isJavaWhitespace(ch.codePointAt(0) ?? 0), true);
}
export function isAsciiPrintable(s: string): boolean {
    return allChars(s, (ch) => ch >= ' ' && ch <= '~', true);
}
export function isAllLowerCase(s: string): boolean {
    return allChars(s, (ch) => /^\p{Ll}$/u.test(ch), false);
}
export function isAllUpperCase(s: string): boolean {
    return allChars(s, (ch) => /^\p{Lu}$/u.test(ch), false);
}

// ---- slicing ----

/**
 * `substring(start[, end])`: Java bounds; out of range throws `System.StringException` ("Starting
 * position out of bounds" / "Ending position out of bounds", the messages orgs show).
 */
export function substring(s: string, start: number, end = s.length): string {
    if (start < 0 || start > s.length) throw stringException(`Starting position out of bounds: ${start}`);
    if (end > s.length || end < start) throw stringException(`Ending position out of bounds: ${end}`);
    return s.slice(start, end);
}

/** `left(len)`: the first len characters; '' for a negative len. */
export function left(s: string, len: number): string {
    return len < 0 ? '' : s.slice(0, len);
}

export function right(s: string, len: number): string {
    return len <= 0 ? '' : s.slice(Math.max(0, s.length - len));
}

/** `mid(start, len)`: a negative start counts as 0. */
export function mid(s: string, start: number, len: number): string {
    if (len < 0 || start > s.length) return '';
    const from = Math.max(0, start);
    return s.slice(from, from + len);
}

export function substringAfter(s: string, sep: string | null): string {
    if (sep === null) return '';
    if (sep === '') return s;
    const i = s.indexOf(sep);
    return i < 0 ? '' : s.slice(i + sep.length);
}

export function substringAfterLast(s: string, sep: string | null): string {
    if (sep === null || sep === '') return '';
    const i = s.lastIndexOf(sep);
    return i < 0 || i === s.length - sep.length ? '' : s.slice(i + sep.length);
}

export function substringBefore(s: string, sep: string | null): string {
    if (sep === null) return s;
    if (sep === '') return '';
    const i = s.indexOf(sep);
    return i < 0 ? s : s.slice(0, i);
}

export function substringBeforeLast(s: string, sep: string | null): string {
    if (sep === null || sep === '') return s;
    const i = s.lastIndexOf(sep);
    return i < 0 ? s : s.slice(0, i);
}

/** `substringBetween(tag)` / `(open, close)`: null when not found. */
export function substringBetween(s: string, open: string, close: string = open): string | null {
    const start = s.indexOf(open);
    if (start < 0) return null;
    const end = s.indexOf(close, start + open.length);
    return end < 0 ? null : s.slice(start + open.length, end);
}

/** `charAt(index)`: the UTF-16 code unit; out of range throws `System.StringException`. */
export function charAt(s: string, index: number): number {
    if (index < 0 || index >= s.length) throw stringException(`Index out of bounds: ${index}`);
    return s.charCodeAt(index);
}

/** `codePointAt(index)`. */
export function codePointAt(s: string, index: number): number {
    if (index < 0 || index >= s.length) throw stringException(`Index out of bounds: ${index}`);
    return s.codePointAt(index) ?? 0;
}

export function codePointBefore(s: string, index: number): number {
    if (index < 1 || index > s.length) throw stringException(`Index out of bounds: ${index}`);
    const low = s.charCodeAt(index - 1);
    if (index >= 2 && low >= 0xdc00 && low <= 0xdfff) {
        const high = s.charCodeAt(index - 2);
        if (high >= 0xd800 && high <= 0xdbff) return s.codePointAt(index - 2) ?? low;
    }
    return low;
}

/** `codePointCount(begin, end)`. */
export function codePointCount(s: string, begin: number, end: number): number {
    return codePoints(substring(s, begin, end)).length;
}

/** `getChars()`: the UTF-16 code units. */
export function getChars(s: string): number[] {
    const out: number[] = [];
    for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
    return out;
}

// ---- transformations ----

/** `abbreviate(maxWidth[, offset])` (Commons): '...' marks removed text; maxWidth < 4 throws. */
export function abbreviate(s: string, maxWidth: number, offset = 0): string {
    if (offset === 0) {
        if (maxWidth < 4) throw stringException('Minimum abbreviation width is 4');
        if (s.length <= maxWidth) return s;
        return `${s.slice(0, maxWidth - 3)}...`;
    }
    if (maxWidth < 7) throw stringException('Minimum abbreviation width with offset is 7');
    if (s.length <= maxWidth) return s;
    let off = Math.min(offset, s.length);
    if (s.length - off < maxWidth - 3) off = s.length - (maxWidth - 3);
    if (off <= 4) return `${s.slice(0, maxWidth - 3)}...`;
    if (off + maxWidth - 3 < s.length) return `...${abbreviate(s.slice(off), maxWidth - 3)}`;
    return `...${s.slice(s.length - (maxWidth - 3))}`;
}

/** `capitalize()`: first character in title case. */
export function capitalize(s: string): string {
    if (s === '') return s;
    const first = codePoints(s)[0] ?? '';
    return first.toUpperCase().length === first.length ? first.toUpperCase() + s.slice(first.length) : s;
}

/** `uncapitalize()`: first character in lower case. */
export function uncapitalize(s: string): string {
    if (s === '') return s;
    const first = codePoints(s)[0] ?? '';
    return first.toLowerCase() + s.slice(first.length);
}

/** `swapCase()`. */
export function swapCase(s: string): string {
    let out = '';
    for (const ch of s) out += ch === ch.toUpperCase() ? ch.toLowerCase() : ch.toUpperCase();
    return out;
}

function padding(count: number, pad: string): string {
    if (count <= 0) return '';
    return pad.repeat(Math.ceil(count / pad.length)).slice(0, count);
}

/** `center(size[, padStr])`: padded on both sides, the extra character on the right. */
export function center(s: string, size: number, pad = ' '): string {
    if (pad === '') pad = ' ';
    const total = size - s.length;
    if (total <= 0) return s;
    const leftCount = Math.floor(total / 2);
    return padding(leftCount, pad) + s + padding(total - leftCount, pad);
}

/** `leftPad(length[, padStr])`. */
export function leftPad(s: string, length: number, pad = ' '): string {
    if (pad === '') pad = ' ';
    return padding(length - s.length, pad) + s;
}

export function rightPad(s: string, length: number, pad = ' '): string {
    if (pad === '') pad = ' ';
    return s + padding(length - s.length, pad);
}

/** `deleteWhitespace()`: removes every whitespace character. */
export function deleteWhitespace(s: string): string {
    let out = '';
    for (const ch of s) if (!isJavaWhitespace(ch.codePointAt(0) ?? 0)) out += ch;
    return out;
}

/** `normalizeSpace()`: trimmed, inner whitespace runs collapsed to one space. */
export function normalizeSpace(s: string): string {
    let out = '';
    let pendingSpace = false;
    for (const ch of s) {
        if (isJavaWhitespace(ch.codePointAt(0) ?? 0)) {
            pendingSpace = out.length > 0;
            continue;
        }
        if (pendingSpace) out += ' ';
        pendingSpace = false;
        out += ch;
    }
    return out;
}

/** `trim()`: removes leading and trailing characters <= U+0020 (java.lang.String.trim). */
export function trim(s: string): string {
    let start = 0;
    let end = s.length;
    while (start < end && s.charCodeAt(start) <= 0x20) start++;
    while (end > start && s.charCodeAt(end - 1) <= 0x20) end--;
    return start === 0 && end === s.length ? s : s.slice(start, end);
}

/** `remove(sub)`: every occurrence removed. */
export function remove(s: string, sub: string): string {
    return sub === '' ? s : s.split(sub).join('');
}

export function removeStart(s: string, prefix: string): string {
    return prefix !== '' && s.startsWith(prefix) ? s.slice(prefix.length) : s;
}

export function removeStartIgnoreCase(s: string, prefix: string): string {
    return prefix !== '' && startsWithIgnoreCase(s, prefix) ? s.slice(prefix.length) : s;
}

export function removeEnd(s: string, suffix: string): string {
    return suffix !== '' && s.endsWith(suffix) ? s.slice(0, s.length - suffix.length) : s;
}

export function removeEndIgnoreCase(s: string, suffix: string): string {
    return suffix !== '' && endsWithIgnoreCase(s, suffix) ? s.slice(0, s.length - suffix.length) : s;
}

/** `repeat(n)` / `repeat(separator, n)`. */
export function repeat(s: string, n: number, separator?: string): string {
    if (n <= 0) return '';
    if (separator === undefined) return s.repeat(n);
    return Array.from({ length: n }, () => s).join(separator);
}

/** `replace(target, replacement)`: every literal occurrence. */
export function replace(s: string, target: string, replacement: string): string {
    requireArg(target);
    requireArg(replacement);
    if (target === '') {
        // Java inserts the replacement between every character and at both ends.
        return replacement + Array.from(s.split('')).join(replacement) + (s.length ? replacement : '');
    }
    return s.split(target).join(replacement);
}

/** `replaceAll(regExp, replacement)`: Java regex and `$n` replacement. */
export function replaceAll(s: string, regex: string, replacement: string): string {
    return JavaPattern.cached(regex).matcher(s).replaceAll(replacement);
}

export function replaceFirst(s: string, regex: string, replacement: string): string {
    return JavaPattern.cached(regex).matcher(s).replaceFirst(replacement);
}

/** `matches(regExp)`: the whole string matches. */
export function matches(s: string, regex: string): boolean {
    return JavaPattern.matches(regex, s);
}

/** `split(regExp[, limit])`: java.lang.String.split. */
export function split(s: string, regex: string, limit = 0): string[] {
    return JavaPattern.cached(regex).split(s, limit);
}

/** `reverse()`: by code point (surrogate pairs kept). */
export function reverse(s: string): string {
    return codePoints(s).reverse().join('');
}

/** `splitByCharacterType()` (Commons): runs of the same Unicode character type. */
export function splitByCharacterType(s: string, camelCase = false): string[] {
    const chars = codePoints(s);
    if (chars.length === 0) return [];
    const out: string[] = [];
    let start = 0;
    let current = generalType(chars[0] ?? '');
    for (let i = 1; i < chars.length; i++) {
        const type = generalType(chars[i] ?? '');
        if (type === current) continue;
        if (camelCase && type === 'Ll' && current === 'Lu') {
            const newStart = i - 1;
            if (newStart !== start) {
                out.push(chars.slice(start, newStart).join(''));
                start = newStart;
            }
        } else {
            out.push(chars.slice(start, i).join(''));
            start = i;
        }
        current = type;
    }
    out.push(chars.slice(start).join(''));
    return out;
}

// Unassigned (Cn) is what is left when no other category matches.
const CATEGORY_TESTS: [string, RegExp][] = GENERAL_CATEGORIES.filter((cat) => cat !== 'Cn').map(
    (cat): [string, RegExp] => [cat, new RegExp(`^\\p{${cat}}$`, 'u')]
);

/** The Unicode general category of a character (`Character.getType`). */
function generalType(ch: string): string {
    for (const [cat, re] of CATEGORY_TESTS) if (re.test(ch)) return cat;
    return 'Cn';
}

/** `toLowerCase([locale])`: locale rules (e.g. Turkish dotless i) when a locale is given. */
export function toLowerCase(s: string, localeSidKey?: string): string {
    return localeSidKey === undefined ? s.toLowerCase() : s.toLocaleLowerCase(toBcp47(localeSidKey));
}

export function toUpperCase(s: string, localeSidKey?: string): string {
    return localeSidKey === undefined ? s.toUpperCase() : s.toLocaleUpperCase(toBcp47(localeSidKey));
}

// ---- escaping ----

/** `escapeSingleQuotes(s)`: a backslash before every single quote (for dynamic SOQL). */
export function escapeSingleQuotes(s: string): string {
    return s.replace(/'/g, "\\'");
}

function escapeWith(s: string, ...tables: Map<number, string>[]): string {
    let out = '';
    for (const ch of s) {
        const cp = ch.codePointAt(0) ?? 0;
        let name: string | undefined;
        for (const t of tables) {
            name = t.get(cp);
            if (name) break;
        }
        out += name ? `&${name};` : ch;
    }
    return out;
}

/** `escapeHtml4()`: HTML 4.0 named entities (basic, ISO-8859-1 and extended). */
export function escapeHtml4(s: string): string {
    return escapeWith(s, BASIC, ISO8859_1, HTML40_EXTENDED);
}

/** `escapeHtml3()`: basic and ISO-8859-1 entities. */
export function escapeHtml3(s: string): string {
    return escapeWith(s, BASIC, ISO8859_1);
}

/** `escapeXml()`: the five XML entities only; characters above 0x7f are not escaped. */
export function escapeXml(s: string): string {
    return s.replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c
    );
}

function unicodeEscape(cp: number): string {
    if (cp > 0xffff) {
        const s = String.fromCodePoint(cp);
        return unicodeEscape(s.charCodeAt(0)) + unicodeEscape(s.charCodeAt(1));
    }
    return `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

const CTRL: Record<string, string> = { '\b': '\\b', '\n': '\\n', '\t': '\\t', '\f': '\\f', '\r': '\\r' };

/** `escapeJava` with the characters of `more` backslash-escaped too. */
function backslashEscape(s: string, more: string): string {
    let out = '';
    for (const ch of s) {
        if (ch === '"' || ch === '\\' || more.includes(ch)) out += `\\${ch}`;
        else if (CTRL[ch]) out += CTRL[ch];
        else {
            const cp = ch.codePointAt(0) ?? 0;
            out += cp < 32 || cp > 0x7f ? unicodeEscape(cp) : ch;
        }
    }
    return out;
}

/** `escapeJava()`: `"` and `\` escaped, control characters as \b \n \t \f \r, others outside 32–0x7f as \uXXXX. */
export function escapeJava(s: string): string {
    return backslashEscape(s, '');
}

/** `escapeEcmaScript()`: as escapeJava, plus `'` and `/`. */
export function escapeEcmaScript(s: string): string {
    return backslashEscape(s, "'/");
}

/** `escapeCsv()`: quoted (quotes doubled) when it holds a comma, quote, CR or LF. */
export function escapeCsv(s: string): string {
    return /[,"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `unescapeCsv()`. */
export function unescapeCsv(s: string): string {
    if (s.length < 2 || !s.startsWith('"') || !s.endsWith('"')) return s;
    const inner = s.slice(1, -1);
    return /[,"\r\n]/.test(inner) ? inner.replace(/""/g, '"') : s;
}

function unescapeEntities(s: string, names: (name: string) => number | undefined): string {
    return s.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, (whole, body: string) => {
        if (body.startsWith('#')) {
            const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
            return cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
        }
        const cp = names(body);
        return cp === undefined ? whole : String.fromCodePoint(cp);
    });
}

/** `unescapeHtml4()` / `unescapeHtml3()`: named and numeric entities. */
export function unescapeHtml4(s: string): string {
    return unescapeEntities(s, (name) => NAME_TO_CODE.get(name));
}

/** `unescapeXml()`: the five XML entities and numeric references. */
export function unescapeXml(s: string): string {
    const xml: Record<string, number> = { amp: 38, lt: 60, gt: 62, quot: 34, apos: 39 };
    return unescapeEntities(s, (name) => xml[name]);
}

/** `unescapeJava()` / `unescapeEcmaScript()`: backslash escapes and \uXXXX. */
export function unescapeJava(s: string): string {
    let out = '';
    for (let i = 0; i < s.length; i++) {
        const c = s.charAt(i);
        if (c !== '\\' || i + 1 >= s.length) {
            out += c;
            continue;
        }
        const n = s.charAt(++i);
        const simple: Record<string, string> = {
            b: '\b',
            n: '\n',
            t: '\t',
            f: '\f',
            r: '\r',
            '"': '"',
            "'": "'",
            '\\': '\\',
            '/': '/'
        };
        if (simple[n] !== undefined) out += simple[n];
        else if (n === 'u') {
            let j = i + 1;
            while (s.charAt(j) === 'u') j++;
            const hex = s.slice(j, j + 4);
            if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw stringException(`Unable to parse unicode value: ${hex}`);
            out += String.fromCharCode(parseInt(hex, 16));
            i = j + 3;
        } else if (/[0-7]/.test(n)) {
            const m = /^[0-7]{1,3}/.exec(s.slice(i)) ?? ['0'];
            const oct = m[0].length === 3 && Number(m[0][0]) > 3 ? m[0].slice(0, 2) : m[0];
            out += String.fromCharCode(parseInt(oct, 8));
            i += oct.length - 1;
        } else out += n;
    }
    return out;
}

/** `escapeUnicode()`: not in the package; its exact range is not documented. */
export function escapeUnicode(): never {
    throw new UnsupportedApexError('String.escapeUnicode');
}

/** `stripHtmlTags()`: needs the platform's HTML sanitizer; refused. */
export function stripHtmlTags(): never {
    throw new UnsupportedApexError('String.stripHtmlTags');
}

/** `getLevenshteinDistance(other)`: the edit distance (insertions, deletions, substitutions). */
export function getLevenshteinDistance(s: string, other: string, threshold?: number): number {
    let prev = Array.from({ length: other.length + 1 }, (_, j) => j);
    for (let i = 1; i <= s.length; i++) {
        const row = [i];
        for (let j = 1; j <= other.length; j++) {
            const cost = s.charAt(i - 1) === other.charAt(j - 1) ? 0 : 1;
            row.push(Math.min((row[j - 1] ?? 0) + 1, (prev[j] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
        }
        prev = row;
    }
    const d = prev[other.length] ?? 0;
    // With a threshold, Commons returns -1 when the distance exceeds it.
    return threshold !== undefined && d > threshold ? -1 : d;
}

/** `offsetByCodePoints(index, codePointOffset)`: the UTF-16 index that many code points away. */
export function offsetByCodePoints(s: string, index: number, offset: number): number {
    if (index < 0 || index > s.length) throw stringException(`Index out of bounds: ${index}`);
    let i = index;
    for (let n = 0; n < Math.abs(offset); n++) {
        if (offset > 0) {
            if (i >= s.length) throw stringException(`Index out of bounds: ${offset}`);
            const cp = s.codePointAt(i) ?? 0;
            i += cp > 0xffff ? 2 : 1;
        } else {
            if (i <= 0) throw stringException(`Index out of bounds: ${offset}`);
            i -= codePointBefore(s, i) > 0xffff ? 2 : 1;
        }
    }
    return i;
}
