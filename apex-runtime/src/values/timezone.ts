/**
 * Time-zone arithmetic through `Intl` (IANA ids, which are Salesforce's `TimeZoneSidKey` values), and
 * the `System.TimeZone` class.
 */
import { toBcp47 } from './locale.ts';
import { invalidParameter } from './signal.ts';

/** Wall-clock fields of an instant in a time zone (month 1-12). */
export interface WallClock {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
    second: number;
    millisecond: number;
}

const partsFormats = new Map<string, Intl.DateTimeFormat>();
function partsFormat(tz: string): Intl.DateTimeFormat {
    let f = partsFormats.get(tz);
    if (!f) {
        f = new Intl.DateTimeFormat('en-US', {
            timeZone: tz,
            hourCycle: 'h23',
            era: 'short',
            year: 'numeric',
            month: 'numeric',
            day: 'numeric',
            hour: 'numeric',
            minute: 'numeric',
            second: 'numeric'
        });
        partsFormats.set(tz, f);
    }
    return f;
}

/** Whether `tz` is an id `Intl` knows. */
export function isKnownTimeZone(tz: string): boolean {
    try {
        partsFormat(tz);
        return true;
    } catch {
        return false;
    }
}

/** Offset of `tz` from GMT at the instant, in milliseconds (positive east of Greenwich). */
export function offsetAt(epochMs: number, tz: string): number {
    if (tz === 'GMT' || tz === 'UTC') return 0;
    // Since 1980 every zone's offset is whole minutes and changes on a whole minute (some at 00:01),
    // so one Intl lookup serves each minute.
    const bucket = Math.floor(epochMs / MINUTE);
    const modern = epochMs >= MODERN;
    let zone = offsetCache.get(tz);
    if (!zone) {
        zone = new Map<number, number>();
        offsetCache.set(tz, zone);
    }
    if (modern) {
        const hit = zone.get(bucket);
        if (hit !== undefined) return hit;
    }
    const second = Math.floor(epochMs / 1000) * 1000;
    const w = wallClockRaw(second, tz);
    const offset = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - second;
    if (modern) {
        if (zone.size > 100000) zone.clear();
        zone.set(bucket, offset);
    }
    return offset;
}

const MINUTE = 60000;
/** 1980-01-01: before it, some zones used offsets with seconds. */
const MODERN = Date.UTC(1980, 0, 1);
const offsetCache = new Map<string, Map<number, number>>();

function wallClockRaw(epochMs: number, tz: string): WallClock {
    const parts = partsFormat(tz).formatToParts(new Date(epochMs));
    const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? '0');
    const era = parts.find((p) => p.type === 'era')?.value ?? 'AD';
    const y = get('year');
    return {
        year: era === 'BC' || era === 'B' ? 1 - y : y,
        month: get('month'),
        day: get('day'),
        hour: get('hour') % 24,
        minute: get('minute'),
        second: get('second'),
        millisecond: ((epochMs % 1000) + 1000) % 1000
    };
}

/** The wall clock of an instant in `tz`. */
export function wallClock(epochMs: number, tz: string): WallClock {
    const local = epochMs + offsetAt(epochMs, tz);
    const d = new Date(local);
    return {
        year: d.getUTCFullYear(),
        month: d.getUTCMonth() + 1,
        day: d.getUTCDate(),
        hour: d.getUTCHours(),
        minute: d.getUTCMinutes(),
        second: d.getUTCSeconds(),
        millisecond: d.getUTCMilliseconds()
    };
}

/** Milliseconds since the epoch of GMT wall-clock fields (months may overflow, as Date.UTC). */
export function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): number {
    const d = new Date(Date.UTC(2000, month - 1, day, hour, minute, second, ms));
    d.setUTCFullYear(year + d.getUTCFullYear() - 2000);
    return d.getTime();
}

/**
 * The instant a wall clock in `tz` designates. A time skipped by a daylight-saving jump is moved
 * forward by the jump; an ambiguous time takes the earlier offset (java.util.GregorianCalendar).
 */
export function instantOf(w: WallClock, tz: string): number {
    const local = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second, w.millisecond);
    const before = offsetAt(local - 86400000, tz);
    const after = offsetAt(local + 86400000, tz);
    // Try the earlier (pre-transition) offset first, so an ambiguous hour takes it.
    for (const offset of before === after ? [before] : [before, after]) {
        const candidate = local - offset;
        if (offsetAt(candidate, tz) === offset) return candidate;
    }
    // In a gap: the pre-transition offset projects the wall time past the jump.
    return local - before;
}

/** `System.TimeZone`: an IANA zone. */
export class ApexTimeZone {
    readonly id: string;
    constructor(id: string) {
        this.id = id;
    }

    /**
     * `TimeZone.getTimeZone(id)`. An id Java does not know falls back to GMT, as `java.util.TimeZone`
     * does, which Apex exposes (Apex Reference Guide › TimeZone Class).
     */
    static getTimeZone(id: string): ApexTimeZone {
        return new ApexTimeZone(isKnownTimeZone(id) ? id : 'GMT');
    }

    /** `getID()`. */
    getId(): string {
        return this.id;
    }

    /** `getOffset(Datetime)`: milliseconds from GMT at that instant, daylight saving included. */
    getOffset(epochMs: number): number {
        return offsetAt(epochMs, this.id);
    }

    /**
     * `getDisplayName()`: the zone's long standard-time name in the user's locale
     * (`Pacific Standard Time`), as java.util.TimeZone's display name.
     */
    getDisplayName(localeSidKey: string): string {
        if (this.id === 'GMT' || this.id === 'UTC') return 'Greenwich Mean Time';
        // The standard offset is the smaller one over the year (both hemispheres).
        const jan = Date.UTC(2025, 0, 15);
        const jul = Date.UTC(2025, 6, 15);
        const at = offsetAt(jan, this.id) <= offsetAt(jul, this.id) ? jan : jul;
        const parts = new Intl.DateTimeFormat(toBcp47(localeSidKey), {
            timeZone: this.id,
            timeZoneName: 'long'
        }).formatToParts(at);
        return parts.find((p) => p.type === 'timeZoneName')?.value ?? this.id;
    }

    /** `toString()`: the id. */
    toString(): string {
        return this.id;
    }
}

/** Throws when a time zone id is not known (for APIs that refuse rather than fall back). */
export function requireTimeZone(tz: string): string {
    if (!isKnownTimeZone(tz)) throw invalidParameter(`Invalid time zone: ${tz}`);
    return tz;
}
