/**
 * Lightning Web Security in the workbench, build side. In an org, a namespace's modules are compiled with the
 * LWS transforms and each module's AMD factory is evaluated in the sandbox of that namespace
 * (`evaluateFunction(key, factory)` in @locker/sandbox), its dependencies from other namespaces (`lwc`,
 * `lightning/*`, `@salesforce/*`) handed in from outside through `wrapDependency(dep, name, key)`.
 * The workbench does the same with one AMD factory for the whole package: `bundleSandboxedPackage` compiles
 * the package's `c/*` modules into it, every other import left outside; `shell/lws.ts` evaluates it on the page.
 * https://developer.salesforce.com/docs/platform/lwc/guide/security-lwsec-intro.html
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import lwc from '@lwc/rollup-plugin';
import replace from '@rollup/plugin-replace';
import { rollup, type Plugin } from 'rollup';

/** `WORKBENCH_LWS=off` builds the page without the sandbox (to compare); anything else, or nothing, with it. */
export function lwsEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
    return (env.WORKBENCH_LWS ?? '').trim().toLowerCase() !== 'off';
}

/** The sandbox key: the package's namespace (sfdx-project.json), as the org keys a namespace's sandbox. */
export function sandboxKey(root: string): string {
    const project = JSON.parse(readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as { namespace?: string };
    // A package without a namespace runs in the org's default namespace, `c`.
    return project.namespace?.trim() || 'c';
}

export interface SandboxedPackage {
    /** The AMD factory's source text: `function (exports, dep1, dep2…) {…}`, evaluated inside the sandbox. */
    factorySource: string;
    /** The factory's dependencies after `exports`, in order: the module ids the page hands in from outside. */
    dependencies: string[];
    /** Each package module id (`c/<name>`) and the names it exports. */
    modules: Array<{ name: string; exports: string[] }>;
}

export interface SandboxBundleOptions {
    /** The package's modules: components and service modules (`c/<name>` → compiled .js) and CSS-only modules. */
    modules: Array<{ name: string; path: string }>;
    /** Written for reading and debugging: the factory as the sandbox evaluates it. */
    debugFile?: string;
}

/** The package's own code, and what the LWC compiler adds to it (`@lwc/resources/*`), go in the sandbox. */
const isPackageImport = (id: string): boolean =>
    id.startsWith('c/') ||
    id.startsWith('.') ||
    path.isAbsolute(id) ||
    id.startsWith('\0') ||
    id.startsWith('@lwc/resources/');

/**
 * Compiles the package's modules with the LWS transforms (`enableLightningWebSecurityTransforms`, as the
 * platform's compiler does for an LWS org) into one AMD factory that exports `modules`, a map from each
 * `c/<name>` to its namespace. Imports outside the package stay external: the page provides them.
 */
export async function bundleSandboxedPackage(options: SandboxBundleOptions): Promise<SandboxedPackage> {
    const packageModules = options.modules.filter((m) => m.path.endsWith('.js'));
    const entryId = '\0wb-lws-entry';
    const entrySource = [
        ...packageModules.map((m, i) => `import * as m${i} from ${JSON.stringify(m.name)};`),
        `export const modules = {${packageModules.map((m, i) => `${JSON.stringify(m.name)}: m${i}`).join(', ')}};`
    ].join('\n');
    const exportsById = new Map<string, string[]>();
    const entry: Plugin = {
        name: 'wb-lws-entry',
        resolveId: (id) => (id === entryId ? id : null),
        load: (id) => (id === entryId ? entrySource : null),
        buildEnd() {
            // The LWC plugin resolves `c/x` to its file with a `?specifier=` query.
            for (const id of this.getModuleIds()) {
                const exports = this.getModuleInfo(id)?.exports ?? [];
                const file = id.replace(/\?.*$/, '');
                exportsById.set(file, [...new Set([...(exportsById.get(file) ?? []), ...exports])]);
            }
        }
    };
    const bundle = await rollup({
        input: entryId,
        external: (id) => !isPackageImport(id),
        plugins: [
            entry,
            replace({ preventAssignment: true, values: { 'process.env.NODE_ENV': JSON.stringify('production') } }),
            lwc({
                enableDynamicComponents: true,
                enableLightningWebSecurityTransforms: true,
                modules: options.modules
            }) as Plugin
        ],
        onwarn(warning, warn) {
            if (warning.code !== 'CIRCULAR_DEPENDENCY' && warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
        }
    });
    const { output } = await bundle.generate({ format: 'amd', interop: 'esModule', inlineDynamicImports: true });
    await bundle.close();
    const code = output[0].code;
    // Read the factory off the `define(deps, factory)` call without running it.
    let captured: { dependencies: string[]; factory: (...args: unknown[]) => unknown } | undefined;
    const define = (dependencies: string[], factory: (...args: unknown[]) => unknown): void => {
        captured = { dependencies, factory };
    };
    new Function('define', code)(define);
    if (!captured || captured.dependencies[0] !== 'exports')
        throw new Error('workbench: the sandboxed package bundle is not an AMD module with exports');
    const factorySource = captured.factory.toString();
    if (options.debugFile) writeFileSync(options.debugFile, `${factorySource}\n`);
    return {
        factorySource,
        dependencies: captured.dependencies.slice(1),
        modules: packageModules.map((m) => ({ name: m.name, exports: exportsById.get(m.path) ?? [] }))
    };
}
