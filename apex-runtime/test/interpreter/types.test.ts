import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runtime, run, body } from './helpers.ts';
import { loadSchema } from '../../src/data/load-schema.ts';
import { coerce, isAssignable, isInstanceOf, prim, resolveTypeRef, typeName } from '../../src/interpreter/types.ts';
import { ApexList } from '../../src/interpreter/collections.ts';
import { ApexError } from '../../src/interpreter/exceptions.ts';
import { UnsupportedApexError } from '../../src/errors.ts';
import { Decimal } from '../../src/values/decimal.ts';
import { ApexDouble } from '../../src/values/double.ts';
import type { TypeRef } from '../../src/syntax/ast.ts';

const ref = (names: string[], args: TypeRef[] = [], arrayDims = 0): TypeRef => ({ names, args, arrayDims });
const rt = runtime(
    [
        `public class Outer { public class Inner {} public interface Shape {} public enum Kind { A } }`,
        `public class Other {}`
    ],
    { schema: loadSchema() }
);
const it = rt.interpreter;
const outer = it.classes.findClass(['outer'], undefined);

test('Type names resolve case-insensitively: primitives, System-qualified names, collections with type arguments (Apex Developer Guide › Case Sensitivity; Data Types)', () => {
    assert.equal(typeName(resolveTypeRef(it, ref(['STRING']), undefined)), 'String');
    assert.equal(typeName(resolveTypeRef(it, ref(['System', 'Integer']), undefined)), 'Integer');
    assert.equal(
        typeName(resolveTypeRef(it, ref(['map'], [ref(['id']), ref(['List'], [ref(['contact'])])]), undefined)),
        'Map<Id,List<Contact>>'
    );
});

test('Array notation T[] is a List<T> (Apex Developer Guide › Lists: "Array Notation")', () => {
    assert.equal(typeName(resolveTypeRef(it, ref(['Integer'], [], 1), undefined)), 'List<Integer>');
});

test('Inner types resolve as Outer.Inner from anywhere and by simple name inside the outer class (Apex Developer Guide › Inner Classes)', () => {
    assert.equal(typeName(resolveTypeRef(it, ref(['outer', 'INNER']), undefined)), 'Outer.Inner');
    assert.equal(typeName(resolveTypeRef(it, ref(['Inner']), outer)), 'Outer.Inner');
    assert.equal(typeName(resolveTypeRef(it, ref(['Kind']), outer)), 'Outer.Kind');
});

test('SObject types resolve from the schema, with or without Schema. (Apex Developer Guide › sObject Types)', () => {
    assert.deepEqual(resolveTypeRef(it, ref(['contact']), undefined), { k: 'sobject', name: 'Contact' });
    assert.deepEqual(resolveTypeRef(it, ref(['Schema', 'Account']), undefined), { k: 'sobject', name: 'Account' });
    assert.deepEqual(resolveTypeRef(it, ref(['SObject']), undefined), { k: 'sobject', name: 'SObject' });
});

test('Built-in exception types resolve with or without System. (Apex Reference Guide › Exception Class and Built-In Exceptions)', () => {
    assert.equal(typeName(resolveTypeRef(it, ref(['System', 'DmlException']), undefined)), 'System.DmlException');
    assert.equal(typeName(resolveTypeRef(it, ref(['nullpointerexception']), undefined)), 'System.NullPointerException');
});

test('An unknown type is refused with its name (never a silent wrong answer)', () => {
    assert.throws(
        () => resolveTypeRef(it, ref(['NoSuchThing']), undefined),
        (e: unknown) => e instanceof UnsupportedApexError && /NoSuchThing/.test(e.message)
    );
});

test('Collections are covariant in their element types; every value is an Object (Apex Developer Guide › Collections; Classes and Casting)', () => {
    const listOf = (t: ReturnType<typeof prim> | { k: 'sobject'; name: string }) => ({ k: 'list' as const, elem: t });
    assert.ok(isAssignable(listOf({ k: 'sobject', name: 'Contact' }), listOf({ k: 'sobject', name: 'SObject' })));
    assert.ok(!isAssignable(listOf({ k: 'sobject', name: 'SObject' }), listOf({ k: 'sobject', name: 'Contact' })));
    assert.ok(isInstanceOf(new ApexList(prim('String'), []), prim('Object')));
});

test('Implicit numeric conversion on assignment: Integer → Long → Double → Decimal (Apex Developer Guide › Rules of Conversion)', () => {
    assert.equal(coerce(5, prim('Long')), 5n);
    const d = coerce(5n, prim('Double'));
    assert.ok(d instanceof ApexDouble && d.value === 5);
    const dec = coerce(new ApexDouble(1.5), prim('Decimal'));
    assert.ok(dec instanceof Decimal && dec.toString() === '1.5');
});

test('A non-convertible value raises TypeException "Invalid conversion from runtime type X to Y" (Apex Developer Guide › Classes and Casting)', () => {
    assert.throws(
        () => coerce('x', prim('Integer')),
        (e: unknown) => e instanceof Error && e.message === 'Invalid conversion from runtime type String to Integer'
    );
});

test('Casting a user object to an unrelated class raises TypeException (Apex Developer Guide › Classes and Casting)', () => {
    const src = `public class T { public class A {} public class B {} public static Object run() { Object o = new A(); B b = (B) o; return b; } }`;
    assert.throws(
        () => run(src),
        (e: unknown) =>
            e instanceof ApexError &&
            e.apexType === 'System.TypeException' &&
            e.apexMessage === 'Invalid conversion from runtime type T.A to T.B'
    );
});

test('Return values and parameters are converted to their declared types (Apex Developer Guide › Rules of Conversion)', () => {
    const src = `public class T { static Long twice(Long x) { return x * 2; } static Decimal half() { return 1; } public static Object run() { return twice(21) + ',' + half(); } }`;
    assert.equal(run(src), '42,1');
    assert.equal(run(body('return 1;')), 1);
});
