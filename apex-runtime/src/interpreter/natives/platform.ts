/**
 * What the value natives (numbers, Date/Datetime, JSON, Url, Id…) ask of the running interpreter
 * beyond `NativeRuntime`, as one narrow interface the `Interpreter` satisfies structurally, and the
 * argument helpers they share.
 */
import { UnsupportedApexError } from '../../errors.ts';
import { nullPointerException } from '../../values/signal.ts';
import type { ApexType, ApexValue, ClassInfo, FieldInfo } from '../model.ts';
import { ApexObject } from '../model.ts';
import type { NativeRuntime } from './registry.ts';
import type { SObjectDescribe } from '../../data/schema.ts';

/** The user's locale when the runtime names none (the locale of the Apex Reference Guide's examples). */
export const DEFAULT_LOCALE = 'en_US';

/** What the value natives need from the interpreter; every member is optional so a bare NativeRuntime still works. */
export interface PlatformRuntime extends NativeRuntime {
    /** The running user's `LocaleSidKey` (`en_US`, `fr_FR`). */
    userLocale?(): string;
    /** The org's My Domain URL (`URL.getOrgDomainUrl()`), e.g. `https://acme.my.salesforce.com`. */
    orgDomainUrl?(): string;
    /** The API version of SObject `attributes.url` in JSON (`65.0`). */
    apiVersion?(): string;
    /** The org's objects, for Id key prefixes and JSON of SObjects. */
    readonly schema?: {
        byKeyPrefix(prefix: string): SObjectDescribe | undefined;
        describe(name: string): SObjectDescribe | undefined;
    };
    /** Static members of SObject types (`Contact.SObjectType`), from the data layer. */
    readonly sobjectStatics?: { member(typeName: string, name: string): ApexValue | undefined } | null;
    /** `new Cls()` with its constructor chain (typed JSON). */
    instantiate?(cls: ClassInfo, args: ApexValue[], line: number): ApexObject;
    /** Reads a field or property, running its getter. */
    readField?(fi: FieldInfo, obj: ApexObject | null, f: null): ApexValue;
    /** Writes a field or property, running its setter and coercing to its type. */
    writeField?(fi: FieldInfo, obj: ApexObject | null, value: ApexValue, f: null): ApexValue;
    /** A field's resolved type. */
    fieldType?(fi: FieldInfo): ApexType;
}

/** The running user's locale. */
export function localeOf(rt: NativeRuntime): string {
    return (rt as PlatformRuntime).userLocale?.() ?? DEFAULT_LOCALE;
}

/** The i-th argument, which must not be null (Apex dereferences it: NullPointerException). */
export function nn(a: ApexValue[], i: number): ApexValue {
    const v = a[i] ?? null;
    if (v === null) throw nullPointerException();
    return v;
}

/** The i-th argument as a non-null String. */
export function str(a: ApexValue[], i: number): string {
    const v = nn(a, i);
    if (typeof v !== 'string') throw new UnsupportedApexError(`a ${typeof v} where a String is expected`);
    return v;
}

/** The i-th argument as a non-null Integer (a Long or Decimal is refused: Apex would not compile it). */
export function int(a: ApexValue[], i: number): number {
    const v = nn(a, i);
    if (typeof v !== 'number') throw new UnsupportedApexError(`a ${typeof v} where an Integer is expected`);
    return v;
}

/** The i-th argument as an instance of the given JS class. */
export function inst<T>(a: ApexValue[], i: number, ctor: abstract new (...args: never[]) => T, what: string): T {
    const v = nn(a, i);
    if (!(v instanceof ctor)) throw new UnsupportedApexError(`a non-${what} where a ${what} is expected`);
    return v;
}

/** `self` of an instance method, typed. */
export function selfAs<T>(self: ApexValue, ctor: abstract new (...args: never[]) => T, what: string): T {
    if (!(self instanceof ctor)) throw new UnsupportedApexError(`${what} method on a non-${what}`);
    return self;
}
