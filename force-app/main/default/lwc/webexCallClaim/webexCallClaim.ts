/**
 * Which of the rep's browser tabs shows a call (docs/calling.md, "One tab").
 *
 * Every tab of the rep's browser receives the same push, and each one would otherwise pop the same
 * incoming call. The tabs agree over a `BroadcastChannel` named `webex-calling`: a tab that wants to
 * show a call claims its id; the earliest claim wins (claim time, then tab id, so every tab reaches
 * the same answer from the same messages), and the other tabs stay quiet. A tab waits a short window
 * after claiming so that the claims of its siblings, sent at the same moment, reach it; a tab that
 * already won answers a late claim with its own, so a tab that wakes up later learns it lost.
 *
 * Claim time is the tab's clock: all tabs of one browser share it. A tab that dialled a call claims
 * it with the time it started dialling, before any push about the call could reach another tab.
 *
 * Without `BroadcastChannel` (an old browser, a test) every claim wins at once: one tab is all there is.
 */

/** The channel name every tab of the rep's browser uses. */
export const CLAIM_CHANNEL_NAME = 'webex-calling';
/** How long a tab listens for the claims of its siblings before it knows it won (ms). */
export const CLAIM_WINDOW_MS = 150;
/** Claims remembered per tab (older ones are forgotten: their calls ended long ago). */
export const MAX_REMEMBERED_CLAIMS = 50;

/** The part of `BroadcastChannel` the claims use (tests pass their own). */
export interface ClaimChannel {
    postMessage(message: unknown): void;
    onmessage: ((message: MessageEvent) => void) | null;
    // eslint-disable-next-line no-restricted-globals -- a type member, not the browser global the rule guards
    close(): void;
}

export interface CallClaimsOptions {
    /** The channel to the other tabs; default a `BroadcastChannel`, or none where the browser has none. */
    channel?: ClaimChannel | null;
    /** This tab's id (default: random). */
    tabId?: string;
    windowMs?: number;
    now?: () => number;
    /** Waits `ms` milliseconds (default: a timer). */
    wait?: (ms: number) => Promise<void>;
}

interface Claim {
    tabId: string;
    at: number;
}

interface ClaimMessage extends Claim {
    type: 'claim';
    key: string;
}

function isClaimMessage(value: unknown): value is ClaimMessage {
    const message = value as Partial<ClaimMessage> | null;
    return (
        typeof message === 'object' &&
        message !== null &&
        message.type === 'claim' &&
        typeof message.key === 'string' &&
        typeof message.tabId === 'string' &&
        typeof message.at === 'number' &&
        Number.isFinite(message.at)
    );
}

/** True when `a` was claimed before `b` (ties go to the smaller tab id). */
function precedes(a: Claim, b: Claim): boolean {
    return a.at < b.at || (a.at === b.at && a.tabId < b.tabId);
}

function defaultChannel(): ClaimChannel | null {
    return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CLAIM_CHANNEL_NAME);
}

function defaultWait(ms: number): Promise<void> {
    return new Promise((resolve) => {
        // The claim window: the sibling tabs' claims travel through the browser, not through this code.
        // eslint-disable-next-line @lwc/lwc/no-async-operation
        setTimeout(resolve, ms);
    });
}

function randomTabId(): string {
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The claims of one tab. Create one per dialer and `close()` it when the dialer goes. */
export class CallClaims {
    readonly tabId: string;
    private readonly channel: ClaimChannel | null;
    private readonly windowMs: number;
    private readonly now: () => number;
    private readonly wait: (ms: number) => Promise<void>;
    /** The earliest claim heard per key (Map keeps insertion order: the first entries are the oldest). */
    private readonly claims = new Map<string, Claim>();
    /** Claims of this tab still in their window: asking again gives the same answer. */
    private readonly pending = new Map<string, Promise<boolean>>();

    constructor(options: CallClaimsOptions = {}) {
        this.tabId = options.tabId ?? randomTabId();
        this.channel = options.channel === undefined ? defaultChannel() : options.channel;
        this.windowMs = options.windowMs ?? CLAIM_WINDOW_MS;
        this.now = options.now ?? (() => Date.now());
        this.wait = options.wait ?? defaultWait;
        if (this.channel) this.channel.onmessage = (event: MessageEvent) => this.receive(event.data);
    }

    /**
     * Claims `key` (a call id) for this tab; resolves true when this tab shows it, false when another
     * tab claimed it first.
     * @param at when this tab's interest began (default now; a dialled call: when dialling started)
     */
    claim(key: string, at: number = this.now()): Promise<boolean> {
        const waiting = this.pending.get(key);
        if (waiting) return waiting;
        const mine: Claim = { tabId: this.tabId, at };
        const known = this.claims.get(key);
        if (known?.tabId === this.tabId) return Promise.resolve(true);
        if (known && precedes(known, mine)) return Promise.resolve(false);
        this.remember(key, mine);
        if (!this.channel) return Promise.resolve(true);
        this.post(key, mine);
        const decided = this.wait(this.windowMs).then(() => {
            this.pending.delete(key);
            return this.claims.get(key)?.tabId === this.tabId;
        });
        this.pending.set(key, decided);
        return decided;
    }

    /** True when another tab claimed `key` first (this tab must stay quiet about it). */
    isClaimedElsewhere(key: string): boolean {
        const known = this.claims.get(key);
        return Boolean(known && known.tabId !== this.tabId);
    }

    close(): void {
        if (!this.channel) return;
        this.channel.onmessage = null;
        this.channel.close();
    }

    private receive(data: unknown): void {
        if (!isClaimMessage(data) || data.tabId === this.tabId) return;
        const incoming: Claim = { tabId: data.tabId, at: data.at };
        const known = this.claims.get(data.key);
        if (!known || precedes(incoming, known)) {
            this.remember(data.key, incoming);
        } else if (known.tabId === this.tabId) {
            // A late claim: tell that tab this one was first.
            this.post(data.key, known);
        }
    }

    private post(key: string, claim: Claim): void {
        const message: ClaimMessage = { type: 'claim', key, tabId: claim.tabId, at: claim.at };
        this.channel?.postMessage(message);
    }

    private remember(key: string, claim: Claim): void {
        this.claims.delete(key);
        this.claims.set(key, claim);
        while (this.claims.size > MAX_REMEMBERED_CLAIMS) {
            const oldest = this.claims.keys().next().value as string;
            this.claims.delete(oldest);
        }
    }
}
