/**
 * `Dom.Document` and `Dom.XmlNode` (Apex Reference Guide › Document Class, XmlNode Class, XmlNodeType Enum).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UnsupportedApexError } from '../../src/errors.ts';
import { apex } from './helpers.ts';

const SOAP =
    '\'<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata">\'' +
    " + '<soapenv:Body><createMetadataResponse><result><fullName>Webex_Webhooks</fullName><success>true</success></result></createMetadataResponse></soapenv:Body></soapenv:Envelope>'";

test('load parses the text; getRootElement is the top element, null before (Apex Reference Guide › Document Class › load, getRootElement)', () => {
    assert.equal(
        apex(`Dom.Document d = new Dom.Document(); Boolean before = d.getRootElement() == null;
            d.load(${SOAP}); return before + ' ' + d.getRootElement().getName();`),
        'true Envelope'
    );
});

test('getName is the local name; getNamespace the namespace URI; getChildElement matches name and namespace (XmlNode Class)', () => {
    assert.equal(
        apex(`Dom.Document d = new Dom.Document(); d.load(${SOAP});
            Dom.XmlNode env = d.getRootElement();
            Dom.XmlNode body = env.getChildElement('Body', 'http://schemas.xmlsoap.org/soap/envelope/');
            Dom.XmlNode resp = body.getChildElements()[0];
            return env.getNamespace() + ' ' + body.getName() + ' ' + resp.getName() + ' ' + resp.getNamespace()
                + ' ' + (body.getChildElement('Body', null) == null);`),
        'http://schemas.xmlsoap.org/soap/envelope/ Body createMetadataResponse http://soap.sforce.com/2006/04/metadata true'
    );
});

test('getText of a leaf element is its text, entities and CDATA decoded (XmlNode Class › getText)', () => {
    assert.equal(
        apex(`Dom.Document d = new Dom.Document(); d.load('<a><b>x &lt; y &amp; z</b><c><![CDATA[<raw>]]></c></a>');
            List<Dom.XmlNode> kids = d.getRootElement().getChildElements();
            return kids[0].getText() + '|' + kids[1].getText();`),
        'x < y & z|<raw>'
    );
});

test('getChildren includes text and comment nodes; getChildElements only elements; getNodeType names each (XmlNode Class; XmlNodeType Enum)', () => {
    assert.equal(
        apex(`Dom.Document d = new Dom.Document(); d.load('<a>t<!--c--><b/></a>');
            List<String> out = new List<String>();
            for (Dom.XmlNode n : d.getRootElement().getChildren()) out.add(String.valueOf(n.getNodeType()));
            return String.join(out, ',') + ' ' + d.getRootElement().getChildElements().size();`),
        'TEXT,COMMENT,ELEMENT 1'
    );
});

test('attributes by name and namespace (XmlNode Class › getAttribute, getAttributeValue, getAttributeCount, getAttributeKeyAt)', () => {
    assert.equal(
        apex(`Dom.Document d = new Dom.Document(); d.load('<a xmlns:x="urn:x" k="1" x:k="2"/>');
            Dom.XmlNode a = d.getRootElement();
            return a.getAttribute('k', null) + a.getAttributeValue('k', 'urn:x') + a.getAttributeCount() + a.getAttributeKeyAt(0)
                + (a.getAttribute('missing', null) == null);`),
        '122ktrue'
    );
});

test('malformed XML throws System.XmlException, which Apex code catches (Apex Reference Guide › Exception Class: XmlException)', () => {
    for (const xml of ['<a><b></a>', '<a>', 'text', '<a/><b/>', '<a>&unknown;</a>', '<p:a/>']) {
        assert.equal(
            apex(
                `try { new Dom.Document().load('${xml}'); return 'loaded'; } catch (XmlException e) { return 'XmlException'; }`
            ),
            'XmlException',
            xml
        );
    }
});

test('nesting deeper than 50 nodes is refused (Document Class: "nested XML content that\'s up to 50 nodes deep")', () => {
    const deep = '<a>'.repeat(51) + '</a>'.repeat(51);
    assert.throws(
        () => apex(`new Dom.Document().load('${deep}'); return null;`),
        (e: unknown) => e instanceof UnsupportedApexError && /50/.test(e.message)
    );
    assert.equal(
        apex(
            `Dom.Document d = new Dom.Document(); d.load('${'<a>'.repeat(50) + '</a>'.repeat(50)}'); return d.getRootElement().getName();`
        ),
        'a'
    );
});

test('writing methods are refused, naming the method (never a silent wrong answer)', () => {
    assert.throws(
        () => apex("Dom.Document d = new Dom.Document(); d.createRootElement('a', null, null); return null;"),
        (e: unknown) => e instanceof UnsupportedApexError && /createRootElement/i.test(e.message)
    );
});
