/**
 * `PageReference`, `Page.<name>`, `ApexPages.currentPage()` (Apex Reference Guide › PageReference Class,
 * ApexPages Class; Visualforce Developer Guide › Defining Navigation Methods).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UnsupportedApexError } from '../../src/errors.ts';
import { apex } from './helpers.ts';
import { passed, result, run } from '../testing/helpers.ts';

test('new PageReference(url): getParameters holds the query, decoded (PageReference Class; Salesforce Help, Knowledge Article 000188563)', () => {
    assert.equal(
        apex(`Map<String, String> p = new PageReference('https://x.my.salesforce.com/services/oauth2/authorize?client_id=k&scope=api+refresh_token&redirect_uri=https%3A%2F%2Fx%2Fapex%2Fp').getParameters();
            return p.get('client_id') + '|' + p.get('scope') + '|' + p.get('redirect_uri') + '|' + p.size();`),
        'k|api refresh_token|https://x/apex/p|3'
    );
});

test('parameter keys are case-insensitive and keep the case first put (PageReference Class › getParameters: "Parameter keys are case-insensitive")', () => {
    assert.equal(
        apex(`PageReference r = new PageReference('/apex/p?myParamName=1');
            r.getParameters().put('MYPARAMNAME', '2');
            return r.getParameters().get('myparamname') + ' ' + new List<String>(r.getParameters().keySet())[0];`),
        '2 myParamName'
    );
});

test('getUrl gives the URL with the parameters put, encoded, and the anchor (PageReference Class › getUrl, getParameters: "This map can be modified"; Knowledge Article 000188563)', () => {
    assert.equal(
        apex(`PageReference r = new PageReference('/services/oauth2/authorize#top');
            r.getParameters().putAll(new Map<String, String>{ 'scope' => 'api refresh_token', 'state' => 'a+b' });
            return r.getUrl() + ' ' + r.getAnchor();`),
        '/services/oauth2/authorize?scope=api+refresh_token&state=a%2Bb#top top'
    );
    assert.equal(
        apex("return new PageReference('/lightning/n/Tab?outcome=authorized').getUrl();"),
        '/lightning/n/Tab?outcome=authorized'
    );
});

test('setRedirect sets the redirect attribute, false by default (PageReference Class › setRedirect, getRedirect)', () => {
    assert.equal(
        apex(`PageReference r = new PageReference('/x'); Boolean before = r.getRedirect();
            return before + ' ' + r.setRedirect(true).getRedirect();`),
        'false true'
    );
});

test('Page.name is the Visualforce page at /apex/name (Visualforce Developer Guide › Defining Navigation Methods)', () => {
    assert.equal(apex('return Page.webexsfdcauth.getUrl();'), '/apex/webexsfdcauth');
});

test('ApexPages.currentPage() is the page Test.setCurrentPage set (Apex Reference Guide › Test Class › setCurrentPage; ApexPages Class › currentPage)', () => {
    const r = run({
        'T.cls': `@IsTest private class T { @IsTest static void m() {
            PageReference p = Page.mypage; p.getParameters().put('code', 'c');
            Test.setCurrentPage(p);
            System.assertEquals('c', ApexPages.currentPage().getParameters().get('CODE'));
        } }`
    });
    assert.ok(passed(r, 'T.m'));
});

test('ApexPages.currentPage() with no page set is refused: what orgs return outside a page is not documented', () => {
    const r = run({ 'T.cls': '@IsTest private class T { @IsTest static void m() { ApexPages.currentPage(); } }' });
    assert.match(result(r, 'T.m').message ?? '', /^Unsupported: ApexPages\.currentPage/);
});

test('content, cookies and headers of a page are refused, naming the method (never a silent wrong answer)', () => {
    assert.throws(
        () => apex("return new PageReference('/apex/p').getContent();"),
        (e: unknown) => e instanceof UnsupportedApexError && /getContent/i.test(e.message)
    );
});
