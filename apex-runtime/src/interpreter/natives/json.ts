/**
 * `System.JSON` (Apex Reference Guide › JSON Class): serialize / serializePretty (with
 * suppressApexObjectNulls), deserialize / deserializeStrict into a `System.Type`, and
 * deserializeUntyped. `JSONParser` and `JSONGenerator` (createParser, createGenerator) are not used by
 * the package and are refused.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { parseJson, writeJson, writeJsonPretty } from '../../values/json-text.ts';
import type { ApexType, ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeOverload, NativeRuntime } from './registry.ts';
import { fromJson, toJson, untyped } from './json-values.ts';
import type { PlatformRuntime } from './platform.ts';
import { str } from './platform.ts';

function typeArg(v: ApexValue): ApexType {
    if (v instanceof NativeObject && v.cls.lname === 'type') return v.state as ApexType;
    throw new UnsupportedApexError('JSON.deserialize with a non-Type second argument');
}

function serializer(write: (n: ReturnType<typeof toJson>) => string): NativeOverload[] {
    return [
        {
            params: ['Object'],
            fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                write(toJson(rt as PlatformRuntime, a[0] ?? null, false))
        },
        {
            params: ['Object', 'Boolean'],
            fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                write(toJson(rt as PlatformRuntime, a[0] ?? null, a[1] === true))
        }
    ];
}

function deserializer(strict: boolean): NativeOverload[] {
    return [
        {
            params: ['String', 'Type'],
            fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) =>
                fromJson(rt as PlatformRuntime, parseJson(str(a, 0)), typeArg(a[1] ?? null), strict)
        }
    ];
}

const refuse = (what: string): NativeOverload[] => [
    {
        params: [(v: ApexValue) => v === null || typeof v === 'string' || typeof v === 'boolean'],
        fn: () => {
            throw new UnsupportedApexError(what);
        }
    }
];

export const JsonNative = defineNative({
    name: 'JSON',
    namespace: 'System',
    statics: {
        serialize: serializer(writeJson),
        serializePretty: serializer((n) => writeJsonPretty(n)),
        deserialize: deserializer(false),
        deserializeStrict: deserializer(true),
        deserializeUntyped: [
            {
                params: ['String'],
                fn: (_rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => untyped(parseJson(str(a, 0)))
            }
        ],
        createParser: refuse('JSON.createParser (JSONParser)'),
        createGenerator: refuse('JSON.createGenerator (JSONGenerator)')
    }
});
