/**
 * The Apex host on a small project of its own (a probe class), through the worker as the workbench runs it:
 * each call is its own transaction, a LimitException and an uncaught exception reach the component as the
 * platform delivers them, and a callout reaches only hosts a Remote Site Setting allows.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { RecordStore, describeObject, knownObjects } from '../records.ts';
import { ApexHost, remoteSiteAllows, unauthorizedEndpoint, type CallContext } from './host.ts';

const PROBE = `
public with sharing class HostProbe {
    private static Integer calls = 0;
    @AuraEnabled
    public static Integer countCalls() {
        calls++;
        return calls;
    }
    @AuraEnabled
    public static Integer tooManyQueries() {
        Integer n = 0;
        for (Integer i = 0; i < 101; i++) {
            n += [SELECT COUNT() FROM Account];
        }
        return n;
    }
    @AuraEnabled
    public static String createThenFail(String name) {
        insert new Account(Name = name);
        throw new AuraHandledException('{"code":"INVALID_INPUT"}');
    }
    @AuraEnabled
    public static Integer nullPointer() {
        String s;
        return s.length();
    }
    @AuraEnabled
    public static Result callOut(String endpoint) {
        HttpRequest request = new HttpRequest();
        request.setEndpoint(endpoint);
        request.setMethod('GET');
        HttpResponse response = new Http().send(request);
        Result result = new Result();
        result.status = response.getStatusCode();
        result.body = response.getBody();
        result.hidden = 'not AuraEnabled';
        return result;
    }
    public class Result {
        @AuraEnabled
        public Integer status;
        @AuraEnabled
        public String body;
        public String hidden;
    }
    @AuraEnabled
    public static String enqueue(String name) {
        System.enqueueJob(new NameAccount(name));
        return [SELECT COUNT() FROM Account WHERE Name = :name] + ' before the job';
    }
    @AuraEnabled
    public static String enqueueThenFail(String name) {
        System.enqueueJob(new NameAccount(name));
        throw new AuraHandledException('failed');
    }
    public class NameAccount implements Queueable {
        private final String name;
        public NameAccount(String name) {
            this.name = name;
        }
        public void execute(QueueableContext context) {
            insert new Account(Name = name);
        }
    }
}
`;

const RESOURCE = `
@RestResource(urlMapping='/probe/*')
global with sharing class HostProbeResource {
    @HttpPost
    global static void receive() {
        RestRequest request = RestContext.request;
        RestContext.response.statusCode = 202;
        RestContext.response.addHeader('Content-Type', 'text/plain');
        RestContext.response.responseBody = Blob.valueOf(
            request.requestURI + ' ' + request.headers.get('X-Probe') + ' ' + request.requestBody.toString()
        );
    }
}
`;

const PAGE_CONTROLLER = `
public with sharing class HostProbePage {
    public String message { get; private set; }
    public Integer presses { get; private set; }
    public HostProbePage() {
        message = 'Hello ' + ApexPages.currentPage().getParameters().get('name');
        presses = 0;
    }
    public PageReference press() {
        presses++;
        message = 'Pressed ' + presses;
        return null;
    }
    public PageReference leave() {
        return new PageReference('/lightning/n/Somewhere');
    }
}
`;

const PAGE = `<apex:page controller="HostProbePage" showHeader="false" sidebar="false" standardStylesheets="false" applyHtmlTag="false" applyBodyTag="false" docType="html-5.0">
    <html lang="en">
        <body>
            <apex:form>
                <p><apex:outputText value="{!message}" /></p>
                <apex:commandButton action="{!press}" value="Press" />
                <apex:commandButton action="{!leave}" value="Leave" />
            </apex:form>
        </body>
    </html>
</apex:page>
`;

let dir: string;
let host: ApexHost;
let webex: Server;
let webexUrl: string;
const records = new RecordStore();
const admin = records.list('User').find((u) => u.Username === 'avery.admin@acme-webex.example.wb')!;

function context(): CallContext {
    return {
        records,
        session: { userId: admin.Id, language: 'en_US', permissionSets: {} },
        orgDomain: 'http://localhost:3333'
    };
}

describe('Apex host', () => {
    before(async () => {
        dir = mkdtempSync(path.join(tmpdir(), 'apex-host-'));
        mkdirSync(path.join(dir, 'src', 'classes'), { recursive: true });
        writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify({ packageDirectories: [{ path: 'src' }] }));
        writeFileSync(path.join(dir, 'src', 'classes', 'HostProbe.cls'), PROBE);
        writeFileSync(path.join(dir, 'src', 'classes', 'HostProbeResource.cls'), RESOURCE);
        writeFileSync(path.join(dir, 'src', 'classes', 'HostProbePage.cls'), PAGE_CONTROLLER);
        webex = createServer((req, res) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ path: req.url }));
        });
        await new Promise<void>((resolve) => webex.listen(0, '127.0.0.1', resolve));
        const address = webex.address();
        webexUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
        host = new ApexHost({
            projectDir: dir,
            mirroredFields: Object.fromEntries(
                knownObjects().map((name) => [name, ['Id', ...Object.keys(describeObject(name)?.fields ?? {})]])
            ),
            // The project allows only https://webexapis.com, answered by the stand-in server above.
            route: (endpoint) =>
                remoteSiteAllows(['https://webexapis.com'], endpoint)
                    ? `${webexUrl}${new URL(endpoint).pathname}`
                    : null
        });
        const ready = await host.ready;
        assert.deepEqual(ready.loadErrors, []);
    });
    after(async () => {
        await host?.close();
        await new Promise<void>((resolve) => webex.close(() => resolve()));
        rmSync(dir, { recursive: true, force: true });
    });

    it('starts every call with fresh static variables (Apex Developer Guide › Static and Instance Methods, Variables, and Initialization Code: statics are per transaction)', async () => {
        const first = await host.call(context(), 'HostProbe', 'countCalls', {});
        const second = await host.call(context(), 'HostProbe', 'countCalls', {});
        assert.deepEqual([first.body, second.body], [1, 1]);
    });

    it('delivers a LimitException to the component as an unhandled exception, type and message (Execution Governors and Limits: 100 SOQL queries; LWC Developer Guide › Handle Errors from Apex)', async () => {
        const answer = await host.call(context(), 'HostProbe', 'tooManyQueries', {});
        assert.equal(answer.status, 500);
        const body = answer.body as { exceptionType: string; message: string };
        assert.equal(body.exceptionType, 'System.LimitException');
        assert.match(body.message, /Too many SOQL queries: 101/);
        // The next call starts with fresh limits.
        assert.equal((await host.call(context(), 'HostProbe', 'countCalls', {})).status, 200);
    });

    it('rolls back what a failed call wrote, and gives an AuraHandledException’s message as body.message', async () => {
        const answer = await host.call(context(), 'HostProbe', 'createThenFail', { name: 'Rolled Back Ltd' });
        assert.equal(answer.status, 500);
        assert.deepEqual(answer.body, {
            message: '{"code":"INVALID_INPUT"}',
            exceptionType: 'System.AuraHandledException',
            isUserDefinedException: false,
            stackTrace: (answer.body as { stackTrace?: string }).stackTrace
        });
        assert.equal(records.list('Account').filter((a) => a.Name === 'Rolled Back Ltd').length, 0);
    });

    it('gives an uncaught system exception its type and message, as LWC receives it', async () => {
        const answer = await host.call(context(), 'HostProbe', 'nullPointer', {});
        assert.equal(answer.status, 500);
        assert.equal((answer.body as { exceptionType: string }).exceptionType, 'System.NullPointerException');
    });

    it('sends a callout to the mapped host, and returns only @AuraEnabled members (Returning Data from an Apex Server-Side Controller)', async () => {
        const answer = await host.call(context(), 'HostProbe', 'callOut', {
            endpoint: 'https://webexapis.com/v1/people/me'
        });
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.body, { status: 200, body: JSON.stringify({ path: '/v1/people/me' }) });
    });

    it('refuses a callout to a host no Remote Site Setting allows, with the CalloutException an org raises', async () => {
        const endpoint = 'https://elsewhere.example.com/api';
        const answer = await host.call(context(), 'HostProbe', 'callOut', { endpoint });
        assert.equal(answer.status, 500);
        assert.deepEqual(
            [(answer.body as { exceptionType: string }).exceptionType, (answer.body as { message: string }).message],
            ['System.CalloutException', unauthorizedEndpoint(endpoint)]
        );
    });

    it('keeps the workbench’s store and the worker’s in step: a record written by Apex is in the store, a record deleted in the store is gone for Apex', async () => {
        const account = records.list('Account')[0];
        records.delete(account.Id);
        const answer = await host.call(context(), 'HostProbe', 'countCalls', {});
        assert.equal(answer.status, 200);
        assert.equal(records.get(account.Id), undefined);
    });

    it('runs a Queueable job after the transaction that enqueued it, in its own; a failed transaction’s job never runs (Apex Developer Guide › Queueable Apex)', async () => {
        const answer = await host.call(context(), 'HostProbe', 'enqueue', { name: 'Queued Ltd' });
        assert.equal(answer.body, '0 before the job');
        await host.whenJobsSettled();
        assert.equal(records.list('Account').filter((a) => a.Name === 'Queued Ltd').length, 1, 'the job inserted it');
        const failed = await host.call(context(), 'HostProbe', 'enqueueThenFail', { name: 'Never Ltd' });
        assert.equal(failed.status, 500);
        await host.whenJobsSettled();
        assert.equal(records.list('Account').filter((a) => a.Name === 'Never Ltd').length, 0);
    });

    it('reports each transaction’s governor-limit usage, counted afresh per call (a debug log’s LIMIT_USAGE: Number of SOQL queries, DML statements)', async () => {
        const enqueued = await host.call(context(), 'HostProbe', 'enqueue', { name: 'Counted Ltd' });
        assert.equal(enqueued.limits.soqlQueries, 1, 'one COUNT() query');
        assert.equal(enqueued.limits.dmlStatements, undefined, 'the job’s insert is not this transaction’s');
        await host.whenJobsSettled();
        const counted = await host.call(context(), 'HostProbe', 'countCalls', {});
        assert.deepEqual(counted.limits, {}, 'nothing used');
    });

    it('serves an Apex REST request with RestContext as the platform fills it, and gives back the status, headers and body the resource set', async () => {
        const answer = await host.run(context(), {
            kind: 'rest',
            request: {
                httpMethod: 'POST',
                requestURI: '/probe/one',
                headers: { 'X-Probe': 'yes' },
                params: {},
                bodyBase64: Buffer.from('{"a":1}').toString('base64'),
                remoteAddress: '127.0.0.1'
            }
        });
        assert.deepEqual(
            [answer.status, answer.body, answer.headers],
            [202, '/probe/one yes {"a":1}', { 'Content-Type': 'text/plain' }]
        );
    });

    it('runs anonymous Apex and returns its System.debug messages', async () => {
        const answer = await host.run(context(), {
            kind: 'anonymous',
            source: "System.debug('one'); System.debug(1 + 1);"
        });
        assert.equal(answer.status, 200);
        assert.deepEqual(answer.debug, ['DEBUG|one', 'DEBUG|2']);
    });

    it('serves a Visualforce page: the controller built with the page’s parameters, kept in the view state across postbacks, its PageReference followed', async () => {
        const get = async (form: Record<string, string> | null) => {
            const answer = await host.run(context(), {
                kind: 'page',
                request: { page: 'probe', source: PAGE, url: '/apex/probe?name=Sam', form }
            });
            return answer.body as { kind: string; html?: string; location?: string };
        };
        const first = await get(null);
        assert.match(first.html ?? '', /<p>Hello Sam<\/p>/);
        const form = (html: string, button: string): Record<string, string> => {
            const fields: Record<string, string> = {};
            for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)) fields[m[1]] = m[2];
            const submit = new RegExp(`<input type="submit" name="([^"]+)" value="${button}"`).exec(html);
            assert.ok(submit, `a ${button} button`);
            fields[submit[1]] = button;
            return fields;
        };
        const pressed = await get(form(first.html ?? '', 'Press'));
        assert.match(pressed.html ?? '', /Pressed 1/);
        const again = await get(form(pressed.html ?? '', 'Press'));
        assert.match(again.html ?? '', /Pressed 2/, 'the same controller instance');
        const left = await get(form(again.html ?? '', 'Leave'));
        assert.deepEqual(left, { kind: 'redirect', location: '/lightning/n/Somewhere' });
    });

    it('costs little per call (a trivial @AuraEnabled call, measured: median and p95 printed)', async () => {
        const times: number[] = [];
        for (let i = 0; i < 50; i++) {
            const t0 = performance.now();
            await host.call(context(), 'HostProbe', 'countCalls', {});
            times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        const median = times[Math.floor(times.length / 2)];
        const p95 = times[Math.floor(times.length * 0.95)];
        console.log(`Apex host, trivial call: median ${median.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
        assert.ok(median < 100, `median ${median} ms`);
    });
});
