/**
 * A small org for the org-native tests: the fixture schema and project metadata, a store with the
 * Organization row, Profiles, a running user (profile, language, permission sets chosen per test) and
 * the org context the natives read; `run(stmts)` runs Apex statements as `T.run()` in it.
 */
import { AccessModel } from '../../src/data/access.ts';
import { CustomSettings } from '../../src/data/custom-settings.ts';
import { dmlInsert } from '../../src/data/dml.ts';
import { loadOrgMetadata } from '../../src/data/org-metadata.ts';
import type { OrgMetadata } from '../../src/data/org-metadata.ts';
import { SObject } from '../../src/data/sobject.ts';
import type { RecordStore } from '../../src/data/store.ts';
import { createRuntime } from '../../src/interpreter/runtime.ts';
import type { ApexValue } from '../../src/interpreter/model.ts';
import { installOrgContext } from '../../src/interpreter/natives/org-context.ts';
import { FIXTURE_PROJECT, fixtureSchema, fixtureStore, userFields } from '../data/helpers.ts';

let meta: OrgMetadata | undefined;

export interface OrgOptions {
    profile?: string;
    user?: Record<string, unknown>;
    permissionSets?: string[];
    /** Rows to add before running (custom settings…), given the org's Ids. */
    setup?: (o: TestOrgIds) => void;
}

export interface TestOrgIds {
    store: RecordStore;
    orgId: string;
    profileId: string;
    userId: string;
    insert(type: string, fields: Record<string, unknown>): SObject;
}

function record(type: string, fields: Record<string, unknown>): SObject {
    const s = new SObject(fixtureSchema().describe(type)!);
    for (const [k, v] of Object.entries(fields)) s.put(k, v);
    return s;
}

/** Runs `stmts` as the body of `T.run()` in a fresh org with the options' running user. */
export function orgApex(stmts: string, o: OrgOptions = {}, extra = ''): ApexValue {
    meta ??= loadOrgMetadata(FIXTURE_PROJECT);
    const { store } = fixtureStore();
    const ctx = { store };
    const orgRow = store.insert(record('Organization', { Name: 'Fixture Org' }));
    const profile = record('Profile', { Name: o.profile ?? 'System Administrator' });
    dmlInsert(ctx, [profile]);
    const user = record('User', { ...userFields('Runner', profile.id), FirstName: 'Ada', ...(o.user ?? {}) });
    dmlInsert(ctx, [user]);
    for (const name of o.permissionSets ?? []) {
        const ps = record('PermissionSet', { Name: name, Label: name });
        dmlInsert(ctx, [ps]);
        dmlInsert(ctx, [record('PermissionSetAssignment', { AssigneeId: user.id, PermissionSetId: ps.id })]);
    }
    const ids: TestOrgIds = {
        store,
        orgId: orgRow.id!,
        profileId: profile.id!,
        userId: user.id!,
        insert: (type, fields) => {
            const r = record(type, fields);
            dmlInsert(ctx, [r]);
            return r;
        }
    };
    o.setup?.(ids);
    const rt = createRuntime({
        schema: fixtureSchema(),
        sources: [{ file: 'T.cls', text: `public class T {\n${extra}\npublic static Object run() {\n${stmts}\n}\n}` }]
    });
    const access = new AccessModel(meta, store);
    installOrgContext(rt.interpreter, {
        schema: fixtureSchema(),
        runningUser: () => store.get(ids.userId),
        organization: () => store.get(ids.orgId),
        userAccess: () => access.forUser(ids.userId),
        customSettings: () => new CustomSettings(store, () => ids.userId),
        metadata: () => meta!,
        record: (id) => store.get(id)
    });
    rt.beginTransaction();
    return rt.invokeStatic('T', 'run');
}

/** Runs `stmts` with a schema but no org context (tokens and describe facts only). */
export function schemaApex(stmts: string, extra = ''): ApexValue {
    const rt = createRuntime({
        schema: fixtureSchema(),
        sources: [{ file: 'T.cls', text: `public class T {\n${extra}\npublic static Object run() {\n${stmts}\n}\n}` }]
    });
    rt.beginTransaction();
    return rt.invokeStatic('T', 'run');
}
