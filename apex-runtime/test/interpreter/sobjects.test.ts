import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runtime, body } from './helpers.ts';
import { loadSchema } from '../../src/data/load-schema.ts';
import { ApexError } from '../../src/interpreter/exceptions.ts';
import type { ApexValue } from '../../src/interpreter/model.ts';

const schema = loadSchema();

function run(src: string): ApexValue {
    const rt = runtime([src], { schema });
    rt.beginTransaction();
    return rt.invokeStatic('T', 'run');
}

test('new SObject(Field = value) sets fields; fields read back by name, case-insensitively (Apex Developer Guide › Working with sObjects)', () => {
    assert.equal(
        run(
            body(
                "Contact c = new Contact(LastName = 'Smith', phone = '555'); return c.lastname + '/' + c.Phone + '/' + c.FirstName;"
            )
        ),
        'Smith/555/null'
    );
});

test('SObject fields are assigned with dot notation; parents through relationship fields (Apex Developer Guide › Accessing sObject Fields Through Relationships)', () => {
    assert.equal(
        run(
            body(
                "Account a = new Account(Name = 'Acme'); Contact c = new Contact(); c.LastName = 'x'; c.Account = a; return c.Account.Name;"
            )
        ),
        'Acme'
    );
});

test('A null parent relationship dereferenced throws NullPointerException (Apex Developer Guide › Accessing sObject Fields Through Relationships)', () => {
    assert.throws(
        () => run(body('Contact c = new Contact(); return c.Account.Name;')),
        (e: unknown) => e instanceof ApexError && e.apexType === 'System.NullPointerException'
    );
});

test('switch on an SObject binds the when-type variable (Apex Developer Guide › Switch Statements: sObject example)', () => {
    const src = body(`
        SObject s = new Contact(LastName = 'Lee');
        switch on s { when Account a { return 'account'; } when Contact c { return 'contact ' + c.LastName; } when else { return 'other'; } }`);
    assert.equal(run(src), 'contact Lee');
});

test('instanceof and casts between SObject and a concrete type (Apex Developer Guide › sObject Types: generic sObject casting)', () => {
    assert.equal(
        run(
            body(
                "SObject s = new Contact(); return (s instanceof Contact) + ',' + (s instanceof Account) + ',' + ((Contact) s).LastName;"
            )
        ),
        'true,false,null'
    );
    assert.throws(
        () => run(body('SObject s = new Contact(); Account a = (Account) s; return a;')),
        (e: unknown) =>
            e instanceof ApexError &&
            e.apexType === 'System.TypeException' &&
            e.apexMessage === 'Invalid conversion from runtime type Contact to Account'
    );
});

test('SObjects compare field by field with == and as Set elements (Apex Developer Guide › Expression Operators: "== performs a deep check of all sObject field values")', () => {
    assert.equal(
        run(
            body(
                "Contact a = new Contact(LastName = 'x'); Contact b = new Contact(LastName = 'x'); Set<Contact> s = new Set<Contact>{a, b}; return (a == b) + ',' + (a === b) + ',' + s.size();"
            )
        ),
        'true,false,1'
    );
});

test('SObject get/put by field name (Apex Reference Guide › SObject Class › get, put)', () => {
    assert.equal(
        run(
            body(
                "SObject s = new Contact(); Object prev = s.put('LastName', 'a'); s.put('LastName', 'b'); return prev + ',' + s.get('lastname');"
            )
        ),
        'null,b'
    );
});

test('An SObject prints as Type:{Field=value} in strings (behaviour observed in orgs; the guide does not document the format)', () => {
    assert.equal(run(body("return '' + new Contact(LastName = 'x');")), 'Contact:{LastName=x}');
});

test('SObject clone and getPopulatedFieldsAsMap (Apex Reference Guide › SObject Class › clone, getPopulatedFieldsAsMap)', () => {
    assert.equal(
        run(
            body(
                "Contact c = new Contact(LastName = 'x'); Contact d = c.clone(); d.LastName = 'y'; return c.LastName + d.LastName + c.getPopulatedFieldsAsMap().keySet();"
            )
        ),
        'xy{LastName}'
    );
});
