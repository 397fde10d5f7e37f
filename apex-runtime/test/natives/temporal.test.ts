import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apex, apexWith } from './helpers.ts';

test('Datetime.newInstanceGmt and getTime: milliseconds since the epoch (Apex Reference Guide › Datetime Class › newInstanceGmt, getTime)', () => {
    assert.equal(apex(`return Datetime.newInstanceGmt(1970, 1, 2, 0, 0, 1).getTime();`), 86401000n);
});

test('Datetime.newInstance(Long) is the instant in milliseconds (Apex Reference Guide › Datetime Class › newInstance(milliseconds))', () => {
    assert.equal(apex(`return Datetime.newInstance(Long.valueOf('86400000')).formatGmt('yyyy-MM-dd');`), '1970-01-02');
});

test('Datetime.newInstance(y, m, d, h, mi, s) is in the user time zone; hourGmt reads GMT (Apex Reference Guide › Datetime Class › newInstance, hourGmt)', () => {
    assert.equal(
        apexWith(`return Datetime.newInstance(2030, 1, 31, 10, 0, 0).hourGmt();`, { timeZone: 'Europe/Paris' }),
        9
    );
});

test('Datetime.formatGmt uses Java date format letters (Apex Reference Guide › Datetime Class › formatGmt)', () => {
    assert.equal(
        apex(
            `return Datetime.newInstanceGmt(2026, 5, 4, 11, 0, 1).addMinutes(30).formatGmt('yyyy-MM-dd\\'T\\'HH:mm:ss.SSS\\'Z\\'');`
        ),
        '2026-05-04T11:30:01.000Z'
    );
});

test('Datetime.now comes from the runtime clock (Apex Reference Guide › Datetime Class › now)', () => {
    assert.equal(apexWith(`return Datetime.now().yearGmt();`, {}), 2030);
});

test('Date.newInstance, addDays, daysBetween (Apex Reference Guide › Date Class)', () => {
    assert.equal(
        apex(`Date d = Date.newInstance(2024, 2, 28); return d.daysBetween(d.addDays(2)) + '|' + d.addDays(1).day();`),
        '2|29'
    );
});

test('Date.format is the locale short date with a four-digit year (Apex Reference Guide › Date Class › format)', () => {
    assert.equal(apexWith(`return Date.newInstance(2030, 1, 31).format();`, { locale: 'en_US' }), '1/31/2030');
    assert.equal(apexWith(`return Date.newInstance(2030, 1, 31).format();`, { locale: 'fr_FR' }), '31/01/2030');
});

test('Date.today is the date in the user time zone (Apex Reference Guide › Date Class › today)', () => {
    assert.equal(apexWith(`return String.valueOf(Date.today());`, { timeZone: 'Pacific/Kiritimati' }), '2030-02-01');
});

test('Time.newInstance and addHours wrap around midnight (Apex Reference Guide › Time Class › addHours)', () => {
    assert.equal(apex(`return Time.newInstance(23, 0, 0, 0).addHours(2).hour();`), 1);
});

test('TimeZone.getTimeZone and getOffset include daylight saving (Apex Reference Guide › TimeZone Class › getOffset)', () => {
    assert.equal(
        apex(
            `TimeZone tz = TimeZone.getTimeZone('Europe/Paris'); return tz.getID() + '|' + tz.getOffset(Datetime.newInstanceGmt(2030, 7, 1));`
        ),
        'Europe/Paris|7200000'
    );
});
