/**
 * The emulated org: who is signed in, what the package stored (its protected custom setting), and
 * whether the webhook site exists. One instance per workbench server; tests reset it.
 */
import { EventEmitter } from 'node:events';
import { loadLabels, formatLabel, type Language } from './labels.ts';
import { FeatureAccessStore, PeopleSearchStore } from './access-settings.ts';
import { forgetRenamedObjects, RecordStore } from './records.ts';
import { SalesforcePlatform } from './salesforce-platform.ts';
import { GenericStreaming } from './streaming.ts';
import { WebhookSite } from './site/webhook-resource.ts';
import { CallingSettingsStore } from './apex/calling-settings.ts';

export interface EmulatedOrgUser {
    /** The signed-in User record's id (the seeded users of data/User.json). */
    id: string;
    name: string;
    language: Language;
    /** Custom permissions granted through permission sets (`Webex_Admin`). */
    customPermissions: string[];
}

/** Rows of the protected list custom setting WebexCredential__c. */
export interface StoredCredential {
    secret: string;
    ownerDisplayName?: string;
    ownerEmail?: string | null;
    webexOrgId?: string;
    webexPersonId?: string;
    verifiedAt?: string;
    /** SalesforceUserId__c: for a Salesforce authorization row, the user it belongs to. */
    salesforceUserId?: string;
    /** ExpiresAt__c: for a user's Webex connection row, when its access token expires. */
    expiresAt?: string | null;
    /** Problem__c: for a user's Webex connection row, why it stopped working (`expired`, `no_site`, `webhooks`). */
    problem?: string | null;
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
    credentials = new Map<string, StoredCredential>();
    /** SiteDetail.SecureUrl of the active "Webex_Webhooks" site, or null before it is created. */
    siteUrl: string | null = null;
    /** URL.getOrgDomainUrl(): the workbench server itself (set when it starts listening). */
    myDomainUrl = 'http://localhost:3333';
    /** The org's OAuth server, Metadata API, Remote Site Settings and site (salesforce-platform.ts). */
    readonly salesforce = new SalesforcePlatform();
    /** Who has each feature (WebexFeatureAccess__c) and what each people search looks in (WebexPeopleSearch__c). */
    featureAccess = new FeatureAccessStore();
    peopleSearch = new PeopleSearchStore();
    /** The calling settings (backend, call-log objects, phone fields) and More info tabs (apex/calling-settings.ts). */
    calling = new CallingSettingsStore(this);
    /** The site's webhook endpoint: handlers, replay receipts, what it dispatched (site/webhook-resource.ts). */
    readonly webhookSite: WebhookSite = new WebhookSite(this);
    /** Generic Streaming: StreamingChannel records and deliveries to subscribers (streaming.ts). */
    readonly streaming = new GenericStreaming();
    /**
     * PermissionSetAssignment, by permission set name: the user ids assigned in Setup (outside the
     * package's tab). Users with the System Administrator profile hold Webex_Admin as `signIn` says.
     */
    permissionSetAssignments = new Map<string, Set<string>>();
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
        this.credentials.clear();
        this.siteUrl = null;
        this.salesforce.reset();
        this.featureAccess = new FeatureAccessStore();
        this.peopleSearch = new PeopleSearchStore();
        this.calling = new CallingSettingsStore(this);
        this.webhookSite.reset();
        this.streaming.reset();
        this.permissionSetAssignments = new Map();
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
    }

    /** How many active users hold a permission set (WebexSetupSelector.activeAssigneeCount). */
    activeAssigneeCount(permissionSet: string): number {
        const assignees = new Set(this.permissionSetAssignments.get(permissionSet) ?? []);
        for (const user of this.records.list('User')) {
            const administrator = this.records.get(String(user.ProfileId))?.Name === 'System Administrator';
            if (permissionSet === 'Webex_Admin' && administrator) assignees.add(user.Id);
        }
        return [...assignees].filter((id) => this.records.get(id)?.IsActive !== false).length;
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

    /**
     * Signs in a seeded user (by id, username or email): the admin holds the Webex Admin permission
     * set, everyone else only what tests grant them.
     */
    signIn(who: string): EmulatedOrgUser {
        const user = this.records
            .list('User')
            .find((u) => u.Id === who || u.Username === who || u.Email === who || u.Id.startsWith(who));
        if (!user) throw new Error(`No such user ${who}`);
        const profile = this.records.get(String(user.ProfileId));
        this.user = {
            id: user.Id,
            name: String(user.Name),
            language: user.LanguageLocaleKey === 'fr' ? 'fr' : 'en',
            customPermissions: profile?.Name === 'System Administrator' ? ['Webex_Admin'] : []
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

    /** A custom label in the signed-in user's language, formatted like String.format. */
    label(name: string, ...args: Array<string | number>): string {
        const value = this.labels[this.user.language][name] ?? this.labels.en[name];
        if (value === undefined) throw new Error(`Unknown custom label ${name}`);
        return formatLabel(value, ...args);
    }

    hasCustomPermission(name: string): boolean {
        return this.user.customPermissions.includes(name);
    }
}
