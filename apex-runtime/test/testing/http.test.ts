import { test } from 'node:test';
import assert from 'node:assert/strict';
import { passed, result, run } from './helpers.ts';

const MOCK = `@IsTest
public class EchoMock implements HttpCalloutMock {
    public HttpResponse respond(HttpRequest req) {
        HttpResponse res = new HttpResponse();
        res.setStatusCode(201);
        res.setStatus('Created');
        res.setHeader('Content-Type', 'application/json');
        res.setBody(req.getMethod() + ' ' + req.getEndpoint() + ' ' + req.getBody() + ' ' + req.getHeader('Authorization'));
        return res;
    }
}`;

const CLIENT = `public class Client {
    public static HttpResponse call() {
        HttpRequest req = new HttpRequest();
        req.setEndpoint('https://example.com/x');
        req.setMethod('POST');
        req.setHeader('Authorization', 'Bearer t');
        req.setBody('{}');
        req.setTimeout(1000);
        return new Http().send(req);
    }
}`;

function one(body: string) {
    const r = run({
        'EchoMock.cls': MOCK,
        'Client.cls': CLIENT,
        'T.cls': `@IsTest private class T { @IsTest static void m() {\n${body}\n} }`
    });
    return { r, m: result(r, 'T.m') };
}

test('Http.send answers through the HttpCalloutMock set with Test.setMock and counts one callout (Apex Developer Guide › Testing HTTP Callouts by Implementing the HttpCalloutMock Interface)', () => {
    const { r, m } = one(`
        Test.setMock(HttpCalloutMock.class, new EchoMock());
        HttpResponse res = Client.call();
        System.assertEquals(201, res.getStatusCode());
        System.assertEquals('Created', res.getStatus());
        System.assertEquals('POST https://example.com/x {} Bearer t', res.getBody());
        System.assertEquals('application/json', res.getHeader('Content-Type'));
        System.assertEquals(new List<String>{ 'Content-Type' }, res.getHeaderKeys());
        System.assertEquals(1, Limits.getCallouts());`);
    assert.ok(passed(r, 'T.m'));
    assert.equal(m.callouts, 1);
});

test('A callout in a test without a mock fails with "Methods defined as TestMethod do not support Web service callouts" (Apex Developer Guide › Testing HTTP Callouts)', () => {
    const { m } = one(`Client.call();`);
    assert.equal(
        m.message,
        'System.CalloutException: Methods defined as TestMethod do not support Web service callouts'
    );
});

test('A callout after a DML statement in the same transaction is a CalloutException: uncommitted work pending (Apex Developer Guide › Performing DML Operations and Mock Callouts)', () => {
    const { m } = one(`Test.setMock(HttpCalloutMock.class, new EchoMock()); Probe.dml(); Client.call();`);
    assert.equal(
        m.message,
        'System.CalloutException: You have uncommitted work pending. Please commit or rollback before calling out'
    );
});

test('DML before Test.startTest and the callout inside startTest/stopTest is allowed (Apex Developer Guide › Performing DML Operations and Mock Callouts)', () => {
    const { r } = one(
        `Probe.dml(); Test.startTest(); Test.setMock(HttpCalloutMock.class, new EchoMock()); Client.call(); Test.stopTest();`
    );
    assert.ok(passed(r, 'T.m'));
});

test('Queued asynchronous work is uncommitted work that prevents a later callout (Apex Developer Guide › Performing DML Operations and Mock Callouts: "Asynchronous Apex and Mock Callouts")', () => {
    const r = run({
        'EchoMock.cls': MOCK,
        'Client.cls': CLIENT,
        'Job.cls': `public class Job implements Queueable { public void execute(QueueableContext c) {} }`,
        'T.cls': `@IsTest private class T { @IsTest static void m() { Test.setMock(HttpCalloutMock.class, new EchoMock()); System.enqueueJob(new Job()); Client.call(); } }`
    });
    assert.match(result(r, 'T.m').message ?? '', /uncommitted work pending/);
});

test('System.runAs counts as a DML statement but writes nothing, so a callout inside it is allowed (docs silent on runAs and callouts: the guide names DML and asynchronous Apex as uncommitted work, runAs is neither) (Apex Developer Guide › Using the runAs Method; Performing DML Operations and Mock Callouts)', () => {
    const { r } = one(
        `Test.setMock(HttpCalloutMock.class, new EchoMock()); System.runAs(new User(LastName = 'x')) { Client.call(); }`
    );
    assert.ok(passed(r, 'T.m'));
});

test('More than 100 callouts in a transaction is a LimitException (Apex Developer Guide › Execution Governors and Limits: "Total number of callouts ... 100")', () => {
    const { m } = one(
        `Test.setMock(HttpCalloutMock.class, new EchoMock()); for (Integer i = 0; i < 101; i++) { Client.call(); }`
    );
    assert.equal(m.message, 'System.LimitException: Too many callouts: 101');
});

test('HttpRequest keeps endpoint, method, body, headers and compression (Apex Reference Guide › HttpRequest Class)', () => {
    const { r } = one(`
        HttpRequest req = new HttpRequest();
        System.assertEquals(null, req.getBody());
        req.setBody('x');
        System.assertEquals('x', req.getBody());
        req.setCompressed(true);
        System.assert(req.getCompressed());
        System.assertEquals(null, req.getHeader('Nope'));`);
    assert.ok(passed(r, 'T.m'));
});

test('A header read with a different case than it was set is refused, as the guide does not say whether keys are case-insensitive (Apex Reference Guide › HttpResponse Class › getHeader)', () => {
    const { m } = one(
        `HttpResponse res = new HttpResponse(); res.setHeader('Retry-After', '5'); res.getHeader('retry-after');`
    );
    assert.match(m.message ?? '', /^Unsupported: getHeader\('retry-after'\)/);
});
