import assert from 'node:assert/strict';
import { test } from 'node:test';
import { UnsupportedApexError } from '../../src/errors.ts';
import { loadSchema } from '../../src/data/load-schema.ts';
import { childRelationshipOf, SchemaRegistry } from '../../src/data/schema.ts';
import { defaultJarPath } from '../../src/data/sobject-types-jar.ts';
import { JarStandardObjects } from '../../src/data/standard-objects-loader.ts';
import { fixtureSchema } from './helpers.ts';

test('Standard objects are read from the sobject-types jar on first use: describe of one object parses only its class (apex-ls sobject-types, see schema/NOTICE)', () => {
    const source = new JarStandardObjects(defaultJarPath()!);
    const registry = new SchemaRegistry([], { standardObjects: source });
    const contact = registry.describe('contact')!;
    assert.equal(contact.name, 'Contact');
    assert.equal(contact.fields.get('accountid')?.relationshipName, 'Account');
    assert.ok(registry.names().length > 4000, 'every jar object is a name of the global describe');
    assert.equal(registry.describe('Contact'), contact, 'described once');
});

test('Schema.getGlobalDescribe().get of an unknown object is null: describe answers undefined, require refuses (Apex Reference Guide › Schema Class › getGlobalDescribe; Map.get of an absent key is null)', () => {
    const s = fixtureSchema();
    assert.equal(s.describe('Nope'), undefined);
    assert.equal(s.describe('Nope__c'), undefined);
    assert.throws(() => s.require('Nope'), UnsupportedApexError);
});

test('Key prefixes of undocumented standard objects do not depend on the order objects are described in (Ids are stable run to run)', () => {
    const a = new SchemaRegistry([], { standardObjects: new JarStandardObjects(defaultJarPath()!) });
    const b = new SchemaRegistry([], { standardObjects: new JarStandardObjects(defaultJarPath()!) });
    const pa = ['Domain', 'Site', 'CronTrigger'].map((n) => a.require(n).keyPrefix);
    const pb = ['CronTrigger', 'Site', 'Domain'].map((n) => b.require(n).keyPrefix).reverse();
    assert.deepEqual(pa, pb);
    assert.equal(b.byKeyPrefix(pa[0])?.name, 'Domain');
    assert.equal(a.byKeyPrefix('001')?.name, 'Account', 'a documented prefix finds an object not yet described');
});

test("A child relationship's field is the child's only reference to the parent: Account.Contacts is Contact.AccountId (Object Reference › Account), resolved when read", () => {
    const account = loadSchema().require('Account');
    const contacts = childRelationshipOf(account, 'Contacts')!;
    assert.equal(contacts.childSObject, 'Contact');
    assert.equal(contacts.field, 'AccountId');
});

test('A jar that cannot be read is refused with its path (never a silent empty schema)', () => {
    const s = loadSchema(undefined, { jar: '/nonexistent/sobject-types.jar' });
    assert.throws(() => s.describe('Contact'), /Unsupported: standard objects \(cannot read \/nonexistent/);
});

test('User requires Alias, Email, EmailEncodingKey, LanguageLocaleKey, LastName, LocaleSidKey, ProfileId, TimeZoneSidKey and a unique Username; Account requires Name and its Phone and Fax are phone fields (Object Reference › User, Account)', () => {
    const s = fixtureSchema();
    const required = [...s.require('User').fields.values()]
        .filter((f) => f.required)
        .map((f) => f.name)
        .sort();
    assert.deepEqual(required, [
        'Alias',
        'Email',
        'EmailEncodingKey',
        'LanguageLocaleKey',
        'LastName',
        'LocaleSidKey',
        'ProfileId',
        'TimeZoneSidKey',
        'Username'
    ]);
    assert.equal(s.field('User', 'Username')?.unique, true);
    assert.equal(s.field('Account', 'Name')?.required, true);
    assert.equal(s.field('Account', 'Name')?.isNameField, true);
    assert.equal(s.field('Account', 'Phone')?.type, 'PHONE');
    assert.equal(s.field('Account', 'Fax')?.type, 'PHONE');
});

test('Standard object labels are the Object Reference names in English; other languages fall back to them, as none is documented (Translation Workbench: untranslated labels show the default)', () => {
    const s = fixtureSchema();
    assert.equal(s.require('Account').label.default, 'Account');
    assert.equal(s.require('Contact').labelPlural.default, 'Contacts');
    assert.equal(s.require('Lead').label.byLanguage.fr, undefined);
    assert.equal(s.require('CspTrustedSite').label.default, undefined, 'a label no source gives stays unknown');
});
