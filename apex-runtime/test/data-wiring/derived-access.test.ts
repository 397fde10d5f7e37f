import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CONTENT_DOCUMENT_LINK_FILTER_MESSAGE } from '../../src/data/soql/content-document-link-filter.ts';
import { allPassed, onlyMessage, runInOrg } from './helpers.ts';

const t = (body: string): Record<string, string> => ({
    'T.cls': `@IsTest private class T { @IsTest static void m() { ${body} } }`
});

/** A Standard User `u` and an Opportunity `deal` with Ada as its primary contact role. */
const STANDARD_USER_AND_DEAL = `
    Profile p = [SELECT Id FROM Profile WHERE Name = 'Standard User'];
    User u = new User(LastName = 'Rep', Alias = 'rep', Email = 'rep@example.com', Username = 'rep@example.com.t',
        ProfileId = p.Id, TimeZoneSidKey = 'GMT', LocaleSidKey = 'en_US', EmailEncodingKey = 'UTF-8', LanguageLocaleKey = 'en_US');
    insert u;
    Account acme = new Account(Name = 'Acme');
    insert acme;
    Contact ada = new Contact(LastName = 'Lovelace', AccountId = acme.Id);
    insert ada;
    Opportunity deal = new Opportunity(Name = 'Deal', StageName = 'Prospecting', CloseDate = Date.today(), AccountId = acme.Id);
    insert deal;
    insert new OpportunityContactRole(OpportunityId = deal.Id, ContactId = ada.Id, IsPrimary = true);`;

test('A Standard User reads an Opportunity\'s contact roles WITH USER_MODE and adds one as user (Object Reference › OpportunityContactRole: "The API applies user access rights to the associated Opportunity for this object")', () => {
    const r = runInOrg(
        t(`${STANDARD_USER_AND_DEAL}
           Contact bo = new Contact(LastName = 'Bo', AccountId = acme.Id);
           insert bo;
           System.runAs(u) {
               List<OpportunityContactRole> roles = [SELECT ContactId FROM OpportunityContactRole
                   WHERE OpportunityId = :deal.Id WITH USER_MODE ORDER BY IsPrimary DESC, CreatedDate];
               Assert.areEqual(1, roles.size());
               Assert.areEqual(ada.Id, roles[0].ContactId);
               insert as user new OpportunityContactRole(OpportunityId = deal.Id, ContactId = bo.Id, Role = 'Evaluator');
           }
           Assert.areEqual(2, [SELECT COUNT() FROM OpportunityContactRole]);`)
    );
    assert.ok(allPassed(r));
});

test("A Standard User reads a record's files through ContentDocumentLink WITH USER_MODE, with the document's fields (Object Reference › ContentDocumentLink › Special Access Rules)", () => {
    const r = runInOrg(
        t(`${STANDARD_USER_AND_DEAL}
           System.runAs(u) {
               List<ContentDocumentLink> links = [SELECT ContentDocument.LatestPublishedVersionId, ContentDocument.Title,
                   ContentDocument.FileExtension, ContentDocument.ContentSize FROM ContentDocumentLink
                   WHERE LinkedEntityId = :deal.Id WITH USER_MODE ORDER BY SystemModstamp DESC LIMIT 50];
               Assert.areEqual(0, links.size());
           }`)
    );
    assert.ok(allPassed(r));
});

test(`A ContentDocumentLink query without an = or IN filter on Id, ContentDocumentId or LinkedEntityId fails, in system mode too (Object Reference › ContentDocumentLink › Usage: "You can't run a query without filters against ContentDocumentLink"; the message observed in orgs)`, () => {
    for (const where of [
        '',
        "WHERE ShareType = 'V'",
        'WHERE LinkedEntityId != :someId',
        'WHERE ContentDocumentId NOT IN :ids',
        'WHERE LinkedEntityId = null'
    ]) {
        const r = runInOrg(
            t(`Id someId = UserInfo.getUserId();
               Set<Id> ids = new Set<Id>{ someId };
               List<ContentDocumentLink> links = [SELECT Id FROM ContentDocumentLink ${where}];`)
        );
        assert.equal(onlyMessage(r), `System.QueryException: ${CONTENT_DOCUMENT_LINK_FILTER_MESSAGE}`, where);
    }
});

test('A ContentDocumentLink query filtered by one Id with = or by several with IN runs, alongside other filters (Object Reference › ContentDocumentLink › Special Access Rules: a filter "on id, LinkedEntityId, and documentID fields")', () => {
    const r = runInOrg(
        t(`Id someId = UserInfo.getUserId();
           Set<Id> ids = new Set<Id>{ someId };
           Assert.areEqual(0, [SELECT Id FROM ContentDocumentLink WHERE LinkedEntityId = :someId].size());
           Assert.areEqual(0, [SELECT Id FROM ContentDocumentLink WHERE LinkedEntityId IN :ids AND ShareType = 'V'].size());
           Assert.areEqual(0, [SELECT Id FROM ContentDocumentLink l WHERE l.ContentDocumentId IN :ids].size());
           Assert.areEqual(0, [SELECT Id FROM ContentDocumentLink WHERE Id = :someId].size());
           Assert.areEqual(0, [SELECT COUNT() FROM ContentDocumentLink WHERE LinkedEntityId IN (SELECT Id FROM Account)]);
           Assert.areEqual(0, Database.query('SELECT Id FROM ContentDocumentLink WHERE ContentDocumentId = :someId').size());`)
    );
    assert.ok(allPassed(r));
});

test('The Query All Files permission lifts the filter requirement (Object Reference › ContentDocumentLink › Special Access Rules: "turn on the Query All Files permission to query without a filter")', () => {
    const r = runInOrg(
        t(`PermissionSet ps = new PermissionSet(Name = 'All_Files', Label = 'All Files', PermissionsViewAllData = true, PermissionsQueryAllFiles = true);
           insert ps;
           insert new PermissionSetAssignment(AssigneeId = UserInfo.getUserId(), PermissionSetId = ps.Id);
           Assert.areEqual(0, [SELECT Id FROM ContentDocumentLink].size());`)
    );
    assert.ok(allPassed(r));
});

test('A ContentDocumentLink filter that names those fields only inside OR is refused: no source settles it (never a silent wrong answer)', () => {
    const r = runInOrg(
        t(`Id someId = UserInfo.getUserId();
           List<ContentDocumentLink> links = [SELECT Id FROM ContentDocumentLink WHERE LinkedEntityId = :someId OR ContentDocumentId = :someId];`)
    );
    assert.match(
        onlyMessage(r),
        /Unsupported: a ContentDocumentLink query whose Id, ContentDocumentId or LinkedEntityId filter is inside OR or NOT/
    );
});
