import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CustomSettings } from '../../src/data/custom-settings.ts';
import { dmlInsert, type DmlContext } from '../../src/data/dml.ts';
import { SObject } from '../../src/data/sobject.ts';
import { UnsupportedApexError } from '../../src/errors.ts';
import { fixtureSchema, fixtureStore, userFields, fixtureRecord as record } from './helpers.ts';

function org() {
    const { store } = fixtureStore();
    const ctx: DmlContext = { store };
    const profile = record('Profile', { Name: 'Standard User' });
    dmlInsert(ctx, [profile]);
    const user = record('User', userFields('Setting', profile.id));
    const other = record('User', userFields('Other', profile.id));
    dmlInsert(ctx, [user, other]);
    // The runner seeds the Organization row (it cannot be inserted through DML).
    const orgRow = store.insert(new SObject(fixtureSchema().describe('Organization')!));
    return {
        store,
        ctx,
        orgId: orgRow.id!,
        profile: profile.id!,
        user: user.id!,
        other: other.id!,
        settings: new CustomSettings(store, () => user.id!)
    };
}

test('getInstance() returns the running user\'s row with null fields filled from the profile, then the organization, field by field (Apex Reference Guide › Hierarchy Custom Setting Methods › getInstance: "merged based on the lowest level fields that are defined")', () => {
    const o = org();
    dmlInsert(o.ctx, [
        record('Setting__c', { SetupOwnerId: o.orgId, Greeting__c: 'org', Level__c: 1 }),
        record('Setting__c', { SetupOwnerId: o.profile, Level__c: 2 }),
        record('Setting__c', { SetupOwnerId: o.user, Enabled__c: true })
    ]);
    const mine = o.settings.getInstance('Setting__c');
    assert.ok(mine.id, 'the user row itself');
    assert.equal(mine.get('SetupOwnerId'), o.user);
    assert.equal(mine.get('Enabled__c'), true);
    assert.equal(String(mine.get('Level__c')), '2', 'from the profile');
    assert.equal(mine.get('Greeting__c'), 'org', 'from the organization');
});

test('getInstance(userId) without a row for that user is a new record: Id null, merged fields, SetupOwnerId the user (Hierarchy Custom Setting Methods › getInstance(userId))', () => {
    const o = org();
    dmlInsert(o.ctx, [record('Setting__c', { SetupOwnerId: o.orgId, Greeting__c: 'org' })]);
    const theirs = o.settings.getInstance('Setting__c', o.other);
    assert.equal(theirs.id, null);
    assert.equal(theirs.get('SetupOwnerId'), o.other);
    assert.equal(theirs.get('Greeting__c'), 'org');
    const byProfile = o.settings.getInstance('Setting__c', o.profile);
    assert.equal(byProfile.get('SetupOwnerId'), o.profile, 'a profile Id resolves profile, then organization');
    const none = org().settings.getInstance('Setting__c');
    assert.equal(none.get('Greeting__c'), null, 'no data anywhere: empty fields but SetupOwnerId');
});

test("getOrgDefaults() is the organization row, or an empty record; getValues(id) is only that level's row, unmerged, or null (Hierarchy Custom Setting Methods › getOrgDefaults, getValues)", () => {
    const o = org();
    assert.equal(o.settings.getOrgDefaults('Setting__c').id, null);
    dmlInsert(o.ctx, [
        record('Setting__c', { SetupOwnerId: o.orgId, Greeting__c: 'org' }),
        record('Setting__c', { SetupOwnerId: o.user, Level__c: 5 })
    ]);
    assert.equal(o.settings.getOrgDefaults('Setting__c').get('Greeting__c'), 'org');
    const own = o.settings.getValues('Setting__c', o.user)!;
    assert.equal(own.get('Greeting__c'), null, 'not merged');
    assert.equal(o.settings.getValues('Setting__c', o.other), null);
    own.put('Greeting__c', 'changed');
    assert.equal(o.settings.getValues('Setting__c', o.user)!.get('Greeting__c'), null, 'a returned record is a copy');
});

test('List settings: getAll() maps each data set by its Name as saved, getInstance(name) and getValues(name) return it or null (Apex Reference Guide › List Custom Setting Methods)', () => {
    const o = org();
    assert.equal(o.settings.getAll('Country__c').size, 0);
    dmlInsert(o.ctx, [
        record('Country__c', { Name: 'France', Dial__c: '33' }),
        record('Country__c', { Name: 'Japan', Dial__c: '81' })
    ]);
    assert.deepEqual([...o.settings.getAll('Country__c').keys()], ['France', 'Japan']);
    assert.equal(o.settings.getListValue('Country__c', 'Japan')?.get('Dial__c'), '81');
    assert.equal(o.settings.getListValue('Country__c', 'Spain'), null);
});

test('Hierarchy methods on a list setting, or on something not a custom setting, are refused (never a silent answer)', () => {
    const o = org();
    assert.throws(() => o.settings.getInstance('Country__c'), UnsupportedApexError);
    assert.throws(() => o.settings.getAll('Setting__c'), UnsupportedApexError);
    assert.throws(
        () => o.settings.getInstance('Setting__c', o.orgId),
        UnsupportedApexError,
        'neither a user nor a profile Id'
    );
});
