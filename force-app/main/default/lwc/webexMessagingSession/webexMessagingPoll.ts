/**
 * The Apex fallback of live updates: while the websocket is down, each space a component watches is refreshed
 * through Apex every 10 s, paused while the page is hidden and at once when it shows again, and the messages not
 * seen before are announced as if they had come live. It remembers the messages already seen in each space (listed,
 * posted or announced), so none is announced twice.
 */
import listMessagesApex from '@salesforce/apex/WebexSpacesController.listMessages';
import { PAGE_SIZE, type MessageEvent } from './webexMessagingShapes';
import { timer } from './webexMessagingTimer';

/** How often an open space is refreshed through Apex while live updates are off. */
export const POLL_INTERVAL_MS = 10_000;

export class FallbackPoll {
    /** Watched spaces (counted: two components may watch one) and the ids already seen in each. */
    private readonly watched = new Map<string, number>();
    private readonly seen = new Map<string, Set<string>>();
    private readonly isLive: () => boolean;
    private readonly announce: (event: MessageEvent) => void;
    private stopPoll: (() => void) | null = null;
    private closed = false;
    private readonly onVisibility = (): void => {
        if (!document.hidden && !this.isLive()) this.pollNow();
    };

    /**
     * @param isLive whether the websocket is connected (no refresh then)
     * @param announce called with each message found by a refresh that was not seen before
     */
    constructor(isLive: () => boolean, announce: (event: MessageEvent) => void) {
        this.isLive = isLive;
        this.announce = announce;
        document.addEventListener('visibilitychange', this.onVisibility);
    }

    /** Refreshes `spaceId` while live updates are off; returns the stop. */
    watch(spaceId: string): () => void {
        this.watched.set(spaceId, (this.watched.get(spaceId) ?? 0) + 1);
        this.update();
        let stopped = false;
        return () => {
            if (stopped) return;
            stopped = true;
            const count = (this.watched.get(spaceId) ?? 1) - 1;
            if (count > 0) this.watched.set(spaceId, count);
            else this.watched.delete(spaceId);
            this.update();
        };
    }

    /** Messages of a space the rep has already been shown (never announced again). */
    markSeen(spaceId: string, messages: Array<{ id: string | null }>): void {
        if (!spaceId) return;
        const ids = this.seen.get(spaceId) ?? new Set<string>();
        for (const message of messages) if (message.id) ids.add(message.id);
        this.seen.set(spaceId, ids);
    }

    /** Starts or stops refreshing: it runs while live updates are off and a space is watched. */
    update(): void {
        const wanted = !this.closed && !this.isLive() && this.watched.size > 0;
        if (wanted && !this.stopPoll) this.schedule();
        if (!wanted && this.stopPoll) {
            this.stopPoll();
            this.stopPoll = null;
        }
    }

    close(): void {
        this.closed = true;
        this.stopPoll?.();
        this.stopPoll = null;
        document.removeEventListener('visibilitychange', this.onVisibility);
    }

    private schedule(): void {
        this.stopPoll = timer(POLL_INTERVAL_MS, () => {
            this.stopPoll = null;
            this.pollNow().finally(() => this.update());
        });
    }

    /** One refresh of every watched space through Apex (skipped while the page is hidden). */
    private async pollNow(): Promise<void> {
        if (document.hidden || this.isLive() || this.closed) return;
        await Promise.all(
            [...this.watched.keys()].map(async (spaceId) => {
                const known = this.seen.get(spaceId);
                try {
                    const page = await listMessagesApex({ spaceId, beforeMessageId: null, max: PAGE_SIZE });
                    const fresh = page.messages.filter((message) => message.id && !known?.has(message.id)).reverse();
                    this.markSeen(spaceId, page.messages);
                    // The first refresh of a space nobody listed yet only learns what is there.
                    if (!known) return;
                    for (const message of fresh) this.announce({ type: 'created', spaceId, message });
                } catch {
                    // A refresh that failed is tried again in 10 s; the space says why if a post fails too.
                }
            })
        );
    }
}
