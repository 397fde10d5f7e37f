import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SObject } from '../../src/data/sobject.ts';
import { Decimal } from '../../src/values/decimal.ts';
import { executeSoql } from '../../src/data/soql/execute.ts';
import {
    assignSingleRow,
    databaseCountQuery,
    databaseQuery,
    databaseQueryWithBinds,
    databaseGetQueryLocator
} from '../../src/data/soql/database.ts';
import { accessHiding, makeOrg, NOW, TestDate, TestDatetime, type Org } from './fixture.ts';

function isQueryException(message?: string | RegExp) {
    return (e: unknown): boolean => {
        const err = e as Error & { apexType?: string };
        if (err.apexType !== 'System.QueryException') return false;
        if (message === undefined) return true;
        return typeof message === 'string' ? err.message === message : message.test(err.message);
    };
}

function seed(): {
    org: Org;
    acme: SObject;
    beta: SObject;
    odd: SObject;
    smith: SObject;
    jones: SObject;
    brown: SObject;
} {
    const org = makeOrg();
    const acme = org.insert('Account', {
        Name: 'Acme',
        Industry: 'Tech',
        AnnualRevenue: Decimal.parse('100.50'),
        NumberOfEmployees: 10,
        Tags__c: 'Gold;Silver',
        Code__c: 'AB',
        Phone: '(312) 296-1607'
    });
    const beta = org.insert('Account', {
        Name: 'beta',
        Industry: 'Retail',
        AnnualRevenue: Decimal.parse('50'),
        NumberOfEmployees: 5,
        Tags__c: 'Silver',
        Code__c: 'ab'
    });
    const odd = org.insert('Account', { Name: '50%_off', Industry: null });
    const smith = org.insert('Contact', {
        LastName: 'Smith',
        FirstName: 'Ann',
        Email: 'ann@acme.com',
        AccountId: acme.id,
        Birthdate: new TestDate(2000, 1, 31)
    });
    const jones = org.insert('Contact', { LastName: 'jones', FirstName: 'Bob', AccountId: acme.id, Title: 'CEO' });
    const brown = org.insert('Contact', { LastName: 'Brown', Title: 'CTO' });
    return { org, acme, beta, odd, smith, jones, brown };
}

function names(rows: SObject[] | number, field = 'Name'): unknown[] {
    assert.ok(Array.isArray(rows));
    return rows.map((r) => r.get(field));
}

test('string = is case-insensitive (SOQL and SOSL Reference › Comparison Operators: "For all other fields, comparisons are case-insensitive")', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Name = 'BETA'", org.ctx())), ['beta']);
});

test('string = is case-sensitive on a unique case-sensitive field (Comparison Operators note)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Code__c = 'ab'", org.ctx())), ['beta']);
});

test('!= keeps rows whose field is null (behaviour observed in orgs; the reference is silent)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Industry != 'Tech'", org.ctx())), [
        'beta',
        '50%_off'
    ]);
});

test('= null and != null select null and non-null values (Comparison Operators, "null" value)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account WHERE Industry = null', org.ctx())), ['50%_off']);
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account WHERE Industry != NULL', org.ctx())), [
        'Acme',
        'beta'
    ]);
});

test('< <= > >= compare numbers numerically and strings case-insensitively (Comparison Operators)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account WHERE AnnualRevenue > 50', org.ctx())), ['Acme']);
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account WHERE AnnualRevenue >= 50.0', org.ctx())), [
        'Acme',
        'beta'
    ]);
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account WHERE NumberOfEmployees <= 5', org.ctx())), ['beta']);
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Name < 'B'", org.ctx())), ['Acme', '50%_off']);
});

test('LIKE: % matches any characters, _ one, case-insensitive (Comparison Operators, LIKE)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Name LIKE 'a%'", org.ctx())), ['Acme']);
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Name LIKE '_eta'", org.ctx())), ['beta']);
});

test('LIKE: \\% and \\_ match a literal percent sign and underscore (Quoted String Escape Sequences)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Name LIKE '50\\%\\_%'", org.ctx())), [
        '50%_off'
    ]);
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Name LIKE '50\\%x%'", org.ctx())), []);
});

test('LIKE with a bind reads the pattern from the Apex String (Using Apex Variables in SOQL and SOSL Queries)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account WHERE Name LIKE :p', org.ctx({}, { p: '%ET%' }))), [
        'beta'
    ]);
});

test('IN / NOT IN with a literal list and with a bound collection (Comparison Operators, IN; Using Apex Variables in SOQL)', () => {
    const { org, acme, beta } = seed();
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Industry IN ('tech', 'Retail')", org.ctx())), [
        'Acme',
        'beta'
    ]);
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account WHERE Id IN :ids', org.ctx({}, { ids: [beta.id] }))), [
        'beta'
    ]);
    assert.deepEqual(
        names(
            executeSoql(
                'SELECT Name FROM Account WHERE Id NOT IN :ids',
                org.ctx({}, { ids: new Set([acme.id, beta.id]) })
            )
        ),
        ['50%_off']
    );
});

test('a 15-character Id bind matches the 18-character Id (SOAP API Developer Guide › ID field type)', () => {
    const { org, beta } = seed();
    assert.deepEqual(
        names(executeSoql('SELECT Name FROM Account WHERE Id = :id', org.ctx({}, { id: beta.id!.slice(0, 15) }))),
        ['beta']
    );
});

test('semi-join: Id IN (SELECT AccountId FROM Contact) (Comparison Operators, semi-joins)', () => {
    const { org } = seed();
    assert.deepEqual(
        names(
            executeSoql(
                "SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact WHERE LastName = 'smith')",
                org.ctx()
            )
        ),
        ['Acme']
    );
    assert.deepEqual(
        names(executeSoql('SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact)', org.ctx())),
        ['beta', '50%_off']
    );
});

test('INCLUDES / EXCLUDES on a multi-select picklist, ";" meaning AND (SOQL and SOSL Reference › Query Multi-Select Picklists)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Tags__c INCLUDES ('Gold')", org.ctx())), [
        'Acme'
    ]);
    assert.deepEqual(
        names(executeSoql("SELECT Name FROM Account WHERE Tags__c INCLUDES ('Gold;Bronze', 'Silver')", org.ctx())),
        ['Acme', 'beta']
    );
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Tags__c EXCLUDES ('Gold')", org.ctx())), [
        'beta'
    ]);
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Tags__c = 'Silver;Gold'", org.ctx())), ['Acme']);
});

test('INCLUDES on a field that is not a multi-select picklist is a QueryException (Query Multi-Select Picklists)', () => {
    const { org } = seed();
    assert.throws(
        () => executeSoql("SELECT Name FROM Account WHERE Name INCLUDES ('x')", org.ctx()),
        isQueryException()
    );
});

test('AND, OR and NOT combine conditions (SOQL and SOSL Reference › Logical Operators)', () => {
    const { org } = seed();
    assert.deepEqual(
        names(
            executeSoql(
                "SELECT Name FROM Account WHERE (Industry = 'Tech' OR Industry = 'Retail') AND (NOT Name = 'acme')",
                org.ctx()
            )
        ),
        ['beta']
    );
});

test('a date field filters with YYYY-MM-DD (SOQL and SOSL Reference › Date Formats and Date Literals in WHERE)', () => {
    const { org } = seed();
    assert.deepEqual(
        names(executeSoql('SELECT LastName FROM Contact WHERE Birthdate = 2000-01-31', org.ctx()), 'LastName'),
        ['Smith']
    );
    assert.deepEqual(
        names(executeSoql('SELECT LastName FROM Contact WHERE Birthdate > 2000-01-30', org.ctx()), 'LastName'),
        ['Smith']
    );
});

test('a dateTime literal carries its offset from UTC (Date Formats and Date Literals in WHERE)', () => {
    const { org } = seed();
    assert.equal(
        (executeSoql('SELECT Id FROM Contact WHERE CreatedDate = 2024-03-15T13:00:00+01:00', org.ctx()) as SObject[])
            .length,
        3
    );
    assert.equal(
        (executeSoql('SELECT Id FROM Contact WHERE CreatedDate > 2024-03-15T12:00:00Z', org.ctx()) as SObject[]).length,
        0
    );
});

test('a date value on a dateTime field is a QueryException ("if you specify a date format value, you can filter only on date fields")', () => {
    const { org } = seed();
    assert.throws(
        () => executeSoql('SELECT Id FROM Contact WHERE CreatedDate = 2024-03-15', org.ctx()),
        isQueryException(/must be of type datetime/)
    );
});

test("date literals are whole days starting at 00:00:00 in the running user's time zone (Date Formats and Date Literals in WHERE)", () => {
    const { org, smith, jones } = seed();
    // NOW is 2024-03-15T12:00Z = 05:00 in Los Angeles: "today" there runs from 2024-03-15T07:00Z.
    org.store.setCreatedDate(smith.id!, new TestDatetime(Date.UTC(2024, 2, 15, 7, 30)));
    org.store.setCreatedDate(jones.id!, new TestDatetime(Date.UTC(2024, 2, 15, 6, 30)));
    const la = org.ctx();
    assert.deepEqual(names(executeSoql('SELECT LastName FROM Contact WHERE CreatedDate = TODAY', la), 'LastName'), [
        'Smith',
        'Brown'
    ]);
    assert.deepEqual(names(executeSoql('SELECT LastName FROM Contact WHERE CreatedDate = YESTERDAY', la), 'LastName'), [
        'jones'
    ]);
    const utc = org.ctx({ user: { id: org.userId, timeZone: 'UTC' } });
    assert.deepEqual(names(executeSoql('SELECT LastName FROM Contact WHERE CreatedDate = TODAY', utc), 'LastName'), [
        'Smith',
        'jones',
        'Brown'
    ]);
    assert.deepEqual(names(executeSoql('SELECT LastName FROM Contact WHERE CreatedDate < TODAY', la), 'LastName'), [
        'jones'
    ]);
});

test('LAST_N_DAYS:n covers today and the n days before it (behaviour observed in orgs)', () => {
    const { org, smith } = seed();
    org.store.setCreatedDate(smith.id!, new TestDatetime(NOW - 3 * 86400000));
    assert.deepEqual(
        names(executeSoql('SELECT LastName FROM Contact WHERE CreatedDate = LAST_N_DAYS:3', org.ctx()), 'LastName'),
        ['Smith', 'jones', 'Brown']
    );
    assert.deepEqual(
        names(executeSoql('SELECT LastName FROM Contact WHERE CreatedDate = LAST_N_DAYS:2', org.ctx()), 'LastName'),
        ['jones', 'Brown']
    );
    assert.deepEqual(
        names(executeSoql('SELECT LastName FROM Contact WHERE Birthdate = THIS_YEAR', org.ctx()), 'LastName'),
        []
    );
});

test('ORDER BY is ascending with nulls first by default, and case-insensitive (SOQL and SOSL Reference › ORDER BY)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account ORDER BY Industry', org.ctx())), [
        '50%_off',
        'beta',
        'Acme'
    ]);
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account ORDER BY Name', org.ctx())), [
        '50%_off',
        'Acme',
        'beta'
    ]);
});

test('ORDER BY … DESC NULLS LAST and several fields (ORDER BY)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account ORDER BY Industry DESC NULLS LAST', org.ctx())), [
        'Acme',
        'beta',
        '50%_off'
    ]);
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account ORDER BY Industry DESC', org.ctx())), [
        '50%_off',
        'Acme',
        'beta'
    ]);
    assert.deepEqual(
        names(
            executeSoql('SELECT LastName FROM Contact ORDER BY Title NULLS LAST, LastName DESC', org.ctx()),
            'LastName'
        ),
        ['jones', 'Brown', 'Smith']
    );
});

test('ORDER BY a parent field (ORDER BY: "compatible with relationship query syntax")', () => {
    const { org } = seed();
    assert.deepEqual(
        names(
            executeSoql('SELECT LastName FROM Contact ORDER BY Account.Name DESC NULLS LAST, LastName', org.ctx()),
            'LastName'
        ),
        ['jones', 'Smith', 'Brown']
    );
});

test('LIMIT and OFFSET page the ordered rows (SOQL and SOSL Reference › LIMIT, OFFSET)', () => {
    const { org } = seed();
    assert.deepEqual(names(executeSoql('SELECT Name FROM Account ORDER BY Name LIMIT 2', org.ctx())), [
        '50%_off',
        'Acme'
    ]);
    assert.deepEqual(
        names(executeSoql('SELECT Name FROM Account ORDER BY Name LIMIT :n OFFSET 1', org.ctx({}, { n: 1 }))),
        ['Acme']
    );
});

test('OFFSET above 2,000 is refused ("The maximum offset is 2,000 rows"; Apex message observed in orgs)', () => {
    const { org } = seed();
    assert.throws(
        () => executeSoql('SELECT Name FROM Account OFFSET 2001', org.ctx()),
        isQueryException('Maximum SOQL offset allowed is 2000')
    );
});

test('parent relationship fields: Account.Name and Account.Owner.Name (SOQL and SOSL Reference › Relationship Queries)', () => {
    const { org } = seed();
    const rows = executeSoql(
        "SELECT LastName, Account.Name, Account.Owner.Name FROM Contact WHERE Account.Name = 'acme' ORDER BY LastName",
        org.ctx()
    ) as SObject[];
    assert.deepEqual(
        rows.map((r) => r.getSObject('Account')?.get('Name')),
        ['Acme', 'Acme']
    );
    assert.equal(rows[0].getSObject('Account')?.getSObject('Owner')?.get('Name'), 'Ada Admin');
});

test('an empty lookup gives a null parent record (Relationship Queries)', () => {
    const { org } = seed();
    const [brown] = executeSoql("SELECT Account.Name FROM Contact WHERE LastName = 'Brown'", org.ctx()) as SObject[];
    assert.equal(brown.getSObject('Account'), null);
});

test('results hold the Id and the queried fields only; reading another field raises SObjectException (Apex Developer Guide › Working with SOQL and SOSL Query Results)', () => {
    const { org, smith } = seed();
    const [row] = executeSoql("SELECT LastName FROM Contact WHERE LastName = 'Smith'", org.ctx()) as SObject[];
    assert.equal(row.id, smith.id);
    assert.equal(row.get('Id'), smith.id);
    assert.throws(
        () => row.get('Email'),
        (e: Error & { apexType?: string }) =>
            e.apexType === 'System.SObjectException' &&
            /without querying the requested field: Contact.Email/.test(e.message)
    );
});

test('results are copies: changing one does not change the store (SOQL returns new sObjects)', () => {
    const { org } = seed();
    const [row] = executeSoql("SELECT LastName FROM Contact WHERE LastName = 'Smith'", org.ctx()) as SObject[];
    row.put('LastName', 'Changed');
    assert.deepEqual(
        names(executeSoql("SELECT LastName FROM Contact WHERE LastName = 'Smith'", org.ctx()), 'LastName'),
        ['Smith']
    );
});

test('child sub-queries return the children by relationship name, with their own WHERE/ORDER BY/LIMIT (Relationship Queries)', () => {
    const { org } = seed();
    const rows = executeSoql(
        'SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName DESC LIMIT 1) FROM Account ORDER BY Name',
        org.ctx()
    ) as SObject[];
    assert.deepEqual(
        rows.map((r) => r.getSObjects('Contacts')?.map((c) => c.get('LastName'))),
        [[], ['Smith'], []]
    );
    const filtered = executeSoql(
        "SELECT Name, (SELECT LastName FROM Contacts WHERE FirstName = 'bob') FROM Account WHERE Name = 'Acme'",
        org.ctx()
    ) as SObject[];
    assert.deepEqual(
        filtered[0].getSObjects('contacts')?.map((c) => c.get('LastName')),
        ['jones']
    );
});

test('an unknown field or object is a QueryException in dynamic SOQL (message observed in orgs)', () => {
    const { org } = seed();
    assert.throws(
        () => databaseQuery('SELECT Nope__c FROM Account', org.ctx()),
        isQueryException(/^No such column 'Nope__c' on entity 'Account'/)
    );
    assert.throws(
        () => databaseQuery('SELECT Id FROM Nope__c', org.ctx()),
        isQueryException(/^sObject type 'Nope__c' is not supported/)
    );
});

test('a literal of the wrong type is a QueryException (fieldExpression: "Supply a value whose data type matches the field type")', () => {
    const { org } = seed();
    assert.throws(
        () => executeSoql("SELECT Id FROM Account WHERE AnnualRevenue = 'x'", org.ctx()),
        isQueryException(/must be of type number/)
    );
    assert.throws(
        () => executeSoql("SELECT Id FROM Account WHERE Id = 'nope'", org.ctx()),
        isQueryException('invalid ID field: nope')
    );
});

test('SELECT COUNT() returns the number of matching rows and counts as one query row (COUNT(); Working with SOQL Aggregate Functions)', () => {
    const { org } = seed();
    const ctx = org.ctx();
    assert.equal(executeSoql('SELECT COUNT() FROM Contact WHERE Title != null', ctx), 2);
    assert.equal(ctx.counts.queryRows, 1);
    assert.equal(ctx.counts.soqlQueries, 1);
});

test('COUNT() with LIMIT counts at most LIMIT rows ("You can use COUNT() with a LIMIT clause")', () => {
    const { org } = seed();
    assert.equal(executeSoql('SELECT COUNT() FROM Contact LIMIT :n', org.ctx({}, { n: 2 })), 2);
});

test('aggregates without alias are expr0, expr1… in order; aliases name the others (Working with SOQL Aggregate Functions)', () => {
    const { org } = seed();
    const [row] = executeSoql(
        'SELECT COUNT(Id), MAX(AnnualRevenue) top, SUM(AnnualRevenue), MIN(Name) FROM Account',
        org.ctx()
    ) as SObject[];
    assert.equal(row.type, 'AggregateResult');
    assert.equal(row.get('expr0'), 3);
    assert.equal((row.get('top') as Decimal).toString(), '100.50');
    assert.equal((row.get('expr1') as Decimal).toString(), '150.50');
    assert.equal(row.get('expr2'), '50%_off');
});

test('COUNT(field) counts non-null values; COUNT_DISTINCT distinct ones (COUNT(fieldName), COUNT_DISTINCT())', () => {
    const { org } = seed();
    const [row] = executeSoql('SELECT COUNT(Title), COUNT_DISTINCT(AccountId) FROM Contact', org.ctx()) as SObject[];
    assert.equal(row.get('expr0'), 2);
    assert.equal(row.get('expr1'), 1);
});

test('GROUP BY groups rows; HAVING filters groups; ORDER BY an aggregate (SOQL and SOSL Reference › GROUP BY, HAVING)', () => {
    const { org } = seed();
    org.insert('Account', { Name: 'Gamma', Industry: 'Tech' });
    const rows = executeSoql(
        'SELECT Industry, COUNT(Id) n FROM Account GROUP BY Industry HAVING COUNT(Id) > 0 ORDER BY COUNT(Id) DESC, Industry',
        org.ctx()
    ) as SObject[];
    assert.deepEqual(
        rows.map((r) => [r.get('Industry'), r.get('n')]),
        [
            ['Tech', 2],
            [null, 1],
            ['Retail', 1]
        ]
    );
    const big = executeSoql(
        'SELECT Industry FROM Account GROUP BY Industry HAVING COUNT(Id) > 1',
        org.ctx()
    ) as SObject[];
    assert.deepEqual(
        big.map((r) => r.get('Industry')),
        ['Tech']
    );
});

test('aggregate rows count as query rows: each row aggregated, but one per group for COUNT (Working with SOQL Aggregate Functions)', () => {
    const { org } = seed();
    const counting = org.ctx();
    executeSoql('SELECT Industry, COUNT(Id) FROM Account GROUP BY Industry', counting);
    assert.equal(counting.counts.queryRows, 3);
    const summing = org.ctx();
    executeSoql('SELECT SUM(AnnualRevenue) FROM Account', summing);
    assert.equal(summing.counts.queryRows, 3);
});

test('a field neither grouped nor aggregated is a QueryException (GROUP BY)', () => {
    const { org } = seed();
    assert.throws(
        () => executeSoql('SELECT Name, COUNT(Id) FROM Account GROUP BY Industry', org.ctx()),
        isQueryException()
    );
});

test('every query counts one SOQL query and its rows, sub-query rows included (Execution Governors and Limits)', () => {
    const { org } = seed();
    const ctx = org.ctx();
    executeSoql('SELECT Name, (SELECT Id FROM Contacts) FROM Account', ctx);
    assert.equal(ctx.counts.soqlQueries, 1);
    assert.equal(ctx.counts.queryRows, 5);
});

test('WITH USER_MODE: an object the user cannot read is a QueryException (Set an Access Mode for Database Operations; message observed in orgs)', () => {
    const { org } = seed();
    const ctx = org.ctx({ access: accessHiding('Contact') });
    assert.throws(
        () => executeSoql('SELECT Id FROM Contact WITH USER_MODE', ctx),
        isQueryException(/^sObject type 'Contact' is not supported/)
    );
    assert.equal((executeSoql('SELECT Id FROM Contact WITH SYSTEM_MODE', ctx) as SObject[]).length, 3);
});

test('WITH USER_MODE checks fields in WHERE and ORDER BY too ("processes all clauses … including the WHERE clause")', () => {
    const { org } = seed();
    const ctx = org.ctx({ access: accessHiding('Contact.Secret__c') });
    assert.throws(
        () => executeSoql("SELECT Id FROM Contact WHERE Secret__c = 'x' WITH USER_MODE", ctx),
        isQueryException(/^No such column 'Secret__c' on entity 'Contact'/)
    );
    assert.throws(
        () => executeSoql('SELECT Id FROM Contact WITH USER_MODE ORDER BY Secret__c', ctx),
        isQueryException()
    );
    assert.throws(
        () =>
            executeSoql(
                'SELECT Account.Name FROM Contact WITH USER_MODE',
                org.ctx({ access: accessHiding('Account.Name') })
            ),
        isQueryException()
    );
});

test('AccessLevel.USER_MODE on Database.query applies user mode; WITH SYSTEM_MODE in the text wins (Database Class › query)', () => {
    const { org } = seed();
    const ctx = org.ctx({ access: accessHiding('Contact') });
    assert.throws(() => databaseQuery('SELECT Id FROM Contact', ctx, 'user'), isQueryException());
    assert.equal(databaseQuery('SELECT Id FROM Contact', ctx, 'system').length, 3);
});

test('WITH SECURITY_ENFORCED checks SELECT and FROM only, with its message (Filter SOQL Queries Using WITH SECURITY_ENFORCED; message observed in orgs)', () => {
    const { org } = seed();
    const ctx = org.ctx({ access: accessHiding('Contact.Secret__c') });
    assert.equal(
        (executeSoql('SELECT Id FROM Contact WHERE Secret__c = null WITH SECURITY_ENFORCED', ctx) as SObject[]).length,
        3
    );
    assert.throws(
        () => executeSoql('SELECT Secret__c FROM Contact WITH SECURITY_ENFORCED', ctx),
        isQueryException('Insufficient permissions: secure query included inaccessible field')
    );
});

test('single-row assignment: no row or several rows raise the documented QueryException (Apex Developer Guide › SOQL and SOSL Queries)', () => {
    const { org } = seed();
    assert.throws(
        () => assignSingleRow(executeSoql("SELECT Id FROM Contact WHERE LastName = 'Nobody'", org.ctx()) as SObject[]),
        isQueryException('List has no rows for assignment to SObject')
    );
    assert.throws(
        () => assignSingleRow(executeSoql('SELECT Id FROM Contact', org.ctx()) as SObject[]),
        isQueryException('List has more than 1 row for assignment to SObject')
    );
    assert.equal(
        assignSingleRow(
            executeSoql("SELECT LastName FROM Contact WHERE LastName = 'Brown'", org.ctx()) as SObject[]
        ).get('LastName'),
        'Brown'
    );
});

test('Database.queryWithBinds reads binds from the map; a missing key is a QueryException (Database Class › queryWithBinds; message observed in orgs)', () => {
    const { org } = seed();
    const rows = databaseQueryWithBinds(
        'SELECT LastName FROM Contact WHERE Title = :t LIMIT :n',
        new Map<string, unknown>([
            ['t', 'CEO'],
            ['n', 5]
        ]),
        org.ctx(),
        'system'
    );
    assert.deepEqual(
        rows.map((r) => r.get('LastName')),
        ['jones']
    );
    assert.throws(
        () => databaseQueryWithBinds('SELECT Id FROM Contact WHERE Title = :missing', new Map(), org.ctx(), 'system'),
        isQueryException("Key 'missing' does not exist in the bindMap")
    );
});

test('dynamic SOQL binds are simple variables only (Apex Developer Guide › Dynamic SOQL: "you can\'t use bind variable fields")', () => {
    const { org } = seed();
    assert.throws(
        () => databaseQuery('SELECT Id FROM Contact WHERE Id = :c.Id', org.ctx({}, { 'c.Id': null })),
        isQueryException('Only variable references are allowed in dynamic SOQL/SOSL.')
    );
});

test('Database.countQuery returns the COUNT() of a query (Database Class › countQuery)', () => {
    const { org } = seed();
    assert.equal(databaseCountQuery("SELECT COUNT() FROM Account WHERE Industry = 'Tech'", org.ctx()), 1);
});

test('Database.getQueryLocator rows count against the query-locator limit (Execution Governors and Limits)', () => {
    const { org } = seed();
    const ctx = org.ctx();
    assert.equal(databaseGetQueryLocator('SELECT Id FROM Contact', ctx).length, 3);
    assert.equal(ctx.counts.queryLocatorRows, 3);
    assert.equal(ctx.counts.queryRows, undefined);
});

test('deleted rows are skipped unless ALL ROWS (Apex Developer Guide › Querying All Records with a SOQL Statement)', () => {
    const { org, brown } = seed();
    org.store.delete(brown.id!);
    assert.equal((executeSoql('SELECT Id FROM Contact', org.ctx()) as SObject[]).length, 2);
    assert.equal((executeSoql('SELECT Id FROM Contact ALL ROWS', org.ctx()) as SObject[]).length, 3);
});

test('FOR UPDATE runs the query (records are locked for the transaction; one transaction at a time here) (SOQL and SOSL Reference › FOR UPDATE)', () => {
    const { org } = seed();
    assert.equal(
        (executeSoql("SELECT Id FROM Contact WHERE LastName = 'Smith' LIMIT 1 FOR UPDATE", org.ctx()) as SObject[])
            .length,
        1
    );
});

test('a list of sObjects bound to IN uses their Ids (Apex Developer Guide › Using Apex Variables in SOQL and SOSL Queries)', () => {
    const { org, acme } = seed();
    const accounts = executeSoql("SELECT Id FROM Account WHERE Name = 'Acme'", org.ctx()) as SObject[];
    assert.deepEqual(
        names(
            executeSoql(
                'SELECT LastName FROM Contact WHERE AccountId IN :accts ORDER BY LastName',
                org.ctx({}, { accts: accounts })
            ),
            'LastName'
        ),
        ['jones', 'Smith']
    );
    assert.equal(accounts[0].id, acme.id);
});

test('a polymorphic relationship reads the parent of whichever object the Id names (Relationship Queries › polymorphic fields)', () => {
    const { org, acme, smith } = seed();
    org.insert('Task', { Subject: 'Call', WhatId: acme.id });
    org.insert('Task', { Subject: 'Email', WhatId: smith.id });
    const rows = executeSoql('SELECT Subject, What.Name FROM Task ORDER BY Subject', org.ctx()) as SObject[];
    assert.deepEqual(
        rows.map((r) => [r.get('Subject'), r.getSObject('What')?.type, r.getSObject('What')?.id]),
        [
            ['Call', 'Account', acme.id],
            ['Email', 'Contact', smith.id]
        ]
    );
    assert.equal(rows[0].getSObject('What')?.get('Name'), 'Acme');
});

test('WHERE Id = … reads the record by Id; the result is the same as a scan (SOQL and SOSL Reference › Condition Expression Syntax)', () => {
    const { org, jones } = seed();
    assert.deepEqual(
        names(
            executeSoql(
                "SELECT LastName FROM Contact WHERE Id = :id AND LastName = 'JONES'",
                org.ctx({}, { id: jones.id })
            ),
            'LastName'
        ),
        ['jones']
    );
    assert.deepEqual(
        names(
            executeSoql(
                "SELECT LastName FROM Contact WHERE Id = :id AND LastName = 'x'",
                org.ctx({}, { id: jones.id })
            ),
            'LastName'
        ),
        []
    );
    assert.deepEqual(
        names(
            executeSoql(
                "SELECT LastName FROM Contact WHERE Id = :id OR LastName = 'Brown'",
                org.ctx({}, { id: jones.id })
            ),
            'LastName'
        ),
        ['jones', 'Brown']
    );
});

test('LIKE treats other characters literally, punctuation included (Comparison Operators, LIKE)', () => {
    const { org } = seed();
    org.insert('Account', { Name: 'bulk-1 (a.b)' });
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Name LIKE 'bulk-%(a.b)'", org.ctx())), [
        'bulk-1 (a.b)'
    ]);
    assert.deepEqual(names(executeSoql("SELECT Name FROM Account WHERE Name LIKE 'bulk-_ (a_b)'", org.ctx())), [
        'bulk-1 (a.b)'
    ]);
});
