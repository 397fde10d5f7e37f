import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ApexList } from '../../src/interpreter/collections.ts';
import { orgApex, schemaApex } from './org-helpers.ts';

const ADMIN = {};
const STANDARD = { profile: 'Standard User' };

test('Contact.SObjectType is the object token, equal to record.getSObjectType() and to Schema.Contact.SObjectType (Apex Developer Guide › Understanding Apex Describe Information, sObject tokens; SObject Class › getSObjectType)', () => {
    assert.equal(
        schemaApex(`Contact c = new Contact();
            return Contact.SObjectType == c.getSObjectType() && Schema.Contact.SObjectType == Contact.SObjectType && Contact.SObjectType != Lead.SObjectType;`),
        true
    );
});

test('An SObjectType token prints the object name and describes it (SObjectType Class › getDescribe, toString)', () => {
    assert.equal(
        schemaApex(
            `return String.valueOf(Widget__c.SObjectType) + '/' + Widget__c.SObjectType.getDescribe().getName();`
        ),
        'Widget__c/Widget__c'
    );
});

test('getDescribe(SObjectDescribeOptions.DEFERRED) and FULL describe the same object (SObjectType Class › getDescribe(options); SObjectDescribeOptions Enum)', () => {
    assert.equal(
        schemaApex(
            `return Contact.SObjectType.getDescribe(SObjectDescribeOptions.DEFERRED).getName() + Contact.SObjectType.getDescribe(SObjectDescribeOptions.FULL).getKeyPrefix();`
        ),
        'Contact003'
    );
});

test('Field tokens: Contact.Extra__c, Schema.Contact.Extra__c and fields.getMap() values are the same SObjectField; it prints the field name (Understanding Apex Describe Information › field tokens)', () => {
    assert.equal(
        schemaApex(`Schema.SObjectField f = Contact.Extra__c;
            return (f == Schema.Contact.Extra__c) + '|' + (f == Contact.SObjectType.getDescribe().fields.getMap().get('extra__c')) + '|' + String.valueOf(f);`),
        'true|true|Extra__c'
    );
});

test('fields.getMap() keys are lower-case and looked up case-insensitively ("The field names are case insensitive": Accessing All Field Describe Results for an sObject)', () => {
    assert.equal(
        schemaApex(`Map<String, Schema.SObjectField> m = Widget__c.SObjectType.getDescribe().fields.getMap();
            return m.containsKey('CODE__C') + '|' + m.keySet().contains('code__c') + '|' + (m.get('Code__c') == Widget__c.Code__c);`),
        'true|true|true'
    );
});

test('Schema.getGlobalDescribe() maps object names to tokens, case-insensitively ("The sObject names are case insensitive": Accessing All sObjects)', () => {
    assert.equal(
        schemaApex(`Map<String, Schema.SObjectType> g = Schema.getGlobalDescribe();
            return (g.get('widget__C') == Widget__c.SObjectType) + '|' + g.containsKey('Contact') + '|' + (g.get('NoSuchObject__c') == null);`),
        'true|true|true'
    );
});

test('Schema.describeSObjects(names[, options]) returns one describe per name, in order (Schema Class › describeSObjects)', () => {
    assert.equal(
        schemaApex(`List<Schema.DescribeSObjectResult> r = Schema.describeSObjects(new List<String>{ 'widget__c', 'Contact' }, SObjectDescribeOptions.DEFERRED);
            return r.size() + r[0].getName() + r[1].getName();`),
        '2Widget__cContact'
    );
});

test('Schema.describeSObjects of an unknown object throws InvalidParameterValueException (behaviour observed in orgs, per SalesforceFoundation/NPSP#5904 and apex-enterprise-patterns/at4dx#9; the Reference Guide is silent)', () => {
    assert.equal(
        schemaApex(
            `try { Schema.describeSObjects(new List<String>{ 'Nope__c' }); return null; } catch (InvalidParameterValueException e) { return e.getMessage(); }`
        ),
        'Invalid sobject provided. The Schema.describeSObject() methods does not support the Nope__c sobject as a parameter. The sobject provided does not exist.'
    );
});

test('Schema.SObjectType.Widget__c is the describe result and .fields.Code__c a DescribeFieldResult (DescribeSObjectResult Class › fields)', () => {
    assert.equal(
        schemaApex(`Schema.DescribeSObjectResult d = Schema.SObjectType.Widget__c;
            Schema.DescribeFieldResult f = Schema.SObjectType.Widget__c.fields.Code__c;
            return d.getName() + '.' + f.getName() + '.' + SObjectType.Widget__c.fields.Count__c.getName();`),
        'Widget__c.Code__c.Count__c'
    );
});

test('DescribeSObjectResult: label, plural label, key prefix, custom, custom setting, getSObjectType (DescribeSObjectResult Class)', () => {
    assert.equal(
        orgApex(`Schema.DescribeSObjectResult d = Widget__c.SObjectType.getDescribe();
            return d.getLabel() + '|' + d.getLabelPlural() + '|' + d.isCustom() + '|' + d.isCustomSetting() + '|' + Setting__c.SObjectType.getDescribe().isCustomSetting()
                + '|' + (d.getSObjectType() == Widget__c.SObjectType) + '|' + d.getKeyPrefix().length();`),
        'Widget|Widgets|true|false|true|true|3'
    );
});

test('isDeprecatedAndHidden is false: "Reserved for future use" (DescribeSObjectResult Class › isDeprecatedAndHidden)', () => {
    assert.equal(
        orgApex(
            `return Widget__c.SObjectType.getDescribe().isDeprecatedAndHidden() + '|' + Contact.SObjectType.getDescribe().isDeprecatedAndHidden();`
        ),
        'false|false'
    );
});

test("Labels follow the running user's language, from the object translations (Apex Developer Guide › Understanding Apex Describe Information: labels in the user's language; Translation Workbench)", () => {
    assert.equal(
        orgApex(
            `Schema.DescribeSObjectResult d = Widget__c.SObjectType.getDescribe();
            return d.getLabel() + '|' + d.getLabelPlural() + '|' + Widget__c.Code__c.getDescribe().getLabel() + '|' + Widget__c.Count__c.getDescribe().getLabel();`,
            {
                user: { LanguageLocaleKey: 'fr' }
            }
        ),
        'Gadget|Gadgets|Code du gadget|Count'
    );
});

test('A standard object label no source gives is refused, never guessed (DescribeSObjectResult › getLabel; the jar has no labels)', () => {
    assert.throws(
        () => orgApex(`return CspTrustedSite.SObjectType.getDescribe().getLabel();`),
        /Unsupported: CspTrustedSite label/
    );
});

test('isAccessible/isCreateable/isUpdateable/isDeletable/isQueryable follow the running user\'s object permissions (DescribeSObjectResult Class: "whether the current user …")', () => {
    const flags = `Schema.DescribeSObjectResult d = Widget__c.SObjectType.getDescribe();
        return d.isAccessible() + '|' + d.isCreateable() + '|' + d.isUpdateable() + '|' + d.isDeletable() + '|' + d.isQueryable();`;
    assert.equal(orgApex(flags, ADMIN), 'true|true|true|true|true');
    assert.equal(orgApex(flags, STANDARD), 'false|false|false|false|false');
    assert.equal(orgApex(flags, { ...STANDARD, permissionSets: ['Widget_User'] }), 'true|true|true|false|true');
});

test('isSearchable of an object the schema does not know to be searchable is refused (DescribeSObjectResult › isSearchable)', () => {
    assert.equal(orgApex(`return Contact.SObjectType.getDescribe().isSearchable();`, ADMIN), true);
    assert.throws(
        () => orgApex(`return Widget__c.SObjectType.getDescribe().isSearchable();`),
        /isSearchable of Widget__c/
    );
});

test('getChildRelationships lists the relationships whose children point to the object (DescribeSObjectResult Class › getChildRelationships; ChildRelationship Class)', () => {
    assert.equal(
        schemaApex(`for (Schema.ChildRelationship r : Contact.SObjectType.getDescribe().getChildRelationships()) {
                if (r.getRelationshipName() == 'Widgets__r') return r.getChildSObject() + '.' + r.getField();
            }
            return null;`),
        'Widget__c.Contact__c'
    );
});

test('getRecordTypeInfos is refused: record types are not modelled (DescribeSObjectResult Class › getRecordTypeInfos)', () => {
    assert.throws(
        () => schemaApex(`return Contact.SObjectType.getDescribe().getRecordTypeInfos();`),
        /record types are not modelled/
    );
});

test('DescribeFieldResult of a custom field: name, type, SOAP type, length, nillable, unique, external Id, custom, name field (DescribeFieldResult Class; DisplayType Enum; SOAPType Enum)', () => {
    assert.equal(
        schemaApex(`Schema.DescribeFieldResult f = Widget__c.Code__c.getDescribe();
            return f.getName() + '|' + f.getLocalName() + '|' + f.getType() + '|' + (f.getType() == Schema.DisplayType.STRING) + '|' + f.getSoapType() + '|' + f.getLength()
                + '|' + f.isNillable() + '|' + f.isUnique() + '|' + f.isExternalId() + '|' + f.isCustom() + '|' + f.isNameField() + '|' + (f.getSObjectField() == Widget__c.Code__c);`),
        'Code__c|Code__c|STRING|true|STRING|10|false|true|true|true|false|true'
    );
});

test('Display types of number, checkbox and lookup fields, and the name field (DisplayType Enum; DescribeFieldResult › isNameField)', () => {
    assert.equal(
        schemaApex(`return Widget__c.Count__c.getDescribe().getType() + '|' + Widget__c.Count__c.getDescribe().getSoapType() + '|' + Widget__c.Active__c.getDescribe().getType()
                + '|' + Widget__c.Contact__c.getDescribe().getType() + '|' + Widget__c.Name.getDescribe().isNameField() + '|' + Widget__c.Count__c.getDescribe().getScale();`),
        'DOUBLE|DOUBLE|BOOLEAN|REFERENCE|true|0'
    );
});

test('A display type no source gives is refused (DescribeFieldResult › getType; standard fields beyond the cited facts)', () => {
    assert.throws(
        () => schemaApex(`return Solution.SolutionNote.getDescribe().getType();`),
        /Unsupported: Solution.SolutionNote getType/
    );
});

test('getReferenceTo and getRelationshipName of a lookup; null relationship name for a non-reference field (DescribeFieldResult Class)', () => {
    assert.equal(
        schemaApex(`Schema.DescribeFieldResult f = Widget__c.Contact__c.getDescribe();
            return (f.getReferenceTo()[0] == Contact.SObjectType) + '|' + f.getReferenceTo().size() + '|' + f.getRelationshipName() + '|' + Widget__c.Code__c.getDescribe().getRelationshipName();`),
        'true|1|Contact__r|null'
    );
});

test('getReferenceTo of a polymorphic field whose targets the schema does not list is refused (DescribeFieldResult › getReferenceTo)', () => {
    assert.throws(() => schemaApex(`return Event.WhoId.getDescribe().getReferenceTo();`), /polymorphic/);
});

test("Field isAccessible/isCreateable/isUpdateable follow field-level security and the field's own createable/updateable (DescribeFieldResult Class)", () => {
    const flags = `Schema.DescribeFieldResult c = Widget__c.Count__c.getDescribe();
        Schema.DescribeFieldResult s = Widget__c.Serial__c.getDescribe();
        return c.isAccessible() + '|' + c.isCreateable() + '|' + c.isUpdateable() + '|' + s.isCreateable();`;
    assert.equal(orgApex(flags, ADMIN), 'true|true|true|false');
    assert.equal(orgApex(flags, { ...STANDARD, permissionSets: ['Widget_User'] }), 'true|false|false|false');
});

test('isFilterable: text, number and reference fields can filter; long text areas cannot (DescribeFieldResult › isFilterable; SOQL and SOSL Reference › WHERE)', () => {
    assert.equal(
        schemaApex(
            `return Widget__c.Code__c.getDescribe().isFilterable() + '|' + Widget__c.Contact__c.getDescribe().isFilterable();`
        ),
        'true|true'
    );
});

test('getPicklistValues of a standard picklist whose values no source lists is refused (DescribeFieldResult › getPicklistValues; Task.Type: one recorded org shows it, field-reference.json observedTaskType)', () => {
    assert.throws(
        () => schemaApex(`return Task.Type.getDescribe().getPicklistValues();`),
        /Unsupported: Task.Type getPicklistValues \(a standard picklist's values are not in the schema\)/
    );
});

test('getPicklistValues of a standard picklist lists the values two recorded orgs agree on, in their order: Opportunity.StageName (DescribeFieldResult › getPicklistValues; PicklistEntry Class; field-reference.json observedDescribeA, observedDescribeB)', () => {
    assert.equal(
        schemaApex(`List<String> out = new List<String>();
            for (Schema.PicklistEntry e : Opportunity.StageName.getDescribe().getPicklistValues()) out.add(e.getValue());
            return String.join(out, ',');`),
        'Prospecting,Qualification,Needs Analysis,Value Proposition,Id. Decision Makers,Perception Analysis,Proposal/Price Quote,Negotiation/Review,Closed Won,Closed Lost'
    );
});

test('Schema.DisplayType values are shared constants usable in Sets and switch (DisplayType Enum)', () => {
    assert.equal(
        schemaApex(`Set<Schema.DisplayType> s = new Set<Schema.DisplayType>{ Schema.DisplayType.PHONE, Schema.DisplayType.EMAIL };
            Schema.DisplayType t = Widget__c.Code__c.getDescribe().getType();
            String r;
            switch on t { when STRING { r = 'string'; } when else { r = 'other'; } }
            return s.contains(Schema.DisplayType.PHONE) + '|' + s.contains(t) + '|' + r + '|' + Schema.DisplayType.PHONE.name();`),
        'true|false|string|PHONE'
    );
});

test('SObjectType.newSObject() and newSObject(id) make records of the type (SObjectType Class › newSObject)', () => {
    const r = schemaApex(`Contact c = (Contact) Contact.SObjectType.newSObject();
        SObject w = Widget__c.SObjectType.newSObject(null, false);
        SObject withId = Contact.SObjectType.newSObject('003000000000001');
        return new List<Object>{ c.Id, w.getSObjectType() == Widget__c.SObjectType, withId.Id };`);
    assert.ok(r instanceof ApexList);
    assert.deepEqual(r.items.slice(0, 2), [null, true]);
    assert.equal(String(r.items[2]).length, 18);
});

test('newSObject(recordTypeId, loadDefaults = true) is refused: default values are not evaluated (SObjectType Class › newSObject)', () => {
    assert.throws(() => schemaApex(`return Widget__c.SObjectType.newSObject(null, true);`), /loadDefaults/);
});

test('A String constant named like an object does not hide the object in Contact.SObjectType (Apex Developer Guide › Namespace, Class, and Variable Name Precedence)', () => {
    assert.equal(
        schemaApex(
            `return OBJECT_TYPES.get(CONTACT) == Contact.SObjectType;`,
            `static final String CONTACT = 'Contact';
            static final Map<String, Schema.SObjectType> OBJECT_TYPES = new Map<String, Schema.SObjectType>{ CONTACT => Contact.SObjectType };`
        ),
        true
    );
});

test("Id.getSObjectType() returns the same token as the object's (ID Class › getSObjectType)", () => {
    assert.equal(schemaApex(`Id i = '003000000000001'; return i.getSObjectType() == Contact.SObjectType;`), true);
});

test('Type.forName of an SObject name and newInstance() make a new record of that type (Type Class › forName, newInstance)', () => {
    assert.equal(
        schemaApex(
            `SObject s = (SObject) Type.forName('Widget__c').newInstance(); return (s.getSObjectType() == Widget__c.SObjectType) + '|' + s.Id;`
        ),
        'true|null'
    );
});

test("isCaseSensitive and getDefaultValueFormula come from a custom field's metadata; a standard field's are refused (DescribeFieldResult Class)", () => {
    assert.equal(
        schemaApex(
            `return Widget__c.Code__c.getDescribe().isCaseSensitive() + '|' + Widget__c.Active__c.getDescribe().getDefaultValueFormula() + '|' + Widget__c.Code__c.getDescribe().getCalculatedFormula();`
        ),
        'false|true|null'
    );
    assert.throws(
        () => schemaApex(`return Contact.LastName.getDescribe().getDefaultValueFormula();`),
        /a standard field's is not in the schema/
    );
});

test('A describe method the runtime does not model is refused, naming it (never a silent wrong answer)', () => {
    assert.throws(
        () => schemaApex(`return Widget__c.Code__c.getDescribe().getInlineHelpText();`),
        /Unsupported: Schema.DescribeFieldResult.getInlineHelpText/
    );
});
