import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnsupportedApexError } from '../../src/errors.ts';
import type {
    ConstructorDecl,
    EnumDecl,
    FieldDecl,
    InterfaceDecl,
    MethodDecl,
    PropertyDecl
} from '../../src/syntax/ast.ts';
import { parseApexFile } from '../../src/syntax/parse.ts';
import { ApexSyntaxError } from '../../src/syntax/syntax-error.ts';
import { parseClass, strip, type } from './helpers.ts';

test('class modifiers, sharing keywords, extends and implements (Apex Developer Guide › Classes › Apex Class Definition; Using the with sharing keywords)', () => {
    const cls = parseClass(
        'public virtual with sharing class Foo extends Base implements Schedulable, Database.Batchable<SObject> { }'
    );
    assert.equal(cls.name, 'Foo');
    assert.deepEqual(cls.modifiers, ['public', 'virtual', 'with sharing']);
    assert.deepEqual(cls.extends, type(['Base']));
    assert.deepEqual(cls.implements, [type(['Schedulable']), type(['Database', 'Batchable'], [type(['SObject'])])]);
    assert.deepEqual(parseClass('global inherited sharing abstract class A { }').modifiers, [
        'global',
        'inherited sharing',
        'abstract'
    ]);
    assert.deepEqual(parseClass('without sharing class A { }').modifiers, ['without sharing']);
});

test('annotations with and without parameters (Apex Developer Guide › Annotations)', () => {
    const cls = parseClass(`@IsTest(SeeAllData=false isParallel=true)
        private class T {
            @TestSetup static void setup() {}
            @AuraEnabled(cacheable=true) public static String a() { return null; }
            @RestResource(urlMapping='/webex/*') class R {}
            @SuppressWarnings('PMD.X') void b() {}
        }`);
    assert.deepEqual(strip(cls.annotations), [{ name: 'IsTest', params: { SeeAllData: false, isParallel: true } }]);
    const [setup, a, r, b] = cls.members as MethodDecl[];
    assert.deepEqual(strip(setup.annotations), [{ name: 'TestSetup', params: {} }]);
    assert.deepEqual(setup.modifiers, ['static']);
    assert.deepEqual(strip(a.annotations), [{ name: 'AuraEnabled', params: { cacheable: true } }]);
    assert.deepEqual(strip(r.annotations), [{ name: 'RestResource', params: { urlMapping: '/webex/*' } }]);
    assert.deepEqual(strip(b.annotations), [{ name: 'SuppressWarnings', params: { value: 'PMD.X' } }]);
});

test('fields with several declarators and initializers (Apex Developer Guide › Class Variables)', () => {
    const [field] = parseClass('class A { private static final Integer X = 1, Y; }').members as FieldDecl[];
    assert.equal(field.kind, 'field');
    assert.deepEqual(field.modifiers, ['private', 'static', 'final']);
    assert.deepEqual(field.type, type(['Integer']));
    assert.deepEqual(strip(field.declarators), [
        { name: 'X', init: { kind: 'literal', type: 'integer', value: '1' } },
        { name: 'Y' }
    ]);
});

test('properties: automatic accessors, access modifiers on an accessor, accessor bodies (Apex Developer Guide › Apex Properties)', () => {
    const [auto, custom, readOnly] = parseClass(`class A {
        public String name { get; private set; }
        public Integer size { get { return s; } set { s = value; } }
        public Boolean ready { get; }
    }`).members as PropertyDecl[];
    assert.equal(auto.kind, 'property');
    assert.equal(auto.getter?.body, undefined);
    assert.deepEqual(auto.getter?.modifiers, []);
    assert.deepEqual(auto.setter?.modifiers, ['private']);
    assert.equal(custom.getter?.body?.stmts[0].kind, 'return');
    assert.equal(custom.setter?.body?.stmts[0].kind, 'expr');
    assert.equal(readOnly.setter, undefined);
});

test('methods: return type, void, parameters with final, abstract without a body (Apex Developer Guide › Class Methods)', () => {
    const [m, v, abs] = parseClass(`abstract class A {
        public List<String> names(final Integer n, Map<Id, Contact> byId) { return null; }
        void run() {}
        protected abstract String key();
    }`).members as MethodDecl[];
    assert.deepEqual(m.returnType, type(['List'], [type(['String'])]));
    assert.deepEqual(strip(m.params), [
        { name: 'n', type: type(['Integer']), isFinal: true },
        { name: 'byId', type: type(['Map'], [type(['Id']), type(['Contact'])]), isFinal: false }
    ]);
    assert.deepEqual(v.returnType, type(['void']));
    assert.equal(abs.body, undefined);
    assert.deepEqual(abs.modifiers, ['protected', 'abstract']);
    assert.deepEqual([m.line, m.endLine], [2, 2]);
});

test('constructors; this(...) and super(...) as first statements, calls named this/super with no target (Apex Developer Guide › Using Constructors)', () => {
    const [a, b] = parseClass(`class A extends B {
        public A() { this(1); }
        A(Integer x) { super(x, 'y'); }
    }`).members as ConstructorDecl[];
    assert.equal(a.kind, 'constructor');
    assert.deepEqual(strip(a.body.stmts[0]), {
        kind: 'expr',
        expr: { kind: 'call', name: 'this', args: [{ kind: 'literal', type: 'integer', value: '1' }], safe: false }
    });
    assert.deepEqual(strip(b.params), [{ name: 'x', type: type(['Integer']), isFinal: false }]);
    assert.equal((strip(b.body.stmts[0]) as { expr: { name: string } }).expr.name, 'super');
});

test('static and instance initializer blocks (Apex Developer Guide › Using Static Methods and Variables; Static and Instance Initialization Code)', () => {
    const members = parseClass('class A { static { x = 1; } { y = 2; } }').members;
    assert.deepEqual(
        members.map((m) => (m.kind === 'initializer' ? m.isStatic : null)),
        [true, false]
    );
});

test('inner classes, interfaces and enums keep their modifiers (Apex Developer Guide › Inner Classes; Interfaces; Enums)', () => {
    const [inner, iface, en] = parseClass(`public class Outer {
        public virtual class Inner extends Exception {}
        public interface Greeter extends Other { String greet(String who); }
        public enum Color { RED, GREEN }
    }`).members as [{ kind: string; name: string; extends: unknown }, InterfaceDecl, EnumDecl];
    assert.equal(inner.kind, 'class');
    assert.equal(inner.name, 'Inner');
    assert.deepEqual(inner.extends, type(['Exception']));
    assert.equal(iface.kind, 'interface');
    assert.deepEqual(iface.extends, [type(['Other'])]);
    assert.deepEqual(
        iface.methods.map((m) => [m.name, m.body]),
        [['greet', undefined]]
    );
    assert.deepEqual(en.values, ['RED', 'GREEN']);
    assert.deepEqual(en.modifiers, ['public']);
});

test('top-level interface and enum files (Apex Developer Guide › Interfaces; Enums)', () => {
    assert.equal(parseApexFile('I.cls', 'public interface I { void a(); }').type.kind, 'interface');
    const en = parseApexFile('E.cls', 'public enum E { A, B, C }').type as EnumDecl;
    assert.deepEqual(en.values, ['A', 'B', 'C']);
});

test('triggers: object, events in lower case, body statements (Apex Developer Guide › Triggers › Trigger Syntax)', () => {
    const unit = parseApexFile(
        'T.trigger',
        'trigger WebexLeadPhoneKeys on Lead(before insert, before update, AFTER Update) {\n    WebexLeadConversionKeys.onLeadTrigger();\n}'
    );
    assert.equal(unit.file, 'T.trigger');
    assert.ok(unit.type.kind === 'trigger');
    assert.equal(unit.type.name, 'WebexLeadPhoneKeys');
    assert.equal(unit.type.object, 'Lead');
    assert.deepEqual(unit.type.events, ['before insert', 'before update', 'after update']);
    assert.equal(unit.type.body.stmts.length, 1);
    assert.equal(unit.type.body.stmts[0].line, 2);
});

test('a method declared inside a trigger is refused with file:line: the tree has no place for it (Apex Developer Guide › Triggers)', () => {
    assert.throws(
        () => parseApexFile('T.trigger', 'trigger T on Lead (before insert) {\n  void helper() {}\n}'),
        (error: unknown) => error instanceof UnsupportedApexError && /T\.trigger:2/.test(error.message)
    );
});

test('a variable declared in a trigger body is a local of that run: apex-parser reads it as a field (Apex Developer Guide › Triggers › Trigger Syntax: a code block)', () => {
    const unit = parseApexFile('T.trigger', "trigger T on Lead (before insert) {\n  String s = 'a', t;\n  s = t;\n}");
    assert.ok(unit.type.kind === 'trigger');
    const [first, second] = unit.type.body.stmts;
    assert.ok(first?.kind === 'localVar');
    assert.equal(first.line, 2);
    assert.deepEqual(
        first.declarators.map((d) => d.name),
        ['s', 't']
    );
    assert.equal(second?.kind, 'expr');
});

test('the static keyword in a trigger body is refused (Apex Developer Guide › Triggers › Trigger Syntax: no static keyword)', () => {
    assert.throws(
        () => parseApexFile('T.trigger', 'trigger T on Lead (before insert) {\n  static String s;\n}'),
        (error: unknown) => error instanceof UnsupportedApexError && /T\.trigger:2/.test(error.message)
    );
});

test('a syntax error names file:line:column (DESIGN.md: errors name their source position; grammar: apex-parser)', () => {
    assert.throws(
        () => parseApexFile('Broken.cls', 'public class Broken {\n    void m() { Integer x = ; }\n}'),
        (error: unknown) => error instanceof ApexSyntaxError && /^Broken\.cls:2:\d+ /.test(error.message)
    );
});

test('the tree is plain data: a JSON round trip gives it back (DESIGN.md: syntax trees are JSON-cacheable)', () => {
    const unit = parseApexFile('A.cls', "public class A { String s = 'x'; Decimal d = 1.5; Long l = 3L; }");
    assert.deepEqual(JSON.parse(JSON.stringify(unit)), unit);
});
