import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSoql } from '../../src/data/soql/parse.ts';
import { UnsupportedApexError } from '../../src/errors.ts';

test('binds keep the Apex expression source after the colon (Apex Developer Guide › Using Apex Variables in SOQL and SOSL Queries)', () => {
    const q = parseSoql(
        'SELECT Id FROM Contact WHERE Id = :contacts[200].Id AND LastName IN :names LIMIT :maxRows + 1'
    );
    assert.equal(q.where?.kind, 'and');
    const items = q.where?.kind === 'and' ? q.where.items : [];
    assert.deepEqual(items[0].kind === 'compare' ? items[0].value : undefined, {
        kind: 'bind',
        text: 'contacts[200].Id',
        line: 1
    });
    assert.deepEqual(q.limit, { kind: 'bind', text: 'maxRows + 1', line: 1 });
});

test('parsed queries are cached by text (the same text gives the same tree)', () => {
    assert.equal(parseSoql('SELECT Id FROM Account'), parseSoql('SELECT Id FROM Account'));
});

test('relationship paths, sub-queries, aliases and clauses are read (SOQL and SOSL Reference › SOQL SELECT Syntax)', () => {
    const q = parseSoql(
        "SELECT Id, Account.Owner.Name, (SELECT LastName FROM Contacts ORDER BY LastName LIMIT 2) FROM Account a WHERE Name LIKE 'A%' WITH USER_MODE ORDER BY Name DESC NULLS LAST, Id LIMIT 10 OFFSET 5 FOR UPDATE"
    );
    assert.deepEqual(q.select[1], { kind: 'field', path: ['Account', 'Owner', 'Name'] });
    assert.equal(q.select[2].kind, 'subquery');
    assert.equal(q.fromAlias, 'a');
    assert.equal(q.withMode, 'user');
    assert.deepEqual(q.orderBy[0], { target: { kind: 'field', path: ['Name'] }, descending: true, nullsLast: true });
    assert.deepEqual(q.orderBy[1], { target: { kind: 'field', path: ['Id'] }, descending: false, nullsLast: false });
    assert.equal(q.limit, 10);
    assert.equal(q.offset, 5);
    assert.equal(q.forUpdate, true);
});

test('SELECT COUNT() alone is a count query (SOQL and SOSL Reference › COUNT() and COUNT(fieldName))', () => {
    assert.equal(parseSoql('SELECT COUNT() FROM Contact').isCountOnly, true);
    assert.equal(parseSoql('SELECT COUNT(Id) FROM Contact').isCountOnly, false);
});

test('date literals and date formats are read (SOQL and SOSL Reference › Date Formats and Date Literals in WHERE)', () => {
    const q = parseSoql(
        'SELECT Id FROM Contact WHERE CreatedDate = LAST_N_DAYS:7 OR Birthdate = 2024-01-31 OR CreatedDate > 2024-01-31T10:00:00Z'
    );
    const items = q.where?.kind === 'or' ? q.where.items : [];
    assert.deepEqual(
        items.map((i) => (i.kind === 'compare' ? i.value : null)),
        [
            { kind: 'dateLiteral', name: 'LAST_N_DAYS', n: 7 },
            { kind: 'date', text: '2024-01-31' },
            { kind: 'datetime', text: '2024-01-31T10:00:00Z' }
        ]
    );
});

test('a syntax error in dynamic SOQL is a System.QueryException (Apex Developer Guide › Dynamic SOQL)', () => {
    assert.throws(
        () => parseSoql('SELECT FROM WHERE'),
        (e: Error & { apexType?: string }) => e.apexType === 'System.QueryException'
    );
});

test('TYPEOF, USING SCOPE, toLabel() and FIELDS() are refused, not guessed (never a silent wrong answer)', () => {
    for (const text of [
        'SELECT TYPEOF What WHEN Account THEN Name END FROM Event',
        'SELECT Id FROM Account USING SCOPE Mine',
        'SELECT toLabel(Industry) FROM Account',
        'SELECT FIELDS(ALL) FROM Account LIMIT 200',
        'SELECT Id FROM Account GROUP BY ROLLUP(Name)'
    ]) {
        assert.throws(() => parseSoql(text), UnsupportedApexError, text);
    }
});
