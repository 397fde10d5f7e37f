/**
 * `System.Label` (Apex Developer Guide › Custom Labels: `System.Label.Label_name`, "the value is
 * returned in the language of the running user"; Apex Reference Guide › Label Class): each custom
 * label of the project's `labels/` as a static member, translated from `translations/` into the
 * running user's language, else its own value. `Label.get(namespace, label[, language])` for the
 * project's own labels (empty namespace).
 */
import { UnsupportedApexError } from '../../errors.ts';
import { labelValue } from '../../data/org-metadata.ts';
import type { ApexValue } from '../model.ts';
import { defineNative } from './registry.ts';
import type { NativeClass, NativeRuntime } from './registry.ts';
import { orgContextOf, userLanguage } from './org-context.ts';
import { str } from './platform.ts';

/** `Label.get`: only the project's labels (a namespace prefix names another package's, which the project cannot hold). */
function get(rt: NativeRuntime, a: ApexValue[], language: string | undefined): ApexValue {
    const ns = a[0] ?? null;
    if (ns !== null && ns !== '')
        throw new UnsupportedApexError(
            `Label.get of namespace ${String(ns)} (only the project's own labels are known)`
        );
    const name = str(a, 1);
    const v = labelValue(orgContextOf(rt, 'Label.get').metadata(), name, language);
    if (v === undefined)
        throw new UnsupportedApexError(`Label.get of unknown label ${name} (the exception is not modelled)`);
    return v;
}

export const LabelNative: NativeClass = defineNative({
    name: 'Label',
    namespace: 'System',
    staticMember: (rt: NativeRuntime, name: string) =>
        labelValue(orgContextOf(rt, `Label.${name}`).metadata(), name, userLanguage(rt)),
    statics: {
        get: [
            {
                params: ['Object', 'String'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => get(rt, a, userLanguage(rt))
            },
            {
                params: ['Object', 'String', 'String'],
                fn: (rt: NativeRuntime, _s: ApexValue, a: ApexValue[]) => get(rt, a, str(a, 2))
            }
        ]
    }
});
