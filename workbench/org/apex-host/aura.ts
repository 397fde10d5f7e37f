/**
 * `@salesforce/apex` calls as the Lightning framework makes them: the component's parameters deserialized into the
 * method's parameter types, the return value serialized to JSON, and an exception delivered as the component
 * receives it.
 *
 * - Serialization: "Only the values of public instance properties and methods annotated with @AuraEnabled are
 *   serialized and returned" (Lightning Aura Components Developer Guide › Returning Data from an Apex Server-Side
 *   Controller, https://developer.salesforce.com/docs/atlas.en-us.lightning.meta/lightning/controllers_server_apex_returning_data.htm).
 * - Errors: an unhandled exception "gets thrown directly to the client", its type, message and stack trace in
 *   `body` (LWC Developer Guide › Handle Errors from Apex,
 *   https://developer.salesforce.com/docs/platform/lwc/guide/apex-error-handling.html); an AuraHandledException
 *   gives the message the Apex chose.
 */
import { UnsupportedApexError } from '../../../apex-runtime/src/errors.ts';
import { SObject } from '../../../apex-runtime/src/data/sobject.ts';
import { methodsOf } from '../../../apex-runtime/src/interpreter/classes.ts';
import { ApexList, ApexMap, ApexSet } from '../../../apex-runtime/src/interpreter/collections.ts';
import { ApexError, ApexThrow } from '../../../apex-runtime/src/interpreter/exceptions.ts';
import type { Interpreter } from '../../../apex-runtime/src/interpreter/interpreter.ts';
import {
    ApexEnumValue,
    ApexObject,
    type ApexValue,
    type ClassInfo,
    type FieldInfo,
    type MethodInfo
} from '../../../apex-runtime/src/interpreter/model.ts';
import { fromJson } from '../../../apex-runtime/src/interpreter/natives/json-values.ts';
import type { PlatformRuntime } from '../../../apex-runtime/src/interpreter/natives/platform.ts';
import { isPrimitive } from '../../../apex-runtime/src/values/text.ts';
import { ApexRuntimeSignal } from '../../../apex-runtime/src/values/signal.ts';
import { parseJson, primitiveToJson } from '../../../apex-runtime/src/values/json-text.ts';
import { nodeToPlain } from './values.ts';

/** The body the component receives for a failed call. */
export interface AuraErrorBody {
    message: string;
    exceptionType: string;
    isUserDefinedException: boolean;
    stackTrace?: string;
}

const isAuraEnabled = (annotations: Array<{ name: string }>): boolean =>
    annotations.some((a) => a.name.toLowerCase() === 'auraenabled');

/** The `@AuraEnabled` static method a component imports (`Class.method`). */
export function findAuraMethod(
    it: Interpreter,
    className: string,
    methodName: string
): { cls: ClassInfo; method: MethodInfo } {
    const cls = it.findClass(className.toLowerCase().split('.'), undefined);
    const method = cls
        ? methodsOf(cls, methodName.toLowerCase()).find(
              (m) => m.isStatic && m.owner === cls && m.decl.kind === 'method' && isAuraEnabled(m.decl.annotations)
          )
        : undefined;
    if (!cls || !method) throw new NoSuchAuraMethod(`${className}.${methodName}`);
    return { cls, method };
}

/** A component asked for a method the package does not expose (the build refuses such an import). */
export class NoSuchAuraMethod extends Error {}

/** The component's parameters (by name) as the method's arguments, deserialized as JSON into each declared type. */
export function auraArguments(
    it: Interpreter,
    cls: ClassInfo,
    method: MethodInfo,
    params: Record<string, unknown>
): ApexValue[] {
    return method.params.map((p) => {
        const key =
            p.name in params ? p.name : Object.keys(params).find((k) => k.toLowerCase() === p.name.toLowerCase());
        const value = key === undefined ? null : params[key];
        const node = parseJson(JSON.stringify(value ?? null));
        return fromJson(it as unknown as PlatformRuntime, node, it.resolveType(p.type, cls), false);
    });
}

/** Whether a field or property of an Apex class is `@AuraEnabled`. */
function auraEnabledField(fi: FieldInfo): boolean {
    const decl = fi.owner.decl;
    if (!decl || decl.kind !== 'class') return false;
    for (const m of decl.members) {
        if (m.kind === 'field' && m.declarators.some((d) => d.name.toLowerCase() === fi.lname))
            return isAuraEnabled(m.annotations);
        if (m.kind === 'property' && m.name.toLowerCase() === fi.lname) return isAuraEnabled(m.annotations);
    }
    return false;
}

/** The JSON the framework returns for a value (see the module comment). */
export function auraValue(it: Interpreter, v: ApexValue): unknown {
    if (v === null || v === undefined) return null;
    if (isPrimitive(v)) return nodeToPlain(primitiveToJson(v));
    if (v instanceof ApexList) return v.items.map((x) => auraValue(it, x));
    if (v instanceof ApexSet) return [...v.values()].map((x) => auraValue(it, x));
    if (v instanceof ApexMap)
        return Object.fromEntries([...v.entries()].map(([k, x]) => [String(auraValue(it, k)), auraValue(it, x)]));
    if (v instanceof ApexEnumValue) return v.name;
    if (v instanceof SObject)
        return Object.fromEntries(v.fieldEntries().map(([name, x]) => [name, auraValue(it, x as ApexValue)]));
    if (v instanceof ApexObject) {
        const out: Record<string, unknown> = {};
        for (let k: ClassInfo | undefined = v.cls; k && !k.builtin; k = k.superclass)
            for (const fi of k.instanceFields)
                if (auraEnabledField(fi)) out[fi.name] = auraValue(it, it.readField(fi, v, null));
        return out;
    }
    throw new UnsupportedApexError(`an @AuraEnabled return value of this kind (${Object.prototype.toString.call(v)})`);
}

/** What the component receives for an exception that reached the framework. */
export function auraError(error: unknown): AuraErrorBody {
    const e = error instanceof ApexThrow ? new ApexError(error.exception) : error;
    if (e instanceof ApexError)
        return {
            message: e.apexMessage,
            exceptionType: e.apexType,
            isUserDefinedException: !e.exception.cls.builtin,
            ...(e.apexStack ? { stackTrace: e.apexStack } : {})
        };
    if (e instanceof ApexRuntimeSignal)
        return { message: e.message, exceptionType: e.apexType, isUserDefinedException: false };
    // Not the platform: the runtime refused a construct, or the host failed. Said loudly, never as an Apex error.
    const message = e instanceof Error ? e.message : String(e);
    console.error(`Apex host: ${e instanceof Error ? (e.stack ?? message) : message}`);
    return {
        message: `Workbench: ${message}`,
        exceptionType: e instanceof UnsupportedApexError ? 'Workbench.UnsupportedApex' : 'Workbench.HostError',
        isUserDefinedException: false
    };
}
