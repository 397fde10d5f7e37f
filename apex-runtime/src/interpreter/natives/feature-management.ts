/**
 * `System.FeatureManagement` (Apex Reference Guide › FeatureManagement Class): `checkPermission(apiName)`,
 * whether the running user holds the custom permission through a permission set or their profile
 * (`UserAccess.hasCustomPermission`). The package-feature parameter methods are not modelled: refused.
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { ApexValue } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { orgContextOf } from './org-context.ts';
import { str } from './platform.ts';

function checkPermission(rt: NativeRuntime, name: string): boolean {
    const ctx = orgContextOf(rt, 'FeatureManagement.checkPermission');
    // What orgs answer for a name no custom permission has is not documented: refused, never guessed.
    if (!ctx.metadata().customPermissions.has(name.toLowerCase()))
        throw new UnsupportedApexError(
            `FeatureManagement.checkPermission('${name}') of a custom permission the project does not define`
        );
    return ctx.userAccess().hasCustomPermission(name);
}

export const FeatureManagementNative: NativeClass = defineNative({
    name: 'FeatureManagement',
    namespace: 'System',
    statics: {
        checkPermission: [
            {
                params: ['String'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => checkPermission(rt, str(a, 0))
            }
        ]
    }
});
