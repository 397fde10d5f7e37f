import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SObject, sobjectEquals, sobjectHash } from '../../src/data/sobject.ts';
import { Decimal } from '../../src/values/decimal.ts';
import { fixtureSchema } from './helpers.ts';

const contact = (): SObject => new SObject(fixtureSchema().describe('Contact')!);
const widget = (): SObject => new SObject(fixtureSchema().describe('Widget__c')!);
type Signal = Error & { apexType?: string };
const sobjectError = (message: string) => (e: Signal) =>
    e.apexType === 'System.SObjectException' && e.message === message;

test('put/get address fields case-insensitively and keep the API spelling (Apex Reference Guide › SObject Class › get, put)', () => {
    const c = contact();
    assert.equal(c.put('lastname', 'Doe'), null);
    assert.equal(c.get('LASTNAME'), 'Doe');
    assert.deepEqual(c.fieldNames(), ['LastName']);
    assert.equal(c.put('LastName', 'Roe'), 'Doe', 'put returns the previous value');
});

test('An unset field of a record built in memory reads as null (Apex Developer Guide › Working with sObjects)', () => {
    assert.equal(contact().get('Email'), null);
});

test('get/put of a field the object does not have throws SObjectException "Invalid field X for Y" (behaviour observed in orgs; the Reference Guide lists SObjectException for invalid fields)', () => {
    assert.throws(() => contact().get('Nope__c'), sobjectError('Invalid field Nope__c for Contact'));
    assert.throws(() => contact().put('Nope__c', 1), sobjectError('Invalid field Nope__c for Contact'));
});

test('put of a value of the wrong type throws SObjectException "Illegal assignment from X to Y" (behaviour observed in orgs)', () => {
    assert.throws(() => widget().put('Code__c', 5), sobjectError('Illegal assignment from Integer to String'));
    assert.throws(() => widget().put('Active__c', 'yes'), sobjectError('Illegal assignment from String to Boolean'));
});

test('put widens numbers into a Decimal field, lower to higher (Apex Developer Guide › Primitive Data Types: implicit conversion Integer → Long → Double → Decimal)', () => {
    const w = widget();
    w.put('Count__c', 7);
    const v = w.get('Count__c');
    assert.ok(v instanceof Decimal);
    assert.equal(v.toString(), '7');
});

test('A String put to an Id field must be a valid Id and is stored in its 18-character form (Apex Developer Guide › Primitive Data Types › ID)', () => {
    const c = contact();
    c.put('AccountId', '0015000000Gv7qJ');
    assert.equal(c.get('AccountId'), '0015000000Gv7qJAAR');
    assert.throws(
        () => c.put('AccountId', 'nope'),
        (e: Signal) => e.apexType === 'System.StringException' && e.message === 'Invalid id: nope'
    );
});

test('Reading a field the query did not select throws "SObject row was retrieved via SOQL without querying the requested field" (Apex Developer Guide › Working with SOQL and SOSL Query Results)', () => {
    const c = contact();
    c.queried = new Set(['id', 'lastname']);
    c.load(fixtureSchema().field('Contact', 'LastName')!, 'Doe');
    assert.equal(c.get('LastName'), 'Doe');
    assert.equal(c.get('Id'), null, 'Id is always available');
    assert.throws(
        () => c.get('Email'),
        sobjectError('SObject row was retrieved via SOQL without querying the requested field: Contact.Email')
    );
    c.put('Email', 'a@b.c');
    assert.equal(c.get('Email'), 'a@b.c', 'a field set in memory can be read back');
});

test('isSet is true for a field assigned in memory or selected by the query, even when null (Apex Reference Guide › SObject Class › isSet)', () => {
    const c = contact();
    c.queried = new Set(['id', 'email']);
    assert.equal(c.isSet('Email'), true);
    assert.equal(c.isSet('Phone'), false);
    c.put('Phone', null);
    assert.equal(c.isSet('Phone'), true);
});

test('getPopulatedFieldsAsMap has fields set in memory (even to null) and queried fields with values, plus relationships (Apex Reference Guide › SObject Class › getPopulatedFieldsAsMap)', () => {
    const s = fixtureSchema();
    const c = contact();
    c.queried = new Set(['id', 'email', 'phone', 'account']);
    c.load(s.field('Contact', 'Email')!, 'a@b.c');
    c.load(s.field('Contact', 'Phone')!, null);
    c.put('Title', null);
    const acc = new SObject(s.describe('Account')!);
    acc.put('Name', 'Acme');
    c.putSObject('Account', acc);
    assert.deepEqual(
        c.getPopulatedFields().map(([k]) => k),
        ['Email', 'Title', 'Account']
    );
});

test('Parent relationship values: getSObject/putSObject by relationship name; get() of a relationship name is an invalid field (Apex Reference Guide › SObject Class › getSObject, putSObject)', () => {
    const s = fixtureSchema();
    const c = contact();
    const acc = new SObject(s.describe('Account')!);
    assert.equal(c.putSObject('account', acc), null);
    assert.equal(c.getSObject('Account'), acc);
    assert.throws(() => c.get('Account'), sobjectError('Invalid field Account for Contact'));
    assert.throws(
        () => c.putSObject('Account', new SObject(s.describe('Lead')!)),
        (e: Signal) => e.apexType === 'System.SObjectException'
    );
});

test('Child relationship lists: getSObjects by child relationship name (Apex Reference Guide › SObject Class › getSObjects)', () => {
    const s = fixtureSchema();
    const acc = new SObject(s.describe('Account')!);
    assert.equal(acc.getSObjects('Contacts'), null);
    const kids = [contact()];
    acc.setChildren('contacts', kids);
    assert.equal(acc.getSObjects('CONTACTS'), kids);
});

test('clone() clears the Id; clone(true) keeps it; audit timestamps and auto-numbers are cleared unless preserved (Apex Reference Guide › SObject Class › clone)', () => {
    const w = widget();
    w.setRaw('Id', 'a00000000000001AAA');
    w.setRaw('CreatedDate', 'x');
    w.setRaw('Serial__c', 'W-0001');
    w.put('Code__c', 'C1');
    const plain = w.clone();
    assert.equal(plain.get('Id'), null);
    assert.equal(plain.get('CreatedDate'), null);
    assert.equal(plain.get('Serial__c'), null);
    assert.equal(plain.get('Code__c'), 'C1');
    const kept = w.clone(true, false, true, true);
    assert.equal(kept.get('Id'), 'a00000000000001AAA');
    assert.equal(kept.get('CreatedDate'), 'x');
    assert.equal(kept.get('Serial__c'), 'W-0001');
});

test('A shallow clone shares parent records, a deep clone copies them (Apex Reference Guide › SObject Class › clone, isDeepClone)', () => {
    const s = fixtureSchema();
    const c = contact();
    const acc = new SObject(s.describe('Account')!);
    c.putSObject('Account', acc);
    assert.equal(c.clone().getSObject('Account'), acc);
    const deep = c.clone(false, true).getSObject('Account');
    assert.notEqual(deep, acc);
    assert.ok(deep);
});

test('SObject == compares type and every field value (Apex Developer Guide › Expressions and Operators: "== performs a deep check of all sObject field values")', () => {
    const eq = (a: unknown, b: unknown) => a === b;
    const hash = (v: unknown) => (typeof v === 'string' ? v.length : 0);
    const a = contact();
    const b = contact();
    a.put('LastName', 'Doe');
    b.put('lastname', 'Doe');
    assert.ok(sobjectEquals(a, b, eq));
    assert.equal(sobjectHash(a, hash), sobjectHash(b, hash));
    b.put('Email', 'x@y.z');
    assert.ok(!sobjectEquals(a, b, eq));
    const l = new SObject(fixtureSchema().describe('Lead')!);
    l.put('LastName', 'Doe');
    assert.ok(!sobjectEquals(a, l, eq));
});

test('addError marks a record (and optionally a field) with an error message (Apex Reference Guide › SObject Class › addError)', () => {
    const c = contact();
    c.addError('bad');
    c.addError('bad email', 'email');
    assert.deepEqual(c.errors, [{ message: 'bad' }, { message: 'bad email', field: 'Email' }]);
});

test('AggregateResult-style rows expose only their aliases; another name is an invalid field (SOQL and SOSL Reference › Aggregate Functions; Apex Reference Guide › AggregateResult)', () => {
    const row = SObject.synthetic('AggregateResult', [
        ['expr0', 3],
        ['LeadSource', 'Web']
    ]);
    assert.equal(row.get('EXPR0'), 3);
    assert.equal(row.get('leadsource'), 'Web');
    assert.throws(() => row.get('x'), sobjectError('Invalid field x for AggregateResult'));
});
