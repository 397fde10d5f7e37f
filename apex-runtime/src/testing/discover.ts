/**
 * Finding the tests of a program (Apex Developer Guide › Understanding Test Concepts, Test Methods
 * and Test Classes; Using Test Setup Methods): top-level classes annotated `@IsTest`; in them,
 * methods annotated `@IsTest` or declared with the `testMethod` modifier (any access modifier:
 * "Test methods and test classes can be either private or public"), and `@TestSetup` methods.
 */
import { UnsupportedApexError } from '../errors.ts';
import type { Annotation } from '../syntax/ast.ts';
import type { ClassInfo, MethodInfo } from '../interpreter/model.ts';

export interface TestClass {
    cls: ClassInfo;
    /** Test methods in source order. */
    methods: MethodInfo[];
    /** `@TestSetup` methods in source order. */
    setups: MethodInfo[];
    /** Why the class cannot run (every method then fails with it), e.g. `@IsTest(SeeAllData=true)`. */
    refused?: string;
    /** Methods that cannot run, with why (`@IsTest(SeeAllData=true)` on the method). */
    methodRefusals: Map<MethodInfo, string>;
}

function annotation(list: Annotation[], name: string): Annotation | undefined {
    return list.find((a) => a.name.toLowerCase() === name);
}

/** The value of an annotation parameter, by case-insensitive key. */
function param(a: Annotation, key: string): string | boolean | number | undefined {
    for (const [k, v] of Object.entries(a.params)) if (k.toLowerCase() === key) return v;
    return undefined;
}

function isTrue(v: string | boolean | number | undefined): boolean {
    return v === true || (typeof v === 'string' && v.toLowerCase() === 'true');
}

/**
 * `@IsTest(SeeAllData=true)` gives a test the org's data (Isolation of Test Data from Organization
 * Data in Unit Tests); there is no org data here, so such a test cannot run as written.
 */
function seeAllData(list: Annotation[]): boolean {
    const a = annotation(list, 'istest');
    return a !== undefined && isTrue(param(a, 'seealldata'));
}

function decl(m: MethodInfo): { annotations: Annotation[]; modifiers: string[] } {
    return m.decl;
}

/** Whether a method is a test method: `@IsTest` or the `testMethod` modifier. */
export function isTestMethod(m: MethodInfo): boolean {
    const d = decl(m);
    return d.annotations.some((a) => a.name.toLowerCase() === 'istest') || d.modifiers.includes('testmethod');
}

/** The test classes among top-level classes, sorted by name (a stable order for reports). */
export function discoverTests(classes: Iterable<ClassInfo>): TestClass[] {
    const out: TestClass[] = [];
    for (const cls of classes) {
        if (cls.kind !== 'class' || cls.outer || !cls.isTest) continue;
        const methods: MethodInfo[] = [];
        const setups: MethodInfo[] = [];
        for (const list of cls.methods.values()) {
            for (const m of list) {
                if (m.decl.kind !== 'method') continue;
                if (annotation(m.decl.annotations, 'testsetup')) setups.push(m);
                else if (isTestMethod(m)) methods.push(m);
            }
        }
        const byLine = (a: MethodInfo, b: MethodInfo) => a.decl.line - b.decl.line;
        methods.sort(byLine);
        setups.sort(byLine);
        const t: TestClass = { cls, methods, setups, methodRefusals: new Map() };
        if (seeAllData(cls.annotations))
            t.refused = new UnsupportedApexError(
                '@IsTest(SeeAllData=true): there is no org data offline',
                `${cls.file}:${cls.decl?.line ?? 0}`
            ).message;
        for (const m of methods) {
            if (seeAllData(m.decl.annotations))
                t.methodRefusals.set(
                    m,
                    new UnsupportedApexError(
                        '@IsTest(SeeAllData=true): there is no org data offline',
                        `${cls.file}:${m.decl.line}`
                    ).message
                );
        }
        out.push(t);
    }
    out.sort((a, b) => (a.cls.name.toLowerCase() < b.cls.name.toLowerCase() ? -1 : 1));
    return out;
}
