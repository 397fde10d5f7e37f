/**
 * Apex semantics with apex-ls (types, methods, fields, labels, API 65), extended to what apex-ls
 * does not look at: object and field names inside SOQL/SOSL (inline and dynamic strings) and in
 * permission sets. Those names are written into a synthetic class as plain field references in a
 * temporary copy of the project, so one apex-ls run checks them against the same schema it uses for
 * Apex (standard objects of API 65 and the project's own metadata); its findings are mapped back.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseApexFiles } from '../lib/apex-source.ts';
import { DEFAULT_DIR, ROOT, findFiles, report, type Finding } from '../lib/project.ts';
import { elementsAt, readMetadata, textsAt } from '../lib/xml.ts';

const SYNTHETIC = 'ZzGateSchemaReferences';
const JAVA_LIB = path.join(ROOT, 'node_modules/@salesforce/code-analyzer-pmd-engine/dist/java-lib/*');

interface SchemaReference {
    file: string;
    line?: number;
    object: string;
    fields: string[];
    what: string;
}

function permissionSetReferences(): SchemaReference[] {
    const refs: SchemaReference[] = [];
    for (const file of findFiles(DEFAULT_DIR, /\.permissionset-meta\.xml$/)) {
        const { node } = readMetadata(file);
        for (const object of textsAt(node, ['objectPermissions', 'object'])) {
            refs.push({ file, object, fields: [], what: 'permission set object' });
        }
        for (const perm of elementsAt(node, 'fieldPermissions')) {
            for (const field of textsAt(perm, ['field'])) {
                const [object, name] = field.split('.');
                refs.push({ file, object, fields: [name], what: 'permission set field' });
            }
        }
    }
    return refs;
}

/** Writes the synthetic class; returns, per line of it, the reference it stands for. */
function syntheticClass(refs: SchemaReference[]): {
    source: string;
    origin: Map<number, { ref: SchemaReference; field?: string }>;
} {
    const lines = [`public with sharing class ${SYNTHETIC} {`];
    const origin = new Map<number, { ref: SchemaReference; field?: string }>();
    refs.forEach((ref, index) => {
        lines.push(`    static void r${index}() {`);
        lines.push(`        ${ref.object} r = null;`);
        origin.set(lines.length, { ref });
        lines.push('        Object o;');
        for (const field of ref.fields) {
            lines.push(`        o = r.${field};`);
            origin.set(lines.length, { ref, field });
        }
        lines.push('    }');
    });
    lines.push('}', '');
    return { source: lines.join('\n'), origin };
}

interface ApexLsOutput {
    files: Array<{ path: string; messages: Array<{ start: { line: number }; category: string; message: string }> }>;
}

/**
 * apex-ls stops reporting unknown fields on a standard object (any field then passes) as soon as the
 * project adds a field to it, as `objects/Contact/fields/` does. So the copy apex-ls reads holds no
 * standard-object extension, and an "unknown field" finding for a field the project declares there is
 * dropped: every other name on Contact or Lead is still checked against the standard definition.
 * Returns the declared fields, by lower-case object name, as lower-case names without namespace.
 */
function withoutStandardObjectExtensions(work: string): Map<string, Set<string>> {
    const declared = new Map<string, Set<string>>();
    for (const fieldFile of findFiles(path.join(work, 'force-app'), /\.field-meta\.xml$/)) {
        const objectDir = path.dirname(path.dirname(fieldFile));
        const object = path.basename(objectDir);
        if (object.includes('__')) continue;
        const fields = declared.get(object.toLowerCase()) ?? new Set<string>();
        fields.add(path.basename(fieldFile, '.field-meta.xml').toLowerCase());
        declared.set(object.toLowerCase(), fields);
        rmSync(objectDir, { recursive: true, force: true });
    }
    return declared;
}

/** Whether an apex-ls message is "unknown field" for a field the project adds to a standard object. */
function declaresExtension(declared: Map<string, Set<string>>, message: string): boolean {
    const unknown = /Unknown field '(?:\w+__)?(\w+__c)' on SObject '\[?Schema\.(\w+)(?: Records\])?'/i.exec(message);
    return !!unknown && !!declared.get(unknown[2].toLowerCase())?.has(unknown[1].toLowerCase());
}

function main(): void {
    const apexFiles = findFiles(path.join(ROOT, 'force-app'), /\.(cls|trigger)$/);
    const parsed = parseApexFiles(apexFiles);
    const findings: Finding[] = parsed.syntaxErrors.map((error) => ({
        file: error.split(':')[0],
        message: `syntax: ${error}`
    }));
    const refs: SchemaReference[] = [
        ...parsed.queries.map((q) => ({
            file: q.file,
            line: q.line,
            object: q.object,
            fields: q.fields,
            what: q.kind === 'inline' ? 'SOQL/SOSL' : 'SOQL string'
        })),
        ...permissionSetReferences()
    ];

    const work = mkdtempSync(path.join(tmpdir(), 'apex-schema-'));
    try {
        cpSync(path.join(ROOT, 'sfdx-project.json'), path.join(work, 'sfdx-project.json'));
        cpSync(path.join(ROOT, 'force-app'), path.join(work, 'force-app'), {
            recursive: true,
            filter: (src) => !/[\\/](lwc|__tests__|jest-mocks)([\\/]|$)/.test(src)
        });
        const extended = withoutStandardObjectExtensions(work);
        const classesDir = path.join(work, 'force-app/main/default/classes');
        // A project without Apex yet has no classes folder to hold the synthetic class.
        mkdirSync(classesDir, { recursive: true });
        const { source, origin } = syntheticClass(refs);
        writeFileSync(path.join(classesDir, `${SYNTHETIC}.cls`), source);
        writeFileSync(
            path.join(classesDir, `${SYNTHETIC}.cls-meta.xml`),
            '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n'
        );
        const run = spawnSync(
            'java',
            ['-cp', JAVA_LIB, 'io.github.apexdevtools.apexls.CheckForIssues', '-w', work, '-n', '-f', 'json'],
            {
                encoding: 'utf8',
                maxBuffer: 64 * 1024 * 1024
            }
        );
        if (run.error) throw run.error;
        if (run.status !== 0 && run.status !== 4) {
            console.error(run.stdout, run.stderr);
            throw new Error(`apex-ls exited with ${run.status}`);
        }
        const output = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as ApexLsOutput;
        for (const file of output.files) {
            const synthetic = path.basename(file.path) === `${SYNTHETIC}.cls`;
            for (const msg of file.messages) {
                if (declaresExtension(extended, msg.message)) continue;
                if (!synthetic) {
                    findings.push({
                        file: path.join(ROOT, path.relative(work, file.path)),
                        line: msg.start.line,
                        message: `${msg.category}: ${msg.message}`
                    });
                    continue;
                }
                const from = origin.get(msg.start.line);
                const where = from
                    ? `${from.ref.what} ${from.ref.object}${from.field ? `.${from.field}` : ''}`
                    : 'schema reference';
                findings.push({
                    file: from?.ref.file ?? file.path,
                    line: from?.ref.line,
                    message: `${where}: ${msg.message}`
                });
            }
        }
    } finally {
        rmSync(work, { recursive: true, force: true });
    }
    report(
        'apex-schema',
        findings,
        `${apexFiles.length} Apex files, ${refs.length} SOQL/SOSL/permission-set schema references checked by apex-ls`
    );
}

main();
