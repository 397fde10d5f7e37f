import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJson, primitiveToJson, untypedNumber, writeJson, writeJsonPretty } from '../../src/values/json-text.ts';
import type { JsonNode } from '../../src/values/json-text.ts';
import { Decimal } from '../../src/values/decimal.ts';
import { ApexDouble } from '../../src/values/double.ts';
import { ApexDate, ApexDatetime, ApexTime } from '../../src/values/temporal.ts';
import { Blob } from '../../src/values/blob.ts';
import { ApexRuntimeSignal } from '../../src/values/signal.ts';

test('JSON parsing keeps exact number text (Apex Reference Guide › JSON Class › deserializeUntyped)', () => {
    const node = parseJson('{"price": 1023.45, "big": 12345678901234567890, "list": [1, "a", true, null]}');
    assert.equal(node.kind, 'object');
    const entries = node.kind === 'object' ? node.entries : [];
    assert.deepEqual(entries[0], ['price', { kind: 'number', text: '1023.45' }]);
    assert.deepEqual(entries[1], ['big', { kind: 'number', text: '12345678901234567890' }]);
});

test('deserializeUntyped types numbers: Integer, then Long, else Decimal (Apex Reference Guide › JSON Class › deserializeUntyped example: "inventory": 2000, "price": 1023.45)', () => {
    assert.equal(untypedNumber('2000'), 2000);
    assert.equal(untypedNumber('3000000000'), 3000000000n);
    const price = untypedNumber('1023.45');
    assert.ok(price instanceof Decimal && price.toString() === '1023.45');
    const huge = untypedNumber('12345678901234567890');
    assert.ok(huge instanceof Decimal);
    assert.ok(untypedNumber('1e2') instanceof Decimal);
});

test('Malformed JSON throws System.JSONException (Apex Reference Guide › JSON Class)', () => {
    for (const bad of ['{', '{"a":}', '[1,]', "{'a':1}", '01', '"\\x"', '{"a":1} x']) {
        assert.throws(
            () => parseJson(bad),
            (e: unknown) => e instanceof ApexRuntimeSignal && e.apexType === 'System.JSONException',
            bad
        );
    }
});

test('JSON.serialize writes primitives: Date yyyy-MM-dd, Datetime ISO GMT with milliseconds, Blob base64 (Apex Reference Guide › JSON Class › serialize)', () => {
    assert.equal(writeJson(primitiveToJson(new ApexDate(2024, 1, 31))), '"2024-01-31"');
    assert.equal(writeJson(primitiveToJson(new ApexDatetime(Date.UTC(2024, 0, 31, 10)))), '"2024-01-31T10:00:00.000Z"');
    assert.equal(writeJson(primitiveToJson(new ApexTime(36000000))), '"10:00:00.000Z"');
    assert.equal(writeJson(primitiveToJson(Blob.valueOf('hi'))), '"aGk="');
    assert.equal(writeJson(primitiveToJson(Decimal.parse('1.50'))), '1.50');
    assert.equal(writeJson(primitiveToJson(new ApexDouble(2))), '2.0');
    assert.equal(writeJson(primitiveToJson(5n)), '5');
    assert.equal(writeJson(primitiveToJson('a"b\\c\n\u0001é/')), '"a\\"b\\\\c\\n\\u0001é/"');
    assert.equal(writeJson(primitiveToJson(null)), 'null');
});

test('serialize is compact; serializePretty indents objects by two spaces with "key" : value and keeps arrays inline (Apex Reference Guide › JSON Class › serializePretty)', () => {
    const node: JsonNode = {
        kind: 'object',
        entries: [
            ['a', { kind: 'number', text: '1' }],
            [
                'b',
                {
                    kind: 'array',
                    items: [
                        { kind: 'number', text: '1' },
                        { kind: 'number', text: '2' }
                    ]
                }
            ],
            ['c', { kind: 'object', entries: [['d', { kind: 'null' }]] }],
            ['e', { kind: 'array', items: [] }],
            ['f', { kind: 'object', entries: [] }]
        ]
    };
    assert.equal(writeJson(node), '{"a":1,"b":[1,2],"c":{"d":null},"e":[],"f":{}}');
    assert.equal(
        writeJsonPretty(node),
        '{\n  "a" : 1,\n  "b" : [ 1, 2 ],\n  "c" : {\n    "d" : null\n  },\n  "e" : [ ],\n  "f" : { }\n}'
    );
});
