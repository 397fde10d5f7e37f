/**
 * Every scratch-org definition the project uses (config/*scratch-def*.json and each
 * `packageDirectories[].definitionFile` of sfdx-project.json, which `sf package version create`
 * builds package versions in) is one the org signup accepts:
 * - it validates against Salesforce's own JSON schema, `project-scratch-def.schema.json` of
 *   @salesforce/schemas (the features list there is the set of valid scratch-org features: a name
 *   outside it, such as "PlatformEvents", fails `sf org create scratch` and every package build);
 * - each `settings` entry is a Metadata API settings type (the CLI deploys `settings.fooSettings` as
 *   the `FooSettings` metadata type: @salesforce/core scratchOrgSettingsGenerator), and each of its
 *   fields, at any depth, is an element that type knows, with a value it allows — the schema itself
 *   lists settings names only, so a misspelt field would otherwise surface only as a failed
 *   settings deploy after the org exists.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { loadMetadataSchema, type ElementKind, type MetadataSchema } from '../lib/metadata-schema.ts';
import { ROOT, findFiles, rel, report, type Finding } from '../lib/project.ts';

const SCHEMA_PACKAGE = path.join(ROOT, 'node_modules', '@salesforce', 'schemas');
const SCHEMA_FILE = path.join(SCHEMA_PACKAGE, 'project-scratch-def.schema.json');

interface JsonSchema {
    definitions: { features: { items: object } };
}

/** The definition files: every config/*scratch-def*.json and every definitionFile sfdx-project.json names. */
export function definitionFiles(root: string, findings: Finding[]): string[] {
    const files = new Set(findFiles(path.join(root, 'config'), /scratch-def.*\.json$/));
    const projectFile = path.join(root, 'sfdx-project.json');
    if (existsSync(projectFile)) {
        let project: { packageDirectories?: Array<{ path?: string; definitionFile?: string }> } = {};
        try {
            project = JSON.parse(readFileSync(projectFile, 'utf8')) as typeof project;
        } catch (error) {
            findings.push({ file: projectFile, message: `not valid JSON: ${(error as Error).message}` });
        }
        for (const directory of project.packageDirectories ?? []) {
            if (!directory.definitionFile) continue;
            const file = path.join(root, directory.definitionFile);
            if (existsSync(file)) files.add(file);
            else
                findings.push({
                    file: projectFile,
                    message: `package directory "${directory.path ?? '?'}": definitionFile ${directory.definitionFile} does not exist`
                });
        }
    }
    return [...files].sort();
}

function lineOf(text: string, token: string): number | undefined {
    const at = text.indexOf(token);
    return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/** The feature titles of the schema (`AddCustomApps:<value>`, `API`, …), for suggestions. */
function featureNames(schema: JsonSchema): string[] {
    const anyOf = (schema.definitions.features.items as { anyOf?: Array<{ title?: string; enum?: string[] }> }).anyOf;
    return (anyOf ?? []).flatMap((entry) => entry.enum ?? (entry.title ? [entry.title] : []));
}

function suggestions(feature: string, names: string[]): string[] {
    const wanted = feature.toLowerCase().replace(/:.*$/, '');
    return names.filter((name) => {
        const candidate = name.toLowerCase().replace(/:.*$/, '');
        return candidate === wanted || candidate.includes(wanted) || (wanted.length > 3 && wanted.includes(candidate));
    });
}

function lastKey(where: string): string {
    return (
        where
            .split('.')
            .pop()
            ?.replace(/\[\d+\]$/, '') ?? where
    );
}

function describeKind(kind: ElementKind): string {
    return kind.kind === 'enum' ? `one of ${kind.values.join(', ')}` : kind.kind;
}

/** One problem of a definition; `token` is the JSON key or value it is about (to find its line). */
export interface Problem {
    message: string;
    token?: string;
}

/** Checks one value against the Metadata API type of its element; `where` is its JSON path. */
function checkValue(
    schema: MetadataSchema,
    kind: ElementKind,
    value: unknown,
    where: string,
    problems: Problem[]
): void {
    if (Array.isArray(value)) {
        value.forEach((item, index) => checkValue(schema, kind, item, `${where}[${index}]`, problems));
        return;
    }
    switch (kind.kind) {
        case 'boolean':
            if (typeof value !== 'boolean')
                problems.push({
                    message: `${where} must be true or false (got ${JSON.stringify(value)})`,
                    token: lastKey(where)
                });
            return;
        case 'number':
            if (typeof value !== 'number')
                problems.push({
                    message: `${where} must be a number (got ${JSON.stringify(value)})`,
                    token: lastKey(where)
                });
            return;
        case 'enum':
            if (!kind.values.includes(String(value)))
                problems.push({
                    message: `${where} must be ${describeKind(kind)} (got ${JSON.stringify(value)})`,
                    token: lastKey(where)
                });
            return;
        case 'complex':
            checkFields(schema, kind.type, value, where, problems);
            return;
        case 'any':
            return;
    }
}

function checkFields(
    schema: MetadataSchema,
    typeName: string,
    value: unknown,
    where: string,
    problems: Problem[]
): void {
    const elements = schema.get(typeName);
    if (!elements) return;
    if (value === null || typeof value !== 'object') {
        problems.push({
            message: `${where} must be an object (the ${typeName} type), not ${JSON.stringify(value)}`,
            token: lastKey(where)
        });
        return;
    }
    for (const [field, child] of Object.entries(value)) {
        const kind = elements.get(field);
        if (!kind) {
            problems.push({
                message: `${where}.${field}: the Metadata API type ${typeName} has no field "${field}"`,
                token: field
            });
            continue;
        }
        checkValue(schema, kind, child, `${where}.${field}`, problems);
    }
}

/** The problems of one definition (parsed JSON), each a sentence naming the JSON path. */
export function checkDefinition(
    definition: unknown,
    schema: JsonSchema & object,
    metadata: MetadataSchema,
    schemaVersion: string
): Problem[] {
    const problems: Problem[] = [];
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    const validFeature = ajv.compile(schema.definitions.features.items);
    const source = `@salesforce/schemas ${schemaVersion}`;

    if (!validate(definition)) {
        // A wrong feature fails every branch of the items' anyOf: one clear line per feature instead.
        const outsideFeatures = (validate.errors ?? []).filter(
            (error: ErrorObject) => !/^\/features\/\d+/.test(error.instancePath)
        );
        for (const error of outsideFeatures)
            problems.push({
                message: `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}${error.params && 'allowedValues' in error.params ? `: ${(error.params.allowedValues as string[]).join(', ')}` : ''} (${source})`,
                token: error.instancePath
                    .split('/')
                    .filter((part) => part && !/^\d+$/.test(part))
                    .pop()
            });
    }
    const record = definition !== null && typeof definition === 'object' ? (definition as Record<string, unknown>) : {};
    if (Array.isArray(record.features)) {
        const names = featureNames(schema);
        record.features.forEach((feature, index) => {
            if (validFeature(feature)) return;
            const near = typeof feature === 'string' ? suggestions(feature, names) : [];
            problems.push({
                message:
                    `features[${index}] ${JSON.stringify(feature)} is not a scratch-org feature (${source}, project-scratch-def.schema.json)` +
                    (near.length ? `; did you mean ${near.slice(0, 5).join(' or ')}?` : ''),
                token: typeof feature === 'string' ? feature : 'features'
            });
        });
    }
    const settings = record.settings;
    if (settings !== null && typeof settings === 'object' && !Array.isArray(settings)) {
        for (const [name, value] of Object.entries(settings)) {
            const typeName = `${name.charAt(0).toUpperCase()}${name.slice(1)}`;
            if (!typeName.endsWith('Settings') || !metadata.has(typeName)) {
                problems.push({
                    message: `settings.${name}: no Metadata API settings type ${typeName} (the CLI deploys settings.<name> as the <Name> settings type)`,
                    token: name
                });
                continue;
            }
            checkFields(metadata, typeName, value, `settings.${name}`, problems);
        }
    }
    return problems;
}

function main(): void {
    const findings: Finding[] = [];
    if (!existsSync(SCHEMA_FILE)) {
        report(
            'scratch-def',
            [{ file: SCHEMA_FILE, message: 'missing: @salesforce/schemas is a devDependency, run npm ci' }],
            ''
        );
        return;
    }
    const schema = JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as JsonSchema;
    const schemaVersion = (
        JSON.parse(readFileSync(path.join(SCHEMA_PACKAGE, 'package.json'), 'utf8')) as { version: string }
    ).version;
    const metadata = loadMetadataSchema();
    const files = definitionFiles(ROOT, findings);
    if (!files.length)
        findings.push({ file: path.join(ROOT, 'config'), message: 'no scratch-org definition file found' });
    for (const file of files) {
        const text = readFileSync(file, 'utf8');
        let definition: unknown;
        try {
            definition = JSON.parse(text);
        } catch (error) {
            findings.push({ file, message: `not valid JSON: ${(error as Error).message}` });
            continue;
        }
        for (const problem of checkDefinition(definition, schema, metadata, schemaVersion)) {
            const line = problem.token ? lineOf(text, `"${problem.token}"`) : undefined;
            findings.push({ file, ...(line ? { line } : {}), message: problem.message });
        }
    }
    report(
        'scratch-def',
        findings,
        `${files.map(rel).join(', ')} valid (@salesforce/schemas ${schemaVersion} and the Metadata API settings types)`
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
