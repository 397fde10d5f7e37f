/**
 * Static members of SObject types, as the interpreter's `SObjectStatics`: `Contact.SObjectType`,
 * `Contact.Phone` (tokens, `schema-tokens.ts`) and custom settings' methods (`custom-settings.ts`).
 */
import type { SchemaRegistry } from '../../data/schema.ts';
import type { ApexValue } from '../model.ts';
import type { NativeRuntime } from './registry.ts';
import { sobjectStaticMember } from './schema-tokens.ts';
import { customSettingCall } from './custom-settings.ts';

/** What the interpreter asks of SObject types' static members (its `SObjectStatics`). */
export interface SObjectStaticsImpl {
    member(typeName: string, name: string): ApexValue | undefined;
    call(typeName: string, method: string, args: ApexValue[]): ApexValue | undefined;
}

/** The static members of the schema's SObject types, for the runtime `rt`. */
export function schemaSObjectStatics(rt: NativeRuntime, schema: SchemaRegistry): SObjectStaticsImpl {
    return {
        member: (typeName, name) => {
            const d = schema.describe(typeName);
            return d ? sobjectStaticMember(d, name) : undefined;
        },
        call: (typeName, method, args) => {
            const d = schema.describe(typeName);
            return d ? customSettingCall(rt, d, method, args) : undefined;
        }
    };
}
