import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPassed, onlyMessage, runInOrg } from './helpers.ts';

const t = (body: string, extra: Record<string, string> = {}): Record<string, string> => ({
    'T.cls': `@IsTest private class T { @IsTest static void m() { ${body} } }`,
    ...extra
});

test('insert sets the Id of the caller’s records and counts one DML statement (Apex Developer Guide › Insert Records: "the Id field of each sObject is set")', () => {
    const r = runInOrg(
        t(`Contact c = new Contact(LastName = 'Ada');
           List<Contact> more = new List<Contact>{ new Contact(LastName = 'Bo'), new Contact(LastName = 'Cy') };
           insert c;
           insert more;
           Assert.isNotNull(c.Id);
           Assert.isNotNull(more[1].Id);
           Assert.areEqual(2, Limits.getDmlStatements());
           Assert.areEqual(3, Limits.getDmlRows());
           c.LastName = 'Adah';
           update c;
           Assert.areEqual('Adah', [SELECT LastName FROM Contact WHERE Id = :c.Id].LastName);
           delete more;
           Assert.areEqual(1, [SELECT COUNT() FROM Contact]);
           undelete more;
           Assert.areEqual(3, [SELECT COUNT() FROM Contact]);`)
    );
    assert.ok(allPassed(r));
});

test('A failed statement raises DmlException whose getNumDml/getDmlType/getDmlFieldNames/getDmlMessage describe the rows (Apex Reference Guide › DmlException Class)', () => {
    const r = runInOrg(
        t(`try {
               insert new List<Contact>{ new Contact(LastName = 'Ok'), new Contact(FirstName = 'NoLast') };
               Assert.fail('no exception');
           } catch (DmlException e) {
               Assert.areEqual(1, e.getNumDml());
               Assert.areEqual(1, e.getDmlIndex(0));
               Assert.areEqual(StatusCode.REQUIRED_FIELD_MISSING, e.getDmlType(0));
               Assert.areEqual(new List<String>{ 'LastName' }, e.getDmlFieldNames(0));
               Assert.areEqual('Required fields are missing: [LastName]', e.getDmlMessage(0));
               Assert.isTrue(e.getMessage().startsWith('Insert failed. First exception on row 1; first error: REQUIRED_FIELD_MISSING'));
           }
           Assert.areEqual(0, [SELECT COUNT() FROM Contact], 'the statement is rolled back as a whole');`)
    );
    assert.ok(allPassed(r));
});

test('Database.insert(records, false) saves what it can and reports each row in a SaveResult (Apex Reference Guide › Database.insert(recordsToInsert, allOrNone), SaveResult Class, Database.Error Class)', () => {
    const r = runInOrg(
        t(`List<Database.SaveResult> results = Database.insert(
               new List<Contact>{ new Contact(LastName = 'Ok'), new Contact(FirstName = 'NoLast') }, false, AccessLevel.SYSTEM_MODE);
           Assert.isTrue(results[0].isSuccess());
           Assert.isNotNull(results[0].getId());
           Assert.isFalse(results[1].isSuccess());
           Assert.isNull(results[1].getId());
           Database.Error err = results[1].getErrors()[0];
           Assert.areEqual(StatusCode.REQUIRED_FIELD_MISSING, err.getStatusCode());
           Assert.areEqual(new List<String>{ 'LastName' }, err.getFields());
           Assert.areEqual(1, [SELECT COUNT() FROM Contact]);
           Database.SaveResult one = Database.insert(new Contact(LastName = 'Single'));
           Assert.isTrue(one.isSuccess());
           List<Database.DeleteResult> gone = Database.delete(new List<Id>{ one.getId() }, true);
           Assert.isTrue(gone[0].isSuccess());
           Database.UpsertResult up = Database.upsert(new Contact(LastName = 'New'));
           Assert.isTrue(up.isCreated());`)
    );
    assert.ok(allPassed(r));
});

test('Database.rollback(sp) undoes the changes after setSavepoint; each counts a DML statement (Apex Developer Guide › Transaction Control)', () => {
    const r = runInOrg(
        t(`insert new Contact(LastName = 'Kept');
           Savepoint sp = Database.setSavepoint();
           insert new Contact(LastName = 'Undone');
           Database.rollback(sp);
           Assert.areEqual(1, [SELECT COUNT() FROM Contact]);
           Assert.areEqual(4, Limits.getDmlStatements());`)
    );
    assert.ok(allPassed(r));
});

test('insert as user checks the running user’s create permission (Apex Developer Guide › Enforce User Mode for Database Operations: "as user")', () => {
    const r = runInOrg(
        t(`Profile p = [SELECT Id FROM Profile WHERE Name = 'Minimum Access - Salesforce'];
           User u = new User(LastName = 'Min', Alias = 'min', Email = 'min@example.com', Username = 'min@example.com.t',
               ProfileId = p.Id, TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');
           insert u;
           System.runAs(u) {
               insert new Widget__c(Code__c = 'SYS');
               try {
                   insert as user new Widget__c(Code__c = 'USR');
                   Assert.fail('user mode refuses');
               } catch (DmlException e) {
                   Assert.areEqual(StatusCode.INSUFFICIENT_ACCESS_OR_READONLY, e.getDmlType(0));
               }
               List<Database.SaveResult> rs = Database.insert(new List<Widget__c>{ new Widget__c(Code__c = 'USR2') }, false, AccessLevel.USER_MODE);
               Assert.isFalse(rs[0].isSuccess());
           }
           Assert.areEqual(1, [SELECT COUNT() FROM Widget__c]);`)
    );
    assert.ok(allPassed(r));
});

test('Records saved inside System.runAs are created by that user (Apex Developer Guide › Using the runAs Method; Object Reference › System Fields: CreatedById)', () => {
    const r = runInOrg(
        t(`Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
           User u = new User(LastName = 'Std', Alias = 'std', Email = 'std@example.com', Username = 'std@example.com.t',
               ProfileId = p.Id, TimeZoneSidKey = 'Europe/Paris', LocaleSidKey = 'fr_FR', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'fr');
           insert u;
           Contact c = new Contact(LastName = 'Ada');
           System.runAs(new User(Id = u.Id)) {
               insert c;
           }
           Contact back = [SELECT CreatedById, OwnerId FROM Contact WHERE Id = :c.Id];
           Assert.areEqual(u.Id, back.CreatedById);
           Assert.areEqual(u.Id, back.OwnerId);`)
    );
    assert.ok(allPassed(r));
});

test('Database.executeBatch runs start, execute per scope and finish at Test.stopTest (Apex Developer Guide › Using Batch Apex; Testing Batch Apex)', () => {
    const r = runInOrg(
        t(
            `List<Contact> rows = new List<Contact>();
             for (Integer i = 0; i < 5; i++) rows.add(new Contact(LastName = 'C' + i));
             insert rows;
             Batch b = new Batch();
             Test.startTest();
             Id job = Database.executeBatch(b, 2);
             Assert.isNotNull(job);
             Test.stopTest();
             Assert.areEqual(new List<Integer>{ 2, 2, 1 }, Batch.sizes);
             Assert.isTrue(Batch.finished);`,
            {
                'Batch.cls': `public class Batch implements Database.Batchable<SObject> {
                    public static List<Integer> sizes = new List<Integer>();
                    public static Boolean finished = false;
                    public Database.QueryLocator start(Database.BatchableContext ctx) {
                        return Database.getQueryLocator('SELECT Id FROM Contact');
                    }
                    public void execute(Database.BatchableContext ctx, List<Contact> scope) { sizes.add(scope.size()); }
                    public void finish(Database.BatchableContext ctx) { finished = true; }
                }`
            }
        )
    );
    assert.ok(allPassed(r));
});

test('A DML statement on null is refused, not guessed (the org’s error is not documented)', () => {
    const r = runInOrg(t(`Contact c = null; insert c;`));
    assert.match(onlyMessage(r), /^Unsupported: insert statement of null/);
});
