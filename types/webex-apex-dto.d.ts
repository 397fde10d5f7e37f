/**
 * Shapes of the plain DTOs the Apex controllers return (JSON as the LWC runtime delivers them).
 * Kept in one place so a field renamed in Apex breaks `tsc` in every component that reads it.
 */

/** The Webex person whose access token the org stores (from `GET /v1/people/me`). */
interface WebexTokenOwner {
    displayName: string;
    email: string | null;
    orgId: string;
    personId: string;
}

/** One webhook the package registered in Webex. */
interface WebexWebhookInfo {
    id: string;
    name: string;
    resource: string;
    event: string;
    /** `active` or `inactive` (Webex disables a webhook after repeated delivery failures). */
    status: string;
    targetUrl: string;
}

/** What the "Webex Integration Settings" section shows. */
interface WebexIntegrationStatus {
    tokenStored: boolean;
    owner: WebexTokenOwner | null;
    /** ISO 8601 date-time of the last successful check of the token with Webex. */
    verifiedAt: string | null;
    /** Public URL of the webhook site, null while the site does not exist. */
    siteUrl: string | null;
    /** Where the package's webhooks must point: the site's REST endpoint. */
    webhookTargetUrl: string | null;
    webhooks: WebexWebhookInfo[];
    /** Set when the webhooks could not be listed (the stored token expired, Webex down...). */
    webhooksError: string | null;
}

/**
 * The body of an AuraHandledException thrown by the package's controllers: its message is this
 * object serialized as JSON, so the browser can tell a rate limit (and how long to wait) from a
 * wrong token.
 */
interface WebexApexErrorPayload {
    code: WebexErrorCode;
    message: string;
    retryAfterSeconds: number | null;
}

type WebexErrorCode =
    | 'INVALID_INPUT'
    | 'INVALID_TOKEN'
    | 'FORBIDDEN'
    | 'NOT_FOUND'
    | 'RATE_LIMITED'
    | 'WEBEX_UNAVAILABLE'
    | 'NETWORK'
    | 'NO_TOKEN'
    | 'NO_SITE'
    | 'NOT_ADMIN'
    | 'UNEXPECTED';
