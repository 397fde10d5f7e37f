/**
 * DTOs of the calling feature (docs/calling.md), as the Apex controllers return them. Never a token.
 */

/** The signed-in user's own Webex connection (per-user OAuth, docs/calling.md). */
interface WebexUserConnection {
    /** Whether the administrator set up the Webex integration users connect through. */
    available: boolean;
    connected: boolean;
    /** The connected Webex person's name and email. */
    displayName: string | null;
    email: string | null;
    /** ISO 8601 date-time of the connection. */
    connectedAt: string | null;
    /** Set when the stored connection stopped working (refresh refused, webhooks missing): what to do. */
    problem: string | null;
    /**
     * Which problem `problem` says (absent when there is none: Apex leaves null fields out of what it returns);
     * `scopes`: the connection still calls, chat and spaces ask to reconnect.
     */
    problemCode?: string | null;
}

/** Where the browser goes to let the user approve the connection in Webex. */
interface WebexUserConnectionStart {
    /** Webex's `/v1/authorize` URL with client id, scopes, redirect URI and state (no secret). */
    authorizeUrl: string;
}

/**
 * "Webex integration for users" in Webex Integration Settings: the Webex integration reps connect
 * through (WebexAdminController.getUserIntegration). Never the client secret.
 */
interface WebexUserIntegrationStatus {
    /** Whether the client ID and secret are both stored. */
    configured: boolean;
    /** The stored client ID (public: it is in every authorize URL), or null. */
    clientId: string | null;
    clientSecretStored: boolean;
    /** The redirect URIs to register in the Webex integration (the `webexuserauth` page, namespaced too). */
    redirectUris: string[];
    /** The scopes the integration must offer, space-separated. */
    scopes: string;
    /** How many users have connected their Webex account. */
    connectedUsers: number;
}

/** The phone system behind the user's Webex line (B8). */
type WebexCallingBackend = 'WebexCalling' | 'UnifiedCM' | 'BroadWorks';

/** An object a call log can be related to, or a search can look in. */
interface WebexObjectOption {
    apiName: string;
    /** The object's label in the user's language. */
    label: string;
}

/** A field an administrator can pick (phone fields, More info fields, account-relationship fields). */
interface WebexFieldOption {
    apiName: string;
    label: string;
}

/** Logging of one call direction for the running user (B4). */
interface WebexCallLogDirection {
    /** Whether the user has this log (WebexFeatureAccess OutboundCallLog / InboundCallLog). */
    enabled: boolean;
    /** The objects "Related to" offers, in the administrator's order. */
    relatedObjects: WebexObjectOption[];
}

/** Everything the dialer needs to start (one call when it loads). */
interface WebexDialerSettings {
    connection: WebexUserConnection;
    backend: WebexCallingBackend;
    outboundLog: WebexCallLogDirection;
    inboundLog: WebexCallLogDirection;
    callHistoryEnabled: boolean;
    /** People Search "Dialer" objects searched as the user types (empty: no search). */
    searchObjects: string[];
    /** The Generic Streaming channel the dialer subscribes to (`/u/WebexCallEvents`). */
    eventChannel: string;
    /** The running user's id (to ignore nothing: pushes are already addressed to them). */
    userId: string;
    /** ISO 3166 alpha-2 country for numbers typed without one (from the user's locale), or null. */
    defaultCountry: string | null;
}

/** One phone number of a record. */
interface WebexPhoneOption {
    /** Field API name (`MobilePhone`). */
    field: string;
    /** Field label in the user's language. */
    label: string;
    /** The number as stored. */
    number: string;
    /**
     * The number read as E.164 in the record's country (else the user's): what the dialer dials; null when the
     * stored value is not a phone number. The server always sends it (optional for the tests' fixtures).
     */
    e164?: string | null;
    /** The stored extension, dialled after the call connects, or null (always sent, as `e164`). */
    extension?: string | null;
}

/** A Contact or Lead found by search or by the caller's number. */
interface WebexPersonMatch {
    recordId: string;
    objectApiName: string;
    objectLabel: string;
    name: string;
    /** The Contact's account (or the Lead's company) for telling namesakes apart. */
    accountName: string | null;
    accountId: string | null;
    phones: WebexPhoneOption[];
}

/** What "Make a Call" offers for a record: the phone fields the administrator chose that hold a number. */
interface WebexRecordPhones {
    recordId: string;
    objectApiName: string;
    recordName: string;
    phones: WebexPhoneOption[];
}

/** Webex's answer to a dial. */
interface WebexDialResult {
    callId: string;
    callSessionId: string | null;
}

/** One line of the user's call history (`GET /v1/telephony/calls/history`). */
interface WebexCallHistoryEntry {
    type: 'placed' | 'received' | 'missed';
    name: string | null;
    number: string | null;
    privacyEnabled: boolean;
    /** ISO 8601 date-time. */
    time: string;
}

/**
 * The payload of a push on `/u/WebexCallEvents` (a JSON string in the Generic Streaming event's
 * `payload`): one call transition, for the one user it concerns.
 */
interface WebexCallEventPayload {
    callId: string;
    callSessionId: string | null;
    state: 'alerting' | 'connected' | 'disconnected';
    personality: 'originator' | 'terminator' | 'clickToDial';
    remoteNumber: string | null;
    remoteName: string | null;
    /** ISO 8601 date-times from Webex: when the call was created, answered, disconnected. */
    created: string | null;
    answered: string | null;
    disconnected: string | null;
    /** The event's own time (orders transitions). */
    eventTimestamp: string;
    /**
     * Whether the user's device can be muted through the API (Webex's `muteCapable`), when the push
     * says: the dialer offers Mute only then. Optional: older pushes omit it (no Mute offered).
     */
    muteCapable?: boolean | null;
}

/** What the call-log panel saves (B4): one Task per call. */
interface WebexCallLogInput {
    callId: string;
    direction: 'Outbound' | 'Inbound';
    phoneNumber: string | null;
    subject: string;
    comments: string | null;
    /** Contact or Lead. */
    whoId: string | null;
    /** A record of one of the direction's related objects (never with a Lead as who). */
    whatId: string | null;
    disposition: string | null;
    durationSeconds: number | null;
}

/** The Task written. */
interface WebexCallLogSaved {
    taskId: string;
    /** False when the call already had its Task (another tab saved first): it was updated. */
    created: boolean;
}

/** A record "Related to" offers in the call-log panel (`WebexCallLogController.searchRelatedRecords`). */
interface WebexRecordOption {
    id: string;
    /** The record's name field value. */
    name: string;
}

/** One More info tab of the call-log panel (B5): records of one object related to the caller's account. */
interface WebexMoreInfoTab {
    objectApiName: string;
    objectLabel: string;
    fields: WebexFieldOption[];
    records: WebexMoreInfoRecord[];
}

interface WebexMoreInfoRecord {
    id: string;
    /** Display values, in the order of `fields`. */
    values: Array<string | null>;
}

/** "Webex Phone Fields": per object, the phone fields Make a Call offers. */
interface WebexPhoneFieldsObject {
    objectApiName: string;
    objectLabel: string;
    /** Every phone-type field of the object the administrator can see. */
    available: WebexFieldOption[];
    /** The chosen ones, in order. */
    selected: string[];
}

/** "Webex Outbound/Inbound Call Log": the objects a log can relate to. */
interface WebexCallLogObjectsSettings {
    direction: 'Outbound' | 'Inbound';
    /** Objects a Task's What can point to. */
    available: WebexObjectOption[];
    selected: string[];
}

/** One "Webex Call Log – Additional Tabs Configuration" row. */
interface WebexCallLogTabConfig {
    /** Null for a new configuration. */
    id: string | null;
    objectApiName: string;
    objectLabel: string;
    accountField: string;
    accountFieldLabel: string;
    fields: WebexFieldOption[];
}

/** What the administrator can choose for one object's More info tab. */
interface WebexCallLogTabOptions {
    objectApiName: string;
    /** Fields of the object that look up Account. */
    accountFields: WebexFieldOption[];
    /** Fields that can be shown. */
    fields: WebexFieldOption[];
}

/** A Lightning message on the `WebexCalling__c` channel (Make a Call → dialer, docs/calling.md). */
type WebexCallingMessage =
    | {
          type: 'dial';
          requestId: string;
          number: string;
          recordId: string | null;
          objectApiName: string | null;
          recordName: string | null;
      }
    | { type: 'dialAccepted'; requestId: string };
