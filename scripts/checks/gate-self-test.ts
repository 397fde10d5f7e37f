/**
 * Proves the gate's checks can fail: for each kind of mistake the gate must catch, plants one in a
 * throw-away copy of the project and runs the check that must catch it. Passes only when every
 * planted mistake is reported with its own name (not some other failure of the copy).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../lib/project.ts';

const API =
    '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><status>Active</status></ApexClass>\n';
const BUNDLE_META =
    '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><isExposed>false</isExposed></LightningComponentBundle>\n';

interface Fault {
    name: string;
    files: Record<string, string>;
    check: string[];
    /** Text the check's output must contain, so the failure is the planted one. */
    expect: RegExp;
}

const apexClass = (name: string, body: string): Record<string, string> => ({
    [`force-app/main/default/classes/${name}.cls`]: `public with sharing class ${name} {\n${body}\n}\n`,
    [`force-app/main/default/classes/${name}.cls-meta.xml`]: API
});

const tsx = (script: string): string[] => [path.join(ROOT, 'node_modules/.bin/tsx'), path.join(ROOT, script)];

const FAULTS: Fault[] = [
    {
        name: 'an unknown field in Apex',
        files: apexClass(
            'ZzFaultField',
            '    public static Object read(Contact c) {\n        return c.NoSuchField__c;\n    }'
        ),
        check: tsx('scripts/checks/apex-schema.ts'),
        expect: /NoSuchField__c/
    },
    {
        name: 'an unknown field in a SOQL string',
        files: apexClass(
            'ZzFaultSoql',
            "    public static List<SObject> read() {\n        return Database.query('SELECT Id, NoSuchSoqlField__c FROM Lead', AccessLevel.USER_MODE);\n    }"
        ),
        check: tsx('scripts/checks/apex-schema.ts'),
        expect: /NoSuchSoqlField__c/
    },
    {
        name: 'an iterator without key in a template',
        files: {
            'force-app/main/default/lwc/zzFaultKey/zzFaultKey.js':
                "import { LightningElement } from 'lwc';\nexport default class ZzFaultKey extends LightningElement {\n    items = [1, 2];\n}\n",
            'force-app/main/default/lwc/zzFaultKey/zzFaultKey.html':
                '<template><template for:each={items} for:item="item"><p>{item}</p></template></template>\n',
            'force-app/main/default/lwc/zzFaultKey/zzFaultKey.js-meta.xml': BUNDLE_META
        },
        check: tsx('scripts/checks/lwc-compile.ts'),
        expect: /key/i
    },
    {
        name: 'a component importing a non-existent Apex method',
        files: {
            'force-app/main/default/lwc/zzFaultApex/zzFaultApex.ts':
                "import missing from '@salesforce/apex/ZzNoSuchController.missingMethod';\nexport const call = (): unknown => missing;\n"
        },
        check: tsx('scripts/checks/references.ts'),
        expect: /ZzNoSuchController\.missingMethod/
    },
    {
        name: 'a TypeScript type error',
        files: {
            'force-app/main/default/lwc/zzFaultType/zzFaultType.ts': "export const count: number = 'not a number';\n"
        },
        check: [path.join(ROOT, 'node_modules/.bin/tsc'), '--noEmit', '-p', 'tsconfig.json'],
        expect: /TS2322/
    },
    {
        name: 'a permission set naming a missing class',
        files: {
            'force-app/main/default/permissionsets/Zz_Fault.permissionset-meta.xml':
                '<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata"><label>Fault</label><classAccesses><apexClass>ZzNoSuchClass</apexClass><enabled>true</enabled></classAccesses></PermissionSet>\n'
        },
        check: tsx('scripts/checks/references.ts'),
        expect: /ZzNoSuchClass/
    },
    {
        name: 'malformed XML',
        files: {
            'force-app/main/default/labels/Zz.labels-meta.xml':
                '<?xml version="1.0" encoding="UTF-8"?>\n<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata"><labels>\n</CustomLabels>\n'
        },
        check: tsx('scripts/checks/metadata-xml.ts'),
        expect: /malformed XML/
    }
];

function copyProject(): string {
    const copy = mkdtempSync(path.join(tmpdir(), 'gate-self-test-'));
    for (const entry of ['force-app', 'types', 'scripts', 'sfdx-project.json', 'tsconfig.json', 'config']) {
        cpSync(path.join(ROOT, entry), path.join(copy, entry), { recursive: true });
    }
    symlinkSync(path.join(ROOT, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
    return copy;
}

function run(copy: string, command: string[]): { ok: boolean; output: string } {
    const result = spawnSync(command[0], command.slice(1), {
        cwd: copy,
        encoding: 'utf8',
        env: { ...process.env, WEBEX_GATE_ROOT: copy }
    });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
}

function main(): void {
    let failures = 0;
    for (const fault of FAULTS) {
        const copy = copyProject();
        try {
            for (const [file, content] of Object.entries(fault.files)) {
                mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
                writeFileSync(path.join(copy, file), content);
            }
            const result = run(copy, fault.check);
            const caught = !result.ok && fault.expect.test(result.output);
            console.log(`${caught ? 'caught' : 'MISSED'}: ${fault.name}`);
            if (!caught) {
                failures += 1;
                console.error(result.output.slice(-2000));
            }
        } finally {
            rmSync(copy, { recursive: true, force: true });
        }
    }
    if (failures) {
        console.error(`gate-self-test: ${failures} planted mistake(s) not caught`);
        process.exitCode = 1;
    } else {
        console.log(`gate-self-test: all ${FAULTS.length} planted mistakes caught`);
    }
}

main();
