import { test } from 'node:test';
import assert from 'node:assert/strict';
import { numericBinary, numericKindOf, numericNegate, widen } from '../../src/values/arithmetic.ts';
import { Decimal } from '../../src/values/decimal.ts';
import { ApexDouble } from '../../src/values/double.ts';
import { ApexRuntimeSignal } from '../../src/values/signal.ts';
import { UnsupportedApexError } from '../../src/errors.ts';

test('An operation takes the higher type of Integer → Long → Double → Decimal (Apex Developer Guide › Rules of Conversion)', () => {
    assert.equal(numericKindOf(numericBinary('+', 1, 2n)), 'Long');
    assert.equal(numericKindOf(numericBinary('*', 2n, new ApexDouble(1.5))), 'Double');
    assert.equal(numericKindOf(numericBinary('+', new ApexDouble(1.5), Decimal.parse('1.25'))), 'Decimal');
    assert.equal(String(numericBinary('+', 1, Decimal.parse('1.25'))), '2.25');
    assert.equal(String(numericBinary('+', new ApexDouble(0.1), Decimal.parse('1.00'))), '1.10');
});

test('Integer / Integer truncates; Integer / Decimal is Decimal division (Apex Developer Guide › Expression Operators › /)', () => {
    assert.equal(numericBinary('/', 7, 2), 3);
    assert.equal(String(numericBinary('/', 7, Decimal.parse('2'))), '3.5');
    assert.equal(String(numericBinary('/', new ApexDouble(7), 2)), '3.5');
    assert.throws(
        () => numericBinary('/', 1n, 0),
        (e: unknown) => e instanceof ApexRuntimeSignal && e.apexType === 'System.MathException'
    );
    assert.throws(() => numericBinary('/', new ApexDouble(1), 0), UnsupportedApexError);
});

test('Widening is implicit; narrowing is refused (Apex Developer Guide › Rules of Conversion: lower types assign to higher ones)', () => {
    assert.equal(widen(5, 'Long'), 5n);
    assert.equal(String(widen(5n, 'Decimal')), '5');
    assert.throws(() => widen(5n, 'Integer'), UnsupportedApexError);
    assert.equal(numericNegate(-2147483648), -2147483648);
});
