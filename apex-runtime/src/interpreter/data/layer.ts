/**
 * The interpreter's side of the data layer: runs inline SOQL (`[SELECT …]`), SOSL (`[FIND …]`) and
 * DML statements against a `RecordStore`, as the running user, with the transaction's limits, and
 * fires the object's triggers. Natives (`Database`, `Search`, `EventBus`) reach the same layer through
 * {@link dataLayerOf}.
 *
 * Access mode: the project's Apex is at API 65.0, whose Apex Developer Guide says "Apex code runs in
 * system mode by default" (Enforce User Mode for Database Operations, releases up to 260.0); user
 * mode applies only when asked (`WITH USER_MODE`, `as user`, `AccessLevel.USER_MODE`). Record
 * sharing is not modelled: user mode checks object and field permissions only.
 */
import type * as ast from '../../syntax/ast.ts';
import { UnsupportedApexError } from '../../errors.ts';
import { AccessModel, type UserAccess } from '../../data/access.ts';
import type { OrgMetadata } from '../../data/org-metadata.ts';
import { SObject } from '../../data/sobject.ts';
import type { RecordStore } from '../../data/store.ts';
import {
    dmlDelete,
    dmlInsert,
    dmlUndelete,
    dmlUpdate,
    dmlUpsert,
    type DmlContext,
    type SaveResult
} from '../../data/dml.ts';
import { executeSoql, parseSoql, storeQuerySource, apexTemporalValues } from '../../data/soql/index.ts';
import type { QueryAccess, QueryContext, QuerySource, SoqlQuery } from '../../data/soql/index.ts';
import { executeSosl, parseSosl } from '../../data/sosl/index.ts';
import type { DataHooks, Interpreter } from '../interpreter.ts';
import type { ApexType, ApexValue } from '../model.ts';
import { ApexList, ApexSet } from '../collections.ts';
import { testStateOf } from '../natives/test.ts';
import type { NativeRuntime } from '../natives/registry.ts';
import { TriggerRunner } from './triggers.ts';

export type AccessLevel = 'user' | 'system';

export interface DataLayerOptions {
    store: RecordStore;
    /** Permission sets and custom permissions of the project (user-mode access). */
    meta: OrgMetadata;
    /** The Id of the user tests run as outside `System.runAs` (a User row in the store). */
    defaultUserId: () => string;
    /** How a platform event is published (`PublishImmediately` / `PublishAfterCommit`), by object API name. */
    publishBehavior?: (object: string) => string | undefined;
    /** For a custom profile made in Setup (no metadata), the standard profile it was cloned from (`AccessModel`). */
    clonedProfile?: (profileName: string) => string | undefined;
}

const layers = new WeakMap<object, DataLayer>();

/** The data layer wired into a runtime; natives call it. Refuses when none is wired. */
export function dataLayerOf(rt: NativeRuntime): DataLayer {
    const l = layers.get(rt);
    if (!l) throw new UnsupportedApexError('data operations (no data layer wired into the runtime)');
    return l;
}

/** The data layer wired into a runtime, or undefined. */
export function findDataLayer(rt: NativeRuntime): DataLayer | undefined {
    return layers.get(rt);
}

/** The elements of an ApexList or ApexSet (what `IN :ids` binds), else undefined. */
export function elementsOf(v: unknown): readonly unknown[] | undefined {
    if (v instanceof ApexList) return v.items;
    if (v instanceof ApexSet) return [...v.values()];
    return undefined;
}

/** The element type of a query's rows: the FROM object, or AggregateResult when it aggregates. */
export function rowTypeOf(q: SoqlQuery, source: QuerySource): ApexType {
    if (q.select.some((s) => s.kind === 'aggregate') || q.groupBy.length > 0)
        return { k: 'sobject', name: 'AggregateResult' };
    return { k: 'sobject', name: source.describe(q.from)?.name ?? q.from };
}

/** A list of rows typed as `List<Object__c>`. */
export function rowList(rows: SObject[], type: ApexType): ApexList {
    return new ApexList(type, rows);
}

export class DataLayer implements DataHooks {
    readonly store: RecordStore;
    readonly accessModel: AccessModel;
    readonly source: QuerySource;
    readonly triggers: TriggerRunner;
    private readonly options: DataLayerOptions;
    private interp: Interpreter | null = null;

    constructor(options: DataLayerOptions) {
        this.options = options;
        this.store = options.store;
        this.accessModel = new AccessModel(options.meta, options.store, undefined, options.clonedProfile);
        this.source = storeQuerySource(options.store);
        this.triggers = new TriggerRunner();
    }

    /** Connects the layer to its interpreter (which must have been built with this layer as `data`). */
    bind(it: Interpreter): void {
        this.interp = it;
        layers.set(it, this);
        this.triggers.load(it);
    }

    get it(): Interpreter {
        if (!this.interp) throw new Error('DataLayer used before bind(interpreter)');
        return this.interp;
    }

    /**
     * The running user's Id: the innermost `System.runAs` user, else the runner's user. A runAs user
     * never inserted has no Id: what the store would stamp as CreatedById/OwnerId is refused.
     */
    currentUserId(): string {
        const u = this.interp ? testStateOf(this.interp).runningUser() : null;
        if (u instanceof SObject) {
            if (!u.id)
                throw new UnsupportedApexError(
                    'a data operation inside System.runAs of a User that was never inserted'
                );
            return u.id;
        }
        return this.options.defaultUserId();
    }

    /** The running user's Id, or null inside `System.runAs` of a User never inserted. */
    currentUserIdOrNull(): string | null {
        const u = this.runAsUser();
        return u ? u.id : this.options.defaultUserId();
    }

    /** The innermost `System.runAs` user, or undefined outside runAs. */
    runAsUser(): SObject | undefined {
        const u = this.interp ? testStateOf(this.interp).runningUser() : null;
        return u instanceof SObject ? u : undefined;
    }

    /** The running user's object, field and custom permissions. */
    userAccess(): UserAccess {
        return this.accessModel.forUser(this.currentUserId());
    }

    /** How a platform event object publishes, from its metadata. */
    publishBehavior(object: string): string | undefined {
        return this.options.publishBehavior?.(object);
    }

    /** Everything one query needs, with binds resolved by `bind` and `mode` when the text names none. */
    queryContext(bind: (text: string) => unknown, mode: AccessLevel): QueryContext {
        const it = this.it;
        let access: UserAccess | undefined;
        const lazy = (): UserAccess => (access ??= this.userAccess());
        const queryAccess: QueryAccess = {
            canReadObject: (o) => lazy().canReadObject(o),
            canReadField: (o, f) => lazy().canReadField(o, f),
            hasUserPermission: (name) => lazy().hasUserPermission(name)
        };
        const st = testStateOf(it);
        return {
            source: this.source,
            resolveBind: bind,
            elementsOf,
            mode,
            access: queryAccess,
            user: { id: this.currentUserId(), timeZone: it.timeZone },
            limits: it.limits,
            now: () => it.now(),
            temporal: apexTemporalValues,
            search: st.running
                ? { isTest: true, ...(st.fixedSearchResults ? { fixedResults: st.fixedSearchResults } : {}) }
                : { isTest: false }
        };
    }

    /** What DML needs: the store, limits, triggers and the running user's access (for user mode). */
    dmlContext(): DmlContext {
        return {
            store: this.store,
            limits: this.it.limits,
            triggers: this.triggers,
            userAccess: () => this.userAccess()
        };
    }

    // ------------------------------------------------------------ DataHooks

    query(text: string, bind: (text: string) => ApexValue, line: number): ApexValue {
        void line;
        const q = parseSoql(text);
        const result = executeSoql(q, this.queryContext(bind, 'system'));
        if (typeof result === 'number') return result;
        return rowList(result, rowTypeOf(q, this.source));
    }

    search(text: string, bind: (text: string) => ApexValue, line: number): ApexValue {
        void line;
        const q = parseSosl(text);
        return searchResult(executeSosl(q, this.queryContext(bind, 'system')), q.returning ?? [], this.source);
    }

    dml(
        op: ast.DmlStmt['op'],
        target: ApexValue,
        extra: ApexValue | string | undefined,
        accessLevel: AccessLevel
    ): void {
        if (op === 'merge') throw new UnsupportedApexError('merge statement');
        const records = recordsOf(target, `${op} statement`);
        const field = typeof extra === 'string' ? extra : undefined;
        this.run(op, records, field, true, accessLevel);
    }

    /** Runs one DML operation (statement or `Database.*` method); `allOrNone` failures throw DmlException. */
    run(
        op: 'insert' | 'update' | 'upsert' | 'delete' | 'undelete',
        records: (SObject | string)[],
        externalIdField: string | undefined,
        allOrNone: boolean,
        accessLevel: AccessLevel
    ): SaveResult[] {
        const ctx = this.dmlContext();
        const sobjects = (): SObject[] => {
            for (const r of records)
                if (!(r instanceof SObject))
                    throw new UnsupportedApexError(`${op} of an Id (only delete and undelete take Ids)`);
            return records as SObject[];
        };
        switch (op) {
            case 'insert':
                return dmlInsert(ctx, sobjects(), allOrNone, accessLevel);
            case 'update':
                return dmlUpdate(ctx, sobjects(), allOrNone, accessLevel);
            case 'upsert':
                return dmlUpsert(ctx, sobjects(), externalIdField, allOrNone, accessLevel);
            case 'delete':
                return dmlDelete(ctx, records, allOrNone, accessLevel);
            case 'undelete':
                return dmlUndelete(ctx, records, allOrNone, accessLevel);
        }
    }
}

/** `List<List<SObject>>` of a search: one list per RETURNING object, typed by that object. */
export function searchResult(
    lists: SObject[][],
    returning: readonly { object: string }[],
    source: QuerySource
): ApexList {
    const inner: ApexType = { k: 'list', elem: { k: 'sobject', name: 'SObject' } };
    return new ApexList(
        inner,
        lists.map(
            (rows, i) =>
                new ApexList(
                    {
                        k: 'sobject',
                        name: source.describe(returning[i]?.object ?? '')?.name ?? 'SObject'
                    },
                    rows
                )
        )
    );
}

/**
 * The records a DML operation takes: one SObject, or a List of SObjects (or of Ids, for delete and
 * undelete). A null operand or a null element is refused: the org's error for it is not documented.
 */
export function recordsOf(target: ApexValue, what: string): (SObject | string)[] {
    if (target === null) throw new UnsupportedApexError(`${what} of null`);
    if (target instanceof SObject || typeof target === 'string') return [target];
    if (target instanceof ApexList) {
        for (const r of target.items) {
            if (r === null) throw new UnsupportedApexError(`${what} of a list holding null`);
            if (!(r instanceof SObject) && typeof r !== 'string')
                throw new UnsupportedApexError(`${what} of a list of non-SObjects`);
        }
        return target.items as (SObject | string)[];
    }
    throw new UnsupportedApexError(`${what} of a non-SObject value`);
}
