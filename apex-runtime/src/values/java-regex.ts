/**
 * Java regular expressions (java.util.regex, which Apex's Pattern, Matcher, String.split, replaceAll,
 * replaceFirst and matches use: Apex Reference Guide › Pattern Class) translated to JS RegExp.
 * Constructs with no faithful JS equivalent (possessive quantifiers, atomic groups, class
 * intersection, mid-pattern flags, \G, hitEnd…) throw `UnsupportedApexError`.
 */
import { UnsupportedApexError } from '../errors.ts';
import { ApexRuntimeSignal, stringException } from './signal.ts';

/** Java line terminators: `.` excludes them, `$` may match before a final one. */
const LINE_TERMINATOR = '\\n\\r\\u0085\\u2028\\u2029';
/** Java's `\s`: ASCII whitespace only. */
const JAVA_SPACE = ' \\t\\n\\x0B\\f\\r';
/** JS identity escapes allowed with the `u` flag. */
const SYNTAX_CHARS = '^$\\.*+?()[]{}|/';

const POSIX: Record<string, string> = {
    Lower: 'a-z',
    Upper: 'A-Z',
    ASCII: '\\x00-\\x7F',
    Alpha: 'a-zA-Z',
    Digit: '0-9',
    Alnum: 'a-zA-Z0-9',
    Punct: '!-\\/:-@\\[-`{-~',
    Graph: '!-~',
    Print: ' -~',
    Blank: ' \\t',
    Cntrl: '\\x00-\\x1F\\x7F',
    XDigit: '0-9a-fA-F',
    Space: JAVA_SPACE,
    javaLowerCase: '\\p{Lowercase}',
    javaUpperCase: '\\p{Uppercase}',
    javaWhitespace: '\\t-\\r\\x1C-\\x1F\\p{Zs}\\p{Zl}\\p{Zp}',
    IsAlphabetic: '\\p{Alphabetic}',
    IsLetter: '\\p{L}',
    IsDigit: '\\p{Nd}',
    IsWhite_Space: '\\p{White_Space}',
    IsWhiteSpace: '\\p{White_Space}',
    IsUppercase: '\\p{Uppercase}',
    IsLowercase: '\\p{Lowercase}',
    IsPunctuation: '\\p{P}'
};

/** The Unicode general categories (`Character.getType`; Unicode Standard › General Category Values). */
export const GENERAL_CATEGORIES: readonly string[] = [
    ...['Lu', 'Ll', 'Lt', 'Lm', 'Lo'],
    ...['Mn', 'Mc', 'Me'],
    ...['Nd', 'Nl', 'No'],
    ...['Pc', 'Pd', 'Ps', 'Pe', 'Pi', 'Pf', 'Po'],
    ...['Sm', 'Sc', 'Sk', 'So'],
    ...['Zs', 'Zl', 'Zp'],
    ...['Cc', 'Cf', 'Cs', 'Co', 'Cn']
];

/** Category names a `\p{…}` may use: the general categories, their one-letter groups, and `LC` (cased letter). */
const CATEGORIES = new Set(['L', 'M', 'N', 'P', 'S', 'Z', 'C', ...GENERAL_CATEGORIES, 'LC']);

/** A property escape's body for use inside a JS class, or null when unknown. */
function propertyClass(name: string): string | null {
    const posix = POSIX[name];
    if (posix !== undefined) return posix;
    const cat = name.startsWith('Is') && CATEGORIES.has(name.slice(2)) ? name.slice(2) : name;
    if (CATEGORIES.has(cat)) return `\\p{${cat}}`;
    if (name.startsWith('Is') || name.startsWith('script=')) {
        const script = name.replace(/^(Is|script=)/, '');
        try {
            new RegExp(`\\p{Script=${script}}`, 'u');
            return `\\p{Script=${script}}`;
        } catch {
            return null;
        }
    }
    return null;
}

export interface TranslatedRegex {
    source: string;
    flags: string;
    groupCount: number;
    groupNames: string[];
}

/** An invalid pattern: `System.StringException: Invalid regex: …` (behaviour observed in orgs). */
function syntaxError(message: string, pattern: string): ApexRuntimeSignal {
    return stringException(`Invalid regex: ${message} in ${pattern}`);
}

const cache = new Map<string, TranslatedRegex>();

/** Translates a Java regex to a JS RegExp source and flags (`u` always; `i`, `s`, `m` from flags). */
export function translateJavaRegex(pattern: string): TranslatedRegex {
    const hit = cache.get(pattern);
    if (hit) return hit;
    const result = translate(pattern);
    cache.set(pattern, result);
    return result;
}

function translate(pattern: string): TranslatedRegex {
    let i = 0;
    const flags = new Set<string>();
    // Leading inline flags, e.g. (?i) or (?is).
    for (;;) {
        const m = /^\(\?([a-zA-Z]+)\)/.exec(pattern.slice(i));
        if (!m) break;
        for (const f of m[1] ?? '') {
            if (f === 'i' || f === 's' || f === 'm') flags.add(f);
            else if (f === 'u') continue;
            else throw new UnsupportedApexError(`regex inline flag (?${f})`);
        }
        i += m[0].length;
    }
    const dotAll = flags.has('s');
    const multiline = flags.has('m');
    let out = '';
    let groupCount = 0;
    const groupNames: string[] = [];
    let inClass = 0;
    const n = pattern.length;
    while (i < n) {
        const c = pattern.charAt(i);
        if (c === '\\') {
            const [text, used] = escape(pattern, i, inClass > 0);
            out += text;
            i += used;
            continue;
        }
        if (inClass) {
            if (c === '[') {
                throw new UnsupportedApexError('regex nested character class (union)');
            }
            if (c === '&' && pattern.charAt(i + 1) === '&')
                throw new UnsupportedApexError('regex character class intersection (&&)');
            if (c === ']') {
                inClass--;
                out += ']';
                i++;
                continue;
            }
            out += c === '-' || /[A-Za-z0-9 ]/.test(c) ? c : SYNTAX_CHARS.includes(c) ? `\\${c}` : c;
            i++;
            continue;
        }
        switch (c) {
            case '[':
                inClass++;
                out += '[';
                i++;
                if (pattern.charAt(i) === '^') {
                    out += '^';
                    i++;
                }
                // `[]...]`, `[^]...]`: a ] right after [ or [^ is literal in Java.
                if (pattern.charAt(i) === ']') {
                    out += '\\]';
                    i++;
                }
                continue;
            case '(': {
                const rest = pattern.slice(i);
                if (
                    rest.startsWith('(?:') ||
                    rest.startsWith('(?=') ||
                    rest.startsWith('(?!') ||
                    rest.startsWith('(?<=') ||
                    rest.startsWith('(?<!')
                ) {
                    const len = rest.startsWith('(?<') ? 4 : 3;
                    out += rest.slice(0, len);
                    i += len;
                    continue;
                }
                const named = /^\(\?<([a-zA-Z][a-zA-Z0-9]*)>/.exec(rest);
                if (named) {
                    groupCount++;
                    groupNames.push(named[1] ?? '');
                    out += named[0];
                    i += named[0].length;
                    continue;
                }
                if (rest.startsWith('(?>')) throw new UnsupportedApexError('regex atomic group (?>…)');
                if (rest.startsWith('(?')) throw new UnsupportedApexError(`regex construct ${rest.slice(0, 6)}`);
                groupCount++;
                groupNames.push('');
                out += '(';
                i++;
                continue;
            }
            case '.':
                out += dotAll ? '[\\s\\S]' : `[^${LINE_TERMINATOR}]`;
                i++;
                continue;
            case '$':
                // Java's $ (without MULTILINE) also matches before a final line terminator.
                out += multiline
                    ? `(?=[${LINE_TERMINATOR}]|(?![\\s\\S]))`
                    : `(?=(?:\\r\\n|[${LINE_TERMINATOR}])?(?![\\s\\S]))`;
                i++;
                continue;
            case '^':
                out += multiline ? `(?<=^|[${LINE_TERMINATOR}])` : '^';
                i++;
                continue;
            case '*':
            case '+':
            case '?':
            case '{': {
                const q = quantifierAt(pattern, i);
                out += q;
                i += q.length;
                continue;
            }
            // A `]` or `}` outside a class and a quantifier is literal in Java, a syntax error in a JS `u` regex.
            case ']':
            case '}':
                out += `\\${c}`;
                i++;
                continue;
            default:
                out += c;
                i++;
        }
    }
    if (inClass) throw syntaxError('Unclosed character class', pattern);
    const jsFlags = `u${flags.has('i') ? 'i' : ''}`;
    try {
        new RegExp(out, jsFlags);
    } catch (e) {
        throw syntaxError((e as Error).message, pattern);
    }
    return { source: out, flags: jsFlags, groupCount, groupNames };
}

/**
 * The quantifier at `i` (`*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`) with the lazy `?` after it: written the
 * same in JS. A possessive `+` after it has no JS form.
 */
function quantifierAt(pattern: string, i: number): string {
    const c = pattern.charAt(i);
    const base = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i))?.[0] : c;
    if (!base) throw syntaxError('Illegal repetition', pattern);
    const next = pattern.charAt(i + base.length);
    if (next === '+') throw new UnsupportedApexError('regex possessive quantifier');
    return next === '?' ? `${base}?` : base;
}

/** Translates the escape at `i`; returns the JS text and the number of pattern chars consumed. */
function escape(pattern: string, i: number, inClass: boolean): [string, number] {
    const c = pattern.charAt(i + 1);
    if (c === '') throw stringException(`Invalid regex: trailing backslash in ${pattern}`);
    switch (c) {
        case 'd':
        case 'D':
        case 'w':
        case 'W':
        case 't':
        case 'n':
        case 'r':
        case 'f':
            return [`\\${c}`, 2];
        case 'b':
        case 'B':
            if (inClass) throw new UnsupportedApexError('regex \\b inside a character class');
            return [`\\${c}`, 2];
        case 's':
            return [inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`, 2];
        case 'S':
            if (inClass) throw new UnsupportedApexError('regex \\S inside a character class');
            return [`[^${JAVA_SPACE}]`, 2];
        case 'a':
            return ['\\x07', 2];
        case 'e':
            return ['\\x1B', 2];
        case 'A':
            return ['(?<![\\s\\S])', 2];
        case 'z':
            return ['(?![\\s\\S])', 2];
        case 'Z':
            return [`(?=(?:\\r\\n|[${LINE_TERMINATOR}])?(?![\\s\\S]))`, 2];
        case 'Q': {
            const end = pattern.indexOf('\\E', i + 2);
            const text = pattern.slice(i + 2, end < 0 ? undefined : end);
            const escaped = text.replace(/[\\^$.*+?()[\]{}|/-]/g, (m) => `\\${m}`);
            return [escaped, (end < 0 ? pattern.length : end + 2) - i];
        }
        case 'E':
            return ['', 2];
        case 'x': {
            const braced = /^\\x\{([0-9a-fA-F]+)\}/.exec(pattern.slice(i));
            if (braced) return [`\\u{${braced[1]}}`, braced[0].length];
            const m = /^\\x([0-9a-fA-F]{2})/.exec(pattern.slice(i));
            if (!m) throw stringException(`Invalid regex: bad \\x escape in ${pattern}`);
            return [m[0], 4];
        }
        case 'u': {
            const m = /^\\u([0-9a-fA-F]{4})/.exec(pattern.slice(i));
            if (!m) throw stringException(`Invalid regex: bad \\u escape in ${pattern}`);
            return [m[0], 6];
        }
        case '0': {
            const m = /^\\0([0-3]?[0-7]{1,2})/.exec(pattern.slice(i));
            if (!m) throw stringException(`Invalid regex: bad octal escape in ${pattern}`);
            return [
                `\\x${parseInt(m[1] ?? '0', 8)
                    .toString(16)
                    .padStart(2, '0')}`,
                m[0].length
            ];
        }
        case 'c': {
            const ctl = pattern.charAt(i + 2);
            return [`\\x${(ctl.charCodeAt(0) ^ 64).toString(16).padStart(2, '0')}`, 3];
        }
        case 'k': {
            const m = /^\\k<([a-zA-Z][a-zA-Z0-9]*)>/.exec(pattern.slice(i));
            if (!m) throw stringException(`Invalid regex: bad \\k escape in ${pattern}`);
            return [m[0], m[0].length];
        }
        case 'p':
        case 'P': {
            const m = /^\\[pP](?:\{([^}]+)\}|([A-Za-z]))/.exec(pattern.slice(i));
            if (!m) throw stringException(`Invalid regex: bad property escape in ${pattern}`);
            const body = propertyClass(m[1] ?? m[2] ?? '');
            if (body === null) throw new UnsupportedApexError(`regex property ${m[0]}`);
            if (inClass) {
                if (c === 'P') throw new UnsupportedApexError(`regex negated property ${m[0]} inside a class`);
                return [body, m[0].length];
            }
            return [`[${c === 'P' ? '^' : ''}${body}]`, m[0].length];
        }
        default:
            if (/[1-9]/.test(c)) {
                if (inClass) throw new UnsupportedApexError('regex back reference inside a class');
                return [`\\${c}`, 2];
            }
            if (/[A-Za-z]/.test(c)) throw new UnsupportedApexError(`regex escape \\${c}`);
            // Any other escaped character is itself; with the u flag JS only allows syntax characters.
            if (SYNTAX_CHARS.includes(c) || (inClass && c === '-')) return [`\\${c}`, 2];
            return [c, 2];
    }
}

const compiled = new Map<string, JavaPattern>();

/** `System.Pattern`. */
export class JavaPattern {
    readonly pattern: string;
    readonly translated: TranslatedRegex;
    /** For find(): global + indices. */
    readonly finder: RegExp;
    /** For matches()/lookingAt(): sticky at 0. */
    readonly anchored: RegExp;
    readonly whole: RegExp;

    constructor(pattern: string) {
        this.pattern = pattern;
        this.translated = translateJavaRegex(pattern);
        const { source, flags } = this.translated;
        this.finder = new RegExp(source, `${flags}gd`);
        this.anchored = new RegExp(source, `${flags}yd`);
        this.whole = new RegExp(`(?:${source})(?![\\s\\S])`, `${flags}yd`);
    }

    /** `Pattern.compile(regExp)`: a new Pattern object (Apex compares Patterns by reference). */
    static compile(pattern: string): JavaPattern {
        return new JavaPattern(pattern);
    }

    /**
     * A shared compiled pattern for library methods that never expose it (`String.split`,
     * `replaceAll`, `Pattern.matches`…): compiling once per distinct regex keeps test runs fast.
     */
    static cached(pattern: string): JavaPattern {
        let p = compiled.get(pattern);
        if (!p) {
            p = new JavaPattern(pattern);
            compiled.set(pattern, p);
        }
        return p;
    }

    /** `Pattern.matches(regExp, input)`: the whole input matches. */
    static matches(pattern: string, input: string): boolean {
        return JavaPattern.cached(pattern).matcher(input).matches();
    }

    /** `Pattern.quote(s)`: a pattern matching s literally (`\Q…\E`, splitting any `\E` in s). */
    static quote(s: string): string {
        if (!s.includes('\\E')) return `\\Q${s}\\E`;
        return `\\Q${s.split('\\E').join('\\E\\\\E\\Q')}\\E`;
    }

    /** `pattern()`. */
    toString(): string {
        return this.pattern;
    }

    /** `matcher(input)`. */
    matcher(input: string): JavaMatcher {
        return new JavaMatcher(this, input);
    }

    /**
     * `split(input[, limit])` and `String.split`: Java semantics. A zero-width match at the start
     * yields no leading empty string; limit > 0 splits at most limit − 1 times; limit 0 removes
     * trailing empty strings; a negative limit keeps them.
     */
    split(input: string, limit = 0): string[] {
        const parts: string[] = [];
        let index = 0;
        const m = this.matcher(input);
        while (m.find()) {
            if (limit > 0 && parts.length >= limit - 1) break;
            const start = m.start();
            const end = m.end();
            if (start === 0 && end === 0) continue;
            parts.push(input.slice(index, start));
            index = end;
        }
        if (index === 0 && parts.length === 0) return [input];
        parts.push(input.slice(index));
        if (limit === 0) while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
        return parts;
    }
}

/** `System.Matcher`. */
export class JavaMatcher {
    readonly pattern: JavaPattern;
    private input: string;
    private match: RegExpExecArray | null = null;
    /** Where the next find() starts (Java: after the previous match; +1 after an empty one). */
    private next = 0;

    constructor(pattern: JavaPattern, input: string) {
        this.pattern = pattern;
        this.input = input;
    }

    /** `matches()`: the whole input matches the pattern. */
    matches(): boolean {
        return this.runAt(this.pattern.whole, 0);
    }

    /** `lookingAt()`: a match starting at the beginning of the input. */
    lookingAt(): boolean {
        return this.runAt(this.pattern.anchored, 0);
    }

    private runAt(re: RegExp, at: number): boolean {
        re.lastIndex = at;
        this.match = re.exec(this.input);
        if (this.match) this.next = this.match.index + this.match[0].length + (this.match[0].length === 0 ? 1 : 0);
        return this.match !== null;
    }

    /** `find()` / `find(start)`: the next match. */
    find(start?: number): boolean {
        if (start !== undefined) {
            if (start < 0 || start > this.input.length) throw stringException(`Illegal start index: ${start}`);
            this.reset();
            this.next = start;
        }
        if (this.next > this.input.length) {
            this.match = null;
            return false;
        }
        const re = this.pattern.finder;
        re.lastIndex = this.next;
        this.match = re.exec(this.input);
        if (!this.match) {
            this.next = this.input.length + 1;
            return false;
        }
        const end = this.match.index + this.match[0].length;
        this.next = this.match[0].length === 0 ? end + 1 : end;
        return true;
    }

    private current(): RegExpExecArray {
        if (!this.match) throw new ApexRuntimeSignal('System.StringException', 'No match found');
        return this.match;
    }

    private groupIndex(group: number | string): number {
        if (typeof group === 'number') {
            if (group < 0 || group > this.pattern.translated.groupCount) {
                throw new ApexRuntimeSignal('System.StringException', `No group ${group}`);
            }
            return group;
        }
        const idx = this.pattern.translated.groupNames.indexOf(group);
        if (idx < 0) throw new ApexRuntimeSignal('System.StringException', `No group with name <${group}>`);
        return idx + 1;
    }

    /** `group()`, `group(n)`, `group(name)`: null for a group that did not participate. */
    group(group: number | string = 0): string | null {
        const m = this.current();
        return m[this.groupIndex(group)] ?? null;
    }

    /** `groupCount()`: capturing groups in the pattern. */
    groupCount(): number {
        return this.pattern.translated.groupCount;
    }

    /** `start()`, `start(n)`: -1 for a group that did not participate. */
    start(group: number | string = 0): number {
        const m = this.current();
        return m.indices?.[this.groupIndex(group)]?.[0] ?? -1;
    }

    /** `end()`, `end(n)`. */
    end(group: number | string = 0): number {
        const m = this.current();
        return m.indices?.[this.groupIndex(group)]?.[1] ?? -1;
    }

    /** `reset()` / `reset(input)`. */
    reset(input?: string): JavaMatcher {
        if (input !== undefined) this.input = input;
        this.match = null;
        this.next = 0;
        return this;
    }

    /** `replaceAll(replacement)`: Java replacement syntax (`$n`, `${name}`, `\` escapes). */
    replaceAll(replacement: string): string {
        this.reset();
        let out = '';
        let last = 0;
        while (this.find()) {
            out += this.input.slice(last, this.start()) + this.expand(replacement);
            last = this.end();
        }
        return out + this.input.slice(last);
    }

    /** `replaceFirst(replacement)`. */
    replaceFirst(replacement: string): string {
        this.reset();
        if (!this.find()) return this.input;
        return this.input.slice(0, this.start()) + this.expand(replacement) + this.input.slice(this.end());
    }

    /** Expands a Java replacement string against the current match. */
    expand(replacement: string): string {
        let out = '';
        for (let i = 0; i < replacement.length; i++) {
            const c = replacement.charAt(i);
            if (c === '\\') {
                i++;
                if (i >= replacement.length) throw stringException('character to be escaped is missing');
                out += replacement.charAt(i);
                continue;
            }
            if (c !== '$') {
                out += c;
                continue;
            }
            i++;
            if (i >= replacement.length) throw stringException('Illegal group reference: group index is missing');
            if (replacement.charAt(i) === '{') {
                const close = replacement.indexOf('}', i);
                if (close < 0) throw stringException("named capturing group is missing trailing '}'");
                out += this.group(replacement.slice(i + 1, close)) ?? '';
                i = close;
                continue;
            }
            if (!/[0-9]/.test(replacement.charAt(i))) throw stringException('Illegal group reference');
            // Java reads as many digits as still name an existing group.
            let num = Number(replacement.charAt(i));
            while (i + 1 < replacement.length && /[0-9]/.test(replacement.charAt(i + 1))) {
                const candidate = num * 10 + Number(replacement.charAt(i + 1));
                if (candidate > this.groupCount()) break;
                num = candidate;
                i++;
            }
            if (num > this.groupCount()) throw new ApexRuntimeSignal('System.StringException', `No group ${num}`);
            out += this.group(num) ?? '';
        }
        return out;
    }

    /** `hitEnd()`: needs the regex engine's internal state; refused. */
    hitEnd(): never {
        throw new UnsupportedApexError('Matcher.hitEnd');
    }
}
