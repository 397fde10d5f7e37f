/**
 * The jsforce adapter against a loopback stand-in for an org (no network): the query goes to the REST
 * API with the CLI's session, and the External Client App's consumer key is read back with the
 * Metadata API's SOAP `readMetadata`.
 */
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
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
                    SOAP_ENVELOPE(
                        '<readMetadataResponse><result><records xsi:type="ExtlClntAppGlobalOauthSettings">' +
                            '<fullName>Webex_Salesforce_Authorization_glbloauth</fullName>' +
                            '<callbackUrl>https://acme.my.salesforce.com/apex/webexsfdcauth</callbackUrl>' +
                            '<consumerKey>3MVG9KEY</consumerKey>' +
                            '<externalClientApplication>Webex_Salesforce_Authorization</externalClientApplication>' +
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
            apiVersion: '65.0',
            isScratch: true
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

    it('reads the consumer key back from the global OAuth settings', async () => {
        const settings = (await connection.metadata.read(
            'ExtlClntAppGlobalOauthSettings',
            'Webex_Salesforce_Authorization_glbloauth'
        )) as { consumerKey?: string };
        assert.equal(settings.consumerKey, '3MVG9KEY');
        const request = seen.at(-1)?.body ?? '';
        assert.match(
            request,
            /<readMetadata><type>ExtlClntAppGlobalOauthSettings<\/type><fullNames>Webex_Salesforce_Authorization_glbloauth<\/fullNames>/
        );
        assert.ok(request.includes('<sessionId>session-token</sessionId>'));
    });
});
