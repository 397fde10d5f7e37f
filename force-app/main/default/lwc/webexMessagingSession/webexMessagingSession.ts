/**
 * The rep's Webex messaging session in this page (issue 14), shared by "Webex Spaces" and the Chat tab: one per
 * page, whichever component asks first.
 *
 * - Apex hands over the rep's own access token (`WebexSpacesController.getMessagingSession`; valid up to 14 days,
 *   kept in memory only, never the refresh token: docs/webex-sdk.md), and again five minutes before it expires.
 * - The Webex JS SDK (`c/webexSdk`, the package's static resource, loaded once per page) listens to messages,
 *   memberships and spaces over its websocket: new messages arrive live (`live: true`).
 * - When the SDK cannot load or its socket cannot connect (a CSP or Lightning Web Security refusal, a network that
 *   blocks websockets), `live` is false: the spaces a component `watch`es are refreshed through Apex every 10 s,
 *   paused while the page is hidden, and the new messages are announced as if they had come live. Text is posted
 *   through Apex then; a file needs the SDK. Without the SDK at all, Apex also lists Chat's spaces, finds people and
 *   sends the first message of a 1:1 (`WebexChatController`).
 * - Every failure is a `MessagingFailure` (`code`, `message` a rep can act on, `retryAfterSeconds`), which
 *   `c/webexErrors` reads as it reads the Apex controllers' errors.
 */
import type { LightningElement } from 'lwc';
import getMessagingSessionApex from '@salesforce/apex/WebexSpacesController.getMessagingSession';
import listMessagesApex from '@salesforce/apex/WebexSpacesController.listMessages';
import listSpacesApex from '@salesforce/apex/WebexChatController.listSpaces';
import postMessageApex from '@salesforce/apex/WebexSpacesController.postMessage';
import searchPeopleApex from '@salesforce/apex/WebexChatController.searchPeople';
import sendDirectApex from '@salesforce/apex/WebexChatController.sendDirect';
import { loadWebexSdk } from 'c/webexSdk';
import { asMessagingFailure, toMessagingFailure, MessagingFailure, MAX_FILE_BYTES } from './webexMessagingFailure';
import { MessageFiles, type FileInfo } from './webexMessagingFiles';
import { FallbackPoll, POLL_INTERVAL_MS } from './webexMessagingPoll';
import {
    PAGE_SIZE,
    fromApexPerson,
    fromApexSpace,
    fromSdkMembership,
    fromSdkMessage,
    fromSdkPerson,
    fromSdkRoom,
    type MessageEvent,
    type MessagingMember,
    type MessagingPerson,
    type MessagingSpace
} from './webexMessagingShapes';
import { timer } from './webexMessagingTimer';
import type { SdkConstructor, SdkEvent, SdkInstance, SdkMembership, SdkMessage, SdkRoom } from './webexMessagingSdk';

export { MessagingFailure, MAX_FILE_BYTES, toMessagingFailure, type FileInfo };
export { POLL_INTERVAL_MS, type MessageEvent, type MessagingMember, type MessagingPerson };
export type { MessagingSpace };

/** The token is renewed this long before it expires (Apex refreshes it when it has less than 5 minutes left). */
export const RENEW_BEFORE_MS = 5 * 60_000;
/** A renewal that failed is tried again after this long. */
export const RENEW_RETRY_MS = 60_000;
/** How long the first connection of the websocket may take before the page says live updates are off. */
export const LISTEN_TIMEOUT_MS = 8_000;

/** A membership or space change: the SDK's event name and what changed. */
export interface ChangeEvent<T> {
    type: string;
    data: T;
}

/** A message sent to a person: `spaceId` is the 1:1 space Webex put it in. */
export type DirectMessage = WebexSpaceMessage & { spaceId: string };

export interface PostRequest {
    spaceId: string;
    markdown: string;
    parentId?: string | null;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    file?: (Blob & { name: string }) | null;
}

export interface MessagingSession {
    /** False while the websocket cannot connect: watched spaces are refreshed through Apex. */
    readonly live: boolean;
    readonly me: { personId: string; displayName: string };
    readonly chatEnabled: boolean;
    onMessage(listener: (event: MessageEvent) => void): () => void;
    onMembership(listener: (event: ChangeEvent<SdkMembership>) => void): () => void;
    onRoom(listener: (event: ChangeEvent<SdkRoom>) => void): () => void;
    onLiveChange(listener: (live: boolean) => void): () => void;
    /** Refreshes `spaceId` through Apex while live updates are off; returns the stop. */
    watch(spaceId: string): () => void;
    /** Newest first, as Webex lists them. */
    listMessages(spaceId: string, beforeMessageId?: string | null, max?: number): Promise<WebexSpaceMessages>;
    postMessage(request: PostRequest): Promise<WebexSpaceMessage>;
    listSpaces(options?: { max?: number; sortBy?: 'lastactivity' | 'created' }): Promise<MessagingSpace[]>;
    getSpace(spaceId: string): Promise<MessagingSpace>;
    listMembers(spaceId: string): Promise<MessagingMember[]>;
    searchPeople(text: string): Promise<MessagingPerson[]>;
    /** The first message to a person (Webex creates the 1:1 space, or posts in the existing one), with its space. */
    openDirect(person: string, markdown: string): Promise<DirectMessage>;
    /**
     * A message file's name, type and size from Webex (`HEAD` on its content URL, asked once per URL for the page);
     * null when Webex does not say (or the SDK could not load): the file shows as "Attached file".
     */
    fileInfo(url: string): Promise<FileInfo | null>;
    /** A message file's bytes, downloaded from Webex with the rep's token (rejects with a `MessagingFailure`). */
    downloadFile(url: string): Promise<Blob>;
    /** Stops listening and polling (the page is going away, or tests). */
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    close(): void;
}

type Listener<T> = (value: T) => void;

class Listeners<T> {
    private readonly all = new Set<Listener<T>>();
    add(listener: Listener<T>): () => void {
        this.all.add(listener);
        return () => this.all.delete(listener);
    }
    emit(value: T): void {
        for (const listener of [...this.all]) listener(value);
    }
}

/** One rep's session: the SDK (when it loaded) and the Apex fallback. */
export class Session implements MessagingSession {
    live = false;
    readonly me: { personId: string; displayName: string };
    readonly chatEnabled: boolean;

    private readonly webex: SdkInstance | null;
    private readonly files: MessageFiles;
    private readonly messages = new Listeners<MessageEvent>();
    private readonly memberships = new Listeners<ChangeEvent<SdkMembership>>();
    private readonly rooms = new Listeners<ChangeEvent<SdkRoom>>();
    private readonly liveChanges = new Listeners<boolean>();
    private readonly poll: FallbackPoll;
    private stopRenew: (() => void) | null = null;
    private closed = false;

    constructor(token: WebexMessagingSession, webex: SdkInstance | null) {
        this.me = { personId: token.personId ?? '', displayName: token.displayName ?? '' };
        this.chatEnabled = Boolean(token.chatEnabled);
        this.webex = webex;
        this.files = new MessageFiles(webex);
        this.poll = new FallbackPoll(
            () => this.live,
            (event) => this.messages.emit(event)
        );
        this.scheduleRenewal(token.expiresAt);
    }

    /** Listens with the SDK; resolves once connected, or once the wait is over (live updates off). */
    async start(): Promise<void> {
        const webex = this.webex;
        if (!webex) {
            this.setLive(false);
            return;
        }
        webex.internal?.mercury?.on?.('offline', () => this.setLive(false));
        webex.internal?.mercury?.on?.('online', () => this.setLive(true));
        const listening = Promise.all([webex.messages.listen(), webex.memberships.listen(), webex.rooms.listen()]).then(
            () => {
                if (this.closed) return;
                this.wireEvents(webex);
                this.setLive(true);
            },
            () => this.setLive(false)
        );
        let stopWait: () => void = () => undefined;
        const waited = new Promise<void>((resolve) => {
            stopWait = timer(LISTEN_TIMEOUT_MS, () => {
                // Still connecting: the page works through Apex until the socket comes up (it may later).
                if (!this.live) this.setLive(false);
                resolve();
            });
        });
        await Promise.race([listening, waited]);
        stopWait();
    }

    onMessage(listener: Listener<MessageEvent>): () => void {
        return this.messages.add(listener);
    }
    onMembership(listener: Listener<ChangeEvent<SdkMembership>>): () => void {
        return this.memberships.add(listener);
    }
    onRoom(listener: Listener<ChangeEvent<SdkRoom>>): () => void {
        return this.rooms.add(listener);
    }
    onLiveChange(listener: Listener<boolean>): () => void {
        return this.liveChanges.add(listener);
    }

    watch(spaceId: string): () => void {
        return this.poll.watch(spaceId);
    }

    async listMessages(
        spaceId: string,
        beforeMessageId: string | null = null,
        max: number = PAGE_SIZE
    ): Promise<WebexSpaceMessages> {
        return asMessagingFailure(async () => {
            let page: WebexSpaceMessages;
            if (this.live && this.webex) {
                const options: Record<string, unknown> = { roomId: spaceId, max };
                if (beforeMessageId) options.beforeMessage = beforeMessageId;
                const found = await this.webex.messages.list(options);
                const items = found.items ?? [];
                page = {
                    messages: items.map(fromSdkMessage),
                    hasMore: typeof found.hasNext === 'function' ? found.hasNext() : items.length >= max
                };
            } else {
                page = await listMessagesApex({ spaceId, beforeMessageId, max });
            }
            this.poll.markSeen(spaceId, page.messages);
            return page;
        });
    }

    async postMessage(request: PostRequest): Promise<WebexSpaceMessage> {
        const { spaceId, markdown, parentId, file } = request;
        if (file && file.size > MAX_FILE_BYTES) throw MessagingFailure.of('FILE_TOO_LARGE');
        if (file && !this.webex) throw MessagingFailure.of('FILES_NEED_LIVE');
        return asMessagingFailure(async () => {
            let message: WebexSpaceMessage;
            if (this.webex && (this.live || file)) {
                const body: Record<string, unknown> = { roomId: spaceId };
                if (markdown) body.markdown = markdown;
                if (parentId) body.parentId = parentId;
                if (file) body.files = [file];
                message = fromSdkMessage(await this.webex.messages.create(body));
                if (file) message.fileNames = [file.name];
            } else {
                message = await postMessageApex({ spaceId, markdown, parentId: parentId ?? null });
            }
            this.poll.markSeen(spaceId, [message]);
            return message;
        });
    }

    async listSpaces(options: { max?: number; sortBy?: 'lastactivity' | 'created' } = {}): Promise<MessagingSpace[]> {
        const webex = this.webex;
        // Without the SDK (it could not load: Lightning Web Security, a network that blocks Webex from the browser),
        // Apex lists them, most recently active first, with the rep's own token.
        if (!webex) {
            return asMessagingFailure(async () => {
                const spaces = await listSpacesApex({ max: options.max ?? 100 });
                return spaces.map(fromApexSpace);
            });
        }
        return asMessagingFailure(async () => {
            const page = await webex.rooms.list({ max: options.max ?? 100, sortBy: options.sortBy ?? 'lastactivity' });
            return (page.items ?? []).map(fromSdkRoom);
        });
    }

    async getSpace(spaceId: string): Promise<MessagingSpace> {
        const webex = this.requireSdk();
        return asMessagingFailure(async () => fromSdkRoom(await webex.rooms.get(spaceId)));
    }

    async listMembers(spaceId: string): Promise<MessagingMember[]> {
        const webex = this.requireSdk();
        return asMessagingFailure(async () => {
            const page = await webex.memberships.list({ roomId: spaceId, max: 100 });
            return (page.items ?? []).map(fromSdkMembership);
        });
    }

    async searchPeople(text: string): Promise<MessagingPerson[]> {
        const webex = this.webex;
        const term = text.trim();
        // Without the SDK, Apex asks Webex the same (`GET /people?displayName=&max=20` or `?email=`).
        if (!webex) {
            return asMessagingFailure(async () => (await searchPeopleApex({ text: term })).map(fromApexPerson));
        }
        // Webex's People API finds by exact email or by the start of a display name (List People).
        const query = term.includes('@') ? { email: term } : { displayName: term };
        return asMessagingFailure(async () => {
            const page = await webex.people.list({ ...query, max: 20 });
            return (page.items ?? []).map(fromSdkPerson);
        });
    }

    async openDirect(person: string, markdown: string): Promise<DirectMessage> {
        const webex = this.webex;
        // Without the SDK, Apex posts it (`POST /messages` with `toPersonEmail` or `toPersonId`).
        if (!webex) {
            return asMessagingFailure(async () => {
                const sent = await sendDirectApex({ person, markdown });
                const spaceId = sent.spaceId ?? '';
                this.poll.markSeen(spaceId, [sent]);
                return { ...sent, spaceId };
            });
        }
        const to = person.includes('@') ? { toPersonEmail: person } : { toPersonId: person };
        return asMessagingFailure(async () => {
            const created = await webex.messages.create({ ...to, markdown });
            const spaceId = created.roomId ?? '';
            const message = fromSdkMessage(created);
            this.poll.markSeen(spaceId, [message]);
            return { ...message, spaceId };
        });
    }

    fileInfo(url: string): Promise<FileInfo | null> {
        return this.files.info(url);
    }

    async downloadFile(url: string): Promise<Blob> {
        this.requireSdk();
        return asMessagingFailure(() => this.files.download(url));
    }

    close(): void {
        this.closed = true;
        this.poll.close();
        this.stopRenew?.();
        this.stopRenew = null;
        if (this.webex) {
            for (const resource of [this.webex.messages, this.webex.memberships, this.webex.rooms]) {
                try {
                    resource.stopListening?.();
                } catch {
                    // Closing a socket that never opened: nothing to undo.
                }
            }
        }
    }

    private requireSdk(): SdkInstance {
        if (!this.webex) throw MessagingFailure.of('WEBEX_UNAVAILABLE');
        return this.webex;
    }

    private wireEvents(webex: SdkInstance): void {
        const forMessages =
            (type: MessageEvent['type']) =>
            (event: SdkEvent<SdkMessage>): void => {
                const data = event?.data;
                if (!data?.id) return;
                this.poll.markSeen(data.roomId ?? '', [{ id: data.id }]);
                this.messages.emit({ type, spaceId: data.roomId ?? '', message: fromSdkMessage(data) });
            };
        webex.messages.on('created', forMessages('created'));
        webex.messages.on('deleted', forMessages('deleted'));
        for (const type of ['created', 'updated', 'deleted', 'seen']) {
            webex.memberships.on(type, (event: SdkEvent<SdkMembership>) =>
                this.memberships.emit({ type, data: event?.data })
            );
        }
        for (const type of ['created', 'updated']) {
            webex.rooms.on(type, (event: SdkEvent<SdkRoom>) => this.rooms.emit({ type, data: event?.data }));
        }
    }

    private setLive(live: boolean): void {
        const changed = live !== this.live;
        this.live = live;
        this.poll.update();
        if (changed) this.liveChanges.emit(live);
    }

    /** Webex gave no expiry (`expiresAt` null): the token is not renewed ahead, Apex refreshes it on the next load. */
    private scheduleRenewal(expiresAt: string | null): void {
        this.stopRenew?.();
        if (!expiresAt) return;
        const expires = Date.parse(expiresAt);
        const wait = Number.isFinite(expires) ? Math.max(expires - Date.now() - RENEW_BEFORE_MS, 0) : RENEW_RETRY_MS;
        this.stopRenew = timer(wait, () => {
            this.renew();
        });
    }

    /** A fresh token from Apex, handed to the SDK so its requests and socket keep working. */
    private async renew(): Promise<void> {
        if (this.closed) return;
        try {
            const token = await getMessagingSessionApex();
            this.webex?.credentials?.set?.({ supertoken: { access_token: token.accessToken, token_type: 'Bearer' } });
            this.scheduleRenewal(token.expiresAt);
        } catch {
            this.stopRenew = timer(RENEW_RETRY_MS, () => {
                this.renew();
            });
        }
    }
}

let current: Promise<MessagingSession> | null = null;
let opened: Session | null = null;

async function open(component: LightningElement): Promise<MessagingSession> {
    const token = await getMessagingSessionApex().catch((error: unknown) => {
        throw toMessagingFailure(error);
    });
    let webex: SdkInstance | null = null;
    try {
        const Webex = (await loadWebexSdk(component)) as SdkConstructor;
        webex = Webex.init({ credentials: { access_token: token.accessToken } });
    } catch {
        // The SDK could not load here (CSP, Lightning Web Security, network): Apex carries the messages.
        webex = null;
    }
    const session = new Session(token, webex);
    opened = session;
    await session.start();
    return session;
}

/**
 * The page's messaging session, opened on first use. A failure (not connected, reconnect needed) is not kept: the
 * next call asks Apex again, e.g. once the rep connected Webex.
 */
export function getMessagingSession(component: LightningElement): Promise<MessagingSession> {
    if (!current) {
        current = open(component);
        current.catch(() => {
            current = null;
        });
    }
    return current;
}

/** Closes the page's session; the next `getMessagingSession` opens a new one (tests, a reconnected rep). */
export function resetMessagingSession(): void {
    opened?.close();
    opened = null;
    current = null;
}
