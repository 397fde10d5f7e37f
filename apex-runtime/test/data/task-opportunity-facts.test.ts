/**
 * Facts of Task and Opportunity fields the package's call log reads (createable, updateable, precision,
 * scale, labels), each from the source `standard-field-facts.json` / `field-reference.json` cite.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadSchema } from '../../src/data/load-schema.ts';
import { standardFacts } from '../../src/data/standard-objects-loader.ts';
import { fieldReferenceFile } from '../../src/data/field-reference.ts';

const field = (object: string, name: string) => loadSchema().require(object).fields.get(name.toLowerCase());

test("Object Reference › Task: TaskSubtype is createable, not updateable ('This field isn't updateable'); ActivityDate is 'Create, … Update'; OwnerId is createable, its update left unknown", () => {
    assert.equal(field('Task', 'TaskSubtype')?.createable, true);
    assert.equal(field('Task', 'TaskSubtype')?.updateable, false);
    assert.equal(field('Task', 'ActivityDate')?.createable, true);
    assert.equal(field('Task', 'ActivityDate')?.updateable, true);
    assert.equal(field('Task', 'OwnerId')?.createable, true);
    assert.equal(field('Task', 'OwnerId')?.updateable, undefined, 'no cited source says');
    assert.match(standardFacts().sources.taskCreateOnly, /isn't updateable/);
});

test('Field Reference › Opportunity: Probability is a percent of precision 3, scale 0; Amount a currency of precision 18, scale 2', () => {
    assert.equal(field('Opportunity', 'Probability')?.type, 'PERCENT');
    assert.equal(field('Opportunity', 'Probability')?.precision, 3);
    assert.equal(field('Opportunity', 'Probability')?.scale, 0);
    assert.equal(field('Opportunity', 'Amount')?.precision, 18);
    assert.equal(field('Opportunity', 'Amount')?.scale, 2);
});

test("Field Reference › Opportunity: ContractId is labelled 'Contract ID' (as the two recorded describes that list it)", () => {
    assert.equal(field('Opportunity', 'ContractId')?.label.default, 'Contract ID');
    assert.match(fieldReferenceFile().sources.observedContractIdLabel, /ContractId \| Contract ID/);
});

test("Observed describes: with Quotes on, Opportunity.SyncedQuoteId is labelled 'Quote ID' and looks up Quote (github.com/colleyLinds03334/Salesforce, the one recorded org with quotes)", () => {
    const f = loadSchema(undefined, { features: ['Quotes'] })
        .require('Opportunity')
        .fields.get('syncedquoteid');
    assert.equal(f?.label.default, 'Quote ID');
    assert.deepEqual(f?.referenceTo, ['Quote']);
});
