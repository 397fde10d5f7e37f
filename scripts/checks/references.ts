/**
 * Cross-references no compiler checks: the typed Apex contract in types/apex.d.ts against the Apex
 * source, what components import (Apex methods, labels, custom permissions), what permission sets,
 * tabs and Lightning pages name, and that every Apex class has a test class whose tests assert.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parseApexFiles, type ApexClass } from '../lib/apex-source.ts';
import { DEFAULT_DIR, LWC_DIR, ROOT, findFiles, report, type Finding } from '../lib/project.ts';
import { readMetadata, textsAt } from '../lib/xml.ts';

const APEX_TYPES = path.join(ROOT, 'types', 'apex.d.ts');
const findings: Finding[] = [];
let checked = 0;

function expect(ok: boolean, file: string, message: string, line?: number): void {
    checked += 1;
    if (!ok) findings.push({ file, line, message });
}

/** `@salesforce/apex/Class.method` → parameter names of its declared default export. */
function declaredApexMethods(): Map<string, { params: string[]; line: number }> {
    const source = ts.createSourceFile(APEX_TYPES, readFileSync(APEX_TYPES, 'utf8'), ts.ScriptTarget.Latest, true);
    const declared = new Map<string, { params: string[]; line: number }>();
    for (const statement of source.statements) {
        if (!ts.isModuleDeclaration(statement) || !ts.isStringLiteral(statement.name)) continue;
        const line = source.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
        const fn =
            statement.body && ts.isModuleBlock(statement.body)
                ? statement.body.statements.find(ts.isFunctionDeclaration)
                : undefined;
        const param = fn?.parameters[0];
        const params =
            param?.type && ts.isTypeLiteralNode(param.type)
                ? param.type.members.filter(ts.isPropertySignature).map((m) => m.name.getText(source))
                : [];
        expect(Boolean(fn), APEX_TYPES, `${statement.name.text}: declare it as a default-exported function`, line);
        declared.set(statement.name.text.replace('@salesforce/apex/', ''), { params, line });
    }
    return declared;
}

function checkApexContract(classes: Map<string, ApexClass>): void {
    const declared = declaredApexMethods();
    for (const [name, { params, line }] of declared) {
        const [className, methodName] = name.split('.');
        const cls = classes.get(className.toLowerCase());
        const method = cls?.methods.find((m) => m.name.toLowerCase() === methodName?.toLowerCase());
        expect(Boolean(cls), APEX_TYPES, `${name}: no Apex class ${className}`, line);
        if (!cls) continue;
        expect(Boolean(method), APEX_TYPES, `${name}: ${className} has no method ${methodName}`, line);
        if (!method) continue;
        expect(
            method.annotations.includes('auraenabled'),
            APEX_TYPES,
            `${name}: the Apex method is not @AuraEnabled`,
            line
        );
        expect(method.modifiers.includes('static'), APEX_TYPES, `${name}: the Apex method is not static`, line);
        expect(
            method.modifiers.includes('public') || method.modifiers.includes('global'),
            APEX_TYPES,
            `${name}: the Apex method is not public`,
            line
        );
        expect(
            JSON.stringify([...method.params].sort()) === JSON.stringify([...params].sort()),
            APEX_TYPES,
            `${name}: parameters are (${method.params.join(', ')}) in Apex but {${params.join(', ')}} in the type`,
            line
        );
    }
    // Components (and the Jest mocks that stand in for their imports) may only name declared methods.
    for (const file of findFiles(LWC_DIR, /\.ts$/)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/['"]@salesforce\/apex\/([\w.]+)['"]/g)) {
            const line = text.slice(0, match.index).split('\n').length;
            expect(
                declared.has(match[1]),
                file,
                `imports @salesforce/apex/${match[1]}, which types/apex.d.ts does not declare`,
                line
            );
        }
    }
}

function labelNames(): Set<string> {
    const file = path.join(DEFAULT_DIR, 'labels', 'CustomLabels.labels-meta.xml');
    return existsSync(file) ? new Set(textsAt(readMetadata(file).node, ['labels', 'fullName'])) : new Set();
}

function checkLabels(): void {
    const labels = labelNames();
    for (const file of findFiles(LWC_DIR, /\.ts$/)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/['"]@salesforce\/label\/c\.(\w+)['"]/g)) {
            const line = text.slice(0, match.index).split('\n').length;
            expect(labels.has(match[1]), file, `imports label c.${match[1]}, which is not in CustomLabels`, line);
        }
        for (const match of text.matchAll(/['"]@salesforce\/customPermission\/(\w+)['"]/g)) {
            const exists = existsSync(
                path.join(DEFAULT_DIR, 'customPermissions', `${match[1]}.customPermission-meta.xml`)
            );
            expect(exists, file, `imports custom permission ${match[1]}, which does not exist`);
        }
    }
    // English and French throughout: every label has a French value, and no translation is orphaned.
    for (const file of findFiles(path.join(DEFAULT_DIR, 'translations'), /\.translation-meta\.xml$/)) {
        const translated = new Set(textsAt(readMetadata(file).node, ['customLabels', 'name']));
        for (const label of labels) expect(translated.has(label), file, `label ${label} has no translation`);
        for (const name of translated) expect(labels.has(name), file, `translates label ${name}, which does not exist`);
    }
}

function metadataExists(folder: string, name: string, suffix: string): boolean {
    return findFiles(path.join(DEFAULT_DIR, folder), new RegExp(`^${name}\\.${suffix}$`)).length > 0;
}

function checkPermissionSets(classes: Map<string, ApexClass>): void {
    for (const file of findFiles(DEFAULT_DIR, /\.permissionset-meta\.xml$/)) {
        const { node } = readMetadata(file);
        for (const name of textsAt(node, ['classAccesses', 'apexClass'])) {
            const cls = classes.get(name.toLowerCase());
            expect(
                Boolean(cls) && !cls?.isTest,
                file,
                `grants Apex class ${name}, which does not exist (or is a test class)`
            );
        }
        for (const name of textsAt(node, ['tabSettings', 'tab'])) {
            expect(
                name.startsWith('standard-') || metadataExists('tabs', name, 'tab-meta\\.xml'),
                file,
                `grants tab ${name}, which does not exist`
            );
        }
        for (const name of textsAt(node, ['customPermissions', 'name'])) {
            expect(
                metadataExists('customPermissions', name, 'customPermission-meta\\.xml'),
                file,
                `grants custom permission ${name}, which does not exist`
            );
        }
        for (const name of textsAt(node, ['pageAccesses', 'apexPage'])) {
            expect(
                metadataExists('pages', name, 'page'),
                file,
                `grants Visualforce page ${name}, which does not exist`
            );
        }
        for (const name of textsAt(node, ['customSettingAccesses', 'name'])) {
            expect(
                existsSync(path.join(DEFAULT_DIR, 'objects', name)),
                file,
                `grants custom setting ${name}, which does not exist`
            );
        }
    }
}

function lwcBundleExists(name: string): boolean {
    return existsSync(path.join(LWC_DIR, name, `${name}.js-meta.xml`));
}

function checkTabsAndPages(): void {
    for (const file of findFiles(DEFAULT_DIR, /\.tab-meta\.xml$/)) {
        const { node } = readMetadata(file);
        for (const page of textsAt(node, ['flexiPage'])) {
            expect(
                metadataExists('flexipages', page, 'flexipage-meta\\.xml'),
                file,
                `opens Lightning page ${page}, which does not exist`
            );
        }
        for (const component of textsAt(node, ['lwcComponent'])) {
            expect(lwcBundleExists(component), file, `opens component ${component}, which does not exist`);
        }
    }
    for (const file of findFiles(DEFAULT_DIR, /\.flexipage-meta\.xml$/)) {
        const text = readFileSync(file, 'utf8');
        for (const match of text.matchAll(/<componentName>(?:c:)?(\w+)<\/componentName>/g)) {
            if (/^(flexipage|force|runtime_\w+|lst|forceChatter|console|home)\b/.test(match[1])) continue;
            expect(lwcBundleExists(match[1]), file, `places component ${match[1]}, which does not exist`);
        }
    }
}

/** Every class has `<Class>_Test`; every test method asserts something a reader can see fail. */
function checkApexTests(all: ApexClass[]): void {
    const topLevel = all.filter((c) => !c.name.includes('.'));
    const names = new Map(topLevel.map((c) => [c.name.toLowerCase(), c]));
    for (const cls of topLevel.filter((c) => !c.isTest)) {
        const test = names.get(`${cls.name}_test`.toLowerCase());
        expect(Boolean(test?.isTest), cls.file, `${cls.name} has no @IsTest class ${cls.name}_Test`);
    }
    for (const cls of all.filter((c) => c.isTest || c.name.includes('.'))) {
        for (const method of cls.methods.filter(
            (m) => m.annotations.includes('istest') || m.modifiers.includes('testmethod')
        )) {
            expect(
                /\b(Assert\.\w+|System\.assert\w*)\s*\(/.test(method.body),
                cls.file,
                `test ${cls.name}.${method.name} asserts nothing`,
                method.line
            );
        }
    }
}

function main(): void {
    const parsed = parseApexFiles(findFiles(path.join(ROOT, 'force-app'), /\.cls$/));
    const classes = new Map(parsed.classes.filter((c) => !c.name.includes('.')).map((c) => [c.name.toLowerCase(), c]));
    checkApexContract(classes);
    checkLabels();
    checkPermissionSets(classes);
    checkTabsAndPages();
    checkApexTests(parsed.classes);
    report(
        'references',
        findings,
        `${checked} references checked (Apex contract, labels, permission sets, tabs, pages, tests)`
    );
}

main();
