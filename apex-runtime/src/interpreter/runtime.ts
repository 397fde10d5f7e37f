/**
 * The entry point the test runner and the workbench build on: load Apex sources, then invoke
 * static methods; an uncaught Apex exception surfaces as an `ApexError` (type, message, Apex stack).
 */
import { parseApexFile } from '../syntax/parse.ts';
import type { CompilationUnit } from '../syntax/ast.ts';
import type { SchemaRegistry } from '../data/schema.ts';
import { UnsupportedApexError } from '../errors.ts';
import { ClassRegistry } from './classes.ts';
import { Interpreter } from './interpreter.ts';
import type { DataHooks, DebugLine } from './interpreter.ts';
import type { ApexValue } from './model.ts';
import { ApexError, ApexThrow } from './exceptions.ts';
import { coreNatives } from './natives/core.ts';
import type { NativeClass, NativeRegistry } from './natives/registry.ts';

export interface RuntimeOptions {
    /** Apex sources (`.cls`, `.trigger`) by file name. */
    sources?: { file: string; text: string }[];
    /** Already parsed units (e.g. from the parse cache). */
    units?: CompilationUnit[];
    /** The org's objects (describe); without it SObject types do not resolve. */
    schema?: SchemaRegistry;
    /** Extra native classes (Database, JSON, HttpRequest…) registered next to the core ones. */
    natives?: NativeClass[];
    /** Epoch milliseconds for System.now/today. */
    clock?: () => number;
    /** The running user's time zone (TimeZoneSidKey). */
    timeZone?: string;
    /** SOQL/SOSL/DML, supplied by the data layer. */
    data?: DataHooks;
}

export interface ApexRuntime {
    readonly interpreter: Interpreter;
    readonly natives: NativeRegistry;
    /** Calls `ClassName.method(args)` (a static method) and returns its result. */
    invokeStatic(className: string, methodName: string, args?: ApexValue[]): ApexValue;
    /** Starts a fresh transaction: static variables and governor limits are per transaction. */
    beginTransaction(): void;
    /** `System.debug` output of the current transaction. */
    readonly debugLog: readonly DebugLine[];
}

/** Loads and links the given Apex sources. */
export function createRuntime(options: RuntimeOptions): ApexRuntime {
    const classes = new ClassRegistry();
    for (const s of options.sources ?? []) classes.load(parseApexFile(s.file, s.text));
    for (const u of options.units ?? []) classes.load(u);
    const natives = coreNatives();
    for (const n of options.natives ?? []) natives.register(n);
    const interp = new Interpreter({
        classes,
        natives,
        ...(options.schema ? { schema: options.schema } : {}),
        ...(options.clock ? { clock: options.clock } : {}),
        ...(options.timeZone ? { timeZone: options.timeZone } : {}),
        ...(options.data ? { data: options.data } : {})
    });
    return {
        interpreter: interp,
        natives,
        debugLog: interp.debugLog,
        beginTransaction: () => interp.beginTransaction(),
        invokeStatic(className, methodName, args = []) {
            const cls = classes.findClass(className.toLowerCase().split('.'), undefined);
            if (!cls) throw new UnsupportedApexError(`class ${className}`);
            try {
                return interp.invokeStatic(cls, methodName.toLowerCase(), args, methodName);
            } catch (e) {
                throw toJsError(e);
            }
        }
    };
}

/** An ApexThrow escaping to JS becomes an ApexError; anything else passes unchanged. */
export function toJsError(e: unknown): unknown {
    return e instanceof ApexThrow ? new ApexError(e.exception) : e;
}
