/**
 * The maps describe calls return, whose String keys are case-insensitive (Apex Developer Guide ›
 * Accessing All sObjects: "The sObject names are case insensitive"; Accessing All Field Describe
 * Results for an sObject: "The field names are case insensitive"): keys are stored in lower case,
 * as orgs return them, and looked up in lower case.
 */
import { ApexMap } from '../collections.ts';
import type { ApexValue } from '../model.ts';

function low(k: ApexValue): ApexValue {
    return typeof k === 'string' ? k.toLowerCase() : k;
}

/** An `ApexMap` whose String keys match case-insensitively. */
export class CaseInsensitiveMap extends ApexMap {
    override get(k: ApexValue): ApexValue {
        return super.get(low(k));
    }
    override put(k: ApexValue, v: ApexValue): ApexValue {
        return super.put(low(k), v);
    }
    override has(k: ApexValue): boolean {
        return super.has(low(k));
    }
    override delete(k: ApexValue): ApexValue {
        return super.delete(low(k));
    }
}
