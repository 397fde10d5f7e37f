import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccessModel } from '../../src/data/access.ts';
import { dmlInsert } from '../../src/data/dml.ts';
import { loadOrgMetadata } from '../../src/data/org-metadata.ts';
import { SObject } from '../../src/data/sobject.ts';
import { defaultStandardObjects } from '../../src/data/standard-objects-loader.ts';
import { standardProfilesFile } from '../../src/data/standard-profiles.ts';
import { FIXTURE_PROJECT, fixtureSchema, fixtureStore, userFields } from './helpers.ts';

function record(type: string, fields: Record<string, unknown>): SObject {
    const s = new SObject(fixtureSchema().describe(type)!);
    for (const [k, v] of Object.entries(fields)) s.put(k, v);
    return s;
}

/** One user per standard profile. */
function access() {
    const { store } = fixtureStore();
    const names = ['Standard User', 'Read Only', 'Minimum Access - Salesforce'];
    const profiles = names.map((Name) => record('Profile', { Name }));
    dmlInsert({ store }, profiles);
    const users = profiles.map((p, i) => record('User', userFields(`P${i}`, p.id)));
    dmlInsert({ store }, users);
    const model = new AccessModel(loadOrgMetadata(FIXTURE_PROJECT), store);
    const [standard, readOnly, minimum] = users.map((u) => model.forUser(u.id!));
    return { standard, readOnly, minimum };
}

test('Standard User reads, creates, edits and deletes accounts, contacts, leads and opportunities, and cannot delete cases (observed in orgs: retrieved Standard.profile-meta.xml, standard-profiles.json observedA/observedB; standard profile permissions cannot be edited: Salesforce Help › Standard Profiles)', () => {
    const { standard } = access();
    for (const o of ['Account', 'Contact', 'Lead', 'Opportunity'])
        for (const op of ['read', 'create', 'edit', 'delete'] as const) assert.equal(standard.checkObject(o, op), true);
    assert.equal(standard.checkObject('Case', 'edit'), true);
    assert.equal(standard.checkObject('Case', 'delete'), false);
});

test('An object permission a profile does not list is no access (Object Reference › PermissionSet: "the absence of a record indicates no access")', () => {
    const { readOnly, minimum } = access();
    assert.equal(readOnly.checkObject('Contact', 'read'), true);
    assert.equal(readOnly.checkObject('Contact', 'edit'), false);
    assert.equal(minimum.checkObject('Contact', 'read'), false);
});

test('Standard field-level security of Standard User: phones readable and editable, Data.com fields read-only, opt-out fields hidden (observed in orgs: standard-profiles.json observedA, agreeing with observedB)', () => {
    const { standard } = access();
    assert.equal(standard.checkField('Contact', 'Phone', 'edit'), true);
    assert.equal(standard.checkField('Lead', 'MobilePhone', 'edit'), true);
    assert.equal(standard.checkField('Account', 'DunsNumber', 'read'), true);
    assert.equal(standard.checkField('Account', 'DunsNumber', 'edit'), false);
    assert.equal(standard.checkField('Contact', 'DoNotCall', 'read'), false);
});

test('Address components share the address field-level security (Object Reference › Compound Fields › Address Compound Fields)', () => {
    const { standard } = access();
    // A default org has no code fields (field-reference.json absentFields): the text components share it too.
    assert.equal(standard.checkField('Contact', 'MailingCountry', 'read'), true);
    assert.equal(standard.checkField('Lead', 'Country', 'read'), true);
});

test('Fields without field-level security follow the object permission: Task call fields "not subject to field-level security" (Object Reference › Task), FirstName, OwnerId, and RecordTypeId of an object with record types (objects/Contact/recordTypes/ in the fixture project)', () => {
    const { standard, readOnly } = access();
    assert.equal(standard.checkField('Task', 'CallObject', 'read'), true);
    assert.equal(readOnly.checkField('Task', 'CallObject', 'read'), true);
    assert.equal(standard.checkField('Contact', 'FirstName', 'edit'), true);
    assert.equal(readOnly.checkField('Contact', 'FirstName', 'edit'), false);
    assert.equal(standard.checkField('Contact', 'RecordTypeId', 'read'), true);
    assert.equal(standard.checkField('Task', 'OwnerId', 'read'), true);
});

test('Tasks: Access Activities reads them, Edit Tasks writes them (standard-profiles.json "activities": the retrieved profiles carry these system permissions, no Task object permission)', () => {
    const { standard, readOnly, minimum } = access();
    assert.equal(standard.checkObject('Task', 'create'), true);
    assert.equal(readOnly.checkObject('Task', 'read'), true);
    assert.equal(readOnly.checkObject('Task', 'create'), false);
    assert.equal(minimum.checkObject('Task', 'create'), false);
});

test('PermissionSet and PermissionSetAssignment need View Setup and Configuration, which Standard User and Read Only have and Minimum Access lacks (Object Reference › PermissionSet, PermissionSetAssignment › Special Access Rules; Help › Standard Profiles: "view the org\'s setup")', () => {
    const { standard, readOnly, minimum } = access();
    assert.equal(standard.checkObject('PermissionSet', 'read'), true);
    assert.equal(readOnly.checkObject('PermissionSetAssignment', 'read'), true);
    assert.equal(minimum.checkObject('PermissionSet', 'read'), false);
    assert.equal(standard.checkField('PermissionSet', 'Name', 'read'), true);
});

test('Site and SiteDetail are read with View Setup and Configuration, which Standard User has and Minimum Access lacks, and never written (Object Reference › Site › Special Access Rules, Supported Calls; Tooling API › SiteDetail: "exposed … to User Profiles with the ViewSetup permission")', () => {
    const { standard, minimum } = access();
    assert.equal(standard.checkObject('Site', 'read'), true);
    assert.equal(standard.checkObject('SiteDetail', 'read'), true);
    assert.equal(standard.checkField('SiteDetail', 'SecureUrl', 'read'), true);
    assert.equal(minimum.checkObject('Site', 'read'), false);
    assert.equal(standard.checkObject('Site', 'create'), false);
});

test('Internal users read Profile and User; creating a user takes Manage Internal Users; users are never deleted (Object Reference › Profile, User › Special Access Rules, Supported Calls)', () => {
    const { standard } = access();
    assert.equal(standard.checkObject('Profile', 'read'), true);
    assert.equal(standard.checkObject('User', 'read'), true);
    assert.equal(standard.checkObject('User', 'delete'), false);
    assert.equal(standard.checkField('User', 'LastName', 'read'), true);
});

test('Every profile fact names a cited source (never a silent guess)', () => {
    const file = standardProfilesFile();
    for (const p of Object.values(file.profiles)) assert.ok(file.sources[p.source], p.source);
});

test('Display types of String fields come from an observed org schema: Contact.AssistantName STRING, Lead.AnnualRevenue CURRENCY, Lead.Phone PHONE; Task.Subject COMBOBOX (standard-field-facts.json uiApiGraphql; Object Reference › Task)', () => {
    const src = defaultStandardObjects()!;
    assert.equal(src.describe('Contact')!.fields.get('assistantname')!.type, 'STRING');
    assert.equal(src.describe('Lead')!.fields.get('annualrevenue')!.type, 'CURRENCY');
    assert.equal(src.describe('Lead')!.fields.get('phone')!.type, 'PHONE');
    assert.equal(src.describe('Task')!.fields.get('subject')!.type, 'COMBOBOX');
    assert.equal(src.describe('Contact')!.fields.get('cleanstatus')!.type, 'PICKLIST');
});

test('Task.WhatId targets are listed as observed (Account, Case, Opportunity, never Contact: a task relates to a contact through WhoId, Object Reference › Task)', () => {
    const what = defaultStandardObjects()!.describe('Task')!.fields.get('whatid')!;
    for (const t of ['Account', 'Case', 'Opportunity']) assert.ok(what.referenceTo.includes(t), t);
    assert.ok(!what.referenceTo.includes('Contact'));
});

test('Task call fields and Description are createable and updateable (Object Reference › Task: "Create, … Update")', () => {
    const t = defaultStandardObjects()!.describe('Task')!;
    for (const f of ['callobject', 'calldisposition', 'calldurationinseconds', 'description', 'whoid', 'whatid']) {
        assert.equal(t.fields.get(f)!.createable, true, f);
        assert.equal(t.fields.get(f)!.updateable, true, f);
    }
});
