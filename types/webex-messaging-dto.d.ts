/**
 * DTOs of messaging (issue 14: "Webex Spaces", "Create Space", Chat), as WebexSpacesController returns them.
 * The one token in them is the rep's own access token (`WebexMessagingSession`: valid up to 14 days, kept in memory
 * only; docs/webex-sdk.md), never a refresh token.
 */

/** A space linked to a record (WebexSpaceSummaries.Summary). */
interface WebexSpaceSummary {
    /** The WebexSpaceLink__c record. */
    linkId: string;
    /** The Webex room ID. */
    spaceId: string;
    /** The title it was created with (the live title comes from Webex when the space is open). */
    title: string | null;
    createdByName: string | null;
    /** ISO 8601 date-time. */
    createdDate: string | null;
    /** `webexteams://im?space=<uuid>`: opens the space in the Webex app; null when the ID is not a room ID. */
    webexUrl: string | null;
}

/** A record's spaces (getSpaces): one SOQL query, no callout. */
interface WebexRecordSpaces {
    /** Newest first, at most 50. */
    spaces: WebexSpaceSummary[];
    /** The rep's connection; `problem` holds the reconnect message of a connection without messaging's scopes. */
    connection: WebexUserConnection;
}

/** A person who can be added to a space (getRecordPeople, searchPeople). */
interface WebexSpaceCandidate {
    /** Contact, Lead or User ID. */
    id: string;
    name: string | null;
    email: string | null;
    kind: 'Contact' | 'Lead' | 'User';
    /** Title and company (the account for a Contact), or null. */
    detail: string | null;
    /** True when they have no email: shown, not selectable ("has no email"). */
    noEmail: boolean;
}

/**
 * Someone not added to a space, and why: `no_email` (nothing to add them by), `refused` (Webex refused that person,
 * or the rep's token or the space), `not_tried` (Webex stopped answering — a rate limit, an outage — or the request's
 * 120 s of callouts ran low before their turn: "Webex did not answer in time; add them again", label
 * `WebexSpaces_ReasonNotTried`).
 */
interface WebexMemberProblem {
    name: string | null;
    reason: 'no_email' | 'refused' | 'not_tried';
}

/** What createSpace and addPeople did. */
interface WebexCreatedSpace {
    space: WebexSpaceSummary;
    /** Names of the people added. */
    added: string[];
    notAdded: WebexMemberProblem[];
}

/** The token hand-off (getMessagingSession): what the browser's Webex SDK connects with. */
interface WebexMessagingSession {
    /** The rep's own Webex access token (refreshed by Apex when it expires within 5 minutes). */
    accessToken: string;
    /** ISO 8601: ask Apex again before it; null when Webex gave no expiry. */
    expiresAt: string | null;
    /** The rep's Webex person ID. */
    personId: string | null;
    displayName: string | null;
    /** Webex Feature Access "InstantChat" for this rep: the Chat tab shows only when true. */
    chatEnabled: boolean;
}

/** A message read or posted through Apex (the fallback when the SDK cannot connect). */
interface WebexSpaceMessage {
    id: string | null;
    /** The thread's first message, for a reply. */
    parentId: string | null;
    personId: string | null;
    personEmail: string | null;
    /** Webex does not list it with messages: null from Apex. */
    personName?: string | null;
    text: string | null;
    markdown: string | null;
    html: string | null;
    /** ISO 8601, as Webex gives it. */
    created: string | null;
    /** Content URLs of its files. */
    files: string[];
    /** Not filled by Apex (the SDK knows file names). */
    fileNames?: string[];
    /** The space it is in (Webex's `roomId`), filled by Apex: for a first message to a person, the 1:1. */
    spaceId?: string | null;
}

/** One of the rep's spaces as Apex lists them (listSpaces): Chat's list when the browser's SDK cannot load. */
interface WebexChatSpace {
    id: string | null;
    title: string | null;
    type: 'direct' | 'group';
    /** ISO 8601. */
    lastActivity: string | null;
    created: string | null;
}

/** A person Webex found (WebexChatController.searchPeople): Chat's search when the browser's SDK cannot load. */
interface WebexChatPerson {
    id: string | null;
    displayName: string | null;
    emails: string[];
}

/** A page of messages (listMessages), newest first. */
interface WebexSpaceMessages {
    messages: WebexSpaceMessage[];
    /** True when the page is full: ask again with the oldest message's ID as `beforeMessageId`. */
    hasMore: boolean;
}

/** A Salesforce File of the record (getRecordFiles), at its latest published version. */
interface WebexRecordFile {
    /** Download from `/sfc/servlet.shepherd/version/download/<contentVersionId>`. */
    contentVersionId: string | null;
    title: string | null;
    fileExtension: string | null;
    /** Bytes: compare with Webex's 100 MB per file before uploading. */
    size: number | null;
}
