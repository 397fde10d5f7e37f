/**
 * What the emulated org's own platform does for "Salesforce Authorization" and "Webex Site for
 * Webhooks", on its My Domain (the workbench server itself, `org.myDomainUrl`):
 * - the External Client App "Webex Salesforce Authorization" the administrator created (fixed key and
 *   secret, below, so a person can paste them), with its callback URLs, the scopes api and refresh_token,
 *   and PKCE required as a new External Client App has it; a story can swap in a connected app set up
 *   for an earlier version (WORKBENCH_LEGACY_CONNECTED_APP: full, no PKCE), as orgs that have one do;
 * - the OAuth server: `GET /services/oauth2/authorize` shows a consent page (Allow / Deny) to the
 *   signed-in user and redirects to the callback with a code (or `error=access_denied`, `invalid_scope`
 *   for a scope the app does not offer, `invalid_request` without the PKCE challenge the app requires);
 *   `POST /services/oauth2/token` (authorization_code, refresh_token) and `POST /services/oauth2/revoke`
 *   answer as Salesforce does (`invalid_client`, `invalid_grant`, `invalid_token`...), checking the
 *   `code_verifier` against the challenge whenever the authorization request carried one;
 * - the Metadata API, `POST /services/Soap/m/65.0`: `createMetadata` of a `CustomSite` (the site then
 *   exists: its Site, SiteDetail and guest user are records of the org, `provisionSite`) or of a `RemoteSiteSetting`, with the
 *   session checked and SOAP faults as Salesforce sends them;
 * - the REST API's StreamingChannel query, creation and push (streaming-api.ts);
 * - Remote Site Settings, which every callout of the package's Apex must pass (the My Domain one is
 *   there, as the section tells the administrator to add it);
 * The package's Visualforce pages and Apex REST run its own Apex (apex-requests.ts).
 * The package's own side (what its Apex sends) is its Apex: WebexSalesforceClient, WebexSiteService.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { XMLParser } from 'fast-xml-parser';
import { PACKAGE_NAMESPACE } from './namespace.ts';
import type { EmulatedOrg } from './org-state.ts';
import { handleRestApi } from './streaming-api.ts';
import { readBodyText as readBody } from '../lib/request-body.ts';

/** The app an org's OAuth server knows: its credentials, the scopes it offers, whether it requires PKCE. */
export interface EmulatedOAuthApp {
    name: string;
    consumerKey: string;
    consumerSecret: string;
    scopes: string[];
    pkceRequired: boolean;
}

/**
 * The External Client App the section has the administrator create (docs/salesforce-authorization.md):
 * "Manage user data via APIs (api)" and "Perform requests at any time (refresh_token, offline_access)",
 * PKCE required (the default of a new External Client App).
 */
export const WORKBENCH_EXTERNAL_CLIENT_APP: EmulatedOAuthApp = {
    name: 'Webex Salesforce Authorization',
    consumerKey: '3MVG9WorkbenchWebexSalesforceAuthorizationConsumerKey',
    consumerSecret: 'WorkbenchConsumerSecret0123456789ABCDEF',
    scopes: ['api', 'refresh_token', 'offline_access'],
    pkceRequired: true
};

/** The same app under the name the workbench first gave it (a connected app, before Spring '26). */
export const WORKBENCH_CONNECTED_APP = WORKBENCH_EXTERNAL_CLIENT_APP;

/**
 * A connected app set up with the guide of earlier versions ("Full access (full)", PKCE off), as orgs
 * upgrading from them have: it refuses `api` until the administrator adds that scope.
 */
export const WORKBENCH_LEGACY_CONNECTED_APP: EmulatedOAuthApp = {
    name: 'Webex Salesforce Authorization',
    consumerKey: '3MVG9WorkbenchLegacyConnectedAppConsumerKey',
    consumerSecret: '1234567890123456789',
    scopes: ['full', 'refresh_token', 'offline_access'],
    pkceRequired: false
};

/** The site the package's Create Site makes (WebexSiteSelector.SITE_NAME). */
export const WEBHOOK_SITE_NAME = 'Webex_Webhooks';

const CODE_LIFETIME_MS = 15 * 60 * 1000;
const ACCESS_TOKEN_LIFETIME_MS = 2 * 60 * 60 * 1000;
const METADATA_PATH = /^\/services\/Soap\/m\/\d+\.\d+$/;

interface IssuedCode {
    clientId: string;
    redirectUri: string;
    userId: string;
    scopes: string[];
    /** The PKCE `code_challenge` of the authorization request (S256), if it carried one. */
    codeChallenge: string | null;
    expiresAt: number;
    used: boolean;
}

/** The webhook site, as `createMetadata` made it. */
export interface EmulatedSite {
    fullName: string;
    masterLabel: string;
    guestUserId: string;
    /** The CustomSite as the package sent it (field → value), for tests to read. */
    metadata: Record<string, string>;
}

/** The platform's state in one org; `reset()` brings it back to a fresh org with the connected app. */
export class SalesforcePlatform {
    /** The app the administrator set up: the External Client App, or a story's WORKBENCH_LEGACY_CONNECTED_APP. */
    connectedApp: EmulatedOAuthApp & { callbackUrls: string[] } = {
        ...WORKBENCH_EXTERNAL_CLIENT_APP,
        callbackUrls: []
    };
    readonly codes = new Map<string, IssuedCode>();
    readonly refreshTokens = new Map<string, { clientId: string; userId: string }>();
    readonly accessTokens = new Map<string, { userId: string; expiresAt: number }>();
    /** Whether Remote Site Settings allow the My Domain (the section's step 2). */
    myDomainRemoteSite = true;
    /** Other Remote Site Settings, by origin (`createMetadata` adds the site's). */
    readonly remoteSites = new Map<string, string>();
    /** The webhook site once created through the Metadata API, or null. */
    site: EmulatedSite | null = null;
    /** The next Metadata API call answers this SOAP fault (`faultcode`, `faultstring`), once. */
    metadataFault: { faultcode: string; faultstring: string } | null = null;
    /** Every request the platform received, for tests (`POST /services/oauth2/token`...). */
    readonly requests: Array<{ method: string; path: string; form?: Record<string, string> }> = [];

    reset(): void {
        this.connectedApp = { ...WORKBENCH_EXTERNAL_CLIENT_APP, callbackUrls: [] };
        this.codes.clear();
        this.refreshTokens.clear();
        this.accessTokens.clear();
        this.myDomainRemoteSite = true;
        this.remoteSites.clear();
        this.site = null;
        this.metadataFault = null;
        this.requests.length = 0;
    }

    /** The callback URLs of the connected app: both pages on this org's My Domain, as the guide lists them. */
    callbackUrls(org: EmulatedOrg): string[] {
        return this.connectedApp.callbackUrls.length
            ? this.connectedApp.callbackUrls
            : [`${org.myDomainUrl}/apex/webexsfdcauth`, `${org.myDomainUrl}/apex/${PACKAGE_NAMESPACE}__webexsfdcauth`];
    }

    /** Whether Remote Site Settings let Apex call this URL. */
    allowsCallout(org: EmulatedOrg, url: string): boolean {
        const origin = new URL(url).origin;
        if (origin === new URL(org.myDomainUrl).origin) return this.myDomainRemoteSite;
        return this.remoteSites.has(origin);
    }
}

function send(res: ServerResponse, status: number, type: string, body: string, headers = {}): void {
    res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...headers });
    res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
    send(res, status, 'application/json;charset=UTF-8', JSON.stringify(body));
}

function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function token(prefix: string): string {
    return `${prefix}!${randomBytes(24).toString('base64url')}`;
}

/** The consent page Salesforce shows: who is asking, for what, as whom; Allow or Deny. */
function consentPage(org: EmulatedOrg, query: URLSearchParams): string {
    const fr = org.user.language === 'fr';
    const t = (en: string, french: string): string => escapeHtml(fr ? french : en);
    const hidden = [...query.entries()]
        .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}" />`)
        .join('');
    const scopes = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
    return `<!doctype html>
<html lang="${fr ? 'fr' : 'en'}"><head><meta charset="utf-8" /><title>${t('Allow Access?', "Autoriser l'accès ?")}</title>
<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css" /></head>
<body class="slds-scope"><main class="slds-p-around_large" style="max-width:32rem;margin:2rem auto">
<div class="slds-card slds-p-around_medium">
<h1 class="slds-text-heading_medium slds-m-bottom_small">${t('Allow Access?', "Autoriser l'accès ?")}</h1>
<p class="slds-m-bottom_small">${t(
        `${WORKBENCH_EXTERNAL_CLIENT_APP.name} is asking to access your Salesforce data as ${org.user.name}:`,
        `${WORKBENCH_EXTERNAL_CLIENT_APP.name} demande à accéder à vos données Salesforce en tant que ${org.user.name} :`
    )}</p>
<ul class="slds-list_dotted slds-m-bottom_medium">${scopes.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>
<form method="post" action="/services/oauth2/authorize">${hidden}
<button class="slds-button slds-button_neutral" name="decision" value="deny">${t('Deny', 'Refuser')}</button>
<button class="slds-button slds-button_brand" name="decision" value="allow">${t('Allow', 'Autoriser')}</button>
</form></div></main></body></html>`;
}

/** Salesforce's own error page, for an authorization request it cannot redirect (unknown app, wrong callback). */
function errorPage(error: string, description: string): string {
    return `<!doctype html><html lang="en"><head><meta charset="utf-8" /><title>error</title></head>
<body><main><h1>error=${escapeHtml(error)}</h1><p>error_description=${escapeHtml(description)}</p></main></body></html>`;
}

function redirect(res: ServerResponse, location: string): void {
    send(res, 302, 'text/plain', '', { location });
}

function handleAuthorize(org: EmulatedOrg, platform: SalesforcePlatform, query: URLSearchParams, res: ServerResponse) {
    const app = platform.connectedApp;
    if (query.get('client_id') !== app.consumerKey)
        return send(res, 400, 'text/html; charset=utf-8', errorPage('invalid_client_id', 'client identifier invalid'));
    const redirectUri = query.get('redirect_uri') ?? '';
    if (!platform.callbackUrls(org).includes(redirectUri))
        return send(
            res,
            400,
            'text/html; charset=utf-8',
            errorPage('redirect_uri_mismatch', 'redirect_uri must match configuration')
        );
    const back = new URL(redirectUri);
    const state = query.get('state');
    if (state !== null) back.searchParams.set('state', state);
    if (query.get('response_type') !== 'code') {
        back.searchParams.set('error', 'unsupported_response_type');
        return redirect(res, back.toString());
    }
    const scopes = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (scopes.some((scope) => !app.scopes.includes(scope))) {
        back.searchParams.set('error', 'invalid_scope');
        back.searchParams.set('error_description', 'the requested scope is not allowed');
        return redirect(res, back.toString());
    }
    const codeChallenge = query.get('code_challenge') || null;
    const challengeMethod = query.get('code_challenge_method');
    if ((app.pkceRequired && !codeChallenge) || (codeChallenge && challengeMethod && challengeMethod !== 'S256')) {
        back.searchParams.set('error', 'invalid_request');
        back.searchParams.set('error_description', 'missing required code challenge');
        return redirect(res, back.toString());
    }
    const decision = query.get('decision');
    if (!decision) return send(res, 200, 'text/html; charset=utf-8', consentPage(org, query));
    if (decision !== 'allow') {
        back.searchParams.set('error', 'access_denied');
        back.searchParams.set('error_description', 'end-user denied authorization');
        return redirect(res, back.toString());
    }
    const code = `aPrx${randomBytes(24).toString('base64url')}`;
    platform.codes.set(code, {
        clientId: app.consumerKey,
        redirectUri,
        userId: org.user.id,
        scopes,
        codeChallenge,
        expiresAt: Date.now() + CODE_LIFETIME_MS,
        used: false
    });
    back.searchParams.set('code', code);
    return redirect(res, back.toString());
}

function tokenAnswer(org: EmulatedOrg, platform: SalesforcePlatform, userId: string, scopes: string[]) {
    const accessToken = token(org.orgId.slice(0, 15));
    platform.accessTokens.set(accessToken, { userId, expiresAt: Date.now() + ACCESS_TOKEN_LIFETIME_MS });
    return {
        access_token: accessToken,
        signature: randomBytes(32).toString('base64'),
        scope: scopes.join(' '),
        instance_url: org.myDomainUrl,
        id: `${org.myDomainUrl}/id/${org.orgId}/${userId}`,
        token_type: 'Bearer',
        issued_at: String(Date.now())
    };
}

function handleToken(org: EmulatedOrg, platform: SalesforcePlatform, form: URLSearchParams, res: ServerResponse) {
    const app = platform.connectedApp;
    if (form.get('client_id') !== app.consumerKey)
        return json(res, 400, { error: 'invalid_client_id', error_description: 'client identifier invalid' });
    if (form.get('client_secret') !== app.consumerSecret)
        return json(res, 400, { error: 'invalid_client', error_description: 'invalid client credentials' });
    const grantType = form.get('grant_type');
    if (grantType === 'authorization_code') {
        const issued = platform.codes.get(form.get('code') ?? '');
        if (!issued || issued.used || issued.expiresAt < Date.now() || issued.clientId !== app.consumerKey)
            return json(res, 400, { error: 'invalid_grant', error_description: 'expired authorization code' });
        issued.used = true;
        if (issued.redirectUri !== form.get('redirect_uri'))
            return json(res, 400, {
                error: 'invalid_grant',
                error_description: 'redirect_uri must match configuration'
            });
        // Salesforce Help, "OAuth 2.0 Web Server Flow for Web App Integration": a challenge without a
        // verifier is invalid_grant, a verifier that does not match it invalid_request.
        const verifier = form.get('code_verifier');
        if (issued.codeChallenge && !verifier)
            return json(res, 400, { error: 'invalid_grant', error_description: 'invalid code verifier' });
        if (
            issued.codeChallenge &&
            createHash('sha256').update(String(verifier)).digest('base64url') !== issued.codeChallenge
        )
            return json(res, 400, { error: 'invalid_request', error_description: 'invalid code verifier' });
        const answer: Record<string, string> = tokenAnswer(org, platform, issued.userId, issued.scopes);
        if (issued.scopes.includes('refresh_token')) {
            answer.refresh_token = token('5Aep861');
            platform.refreshTokens.set(answer.refresh_token, { clientId: app.consumerKey, userId: issued.userId });
        }
        return json(res, 200, answer);
    }
    if (grantType === 'refresh_token') {
        const granted = platform.refreshTokens.get(form.get('refresh_token') ?? '');
        if (!granted || granted.clientId !== app.consumerKey)
            return json(res, 400, { error: 'invalid_grant', error_description: 'expired access/refresh token' });
        return json(res, 200, tokenAnswer(org, platform, granted.userId, app.scopes));
    }
    return json(res, 400, { error: 'unsupported_grant_type', error_description: 'grant type not supported' });
}

function handleRevoke(platform: SalesforcePlatform, form: URLSearchParams, res: ServerResponse) {
    const revoked = form.get('token') ?? '';
    if (platform.refreshTokens.delete(revoked) || platform.accessTokens.delete(revoked))
        return send(res, 200, 'text/plain', '');
    return json(res, 400, { error: 'invalid_token', error_description: 'invalid token' });
}

const soapParser = new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    parseTagValue: false
});

function soapEnvelope(body: string): string {
    return `<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="http://soap.sforce.com/2006/04/metadata"><soapenv:Body>${body}</soapenv:Body></soapenv:Envelope>`;
}

function soapFault(res: ServerResponse, faultcode: string, faultstring: string): void {
    send(
        res,
        500,
        'text/xml;charset=UTF-8',
        soapEnvelope(
            `<soapenv:Fault><faultcode>sf:${escapeHtml(faultcode)}</faultcode><faultstring>${escapeHtml(faultstring)}</faultstring></soapenv:Fault>`
        )
    );
}

function saveResult(fullName: string, error?: { statusCode: string; message: string }): string {
    const errors = error
        ? `<errors><message>${escapeHtml(error.message)}</message><statusCode>${error.statusCode}</statusCode></errors>`
        : '';
    return `<result>${errors}<fullName>${escapeHtml(fullName)}</fullName><success>${error ? 'false' : 'true'}</success></result>`;
}

/**
 * What creating a site leaves in the org: the Site (its guest user, with the site's own guest profile) and its
 * SiteDetail, whose secure URL is the workbench server itself so the Webex emulator can deliver there. The server
 * listens on 127.0.0.1: the URL names it rather than `localhost` (which may resolve to ::1). Returns the guest
 * user's Id.
 */
export function provisionSite(org: EmulatedOrg, name: string, label: string, active: boolean): string {
    const profileId = org.records.insert('Profile', { Name: `${label} Profile`, UserType: 'Guest' });
    const guestUserId = org.records.insert('User', {
        FirstName: label,
        LastName: 'Site Guest User',
        Username: `${name.toLowerCase()}@${org.orgId.toLowerCase()}.force.com`,
        Email: `${name.toLowerCase()}@example.invalid`,
        ProfileId: profileId,
        LanguageLocaleKey: 'en_US',
        IsActive: true
    });
    const siteId = org.records.insert('Site', {
        Name: name,
        MasterLabel: label,
        Status: active ? 'Active' : 'Inactive',
        SiteType: 'Visualforce',
        UrlPathPrefix: null,
        GuestUserId: guestUserId
    });
    org.records.insert('SiteDetail', {
        DurableId: siteId,
        SecureUrl: org.myDomainUrl.replace('//localhost:', '//127.0.0.1:'),
        IsRegistrationEnabled: false
    });
    return guestUserId;
}

/** The package's webhook site when it exists and is active: its secure URL and guest user; else null. */
export function activeWebhookSite(org: EmulatedOrg): { secureUrl: string; guestUserId: string } | null {
    const site = org.records.list('Site').find((s) => s.Name === WEBHOOK_SITE_NAME && s.Status === 'Active');
    if (!site) return null;
    const detail = org.records.list('SiteDetail').find((d) => d.DurableId === site.Id);
    return detail ? { secureUrl: String(detail.SecureUrl), guestUserId: String(site.GuestUserId) } : null;
}

const REQUIRED_SITE_FIELDS = ['active', 'indexPage', 'masterLabel', 'siteType', 'siteAdmin'];

/** One `createMetadata` record: a CustomSite (the webhook site) or a RemoteSiteSetting. */
function createOne(org: EmulatedOrg, platform: SalesforcePlatform, record: Record<string, unknown>): string {
    const fields = Object.fromEntries(
        Object.entries(record)
            .filter(([name]) => !name.startsWith('@_'))
            .map(([name, value]) => [name, String(value)])
    );
    const type = String(record['@_type'] ?? '').replace(/^.*:/, '');
    const fullName = fields.fullName ?? '';
    if (type === 'CustomSite') {
        if (platform.site || org.records.list('Site').some((site) => site.Name === fullName))
            return saveResult(fullName, {
                statusCode: 'DUPLICATE_DEVELOPER_NAME',
                message: 'This site name is already in use'
            });
        const missing = REQUIRED_SITE_FIELDS.filter((name) => !fields[name]);
        if (missing.length)
            return saveResult(fullName, {
                statusCode: 'REQUIRED_FIELD_MISSING',
                message: `Required fields are missing: [${missing.join(', ')}]`
            });
        const guestUserId = provisionSite(org, fullName, fields.masterLabel, fields.active === 'true');
        platform.site = { fullName, masterLabel: fields.masterLabel, guestUserId, metadata: fields };
        return saveResult(fullName);
    }
    if (type === 'RemoteSiteSetting') {
        const origin = new URL(fields.url).origin;
        if ([...platform.remoteSites.values()].includes(fullName))
            return saveResult(fullName, {
                statusCode: 'DUPLICATE_DEVELOPER_NAME',
                message: 'This name is already in use'
            });
        platform.remoteSites.set(origin, fullName);
        return saveResult(fullName);
    }
    return saveResult(fullName, { statusCode: 'INVALID_TYPE', message: `Cannot create a ${type} in the workbench` });
}

function handleMetadata(org: EmulatedOrg, platform: SalesforcePlatform, xml: string, res: ServerResponse): void {
    const envelope = (soapParser.parse(xml) as { Envelope?: Record<string, Record<string, unknown>> }).Envelope;
    const sessionId = String((envelope?.Header?.SessionHeader as { sessionId?: string } | undefined)?.sessionId ?? '');
    const session = platform.accessTokens.get(sessionId);
    if (!session || session.expiresAt < Date.now())
        return soapFault(
            res,
            'INVALID_SESSION_ID',
            'INVALID_SESSION_ID: Invalid Session ID found in SessionHeader: Illegal Session'
        );
    if (platform.metadataFault) {
        const fault = platform.metadataFault;
        platform.metadataFault = null;
        return soapFault(res, fault.faultcode, fault.faultstring);
    }
    const user = org.records.get(session.userId);
    if (org.records.get(String(user?.ProfileId))?.Name !== 'System Administrator')
        return soapFault(
            res,
            'INSUFFICIENT_ACCESS',
            'INSUFFICIENT_ACCESS: use of the Metadata API requires a user with the ModifyAllData or ModifyMetadata permissions'
        );
    const create = envelope?.Body?.createMetadata as { metadata?: unknown } | undefined;
    if (!create)
        return soapFault(res, 'INVALID_OPERATION', 'INVALID_OPERATION: the workbench emulates createMetadata only');
    const records = (Array.isArray(create.metadata) ? create.metadata : [create.metadata]) as Array<
        Record<string, unknown>
    >;
    const results = records.map((record) => createOne(org, platform, record ?? {})).join('');
    send(
        res,
        200,
        'text/xml;charset=UTF-8',
        soapEnvelope(`<createMetadataResponse>${results}</createMetadataResponse>`)
    );
}

/**
 * Handles the My Domain's `/services/oauth2/*`, `/services/Soap/m/*` and `/services/data/*`; returns
 * false for any other path. Full-page requests carry no workbench headers: they act as the org's
 * signed-in user, as a browser session would.
 */
export function createSalesforcePlatformHandler(
    org: EmulatedOrg
): (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean> {
    return async (req, res, url) => {
        const platform = org.salesforce;
        const path = url.pathname;
        if (await handleRestApi(org, req, res, url)) return true;
        const isOAuth = path.startsWith('/services/oauth2/');
        if (!isOAuth && !METADATA_PATH.test(path)) return false;
        const body = req.method === 'POST' ? await readBody(req) : '';
        const form = new URLSearchParams(body);
        platform.requests.push({
            method: req.method ?? 'GET',
            path,
            ...(isOAuth ? { form: Object.fromEntries(form) } : {})
        });
        if (path === '/services/oauth2/authorize') {
            handleAuthorize(org, platform, req.method === 'POST' ? form : url.searchParams, res);
        } else if (path === '/services/oauth2/token' && req.method === 'POST') {
            handleToken(org, platform, form, res);
        } else if (path === '/services/oauth2/revoke' && req.method === 'POST') {
            handleRevoke(platform, form, res);
        } else if (METADATA_PATH.test(path) && req.method === 'POST') {
            handleMetadata(org, platform, body, res);
        } else {
            json(res, 404, { error: 'not_found', error_description: `${req.method} ${path}` });
        }
        return true;
    };
}
