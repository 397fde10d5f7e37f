/**
 * Runs Apex statements in `public class T { public static Object run() { ... } }` on a fresh runtime.
 */
import { createRuntime } from '../../src/interpreter/runtime.ts';
import type { RuntimeOptions } from '../../src/interpreter/runtime.ts';
import type { ApexValue } from '../../src/interpreter/model.ts';

/** Runs `stmts` as the body of `T.run()` (extra class members in `extra`) and returns its result. */
export function apex(stmts: string, extra = '', options: Omit<RuntimeOptions, 'sources'> = {}): ApexValue {
    const rt = createRuntime({
        ...options,
        sources: [{ file: 'T.cls', text: `public class T {\n${extra}\npublic static Object run() {\n${stmts}\n}\n}` }]
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
        sources: [{ file: 'T.cls', text: `public class T {\n${extra}\npublic static Object run() {\n${stmts}\n}\n}` }]
    });
    if (settings.locale) rt.interpreter.localeSidKey = settings.locale;
    if (settings.orgDomain) rt.interpreter.orgDomain = settings.orgDomain;
    rt.beginTransaction();
    return rt.invokeStatic('T', 'run');
}
