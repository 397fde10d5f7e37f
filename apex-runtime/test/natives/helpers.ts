/**
 * Runs Apex statements in `public class T { public static Object run() { ... } }` on a fresh runtime.
 */
import { createRuntime } from '../../src/interpreter/runtime.ts';
import type { RuntimeOptions } from '../../src/interpreter/runtime.ts';
import type { ApexValue } from '../../src/interpreter/model.ts';
import { parseApexFileCached } from '../../src/syntax/parse-cache.ts';
import type { CompilationUnit } from '../../src/syntax/ast.ts';

/** `public class T { <extra> public static Object run() { <stmts> } }`, parsed through the parse cache. */
function classT(stmts: string, extra: string): CompilationUnit {
    return parseApexFileCached('T.cls', `public class T {\n${extra}\npublic static Object run() {\n${stmts}\n}\n}`);
}

/** Runs `stmts` as the body of `T.run()` (extra class members in `extra`) and returns its result. */
export function apex(stmts: string, extra = '', options: Omit<RuntimeOptions, 'sources'> = {}): ApexValue {
    const rt = createRuntime({
        ...options,
        units: [classT(stmts, extra), ...(options.units ?? [])]
    });
    rt.beginTransaction();
    return rt.invokeStatic('T', 'run');
}

/** The same, with the interpreter's user locale and My Domain set first. */
export function apexWith(
    stmts: string,
    settings: { locale?: string; orgDomain?: string; timeZone?: string },
    extra = ''
): ApexValue {
    const rt = createRuntime({
        ...(settings.timeZone ? { timeZone: settings.timeZone } : {}),
        clock: () => Date.UTC(2030, 0, 31, 10, 0, 0),
        units: [classT(stmts, extra)]
    });
    if (settings.locale) rt.interpreter.localeSidKey = settings.locale;
    if (settings.orgDomain) rt.interpreter.orgDomain = settings.orgDomain;
    rt.beginTransaction();
    return rt.invokeStatic('T', 'run');
}
