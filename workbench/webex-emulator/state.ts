/**
 * The Webex emulator's in-memory world: seeded people, spaces, meetings, calls and OAuth clients,
 * what clients created, webhooks and their deliveries, the SDK's devices and websockets, faults,
 * settings and a request log.
 */
import type { WebexEvent } from './events.ts';
import { MercuryHub } from './mercury.ts';
import { readSeed } from './seed.ts';
import { defaultSettings, type EmulatorSettings } from './settings.ts';
import { CallStore } from './store/call-store.ts';
import { DeviceStore } from './store/device-store.ts';
import { MeetingStore } from './store/meeting-store.ts';
import { MessagingStore } from './store/messaging-store.ts';
import { OAuthStore } from './store/oauth-store.ts';
import { WebhookDeliveries } from './webhook-delivery.ts';

export { webexId } from './ids.ts';

/** A seeded Webex user: a `Person` of the OpenAPI contract plus the bearer token that acts as them. */
export interface EmulatedUser {
    id: string;
    emails: string[];
    displayName: string;
    firstName: string;
    lastName: string;
    orgId: string;
    roles: string[];
    /** Absent for bots, which have no line. */
    extension?: string;
    phoneNumbers: Array<{ type: string; value: string; primary: boolean }>;
    /** `person` unless said otherwise (the seed has a bot for space notifications). */
    type?: 'person' | 'bot';
    /**
     * Someone added to a space by an email Webex did not know: invited, without an account yet (no token, cannot
     * sign in). See store/invitations.ts.
     */
    invitePending?: boolean;
    accessToken: string;
}

/** A webhook as the contract's `Webhook` schema describes it. */
export interface EmulatedWebhook {
    id: string;
    name: string;
    targetUrl: string;
    resource: string;
    event: string;
    filter?: string;
    secret?: string;
    status: 'active' | 'inactive';
    created: string;
    ownedBy?: string;
    orgId: string;
    createdBy: string;
    appId: string;
}

/** An injected failure: answers matching requests with `status` (and `Retry-After`) or delays them. */
export interface Fault {
    method?: string;
    /** Path prefix, e.g. `/v1/people/me`. */
    path: string;
    status?: number;
    retryAfter?: number;
    latencyMs?: number;
    /** How many matching requests it applies to; unlimited when absent. */
    times?: number;
}

export interface RecordedRequest {
    method: string;
    path: string;
    query: Record<string, string>;
    body: unknown;
    authorized: string | null;
    at: string;
}

/** Who a bearer token acts as, and with which scopes (null: a personal token, every scope). */
export interface Caller {
    user: EmulatedUser;
    scopes: string[] | null;
}

/** The request log keeps the most recent requests only, so a long demo does not grow without bound. */
const REQUEST_LOG_LIMIT = 5000;

export class EmulatorState {
    users: EmulatedUser[] = [];
    webhooks: EmulatedWebhook[] = [];
    faults: Fault[] = [];
    requests: RecordedRequest[] = [];
    settings: EmulatorSettings = defaultSettings();
    readonly deliveries: WebhookDeliveries = new WebhookDeliveries(this);
    readonly oauth: OAuthStore = new OAuthStore(() => this.users);
    readonly messaging: MessagingStore = new MessagingStore(this);
    readonly meetings: MeetingStore = new MeetingStore(this);
    readonly calls: CallStore = new CallStore(this);
    /** Devices the Webex JS SDK registered, and their Mercury websockets. */
    readonly devices: DeviceStore = new DeviceStore();
    readonly mercury: MercuryHub = new MercuryHub(this);

    constructor() {
        this.reset();
    }

    /** Back to the seeded world (tests call it between stories): data, settings, faults and logs. */
    reset(): void {
        const now = Date.now();
        this.users = readSeed<EmulatedUser[]>('users.json');
        this.webhooks = [];
        this.faults = [];
        this.requests = [];
        this.settings = defaultSettings();
        this.deliveries.reset();
        this.oauth.reset();
        this.messaging.reset(now);
        this.meetings.reset(now);
        this.calls.reset(now);
        this.devices.reset();
        this.mercury.closeAll();
    }

    /** Stops what runs in the background (call timers, deliveries in flight). */
    dispose(): void {
        this.calls.dispose();
        this.deliveries.reset();
        this.mercury.closeAll();
    }

    userForToken(token: string): EmulatedUser | undefined {
        return this.authenticate(token)?.user;
    }

    /** A seeded personal token, or a live access token issued through OAuth. */
    authenticate(token: string): Caller | undefined {
        const seeded = this.users.find((user) => user.accessToken && user.accessToken === token);
        if (seeded) return { user: seeded, scopes: null };
        const issued = this.oauth.lookup(token);
        const user = issued?.kind === 'access' ? this.userById(issued.userId) : undefined;
        return user && issued ? { user, scopes: issued.scopes } : undefined;
    }

    userById(id: string): EmulatedUser | undefined {
        return this.users.find((user) => user.id === id);
    }

    userByEmail(email: string): EmulatedUser | undefined {
        const wanted = email.toLowerCase();
        return this.users.find((user) => user.emails.some((e) => e.toLowerCase() === wanted));
    }

    /**
     * The user a dialled destination reaches: an email or SIP address, an extension, or a phone
     * number (compared on digits, and on the last ten digits when both have at least ten).
     */
    userForDestination(destination: string): EmulatedUser | undefined {
        if (destination.includes('@')) return this.userByEmail(destination);
        const wanted = destination.replace(/\D/g, '');
        if (!wanted) return undefined;
        return this.users.find(
            (user) =>
                user.extension === destination ||
                user.phoneNumbers.some((phone) => {
                    const have = phone.value.replace(/\D/g, '');
                    return (
                        have === wanted ||
                        (have.length >= 10 && wanted.length >= 10 && have.slice(-10) === wanted.slice(-10))
                    );
                })
        );
    }

    /** Something happened: tell the webhooks that listen for it, and the SDK's websockets. */
    emit(event: WebexEvent): void {
        this.deliveries.dispatch(event);
        this.mercury.publish(event);
    }

    recordRequest(request: RecordedRequest): void {
        this.requests.push(request);
        if (this.requests.length > REQUEST_LOG_LIMIT) this.requests.splice(0, this.requests.length - REQUEST_LOG_LIMIT);
    }

    /** The first fault matching the request, consuming one of its `times`. */
    takeFault(method: string, pathname: string): Fault | undefined {
        const fault = this.faults.find(
            (f) => (!f.method || f.method.toUpperCase() === method) && pathname.startsWith(f.path)
        );
        if (!fault) return undefined;
        if (fault.times !== undefined) {
            fault.times -= 1;
            if (fault.times <= 0) this.faults.splice(this.faults.indexOf(fault), 1);
        }
        return fault;
    }
}
