import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApexDate, ApexDatetime, ApexTime } from '../../src/values/temporal.ts';
import { ApexTimeZone } from '../../src/values/timezone.ts';
import { ApexRuntimeSignal } from '../../src/values/signal.ts';
import { UnsupportedApexError } from '../../src/errors.ts';

const LA = 'America/Los_Angeles';
const PARIS = 'Europe/Paris';

test('Date.addMonths clamps to the last day of the month (Apex Reference Guide › Date Class › addMonths)', () => {
    assert.equal(ApexDate.newInstance(2024, 1, 31).addMonths(1).toString(), '2024-02-29');
    assert.equal(ApexDate.newInstance(2023, 1, 31).addMonths(1).toString(), '2023-02-28');
    assert.equal(ApexDate.newInstance(2023, 3, 31).addMonths(-1).toString(), '2023-02-28');
    assert.equal(ApexDate.newInstance(2024, 2, 29).addYears(1).toString(), '2025-02-28');
    assert.equal(ApexDate.newInstance(2024, 12, 31).addDays(1).toString(), '2025-01-01');
});

test('Date.newInstance with an invalid day is refused, not rolled over silently (never a silent wrong answer)', () => {
    assert.throws(() => ApexDate.newInstance(2023, 2, 30), UnsupportedApexError);
});

test('daysBetween counts from this date to the other; monthsBetween ignores the days (Apex Reference Guide › Date Class › daysBetween, monthsBetween)', () => {
    const a = ApexDate.newInstance(2024, 3, 1);
    assert.equal(a.daysBetween(ApexDate.newInstance(2024, 3, 30)), 29);
    assert.equal(ApexDate.newInstance(2024, 3, 30).daysBetween(a), -29);
    assert.equal(a.monthsBetween(ApexDate.newInstance(2024, 3, 30)), 0);
    assert.equal(a.monthsBetween(ApexDate.newInstance(2025, 1, 1)), 10);
});

test("toStartOfWeek goes back to the locale's first day: Sunday in en_US, Monday in fr_FR (Apex Reference Guide › Date Class › toStartOfWeek)", () => {
    const wed = ApexDate.newInstance(2024, 1, 31);
    assert.equal(wed.toStartOfWeek('en_US').toString(), '2024-01-28');
    assert.equal(wed.toStartOfWeek('fr_FR').toString(), '2024-01-29');
    assert.equal(wed.toStartOfMonth().toString(), '2024-01-01');
});

test('dayOfYear and isLeapYear (Apex Reference Guide › Date Class › dayOfYear, isLeapYear)', () => {
    assert.equal(ApexDate.newInstance(2024, 12, 31).dayOfYear(), 366);
    assert.equal(ApexDate.newInstance(2023, 2, 1).dayOfYear(), 32);
});

test("Date.today() is the date in the user's time zone (Apex Reference Guide › Date Class › today)", () => {
    const instant = Date.UTC(2024, 0, 1, 5, 0, 0);
    assert.equal(ApexDate.today(instant, LA).toString(), '2023-12-31');
    assert.equal(ApexDate.today(instant, 'GMT').toString(), '2024-01-01');
});

test('Date.valueOf(String) reads yyyy-MM-dd, ignoring a time part; else TypeException (Apex Reference Guide › Date Class › valueOf)', () => {
    assert.equal(ApexDate.valueOf('2024-01-31').toString(), '2024-01-31');
    assert.equal(ApexDate.valueOf('2024-01-31 10:20:30').toString(), '2024-01-31');
    assert.throws(
        () => ApexDate.valueOf('31/01/2024'),
        (e: unknown) => e instanceof ApexRuntimeSignal && e.apexType === 'System.TypeException'
    );
});

test("Date.format() and Date.parse() use the user's locale (Apex Reference Guide › Date Class › format, parse)", () => {
    const d = ApexDate.newInstance(2030, 1, 31);
    assert.equal(d.format('en_US'), '1/31/2030');
    assert.equal(d.format('fr_FR'), '31/01/2030');
    assert.equal(d.format('de_DE'), '31.01.2030');
    assert.equal(d.format('en_GB'), '31/01/2030');
    assert.equal(ApexDate.parse('1/31/2030', 'en_US').toString(), '2030-01-31');
    assert.equal(ApexDate.parse('31/01/2030', 'fr_FR').toString(), '2030-01-31');
});

test("Datetime.newInstance is in the user's time zone, newInstanceGmt in GMT (Apex Reference Guide › Datetime Class › newInstance, newInstanceGmt)", () => {
    const gmt = ApexDatetime.newInstanceGmt(2026, 5, 4, 10, 30, 0);
    assert.equal(gmt.epochMs, Date.UTC(2026, 4, 4, 10, 30, 0));
    const local = ApexDatetime.newInstance(LA, 2026, 5, 4, 10, 30, 0);
    assert.equal(local.epochMs, Date.UTC(2026, 4, 4, 17, 30, 0));
    assert.equal(local.field('hour', LA), 10);
    assert.equal(local.field('hour', 'GMT'), 17);
    assert.equal(
        ApexDatetime.fromDateTime(PARIS, ApexDate.newInstance(2024, 1, 1), ApexTime.newInstance(12, 0, 0, 0)).epochMs,
        Date.UTC(2024, 0, 1, 11)
    );
});

test('A wall time skipped by a daylight-saving jump moves forward by the jump (java.util.GregorianCalendar, lenient, which Datetime.newInstance uses)', () => {
    const dt = ApexDatetime.newInstance(LA, 2024, 3, 10, 2, 30, 0);
    assert.equal(dt.toStringIn(LA), '2024-03-10 03:30:00');
});

test('addDays keeps the local time across a DST change; addHours adds elapsed time (Apex Reference Guide › Datetime Class › addDays, addHours)', () => {
    const before = ApexDatetime.newInstance(LA, 2024, 3, 9, 12, 0, 0);
    assert.equal(before.addDays(1, LA).toStringIn(LA), '2024-03-10 12:00:00');
    assert.equal(before.addHours(24).toStringIn(LA), '2024-03-10 13:00:00');
    assert.equal(
        ApexDatetime.newInstanceGmt(2024, 1, 31, 0, 0, 0).addMonths(1, 'GMT').toString(),
        '2024-02-29 00:00:00'
    );
    assert.equal(before.addMinutes(90).toStringIn(LA), '2024-03-09 13:30:00');
});

test('date(), dateGmt(), time(), getTime() (Apex Reference Guide › Datetime Class)', () => {
    const dt = ApexDatetime.newInstanceGmt(2024, 1, 1, 3, 0, 0);
    assert.equal(dt.date(LA).toString(), '2023-12-31');
    assert.equal(dt.dateGmt().toString(), '2024-01-01');
    assert.equal(dt.time(LA).toString(), '19:00:00.000Z');
    assert.equal(dt.getTime(), BigInt(Date.UTC(2024, 0, 1, 3)));
    assert.ok(dt.isSameDay(ApexDatetime.newInstanceGmt(2023, 12, 31, 20, 0, 0), LA));
});

test('formatGmt and format(pattern, tz) follow Java SimpleDateFormat (Apex Reference Guide › Datetime Class › formatGmt, format(dateFormatString, timezone))', () => {
    const dt = ApexDatetime.newInstanceGmt(2026, 5, 4, 10, 30, 5).addMilliseconds(7);
    assert.equal(dt.formatGmt("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'", 'en_US'), '2026-05-04T10:30:05.007Z');
    assert.equal(dt.formatPattern('yyyy-MM-dd HH:mm:ss z', 'en_US', LA), '2026-05-04 03:30:05 PDT');
    assert.equal(dt.formatPattern('EEE, d MMM yyyy h:mm a Z', 'en_US', LA), 'Mon, 4 May 2026 3:30 AM -0700');
    assert.equal(dt.formatPattern('EEEE d MMMM', 'fr_FR', PARIS), 'lundi 4 mai');
    assert.equal(dt.formatPattern("XXX 'o''clock' ''", 'en_US', PARIS), "+02:00 o'clock '");
    assert.throws(() => dt.formatPattern('w', 'en_US', LA), UnsupportedApexError);
});

test("Datetime.format() uses the user's locale (ICU short date and time, narrow space before AM) and time zone (Apex Reference Guide › Datetime Class › format())", () => {
    const dt = ApexDatetime.newInstanceGmt(2030, 1, 31, 18, 5, 0);
    assert.equal(dt.format('en_US', LA), '1/31/2030, 10:05\u202fAM');
    assert.equal(dt.format('fr_FR', PARIS), '31/01/2030 19:05');
});

test("String.valueOf(Datetime) is yyyy-MM-dd HH:mm:ss in the user's time zone; valueOf/valueOfGmt parse it (Apex Reference Guide › Datetime Class › valueOf, valueOfGmt)", () => {
    const dt = ApexDatetime.valueOf('2024-07-01 08:00:00', LA);
    assert.equal(dt.epochMs, Date.UTC(2024, 6, 1, 15));
    assert.equal(dt.toStringIn(LA), '2024-07-01 08:00:00');
    assert.equal(ApexDatetime.valueOfGmt('2024-07-01 08:00:00').toString(), '2024-07-01 08:00:00');
});

test('Time arithmetic wraps around midnight; String.valueOf(Time) is HH:mm:ss.SSSZ (Apex Reference Guide › Time Class › addHours, newInstance)', () => {
    const t = ApexTime.newInstance(23, 30, 0, 5);
    assert.equal(t.addHours(2).toString(), '01:30:00.005Z');
    assert.equal(t.addMinutes(-31).hour(), 22);
    assert.equal(t.millisecond(), 5);
});

test('TimeZone.getTimeZone, getID, getOffset with daylight saving, getDisplayName (Apex Reference Guide › TimeZone Class)', () => {
    const tz = ApexTimeZone.getTimeZone(LA);
    assert.equal(tz.getId(), LA);
    assert.equal(tz.getOffset(Date.UTC(2024, 0, 1)), -8 * 3600000);
    assert.equal(tz.getOffset(Date.UTC(2024, 6, 1)), -7 * 3600000);
    assert.equal(tz.getDisplayName('en_US'), 'Pacific Standard Time');
    assert.equal(ApexTimeZone.getTimeZone('Nowhere/City').getId(), 'GMT');
});

test('formatLong() adds seconds and the time zone (Apex Reference Guide › Datetime Class › formatLong)', () => {
    const dt = ApexDatetime.newInstanceGmt(2030, 1, 31, 18, 5, 0);
    assert.equal(dt.formatLong('en_US', LA), '1/31/2030, 10:05:00\u202fAM PST');
});
