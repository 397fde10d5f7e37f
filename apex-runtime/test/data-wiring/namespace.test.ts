/**
 * A package run as installed with its namespace (`projectNamespace`: `loadProjectOrg(..., { namespace })`): its
 * objects, fields and classes take the prefix, and its own code still names them without it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { FIXTURE_PROJECT, T0 } from '../data/helpers.ts';
import { units } from '../testing/helpers.ts';
import { dataNatives, wireDataLayer } from '../../src/interpreter/data/wire.ts';
import { installOrgContext } from '../../src/interpreter/natives/org-context.ts';
import { createTestOrg } from '../../src/testing/org.ts';
import { loadProjectOrg, type ProjectOrg } from '../../src/testing/project-org.ts';
import { buildTestInterpreter, runTests, type TestRunResult } from '../../src/testing/runner.ts';
import { isUnqualifiedCustomName, qualifyCustomName, unqualifiedName } from '../../src/data/namespace.ts';
import { allPassed, runInOrg } from './helpers.ts';

const NS = 'acme';
let installed: ProjectOrg | undefined;

/** The fixture project installed with the namespace `acme`, loaded once. */
function installedProject(): ProjectOrg {
    installed ??= loadProjectOrg([join(FIXTURE_PROJECT, 'objects')], [join(FIXTURE_PROJECT, 'objectTranslations')], {
        namespace: NS
    });
    return installed;
}

/** Runs the tests of `sources`, classes of the package installed with `acme`, in a fresh test org. */
function runInstalled(sources: Record<string, string>): TestRunResult {
    const p = installedProject();
    const clock = (): number => T0;
    const org = createTestOrg({ schema: p.schema, meta: p.meta, clock, publishBehavior: p.publishBehavior });
    const u = units(sources);
    const it = buildTestInterpreter({ units: u, schema: p.schema, data: org.layer, natives: dataNatives(), clock });
    wireDataLayer(it, org.layer);
    installOrgContext(it, org.orgContext);
    return runTests({ units: u, interpreter: it, store: org.store, identity: org.identity, coverage: false });
}

test('Custom names take the namespace as namespace_prefix__obj_or_field_name__c; standard and qualified names keep theirs (Apex Developer Guide › Namespace Prefix)', () => {
    assert.equal(qualifyCustomName(NS, 'Widget__c'), 'acme__Widget__c');
    assert.equal(qualifyCustomName(NS, 'Widgets__r'), 'acme__Widgets__r');
    assert.equal(qualifyCustomName(NS, 'Ping__e'), 'acme__Ping__e');
    assert.equal(qualifyCustomName(NS, 'Contact'), 'Contact');
    assert.equal(qualifyCustomName(NS, 'other__Thing__c'), 'other__Thing__c');
    assert.equal(qualifyCustomName('', 'Widget__c'), 'Widget__c');
    assert.equal(unqualifiedName(NS, 'acme__Count__c'), 'Count__c');
    assert.equal(unqualifiedName(NS, 'other__Count__c'), 'other__Count__c');
    assert.ok(isUnqualifiedCustomName('Count__c'));
    assert.ok(!isUnqualifiedCustomName('acme__Count__c'));
});

test('Every component of the installed package has the namespace prefixed to its API name: objects, fields on its objects and on standard ones, relationships (Salesforce DX Developer Guide › Namespaces for Second-Generation Managed Packages)', () => {
    const { schema } = installedProject();
    const widget = schema.describe('acme__Widget__c');
    assert.equal(widget?.name, 'acme__Widget__c');
    assert.equal(schema.field('acme__Widget__c', 'acme__Count__c')?.name, 'acme__Count__c');
    assert.equal(schema.field('acme__Widget__c', 'acme__Contact__c')?.relationshipName, 'acme__Contact__r');
    assert.equal(schema.field('Contact', 'acme__Extra__c')?.name, 'acme__Extra__c');
    const widgets = schema.describe('Contact')?.childRelationships.find((c) => c.childSObject === 'acme__Widget__c');
    assert.deepEqual(widgets, {
        childSObject: 'acme__Widget__c',
        field: 'acme__Contact__c',
        relationshipName: 'acme__Widgets__r'
    });
    assert.equal(schema.describe('acme__Ping__e')?.name, 'acme__Ping__e', 'a platform event');
    assert.equal(schema.describe('acme__Setting__c')?.customSettingsType, 'Hierarchy', 'a custom setting');
    assert.ok(schema.names().includes('acme__Widget__c'));
    assert.ok(!schema.names().includes('Widget__c'));
});

test('The package’s code names its objects and fields without the prefix, in Apex, SOQL and dynamic SOQL: "a stored class must refer to custom object and field names directly" (Apex Developer Guide › Namespace Prefix)', () => {
    const r = runInstalled({
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Contact c = new Contact(LastName = 'Ada', Extra__c = 'x');
            insert c;
            Widget__c w = new Widget__c(Name = 'W', Code__c = 'W-1', Count__c = 2, Contact__c = c.Id);
            insert w;
            Widget__c read = [SELECT Count__c, Contact__r.LastName FROM Widget__c WHERE Count__c = 2];
            Assert.areEqual(2, read.Count__c);
            Assert.areEqual('Ada', read.Contact__r.LastName);
            List<SObject> rows = Database.query('SELECT Count__c FROM Widget__c');
            Assert.areEqual(2, rows[0].get('Count__c'));
            Assert.areEqual(1, [SELECT Id, (SELECT Id FROM Widgets__r) FROM Contact][0].Widgets__r.size());
            Assert.areEqual('x', [SELECT Extra__c FROM Contact].Extra__c);
            Assert.areEqual('Count__c', Widget__c.Count__c.getDescribe().getLocalName());
            Assert.areEqual(Widget__c.Count__c, Schema.SObjectType.Widget__c.fields.Count__c.getSObjectField());
        } }`
    });
    assert.ok(allPassed(r));
});

test('Describes, JSON and populated fields give the installed names: getName() is the full API name, prefix included (Apex Reference Guide › DescribeSObjectResult getName, getLocalName)', () => {
    const r = runInstalled({
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Assert.areEqual('acme__Widget__c', Widget__c.SObjectType.getDescribe().getName());
            Assert.areEqual('Widget__c', Widget__c.SObjectType.getDescribe().getLocalName());
            Assert.areEqual('acme__Count__c', Widget__c.Count__c.getDescribe().getName());
            insert new Widget__c(Name = 'W', Code__c = 'W-1', Count__c = 2);
            Widget__c w = [SELECT Name, Count__c FROM Widget__c];
            Map<String, Object> body = (Map<String, Object>) JSON.deserializeUntyped(JSON.serialize(w));
            Assert.areEqual(2, body.get('acme__Count__c'));
            Assert.isFalse(body.containsKey('Count__c'));
            Assert.areEqual('acme__Widget__c', ((Map<String, Object>) body.get('attributes')).get('type'));
            Assert.isTrue(w.getPopulatedFieldsAsMap().containsKey('acme__Count__c'));
            Widget__c back = (Widget__c) JSON.deserialize('{"Count__c": 3}', Widget__c.class);
            Assert.areEqual(3, back.Count__c);
        } }`
    });
    assert.ok(allPassed(r));
});

test('Schema.getGlobalDescribe() keys are "always prefixed with the namespace, if any, of the code in which it is running" (Apex Developer Guide › Accessing All sObjects); fields.getMap() keys are prefixed "even if the namespace is that of currently executing code" (Namespace Prefix › Versioned Behavior Changes)', () => {
    const r = runInstalled({
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Map<String, Schema.SObjectType> all = Schema.getGlobalDescribe();
            Assert.areEqual(Widget__c.SObjectType, all.get('acme__Widget__c'));
            Assert.isNull(all.get('Widget__c'));
            Map<String, Schema.SObjectField> fields = Widget__c.SObjectType.getDescribe().fields.getMap();
            Assert.areEqual(Widget__c.Count__c, fields.get('acme__Count__c'));
            Assert.isNull(fields.get('Count__c'));
        } }`
    });
    assert.ok(allPassed(r));
});

test('A class of the package is namespace.Class: Type.getName() gives the prefix, and namespace_prefix.class.method(args) invokes it (Apex Developer Guide › Namespace Prefix › Using Namespaces When Invoking Methods)', () => {
    const r = runInstalled({
        'Names.cls': `public class Names {
            public static String prefix() { return Names.class.getName().substringBefore('.'); }
            public class Inner {}
        }`,
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Assert.areEqual('acme.Names', Names.class.getName());
            Assert.areEqual('acme.Names.Inner', Names.Inner.class.getName());
            Assert.areEqual('acme', acme.Names.prefix());
            Assert.areEqual(Names.class, Type.forName('acme.Names'));
            Assert.areEqual('String', String.class.getName());
            Assert.areEqual('acme__Widget__c', Widget__c.class.getName());
        } }`
    });
    assert.ok(allPassed(r));
});

test('Deployed without a namespace the names are the source’s (the default: the project’s tests run unpackaged)', () => {
    const r = runInOrg({
        'Names.cls': `public class Names {}`,
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Assert.areEqual('Names', Names.class.getName());
            Assert.areEqual('Widget__c', Widget__c.SObjectType.getDescribe().getName());
            Assert.areEqual('Count__c', Widget__c.Count__c.getDescribe().getName());
        } }`
    });
    assert.ok(allPassed(r));
});

test('The package’s permission sets and custom permissions carry its NamespacePrefix ("The namespace prefix associated with this object", Object Reference › PermissionSet), and grant its fields by their installed names (Salesforce DX Developer Guide › Namespaces for 2GP)', () => {
    const r = runInstalled({
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            Assert.areEqual('acme', [SELECT NamespacePrefix FROM PermissionSet WHERE Name = 'Widget_User'].NamespacePrefix);
            Assert.areEqual('acme', [SELECT NamespacePrefix FROM CustomPermission WHERE DeveloperName = 'Widget_Admin'].NamespacePrefix);
        } }`
    });
    assert.ok(allPassed(r));
    const grants = installedProject().meta.permissionSets.get('widget_user');
    assert.ok(grants?.objects.has('acme__widget__c'));
    assert.ok(grants?.fields.has('acme__widget__c.acme__count__c'));
    assert.ok(grants?.fields.has('contact.acme__extra__c'));
});
