import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apexEquals, compareForOperator, compareForSort, keyEquals, keyHash } from '../../src/values/equality.ts';
import type { ApexEquatable } from '../../src/values/equality.ts';
import { Decimal } from '../../src/values/decimal.ts';
import { ApexDouble } from '../../src/values/double.ts';
import { ApexDate } from '../../src/values/temporal.ts';
import { Blob } from '../../src/values/blob.ts';

const dec = (s: string): Decimal => Decimal.parse(s);

test('== on Strings is case-insensitive (Apex Developer Guide › Expression Operators › ==)', () => {
    assert.ok(apexEquals('Hello', 'hELLO'));
    assert.ok(!apexEquals('Hello', 'Hello '));
    assert.ok(!apexEquals('a', null));
    assert.ok(apexEquals(null, null));
});

test('== compares numbers by value across Integer, Long, Double and Decimal (Apex Developer Guide › Expression Operators › ==)', () => {
    assert.ok(apexEquals(1, 1n));
    assert.ok(apexEquals(1, new ApexDouble(1)));
    assert.ok(apexEquals(dec('1.0'), dec('1.00')));
    assert.ok(apexEquals(2n, dec('2.0')));
    assert.ok(!apexEquals(1, dec('1.1')));
});

test('== on Dates and Blobs compares values (Apex Developer Guide › Expression Operators › ==)', () => {
    assert.ok(apexEquals(new ApexDate(2024, 1, 1), new ApexDate(2024, 1, 1)));
    assert.ok(apexEquals(Blob.valueOf('x'), Blob.valueOf('x')));
});

test('Set and Map keys: Strings are case-sensitive (Apex Developer Guide › Maps: map keys of type String are case-sensitive)', () => {
    assert.ok(!keyEquals('a', 'A'));
    assert.ok(keyEquals('a', 'a'));
    assert.equal(keyHash('hello'), 99162322);
});

test('Decimal keys differing in scale are distinct (Apex Reference Guide › Decimal Class: 1.1 and 1.10 generally do not have the same hashcode)', () => {
    assert.ok(!keyEquals(dec('1.1'), dec('1.10')));
    assert.ok(keyEquals(dec('1.10'), dec('1.10')));
    assert.equal(keyHash(dec('1.10')), keyHash(dec('1.10')));
});

test('Objects with equals/hashCode take part through the hook (Apex Developer Guide › Using Custom Types in Map Keys and Sets)', () => {
    class Point implements ApexEquatable {
        readonly x: number;
        constructor(x: number) {
            this.x = x;
        }
        apexEquals(other: unknown): boolean {
            return other instanceof Point && other.x === this.x;
        }
        apexHash(): number {
            return this.x;
        }
    }
    assert.ok(keyEquals(new Point(1), new Point(1)));
    assert.ok(apexEquals(new Point(2), new Point(2)));
    assert.equal(keyHash(new Point(7)), 7);
});

test('< and > on a null Integer/Date are false; a non-null String is greater than null (Apex Developer Guide › Expression Operators › <, >)', () => {
    assert.equal(compareForOperator(null, 1), null);
    assert.equal(compareForOperator(new ApexDate(2024, 1, 1), null), null);
    assert.equal(compareForOperator('a', null), 1);
    assert.equal(compareForOperator(null, 'a'), -1);
    assert.equal(compareForOperator(1, dec('1.5')), -1);
    assert.equal(compareForOperator('apple', 'BANANA'), -1);
});

test('List.sort of Strings uses String.compareTo (uppercase before lowercase); nulls first (Apex Reference Guide › List Class › sort; String Class › compareTo)', () => {
    const list = ['banana', null, 'Apple', 'apple'];
    list.sort(compareForSort);
    assert.deepEqual(list, [null, 'Apple', 'apple', 'banana']);
    const nums = [dec('2.5'), 1, 3n];
    nums.sort(compareForSort);
    assert.deepEqual(nums.map(String), ['1', '2.5', '3']);
});
