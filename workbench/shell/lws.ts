/**
 * Lightning Web Security on the page: evaluates the package's modules in the sandbox of its namespace, with
 * Salesforce's distortions (@locker/sandbox), as an org loads a namespace's AMD modules: the factory is
 * evaluated in the sandbox and called with its dependencies from outside, each passed through
 * `wrapDependency` (which gives the sandbox its own facade of `lwc`). The shell, the platform stand-ins and the
 * base components stay outside, as Salesforce's own code does in an org.
 */
import { LWS_DEFAULT_GATER_FEATURES, registerGaterEnabledFeatures } from '@locker/shared';
import { evaluateFunction, wrapDependency } from '@locker/sandbox';

// The sandbox's newer distortions are behind feature gates the host turns on. @locker/shared names the set "a
// faithful LWS run turns on" (its test harness's and the @locker/cli's baseline): the workbench registers it too.
// One @locker/shared for the sandbox, its distortions and this page (package.json pins the same version).
registerGaterEnabledFeatures([...LWS_DEFAULT_GATER_FEATURES]);

/**
 * Evaluates the package's factory (workbench/lib/lws-build.ts) in the sandbox `key` and returns its `modules`:
 * each `c/<name>` and its exports, as seen from outside the sandbox.
 */
export function evaluatePackage(
    key: string,
    factorySource: string,
    dependencyNames: string[],
    dependencies: unknown[]
): Record<string, Record<string, unknown>> {
    // evaluateFunction embeds `${fn}` in the source it evaluates: the factory's source text is what it needs (its
    // declared type, Function, is for callers that have the function at hand; ours was compiled at build time).
    const source = factorySource as unknown as Parameters<typeof evaluateFunction>[1];
    const factory = evaluateFunction(key, source, {}, `\n//# sourceURL=lws/${key}.js`) as (...args: unknown[]) => void;
    const exports: { modules?: Record<string, Record<string, unknown>> } = {};
    factory(exports, ...dependencies.map((dependency, i) => wrapDependency(dependency, dependencyNames[i], key)));
    if (!exports.modules) throw new Error(`workbench: the ${key} sandbox exported no modules`);
    return exports.modules;
}
