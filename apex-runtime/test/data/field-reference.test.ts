import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldReferenceFile } from '../../src/data/field-reference.ts';
import { SchemaRegistry } from '../../src/data/schema.ts';
import { defaultJarPath } from '../../src/data/sobject-types-jar.ts';
import { JarStandardObjects } from '../../src/data/standard-objects-loader.ts';
import { standardProfilesFile } from '../../src/data/standard-profiles.ts';

function registry(): SchemaRegistry {
    return new SchemaRegistry([], { standardObjects: new JarStandardObjects(defaultJarPath()!) });
}

test('Field Reference › Lead: its rows give label, type and length (CompanyDunsNumber "Company D-U-N-S Number", string 9; DoNotCall "Do Not Call")', () => {
    const lead = registry().require('Lead');
    assert.equal(lead.fields.get('companydunsnumber')?.label.default, 'Company D-U-N-S Number');
    assert.equal(lead.fields.get('donotcall')?.label.default, 'Do Not Call');
    assert.equal(lead.fields.get('city')?.length, 40);
    assert.match(fieldReferenceFile().objects.Lead.fieldReferenceUrl, /salesforce-field-reference-lead\.html$/);
});

test('Observed describes › Contact: MobilePhone is a phone field labelled "Mobile Phone"; Phone keeps the Field Reference label "Business Phone" (observedDescribeA and B agree)', () => {
    const contact = registry().require('Contact');
    assert.equal(contact.fields.get('mobilephone')?.type, 'PHONE');
    assert.equal(contact.fields.get('mobilephone')?.label.default, 'Mobile Phone');
    assert.equal(contact.fields.get('phone')?.label.default, 'Business Phone');
});

test('Observed describes: Opportunity.Name is labelled "Name", Task.Description "Description", Opportunity.ExpectedRevenue is a currency labelled "Expected Amount"', () => {
    const r = registry();
    assert.equal(r.require('Opportunity').fields.get('name')?.label.default, 'Name');
    assert.equal(r.require('Task').fields.get('description')?.label.default, 'Description');
    const expected = r.require('Opportunity').fields.get('expectedrevenue');
    assert.equal(expected?.type, 'CURRENCY');
    assert.equal(expected?.label.default, 'Expected Amount');
});

test("Observed describes: fields.getMap() follows the org's field order, so Contact.Phone comes before MobilePhone (the jar lists fields alphabetically)", () => {
    const names = [...registry().require('Contact').fields.values()].map((f) => f.name);
    assert.ok(names.indexOf('Phone') < names.indexOf('MobilePhone'));
});

test('A default org has no Lead.Specialty nor Case.Language (Health Cloud and other add-ons; absent from two observed describes and a Metadata API retrieval), nor the territory fields of Opportunity', () => {
    const r = registry();
    assert.equal(r.require('Lead').fields.get('specialty'), undefined);
    assert.equal(r.require('Case').fields.get('language'), undefined);
    assert.equal(r.require('Opportunity').fields.get('territory2id'), undefined);
    assert.ok(r.require('Lead').fields.get('mobilephone'), 'other fields stay');
});

test('Object Reference › Task: Type is a picklist field of every org, createable and updateable; standard profiles see it nowhere (observed FLS: neither readable nor editable, System Administrator included)', () => {
    const type = registry().require('Task').fields.get('type');
    assert.equal(type?.type, 'PICKLIST');
    assert.equal(type?.createable, true);
    assert.equal(type?.updateable, true);
    const profiles = standardProfilesFile().profiles;
    assert.equal(profiles['Standard User'].fields['Task.Type'], '');
    assert.equal(profiles['System Administrator'].fields['Task.Type'], '');
    assert.ok(standardProfilesFile().flsManagedFields.includes('Task.Type'));
});

test('Task.WhatId targets: the objects every observed org lists whose standard-profile access is observed (Account, Case, Opportunity…, never Contact)', () => {
    const whatId = registry().require('Task').fields.get('whatid')!;
    for (const t of ['Account', 'Case', 'Opportunity']) assert.ok(whatId.referenceTo.includes(t), t);
    assert.ok(!whatId.referenceTo.includes('Contact'));
    const covered = new Set(
        Object.values(standardProfilesFile().profiles).flatMap((p) =>
            Object.keys(p.objects).map((o) => o.toLowerCase())
        )
    );
    for (const t of whatId.referenceTo) assert.ok(covered.has(t.toLowerCase()), `${t} has observed profile access`);
    assert.equal(registry().require('Asset').label.default, 'Asset', 'each target has its label');
});

test('Observed describes: polymorphic owners point to Group and User (Case.OwnerId, Lead.OwnerId)', () => {
    const r = registry();
    assert.deepEqual(r.require('Case').fields.get('ownerid')?.referenceTo, ['Group', 'User']);
    assert.deepEqual(r.require('Lead').fields.get('ownerid')?.referenceTo, ['Group', 'User']);
});

test("Opportunity.StageName: a default org's ten stages in order, none default (the same in two observed orgs)", () => {
    const values = registry().require('Opportunity').fields.get('stagename')!.picklistValues;
    assert.deepEqual(
        values.map((p) => p.value),
        [
            'Prospecting',
            'Qualification',
            'Needs Analysis',
            'Value Proposition',
            'Id. Decision Makers',
            'Perception Analysis',
            'Proposal/Price Quote',
            'Negotiation/Review',
            'Closed Won',
            'Closed Lost'
        ]
    );
    assert.ok(values.every((p) => p.isActive && !p.isDefault));
});

test('The hand-written Object Reference facts win over the observed rows where both speak (Account.Fax "Account Fax", Case.AccountId "Account ID")', () => {
    const r = registry();
    assert.equal(r.require('Account').fields.get('fax')?.label.default, 'Account Fax');
    assert.equal(r.require('Case').fields.get('accountid')?.label.default, 'Account ID');
});
