/**
 * `Database.convertLead` (Apex Reference Guide › LeadConvert Class, Database Class › convertLead; Apex Developer
 * Guide › Converting Leads; SOAP API Developer Guide › convertLead()).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPassed, onlyMessage, runInOrg } from './helpers.ts';

const CONVERT = `
    static Database.LeadConvert conversion(Id leadId) {
        Database.LeadConvert lc = new Database.LeadConvert();
        lc.setLeadId(leadId);
        lc.setConvertedStatus([SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true LIMIT 1].MasterLabel);
        lc.setDoNotCreateOpportunity(true);
        return lc;
    }`;

test('a converted Lead makes an Account from its company and a Contact of its person; the Lead records both (Converting Leads; convertLead(): standard fields are mapped)', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T { ${CONVERT}
        @IsTest static void m() {
            Lead l = new Lead(FirstName = 'Ada', LastName = 'Lee', Company = 'Blue Ltd', Phone = '312', MobilePhone = '555', Email = 'ada@example.com');
            insert l;
            Database.LeadConvertResult r = Database.convertLead(conversion(l.Id));
            Assert.isTrue(r.isSuccess());
            Assert.areEqual(l.Id, r.getLeadId());
            Assert.isNull(r.getOpportunityId());
            Assert.isTrue(r.getErrors().isEmpty());
            Account a = [SELECT Name, Phone FROM Account WHERE Id = :r.getAccountId()];
            Assert.areEqual('Blue Ltd', a.Name);
            Assert.areEqual('312', a.Phone);
            Contact c = [SELECT FirstName, LastName, Phone, MobilePhone, Email, AccountId FROM Contact WHERE Id = :r.getContactId()];
            Assert.areEqual('Ada', c.FirstName);
            Assert.areEqual('Lee', c.LastName);
            Assert.areEqual('555', c.MobilePhone);
            Assert.areEqual('ada@example.com', c.Email);
            Assert.areEqual(a.Id, c.AccountId);
            Lead after = [SELECT IsConverted, Status, ConvertedAccountId, ConvertedContactId, ConvertedDate FROM Lead WHERE Id = :l.Id];
            Assert.isTrue(after.IsConverted);
            Assert.areEqual('Closed - Converted', after.Status);
            Assert.areEqual(a.Id, after.ConvertedAccountId);
            Assert.areEqual(c.Id, after.ConvertedContactId);
            Assert.areEqual(Date.today(), after.ConvertedDate);
            Assert.areEqual(1, [SELECT COUNT() FROM LeadStatus WHERE IsConverted = true], 'one converted status in a new org');
        } }`
    });
    assert.ok(allPassed(r));
});

test('merging into an existing Account and Contact fills only their empty fields (convertLead(): "only empty fields in the target object are overwritten")', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T { ${CONVERT}
        @IsTest static void m() {
            Account a = new Account(Name = 'Existing', Phone = '111');
            insert a;
            Contact c = new Contact(LastName = 'Kept', AccountId = a.Id);
            insert c;
            Lead l = new Lead(LastName = 'Lee', Company = 'Blue Ltd', Phone = '312', MobilePhone = '555');
            insert l;
            Database.LeadConvert lc = conversion(l.Id);
            lc.setAccountId(a.Id);
            lc.setContactId(c.Id);
            Database.LeadConvertResult r = Database.convertLead(lc, true);
            Assert.areEqual(a.Id, r.getAccountId());
            Assert.areEqual(c.Id, r.getContactId());
            Assert.areEqual('111', [SELECT Phone FROM Account WHERE Id = :a.Id].Phone, 'kept');
            Contact after = [SELECT LastName, Phone, MobilePhone FROM Contact WHERE Id = :c.Id];
            Assert.areEqual('Kept', after.LastName);
            Assert.areEqual('312', after.Phone, 'was empty');
            Assert.areEqual(1, [SELECT COUNT() FROM Account]);
        } }`
    });
    assert.ok(allPassed(r));
});

test("the Lead's update triggers run with the conversion in Trigger.new; the new Contact's triggers do not (Knowledge Article 000386058: off unless Require Validation for Converted Leads)", () => {
    const r = runInOrg({
        'Log.cls': 'public class Log { public static List<String> lines = new List<String>(); }',
        'L.trigger': `trigger L on Lead (before update, after update) {
            Log.lines.add((Trigger.isBefore ? 'before ' : 'after ') + Trigger.new[0].IsConverted + ' ' + Trigger.old[0].IsConverted + ' ' + (Trigger.new[0].ConvertedContactId != null));
        }`,
        'C.trigger': `trigger C on Contact (before insert, after insert) { Log.lines.add('contact'); }`,
        'T.cls': `@IsTest private class T { ${CONVERT}
        @IsTest static void m() {
            Lead l = new Lead(LastName = 'Lee', Company = 'Blue Ltd');
            insert l;
            Integer dml = Limits.getDmlStatements();
            Database.convertLead(new List<Database.LeadConvert>{ conversion(l.Id) });
            Assert.areEqual(1, Limits.getDmlStatements() - dml, 'one DML statement');
            Assert.areEqual(new List<String>{ 'before true false true', 'after true false true' }, Log.lines);
        } }`
    });
    assert.ok(allPassed(r));
});

test('creating an Opportunity is refused: its required fields come from settings no source gives (never a silent wrong answer)', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T { ${CONVERT}
        @IsTest static void m() {
            Lead l = new Lead(LastName = 'Lee', Company = 'Blue Ltd');
            insert l;
            Database.LeadConvert lc = conversion(l.Id);
            lc.setDoNotCreateOpportunity(false);
            Database.convertLead(lc);
        } }`
    });
    assert.match(onlyMessage(r), /^Unsupported: Database\.convertLead creating an Opportunity/);
});

test('a converted Lead can’t be updated: the save fails with CANNOT_UPDATE_CONVERTED_LEAD (Knowledge Article 000384333)', () => {
    const r = runInOrg({
        'T.cls': `@IsTest private class T { ${CONVERT}
        @IsTest static void m() {
            Lead l = new Lead(LastName = 'Lee', Company = 'Blue Ltd');
            insert l;
            Database.convertLead(conversion(l.Id));
            Database.SaveResult result = Database.update(new Lead(Id = l.Id, Phone = '312'), false);
            Assert.isFalse(result.isSuccess());
            Assert.areEqual(StatusCode.CANNOT_UPDATE_CONVERTED_LEAD, result.getErrors()[0].getStatusCode());
            Assert.isNull([SELECT Phone FROM Lead WHERE Id = :l.Id].Phone);
        } }`
    });
    assert.ok(allPassed(r), onlyMessage(r));
});
