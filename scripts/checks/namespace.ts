/**
 * The package as it is once installed with its namespace (`sfdx-project.json`: `webexsf`), and every
 * reference in it checked against that: docs/namespace.md gives each rule and the documentation it comes
 * from.
 *
 * 1. The project is a namespaced managed package: a valid `namespace`, `packageAliases` for the CLI.
 * 2. The metadata, converted to its installed form: a copy of every referencing metadata file with each
 *    reference rewritten to the installed name (`WebexCallLogTab__c.Fields__c` →
 *    `webexsf__WebexCallLogTab__c.webexsf__Fields__c`, `WebexAdminController` → `webexsf.WebexAdminController`).
 *    A reference that does not resolve to a package component or a standard one, a test class granted, or a
 *    namespace written into source, is a finding. `--keep <dir>` leaves the converted copy there.
 * 3. The code, read for what it does at run time in the namespaced org:
 *    (a) components reading a package field or object by its unprefixed name (UI API records and SObjects
 *        serialized by Apex carry `webexsf__Field__c` keys), or a URL state key in the default namespace `c__`;
 *    (b) `/apex/<page>`, `/services/apexrest/<mapping>` and `/lightning/n/<tab>` built without the namespace
 *        (WebexNamespace in Apex; never in components or Visualforce, where the URL comes from Apex or `$Page`);
 *    (c) a describe result's `getName()` (always prefixed) compared with an unprefixed literal, and describe
 *        maps looked up with an unprefixed package name (their keys are prefixed since API 28 and 34);
 *    (e) `@AuraEnabled` methods returning the package's SObjects (their JSON keys are prefixed), queries of
 *        setup entities (permission sets, custom permissions, classes, pages) by name without their
 *        `NamespacePrefix`, and the namespace written into code.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
    installedName,
    isCustomName,
    packageComponents,
    packageSchemaNames,
    packageSourceDirs,
    readProject,
    type ComponentType,
    type PackageComponent
} from '../lib/package-components.ts';
import { ROOT, findFiles, rel, report, type Finding } from '../lib/project.ts';

const findings: Finding[] = [];
function expect(ok: boolean, file: string, message: string, line?: number): void {
    if (!ok) findings.push({ file, line, message });
}

const lineAt = (text: string, index: number): number => text.slice(0, index).split('\n').length;

// ── 1. The project ───────────────────────────────────────────────────────────────────────────────

const projectFile = path.join(ROOT, 'sfdx-project.json');
const project = readProject(ROOT);
const namespace = (project.namespace ?? '').trim();

function checkProject(): void {
    // Namespace rules (Salesforce Help, "Register a Namespace Prefix"): 1–15 alphanumeric characters or
    // underscores, starting with a letter, no two underscores in a row, not ending with one.
    expect(
        Boolean(namespace),
        projectFile,
        'the package has no namespace: protected custom settings are protected only in a managed package, which needs one'
    );
    if (namespace)
        expect(
            /^[A-Za-z][A-Za-z0-9_]{0,14}$/.test(namespace) && !namespace.includes('__') && !namespace.endsWith('_'),
            projectFile,
            `namespace "${namespace}" is not a valid namespace prefix (1-15 letters, digits, single underscores)`
        );
    expect(
        typeof project.packageAliases === 'object' && project.packageAliases !== null,
        projectFile,
        'no packageAliases: `sf package create` and `sf package version create` record the package IDs there'
    );
    for (const dir of project.packageDirectories ?? [])
        expect(Boolean(dir.package), projectFile, `package directory ${dir.path} names no package`);
}

// ── 2. The metadata in its installed form ────────────────────────────────────────────────────────

const components = packageComponents(ROOT);
const byType = new Map<ComponentType, Map<string, PackageComponent>>();
for (const component of components) {
    const ofType = byType.get(component.type) ?? new Map<string, PackageComponent>();
    ofType.set(component.name.toLowerCase(), component);
    byType.set(component.type, ofType);
}
const find = (type: ComponentType, name: string): PackageComponent | undefined =>
    byType.get(type)?.get(name.toLowerCase());

/** What a reference is, to resolve it: the installed name, or why it does not resolve. */
type Resolved = { name: string } | { problem: string };

const hasNamespace = (value: string): boolean =>
    Boolean(namespace) && new RegExp(`^(c:)?${namespace}(__|\\.|:)`, 'i').test(value);

function packaged(type: ComponentType, name: string, what: string): Resolved {
    const component = find(type, name);
    return component
        ? { name: installedName(component, namespace) }
        : { problem: `${what} ${name} is not in the package` };
}

function resolveObject(name: string): Resolved {
    if (!isCustomName(name)) return { name };
    return packaged('CustomObject', name, 'object');
}

const RESOLVERS: Record<string, (value: string, context: { file: string }) => Resolved> = {
    class: (value) => {
        const component = find('ApexClass', value);
        if (!component) return { problem: `Apex class ${value} is not in the package` };
        if (component.isTest) return { problem: `Apex class ${value} is a test class` };
        return { name: installedName(component, namespace) };
    },
    page: (value) => packaged('ApexPage', value, 'Visualforce page'),
    object: resolveObject,
    field: (value) => {
        const [objectName, fieldName] = value.split('.');
        if (!fieldName) return { problem: `field ${value} names no object` };
        const object = resolveObject(objectName);
        if ('problem' in object) return object;
        if (!isCustomName(fieldName)) return { name: `${object.name}.${fieldName}` };
        return packaged('CustomField', `${objectName}.${fieldName}`, 'field');
    },
    tab: (value) => {
        if (value.startsWith('standard-')) return { name: value };
        if (isCustomName(value)) return resolveObject(value);
        return packaged('CustomTab', value, 'tab');
    },
    customPermission: (value) => packaged('CustomPermission', value, 'custom permission'),
    lwc: (value) => packaged('LightningComponentBundle', value.replace(/^c:/, ''), 'component'),
    flexiPage: (value) => packaged('FlexiPage', value, 'Lightning page'),
    label: (value) => packaged('CustomLabel', value, 'custom label'),
    objectQuickAction: (value, { file }) => {
        const objectName = translatedObject(file);
        const resolved = packaged('QuickAction', `${objectName}.${value}`, 'quick action');
        return 'problem' in resolved ? resolved : { name: resolved.name.split('.')[1] };
    },
    objectField: (value, { file }) => {
        const resolved = RESOLVERS.field(`${translatedObject(file)}.${value}`, { file });
        return 'problem' in resolved ? resolved : { name: resolved.name.split('.')[1] };
    }
};

/** The object of an object translation file (`Contact-fr.objectTranslation-meta.xml` → Contact). */
function translatedObject(file: string): string {
    return path.basename(file).replace(/-[\w]+\.objectTranslation-meta\.xml$/, '');
}

/** The metadata elements that reference other components, per kind of file. */
const REFERENCES: Array<{ files: RegExp; elements: Array<[string, string]> }> = [
    {
        files: /\.permissionset-meta\.xml$/,
        elements: [
            ['apexClass', 'class'],
            ['apexPage', 'page'],
            ['object', 'object'],
            ['field', 'field'],
            ['tab', 'tab'],
            // customPermissions/name, customSettingAccesses/name, customMetadataTypeAccesses/name: by parent below.
            ['name', 'byParent']
        ]
    },
    {
        files: /\.tab-meta\.xml$/,
        elements: [
            ['flexiPage', 'flexiPage'],
            ['lwcComponent', 'lwc'],
            ['page', 'page']
        ]
    },
    {
        files: /\.flexipage-meta\.xml$/,
        elements: [
            ['componentName', 'lwcOrPlatform'],
            ['sobjectType', 'object']
        ]
    },
    {
        files: /\.quickAction-meta\.xml$/,
        elements: [
            ['lightningWebComponent', 'lwc'],
            ['page', 'page']
        ]
    },
    { files: /\.field-meta\.xml$/, elements: [['referenceTo', 'object']] },
    { files: /\.js-meta\.xml$/, elements: [['object', 'object']] },
    { files: /\.translation-meta\.xml$/, elements: [['name', 'byParent']] }
];

/** `<name>` means a different component in each parent element. */
const BY_PARENT: Record<string, string> = {
    customPermissions: 'customPermission',
    customSettingAccesses: 'object',
    customMetadataTypeAccesses: 'object',
    customLabels: 'label',
    customTabs: 'tab',
    // In an object translation (`Contact-fr`): the object's quick actions and fields.
    quickActions: 'objectQuickAction',
    fields: 'objectField'
};

// Components of the platform a Lightning page may place (`flexipage:richText`, `force:relatedListContainer`...).
const PLATFORM_COMPONENT = /^(?!c:)[a-z][\w]*:\w+$/;

function resolve(kind: string, value: string, file: string, parent: string | null): Resolved | null {
    if (kind === 'byParent') {
        const parentKind = parent ? BY_PARENT[parent] : undefined;
        return parentKind ? resolve(parentKind, value, file, null) : null;
    }
    if (kind === 'lwcOrPlatform') return PLATFORM_COMPONENT.test(value) ? null : RESOLVERS.lwc(value, { file });
    const resolver = RESOLVERS[kind];
    return resolver ? resolver(value, { file }) : null;
}

let metadataReferences = 0;

/** Writes the installed form of one metadata file into `out`; records what does not resolve. */
function convertMetadata(file: string, out: string, elements: Array<[string, string]>): void {
    const source = readFileSync(file, 'utf8');
    const kinds = new Map(elements);
    const open: string[] = [];
    // One pass over the tags: a leaf element `<name>value</name>` is a reference when its name (and, for
    // `<name>`, its parent) says so; other tags only keep track of the parent.
    const converted = source.replace(
        /<([\w:]+)>([^<]*)<\/\1>|<(\/?)([\w:]+)[^>]*?(\/?)>/g,
        (
            whole: string,
            leaf: string | undefined,
            rawValue: string,
            closing: string,
            tag: string,
            selfClosing: string,
            offset: number
        ) => {
            if (!leaf) {
                if (selfClosing || tag.startsWith('?')) return whole;
                if (closing) open.pop();
                else open.push(tag);
                return whole;
            }
            const kind = kinds.get(leaf);
            const value = rawValue.trim();
            if (!kind || !value) return whole;
            const line = lineAt(source, offset);
            if (hasNamespace(value)) {
                expect(
                    false,
                    file,
                    `<${leaf}>${value}</${leaf}> writes the namespace: name the component as in source, packaging adds "${namespace}"`,
                    line
                );
                return whole;
            }
            const resolved = resolve(kind, value, file, open.at(-1) ?? null);
            if (!resolved) return whole;
            metadataReferences += 1;
            if ('problem' in resolved) {
                findings.push({
                    file,
                    line,
                    message: `<${leaf}>${value}</${leaf}> does not resolve in the installed package: ${resolved.problem}`
                });
                return whole;
            }
            return `<${leaf}>${resolved.name}</${leaf}>`;
        }
    );
    // The file name of a quick action and an object translation names an object too.
    const base = path.basename(file);
    const objectInName =
        /^(\w+)\.\w+\.quickAction-meta\.xml$/.exec(base)?.[1] ?? /^(\w+)-\w+\.objectTranslation/.exec(base)?.[1];
    if (objectInName) {
        const object = resolveObject(objectInName);
        expect(!('problem' in object), file, `names object ${objectInName}, which is not in the package nor standard`);
    }
    const target = path.join(out, path.relative(ROOT, file));
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, converted);
}

/** Visualforce pages name their controller and extensions: Apex classes of the package. */
function checkPageControllers(file: string): void {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\b(controller|extensions)\s*=\s*"([^"]+)"/g)) {
        for (const name of match[2].split(',').map((n) => n.trim())) {
            const resolved = RESOLVERS.class(name, { file });
            expect(
                !('problem' in resolved) && !hasNamespace(name),
                file,
                `${match[1]}="${name}": ${'problem' in resolved ? resolved.problem : 'writes the namespace'}`,
                lineAt(text, match.index)
            );
        }
    }
}

function convertPackage(out: string): void {
    for (const dir of packageSourceDirs(ROOT)) {
        for (const { files, elements } of REFERENCES) {
            for (const file of findFiles(dir, files)) convertMetadata(file, out, elements);
        }
        for (const file of findFiles(dir, /\.objectTranslation-meta\.xml$/))
            convertMetadata(file, out, [['name', 'byParent']]);
        for (const file of findFiles(dir, /\.page$/)) checkPageControllers(file);
    }
    const manifest = components.map((c) => ({ type: c.type, source: c.name, installed: installedName(c, namespace) }));
    writeFileSync(path.join(out, 'installed-names.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

// ── 3. The code ──────────────────────────────────────────────────────────────────────────────────

/**
 * The text with comments blanked (newlines kept, so line numbers hold) and string literals kept. `quotes`
 * are the string delimiters of the language (Apex: `'`; TypeScript: `'`, `"` and `` ` ``).
 */
function withoutComments(text: string, quotes: string): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
        const two = text.slice(i, i + 2);
        if (two === '//') {
            const end = text.indexOf('\n', i);
            const stop = end < 0 ? text.length : end;
            out += ' '.repeat(stop - i);
            i = stop;
        } else if (two === '/*') {
            const end = text.indexOf('*/', i + 2);
            const stop = end < 0 ? text.length : end + 2;
            out += text.slice(i, stop).replace(/[^\n]/g, ' ');
            i = stop;
        } else if (quotes.includes(text[i])) {
            const quote = text[i];
            let j = i + 1;
            while (j < text.length && text[j] !== quote) j += text[j] === '\\' ? 2 : 1;
            out += text.slice(i, j + 1);
            i = j + 1;
        } else {
            out += text[i];
            i += 1;
        }
    }
    return out;
}

const schemaNames = packageSchemaNames(components);
const schemaNameList = [...schemaNames];
const tabNames = [...(byType.get('CustomTab')?.values() ?? [])].map((c) => c.name);
const isPackageSchemaName = (name: string): boolean =>
    schemaNameList.some((n) => n.toLowerCase() === name.toLowerCase());
/** Literals a namespaced describe never equals: custom-suffixed names, or the package's own names. */
const namespaceSensitive = (literal: string): boolean => isCustomName(literal) || isPackageSchemaName(literal);

const URL_PATHS: Array<[RegExp, string]> = [
    [/\/apex\//, 'a Visualforce page URL (/apex/<ns>__page once packaged)'],
    [/\/services\/apexrest\//, 'an Apex REST URL (/services/apexrest/<ns>/<mapping> once packaged)'],
    [/\/lightning\/n\//, 'a tab URL (/lightning/n/<ns>__Tab once packaged)']
];

function hardCodedNamespace(text: string, file: string): void {
    if (!namespace) return;
    const pattern = new RegExp(`\\b${namespace}(__|\\.(?=[A-Z])|/|:)`, 'gi');
    for (const match of text.matchAll(pattern)) {
        expect(
            false,
            file,
            `writes the namespace "${match[0]}": read it at run time (WebexNamespace in Apex), so unpackaged deployments and the workbench work too`,
            lineAt(text, match.index)
        );
    }
}

/** The text with the content of its string literals blanked (quotes kept), for reading structure. */
function withoutStrings(code: string, quote: string): string {
    return code.replace(
        new RegExp(`${quote}(?:\\\\.|[^${quote}\\\\])*${quote}`, 'g'),
        (s) => `${quote}${' '.repeat(s.length - 2)}${quote}`
    );
}

interface ApexMethodRange {
    /** The declaration: annotations, modifiers, return type, name and parameters. */
    header: string;
    name: string;
    line: number;
    start: number;
    end: number;
}

/**
 * The methods and constructors of an Apex class, read from its structure: a block opened after `)` that no
 * statement keyword (`if`, `for`, `while`, `catch`...) precedes. Apex has no lambdas, so no other block does.
 */
function apexMethods(code: string): ApexMethodRange[] {
    const plain = withoutStrings(code, "'");
    const methods: ApexMethodRange[] = [];
    const stack: Array<ApexMethodRange | null> = [];
    let headerStart = 0;
    for (let i = 0; i < plain.length; i += 1) {
        const char = plain[i];
        if (char === '{') {
            const header = plain.slice(headerStart, i);
            const isMethod =
                /\)\s*$/.test(header) &&
                !/\b(if|for|while|catch|switch|when|else|do|try|finally|new)\b[^;]*$/.test(header) &&
                !stack.some((open) => open !== null);
            const name = /(\w+)\s*\([^()]*\)\s*$/.exec(header)?.[1] ?? '';
            const method = isMethod
                ? { header: code.slice(headerStart, i), name, line: lineAt(code, i), start: i, end: i }
                : null;
            stack.push(method);
            headerStart = i + 1;
        } else if (char === '}') {
            const closed = stack.pop();
            if (closed) {
                closed.end = i + 1;
                methods.push(closed);
            }
            headerStart = i + 1;
        } else if (char === ';') {
            headerStart = i + 1;
        }
    }
    return methods;
}

let apexFilesRead = 0;

function checkApex(): void {
    const classes = components.filter((c) => c.type === 'ApexClass');
    for (const cls of classes) {
        const file = cls.file;
        const code = withoutComments(readFileSync(file, 'utf8'), "'");
        apexFilesRead += 1;
        hardCodedNamespace(code, file);
        // Test classes run in the org CI's namespaced scratch org, which proves them: the rules below read the
        // package's own code.
        if (cls.isTest) continue;
        const methods = apexMethods(code);
        for (const literal of code.matchAll(/'(?:\\.|[^'\\])*'/g)) {
            const value = literal[0];
            const line = lineAt(code, literal.index);
            // (b) URLs of the package's pages, REST resource and tab: built where the namespace is read.
            for (const [pattern, what] of URL_PATHS) {
                if (!pattern.test(value)) continue;
                const method = methods.find((m) => literal.index >= m.start && literal.index < m.end);
                const body = method ? code.slice(method.start, method.end) + method.header : '';
                expect(
                    /\bWebexNamespace\.|\bnamespacePrefix\b/.test(body),
                    file,
                    `${value} builds ${what} without the namespace: build it with WebexNamespace`,
                    line
                );
            }
            // (a) URL state keys take the package's namespace, not the default `c__`.
            expect(
                !/^'c__\w/.test(value),
                file,
                `${value}: a page state key in the default namespace; packaged, it is <ns>__ (WebexNamespace.stateKey)`,
                line
            );
        }
        // (c) A describe name is prefixed: compare tokens (SObjectType, SObjectField), not names.
        const comparisons = [
            /getName\(\)(?:\s*\.\s*to(?:Lower|Upper)Case\(\))?\s*(?:==|!=)\s*'([^']*)'/g,
            /'([^']*)'\s*(?:==|!=)\s*[\w.()]*getName\(\)/g,
            /getName\(\)(?:\s*\.\s*to(?:Lower|Upper)Case\(\))?\s*\.\s*equals(?:IgnoreCase)?\(\s*'([^']*)'\s*\)/g,
            /'([^']*)'\s*\.\s*equals(?:IgnoreCase)?\(\s*[\w.()]*getName\(\)\s*\)/g
        ];
        if (/switch\s+on\s+[\w.()]*getName\(\)/i.test(code)) comparisons.push(/\bwhen\s+'([^']*)'/g);
        for (const pattern of comparisons) {
            for (const match of code.matchAll(pattern)) {
                expect(
                    !namespaceSensitive(match[1]),
                    file,
                    `compares a describe name with '${match[1]}': getName() returns the prefixed name (<ns>__...); compare SObjectType/SObjectField tokens`,
                    lineAt(code, match.index)
                );
            }
        }
        for (const match of code.matchAll(
            /(getGlobalDescribe\(\)|getMap\(\))\s*\.\s*(get|containsKey)\(\s*'([^']*)'\s*\)/g
        )) {
            expect(
                !isPackageSchemaName(match[3]),
                file,
                `looks up '${match[3]}' in ${match[1]}: its keys carry the namespace (API 28+ and 34+); use the token ${match[3]}`,
                lineAt(code, match.index)
            );
        }
        // (e) SObjects of the package returned to components serialize with prefixed keys.
        for (const method of methods.filter((m) => /@AuraEnabled\b/i.test(m.header))) {
            const declaration = method.header.replace(/@\w+(\s*\([^)]*\))?/g, '').replace(/\([^()]*\)\s*$/, '');
            const returned = schemaNameList.find((name) => new RegExp(`\\b${name}\\b`, 'i').test(declaration));
            expect(
                !returned,
                file,
                `@AuraEnabled ${method.name} returns ${returned}: its JSON keys are prefixed (<ns>__...) in the browser; return a class of the package`,
                method.line
            );
        }
        // (e) Setup entities by name: a customer's own of the same name matches too once installed.
        for (const match of code.matchAll(
            /\bFROM\s+(PermissionSet|PermissionSetGroup|CustomPermission|ApexClass|ApexPage|StaticResource|CustomTab)\b([^\]']*)/gi
        )) {
            const clause = match[2];
            expect(
                !/\b(Name|DeveloperName)\s*(=|IN\b)/i.test(clause) || /\bNamespacePrefix\b/i.test(clause),
                file,
                `queries ${match[1]} by name without NamespacePrefix: filter on the package's (WebexSetupSelector)`,
                lineAt(code, match.index)
            );
        }
    }
}

function lwcFiles(): string[] {
    return packageSourceDirs(ROOT)
        .flatMap((dir) => findFiles(path.join(dir, 'lwc'), /\.(ts|js|html)$/))
        .filter((file) => !file.includes(`${path.sep}__tests__${path.sep}`) && !file.endsWith('.d.ts'))
        .filter((file) => !(file.endsWith('.js') && findFiles(path.dirname(file), /\.ts$/).length));
}

let componentFilesRead = 0;

function checkComponents(): void {
    for (const file of lwcFiles()) {
        const raw = readFileSync(file, 'utf8');
        componentFilesRead += 1;
        const text = file.endsWith('.html')
            ? raw.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '))
            : withoutComments(raw, '\'"`');
        hardCodedNamespace(text, file);
        // Module specifiers resolve on the platform, namespace included: `@salesforce/schema/...` is the way
        // to name a package field in a component.
        const code = text.replace(/(['"])@salesforce\/[^'"]*\1/g, (s) => s.replace(/[^\n]/g, ' '));
        for (const match of code.matchAll(/(?<![\w$])([A-Za-z]\w*__c)\b/g)) {
            expect(
                !isPackageSchemaName(match[1]),
                file,
                `reads ${match[1]} by its unprefixed name: records and SObject JSON carry <ns>__${match[1]} once packaged; import it from @salesforce/schema (getFieldValue/getSObjectValue)`,
                lineAt(code, match.index)
            );
        }
        for (const match of code.matchAll(/\.(c__\w+)/g))
            expect(
                false,
                file,
                `.${match[1]}: a page state key in the default namespace; packaged, it is <ns>__ (read any namespace)`,
                lineAt(code, match.index)
            );
        for (const match of code.matchAll(/(['"`])((?:(?!\1).)*)\1/g)) {
            const value = match[2];
            const line = lineAt(code, match.index);
            for (const [pattern, what] of URL_PATHS)
                expect(!pattern.test(value), file, `'${value}' is ${what}: take the URL from Apex`, line);
            expect(
                !/^c__\w/.test(value),
                file,
                `'${value}': a page state key in the default namespace; packaged, it is <ns>__ (read any namespace)`,
                line
            );
            expect(
                !tabNames.includes(value),
                file,
                `'${value}' names the package's tab: its API name is <ns>__${value} once packaged; take it from Apex`,
                line
            );
        }
    }
}

let pagesRead = 0;

function checkPages(): void {
    for (const file of packageSourceDirs(ROOT).flatMap((dir) => findFiles(dir, /\.page$/))) {
        pagesRead += 1;
        const text = readFileSync(file, 'utf8').replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
        hardCodedNamespace(text, file);
        for (const [pattern, what] of URL_PATHS) {
            for (const match of text.matchAll(new RegExp(pattern.source, 'g')))
                expect(
                    false,
                    file,
                    `${what} written in the page: use {!$Page.name} or URLFOR`,
                    lineAt(text, match.index)
                );
        }
    }
}

function main(): void {
    const keepIndex = process.argv.indexOf('--keep');
    const keep = keepIndex > 0 ? path.resolve(process.argv[keepIndex + 1] ?? '') : null;
    const out = keep ?? mkdtempSync(path.join(tmpdir(), 'webex-namespaced-'));
    try {
        checkProject();
        convertPackage(out);
        checkApex();
        checkComponents();
        checkPages();
    } finally {
        if (!keep) rmSync(out, { recursive: true, force: true });
    }
    report(
        'namespace',
        findings,
        `package "${namespace}": ${components.length} components in their installed form, ${metadataReferences} metadata references resolved, ${apexFilesRead} Apex classes, ${componentFilesRead} component files and ${pagesRead} pages read${keep ? ` (converted copy: ${rel(out)})` : ''}`
    );
}

main();
