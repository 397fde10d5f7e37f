/**
 * Builds the workbench page: the package's components as `npm run build` compiles them, the shell,
 * the real base components (lightning-base-components) and, in place of the platform, modules that
 * reach the emulated org. Output: workbench/.build/app.js (or WORKBENCH_BUILD_DIR/app.js).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import lwc from '@lwc/rollup-plugin';
import nodeResolve from '@rollup/plugin-node-resolve';
import replace from '@rollup/plugin-replace';
import { rollup, type Plugin } from 'rollup';
import { XMLParser } from 'fast-xml-parser';
import { loadLabels, loadMetadataLabels } from './org/labels.ts';
import { IMPLEMENTED_APEX } from './org/apex-registry.ts';
import { apiName } from './org/namespace.ts';
import { RecordStore, describeObject, knownObjects } from './org/records.ts';
import { bundleSandboxedPackage, lwsEnabled, sandboxKey } from './lib/lws-build.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const WB = import.meta.dirname;
/** Where the page is built; WORKBENCH_BUILD_DIR gives each parallel run (or engineer) its own. */
export const BUILD = process.env.WORKBENCH_BUILD_DIR
    ? path.resolve(process.env.WORKBENCH_BUILD_DIR)
    : path.join(WB, '.build');
const SHELL_OUT = path.join(BUILD, 'shell');
const VIRTUAL = path.join(BUILD, 'virtual');
const LWC_DIR = path.join(ROOT, 'force-app', 'main', 'default', 'lwc');
/**
 * Test-only components the browser stories use to exercise the platform stand-ins (record pages,
 * quick actions, the utility bar, LDS, navigation, empApi) before any package component does.
 */
const FIXTURES_DIR = path.join(WB, 'e2e', 'fixtures');
const FIXTURES_OUT = path.join(BUILD, 'fixtures');

export interface BuildOptions {
    /** Adds the test-only components of workbench/e2e/fixtures (the browser stories build with them). */
    fixtures?: boolean;
}

interface ComponentModule {
    name: string;
    path: string;
    /** The bundle's source folder, where its js-meta.xml is. */
    sourceDir: string;
}

/** The `lightning/*` platform modules the workbench stands in for (workbench/shell/stubs/<name>.ts). */
const PLATFORM_STUBS = [
    'platformShowToastEvent',
    'uiRecordApi',
    'uiObjectInfoApi',
    'navigation',
    'empApi',
    'actions',
    'messageService',
    'pageReferenceUtils',
    'platformUtilityBarApi',
    'platformResourceLoader',
    'refresh'
];
/** The namespace `npm start` runs the package with (WORKBENCH_NAMESPACE; none by default, as the gate builds). */
const BUILD_NAMESPACE = { namespace: (process.env.WORKBENCH_NAMESPACE ?? '').trim() };
/** The package's static resources (force-app/main/default/staticresources). */
const STATIC_RESOURCES_DIR = path.join(ROOT, 'force-app', 'main', 'default', 'staticresources');
/** The package's Lightning message channels (force-app/main/default/messageChannels). */
const MESSAGE_CHANNELS_DIR = path.join(ROOT, 'force-app', 'main', 'default', 'messageChannels');

const metaParser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false,
    isArray: (name) => ['target', 'targetConfig', 'object'].includes(name)
});

interface BundleMeta {
    LightningComponentBundle?: {
        isExposed?: string;
        masterLabel?: string;
        targets?: { target?: string[] };
        targetConfigs?: { targetConfig?: Array<{ '@_targets': string; objects?: { object?: string[] } }> };
    };
}

/** The package's quick actions (force-app/main/default/quickActions: `<Object>.<Name>.quickAction-meta.xml`). */
const QUICK_ACTIONS_DIR = path.join(ROOT, 'force-app', 'main', 'default', 'quickActions');

/**
 * The objects whose quick actions open each component, as an org learns them: a component with the target
 * `lightning__RecordAction` appears on a record page only through an object-specific action that names it.
 */
function quickActionObjects(): Map<string, string[]> {
    const objects = new Map<string, string[]>();
    if (!existsSync(QUICK_ACTIONS_DIR)) return objects;
    for (const file of readdirSync(QUICK_ACTIONS_DIR).filter((f) => f.endsWith('.quickAction-meta.xml'))) {
        const component = /<lightningWebComponent>\s*(\w+)\s*<\/lightningWebComponent>/.exec(
            readFileSync(path.join(QUICK_ACTIONS_DIR, file), 'utf8')
        )?.[1];
        const objectApiName = file.split('.')[0];
        if (component) objects.set(component, [...(objects.get(component) ?? []), objectApiName]);
    }
    return objects;
}

/**
 * `wb/registry`: the exposed components, their targets and objects, read from their js-meta.xml; a record
 * action's objects are those of the quick actions that open it (the test fixtures name theirs in js-meta).
 */
function registryModule(components: ComponentModule[]): { name: string; path: string } {
    const actionObjects = quickActionObjects();
    const imports: string[] = [];
    const entries: string[] = [];
    components.forEach(({ name, sourceDir }, index) => {
        const bundle = name.slice('c/'.length);
        const meta = (
            metaParser.parse(readFileSync(path.join(sourceDir, `${bundle}.js-meta.xml`), 'utf8')) as BundleMeta
        ).LightningComponentBundle;
        if (meta?.isExposed !== 'true') return;
        const objects: Record<string, string[]> = {};
        for (const config of meta.targetConfigs?.targetConfig ?? []) {
            for (const target of config['@_targets'].split(',')) objects[target.trim()] = config.objects?.object ?? [];
        }
        const actionFor = actionObjects.get(bundle);
        if (actionFor) objects.lightning__RecordAction = actionFor;
        imports.push(`import C${index} from ${JSON.stringify(name)};`);
        entries.push(
            `{ name: ${JSON.stringify(bundle)}, masterLabel: ${JSON.stringify(meta.masterLabel ?? bundle)}, ctor: C${index}, targets: ${JSON.stringify(meta.targets?.target ?? [])}, objects: ${JSON.stringify(objects)} }`
        );
    });
    const file = path.join(VIRTUAL, 'wb-registry.js');
    writeFileSync(file, `${imports.join('\n')}\nexport const components = [\n${entries.join(',\n')}\n];\n`);
    return { name: 'wb/registry', path: file };
}

function run(command: string, args: string[], options: { typeErrorsAllowed?: boolean } = {}): void {
    const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
    // tsc exits 2 when it found type errors but still wrote the JavaScript: the workbench can show
    // the page (the gate's type-check step is what fails on them).
    if (options.typeErrorsAllowed && result.status === 2) {
        console.warn('workbench: type errors above; building the page anyway (npm test fails on them)');
        return;
    }
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function copyTemplates(from: string, to: string): void {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
        const source = path.join(from, entry.name);
        if (entry.isDirectory()) copyTemplates(source, path.join(to, entry.name));
        else if (/\.(html|css)$/.test(entry.name)) {
            mkdirSync(to, { recursive: true });
            cpSync(source, path.join(to, entry.name));
        }
    }
}

/** Every `@salesforce/...` module the components import. */
function platformImports(dirs: string[]): Set<string> {
    const found = new Set<string>();
    const walk = (dir: string): void => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory() && entry.name !== '__tests__') walk(full);
            else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
                for (const match of readFileSync(full, 'utf8').matchAll(/from\s+['"](@salesforce\/[^'"]+)['"]/g))
                    found.add(match[1]);
            }
        }
    };
    for (const dir of dirs) if (existsSync(dir)) walk(dir);
    return found;
}

/** Writes a module for each platform import; the org has to implement every Apex method imported. */
function platformModules(sourceDirs: string[]): Array<{ name: string; path: string }> {
    rmSync(VIRTUAL, { recursive: true, force: true });
    mkdirSync(VIRTUAL, { recursive: true });
    const modules: Array<{ name: string; path: string }> = [];
    const apexClient = path.join(SHELL_OUT, 'stubs', 'apex-client.js');
    const labelsModule = path.join(SHELL_OUT, 'stubs', 'labels.js');
    const sessionModule = path.join(SHELL_OUT, 'stubs', 'session.js');
    const missing: string[] = [];
    // The base components (lightning-formatted-date-time, -number...) read the user's locale too: the
    // page's stand-in replaces the en-US their npm package ships with, so they follow ?lang=fr as in an org.
    for (const name of new Set([...platformImports(sourceDirs), '@salesforce/i18n/lang', '@salesforce/i18n/locale'])) {
        const file = path.join(VIRTUAL, `${name.replace(/[^\w.]/g, '_')}.js`);
        let source: string;
        if (name.startsWith('@salesforce/apex/')) {
            const [className, method] = name.slice('@salesforce/apex/'.length).split('.');
            if (!IMPLEMENTED_APEX.includes(`${className}.${method}`)) missing.push(name);
            source = `import { callApex } from ${JSON.stringify(apexClient)};\nexport default function apex(params) { return callApex(${JSON.stringify(className)}, ${JSON.stringify(method)}, params); }\n`;
        } else if (name.startsWith('@salesforce/label/c.')) {
            source = `import { labels } from ${JSON.stringify(labelsModule)};\nexport default labels[${JSON.stringify(name.slice('@salesforce/label/c.'.length))}];\n`;
        } else if (name === '@salesforce/i18n/lang') {
            source = `import { language } from ${JSON.stringify(labelsModule)};\nexport default language === 'fr' ? 'fr' : 'en-US';\n`;
        } else if (name === '@salesforce/i18n/locale') {
            // The page's user: French language with the French locale (fr_FR, as the seeded Camille), else en_US.
            source = `import { language } from ${JSON.stringify(labelsModule)};\nexport default language === 'fr' ? 'fr-FR' : 'en-US';\n`;
        } else if (name.startsWith('@salesforce/customPermission/')) {
            source = 'export default true;\n';
        } else if (name.startsWith('@salesforce/schema/')) {
            // As on the platform: `Object.Field` → { objectApiName, fieldApiName }; `Object` → { objectApiName },
            // the package's objects and fields named as the org names them (`<ns>__Fields__c` when the workbench
            // runs the package as installed: WORKBENCH_NAMESPACE, org/namespace.ts).
            const [objectName, ...field] = name.slice('@salesforce/schema/'.length).split('.');
            const objectApiName = apiName(BUILD_NAMESPACE, objectName);
            const reference = field.length
                ? { objectApiName, fieldApiName: field.map((part) => apiName(BUILD_NAMESPACE, part)).join('.') }
                : { objectApiName };
            source = `export default ${JSON.stringify(reference)};\n`;
        } else if (name.startsWith('@salesforce/messageChannel/')) {
            // As on the platform, a channel the package does not define does not resolve.
            const channelName = name.slice('@salesforce/messageChannel/'.length);
            const meta = path.join(MESSAGE_CHANNELS_DIR, `${channelName.replace(/__c$/, '')}.messageChannel-meta.xml`);
            if (!existsSync(meta)) throw new Error(`${name}: no ${path.relative(ROOT, meta)}`);
            source = `export default Object.freeze({ channelName: ${JSON.stringify(channelName)} });\n`;
        } else if (name.startsWith('@salesforce/resourceUrl/')) {
            // As on the platform, `/resource/<timestamp>/<name>` (`<ns>__<name>` installed), served by the workbench
            // (lib/static-resources.ts); a resource the package does not define does not resolve.
            const resource = name.slice('@salesforce/resourceUrl/'.length);
            const meta = path.join(STATIC_RESOURCES_DIR, `${resource}.resource-meta.xml`);
            if (!existsSync(meta)) throw new Error(`${name}: no ${path.relative(ROOT, meta)}`);
            const prefix = BUILD_NAMESPACE.namespace ? `${BUILD_NAMESPACE.namespace}__` : '';
            source = `export default ${JSON.stringify(`/resource/${Date.now()}/${prefix}${resource}`)};\n`;
        } else if (name === '@salesforce/user/Id') {
            source = `export { userId as default } from ${JSON.stringify(sessionModule)};\n`;
        } else {
            throw new Error(`The workbench has no stand-in for ${name}: add one in workbench/build.ts`);
        }
        writeFileSync(file, source);
        modules.push({ name, path: file });
    }
    if (missing.length)
        throw new Error(`The emulated org implements none of: ${missing.join(', ')} (workbench/org/apex-registry.ts)`);
    return modules;
}

/** The bundles under `sourceRoot` whose compiled `.js` is in `outRoot` (the same folder for the package). */
function componentModules(sourceRoot: string, outRoot: string): ComponentModule[] {
    if (!existsSync(sourceRoot)) return [];
    return readdirSync(sourceRoot)
        .filter((name) => existsSync(path.join(outRoot, name, `${name}.js`)))
        .map((name) => ({
            name: `c/${name}`,
            path: path.join(outRoot, name, `${name}.js`),
            sourceDir: path.join(sourceRoot, name)
        }));
}

/**
 * The CSS-only modules under `sourceRoot` (a .css and no .ts: "Share CSS Style Rules" in the LWC guide), which a
 * component's stylesheet imports with `@import 'c/<name>'`. Not components: the registry leaves them out.
 */
function cssModules(sourceRoot: string): Array<{ name: string; path: string }> {
    if (!existsSync(sourceRoot)) return [];
    return readdirSync(sourceRoot)
        .filter((name) => !existsSync(path.join(sourceRoot, name, `${name}.ts`)))
        .filter((name) => existsSync(path.join(sourceRoot, name, `${name}.css`)))
        .map((name) => ({ name: `c/${name}`, path: path.join(sourceRoot, name, `${name}.css`) }));
}

/** Compiles the test-only components next to the page build; returns them. */
function fixtureModules(): ComponentModule[] {
    rmSync(FIXTURES_OUT, { recursive: true, force: true });
    run(path.join(ROOT, 'node_modules/.bin/tsc'), [
        '-p',
        path.join(WB, 'tsconfig.fixtures.json'),
        '--outDir',
        FIXTURES_OUT
    ]);
    copyTemplates(path.join(FIXTURES_DIR, 'lwc'), FIXTURES_OUT);
    return componentModules(path.join(FIXTURES_DIR, 'lwc'), FIXTURES_OUT);
}

/** The utility bar's items: the admin guide's, plus the fixtures' in test builds. */
function utilityItems(fixtures: boolean): string {
    const read = (file: string): unknown[] => JSON.parse(readFileSync(file, 'utf8')) as unknown[];
    const items = read(path.join(WB, 'shell', 'utility-bar.json'));
    if (fixtures) items.push(...read(path.join(FIXTURES_DIR, 'utility-bar.json')));
    return JSON.stringify(items);
}

/**
 * Lightning Web Security: compiles the package's modules into one factory the page evaluates in the sandbox of
 * the package's namespace (lib/lws-build.ts, shell/lws.ts), and returns, for the page's bundle, a module per
 * package component that re-exports it from the sandbox (the registry and the test fixtures import those).
 */
async function sandboxedPackageModules(
    packageModules: Array<{ name: string; path: string }>
): Promise<Array<{ name: string; path: string }>> {
    const key = sandboxKey(ROOT);
    const sandboxed = await bundleSandboxedPackage({
        modules: packageModules,
        debugFile: path.join(BUILD, `lws-${key}.js`)
    });
    const loader = path.join(VIRTUAL, 'wb-lws-package.js');
    writeFileSync(
        loader,
        [
            `import { evaluatePackage } from ${JSON.stringify(path.join(SHELL_OUT, 'lws.js'))};`,
            ...sandboxed.dependencies.map((name, i) => `import * as d${i} from ${JSON.stringify(name)};`),
            `export const modules = evaluatePackage(${JSON.stringify(key)}, ${JSON.stringify(sandboxed.factorySource)}, ${JSON.stringify(sandboxed.dependencies)}, [${sandboxed.dependencies.map((_, i) => `d${i}`).join(', ')}]);`
        ].join('\n')
    );
    return sandboxed.modules.map(({ name, exports }) => {
        const file = path.join(VIRTUAL, `lws_${name.replace(/[^\w.]/g, '_')}.js`);
        const named = exports.filter((e) => e !== 'default');
        writeFileSync(
            file,
            [
                `import { modules } from ${JSON.stringify(loader)};`,
                `const m = modules[${JSON.stringify(name)}];`,
                ...(exports.includes('default') ? ['export default m.default;'] : []),
                ...(named.length ? [`export const { ${named.join(', ')} } = m;`] : [])
            ].join('\n') + '\n'
        );
        return { name, path: file };
    });
}

/** Builds the page's app.js; returns its path. */
export async function buildWorkbench(options: BuildOptions = {}): Promise<string> {
    const started = Date.now();
    run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/sync-tsconfig-paths.ts']);
    run(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { typeErrorsAllowed: true });
    // The Webex SDK static resource the messaging components load (skipped when its inputs are unchanged).
    run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/webex-sdk/build.ts']);
    rmSync(SHELL_OUT, { recursive: true, force: true });
    run(path.join(ROOT, 'node_modules/.bin/tsc'), ['-p', path.join(WB, 'tsconfig.shell.json'), '--outDir', SHELL_OUT]);
    copyTemplates(path.join(WB, 'shell'), SHELL_OUT);
    const labels = loadLabels();
    const packageComponents = componentModules(LWC_DIR, LWC_DIR);
    const fixtures = options.fixtures ? fixtureModules() : [];
    const components = [...packageComponents, ...fixtures];
    const platform = platformModules(options.fixtures ? [LWC_DIR, path.join(FIXTURES_DIR, 'lwc')] : [LWC_DIR]);
    const lws = lwsEnabled();
    // Under LWS the package's modules are compiled into the sandbox's bundle: the page sees them through
    // re-exporting modules. The fixtures are the workbench's own, compiled outside the sandbox like the shell.
    const packageModules = lws
        ? await sandboxedPackageModules([...packageComponents, ...cssModules(LWC_DIR)])
        : [...packageComponents, ...cssModules(LWC_DIR)];
    const modules = [
        { dir: path.join(SHELL_OUT, 'modules') },
        ...PLATFORM_STUBS.map((name) => ({
            name: `lightning/${name}`,
            path: path.join(SHELL_OUT, 'stubs', `${name}.js`)
        })),
        ...platform,
        ...packageModules,
        ...fixtures,
        registryModule(components),
        { npm: 'lightning-base-components' }
    ];
    const bundle = await rollup({
        input: path.join(SHELL_OUT, 'main.js'),
        plugins: [
            replace({
                preventAssignment: true,
                values: {
                    'process.env.NODE_ENV': JSON.stringify('production'),
                    'import.meta.env.SSR': 'false',
                    __WB_LABELS__: JSON.stringify(labels),
                    // The navigation's tabs and the record actions, labelled as the org shows them (shell/stubs/labels.ts).
                    __WB_METADATA_LABELS__: JSON.stringify(
                        loadMetadataLabels({
                            home: { en: 'Home', fr: 'Accueil' },
                            ...Object.fromEntries(
                                knownObjects().map((o) => [o, describeObject(o)?.labelPlural ?? { en: o, fr: o }])
                            )
                        })
                    ),
                    __WB_UTILITY_ITEMS__: utilityItems(Boolean(options.fixtures)),
                    __WB_USERS__: JSON.stringify(
                        new RecordStore()
                            .list('User')
                            .map(({ Id, Username, Email, Name }) => ({ Id, Username, Email, Name }))
                    )
                }
            }),
            lwc({ rootDir: path.join(SHELL_OUT, 'modules'), enableDynamicComponents: true, modules }) as Plugin,
            nodeResolve()
        ],
        onwarn(warning, warn) {
            if (warning.code !== 'CIRCULAR_DEPENDENCY' && warning.code !== 'THIS_IS_UNDEFINED') warn(warning);
        }
    });
    const output = path.join(BUILD, 'app.js');
    await bundle.write({ file: output, format: 'esm', inlineDynamicImports: true });
    await bundle.close();
    console.log(
        `workbench built in ${((Date.now() - started) / 1000).toFixed(1)}s${lws ? ` (package in the Lightning Web Security sandbox ${sandboxKey(ROOT)})` : ' (WORKBENCH_LWS=off: no sandbox)'}`
    );
    return output;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
    await buildWorkbench({ fixtures: process.argv.includes('--fixtures') });
}
