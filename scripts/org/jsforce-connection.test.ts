/**
 * The jsforce adapter against a loopback stand-in for an org (no network): the query goes to the REST
 * API with the CLI's session, the connected app reaches the Metadata API's SOAP `upsertMetadata`
 * with its elements in WSDL order, and the consumer key is read back with `readMetadata`.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { connectedAppMetadata } from './plan.ts';
import { connectWithJsforce } from './real-deps.ts';
import type { OrgConnection } from './types.ts';

const SOAP_ENVELOPE = (body: string): string =>
    '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
    'xmlns="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;

interface Seen {
    method: string;
    url: string;
    authorization?: string;
    body: string;
}

describe('jsforce connection', () => {
    let server: Server;
    let connection: OrgConnection;
    const seen: Seen[] = [];
    let upsertAnswer = '';

    before(async () => {
        // jsforce sends everything through a proxy named in the environment (it ignores NO_PROXY):
        // this file runs in its own process, so drop them to reach the loopback stand-in.
        for (const name of ['https_proxy', 'http_proxy', 'HTTPS_PROXY', 'HTTP_PROXY']) delete process.env[name];
        server = createServer((req, res) => {
            let body = '';
            req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
            req.on('end', () => {
                seen.push({
                    method: req.method ?? '',
                    url: req.url ?? '',
                    authorization: req.headers.authorization,
                    body
                });
                if (req.url?.startsWith('/services/data/')) {
                    res.setHeader('content-type', 'application/json');
                    res.end(
                        JSON.stringify({
                            totalSize: 1,
                            done: true,
                            records: [{ Id: '005AB', Email: 'dev@example.com' }]
                        })
                    );
                    return;
                }
                res.setHeader('content-type', 'text/xml');
                res.end(
                    body.includes('<upsertMetadata>')
                        ? SOAP_ENVELOPE(upsertAnswer)
                        : SOAP_ENVELOPE(
                              '<readMetadataResponse><result><records xsi:type="ConnectedApp">' +
                                  '<fullName>Webex_Salesforce_Authorization</fullName><label>Webex Salesforce Authorization</label>' +
                                  '<oauthConfig><consumerKey>3MVG9KEY</consumerKey><scopes>Full</scopes></oauthConfig>' +
                                  '</records></result></readMetadataResponse>'
                          )
                );
            });
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        const address = server.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        connection = await connectWithJsforce({
            alias: 'webex-dev',
            username: 'admin@example.com',
            orgId: '00DAB0000000001',
            instanceUrl: `http://127.0.0.1:${port}`,
            accessToken: 'session-token',
            apiVersion: '65.0'
        });
    });

    after(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('queries through the REST API with the session', async () => {
        const result = await connection.query<{ Id: string; Email: string }>(
            "SELECT Id, Email FROM User WHERE Username = 'admin@example.com' LIMIT 1"
        );
        assert.equal(result.records[0].Email, 'dev@example.com');
        const request = seen.at(-1);
        assert.equal(request?.authorization, 'Bearer session-token');
        assert.match(request?.url ?? '', /^\/services\/data\/v65\.0\/query\?q=SELECT/);
    });

    it('upserts the connected app in WSDL order and reads a created result', async () => {
        upsertAnswer =
            '<upsertMetadataResponse><result><created>true</created><fullName>Webex_Salesforce_Authorization</fullName>' +
            '<success>true</success></result></upsertMetadataResponse>';
        const metadata = connectedAppMetadata({
            myDomain: 'https://acme.my.salesforce.com',
            namespace: 'cisco_webex',
            contactEmail: 'dev@example.com'
        });
        const result = await connection.metadata.upsert('ConnectedApp', metadata);
        assert.equal(result.success, true);
        assert.equal(result.created, true);

        const body = seen.at(-1)?.body ?? '';
        assert.ok(
            body.includes('<metadata xsi:type="ConnectedApp"><fullName>Webex_Salesforce_Authorization</fullName>')
        );
        const order = [
            ...body.matchAll(
                /<(contactEmail|description|label|oauthConfig|oauthPolicy|callbackUrl|isPkceRequired|scopes)>/g
            )
        ].map((m) => m[1]);
        assert.deepEqual(order, [
            'contactEmail',
            'description',
            'label',
            'oauthConfig',
            'callbackUrl',
            'isPkceRequired',
            'scopes',
            'scopes',
            'scopes',
            'oauthPolicy'
        ]);
        assert.ok(
            body.includes(
                '<callbackUrl>https://acme.my.salesforce.com/apex/webexsfdcauth\nhttps://acme.my.salesforce.com/apex/cisco_webex__webexsfdcauth</callbackUrl>'
            )
        );
        assert.ok(body.includes('<isPkceRequired>false</isPkceRequired>'));
        assert.ok(body.includes('<sessionId>session-token</sessionId>'));
    });

    it('answers a refused upsert with its errors', async () => {
        upsertAnswer =
            '<upsertMetadataResponse><result><created>false</created><errors><message>You cannot create a connected app.</message>' +
            '<statusCode>FIELD_INTEGRITY_EXCEPTION</statusCode></errors><fullName>Webex_Salesforce_Authorization</fullName>' +
            '<success>false</success></result></upsertMetadataResponse>';
        const result = await connection.metadata.upsert('ConnectedApp', { fullName: 'Webex_Salesforce_Authorization' });
        assert.equal(result.success, false);
        const errors = [result.errors].flat();
        assert.equal(errors[0]?.message, 'You cannot create a connected app.');
    });

    it('reads the consumer key back', async () => {
        const app = (await connection.metadata.read('ConnectedApp', 'Webex_Salesforce_Authorization')) as {
            oauthConfig?: { consumerKey?: string };
        };
        assert.equal(app.oauthConfig?.consumerKey, '3MVG9KEY');
        assert.match(
            seen.at(-1)?.body ?? '',
            /<readMetadata><type>ConnectedApp<\/type><fullNames>Webex_Salesforce_Authorization<\/fullNames>/
        );
    });
});
