import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPassed, onlyMessage, runInOrg } from './helpers.ts';

const t = (body: string, extra: Record<string, string>): Record<string, string> => ({
    'T.cls': `@IsTest private class T { @IsTest static void m() { ${body} } }`,
    ...extra
});

test('A before trigger changes Trigger.new and the change is saved without DML of its own (Apex Developer Guide › Triggers; Trigger Context Variables)', () => {
    const r = runInOrg(
        t(
            `Contact c = new Contact(LastName = 'ada');
             insert c;
             Assert.areEqual('ADA', [SELECT LastName FROM Contact WHERE Id = :c.Id].LastName);
             Assert.areEqual('ADA', c.LastName, 'Trigger.new in before insert is the caller’s record');
             Assert.areEqual(1, Limits.getDmlStatements());`,
            {
                'Upper.trigger': `trigger Upper on Contact (before insert, before update) {
                    System.assert(Trigger.isBefore && Trigger.isInsert && !Trigger.isAfter && Trigger.isExecuting);
                    System.assertEquals(null, Trigger.newMap);
                    for (Contact c : Trigger.new) c.LastName = c.LastName.toUpperCase();
                }`
            }
        )
    );
    assert.ok(allPassed(r));
});

test('After triggers see Trigger.newMap by Id; update triggers see Trigger.old/oldMap (Apex Developer Guide › Trigger Context Variables)', () => {
    const r = runInOrg(
        t(
            `Contact c = new Contact(LastName = 'Ada');
             insert c;
             c.LastName = 'Bo';
             update c;
             Assert.areEqual(new List<String>{ 'insert:Ada', 'update:Ada>Bo' }, Log.lines);`,
            {
                'Log.cls': `public class Log { public static List<String> lines = new List<String>(); }`,
                'After.trigger': `trigger After on Contact (after insert, after update) {
                    for (Contact c : Trigger.new) {
                        System.assertEquals(c.LastName, ((Contact) Trigger.newMap.get(c.Id)).LastName);
                        if (Trigger.isInsert) Log.lines.add('insert:' + c.LastName);
                        else Log.lines.add('update:' + Trigger.oldMap.get(c.Id).get('LastName') + '>' + c.LastName);
                    }
                }`
            }
        )
    );
    assert.ok(allPassed(r));
});

test('Triggers run on chunks of 200 records (Apex Developer Guide › Bulk Triggers: "triggers execute on batches of 200 records at a time")', () => {
    const r = runInOrg(
        t(
            `List<Contact> rows = new List<Contact>();
             for (Integer i = 0; i < 450; i++) rows.add(new Contact(LastName = 'C' + i));
             insert rows;
             Assert.areEqual(new List<Integer>{ 200, 200, 50 }, Log.sizes);`,
            {
                'Log.cls': `public class Log { public static List<Integer> sizes = new List<Integer>(); }`,
                'Sizes.trigger': `trigger Sizes on Contact (before insert) { Log.sizes.add(Trigger.size); }`
            }
        )
    );
    assert.ok(allPassed(r));
});

test('addError in a trigger fails the row with FIELD_CUSTOM_VALIDATION_EXCEPTION (Apex Reference Guide › SObject Class: addError; Apex Developer Guide › Trigger Exceptions)', () => {
    const r = runInOrg(
        t(
            `try {
                 insert new Contact(LastName = 'Bad');
                 Assert.fail('no exception');
             } catch (DmlException e) {
                 Assert.areEqual(StatusCode.FIELD_CUSTOM_VALIDATION_EXCEPTION, e.getDmlType(0));
                 Assert.areEqual('No bad names', e.getDmlMessage(0));
             }
             Assert.areEqual(0, [SELECT COUNT() FROM Contact]);`,
            {
                'Guard.trigger': `trigger Guard on Contact (before insert) { for (Contact c : Trigger.new) if (c.LastName == 'Bad') c.addError('No bad names'); }`
            }
        )
    );
    assert.ok(allPassed(r));
});

test('An exception a trigger does not handle fails the statement with CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY (behaviour observed in orgs: "<Trigger>: execution of BeforeInsert caused by: …")', () => {
    const r = runInOrg(
        t(
            `try {
                 insert new Contact(LastName = 'Ada');
                 Assert.fail('no exception');
             } catch (DmlException e) {
                 Assert.areEqual(StatusCode.CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY, e.getDmlType(0));
                 Assert.isTrue(e.getDmlMessage(0).startsWith('Boom: execution of BeforeInsert caused by: System.NullPointerException'), e.getDmlMessage(0));
             }
             Assert.areEqual(0, [SELECT COUNT() FROM Contact]);`,
            { 'Boom.trigger': `trigger Boom on Contact (before insert) { Trigger.new[0].Email.length(); }` }
        )
    );
    assert.ok(allPassed(r));
});

test('Trigger context variables outside a trigger: isExecuting is false, the others are refused (Trigger Context Variables: "isExecuting: true if the current context … is a trigger")', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T {
            @IsTest static void off() { Assert.isFalse(Trigger.isExecuting); }
            @IsTest static void refused() { Object o = Trigger.new; }
        }`
    });
    assert.equal(r.methods[0]?.outcome, 'Pass', r.methods[0]?.message);
    assert.match(r.methods[1]?.message ?? '', /^Unsupported: Trigger\.new outside a trigger/);
});

test('EventBus.publish returns SaveResults and the event trigger runs when Test.stopTest delivers the events (Platform Events Developer Guide › Test Platform Event Triggers)', () => {
    const r = runInOrg(
        t(
            `Test.startTest();
             Database.SaveResult sr = EventBus.publish(new Ping__e(Body__c = 'hi'));
             List<Database.SaveResult> srs = EventBus.publish(new List<Ping__e>{ new Ping__e(Body__c = 'a'), new Ping__e(Body__c = 'b') });
             Assert.isTrue(sr.isSuccess());
             Assert.areEqual(2, srs.size());
             Assert.areEqual(2, Limits.getDmlStatements(), 'PublishAfterCommit: one DML statement per publish call');
             Assert.areEqual(0, Log.bodies.size(), 'not delivered before stopTest');
             Test.stopTest();
             Assert.areEqual(new List<String>{ 'hi', 'a', 'b' }, Log.bodies);`,
            {
                'Log.cls': `public class Log { public static List<String> bodies = new List<String>(); }`,
                'PingTrigger.trigger': `trigger PingTrigger on Ping__e (after insert) { for (Ping__e p : Trigger.new) Log.bodies.add(p.Body__c); }`
            }
        )
    );
    assert.ok(allPassed(r));
});

test('Test.getEventBus().deliver() delivers published events before stopTest (Apex Reference Guide › EventBus.TestBroker Class)', () => {
    const r = runInOrg(
        t(
            `EventBus.publish(new Ping__e(Body__c = 'now'));
             Test.getEventBus().deliver();
             Assert.areEqual(new List<String>{ 'now' }, Log.bodies);`,
            {
                'Log.cls': `public class Log { public static List<String> bodies = new List<String>(); }`,
                'PingTrigger.trigger': `trigger PingTrigger on Ping__e (after insert) { for (Ping__e p : Trigger.new) Log.bodies.add(p.Body__c); }`
            }
        )
    );
    assert.ok(allPassed(r));
    void onlyMessage;
});

test('An update’s Trigger.new holds the whole record, the stored values under the sent ones, and what a before trigger assigns is saved (Apex Developer Guide › Triggers and Order of Execution: "Loads the original record from the database … overwrites the old values with the new values")', () => {
    const r = runInOrg(
        t(
            `Contact c = new Contact(LastName = 'Ada', Phone = '555 0100');
             insert c;
             Contact sent = new Contact(Id = c.Id, FirstName = 'Lovelace');
             update sent;
             Contact saved = [SELECT FirstName, LastName, Phone, Title FROM Contact WHERE Id = :c.Id];
             Assert.areEqual('Lovelace', saved.FirstName, 'the sent value');
             Assert.areEqual('Ada', saved.LastName, 'a stored value is kept');
             Assert.areEqual('555 0100', saved.Title, 'the before trigger read the stored Phone and its assignment was saved');
             Assert.areEqual(new List<String>{ 'Ada|555 0100' }, Log.lines, 'Trigger.new held the stored fields');`,
            {
                'Log.cls': `public class Log { public static List<String> lines = new List<String>(); }`,
                'Copy.trigger': `trigger Copy on Contact (before update) {
                    for (Contact c : Trigger.new) {
                        Log.lines.add(c.LastName + '|' + c.Phone);
                        c.Title = c.Phone;
                    }
                }`
            }
        )
    );
    assert.ok(allPassed(r), onlyMessage(r));
});
