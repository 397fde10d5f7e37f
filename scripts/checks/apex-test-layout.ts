/**
 * One place and one name for each kind of test class, so a newcomer finds (and adds) them the same way:
 * the test of `<Class>` is `<Class>_Test`, beside it; every other `@IsTest` class is a shared helper, named
 * `WebexTest<Subject>` and kept in `classes/test-support/` (inside the package: the packaged tests
 * compile against them, and unpackaged metadata is not installed in subscriber orgs).
 */
import path from 'node:path';
import { isMain, runRules, type ApexRule, type Finding } from '../lib/apex-rule.ts';

const SUPPORT_FOLDER = `${path.sep}test-support${path.sep}`;

export const rule: ApexRule = {
    name: 'apex-test-layout',
    readsTests: true,
    run(context) {
        const findings: Finding[] = [];
        let helpers = 0;
        for (const cls of context.project.classes) {
            if (cls.outer || !cls.unit.file.endsWith('.cls')) continue;
            const inSupport = cls.unit.file.includes(SUPPORT_FOLDER);
            const isUnitTest = cls.name.endsWith('_Test');
            if (cls.isTest && !isUnitTest) {
                helpers += 1;
                if (!inSupport || !cls.name.startsWith('WebexTest')) {
                    findings.push({
                        file: cls.unit.file,
                        line: cls.line,
                        message: `${cls.name}: a shared @IsTest helper is named WebexTest<Subject> and lives in classes/test-support/ (a class's own test is <Class>_Test, beside it)`
                    });
                }
            } else if (inSupport) {
                findings.push({
                    file: cls.unit.file,
                    line: cls.line,
                    message: `${cls.name}: classes/test-support/ holds only @IsTest helpers (WebexTest<Subject>); ${isUnitTest ? 'a <Class>_Test stays beside its class' : 'production code belongs to its feature folder'}`
                });
            }
        }
        return { findings, summary: `${helpers} test helper(s), each a WebexTest* in classes/test-support/` };
    }
};

if (isMain(import.meta)) runRules([rule]);
