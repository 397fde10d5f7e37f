import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Decimal } from '../../src/values/decimal.ts';
import type { RoundingMode } from '../../src/values/decimal.ts';
import { ApexRuntimeSignal } from '../../src/values/signal.ts';
import { UnsupportedApexError } from '../../src/errors.ts';

const d = (s: string): Decimal => Decimal.parse(s);

test('A Decimal literal keeps its scale: 1.10 has scale 2 (Apex Developer Guide › Primitive Data Types › Decimal)', () => {
    assert.equal(d('1.10').scale, 2);
    assert.equal(d('1.10').toString(), '1.10');
    assert.equal(d('-0.5').toString(), '-0.5');
});

test('Decimal addition and subtraction take the larger scale; multiplication sums scales (Apex Reference Guide › Decimal Class; java.math.BigDecimal)', () => {
    assert.equal(d('1.1').add(d('2.25')).toString(), '3.35');
    assert.equal(d('1.10').subtract(d('1')).toString(), '0.10');
    assert.equal(d('1.10').multiply(d('2.0')).toString(), '2.200');
});

test('Decimal division: exact quotients; non-terminating refused rather than guessed (Apex Reference Guide › Decimal Class › divide)', () => {
    assert.equal(d('1').divideOperator(d('4')).toString(), '0.25');
    assert.equal(d('10.0').divideOperator(d('4')).toString(), '2.5');
    assert.equal(d('6').divideOperator(d('3')).toString(), '2');
    assert.throws(() => d('1').divideOperator(d('3')), UnsupportedApexError);
    assert.throws(
        () => d('1').divideOperator(d('0')),
        (e: unknown) => e instanceof ApexRuntimeSignal && e.apexType === 'System.MathException'
    );
});

test('divide(divisor, scale, roundingMode) sets the result scale (Apex Reference Guide › Decimal Class › divide(divisor, scale, roundingMode))', () => {
    assert.equal(d('19').divide(d('100'), 3).toString(), '0.190');
    assert.equal(d('1').divide(d('3'), 4, 'HALF_UP').toString(), '0.3333');
    assert.equal(d('2').divide(d('3'), 2, 'HALF_UP').toString(), '0.67');
    assert.equal(d('2').divide(d('3'), 2, 'DOWN').toString(), '0.66');
    assert.throws(() => d('1').divide(d('3'), 2), UnsupportedApexError);
});

test('setScale(scale) without a rounding mode rounds half even (Apex Reference Guide › Decimal Class › setScale(scale): "using half-even rounding, if necessary")', () => {
    // A tie goes to the even neighbour, either way.
    assert.equal(d('1.25').setScale(1).toString(), '1.2');
    assert.equal(d('1.35').setScale(1).toString(), '1.4');
    assert.equal(d('-1.25').setScale(1).toString(), '-1.2');
    assert.equal(d('0.125').setScale(2).toString(), '0.12');
    // Not a tie: the nearest neighbour.
    assert.equal(d('1.251').setScale(1).toString(), '1.3');
    assert.equal(d('-1.249').setScale(1).toString(), '-1.2');
    // Widening adds zeros.
    assert.equal(d('1.2').setScale(3).toString(), '1.200');
    // A mode given still wins.
    assert.equal(d('1.25').setScale(1, 'HALF_UP').toString(), '1.3');
});

test('Rounding modes match the guide table for 5.5, 1.1, -1.1, -2.7 (Apex Reference Guide › Decimal Class › Rounding Mode)', () => {
    const inputs = ['5.5', '1.1', '-1.1', '-2.7', '2.5', '-2.5'];
    const expected: Record<RoundingMode, (string | null)[]> = {
        CEILING: ['6', '2', '-1', '-2', '3', '-2'],
        DOWN: ['5', '1', '-1', '-2', '2', '-2'],
        FLOOR: ['5', '1', '-2', '-3', '2', '-3'],
        HALF_DOWN: ['5', '1', '-1', '-3', '2', '-2'],
        HALF_EVEN: ['6', '1', '-1', '-3', '2', '-2'],
        HALF_UP: ['6', '1', '-1', '-3', '3', '-3'],
        UP: ['6', '2', '-2', '-3', '3', '-3'],
        UNNECESSARY: [null, null, null, null, null, null]
    };
    for (const [mode, outs] of Object.entries(expected) as [RoundingMode, (string | null)[]][]) {
        inputs.forEach((input, i) => {
            const want = outs[i];
            if (want === null) assert.throws(() => d(input).round(mode), ApexRuntimeSignal);
            else assert.equal(String(d(input).round(mode)), want, `${input} ${mode}`);
        });
    }
    assert.equal(d('5').round('UNNECESSARY'), 5n);
});

test('round() without a mode uses half-even and returns a Long (Apex Reference Guide › Decimal Class › round())', () => {
    assert.equal(d('2.5').round(), 2n);
    assert.equal(d('3.5').round(), 4n);
    assert.equal(d('-2.5').round(), -2n);
});

test('stripTrailingZeros, precision and scale (Apex Reference Guide › Decimal Class › stripTrailingZeros, precision, scale)', () => {
    assert.equal(d('1.2300').stripTrailingZeros().toString(), '1.23');
    assert.equal(d('100').stripTrailingZeros().toString(), '1E+2');
    assert.equal(d('0.000').stripTrailingZeros().toString(), '0');
    assert.equal(d('123.123').precision(), 6);
    assert.equal(d('123').precision(), 3);
    assert.equal(d('123.123').scale, 3);
});

test('toString uses scientific notation for small or negative-scale values; toPlainString never (Apex Reference Guide › Decimal Class › toPlainString)', () => {
    assert.equal(d('0.0000001').toString(), '1E-7');
    assert.equal(d('0.000001').toString(), '0.000001');
    assert.equal(d('0.0000001').toPlainString(), '0.0000001');
    assert.equal(d('1E+3').toPlainString(), '1000');
    assert.equal(d('1E+3').toString(), '1E+3');
});

test('pow multiplies the scale by the exponent (Apex Reference Guide › Decimal Class › pow: 4.12^2 = 16.9744)', () => {
    assert.equal(d('4.12').pow(2).toString(), '16.9744');
    assert.equal(d('2').pow(0).toString(), '1');
});

test('abs, compareTo and numeric equality ignoring scale (Apex Reference Guide › Decimal Class › abs; Apex Developer Guide › Expression Operators › ==)', () => {
    assert.equal(d('-1.5').abs().toString(), '1.5');
    assert.equal(d('1.0').compareTo(d('1.00')), 0);
    assert.ok(d('1.0').numericEquals(d('1.00')));
    assert.equal(d('2').compareTo(d('10')), -1);
});

test('Decimal.valueOf(String) rejects malformed text with TypeException (Apex Reference Guide › Decimal Class › valueOf(stringToDecimal))', () => {
    assert.equal(d('12.50').toString(), '12.50');
    assert.throws(
        () => d('abc'),
        (e: unknown) => e instanceof ApexRuntimeSignal && e.apexType === 'System.TypeException'
    );
    assert.throws(() => d(''), ApexRuntimeSignal);
});

test('Decimal.valueOf(Double) uses the Double text, and valueOf(Long) has scale 0 (Apex Reference Guide › Decimal Class › valueOf(doubleToDecimal), valueOf(longToDecimal))', () => {
    assert.equal(Decimal.fromDouble(0.1).toString(), '0.1');
    assert.equal(Decimal.fromDouble(1).toString(), '1.0');
    assert.equal(Decimal.fromInteger(42n).toString(), '42');
});

test('intValue, longValue, doubleValue truncate and convert (Apex Reference Guide › Decimal Class › intValue, longValue, doubleValue)', () => {
    assert.equal(d('-3.9').intValue(), -3);
    assert.equal(d('12345678901.5').longValue(), 12345678901n);
    assert.equal(d('0.25').doubleValue(), 0.25);
});

test("format() uses the user's locale with at most three fraction digits: 12345.6789 → 12,345.679 (Apex Reference Guide › Decimal Class › format)", () => {
    assert.equal(d('12345.6789').format('en_US'), '12,345.679');
    assert.equal(d('1000.00').format('en_US'), '1,000');
    assert.equal(d('1234.5').format('de_DE'), '1.234,5');
});
