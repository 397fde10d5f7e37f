/**
 * Date values and date literals in WHERE (SOQL and SOSL Reference › Date Formats and Date Literals
 * in WHERE): `YYYY-MM-DD` filters date fields, `YYYY-MM-DDThh:mm:ss(Z|±hh:mm)` dateTime fields; a date
 * literal is a range of whole days starting at 00:00:00, whose start and end depend on the user
 * who sends the query (here: the running user's time zone).
 */
import { UnsupportedApexError } from '../../errors.ts';
import { instantOf, utcMs, wallClock } from '../../values/timezone.ts';
import { queryException } from './values.ts';

/** Day number (days since 1970-01-01) of `YYYY-MM-DD`. */
export function parseDateLiteral(text: string): number {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (!m) throw queryException(`line 1:0 no viable alternative at character '${text}'`);
    return Math.floor(Date.UTC(+m[1], +m[2] - 1, +m[3]) / 86400000);
}

/** Epoch milliseconds of a dateTime literal; the zone offset is always from UTC. */
export function parseDatetimeLiteral(text: string): number {
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?(Z|([+-])(\d{2}):?(\d{2}))$/i.exec(text);
    if (!m) throw queryException(`line 1:0 no viable alternative at character '${text}'`);
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    let t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
    if (m[8].toUpperCase() !== 'Z') {
        const offset = (+m[10] * 60 + +m[11]) * 60000;
        t -= m[9] === '+' ? offset : -offset;
    }
    return t;
}

/** The day number of "today" for a user in `timeZone`. */
export function todayIn(nowMs: number, timeZone: string): number {
    const w = wallClock(nowMs, timeZone);
    return Math.floor(utcMs(w.year, w.month, w.day) / 86400000);
}

/** The instant of 00:00:00 of day `day` in `timeZone`. */
export function midnightIn(day: number, timeZone: string): number {
    const d = new Date(day * 86400000);
    const midnight = { hour: 0, minute: 0, second: 0, millisecond: 0 };
    return instantOf(
        { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), ...midnight },
        timeZone
    );
}

function monthStart(year: number, month0: number): number {
    return Math.floor(Date.UTC(year, month0, 1) / 86400000);
}

/**
 * The days `[start, end)` a date literal covers, as day numbers. Supported: YESTERDAY, TODAY,
 * TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n, N_DAYS_AGO:n, LAST_90_DAYS, NEXT_90_DAYS, THIS/LAST/NEXT_MONTH,
 * THIS/LAST/NEXT_YEAR. Week literals (the first day of the week is the locale's), quarter, fiscal and
 * the other `_N_` month/year literals are refused rather than guessed.
 */
export function dateLiteralDays(name: string, n: number | undefined, today: number): [number, number] {
    const d = new Date(today * 86400000);
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth();
    switch (name) {
        case 'YESTERDAY':
            return [today - 1, today];
        case 'TODAY':
            return [today, today + 1];
        case 'TOMORROW':
            return [today + 1, today + 2];
        // Observed in orgs: LAST_N_DAYS:n covers today and the n days before it.
        case 'LAST_N_DAYS':
            return [today - (n ?? 0), today + 1];
        case 'LAST_90_DAYS':
            return [today - 90, today + 1];
        case 'NEXT_N_DAYS':
            return [today + 1, today + 1 + (n ?? 0)];
        case 'NEXT_90_DAYS':
            return [today + 1, today + 91];
        case 'N_DAYS_AGO':
            return [today - (n ?? 0), today - (n ?? 0) + 1];
        case 'THIS_MONTH':
            return [monthStart(y, m), monthStart(y, m + 1)];
        case 'LAST_MONTH':
            return [monthStart(y, m - 1), monthStart(y, m)];
        case 'NEXT_MONTH':
            return [monthStart(y, m + 1), monthStart(y, m + 2)];
        case 'THIS_YEAR':
            return [monthStart(y, 0), monthStart(y + 1, 0)];
        case 'LAST_YEAR':
            return [monthStart(y - 1, 0), monthStart(y, 0)];
        case 'NEXT_YEAR':
            return [monthStart(y + 1, 0), monthStart(y + 2, 0)];
        default:
            throw new UnsupportedApexError(`SOQL date literal ${name}${n === undefined ? '' : `:${n}`}`);
    }
}
