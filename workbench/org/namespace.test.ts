/**
 * The emulated org runs the package unpackaged by default and, switched to the package's namespace, runs the
 * package's Apex installed with it (the Apex host's worker loads it that way): what the Apex names through
 * WebexNamespace, the package's objects and fields in describes and in JSON, take the namespace, as the workbench's
 * own naming (namespace.ts: `@salesforce/schema` imports, Visualforce routes) does (docs/namespace.md).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { OrgApex } from './apex-host/org-apex.ts';
import { PACKAGE_NAMESPACE, apiName, fromApiRecord, qualify, stateKey, toApiRecord } from './namespace.ts';
import { EmulatedOrg } from './org-state.ts';
import { runAnonymousApex } from './setup-apex.ts';

const NS = PACKAGE_NAMESPACE;

function orgWith(namespace: string): EmulatedOrg {
    const org = new EmulatedOrg('http://127.0.0.1:9');
    org.myDomainUrl = 'https://acme.my.salesforce.com';
    org.useNamespace(namespace);
    return org;
}

describe('The emulated org with and without the namespace', () => {
    it('reads the namespace from sfdx-project.json, and runs unpackaged unless told otherwise', () => {
        assert.match(NS, /^[A-Za-z]\w{0,14}$/);
        assert.equal(new EmulatedOrg('http://127.0.0.1:9').namespace, process.env.WORKBENCH_NAMESPACE ?? '');
    });

    it('qualifies names, page state keys and the package schema only with a namespace', () => {
        const plain = orgWith('');
        const installed = orgWith(NS);
        assert.equal(qualify(plain, 'webexsfdcauth'), 'webexsfdcauth');
        assert.equal(qualify(installed, 'webexsfdcauth'), `${NS}__webexsfdcauth`);
        assert.equal(stateKey(plain, 'webexSfAuth'), 'c__webexSfAuth', 'Lightning default namespace unpackaged');
        assert.equal(stateKey(installed, 'webexSfAuth'), `${NS}__webexSfAuth`);
        assert.equal(apiName(installed, 'Fields__c'), `${NS}__Fields__c`, 'a package field');
        assert.equal(apiName(installed, 'WebexCallLogTab__c'), `${NS}__WebexCallLogTab__c`, 'a package object');
        assert.equal(apiName(installed, 'Phone'), 'Phone', 'a standard field keeps its name');
        assert.equal(apiName(installed, 'Their_Field__c'), 'Their_Field__c', "a customer's field keeps its name");
        const record = toApiRecord(installed, { Id: 'a0W1', Fields__c: 'Name' });
        assert.deepEqual(record, { Id: 'a0W1', [`${NS}__Fields__c`]: 'Name' });
        assert.deepEqual(fromApiRecord(installed, record), { Id: 'a0W1', Fields__c: 'Name' });
    });
});

describe("The package's Apex run with the org's namespace", () => {
    const org = new EmulatedOrg('http://127.0.0.1:9');
    const apex = new OrgApex(org);
    after(() => apex.close());

    /** What the package's Apex names, printed by anonymous Apex (run in the package's namespace, as in its own org). */
    const namesFromApex = (): Promise<string[]> =>
        runAnonymousApex(
            apex,
            [
                'System.debug(WebexNamespace.prefix());',
                "System.debug(WebexNamespace.qualify('webexsfdcauth'));",
                "System.debug(WebexNamespace.stateKey('webexSfAuth'));",
                'System.debug(WebexCallLogTab__c.SObjectType.getDescribe().getName());',
                'System.debug(WebexCallLogTab__c.Fields__c.getDescribe().getName());'
            ].join('\n')
        );

    it('runs unpackaged by default: the Apex names what the workbench names, without a prefix', async () => {
        org.useNamespace('');
        assert.deepEqual(await namesFromApex(), [
            '',
            qualify(org, 'webexsfdcauth'),
            stateKey(org, 'webexSfAuth'),
            apiName(org, 'WebexCallLogTab__c'),
            apiName(org, 'Fields__c')
        ]);
    });

    it("switched to the package's namespace, runs the Apex installed with it: WebexNamespace reads the prefix and describes give the package's names as namespace.ts does", async () => {
        org.useNamespace(NS);
        assert.deepEqual(await namesFromApex(), [
            NS,
            qualify(org, 'webexsfdcauth'),
            stateKey(org, 'webexSfAuth'),
            apiName(org, 'WebexCallLogTab__c'),
            apiName(org, 'Fields__c')
        ]);
        assert.equal(qualify(org, 'webexsfdcauth'), `${NS}__webexsfdcauth`);
        assert.equal(apiName(org, 'Fields__c'), `${NS}__Fields__c`);
    });

    it("keeps the package's rows under their installed names, as JSON.serialize gives them to a subscriber's anonymous Apex, and drops them with the namespace (the worker starts again from an empty org)", async () => {
        org.useNamespace(NS);
        const [json] = await runAnonymousApex(
            apex,
            `insert new ${NS}__WebexCallLogTab__c(${NS}__ObjectApiName__c = 'Case', ${NS}__AccountField__c = 'AccountId', ${NS}__Fields__c = 'Subject');
            System.debug(JSON.serialize([SELECT ${NS}__ObjectApiName__c, ${NS}__Fields__c FROM ${NS}__WebexCallLogTab__c]));`
        );
        const [row] = JSON.parse(json ?? '[]') as Array<Record<string, unknown>>;
        assert.equal((row?.attributes as { type: string }).type, `${NS}__WebexCallLogTab__c`);
        assert.equal(row?.[`${NS}__Fields__c`], 'Subject');
        assert.equal(row?.Fields__c, undefined, 'never the source name');
        org.useNamespace('');
        assert.deepEqual(await runAnonymousApex(apex, 'System.debug([SELECT COUNT() FROM WebexCallLogTab__c]);'), [
            '0'
        ]);
    });
});
