import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPassed, onlyMessage, runInOrg } from './helpers.ts';

const t = (body: string): Record<string, string> => ({
    'T.cls': `@IsTest private class T { @IsTest static void m() { ${body} } }`
});

test('An inline query returns a List of the FROM object, with Apex variables bound with a colon (Apex Developer Guide › Using Apex Variables in SOQL and SOSL Queries)', () => {
    const r = runInOrg(
        t(`insert new List<Contact>{ new Contact(LastName = 'Ada'), new Contact(LastName = 'Bo'), new Contact(LastName = 'Cy') };
           String name = 'Bo';
           Set<String> names = new Set<String>{ 'Ada', 'Cy' };
           List<Contact> one = [SELECT Id, LastName FROM Contact WHERE LastName = :name];
           List<Contact> two = [SELECT Id FROM Contact WHERE LastName IN :names ORDER BY LastName];
           List<SObject> generic = [SELECT Id FROM Contact];
           Assert.areEqual(1, one.size());
           Assert.areEqual('Bo', one[0].LastName);
           Assert.areEqual(2, two.size());
           Assert.areEqual(3, generic.size());
           Assert.isTrue(generic instanceof List<Contact>);`)
    );
    assert.ok(allPassed(r));
});

test('A query assigned to a single sObject takes its only row, else QueryException (Apex Developer Guide › Using SOQL Queries That Return One Record)', () => {
    const ok = runInOrg(
        t(`insert new Contact(LastName = 'Ada');
           Contact c = [SELECT Id, LastName FROM Contact];
           Assert.areEqual('Ada', c.LastName);
           Assert.areEqual('Ada', [SELECT LastName FROM Contact].LastName);
           Assert.isNull([SELECT LastName FROM Contact WHERE LastName = 'Nobody']?.LastName);`)
    );
    assert.ok(allPassed(ok));
    const none = runInOrg(t(`Contact c = [SELECT Id FROM Contact];`));
    assert.equal(onlyMessage(none), 'System.QueryException: List has no rows for assignment to SObject');
});

test('SELECT COUNT() returns an Integer (Apex Developer Guide › SOQL and SOSL Queries: "the count method can be used to return the number of rows")', () => {
    const r = runInOrg(
        t(`insert new List<Contact>{ new Contact(LastName = 'Ada'), new Contact(LastName = 'Bo') };
           Integer n = [SELECT COUNT() FROM Contact];
           Assert.areEqual(2, n);
           Assert.areEqual(2, Database.countQuery('SELECT COUNT() FROM Contact'));`)
    );
    assert.ok(allPassed(r));
});

test('A SOQL for loop over a list variable gets the rows in lists of 200 (Apex Developer Guide › SOQL For Loops)', () => {
    const r = runInOrg(
        t(`List<Contact> rows = new List<Contact>();
           for (Integer i = 0; i < 450; i++) rows.add(new Contact(LastName = 'C' + i));
           insert rows;
           List<Integer> sizes = new List<Integer>();
           for (List<Contact> batch : [SELECT Id FROM Contact]) sizes.add(batch.size());
           Assert.areEqual(new List<Integer>{ 200, 200, 50 }, sizes);
           Integer n = 0;
           for (Contact c : [SELECT Id FROM Contact]) n++;
           Assert.areEqual(450, n);`)
    );
    assert.ok(allPassed(r));
});

test('Database.query binds simple variables of the calling scope; queryWithBinds reads them from the map (Apex Reference Guide › Database Class: query, queryWithBinds)', () => {
    const r = runInOrg(
        t(`insert new List<Contact>{ new Contact(LastName = 'Ada'), new Contact(LastName = 'Bo') };
           String who = 'Ada';
           List<Contact> a = Database.query('SELECT Id FROM Contact WHERE LastName = :who');
           Assert.areEqual(1, a.size());
           List<Contact> b = Database.queryWithBinds('SELECT Id FROM Contact WHERE LastName = :who',
               new Map<String, Object>{ 'who' => 'Bo' }, AccessLevel.SYSTEM_MODE);
           Assert.areEqual(1, b.size());
           Assert.areNotEqual(a[0].Id, b[0].Id);
           Contact single = Database.query('SELECT LastName FROM Contact WHERE LastName = :who');
           Assert.areEqual('Ada', single.LastName);`)
    );
    assert.ok(allPassed(r));
});

test('Every query counts against the 100-query limit of a transaction (Apex Developer Guide › Execution Governors and Limits: "Total number of SOQL queries issued 100")', () => {
    const r = runInOrg(
        t(`for (Integer i = 0; i < 3; i++) { List<Contact> c = [SELECT Id FROM Contact]; }
           Assert.areEqual(3, Limits.getQueries());
           for (Integer i = 0; i < 98; i++) { List<Contact> c = [SELECT Id FROM Contact]; }`)
    );
    assert.equal(onlyMessage(r), 'System.LimitException: Too many SOQL queries: 101');
});

test('SOSL in a test returns nothing unless Test.setFixedSearchResults names the Ids (Apex Developer Guide › Adding SOSL Queries to Unit Tests)', () => {
    const r = runInOrg(
        t(`Contact c = new Contact(LastName = 'Ada', Phone = '+1 415 555 0100');
           insert c;
           List<List<SObject>> none = [FIND 'Ada' IN ALL FIELDS RETURNING Contact(Id)];
           Assert.areEqual(0, none[0].size());
           Test.setFixedSearchResults(new List<Id>{ c.Id });
           List<List<SObject>> found = [FIND 'Ada' IN ALL FIELDS RETURNING Contact(Id, LastName)];
           Assert.areEqual(1, found[0].size());
           Assert.areEqual('Ada', ((Contact) found[0][0]).LastName);
           List<List<SObject>> dynamic = Search.query('FIND \\'Ada\\' IN ALL FIELDS RETURNING Contact(Id)');
           Assert.areEqual(1, dynamic[0].size());`)
    );
    assert.ok(allPassed(r));
});

test('WITH USER_MODE enforces the running user’s object access: a Minimum Access user reads no Widget (Apex Developer Guide › Enforce User Mode for Database Operations)', () => {
    const r = runInOrg(
        t(`Profile p = [SELECT Id FROM Profile WHERE Name = 'Minimum Access - Salesforce'];
           User u = new User(LastName = 'Min', Alias = 'min', Email = 'min@example.com', Username = 'min@example.com.t',
               ProfileId = p.Id, TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');
           insert u;
           insert new Widget__c(Code__c = 'W1');
           System.runAs(u) {
               Assert.areEqual(1, [SELECT Id FROM Widget__c].size(), 'system mode by default at API 65.0');
               try {
                   List<Widget__c> w = [SELECT Id FROM Widget__c WITH USER_MODE];
                   Assert.fail('user mode refuses the object');
               } catch (QueryException e) {
                   Assert.isTrue(e.getMessage().length() > 0);
               }
           }`)
    );
    assert.ok(allPassed(r));
});
