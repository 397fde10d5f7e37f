/**
 * The emulated org runs the package unpackaged by default and, switched to the package's namespace, names
 * what the Apex names through WebexNamespace as an installed org does (docs/namespace.md).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { authorizationStatus, outcomeParameter, redirectUri, returnUrl } from './apex/salesforce-auth.ts';
import { callLogTabs } from './apex/calling-settings.ts';
import { integrationStatus, userRedirectUri } from './apex/user-integration.ts';
import { PACKAGE_NAMESPACE, apiName, fromApiRecord, qualify, stateKey, toApiRecord } from './namespace.ts';
import { EmulatedOrg } from './org-state.ts';

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

    it('sends Salesforce and Webex back to the namespaced pages, and the tab its namespaced state key', () => {
        const org = orgWith(NS);
        assert.equal(redirectUri(org), `https://acme.my.salesforce.com/apex/${NS}__webexsfdcauth`);
        assert.deepEqual(authorizationStatus(org).callbackUrls, [
            'https://acme.my.salesforce.com/apex/webexsfdcauth',
            `https://acme.my.salesforce.com/apex/${NS}__webexsfdcauth`
        ]);
        assert.equal(outcomeParameter(org), `${NS}__webexSfAuth`);
        assert.match(
            returnUrl(org, 'authorized'),
            new RegExp(`#/n/${NS}__Webex_Admin\\?${NS}__webexSfAuth=authorized$`)
        );
        assert.equal(userRedirectUri(org), `https://acme.my.salesforce.com/apex/${NS}__webexuserauth`);
        assert.deepEqual(integrationStatus(org).redirectUris, [
            'https://acme.my.salesforce.com/apex/webexuserauth',
            `https://acme.my.salesforce.com/apex/${NS}__webexuserauth`
        ]);
        const plain = orgWith('');
        assert.equal(redirectUri(plain), 'https://acme.my.salesforce.com/apex/webexsfdcauth');
        assert.match(returnUrl(plain, 'authorized'), /#\/n\/Webex_Admin\?c__webexSfAuth=authorized$/);
    });

    it('stores a More info tab with the namespaced field names, reads it by the source names, and keeps the namespace across a reset', () => {
        const org = orgWith(NS);
        org.calling.saveCallLogTab({ id: null, objectApiName: 'Case', accountField: 'AccountId', fields: ['Subject'] });
        assert.equal(org.calling.callLogTabs[0][`${NS}__ObjectApiName__c`], 'Case');
        assert.equal(org.calling.callLogTabs[0].ObjectApiName__c, undefined);
        assert.deepEqual(callLogTabs(org)[0].fields, ['Subject']);
        org.reset();
        assert.equal(org.namespace, NS, 'a reset keeps the namespace');
        assert.deepEqual(callLogTabs(org), []);
    });
});
