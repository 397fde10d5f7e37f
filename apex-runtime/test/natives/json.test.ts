import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apex } from './helpers.ts';
import { ApexList, ApexMap } from '../../src/interpreter/collections.ts';

const POINT = `public class Point { public Integer x; public String label; public List<Decimal> values; public transient String secret; }`;

test('JSON.serialize writes an object\u2019s fields, nulls included, transient ones left out (Apex Reference Guide › JSON Class › serialize; Apex Developer Guide › Using the transient Keyword)', () => {
    assert.equal(
        apex(
            `Point p = new Point(); p.x = 1; p.secret = 's'; p.values = new List<Decimal>{ 1.50 }; return JSON.serialize(p);`,
            POINT
        ),
        '{"x":1,"label":null,"values":[1.50]}'
    );
});

test('JSON.serialize(obj, true) suppresses null fields of Apex objects (Apex Reference Guide › JSON Class › serialize(objectToSerialize, suppressApexObjectNulls))', () => {
    assert.equal(apex(`Point p = new Point(); p.x = 1; return JSON.serialize(p, true);`, POINT), '{"x":1}');
});

test('JSON.serialize of Maps, Lists, Dates and Datetimes (Apex Reference Guide › JSON Class › serialize)', () => {
    assert.equal(
        apex(
            `return JSON.serialize(new Map<String, Object>{ 'd' => Date.newInstance(2024, 1, 31), 't' => Datetime.newInstanceGmt(2024, 1, 31, 10, 0, 0), 'l' => new List<Object>{ true, null, 'a' } });`
        ),
        '{"d":"2024-01-31","t":"2024-01-31T10:00:00.000Z","l":[true,null,"a"]}'
    );
});

test('JSON.serializePretty indents objects (Apex Reference Guide › JSON Class › serializePretty)', () => {
    assert.equal(apex(`return JSON.serializePretty(new Map<String, Object>{ 'a' => 1 });`), '{\n  "a" : 1\n}');
});

test('JSON.deserializeUntyped: objects become Map<String, Object>, integers Integer, fractions Decimal (Apex Reference Guide › JSON Class › deserializeUntyped)', () => {
    const v = apex(`return JSON.deserializeUntyped('{"n": 2000, "p": 1023.45, "l": [1, "a"]}');`);
    assert.ok(v instanceof ApexMap);
    assert.equal(v.get('n'), 2000);
    assert.equal(String(v.get('p')), '1023.45');
    assert.ok(v.get('l') instanceof ApexList);
    assert.equal(
        apex(
            `Map<String, Object> m = (Map<String, Object>) JSON.deserializeUntyped('{"p": 1.5}'); return m.get('p') instanceof Decimal;`
        ),
        true
    );
});

test('JSON.deserialize into an Apex class: fields by name in any case, typed (Apex Reference Guide › JSON Class › deserialize)', () => {
    assert.equal(
        apex(
            `Point p = (Point) JSON.deserialize('{"X": 3, "label": "a", "values": [2, 2.5], "other": 1}', Point.class); return p.x + 1 + '|' + p.label + '|' + p.values;`,
            POINT
        ),
        '4|a|(2, 2.5)'
    );
});

test('JSON.deserializeStrict refuses an attribute the type lacks with a JSONException (Apex Reference Guide › JSON Class › deserializeStrict)', () => {
    assert.equal(
        apex(
            `try { JSON.deserializeStrict('{"other": 1}', Point.class); return 'no'; } catch (JSONException e) { return 'json'; }`,
            POINT
        ),
        'json'
    );
});

test('JSON.deserialize a Decimal, as the guide\u2019s example (Apex Reference Guide › JSON Class › deserialize)', () => {
    assert.equal(apex(`Decimal n = (Decimal) JSON.deserialize('100.1', Decimal.class); return n == 100.1;`), true);
});

test('JSON.deserialize an ISO 8601 Datetime; other text throws JSONException (Apex Reference Guide › JSON Class › deserialize)', () => {
    assert.equal(
        apex(`return ((Datetime) JSON.deserialize('"2026-05-04T10:30:05.200Z"', Datetime.class)).getTime();`),
        BigInt(Date.UTC(2026, 4, 4, 10, 30, 5, 200))
    );
    assert.equal(
        apex(
            `try { JSON.deserialize('"now"', Datetime.class); return 'no'; } catch (JSONException e) { return 'json'; }`
        ),
        'json'
    );
});

test('Malformed JSON throws JSONException (Apex Developer Guide › JSON Support: methods throw JSONException)', () => {
    assert.equal(
        apex(`try { JSON.deserializeUntyped('{'); return 'no'; } catch (JSONException e) { return 'json'; }`),
        'json'
    );
});

test('JSON.deserialize into an abstract class is a TypeException (Apex critical update: cannot deserialize JSON as abstract type)', () => {
    assert.equal(
        apex(
            `try { JSON.deserialize('{}', Shape.class); return 'no'; } catch (TypeException e) { return e.getMessage(); }`,
            'public abstract class Shape {}'
        ),
        'Cannot deserialize JSON as abstract type: T.Shape'
    );
});

test('JSONParser and JSONGenerator are refused (not used by the package)', () => {
    assert.throws(() => apex(`return JSON.createParser('{}');`), /Unsupported: JSON.createParser/);
});
