import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultOrgObjectsFile } from '../../src/data/default-org-objects.ts';
import { loadSchema } from '../../src/data/load-schema.ts';
import { databaseQuery } from '../../src/data/soql/database.ts';
import { storeQuerySource } from '../../src/data/soql/store-source.ts';
import { defaultStandardObjects } from '../../src/data/standard-objects-loader.ts';
import { orgApex } from '../natives/org-helpers.ts';
import { makeOrg } from '../soql/fixture.ts';
import { fixtureSchema, fixtureStore } from './helpers.ts';

const RULE = 'default-org-objects.json › sources.objectRule';

test(`The default org holds only the standard objects recorded global describes of recent orgs agree on, not every object of the jar (${RULE})`, () => {
    const jar = defaultStandardObjects()!;
    const org = fixtureSchema();
    const names = new Set(org.names().map((n) => n.toLowerCase()));
    for (const present of [
        'Account',
        'AccountContactRole',
        'Site',
        'SiteDetail',
        'PermissionSet',
        'FeedItem',
        'WorkOrder'
    ])
        assert.ok(org.describe(present), `${present} is in every recorded org`);
    for (const absent of ['AccountBrand', 'ServiceAppointment', 'Network', 'AssetWarranty']) {
        assert.ok(jar.describe(absent), `the jar knows ${absent}`);
        assert.equal(org.describe(absent), undefined, `${absent} depends on a feature, licence or setting`);
        assert.ok(!names.has(absent.toLowerCase()), `${absent} is not a key of the global describe`);
    }
    assert.ok(jar.names().length > 4 * org.names().length, 'most of the jar is outside the default org');
});

test('An object absent from the default org is unknown to Apex: not in Schema.getGlobalDescribe(), and dynamic SOQL on it fails as on an unknown object (SOQL and SOSL Reference; observed in orgs)', () => {
    assert.equal(orgApex(`return Schema.getGlobalDescribe().containsKey('AccountBrand');`), false);
    assert.equal(orgApex(`return Schema.getGlobalDescribe().containsKey('AccountContactRole');`), true);
    const ctx = makeOrg().ctx({ source: storeQuerySource(fixtureStore().store) });
    assert.throws(
        () => databaseQuery('SELECT Id FROM AccountBrand', ctx),
        (e: Error & { apexType?: string }) =>
            e.apexType === 'System.QueryException' &&
            e.message.startsWith("sObject type 'AccountBrand' is not supported")
    );
    assert.deepEqual(databaseQuery('SELECT Id FROM AccountContactRole', ctx), []);
});

test('A scratch-org feature brings its objects: Network and NetworkMember with Communities (Object Reference › Network, NetworkMember › Special Access Rules: "available only when your org has digital experiences enabled")', () => {
    assert.equal(loadSchema().describe('Network'), undefined);
    const communities = loadSchema(undefined, { features: ['Communities'] });
    assert.ok(communities.describe('Network'));
    assert.ok(communities.describe('NetworkMember'));
    assert.equal(communities.describe('AccountBrand'), undefined, 'a Partner Community licence is not settled');
    assert.ok(loadSchema(undefined, { features: ['Quotes'] }).describe('Quote'), 'org-features.ts still decides Quote');
});

test("Account's child relationships in the default org are the named ones the recorded describes of Account agree on, each with its recorded field (default-org-objects.json › sources.childRelationshipsRule)", () => {
    const account = fixtureSchema().require('Account');
    const recorded = defaultOrgObjectsFile().childRelationships.parents.Account;
    assert.equal(account.childRelationships.length, recorded.length);
    const byName = new Map(account.childRelationships.map((c) => [c.relationshipName, c]));
    assert.deepEqual(
        { ...byName.get('Contacts') },
        { childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts' }
    );
    assert.equal(
        byName.get('AccountPartnersFrom')?.field,
        'AccountFromId',
        'the jar cannot tell two lookups to Account apart'
    );
    assert.equal(byName.get('AccountPartnersTo')?.field, 'AccountToId');
    assert.equal(byName.get('Tasks')?.field, 'WhatId');
    assert.ok(
        !account.childRelationships.some((c) => c.childSObject === 'AccountBrand' || c.childSObject.startsWith('AAR'))
    );
    for (const c of account.childRelationships) {
        const child = fixtureSchema().require(c.childSObject);
        const field = child.fields.get(c.field!.toLowerCase());
        assert.ok(field, `${c.childSObject}.${c.field} is a field of the child`);
        assert.ok(
            field.referenceTo.length === 0 || field.referenceTo.includes('Account'),
            `${c.childSObject}.${c.field} looks up Account`
        );
    }
});

test('Other parents keep the jar’s child relationships whose child the default org has (default-org-objects.json › sources.objectRule)', () => {
    const contact = fixtureSchema().require('Contact');
    assert.ok(contact.childRelationships.some((c) => c.childSObject === 'Case'));
    for (const c of contact.childRelationships) assert.ok(fixtureSchema().describe(c.childSObject), c.childSObject);
});

test('Labels of standard objects and of the fields of Account and its children come from the recorded describes where the jar and the cited facts give none, two or more agreeing (default-org-objects.json › sources.labelRule, fieldRule)', () => {
    const s = fixtureSchema();
    assert.equal(s.require('Idea').label.default, 'Idea');
    assert.equal(s.require('AccountContactRole').label.default, 'Account Contact Role');
    assert.equal(s.require('CombinedAttachment').label.default, 'Note, Attachment, Google Doc And File');
    assert.equal(s.require('Account').label.default, 'Account', 'the facts file still gives the labels it cites');
    assert.equal(s.field('AccountContactRole', 'Role')?.label.default, 'Role');
    assert.equal(s.field('AccountContactRole', 'Role')?.type, 'PICKLIST');
    assert.equal(s.field('Asset', 'Price')?.type, 'CURRENCY');
    assert.equal(s.require('CspTrustedSite').label.default, undefined, 'recordings that disagree settle nothing');
});

test('A lookup to objects the default org lacks is absent with them; a polymorphic one keeps the targets the org has (default-org-objects.json › sources.referenceRule)', () => {
    const jar = defaultStandardObjects()!;
    const s = fixtureSchema();
    assert.ok(jar.describe('Case')!.fields.has('assetwarrantyid'));
    assert.equal(s.field('Case', 'AssetWarrantyId'), undefined);
    assert.equal(s.field('Account', 'OperatingHoursId'), undefined);
    assert.equal(s.field('Event', 'ServiceAppointmentId'), undefined);
    for (const name of ['Task', 'Event', 'Case'])
        for (const f of s.require(name).fields.values())
            for (const t of f.referenceTo) assert.ok(s.describe(t), `${name}.${f.name} → ${t}`);
});
