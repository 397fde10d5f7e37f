import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseApexExpression } from '../../src/syntax/parse.ts';
import { ApexSyntaxError } from '../../src/syntax/syntax-error.ts';
import { bin, expr, int, name, str, type } from './helpers.ts';

const PRECEDENCE = 'Apex Developer Guide › Operator Precedence';

test(`* binds tighter than +: a + b * c (${PRECEDENCE}, levels 3 and 4)`, () => {
    assert.deepEqual(expr('a + b * c'), bin('+', name('a'), bin('*', name('b'), name('c'))));
});

test(`+ and - associate to the left: a - b + c (${PRECEDENCE})`, () => {
    assert.deepEqual(expr('a - b + c'), bin('+', bin('-', name('a'), name('b')), name('c')));
});

test(`! is unary (level 2), && above || (levels 11, 12): !a && b || c (${PRECEDENCE})`, () => {
    assert.deepEqual(
        expr('!a && b || c'),
        bin('||', bin('&&', { kind: 'unary', op: '!', operand: name('a') }, name('b')), name('c'))
    );
});

test(`?? sits below || (level 13): a || b ?? c (${PRECEDENCE}; Null Coalescing Operator)`, () => {
    assert.deepEqual(expr('a || b ?? c'), bin('??', bin('||', name('a'), name('b')), name('c')));
});

test('x ?? y ?? z: "The operator is left-associative" (Apex Developer Guide › Null Coalescing Operator)', () => {
    assert.deepEqual(expr('x ?? y ?? z'), bin('??', bin('??', name('x'), name('y')), name('z')));
});

test('top ?? 100 - bottom ?? 0: - binds tighter than ?? (Apex Developer Guide › Null Coalescing Operator, its example)', () => {
    // The guide writes the result as top ?? (100 - bottom ?? 0); for ?? both groupings pick the same operand.
    assert.deepEqual(
        expr('top ?? 100 - bottom ?? 0'),
        bin('??', bin('??', name('top'), bin('-', int('100'), name('bottom'))), int('0'))
    );
});

test(`== binds tighter than ?: (levels 7, 14): a == b ? c : d (${PRECEDENCE})`, () => {
    assert.deepEqual(expr('a == b ? c : d'), {
        kind: 'conditional',
        cond: bin('==', name('a'), name('b')),
        then: name('c'),
        else: name('d')
    });
});

test(`?: is right-associative: a ? b : c ? d : e (${PRECEDENCE}; Expression Operators › Ternary)`, () => {
    assert.deepEqual(expr('a ? b : c ? d : e'), {
        kind: 'conditional',
        cond: name('a'),
        then: name('b'),
        else: { kind: 'conditional', cond: name('c'), then: name('d'), else: name('e') }
    });
});

test(`a cast (level 2) binds tighter than +: (Integer) a + b (${PRECEDENCE})`, () => {
    assert.deepEqual(
        expr('(Integer) a + b'),
        bin('+', { kind: 'cast', type: type(['Integer']), value: name('a') }, name('b'))
    );
});

test(`a cast applies to the whole member chain after it: (String) m.get(k) (${PRECEDENCE}: method call before cast)`, () => {
    assert.deepEqual(expr('(String) m.get(k)'), {
        kind: 'cast',
        type: type(['String']),
        value: { kind: 'call', target: name('m'), name: 'get', args: [name('k')], safe: false }
    });
});

test(`assignment is right-associative and lowest (level 15): a = b = c + 1 (${PRECEDENCE})`, () => {
    assert.deepEqual(expr('a = b = c + 1'), {
        kind: 'assign',
        op: '=',
        target: name('a'),
        value: { kind: 'assign', op: '=', target: name('b'), value: bin('+', name('c'), int('1')) }
    });
});

test(`compound assignments keep their operator: x += 1, y >>>= 2 (${PRECEDENCE}, level 15)`, () => {
    assert.equal((parseApexExpression('x += 1') as { op: string }).op, '+=');
    assert.equal((parseApexExpression('y >>>= 2') as { op: string }).op, '>>>=');
});

test(`shift operators sit between + and < (level 5): a << 1 + 2 < c (${PRECEDENCE})`, () => {
    assert.deepEqual(expr('a << 1 + 2 < c'), bin('<', bin('<<', name('a'), bin('+', int('1'), int('2'))), name('c')));
    assert.deepEqual(expr('a >> b'), bin('>>', name('a'), name('b')));
    assert.deepEqual(expr('a >>> b'), bin('>>>', name('a'), name('b')));
});

test(`bitwise & above ^ above | (levels 8-10): a | b ^ c & d (${PRECEDENCE})`, () => {
    assert.deepEqual(expr('a | b ^ c & d'), bin('|', name('a'), bin('^', name('b'), bin('&', name('c'), name('d')))));
});

test(`<= and >= are single operators; instanceof is at comparison level (${PRECEDENCE}, level 6)`, () => {
    assert.deepEqual(expr('a <= b'), bin('<=', name('a'), name('b')));
    assert.deepEqual(expr('a >= b'), bin('>=', name('a'), name('b')));
    assert.deepEqual(
        expr('o instanceof Account == true'),
        bin(
            '==',
            { kind: 'instanceof', value: name('o'), type: type(['Account']) },
            { kind: 'literal', type: 'boolean', value: true }
        )
    );
});

test('`<>` is the inequality operator, the same as != (Apex Developer Guide › Expression Operators)', () => {
    assert.deepEqual(expr('a <> b'), bin('!=', name('a'), name('b')));
});

test('=== and !== are exact-equality operators (Apex Developer Guide › Expression Operators)', () => {
    assert.deepEqual(expr('a === b'), bin('===', name('a'), name('b')));
    assert.deepEqual(expr('a !== b'), bin('!==', name('a'), name('b')));
});

test('`> =` with a space is not the >= operator (Apex Developer Guide › Expression Operators lists >= as one operator)', () => {
    assert.throws(() => parseApexExpression('a > = b'), ApexSyntaxError);
});

test('prefix and postfix ++/-- (Apex Developer Guide › Expression Operators › Increment and decrement)', () => {
    assert.deepEqual(expr('i++'), { kind: 'incDec', op: '++', prefix: false, target: name('i') });
    assert.deepEqual(expr('--i'), { kind: 'incDec', op: '--', prefix: true, target: name('i') });
    assert.deepEqual(expr('-x'), { kind: 'unary', op: '-', operand: name('x') });
    assert.deepEqual(expr('~x'), { kind: 'unary', op: '~', operand: name('x') });
});

test('safe navigation ?. on fields and calls (Apex Developer Guide › Safe Navigation Operator)', () => {
    assert.deepEqual(expr('a?.b.c'), {
        kind: 'field',
        target: { kind: 'field', target: name('a'), name: 'b', safe: true },
        name: 'c',
        safe: false
    });
    assert.deepEqual(expr('a?.m(1)'), { kind: 'call', target: name('a'), name: 'm', args: [int('1')], safe: true });
});

test('method calls, indexing, this and super (Apex Developer Guide › Classes, Objects, and Interfaces)', () => {
    assert.deepEqual(expr('foo(1, x)'), { kind: 'call', name: 'foo', args: [int('1'), name('x')], safe: false });
    assert.deepEqual(expr('items[0]'), { kind: 'index', target: name('items'), index: int('0') });
    assert.deepEqual(expr('this.x'), { kind: 'field', target: { kind: 'this' }, name: 'x', safe: false });
    assert.deepEqual(expr('super.m()'), { kind: 'call', target: { kind: 'super' }, name: 'm', args: [], safe: false });
});

test('X.class is a class reference; void.class too (Apex Reference Guide › Type Class)', () => {
    assert.deepEqual(expr('String.class'), { kind: 'classRef', type: type(['String']) });
    assert.deepEqual(expr('WebexApi.Person.class'), { kind: 'classRef', type: type(['WebexApi', 'Person']) });
    assert.deepEqual(expr('List<Contact>.class'), { kind: 'classRef', type: type(['List'], [type(['Contact'])]) });
});

test('new List/Set/Map with initializers and constructor arguments (Apex Developer Guide › Collections)', () => {
    assert.deepEqual(expr("new List<String>{'a', 'b'}"), {
        kind: 'newCollection',
        type: type(['List'], [type(['String'])]),
        elements: [str('a'), str('b')]
    });
    assert.deepEqual(expr('new Set<Id>(ids)'), {
        kind: 'newCollection',
        type: type(['Set'], [type(['Id'])]),
        args: [name('ids')]
    });
    assert.deepEqual(expr("new Map<String, Integer>{'a' => 1}"), {
        kind: 'newCollection',
        type: type(['Map'], [type(['String']), type(['Integer'])]),
        entries: [{ key: str('a'), value: int('1') }]
    });
    assert.deepEqual(expr('new Map<Id, Contact>()'), {
        kind: 'newCollection',
        type: type(['Map'], [type(['Id']), type(['Contact'])]),
        args: []
    });
    assert.deepEqual(expr('new List<Integer>{}'), {
        kind: 'newCollection',
        type: type(['List'], [type(['Integer'])]),
        elements: []
    });
    assert.deepEqual(expr('new Map<String, Object>{}'), {
        kind: 'newCollection',
        type: type(['Map'], [type(['String']), type(['Object'])]),
        entries: []
    });
});

test('array notation: new String[3] and new Integer[]{1, 2} are Lists (Apex Developer Guide › Lists › array notation)', () => {
    assert.deepEqual(expr('new String[3]'), { kind: 'newCollection', type: type(['String'], [], 1), size: int('3') });
    assert.deepEqual(expr('new Integer[]{1, 2}'), {
        kind: 'newCollection',
        type: type(['Integer'], [], 1),
        elements: [int('1'), int('2')]
    });
});

test("new Contact(LastName = 'x') is SObject construction with field = value pairs (Apex Developer Guide › SObject Types › Creating SObjects)", () => {
    assert.deepEqual(expr("new Contact(LastName = 'x', Phone = p)"), {
        kind: 'newSObject',
        type: type(['Contact']),
        fields: [
            { name: 'LastName', value: str('x') },
            { name: 'Phone', value: name('p') }
        ]
    });
});

test('new Foo(a, b) and new Contact() are plain constructions the interpreter resolves (Apex Developer Guide › Using Constructors)', () => {
    assert.deepEqual(expr('new WebexApi.Person(a, b)'), {
        kind: 'new',
        type: type(['WebexApi', 'Person']),
        args: [name('a'), name('b')]
    });
    assert.deepEqual(expr('new Contact()'), { kind: 'new', type: type(['Contact']), args: [] });
});

test('inline SOQL keeps its exact text between the brackets, binds included (Apex Developer Guide › Using Apex Variables in SOQL and SOSL Queries)', () => {
    assert.deepEqual(expr('[SELECT Id FROM Contact WHERE AccountId = :acc.Id LIMIT :n + 1]'), {
        kind: 'soql',
        text: 'SELECT Id FROM Contact WHERE AccountId = :acc.Id LIMIT :n + 1'
    });
    assert.deepEqual(expr('[ SELECT COUNT() FROM Lead ]'), { kind: 'soql', text: ' SELECT COUNT() FROM Lead ' });
});

test('inline SOSL keeps its exact text between the brackets, with a literal or a bound search term (Apex Developer Guide › SOQL and SOSL Queries)', () => {
    assert.deepEqual(expr("[FIND '555*' IN PHONE FIELDS RETURNING Contact(Id), Lead(Id)]"), {
        kind: 'sosl',
        text: "FIND '555*' IN PHONE FIELDS RETURNING Contact(Id), Lead(Id)"
    });
    assert.deepEqual(expr('[FIND :term IN ALL FIELDS RETURNING Account]'), {
        kind: 'sosl',
        text: 'FIND :term IN ALL FIELDS RETURNING Account'
    });
});

test('a SOQL bind expression parses on its own with the origin line (Apex Developer Guide › Using Apex Variables in SOQL and SOSL Queries)', () => {
    assert.deepEqual(expr('c.AccountId'), { kind: 'field', target: name('c'), name: 'AccountId', safe: false });
    assert.deepEqual(expr('limitValue + 1'), bin('+', name('limitValue'), int('1')));
    const located = parseApexExpression('ids', { file: 'Foo.cls', line: 42 });
    assert.equal(located.line, 42);
    assert.throws(() => parseApexExpression('a b', { file: 'Foo.cls', line: 42 }), /^ApexSyntaxError: Foo\.cls:42:2 /);
});
