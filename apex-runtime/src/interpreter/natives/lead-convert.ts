/**
 * `Database.LeadConvert`, `Database.LeadConvertResult` and `Database.convertLead` (Apex Reference Guide ›
 * LeadConvert Class, LeadConvertResult Class, Database Class › convertLead) over `data/lead-convert.ts`.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { convertLeads } from '../../data/lead-convert.ts';
import { normalizeId } from '../../data/ids.ts';
import type { LeadConversion, LeadConverted } from '../../data/lead-convert.ts';
import { ApexList } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { ApexDate } from '../values-bridge.ts';
import { dataLayerOf } from '../data/layer.ts';
import { DatabaseErrorNative, accessLevelOf, isAccessLevel } from './database-results.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeOverload, NativeRuntime } from './registry.ts';

function conversionOf(v: ApexValue): LeadConversion {
    if (v instanceof NativeObject && v.cls === LeadConvertNative) return v.state as LeadConversion;
    throw new UnsupportedApexError('Database.LeadConvert method on a non-LeadConvert');
}

type Key = keyof LeadConversion;

/** `getX()` / `setX(v)` of one LeadConvert property (`isX()` for the Boolean ones). */
function property(key: Key, getter: string, setter: string, kind: string): Record<string, NativeOverload[]> {
    return {
        [getter]: [{ params: [], fn: (_rt, s) => conversionOf(s)[key] }],
        [setter]: [
            {
                params: [kind === 'Id' ? 'String' : kind],
                fn: (_rt, s, a) => {
                    const v = a[0] ?? null;
                    const c = conversionOf(s) as unknown as Record<Key, unknown>;
                    // An Id parameter takes a String, validated as Apex converts it (Primitive Data Types › ID).
                    c[key] =
                        kind === 'Boolean' ? v === true : kind === 'Id' && typeof v === 'string' ? normalizeId(v) : v;
                    return null;
                }
            }
        ]
    };
}

export const LeadConvertNative: NativeClass = defineNative({
    name: 'LeadConvert',
    namespace: 'Database',
    isInstance: (v) => v instanceof NativeObject && v.cls === LeadConvertNative,
    constructors: [
        {
            params: [],
            fn: () =>
                new NativeObject(LeadConvertNative, {
                    leadId: null,
                    convertedStatus: null,
                    accountId: null,
                    contactId: null,
                    ownerId: null,
                    doNotCreateOpportunity: false,
                    overwriteLeadSource: false
                } satisfies LeadConversion)
        }
    ],
    methods: {
        ...property('leadId', 'getLeadId', 'setLeadId', 'Id'),
        ...property('convertedStatus', 'getConvertedStatus', 'setConvertedStatus', 'String'),
        ...property('accountId', 'getAccountId', 'setAccountId', 'Id'),
        ...property('contactId', 'getContactId', 'setContactId', 'Id'),
        ...property('ownerId', 'getOwnerId', 'setOwnerId', 'Id'),
        ...property('doNotCreateOpportunity', 'isDoNotCreateOpportunity', 'setDoNotCreateOpportunity', 'Boolean'),
        ...property('overwriteLeadSource', 'isOverwriteLeadSource', 'setOverwriteLeadSource', 'Boolean')
    }
});

function resultOf(v: ApexValue): LeadConverted {
    if (v instanceof NativeObject && v.cls === LeadConvertResultNative) return v.state as LeadConverted;
    throw new UnsupportedApexError('Database.LeadConvertResult method on a non-LeadConvertResult');
}

export const LeadConvertResultNative: NativeClass = defineNative({
    name: 'LeadConvertResult',
    namespace: 'Database',
    isInstance: (v) => v instanceof NativeObject && v.cls === LeadConvertResultNative,
    methods: {
        getLeadId: [{ params: [], fn: (_rt, s) => resultOf(s).leadId }],
        getAccountId: [{ params: [], fn: (_rt, s) => resultOf(s).accountId }],
        getContactId: [{ params: [], fn: (_rt, s) => resultOf(s).contactId }],
        getOpportunityId: [{ params: [], fn: (_rt, s) => resultOf(s).opportunityId }],
        // Only successful conversions are modelled (failures are refused): no errors.
        isSuccess: [{ params: [], fn: (_rt, s) => (resultOf(s), true) }],
        getErrors: [
            {
                params: [],
                fn: (_rt, s) => (resultOf(s), new ApexList({ k: 'native', cls: DatabaseErrorNative, args: [] }, []))
            }
        ]
    }
});

const isLeadConvert = (v: ApexValue): boolean => v instanceof NativeObject && v.cls === LeadConvertNative;
const isLeadConvertList = (v: ApexValue): boolean => v instanceof ApexList && v.items.every(isLeadConvert);

function convert(rt: NativeRuntime, target: ApexValue, level: 'user' | 'system'): ApexValue {
    const single = !(target instanceof ApexList);
    const items = target instanceof ApexList ? target.items : [target];
    const layer = dataLayerOf(rt);
    const results = convertLeads(
        { ...layer.dmlContext(), today: () => ApexDate.today(rt.now(), rt.userTimeZone()) },
        items.map(conversionOf),
        level
    );
    const objs = results.map((r) => new NativeObject(LeadConvertResultNative, r));
    if (single) return objs[0] ?? null;
    return new ApexList({ k: 'native', cls: LeadConvertResultNative, args: [] }, objs);
}

function allOrNoneOf(v: ApexValue): void {
    // Failures are refused, so allOrNone changes nothing that is modelled; a null is a compile-time Boolean.
    if (typeof v !== 'boolean') throw new UnsupportedApexError('Database.convertLead with a null allOrNone');
}

/** `convertLead(lc[, allOrNone][, accessLevel])`, one LeadConvert or a List (Database Class › convertLead). */
export function convertLeadOverloads(): NativeOverload[] {
    const out: NativeOverload[] = [];
    for (const kind of [isLeadConvert, isLeadConvertList]) {
        out.push(
            { params: [kind], fn: (rt, _s, a) => convert(rt, a[0] ?? null, 'system') },
            {
                params: [kind, 'Boolean'],
                fn: (rt, _s, a) => (allOrNoneOf(a[1] ?? null), convert(rt, a[0] ?? null, 'system'))
            },
            {
                params: [kind, isAccessLevel],
                fn: (rt, _s, a) => convert(rt, a[0] ?? null, accessLevelOf(a[1] ?? null))
            },
            {
                params: [kind, 'Boolean', isAccessLevel],
                fn: (rt, _s, a) => (allOrNoneOf(a[1] ?? null), convert(rt, a[0] ?? null, accessLevelOf(a[2] ?? null)))
            }
        );
    }
    return out;
}

/** The lead-conversion natives, registered with the Database ones. */
export const LEAD_CONVERT_NATIVES: readonly NativeClass[] = [LeadConvertNative, LeadConvertResultNative];
