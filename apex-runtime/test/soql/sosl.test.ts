import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SObject } from '../../src/data/sobject.ts';
import { parseSosl } from '../../src/data/sosl/parse.ts';
import { executeSosl, searchQuery } from '../../src/data/sosl/execute.ts';
import { matches, parseSearch, tokensOf } from '../../src/data/sosl/search-terms.ts';
import { UnsupportedApexError } from '../../src/errors.ts';
import { accessHiding, makeOrg } from './fixture.ts';

function seed() {
    const org = makeOrg();
    const smith = org.insert('Contact', {
        LastName: 'Smith',
        FirstName: 'Ann',
        Phone: '(312) 296-1607',
        Email: 'ann@acme.com',
        Title: 'CEO'
    });
    const jones = org.insert('Contact', { LastName: 'Jones', Phone: '+1 415 555 0100', Title: 'CTO' });
    const lead = org.insert('Lead', { LastName: 'Lee', Company: 'Acme', Phone: '312.296.1607' });
    const acct = org.insert('Account', { Name: 'Acme', Phone: '(312) 296-1607' });
    return { org, smith, jones, lead, acct };
}

function ids(rows: SObject[]): (string | null)[] {
    return rows.map((r) => r.id);
}

test('the FIND text, search group, RETURNING specs and LIMIT are read (SOQL and SOSL Reference › SOSL Syntax)', () => {
    const q = parseSosl(
        "FIND 'acme*' IN PHONE FIELDS RETURNING Contact(Id, Name WHERE Title = 'CEO' ORDER BY Name LIMIT 3), Lead LIMIT 5"
    );
    assert.equal(q.find, 'acme*');
    assert.equal(q.group, 'PHONE');
    assert.deepEqual(
        q.returning?.map((s) => [s.object, s.fields, s.limit]),
        [
            ['Contact', [['Id'], ['Name']], 3],
            ['Lead', [], undefined]
        ]
    );
    assert.equal(q.limit, 5);
    const dynamic = parseSosl(
        'FIND {3122961607 OR "312 296 1607"} IN PHONE FIELDS RETURNING Contact(Id) WITH USER_MODE'
    );
    assert.equal(dynamic.find, '3122961607 OR "312 296 1607"');
    assert.equal(dynamic.withMode, 'user');
    assert.deepEqual(parseSosl('FIND :term RETURNING Lead').find, { kind: 'bind', text: 'term', line: 1 });
});

test('the search group defaults to ALL FIELDS ("If unspecified, then the default is ALL FIELDS")', () => {
    assert.equal(parseSosl("FIND 'x' RETURNING Lead").group, 'ALL');
});

test('in a test, SOSL returns empty lists unless Test.setFixedSearchResults was called (Apex Developer Guide › Adding SOSL Queries to Unit Tests)', () => {
    const { org } = seed();
    const ctx = org.ctx({ search: { isTest: true } });
    assert.deepEqual(executeSosl("FIND 'Smith' RETURNING Contact(Id), Lead(Id)", ctx), [[], []]);
});

test('fixed search results replace the search, split by RETURNING object, whatever the search term (Adding SOSL Queries to Unit Tests)', () => {
    const { org, smith, jones, lead, acct } = seed();
    const ctx = org.ctx({
        search: { isTest: true, fixedResults: [lead.id!, smith.id!, acct.id!, jones.id!.slice(0, 15)] }
    });
    const [contacts, leads] = executeSosl(
        "FIND 'nothing-matches-this' IN PHONE FIELDS RETURNING Contact(LastName), Lead(Company)",
        ctx
    );
    assert.deepEqual(ids(contacts), [smith.id, jones.id]);
    assert.deepEqual(ids(leads), [lead.id]);
    assert.equal(leads[0].get('Company'), 'Acme');
    assert.throws(
        () => leads[0].get('Phone'),
        (e: Error & { apexType?: string }) => e.apexType === 'System.SObjectException'
    );
});

test('WHERE, ORDER BY and LIMIT of a RETURNING spec apply to the fixed results ("If these clauses exist in the SOSL query, they are applied")', () => {
    const { org, smith, jones } = seed();
    const ctx = org.ctx({ search: { isTest: true, fixedResults: [smith.id!, jones.id!] } });
    assert.deepEqual(ids(executeSosl("FIND 'x' RETURNING Contact(Id WHERE Title = 'CTO')", ctx)[0]), [jones.id]);
    assert.deepEqual(ids(executeSosl("FIND 'x' RETURNING Contact(Id ORDER BY LastName LIMIT 1)", ctx)[0]), [jones.id]);
    assert.deepEqual(ids(executeSosl("FIND 'x' RETURNING Contact(Id) LIMIT 1", ctx)[0]), [smith.id]);
});

test('each search counts one SOSL query (Execution Governors and Limits: SOSL queries issued)', () => {
    const { org } = seed();
    const ctx = org.ctx({ search: { isTest: true } });
    executeSosl("FIND 'x' RETURNING Contact", ctx);
    executeSosl("FIND 'x' RETURNING Lead", ctx);
    assert.equal(ctx.counts.soslQueries, 2);
});

test('record text is split into tokens at spaces and punctuation (FIND {SearchQuery}: "splits record information separated by spaces or punctuation into separate tokens")', () => {
    assert.deepEqual(tokensOf('(312) 296-1607'), ['312', '296', '1607']);
    assert.deepEqual(tokensOf('+13122961607'), ['13122961607']);
});

test('a search outside tests matches tokens case-insensitively, phrases as consecutive tokens (FIND {SearchQuery})', () => {
    const { org, smith, acct, lead } = seed();
    const ctx = org.ctx();
    assert.deepEqual(ids(executeSosl("FIND 'SMITH' IN ALL FIELDS RETURNING Contact", ctx)[0]), [smith.id]);
    const [contacts, leads, accounts] = searchQuery(
        'FIND {"312 296 1607"} IN PHONE FIELDS RETURNING Contact(Phone), Lead(Phone), Account(Phone)',
        ctx
    );
    assert.deepEqual(ids(contacts), [smith.id]);
    assert.deepEqual(ids(leads), [lead.id]);
    assert.deepEqual(ids(accounts), [acct.id]);
    assert.deepEqual(ids(executeSosl("FIND '3122961607' IN PHONE FIELDS RETURNING Contact", ctx)[0]), []);
});

test('wildcards: * any characters, ? exactly one (FIND {SearchQuery}, Wildcards)', () => {
    const e = parseSearch('sm?th*');
    assert.equal(matches(e, [tokensOf('Smithers')]), true);
    assert.equal(matches(e, [tokensOf('Smth')]), false);
});

test('AND, OR, AND NOT, parentheses and implicit AND between words (FIND {SearchQuery}, Operators)', () => {
    const rec = [tokensOf('Ann Smith'), tokensOf('CEO')];
    assert.equal(matches(parseSearch('ann smith'), rec), true);
    assert.equal(matches(parseSearch('ann jones'), rec), false);
    assert.equal(matches(parseSearch('jones OR smith'), rec), true);
    assert.equal(matches(parseSearch('smith AND NOT ceo'), rec), false);
    assert.equal(matches(parseSearch('(jones OR ann) AND ceo'), rec), true);
    assert.equal(matches(parseSearch('"smith ann"'), rec), false);
});

test('a backslash escapes a reserved character, which then separates tokens like punctuation (Example Text Searches: escaping special characters)', () => {
    assert.equal(matches(parseSearch('312\\-296'), [tokensOf('312-296')]), true);
    assert.equal(matches(parseSearch('a\\*'), [tokensOf('abc')]), false);
});

test('Search.query with AccessLevel.USER_MODE refuses a returned object the user cannot read (not documented precisely: refused, never guessed)', () => {
    const { org } = seed();
    const ctx = org.ctx({ access: accessHiding('Lead') });
    assert.throws(() => searchQuery('FIND {x} RETURNING Lead(Id)', ctx, 'user'), UnsupportedApexError);
    assert.deepEqual(searchQuery('FIND {x} RETURNING Lead(Id)', ctx, 'system'), [[]]);
});

test('a SOSL OFFSET above 2,000 is a SearchException (SOQL and SOSL Reference › OFFSET n)', () => {
    const { org } = seed();
    assert.throws(
        () => executeSosl("FIND 'x' RETURNING Contact(Id LIMIT 1 OFFSET 2001)", org.ctx({ search: { isTest: true } })),
        (e: Error & { apexType?: string }) => e.apexType === 'System.SearchException'
    );
});

test('IN PHONE FIELDS refuses an object whose text fields have no documented display type (never a silent wrong answer)', () => {
    const { org } = seed();
    assert.throws(() => executeSosl("FIND 'x' IN PHONE FIELDS RETURNING User", org.ctx()), UnsupportedApexError);
});
