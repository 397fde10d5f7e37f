/**
 * The emulated org's WebexSalesforceClient (classes/webex/WebexSalesforceClient.cls): the package's
 * callouts to the org's own My Domain (OAuth token and revocation, Metadata API, REST API) and the GET that checks
 * the webhook site, with the same rules: Remote Site Settings must allow the URL, an OAuth refusal is
 * returned, a SOAP fault and any other failure are thrown with the same messages.
 */
import { XMLParser } from 'fast-xml-parser';
import { AuraHandledError, connectionFailure } from '../apex-error.ts';
import type { EmulatedOrg } from '../org-state.ts';

/** WebexSalesforceClient.METADATA_API_VERSION. */
export const METADATA_API_VERSION = '65.0';
/** WebexSalesforceClient.REST_API_PATH. */
export const REST_API_PATH = `/services/data/v${METADATA_API_VERSION}`;

/** WebexSalesforceClient.OAuthAnswer. */
export interface OAuthAnswer {
    success: boolean;
    body: Record<string, unknown>;
    error: string | null;
    errorDescription: string | null;
}

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true });

/** `scheme://host[:port]` of a URL (WebexSalesforceClient.hostOf). */
export function hostOf(url: string): string {
    return new URL(url).origin;
}

export class SalesforceCallout {
    private readonly org: EmulatedOrg;

    constructor(org: EmulatedOrg) {
        this.org = org;
    }

    /** POST of a form to an OAuth endpoint; a refusal with an OAuth `error` is returned, not thrown. */
    async postOAuthForm(path: string, form: Record<string, string>): Promise<OAuthAnswer> {
        const base = this.org.myDomainUrl;
        const response = await this.send(`${base}${path}`, base, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            body: new URLSearchParams(form).toString()
        });
        const text = await response.text();
        let body: Record<string, unknown> = {};
        try {
            const parsed: unknown = text ? JSON.parse(text) : {};
            if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
                body = parsed as Record<string, unknown>;
        } catch {
            body = {};
        }
        if (response.ok) return { success: true, body, error: null, errorDescription: null };
        if ((response.status === 400 || response.status === 401) && typeof body.error === 'string')
            return {
                success: false,
                body,
                error: body.error,
                errorDescription: typeof body.error_description === 'string' ? body.error_description : null
            };
        throw this.unexpected(response.status);
    }

    /** One Metadata API call; returns the SOAP Body. */
    async callMetadataApi(accessToken: string, operationXml: string): Promise<Record<string, unknown>> {
        const base = this.org.myDomainUrl;
        const response = await this.send(`${base}/services/Soap/m/${METADATA_API_VERSION}`, base, {
            method: 'POST',
            headers: { 'content-type': 'text/xml; charset=UTF-8', soapaction: '""' },
            body:
                '<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" ' +
                'xmlns:met="http://soap.sforce.com/2006/04/metadata" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
                `<soapenv:Header><met:SessionHeader><met:sessionId>${escapeXml(accessToken)}</met:sessionId></met:SessionHeader></soapenv:Header>` +
                `<soapenv:Body>${operationXml}</soapenv:Body></soapenv:Envelope>`
        });
        const text = await response.text();
        let body: Record<string, unknown> | undefined;
        try {
            body = (parser.parse(text) as { Envelope?: { Body?: Record<string, unknown> } }).Envelope?.Body;
        } catch {
            body = undefined;
        }
        const fault = body?.Fault as { faultstring?: string; faultcode?: string } | undefined;
        if (fault)
            throw new AuraHandledError(
                'METADATA_API_ERROR',
                this.org.label('WebexSite_ErrorMetadataFault', String(fault.faultstring || fault.faultcode))
            );
        if (!body || response.status !== 200) throw this.unexpected(response.status);
        return body;
    }

    /** WebexSalesforceClient.getRest: a REST API resource read with an access token. */
    async getRest(accessToken: string, path: string): Promise<unknown> {
        return this.sendRest(accessToken, path, { method: 'GET' });
    }

    /** WebexSalesforceClient.postRest: JSON posted to a REST API resource with an access token. */
    async postRest(accessToken: string, path: string, body: unknown): Promise<unknown> {
        return this.sendRest(accessToken, path, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(body)
        });
    }

    /** 401: NOT_AUTHORIZED; any other failure: UNEXPECTED with the status; a success: its JSON or null. */
    private async sendRest(accessToken: string, path: string, init: RequestInit): Promise<unknown> {
        const base = this.org.myDomainUrl;
        const response = await this.send(`${base}${REST_API_PATH}${path}`, base, {
            ...init,
            headers: {
                ...(init.headers as Record<string, string>),
                authorization: `Bearer ${accessToken}`,
                accept: 'application/json'
            }
        });
        const text = await response.text();
        if (response.status === 401)
            throw new AuraHandledError('NOT_AUTHORIZED', this.org.label('WebexSfAuth_ErrorExpired'));
        if (!response.ok) throw this.unexpected(response.status);
        try {
            return text.trim() ? (JSON.parse(text) as unknown) : null;
        } catch {
            throw this.unexpected(response.status);
        }
    }

    /** A GET to any URL; the status it answered. */
    async probe(url: string): Promise<number> {
        const response = await this.send(url, hostOf(url), { method: 'GET' });
        await response.arrayBuffer();
        return response.status;
    }

    /** Remote Site Settings first, as the platform checks them, then the request itself. */
    private async send(url: string, unreachableUrl: string, init: RequestInit): Promise<Response> {
        const unreachable = new AuraHandledError(
            'NETWORK',
            this.org.label('WebexSfAuth_ErrorUnreachable', unreachableUrl)
        );
        if (!this.org.salesforce.allowsCallout(this.org, url)) throw unreachable;
        try {
            // The workbench listens on 127.0.0.1 only, and `localhost` may resolve to ::1 first.
            return await fetch(url.replace('//localhost:', '//127.0.0.1:'), { ...init, redirect: 'manual' });
        } catch (error) {
            // Not Remote Site Settings (checked above): the host itself could not be reached (WebexHttp).
            throw connectionFailure(this.org, url, error);
        }
    }

    private unexpected(status: number): AuraHandledError {
        return new AuraHandledError('UNEXPECTED', this.org.label('WebexSfAuth_ErrorUnexpected', status));
    }
}

/** `String.escapeXml()`. */
export function escapeXml(text: string): string {
    return text.replace(
        /[&<>"']/g,
        (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c
    );
}
