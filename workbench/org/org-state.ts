/**
 * The emulated org's platform state: who is signed in, its records (the package's own rows live there too, written
 * by its Apex), events published to `lightning/empApi` subscribers, its OAuth server, sites and Generic Streaming.
 * One instance per workbench server; tests reset it.
 */
import { EventEmitter } from 'node:events';
import { loadLabels, type Language } from './labels.ts';
import { forgetRenamedObjects, RecordStore } from './records.ts';
import { SalesforcePlatform } from './salesforce-platform.ts';
import { GenericStreaming } from './streaming.ts';

export interface EmulatedOrgUser {
    /** The signed-in User record's id (the seeded users of data/User.json). */
    id: string;
    name: string;
    language: Language;
}

/** A platform or streaming event published in the org, as `lightning/empApi` subscribers receive it. */
export interface OrgEvent {
    channel: string;
    replayId: number;
    createdDate: string;
    /** A platform event's fields; a Generic Streaming push's payload is its string, as empApi delivers it. */
    payload: Record<string, unknown> | string;
    /** Generic Streaming can address named users; platform events reach every subscriber (null). */
    userIds: string[] | null;
}

const DEFAULT_USER = 'avery.admin@acme-webex.example';

/** The daily allocation of delivered platform events on Enterprise Edition (PRODUCT.md B9). */
export const DAILY_DELIVERED_PLATFORM_EVENTS = 25_000;

export class EmulatedOrg {
    readonly orgId = '00D5g00000WbXAMPLE';
    readonly labels = loadLabels();
    webexBaseUrl: string;
    records = new RecordStore();
    user: EmulatedOrgUser = this.signIn(DEFAULT_USER);
    /** Events published since the last reset; `eventBus` emits each one as `event`. */
    events: OrgEvent[] = [];
    readonly eventBus = new EventEmitter();
    /** URL.getOrgDomainUrl(): the workbench server itself (set when it starts listening). */
    myDomainUrl = 'http://localhost:3333';
    /** The org's OAuth server, Metadata API, Remote Site Settings and site (salesforce-platform.ts). */
    readonly salesforce = new SalesforcePlatform();
    /** Generic Streaming: StreamingChannel records and deliveries to subscribers (streaming.ts). */
    readonly streaming = new GenericStreaming();
    /**
     * PermissionSetAssignment, by permission set name: the user ids assigned in Setup (outside the
     * package's tab). Users with the System Administrator profile hold Webex_Admin as `signIn` says.
     */
    permissionSetAssignments = new Map<string, Set<string>>();
    /**
     * Assignments removed in Setup (Manage Assignments › Remove Assignments), by permission set name: the user ids
     * that no longer hold it, though the org setup script assigned it to them (apex-host/org-apex.ts `sessionOf`).
     */
    permissionSetRemovals = new Map<string, Set<string>>();
    /** OrgLimits' DailyDeliveredPlatformEvents value set by a story; null counts today's `events`. */
    deliveredPlatformEventsOverride: number | null = null;
    /**
     * The namespace the package runs with (namespace.ts): '' deployed unpackaged (the default), or the
     * package's (`WORKBENCH_NAMESPACE=webexsf`) to run it as installed. A reset keeps it.
     */
    namespace = (process.env.WORKBENCH_NAMESPACE ?? '').trim();

    constructor(webexBaseUrl: string) {
        this.webexBaseUrl = webexBaseUrl;
    }

    /** Runs the package as installed with this namespace from now on ('' for unpackaged), resets included. */
    useNamespace(namespace: string): void {
        this.namespace = namespace.trim();
    }

    reset(): void {
        this.records = new RecordStore();
        forgetRenamedObjects();
        this.user = this.signIn(DEFAULT_USER);
        this.events = [];
        this.salesforce.reset();
        this.streaming.reset();
        this.permissionSetAssignments = new Map();
        this.permissionSetRemovals = new Map();
        this.deliveredPlatformEventsOverride = null;
    }

    /** Assigns a permission set to a seeded user (by id, username or email), as an admin does in Setup. */
    assignPermissionSet(permissionSet: string, who: string): void {
        const user = this.records
            .list('User')
            .find((u) => u.Id === who || u.Username === who || u.Email === who || u.Id.startsWith(who));
        if (!user) throw new Error(`No such user ${who}`);
        const assignees = this.permissionSetAssignments.get(permissionSet) ?? new Set<string>();
        assignees.add(user.Id);
        this.permissionSetAssignments.set(permissionSet, assignees);
        this.permissionSetRemovals.get(permissionSet)?.delete(user.Id);
    }

    /** Removes a permission set from a seeded user (by id, username or email), as an admin does in Setup. */
    removePermissionSet(permissionSet: string, who: string): void {
        const user = this.records
            .list('User')
            .find((u) => u.Id === who || u.Username === who || u.Email === who || u.Id.startsWith(who));
        if (!user) throw new Error(`No such user ${who}`);
        this.permissionSetAssignments.get(permissionSet)?.delete(user.Id);
        const removed = this.permissionSetRemovals.get(permissionSet) ?? new Set<string>();
        removed.add(user.Id);
        this.permissionSetRemovals.set(permissionSet, removed);
    }

    /** OrgLimits.getMap().get('DailyDeliveredPlatformEvents'): used today, and the allocation. */
    deliveredPlatformEvents(): { used: number; max: number } {
        const today = new Date().toISOString().slice(0, 10);
        const used =
            this.deliveredPlatformEventsOverride ??
            this.events.filter((event) => event.channel.startsWith('/event/') && event.createdDate.startsWith(today))
                .length;
        return { used, max: DAILY_DELIVERED_PLATFORM_EVENTS };
    }

    /** Signs in a seeded user (by id, username or email). */
    signIn(who: string): EmulatedOrgUser {
        const user = this.records
            .list('User')
            .find((u) => u.Id === who || u.Username === who || u.Email === who || u.Id.startsWith(who));
        if (!user) throw new Error(`No such user ${who}`);
        this.user = {
            id: user.Id,
            name: String(user.Name),
            language: user.LanguageLocaleKey === 'fr' ? 'fr' : 'en'
        };
        return this.user;
    }

    /** Publishes an event to `lightning/empApi` subscribers (all of them, or only `userIds`). */
    publish(channel: string, payload: OrgEvent['payload'], userIds: string[] | null = null): OrgEvent {
        const event: OrgEvent = {
            channel,
            replayId: this.events.length + 1,
            createdDate: new Date().toISOString(),
            payload,
            userIds
        };
        this.events.push(event);
        this.eventBus.emit('event', event);
        return event;
    }
}
