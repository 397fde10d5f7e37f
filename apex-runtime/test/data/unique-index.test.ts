import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dmlDelete, dmlInsert, dmlUpdate, dmlUpsert, type DmlContext } from '../../src/data/dml.ts';
import { SObject } from '../../src/data/sobject.ts';
import { fixtureSchema, fixtureStore, userFields } from './helpers.ts';

function widget(code: string): SObject {
    const s = new SObject(fixtureSchema().describe('Widget__c')!);
    s.put('Name', code);
    s.put('Code__c', code);
    return s;
}

function ctx(): DmlContext {
    return { store: fixtureStore().store };
}

test('Two rows of one statement with the same unique value: the second fails DUPLICATE_VALUE naming the first (Salesforce Help › Custom Field Attributes › Unique; SOAP API › StatusCode)', () => {
    const c = ctx();
    const [a, b] = dmlInsert(c, [widget('X1'), widget('x1')], false);
    assert.equal(a.success, true);
    assert.equal(b.errors[0].statusCode, 'DUPLICATE_VALUE');
    assert.match(b.errors[0].message, new RegExp(`duplicates value on record with id: ${a.id}`));
});

test('A unique value is free again after its record is deleted, rolled back or changed (Apex Developer Guide › Transaction Control; Deleting Records)', () => {
    const c = ctx();
    const first = widget('A');
    dmlInsert(c, [first]);
    dmlDelete(c, [first.id!]);
    assert.equal(dmlInsert(c, [widget('A')], false)[0].success, true, 'deleted rows hold no unique value');
    const sp = c.store.setSavepoint();
    dmlInsert(c, [widget('B')]);
    c.store.rollback(sp);
    assert.equal(dmlInsert(c, [widget('B')], false)[0].success, true, 'a rolled-back insert holds no value');
    const d = new SObject(fixtureSchema().describe('Widget__c')!);
    d.put('Id', dmlInsert(c, [widget('C')])[0].id);
    d.put('Code__c', 'D');
    dmlUpdate(c, [d]);
    assert.equal(dmlInsert(c, [widget('C')], false)[0].success, true, 'the old value of an update is free');
    assert.equal(dmlInsert(c, [widget('D')], false)[0].success, false);
});

test('upsert on an external id finds the matching record through the index (Apex Developer Guide › Upserting Records)', () => {
    const c = ctx();
    const a = widget('E1');
    dmlInsert(c, [a]);
    const again = widget('e1');
    again.put('Name', 'renamed');
    const [res] = dmlUpsert(c, [again], 'Code__c');
    assert.equal(res.created, false);
    assert.equal(res.id, a.id);
});

test('A second user with a taken Username fails with DUPLICATE_USERNAME (Object Reference › User: Username must be unique; SOAP API › StatusCode)', () => {
    const c = ctx();
    const f = userFields('A', null);
    const u1 = new SObject(fixtureSchema().describe('User')!);
    const u2 = new SObject(fixtureSchema().describe('User')!);
    const profile = new SObject(fixtureSchema().describe('Profile')!);
    profile.put('Name', 'Standard User');
    dmlInsert(c, [profile]);
    for (const [k, v] of Object.entries({ ...f, ProfileId: profile.id })) {
        u1.put(k, v);
        u2.put(k, v);
    }
    const [r1, r2] = dmlInsert(c, [u1, u2], false);
    assert.equal(r1.success, true);
    assert.equal(r2.errors[0].statusCode, 'DUPLICATE_USERNAME');
});

test('Inserting 10,000 records with a unique field stays linear: under 3 s here (performance budget of the runtime: the package suite in 60 s)', () => {
    const c = ctx();
    const rows = Array.from({ length: 10000 }, (_, i) => widget(`W${i}`));
    const t = performance.now();
    dmlInsert(c, rows);
    assert.ok(performance.now() - t < 3000, `took ${performance.now() - t} ms`);
    assert.equal(c.store.count('Widget__c'), 10000);
});
