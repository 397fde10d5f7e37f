/**
 * Custom settings' static methods on their SObject types (Apex Reference Guide › Custom Settings
 * Methods): hierarchy settings' `getInstance()`, `getInstance(userOrProfileId)`, `getOrgDefaults()`,
 * `getValues(userOrProfileId)`; list settings' `getAll()`, `getInstance(name)`, `getValues(name)`.
 * The data functions are `data/custom-settings.ts`'s; these reads count no SOQL query.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { SObjectDescribe } from '../../data/schema.ts';
import { ApexMap } from '../collections.ts';
import type { ApexValue } from '../model.ts';
import { prim } from '../types.ts';
import type { NativeRuntime } from './registry.ts';
import { orgContextOf } from './org-context.ts';

function argText(a: ApexValue[], i: number, what: string): string {
    const v = a[i] ?? null;
    if (v === null) throw new UnsupportedApexError(`${what}(null) (not documented)`);
    if (typeof v !== 'string') throw new UnsupportedApexError(`${what} with a non-String argument`);
    return v;
}

/**
 * Runs `Type.method(args)` when `d` is a custom setting and the method one of its documented ones;
 * undefined otherwise (the caller refuses the call).
 */
export function customSettingCall(
    rt: NativeRuntime,
    d: SObjectDescribe,
    method: string,
    a: ApexValue[]
): ApexValue | undefined {
    const kind = d.customSettingsType;
    if (!kind) return undefined;
    const m = method.toLowerCase();
    const what = `${d.name}.${method}`;
    if (kind === 'Hierarchy') {
        if (m === 'getinstance' && a.length === 0) return orgContextOf(rt, what).customSettings().getInstance(d.name);
        if (m === 'getinstance' && a.length === 1)
            return orgContextOf(rt, what)
                .customSettings()
                .getInstance(d.name, argText(a, 0, what));
        if (m === 'getorgdefaults' && a.length === 0)
            return orgContextOf(rt, what).customSettings().getOrgDefaults(d.name);
        if (m === 'getvalues' && a.length === 1)
            return orgContextOf(rt, what)
                .customSettings()
                .getValues(d.name, argText(a, 0, what));
        return undefined;
    }
    if (m === 'getall' && a.length === 0) {
        const out = new ApexMap(prim('String'), { k: 'sobject', name: d.name });
        for (const [k, v] of orgContextOf(rt, what).customSettings().getAll(d.name)) out.put(k, v);
        return out;
    }
    if ((m === 'getinstance' || m === 'getvalues') && a.length === 1)
        return orgContextOf(rt, what)
            .customSettings()
            .getListValue(d.name, argText(a, 0, what));
    return undefined;
}
