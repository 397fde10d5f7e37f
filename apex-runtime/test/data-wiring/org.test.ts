import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPassed, runInOrg } from './helpers.ts';

test('Tests see the org’s setup data — the standard profiles, the Organization, the running user — but no business records (Apex Developer Guide › Isolation of Test Data from Organization Data in Unit Tests)', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Assert.areEqual(4, [SELECT COUNT() FROM Profile WHERE Name IN ('System Administrator', 'Standard User', 'Read Only', 'Minimum Access - Salesforce')]);
            Assert.areEqual(1, [SELECT COUNT() FROM Organization]);
            User me = [SELECT Id, Profile.Name, TimeZoneSidKey, LocaleSidKey, LanguageLocaleKey, Username, IsActive FROM User];
            Assert.areEqual('System Administrator', me.Profile.Name);
            Assert.isTrue(me.IsActive);
            Assert.areEqual(1, [SELECT COUNT() FROM PermissionSet WHERE Name = 'Widget_User']);
            Assert.areEqual(1, [SELECT COUNT() FROM CustomPermission WHERE DeveloperName = 'Widget_Admin']);
            Assert.areEqual(0, [SELECT COUNT() FROM Contact]);
        } }`
    });
    assert.ok(allPassed(r));
});

test('The running user’s record carries every field the User object requires (Object Reference › User: Alias, Email, EmailEncodingKey, LanguageLocaleKey, LastName, LocaleSidKey, ProfileId, TimeZoneSidKey, Username)', () => {
    const r = runInOrg({ 'T.cls': `@IsTest private class T { @IsTest static void m() { Assert.isTrue(true); } }` });
    const u = r.org.store.get(r.org.userId);
    assert.ok(u);
    for (const f of [
        'Alias',
        'Email',
        'EmailEncodingKey',
        'LanguageLocaleKey',
        'LastName',
        'LocaleSidKey',
        'ProfileId',
        'TimeZoneSidKey',
        'Username'
    ])
        assert.ok(u.get(f), `${f} is set`);
    assert.equal(u.get('CreatedById'), r.org.userId);
});

test('Records a test method makes are rolled back after it; @TestSetup records are there for every method (Apex Developer Guide › Using Test Setup Methods)', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T {
            @TestSetup static void setup() { insert new Contact(LastName = 'Setup'); }
            @IsTest static void a() { insert new Contact(LastName = 'A'); Assert.areEqual(2, [SELECT COUNT() FROM Contact]); }
            @IsTest static void b() { Assert.areEqual(1, [SELECT COUNT() FROM Contact]); }
        }`
    });
    assert.ok(allPassed(r));
    assert.equal(r.org.store.count('Contact'), 0);
});

test('System.runAs takes the stored user’s time zone and locale when the record holds only its Id (Apex Developer Guide › Using the runAs Method)', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
            User u = new User(LastName = 'Paris', Alias = 'paris', Email = 'p@example.com', Username = 'p@example.com.t',
                ProfileId = p.Id, TimeZoneSidKey = 'Europe/Paris', LocaleSidKey = 'fr_FR', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'fr');
            insert u;
            Datetime noon = Datetime.newInstanceGmt(2026, 1, 15, 12, 0, 0);
            System.runAs(new User(Id = u.Id)) {
                Assert.areEqual(13, noon.hour(), 'Europe/Paris is GMT+1 in January');
            }
            Assert.areEqual(12, noon.hour());
        } }`
    });
    assert.ok(allPassed(r));
});

test('A user’s UserType is its profile’s category of user license, set on insert whatever the caller sent, and UserInfo.getUserType reads it (Object Reference › User › UserType; Apex Reference › UserInfo.getUserType)', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Assert.areEqual('Standard', UserInfo.getUserType(), 'the running System Administrator');
            Profile standard = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
            User u = new User(LastName = 'Rep', Alias = 'rep', Email = 'rep@example.com', Username = 'rep@example.com.t',
                ProfileId = standard.Id, TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8',
                LanguageLocaleKey = 'en_US');
            insert u;
            Assert.areEqual(1, [SELECT COUNT() FROM User WHERE Id = :u.Id AND UserType = 'Standard']);
        } }`
    });
    assert.ok(allPassed(r));
});
