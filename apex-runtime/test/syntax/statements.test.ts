import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnsupportedApexError } from '../../src/errors.ts';
import { int, name, parseStatements, str, strip, type } from './helpers.ts';

const one = (body: string): unknown => strip(parseStatements(body)[0]);
const block = (...stmts: unknown[]) => ({ kind: 'block', stmts });

test('local variables: several declarators, final (Apex Developer Guide › Variables; Constants)', () => {
    assert.deepEqual(one('final Integer a = 1, b;'), {
        kind: 'localVar',
        type: type(['Integer']),
        isFinal: true,
        declarators: [{ name: 'a', init: int('1') }, { name: 'b' }]
    });
    assert.deepEqual(one('String[] names = new String[]{};'), {
        kind: 'localVar',
        type: type(['String'], [], 1),
        isFinal: false,
        declarators: [{ name: 'names', init: { kind: 'newCollection', type: type(['String'], [], 1), elements: [] } }]
    });
});

test('if / else if / else (Apex Developer Guide › Conditional (If-Else) Statements)', () => {
    assert.deepEqual(one('if (a) x = 1; else if (b) { } else return;'), {
        kind: 'if',
        cond: name('a'),
        then: { kind: 'expr', expr: { kind: 'assign', op: '=', target: name('x'), value: int('1') } },
        else: { kind: 'if', cond: name('b'), then: block(), else: { kind: 'return' } }
    });
});

test('switch on with every when form: values, several values, enum names, a type with a variable, null, else (Apex Developer Guide › Switch Statements)', () => {
    const stmt = one(`switch on subject {
        when 1, -2 { }
        when 'a' { }
        when RED, Color.GREEN { }
        when Account acc { }
        when null { }
        when else { }
    }`);
    assert.deepEqual(stmt, {
        kind: 'switch',
        subject: name('subject'),
        whens: [
            { kind: 'values', values: [int('1'), int('-2')], body: block() },
            { kind: 'values', values: [str('a')], body: block() },
            {
                kind: 'values',
                values: [name('RED'), { kind: 'field', target: name('Color'), name: 'GREEN', safe: false }],
                body: block()
            },
            { kind: 'type', type: type(['Account']), name: 'acc', body: block() },
            { kind: 'values', values: [{ kind: 'literal', type: 'null', value: null }], body: block() },
            { kind: 'else', body: block() }
        ]
    });
});

test('for loops: traditional, list iteration, SOQL for loop single and list forms (Apex Developer Guide › Loops; SOQL For Loops)', () => {
    assert.deepEqual(one('for (Integer i = 0, j = 1; i < 10; i++, j++) { }'), {
        kind: 'for',
        init: {
            kind: 'localVar',
            type: type(['Integer']),
            isFinal: false,
            declarators: [
                { name: 'i', init: int('0') },
                { name: 'j', init: int('1') }
            ]
        },
        cond: { kind: 'binary', op: '<', left: name('i'), right: int('10') },
        update: [
            { kind: 'incDec', op: '++', prefix: false, target: name('i') },
            { kind: 'incDec', op: '++', prefix: false, target: name('j') }
        ],
        body: block()
    });
    assert.deepEqual(one('for (;;) ;'), { kind: 'for', update: [], body: block() });
    assert.deepEqual(one('for (i = 0; ; ) { }'), {
        kind: 'for',
        init: [{ kind: 'assign', op: '=', target: name('i'), value: int('0') }],
        update: [],
        body: block()
    });
    assert.deepEqual(one('for (Contact c : contacts) { }'), {
        kind: 'forEach',
        varType: type(['Contact']),
        varName: 'c',
        iterable: name('contacts'),
        body: block()
    });
    assert.deepEqual(one('for (List<Contact> batch : [SELECT Id FROM Contact]) { }'), {
        kind: 'forEach',
        varType: type(['List'], [type(['Contact'])]),
        varName: 'batch',
        iterable: { kind: 'soql', text: 'SELECT Id FROM Contact' },
        body: block()
    });
});

test('while and do-while (Apex Developer Guide › While Loops; Do-While Loops)', () => {
    assert.deepEqual(one('while (a) { break; }'), { kind: 'while', cond: name('a'), body: block({ kind: 'break' }) });
    assert.deepEqual(one('do { continue; } while (b);'), {
        kind: 'doWhile',
        body: block({ kind: 'continue' }),
        cond: name('b')
    });
});

test('try / catch with several catches / finally, throw (Apex Developer Guide › Exception Statements; Using Exceptions)', () => {
    assert.deepEqual(one('try { } catch (DmlException e) { throw e; } catch (Exception e) { } finally { }'), {
        kind: 'try',
        body: block(),
        catches: [
            { type: type(['DmlException']), name: 'e', body: block({ kind: 'throw', value: name('e') }) },
            { type: type(['Exception']), name: 'e', body: block() }
        ],
        finally: block()
    });
    assert.deepEqual(one('try { } finally { }'), { kind: 'try', body: block(), catches: [], finally: block() });
    assert.deepEqual(
        (one('try { } catch (System.CalloutException e) { }') as { catches: { type: unknown }[] }).catches[0].type,
        type(['System', 'CalloutException'])
    );
});

test('return with and without a value (Apex Developer Guide › Class Methods)', () => {
    assert.deepEqual(one('return;'), { kind: 'return' });
    assert.deepEqual(one('return x;'), { kind: 'return', value: name('x') });
});

test('DML statements; `as user` / `as system` access levels; upsert with an external id field; merge (Apex Developer Guide › DML Statements; Enforcing User Mode for Database Operations)', () => {
    assert.deepEqual(one('insert contacts;'), { kind: 'dml', op: 'insert', target: name('contacts') });
    assert.deepEqual(one('insert as user contacts;'), {
        kind: 'dml',
        op: 'insert',
        target: name('contacts'),
        accessLevel: 'user'
    });
    assert.deepEqual(one('update as system c;'), {
        kind: 'dml',
        op: 'update',
        target: name('c'),
        accessLevel: 'system'
    });
    assert.deepEqual(one('delete as user rows;'), {
        kind: 'dml',
        op: 'delete',
        target: name('rows'),
        accessLevel: 'user'
    });
    assert.deepEqual(one('undelete rows;'), { kind: 'dml', op: 'undelete', target: name('rows') });
    assert.deepEqual(one('upsert as user leads Lead.Fields.Webex_Key__c;'), {
        kind: 'dml',
        op: 'upsert',
        target: name('leads'),
        extra: 'Lead.Fields.Webex_Key__c',
        accessLevel: 'user'
    });
    assert.deepEqual(one('upsert leads;'), { kind: 'dml', op: 'upsert', target: name('leads') });
    assert.deepEqual(one('merge master dup;'), {
        kind: 'dml',
        op: 'merge',
        target: name('master'),
        extra: name('dup')
    });
});

test('System.runAs(user) { } is its own statement (Apex Developer Guide › Using the runAs Method)', () => {
    assert.deepEqual(one('System.runAs(u) { x++; }'), {
        kind: 'runAs',
        args: [name('u')],
        body: block({ kind: 'expr', expr: { kind: 'incDec', op: '++', prefix: false, target: name('x') } })
    });
});

test('statements carry their source line (Apex Developer Guide › Exception Class and Built-In Exceptions: getLineNumber)', () => {
    const stmts = parseStatements('Integer a = 1;\n\nreturn;');
    assert.deepEqual(
        stmts.map((s) => s.line),
        [2, 4]
    );
});

test('a modifier other than final on a local variable is refused with file:line (Apex Developer Guide › Variables)', () => {
    assert.throws(() => parseStatements('static Integer a = 1;'), UnsupportedApexError);
});
