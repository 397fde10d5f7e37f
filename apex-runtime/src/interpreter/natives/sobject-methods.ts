/**
 * SObject instance methods the interpreter core leaves to natives (Apex Reference Guide › SObject
 * Class): `getSObjectType()` (the object's token), `getSObjects(relationshipName)` (a child
 * relationship's records, null when not queried) and `addError` with a field (`addError(fieldName,
 * msg)`, `addError(SObjectField, msg)`) next to the one-argument forms. The core dispatches every
 * method this class defines here.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { childRelationshipOf } from '../../data/schema.ts';
import { SObject } from '../../data/sobject.ts';
import { ApexList } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { ApexObject, NativeObject } from '../model.ts';
import { messageOf } from '../exceptions.ts';
import { SOBJECT_TYPE } from '../types.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { fieldOfToken, sobjectTypeToken, SObjectFieldNative } from './schema-tokens.ts';
import { nn, str } from './platform.ts';
import { sobjectGet, sobjectPut } from '../expressions.ts';
import type { Interpreter } from '../interpreter.ts';

function rec(self: ApexValue): SObject {
    if (self instanceof SObject) return self;
    throw new UnsupportedApexError('SObject method on a non-SObject');
}

/** The message of `addError(msg)`: a String, or an exception's message (SObject Class › addError(exceptionError)). */
function messageText(rt: NativeRuntime, v: ApexValue): string {
    if (v instanceof ApexObject && v.cls.isException) return messageOf(v);
    return rt.stringOf(v);
}

function isFieldToken(v: ApexValue): boolean {
    return v instanceof NativeObject && v.cls === SObjectFieldNative;
}

/** `put(field, value)` returns the field's previous value (SObject Class › put). */
function put(rt: NativeRuntime, r: SObject, name: string, v: ApexValue): ApexValue {
    const prev = r.has(name) ? (r.get(name) as ApexValue) : null;
    sobjectPut(rt as Interpreter, r, name, v);
    return prev;
}

/** A field named by a String or a token (SObject Class: get/put/isSet take either). */
function fieldName(v: ApexValue): string {
    if (isFieldToken(v)) return fieldOfToken(v).field.name;
    if (typeof v === 'string') return v;
    throw new UnsupportedApexError('SObject field argument that is neither a String nor an SObjectField');
}

export const SObjectNative: NativeClass = defineNative({
    name: 'SObject',
    namespace: 'System',
    methods: {
        get: [
            {
                params: ['String'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    sobjectGet(rt as Interpreter, rec(s), str(a, 0))
            },
            {
                params: [isFieldToken],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    sobjectGet(rt as Interpreter, rec(s), fieldName(nn(a, 0)))
            }
        ],
        put: [
            {
                params: ['String', 'Object'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => put(rt, rec(s), str(a, 0), a[1] ?? null)
            },
            {
                params: [isFieldToken, 'Object'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) =>
                    put(rt, rec(s), fieldName(nn(a, 0)), a[1] ?? null)
            }
        ],
        isSet: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => rec(s).isSet(str(a, 0))
            },
            {
                params: [isFieldToken],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => rec(s).isSet(fieldName(nn(a, 0)))
            }
        ],
        getSObjectType: [{ params: [], fn: (_rt: NativeRuntime, s: ApexValue) => sobjectTypeToken(rec(s).describe) }],
        getSObjects: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => {
                    const r = rec(s);
                    const rel = str(a, 0);
                    if (!childRelationshipOf(r.describe, rel))
                        throw new UnsupportedApexError(`getSObjects('${rel}'): not a child relationship of ${r.type}`);
                    const rows = r.getSObjects(rel);
                    return rows === null ? null : new ApexList(SOBJECT_TYPE, rows);
                }
            }
        ],
        addError: [
            {
                params: ['Object'],
                fn: (rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => {
                    rec(s).addError(messageText(rt, nn(a, 0)));
                    return null;
                }
            },
            {
                // addError(errorMsg, escape): escaping concerns how the UI shows the message, not its text.
                params: ['String', 'Boolean'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => {
                    rec(s).addError(str(a, 0));
                    return null;
                }
            },
            {
                params: ['String', 'String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => {
                    rec(s).addError(str(a, 1), str(a, 0));
                    return null;
                }
            },
            {
                params: [isFieldToken, 'String'],
                fn: (_rt: NativeRuntime, s: ApexValue, a: ApexValue[]) => {
                    rec(s).addError(str(a, 1), fieldOfToken(nn(a, 0)).field.name);
                    return null;
                }
            }
        ]
    }
});
