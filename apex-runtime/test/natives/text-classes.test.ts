import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apex, apexWith } from './helpers.ts';

test('Pattern.compile, matcher, matches and group (Apex Reference Guide › Pattern Class, Matcher Class)', () => {
    assert.equal(
        apex(
            `Matcher m = Pattern.compile('(\\\\d+)-(\\\\d+)').matcher('12-34'); return m.matches() + '|' + m.group(2) + '|' + m.groupCount();`
        ),
        'true|34|2'
    );
});

test('Matcher.find walks successive matches with start and end (Apex Reference Guide › Matcher Class › find, start, end)', () => {
    assert.equal(
        apex(
            `Matcher m = Pattern.compile('a+').matcher('baaca'); String s = ''; while (m.find()) { s += m.start() + '-' + m.end() + ';'; } return s;`
        ),
        '1-3;4-5;'
    );
});

test('Pattern.matches(regex, input) matches the whole input (Apex Reference Guide › Pattern Class › matches)', () => {
    assert.equal(apex(`return Pattern.matches('[a-z]+', 'abc') && !Pattern.matches('[a-z]+', 'abc1');`), true);
});

test('Blob.valueOf and toString round-trip UTF-8; size counts bytes (Apex Reference Guide › Blob Class)', () => {
    assert.equal(apex(`Blob b = Blob.valueOf('é'); return b.size() + '|' + b.toString();`), '2|é');
});

test('EncodingUtil.convertToHex of a SHA-256 digest (Apex Reference Guide › EncodingUtil Class › convertToHex; Crypto Class › generateDigest)', () => {
    assert.equal(
        apex(`return EncodingUtil.convertToHex(Crypto.generateDigest('SHA-256', Blob.valueOf('abc')));`),
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    );
});

test('Crypto.generateMac hmacSHA256 (Apex Reference Guide › Crypto Class › generateMac)', () => {
    assert.equal(
        apex(
            `return EncodingUtil.base64Encode(Crypto.generateMac('hmacSHA256', Blob.valueOf('data'), Blob.valueOf('key')));`
        ),
        'UDH+PZicbRU3oBP6bnOdojRj/a7DtwE32Cjjas4iG9A='
    );
});

test('Crypto.generateAesKey(256) gives 32 random bytes (Apex Reference Guide › Crypto Class › generateAesKey)', () => {
    assert.equal(apex(`return EncodingUtil.convertToHex(Crypto.generateAesKey(256)).length();`), 64);
});

test('EncodingUtil.urlEncode and urlDecode as application/x-www-form-urlencoded (Apex Reference Guide › EncodingUtil Class › urlEncode)', () => {
    assert.equal(
        apex(
            `String e = EncodingUtil.urlEncode('a b&c', 'UTF-8'); return e + '|' + EncodingUtil.urlDecode(e, 'UTF-8');`
        ),
        'a+b%26c|a b&c'
    );
});

test('new Url(String): protocol, host, port -1 when absent, path, query (Apex Reference Guide › URL Class)', () => {
    assert.equal(
        apex(
            `Url u = new Url('https://acme.my.salesforce.com/services/oauth2/token?x=1'); return u.getProtocol() + '|' + u.getHost() + '|' + u.getPort() + '|' + u.getPath() + '|' + u.getQuery();`
        ),
        'https|acme.my.salesforce.com|-1|/services/oauth2/token|x=1'
    );
    assert.equal(apex(`return new Url('http://localhost:8080/a').getPort();`), 8080);
});

test('URL.getOrgDomainUrl is the org My Domain (Apex Reference Guide › URL Class › getOrgDomainUrl)', () => {
    assert.equal(
        apexWith(`return URL.getOrgDomainUrl().toExternalForm();`, { orgDomain: 'https://acme.my.salesforce.com' }),
        'https://acme.my.salesforce.com'
    );
});

test('A URL without a protocol is refused (the exception Apex raises is not documented)', () => {
    assert.throws(() => apex(`return new Url('not a url');`), /Unsupported: new Url of a malformed URL/);
});

test('Id.valueOf makes a 15-character Id 18 characters (Apex Reference Guide › ID Class › valueOf)', () => {
    assert.equal(apex(`return Id.valueOf('001000000000001');`), '001000000000001AAA');
});

test('Id.valueOf of invalid text throws StringException (Apex Reference Guide › ID Class › valueOf)', () => {
    assert.equal(
        apex(`try { Id.valueOf('nope'); return 'no'; } catch (StringException e) { return e.getMessage(); }`),
        'Invalid id: nope'
    );
});

test('Id.getSObjectType needs the schema and data layer, else is refused (Apex Reference Guide › ID Class › getSObjectType)', () => {
    assert.throws(
        () => apex(`Id i = Id.valueOf('001000000000001'); return i.getSObjectType();`),
        /Unsupported: Id.getSObjectType/
    );
});
