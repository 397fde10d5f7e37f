/**
 * Test helpers: build a runtime from Apex source snippets and run a static method.
 */
import { createRuntime } from '../../src/interpreter/runtime.ts';
import { parseApexFileCached } from '../../src/syntax/parse-cache.ts';
import type { ApexRuntime, RuntimeOptions } from '../../src/interpreter/runtime.ts';
import type { ApexValue } from '../../src/interpreter/model.ts';

/** A runtime over the given class sources (file names derived from the class names), parsed through the parse cache. */
export function runtime(sources: string[], options: Omit<RuntimeOptions, 'sources'> = {}): ApexRuntime {
    const parsed = sources.map((text, i) => {
        const m = /\b(?:class|interface|enum)\s+(\w+)/i.exec(text);
        return parseApexFileCached(`${m?.[1] ?? `Source${i}`}.cls`, text);
    });
    return createRuntime({ ...options, units: [...parsed, ...(options.units ?? [])] });
}

/** Runs `static <T> run()` of class `T` (the first source's class) in a fresh transaction. */
export function run(sources: string | string[], method = 'run', args: ApexValue[] = []): ApexValue {
    const list = Array.isArray(sources) ? sources : [sources];
    const rt = runtime(list);
    const m = /\bclass\s+(\w+)/i.exec(list[0] ?? '');
    rt.beginTransaction();
    return rt.invokeStatic(m?.[1] ?? 'T', method, args);
}

/** Wraps statements in `public class T { public static Object run() { ... } }`. */
export function body(stmts: string, extra = ''): string {
    return `public class T {\n${extra}\npublic static Object run() {\n${stmts}\n}\n}`;
}
