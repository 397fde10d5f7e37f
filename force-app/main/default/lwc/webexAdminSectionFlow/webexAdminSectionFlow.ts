/**
 * The one state machine of a Webex Admin section: load → ready → busy (saving, or the section's own action) →
 * saved or failed, and a load that failed → Retry. The section's frame (c-webex-admin-section) shows the state;
 * the section only says which controller method to call and what to do with the answer.
 *
 * The state is one plain object on the section (`state`), replaced on every step so LWC re-renders: a class
 * instance's own fields would not be tracked. Every failure goes through `toWebexError`, so what the
 * administrator reads is a sentence, never a stack; every success is said in the section and as a toast.
 */
import { LightningElement } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import { toWebexError } from 'c/webexErrors';
import { formatLabel } from 'c/webexLabelFormat';
import { callWithRetry, type RetryWait } from 'c/webexRetry';
import type { SectionFrame } from 'c/webexAdminSection';

/** What a section shows about itself; its frame reads it. */
export interface SectionState {
    /** What is under way (`loading`, `saving`, or the section's own action); null when idle. */
    busy: string | null;
    /** The line beside the spinner while busy. */
    busyMessage: string | null;
    /** True once the first load answered: the section's fields can show. */
    loaded: boolean;
    /** Why the load failed; the frame offers Retry. */
    loadError: string | null;
    /** Why the last save or action failed, or what the form lacks before anything is sent. */
    error: string | null;
    /** What was just saved or done. */
    success: string | null;
}

/** The state of a section that has not asked the server anything yet. */
export const IDLE: SectionState = Object.freeze({
    busy: null,
    busyMessage: null,
    loaded: false,
    loadError: null,
    error: null,
    success: null
});

/** The section component, as the flow sees it. */
export interface SectionHost {
    state: SectionState;
    dispatchEvent(toast: Event): boolean;
}

export interface SectionFlowOptions {
    /** The toast's title: the section's title (a function when it depends on the section's attributes). */
    title: string | (() => string);
    /** The busy line of each action: `loading` and `saving` at least. */
    busyMessages: Readonly<Record<string, string>>;
    /** Calls that reach Webex wait and retry when Webex rate-limits them (c/webexRetry). */
    retryRateLimits?: boolean;
    /** With `retryRateLimits`: the busy line during a wait, "Retrying in {0} s (attempt {1} of {2})…". */
    retryingMessage?: string;
}

export interface RunOptions<T> {
    /** What to do with the answer (before the success is said). */
    apply?: (result: T) => void;
    /** What to say once done (in the section and as a toast); none for a silent action. */
    success?: string | ((result: T) => string | null) | null;
    /** Keep the success already shown (a follow-up action of the one that succeeded). */
    keepSuccess?: boolean;
    /**
     * The answer is all a load would bring (an action section's status): once it came, a load that failed
     * before no longer holds and its Retry goes.
     */
    replacesLoad?: boolean;
}

export class SectionFlow {
    private readonly host: SectionHost;
    private readonly options: SectionFlowOptions;
    private lastLoad: (() => Promise<boolean>) | null = null;

    constructor(host: SectionHost, options: SectionFlowOptions) {
        this.host = host;
        this.options = options;
    }

    get isBusy(): boolean {
        return this.host.state.busy !== null;
    }

    /**
     * Asks the server for what the section shows (again, for a section whose own button reloads it). A failure is
     * said with Retry (`retry()` loads the same way again); what was shown before stays. Returns whether the
     * answer came.
     */
    load<T>(call: () => Promise<T>, apply: (result: T) => void): Promise<boolean> {
        this.lastLoad = () => this.load(call, apply);
        this.set({ ...this.busyWith('loading'), loadError: null, error: null });
        return this.attempt(call).then(
            (result) => {
                apply(result);
                this.set({ busy: null, busyMessage: null, loaded: true });
                return true;
            },
            (error: unknown) => {
                this.set({ busy: null, busyMessage: null, loadError: toWebexError(error).message });
                return false;
            }
        );
    }

    /** The Retry of a failed load: the same call again. */
    retry(): Promise<boolean> {
        return this.lastLoad ? this.lastLoad() : Promise.resolve(false);
    }

    /**
     * Runs a call that changes something (`saving`, or the section's own action such as `deleting`): busy while
     * it runs, then the success, or the failure's message with everything the administrator entered kept.
     * Returns the answer, or null when it failed.
     */
    run<T>(action: string, call: () => Promise<T>, options: RunOptions<T> = {}): Promise<T | null> {
        const success = options.keepSuccess ? {} : { success: null };
        this.set({ ...this.busyWith(action), error: null, ...success });
        return this.attempt(call).then(
            (result) => {
                options.apply?.(result);
                const loaded = options.replacesLoad ? { loaded: true, loadError: null } : {};
                this.set({ busy: null, busyMessage: null, ...loaded });
                const message = typeof options.success === 'function' ? options.success(result) : options.success;
                if (message) this.succeed(message);
                return result;
            },
            (error: unknown) => {
                this.set({ busy: null, busyMessage: null, error: toWebexError(error).message });
                return null;
            }
        );
    }

    /** Says what is done, in the section and as a toast. */
    succeed(message: string): void {
        this.set({ success: message });
        const title = typeof this.options.title === 'function' ? this.options.title() : this.options.title;
        this.host.dispatchEvent(new ShowToastEvent({ title, message, variant: 'success' }));
    }

    /** Refuses before sending anything (what the form lacks), or says a failure found some other way. */
    fail(message: string | null): void {
        this.set({ error: message, success: null });
    }

    /** The administrator changed something: the last success no longer describes the form. */
    edited(): void {
        if (this.host.state.success) this.set({ success: null });
    }

    /** Forgets the last success and failure (a form reset). */
    clear(): void {
        this.set({ error: null, success: null });
    }

    /** Keeps the section busy after a call succeeded (the page is about to go elsewhere). */
    stayBusy(action: string): void {
        this.set(this.busyWith(action));
    }

    private busyWith(action: string): Pick<SectionState, 'busy' | 'busyMessage'> {
        return { busy: action, busyMessage: this.options.busyMessages[action] ?? null };
    }

    private attempt<T>(call: () => Promise<T>): Promise<T> {
        if (!this.options.retryRateLimits) {
            // Whatever the call returns or throws becomes a promise (a stand-in may answer with a plain value).
            try {
                return Promise.resolve(call());
            } catch (error) {
                return Promise.reject(error);
            }
        }
        const action = this.host.state.busy;
        return callWithRetry(call, {
            onWait: (wait: RetryWait | null) => {
                const waiting = wait && this.options.retryingMessage;
                const line = waiting
                    ? formatLabel(this.options.retryingMessage ?? '', wait.secondsLeft, wait.attempt, wait.maxAttempts)
                    : (this.options.busyMessages[action ?? ''] ?? null);
                this.set({ busyMessage: line });
            }
        });
    }

    private set(change: Partial<SectionState>): void {
        this.host.state = { ...this.host.state, ...change };
    }
}

/**
 * A section whose page is a status the server answers with (StatusFlow, StatusSection): its `status` is the last one
 * the server answered, null until the first answer.
 */
export type StatusHost<T> = SectionHost & Record<'status', T | null>;

export interface StatusFlowOptions<T> extends SectionFlowOptions, Omit<StatusFrameOptions, 'heading'> {
    /** The section's title: its frame's heading and its toasts' title. */
    title: string;
    /** The controller call that answers with the section's status: on arrival, and again on Retry. */
    loadStatus: () => Promise<T | undefined>;
    /**
     * Shows a status the server answered; `action` is what brought it (`loading` for the load). Without it, the
     * answer becomes the host's `status`.
     */
    show?: (answer: T | null, action: string) => void;
}

/**
 * The flow of an action section whose status is its page (Integration Settings, Salesforce Authorization, Webex
 * Site for Webhooks, User Integration): the status loads on arrival and on Retry, and every button answers with
 * the whole status, which replaces the one shown (and a load error shown before). A failed action leaves the
 * status as it was. Its calls reach Webex or Salesforce's own APIs, so they wait out a rate limit unless the options
 * say `retryRateLimits: false`.
 */
export class StatusFlow<T> extends SectionFlow {
    /** The section's frame: its title, icon and help, its buttons speaking in a polite region. */
    readonly frame: SectionFrame;
    private readonly loadStatus: () => Promise<T | undefined>;
    private readonly show: (answer: T | null, action: string) => void;

    constructor(host: StatusHost<T>, options: StatusFlowOptions<T>) {
        super(host, { retryRateLimits: true, ...options });
        const { title, help, iconName, nested, successDetail, errorTitle } = options;
        this.frame = statusFrame({ heading: title, help, iconName, nested, successDetail, errorTitle });
        this.loadStatus = options.loadStatus;
        this.show =
            options.show ??
            ((answer) => {
                host.status = answer;
            });
    }

    /** Loads the status (the section's `connectedCallback`). */
    start(): Promise<boolean> {
        return this.load(this.loadStatus, (answer) => this.show(answer ?? null, 'loading'));
    }

    /** Runs a button's call, whose answer is the new status (see `run` for the busy line, success and failure). */
    act(action: string, call: () => Promise<T>, options: RunOptions<T> = {}): Promise<T | null> {
        const apply = (answer: T) => this.show(answer ?? null, action);
        return this.run(action, call, { ...options, apply, replacesLoad: true });
    }
}

/**
 * The component class of a status section: its state and status, its frame, its load on arrival, Retry and busy.
 * A section extends it and declares only its `flow` (a StatusFlow with its title, help, busy lines and the
 * controller call that answers with its status), its fields and its buttons' calls.
 *
 * A component may extend a class of its own that extends LightningElement, as it extends the platform's mixins
 * (`NavigationMixin(LightningElement)`, LWC Developer Guide "Navigate to Pages, Records, and Lists"): the LWC
 * compiler registers each class's fields, this one's `state` and `status` included, so they stay reactive.
 */
export abstract class StatusSection<T> extends LightningElement implements StatusHost<T> {
    state: SectionState = IDLE;
    status: T | null = null;
    /** The section's flow; the subclass creates it with `new StatusFlow<T>(this, { … })`. */
    protected abstract readonly flow: StatusFlow<T>;

    get frame(): SectionFrame {
        return this.flow.frame;
    }

    connectedCallback(): void {
        this.flow.start();
    }

    /** The Retry of a failed load. */
    handleRetry(): void {
        this.flow.retry();
    }

    get isBusy(): boolean {
        return this.flow.isBusy;
    }

    get hasStatus(): boolean {
        return this.status !== null;
    }
}

/** What an action section's frame says: its title, icon (none when `nested` in another section) and help. */
export interface StatusFrameOptions {
    heading: string;
    help: string;
    iconName?: string;
    nested?: boolean;
    successDetail?: boolean;
    /** The title of its alerts (a failed load and a failed action). */
    errorTitle: string;
}

/** The frame of an action section: buttons that say what happened in a polite region, no save row. */
export function statusFrame({ errorTitle, ...frame }: StatusFrameOptions): SectionFrame {
    return { ...frame, notices: true, labels: { errorTitle } };
}
