/**
 * `Date`, `Datetime`, `Time` and `TimeZone` (Apex Reference Guide › Date Class, Datetime Class,
 * Time Class, TimeZone Class): statics and instance methods over `values/temporal.ts`. The clock,
 * the running user's time zone and locale come from the runtime.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { daysInMonth, isLeapYear } from '../../values/temporal.ts';
import { ApexTimeZone } from '../../values/timezone.ts';
import type { WallClock } from '../../values/timezone.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { ApexDate, ApexDatetime, ApexTime } from '../values-bridge.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeOverload, NativeRuntime } from './registry.ts';
import { objectMethods } from './object-methods.ts';
import { inst, int, localeOf, nn, selfAs, str } from './platform.ts';

const date = (v: ApexValue): ApexDate => selfAs(v, ApexDate, 'Date');
const dt = (v: ApexValue): ApexDatetime => selfAs(v, ApexDatetime, 'Datetime');
const time = (v: ApexValue): ApexTime => selfAs(v, ApexTime, 'Time');
const tz = (rt: NativeRuntime): string => rt.userTimeZone();

/** A numeric argument the guide types as Integer (Long accepted where Apex widens, e.g. addMilliseconds). */
function num(a: ApexValue[], i: number): number {
    const v = nn(a, i);
    if (typeof v === 'number') return v;
    if (typeof v === 'bigint') return Number(v);
    throw new UnsupportedApexError('a non-Integer where an Integer is expected');
}

const ints = (n: number): string[] => Array<string>(n).fill('Integer');

export const DateNative = defineNative({
    name: 'Date',
    namespace: 'System',
    isInstance: (v) => v instanceof ApexDate,
    statics: {
        today: [{ params: [], fn: (rt: NativeRuntime) => ApexDate.today(rt.now(), tz(rt)) }],
        newInstance: [
            {
                params: ints(3),
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    ApexDate.newInstance(int(a, 0), int(a, 1), int(a, 2))
            }
        ],
        valueOf: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => ApexDate.valueOf(str(a, 0))
            },
            {
                params: ['Object'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => {
                    const v = nn(a, 0);
                    if (v instanceof ApexDate) return v;
                    // Date.valueOf(Datetime): the date part in the user's time zone (as Datetime.date()).
                    if (v instanceof ApexDatetime) return v.date(tz(rt));
                    throw new UnsupportedApexError('Date.valueOf of a non-Date Object');
                }
            }
        ],
        parse: [
            {
                params: ['String'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => ApexDate.parse(str(a, 0), localeOf(rt))
            }
        ],
        isLeapYear: [
            { params: ['Integer'], fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => isLeapYear(int(a, 0)) }
        ],
        daysInMonth: [
            {
                params: ints(2),
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => daysInMonth(int(a, 0), int(a, 1))
            }
        ]
    },
    methods: {
        ...objectMethods(),
        addDays: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => date(s).addDays(int(a, 0))
            }
        ],
        addMonths: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => date(s).addMonths(int(a, 0))
            }
        ],
        addYears: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => date(s).addYears(int(a, 0))
            }
        ],
        day: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => date(s).day }],
        dayOfYear: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => date(s).dayOfYear() }],
        daysBetween: [
            {
                params: ['Date'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    date(s).daysBetween(inst(a, 0, ApexDate, 'Date'))
            }
        ],
        format: [{ params: [], fn: (rt: NativeRuntime, s: ApexValue) => date(s).format(localeOf(rt)) }],
        isSameDay: [
            {
                params: ['Date'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    date(s).isSameDay(inst(a, 0, ApexDate, 'Date'))
            }
        ],
        month: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => date(s).month }],
        monthsBetween: [
            {
                params: ['Date'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    date(s).monthsBetween(inst(a, 0, ApexDate, 'Date'))
            }
        ],
        toStartOfMonth: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => date(s).toStartOfMonth() }],
        toStartOfWeek: [{ params: [], fn: (rt: NativeRuntime, s: ApexValue) => date(s).toStartOfWeek(localeOf(rt)) }],
        year: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => date(s).year }]
    }
});

/** A wall-clock field in the user's time zone (`hour()`) and in GMT (`hourGmt()`). */
function fieldPair(name: keyof WallClock): Record<string, NativeOverload[]> {
    const gmt = `${name}Gmt`;
    return {
        [name]: [{ params: [], fn: (rt: NativeRuntime, s: ApexValue) => dt(s).field(name, tz(rt)) }],
        [gmt]: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => dt(s).field(name, 'GMT') }]
    };
}

/** `format(dateFormatString, timezone)`: an unknown zone id formats in GMT (TimeZone Class › getTimeZone falls back to GMT). */
function zoneId(id: string): string {
    return ApexTimeZone.getTimeZone(id).id;
}

export const DatetimeNative = defineNative({
    name: 'Datetime',
    namespace: 'System',
    isInstance: (v) => v instanceof ApexDatetime,
    statics: {
        now: [{ params: [], fn: (rt: NativeRuntime) => ApexDatetime.now(rt.now()) }],
        newInstance: [
            {
                params: ['Long'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => new ApexDatetime(num(a, 0))
            },
            {
                params: ['Date', 'Time'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    ApexDatetime.fromDateTime(tz(rt), inst(a, 0, ApexDate, 'Date'), inst(a, 1, ApexTime, 'Time'))
            },
            {
                params: ints(3),
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    ApexDatetime.newInstance(tz(rt), int(a, 0), int(a, 1), int(a, 2))
            },
            {
                params: ints(6),
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    ApexDatetime.newInstance(tz(rt), int(a, 0), int(a, 1), int(a, 2), int(a, 3), int(a, 4), int(a, 5))
            }
        ],
        newInstanceGmt: [
            {
                params: ['Date', 'Time'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    ApexDatetime.fromDateTimeGmt(inst(a, 0, ApexDate, 'Date'), inst(a, 1, ApexTime, 'Time'))
            },
            {
                params: ints(3),
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    ApexDatetime.newInstanceGmt(int(a, 0), int(a, 1), int(a, 2))
            },
            {
                params: ints(6),
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    ApexDatetime.newInstanceGmt(int(a, 0), int(a, 1), int(a, 2), int(a, 3), int(a, 4), int(a, 5))
            }
        ],
        valueOf: [
            {
                params: ['String'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => ApexDatetime.valueOf(str(a, 0), tz(rt))
            },
            {
                params: ['Object'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => {
                    const v = nn(a, 0);
                    if (v instanceof ApexDatetime) return v;
                    throw new UnsupportedApexError('Datetime.valueOf of a non-Datetime Object');
                }
            }
        ],
        valueOfGmt: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => ApexDatetime.valueOfGmt(str(a, 0))
            }
        ],
        parse: [{ params: ['String'], fn: () => ApexDatetime.parse() }]
    },
    methods: {
        ...objectMethods(),
        addDays: [
            {
                params: ['Integer'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => dt(s).addDays(int(a, 0), tz(rt))
            }
        ],
        addHours: [
            { params: ['Integer'], fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => dt(s).addHours(int(a, 0)) }
        ],
        addMinutes: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => dt(s).addMinutes(int(a, 0))
            }
        ],
        addSeconds: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => dt(s).addSeconds(int(a, 0))
            }
        ],
        addMonths: [
            {
                params: ['Integer'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => dt(s).addMonths(int(a, 0), tz(rt))
            }
        ],
        addYears: [
            {
                params: ['Integer'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => dt(s).addYears(int(a, 0), tz(rt))
            }
        ],
        date: [{ params: [], fn: (rt: NativeRuntime, s: ApexValue) => dt(s).date(tz(rt)) }],
        dateGmt: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => dt(s).dateGmt() }],
        time: [{ params: [], fn: (rt: NativeRuntime, s: ApexValue) => dt(s).time(tz(rt)) }],
        timeGmt: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => dt(s).timeGmt() }],
        ...fieldPair('year'),
        ...fieldPair('month'),
        ...fieldPair('day'),
        ...fieldPair('hour'),
        ...fieldPair('minute'),
        ...fieldPair('second'),
        ...fieldPair('millisecond'),
        dayOfYear: [{ params: [], fn: (rt: NativeRuntime, s: ApexValue) => dt(s).dayOfYear(tz(rt)) }],
        dayOfYearGmt: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => dt(s).dayOfYear('GMT') }],
        format: [
            { params: [], fn: (rt: NativeRuntime, s: ApexValue) => dt(s).format(localeOf(rt), tz(rt)) },
            {
                params: ['String'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    dt(s).formatPattern(str(a, 0), localeOf(rt), tz(rt))
            },
            {
                params: ['String', 'String'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    dt(s).formatPattern(str(a, 0), localeOf(rt), zoneId(str(a, 1)))
            }
        ],
        formatGmt: [
            {
                params: ['String'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => dt(s).formatGmt(str(a, 0), localeOf(rt))
            }
        ],
        formatLong: [{ params: [], fn: (rt: NativeRuntime, s: ApexValue) => dt(s).formatLong(localeOf(rt), tz(rt)) }],
        getTime: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => dt(s).getTime() }],
        isSameDay: [
            {
                params: ['Datetime'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    dt(s).isSameDay(inst(a, 0, ApexDatetime, 'Datetime'), tz(rt))
            }
        ]
    }
});

export const TimeNative = defineNative({
    name: 'Time',
    namespace: 'System',
    isInstance: (v) => v instanceof ApexTime,
    statics: {
        newInstance: [
            {
                params: ints(4),
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    ApexTime.newInstance(int(a, 0), int(a, 1), int(a, 2), int(a, 3))
            }
        ]
    },
    methods: {
        ...objectMethods(),
        addHours: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => time(s).addHours(int(a, 0))
            }
        ],
        addMinutes: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => time(s).addMinutes(int(a, 0))
            }
        ],
        addSeconds: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => time(s).addSeconds(int(a, 0))
            }
        ],
        addMilliseconds: [
            {
                params: ['Integer'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => time(s).addMilliseconds(int(a, 0))
            }
        ],
        hour: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => time(s).hour() }],
        minute: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => time(s).minute() }],
        second: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => time(s).second() }],
        millisecond: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => time(s).millisecond() }]
    }
});

const zone = (v: ApexValue): ApexTimeZone => {
    if (v instanceof NativeObject && v.state instanceof ApexTimeZone) return v.state;
    throw new UnsupportedApexError('TimeZone method on a non-TimeZone');
};

/** `System.TimeZone`: values are native objects holding an `ApexTimeZone`; equal when their ids are. */
export const TimeZoneNative: NativeClass = defineNative({
    name: 'TimeZone',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.state instanceof ApexTimeZone,
    valueEquals: (a, b) => (a as ApexTimeZone).id === (b as ApexTimeZone).id,
    valueHash: (a) => (a as ApexTimeZone).id.length,
    statics: {
        getTimeZone: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                    timeZoneValue(ApexTimeZone.getTimeZone(str(a, 0)).id)
            }
        ]
    },
    methods: {
        getID: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => zone(s).getId() }],
        getDisplayName: [{ params: [], fn: (rt: NativeRuntime, s: ApexValue) => zone(s).getDisplayName(localeOf(rt)) }],
        getOffset: [
            {
                params: ['Datetime'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    zone(s).getOffset(inst(a, 0, ApexDatetime, 'Datetime').epochMs)
            }
        ],
        toString: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => zone(s).toString() }]
    }
});

/** A `System.TimeZone` value for a zone id (UserInfo.getTimeZone() builds its result with this). */
export function timeZoneValue(id: string): NativeObject {
    return new NativeObject(TimeZoneNative, new ApexTimeZone(id));
}
