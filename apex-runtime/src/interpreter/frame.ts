/**
 * Activation records: a method/constructor/accessor call's frame and its block scopes of locals.
 */
import type { ApexType, ApexValue, ApexObject, ClassInfo, FieldInfo } from './model.ts';

/** A local variable with its declared type (assignments coerce to it). */
export interface Local {
    value: ApexValue;
    type: ApexType;
}

/** One block's locals, chained to the enclosing block's. */
export class Scope {
    readonly vars = new Map<string, Local>();
    readonly parent: Scope | null;
    constructor(parent: Scope | null) {
        this.parent = parent;
    }
    lookup(lname: string): Local | undefined {
        const own = this.vars.get(lname);
        if (own) return own;
        for (let s = this.parent; s; s = s.parent) {
            const v = s.vars.get(lname);
            if (v) return v;
        }
        return undefined;
    }
}

/** A running method, constructor, initializer, accessor or trigger body. */
export class Frame {
    /** The class whose code runs (lexical: fields and methods are looked up from it). */
    readonly cls: ClassInfo | undefined;
    /** `this`, or null in static context. */
    readonly self: ApexObject | null;
    /** `Class.WebexFoo.bar` for stack traces. */
    readonly where: string;
    readonly file: string;
    line = 0;
    column = 1;
    scope: Scope;
    ret: ApexValue = null;
    /** Inside a property accessor: the property, whose name then means its backing storage. */
    readonly accessor: FieldInfo | null;
    constructor(
        cls: ClassInfo | undefined,
        self: ApexObject | null,
        where: string,
        file: string,
        accessor: FieldInfo | null = null
    ) {
        this.cls = cls;
        this.self = self;
        this.where = where;
        this.file = file;
        this.scope = new Scope(null);
        this.accessor = accessor;
    }
}

/** Statement completion: how control leaves a statement. */
export const NORMAL = 0;
export const BREAK = 1;
export const CONTINUE = 2;
export const RETURN = 3;
export type Completion = 0 | 1 | 2 | 3;
