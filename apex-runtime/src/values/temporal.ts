/**
 * Apex Date, Datetime and Time (Apex Reference Guide › Date Class, Datetime Class, Time Class).
 * A Datetime is an instant (epoch milliseconds); methods without `Gmt` read it in the running user's
 * time zone, passed as an IANA id (`TimeZoneSidKey`). "Now" comes from an injected clock.
 */
import { UnsupportedApexError } from '../errors.ts';
import { typeException } from './signal.ts';
import { instantOf, utcMs, wallClock } from './timezone.ts';
import type { WallClock } from './timezone.ts';
import { toBcp47 } from './locale.ts';
import { cachedDateFormat, formatPattern } from './date-format.ts';

const DAY_MS = 86400000;

function pad(n: number, width: number): string {
    const s = String(Math.abs(n)).padStart(width, '0');
    return n < 0 ? `-${s}` : s;
}

export function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
    return month === 2
        ? isLeapYear(year)
            ? 29
            : 28
        : ([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0);
}

function checkDate(year: number, month: number, day: number, where: string): void {
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
        // Apex rolls such dates over leniently in some releases; the guide does not say, so refuse.
        throw new UnsupportedApexError(`${where} with an out-of-range month or day (${year}, ${month}, ${day})`);
    }
}

/** Year/month after adding months, the day clamped to the month's last day. */
function plusMonths(year: number, month: number, day: number, months: number): [number, number, number] {
    const total = year * 12 + (month - 1) + months;
    const y = Math.floor(total / 12);
    const m = total - y * 12 + 1;
    return [y, m, Math.min(day, daysInMonth(y, m))];
}

/** First day of the week for a locale (1 = Monday … 7 = Sunday), from CLDR via `Intl.Locale`. */
export function firstDayOfWeek(localeSidKey: string): number {
    const loc = new Intl.Locale(toBcp47(localeSidKey)) as Intl.Locale & {
        getWeekInfo?: () => { firstDay: number };
        weekInfo?: { firstDay: number };
    };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (!info) throw new UnsupportedApexError('first day of the week: this Node has no Intl week data');
    return info.firstDay;
}

export class ApexDate {
    readonly year: number;
    readonly month: number;
    readonly day: number;

    constructor(year: number, month: number, day: number) {
        this.year = year;
        this.month = month;
        this.day = day;
    }

    /** `Date.newInstance(year, month, day)`. */
    static newInstance(year: number, month: number, day: number): ApexDate {
        checkDate(year, month, day, 'Date.newInstance');
        return new ApexDate(year, month, day);
    }

    /** `Date.today()`: the date in the user's time zone. */
    static today(nowMs: number, tz: string): ApexDate {
        const w = wallClock(nowMs, tz);
        return new ApexDate(w.year, w.month, w.day);
    }

    static fromEpochDay(epochDay: number): ApexDate {
        const d = new Date(epochDay * DAY_MS);
        return new ApexDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }

    /**
     * `Date.valueOf(String)`: `yyyy-MM-dd`, optionally followed by a time `HH:mm:ss` which is
     * ignored (Apex Reference Guide › Date Class › valueOf(stringDate)).
     */
    static valueOf(text: string): ApexDate {
        const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?)?$/.exec(text.trim());
        if (!m) throw typeException(`Invalid date: ${text}`);
        const y = Number(m[1]);
        const mo = Number(m[2]);
        const d = Number(m[3]);
        if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) throw typeException(`Invalid date: ${text}`);
        return new ApexDate(y, mo, d);
    }

    /**
     * `Date.parse(String)`: the user's locale short date format. Only the numeric
     * day/month/year orders of the locale are read.
     */
    static parse(text: string, localeSidKey: string): ApexDate {
        const order = dateFieldOrder(localeSidKey);
        const nums = text
            .trim()
            .split(/[^\d]+/)
            .filter((s) => s !== '')
            .map(Number);
        if (nums.length !== 3) throw typeException(`Invalid date: ${text}`);
        const get = (f: string): number => nums[order.indexOf(f)] ?? NaN;
        let y = get('year');
        if (y < 100) y += 2000;
        const mo = get('month');
        const d = get('day');
        if (!(mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo))) throw typeException(`Invalid date: ${text}`);
        return new ApexDate(y, mo, d);
    }

    toEpochDay(): number {
        return Math.floor(utcMs(this.year, this.month, this.day) / DAY_MS);
    }

    addDays(days: number): ApexDate {
        return ApexDate.fromEpochDay(this.toEpochDay() + days);
    }

    /** `addMonths`: a day past the new month's end becomes its last day (Jan 31 + 1 → Feb 28/29). */
    addMonths(months: number): ApexDate {
        const [y, m, d] = plusMonths(this.year, this.month, this.day, months);
        return new ApexDate(y, m, d);
    }

    /** `addYears`: Feb 29 + 1 year → Feb 28. */
    addYears(years: number): ApexDate {
        return this.addMonths(years * 12);
    }

    /** `daysBetween(other)`: other − this, in days (negative when other is earlier). */
    daysBetween(other: ApexDate): number {
        return other.toEpochDay() - this.toEpochDay();
    }

    /**
     * `monthsBetween(other)`: months from this to other, ignoring the days (March 1 and March 30 → 0).
     */
    monthsBetween(other: ApexDate): number {
        return (other.year - this.year) * 12 + (other.month - this.month);
    }

    /** `dayOfYear()`: 1 for January 1. */
    dayOfYear(): number {
        return this.toEpochDay() - new ApexDate(this.year, 1, 1).toEpochDay() + 1;
    }

    /** ISO day of week, 1 = Monday … 7 = Sunday. */
    isoDayOfWeek(): number {
        return ((((this.toEpochDay() + 3) % 7) + 7) % 7) + 1;
    }

    isSameDay(other: ApexDate): boolean {
        return this.year === other.year && this.month === other.month && this.day === other.day;
    }

    toStartOfMonth(): ApexDate {
        return new ApexDate(this.year, this.month, 1);
    }

    /** `toStartOfWeek()`: the locale's first day of the week on or before this date (Sunday in en_US). */
    toStartOfWeek(localeSidKey: string): ApexDate {
        const first = firstDayOfWeek(localeSidKey);
        const back = (this.isoDayOfWeek() - first + 7) % 7;
        return this.addDays(-back);
    }

    /** `String.valueOf(Date)`: `yyyy-MM-dd`. */
    toString(): string {
        return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
    }

    /** `format()`: the user's locale short date with a four-digit year (`1/31/2030` in en_US). */
    format(localeSidKey: string): string {
        return withFullYear(shortDateFormat(localeSidKey), utcMs(this.year, this.month, this.day), this.year);
    }

    compareTo(other: ApexDate): number {
        return Math.sign(this.toEpochDay() - other.toEpochDay());
    }
}

const shortDates = new Map<string, Intl.DateTimeFormat>();
function shortDateFormat(localeSidKey: string): Intl.DateTimeFormat {
    let f = shortDates.get(localeSidKey);
    if (!f) {
        f = new Intl.DateTimeFormat(toBcp47(localeSidKey), { timeZone: 'UTC', dateStyle: 'short' });
        shortDates.set(localeSidKey, f);
    }
    return f;
}

/**
 * The locale's ICU short pattern with the year written in full: Salesforce shows short dates with
 * four-digit years (`1/31/2030`, `31.01.2030`) where ICU's short style has two.
 */
function withFullYear(format: Intl.DateTimeFormat, epochMs: number, year: number): string {
    return format
        .formatToParts(epochMs)
        .map((p) => (p.type === 'year' ? String(year) : p.value))
        .join('');
}

function dateFieldOrder(localeSidKey: string): string[] {
    return shortDateFormat(localeSidKey)
        .formatToParts(0)
        .map((p) => p.type)
        .filter((t) => t === 'year' || t === 'month' || t === 'day');
}

export class ApexTime {
    /** Milliseconds since midnight, 0 … 86,399,999. */
    readonly millisOfDay: number;

    constructor(millisOfDay: number) {
        this.millisOfDay = ((millisOfDay % DAY_MS) + DAY_MS) % DAY_MS;
    }

    /** `Time.newInstance(hour, minutes, seconds, milliseconds)`. */
    static newInstance(hour: number, minute: number, second: number, ms: number): ApexTime {
        return new ApexTime(((hour * 60 + minute) * 60 + second) * 1000 + ms);
    }

    hour(): number {
        return Math.floor(this.millisOfDay / 3600000);
    }
    minute(): number {
        return Math.floor(this.millisOfDay / 60000) % 60;
    }
    second(): number {
        return Math.floor(this.millisOfDay / 1000) % 60;
    }
    millisecond(): number {
        return this.millisOfDay % 1000;
    }

    /** Adding wraps around midnight (23:00 + 2 hours → 01:00). */
    addHours(n: number): ApexTime {
        return new ApexTime(this.millisOfDay + n * 3600000);
    }
    addMinutes(n: number): ApexTime {
        return new ApexTime(this.millisOfDay + n * 60000);
    }
    addSeconds(n: number): ApexTime {
        return new ApexTime(this.millisOfDay + n * 1000);
    }
    addMilliseconds(n: number): ApexTime {
        return new ApexTime(this.millisOfDay + n);
    }

    /** `String.valueOf(Time)`: `HH:mm:ss.SSSZ`. */
    toString(): string {
        return `${pad(this.hour(), 2)}:${pad(this.minute(), 2)}:${pad(this.second(), 2)}.${pad(this.millisecond(), 3)}Z`;
    }

    compareTo(other: ApexTime): number {
        return Math.sign(this.millisOfDay - other.millisOfDay);
    }
}

export class ApexDatetime {
    /** Milliseconds since 1970-01-01T00:00:00Z. */
    readonly epochMs: number;

    constructor(epochMs: number) {
        this.epochMs = epochMs;
    }

    /** `Datetime.now()`. */
    static now(nowMs: number): ApexDatetime {
        return new ApexDatetime(nowMs);
    }

    /** `Datetime.newInstance(year, month, day[, hour, minute, second])` in the user's time zone. */
    static newInstance(
        tz: string,
        year: number,
        month: number,
        day: number,
        hour = 0,
        minute = 0,
        second = 0
    ): ApexDatetime {
        checkDate(year, month, day, 'Datetime.newInstance');
        return new ApexDatetime(instantOf({ year, month, day, hour, minute, second, millisecond: 0 }, tz));
    }

    /** `Datetime.newInstanceGmt(year, month, day[, hour, minute, second])`. */
    static newInstanceGmt(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): ApexDatetime {
        checkDate(year, month, day, 'Datetime.newInstanceGmt');
        return new ApexDatetime(utcMs(year, month, day, hour, minute, second));
    }

    /** `Datetime.newInstance(Date, Time)`: local to the user's time zone. */
    static fromDateTime(tz: string, date: ApexDate, time: ApexTime): ApexDatetime {
        return new ApexDatetime(
            instantOf(
                {
                    year: date.year,
                    month: date.month,
                    day: date.day,
                    hour: time.hour(),
                    minute: time.minute(),
                    second: time.second(),
                    millisecond: time.millisecond()
                },
                tz
            )
        );
    }

    /** `Datetime.newInstanceGmt(Date, Time)`. */
    static fromDateTimeGmt(date: ApexDate, time: ApexTime): ApexDatetime {
        return new ApexDatetime(utcMs(date.year, date.month, date.day) + time.millisOfDay);
    }

    /**
     * `Datetime.valueOf(String)`: `yyyy-MM-dd HH:mm:ss` in the user's time zone (Apex Reference Guide ›
     * Datetime Class › valueOf(dateTimeString)).
     */
    static valueOf(text: string, tz: string): ApexDatetime {
        return new ApexDatetime(instantOf(parseLocalDatetime(text), tz));
    }

    /**
     * `Datetime.parse(String)` reads the user locale's date-time format; which variants an org
     * accepts is not documented, so it is refused rather than guessed.
     */
    static parse(): never {
        throw new UnsupportedApexError('Datetime.parse');
    }

    /** `Datetime.valueOfGmt(String)`: `yyyy-MM-dd HH:mm:ss` in GMT. */
    static valueOfGmt(text: string): ApexDatetime {
        const w = parseLocalDatetime(text);
        return new ApexDatetime(utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second));
    }

    private local(tz: string): WallClock {
        return wallClock(this.epochMs, tz);
    }

    /** `getTime()`: milliseconds since the epoch (a Long). */
    getTime(): bigint {
        return BigInt(this.epochMs);
    }

    addMilliseconds(n: number | bigint): ApexDatetime {
        return new ApexDatetime(this.epochMs + Number(n));
    }
    addSeconds(n: number): ApexDatetime {
        return new ApexDatetime(this.epochMs + n * 1000);
    }
    addMinutes(n: number): ApexDatetime {
        return new ApexDatetime(this.epochMs + n * 60000);
    }
    addHours(n: number): ApexDatetime {
        return new ApexDatetime(this.epochMs + n * 3600000);
    }

    /** `addDays`: calendar days in the user's time zone (the wall-clock time is kept across DST). */
    addDays(n: number, tz: string): ApexDatetime {
        const w = this.local(tz);
        const d = new ApexDate(w.year, w.month, w.day).addDays(n);
        return new ApexDatetime(instantOf({ ...w, year: d.year, month: d.month, day: d.day }, tz));
    }

    /** `addMonths`: in the user's time zone, the day clamped to the month's end. */
    addMonths(n: number, tz: string): ApexDatetime {
        const w = this.local(tz);
        const [year, month, day] = plusMonths(w.year, w.month, w.day, n);
        return new ApexDatetime(instantOf({ ...w, year, month, day }, tz));
    }

    addYears(n: number, tz: string): ApexDatetime {
        return this.addMonths(n * 12, tz);
    }

    /** `date()`: the date in the user's time zone. */
    date(tz: string): ApexDate {
        const w = this.local(tz);
        return new ApexDate(w.year, w.month, w.day);
    }
    /** `dateGmt()`. */
    dateGmt(): ApexDate {
        return this.date('GMT');
    }
    /** `time()`: the time of day in the user's time zone. */
    time(tz: string): ApexTime {
        const w = this.local(tz);
        return ApexTime.newInstance(w.hour, w.minute, w.second, w.millisecond);
    }
    timeGmt(): ApexTime {
        return this.time('GMT');
    }

    /** A field of the wall clock in `tz` (`year()`, `month()`, `day()`, `hour()`, `minute()`, `second()`, `millisecond()`; `*Gmt` with 'GMT'). */
    field(name: keyof WallClock, tz: string): number {
        return this.local(tz)[name];
    }

    /** `dayOfYear()` / `dayOfYearGmt()`. */
    dayOfYear(tz: string): number {
        return this.date(tz).dayOfYear();
    }

    /** `isSameDay(other)`: same date in the user's time zone. */
    isSameDay(other: ApexDatetime, tz: string): boolean {
        return this.date(tz).isSameDay(other.date(tz));
    }

    /** `format()`: the user's locale short date and time in the user's time zone (`1/31/2030, 10:00 AM`). */
    format(localeSidKey: string, tz: string): string {
        const f = cachedDateFormat(toBcp47(localeSidKey), tz, { dateStyle: 'short', timeStyle: 'short' });
        return withFullYear(f, this.epochMs, this.local(tz).year);
    }

    /** `format(dateFormatString[, timezone])`: Java SimpleDateFormat letters, the user's locale. */
    formatPattern(pattern: string, localeSidKey: string, tz: string): string {
        return formatPattern(this.epochMs, pattern, localeSidKey, tz);
    }

    /** `formatGmt(dateFormatString)`. */
    formatGmt(pattern: string, localeSidKey: string): string {
        return formatPattern(this.epochMs, pattern, localeSidKey, 'GMT');
    }

    /** `formatLong()`: short date, long time with the zone (`1/31/2030, 10:00:00 AM PST`). */
    formatLong(localeSidKey: string, tz: string): string {
        const f = cachedDateFormat(toBcp47(localeSidKey), tz, { dateStyle: 'short', timeStyle: 'long' });
        return withFullYear(f, this.epochMs, this.local(tz).year);
    }

    /** `String.valueOf(Datetime)`: `yyyy-MM-dd HH:mm:ss` in the user's time zone. */
    toStringIn(tz: string): string {
        const w = this.local(tz);
        return `${pad(w.year, 4)}-${pad(w.month, 2)}-${pad(w.day, 2)} ${pad(w.hour, 2)}:${pad(w.minute, 2)}:${pad(w.second, 2)}`;
    }

    /** `System.debug` / `Datetime.toString` in GMT: `yyyy-MM-dd HH:mm:ss`. */
    toString(): string {
        return this.toStringIn('GMT');
    }

    compareTo(other: ApexDatetime): number {
        return Math.sign(this.epochMs - other.epochMs);
    }
}

function parseLocalDatetime(text: string): WallClock {
    const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?: (\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?$/.exec(text.trim());
    if (!m) throw typeException(`Invalid date/time: ${text}`);
    const w: WallClock = {
        year: Number(m[1]),
        month: Number(m[2]),
        day: Number(m[3]),
        hour: Number(m[4] ?? 0),
        minute: Number(m[5] ?? 0),
        second: Number(m[6] ?? 0),
        millisecond: 0
    };
    if (
        w.month < 1 ||
        w.month > 12 ||
        w.day < 1 ||
        w.day > daysInMonth(w.year, w.month) ||
        w.hour > 23 ||
        w.minute > 59 ||
        w.second > 59
    ) {
        throw typeException(`Invalid date/time: ${text}`);
    }
    return w;
}
