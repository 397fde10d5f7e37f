import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AccessModel } from '../../src/data/access.ts';
import { dmlInsert } from '../../src/data/dml.ts';
import { loadOrgMetadata } from '../../src/data/org-metadata.ts';
import { FIXTURE_PROJECT, fixtureStore, userFields, fixtureRecord as record } from './helpers.ts';

/** A store with one user per profile; `withSet` also gets the Widget_User permission set. */
function org() {
    const { store } = fixtureStore();
    const ctx = { store };
    const profiles = ['System Administrator', 'Standard User', 'Read Only', 'Custom Thing'].map((Name) =>
        record('Profile', { Name })
    );
    dmlInsert(ctx, profiles);
    const users = profiles.map((p, i) => record('User', userFields(`U${i}`, p.id)));
    dmlInsert(ctx, users);
    const ps = record('PermissionSet', { Name: 'Widget_User', Label: 'Widget User' });
    dmlInsert(ctx, [ps]);
    const withSet = record('User', userFields('WithSet', profiles[1].id));
    dmlInsert(ctx, [withSet]);
    dmlInsert(ctx, [record('PermissionSetAssignment', { AssigneeId: withSet.id, PermissionSetId: ps.id })]);
    const model = new AccessModel(loadOrgMetadata(FIXTURE_PROJECT), store);
    return {
        model,
        admin: users[0].id!,
        standard: users[1].id!,
        readOnly: users[2].id!,
        custom: users[3].id!,
        withSet: withSet.id!
    };
}

test('System Administrator has access to all objects and fields: View All Data and Modify All Data (Salesforce Help › Standard Profiles)', () => {
    const o = org();
    const a = o.model.forUser(o.admin);
    for (const op of ['read', 'create', 'edit', 'delete'] as const) assert.equal(a.checkObject('Widget__c', op), true);
    assert.equal(a.checkField('Widget__c', 'Count__c', 'edit'), true);
    assert.equal(a.hasUserPermission('ViewAllData'), true);
});

test("Field-level security applies to administrators too: a standard field the retrieved System Administrator profile hides is hidden from them, as recorded administrators' describes omit it (Salesforce Help › Field-Level Security)", () => {
    const o = org();
    const a = o.model.forUser(o.admin);
    assert.equal(a.checkField('Case', 'BusinessHoursId', 'read'), false);
    assert.equal(a.checkField('Contact', 'DoNotCall', 'read'), false);
    assert.equal(a.checkField('Contact', 'Email', 'read'), true, 'a field it grants');
    assert.equal(a.checkField('Widget__c', 'Count__c', 'read'), true, 'custom fields as before');
});

test('Standard profiles other than System Administrator get no access to custom objects ("most profiles (except those with Modify All Data) don\'t give access to the object": Force.com Fundamentals › Standard Profiles)', () => {
    const o = org();
    assert.equal(o.model.forUser(o.standard).checkObject('Widget__c', 'read'), false);
    assert.equal(o.model.forUser(o.readOnly).canReadObject('widget__c'), false);
});

test('Standard User creates and edits major records, Read Only only views them (Salesforce Help › Standard Profiles)', () => {
    const o = org();
    const std = o.model.forUser(o.standard);
    assert.equal(std.checkObject('Contact', 'create'), true);
    assert.equal(std.checkObject('Contact', 'edit'), true);
    const ro = o.model.forUser(o.readOnly);
    assert.equal(ro.checkObject('Contact', 'read'), true);
    assert.equal(ro.checkObject('Contact', 'edit'), false);
});

test('What no cited source settles for a standard profile is refused, not guessed (never a silent wrong answer)', () => {
    const o = org();
    assert.throws(
        () => o.model.forUser(o.standard).checkObject('AccountPartner', 'read'),
        /Unsupported: read access of profile "Standard User" to AccountPartner/
    );
    assert.throws(
        () => o.model.forUser(o.standard).checkObject('Task', 'delete'),
        /Unsupported: delete access of profile "Standard User" to Task/
    );
    assert.throws(() => o.model.forUser(o.custom), /Unsupported: access of profile "Custom Thing"/);
});

test('A custom profile made in Setup is a clone of a standard profile and keeps its grants (Salesforce Help › Create or Clone Profiles: "you must first clone an existing profile to create a custom profile")', () => {
    const o = org();
    const clones = new AccessModel(o.model['meta'], o.model['store'], undefined, (name) =>
        name === 'Custom Thing' ? 'Read Only' : undefined
    );
    const custom = clones.forUser(o.custom);
    assert.equal(custom.profileName, 'Read Only');
    assert.equal(custom.checkObject('Contact', 'read'), true);
    assert.equal(custom.checkObject('Contact', 'edit'), false);
});

test('Permission sets add object and field permissions to the profile; Edit implies Read (Salesforce Help › Permission Sets; Object Permissions)', () => {
    const o = org();
    const u = o.model.forUser(o.withSet);
    assert.equal(u.checkObject('Widget__c', 'read'), true);
    assert.equal(u.checkObject('Widget__c', 'delete'), false);
    assert.equal(u.checkField('Widget__c', 'Count__c', 'read'), true);
    assert.equal(u.checkField('Widget__c', 'Count__c', 'edit'), false);
    assert.equal(
        u.checkField('Widget__c', 'Code__c', 'read'),
        true,
        'required fields are outside field-level security'
    );
    assert.equal(u.checkField('Widget__c', 'Name', 'read'), true, 'the name field follows the object');
    assert.equal(u.checkField('Widget__c', 'Active__c', 'read'), false, 'a custom field no grant names is hidden');
    assert.equal(u.checkField('Contact', 'Extra__c', 'edit'), true);
});

test('FeatureManagement.checkPermission is true when an assigned permission set enables the custom permission (Apex Reference Guide › FeatureManagement Class › checkPermission)', () => {
    const o = org();
    assert.equal(o.model.forUser(o.withSet).hasCustomPermission('widget_admin'), true);
    assert.equal(o.model.forUser(o.standard).hasCustomPermission('Widget_Admin'), false);
    assert.equal(o.model.forUser(o.withSet).hasClassAccess('WidgetController'), true);
});
