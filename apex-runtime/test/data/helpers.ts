/** Shared fixtures of the data tests: a schema from a small SFDX project, a store with a fixed clock. */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApexDatetime } from '../../src/values/temporal.ts';
import { loadSchema } from '../../src/data/load-schema.ts';
import type { SchemaRegistry } from '../../src/data/schema.ts';
import { RecordStore } from '../../src/data/store.ts';
import { SObject } from '../../src/data/sobject.ts';

export const FIXTURE_PROJECT = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'project');

let schema: SchemaRegistry | undefined;

/** The fixture schema (standard objects + fixtures/project), loaded once per test file. */
export function fixtureSchema(): SchemaRegistry {
    schema ??= loadSchema(FIXTURE_PROJECT);
    return schema;
}

/** A new record of `type` from the fixture schema with `fields` put on it (not inserted). */
export function fixtureRecord(type: string, fields: Record<string, unknown>): SObject {
    const s = new SObject(fixtureSchema().describe(type)!);
    for (const [k, v] of Object.entries(fields)) s.put(k, v);
    return s;
}

export const RUNNING_USER = '005000000000001AAA';
export const T0 = Date.UTC(2026, 0, 15, 9, 30, 0);

/** A store over the fixture schema whose clock starts at T0 and can be moved. */
export function fixtureStore(): { store: RecordStore; clock: { now: number } } {
    const clock = { now: T0 };
    const store = new RecordStore({
        schema: fixtureSchema(),
        now: () => clock.now,
        datetime: (ms) => new ApexDatetime(ms),
        currentUserId: () => RUNNING_USER
    });
    return { store, clock };
}

let userSerial = 0;

/** The fields Object Reference › User requires on insert, with a unique Username, plus `extra`. */
export function userFields(lastName: string, profileId: string | null): Record<string, unknown> {
    const n = ++userSerial;
    return {
        LastName: lastName,
        ProfileId: profileId,
        Alias: `u${n}`,
        Email: `u${n}@example.com`,
        Username: `u${n}@example.com.test`,
        TimeZoneSidKey: 'Europe/Paris',
        LocaleSidKey: 'en_US',
        EmailEncodingKey: 'UTF-8',
        LanguageLocaleKey: 'en_US'
    };
}
