import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
    dmlDelete,
    dmlInsert,
    dmlUndelete,
    dmlUpdate,
    dmlUpsert,
    rollback,
    setSavepoint,
    type DmlContext,
    type DmlSignal,
    type TriggerHooks
} from '../../src/data/dml.ts';
import { SObject } from '../../src/data/sobject.ts';
import { ApexDatetime } from '../../src/values/temporal.ts';
import { fixtureStore, fixtureRecord as make } from './helpers.ts';

function context(triggers?: TriggerHooks): DmlContext & { counts: Record<string, number> } {
    const { store } = fixtureStore();
    const counts: Record<string, number> = {};
    return { store, triggers, counts, limits: { count: (k, n = 1) => void (counts[k] = (counts[k] ?? 0) + n) } };
}

const dmlError = (message: string) => (e: DmlSignal) => e.apexType === 'System.DmlException' && e.message === message;

test('insert sets the new Id on the Apex record and reports success; one DML statement and one row per record count against limits (Apex Developer Guide › Insert; Execution Governors and Limits)', () => {
    const ctx = context();
    const c = make('Contact', { LastName: 'Doe' });
    const [res] = dmlInsert(ctx, [c]);
    assert.equal(res.success, true);
    assert.equal(res.id, c.get('Id'));
    assert.ok((c.get('Id') as string).startsWith('003'));
    assert.equal(c.has('CreatedDate'), false, 'only the Id is copied back to the record');
    assert.deepEqual(ctx.counts, { dmlStatements: 1, dmlRows: 1 });
});

test('A missing required field fails with REQUIRED_FIELD_MISSING and the DmlException "Insert failed. First exception on row 0; first error: …" (Apex Developer Guide › DmlException; SOAP API › StatusCode)', () => {
    const ctx = context();
    assert.throws(
        () => dmlInsert(ctx, [make('Contact', { FirstName: 'Jo' })]),
        dmlError(
            'Insert failed. First exception on row 0; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]'
        )
    );
    assert.equal(ctx.store.count('Contact'), 0);
});

test('allOrNone: one failed row rolls back the whole statement; Database.insert(records, false) saves the others and reports per-row errors (Apex Reference Guide › Database Class › insert(recordsToInsert, allOrNone))', () => {
    const ctx = context();
    const ok = make('Contact', { LastName: 'A' });
    const bad = make('Contact', {});
    assert.throws(
        () => dmlInsert(ctx, [ok, bad]),
        dmlError(
            'Insert failed. First exception on row 1; first error: REQUIRED_FIELD_MISSING, Required fields are missing: [LastName]: [LastName]'
        )
    );
    assert.equal(ctx.store.count('Contact'), 0);
    assert.equal(ok.get('Id'), null, 'a rolled-back insert leaves no Id');
    const ok2 = make('Contact', { LastName: 'A' });
    const results = dmlInsert(ctx, [ok2, make('Contact', {})], false);
    assert.equal(results[0].success, true);
    assert.equal(results[1].success, false);
    assert.equal(results[1].id, null);
    assert.deepEqual(results[1].errors, [
        {
            statusCode: 'REQUIRED_FIELD_MISSING',
            message: 'Required fields are missing: [LastName]',
            fields: ['LastName']
        }
    ]);
    assert.equal(ctx.store.count('Contact'), 1);
});

test('A text value longer than the field length fails with STRING_TOO_LONG "<label>: data value too large: <value> (max length=<n>)" (SOAP API › StatusCode STRING_TOO_LONG; message as orgs print it)', () => {
    const ctx = context();
    assert.throws(
        () => dmlInsert(ctx, [make('Widget__c', { Code__c: 'ABCDEFGHIJK' })]),
        dmlError(
            'Insert failed. First exception on row 0; first error: STRING_TOO_LONG, Code: data value too large: ABCDEFGHIJK (max length=10): [Code__c]'
        )
    );
});

test('A unique field refuses a value another record has, case-insensitively unless case-sensitive: DUPLICATE_VALUE (Salesforce Help › Custom Field Attributes › Unique; SOAP API › StatusCode)', () => {
    const ctx = context();
    const [first] = dmlInsert(ctx, [make('Widget__c', { Code__c: 'abc' })]);
    assert.throws(
        () => dmlInsert(ctx, [make('Widget__c', { Code__c: 'ABC' })]),
        dmlError(
            `Insert failed. First exception on row 0; first error: DUPLICATE_VALUE, duplicate value found: Code__c duplicates value on record with id: ${first.id}: []`
        )
    );
    const res = dmlInsert(ctx, [make('Widget__c', { Code__c: 'x1' }), make('Widget__c', { Code__c: 'X1' })], false);
    assert.equal(res[0].success, true);
    assert.equal(res[1].errors[0].statusCode, 'DUPLICATE_VALUE', 'duplicates within one statement fail too');
});

test('Inserting a record that already has an Id fails: INVALID_FIELD_FOR_INSERT_UPDATE "cannot specify Id in an insert call" (Apex Developer Guide › Insert; message as orgs print it)', () => {
    const ctx = context();
    const c = make('Contact', { LastName: 'A' });
    dmlInsert(ctx, [c]);
    assert.throws(
        () => dmlInsert(ctx, [c]),
        dmlError(
            'Insert failed. First exception on row 0; first error: INVALID_FIELD_FOR_INSERT_UPDATE, cannot specify Id in an insert call: [Id]'
        )
    );
});

test('update needs an Id (MISSING_ARGUMENT "Id not specified in an update call") and a live record (ENTITY_IS_DELETED) (Apex Developer Guide › Update; SOAP API › StatusCode)', () => {
    const ctx = context();
    assert.throws(
        () => dmlUpdate(ctx, [make('Contact', { LastName: 'A' })]),
        dmlError(
            'Update failed. First exception on row 0; first error: MISSING_ARGUMENT, Id not specified in an update call: []'
        )
    );
    const c = make('Contact', { LastName: 'A' });
    dmlInsert(ctx, [c]);
    dmlDelete(ctx, [c]);
    assert.throws(
        () => dmlUpdate(ctx, [c]),
        dmlError(
            `Update failed. First exception on row 0 with id ${c.id}; first error: ENTITY_IS_DELETED, entity is deleted: []`
        )
    );
});

test('update writes the set fields and recomputes the compound Name (Object Reference › Contact › Name: concatenation of FirstName … LastName)', () => {
    const ctx = context();
    const c = make('Contact', { FirstName: 'Jo', LastName: 'Doe' });
    dmlInsert(ctx, [c]);
    assert.equal(ctx.store.get(c.id!)!.get('Name'), 'Jo Doe');
    const u = new SObject(c.describe);
    u.setRaw('Id', c.id);
    u.put('LastName', 'Roe');
    dmlUpdate(ctx, [u]);
    const row = ctx.store.get(c.id!)!;
    assert.equal(row.get('LastName'), 'Roe');
    assert.equal(row.get('FirstName'), 'Jo');
    assert.equal(row.get('Name'), 'Jo Roe');
});

test('Writing a read-only field fails with INVALID_FIELD_FOR_INSERT_UPDATE "Unable to create/update fields: …" (Object Reference › System Fields are read-only; message as orgs print it)', () => {
    const ctx = context();
    const c = make('Contact', { LastName: 'A', CreatedDate: new ApexDatetime(0) });
    assert.throws(
        () => dmlInsert(ctx, [c]),
        dmlError(
            'Insert failed. First exception on row 0; first error: INVALID_FIELD_FOR_INSERT_UPDATE, Unable to create/update fields: CreatedDate. Please check the security settings of this field and verify that it is read/write for your profile or permission set.: [CreatedDate]'
        )
    );
});

test('On insert, checkboxes default to false or their metadata default, and auto-number fields get the next number in their display format (Metadata API › CustomField › defaultValue, displayFormat)', () => {
    const ctx = context();
    const a = make('Widget__c', { Code__c: 'a' });
    const b = make('Widget__c', { Code__c: 'b', Active__c: false });
    dmlInsert(ctx, [a, b]);
    assert.equal(ctx.store.get(a.id!)!.get('Active__c'), true);
    assert.equal(ctx.store.get(b.id!)!.get('Active__c'), false);
    assert.equal(ctx.store.get(a.id!)!.get('Serial__c'), 'W-0001');
    assert.equal(ctx.store.get(b.id!)!.get('Serial__c'), 'W-0002');
    assert.equal(ctx.store.get(a.id!)!.get('Name'), null);
});

test('A lookup must point at an existing record of the referenced object: FIELD_INTEGRITY_EXCEPTION for another object, INVALID_CROSS_REFERENCE_KEY for a missing record (SOAP API › StatusCode)', () => {
    const ctx = context();
    const acc = make('Account', { Name: 'Acme' });
    dmlInsert(ctx, [acc]);
    const wrong = make('Widget__c', { Code__c: 'w', Contact__c: acc.id });
    const r1 = dmlInsert(ctx, [wrong], false)[0];
    assert.deepEqual(r1.errors[0], {
        statusCode: 'FIELD_INTEGRITY_EXCEPTION',
        message: `Contact: id value of incorrect type: ${acc.id}`,
        fields: ['Contact__c']
    });
    const missing = make('Widget__c', { Code__c: 'm', Contact__c: '003000000000009AAA' });
    assert.equal(dmlInsert(ctx, [missing], false)[0].errors[0].statusCode, 'INVALID_CROSS_REFERENCE_KEY');
});

test('Triggers run before and after the save: before-insert changes are saved, after-insert sees the Id and its records are read-only (Apex Developer Guide › Triggers; Trigger Context Variables; Triggers and Order of Execution)', () => {
    const calls: string[] = [];
    const hooks: TriggerHooks = {
        fire(object, timing, operation, newList) {
            calls.push(`${timing} ${operation} ${object} ${newList?.length}`);
            if (timing === 'before') for (const r of newList!) r.put('Title', 'Set by trigger');
            if (timing === 'after') {
                assert.ok(newList![0].id);
                assert.throws(
                    () => newList![0].put('Title', 'x'),
                    (e: Error & { apexType?: string }) =>
                        e.apexType === 'System.FinalException' && e.message === 'Record is read-only'
                );
            }
        }
    };
    const ctx = context(hooks);
    const c = make('Contact', { LastName: 'A' });
    dmlInsert(ctx, [c]);
    assert.deepEqual(calls, ['before insert Contact 1', 'after insert Contact 1']);
    assert.equal(ctx.store.get(c.id!)!.get('Title'), 'Set by trigger');
});

test('addError in a trigger fails the row: FIELD_CUSTOM_VALIDATION_EXCEPTION with the message (Apex Reference Guide › SObject Class › addError; Triggers and Trigger Exceptions)', () => {
    const hooks: TriggerHooks = {
        fire(_o, timing, operation, newList, oldList) {
            if (timing === 'before' && operation === 'insert') newList![0].addError('No thanks');
            if (timing === 'before' && operation === 'delete') oldList![0].addError('Keep me');
        }
    };
    const ctx = context(hooks);
    assert.throws(
        () => dmlInsert(ctx, [make('Contact', { LastName: 'A' })]),
        dmlError(
            'Insert failed. First exception on row 0; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, No thanks: []'
        )
    );
    const plain = context();
    const c = make('Contact', { LastName: 'A' });
    dmlInsert(plain, [c]);
    const withHooks: DmlContext = { store: plain.store, triggers: hooks };
    assert.throws(
        () => dmlDelete(withHooks, [c]),
        dmlError(
            `Delete failed. First exception on row 0 with id ${c.id}; first error: FIELD_CUSTOM_VALIDATION_EXCEPTION, Keep me: []`
        )
    );
    assert.equal(plain.store.count('Contact'), 1);
});

test('upsert by external id updates the matching record and inserts the others, UpsertResult.isCreated telling which (Apex Developer Guide › Upserting Records)', () => {
    const ctx = context();
    const existing = make('Widget__c', { Code__c: 'K1', Name: 'old' });
    dmlInsert(ctx, [existing]);
    const again = make('Widget__c', { Code__c: 'k1', Name: 'new' });
    const fresh = make('Widget__c', { Code__c: 'K2' });
    const res = dmlUpsert(ctx, [again, fresh], 'Code__c');
    assert.deepEqual(
        res.map((r) => [r.success, r.created]),
        [
            [true, false],
            [true, true]
        ]
    );
    assert.equal(again.id, existing.id);
    assert.equal(ctx.store.get(existing.id!)!.get('Name'), 'new');
    assert.equal(ctx.store.count('Widget__c'), 2);
    assert.equal(ctx.counts.dmlStatements, 2, 'the upsert is one DML statement');
});

test('delete moves records to the Recycle Bin and undelete restores them; deleting twice is ENTITY_IS_DELETED, undeleting a live record UNDELETE_FAILED (Apex Developer Guide › Deleting and Undeleting Records)', () => {
    const ctx = context();
    const c = make('Contact', { LastName: 'A' });
    dmlInsert(ctx, [c]);
    assert.equal(dmlDelete(ctx, [c.id!])[0].success, true);
    assert.equal(ctx.store.count('Contact'), 0);
    assert.equal(dmlDelete(ctx, [c], false)[0].errors[0].statusCode, 'ENTITY_IS_DELETED');
    assert.equal(dmlUndelete(ctx, [c])[0].success, true);
    assert.equal(ctx.store.count('Contact'), 1);
    assert.deepEqual(dmlUndelete(ctx, [c], false)[0].errors[0], {
        statusCode: 'UNDELETE_FAILED',
        message: 'Entity is not in the recycle bin',
        fields: []
    });
});

test('A list with the same Id twice is refused: ListException "Duplicate id in list" (behaviour observed in orgs)', () => {
    const ctx = context();
    const c = make('Contact', { LastName: 'A' });
    dmlInsert(ctx, [c]);
    assert.throws(
        () => dmlUpdate(ctx, [c, c]),
        (e: Error & { apexType?: string }) =>
            e.apexType === 'System.ListException' && e.message === `Duplicate id in list: ${c.id}`
    );
});

test('setSavepoint and rollback each count as a DML statement (Apex Developer Guide › Transaction Control)', () => {
    const ctx = context();
    const sp = setSavepoint(ctx);
    dmlInsert(ctx, [make('Contact', { LastName: 'A' })]);
    rollback(ctx, sp);
    assert.equal(ctx.store.count('Contact'), 0);
    assert.equal(ctx.counts.dmlStatements, 3);
});

test('The 151st DML statement of a transaction throws LimitException "Too many DML statements: 151" (Apex Developer Guide › Execution Governors and Limits: 150 DML statements)', async () => {
    const { Limits } = await import('../../src/interpreter/limits.ts');
    const { store } = fixtureStore();
    const ctx: DmlContext = { store, limits: new Limits() };
    for (let i = 0; i < 150; i++) dmlInsert(ctx, [make('Contact', { LastName: `C${i}` })]);
    assert.throws(
        () => dmlInsert(ctx, [make('Contact', { LastName: 'one too many' })]),
        (e: Error & { apexType?: string }) =>
            e.apexType === 'System.LimitException' && e.message === 'Too many DML statements: 151'
    );
});
