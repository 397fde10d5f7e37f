/**
 * `RestContext`, `RestRequest` and `RestResponse` (Apex Reference Guide › RestContext Class, RestRequest
 * Class, RestResponse Class): what an `@RestResource` method reads and writes. Their members are
 * properties, read and written with `.name`; `RestContext.request`/`response` hold what the caller (a
 * test, offline) put there for the current transaction, null until then.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { Blob } from '../../values/blob.ts';
import { ApexMap } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { prim } from '../types.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeOverload, NativeRuntime } from './registry.ts';
import { str } from './platform.ts';
import { transactionState } from './transaction-state.ts';

/** A property's declared type, checked on assignment as the compiler would. */
type PropKind = 'String' | 'Blob' | 'Integer' | 'Map';

const FITS: Record<PropKind, (v: ApexValue) => boolean> = {
    String: (v) => typeof v === 'string',
    Blob: (v) => v instanceof Blob,
    Integer: (v) => typeof v === 'number',
    Map: (v) => v instanceof ApexMap
};

function stringMap(): ApexMap {
    return new ApexMap(prim('String'), prim('String'));
}

/** A native whose state is a record of properties of the given kinds; maps start empty, others null. */
function propertyClass(
    name: string,
    props: Record<string, PropKind>,
    methods: Record<string, NativeOverload[]>
): NativeClass {
    const lname = name.toLowerCase();
    const kinds = new Map(Object.entries(props).map(([k, kind]) => [k.toLowerCase(), kind]));
    const stateOf = (v: ApexValue): Map<string, ApexValue> => {
        if (v instanceof NativeObject && v.cls.lname === lname) return v.state as Map<string, ApexValue>;
        throw new UnsupportedApexError(`${name} member on a non-${name}`);
    };
    const cls: NativeClass = defineNative({
        name,
        namespace: 'System',
        isInstance: (v) => v instanceof NativeObject && v.cls === cls,
        constructors: [
            {
                params: [],
                fn: () => {
                    const state = new Map<string, ApexValue>();
                    for (const [k, kind] of kinds) state.set(k, kind === 'Map' ? stringMap() : null);
                    return new NativeObject(cls, state);
                }
            }
        ],
        instanceMember: (_rt, self, member) => {
            const l = member.toLowerCase();
            return kinds.has(l) ? (stateOf(self).get(l) ?? null) : undefined;
        },
        setInstanceMember: (_rt, self, member, value) => {
            const kind = kinds.get(member.toLowerCase());
            if (!kind) return false;
            if (value !== null && !FITS[kind](value))
                throw new UnsupportedApexError(`assignment of a non-${kind} to ${name}.${member}`);
            stateOf(self).set(member.toLowerCase(), value);
            return true;
        },
        methods
    });
    return cls;
}

/** `addHeader(name, value)` / `addParameter(name, value)`: a put into the map property `prop`. */
function putInto(prop: string): NativeOverload[] {
    return [
        {
            params: ['String', 'String'],
            fn: (rt: NativeRuntime, self: ApexValue, a: ApexValue[]) => {
                const map = (self as NativeObject).cls.instanceMember?.(rt, self, prop);
                if (!(map instanceof ApexMap)) throw new UnsupportedApexError(`${prop}.put on a null map`);
                map.put(str(a, 0), a[1] ?? null);
                return null;
            }
        }
    ];
}

export const RestRequestNative: NativeClass = propertyClass(
    'RestRequest',
    {
        headers: 'Map',
        httpMethod: 'String',
        params: 'Map',
        remoteAddress: 'String',
        requestBody: 'Blob',
        requestURI: 'String',
        resourcePath: 'String'
    },
    { addHeader: putInto('headers'), addParameter: putInto('params') }
);

export const RestResponseNative: NativeClass = propertyClass(
    'RestResponse',
    { headers: 'Map', responseBody: 'Blob', statusCode: 'Integer' },
    { addHeader: putInto('headers') }
);

interface RestContextState {
    request: ApexValue;
    response: ApexValue;
}

const REST_CONTEXT_KEY = {};

function contextOf(rt: NativeRuntime): RestContextState {
    return transactionState(rt, REST_CONTEXT_KEY, (): RestContextState => ({ request: null, response: null }));
}

export const RestContextNative: NativeClass = defineNative({
    name: 'RestContext',
    namespace: 'System',
    staticProps: {
        request: (rt) => contextOf(rt).request,
        response: (rt) => contextOf(rt).response
    },
    setStaticMember: (rt, member, value) => {
        const l = member.toLowerCase();
        if (l !== 'request' && l !== 'response') return false;
        const cls = l === 'request' ? RestRequestNative : RestResponseNative;
        if (value !== null && !(value instanceof NativeObject && value.cls === cls))
            throw new UnsupportedApexError(`assignment of a non-${cls.name} to RestContext.${member}`);
        contextOf(rt)[l] = value;
        return true;
    }
});

/** The REST natives, registered in core.ts. */
export const REST_NATIVES: readonly NativeClass[] = [RestRequestNative, RestResponseNative, RestContextNative];
