/**
 * `RestContext`, `RestRequest`, `RestResponse` (Apex Reference Guide › RestContext Class, RestRequest Class,
 * RestResponse Class): properties read and written with `.name`, per-transaction context.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UnsupportedApexError } from '../../src/errors.ts';
import { createRuntime } from '../../src/interpreter/runtime.ts';
import { apex } from './helpers.ts';

test('RestRequest properties are read and written; addHeader and addParameter fill headers and params (Apex Reference Guide › RestRequest Class)', () => {
    assert.equal(
        apex(`RestRequest r = new RestRequest();
            r.httpMethod = 'POST';
            r.requestURI = '/services/apexrest/x';
            r.resourcePath = '/x';
            r.remoteAddress = '10.0.0.1';
            r.requestBody = Blob.valueOf('{}');
            r.addHeader('X-Spark-Signature', 'abc');
            r.addParameter('q', '1');
            return r.httpMethod + ' ' + r.requestURI + ' ' + r.resourcePath + ' ' + r.remoteAddress + ' '
                + r.requestBody.toString() + ' ' + r.headers.get('X-Spark-Signature') + ' ' + r.params.get('q');`),
        'POST /services/apexrest/x /x 10.0.0.1 {} abc 1'
    );
});

test('header names keep their case: headers is a Map<String, String> (Apex Reference Guide › RestRequest Class › headers; Map keys are case-sensitive)', () => {
    assert.equal(
        apex(`RestRequest r = new RestRequest(); r.addHeader('Content-Type', 'application/json');
            return r.headers.keySet().contains('Content-Type') && !r.headers.containsKey('content-type');`),
        true
    );
});

test('RestResponse statusCode, responseBody and headers (Apex Reference Guide › RestResponse Class)', () => {
    assert.equal(
        apex(`RestResponse r = new RestResponse();
            r.statusCode = 401;
            r.responseBody = Blob.valueOf('{"status":"unauthorized"}');
            r.addHeader('Content-Type', 'application/json');
            return r.statusCode + ' ' + r.responseBody.toString() + ' ' + r.headers.get('Content-Type');`),
        '401 {"status":"unauthorized"} application/json'
    );
});

test('an unset property is null, as any Apex variable not assigned (Apex Developer Guide › Variables; RestResponse Class)', () => {
    assert.equal(
        apex('RestResponse r = new RestResponse(); return r.statusCode == null && r.responseBody == null;'),
        true
    );
});

test('RestContext.request and response hold what was set, null before (Apex Reference Guide › RestContext Class)', () => {
    assert.equal(
        apex(`Boolean before = RestContext.request == null && RestContext.response == null;
            RestContext.request = new RestRequest();
            RestContext.request.httpMethod = 'GET';
            RestContext.response = new RestResponse();
            RestContext.response.statusCode = 200;
            return before && RestContext.request.httpMethod == 'GET' && RestContext.response.statusCode == 200;`),
        true
    );
});

test('RestContext is per transaction, like a static variable (Apex Developer Guide › Static and Instance Methods, Variables)', () => {
    const rt = createRuntime({
        sources: [
            {
                file: 'T.cls',
                text: `public class T {
                    public static void put() { RestContext.request = new RestRequest(); }
                    public static Boolean isSet() { return RestContext.request != null; }
                }`
            }
        ]
    });
    rt.beginTransaction();
    rt.invokeStatic('T', 'put');
    assert.equal(rt.invokeStatic('T', 'isSet'), true);
    rt.beginTransaction();
    assert.equal(rt.invokeStatic('T', 'isSet'), false);
});

test('a String assigned to the Blob requestBody is refused, as the compiler would (Apex Reference Guide › RestRequest Class › requestBody: Blob)', () => {
    assert.throws(
        () => apex("RestRequest r = new RestRequest(); r.requestBody = 'x'; return null;"),
        (e: unknown) => e instanceof UnsupportedApexError && /requestBody/.test(e.message)
    );
});

test('assigning a member RestRequest does not have is refused, naming it (never a silent wrong answer)', () => {
    assert.throws(
        () => apex("RestRequest r = new RestRequest(); r.body = 'x'; return null;"),
        (e: unknown) => e instanceof UnsupportedApexError && /body/.test(e.message)
    );
});
