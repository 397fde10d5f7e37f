/**
 * Parent fields in a SOSL RETURNING field list (`Contact(Id, Account.Name)`), in system and user mode.
 * SOQL and SOSL Reference › RETURNING FieldSpec: the fields of each object returned; Apex Developer
 * Guide › Enforce User Mode for Database Operations: in user mode the running user's object permissions
 * and field-level security apply, which the runtime checks with the same walk as SOQL's user mode.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { executeSosl, searchQuery } from '../../src/data/sosl/execute.ts';
import { executeSoql } from '../../src/data/soql/execute.ts';
import type { SObject } from '../../src/data/sobject.ts';
import { UnsupportedApexError } from '../../src/errors.ts';
import { accessHiding, makeOrg } from './fixture.ts';

function seed() {
    const org = makeOrg();
    const acme = org.insert('Account', { Name: 'Acme', Phone: '(312) 296-1607' });
    const smith = org.insert('Contact', { LastName: 'Smith', Phone: '(312) 296-1607', AccountId: acme.id });
    const loner = org.insert('Contact', { LastName: 'Loner', Phone: '(312) 296-1607' });
    const fixed = { search: { isTest: true, fixedResults: [smith.id!, loner.id!] } };
    return { org, acme, smith, loner, fixed };
}

const QUERY = 'FIND {3122961607} IN PHONE FIELDS RETURNING Contact(Id, Name, AccountId, Account.Name, Phone)';

function parentName(row: SObject): unknown {
    const account = row.getSObject('Account');
    return account === null ? null : account.get('Name');
}

test('a RETURNING field list may name a parent field, returned through the relationship as in SOQL (SOQL and SOSL Reference › RETURNING FieldSpec)', () => {
    const { org, acme, smith, loner, fixed } = seed();
    const [contacts] = executeSosl(QUERY, org.ctx(fixed));
    assert.deepEqual(
        contacts.map((r) => r.id),
        [smith.id, loner.id]
    );
    assert.equal(contacts[0].get('AccountId'), acme.id);
    assert.equal(parentName(contacts[0]), 'Acme');
    // An empty lookup: no parent record, as a SOQL relationship query gives.
    assert.equal(parentName(contacts[1]), null);
    const soql = executeSoql(`SELECT Account.Name FROM Contact WHERE Id = '${smith.id}'`, org.ctx()) as SObject[];
    assert.equal(parentName(soql[0]), parentName(contacts[0]));
});

test('a parent field is returned by a search outside tests too (SOQL and SOSL Reference › RETURNING FieldSpec)', () => {
    const { org, smith } = seed();
    const [contacts] = executeSosl('FIND {Smith} RETURNING Contact(Id, Account.Name)', org.ctx());
    assert.deepEqual(
        contacts.map((r) => r.id),
        [smith.id]
    );
    assert.equal(parentName(contacts[0]), 'Acme');
});

test('Search.query with AccessLevel.USER_MODE returns a parent field the user can read, the parent object and the reference field included (Apex Developer Guide › Enforce User Mode for Database Operations)', () => {
    const { org, fixed } = seed();
    const ctx = org.ctx({ ...fixed, access: accessHiding('Contact.Secret__c') });
    const [contacts] = searchQuery(QUERY, ctx, 'user');
    assert.equal(parentName(contacts[0]), 'Acme');
});

test('user mode: an unreadable parent field, parent object or reference field is refused, found by the walk SOQL user mode uses (Enforce User Mode for Database Operations; what SOSL returns then is not documented: refused, never guessed)', () => {
    for (const hidden of ['Account.Name', 'Account', 'Contact.AccountId']) {
        const { org, fixed } = seed();
        const ctx = org.ctx({ ...fixed, access: accessHiding(hidden) });
        assert.throws(() => searchQuery(QUERY, ctx, 'user'), UnsupportedApexError, hidden);
        // The same access in SOQL user mode raises the QueryException orgs give.
        assert.throws(
            () => executeSoql('SELECT Account.Name FROM Contact WITH USER_MODE', ctx),
            (e: Error & { apexType?: string }) => e.apexType === 'System.QueryException',
            hidden
        );
        // System mode ignores the user's permissions (Enforce User Mode for Database Operations).
        assert.equal(parentName(searchQuery(QUERY, ctx, 'system')[0][0]), 'Acme');
    }
});

test('user mode: a search through a polymorphic relationship is refused, as SOQL user mode refuses it (never a silent wrong answer)', () => {
    const { org } = seed();
    const ctx = org.ctx({ search: { isTest: true }, access: accessHiding() });
    assert.throws(() => searchQuery('FIND {x} RETURNING Task(Id, What.Name)', ctx, 'user'), UnsupportedApexError);
});
