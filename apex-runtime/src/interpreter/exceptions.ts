/**
 * Apex exceptions inside the interpreter: an `ApexThrow` carries the Apex exception object through
 * the JS stack (not an Error: no JS stack capture on every throw); `ApexError` is what callers of the
 * runtime see for an uncaught one: type, message and Apex stack frames
 * (`Class.WebexFoo.bar: line 12, column 1`).
 */
import type { ApexObject, ApexValue, ClassInfo } from './model.ts';

/** Hidden field keys of an exception object (no Apex identifier starts with `$`). */
export const EXC_MESSAGE = '$message';
export const EXC_CAUSE = '$cause';
export const EXC_LINE = '$line';
export const EXC_STACK = '$stack';
/** A DmlException's failed rows (`data/dml.ts` DmlSignal.failures). */
export const EXC_DML_FAILURES = '$dmlFailures';

/** One Apex stack frame. */
export interface StackFrame {
    /** `Class.WebexFoo.bar`, `Trigger.WebexContactKeys`, `AnonymousBlock`. */
    where: string;
    line: number;
    column: number;
}

/** An Apex exception in flight. */
export class ApexThrow {
    readonly exception: ApexObject;
    constructor(exception: ApexObject) {
        this.exception = exception;
    }
}

/** The Apex type name of an exception class as `getTypeName()` returns it (`System.NullPointerException`, `MyException`). */
export function exceptionTypeName(cls: ClassInfo): string {
    return cls.builtin && cls.name === 'Exception' ? 'System.Exception' : cls.name;
}

/** `Class.WebexFoo.bar: line 12, column 1` lines, innermost first. */
export function formatStack(frames: StackFrame[]): string {
    return frames.map((f) => `${f.where}: line ${f.line}, column ${f.column}`).join('\n');
}

/** An uncaught Apex exception as a JS error: `System.NullPointerException: Attempt to de-reference a null object` + frames. */
export class ApexError extends Error {
    readonly apexType: string;
    readonly apexMessage: string;
    readonly apexStack: string;
    readonly exception: ApexObject;
    constructor(exception: ApexObject) {
        const type = exceptionTypeName(exception.cls);
        const message = messageOf(exception);
        const stack = (exception.fields.get(EXC_STACK) as string | undefined) ?? '';
        super(`${type}: ${message}${stack ? `\n${stack}` : ''}`);
        this.name = 'ApexError';
        this.apexType = type;
        this.apexMessage = message;
        this.apexStack = stack;
        this.exception = exception;
    }
}

/** The message of an exception object ('' when null, as `getMessage()` would print 'null'). */
export function messageOf(e: ApexObject): string {
    const m: ApexValue | undefined = e.fields.get(EXC_MESSAGE);
    return typeof m === 'string' ? m : String(m ?? 'null');
}

const UNCATCHABLE = new Set(['System.LimitException', 'System.AssertException']);

/**
 * Whether an exception of this class passes every catch and finally block: "One such exception is the limit
 * exception (System.LimitException) … Other examples are exceptions thrown when assertion statements fail"
 * (Apex Developer Guide › Exception Statements › Exceptions that Can't be Caught).
 */
export function isUncatchable(className: string): boolean {
    return UNCATCHABLE.has(className);
}
