/**
 * Documented rules that tie one metadata value to another, which the platform enforces at deploy or
 * install and no offline tool checks (`sf project convert source` and the Metadata API types accept
 * each value on its own). Each rule names the page it comes from; a new rule goes in RULES with its
 * source and a planted instance in self-test/metadata.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { childrenNamed, readMetadataTree, valueOf, type MetadataElement } from '../lib/metadata-tree.ts';
import { DEFAULT_DIR, findFiles, report, type Finding } from '../lib/project.ts';

interface Component {
    file: string;
    root: MetadataElement;
}
interface ObjectModel extends Component {
    name: string;
    fields: Map<string, Component>;
}
interface Model {
    objects: Map<string, ObjectModel>;
    /** Every other metadata file, by root element (PermissionSet, LightningMessageChannel, …). */
    byType: Map<string, Component[]>;
}
interface Rule {
    id: string;
    source: string;
    check: (model: Model, found: (component: Component, message: string, at?: MetadataElement) => void) => void;
}

const CUSTOM_OBJECT_DOC = 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customobject.htm';
const CUSTOM_FIELD_DOC = 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/customfield.htm';
const SUBSCRIBER_CONFIG_DOC =
    'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_platformeventsubscriberconfig.htm';

const isTrue = (element: MetadataElement, name: string): boolean => valueOf(element, name) === 'true';
const isSetting = (object: ObjectModel): boolean => valueOf(object.root, 'customSettingsType') !== undefined;
const typeOf = (field: Component): string => valueOf(field.root, 'type') ?? '';

function* customObjects(model: Model): Generator<ObjectModel> {
    for (const object of model.objects.values()) if (object.name.endsWith('__c') && !isSetting(object)) yield object;
}
function* settings(model: Model): Generator<ObjectModel> {
    for (const object of model.objects.values()) if (isSetting(object)) yield object;
}
function* fields(model: Model): Generator<[ObjectModel, Component]> {
    for (const object of model.objects.values()) for (const field of object.fields.values()) yield [object, field];
}

/** The package's Apex triggers on a platform event (`trigger Name on Event__e(...)`), by name. */
function platformEventTriggers(): Set<string> {
    const names = new Set<string>();
    for (const file of findFiles(path.join(DEFAULT_DIR, 'triggers'), /\.trigger$/)) {
        const match = /\btrigger\s+(\w+)\s+on\s+\w+__e\s*\(/i.exec(readFileSync(file, 'utf8'));
        if (match) names.add(match[1]);
    }
    return names;
}

/** Custom settings the package deliberately makes Public, each with why (none today). */
const PUBLIC_SETTINGS: Record<string, string> = {};

/** Field types a custom setting may hold (Salesforce Help, "Add Custom Settings Fields"). */
const SETTING_FIELD_TYPES = [
    'Checkbox',
    'Currency',
    'Date',
    'DateTime',
    'Email',
    'Number',
    'Percent',
    'Phone',
    'Text',
    'TextArea',
    'Url'
];

/** Internal sharing levels from most to least restrictive, to compare the external default with. */
const SHARING_ORDER = ['Private', 'Read', 'ReadWrite', 'ReadWriteTransfer', 'FullAccess'];

const RULES: Rule[] = [
    {
        id: 'sharing, Bulk API and Streaming API go together',
        source: `${CUSTOM_OBJECT_DOC} (enableBulkApi, enableSharing, enableStreamingApi: an Enterprise Application object has all three, a Light Application object none)`,
        check: (model, found) => {
            for (const object of customObjects(model)) {
                const flags = ['enableSharing', 'enableBulkApi', 'enableStreamingApi'];
                const on = flags.filter((flag) => isTrue(object.root, flag));
                if (on.length && on.length < flags.length) {
                    const off = flags.filter((flag) => !on.includes(flag));
                    found(
                        object,
                        `${object.name} sets ${on.join(', ')} but not ${off.join(', ')}: when one is on, all three must be`
                    );
                }
            }
        }
    },
    {
        id: 'a custom object has what the type requires',
        source: `${CUSTOM_OBJECT_DOC} (label, pluralLabel and nameField are required for a custom object; an AutoNumber name needs its displayFormat)`,
        check: (model, found) => {
            for (const object of customObjects(model)) {
                for (const name of ['label', 'pluralLabel', 'nameField']) {
                    if (!childrenNamed(object.root, name).length) found(object, `${object.name} has no <${name}>`);
                }
                const nameField = childrenNamed(object.root, 'nameField')[0];
                if (nameField) {
                    const type = valueOf(nameField, 'type');
                    if (type !== 'Text' && type !== 'AutoNumber')
                        found(
                            object,
                            `${object.name}'s name field is ${type ?? 'untyped'}: it must be Text or AutoNumber`,
                            nameField
                        );
                    if (type === 'AutoNumber' && !valueOf(nameField, 'displayFormat'))
                        found(object, `${object.name}'s AutoNumber name field has no <displayFormat>`, nameField);
                    if (!valueOf(nameField, 'label'))
                        found(object, `${object.name}'s name field has no <label>`, nameField);
                }
            }
        }
    },
    {
        id: 'ControlledByParent goes with a master-detail field',
        source: `${CUSTOM_OBJECT_DOC} (sharingModel ControlledByParent: the detail side of a master-detail relationship)`,
        check: (model, found) => {
            for (const object of customObjects(model)) {
                const hasMaster = [...object.fields.values()].some((field) => typeOf(field) === 'MasterDetail');
                const controlled = valueOf(object.root, 'sharingModel') === 'ControlledByParent';
                if (controlled !== hasMaster) {
                    found(
                        object,
                        controlled
                            ? `${object.name} is ControlledByParent but has no MasterDetail field`
                            : `${object.name} has a MasterDetail field: its sharingModel must be ControlledByParent`
                    );
                }
            }
        }
    },
    {
        id: 'the external default is no wider than the internal one',
        source: 'https://help.salesforce.com/s/articleView?id=sf.security_owd_external.htm (the external access level must be more restrictive than or equal to the internal one)',
        check: (model, found) => {
            for (const object of customObjects(model)) {
                const internal = SHARING_ORDER.indexOf(valueOf(object.root, 'sharingModel') ?? '');
                const external = SHARING_ORDER.indexOf(valueOf(object.root, 'externalSharingModel') ?? '');
                if (internal >= 0 && external > internal)
                    found(
                        object,
                        `${object.name}: externalSharingModel ${valueOf(object.root, 'externalSharingModel')} is wider than sharingModel ${valueOf(object.root, 'sharingModel')}`
                    );
            }
        }
    },
    {
        id: 'a custom setting is Protected',
        source: "https://developer.salesforce.com/docs/atlas.en-us.apexcode.meta/apexcode/apex_customsettings.htm (Protected: only the package's Apex reads it once installed from a managed package; Public: any user with View All Custom Settings or Customize Application)",
        check: (model, found) => {
            for (const object of settings(model)) {
                const visibility = valueOf(object.root, 'visibility');
                if (visibility === 'Protected' || PUBLIC_SETTINGS[object.name]) continue;
                found(
                    object,
                    `custom setting ${object.name} is ${visibility ?? 'without <visibility>'}: the package's settings hold secrets and configuration only its Apex reads, so <visibility>Protected</visibility> (or list it in PUBLIC_SETTINGS with the reason)`
                );
            }
        }
    },
    {
        id: 'custom setting fields are of a type settings hold',
        source: 'https://help.salesforce.com/s/articleView?id=platform.cs_add_fields.htm (Checkbox, Currency, Date, Date/Time, Email, Number, Percent, Phone, Text, Text Area, URL)',
        check: (model, found) => {
            for (const object of settings(model)) {
                for (const [name, field] of object.fields) {
                    if (!SETTING_FIELD_TYPES.includes(typeOf(field)))
                        found(
                            field,
                            `${object.name}.${name} is ${typeOf(field) || 'untyped'}: a custom setting field must be one of ${SETTING_FIELD_TYPES.join(', ')}`
                        );
                }
            }
        }
    },
    {
        id: 'history and feed tracking need the object enabled',
        source: `${CUSTOM_FIELD_DOC} (trackHistory, trackFeedHistory: the object must have enableHistory / enableFeeds)`,
        check: (model, found) => {
            for (const [object, field] of fields(model)) {
                const name = valueOf(field.root, 'fullName') ?? path.basename(field.file);
                if (isTrue(field.root, 'trackHistory') && !isTrue(object.root, 'enableHistory'))
                    found(
                        field,
                        `${object.name}.${name} sets trackHistory but ${object.name} does not set enableHistory`
                    );
                if (isTrue(field.root, 'trackFeedHistory') && !isTrue(object.root, 'enableFeeds'))
                    found(
                        field,
                        `${object.name}.${name} sets trackFeedHistory but ${object.name} does not set enableFeeds`
                    );
            }
        }
    },
    {
        id: 'a field declares the sizes its type needs',
        source: `${CUSTOM_FIELD_DOC} (length for text types, visibleLines for long text, precision and scale for numbers, scale ≤ precision)`,
        check: (model, found) => {
            for (const [object, field] of fields(model)) {
                const type = typeOf(field);
                const label = `${object.name}.${valueOf(field.root, 'fullName')} (${type})`;
                const needs: Record<string, string[]> = {
                    Text: ['length'],
                    EncryptedText: ['length'],
                    LongTextArea: ['length', 'visibleLines'],
                    Html: ['length', 'visibleLines'],
                    Number: ['precision', 'scale'],
                    Currency: ['precision', 'scale'],
                    Percent: ['precision', 'scale']
                };
                for (const name of needs[type] ?? [])
                    if (valueOf(field.root, name) === undefined) found(field, `${label} has no <${name}>`);
                const precision = Number(valueOf(field.root, 'precision'));
                const scale = Number(valueOf(field.root, 'scale'));
                if (needs[type]?.includes('scale') && scale > precision)
                    found(field, `${label}: scale ${scale} is more than precision ${precision}`);
            }
        }
    },
    {
        id: 'a checkbox has a default value',
        source: `${CUSTOM_FIELD_DOC} (defaultValue: a Checkbox field requires true or false)`,
        check: (model, found) => {
            for (const [object, field] of fields(model)) {
                const value = valueOf(field.root, 'defaultValue');
                if (typeOf(field) === 'Checkbox' && value !== 'true' && value !== 'false')
                    found(
                        field,
                        `${object.name}.${valueOf(field.root, 'fullName')} is a Checkbox without <defaultValue>true|false</defaultValue>`
                    );
            }
        }
    },
    {
        id: 'a relationship names its target, its relationship and what deleting the parent does',
        source: `${CUSTOM_FIELD_DOC} (referenceTo, relationshipName; deleteConstraint SetNull, Restrict or Cascade) and https://help.salesforce.com/s/articleView?id=platform.relationships_considerations.htm (a required lookup cannot clear its value)`,
        check: (model, found) => {
            for (const [object, field] of fields(model)) {
                const type = typeOf(field);
                if (type !== 'Lookup' && type !== 'MasterDetail') continue;
                const label = `${object.name}.${valueOf(field.root, 'fullName')} (${type})`;
                if (!valueOf(field.root, 'referenceTo')) found(field, `${label} has no <referenceTo>`);
                const relationship = valueOf(field.root, 'relationshipName');
                if (!relationship) found(field, `${label} has no <relationshipName>`);
                else if (
                    !/^[A-Za-z][A-Za-z0-9_]*$/.test(relationship) ||
                    relationship.includes('__') ||
                    relationship.endsWith('_')
                )
                    found(field, `${label}: relationshipName ${relationship} breaks the API name rule`);
                const constraint = valueOf(field.root, 'deleteConstraint');
                if (type === 'MasterDetail' && constraint)
                    found(field, `${label} sets deleteConstraint: deleting a master always deletes its details`);
                if (type === 'Lookup') {
                    if (constraint && !['SetNull', 'Restrict', 'Cascade'].includes(constraint))
                        found(field, `${label}: deleteConstraint ${constraint} is not SetNull, Restrict or Cascade`);
                    if (isTrue(field.root, 'required') && (constraint ?? 'SetNull') === 'SetNull')
                        found(
                            field,
                            `${label} is required, so deleting its parent cannot clear it: deleteConstraint must be Restrict or Cascade`
                        );
                }
            }
        }
    },
    {
        id: 'unique, external ID and case sensitivity only where the type allows them',
        source: `${CUSTOM_FIELD_DOC} (externalId: Text, Number, Email or AutoNumber; unique: Text, Number, Email; caseSensitive: unique Text) and https://help.salesforce.com/s/articleView?id=platform.custom_field_attributes.htm (no default value on a field both required and unique)`,
        check: (model, found) => {
            for (const [object, field] of fields(model)) {
                const type = typeOf(field);
                const label = `${object.name}.${valueOf(field.root, 'fullName')} (${type})`;
                if (isTrue(field.root, 'externalId') && !['Text', 'Number', 'Email', 'AutoNumber'].includes(type))
                    found(field, `${label} is an external ID: only Text, Number, Email and AutoNumber fields can be`);
                if (isTrue(field.root, 'unique') && !['Text', 'Number', 'Email'].includes(type))
                    found(field, `${label} is unique: only Text, Number and Email fields can be`);
                if (isTrue(field.root, 'caseSensitive') && !(type === 'Text' && isTrue(field.root, 'unique')))
                    found(field, `${label} sets caseSensitive, which only a unique Text field has`);
                if (
                    isTrue(field.root, 'required') &&
                    isTrue(field.root, 'unique') &&
                    valueOf(field.root, 'defaultValue')
                )
                    found(
                        field,
                        `${label} is required and unique and has a default value, which repeats on every record`
                    );
            }
        }
    },
    {
        id: 'permission set grants are consistent',
        source: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm (object permissions build on read: edit needs read, delete needs edit, View All needs read, Modify All needs delete and View All; editable fields are readable) and https://github.com/forcedotcom/afv-library/blob/main/skills/generating-permission-set/SKILL.md (no field permission on a required or master-detail field: the deployment fails)',
        check: (model, found) => {
            const needs: Record<string, string[]> = {
                allowCreate: ['allowRead'],
                allowEdit: ['allowRead'],
                allowDelete: ['allowRead', 'allowEdit'],
                viewAllRecords: ['allowRead'],
                modifyAllRecords: ['allowRead', 'allowEdit', 'allowDelete', 'viewAllRecords']
            };
            for (const set of model.byType.get('PermissionSet') ?? []) {
                for (const grant of childrenNamed(set.root, 'objectPermissions')) {
                    for (const [permission, required] of Object.entries(needs)) {
                        if (!isTrue(grant, permission)) continue;
                        const missing = required.filter((name) => !isTrue(grant, name));
                        if (missing.length)
                            found(set, `${valueOf(grant, 'object')}: ${permission} needs ${missing.join(', ')}`, grant);
                    }
                }
                for (const grant of childrenNamed(set.root, 'fieldPermissions')) {
                    const name = valueOf(grant, 'field') ?? '';
                    if (isTrue(grant, 'editable') && !isTrue(grant, 'readable'))
                        found(set, `${name}: editable needs readable`, grant);
                    const [objectName, fieldName] = name.split('.');
                    const field = model.objects.get(objectName)?.fields.get(fieldName);
                    if (field && (isTrue(field.root, 'required') || typeOf(field) === 'MasterDetail'))
                        found(set, `${name} is required: permission sets may not grant field access to it`, grant);
                }
            }
        }
    },
    {
        id: 'a platform event subscriber config configures a platform event trigger of the package',
        source: `${SUBSCRIBER_CONFIG_DOC} (platformEventConsumer: the platform event Apex trigger to configure; batchSize from 1 through 2,000; user: a user of the org, which a package cannot know, so the trigger keeps running as the Automated Process user)`,
        check: (model, found) => {
            const triggers = platformEventTriggers();
            for (const config of model.byType.get('PlatformEventSubscriberConfig') ?? []) {
                const name = path.basename(config.file);
                const consumer = valueOf(config.root, 'platformEventConsumer') ?? '';
                if (!triggers.has(consumer))
                    found(
                        config,
                        `${name}: platformEventConsumer ${consumer || '(none)'} is not a trigger of the package on a platform event`
                    );
                const batchSize = valueOf(config.root, 'batchSize');
                if (batchSize !== undefined && !/^([1-9]\d{0,2}|1\d{3}|2000)$/.test(batchSize))
                    found(config, `${name}: batchSize ${batchSize} is not from 1 through 2,000`);
                if (valueOf(config.root, 'user') !== undefined)
                    found(config, `${name} sets <user>: a package cannot name a subscriber org's user`);
            }
        }
    },
    {
        id: 'a message channel is not exposed',
        source: 'https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_lightningmessagechannel.htm (to pass the AppExchange Security Review, isExposed must be false; once true it cannot go back)',
        check: (model, found) => {
            for (const channel of model.byType.get('LightningMessageChannel') ?? []) {
                if (isTrue(channel.root, 'isExposed'))
                    found(
                        channel,
                        `${path.basename(channel.file)} sets isExposed true: a managed package's channel stays false`
                    );
            }
        }
    }
];

function loadModel(): Model {
    const objects = new Map<string, ObjectModel>();
    const byType = new Map<string, Component[]>();
    const objectsDir = path.join(DEFAULT_DIR, 'objects');
    for (const file of findFiles(objectsDir, /\.object-meta\.xml$/)) {
        const root = readMetadataTree(file);
        const name = path.basename(path.dirname(file));
        if (root) objects.set(name, { file, root, name, fields: new Map() });
    }
    for (const file of findFiles(objectsDir, /\.field-meta\.xml$/)) {
        const root = readMetadataTree(file);
        const object = objects.get(path.basename(path.dirname(path.dirname(file))));
        if (root && object) object.fields.set(path.basename(file, '.field-meta.xml'), { file, root });
    }
    for (const file of findFiles(DEFAULT_DIR, /-meta\.xml$/)) {
        if (file.startsWith(objectsDir + path.sep) || file.includes(`${path.sep}lwc${path.sep}`)) continue;
        const root = readMetadataTree(file);
        if (root) byType.set(root.name, [...(byType.get(root.name) ?? []), { file, root }]);
    }
    return { objects, byType };
}

function main(): void {
    const model = loadModel();
    const findings: Finding[] = [];
    for (const rule of RULES) {
        rule.check(model, (component, message, at) =>
            findings.push({
                file: component.file,
                line: (at ?? component.root).line,
                message: `${message} [${rule.id}: ${rule.source}]`
            })
        );
    }
    const fieldCount = [...model.objects.values()].reduce((sum, object) => sum + object.fields.size, 0);
    report(
        'metadata-rules',
        findings,
        `${RULES.length} documented cross-field rules hold for ${model.objects.size} objects, ${fieldCount} fields and ${[...model.byType.values()].flat().length} other components`
    );
}

main();
