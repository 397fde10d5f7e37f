/**
 * Metadata a real org refuses although every other check passes it: values over their documented
 * limits, flags that contradict each other, components placed where they do not exist.
 */
import { tsx, type Fault } from './fault.ts';

const DIR = 'force-app/main/default';
const HEAD = '<?xml version="1.0" encoding="UTF-8" ?>\n';

const field = (body: string): string =>
    `${HEAD}<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</CustomField>\n`;

const limits = tsx('scripts/checks/metadata-limits.ts');
const rules = tsx('scripts/checks/metadata-rules.ts');
const components = tsx('scripts/checks/metadata-components.ts');

export const FAULTS: Fault[] = [
    {
        // 239 characters of text: under 255 to the eye, over it once Prettier's wrapping is deployed too.
        name: 'metadata limits: a permission set description over 255 characters once wrapped',
        edits: [
            {
                file: `${DIR}/permissionsets/Webex_Import_Admin.permissionset-meta.xml`,
                find: /<description>[\s\S]*?<\/description>/,
                replace:
                    '<description>\n' +
                    '        For the people who import webinar data into Salesforce: the Webex Import Admin custom permission,\n' +
                    "        the import's classes, its objects and the fields it writes. Add here what the webinar import needs\n" +
                    '        when it ships, and nothing else.\n' +
                    '    </description>'
            }
        ],
        check: limits,
        expect: /PermissionSet\.description is 2[5-9]\d characters as deployed \(2[0-4]\d of text/
    },
    {
        name: 'metadata limits: a custom label value over 1000 characters',
        files: {
            [`${DIR}/labels/ZzFault.labels-meta.xml`]: `${HEAD}<CustomLabels xmlns="http://soap.sforce.com/2006/04/metadata">\n    <labels>\n        <fullName>ZzFault_Long</fullName>\n        <language>en_US</language>\n        <protected>true</protected>\n        <shortDescription>ZzFault Long</shortDescription>\n        <value>${'Webex '.repeat(170).trim()}</value>\n    </labels>\n</CustomLabels>\n`
        },
        check: limits,
        expect: /CustomLabels\.labels\.value is 1019 characters as deployed; the limit is 1000/
    },
    {
        name: 'metadata limits: a Text field longer than 255',
        files: {
            [`${DIR}/objects/WebexPhoneField__c/fields/ZzNote__c.field-meta.xml`]: field(
                '    <fullName>ZzNote__c</fullName>\n    <label>Note</label>\n    <length>300</length>\n    <type>Text</type>'
            )
        },
        check: limits,
        expect: /CustomField\.length 300 \(type Text\): must be a whole number from 1 to 255/
    },
    {
        name: 'metadata limits: an API name with two underscores in a row',
        files: {
            [`${DIR}/objects/WebexPhoneField__c/fields/Zz__Note__c.field-meta.xml`]: field(
                '    <fullName>Zz__Note__c</fullName>\n    <label>Note</label>\n    <length>20</length>\n    <type>Text</type>'
            )
        },
        check: limits,
        expect: /CustomField API name Zz__Note may not contain two underscores in a row/
    },
    {
        name: 'metadata rules: an object that shares without Bulk API and Streaming API access',
        edits: [
            {
                file: `${DIR}/objects/WebexCallLogLock__c/WebexCallLogLock__c.object-meta.xml`,
                find: '<enableBulkApi>true</enableBulkApi>',
                replace: '<enableBulkApi>false</enableBulkApi>'
            }
        ],
        check: rules,
        expect: /WebexCallLogLock__c sets enableSharing, enableStreamingApi but not enableBulkApi/
    },
    {
        name: 'metadata rules: history tracking on an object without history',
        edits: [
            {
                file: `${DIR}/objects/WebexCallLogTab__c/fields/AccountField__c.field-meta.xml`,
                find: '<required>false</required>',
                replace: '<required>false</required>\n    <trackHistory>true</trackHistory>'
            }
        ],
        check: rules,
        expect: /AccountField__c sets trackHistory but WebexCallLogTab__c does not set enableHistory/
    },
    {
        name: 'metadata rules: a required lookup without a relationship name that clears on delete',
        files: {
            [`${DIR}/objects/WebexCallLogTab__c/fields/ZzAccount__c.field-meta.xml`]: field(
                '    <fullName>ZzAccount__c</fullName>\n    <deleteConstraint>SetNull</deleteConstraint>\n    <label>Account</label>\n    <referenceTo>Account</referenceTo>\n    <required>true</required>\n    <type>Lookup</type>'
            )
        },
        check: rules,
        expect: /ZzAccount__c \(Lookup\) has no <relationshipName>[\s\S]*ZzAccount__c \(Lookup\) is required, so deleting its parent cannot clear it/
    },
    {
        name: 'metadata rules: a custom setting holding secrets made Public',
        edits: [
            {
                file: `${DIR}/objects/WebexCredential__c/WebexCredential__c.object-meta.xml`,
                find: '<visibility>Protected</visibility>',
                replace: '<visibility>Public</visibility>'
            }
        ],
        check: rules,
        expect: /custom setting WebexCredential__c is Public/
    },
    {
        name: 'metadata rules: a custom setting field of a type settings cannot hold',
        files: {
            [`${DIR}/objects/WebexCredential__c/fields/ZzNotes__c.field-meta.xml`]: field(
                '    <fullName>ZzNotes__c</fullName>\n    <label>Notes</label>\n    <length>32768</length>\n    <type>LongTextArea</type>\n    <visibleLines>3</visibleLines>'
            )
        },
        check: rules,
        expect: /WebexCredential__c\.ZzNotes__c is LongTextArea: a custom setting field must be one of/
    },
    {
        name: 'metadata rules: a permission set granting access to a required field',
        edits: [
            {
                file: `${DIR}/permissionsets/Webex_Admin.permissionset-meta.xml`,
                find: '    <fieldPermissions>',
                replace:
                    '    <fieldPermissions>\n        <editable>false</editable>\n        <field>WebexCallLogLock__c.UserId__c</field>\n        <readable>true</readable>\n    </fieldPermissions>\n    <fieldPermissions>'
            }
        ],
        check: rules,
        expect: /WebexCallLogLock__c\.UserId__c is required: permission sets may not grant field access to it/
    },
    {
        name: 'metadata components: a quick action naming a component that does not exist',
        edits: [
            {
                file: `${DIR}/quickActions/Contact.Webex_Make_a_Call.quickAction-meta.xml`,
                find: '<lightningWebComponent>webexMakeCall</lightningWebComponent>',
                replace: '<lightningWebComponent>webexMakeACall</lightningWebComponent>'
            }
        ],
        check: components,
        expect: /quick action Contact\.Webex_Make_a_Call names webexMakeACall, which is not a component in lwc\//
    },
    {
        name: 'metadata components: a quick action component not exposed for record actions',
        edits: [
            {
                file: `${DIR}/lwc/webexMakeCall/webexMakeCall.js-meta.xml`,
                find: '<target>lightning__RecordAction</target>',
                replace: '<target>lightning__RecordPage</target>'
            }
        ],
        check: components,
        expect: /places webexMakeCall, but webexMakeCall\.js-meta\.xml does not list the target lightning__RecordAction/
    },
    {
        name: 'metadata components: a Lightning page placing a component that does not exist',
        edits: [
            {
                file: `${DIR}/flexipages/Webex_Admin.flexipage-meta.xml`,
                find: '<componentName>webexAdmin</componentName>',
                replace: '<componentName>webexAdminPanel</componentName>'
            }
        ],
        check: components,
        expect: /Lightning page Webex_Admin names webexAdminPanel, which is not a component in lwc\//
    }
];
