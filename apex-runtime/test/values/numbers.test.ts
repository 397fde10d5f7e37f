import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
    intAdd,
    intDivide,
    intMod,
    intMultiply,
    intNegate,
    intShiftLeft,
    intShiftRight,
    intUnsignedShiftRight,
    integerFormat,
    integerValueOf,
    INT_MAX,
    INT_MIN
} from '../../src/values/integer.ts';
import {
    longAdd,
    longDivide,
    longMultiply,
    longUnsignedShiftRight,
    longValueOf,
    longIntValue,
    LONG_MAX,
    LONG_MIN
} from '../../src/values/long.ts';
import {
    ApexDouble,
    doubleFormat,
    doubleIntValue,
    doubleValueOf,
    javaDoubleToString
} from '../../src/values/double.ts';
import { ApexRuntimeSignal } from '../../src/values/signal.ts';

function signal(fn: () => unknown, apexType: string, message?: string): void {
    assert.throws(
        fn,
        (e: unknown) =>
            e instanceof ApexRuntimeSignal &&
            e.apexType === apexType &&
            (message === undefined || e.message === message)
    );
}

test('Integer overflow wraps to the 32-bit range (Apex Developer Guide › Primitive Data Types › Integer: 32-bit, -2,147,483,648 to 2,147,483,647)', () => {
    assert.equal(intAdd(INT_MAX, 1), INT_MIN);
    assert.equal(intMultiply(65536, 65536), 0);
    assert.equal(intNegate(INT_MIN), INT_MIN);
    assert.equal(intAdd(-5, 3), -2);
});

test('Integer division truncates toward zero (Apex Developer Guide › Expression Operators › /)', () => {
    assert.equal(intDivide(7, 2), 3);
    assert.equal(intDivide(-7, 2), -3);
    assert.equal(intDivide(INT_MIN, -1), INT_MIN);
});

test('Integer division by zero throws System.MathException: Divide by 0 (Apex Developer Guide › Exception Class and Built-In Exceptions › MathException)', () => {
    signal(() => intDivide(1, 0), 'System.MathException', 'Divide by 0');
    signal(() => intMod(1, 0), 'System.MathException', 'Divide by 0');
});

test('Math.mod keeps the sign of the dividend (Apex Reference Guide › Math Class › mod)', () => {
    assert.equal(intMod(-5, 3), -2);
    assert.equal(intMod(5, -3), 2);
});

test('Shift operators use Java semantics: << and >> signed, >>> unsigned (Apex Developer Guide › Expression Operators › <<, >>, >>>)', () => {
    assert.equal(intShiftLeft(1, 31), INT_MIN);
    assert.equal(intShiftRight(-8, 1), -4);
    assert.equal(intUnsignedShiftRight(-1, 28), 15);
    assert.equal(intShiftLeft(1, 32), 1);
});

test('Integer.valueOf(String) reads an optional sign and digits, else TypeException (Apex Reference Guide › Integer Class › valueOf)', () => {
    assert.equal(integerValueOf('123'), 123);
    assert.equal(integerValueOf('-42'), -42);
    assert.equal(integerValueOf('+7'), 7);
    signal(() => integerValueOf('1.5'), 'System.TypeException', 'Invalid integer: 1.5');
    signal(() => integerValueOf(' 1'), 'System.TypeException');
    signal(() => integerValueOf('2147483648'), 'System.TypeException');
});

test("Integer.format() uses the context user's locale (Apex Reference Guide › Integer Class › format)", () => {
    assert.equal(integerFormat(32000, 'en_US'), '32,000');
    assert.equal(integerFormat(1234567, 'de_DE'), '1.234.567');
    // ICU (Salesforce's ICU locale formats) groups French thousands with a narrow no-break space.
    assert.equal(integerFormat(32000, 'fr_FR'), '32\u202f000');
});

test('Long arithmetic wraps to 64 bits (Apex Developer Guide › Primitive Data Types › Long)', () => {
    assert.equal(longAdd(LONG_MAX, 1n), LONG_MIN);
    assert.equal(longMultiply(4294967296n, 4294967296n), 0n);
    assert.equal(longDivide(-7n, 2n), -3n);
    assert.equal(longUnsignedShiftRight(-1n, 60), 15n);
    signal(() => longDivide(1n, 0n), 'System.MathException', 'Divide by 0');
});

test('Long.valueOf(String) and Long.intValue() narrowing (Apex Reference Guide › Long Class › valueOf, intValue)', () => {
    assert.equal(longValueOf('9223372036854775807'), LONG_MAX);
    signal(() => longValueOf('9223372036854775808'), 'System.TypeException');
    assert.equal(longIntValue(4294967297n), 1);
});

test('String.valueOf(Double) prints as Java Double.toString: plain within 10^-3..10^7, else E notation (Apex Reference Guide › String Class › valueOf(doubleToConvert); java.lang.Double.toString)', () => {
    assert.equal(javaDoubleToString(1), '1.0');
    assert.equal(javaDoubleToString(1.5), '1.5');
    assert.equal(javaDoubleToString(-0.001), '-0.001');
    assert.equal(javaDoubleToString(1234567), '1234567.0');
    assert.equal(javaDoubleToString(1e7), '1.0E7');
    assert.equal(javaDoubleToString(1e10), '1.0E10');
    assert.equal(javaDoubleToString(0.0001), '1.0E-4');
    assert.equal(javaDoubleToString(1.2345e-5), '1.2345E-5');
    assert.equal(javaDoubleToString(0.1 + 0.2), '0.30000000000000004');
    assert.equal(javaDoubleToString(0), '0.0');
    assert.equal(new ApexDouble(100).toString(), '100.0');
});

test('Double.valueOf(String) follows Java parseDouble, else TypeException (Apex Reference Guide › Double Class › valueOf)', () => {
    assert.equal(doubleValueOf('3.14').value, 3.14);
    assert.equal(doubleValueOf(' 1e3 ').value, 1000);
    signal(() => doubleValueOf('abc'), 'System.TypeException', 'Invalid double: abc');
});

test('Double.intValue() truncates (Apex Reference Guide › Double Class › intValue)', () => {
    assert.equal(doubleIntValue(-2.7), -2);
    assert.equal(doubleIntValue(1e20), INT_MAX);
});

test("Double.format() uses the user's locale (Apex Reference Guide › Double Class › format)", () => {
    assert.equal(doubleFormat(1234.5, 'en_US'), '1,234.5');
});
