/**
 * The emulated org's side of the package's Webex callout client (classes/webex/WebexApiClient.cls):
 * bearer token, JSON, `Link` pagination, and the same mapping of failures to error codes.
 */
import { AuraHandledError, connectionFailure } from './apex-error.ts';
import type { EmulatedOrg } from './org-state.ts';

const DEFAULT_RETRY_AFTER_SECONDS = 5;

export class WebexCallout {
    private readonly org: EmulatedOrg;
    private readonly token: string;

    constructor(org: EmulatedOrg, token: string) {
        this.org = org;
        this.token = token;
    }

    async send<T>(method: string, path: string, body?: unknown): Promise<T> {
        const url = path.startsWith('http') ? path : `${this.org.webexBaseUrl}/v1${path}`;
        let response: Response;
        try {
            response = await fetch(url, {
                method,
                headers: {
                    authorization: `Bearer ${this.token}`,
                    accept: 'application/json',
                    ...(body === undefined ? {} : { 'content-type': 'application/json' })
                },
                body: body === undefined ? undefined : JSON.stringify(body)
            });
        } catch (error) {
            throw connectionFailure(this.org, url, error);
        }
        const text = await response.text();
        if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
        throw this.failure(response, text);
    }

    /** Every item of a paginated list, following `Link: <…>; rel="next"`. */
    async getAllItems<T>(path: string): Promise<T[]> {
        const items: T[] = [];
        let next: string | undefined = path;
        while (next) {
            const url: string = next.startsWith('http') ? next : `${this.org.webexBaseUrl}/v1${next}`;
            let response: Response;
            try {
                response = await fetch(url, {
                    headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' }
                });
            } catch (error) {
                throw connectionFailure(this.org, url, error);
            }
            const text = await response.text();
            if (!response.ok) throw this.failure(response, text);
            items.push(...((JSON.parse(text) as { items?: T[] }).items ?? []));
            next = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '')?.[1];
        }
        return items;
    }

    private failure(response: Response, text: string): AuraHandledError {
        const status = response.status;
        if (status === 401) return new AuraHandledError('INVALID_TOKEN', this.org.label('WebexError_InvalidToken'));
        if (status === 403) return new AuraHandledError('FORBIDDEN', this.org.label('WebexError_Forbidden'));
        if (status === 404) return new AuraHandledError('NOT_FOUND', this.org.label('WebexError_NotFound'));
        if (status === 429) {
            const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
            return new AuraHandledError(
                'RATE_LIMITED',
                this.org.label('WebexError_RateLimited'),
                Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : DEFAULT_RETRY_AFTER_SECONDS
            );
        }
        if (status >= 500)
            return new AuraHandledError('WEBEX_UNAVAILABLE', this.org.label('WebexError_Unavailable', status));
        let detail = '';
        try {
            const body = JSON.parse(text) as { message?: string; trackingId?: string };
            detail = [body.message, body.trackingId ? `Tracking ID: ${body.trackingId}` : ''].filter(Boolean).join(' ');
        } catch {
            detail = '';
        }
        return new AuraHandledError(
            'UNEXPECTED',
            `${this.org.label('WebexError_Unexpected', status)}${detail ? ` ${detail}` : ''}`
        );
    }
}
