/**
 * How a native (System, Schema, Database…) class is declared: one `defineNative({...})` per file.
 * Methods are `(rt, self, args) => value`; overloads are chosen by argument count, then by the
 * runtime kinds of the arguments (an ambiguous call is refused, never picked silently).
 */
import { UnsupportedApexError } from '../../errors.ts';
import type { ApexValue } from '../model.ts';
import type { Limits } from '../limits.ts';

/** What a native method may ask of the running interpreter. */
export interface NativeRuntime {
    /** Per-transaction governor limits. */
    readonly limits: Limits;
    /** The clock (epoch milliseconds), injectable for tests. */
    now(): number;
    /** The running user's time zone (`TimeZoneSidKey`, e.g. `America/Los_Angeles`). */
    userTimeZone(): string;
    /** `String.valueOf(v)`: the text Apex shows for any value (null → 'null'). */
    stringOf(v: ApexValue): string;
    /** The `==` operator. */
    equals(a: ApexValue, b: ApexValue): boolean;
    /** Calls an Apex instance method on an object (Comparable.compareTo, Comparator.compare…). */
    callMethod(target: ApexValue, name: string, args: ApexValue[]): ApexValue;
    /** Records a `System.debug` message. */
    debug(level: string, message: string): void;
}

/**
 * A parameter kind for overload selection: a primitive name, `Object` (anything, null included),
 * `List`/`Set`/`Map`/`SObject`, `Exception`, or a predicate.
 */
export type ParamKind = string | ((v: ApexValue) => boolean);

export type NativeFn = (rt: NativeRuntime, self: ApexValue, args: ApexValue[]) => ApexValue;

export interface NativeOverload {
    /** Kinds of the parameters; its length is the arity. */
    params: ParamKind[];
    fn: NativeFn;
}

export interface NativeClassSpec {
    name: string;
    namespace: string;
    /**
     * Static methods by name (any case). TypeScript types the `fn` of a `valueOf`/`toString` entry
     * from `Object.prototype`: annotate those parameters `(rt: NativeRuntime, self: ApexValue, args: ApexValue[])`.
     */
    statics?: Record<string, NativeOverload[]>;
    /** Instance methods by name (any case). */
    methods?: Record<string, NativeOverload[]>;
    /** Static properties/constants by name (`Limits` has none; `System.LoggingLevel.DEBUG` style enums use this). */
    staticProps?: Record<string, (rt: NativeRuntime) => ApexValue>;
    /** `new X(...)` overloads. */
    constructors?: NativeOverload[];
    /**
     * Static members whose names are data, not code (`Label.Greeting`, `Schema.SObjectType.Contact`):
     * undefined when the name is not one.
     */
    staticMember?: (rt: NativeRuntime, name: string) => ApexValue | undefined;
    /** Instance members read with `.name` (`describe.fields`, `fields.Phone`): undefined when the name is not one. */
    instanceMember?: (rt: NativeRuntime, self: ApexValue, name: string) => ApexValue | undefined;
    /**
     * Writable instance properties (`request.httpMethod = 'POST'`): stores the value, or returns false when
     * the name is not a writable property (the assignment is then refused).
     */
    setInstanceMember?: (rt: NativeRuntime, self: ApexValue, name: string, value: ApexValue) => boolean;
    /** Writable static properties (`RestContext.request = r`), as `setInstanceMember`. */
    setStaticMember?: (rt: NativeRuntime, name: string, value: ApexValue) => boolean;
    /** `instanceof` for this class. */
    isInstance?: (v: ApexValue) => boolean;
    /** Lower-case names of supertypes (for assignability). */
    supertypes?: string[];
    /** Value equality of two instances' states (`==`, Set/Map keys); absent: reference equality. */
    valueEquals?: (a: unknown, b: unknown) => boolean;
    /** Hash consistent with `valueEquals`. */
    valueHash?: (a: unknown) => number;
}

/** A native class as the interpreter looks it up: its declaration, with the member tables keyed by lower-case name. */
export interface NativeClass extends Omit<NativeClassSpec, 'statics' | 'methods' | 'staticProps' | 'constructors'> {
    lname: string;
    statics: Map<string, NativeOverload[]>;
    methods: Map<string, NativeOverload[]>;
    staticProps: Map<string, (rt: NativeRuntime) => ApexValue>;
    constructors: NativeOverload[];
}

function lowerKeys<T>(rec: Record<string, T> | undefined): Map<string, T> {
    const m = new Map<string, T>();
    if (rec) for (const [k, v] of Object.entries(rec)) m.set(k.toLowerCase(), v);
    return m;
}

/** Builds a native class from its declaration. */
export function defineNative(spec: NativeClassSpec): NativeClass {
    const { statics, methods, staticProps, constructors, ...rest } = spec;
    return {
        ...rest,
        lname: spec.name.toLowerCase(),
        statics: lowerKeys(statics),
        methods: lowerKeys(methods),
        staticProps: lowerKeys(staticProps),
        constructors: constructors ?? []
    };
}

/** Whether a value fits a parameter kind; `runtimeKind` names a value's kind as Apex types go. */
export function fitsKind(kind: ParamKind, v: ApexValue, runtimeKind: (v: ApexValue) => string): boolean {
    if (typeof kind === 'function') return kind(v);
    if (kind === 'Object' || v === null) return true;
    const k = runtimeKind(v);
    if (k === kind) return true;
    // Implicit widening of numbers when passed as arguments (Primitive Data Types, "Rules of Conversion").
    if (kind === 'Long') return k === 'Integer';
    if (kind === 'Decimal' || kind === 'Double')
        return k === 'Integer' || k === 'Long' || k === 'Decimal' || k === 'Double';
    if (kind === 'String') return k === 'Id';
    return false;
}

/** Picks the overload for `args`; none or several fitting is an UnsupportedApexError naming the call. */
export function selectOverload(
    overloads: NativeOverload[] | undefined,
    args: ApexValue[],
    what: string,
    runtimeKind: (v: ApexValue) => string
): NativeOverload {
    if (!overloads) throw new UnsupportedApexError(what);
    // Among fitting overloads the one with most exactly matching kinds wins (Integer → valueOf(Integer)
    // over valueOf(Decimal)); a tie is refused.
    let best: NativeOverload | undefined;
    let bestScore = -1;
    let tie = false;
    for (const o of overloads) {
        if (o.params.length !== args.length) continue;
        let score = 0;
        let ok = true;
        for (let i = 0; i < args.length; i++) {
            const kind = o.params[i] ?? 'Object';
            const v = args[i] ?? null;
            if (!fitsKind(kind, v, runtimeKind)) {
                ok = false;
                break;
            }
            if (typeof kind === 'string' && (kind === 'Object' || v === null || kind === runtimeKind(v))) score++;
        }
        if (!ok) continue;
        if (score > bestScore) {
            best = o;
            bestScore = score;
            tie = false;
        } else if (score === bestScore) tie = true;
    }
    if (best === undefined) throw new UnsupportedApexError(`${what} with ${args.length} argument(s) of these kinds`);
    if (tie) {
        if (args.some((a) => a === null))
            throw new UnsupportedApexError(`${what}: ambiguous call with a null argument`);
        throw new UnsupportedApexError(`${what}: ambiguous overload`);
    }
    return best;
}

/** Natives by name: `Assert`, `System.Assert`, `Database.SaveResult`… (case-insensitive). */
export class NativeRegistry {
    private readonly byName = new Map<string, NativeClass>();

    register(c: NativeClass): void {
        this.byName.set(`${c.namespace.toLowerCase()}.${c.lname}`, c);
        // Classes of the System namespace are also reachable without it; others only qualified, unless unambiguous.
        if (c.namespace.toLowerCase() === 'system' || !this.byName.has(c.lname)) this.byName.set(c.lname, c);
    }

    /** Finds a native by lower-case name parts (`['assert']`, `['system','assert']`, `['database','saveresult']`). */
    find(lnames: string[]): NativeClass | undefined {
        return this.byName.get(lnames.join('.'));
    }
}
