/**
 * What DML methods return and the enums they use (Apex Reference Guide › Database Namespace ›
 * SaveResult, UpsertResult, DeleteResult, UndeleteResult, Error Classes; System › StatusCode Enum,
 * AccessLevel Class): plain native objects over the data layer's `SaveResult`/`DmlError` values.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { DmlError, SaveResult, UpsertResult } from '../../data/dml.ts';
import type { ApexType, ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { ApexList } from '../collections.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';

const stateOf = <T>(v: ApexValue): T => (v as NativeObject).state as T;

/**
 * Status codes the runtime raises or packages compare against (SOAP API Developer Guide › Core Data
 * Types › StatusCode; Apex Reference Guide › StatusCode Enum lists the same names). A name outside
 * this list is refused as an unknown static member, never answered.
 */
export const STATUS_CODES = [
    'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY',
    'CANNOT_UPDATE_CONVERTED_LEAD',
    'DUPLICATE_USERNAME',
    'DUPLICATE_VALUE',
    'ENTITY_IS_DELETED',
    'FIELD_CUSTOM_VALIDATION_EXCEPTION',
    'FIELD_INTEGRITY_EXCEPTION',
    'INSUFFICIENT_ACCESS_OR_READONLY',
    'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
    'INVALID_CROSS_REFERENCE_KEY',
    'INVALID_FIELD',
    'INVALID_FIELD_FOR_INSERT_UPDATE',
    'INVALID_ID_FIELD',
    'INVALID_TYPE',
    'MISSING_ARGUMENT',
    'REQUIRED_FIELD_MISSING',
    'STRING_TOO_LONG',
    'UNABLE_TO_LOCK_ROW',
    'UNDELETE_FAILED',
    'UNKNOWN_EXCEPTION'
] as const;

/** `System.StatusCode` values: native objects holding the code's name, equal by name. */
export const StatusCodeNative: NativeClass = defineNative({
    name: 'StatusCode',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.cls.lname === 'statuscode',
    staticProps: Object.fromEntries(STATUS_CODES.map((c) => [c, () => statusCode(c)])),
    valueEquals: (a, b) => a === b,
    valueHash: (a) => String(a).length,
    methods: {
        name: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => stateOf<string>(self) }],
        toString: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => stateOf<string>(self) }]
    }
});

/** A `StatusCode` value by name. */
export function statusCode(name: string): NativeObject {
    return new NativeObject(StatusCodeNative, name);
}

/** `System.AccessLevel.USER_MODE` / `SYSTEM_MODE` (Apex Reference Guide › AccessLevel Class). */
export const AccessLevelNative: NativeClass = defineNative({
    name: 'AccessLevel',
    namespace: 'System',
    isInstance: (v) => v instanceof NativeObject && v.cls.lname === 'accesslevel',
    staticProps: {
        USER_MODE: () => new NativeObject(AccessLevelNative, 'user'),
        SYSTEM_MODE: () => new NativeObject(AccessLevelNative, 'system')
    },
    statics: {
        withPermissionSetId: [
            {
                params: ['Object'],
                fn: () => {
                    throw new UnsupportedApexError('AccessLevel.withPermissionSetId (developer preview)');
                }
            }
        ]
    },
    valueEquals: (a, b) => a === b,
    valueHash: (a) => String(a).length
});

/** Whether a value is an `AccessLevel`. */
export function isAccessLevel(v: ApexValue): boolean {
    return v instanceof NativeObject && v.cls === AccessLevelNative;
}

/** The mode an `AccessLevel` value stands for. */
export function accessLevelOf(v: ApexValue): 'user' | 'system' {
    if (!isAccessLevel(v))
        throw new UnsupportedApexError('an AccessLevel argument that is not AccessLevel.USER_MODE/SYSTEM_MODE');
    return stateOf<'user' | 'system'>(v);
}

/** `Database.Error`: getStatusCode, getMessage, getFields. */
export const DatabaseErrorNative: NativeClass = defineNative({
    name: 'Error',
    namespace: 'Database',
    methods: {
        getStatusCode: [{ params: [], fn: (_rt, s) => statusCode(stateOf<DmlError>(s).statusCode) }],
        getMessage: [{ params: [], fn: (_rt, s) => stateOf<DmlError>(s).message }],
        getFields: [
            {
                params: [],
                fn: (_rt, s) => new ApexList({ k: 'prim', name: 'String' }, [...stateOf<DmlError>(s).fields])
            }
        ]
    }
});

const ERROR_TYPE: ApexType = { k: 'native', cls: DatabaseErrorNative, args: [] };

function errorsOf(r: SaveResult): ApexList {
    return new ApexList(
        ERROR_TYPE,
        r.errors.map((e) => new NativeObject(DatabaseErrorNative, e))
    );
}

function resultClass(
    name: string,
    extra: Record<string, { params: []; fn: (rt: NativeRuntime, s: ApexValue) => ApexValue }[]> = {}
): NativeClass {
    return defineNative({
        name,
        namespace: 'Database',
        methods: {
            getId: [{ params: [], fn: (_rt, s) => stateOf<SaveResult>(s).id }],
            isSuccess: [{ params: [], fn: (_rt, s) => stateOf<SaveResult>(s).success }],
            getErrors: [{ params: [], fn: (_rt, s) => errorsOf(stateOf<SaveResult>(s)) }],
            ...extra
        }
    });
}

export const SaveResultNative: NativeClass = resultClass('SaveResult');
export const UpsertResultNative: NativeClass = resultClass('UpsertResult', {
    isCreated: [{ params: [], fn: (_rt, s) => stateOf<UpsertResult>(s).created }]
});
export const DeleteResultNative: NativeClass = resultClass('DeleteResult');
export const UndeleteResultNative: NativeClass = resultClass('UndeleteResult');

/** The result class of each DML operation. */
export const RESULT_CLASSES: Record<'insert' | 'update' | 'upsert' | 'delete' | 'undelete', NativeClass> = {
    insert: SaveResultNative,
    update: SaveResultNative,
    upsert: UpsertResultNative,
    delete: DeleteResultNative,
    undelete: UndeleteResultNative
};

/** Results as Apex sees them: one object for a single record, a typed List for a list. */
export function resultsValue(cls: NativeClass, results: SaveResult[], single: boolean): ApexValue {
    const objs = results.map((r) => new NativeObject(cls, r));
    if (single) return objs[0] ?? null;
    return new ApexList({ k: 'native', cls, args: [] }, objs);
}

/** `Database.Savepoint`: opaque. */
export const SavepointNative: NativeClass = defineNative({ name: 'Savepoint', namespace: 'Database' });

/** The natives of this file, for registration. */
export const RESULT_NATIVES: readonly NativeClass[] = [
    StatusCodeNative,
    AccessLevelNative,
    DatabaseErrorNative,
    SaveResultNative,
    UpsertResultNative,
    DeleteResultNative,
    UndeleteResultNative,
    SavepointNative
];
