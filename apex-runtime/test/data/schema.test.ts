import assert from 'node:assert/strict';
import { test } from 'node:test';
import { childRelationshipOf, fieldOf, labelFor } from '../../src/data/schema.ts';
import { fixtureSchema } from './helpers.ts';

test('Object and field names resolve case-insensitively (Apex Developer Guide › Identifiers: Apex is case-insensitive)', () => {
    const s = fixtureSchema();
    assert.equal(s.describe('contact')?.name, 'Contact');
    assert.equal(s.describe('WIDGET__C')?.name, 'Widget__c');
    assert.equal(s.field('contact', 'lastname')?.name, 'LastName');
});

test('Standard objects carry their documented key prefixes (Standard Field Record ID Prefix Decoder)', () => {
    const s = fixtureSchema();
    assert.equal(s.describe('Account')?.keyPrefix, '001');
    assert.equal(s.describe('Contact')?.keyPrefix, '003');
    assert.equal(s.describe('Lead')?.keyPrefix, '00Q');
    assert.equal(s.describe('User')?.keyPrefix, '005');
    assert.equal(s.byKeyPrefix('00Q')?.name, 'Lead');
});

test('Standard fields come with their Apex types from the sobject-types jar; a reference Id field names its relationship (Object Reference › Contact › AccountId: Relationship Name Account, Refers To Account)', () => {
    const accountId = fixtureSchema().field('Contact', 'AccountId')!;
    assert.equal(accountId.apexType, 'Id');
    assert.equal(accountId.type, 'REFERENCE');
    assert.deepEqual(accountId.referenceTo, ['Account']);
    assert.equal(accountId.relationshipName, 'Account');
    assert.equal(fixtureSchema().field('Contact', 'Birthdate')!.apexType, 'Date');
});

test('Phone fields of Contact, Lead and User have display type PHONE, as the Object Reference documents them', () => {
    const s = fixtureSchema();
    for (const [o, f] of [
        ['Contact', 'Phone'],
        ['Contact', 'MobilePhone'],
        ['Lead', 'MobilePhone'],
        ['User', 'MobilePhone'],
        ['User', 'Extension']
    ]) {
        assert.equal(s.field(o, f)?.type, 'PHONE', `${o}.${f}`);
    }
});

test('A String field whose display type no source documents has no type: describe refuses rather than guessing (never a silent wrong answer)', () => {
    assert.equal(fixtureSchema().field('Solution', 'SolutionNote')?.type, undefined);
});

test('Child relationships: Account.Contacts is Contact.AccountId (Object Reference › Account), custom lookups add <relationshipName>__r (Apex Developer Guide › Relationship names for custom objects)', () => {
    const s = fixtureSchema();
    const contacts = childRelationshipOf(s.describe('Account')!, 'contacts')!;
    assert.equal(contacts.childSObject, 'Contact');
    assert.equal(contacts.field, 'AccountId');
    const widgets = childRelationshipOf(s.describe('Contact')!, 'Widgets__r')!;
    assert.deepEqual(widgets, { childSObject: 'Widget__c', field: 'Contact__c', relationshipName: 'Widgets__r' });
    assert.equal(s.field('Widget__c', 'Contact__c')?.relationshipName, 'Contact__r');
});

test('Custom fields from metadata: type, length, required, unique, externalId, default (Metadata API › CustomField)', () => {
    const s = fixtureSchema();
    const code = s.field('Widget__c', 'Code__c')!;
    assert.equal(code.type, 'STRING');
    assert.equal(code.length, 10);
    assert.equal(code.required, true);
    assert.equal(code.nillable, false);
    assert.equal(code.unique, true);
    assert.equal(code.externalId, true);
    const count = s.field('Widget__c', 'Count__c')!;
    assert.equal(count.apexType, 'Decimal');
    assert.equal(count.type, 'DOUBLE');
    const active = s.field('Widget__c', 'Active__c')!;
    assert.equal(active.apexType, 'Boolean');
    assert.equal(active.nillable, false);
    assert.equal(active.defaultValueFormula, 'true');
    const serial = s.field('Widget__c', 'Serial__c')!;
    assert.equal(serial.autoNumber, true);
    assert.equal(serial.createable, false);
    assert.equal(s.field('Contact', 'Extra__c')?.custom, true);
});

test('Custom objects get the standard fields every custom object has (Object Reference › System Fields; Name, OwnerId)', () => {
    const d = fixtureSchema().describe('Widget__c')!;
    for (const f of [
        'Id',
        'Name',
        'OwnerId',
        'CreatedDate',
        'CreatedById',
        'LastModifiedDate',
        'LastModifiedById',
        'SystemModstamp',
        'IsDeleted'
    ]) {
        assert.ok(fieldOf(d, f), f);
    }
    assert.equal(fieldOf(d, 'Name')?.isNameField, true);
    assert.equal(d.keyPrefix.length, 3);
});

test('Hierarchy custom settings have SetupOwnerId and no OwnerId (Apex Developer Guide › Custom Settings Methods › Hierarchy)', () => {
    const d = fixtureSchema().describe('Setting__c')!;
    assert.equal(d.customSettingsType, 'Hierarchy');
    assert.ok(fieldOf(d, 'SetupOwnerId'));
    assert.equal(fieldOf(d, 'OwnerId'), undefined);
});

test('Platform events (__e) are described with their custom fields and ReplayId (Platform Events Developer Guide › Platform Event Fields)', () => {
    const d = fixtureSchema().describe('Ping__e')!;
    assert.equal(d.platformEvent, true);
    assert.ok(fieldOf(d, 'Body__c'));
    assert.ok(fieldOf(d, 'ReplayId'));
});

test('Labels by language fall back to the default label when untranslated (Translation Workbench: untranslated labels show the master label)', () => {
    const d = fixtureSchema().describe('Widget__c')!;
    assert.equal(labelFor(d.label), 'Widget');
    assert.equal(labelFor(d.label, 'fr'), 'Gadget');
    assert.equal(labelFor(d.labelPlural, 'fr'), 'Gadgets');
    assert.equal(labelFor(d.label, 'de'), 'Widget');
    assert.equal(labelFor(fieldOf(d, 'Code__c')!.label, 'fr'), 'Code du gadget');
    assert.equal(labelFor(fieldOf(d, 'Name')!.label, 'fr'), 'Nom du gadget');
    assert.equal(labelFor(fieldOf(d, 'Count__c')!.label, 'fr'), 'Count');
});
