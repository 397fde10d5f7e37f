import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apex, apexWith } from './helpers.ts';
import { ApexError } from '../../src/interpreter/exceptions.ts';

test('Integer.valueOf(String) parses a decimal integer (Apex Reference Guide › Integer Class › valueOf(stringToInteger))', () => {
    assert.equal(apex(`return Integer.valueOf('-42') + 1;`), -41);
});

test('Integer.valueOf of malformed text throws TypeException (Apex Reference Guide › Integer Class › valueOf)', () => {
    assert.equal(
        apex(`try { Integer.valueOf('4.2'); return 'no'; } catch (TypeException e) { return 'type'; }`),
        'type'
    );
});

test('Integer.valueOf(Object) converts an Integer or a whole Long held as Object (Apex Reference Guide › Integer Class › valueOf(fieldValue))', () => {
    assert.equal(apex(`Object o = 7L; Object p = 5; return Integer.valueOf(o) + Integer.valueOf(p);`), 12);
});

test('Integer.format uses the user locale grouping (Apex Reference Guide › Integer Class › format)', () => {
    assert.equal(apexWith(`Integer n = 32000; return n.format();`, { locale: 'en_US' }), '32,000');
    assert.equal(apexWith(`Integer n = 32000; return n.format();`, { locale: 'fr_FR' }), '32\u202f000');
});

test('Long.valueOf and Long.intValue keep the low 32 bits (Apex Reference Guide › Long Class › intValue)', () => {
    assert.equal(apex(`return Long.valueOf('4294967297').intValue();`), 1);
});

test('Decimal.valueOf(String) keeps the scale; setScale(scale) rounds half even (Apex Reference Guide › Decimal Class › setScale(scale))', () => {
    assert.equal(
        apex(`Decimal d = Decimal.valueOf('2.345'); return String.valueOf(d.setScale(2)) + '|' + d.scale();`),
        '2.34|3'
    );
    assert.equal(apex(`return String.valueOf(Decimal.valueOf('2.335').setScale(2));`), '2.34');
});

test('Decimal.setScale with a RoundingMode (Apex Reference Guide › Decimal Class › setScale(scale, roundingMode))', () => {
    assert.equal(
        apex(`return String.valueOf(Decimal.valueOf('2.345').setScale(2, System.RoundingMode.DOWN));`),
        '2.34'
    );
});

test('Decimal.round() rounds half even to a Long (Apex Reference Guide › Decimal Class › round())', () => {
    assert.equal(apex(`return Decimal.valueOf('2.5').round() + Decimal.valueOf('3.5').round();`), 6n);
});

test('Decimal.format: user locale, at most three fraction digits (Apex Reference Guide › Decimal Class › format)', () => {
    assert.equal(apexWith(`return Decimal.valueOf('12345.6789').format();`, { locale: 'en_US' }), '12,345.679');
});

test('Decimal.divide(divisor, scale) (Apex Reference Guide › Decimal Class › divide(divisor, scale))', () => {
    assert.equal(apex(`return String.valueOf(Decimal.valueOf('1').divide(4, 2));`), '0.25');
});

test('Double.valueOf and intValue truncate toward zero (Apex Reference Guide › Double Class › intValue)', () => {
    assert.equal(apex(`return Double.valueOf('-3.9').intValue();`), -3);
});

test('Boolean.valueOf(String) is true only for "true" in any case (Apex Reference Guide › Boolean Class › valueOf(stringToBoolean))', () => {
    assert.equal(apex(`return Boolean.valueOf('TRUE') && !Boolean.valueOf('yes');`), true);
});

test('Primitives answer equals, hashCode and toString (Apex Developer Guide › Primitive Data Types)', () => {
    assert.equal(apex(`Integer a = 5; return a.equals(5) + '|' + a.hashCode() + '|' + a.toString();`), 'true|5|5');
});

test('Integer.valueOf of a Decimal with a fraction is refused (undocumented)', () => {
    assert.throws(
        () => apex(`Object o = Decimal.valueOf('2.5'); return Integer.valueOf(o);`),
        /Unsupported: Integer.valueOf of a number with a fraction/
    );
});

void ApexError;
