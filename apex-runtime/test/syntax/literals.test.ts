import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnsupportedApexError } from '../../src/errors.ts';
import { parseApexExpression } from '../../src/syntax/parse.ts';
import { ApexSyntaxError } from '../../src/syntax/syntax-error.ts';
import { expr } from './helpers.ts';

const PRIMITIVES = 'Apex Developer Guide › Primitive Data Types';

test(`a number without a point is an Integer literal, up to 2,147,483,647 (${PRIMITIVES} › Integer)`, () => {
    assert.deepEqual(expr('2147483647'), { kind: 'literal', type: 'integer', value: '2147483647' });
});

test(`2147483648 is not an Integer literal: the Integer maximum is 2,147,483,647 and a Long needs the L suffix, as in Long l = 2147483648L (${PRIMITIVES} › Integer, Long)`, () => {
    assert.throws(
        () => parseApexExpression('2147483648', { file: 'Foo.cls', line: 3 }),
        (error: unknown) => {
            assert.ok(error instanceof ApexSyntaxError);
            assert.match(error.message, /^Foo\.cls:3:0 Illegal integer: 2147483648$/);
            return true;
        }
    );
});

test(`-2147483648 (Integer minimum written as a literal) is refused: the guide does not say whether the compiler folds the sign (${PRIMITIVES} › Integer)`, () => {
    assert.throws(() => parseApexExpression('-2147483648'), UnsupportedApexError);
    assert.deepEqual(expr('-2147483647'), {
        kind: 'unary',
        op: '-',
        operand: { kind: 'literal', type: 'integer', value: '2147483647' }
    });
});

test(`a number with the L suffix is a Long literal, up to 2^63-1 (${PRIMITIVES} › Long)`, () => {
    assert.deepEqual(expr('2147483648L'), { kind: 'literal', type: 'long', value: '2147483648' });
    assert.deepEqual(expr('7l'), { kind: 'literal', type: 'long', value: '7' });
    assert.deepEqual(expr('9223372036854775807L'), { kind: 'literal', type: 'long', value: '9223372036854775807' });
    assert.throws(() => parseApexExpression('9223372036854775808L'), /Illegal long/);
});

test(`a number with a point is a Decimal literal; with the d suffix a Double, as in Double e = 2.7182818284D (${PRIMITIVES} › Decimal, Double)`, () => {
    assert.deepEqual(expr('1.50'), { kind: 'literal', type: 'decimal', value: '1.50' });
    assert.deepEqual(expr('2.7182818284D'), { kind: 'literal', type: 'double', value: '2.7182818284' });
    assert.deepEqual(expr('.5'), { kind: 'literal', type: 'decimal', value: '0.5' });
});

test(`a leading zero is refused: the guide does not say whether Apex reads it as octal (${PRIMITIVES} › Integer)`, () => {
    assert.throws(() => parseApexExpression('010'), UnsupportedApexError);
    assert.deepEqual(expr('0'), { kind: 'literal', type: 'integer', value: '0' });
});

test(`string escapes \\b \\t \\n \\f \\r \\" \\' \\\\ resolve (${PRIMITIVES} › String: "Apex Strings support using the escape sequences")`, () => {
    assert.deepEqual(expr(String.raw`'a\tb\nc\'d\\e\"f\rg\bh\fi'`), {
        kind: 'literal',
        type: 'string',
        value: 'a\tb\nc\'d\\e"f\rg\bh\fi'
    });
});

test(`\\uXXXX in a string is the UTF-16 unit XXXX (${PRIMITIVES} › String; the grammar's EscapeSequence)`, () => {
    assert.deepEqual(expr(String.raw`'caf\u00e9 \u2713'`), { kind: 'literal', type: 'string', value: 'café ✓' });
});

test(`an escape the guide does not list is refused, not guessed: \\N (${PRIMITIVES} › String)`, () => {
    assert.throws(() => parseApexExpression(String.raw`'a\Nb'`), UnsupportedApexError);
});

test(`true/false/null literals, in any case (${PRIMITIVES} › Boolean; Apex Developer Guide › Identifiers are case-insensitive)`, () => {
    assert.deepEqual(expr('TRUE'), { kind: 'literal', type: 'boolean', value: true });
    assert.deepEqual(expr('false'), { kind: 'literal', type: 'boolean', value: false });
    assert.deepEqual(expr('Null'), { kind: 'literal', type: 'null', value: null });
});

test(`a multi-line string literal is refused: its trimming rules are not in the guide (${PRIMITIVES} › String)`, () => {
    assert.throws(() => parseApexExpression("'''\nabc\n'''"), UnsupportedApexError);
});
