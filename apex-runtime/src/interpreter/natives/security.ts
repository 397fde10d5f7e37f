/**
 * `System.Security.stripInaccessible(accessCheckType, sourceRecords[, enforceRootObjectCRUD])` and
 * `System.SObjectAccessDecision` (Apex Reference Guide › Security Class, SObjectAccessDecision Class;
 * Apex Developer Guide › Enforce Security with the stripInaccessible Method) over
 * `data/strip-inaccessible.ts`, for the running user.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { stripInaccessible } from '../../data/strip-inaccessible.ts';
import type { AccessType, SObjectAccessDecisionData } from '../../data/strip-inaccessible.ts';
import { SObject } from '../../data/sobject.ts';
import { ApexList, ApexMap, ApexSet } from '../collections.ts';
import type { ApexType, ApexValue } from '../model.ts';
import { NativeObject } from '../model.ts';
import { prim, SOBJECT_TYPE } from '../types.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { AccessTypeEnum } from './schema-enums.ts';
import { orgContextOf } from './org-context.ts';
import { nn } from './platform.ts';

interface Decision {
    data: SObjectAccessDecisionData;
    /** The element type of the source list (the records keep their object). */
    elemType: ApexType;
}

function strip(rt: NativeRuntime, a: ApexValue[], enforce: boolean): NativeObject {
    const type = AccessTypeEnum.nameOf(nn(a, 0)) as AccessType;
    const source = nn(a, 1);
    if (!(source instanceof ApexList)) throw new UnsupportedApexError('Security.stripInaccessible of a non-List');
    const records: SObject[] = [];
    for (const r of source.items) {
        // A null element: what the method does with it is not documented.
        if (!(r instanceof SObject))
            throw new UnsupportedApexError('Security.stripInaccessible of a list with a null or non-SObject element');
        records.push(r);
    }
    const access = orgContextOf(rt, 'Security.stripInaccessible').userAccess();
    const data = stripInaccessible(access, type, records, enforce);
    return new NativeObject(SObjectAccessDecisionNative, { data, elemType: source.elemType } satisfies Decision);
}

function decisionOf(self: ApexValue): Decision {
    if (self instanceof NativeObject && self.cls === SObjectAccessDecisionNative) return self.state as Decision;
    throw new UnsupportedApexError('SObjectAccessDecision method on another value');
}

export const SObjectAccessDecisionNative: NativeClass = defineNative({
    name: 'SObjectAccessDecision',
    namespace: 'System',
    methods: {
        getRecords: [
            {
                params: [],
                fn: (_rt: NativeRuntime, s: ApexValue) => {
                    const d = decisionOf(s);
                    return new ApexList(d.elemType.k === 'sobject' ? d.elemType : SOBJECT_TYPE, [...d.data.records]);
                }
            }
        ],
        getRemovedFields: [
            {
                params: [],
                fn: (_rt: NativeRuntime, s: ApexValue) => {
                    const m = new ApexMap(prim('String'), { k: 'set', elem: prim('String') });
                    for (const [object, fields] of decisionOf(s).data.removedFields) {
                        const set = new ApexSet(prim('String'));
                        for (const f of fields) set.add(f);
                        m.put(object, set);
                    }
                    return m;
                }
            }
        ],
        getModifiedIndexes: [
            {
                params: [],
                fn: (_rt: NativeRuntime, s: ApexValue) => {
                    const set = new ApexSet(prim('Integer'));
                    for (const i of [...decisionOf(s).data.modifiedIndexes].sort((x, y) => x - y)) set.add(i);
                    return set;
                }
            }
        ]
    }
});

export const SecurityNative: NativeClass = defineNative({
    name: 'Security',
    namespace: 'System',
    statics: {
        stripInaccessible: [
            {
                params: ['Object', 'List'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => strip(rt, a, true)
            },
            {
                params: ['Object', 'List', 'Boolean'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => strip(rt, a, nn(a, 2) === true)
            }
        ]
    }
});
