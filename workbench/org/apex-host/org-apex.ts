/**
 * The emulated org's side of the Apex host: what a transaction carries from the org (the signed-in user, the
 * permission sets the seeded users hold, object labels, today's limits), where the Apex's callouts go, and where
 * what it publishes goes (platform events to `lightning/empApi` subscribers).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { ADMIN_PROFILE, permissionSetsFor } from '../../../scripts/org/plan.ts';
import type { EmulatedOrg } from '../org-state.ts';
import { describeObject, knownObjects } from '../records.ts';
import { ApexHost, projectRemoteSites, remoteSiteAllows, PROJECT_DIR, type HostAnswer } from './host.ts';
import type { AsyncResponse, Entry, PageCall, RestCall, Session } from './protocol.ts';

/** The Webex API origin the package's Remote Site Setting names; its callouts go to the Webex emulator. */
const WEBEX_API_ORIGIN = 'https://webexapis.com';

/** The project's permission sets (`permissionsets/<Name>.permissionset-meta.xml`). */
function projectPermissionSets(): string[] {
    const dir = path.join(PROJECT_DIR, 'force-app', 'main', 'default', 'permissionsets');
    return readdirSync(dir)
        .filter((f) => f.endsWith('.permissionset-meta.xml'))
        .map((f) => f.replace('.permissionset-meta.xml', ''));
}

/**
 * The signed-in user, in the page's language, and the permission sets each seeded user holds: those the org setup
 * script assigns by profile (scripts/org/plan.ts permissionSetsFor), plus the assignments made in Setup.
 */
export function sessionOf(org: EmulatedOrg, permissionSets: string[], userId = org.user.id): Session {
    const held: Record<string, string[]> = {};
    for (const user of org.records.list('User')) {
        const profileRow = org.records.get(String(user.ProfileId));
        const profile = String(profileRow?.Name ?? '');
        // The setup script assigns the sample users only: a site's guest user holds what Setup or Apex gives it.
        const scripted =
            profileRow?.UserType === 'Guest'
                ? []
                : permissionSetsFor(profile === ADMIN_PROFILE ? ADMIN_PROFILE : profile, permissionSets);
        const sets = new Set(scripted);
        for (const [name, assignees] of org.permissionSetAssignments) if (assignees.has(user.Id)) sets.add(name);
        for (const [name, removed] of org.permissionSetRemovals) if (removed.has(user.Id)) sets.delete(name);
        held[user.Id] = [...sets].sort();
    }
    const language = userId === org.user.id ? org.user.language : org.records.get(userId)?.LanguageLocaleKey;
    return { userId, language: language === 'fr' ? 'fr' : 'en_US', permissionSets: held };
}

/** The fields the workbench's store holds, by object: what the worker mirrors back after each call. */
function mirroredFields(): Record<string, string[]> {
    return Object.fromEntries(
        knownObjects().map((name) => [name, ['Id', ...Object.keys(describeObject(name)?.fields ?? {})]])
    );
}

/**
 * The labels the emulated org gives its standard objects, renames included (records.ts describes, what getObjectInfo
 * answers): Apex describes give the same names.
 */
function objectLabels(): Record<string, { label: Record<string, string>; labelPlural: Record<string, string> }> {
    return Object.fromEntries(
        knownObjects().map((name) => {
            const describe = describeObject(name)!;
            return [name, { label: describe.label, labelPlural: describe.labelPlural }];
        })
    );
}

/** One `@salesforce/apex` call as `OrgApex.calls` keeps it. */
export interface ApexCallUsage {
    /** `Class.method`. */
    method: string;
    /** 200, or the error's status. */
    status: number;
    /** Governor-limit counters above 0 (`soqlQueries`, `dmlStatements`, `callouts`…). */
    limits: Record<string, number>;
}

/** Enough for a benchmark's page load; older calls are dropped. */
const MAX_CALLS_KEPT = 200;

/** The org's Apex: runs the package's entry points as the org's users, through one host per org. */
export class OrgApex {
    private started: ApexHost | null = null;
    private readonly org: EmulatedOrg;
    private readonly permissionSets = projectPermissionSets();
    private readonly remoteSites = projectRemoteSites();
    /** AsyncApexJob outcomes, newest last (what Setup › Apex Jobs shows). */
    readonly jobs: AsyncResponse['jobs'] = [];
    /**
     * The last `@salesforce/apex` calls, newest last, with their governor-limit usage (what a debug log's
     * LIMIT_USAGE lines say of each request): how the benchmarks count the queries a component's load costs.
     */
    readonly calls: ApexCallUsage[] = [];

    constructor(org: EmulatedOrg) {
        this.org = org;
    }

    /** The host, started on first use: an org that never runs Apex (most node tests) starts no worker to stop. */
    get host(): ApexHost {
        this.started ??= new ApexHost({
            mirroredFields: mirroredFields(),
            route: (endpoint) => this.route(endpoint),
            // Platform events reach every `lightning/empApi` subscriber of their channel.
            onEvents: (events) => {
                for (const event of events) this.org.publish(event.channel, event.payload);
            },
            onJobs: (ran) => this.jobs.push(...ran.jobs)
        });
        return this.started;
    }

    /**
     * Where a callout goes: the Webex API (a Remote Site Setting of the package) to the Webex emulator; the org's own
     * My Domain and the sites an administrator added, as the org's Remote Site Settings allow; anything else is
     * refused as an org refuses a host without a Remote Site Setting.
     */
    route(endpoint: string): string | null {
        if (remoteSiteAllows(this.remoteSites, endpoint)) {
            const url = new URL(endpoint);
            return url.origin === WEBEX_API_ORIGIN ? `${this.org.webexBaseUrl}${url.pathname}${url.search}` : endpoint;
        }
        try {
            return this.org.salesforce.allowsCallout(this.org, endpoint) ? endpoint : null;
        } catch {
            return null;
        }
    }

    /** `Class.method(params)` as the signed-in user, in one transaction. */
    async call(className: string, methodName: string, params: Record<string, unknown>): Promise<HostAnswer> {
        const answer = await this.run({ kind: 'aura', className, methodName, params });
        this.calls.push({ method: `${className}.${methodName}`, status: answer.status, limits: answer.limits });
        this.calls.splice(0, Math.max(0, this.calls.length - MAX_CALLS_KEPT));
        return answer;
    }

    /** Anonymous Apex as a user (default: the signed-in one), as Execute Anonymous runs it. */
    anonymous(source: string, userId?: string): Promise<HostAnswer> {
        return this.run({ kind: 'anonymous', source }, userId);
    }

    /** An Apex REST request, as the user the site runs it as (its guest user). */
    rest(request: RestCall, userId: string): Promise<HostAnswer> {
        return this.run({ kind: 'rest', request }, userId);
    }

    /** A Visualforce page request as the signed-in user (a page of their session). */
    page(request: PageCall): Promise<HostAnswer> {
        return this.run({ kind: 'page', request });
    }

    /** Resolves once the Queueable jobs enqueued so far have run. */
    whenJobsSettled(): Promise<void> {
        return this.started ? this.started.whenJobsSettled() : Promise.resolve();
    }

    private run(entry: Entry, userId?: string): Promise<HostAnswer> {
        const platformEvents = this.org.deliveredPlatformEvents();
        const genericEvents = this.org.streaming.delivered();
        return this.host.run(
            {
                records: this.org.records,
                session: sessionOf(this.org, this.permissionSets, userId),
                orgDomain: this.org.myDomainUrl,
                objectLabels: objectLabels(),
                orgLimits: {
                    DailyDeliveredPlatformEvents: platformEvents,
                    DailyDurableGenericStreamingApiEvents: genericEvents
                },
                namespace: this.org.namespace
            },
            entry
        );
    }

    close(): Promise<void> {
        return this.started ? this.started.close() : Promise.resolve();
    }
}
