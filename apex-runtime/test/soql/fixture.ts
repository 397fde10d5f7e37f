/**
 * A small org for SOQL/SOSL tests: Account, Contact, Lead, Task, User (hand-written describes), the
 * real record store and the value library's Date/Datetime.
 */
import {
    newObjectDescribe,
    SchemaRegistry,
    type ApexFieldType,
    type DisplayType,
    type FieldDescribe,
    type SObjectDescribe
} from '../../src/data/schema.ts';
import { SObject } from '../../src/data/sobject.ts';
import { RecordStore } from '../../src/data/store.ts';
import type { QueryAccess, QueryContext } from '../../src/data/soql/source.ts';
import { apexTemporalValues as temporal } from '../../src/data/soql/temporal.ts';
import { ApexDatetime } from '../../src/values/temporal.ts';
import { storeQuerySource } from '../../src/data/soql/store-source.ts';

export { ApexDate as TestDate, ApexDatetime as TestDatetime } from '../../src/values/temporal.ts';

function field(name: string, apexType: ApexFieldType, extra: Partial<FieldDescribe> = {}): FieldDescribe {
    return {
        name,
        label: { default: name, byLanguage: {} },
        apexType,
        externalId: false,
        custom: name.endsWith('__c'),
        calculated: false,
        autoNumber: false,
        referenceTo: [],
        isNameField: false,
        picklistValues: [],
        system: false,
        ...extra
    };
}

function object(name: string, prefix: string, fields: FieldDescribe[]): SObjectDescribe {
    const d = newObjectDescribe(name, prefix, 'test fixture');
    const base = [
        field('Id', 'Id', { type: 'ID' as DisplayType, system: true }),
        field('IsDeleted', 'Boolean', { system: true }),
        field('CreatedDate', 'Datetime', { type: 'DATETIME', system: true }),
        field('CreatedById', 'Id', {
            type: 'REFERENCE',
            referenceTo: ['User'],
            relationshipName: 'CreatedBy',
            system: true
        }),
        field('LastModifiedDate', 'Datetime', { system: true }),
        field('LastModifiedById', 'Id', { system: true }),
        field('SystemModstamp', 'Datetime', { system: true })
    ];
    for (const f of [...base, ...fields]) d.fields.set(f.name.toLowerCase(), f);
    return d;
}

export function makeSchema(): SchemaRegistry {
    const user = object('User', '005', [
        field('Name', 'String', { isNameField: true }),
        field('Username', 'String'),
        field('TimeZoneSidKey', 'String')
    ]);
    const account = object('Account', '001', [
        field('Name', 'String', { type: 'STRING', isNameField: true }),
        field('Industry', 'String', { type: 'PICKLIST' }),
        field('AnnualRevenue', 'Decimal', { type: 'CURRENCY' }),
        field('NumberOfEmployees', 'Integer', { type: 'INTEGER' }),
        field('Tags__c', 'String', { type: 'MULTIPICKLIST' }),
        field('Code__c', 'String', { type: 'STRING', caseSensitive: true, unique: true }),
        field('OwnerId', 'Id', { type: 'REFERENCE', referenceTo: ['User'], relationshipName: 'Owner' }),
        field('Phone', 'String', { type: 'PHONE' })
    ]);
    const contact = object('Contact', '003', [
        field('LastName', 'String', { type: 'STRING' }),
        field('FirstName', 'String', { type: 'STRING' }),
        field('Name', 'String', { type: 'STRING', isNameField: true, calculated: true }),
        field('Email', 'String', { type: 'EMAIL' }),
        field('Phone', 'String', { type: 'PHONE' }),
        field('MobilePhone', 'String', { type: 'PHONE' }),
        field('Title', 'String', { type: 'STRING' }),
        field('Birthdate', 'Date', { type: 'DATE' }),
        field('AccountId', 'Id', { type: 'REFERENCE', referenceTo: ['Account'], relationshipName: 'Account' }),
        field('OwnerId', 'Id', { type: 'REFERENCE', referenceTo: ['User'], relationshipName: 'Owner' }),
        field('Secret__c', 'String', { type: 'STRING' })
    ]);
    const lead = object('Lead', '00Q', [
        field('LastName', 'String', { type: 'STRING' }),
        field('Name', 'String', { type: 'STRING', isNameField: true, calculated: true }),
        field('Company', 'String', { type: 'STRING' }),
        field('Phone', 'String', { type: 'PHONE' }),
        field('Email', 'String', { type: 'EMAIL' })
    ]);
    const task = object('Task', '00T', [
        field('Subject', 'String', { type: 'COMBOBOX' }),
        field('WhatId', 'Id', { type: 'REFERENCE', referenceTo: ['Account', 'Contact'], relationshipName: 'What' })
    ]);
    const schema = new SchemaRegistry([user, account, contact, lead, task]);
    account.childRelationships.push({ childSObject: 'Contact', field: 'AccountId', relationshipName: 'Contacts' });
    return schema;
}

/** 2024-03-15T12:00:00Z. */
export const NOW = Date.UTC(2024, 2, 15, 12, 0, 0);

export interface Org {
    store: RecordStore;
    userId: string;
    insert(type: string, values: Record<string, unknown>): SObject;
    ctx(
        overrides?: Partial<QueryContext>,
        binds?: Record<string, unknown>
    ): QueryContext & { counts: Record<string, number> };
}

export function makeOrg(): Org {
    const schema = makeSchema();
    let userId = '';
    const store = new RecordStore({
        schema,
        now: () => NOW,
        datetime: (ms) => new ApexDatetime(ms),
        currentUserId: () => userId
    });
    const insert = (type: string, values: Record<string, unknown>): SObject => {
        const rec = new SObject(schema.require(type));
        for (const [k, v] of Object.entries(values)) rec.setRaw(k, v);
        return store.insert(rec);
    };
    userId = store.ids.next('005');
    userId = insert('User', { Name: 'Ada Admin', Username: 'ada@example.com' }).id!;
    return {
        store,
        get userId() {
            return userId;
        },
        insert,
        ctx(overrides = {}, binds = {}) {
            const counts: Record<string, number> = {};
            return {
                source: storeQuerySource(store),
                resolveBind: (text: string) => {
                    if (!(text in binds)) throw new Error(`no bind ${text}`);
                    return binds[text];
                },
                elementsOf: (v: unknown) =>
                    Array.isArray(v) ? v : v instanceof Set ? [...(v as Set<unknown>)] : undefined,
                mode: 'system',
                user: { id: userId, timeZone: 'America/Los_Angeles' },
                limits: {
                    count: (kind: string, n: number) => {
                        counts[kind] = (counts[kind] ?? 0) + n;
                    }
                },
                now: () => NOW,
                temporal,
                counts,
                ...overrides
            };
        }
    };
}

/** Access where `hidden` lists unreadable `Object` or `Object.Field` names. */
export function accessHiding(...hidden: string[]): QueryAccess {
    const h = new Set(hidden.map((x) => x.toLowerCase()));
    return {
        canReadObject: (o) => !h.has(o.toLowerCase()),
        canReadField: (o, f) => !h.has(`${o}.${f}`.toLowerCase())
    };
}
