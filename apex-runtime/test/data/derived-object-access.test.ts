import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ObjectOp } from '../../src/data/access.ts';
import { AccessModel } from '../../src/data/access.ts';
import { derivedObjectRule } from '../../src/data/derived-object-access.ts';
import { dmlInsert } from '../../src/data/dml.ts';
import { loadOrgMetadata } from '../../src/data/org-metadata.ts';
import { FIXTURE_PROJECT, fixtureStore, userFields, fixtureRecord as record } from './helpers.ts';

/** One user per standard profile the runtime models. */
function org() {
    const { store } = fixtureStore();
    const ctx = { store };
    const names = ['System Administrator', 'Standard User', 'Read Only', 'Minimum Access - Salesforce'];
    const profiles = names.map((Name) => record('Profile', { Name }));
    dmlInsert(ctx, profiles);
    const users = profiles.map((p, i) => record('User', userFields(`U${i}`, p.id)));
    dmlInsert(ctx, users);
    const model = new AccessModel(loadOrgMetadata(FIXTURE_PROJECT), store);
    const [admin, standard, readOnly, minimum] = users.map((u) => model.forUser(u.id!));
    return { admin, standard, readOnly, minimum };
}

/** A user whose object access is given as `Object:letters` (R read, E edit). */
function userWith(grants: Record<string, string>) {
    return {
        checkObject: (object: string, op: ObjectOp) =>
            (grants[object] ?? '').includes(op === 'read' ? 'R' : 'E') ||
            (op === 'read' && (grants[object] ?? '').includes('E'))
    };
}

test('OpportunityContactRole follows the Opportunity: a Standard User reads, adds, edits and removes contact roles, Read Only only reads them, Minimum Access sees none (Object Reference › OpportunityContactRole: "The API applies user access rights to the associated Opportunity for this object"; Salesforce Help › Add Contact Roles; Winter \'20 Release Notes: "Edit on Opportunity and Read on Contact to add, edit or remove Contact Roles")', () => {
    const o = org();
    for (const op of ['read', 'create', 'edit', 'delete'] as const)
        assert.equal(o.standard.checkObject('OpportunityContactRole', op), true, `Standard User ${op}`);
    assert.equal(o.readOnly.checkObject('OpportunityContactRole', 'read'), true);
    assert.equal(o.readOnly.checkObject('OpportunityContactRole', 'create'), false, 'no Edit on Opportunity');
    assert.equal(o.minimum.checkObject('OpportunityContactRole', 'read'), false, 'no Read on Opportunity');
    assert.equal(o.admin.checkObject('OpportunityContactRole', 'delete'), true);
});

test("A contact role's standard fields follow its object: Salesforce Help › Add Contact Roles lists object permissions only, and no retrieved standard profile lists field-level security for them", () => {
    const o = org();
    for (const f of ['ContactId', 'OpportunityId', 'IsPrimary', 'Role'])
        assert.equal(o.standard.checkField('OpportunityContactRole', f, 'read'), true, f);
    assert.equal(o.standard.checkField('OpportunityContactRole', 'Role', 'edit'), true);
    assert.equal(o.readOnly.checkField('OpportunityContactRole', 'IsPrimary', 'read'), true);
    assert.equal(o.readOnly.checkField('OpportunityContactRole', 'Role', 'edit'), false);
    assert.equal(o.minimum.checkField('OpportunityContactRole', 'ContactId', 'read'), false);
});

test('AccountContactRole, CaseContactRole and ContractContactRole follow their Account, Case and Contract (Salesforce Help › Add Contact Roles: "contact roles are available for accounts, opportunities, cases, and contracts"; "To view contact roles: Read on the object the contact roles are on")', () => {
    const o = org();
    assert.equal(o.standard.checkObject('AccountContactRole', 'read'), true);
    assert.equal(o.standard.checkObject('AccountContactRole', 'create'), true);
    assert.equal(o.standard.checkField('AccountContactRole', 'Role', 'read'), true);
    assert.equal(o.standard.checkObject('CaseContactRole', 'edit'), true);
    assert.equal(o.standard.checkObject('ContractContactRole', 'read'), true);
    assert.equal(o.readOnly.checkObject('AccountContactRole', 'read'), true);
    assert.equal(o.readOnly.checkObject('AccountContactRole', 'edit'), false);
    assert.equal(o.minimum.checkObject('AccountContactRole', 'read'), false);
    assert.throws(
        () => o.standard.checkObject('AccountContactRole', 'delete'),
        /Unsupported: delete access of profile "Standard User" to AccountContactRole \(not settled by Salesforce Help › Add Contact Roles/,
        'removing one is documented for opportunities only'
    );
});

test('Viewing contact roles without Read on contacts is refused: Salesforce Help asks "Read on opportunities and contacts", the Object Reference the Opportunity\'s only (never a silent wrong answer)', () => {
    const rule = derivedObjectRule('OpportunityContactRole')!;
    assert.equal(rule.object('read', userWith({ Opportunity: 'R', Contact: 'R' })), true);
    assert.equal(rule.object('read', userWith({ Opportunity: 'R' })), undefined);
    assert.equal(rule.object('read', userWith({ Contact: 'R' })), false);
    assert.equal(rule.object('create', userWith({ Opportunity: 'E' })), false, 'adding one needs Read on contacts');
    assert.equal(rule.object('edit', userWith({ Opportunity: 'E', Contact: 'R' })), true);
});

test('ContentDocumentLink and ContentDocument take no object permission: every profile reads them and their standard fields, access to a file being its sharing, not modelled; writing them is refused (Object Reference › ContentDocumentLink, ContentDocument › Special Access Rules: users "can only query files they have access to")', () => {
    const o = org();
    for (const u of [o.admin, o.standard, o.readOnly, o.minimum]) {
        assert.equal(u.checkObject('ContentDocumentLink', 'read'), true, u.profileName);
        assert.equal(u.checkField('ContentDocumentLink', 'LinkedEntityId', 'read'), true, u.profileName);
        assert.equal(u.checkField('ContentDocument', 'LatestPublishedVersionId', 'read'), true, u.profileName);
        assert.equal(u.checkField('ContentDocument', 'ContentSize', 'read'), true, u.profileName);
    }
    assert.throws(
        () => o.standard.checkObject('ContentDocumentLink', 'create'),
        /Unsupported: create access of profile "Standard User" to ContentDocumentLink/
    );
    assert.throws(() => o.standard.checkObject('ContentVersion', 'read'), /Unsupported: read access/, 'not modelled');
});
