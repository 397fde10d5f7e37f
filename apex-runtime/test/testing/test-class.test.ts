import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passed, result, run } from './helpers.ts';

function one(body: string, extra: Record<string, string> = {}) {
    const r = run({ ...extra, 'T.cls': `@IsTest private class T { @IsTest static void m() {\n${body}\n} }` });
    return { r, m: result(r, 'T.m') };
}

test('Test.isRunningTest() is true in test methods (Apex Reference Guide › Test Class › isRunningTest)', () => {
    const { r } = one(`System.assert(Test.isRunningTest());`);
    assert.ok(passed(r, 'T.m'));
});

test('Code between Test.startTest and Test.stopTest gets a fresh set of limits; after stopTest the original ones are back (Apex Developer Guide › Using Limits, startTest, and stopTest)', () => {
    const { r } = one(`
        Probe.dml(); Probe.dml();
        Test.startTest();
        System.assertEquals(0, Limits.getDmlStatements());
        Probe.dml();
        System.assertEquals(1, Limits.getDmlStatements());
        Test.stopTest();
        System.assertEquals(2, Limits.getDmlStatements());`);
    assert.ok(passed(r, 'T.m'));
});

test('startTest adds a context: 148 DML before it still leave 150 inside (Apex Developer Guide › Using Limits, startTest, and stopTest: "98 SOQL queries" example)', () => {
    const { r } = one(`
        for (Integer i = 0; i < 148; i++) { Probe.dml(); }
        Test.startTest();
        for (Integer i = 0; i < 150; i++) { Probe.dml(); }
        Test.stopTest();
        Probe.dml(); Probe.dml();
        System.assertEquals(150, Limits.getDmlStatements());`);
    assert.ok(passed(r, 'T.m'));
});

test('startTest may be called only once per test method; a second call is refused (Apex Developer Guide › Using Limits, startTest, and stopTest: "Each test method is allowed to call this method only once")', () => {
    const { m } = one(`Test.startTest(); Test.startTest();`);
    assert.match(m.message ?? '', /^Unsupported: Test\.startTest called twice/);
});

test('Asynchronous work queued after startTest runs at stopTest, not before (Apex Developer Guide › Using Limits, startTest, and stopTest: "When stopTest is executed, all asynchronous processes are run synchronously")', () => {
    const { r } = one(
        `
        Test.startTest();
        Id jobId = System.enqueueJob(new Job('j1'));
        System.assertEquals('', Probe.log());
        System.assertEquals(1, Limits.getQueueableJobs());
        Test.stopTest();
        System.assertEquals('j1', Probe.log());
        System.assertEquals('707', String.valueOf(jobId).substring(0, 3));`,
        {
            'Job.cls': `public class Job implements Queueable { String tag; public Job(String t) { tag = t; } public void execute(QueueableContext c) { Probe.note(tag); } }`
        }
    );
    assert.ok(passed(r, 'T.m'));
});

test('More than 50 queueable jobs in a transaction is a LimitException (Apex Developer Guide › Execution Governors and Limits: "Maximum number of Apex jobs added to the queue with System.enqueueJob: 50")', () => {
    const { m } = one(`for (Integer i = 0; i < 51; i++) { System.enqueueJob(new Job()); }`, {
        'Job.cls': `public class Job implements Queueable { public void execute(QueueableContext c) {} }`
    });
    assert.equal(m.message, 'System.LimitException: Too many queueable jobs added to the queue: 51');
});

test('Platform events published in a test are delivered at stopTest or by Test.getEventBus().deliver() (Apex Reference Guide › Test Class › getEventBus; Platform Events Developer Guide › Testing)', () => {
    const { r } = one(`
        Probe.publish('e1');
        System.assertEquals('', Probe.log());
        Test.getEventBus().deliver();
        System.assertEquals('e1', Probe.log());
        Test.startTest();
        Probe.publish('e2');
        Test.stopTest();
        System.assertEquals('e1,e2', Probe.log());`);
    assert.ok(passed(r, 'T.m'));
});

test('System.runAs counts as one DML statement, can be nested and switches the running user back after the block (Apex Developer Guide › Using the runAs Method)', () => {
    const { r } = one(`
        User a = new User(LastName = 'Alice', TimeZoneSidKey = 'America/Los_Angeles');
        User b = new User(LastName = 'Bob', TimeZoneSidKey = 'Europe/Paris');
        System.assertEquals('default', Probe.user());
        System.runAs(a) {
            System.assertEquals('Alice', Probe.user());
            System.assertEquals('America/Los_Angeles', Probe.zone());
            System.runAs(b) {
                System.assertEquals('Bob', Probe.user());
                System.assertEquals('Europe/Paris', Probe.zone());
            }
            System.assertEquals('Alice', Probe.user());
        }
        System.assertEquals('default', Probe.user());
        System.assertEquals('GMT', Probe.zone());
        System.assertEquals(2, Limits.getDmlStatements());`);
    assert.ok(passed(r, 'T.m'));
});

test('A return inside a runAs block returns from the method (Apex Developer Guide › Using the runAs Method: the block is ordinary code)', () => {
    const { r } = one(`System.assertEquals(1, Helper.f());`, {
        'Helper.cls': `public class Helper { public static Integer f() { System.runAs(new User(LastName = 'x')) { return 1; } return 2; } }`
    });
    assert.ok(passed(r, 'T.m'));
});

test('System.runAs with something else than a User is refused (package Version contexts are not modelled) (Apex Reference Guide › System Class › runAs(version))', () => {
    const { m } = one(`System.runAs(new Account(Name = 'x')) { }`);
    assert.match(m.message ?? '', /^Unsupported: System\.runAs with a non-User argument/);
});

test('Test.setFixedSearchResults keeps the Ids SOSL returns (Apex Developer Guide › Adding SOSL Queries to Unit Tests)', () => {
    const { r } = one(
        `Test.setFixedSearchResults(new List<Id>{ '003000000000001AAA' }); System.assertEquals('003000000000001AAA', Probe.fixed());`
    );
    assert.ok(passed(r, 'T.m'));
});

test('Test.setCreatedDate sets CreatedDate through the record store (Apex Reference Guide › Test Class › setCreatedDate)', () => {
    const { r } = one(`Test.setCreatedDate('003000000000001AAA', System.now());`);
    assert.ok(passed(r, 'T.m'));
    assert.equal(r.store.created[0]?.[0], '003000000000001AAA');
});

test('Test methods the offline org cannot honour are refused: getStandardPricebookId, loadData, testUninstall (Apex Reference Guide › Test Class)', () => {
    for (const call of ['Test.testUninstall(null);', 'Test.getStandardPricebookId();', "Test.loadData(null, 'x');"]) {
        const { m } = one(call);
        assert.match(m.message ?? '', /^Unsupported: Test\./, call);
    }
});

test('Test.setMock accepts only HttpCalloutMock here; other mock types are refused (Apex Reference Guide › Test Class › setMock)', () => {
    const { m } = one(`Test.setMock(WebServiceMock.class, null);`);
    assert.match(m.message ?? '', /^Unsupported: Test\.setMock for webservicemock/);
});

const HANDLER = `public class Installer implements InstallHandler {
    public void onInstall(InstallContext ctx) {
        Version v = ctx.previousVersion();
        Probe.note(ctx.isUpgrade() + ' ' + ctx.isPush() + ' ' + (v == null ? 'none' : v.major() + '.' + v.minor()) + ' ' + ctx.organizationId());
    }
}`;

test('Test.testInstall runs onInstall with the previous version (null: a first install, not an upgrade) and isPush (Apex Reference Guide › Test Class › testInstall; InstallContext Interface)', () => {
    const r = run(
        {
            'Installer.cls': HANDLER,
            'T.cls': `@IsTest private class T { @IsTest static void m() {
                Test.testInstall(new Installer(), null);
                Test.testInstall(new Installer(), new Version(1, 2), true);
            } }`
        },
        { identity: { organizationId: () => '00D000000000001AAA', userId: () => '005000000000001AAA' } }
    );
    assert.ok(passed(r, 'T.m'));
    assert.deepEqual(r.log, ['false false none 00D000000000001AAA', 'true true 1.2 00D000000000001AAA']);
});

test('Version orders by major, then minor, then patch (Apex Reference Guide › Version Class › compareTo)', () => {
    const { r } = one(`
        System.assertEquals(-1, new Version(1, 2).compareTo(new Version(1, 10)));
        System.assertEquals(1, new Version(2, 0, 1).compareTo(new Version(2, 0, 0)));
        System.assertEquals(0, new Version(3, 4).compareTo(new Version(3, 4)));
        System.assertEquals(null, new Version(3, 4).patch());`);
    assert.ok(passed(r, 'T.m'));
});

test('An assertion failure passes every catch, even catch (Exception e), and fails the test (Exception Class and Built-In Exceptions › AssertException: "halts code execution"; Assert Class › fail: "a fatal error")', () => {
    const { m } = one(`try {
            Assert.areEqual(1, 2, 'swallowed?');
        } catch (Exception e) {
            System.debug('caught');
        }`);
    assert.equal(m.outcome, 'Fail');
    assert.match(m.message ?? '', /^System\.AssertException: Assertion Failed: swallowed\?/);
});
