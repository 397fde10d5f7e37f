import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { dmlInsert, type DmlContext } from '../../src/data/dml.ts';
import { loadSchema } from '../../src/data/load-schema.ts';
import { OrgFeatures } from '../../src/data/org-features.ts';
import { labelFor } from '../../src/data/schema.ts';
import { projectOrgFeatures, readScratchDefinition } from '../../src/data/scratch-definition.ts';
import { SObject } from '../../src/data/sobject.ts';
import { fixtureSchema, fixtureStore } from './helpers.ts';

const has = (features: string[], object: string, field: string): boolean =>
    loadSchema(undefined, { features }).describe(object)?.fields.has(field.toLowerCase()) ?? false;

test('An org without multi-currency has no CurrencyIsoCode and no CurrencyType object; with MultiCurrency it has both (Object Reference › CurrencyIsoCode: "Available only for organizations with the multicurrency feature enabled"; CurrencyType: "not available in single-currency organizations")', () => {
    assert.equal(has([], 'Contact', 'CurrencyIsoCode'), false);
    assert.equal(has([], 'Opportunity', 'CurrencyIsoCode'), false);
    assert.equal(loadSchema().describe('CurrencyType'), undefined);
    assert.ok(!loadSchema().names().includes('CurrencyType'), 'not a key of the global describe');
    assert.equal(has(['MultiCurrency'], 'Contact', 'CurrencyIsoCode'), true);
    assert.ok(
        loadSchema(undefined, { features: ['multicurrency'] }).describe('CurrencyType'),
        'feature names ignore case'
    );
});

test('Division fields exist only with divisions; User.Division and Organization.Division are text fields every org has (Object Reference › Division: "Available only if the organization has the Division permission enabled"; DefaultDivision on User and Group, "named Division in objects other than User and Group")', () => {
    assert.equal(has([], 'Contact', 'Division'), false);
    assert.equal(has([], 'Lead', 'Division'), false);
    assert.equal(has([], 'User', 'DefaultDivision'), false);
    assert.equal(has([], 'User', 'Division'), true);
    assert.equal(has([], 'Organization', 'Division'), true);
    assert.equal(loadSchema().describe('Division'), undefined);
    assert.equal(has(['Divisions'], 'Contact', 'Division'), true);
    assert.equal(has(['Divisions'], 'User', 'DefaultDivision'), true);
});

test('Person-account fields exist only with person accounts: Contact.IsPersonAccount, Account.IsPersonAccount, PersonContactId, Person* and the name fields (SOAP API Developer Guide › Person Account Record Types; Object Reference › Account › IsPersonAccount fields)', () => {
    for (const [object, field] of [
        ['Contact', 'IsPersonAccount'],
        ['Account', 'IsPersonAccount'],
        ['Account', 'PersonContactId'],
        ['Account', 'PersonEmail'],
        ['Account', 'FirstName'],
        ['Account', 'LastName']
    ]) {
        assert.equal(has([], object, field), false, `${object}.${field} without person accounts`);
        assert.equal(has(['PersonAccounts'], object, field), true, `${object}.${field} with person accounts`);
    }
    assert.equal(has([], 'Account', 'Name'), true, 'business-account fields stay');
    assert.equal(has([], 'Contact', 'FirstName'), true, 'Contact keeps its own name fields');
    const account = loadSchema().require('Account');
    assert.equal(
        [...account.fields.values()].some((f) => f.relationshipName === 'PersonContact'),
        false,
        'the PersonContact relationship goes with its field'
    );
});

test('A project object extends a standard object of its own registry only: two schemas with different features do not share describes (Object Reference: an org describes its own objects)', () => {
    const plain = loadSchema();
    const person = loadSchema(undefined, { features: ['PersonAccounts'] });
    assert.notEqual(plain.require('Contact'), person.require('Contact'));
    assert.equal(plain.require('Contact').fields.has('ispersonaccount'), false);
    assert.equal(person.require('Contact').fields.has('ispersonaccount'), true);
});

function tempProject(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'apex-runtime-features-'));
    for (const [name, text] of Object.entries(files)) {
        mkdirSync(join(dir, name, '..'), { recursive: true });
        writeFileSync(join(dir, name), text);
    }
    return dir;
}

test('A scratch-org definition\'s features are read case-insensitively, as an array or a `;` list, quantities dropped; currencySettings.enableMultiCurrency turns on MultiCurrency (Salesforce DX Developer Guide › Scratch Org Features: "Features aren\'t case-sensitive"; Metadata API › CurrencySettings)', () => {
    const dir = tempProject({
        'a.json': JSON.stringify({ edition: 'Enterprise', features: ['personaccounts', 'MaxApexCodeSize:10'] }),
        'b.json': JSON.stringify({ edition: 'Enterprise', features: 'MultiCurrency;AuthorApex' }),
        'c.json': JSON.stringify({
            edition: 'Enterprise',
            settings: { currencySettings: { enableMultiCurrency: true } }
        })
    });
    const a = readScratchDefinition(join(dir, 'a.json'));
    assert.ok(a.has('PersonAccounts'));
    assert.ok(a.has('MaxApexCodeSize'));
    assert.ok(!a.has('MultiCurrency'));
    assert.ok(readScratchDefinition(join(dir, 'b.json')).has('multicurrency'));
    assert.ok(readScratchDefinition(join(dir, 'c.json')).has('MultiCurrency'));
});

test('The org a project describes is the definitionFile of its sfdx-project.json; without one, an org with no add-on feature (Salesforce DX Developer Guide › Project Configuration File: definitionFile; Scratch Org Features are add-on features)', () => {
    const dir = tempProject({
        'sfdx-project.json': JSON.stringify({
            packageDirectories: [{ path: 'force-app', default: true, definitionFile: 'config/def.json' }]
        }),
        'config/def.json': JSON.stringify({ edition: 'Developer', features: ['PersonAccounts'] })
    });
    assert.deepEqual(projectOrgFeatures(dir).names(), ['personaccounts']);
    assert.deepEqual(projectOrgFeatures(tempProject({ 'x.txt': '' })).names(), []);
    assert.deepEqual(new OrgFeatures().names(), []);
});

test('Field labels and object labels of the Salesforce Field Reference: Contact.AssistantPhone "Asst. Phone", Contact.Phone "Business Phone", Case.AccountId and Opportunity.AccountId "Account ID", Task.Subject "Subject", Opportunity/Opportunities (Salesforce Field Reference Guide; Object Reference › Opportunity)', () => {
    const s = fixtureSchema();
    const label = (o: string, f: string) => labelFor(s.require(o).fields.get(f.toLowerCase())!.label, 'en_US');
    assert.equal(label('Contact', 'AssistantPhone'), 'Asst. Phone');
    assert.equal(label('Contact', 'Phone'), 'Business Phone');
    assert.equal(label('Case', 'AccountId'), 'Account ID');
    assert.equal(label('Opportunity', 'AccountId'), 'Account ID');
    assert.equal(label('Task', 'Subject'), 'Subject');
    assert.equal(labelFor(s.require('Opportunity').label, 'en_US'), 'Opportunity');
    assert.equal(labelFor(s.require('Opportunity').labelPlural, 'en_US'), 'Opportunities');
});

test('Task.Status is a createable, updateable picklist; Account.ChannelProgramLevelName is text of 255 (Object Reference › Task › Status "Create, Defaulted on create, … Update"; Salesforce Field Reference › Account)', () => {
    const s = fixtureSchema();
    const status = s.require('Task').fields.get('status')!;
    assert.equal(status.type, 'PICKLIST');
    assert.equal(status.createable, true);
    assert.equal(status.updateable, true);
    const level = s.require('Account').fields.get('channelprogramlevelname')!;
    assert.equal(level.type, 'STRING');
    assert.equal(level.length, 255);
});

test('A user inserted without IsActive is active (Object Reference › User › IsActive "Defaulted on create"; observed: a user created through the API is active unless IsActive is false, Salesforce Fact #955)', () => {
    const { store } = fixtureStore();
    const ctx: DmlContext = { store, limits: { count: () => undefined } };
    const profile = new SObject(fixtureSchema().require('Profile'));
    profile.put('Name', 'Standard User');
    dmlInsert(ctx, [profile]);
    const user = new SObject(fixtureSchema().require('User'));
    for (const [k, v] of Object.entries({
        LastName: 'Doe',
        Alias: 'jdoe',
        Email: 'jdoe@example.com',
        Username: 'jdoe@example.com.test',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US',
        LocaleSidKey: 'en_US',
        TimeZoneSidKey: 'GMT',
        ProfileId: profile.get('Id')
    }))
        user.put(k, v);
    dmlInsert(ctx, [user]);
    assert.equal(store.get(user.get('Id') as string)?.get('IsActive'), true);
});

test('Quotes: without it an org has no Quote, QuoteLineItem, QuoteDocument and no field that looks one up (Opportunity.SyncedQuoteId, Order.QuoteId, OrderItem.QuoteLineItemId), nor Account children of those objects; with it, all are there (Metadata API › QuoteSettings: enableQuote "When set to true, users can access Quotes"; observed in 36 recorded orgs, field-reference.json › sources.quotesRule)', () => {
    assert.equal(has([], 'Opportunity', 'SyncedQuoteId'), false);
    assert.equal(has([], 'Order', 'QuoteId'), false);
    assert.equal(has([], 'OrderItem', 'QuoteLineItemId'), false);
    assert.equal(has([], 'Opportunity', 'ContractId'), true, 'not a quote field');
    for (const o of ['Quote', 'QuoteLineItem', 'QuoteDocument', 'QuoteShare', 'QuoteFeed'])
        assert.equal(loadSchema().describe(o), undefined, o);
    assert.ok(loadSchema().describe('QuoteTemplateRichTextData'), 'recorded in orgs without quotes too');
    const children = loadSchema()
        .require('Account')
        .childRelationships.map((c) => c.childSObject);
    assert.ok(!children.includes('Quote'));
    assert.equal(has(['Quotes'], 'Opportunity', 'SyncedQuoteId'), true);
    assert.equal(has(['quotes'], 'Order', 'QuoteId'), true);
    assert.ok(loadSchema(undefined, { features: ['Quotes'] }).describe('QuoteLineItem'));
});

test('A scratch definition turns Quotes on with settings.quoteSettings.enableQuote (Salesforce DX Developer Guide › Scratch Org Settings: Metadata API settings, lower camel case)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scratch-def-'));
    const file = join(dir, 'def.json');
    writeFileSync(file, JSON.stringify({ edition: 'Enterprise', settings: { quoteSettings: { enableQuote: true } } }));
    assert.ok(readScratchDefinition(file).has('Quotes'));
    writeFileSync(file, JSON.stringify({ edition: 'Enterprise', settings: { quoteSettings: { enableQuote: false } } }));
    assert.ok(!readScratchDefinition(file).has('Quotes'));
});

test('User.DefaultCurrencyIsoCode exists only with multiple currencies (observed: absent from the 35 recorded single-currency orgs, present in the multi-currency one)', () => {
    assert.equal(has([], 'User', 'DefaultCurrencyIsoCode'), false);
    assert.equal(has(['MultiCurrency'], 'User', 'DefaultCurrencyIsoCode'), true);
});
