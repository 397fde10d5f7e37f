/**
 * The part of the Webex JS SDK (`window.Webex`, from the package's static resource) the messaging session uses,
 * typed from the SDK's plugins (`@webex/plugin-messages`, `-rooms`, `-memberships`, `-people`, 3.12.0): each list
 * resolves to a page whose `items` are the REST objects of developer.webex.com's Messages, Rooms, Memberships and
 * People APIs; `listen()` opens the websocket and `on(event)` hands over `{ resource, event, data }`.
 */

/** A page of a list: the REST objects and whether Webex has more (its `Link` header). */
export interface SdkPage<T> {
    items: T[];
    hasNext?: () => boolean;
}

export interface SdkEvent<T> {
    resource?: string;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    event?: string;
    data: T;
}

export interface SdkMessage {
    id: string;
    roomId?: string;
    parentId?: string | null;
    personId?: string;
    personEmail?: string;
    text?: string | null;
    markdown?: string | null;
    html?: string | null;
    files?: string[];
    created?: string;
}

export interface SdkRoom {
    id: string;
    title?: string;
    type?: string;
    lastActivity?: string;
    created?: string;
}

export interface SdkMembership {
    id: string;
    roomId?: string;
    personId: string;
    personEmail?: string;
    personDisplayName?: string;
    isModerator?: boolean;
}

export interface SdkPerson {
    id: string;
    displayName?: string;
    emails?: string[];
}

/** What `webex.request` answers. */
export interface SdkResponse {
    statusCode?: number;
    headers?: Record<string, string | undefined>;
    body?: unknown;
}

/** A plugin that listens (messages, memberships, rooms). */
export interface SdkListening {
    listen(): Promise<unknown>;
    stopListening?: () => void;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    on(event: string, handler: (event: SdkEvent<never>) => void): void;
}

export interface SdkInstance {
    messages: SdkListening & {
        list(options: Record<string, unknown>): Promise<SdkPage<SdkMessage>>;
        create(body: Record<string, unknown>): Promise<SdkMessage>;
    };
    rooms: SdkListening & {
        list(options: Record<string, unknown>): Promise<SdkPage<SdkRoom>>;
        get(id: string): Promise<SdkRoom>;
    };
    memberships: SdkListening & {
        list(options: Record<string, unknown>): Promise<SdkPage<SdkMembership>>;
    };
    people: {
        list(options: Record<string, unknown>): Promise<SdkPage<SdkPerson>>;
    };
    /**
     * The SDK's own HTTP client (`@webex/webex-core` `request`): it adds the rep's token to a Webex service URL such
     * as a message's content URL, and answers `{ statusCode, headers, body }` (headers by lower-case name).
     */
    request?: (options: { method: string; uri: string; responseType?: string }) => Promise<SdkResponse>;
    credentials?: { set?: (value: Record<string, unknown>) => void };
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    internal?: { mercury?: { on?: (event: string, handler: () => void) => void } };
}

/** `window.Webex`: `Webex.init({ credentials: { access_token } })`. */
export interface SdkConstructor {
    init(options: { credentials: { access_token: string }; config?: Record<string, unknown> }): SdkInstance;
}
