/**
 * Java `SimpleDateFormat` patterns, which `Datetime.format(pattern[, tz])` and `formatGmt` take
 * (Apex Reference Guide › Datetime Class › format(dateFormatString)). Text fields (month and day
 * names, AM/PM, zone names) come from `Intl` in the user's locale. Letters not implemented are refused.
 */
import { UnsupportedApexError } from '../errors.ts';
import { invalidParameter } from './signal.ts';
import { offsetAt, wallClock } from './timezone.ts';
import { toBcp47 } from './locale.ts';

function pad(n: number, width: number): string {
    return String(n).padStart(width, '0');
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Intl formats are costly to build: one per locale, zone and options. */
export function cachedDateFormat(locale: string, tz: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
    const key = `${locale}|${tz}|${JSON.stringify(options)}`;
    let f = formats.get(key);
    if (!f) {
        f = new Intl.DateTimeFormat(locale, { timeZone: tz, ...options });
        formats.set(key, f);
    }
    return f;
}

function intlPart(
    epochMs: number,
    locale: string,
    tz: string,
    options: Intl.DateTimeFormatOptions,
    type: string
): string {
    const parts = cachedDateFormat(locale, tz, options).formatToParts(epochMs);
    return parts.find((p) => p.type === type)?.value ?? '';
}

function offsetText(offsetMs: number, colon: boolean, minutesAlways: boolean): string {
    const sign = offsetMs < 0 ? '-' : '+';
    const total = Math.abs(offsetMs) / 60000;
    const h = pad(Math.floor(total / 60), 2);
    const m = pad(total % 60, 2);
    if (!minutesAlways && total % 60 === 0) return `${sign}${h}`;
    return colon ? `${sign}${h}:${m}` : `${sign}${h}${m}`;
}

/** Formats an instant with a SimpleDateFormat pattern in `tz` and the user's locale. */
export function formatPattern(epochMs: number, pattern: string, localeSidKey: string, tz: string): string {
    const locale = toBcp47(localeSidKey);
    const w = wallClock(epochMs, tz);
    let out = '';
    let i = 0;
    while (i < pattern.length) {
        const c = pattern.charAt(i);
        if (c === "'") {
            const end = pattern.indexOf("'", i + 1);
            if (end === i + 1) {
                out += "'";
                i += 2;
                continue;
            }
            if (end < 0) throw invalidParameter(`Unterminated quote in date format: ${pattern}`);
            // Inside quotes, '' is a literal quote.
            let j = i + 1;
            let text = '';
            for (;;) {
                const close = pattern.indexOf("'", j);
                if (close < 0) throw invalidParameter(`Unterminated quote in date format: ${pattern}`);
                text += pattern.slice(j, close);
                if (pattern.charAt(close + 1) === "'") {
                    text += "'";
                    j = close + 2;
                    continue;
                }
                i = close + 1;
                break;
            }
            out += text;
            continue;
        }
        if (!/[A-Za-z]/.test(c)) {
            out += c;
            i++;
            continue;
        }
        let n = 1;
        while (pattern.charAt(i + n) === c) n++;
        i += n;
        out += field(c, n, epochMs, w, locale, tz);
    }
    return out;
}

function field(
    c: string,
    n: number,
    epochMs: number,
    w: ReturnType<typeof wallClock>,
    locale: string,
    tz: string
): string {
    switch (c) {
        case 'y':
            return n === 2 ? pad(w.year % 100, 2) : pad(w.year, n);
        case 'M':
        case 'L':
            if (n >= 4) return intlPart(epochMs, locale, tz, { month: 'long' }, 'month');
            if (n === 3) return intlPart(epochMs, locale, tz, { month: 'short' }, 'month');
            return pad(w.month, n);
        case 'd':
            return pad(w.day, n);
        case 'H':
            return pad(w.hour, n);
        case 'k':
            return pad(w.hour === 0 ? 24 : w.hour, n);
        case 'K':
            return pad(w.hour % 12, n);
        case 'h':
            return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, n);
        case 'm':
            return pad(w.minute, n);
        case 's':
            return pad(w.second, n);
        case 'S':
            // SimpleDateFormat prints the millisecond count as a number, zero-padded to the width.
            return pad(w.millisecond, n);
        case 'E':
            return intlPart(epochMs, locale, tz, { weekday: n >= 4 ? 'long' : 'short' }, 'weekday');
        case 'u': {
            const dow = new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
            return pad(dow === 0 ? 7 : dow, n);
        }
        case 'a':
            return intlPart(epochMs, locale, tz, { hour: 'numeric', hour12: true }, 'dayPeriod');
        case 'D': {
            const start = Date.UTC(w.year, 0, 1);
            const day = Math.round((Date.UTC(w.year, w.month - 1, w.day) - start) / 86400000) + 1;
            return pad(day, n);
        }
        case 'z':
            if (tz === 'GMT' || tz === 'UTC') return 'GMT';
            {
                const name = intlPart(
                    epochMs,
                    'en-US',
                    tz,
                    { timeZoneName: n >= 4 ? 'long' : 'short' },
                    'timeZoneName'
                );
                // Java knows abbreviations (CET, JST) that Intl renders as GMT offsets: refuse rather than differ.
                if (/^GMT[+-]/.test(name)) throw new UnsupportedApexError(`date format letter 'z' for time zone ${tz}`);
                return name;
            }
        case 'Z':
            return offsetText(offsetAt(epochMs, tz), false, true);
        case 'X': {
            const off = offsetAt(epochMs, tz);
            if (off === 0) return 'Z';
            return offsetText(off, n >= 3, n >= 2);
        }
        case 'G':
            return w.year > 0 ? 'AD' : 'BC';
        default:
            throw new UnsupportedApexError(`date format letter '${c}'`);
    }
}
