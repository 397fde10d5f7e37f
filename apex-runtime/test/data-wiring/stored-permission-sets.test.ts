/**
 * Permission sets Apex creates at run time: a `PermissionSet` row with `SetupEntityAccess`, `ObjectPermissions`
 * and system-permission checkboxes, assigned with `PermissionSetAssignment` (Object Reference › PermissionSet,
 * SetupEntityAccess, ObjectPermissions, PermissionSetAssignment).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPassed, runInOrg } from './helpers.ts';

const SETUP = `
    static User standardUser() {
        Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
        User u = new User(Alias = 'mig', Email = 'mig@example.com', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US',
            LastName = 'Migrator', LocaleSidKey = 'en_US', ProfileId = p.Id, TimeZoneSidKey = 'GMT', Username = 'mig@example.com.t');
        insert u;
        return u;
    }`;

test('a custom permission enabled by SetupEntityAccess of an inserted PermissionSet is held by its assignees (Object Reference › SetupEntityAccess; Apex Reference Guide › FeatureManagement › checkPermission)', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T { ${SETUP}
        @IsTest static void m() {
            User u = standardUser();
            User other = [SELECT Id FROM User WHERE Id = :UserInfo.getUserId()];
            Id cp = [SELECT Id FROM CustomPermission WHERE DeveloperName = 'Widget_Admin'].Id;
            PermissionSet ps = new PermissionSet(Name = 'Migration', Label = 'Migration');
            insert ps;
            insert new SetupEntityAccess(ParentId = ps.Id, SetupEntityId = cp);
            insert new PermissionSetAssignment(AssigneeId = u.Id, PermissionSetId = ps.Id);
            System.runAs(u) { Assert.isTrue(FeatureManagement.checkPermission('Widget_Admin'), 'the assignee'); }
            System.runAs(other) { Assert.isFalse(FeatureManagement.checkPermission('Widget_Admin'), 'not assigned'); }
        } }`
    });
    assert.ok(allPassed(r));
});

test('a PermissionSet without SetupEntityAccess grants no custom permission (Object Reference › SetupEntityAccess)', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T { ${SETUP}
        @IsTest static void m() {
            User u = standardUser();
            PermissionSet ps = new PermissionSet(Name = 'Empty', Label = 'Empty');
            insert ps;
            insert new PermissionSetAssignment(AssigneeId = u.Id, PermissionSetId = ps.Id);
            System.runAs(u) { Assert.isFalse(FeatureManagement.checkPermission('Widget_Admin')); }
        } }`
    });
    assert.ok(allPassed(r));
});
