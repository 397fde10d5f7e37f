/**
 * Placing the call the rep asked for (B1, B8), once the number is read:
 *
 * - Webex Calling: Salesforce dials (`c/webexCallSession`); while Webex rate-limits the dial (429), the
 *   countdown to the next try is `retryWait`. A refusal is passed on as it came.
 * - Unified CM / BroadWorks: Salesforce cannot place the call. The Webex app is the computer's handler for
 *   `tel:` links, so opening one hands it the number and the app places the call. Salesforce only knows it
 *   started (`appCall`, named by `appCallId` for its log): no duration, no hang-up, the app reports nothing.
 */
import { appCallId } from 'c/webexCallLogHandoff';
import type { DialOptions } from 'c/webexCallSession';
import type { RetryWait } from 'c/webexRetry';

/** A call the Webex app places (Unified CM, BroadWorks): Salesforce only knows it started. */
export interface AppCall {
    callId: string;
    number: string;
}

/** What the panel shows of the call being placed. */
export interface PlacementState {
    retryWait: RetryWait | null;
    appCall: AppCall | null;
}

export const NOT_PLACING: PlacementState = Object.freeze({ retryWait: null, appCall: null });

export interface CallPlacementOptions {
    /** Dials on Webex Calling (`CallSession.dial`); null when no call could start (one is in progress). */
    dial: (destination: string, options: DialOptions) => Promise<WebexDialResult | null>;
    onChange: (state: PlacementState) => void;
    /** Opens a `tel:` link in this window (tests pass their own). */
    openLink?: (url: string) => void;
}

/** One dialer's way of placing calls. */
export class CallPlacement {
    private current: PlacementState = NOT_PLACING;
    private readonly options: CallPlacementOptions;

    constructor(options: CallPlacementOptions) {
        this.options = options;
    }

    get state(): PlacementState {
        return this.current;
    }

    /**
     * Places a call to `destination` (E.164, `;ext=` kept): dialled here, or through the Webex app. Resolves
     * with the call's id (its log's key), null when none started; rejects with Webex's refusal.
     */
    async place(destination: string, throughApp: boolean): Promise<string | null> {
        if (throughApp) {
            (this.options.openLink ?? openInThisWindow)(`tel:${destination}`);
            const callId = appCallId();
            this.update({ appCall: { callId, number: destination } });
            return callId;
        }
        try {
            const result = await this.options.dial(destination, {
                onWait: (retryWait) => this.update({ retryWait })
            });
            return result?.callId ?? null;
        } finally {
            this.update({ retryWait: null });
        }
    }

    /** The Webex app's call is over (its card and log closed). */
    forgetAppCall(): void {
        if (this.current.appCall) this.update({ appCall: null });
    }

    private update(change: Partial<PlacementState>): void {
        this.current = { ...this.current, ...change };
        this.options.onChange(this.current);
    }
}

function openInThisWindow(url: string): void {
    window.open(url, '_self');
}
