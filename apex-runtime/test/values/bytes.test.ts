import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Blob } from '../../src/values/blob.ts';
import * as E from '../../src/values/encoding.ts';
import * as C from '../../src/values/crypto.ts';
import { ApexRuntimeSignal } from '../../src/values/signal.ts';
import { UnsupportedApexError } from '../../src/errors.ts';

test('Blob.valueOf(String) holds the UTF-8 bytes; size() counts bytes; toString() decodes (Apex Reference Guide › Blob Class)', () => {
    const b = Blob.valueOf('é!');
    assert.equal(b.size(), 3);
    assert.equal(b.toString(), 'é!');
    assert.throws(
        () => E.convertFromHex('c328ff00fe').toString(),
        (e: unknown) => e instanceof ApexRuntimeSignal && e.apexType === 'System.StringException'
    );
    assert.throws(() => Blob.toPdf(), UnsupportedApexError);
});

test('EncodingUtil.base64Encode/base64Decode round-trip (Apex Reference Guide › EncodingUtil Class › base64Encode, base64Decode)', () => {
    assert.equal(E.base64Encode(Blob.valueOf('hello')), 'aGVsbG8=');
    assert.equal(E.base64Decode('aGVsbG8=').toString(), 'hello');
});

test('EncodingUtil.convertToHex is lowercase; convertFromHex reads either case (Apex Reference Guide › EncodingUtil Class › convertToHex, convertFromHex)', () => {
    assert.equal(E.convertToHex(Blob.valueOf('AB')), '4142');
    assert.equal(E.convertFromHex('4A4b').toString(), 'JK');
    assert.throws(() => E.convertFromHex('abc'), ApexRuntimeSignal);
});

test("EncodingUtil.urlEncode(s, 'UTF-8') is form encoding: space → '+', unreserved . - * _ kept (Apex Reference Guide › EncodingUtil Class › urlEncode; java.net.URLEncoder)", () => {
    assert.equal(E.urlEncode('a b&c=d/é~', 'UTF-8'), 'a+b%26c%3Dd%2F%C3%A9%7E');
    assert.equal(E.urlEncode('x.y-z*_', 'UTF-8'), 'x.y-z*_');
    assert.equal(E.urlDecode('a+b%26c%3Dd%2F%C3%A9', 'UTF-8'), 'a b&c=d/é');
    assert.throws(() => E.urlDecode('%zz', 'UTF-8'), ApexRuntimeSignal);
    assert.throws(() => E.urlEncode('x', 'ISO-8859-1'), UnsupportedApexError);
});

test('Crypto.generateDigest SHA-256 / MD5 / SHA1 (Apex Reference Guide › Crypto Class › generateDigest)', () => {
    assert.equal(
        E.convertToHex(C.generateDigest('SHA-256', Blob.valueOf('abc'))),
        'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    );
    assert.equal(E.convertToHex(C.generateDigest('MD5', Blob.valueOf(''))), 'd41d8cd98f00b204e9800998ecf8427e');
    assert.throws(() => C.generateDigest('SHA-999', Blob.valueOf('')), ApexRuntimeSignal);
});

test("Crypto.generateMac('hmacSHA256', …) (Apex Reference Guide › Crypto Class › generateMac; RFC 4231 test case 2)", () => {
    const mac = C.generateMac('hmacSHA256', Blob.valueOf('what do ya want for nothing?'), Blob.valueOf('Jefe'));
    assert.equal(E.convertToHex(mac), '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
});

test('Crypto.generateAesKey(128|192|256) gives 16/24/32 random bytes (Apex Reference Guide › Crypto Class › generateAesKey)', () => {
    assert.equal(C.generateAesKey(128).size(), 16);
    assert.equal(C.generateAesKey(256).size(), 32);
    assert.notEqual(E.convertToHex(C.generateAesKey(128)), E.convertToHex(C.generateAesKey(128)));
    assert.throws(() => C.generateAesKey(100), ApexRuntimeSignal);
});

test('Crypto.encryptWithManagedIV prepends the IV and decryptWithManagedIV reads it (Apex Reference Guide › Crypto Class › encryptWithManagedIV)', () => {
    const key = C.generateAesKey(256);
    const cipher = C.encryptWithManagedIV('AES256', key, Blob.valueOf('secret'));
    assert.equal(cipher.size(), 32);
    assert.equal(C.decryptWithManagedIV('AES256', key, cipher).toString(), 'secret');
    assert.throws(() => C.encryptWithManagedIV('AES128', key, Blob.valueOf('x')), ApexRuntimeSignal);
});

test('Crypto.getRandomInteger / getRandomLong stay in range (Apex Reference Guide › Crypto Class › getRandomInteger, getRandomLong)', () => {
    const i = C.getRandomInteger();
    assert.ok(Number.isInteger(i) && i >= -2147483648 && i <= 2147483647);
    assert.equal(typeof C.getRandomLong(), 'bigint');
});
