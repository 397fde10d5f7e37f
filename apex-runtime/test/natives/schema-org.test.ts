import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApexList, ApexMap, ApexSet } from '../../src/interpreter/collections.ts';
import { SObject } from '../../src/data/sobject.ts';
import { orgApex, schemaApex } from './org-helpers.ts';

// ---------------------------------------------------------------- custom settings

test('Hierarchy getInstance() merges the user, profile and organization rows field by field (Apex Reference Guide › Hierarchy Custom Setting Methods › getInstance)', () => {
    const r = orgApex(
        `Setting__c s = Setting__c.getInstance(); return s.Greeting__c + '|' + s.Level__c + '|' + s.Id;`,
        {
            setup: (o) => {
                o.insert('Setting__c', { SetupOwnerId: o.orgId, Greeting__c: 'org', Level__c: 1 });
                o.insert('Setting__c', { SetupOwnerId: o.profileId, Level__c: 2 });
            }
        }
    );
    assert.equal(r, 'org|2|null');
});

test('getOrgDefaults() is the organization row; getValues(profileId) the row at exactly that level, null when none (Hierarchy Custom Setting Methods)', () => {
    const r = orgApex(
        `return Setting__c.getOrgDefaults().Greeting__c + '|' + Setting__c.getValues(UserInfo.getProfileId()) + '|' + Setting__c.getValues(UserInfo.getUserId()).Level__c;`,
        {
            setup: (o) => {
                o.insert('Setting__c', { SetupOwnerId: o.orgId, Greeting__c: 'org' });
                o.insert('Setting__c', { SetupOwnerId: o.userId, Level__c: 7 });
            }
        }
    );
    assert.equal(r, 'org|null|7');
});

test('List getAll() maps data set names to records; getInstance(name)/getValues(name) return one or null (List Custom Setting Methods)', () => {
    const r = orgApex(
        `Map<String, Country__c> all = Country__c.getAll();
        return all.size() + '|' + all.get('France').Dial__c + '|' + Country__c.getValues('France').Dial__c + '|' + Country__c.getInstance('Nowhere');`,
        { setup: (o) => o.insert('Country__c', { Name: 'France', Dial__c: '33' }) }
    );
    assert.equal(r, '1|33|33|null');
});

test('A custom-setting field token is an SObjectField usable with put/get (SObject Class › put(fieldToken, value), get(fieldToken))', () => {
    assert.equal(
        orgApex(`Setting__c s = new Setting__c();
            Object prev = s.put(Setting__c.Level__c, 5);
            return prev + '|' + s.get(Setting__c.Level__c) + '|' + s.isSet(Setting__c.Level__c) + '|' + s.get('level__c');`),
        'null|5|true|5'
    );
});

test('getAll() of a hierarchy setting is refused: it is a list setting method (Custom Settings Methods)', () => {
    assert.throws(() => orgApex(`return Setting__c.getAll();`), /Unsupported: static method Setting__c.getAll/);
});

// ---------------------------------------------------------------- labels

test("System.Label.X and Label.X give the label in the running user's language, else its own value (Apex Developer Guide › Custom Labels)", () => {
    const stmts = `return System.Label.Greeting + '|' + Label.Farewell;`;
    assert.equal(orgApex(stmts), 'Hello|Goodbye');
    assert.equal(orgApex(stmts, { user: { LanguageLocaleKey: 'fr' } }), 'Bonjour|Goodbye');
});

test("Label.get(namespace, name[, language]) reads the project's labels (Label Class › get)", () => {
    assert.equal(
        orgApex(`return Label.get('', 'Greeting') + '|' + Label.get(null, 'Greeting', 'fr');`),
        'Hello|Bonjour'
    );
});

test('An unknown label is refused, naming it (the compiler would reject it)', () => {
    assert.throws(() => orgApex(`return System.Label.NoSuchLabel;`), /Unsupported: static member NoSuchLabel of Label/);
});

// ---------------------------------------------------------------- UserInfo

test("UserInfo reads the running user's record: Id, user name, names, e-mail, profile, language, locale, time zone (Apex Reference Guide › UserInfo Class)", () => {
    const r = orgApex(
        `return new List<Object>{ String.valueOf(UserInfo.getUserId()).substring(0, 3), UserInfo.getName(), UserInfo.getFirstName(), UserInfo.getLastName(),
            UserInfo.getUserEmail().endsWith('@example.com'), UserInfo.getLanguage(), UserInfo.getLocale(), UserInfo.getTimeZone().getID() };`,
        { user: { LanguageLocaleKey: 'fr', LocaleSidKey: 'fr_FR', TimeZoneSidKey: 'Europe/Paris' } }
    );
    assert.ok(r instanceof ApexList);
    assert.deepEqual(r.items, ['005', 'Ada Runner', 'Ada', 'Runner', true, 'fr', 'fr_FR', 'Europe/Paris']);
});

test("UserInfo.getOrganizationId/getOrganizationName read the Organization record; getProfileId the user's profile (UserInfo Class)", () => {
    const r = orgApex(
        `return UserInfo.getOrganizationName() + '|' + String.valueOf(UserInfo.getOrganizationId()).substring(0, 3) + '|' + String.valueOf(UserInfo.getProfileId()).substring(0, 3);`
    );
    assert.equal(r, 'Fixture Org|00D|00e');
});

test("UserInfo.getUiThemeDisplayed and isCurrentUserLicensed are refused: a test context's theme and package licenses are not documented/modelled (UserInfo Class)", () => {
    assert.throws(() => orgApex(`return UserInfo.getUiThemeDisplayed();`), /getUiThemeDisplayed/);
    assert.throws(() => orgApex(`return UserInfo.isCurrentUserLicensed('ns');`), /isCurrentUserLicensed/);
});

test('UserInfo without an org context is refused, never invented', () => {
    assert.throws(() => schemaApex(`return UserInfo.getUserId();`), /Unsupported: UserInfo.getUserId \(no org context/);
});

// ---------------------------------------------------------------- FeatureManagement

test('FeatureManagement.checkPermission is true when a permission set of the user enables the custom permission (Apex Reference Guide › FeatureManagement Class › checkPermission)', () => {
    const stmts = `return FeatureManagement.checkPermission('Widget_Admin');`;
    assert.equal(orgApex(stmts, { profile: 'Standard User' }), false);
    assert.equal(orgApex(stmts, { profile: 'Standard User', permissionSets: ['Widget_User'] }), true);
});

test('FeatureManagement.checkPermission of a custom permission the project does not define is refused (what orgs answer is not documented)', () => {
    assert.throws(
        () => orgApex(`return FeatureManagement.checkPermission('Nope');`),
        /custom permission the project does not define/
    );
});

// ---------------------------------------------------------------- Security.stripInaccessible

test('Security.stripInaccessible(READABLE, …) removes the fields the user cannot read and reports them (Security Class; SObjectAccessDecision Class; Enforce Security with the stripInaccessible Method)', () => {
    const r = orgApex(
        `List<Contact> cs = new List<Contact>{ new Contact(LastName = 'A', Extra__c = 'x'), new Contact(LastName = 'B') };
        SObjectAccessDecision d = Security.stripInaccessible(AccessType.READABLE, cs);
        return new List<Object>{ d.getRecords()[0].isSet('Extra__c'), d.getRecords()[0].get('LastName'), d.getRemovedFields().get('Contact'), d.getModifiedIndexes() };`,
        { profile: 'Standard User' }
    );
    assert.ok(r instanceof ApexList);
    assert.deepEqual(r.items.slice(0, 2), [false, 'A']);
    assert.deepEqual([...(r.items[2] as ApexSet).values()], ['Extra__c']);
    assert.deepEqual([...(r.items[3] as ApexSet).values()], [0]);
});

test("stripInaccessible keeps what field-level security grants: a permission set's readable field stays (Security Class › stripInaccessible; SObjectAccessDecision › getRecords, getModifiedIndexes)", () => {
    const r = orgApex(
        `List<Widget__c> ws = new List<Widget__c>{ new Widget__c(Name = 'w', Count__c = 3) };
        SObjectAccessDecision d = Security.stripInaccessible(AccessType.READABLE, ws);
        return new List<Object>{ d.getRecords()[0].get('Count__c'), d.getModifiedIndexes().size(), d.getRemovedFields().size() };`,
        { profile: 'Standard User', permissionSets: ['Widget_User'] }
    );
    assert.ok(r instanceof ApexList);
    assert.equal(String(r.items[0]), '3');
    assert.deepEqual(r.items.slice(1), [0, 0]);
});

test('stripInaccessible(UPDATABLE, …) strips a field the user may read but not edit, and names it (AccessType Enum; SObjectAccessDecision › getRemovedFields)', () => {
    const r = orgApex(
        `List<Widget__c> ws = new List<Widget__c>{ new Widget__c(Name = 'w', Count__c = 3) };
        SObjectAccessDecision d = Security.stripInaccessible(AccessType.UPDATABLE, ws);
        return new List<Object>{ d.getRecords()[0].isSet('Count__c'), d.getRemovedFields().get('Widget__c'), d.getModifiedIndexes() };`,
        { profile: 'Standard User', permissionSets: ['Widget_User'] }
    );
    assert.ok(r instanceof ApexList);
    assert.equal(r.items[0], false);
    assert.ok(r.items[1] instanceof ApexSet);
    assert.deepEqual([...(r.items[1] as ApexSet).values()], ['Count__c']);
    assert.deepEqual([...(r.items[2] as ApexSet).values()], [0]);
});

// ---------------------------------------------------------------- SObject methods

test('record.getSObjectType() and getSObjects(relationship) (SObject Class)', () => {
    assert.equal(
        schemaApex(`Contact c = new Contact(LastName = 'x');
            return (c.getSObjectType() == Contact.SObjectType) + '|' + c.getSObjects('Widgets__r');`),
        'true|null'
    );
});

test('addError(field, message) and addError(SObjectField, message) mark the record (SObject Class › addError)', () => {
    const r = schemaApex(
        `Contact c = new Contact(); c.addError('LastName', 'needed'); c.addError(Contact.Extra__c, 'bad'); c.addError('whole'); return c;`
    );
    assert.ok(r instanceof SObject);
    assert.deepEqual(
        (r as unknown as { errors: { message: string; field?: string }[] }).errors.map(
            (e) => `${e.field ?? ''}:${e.message}`
        ),
        ['LastName:needed', 'Extra__c:bad', ':whole']
    );
});

test('getGlobalDescribe() values are described lazily and iterate over every object (Schema Class › getGlobalDescribe)', () => {
    const r = schemaApex(`Map<String, Schema.SObjectType> g = Schema.getGlobalDescribe(); return g;`);
    assert.ok(r instanceof ApexMap);
    assert.ok(r.has('widget__c'));
});

test('UserInfo.getDefaultCurrency in a single-currency org whose host gives no currency is refused: no Organization field carries it (UserInfo Class › getDefaultCurrency)', () => {
    assert.throws(
        () => orgApex(`return UserInfo.getDefaultCurrency();`),
        /getDefaultCurrency \(the single-currency org's currency/
    );
});
