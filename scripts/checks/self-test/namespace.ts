/**
 * Mistakes that work unpackaged and break once the package is installed with its namespace (docs/namespace.md):
 * each is caught by scripts/checks/namespace.ts.
 */
import { API, apexClass, tsx, type Fault } from './fault.ts';

const check = tsx('scripts/checks/namespace.ts');

/** A component bundle (TypeScript module and its meta file) holding `source`. */
const component = (name: string, source: string, template?: string): Record<string, string> => ({
    [`force-app/main/default/lwc/${name}/${name}.ts`]: source,
    ...(template ? { [`force-app/main/default/lwc/${name}/${name}.html`]: template } : {}),
    [`force-app/main/default/lwc/${name}/${name}.js-meta.xml`]:
        '<?xml version="1.0" encoding="UTF-8"?>\n<LightningComponentBundle xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>65.0</apiVersion><isExposed>false</isExposed></LightningComponentBundle>\n'
});

const permissionSet = (body: string): Record<string, string> => ({
    'force-app/main/default/permissionsets/Zz_Ns_Fault.permissionset-meta.xml': `<?xml version="1.0" encoding="UTF-8"?>\n<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata"><label>Fault</label>${body}</PermissionSet>\n`
});

export const FAULTS: Fault[] = [
    {
        name: 'namespace: the package without a namespace',
        edits: [{ file: 'sfdx-project.json', find: /"namespace": "\w+"/, replace: '"namespace": ""' }],
        check,
        expect: /the package has no namespace/
    },
    {
        name: 'namespace: a component reading a package field of a record by its unprefixed name',
        files: component(
            'zzNsRecord',
            'export function fieldsOf(record: { fields: Record<string, { value: unknown }> }): unknown {\n    return record.fields.Fields__c.value;\n}\n'
        ),
        check,
        expect: /zzNsRecord\.ts:2 .*reads Fields__c by its unprefixed name/
    },
    {
        name: 'namespace: a template reading a package field of an SObject from Apex',
        files: component(
            'zzNsTemplate',
            "import { LightningElement } from 'lwc';\nexport default class ZzNsTemplate extends LightningElement {\n    tab = {};\n}\n",
            '<template>\n    <p>{tab.ObjectApiName__c}</p>\n</template>\n'
        ),
        check,
        expect: /zzNsTemplate\.html:2 .*reads ObjectApiName__c by its unprefixed name/
    },
    {
        name: 'namespace: a Visualforce page URL built in Apex without the namespace',
        files: apexClass(
            'ZzNsPageUrl',
            "    public static String connectUrl() {\n        return URL.getOrgDomainUrl().toExternalForm() + '/apex/webexuserauth';\n    }"
        ),
        check,
        expect: /ZzNsPageUrl\.cls:3 .*'\/apex\/webexuserauth' builds a Visualforce page URL .*without the namespace/
    },
    {
        name: 'namespace: the webhook REST path written in a component',
        files: component('zzNsRest', "export const WEBHOOKS = '/services/apexrest/webex/webhooks';\n"),
        check,
        expect: /zzNsRest\.ts:1 .*is an Apex REST URL/
    },
    {
        name: 'namespace: a describe name compared with an unprefixed literal',
        files: apexClass(
            'ZzNsDescribe',
            "    public static Boolean isTabSetting(Schema.DescribeSObjectResult d) {\n        return d.getName() == 'WebexCallLogTab__c';\n    }"
        ),
        check,
        expect: /ZzNsDescribe\.cls:3 .*compares a describe name with 'WebexCallLogTab__c'/
    },
    {
        name: 'namespace: a describe map looked up with an unprefixed package name',
        files: apexClass(
            'ZzNsGlobalDescribe',
            "    public static Schema.SObjectType tabType() {\n        return Schema.getGlobalDescribe().get('WebexCallLogTab__c');\n    }"
        ),
        check,
        expect: /ZzNsGlobalDescribe\.cls:3 .*looks up 'WebexCallLogTab__c' in getGlobalDescribe\(\)/
    },
    {
        name: 'namespace: a permission set field that does not resolve in the installed package',
        files: permissionSet(
            '<fieldPermissions><editable>false</editable><field>WebexCallLogTab__c.NoSuchNsField__c</field><readable>true</readable></fieldPermissions>'
        ),
        check,
        expect: /WebexCallLogTab__c\.NoSuchNsField__c.*does not resolve in the installed package/
    },
    {
        name: 'namespace: a permission set writing the namespace into a reference',
        files: permissionSet(
            '<classAccesses><apexClass>webexsf.WebexAdminController</apexClass><enabled>true</enabled></classAccesses>'
        ),
        check,
        expect: /<apexClass>webexsf\.WebexAdminController<\/apexClass> writes the namespace/
    },
    {
        name: 'namespace: a page state key in the default namespace c__',
        files: component(
            'zzNsState',
            "export function outcomeOf(state: Record<string, string>): string | undefined {\n    return state['c__zzOutcome'];\n}\n"
        ),
        check,
        expect: /zzNsState\.ts:2 .*'c__zzOutcome': a page state key in the default namespace/
    },
    {
        name: "namespace: an @AuraEnabled method returning the package's SObjects",
        files: apexClass(
            'ZzNsAuraSObject',
            '    @AuraEnabled\n    public static List<WebexCallLogTab__c> tabs() {\n        return [SELECT Id, Fields__c FROM WebexCallLogTab__c WITH USER_MODE];\n    }'
        ),
        check,
        expect: /@AuraEnabled tabs returns WebexCallLogTab__c/
    },
    {
        name: 'namespace: a permission set queried by name without NamespacePrefix',
        files: apexClass(
            'ZzNsSetupQuery',
            "    public static Id adminSet() {\n        return [SELECT Id FROM PermissionSet WHERE Name = 'Webex_Admin' WITH USER_MODE LIMIT 1].Id;\n    }"
        ),
        check,
        expect: /ZzNsSetupQuery\.cls:3 .*queries PermissionSet by name without NamespacePrefix/
    },
    {
        name: 'namespace: the namespace written into Apex',
        files: apexClass(
            'ZzNsWritten',
            "    public static Boolean isAdmin() {\n        return FeatureManagement.checkPermission('webexsf__Webex_Admin');\n    }"
        ),
        check,
        expect: /ZzNsWritten\.cls:3 .*writes the namespace "webexsf__"/
    },
    {
        name: 'namespace: a Visualforce page linking to /apex/<page>',
        files: {
            'force-app/main/default/pages/zzNsLink.page':
                '<apex:page>\n    <a href="/apex/webexuserauth">Connect</a>\n</apex:page>\n',
            'force-app/main/default/pages/zzNsLink.page-meta.xml': API.replace(/ApexClass/g, 'ApexPage').replace(
                '<status>Active</status>',
                '<label>zzNsLink</label>'
            )
        },
        check,
        expect: /zzNsLink\.page:2 .*Visualforce page URL .*written in the page/
    },
    {
        name: "namespace: a component naming the package's tab",
        files: component(
            'zzNsTab',
            "export const ADMIN_TAB = { type: 'standard__navItemPage', attributes: { apiName: 'Webex_Admin' } };\n"
        ),
        check,
        expect: /zzNsTab\.ts:1 .*'Webex_Admin' names the package's tab/
    }
];
