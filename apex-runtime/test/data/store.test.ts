import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SObject } from '../../src/data/sobject.ts';
import { ApexDatetime } from '../../src/values/temporal.ts';
import { fixtureSchema, fixtureStore, RUNNING_USER, T0 } from './helpers.ts';

function contact(lastName: string): SObject {
    const c = new SObject(fixtureSchema().describe('Contact')!);
    c.put('LastName', lastName);
    return c;
}

const names = (rows: Iterable<SObject>) => [...rows].map((r) => r.get('LastName'));

test('Insert stores a row with a new Id of the object key prefix and the system fields (Object Reference › System Fields)', () => {
    const { store } = fixtureStore();
    const row = store.insert(contact('Doe'));
    const id = row.get('Id') as string;
    assert.ok(id.startsWith('003') && id.length === 18);
    assert.equal(row.get('IsDeleted'), false);
    assert.equal(row.get('CreatedById'), RUNNING_USER);
    assert.equal(row.get('LastModifiedById'), RUNNING_USER);
    assert.equal((row.get('CreatedDate') as ApexDatetime).epochMs, T0);
    assert.equal((row.get('SystemModstamp') as ApexDatetime).epochMs, T0);
    assert.equal(store.get(id), row);
    assert.equal(store.get(id.slice(0, 15)), row, 'a 15-character Id finds the row');
});

test('A record without an owner is owned by the user who creates it (Object Reference › OwnerId: defaults to the creating user)', () => {
    const { store } = fixtureStore();
    assert.equal(store.insert(contact('Doe')).get('OwnerId'), RUNNING_USER);
});

test('Update writes the changed fields and stamps LastModifiedDate and SystemModstamp, not CreatedDate (Object Reference › System Fields)', () => {
    const { store, clock } = fixtureStore();
    const id = store.insert(contact('Doe')).id!;
    clock.now = T0 + 60_000;
    const row = store.update(id, [['LastName', 'Roe']]);
    assert.equal(row.get('LastName'), 'Roe');
    assert.equal((row.get('LastModifiedDate') as ApexDatetime).epochMs, T0 + 60_000);
    assert.equal((row.get('CreatedDate') as ApexDatetime).epochMs, T0);
});

test('Deleted rows go to the Recycle Bin (IsDeleted = true): queries skip them unless ALL ROWS; undelete restores them (Apex Developer Guide › Undeleting Records; SOQL › ALL ROWS)', () => {
    const { store } = fixtureStore();
    const a = store.insert(contact('A')).id!;
    store.insert(contact('B'));
    store.delete(a);
    assert.deepEqual(names(store.rows('Contact')), ['B']);
    assert.deepEqual(names(store.rows('contact', true)), ['A', 'B']);
    assert.equal(store.get(a)?.get('IsDeleted'), true);
    store.undelete(a);
    assert.deepEqual(names(store.rows('Contact')), ['A', 'B']);
});

test('Database.rollback(sp) undoes inserts, updates and deletes made after the savepoint (Apex Developer Guide › Transaction Control)', () => {
    const { store } = fixtureStore();
    const a = store.insert(contact('A')).id!;
    const sp = store.setSavepoint();
    store.update(a, [['LastName', 'A2']]);
    store.insert(contact('B'));
    store.delete(a);
    store.rollback(sp);
    assert.deepEqual(names(store.rows('Contact')), ['A']);
});

test('After rolling back to a savepoint, savepoints set after it are invalid (Apex Developer Guide › Transaction Control): using one is refused, its org error text being undocumented', () => {
    const { store } = fixtureStore();
    const sp1 = store.setSavepoint();
    store.insert(contact('A'));
    const sp2 = store.setSavepoint();
    store.rollback(sp1);
    assert.throws(() => store.rollback(sp2), /Unsupported: Database.rollback to a savepoint invalidated/);
    store.rollback(sp1);
});

test('Ids are not reused after a rollback (Apex Developer Guide › Transaction Control: the ID on an sObject inserted after a savepoint is not cleared)', () => {
    const { store } = fixtureStore();
    const sp = store.setSavepoint();
    const first = store.insert(contact('A')).id;
    store.rollback(sp);
    assert.notEqual(store.insert(contact('B')).id, first);
});

test('Each test method starts from the @TestSetup data: restore(snapshot) drops what the method changed (Apex Developer Guide › Using Test Setup Methods)', () => {
    const { store } = fixtureStore();
    const a = store.insert(contact('Setup')).id!;
    const snap = store.snapshot();
    store.update(a, [['LastName', 'Changed']]);
    store.insert(contact('Extra'));
    store.restore(snap);
    assert.deepEqual(names(store.rows('Contact')), ['Setup']);
    store.delete(a);
    store.restore(snap);
    assert.deepEqual(names(store.rows('Contact')), ['Setup']);
});

test('Test.setCreatedDate sets CreatedDate of a test record (Apex Reference Guide › Test Class › setCreatedDate)', () => {
    const { store } = fixtureStore();
    const a = store.insert(contact('A')).id!;
    store.setCreatedDate(a, new ApexDatetime(0));
    assert.equal((store.get(a)!.get('CreatedDate') as ApexDatetime).epochMs, 0);
});
