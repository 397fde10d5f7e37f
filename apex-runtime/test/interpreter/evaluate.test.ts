import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, body } from './helpers.ts';
import { ApexError } from '../../src/interpreter/exceptions.ts';
import { UnsupportedApexError } from '../../src/errors.ts';
import { ApexDouble } from '../../src/values/double.ts';
import { Decimal } from '../../src/values/decimal.ts';
import { ApexDate } from '../../src/values/temporal.ts';

const apexError = (type: string, message?: string) => (e: unknown) => {
    assert.ok(e instanceof ApexError, `expected an ApexError, got ${String(e)}`);
    assert.equal(e.apexType, type);
    if (message !== undefined) assert.equal(e.apexMessage, message);
    return true;
};

test('Integer arithmetic wraps on overflow (Apex Developer Guide › Data Types › Primitive Data Types: "Integer i = 2147483647 + 1" gives -2147483648)', () => {
    assert.equal(run(body('Integer i = 2147483647; return i + 1;')), -2147483648);
});

test('Integer division truncates toward zero (Apex Developer Guide › Expression Operators)', () => {
    assert.equal(run(body('return -7 / 2;')), -3);
});

test('Double division by zero is refused: the Apex Developer Guide (Expression Operators, Primitive Data Types › Double) does not say whether it throws or gives Infinity', () => {
    assert.throws(() => run(body('Double x = 1; Double y = 0; return x / y;')), UnsupportedApexError);
});

test('Numbers widen to the higher type Integer < Long < Double < Decimal (Apex Developer Guide › Rules of Conversion)', () => {
    assert.equal(run(body('Long l = 5; return l + 1;')), 6n);
    const d = run(body('Integer i = 1; Double x = 0.5d; return i + x;'));
    assert.ok(d instanceof ApexDouble && d.value === 1.5);
    const dec = run(body('Integer i = 1; return i + 1.25;'));
    assert.ok(dec instanceof Decimal && dec.toString() === '2.25');
});

test('Assigning an Integer to a Long/Decimal variable converts it (Apex Developer Guide › Rules of Conversion)', () => {
    assert.equal(run(body('Long l = 7; return l;')), 7n);
    const d = run(body('Decimal d = 7; return d;'));
    assert.ok(d instanceof Decimal);
});

test('A String assigned to an Id is validated and made 18 characters (Apex Developer Guide › Rules of Conversion: "Strings can be assigned to IDs … checked at runtime")', () => {
    assert.equal(run(body("Id i = '001000000000001'; return i;")), '001000000000001AAA');
    assert.throws(() => run(body("Id i = 'nope'; return i;")), apexError('System.StringException'));
});

test('String concatenation with + converts any value, null as "null" (Apex Developer Guide › Expression Operators)', () => {
    assert.equal(run(body("Integer n; return 'x' + n + 1 + true;")), 'xnull1true');
});

test('== on Strings is case-insensitive, === is exact (Apex Developer Guide › Expression Operators)', () => {
    assert.equal(run(body("return 'Abc' == 'aBC';")), true);
    assert.equal(
        run(body("Object a = new List<Integer>(); Object b = new List<Integer>(); return (a == b) + ',' + (a === b);")),
        'true,false'
    );
});

test('< with a null Integer operand is false (Apex Developer Guide › Expression Operators)', () => {
    assert.equal(run(body('Integer n; return (n < 5) || (n > 5);')), false);
});

test('&& and || short-circuit (Apex Developer Guide › Expression Operators)', () => {
    assert.equal(run(body('String s; return s != null && s.length() > 0;')), false);
});

test('Dereferencing null throws NullPointerException "Attempt to de-reference a null object" (Apex Reference Guide › Exception Class and Built-In Exceptions)', () => {
    assert.throws(
        () => run(body('String s; return s.length();')),
        apexError('System.NullPointerException', 'Attempt to de-reference a null object')
    );
});

test('The safe navigation operator ?. yields null for a null target (Apex Developer Guide › Safe Navigation Operator)', () => {
    assert.equal(run(body('String s; return s?.length();')), null);
});

test('The null coalescing operator ?? returns its right operand when the left is null (Apex Developer Guide › Null Coalescing Operator)', () => {
    assert.equal(run(body("String s; return s ?? 'fallback';")), 'fallback');
    assert.equal(run(body("String s = 'set'; return s ?? 'fallback';")), 'set');
});

test('The conditional operator and if/else (Apex Developer Guide › Conditional (If-Else) Statements)', () => {
    assert.equal(run(body("Integer x = 3; if (x > 2) { return 'big'; } else { return 'small'; }")), 'big');
    assert.equal(run(body("Integer x = 1; return x > 2 ? 'big' : 'small';")), 'small');
});

test('Prefix and postfix ++/-- return the new and the old value (Apex Developer Guide › Expression Operators)', () => {
    assert.equal(run(body("Integer i = 1; Integer a = i++; Integer b = ++i; return a + ',' + b + ',' + i;")), '1,3,3');
});

test('Compound assignment operators (Apex Developer Guide › Expression Operators)', () => {
    assert.equal(run(body("Integer i = 10; i -= 3; i *= 2; i /= 4; String s = 'a'; s += 'b'; return s + i;")), 'ab3');
});

test('Bitwise and shift operators on Integers (Apex Developer Guide › Expression Operators)', () => {
    assert.equal(
        run(body('return (6 & 3) + (6 | 3) * 10 + (6 ^ 3) * 100 + (1 << 4) * 1000 + (-16 >> 2) + (-1 >>> 28);')),
        2 + 70 + 500 + 16000 - 4 + 15
    );
});

test('while, do-while, for and break/continue (Apex Developer Guide › Loops)', () => {
    const src = body(`
        Integer total = 0;
        for (Integer i = 0; i < 10; i++) { if (i == 2) continue; if (i == 6) break; total += i; }
        Integer w = 0; while (w < 3) { w++; }
        Integer d = 0; do { d++; } while (d < 0);
        return total + '/' + w + '/' + d;`);
    assert.equal(run(src), '13/3/1');
});

test('for-each over a List and a Set (Apex Developer Guide › List or Set Iteration for Loops)', () => {
    assert.equal(
        run(
            body(
                "String s = ''; for (String x : new List<String>{'a','b'}) s += x; for (Integer n : new Set<Integer>{1,2}) s += n; return s;"
            )
        ),
        'ab12'
    );
});

test('Local variables are scoped to their block (Apex Developer Guide › Using Variables: "Variable scope")', () => {
    assert.equal(
        run(
            body(
                'Integer total = 0; for (Integer i = 0; i < 2; i++) { Integer inner = i; total += inner; } { Integer inner = 10; total += inner; } return total;'
            )
        ),
        11
    );
});

test('try/catch catches by type; finally always runs (Apex Developer Guide › Exception Statements)', () => {
    const src = body(`
        String log = '';
        try { Integer[] a = new Integer[1]; a[3] = 1; }
        catch (MathException e) { log += 'math'; }
        catch (ListException e) { log += 'list:' + e.getMessage(); }
        finally { log += ';finally'; }
        return log;`);
    assert.equal(run(src), 'list:List index out of bounds: 3;finally');
});

test('catch (Exception e) catches every exception type (Apex Developer Guide › Exception Statements)', () => {
    assert.equal(
        run(body("try { Integer x = 1 / 0; } catch (Exception e) { return e.getTypeName(); } return 'none';")),
        'System.MathException'
    );
});

test('An uncaught exception propagates through finally (Apex Developer Guide › Exception Statements)', () => {
    assert.throws(
        () => run(body('try { String s; s.length(); } finally { Integer x = 1; } return null;')),
        apexError('System.NullPointerException')
    );
});

test('return inside try still runs finally (Apex Developer Guide › Exception Statements: "finally … always executes")', () => {
    const src = `public class T {
        static Integer counter = 0;
        static Integer f() { try { return 1; } finally { counter = 5; } }
        public static Object run() { Integer r = f(); return r + counter; }
    }`;
    assert.equal(run(src), 6);
});

test('switch on Integer with several values, null and else (Apex Developer Guide › Switch Statements)', () => {
    const sw = (v: string) =>
        run(
            body(
                `Integer i = ${v}; switch on i { when 1, 2 { return 'low'; } when null { return 'null'; } when else { return 'other'; } }`
            )
        );
    assert.equal(sw('2'), 'low');
    assert.equal(sw('null'), 'null');
    assert.equal(sw('9'), 'other');
});

test('switch on String when values are case-sensitive (Apex Developer Guide › Switch Statements: "orange" differs from "ORANGE")', () => {
    assert.equal(
        run(body("String s = 'ORANGE'; switch on s { when 'orange' { return 1; } when else { return 2; } }")),
        2
    );
});

test('switch on an enum matches its constants (Apex Developer Guide › Switch Statements)', () => {
    const src = `public class T {
        public enum Season { WINTER, SUMMER }
        public static Object run() { Season s = Season.SUMMER; switch on s { when WINTER { return 'w'; } when SUMMER { return 's'; } } return null; }
    }`;
    assert.equal(run(src), 's');
});

test('switch on type binds the matching when variable (Apex Developer Guide › Switch Statements: "when SObjectType identifier")', () => {
    const src = `public class T {
        public virtual class A {} public class B extends A { public String tag = 'b'; }
        public static Object run() { A x = new B(); switch on x { when B b { return b.tag; } when else { return 'else'; } } }
    }`;
    assert.equal(run(src), 'b');
});

test('Casting to an incompatible type throws TypeException "Invalid conversion from runtime type" (Apex Developer Guide › Classes and Casting)', () => {
    assert.throws(
        () => run(body("Object o = 'x'; Integer i = (Integer) o; return i;")),
        apexError('System.TypeException', 'Invalid conversion from runtime type String to Integer')
    );
});

test('instanceof is false for null and true for supertypes (Apex Developer Guide › Using the instanceof Keyword)', () => {
    assert.equal(
        run(
            body(
                "Object o; Object s = 'x'; return (o instanceof String) + ',' + (s instanceof String) + ',' + (s instanceof Object);"
            )
        ),
        'false,true,true'
    );
});

test('Identifiers are case-insensitive (Apex Developer Guide › Case Sensitivity)', () => {
    assert.equal(run(body('integer myVar = 2; MYVAR += 1; return myvar;')), 3);
});

test('A construct the runtime does not support names itself and its line (never a silent wrong answer)', () => {
    assert.throws(
        () => run(body('Object o = [SELECT Id FROM Account];\nreturn o;')),
        (e: unknown) => e instanceof UnsupportedApexError && /SOQL/.test(e.message) && /T\.cls:\d+/.test(e.message)
    );
});

test('Date + Integer adds days; Date - Integer subtracts them (Apex Developer Guide › Expression Operators)', () => {
    const src = `public class T { public static Object run(Date d) { return (d + 2) + ' ' + (d - 28); } }`;
    assert.equal(run(src, 'run', [new ApexDate(2024, 2, 28)]), '2024-03-01 2024-01-31');
});

test('Apex has no % operator: the grammar rejects it (Apex Developer Guide › Expression Operators lists none; Math.mod)', () => {
    assert.throws(() => run(body('return 7 % 2;')), /'%'/);
});

test('++ and compound assignment work on fields, statics and list elements (Apex Developer Guide › Expression Operators)', () => {
    const src = `public class T {
        Integer count = 0; static Integer total = 10;
        public static Object run() {
            T t = new T(); t.count++; t.count += 2; T.total--; total *= 2;
            List<Integer> l = new List<Integer>{5}; l[0]++; l[0] += 1;
            return t.count + ',' + total + ',' + l[0];
        }
    }`;
    assert.equal(run(src), '3,18,7');
});
