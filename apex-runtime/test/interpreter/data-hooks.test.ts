import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runtime, body } from './helpers.ts';
import { loadSchema } from '../../src/data/load-schema.ts';
import { SObject } from '../../src/data/sobject.ts';
import { ApexList } from '../../src/interpreter/collections.ts';
import type { DataHooks } from '../../src/interpreter/interpreter.ts';
import { ApexError } from '../../src/interpreter/exceptions.ts';
import type { ApexValue } from '../../src/interpreter/model.ts';

const schema = loadSchema();

function contacts(n: number): ApexList {
    const d = schema.require('Contact');
    const rows: SObject[] = [];
    for (let i = 0; i < n; i++) {
        const c = new SObject(d);
        c.put('LastName', `c${i}`);
        rows.push(c);
    }
    return new ApexList({ k: 'sobject', name: 'Contact' }, rows);
}

function withData(src: string, data: DataHooks): ApexValue {
    const rt = runtime([src], { schema, data });
    rt.beginTransaction();
    return rt.invokeStatic('T', 'run');
}

test('A SOQL for loop with a list variable receives batches of 200 records (Apex Developer Guide › SOQL For Loops)', () => {
    const src = body(
        "String sizes = ''; for (List<Contact> batch : [SELECT LastName FROM Contact]) { sizes += batch.size() + ' '; } return sizes;"
    );
    assert.equal(withData(src, { query: () => contacts(450) }), '200 200 50 ');
});

test('A SOQL for loop with a single-record variable receives each record (Apex Developer Guide › SOQL For Loops)', () => {
    const src = body('Integer n = 0; for (Contact c : [SELECT LastName FROM Contact]) { n++; } return n;');
    assert.equal(withData(src, { query: () => contacts(3) }), 3);
});

test('SOQL bind expressions are evaluated in the running method (Apex Developer Guide › Using Apex Variables in SOQL and SOSL Queries)', () => {
    let seen: ApexValue = null;
    const src = body(
        "String name = 'Smi'; List<Contact> r = [SELECT Id FROM Contact WHERE LastName = :name + 'th']; return r.size();"
    );
    const out = withData(src, {
        query: (text, bind) => {
            const m = /:(.+)\]?$/.exec(text);
            seen = bind(m?.[1]?.trim() ?? '');
            return contacts(1);
        }
    });
    assert.equal(out, 1);
    assert.equal(seen, 'Smith');
});

test('DML statements go to the data layer with their access mode (Apex Developer Guide › DML Statements; insert as user)', () => {
    const calls: string[] = [];
    const src = body("Contact c = new Contact(LastName = 'x'); insert c; update as user c; return 'ok';");
    withData(src, {
        query: () => null,
        dml: (op, target, _extra, mode) => void calls.push(`${op}:${mode}:${target instanceof SObject}`)
    });
    assert.deepEqual(calls, ['insert:system:true', 'update:user:true']);
});

test('A query assigned to a single SObject needs exactly one row, else QueryException (Apex Developer Guide › SOQL and SOSL Queries)', () => {
    const one = body('Contact c = [SELECT LastName FROM Contact LIMIT 1]; return c.LastName;');
    assert.equal(withData(one, { query: () => contacts(1) }), 'c0');
    const none = body('Contact c = [SELECT LastName FROM Contact]; return c;');
    assert.throws(
        () => withData(none, { query: () => contacts(0) }),
        (e: unknown) =>
            e instanceof ApexError &&
            e.apexType === 'System.QueryException' &&
            e.apexMessage === 'List has no rows for assignment to SObject'
    );
    assert.throws(
        () => withData(none, { query: () => contacts(2) }),
        (e: unknown) => e instanceof ApexError && e.apexMessage === 'List has more than 1 row for assignment to SObject'
    );
});
