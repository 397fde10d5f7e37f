/**
 * DML over the record store (Apex Developer Guide › Working with Data in Apex › DML; Apex Reference
 * Guide › Database Class): insert, update, upsert, delete, undelete with `allOrNone`, save results,
 * system validation of required, unique, length and reference fields, trigger hooks and limits.
 *
 * Order of one statement (Apex Developer Guide › Triggers and Order of Execution): before triggers,
 * system validation (required fields, field lengths, references), save (unique constraints),
 * after triggers. With `allOrNone` any failure rolls the statement back and raises
 * `System.DmlException: Insert failed. First exception on row 0; first error: CODE, message: [fields]`.
 *
 * Error texts follow what orgs return (status codes: SOAP API Developer Guide › Core Data Types ›
 * StatusCode); where a message is not documented the test names the source it follows.
 */
import { UnsupportedApexError } from '../errors.ts';
import { ApexRuntimeSignal } from '../values/signal.ts';
import { keyPrefixOf, tryNormalizeId } from './ids.ts';
import { fieldOf, type FieldDescribe, type SObjectDescribe } from './schema.ts';
import { SObject } from './sobject.ts';
import { isDeleted, type RecordStore, type Savepoint } from './store.ts';
import { hasParentDerivedFields, parentDerivedValues } from './derived-fields.ts';
import type { UserAccess } from './access.ts';
import { userModeError, type AccessLevel } from './dml-access.ts';

/** `Database.Error`. */
export interface DmlError {
    statusCode: string;
    message: string;
    fields: string[];
}

/** `Database.SaveResult`, `DeleteResult`, `UndeleteResult`. */
export interface SaveResult {
    id: string | null;
    success: boolean;
    errors: DmlError[];
}

/** `Database.UpsertResult`. */
export interface UpsertResult extends SaveResult {
    created: boolean;
}

export type DmlOperation = 'insert' | 'update' | 'upsert' | 'delete' | 'undelete';
export type TriggerTiming = 'before' | 'after';
export type TriggerOperation = 'insert' | 'update' | 'delete' | 'undelete';

/**
 * What the interpreter supplies to run an object's triggers: `newList` is Trigger.new (the Apex
 * records themselves in before insert/update, read-only copies in after triggers), `oldList`
 * Trigger.old (read-only copies of the stored rows).
 */
export interface TriggerHooks {
    fire(
        object: string,
        timing: TriggerTiming,
        operation: TriggerOperation,
        newList: SObject[] | null,
        oldList: SObject[] | null
    ): void;
}

/** The limit counters DML feeds (interpreter/limits.ts). */
export interface DmlLimits {
    count(kind: 'dmlStatements' | 'dmlRows', n?: number): void;
}

/** The context of a DML statement. */
export interface DmlContext {
    store: RecordStore;
    limits?: DmlLimits;
    triggers?: TriggerHooks;
    /** The running user's permissions, for DML in user mode (`as user`, `AccessLevel.USER_MODE`). */
    userAccess?: () => UserAccess;
}

function accessOf(ctx: DmlContext, op: DmlOperation): UserAccess {
    if (!ctx.userAccess) throw new UnsupportedApexError(`${op} in user mode (no running-user access wired into DML)`);
    return ctx.userAccess();
}

/** `System.DmlException`, carrying the failed rows for `getNumDml()`, `getDmlMessage(i)`, … */
export class DmlSignal extends ApexRuntimeSignal {
    readonly failures: { index: number; id: string | null; error: DmlError }[];
    constructor(message: string, failures: { index: number; id: string | null; error: DmlError }[]) {
        super('System.DmlException', message);
        this.failures = failures;
    }
}

const OP_TITLES: Record<DmlOperation, string> = {
    insert: 'Insert',
    update: 'Update',
    upsert: 'Upsert',
    delete: 'Delete',
    undelete: 'Undelete'
};

/** The DmlException message of a failed statement: first failed row, its code, message and fields. */
export function dmlExceptionMessage(op: DmlOperation, index: number, id: string | null, e: DmlError): string {
    const withId = id ? ` with id ${id}` : '';
    return `${OP_TITLES[op]} failed. First exception on row ${index}${withId}; first error: ${e.statusCode}, ${e.message}: [${e.fields.join(', ')}]`;
}

const err = (statusCode: string, message: string, fields: string[] = []): DmlError => ({ statusCode, message, fields });

function labelOf(f: FieldDescribe): string {
    return f.label.default ?? f.name;
}

interface Row {
    index: number;
    record: SObject;
    errors: DmlError[];
}

function begin(ctx: DmlContext, op: DmlOperation, records: SObject[]): void {
    ctx.limits?.count('dmlStatements', 1);
    if (records.length > 0) ctx.limits?.count('dmlRows', records.length);
    for (const r of records) {
        if (r.describe.platformEvent)
            throw new UnsupportedApexError(`${op} of platform event ${r.type} (use EventBus.publish)`);
    }
}

/** Fails the statement (allOrNone) or returns per-row results. */
function finish(ctx: DmlContext, op: DmlOperation, rows: Row[], sp: Savepoint, allOrNone: boolean): SaveResult[] {
    const failed = rows.filter((r) => r.errors.length > 0);
    if (allOrNone && failed.length > 0) {
        ctx.store.rollback(sp);
        const first = failed[0];
        const id = op === 'insert' ? null : first.record.id;
        throw new DmlSignal(
            dmlExceptionMessage(op, first.index, id, first.errors[0]),
            failed.map((r) => ({ index: r.index, id: op === 'insert' ? null : r.record.id, error: r.errors[0] }))
        );
    }
    return rows.map((r) => ({
        id: r.errors.length ? (op === 'insert' ? null : r.record.id) : r.record.id,
        success: r.errors.length === 0,
        errors: r.errors
    }));
}

function recordErrors(r: Row): void {
    for (const e of r.record.errors) {
        r.errors.push(err('FIELD_CUSTOM_VALIDATION_EXCEPTION', e.message, e.field ? [e.field] : []));
    }
    r.record.errors.length = 0;
}

/** Values a field would have after the save: the record's set fields over the stored row's. */
function effective(record: SObject, stored: SObject | undefined, f: FieldDescribe): unknown {
    const key = f.name;
    if (record.has(key)) return record.get(key);
    return stored?.has(key) ? stored.get(key) : null;
}

const requiredFieldsCache = new WeakMap<SObjectDescribe, FieldDescribe[]>();

function requiredFields(d: SObjectDescribe): FieldDescribe[] {
    let fields = requiredFieldsCache.get(d);
    if (!fields) requiredFieldsCache.set(d, (fields = [...d.fields.values()].filter((f) => f.required)));
    return fields;
}

/** System validation (Order of Execution step "system validation"): required, length, read-only fields, references. */
function validate(ctx: DmlContext, r: Row, stored: SObject | undefined, op: 'insert' | 'update'): void {
    const d = r.record.describe;
    // An update checks what it writes (its new version also holds the stored row's fields, loaded).
    const written = op === 'update' ? r.record.assignedFieldEntries().map(([n]) => n) : r.record.fieldNames();
    const readOnly: string[] = [];
    for (const name of written) {
        const f = fieldOf(d, name)!;
        if (f.name === 'Id') continue;
        const writable = op === 'insert' ? f.createable : f.updateable;
        if (writable === false || f.calculated) {
            // A read-only field carried over unchanged from a query is ignored, as the API ignores it.
            if (stored && stored.has(f.name) && sameValue(stored.get(f.name), r.record.get(f.name))) continue;
            if (f.system || f.autoNumber || f.compoundOf) {
                if (!r.record.has(f.name) || r.record.get(f.name) === null) continue;
            }
            readOnly.push(f.name);
        }
    }
    if (readOnly.length) {
        r.errors.push(
            err(
                'INVALID_FIELD_FOR_INSERT_UPDATE',
                `Unable to create/update fields: ${readOnly.join(', ')}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.`,
                readOnly
            )
        );
        return;
    }
    const missing: string[] = [];
    for (const f of requiredFields(d)) {
        const v = effective(r.record, stored, f);
        if (v === null || v === '') missing.push(f.name);
    }
    if (missing.length) {
        r.errors.push(err('REQUIRED_FIELD_MISSING', `Required fields are missing: [${missing.join(', ')}]`, missing));
        return;
    }
    for (const name of written) {
        const f = fieldOf(d, name)!;
        const v = r.record.get(f.name);
        if (typeof v === 'string' && f.apexType === 'String' && f.length !== undefined && v.length > f.length) {
            r.errors.push(
                err('STRING_TOO_LONG', `${labelOf(f)}: data value too large: ${v} (max length=${f.length})`, [f.name])
            );
            return;
        }
        if (f.apexType === 'Id' && f.name !== 'Id' && typeof v === 'string' && !f.system) {
            const e = referenceError(ctx, f, v);
            if (e) {
                r.errors.push(e);
                return;
            }
        }
    }
}

function referenceError(ctx: DmlContext, f: FieldDescribe, id: string): DmlError | undefined {
    const target = ctx.store.describeOfId(id);
    if (
        f.referenceTo.length > 0 &&
        (!target || !f.referenceTo.some((t) => t.toLowerCase() === target.name.toLowerCase()))
    ) {
        return err('FIELD_INTEGRITY_EXCEPTION', `${labelOf(f)}: id value of incorrect type: ${id}`, [f.name]);
    }
    const row = ctx.store.get(id);
    if (!row) return err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [f.name]);
    if (isDeleted(row)) return err('ENTITY_IS_DELETED', 'entity is deleted', [f.name]);
    return undefined;
}

function sameValue(a: unknown, b: unknown): boolean {
    if (a === b) return true;
    if (a && b && typeof a === 'object' && typeof b === 'object') return String(a) === String(b);
    return false;
}

/**
 * Unique fields: no other live row has the same value, case-insensitively unless case-sensitive
 * (Salesforce Help › Custom Field Attributes › Unique). Rows saved earlier in the same statement are
 * already in the store, so they count; the store's value index answers without scanning.
 */
function uniqueError(
    ctx: DmlContext,
    d: SObjectDescribe,
    valueOf: (f: FieldDescribe) => unknown,
    selfId: string | null
): DmlError | undefined {
    for (const f of uniqueFields(d)) {
        const v = valueOf(f);
        if (v === null || v === undefined || v === '') continue;
        const other = ctx.store.idsWithValue(d, f, v).find((id) => id !== selfId);
        // Usernames have their own status code (SOAP API › StatusCode DUPLICATE_USERNAME); the org's longer advice text is not reproduced.
        if (other && d.name === 'User' && f.name === 'Username')
            return err('DUPLICATE_USERNAME', 'Duplicate Username.', ['Username']);
        if (other) {
            return err(
                'DUPLICATE_VALUE',
                `duplicate value found: ${f.name} duplicates value on record with id: ${other}`,
                []
            );
        }
    }
    return undefined;
}

const uniqueFieldsCache = new WeakMap<SObjectDescribe, FieldDescribe[]>();

function uniqueFields(d: SObjectDescribe): FieldDescribe[] {
    let fields = uniqueFieldsCache.get(d);
    if (!fields) uniqueFieldsCache.set(d, (fields = [...d.fields.values()].filter((f) => f.unique)));
    return fields;
}

/** What an insert fills in on an object's records, computed once per describe. */
interface InsertPlan {
    /** Checkboxes without a metadata default: false when unset or null. */
    checkboxes: FieldDescribe[];
    /** Fields with a metadata default value, applied when the field was not set. */
    defaults: FieldDescribe[];
    autoNumbers: FieldDescribe[];
    compound: boolean;
}

const insertPlans = new WeakMap<SObjectDescribe, InsertPlan>();

function insertPlan(d: SObjectDescribe): InsertPlan {
    let plan = insertPlans.get(d);
    if (!plan) {
        const fields = [...d.fields.values()].filter((f) => !f.system);
        plan = {
            checkboxes: fields.filter((f) => f.defaultValueFormula === undefined && f.apexType === 'Boolean'),
            defaults: fields.filter((f) => f.defaultValueFormula !== undefined),
            autoNumbers: fields.filter((f) => f.autoNumber),
            compound: fields.some((f) => f.compoundOf)
        };
        insertPlans.set(d, plan);
    }
    return plan;
}

/**
 * The row an insert stores: set fields, then defaults (checkboxes false, metadata defaults),
 * auto-numbers, compound names. Built straight into a new SObject, as 10,000-row inserts are
 * dominated by allocation.
 */
function insertRow(ctx: DmlContext, record: SObject): SObject {
    const d = record.describe;
    const plan = insertPlan(d);
    const row = new SObject(d);
    record.copyFieldsTo(row);
    for (const f of plan.defaults) {
        if (!row.has(f.name)) row.load(f, defaultValue(f));
        else if (f.apexType === 'Boolean' && row.get(f.name) === null) row.load(f, false);
    }
    for (const f of plan.checkboxes) if (!row.has(f.name) || row.get(f.name) === null) row.load(f, false);
    for (const f of plan.autoNumbers) row.load(f, autoNumber(ctx, d, f));
    if (plan.compound) {
        const values = new Map<string, [string, unknown]>(
            row.fieldEntries().map(([k, v]) => [k.toLowerCase(), [k, v]])
        );
        computeCompoundNames(d, values);
        for (const f of d.fields.values()) if (f.compoundOf) row.load(f, values.get(f.name.toLowerCase())![1]);
    }
    const derived = parentDerivedValues(
        d,
        (name) => (row.has(name) ? row.get(name) : null),
        (id) => ctx.store.get(id)
    );
    for (const [name, v] of derived) row.load(fieldOf(d, name)!, v);
    return row;
}

function computeCompoundNames(d: SObjectDescribe, values: Map<string, [string, unknown]>): void {
    for (const f of d.fields.values()) {
        if (!f.compoundOf) continue;
        const parts = f.compoundOf
            .map((p) => values.get(p.toLowerCase())?.[1])
            .filter((v): v is string => typeof v === 'string' && v !== '');
        values.set(f.name.toLowerCase(), [f.name, parts.length ? parts.join(' ') : null]);
    }
}

/** Literal default values only (`true`, `false`, numbers, quoted text); formulas are refused. */
function defaultValue(f: FieldDescribe): unknown {
    const text = f.defaultValueFormula!.trim();
    if (f.apexType === 'Boolean' && (text === 'true' || text === 'false')) return text === 'true';
    const quoted = /^(['"])(.*)\1$/s.exec(text);
    if (quoted && f.apexType === 'String') return quoted[2];
    throw new UnsupportedApexError(`default value formula ${text} of ${f.name}`);
}

const autoNumberCounters = new WeakMap<RecordStore, Map<string, number>>();

/** `W-{0000}` → `W-0001`, a counter per field (Metadata API › CustomField › displayFormat). */
function autoNumber(ctx: DmlContext, d: SObjectDescribe, f: FieldDescribe): string {
    let counters = autoNumberCounters.get(ctx.store);
    if (!counters) autoNumberCounters.set(ctx.store, (counters = new Map()));
    const key = `${d.name}.${f.name}`.toLowerCase();
    const n = (counters.get(key) ?? 0) + 1;
    counters.set(key, n);
    const format = f.displayFormat ?? '{0}';
    return format.replace(/\{(0+)\}/, (_, zeros: string) => String(n).padStart(zeros.length, '0'));
}

/**
 * Fires a trigger event per object type over `rows`, with `newOf`/`oldOf` giving each row's
 * Trigger.new/Trigger.old element; errors that triggers add to those elements (`addError`) become
 * the row's errors.
 */
function fireGrouped(
    ctx: DmlContext,
    rows: Row[],
    timing: TriggerTiming,
    operation: TriggerOperation,
    newOf: ((r: Row) => SObject) | null,
    oldOf: ((r: Row) => SObject) | null
): void {
    if (!ctx.triggers) return;
    for (const [type, group] of groupByType(rows)) {
        const news = newOf ? group.map(newOf) : null;
        const olds = oldOf ? group.map(oldOf) : null;
        ctx.triggers.fire(type, timing, operation, news, olds);
        group.forEach((r, i) => {
            for (const list of [news, olds]) {
                const el = list?.[i];
                if (el && el !== r.record && el.errors.length) {
                    for (const e of el.errors) r.record.errors.push(e);
                    el.errors.length = 0;
                }
            }
        });
    }
}

function readOnlyCopy(row: SObject): SObject {
    const c = row.clone(true, false, true, true);
    c.readOnly = true;
    return c;
}

function groupByType(rows: Row[]): Map<string, Row[]> {
    const m = new Map<string, Row[]>();
    for (const r of rows) {
        const k = r.record.type;
        const group = m.get(k);
        if (group) group.push(r);
        else m.set(k, [r]);
    }
    return m;
}

/** `insert records` / `Database.insert(records, allOrNone)`. */
export function dmlInsert(
    ctx: DmlContext,
    records: SObject[],
    allOrNone = true,
    accessLevel: AccessLevel = 'system'
): SaveResult[] {
    begin(ctx, 'insert', records);
    const access = accessLevel === 'user' ? accessOf(ctx, 'insert') : undefined;
    const sp = ctx.store.setSavepoint();
    const rows: Row[] = records.map((record, index) => ({ index, record, errors: [] }));
    for (const r of rows) {
        if (r.record.id)
            r.errors.push(err('INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']));
        else if (access) {
            const e = userModeError(access, 'insert', r.record);
            if (e) r.errors.push(e);
        }
    }
    fireGrouped(
        ctx,
        rows.filter((r) => !r.errors.length),
        'before',
        'insert',
        (r) => r.record,
        null
    );
    const saved: { r: Row; stored: SObject }[] = [];
    for (const r of rows) {
        if (r.errors.length) continue;
        recordErrors(r);
        if (r.errors.length) continue;
        validate(ctx, r, undefined, 'insert');
        if (r.errors.length) continue;
        const toStore = insertRow(ctx, r.record);
        const dup = uniqueError(
            ctx,
            r.record.describe,
            (f) => (toStore.has(f.name) ? toStore.get(f.name) : null),
            null
        );
        if (dup) {
            r.errors.push(dup);
            continue;
        }
        const stored = ctx.store.insert(toStore, true);
        r.record.setRaw('Id', stored.id);
        saved.push({ r, stored });
    }
    const storedOf = new Map(saved.map((x) => [x.r, x.stored] as const));
    fireGrouped(
        ctx,
        saved.map((x) => x.r),
        'after',
        'insert',
        (r) => readOnlyCopy(storedOf.get(r)!),
        null
    );
    for (const s of saved) recordErrors(s.r);
    let results: SaveResult[];
    try {
        results = finish(ctx, 'insert', rows, sp, allOrNone);
    } catch (e) {
        // The statement is atomic: rolled back, none of its records keeps the Id it was given.
        for (const s of saved) s.r.record.unset('Id');
        throw e;
    }
    for (const r of rows) if (r.errors.length && saved.some((s) => s.r === r)) r.record.unset('Id');
    return results;
}

/**
 * The record an update's triggers see as Trigger.new and the save writes: the stored row with the
 * statement's values over it ("Loads the original record from the database … overwrites the old values
 * with the new values", Apex Developer Guide › Triggers and Order of Execution). Fields the statement sent
 * and fields a before trigger assigns are the ones written; the caller's record is left as it was.
 */
function newVersion(sent: SObject, stored: SObject): SObject {
    const merged = new SObject(stored.describe);
    stored.copyFieldsTo(merged);
    for (const [name, v] of sent.fieldEntries()) merged.setRaw(name, v, true);
    return merged;
}

/**
 * A converted Lead can't be updated: Salesforce Help › Knowledge Article 000384333 (CANNOT_UPDATE_CONVERTED_LEAD
 * "indicates that you are trying to edit or update a lead that has been converted"); the message orgs print
 * with it is "cannot reference converted lead" (as recorded in gitlab.com/gitlab-org/customers-gitlab-com#272).
 */
function isConvertedLead(stored: SObject): boolean {
    return stored.describe.name === 'Lead' && stored.has('IsConverted') && stored.get('IsConverted') === true;
}

function checkIds(records: SObject[], op: 'update' | 'delete' | 'undelete'): void {
    const seen = new Set<string>();
    for (const r of records) {
        const id = r.id;
        if (!id) continue;
        if (seen.has(id)) throw new ApexRuntimeSignal('System.ListException', `Duplicate id in list: ${id}`);
        seen.add(id);
    }
    void op;
}

/** `update records` / `Database.update(records, allOrNone)`. */
export function dmlUpdate(
    ctx: DmlContext,
    records: SObject[],
    allOrNone = true,
    accessLevel: AccessLevel = 'system'
): SaveResult[] {
    begin(ctx, 'update', records);
    const access = accessLevel === 'user' ? accessOf(ctx, 'update') : undefined;
    checkIds(records, 'update');
    const sp = ctx.store.setSavepoint();
    const rows: Row[] = records.map((record, index) => ({ index, record, errors: [] }));
    const olds = new Map<Row, SObject>();
    for (const r of rows) {
        const id = r.record.id;
        if (!id) {
            r.errors.push(err('MISSING_ARGUMENT', 'Id not specified in an update call', []));
            continue;
        }
        const stored = ctx.store.get(id);
        if (!stored || stored.type !== r.record.type)
            r.errors.push(err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', []));
        else if (isDeleted(stored)) r.errors.push(err('ENTITY_IS_DELETED', 'entity is deleted', []));
        else if (isConvertedLead(stored))
            r.errors.push(err('CANNOT_UPDATE_CONVERTED_LEAD', 'cannot reference converted lead', []));
        else {
            const e = access ? userModeError(access, 'update', r.record, stored) : undefined;
            if (e) r.errors.push(e);
            else {
                olds.set(r, readOnlyCopy(stored));
                r.record = newVersion(r.record, stored);
            }
        }
    }
    const live = rows.filter((r) => !r.errors.length);
    fireGrouped(
        ctx,
        live,
        'before',
        'update',
        (r) => r.record,
        (r) => olds.get(r)!
    );
    const saved: Row[] = [];
    for (const r of live) {
        recordErrors(r);
        if (r.errors.length) continue;
        const stored = ctx.store.get(r.record.id!)!;
        validate(ctx, r, stored, 'update');
        if (r.errors.length) continue;
        const changes = new Map<string, [string, unknown]>();
        for (const [name, v] of r.record.assignedFieldEntries()) {
            const f = fieldOf(r.record.describe, name)!;
            if (f.system || f.autoNumber || f.calculated) continue;
            changes.set(name.toLowerCase(), [name, v]);
        }
        if ([...r.record.describe.fields.values()].some((f) => f.compoundOf)) {
            const merged = new Map<string, [string, unknown]>(
                stored.fieldEntries().map(([k, v]) => [k.toLowerCase(), [k, v]])
            );
            for (const [k, v] of changes) merged.set(k, v);
            computeCompoundNames(r.record.describe, merged);
            for (const f of r.record.describe.fields.values())
                if (f.compoundOf) changes.set(f.name.toLowerCase(), merged.get(f.name.toLowerCase())!);
        }
        const after = new Map<string, unknown>(stored.fieldEntries().map(([k, v]) => [k.toLowerCase(), v]));
        for (const [k, [, v]] of changes) after.set(k, v);
        if (hasParentDerivedFields(r.record.describe)) {
            const derived = parentDerivedValues(
                r.record.describe,
                (name) => after.get(name.toLowerCase()) ?? null,
                (id) => ctx.store.get(id)
            );
            for (const [name, v] of derived) {
                changes.set(name.toLowerCase(), [name, v]);
                after.set(name.toLowerCase(), v);
            }
        }
        const dup = uniqueError(ctx, r.record.describe, (f) => after.get(f.name.toLowerCase()), r.record.id);
        if (dup) {
            r.errors.push(dup);
            continue;
        }
        ctx.store.update(r.record.id!, [...changes.values()]);
        saved.push(r);
    }
    fireGrouped(
        ctx,
        saved,
        'after',
        'update',
        (r) => readOnlyCopy(ctx.store.get(r.record.id!)!),
        (r) => olds.get(r)!
    );
    for (const r of saved) recordErrors(r);
    return finish(ctx, 'update', rows, sp, allOrNone);
}

/**
 * `upsert records [field]` / `Database.upsert`: by Id when no external id field is named, else by the
 * external id field's value; a record matching nothing is inserted (Apex Developer Guide › Upserting
 * Records). Matching several records is refused (the org's error for it is not modelled).
 */
export function dmlUpsert(
    ctx: DmlContext,
    records: SObject[],
    externalIdField?: string,
    allOrNone = true,
    accessLevel: AccessLevel = 'system'
): UpsertResult[] {
    const toInsert: number[] = [];
    const toUpdate: number[] = [];
    for (let i = 0; i < records.length; i++) {
        const r = records[i];
        if (externalIdField) {
            const f = fieldOf(r.describe, externalIdField);
            if (!f)
                throw new ApexRuntimeSignal(
                    'System.SObjectException',
                    `Invalid field ${externalIdField} for ${r.type}`
                );
            if (f.name !== 'Id' && !f.externalId)
                throw new UnsupportedApexError(`upsert on ${r.type}.${f.name}, which is not an external id field`);
            if (f.name !== 'Id') {
                const v = r.has(f.name) ? r.get(f.name) : null;
                const matches = v === null ? [] : ctx.store.idsWithValue(r.describe, f, v);
                if (matches.length > 1)
                    throw new UnsupportedApexError(
                        `upsert of ${r.type} matching ${matches.length} records on ${f.name}`
                    );
                if (matches.length === 1) r.setRaw('Id', matches[0]);
            }
        }
        (r.id ? toUpdate : toInsert).push(i);
    }
    // One DML statement: count it once, then run the two halves without recounting.
    ctx.limits?.count('dmlStatements', 1);
    if (records.length) ctx.limits?.count('dmlRows', records.length);
    const inner: DmlContext = { store: ctx.store, triggers: ctx.triggers, userAccess: ctx.userAccess };
    const sp = ctx.store.setSavepoint();
    const results: UpsertResult[] = new Array(records.length);
    try {
        const ins = dmlInsert(
            inner,
            toInsert.map((i) => records[i]),
            false,
            accessLevel
        );
        ins.forEach((res, k) => (results[toInsert[k]] = { ...res, created: true }));
        const upd = dmlUpdate(
            inner,
            toUpdate.map((i) => records[i]),
            false,
            accessLevel
        );
        upd.forEach((res, k) => (results[toUpdate[k]] = { ...res, created: false }));
    } catch (e) {
        ctx.store.rollback(sp);
        throw e;
    }
    const firstFail = results.findIndex((r) => !r.success);
    if (allOrNone && firstFail >= 0) {
        ctx.store.rollback(sp);
        for (const i of toInsert) records[i].unset('Id');
        const failures = results.flatMap((r, index) => (r.success ? [] : [{ index, id: r.id, error: r.errors[0] }]));
        throw new DmlSignal(
            dmlExceptionMessage('upsert', firstFail, results[firstFail].id, results[firstFail].errors[0]),
            failures
        );
    }
    return results;
}

function idsOf(records: (SObject | string)[]): { id: string | null; record: SObject | null }[] {
    return records.map((r) =>
        typeof r === 'string' ? { id: tryNormalizeId(r) ?? null, record: null } : { id: r.id, record: r }
    );
}

/**
 * Starts a delete or undelete, whose arguments are records or bare Ids: counts the statement, refuses
 * duplicate Ids, and gives a row per argument with the error of an argument without an Id, of one naming no
 * stored row, or the one `check` finds in the stored row.
 */
function startById(
    ctx: DmlContext,
    op: 'delete' | 'undelete',
    records: (SObject | string)[],
    check: (stored: SObject) => DmlError | undefined
): { rows: Row[]; sp: Savepoint } {
    const items = idsOf(records);
    const asRecords = items.map((it) => it.record ?? (it.id ? (ctx.store.copyOf(it.id) ?? stub(ctx, it.id)) : null));
    const present = asRecords.filter((r): r is SObject => r !== null);
    begin(ctx, op, present);
    checkIds(present, op);
    const sp = ctx.store.setSavepoint();
    const rows: Row[] = asRecords.map((record, index) => ({
        index,
        record: record ?? SObject.synthetic('SObject', []),
        errors: []
    }));
    for (let i = 0; i < rows.length; i++) {
        const id = items[i].id;
        const stored = id ? ctx.store.get(id) : undefined;
        const e = !id
            ? err('MISSING_ARGUMENT', `Id not specified in ${op === 'delete' ? 'a' : 'an'} ${op} call`, [])
            : !stored
              ? err('INVALID_CROSS_REFERENCE_KEY', 'invalid cross reference id', [])
              : check(stored);
        if (e) rows[i].errors.push(e);
    }
    return { rows, sp };
}

/** `delete records` / `Database.delete(recordsOrIds, allOrNone)`: moves rows to the Recycle Bin. */
export function dmlDelete(
    ctx: DmlContext,
    records: (SObject | string)[],
    allOrNone = true,
    accessLevel: AccessLevel = 'system'
): SaveResult[] {
    const access = accessLevel === 'user' ? accessOf(ctx, 'delete') : undefined;
    const { rows, sp } = startById(ctx, 'delete', records, (stored) =>
        isDeleted(stored)
            ? err('ENTITY_IS_DELETED', 'entity is deleted', [])
            : access
              ? userModeError(access, 'delete', stored)
              : undefined
    );
    const live = rows.filter((r) => !r.errors.length);
    fireGrouped(ctx, live, 'before', 'delete', null, (r) => readOnlyCopy(ctx.store.get(r.record.id!)!));
    const done: Row[] = [];
    for (const r of live) {
        recordErrors(r);
        if (r.errors.length) continue;
        ctx.store.delete(r.record.id!);
        done.push(r);
    }
    fireGrouped(ctx, done, 'after', 'delete', null, (r) => readOnlyCopy(ctx.store.get(r.record.id!)!));
    for (const r of done) recordErrors(r);
    return finish(ctx, 'delete', rows, sp, allOrNone);
}

/** `undelete records` / `Database.undelete`: restores rows from the Recycle Bin. */
export function dmlUndelete(
    ctx: DmlContext,
    records: (SObject | string)[],
    allOrNone = true,
    accessLevel: AccessLevel = 'system'
): SaveResult[] {
    // Which permission an undelete in user mode needs is not documented: refused, not guessed.
    if (accessLevel === 'user') throw new UnsupportedApexError('undelete in user mode');
    const { rows, sp } = startById(ctx, 'undelete', records, (stored) =>
        isDeleted(stored) ? undefined : err('UNDELETE_FAILED', 'Entity is not in the recycle bin', [])
    );
    const done = rows.filter((r) => !r.errors.length);
    for (const r of done) ctx.store.undelete(r.record.id!);
    fireGrouped(ctx, done, 'after', 'undelete', (r) => readOnlyCopy(ctx.store.get(r.record.id!)!), null);
    for (const r of done) recordErrors(r);
    return finish(ctx, 'undelete', rows, sp, allOrNone);
}

/** A record of the right type carrying only an Id (delete by an Id whose row is gone). */
function stub(ctx: DmlContext, id: string): SObject | null {
    const d = ctx.store.schema.byKeyPrefix(keyPrefixOf(id));
    if (!d) return null;
    const s = new SObject(d);
    s.setRaw('Id', id);
    return s;
}

/**
 * `Database.setSavepoint()`: counts as a DML statement (Apex Developer Guide › Transaction Control:
 * "Each savepoint you set counts against the governor limit for DML statements").
 */
export function setSavepoint(ctx: DmlContext): Savepoint {
    ctx.limits?.count('dmlStatements', 1);
    return ctx.store.setSavepoint();
}

/** `Database.rollback(sp)`: counts as a DML statement (Transaction Control: "Each rollback counts against the governor limit for DML statements"). */
export function rollback(ctx: DmlContext, sp: Savepoint): void {
    ctx.limits?.count('dmlStatements', 1);
    ctx.store.rollback(sp);
}
