/**
 * `Id` (Apex Reference Guide › ID Class): `Id.valueOf(String)` (15 or 18 characters, validated and
 * made 18 by `data/ids.ts`) and `getSObjectType()` (the object whose key prefix starts the Id, from
 * the schema; its token from the data layer). Id values are Strings at run time, so the
 * interpreter sends an Id method the String class lacks here.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { normalizeId, keyPrefixOf } from '../../data/ids.ts';
import type { ApexValue } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeRuntime } from './registry.ts';
import { objectMethods } from './object-methods.ts';
import { str } from './platform.ts';
import type { PlatformRuntime } from './platform.ts';

/** `getSObjectType()`: the type token of the object whose key prefix starts the Id. */
function sobjectTypeOf(rt: NativeRuntime, id: string): ApexValue {
    const p = rt as PlatformRuntime;
    const statics = p.sobjectStatics;
    if (!p.schema || !statics) throw new UnsupportedApexError('Id.getSObjectType without the schema and data layer');
    const describe = p.schema.byKeyPrefix(keyPrefixOf(id));
    if (!describe)
        throw new UnsupportedApexError(`Id.getSObjectType of an Id with unknown key prefix ${keyPrefixOf(id)}`);
    const token = statics.member(describe.name, 'SObjectType');
    if (token === undefined) throw new UnsupportedApexError(`${describe.name}.SObjectType`);
    return token;
}

export const IdNative = defineNative({
    name: 'Id',
    namespace: 'System',
    statics: {
        valueOf: [
            // ID Class › valueOf: invalid text raises `System.StringException: Invalid id: …` (data/ids.ts).
            { params: ['String'], fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => normalizeId(str(a, 0)) }
        ]
    },
    methods: {
        ...objectMethods(),
        getSObjectType: [{ params: [], fn: (rt: NativeRuntime, self: ApexValue) => sobjectTypeOf(rt, self as string) }],
        to15: [{ params: [], fn: (_rt: NativeRuntime, self: ApexValue) => (self as string).slice(0, 15) }]
    }
});
