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
    | 'NOT_AUTHORIZED'
    | 'NOT_SYSTEM_ADMIN'
    | 'METADATA_API_ERROR'
    | 'NOT_CONNECTED'
    | 'UNSUPPORTED_BACKEND'
    | 'RECONNECT'
    | 'SPACE_NOT_FOUND'
    | 'UNEXPECTED';

/** A feature an administrator switches on for all, or for chosen profiles and users (A7). */
type WebexFeature =
    'OutboundCallLog' | 'InboundCallLog' | 'CallHistory' | 'MeetingLogs' | 'InstantChat' | 'WebinarImport';

/** A profile or a user a feature can be switched on for. */
interface WebexFeatureGrantee {
    id: string;
    /** The name (the ID when the administrator cannot see the name). */
    name: string;
    type: 'Profile' | 'User';
    /** A user's username; null for a profile. */
    detail: string | null;
    /** False for a user deactivated after being added. */
    active: boolean;
}

/** Who has one feature: "Enable for all profiles/users" and the profiles and users it is on for. */
interface WebexFeatureAccessState {
    feature: WebexFeature;
    enabledForAll: boolean;
    /** By name; kept while the feature is on for all. */
    grantees: WebexFeatureGrantee[];
}

/** What a Webex People Search looks for (B7, C4, D4). */
type WebexPeopleSearchPurposeName = 'Dialer' | 'Inbound' | 'Meetings' | 'Spaces';
type WebexPeopleSearchObject = 'Contact' | 'Lead';

/** The objects one purpose searches; empty when it searches nothing. */
interface WebexPeopleSearchPurpose {
    purpose: WebexPeopleSearchPurposeName;
    objects: WebexPeopleSearchObject[];
}

/** What the "Webex People Search" section shows. */
interface WebexPeopleSearchSettings {
    /** One per purpose, dialer first. */
    purposes: WebexPeopleSearchPurpose[];
    /** The objects a purpose can search, in display order. */
    availableObjects: WebexPeopleSearchObject[];
}

/** What the "Salesforce Authorization" section shows. Never a secret: no key, no secret, no token. */
interface WebexSalesforceAuthStatus {
    /** Whether a refresh token is stored. */
    authorized: boolean;
    /** Name of the Salesforce user who authorized the package. */
    authorizedBy: string | null;
    /** That user's username. */
    authorizedUsername: string | null;
    /** ISO 8601 date-time of the authorization. */
    authorizedAt: string | null;
    /** The org's My Domain URL: the Remote Site Setting the administrator adds. */
    myDomainUrl: string;
    /** The callback URLs to paste into the connected app (the namespaced one too, once packaged). */
    callbackUrls: string[];
}

/** Where the browser goes to ask Salesforce for consent. */
interface WebexSalesforceAuthStart {
    /** The My Domain's `/services/oauth2/authorize` URL with every parameter (no secret in it). */
    consentUrl: string;
}

/** Whether the webhook endpoint of the site answered. */
interface WebexSiteCheck {
    /** True when it answered with a status below 500. */
    reachable: boolean;
    statusCode: number | null;
    message: string;
    /** ISO 8601 date-time of the check. */
    checkedAt: string;
}

/** What the "Webex Site for Webhooks" section shows. */
interface WebexSiteStatus {
    /** `Webex_Webhooks`. */
    siteName: string;
    exists: boolean;
    /** True when the call that returned this status created the site. */
    created: boolean;
    siteUrl: string | null;
    /** The site's webhook endpoint (REST path included). */
    webhookUrl: string | null;
    salesforceAuthorized: boolean;
    /** Whether the signed-in user has the System Administrator profile. */
    systemAdministrator: boolean;
    /** Whether the guest user may run the webhook endpoint; null without a site. */
    guestAccess: boolean | null;
    /** What the administrator still has to do by hand after creating the site. */
    warning: string | null;
    check: WebexSiteCheck | null;
}

/** How a health check came out. */
type WebexHealthStatus = 'ok' | 'warning' | 'error' | 'unknown';

/** The Webex Admin sections a health check sends the administrator to (`name` in webexAdmin's SECTIONS). */
type WebexAdminSectionName =
    'integration' | 'salesforceAuthorization' | 'webhookSite' | 'peopleSearch' | 'featureAccess';

/**
 * A problem the Health check section fixes itself (WebexHealthCheckController): `createCallEventChannel`,
 * `fillPhoneKeys` (starts the phone keys' backfill).
 */
type WebexHealthFix = 'createCallEventChannel' | 'fillPhoneKeys';

/** Where what a health check found is read: `errorLog`, the Webex Error Log tab. */
type WebexHealthLink = 'errorLog';

/** One check of the "Health check" section (`WebexHealthCheckService.HealthCheck`). */
interface WebexHealthCheck {
    /** `webexToken`, `webhooks`, `webhookSite`, `salesforceAuthorization`, `callEventChannel`, `adminPermissionSet`, `userPermissionSet`, `platformEvents`, `callEvents`, `recentErrors`, `phoneKeys`. */
    id: string;
    status: WebexHealthStatus;
    title: string;
    /** What the check found. */
    detail: string;
    /** What to do when the status is not `ok`; null when ok. */
    action: string | null;
    /** The section that fixes it; null when ok or when no section can. */
    section: WebexAdminSectionName | null;
    /** The package's webhooks Webex disabled: what Re-activate reactivates (empty otherwise). */
    inactiveWebhookIds: string[];
    /** The section's own fix (the Create channel, Fill phone keys buttons), or null. */
    fix: WebexHealthFix | null;
    /** Where the finding is read (the Open the Webex Error Log link), or null. */
    link: WebexHealthLink | null;
}
