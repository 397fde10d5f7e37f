import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, body } from './helpers.ts';
import { ApexError } from '../../src/interpreter/exceptions.ts';

const apexError = (type: string, message?: string) => (e: unknown) => {
    assert.ok(e instanceof ApexError, `expected an ApexError, got ${String(e)}`);
    assert.equal(e.apexType, type);
    if (message !== undefined) assert.equal(e.apexMessage, message);
    return true;
};

test('List toString is "(a, b)", Set "{a, b}", Map "{k=v}" (Apex Reference Guide › List/Set/Map Class › toString)', () => {
    assert.equal(
        run(
            body(
                "return String.valueOf(new List<String>{'a','b'}) + String.valueOf(new Set<Integer>{1,2}) + String.valueOf(new Map<String,Integer>{'k'=>1});"
            )
        ),
        '(a, b){1, 2}{k=1}'
    );
});

test('List add/add(index)/get/set/remove/size/isEmpty/contains/indexOf/clear (Apex Reference Guide › List Class)', () => {
    const src = body(`
        List<String> l = new List<String>();
        Boolean wasEmpty = l.isEmpty();
        l.add('a'); l.add('c'); l.add(1, 'b'); l.set(2, 'z');
        String removed = l.remove(0);
        String out = wasEmpty + ',' + l + ',' + removed + ',' + l.size() + ',' + l.get(1) + ',' + l.contains('b') + ',' + l.indexOf('z') + ',' + l.indexOf('q');
        l.clear();
        return out + ',' + l.size();`);
    assert.equal(run(src), 'true,(b, z),a,2,z,true,1,-1,0');
});

test('List index out of range raises ListException "List index out of bounds: n" (Apex Reference Guide › List Class)', () => {
    assert.throws(
        () => run(body('List<Integer> l = new List<Integer>{1}; return l[3];')),
        apexError('System.ListException', 'List index out of bounds: 3')
    );
    assert.throws(
        () => run(body('List<Integer> l = new List<Integer>(); return l.get(0);')),
        apexError('System.ListException', 'List index out of bounds: 0')
    );
});

test('Arrays are Lists: new String[3] holds nulls; T[] literal syntax (Apex Developer Guide › Lists: "Array Notation")', () => {
    assert.equal(
        run(
            body(
                "String[] a = new String[3]; Integer[] b = new Integer[]{1, 2}; a[0] = 'x'; return a.size() + ',' + a + ',' + b.size();"
            )
        ),
        '3,(x, null, null),2'
    );
});

test('addAll from a List or a Set, clone is shallow, deepClone copies SObjects (Apex Reference Guide › List Class)', () => {
    assert.equal(
        run(
            body(
                "List<Integer> l = new List<Integer>{1}; l.addAll(new List<Integer>{2}); l.addAll(new Set<Integer>{3}); List<Integer> c = l.clone(); c.add(4); return l + ',' + c;"
            )
        ),
        '(1, 2, 3),(1, 2, 3, 4)'
    );
});

test('List.sort() sorts primitives ascending (Apex Reference Guide › List Class › sort)', () => {
    assert.equal(
        run(
            body(
                "List<String> l = new List<String>{'b','C','a'}; l.sort(); List<Integer> n = new List<Integer>{3,-1,2}; n.sort(); return l + '' + n;"
            )
        ),
        '(C, a, b)(-1, 2, 3)'
    );
});

test('List.sort() orders objects implementing Comparable by compareTo (Apex Reference Guide › Comparable Interface)', () => {
    const src = `public class T {
        public class Emp implements Comparable { public Integer age; public Emp(Integer a) { age = a; }
            public Integer compareTo(Object o) { Emp e = (Emp) o; return age == e.age ? 0 : (age > e.age ? 1 : -1); }
            public override String toString() { return '' + age; } }
        public static Object run() { List<Emp> l = new List<Emp>{ new Emp(30), new Emp(10), new Emp(20) }; l.sort(); return String.valueOf(l); }
    }`;
    assert.equal(run(src), '(10, 20, 30)');
});

test('List.sort(Comparator) orders by compare(a, b) (Apex Reference Guide › Comparator Interface)', () => {
    const src = `public class T {
        public class ByLength implements Comparator<String> { public Integer compare(String a, String b) { return a.length() - b.length(); } }
        public static Object run() { List<String> l = new List<String>{'ccc','a','bb'}; l.sort(new ByLength()); return String.valueOf(l); }
    }`;
    assert.equal(run(src), '(a, bb, ccc)');
});

test('Set: add returns whether it changed, contains/remove/containsAll/retainAll/removeAll (Apex Reference Guide › Set Class)', () => {
    const src = body(`
        Set<String> s = new Set<String>{'a', 'b'};
        Boolean added = s.add('c'); Boolean again = s.add('c');
        Boolean rem = s.remove('a');
        Boolean all = s.containsAll(new List<String>{'b','c'});
        s.retainAll(new Set<String>{'b','x'});
        Set<Integer> n = new Set<Integer>{1,2,3}; n.removeAll(new List<Integer>{1,2});
        return added + ',' + again + ',' + rem + ',' + all + ',' + s + ',' + n;`);
    assert.equal(run(src), 'true,false,true,true,{b},{3}');
});

test('Set elements and Map keys of String type are case-sensitive (Apex Developer Guide › Sets / Maps: "uniqueness … case-sensitive")', () => {
    assert.equal(
        run(
            body(
                "Set<String> s = new Set<String>{'a','A'}; Map<String,Integer> m = new Map<String,Integer>{'k'=>1}; return s.size() + ',' + m.containsKey('K');"
            )
        ),
        '2,false'
    );
});

test('Set and Map keep insertion order when iterated (Apex Reference Guide › Map Class: keySet/values order; behaviour observed in orgs since the deterministic-order update)', () => {
    assert.equal(
        run(
            body(
                "Map<String,Integer> m = new Map<String,Integer>(); m.put('z',1); m.put('a',2); m.put('m',3); String s=''; for (String k : m.keySet()) s += k; return s + m.values();"
            )
        ),
        'zam(1, 2, 3)'
    );
});

test('Map put returns the previous value; get of a missing key is null; remove returns the value (Apex Reference Guide › Map Class)', () => {
    assert.equal(
        run(
            body(
                "Map<String,Integer> m = new Map<String,Integer>(); Integer p1 = m.put('a',1); Integer p2 = m.put('a',2); Integer miss = m.get('b'); Integer r = m.remove('a'); return p1 + ',' + p2 + ',' + miss + ',' + r + ',' + m.size();"
            )
        ),
        'null,1,null,2,0'
    );
});

test('Map putAll, clone, keySet, values, containsKey, isEmpty (Apex Reference Guide › Map Class)', () => {
    assert.equal(
        run(
            body(
                "Map<Integer,String> a = new Map<Integer,String>{1=>'x'}; Map<Integer,String> b = a.clone(); b.putAll(new Map<Integer,String>{2=>'y'}); return a.size() + ',' + b.keySet() + ',' + b.values() + ',' + b.containsKey(2) + ',' + new Map<Integer,String>().isEmpty();"
            )
        ),
        '1,{1, 2},(x, y),true,true'
    );
});

test('Map<Id, …> keys are converted to 18-character Ids so 15- and 18-character keys match (Apex Developer Guide › Rules of Conversion; Maps)', () => {
    assert.equal(
        run(
            body(
                "Map<Id,Integer> m = new Map<Id,Integer>(); m.put('001000000000001', 1); return m.get('001000000000001AAA');"
            )
        ),
        1
    );
});

test('Collections compare element-wise with == (Apex Developer Guide › Expression Operators: collections)', () => {
    assert.equal(
        run(
            body(
                "return (new List<Integer>{1,2} == new List<Integer>{1,2}) + ',' + (new Set<String>{'a'} == new Set<String>{'a'}) + ',' + (new Map<String,Integer>{'a'=>1} == new Map<String,Integer>{'a'=>2});"
            )
        ),
        'true,true,false'
    );
});

test('A List<Integer> assigned into List<Long> elements widens on insert (Apex Developer Guide › Rules of Conversion)', () => {
    assert.equal(run(body('List<Long> l = new List<Long>(); l.add(1); return l[0];')), 1n);
});

test('new List<T>(set) and new Set<T>(list) copy elements (Apex Reference Guide › List Class / Set Class constructors)', () => {
    assert.equal(
        run(
            body(
                "List<Integer> l = new List<Integer>(new Set<Integer>{1,2}); Set<Integer> s = new Set<Integer>(new List<Integer>{1,1,3}); return l + ',' + s;"
            )
        ),
        '(1, 2),{1, 3}'
    );
});
