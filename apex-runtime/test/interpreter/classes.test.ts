import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, runtime } from './helpers.ts';
import { ApexError } from '../../src/interpreter/exceptions.ts';
import { UnsupportedApexError } from '../../src/errors.ts';

test('Static variables are initialized once per transaction, on first use (Apex Developer Guide › Static and Instance Methods, Variables, and Initialization Code)', () => {
    const rt = runtime([
        `public class Counter {
            public static Integer count = 0;
            static { count = 10; }
            public static Integer next() { count++; return count; }
        }`
    ]);
    rt.beginTransaction();
    assert.equal(rt.invokeStatic('Counter', 'next'), 11);
    assert.equal(rt.invokeStatic('Counter', 'next'), 12);
    rt.beginTransaction();
    assert.equal(rt.invokeStatic('Counter', 'next'), 11);
});

test('Static initializers run in source order with static field initializers (Apex Developer Guide › Static and Instance Methods, Variables, and Initialization Code)', () => {
    const src = `public class T {
        static String log = 'a';
        static { log += 'b'; }
        static String after = log + 'c';
        public static Object run() { return after; }
    }`;
    assert.equal(run(src), 'abc');
});

test('Field initializers and instance initializer blocks run before the constructor body (Apex Developer Guide › Static and Instance Methods, Variables, and Initialization Code)', () => {
    const src = `public class T {
        String log = 'f';
        { log += 'i'; }
        public T() { log += 'c'; }
        public static Object run() { return new T().log; }
    }`;
    assert.equal(run(src), 'fic');
});

test('Constructors are chosen by argument count and types; this(...) delegates (Apex Developer Guide › Classes › Constructors)', () => {
    const src = `public class T {
        String v;
        public T() { this('none'); }
        public T(String s) { v = 's:' + s; }
        public T(Integer i) { v = 'i:' + i; }
        public static Object run() { return new T().v + ',' + new T(3).v + ',' + new T('x').v; }
    }`;
    assert.equal(run(src), 's:none,i:3,s:x');
});

test('A subclass constructor runs super(...) first, else the superclass no-argument constructor (Apex Developer Guide › Classes › Extending a Class)', () => {
    const src = `public class T {
        public virtual class Base { public String log = ''; public Base() { log += 'B0'; } public Base(String s) { log += 'B' + s; } }
        public class Sub1 extends Base { public Sub1() { super('x'); log += 'S1'; } }
        public class Sub2 extends Base { public Sub2() { log += 'S2'; } }
        public static Object run() { return new Sub1().log + ',' + new Sub2().log; }
    }`;
    assert.equal(run(src), 'BxS1,B0S2');
});

test('Virtual methods dispatch on the runtime class; super.m() calls the parent version (Apex Developer Guide › Classes › Extending a Class)', () => {
    const src = `public class T {
        public virtual class Animal { public virtual String sound() { return 'generic'; } public String describe() { return sound(); } }
        public class Dog extends Animal { public override String sound() { return 'woof+' + super.sound(); } }
        public static Object run() { Animal a = new Dog(); return a.describe(); }
    }`;
    assert.equal(run(src), 'woof+generic');
});

test('Abstract methods are implemented by subclasses; an abstract class cannot be instantiated (Apex Developer Guide › Classes › Abstract classes)', () => {
    const src = `public class T {
        public abstract class Shape { public abstract Integer area(); public String show() { return 'area=' + area(); } }
        public class Sq extends Shape { public override Integer area() { return 4; } }
        public static Object run() { return new Sq().show(); }
    }`;
    assert.equal(run(src), 'area=4');
});

test('Interfaces: an implementing class is an instance of the interface (Apex Developer Guide › Interfaces)', () => {
    const src = `public class T {
        public interface Greeter { String greet(String name); }
        public class Hello implements Greeter { public String greet(String name) { return 'hi ' + name; } }
        public static Object run() { Greeter g = new Hello(); return g.greet('bo') + ',' + (g instanceof Greeter); }
    }`;
    assert.equal(run(src), 'hi bo,true');
});

test('Automatic properties and properties with get/set accessors; "value" in setters (Apex Developer Guide › Classes › Apex Properties)', () => {
    const src = `public class T {
        public Integer auto { get; set; }
        public String readOnly { get; private set; }
        public Integer doubled { get { return doubled; } set { doubled = value * 2; } }
        public String computed { get { return 'c' + auto; } }
        public static Integer staticProp { get { if (staticProp == null) staticProp = 7; return staticProp; } set; }
        public static Object run() {
            T t = new T(); t.auto = 1; t.doubled = 5; t.readOnly = 'r';
            return t.auto + ',' + t.doubled + ',' + t.computed + ',' + t.readOnly + ',' + staticProp;
        }
    }`;
    assert.equal(run(src), '1,10,c1,r,7');
});

test('Inner classes are referenced as Outer.Inner and have no access to the outer instance (Apex Developer Guide › Classes › Inner Classes)', () => {
    const rt = runtime([
        `public class Outer { public class Inner { public Integer n = 4; } public static Integer shared = 3; }`,
        `public class T { public static Object run() { Outer.Inner i = new Outer.Inner(); return i.n + Outer.shared; } }`
    ]);
    rt.beginTransaction();
    assert.equal(rt.invokeStatic('T', 'run'), 7);
});

test('Enums: values(), name(), ordinal(), valueOf() (Apex Developer Guide › Enums)', () => {
    const src = `public class T {
        public enum Color { RED, GREEN, BLUE }
        public static Object run() {
            List<Color> all = Color.values();
            return all.size() + ',' + Color.GREEN.name() + ',' + Color.BLUE.ordinal() + ',' + Color.valueOf('RED') + ',' + (Color.valueOf('RED') == Color.RED);
        }
    }`;
    assert.equal(run(src), '3,GREEN,2,RED,true');
});

test('Custom exceptions have the four documented constructors and the Exception methods (Apex Developer Guide › Create Custom Exceptions)', () => {
    const src = `public class T {
        public class MyException extends Exception {}
        public static Object run() {
            MyException a = new MyException();
            MyException b = new MyException('msg');
            MyException c = new MyException(b);
            MyException d = new MyException('outer', b);
            d.setMessage('changed');
            return a.getMessage() + '|' + b.getMessage() + '|' + c.getCause().getMessage() + '|' + d.getMessage() + '|' + d.getCause().getMessage() + '|' + b.getTypeName();
        }
    }`;
    assert.equal(run(src), 'null|msg|msg|changed|msg|T.MyException');
});

test('A thrown custom exception is caught by its type and by Exception (Apex Developer Guide › Create Custom Exceptions)', () => {
    const src = `public class T {
        public class AppException extends Exception {}
        public static Object run() {
            try { throw new AppException('boom'); } catch (AppException e) { return 'caught ' + e.getMessage(); }
        }
    }`;
    assert.equal(run(src), 'caught boom');
});

test('getLineNumber and getStackTraceString give the line of the throw (Apex Reference Guide › Exception Class)', () => {
    const src = `public class T {
        public class AppException extends Exception {}
        static void fail() {
            throw new AppException('x');
        }
        public static Object run() {
            try { fail(); } catch (AppException e) { return e.getLineNumber() + '|' + e.getStackTraceString(); }
            return null;
        }
    }`;
    const out = String(run(src));
    assert.match(out, /^4\|Class\.T\.fail: line 4, column \d+\nClass\.T\.run: line 7, column \d+$/);
});

test('An uncaught exception reports its type, message and Apex stack frames (Apex Developer Guide › Exceptions in Apex)', () => {
    const src = `public class T {
        static Integer div(Integer a) {
            return 10 / a;
        }
        public static Object run() {
            return div(0);
        }
    }`;
    assert.throws(
        () => run(src),
        (e: unknown) =>
            e instanceof ApexError &&
            e.apexType === 'System.MathException' &&
            e.apexMessage === 'Divide by 0' &&
            /^Class\.T\.div: line 3, column \d+\nClass\.T\.run: line 6, column \d+$/.test(e.apexStack)
    );
});

test('Overloads are resolved by argument count, then by argument type (Apex Developer Guide › Classes › Class Methods)', () => {
    const src = `public class T {
        static String f(Integer i) { return 'int'; }
        static String f(String s) { return 'str'; }
        static String f(Object o, Object p) { return 'two'; }
        public static Object run() { return f(1) + f('a') + f(1, 2); }
    }`;
    assert.equal(run(src), 'intstrtwo');
});

test('An ambiguous overload call is refused rather than guessed (never a silent wrong answer)', () => {
    const src = `public class T {
        static String f(Integer i, Object o) { return 'a'; }
        static String f(Object o, Integer i) { return 'b'; }
        public static Object run() { return f(1, 1); }
    }`;
    assert.throws(
        () => run(src),
        (e: unknown) => e instanceof UnsupportedApexError && /ambiguous/.test(e.message)
    );
});

test('toString() defined by a class is used by String.valueOf and concatenation (Apex Developer Guide › Classes › toString)', () => {
    const src = `public class T {
        public class P { public override String toString() { return 'P!'; } }
        public static Object run() { return String.valueOf(new P()) + '/' + ('' + new P()); }
    }`;
    assert.equal(run(src), 'P!/P!');
});

test('Sharing keywords are recorded on the class (Apex Developer Guide › Using the with sharing, without sharing, and inherited sharing Keywords)', () => {
    const rt = runtime([
        `public with sharing class A {}`,
        `public without sharing class B {}`,
        `public inherited sharing class C {}`,
        `public class D {}`
    ]);
    const find = (n: string) => rt.interpreter.classes.findClass([n], undefined)?.sharing;
    assert.deepEqual(['a', 'b', 'c', 'd'].map(find), ['with', 'without', 'inherited', undefined]);
});

test('equals and hashCode defined by a class make its objects usable as Map keys and Set elements (Apex Developer Guide › Using Custom Types in Map Keys and Sets)', () => {
    const src = `public class T {
        public class K {
            Integer v; public K(Integer v) { this.v = v; }
            public Boolean equals(Object o) { return o instanceof K && ((K) o).v == v; }
            public Integer hashCode() { return v; }
        }
        public static Object run() {
            Map<K, String> m = new Map<K, String>(); m.put(new K(1), 'one');
            Set<K> s = new Set<K>{ new K(2), new K(2) };
            return m.get(new K(1)) + ',' + s.size() + ',' + (new K(3) == new K(3));
        }
    }`;
    assert.equal(run(src), 'one,1,true');
});

test('Without equals, objects compare by reference (Apex Developer Guide › Expression Operators: == on user-defined types)', () => {
    const src = `public class T { public class K {} public static Object run() { K a = new K(); return (a == a) + ',' + (a == new K()); } }`;
    assert.equal(run(src), 'true,false');
});

test('Built-in exceptions are caught by their own type (Apex Reference Guide › Exception Class and Built-In Exceptions; constructing one with new is behaviour of current orgs: older guides said built-ins can only be caught)', () => {
    const src = `public class T { public static Object run() {
        try { throw new IllegalArgumentException('bad arg'); } catch (IllegalArgumentException e) { return e.getTypeName() + ': ' + e.getMessage(); }
    } }`;
    assert.equal(run(src), 'System.IllegalArgumentException: bad arg');
});

test('Recursion past the maximum stack depth raises LimitException (Execution Governors and Limits: "Maximum stack depth … 1,000")', async () => {
    // 1,000 Apex frames need more JavaScript stack than node's default: run in a worker with a larger one.
    const { Worker } = await import('node:worker_threads');
    const helpers = new URL('./helpers.ts', import.meta.url).href;
    const code = `
        import { parentPort } from 'node:worker_threads';
        (await import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))})).register();
        const { run } = await import(${JSON.stringify(helpers)});
        try { run('public class T { static Integer down(Integer n) { return down(n + 1); } public static Object run() { return down(0); } }'); parentPort.postMessage('no error'); }
        catch (e) { parentPort.postMessage(String(e.message).split('\\n')[0]); }`;
    // A worker does not inherit `--import tsx` on node 20: the code registers tsx's loader itself.
    const w = new Worker(new URL(`data:text/javascript,${encodeURIComponent(code)}`), {
        resourceLimits: { stackSizeMb: 64 }
    });
    const message = await new Promise((resolve, reject) => {
        w.once('message', resolve);
        w.once('error', reject);
    });
    await w.terminate();
    assert.equal(message, 'System.LimitException: Maximum stack depth reached: 1001');
});

test('When the JavaScript stack runs out first, the runtime says so rather than guessing (never a silent wrong answer)', () => {
    const src = `public class T { static Integer down(Integer n) { return down(n + 1); } public static Object run() { return down(0); } }`;
    assert.throws(
        () => run(src),
        (e: unknown) =>
            (e instanceof ApexError && e.apexMessage === 'Maximum stack depth reached: 1001') ||
            (e instanceof UnsupportedApexError && /JavaScript stack/.test(e.message))
    );
});

test('A static method of another class initializes that class first (Apex Developer Guide › Static and Instance Methods, Variables, and Initialization Code)', () => {
    const rt = runtime([
        `public class Config { public static final String NAME; static { NAME = 'cfg'; } public static String name() { return NAME; } }`,
        `public class T { public static Object run() { return Config.name() + Config.NAME; } }`
    ]);
    rt.beginTransaction();
    assert.equal(rt.invokeStatic('T', 'run'), 'cfgcfg');
});

test('An error in a static field initializer names the field line (never a silent wrong answer)', () => {
    const src = `public class T {
        static Integer ok = 1;
        static Object broken = NoSuchThing.make();
        public static Object run() { return ok; }
    }`;
    assert.throws(
        () => run(src),
        (e: unknown) => e instanceof UnsupportedApexError && /T\.cls:3\)$/.test(e.message)
    );
});

test('A subclass field with the name of a private superclass field is a separate variable (Apex Developer Guide › Classes › Extending a Class; access modifiers)', () => {
    const src = `public class T {
        public virtual class A { private Integer n = 1; public Integer fromA() { return n; } }
        public class B extends A { private Integer n = 2; public Integer fromB() { return n; } }
        public static Object run() { B b = new B(); return b.fromA() + ',' + b.fromB(); }
    }`;
    assert.equal(run(src), '1,2');
});

test('A custom exception declares constructors that reach the built-in ones through this(...) or super(...) (Apex Developer Guide › Create Custom Exceptions: exceptions "can have member variables, methods and constructors"; the chaining form is not documented, both are seen in orgs)', () => {
    const src = `public class T {
        public class CodedException extends Exception {
            public Integer code;
            public CodedException(String m, Integer code) { super(m); this.code = code; }
        }
        public class OtherException extends Exception {
            public Integer code;
            public OtherException(Integer code, String m) { this(m); this.code = code; }
        }
        public static Object run() {
            String out = '';
            try { throw new CodedException('nope', 42); } catch (CodedException e) { out += e.getMessage() + e.code; }
            try { throw new OtherException(7, 'no'); } catch (OtherException e) { out += e.getMessage() + e.code; }
            return out;
        }
    }`;
    assert.equal(run(src), 'nope42no7');
});

test('A virtual method called from a superclass constructor runs the subclass override (Apex Developer Guide › Classes › Extending a Class)', () => {
    const src = `public class T {
        public virtual class A { public String log; public A() { log = name(); } public virtual String name() { return 'A'; } }
        public class B extends A { public override String name() { return 'B'; } }
        public static Object run() { return new B().log; }
    }`;
    assert.equal(run(src), 'B');
});

test('Overloads are chosen by the declared type of a variable argument, not its runtime value (overloads are bound at compile time, as in Java; the guide does not spell out the rule)', () => {
    const src = `public class T {
        static String f(Object o) { return 'object'; }
        static String f(String s) { return 'string'; }
        public static Object run() { Object held = 'text'; String s = 'text'; return f(held) + ',' + f(s) + ',' + f((Object) s) + ',' + f('lit'); }
    }`;
    assert.equal(run(src), 'object,string,object,string');
});
