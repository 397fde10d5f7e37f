/**
 * The in-memory record store: one table per object, keyed by Id, with the system fields the
 * platform sets (Object Reference › System Fields: Id, IsDeleted, CreatedById, CreatedDate,
 * LastModifiedById, LastModifiedDate, SystemModstamp), owner defaulting to the running user,
 * the recycle bin (deleted rows stay with IsDeleted = true until undeleted; SOQL skips them unless
 * `ALL ROWS`), savepoints and rollback (Apex Developer Guide › Transaction Control), and
 * `Test.setCreatedDate`.
 *
 * Rows are `SObject`s owned by the store: readers (SOQL, DML) copy what they hand to Apex code.
 * Every change is journaled so that `rollback` undoes exactly the changes made after a savepoint;
 * the test runner uses the same mechanism to reset the data a test method made (after @TestSetup).
 */
import { UnsupportedApexError } from '../errors.ts';
import { IdGenerator, keyPrefixOf, tryNormalizeId } from './ids.ts';
import { fieldOf, type FieldDescribe, type SchemaRegistry, type SObjectDescribe } from './schema.ts';
import { SObject } from './sobject.ts';

/** What the store needs from its host: the time and the running user. */
export interface StoreOptions {
    schema: SchemaRegistry;
    /** Current time in epoch milliseconds (an injected clock: tests fix it). */
    now: () => number;
    /** Converts epoch milliseconds to the runtime's Datetime value (`values/temporal.ts` ApexDatetime). */
    datetime: (epochMs: number) => unknown;
    /** The running user's Id (18 characters), for CreatedById, LastModifiedById and the default OwnerId. */
    currentUserId: () => string;
    /** Id generation state, shared when several stores must not collide (default: a new generator). */
    ids?: IdGenerator;
}

/** A position in the change journal (`Database.setSavepoint()`). */
export interface Savepoint {
    readonly journalLength: number;
    readonly serial: number;
}

type Undo = () => void;

/** Fields the store indexes by value: unique fields (DML's DUPLICATE_VALUE check) and external ids (upsert matching). */
const indexedFieldsCache = new WeakMap<SObjectDescribe, FieldDescribe[]>();

function indexedFields(d: SObjectDescribe): FieldDescribe[] {
    let fields = indexedFieldsCache.get(d);
    if (!fields) {
        fields = [...d.fields.values()].filter((f) => f.unique || f.externalId);
        indexedFieldsCache.set(d, fields);
    }
    return fields;
}

/**
 * The index key of a value: text compares case-insensitively unless the field is case-sensitive
 * (Salesforce Help › Custom Field Attributes › Unique, "Treat "ABC" and "abc" as duplicate values");
 * other values by their printed form, tagged with their JS type so `1` and `'1'` differ.
 */
export function uniqueKey(f: FieldDescribe, value: unknown): string | undefined {
    if (value === null || value === undefined || value === '') return undefined;
    if (typeof value === 'string') return f.caseSensitive ? `s${value}` : `s${value.toLowerCase()}`;
    return `${typeof value}${String(value)}`;
}

const SYSTEM_FIELDS = [
    'Id',
    'IsDeleted',
    'CreatedById',
    'CreatedDate',
    'LastModifiedById',
    'LastModifiedDate',
    'SystemModstamp'
];

/** The system fields of an object that the store sets, looked up once per describe. */
interface SystemFieldsOf {
    id?: FieldDescribe;
    isDeleted?: FieldDescribe;
    createdById?: FieldDescribe;
    createdDate?: FieldDescribe;
    lastModifiedById?: FieldDescribe;
    lastModifiedDate?: FieldDescribe;
    systemModstamp?: FieldDescribe;
    ownerId?: FieldDescribe;
}

const systemFieldsCache = new WeakMap<SObjectDescribe, SystemFieldsOf>();

function systemFieldsOf(d: SObjectDescribe): SystemFieldsOf {
    let sys = systemFieldsCache.get(d);
    if (!sys) {
        sys = {
            id: fieldOf(d, 'Id'),
            isDeleted: fieldOf(d, 'IsDeleted'),
            createdById: fieldOf(d, 'CreatedById'),
            createdDate: fieldOf(d, 'CreatedDate'),
            lastModifiedById: fieldOf(d, 'LastModifiedById'),
            lastModifiedDate: fieldOf(d, 'LastModifiedDate'),
            systemModstamp: fieldOf(d, 'SystemModstamp'),
            ownerId: fieldOf(d, 'OwnerId')
        };
        systemFieldsCache.set(d, sys);
    }
    return sys;
}

const SYSTEM_FIELD_SET = new Set(SYSTEM_FIELDS.map((f) => f.toLowerCase()));

/** The org's records. */
export class RecordStore {
    readonly schema: SchemaRegistry;
    readonly ids: IdGenerator;
    private readonly options: StoreOptions;
    private readonly tables = new Map<string, Map<string, SObject>>();
    /** Live rows by object, indexed field and value key (`uniqueKey`): object → field → key → Ids. */
    private readonly valueIndex = new Map<string, Map<string, Map<string, Set<string>>>>();
    private readonly journal: Undo[] = [];
    private savepointSerial = 0;
    /** Savepoints rolled past are invalid (Transaction Control: later savepoints "become invalid"). */
    private readonly invalidSerials = new Set<number>();
    private readonly liveSavepoints: Savepoint[] = [];
    /** Ids of the rows written (inserted, updated, deleted, purged) since `takeWritten`. */
    private written = new Set<string>();

    constructor(options: StoreOptions) {
        this.options = options;
        this.schema = options.schema;
        this.ids = options.ids ?? new IdGenerator();
    }

    private table(type: string): Map<string, SObject> {
        const key = type.toLowerCase();
        let t = this.tables.get(key);
        if (!t) {
            t = new Map();
            this.tables.set(key, t);
        }
        return t;
    }

    /** The stored row with this Id (15 or 18 characters), deleted or not; do not mutate it. */
    get(id: string): SObject | undefined {
        const id18 = tryNormalizeId(id);
        if (!id18) return undefined;
        const d = this.schema.byKeyPrefix(keyPrefixOf(id18));
        if (!d) return undefined;
        return this.tables.get(d.name.toLowerCase())?.get(id18);
    }

    /**
     * The stored rows of an object in insertion order (what SOQL scans); deleted rows only with
     * `includeDeleted` (`ALL ROWS`). Do not mutate them: copy.
     */
    *rows(type: string, includeDeleted = false): Iterable<SObject> {
        const t = this.tables.get(type.toLowerCase());
        if (!t) return;
        for (const row of t.values()) {
            if (includeDeleted || !isDeleted(row)) yield row;
        }
    }

    /** Number of live rows of an object. */
    count(type: string): number {
        let n = 0;
        for (const row of this.rows(type)) if (row) n++;
        return n;
    }

    /** A copy of a stored row with every field loaded (as a query selecting all fields would). */
    copyOf(id: string): SObject | undefined {
        const row = this.get(id);
        return row ? row.clone(true, false, true, true) : undefined;
    }

    private nowValue(): unknown {
        return this.options.datetime(this.options.now());
    }

    /**
     * Stores a new row from `record`'s set fields, with a new Id and the system fields; returns the
     * stored row (the caller copies the Id and system fields back to the Apex record). With `owned`,
     * `record` itself becomes the row (the caller built it for the store and keeps no reference).
     */
    insert(record: SObject, owned = false): SObject {
        const d = record.describe;
        const id = this.ids.next(d.keyPrefix);
        let row = record;
        if (owned) {
            for (const name of SYSTEM_FIELDS) row.unset(name);
        } else {
            row = new SObject(d);
            for (const [name, value] of record.fieldEntries()) {
                if (!SYSTEM_FIELD_SET.has(name.toLowerCase())) row.setRaw(name, value, false);
            }
        }
        const now = this.nowValue();
        const user = this.options.currentUserId();
        const sys = systemFieldsOf(d);
        if (!sys.id) throw new UnsupportedApexError(`${d.name} has no Id field in its describe (${d.source})`);
        row.load(sys.id, id);
        if (sys.isDeleted) row.load(sys.isDeleted, false);
        if (sys.createdById) row.load(sys.createdById, user);
        if (sys.createdDate) row.load(sys.createdDate, now);
        if (sys.lastModifiedById) row.load(sys.lastModifiedById, user);
        if (sys.lastModifiedDate) row.load(sys.lastModifiedDate, now);
        if (sys.systemModstamp) row.load(sys.systemModstamp, now);
        if (sys.ownerId && (!row.has('OwnerId') || row.get('OwnerId') === null)) row.load(sys.ownerId, user);
        const t = this.table(d.name);
        t.set(id, row);
        this.written.add(id);
        this.reindex(row, true);
        this.journal.push(() => {
            this.reindex(row, false);
            t.delete(id);
        });
        return row;
    }

    private setIfField(row: SObject, name: string, value: unknown): void {
        if (fieldOf(row.describe, name)) row.setRaw(name, value, false);
    }

    /**
     * Writes `changes` (field API name → value) to a stored row and stamps LastModified*; returns the
     * stored row. The caller has checked that the row exists and is not deleted.
     */
    update(id: string, changes: [string, unknown][]): SObject {
        const row = this.requireRow(id);
        this.mutate(row, () => {
            for (const [name, value] of changes) {
                if (!SYSTEM_FIELD_SET.has(name.toLowerCase())) row.setRaw(name, value, false);
            }
            const now = this.nowValue();
            this.setIfField(row, 'LastModifiedById', this.options.currentUserId());
            this.setIfField(row, 'LastModifiedDate', now);
            this.setIfField(row, 'SystemModstamp', now);
        });
        return row;
    }

    /** Moves a row to the recycle bin (IsDeleted = true). */
    delete(id: string): void {
        const row = this.requireRow(id);
        this.mutate(row, () => this.setIfField(row, 'IsDeleted', true));
    }

    /** Restores a row from the recycle bin (IsDeleted = false). */
    undelete(id: string): void {
        const row = this.requireRow(id);
        this.mutate(row, () => this.setIfField(row, 'IsDeleted', false));
    }

    /** Removes a row for good (platform events are never stored; used by hard deletes of test data). */
    purge(id: string): void {
        const row = this.requireRow(id);
        const t = this.table(row.type);
        const key = row.id!;
        this.written.add(key);
        this.reindex(row, false);
        t.delete(key);
        this.journal.push(() => {
            t.set(key, row);
            this.reindex(row, true);
        });
    }

    /** `Test.setCreatedDate(recordId, createdDatetime)` (Apex Reference Guide › Test Class). */
    setCreatedDate(id: string, datetime: unknown): void {
        const row = this.requireRow(id);
        this.mutate(row, () => row.setRaw('CreatedDate', datetime, false));
    }

    private requireRow(id: string): SObject {
        const row = this.get(id);
        if (!row) throw new Error(`no stored row ${id}`);
        return row;
    }

    /**
     * The Ids of the rows written since the last call (a rolled-back write included: its row may be back as it was),
     * then forgets them: what a host mirroring the store compares instead of every row.
     */
    takeWritten(): Set<string> {
        const written = this.written;
        this.written = new Set();
        return written;
    }

    /** `Database.setSavepoint()`: the current journal position. */
    setSavepoint(): Savepoint {
        const sp = { journalLength: this.journal.length, serial: ++this.savepointSerial };
        this.liveSavepoints.push(sp);
        return sp;
    }

    /**
     * `Database.rollback(sp)`: undoes every change made after `sp`. Savepoints set after `sp` become
     * invalid (Transaction Control); using one is refused, as the runtime error orgs raise is not
     * documented.
     */
    rollback(sp: Savepoint): void {
        if (this.invalidSerials.has(sp.serial)) {
            throw new UnsupportedApexError(
                'Database.rollback to a savepoint invalidated by an earlier rollback (the org raises a runtime error whose text is not documented)'
            );
        }
        while (this.journal.length > sp.journalLength) this.journal.pop()!();
        for (let i = this.liveSavepoints.length - 1; i >= 0; i--) {
            const later = this.liveSavepoints[i];
            if (later.serial <= sp.serial) break;
            this.invalidSerials.add(later.serial);
            this.liveSavepoints.splice(i, 1);
        }
    }

    /** A savepoint for the test runner (after @TestSetup); `restore` rolls back to it, as each test method starts from the same data. */
    snapshot(): Savepoint {
        return this.setSavepoint();
    }

    restore(sp: Savepoint): void {
        this.invalidSerials.delete(sp.serial);
        while (this.journal.length > sp.journalLength) this.journal.pop()!();
        this.liveSavepoints.length = 0;
        this.liveSavepoints.push(sp);
    }

    private fieldIndex(d: SObjectDescribe, f: FieldDescribe): Map<string, Set<string>> {
        const objectKey = d.name.toLowerCase();
        let byField = this.valueIndex.get(objectKey);
        if (!byField) this.valueIndex.set(objectKey, (byField = new Map()));
        const fieldKey = f.name.toLowerCase();
        let byValue = byField.get(fieldKey);
        if (!byValue) byField.set(fieldKey, (byValue = new Map()));
        return byValue;
    }

    /** Adds (`add`) or removes a live row's indexed values. */
    private reindex(row: SObject, add: boolean): void {
        const fields = indexedFields(row.describe);
        if (!fields.length || isDeleted(row)) return;
        const id = row.id!;
        for (const f of fields) {
            const key = row.has(f.name) ? uniqueKey(f, row.get(f.name)) : undefined;
            if (key === undefined) continue;
            const byValue = this.fieldIndex(row.describe, f);
            let ids = byValue.get(key);
            if (add) {
                if (!ids) byValue.set(key, (ids = new Set()));
                ids.add(id);
            } else if (ids) {
                ids.delete(id);
                if (!ids.size) byValue.delete(key);
            }
        }
    }

    /**
     * Ids of the live rows of `object` whose unique or external-id field `field` holds `value`
     * (compared as the field compares: `uniqueKey`).
     */
    idsWithValue(object: SObjectDescribe, field: FieldDescribe, value: unknown): string[] {
        if (!field.unique && !field.externalId)
            throw new Error(`${object.name}.${field.name} is neither unique nor an external id: not indexed`);
        const key = uniqueKey(field, value);
        if (key === undefined) return [];
        const ids = this.valueIndex.get(object.name.toLowerCase())?.get(field.name.toLowerCase())?.get(key);
        return ids ? [...ids] : [];
    }

    /** Changes a stored row through `change`, keeping the value index right and journaling the undo. */
    private mutate(row: SObject, change: () => void): void {
        if (row.id) this.written.add(row.id as string);
        const before = row.fieldEntries();
        this.reindex(row, false);
        change();
        this.reindex(row, true);
        this.journal.push(() => {
            this.reindex(row, false);
            restoreFields(row, before);
            this.reindex(row, true);
        });
    }

    /** Every object name that has rows (debugging and reports). */
    objectNames(): string[] {
        return [...this.tables.entries()]
            .filter(([, t]) => t.size > 0)
            .map(([k]) => this.schema.describe(k)?.name ?? k);
    }

    /** The describe of the object an Id belongs to. */
    describeOfId(id: string): SObjectDescribe | undefined {
        const id18 = tryNormalizeId(id);
        return id18 ? this.schema.byKeyPrefix(keyPrefixOf(id18)) : undefined;
    }
}

/** Whether a stored row is in the recycle bin. */
export function isDeleted(row: SObject): boolean {
    return row.has('IsDeleted') && row.get('IsDeleted') === true;
}

function restoreFields(row: SObject, before: [string, unknown][]): void {
    for (const name of row.fieldNames()) row.unset(name);
    for (const [name, value] of before) row.setRaw(name, value, false);
}
