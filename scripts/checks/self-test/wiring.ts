/** The first mistakes the gate had to catch: names and wiring between Apex, components and metadata. */
import path from 'node:path';
import { ROOT } from '../../lib/project.ts';
import { BUNDLE_META, apexClass, tsx, type Fault } from './fault.ts';

export const FAULTS: Fault[] = [
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
